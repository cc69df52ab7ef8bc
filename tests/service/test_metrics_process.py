"""Multiprocess metrics keep the process id rather than asking for it on every update, and
still notice a fork: a child's samples go to its own file, not its parent's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import os, sys
from safeguard.service import metrics
metrics.count_checks("allow")
parent = os.getpid()
pid = os.fork()
if pid == 0:
    ok = metrics.process_id() == os.getpid() != parent
    metrics.count_checks("allow", 5)
    os._exit(0 if ok else 3)
_, status = os.waitpid(pid, 0)
assert os.waitstatus_to_exitcode(status) == 0, status
assert metrics.process_id() == parent
sys.stdout.write(metrics.render().decode())
"""


def test_a_forked_child_counts_in_its_own_file_and_the_sum_is_right(tmp_path: Path) -> None:
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True
    ).stdout
    files = sorted(p.name for p in tmp_path.iterdir())
    assert len([f for f in files if f.startswith("counter_")]) == 2, files
    line = next(x for x in out.splitlines() if x.startswith("safeguard_check_actions_total{"))
    assert float(line.rsplit(" ", 1)[1]) == 6.0
