"""``safeguard triage`` end to end through the CLI: the contract (JSON lines on stdout,
exit codes) and the examiner's path from `new` to `export`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

pytest.importorskip("pytsk3", reason="pip install 'safeguard[forensics]'")

from safeguard.cli import app
from tests.triage.disks import fat_image, jpeg, md5, png, zip_of

ROW_FIELDS = {
    "id",
    "source",
    "path",
    "size",
    "md5",
    "sha1",
    "sha256",
    "pdq",
    "vpdq",
    "deleted",
    "known",
    "matches",
    "category",
    "stack",
}


def lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture
def cli(tmp_path: Path) -> Any:
    runner = CliRunner()
    env = {"SAFEGUARD_DATA_DIR": str(tmp_path / "data"), "SAFEGUARD_DB_URL": ""}

    def invoke(*args: str) -> Any:
        return runner.invoke(app, list(args), env=env)

    return invoke


@pytest.fixture(scope="module")
def image(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    return fat_image(
        folder / "usb.img",
        {"a.jpg": jpeg(21), "b.zip": zip_of({"c.png": png(22)})},
        deleted={"d.jpg": jpeg(23)},
    )


def test_help_lists_every_command(cli: Any) -> None:
    result = cli("triage", "--help")
    assert result.exit_code == 0
    for command in ("new", "run", "list", "categorise", "report", "export"):
        assert command in result.output


def test_an_examiner_goes_from_new_to_export(
    cli: Any, image: Path, cluster: str, tmp_path: Path
) -> None:
    made = cli("triage", "new", "OP-1", "--source", str(image), "--examiner", "DC A", "--json")
    assert made.exit_code == 0, made.output
    assert lines(made.stdout)[0]["sources"][0]["kind"] == "raw"
    run = cli("triage", "run", "OP-1", "--scheduler", cluster, "--json")
    assert run.exit_code == 0, run.output
    (summary,) = lines(run.stdout)
    assert summary["files"] == 3 and summary["items"] == 4 and summary["deleted"] == 1
    listed = cli("triage", "list", "OP-1", "--json")
    assert listed.exit_code == 0
    items = lines(listed.stdout)
    assert len(items) == 4 and all(set(r) >= ROW_FIELDS for r in items)
    assert {r["md5"] for r in items} >= {md5(jpeg(21)), md5(png(22)), md5(jpeg(23))}
    deleted = lines(cli("triage", "list", "OP-1", "--json", "--deleted").stdout)
    assert [r["md5"] for r in deleted] == [md5(jpeg(23))]
    target = next(r for r in items if r["md5"] == md5(jpeg(21)))
    done = cli("triage", "categorise", "OP-1", str(target["id"]), "--code", "c", "--note", "x")
    assert done.exit_code == 0, done.output
    again = {r["id"]: r for r in lines(cli("triage", "list", "OP-1", "--json").stdout)}
    assert again[target["id"]]["category"] == {"scheme": "uk", "code": "C", "by": "examiner:DC A"}
    rep = cli("triage", "report", "OP-1", "--json")
    assert rep.exit_code == 0
    (data,) = lines(rep.stdout)
    assert data["counts"]["categories"]["C"] == 1 and data["counts"]["unknown"] == 4
    assert [a["action"] for a in data["actions"]][-1] == "triage_categorised"
    for fmt in ("vics", "csv", "html", "pdf"):
        out = tmp_path / f"case.{fmt}"
        exported = cli("triage", "export", "OP-1", "--format", fmt, "--out", str(out), "--json")
        assert exported.exit_code == 0, exported.output
        assert out.stat().st_size > 0
    vics = json.loads((tmp_path / "case.vics").read_text())
    assert vics["@odata.context"].endswith("/2.0.xml/UK/$metadata#Cases")
    media = {m["MD5"]: m for m in vics["value"][0]["Media"]}
    assert media[md5(jpeg(21)).upper()]["Category"] == 3  # C
    assert media[md5(jpeg(21)).upper()]["IsPrecategorized"] is False


def test_usage_errors_exit_2(cli: Any, image: Path, tmp_path: Path) -> None:
    assert cli("triage", "list", "NOPE").exit_code == 2
    assert cli("triage", "new", "X", "--source", str(tmp_path / "missing.img")).exit_code == 2
    assert cli("triage", "new", "X", "--source", str(image), "--scheme", "fr").exit_code == 2
    assert cli("triage", "new", "Y", "--source", str(image)).exit_code == 0
    assert cli("triage", "new", "Y", "--source", str(image)).exit_code == 1  # exists
    assert cli("triage", "list", "Y", "--known", "--unknown").exit_code == 2
    bad = cli("triage", "export", "Y", "--format", "docx", "--out", str(tmp_path / "o"))
    assert bad.exit_code == 2
    assert cli("triage", "categorise", "Y", "1", "--code", "Z").exit_code == 2
