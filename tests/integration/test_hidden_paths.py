"""A dot-folder under submissions/ is never read, so it is an error, not a hiding place
(issue 9, item 2): the full check reports it, and so does the pull-request check."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.submissions import layout

ROOT = Path(__file__).resolve().parents[2]


def test_full_check_reports_a_dot_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "submissions", repo / "submissions")
    shutil.copytree(ROOT / "schema", repo / "schema")
    year = layout.years(repo)[-1]
    member = next(f for f in layout.walk_year(repo, year) if f.kind is layout.Kind.MEMBER)
    chi_bo = repo / member.path.rsplit("/dang-vien/", 1)[0]
    hidden = chi_bo / ".an" / "dang-vien"
    hidden.mkdir(parents=True)
    shutil.copy(repo / member.path, hidden / "dv-999999.yaml")
    assert main(["--repo", str(repo), "check", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    rel = (chi_bo / ".an").relative_to(repo).as_posix()
    found = [f for f in report["findings"] if f["code"] == "path-name"]
    assert [(f["path"], f["severity"]) for f in found] == [(rel, "error")]
    assert "dấu chấm" in found[0]["message"] and "giữ nguyên" in found[0]["hint"]
