"""Rules on how a match was found, at the edges: ``POST /v1/rules`` and ``safeguard rules
set`` take ``variants`` and ``min_inliers`` (an unknown variant is 400 / exit 1), and
``POST /v1/check`` and ``safeguard check`` (both ``check_record``) give the same action for a
picture found only by the local-feature shortlist: review under a plain block rule (the
answer's ``lowered_from`` says block), block once a rule names ``local``; an exact copy
blocks either way."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest
from bench.robust_transforms import crop_box
from PIL import Image

from safeguard.banks import BankSpec, create_bank
from safeguard.banks.media import MediaOptions, import_media
from safeguard.service.testing import LiveServer, database_url
from safeguard.store.db import Database
from tests.conftest import live_service
from tests.media_factory import picture


@dataclass
class Served:
    server: LiveServer
    db: Database
    client: httpx.Client
    tmp: Path


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    tmp = tmp_path_factory.mktemp("rulevariants")
    with live_service(request.param, tmp, verify=True) as s, s.client() as client:
        with s.db.session() as session:
            create_bank(session, BankSpec("known"), "test")
        known = tmp / "known"
        known.mkdir()
        for name in ("astronaut", "coffee", "chelsea"):
            picture(640, 480, name).save(known / f"{name}.png")
        options = MediaOptions(local_features=True)
        list(import_media(s.db, "known", sorted(known.iterdir()), actor="t", options=options))
        s.server.app.state.runtime.refresh()
        yield Served(s.server, s.db, client, tmp)


def _rules(served: Served) -> None:
    for rule in served.client.get("/v1/rules").json():
        assert served.client.delete(f"/v1/rules/{rule['id']}").status_code == 200


def _save(path: Path, pixels: np.ndarray) -> Path:
    Image.fromarray(np.ascontiguousarray(pixels)).save(path)
    return path


def _api_check(served: Served, path: Path) -> dict[str, Any]:
    r = served.client.post("/v1/check", files={"file": (path.name, path.read_bytes(), "image/png")})
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def _cli(served: Served, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SAFEGUARD_VERIFY": "1"}
    base = [sys.executable, "-m", "safeguard.cli", "--data-dir", str(served.tmp / "cli")]
    base += ["--db", database_url(served.db)]
    return subprocess.run([*base, *args], capture_output=True, text=True, timeout=300, env=env)


def _cli_check(served: Served, path: Path) -> dict[str, Any]:
    done = _cli(served, "check", "--json", str(path))
    assert done.returncode == 0, done.stderr
    [row] = [json.loads(line) for line in done.stdout.splitlines()]
    assert isinstance(row, dict)
    return row


def _summary(body: dict[str, Any]) -> tuple[str, list[tuple[str, str]]]:
    pdq = [(m["external_id"], m["variant"]) for m in body["matches"] if m["signal"] == "pdq"]
    return body["action"], pdq


def test_the_api_stores_and_lists_rule_conditions(served: Served) -> None:
    _rules(served)
    r = served.client.post(
        "/v1/rules",
        json={"action": "block", "bank": "known", "variants": ["local"], "min_inliers": 40},
    )
    assert r.status_code == 201, r.text
    assert (r.json()["variants"], r.json()["min_inliers"]) == (["local"], 40)
    [listed] = served.client.get("/v1/rules").json()
    assert (listed["variants"], listed["min_inliers"]) == (["local"], 40)


def test_the_api_refuses_an_unknown_variant(served: Served) -> None:
    _rules(served)
    r = served.client.post("/v1/rules", json={"action": "block", "variants": ["exakt"]})
    assert r.status_code == 400, r.text
    assert r.json()["error"]["code"] == "invalid_rule"
    assert "exakt" in r.json()["error"]["message"]
    assert served.client.get("/v1/rules").json() == []


def test_the_command_line_sets_conditions_and_refuses_unknown_variants(served: Served) -> None:
    _rules(served)
    bad = _cli(served, "rules", "set", "block", "--variant", "exact,fuzzy", "--json")
    assert bad.returncode == 1 and "fuzzy" in bad.stderr
    ok = _cli(
        served, "rules", "set", "block", "--bank", "known", "--variant", "exact",
        "--variant", "derived", "--min-inliers", "25", "--json",
    )  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    made = json.loads(ok.stdout)
    assert (made["variants"], made["min_inliers"]) == (["derived", "exact"], 25)
    listed = _cli(served, "rules", "list", "--json")
    assert [json.loads(x)["variants"] for x in listed.stdout.splitlines()] == [["derived", "exact"]]


def test_a_local_only_match_goes_to_review_and_blocks_once_opted_in(served: Served) -> None:
    _rules(served)
    assert served.client.post("/v1/rules", json={"action": "block", "bank": "known"}).is_success
    # 15 % off the left, 10 % off the bottom: no stored hash or region is near it.
    original = np.asarray(picture(640, 480, "astronaut"))
    query = _save(served.tmp / "asymmetric.png", crop_box(original, 0.0, 0.10, 0.15, 0.0))
    exact = _save(served.tmp / "copy.png", original)

    over_http, on_cli = _api_check(served, query), _cli_check(served, query)
    assert _summary(over_http) == _summary(on_cli) == ("review", [("astronaut.png", "local")])
    assert over_http["case_id"] is not None and on_cli["case_id"] is not None
    # Both answers say the action was lowered, from what, and for which match.
    for body in (over_http, on_cli):
        assert body["lowered_from"] == "block"
        [lowered] = body["lowered"]
        assert (lowered["bank"], lowered["lowered_from"], lowered["lowered_for"]) == (
            "known",
            "block",
            ["local"],
        )
        assert lowered["entry"] == body["matches"][0]["entry"]
    assert _summary(_api_check(served, exact))[0] == _summary(_cli_check(served, exact))[0]
    assert _summary(_api_check(served, exact))[0] == "block"

    assert _api_check(served, exact)["lowered_from"] is None
    assert _api_check(served, exact)["lowered"] == []

    opted = {"action": "block", "bank": "known", "variants": ["local"]}
    assert served.client.post("/v1/rules", json=opted).is_success
    assert _summary(_api_check(served, query))[0] == "block"
    assert _summary(_cli_check(served, query))[0] == "block"
    assert _api_check(served, query)["lowered_from"] is None


def test_a_rule_filtered_to_exact_leaves_local_matches_to_other_rules(served: Served) -> None:
    _rules(served)
    exact_only = {"action": "block", "bank": "known", "variants": ["exact"]}
    assert served.client.post("/v1/rules", json=exact_only).is_success
    assert served.client.post("/v1/rules", json={"action": "allow"}).is_success
    original = np.asarray(picture(640, 480, "coffee"))
    query = _save(served.tmp / "coffee-crop.png", crop_box(original, 0.0, 0.10, 0.15, 0.0))
    exact = _save(served.tmp / "coffee.png", original)
    assert _summary(_api_check(served, query)) == ("allow", [("coffee.png", "local")])
    assert _summary(_cli_check(served, query))[0] == "allow"
    assert _summary(_api_check(served, exact)) == ("block", [("coffee.png", "exact")])
