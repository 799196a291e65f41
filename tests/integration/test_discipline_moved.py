"""A discipline decided in January of the next year, written in last year's file, must be
in this year's file of the member (generator.rules.moveddiscipline): a hostile-submitter
trial dated a 2026 decision into January 2027 and it counted in no year."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.commands.rate import statistics_for
from generator.privacy import Scope
from generator.privacy.findings import finding_scope
from tests.conftest import copy_sample

CB = "submissions/{year}/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-thon-an-lac"
MEMBER = CB + "/dang-vien/dv-101012.yaml"
ITEM = 'ky_luat:\n  - hinh_thuc: khien_trach\n    ngay_quyet_dinh: "2026-01-20"\n'


def _check(repo: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    main(["--repo", str(repo), "check", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    return [f for f in report["findings"] if f["code"] == "rule-discipline-not-moved"]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = copy_sample(tmp_path / "repo", (2025, 2026))
    before = repo / MEMBER.format(year=2025)
    before.write_text(before.read_text("utf-8") + ITEM, "utf-8")
    return repo


def test_a_january_discipline_left_in_last_years_file_is_told_in_this_years(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = _check(repo, capsys)
    assert len(found) == 1
    f = found[0]
    assert f["path"] == MEMBER.format(year=2026) and f["line"] == 1
    assert f["severity"] == "warning" and f["actor"] == "committee"
    assert "Bản kiểm điểm năm 2025 của đảng viên" in f["message"]
    assert "mục kỷ luật thứ 1 (mục `ky_luat`) ra quyết định trong năm 2026" in f["message"]
    assert "chưa được tính cho năm nào" in f["message"]
    assert "bản năm 2025 giữ nguyên" in f["hint"]
    # discipline: the committee's to read, wherever findings are shown
    _, verdicts, _ = statistics_for(repo, 2026)
    (made,) = [x for x in verdicts.findings if x.code == "rule-discipline-not-moved"]
    assert finding_scope(made, repo / "schema") is Scope.CAP_UY
    # neither the date nor the form is quoted (they are in another file than this one)
    assert "2026-01-20" not in json.dumps(f) and "20/01/2026" not in json.dumps(f)
    assert "khien_trach" not in json.dumps(f) and "khiển trách" not in json.dumps(f)


def test_once_this_years_file_holds_it_nothing_is_told(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    now = repo / MEMBER.format(year=2026)
    now.write_text(now.read_text("utf-8") + ITEM, "utf-8")
    assert _check(repo, capsys) == []
