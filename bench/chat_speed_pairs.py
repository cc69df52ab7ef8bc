"""Short conversations, messages/s a core, for two source trees in alternating processes
(``main`` and a branch), so both see the same load: each process warms up and then scores
the synthetic test split ``--rounds`` times (CPU time, as ``bench.chat --speed``), and the
pairs are reported with the load average beside each run.

Run: ``python -m bench.chat_speed_pairs --pairs 10 A_SRC B_SRC``."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys

_CHILD = """
import json, os
from bench.chat import incremental_rate
from safeguard.chat.scorer import Scoring
from safeguard.chat.training.corpus import shipped_conversations
conversations = [i.conversation for i in shipped_conversations("test")]
rate = incremental_rate(conversations, Scoring.default(), {rounds})
print(json.dumps({{"rate": rate, "load": os.getloadavg()[0]}}))
"""


def run(src: str, rounds: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": src}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD.format(rounds=rounds)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    )
    doc: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return doc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("--pairs", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    a_rates, b_rates, ratios = [], [], []
    for i in range(args.pairs):
        first, second = (args.a, args.b) if i % 2 == 0 else (args.b, args.a)
        r1, r2 = run(first, args.rounds), run(second, args.rounds)
        ra, rb = (r1, r2) if first == args.a else (r2, r1)
        a_rates.append(ra["rate"])
        b_rates.append(rb["rate"])
        ratios.append(rb["rate"] / ra["rate"])
        print(
            f"pair {i}: a {ra['rate']:.0f} (load {ra['load']:.1f})  b {rb['rate']:.0f} "
            f"(load {rb['load']:.1f})  b/a {ratios[-1]:.3f}",
            flush=True,
        )
    print(
        json.dumps(
            {
                "a_median": round(statistics.median(a_rates)),
                "b_median": round(statistics.median(b_rates)),
                "ratio_of_medians": round(
                    statistics.median(b_rates) / statistics.median(a_rates), 3
                ),
                "paired_ratio_median": round(statistics.median(ratios), 3),
                "paired_ratios": sorted(round(r, 3) for r in ratios),
            }
        )
    )


if __name__ == "__main__":
    main()
