"""`kiemdiem new year`: the year file carries the year before's role groups (366-M6) and
the settings the new year's ruleset still reads; its deadlines template is complete and
every commented suggestion is valid once uncommented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.check.run import Selection, check_repo
from generator.cli import main
from generator.submissions.yamlload import loads
from tests.conftest import copy_sample

YEAR_2026 = """\
nam: 2026
ten: Năm 2026
bo_quy_tac: qd366-hd43
to_chuc_goc: dang-bo-tinh-hoa-lam
ngay_danh_gia: "2026-12-15"
kho_mot_phan: true
bao_ve_du_lieu:
  thoi_han_luu_tru_nam: 7
nhom_vai_tro:
  - ma: lanh_dao_quan_ly
    ten: "Lãnh đạo: quản lý"
  - ma: nghi_huu
    ten: Nghỉ hưu
cai_dat:
  quota_rounding: round
  quota_share_outstanding: 0.25
  kem_rule: any
"""
REL = "submissions/2027/nam-danh-gia.yaml"
# a commented line that is a YAML suggestion: `# key: ...`, `#   key:`, `#   - ma: ...`
SUGGESTION = re.compile(r"^# ( *(?:[a-z_]+:(?: |$)|- ))")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = copy_sample(tmp_path / "repo", (2026,))
    (root / "submissions/2026/nam-danh-gia.yaml").write_text(YEAR_2026, "utf-8")
    monkeypatch.chdir(root)
    return root


def _data(repo: Path, text: str | None = None) -> dict[str, object]:
    loaded = loads((text or (repo / REL).read_text("utf-8")).encode())
    assert loaded.document is not None
    data = loaded.document.data
    assert isinstance(data, dict)
    return data


def _uncommented(text: str) -> str:
    return "\n".join(SUGGESTION.sub(r"\1", line) for line in text.splitlines()) + "\n"


def _year_findings(repo: Path) -> list[tuple[str, int, str]]:
    found = check_repo(repo, Selection([REL]), rate=True).result.findings
    return sorted((f.code, f.line, f.message) for f in found if f.path == REL)


def test_new_year_carries_role_groups_and_settings(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "year", "2027"]) == 0
    data = _data(repo)
    assert data["nhom_vai_tro"] == [
        {"ma": "lanh_dao_quan_ly", "ten": "Lãnh đạo: quản lý"},
        {"ma": "nghi_huu", "ten": "Nghỉ hưu"},
    ]
    # facts of the repository, which a new year does not change
    assert (data["kho_mot_phan"], data["bao_ve_du_lieu"]) == (True, {"thoi_han_luu_tru_nam": 7})
    # kem_rule is a 124 setting qd366-hd43 does not read (rule-setting-unknown): not carried
    assert data["cai_dat"] == {"quota_rounding": "round", "quota_share_outstanding": 0.25}
    text = (repo / REL).read_text("utf-8")
    assert "# Không chép cài đặt của năm 2026: kem_rule (bộ quy tắc qd366-hd43 không dùng)." in text
    assert "RULES.md" not in text and "docs/quy-tac.md" in text
    out = capsys.readouterr().out
    assert "đã chép từ tệp năm 2026: 2 nhóm vai trò (`nhom_vai_tro`, 366-M6); cài đặt" in out
    assert "; `kho_mot_phan`, `bao_ve_du_lieu`; không chép `kem_rule`" in out
    assert "cài đặt `quota_rounding`, `quota_share_outstanding`" in out
    assert "không chép `kem_rule` (bộ quy tắc qd366-hd43 không dùng)" in out
    assert _year_findings(repo) == []


def test_new_year_carries_no_setting_the_new_ruleset_does_not_know(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "year", "2027", "--ruleset", "pending"]) == 0
    data = _data(repo)
    assert "cai_dat" not in data
    assert len(data["nhom_vai_tro"]) == 2  # type: ignore[arg-type]
    text = (repo / REL).read_text("utf-8")
    assert "quota_rounding (bộ quy tắc pending không dùng)" in text
    assert "không chép `quota_rounding` (bộ quy tắc pending không dùng)" in capsys.readouterr().out
    assert _year_findings(repo) == []


@pytest.mark.parametrize("ruleset", ["qd366-hd43", "pending", "qd124-hd25"])
@pytest.mark.parametrize("earlier", [True, False])
def test_every_commented_suggestion_passes_once_uncommented(
    repo: Path, ruleset: str, earlier: bool
) -> None:
    if not earlier:
        (repo / "submissions/2026/nam-danh-gia.yaml").write_text(
            YEAR_2026.split("nhom_vai_tro:")[0], "utf-8"
        )
    assert main(["new", "year", "2027", "--ruleset", ruleset]) == 0
    text = (repo / REL).read_text("utf-8")
    opened = _uncommented(text)
    assert opened != text
    data = _data(repo, opened)
    # the deadlines template is complete: every deadline the schema knows
    assert data["han_chot"] == {
        "kiem_diem_ca_nhan": "2027-11-30",
        "de_xuat": "2027-12-10",
        "quyet_dinh": "2027-12-31",
        "bao_cao": "2028-01-31",
    }
    if ruleset != "pending":
        assert data["cai_dat"]
    (repo / REL).write_text(opened, "utf-8")
    assert _year_findings(repo) == []


def test_new_year_carries_no_role_group_name_with_an_invisible_character(repo: Path) -> None:
    year = repo / "submissions/2026/nam-danh-gia.yaml"
    year.write_text(YEAR_2026.replace("ten: Nghỉ hưu", 'ten: "Nghỉ\\u200b hưu"'), "utf-8")
    assert main(["new", "year", "2027"]) == 0
    text = (repo / REL).read_text("utf-8")
    assert "\u200b" not in text
    assert _data(repo)["nhom_vai_tro"] == [{"ma": "lanh_dao_quan_ly", "ten": "Lãnh đạo: quản lý"}]
    assert not [f for f in _year_findings(repo) if f[0] == "text-invisible"]
