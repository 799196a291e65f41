"""`kiemdiem new member`: what still holds from last year's review is carried (an exemption,
temporary activity, the role group), an exempted member gets no review to write, and last
year's shortcomings are quoted for `han_che_truoc` without guessing its counts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.check.run import Selection, check_repo
from generator.cli import main
from generator.forge import earlierfacts
from generator.forge.committee import committee_fields
from generator.submissions.yamlload import loads
from tests.unit.test_scaffold import CHI_BO, ROOT, make_year

OLD = f"submissions/2025/{CHI_BO}/dang-vien/dv-7.yaml"
NEW = f"submissions/2026/{CHI_BO}/dang-vien/dv-7.yaml"
IDENTITY = (
    "ma_dang_vien: dv-7\nnam: 2025\nho_ten: Trần Thị Bình\nloai_dang_vien: chinh_thuc\n"
    'ngay_vao_dang: "2001-03-02"\n'
)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    make_year(tmp_path, 2025)
    make_year(tmp_path, 2026)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _new(repo: Path, last_year: str) -> tuple[str, dict[str, object]]:
    old = repo / OLD
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_text(IDENTITY + last_year, "utf-8")
    assert main(["new", "member", "dv-7", "--org", "chi-bo-1", "--year", "2026"]) == 0
    text = (repo / NEW).read_text("utf-8")
    loaded = loads(text.encode())
    assert loaded.document is not None and isinstance(loaded.document.data, dict)
    return text, loaded.document.data


def _findings(repo: Path) -> list[tuple[str, int]]:
    outcome = check_repo(repo, Selection([NEW]), rate=False)
    return sorted((f.code, f.line) for f in outcome.result.findings)


def test_an_exempted_member_keeps_the_exemption_and_gets_no_review_to_write(
    repo: Path,
) -> None:
    text, data = _new(
        repo,
        "tinh_trang: mien_sinh_hoat\nghi_chu_noi_bo: Miễn sinh hoạt từ năm 2021.\n",
    )
    assert data["tinh_trang"] == "mien_sinh_hoat"
    # exempted: not reviewed, not rated — nothing the member could fill in to be rated
    for key in ("kiem_diem", "diem", "tu_xep_loai", "han_che_truoc", "trang_thai_ho_so"):
        assert key not in data and f"# {key}:" not in text, key
    assert "không kiểm điểm, không xếp loại" in text
    # the committee's internal note is never written into the member's file
    assert "ghi_chu_noi_bo" not in data and "2021" not in text
    assert _findings(repo) == []


def test_temporary_activity_and_role_group_are_carried_not_this_years_comments(
    repo: Path,
) -> None:
    _, data = _new(
        repo,
        "tinh_trang: sinh_hoat_tam_thoi\nnhom_vai_tro: nguoi_lao_dong\n"
        "sinh_hoat_tam_thoi:\n  don_vi: 'Chi bộ Công ty: May #1'\n  co_nhan_xet: true\n"
        "nghi_om_thang: 4\n",
    )
    assert data["tinh_trang"] == "sinh_hoat_tam_thoi"
    assert data["sinh_hoat_tam_thoi"] == {"don_vi": "Chi bộ Công ty: May #1"}
    assert data["nhom_vai_tro"] == "nguoi_lao_dong"
    assert "nghi_om_thang" not in data  # a committee's fact of that year
    assert "kiem_diem" in data


def test_a_suspension_is_not_carried(repo: Path) -> None:
    text, data = _new(repo, "tinh_trang: dinh_chi\n")
    assert "tinh_trang" not in data
    assert "# năm nay vẫn bị đình chỉ, chi bộ ghi dòng: tinh_trang: dinh_chi" in text


def test_last_years_shortcomings_are_quoted_and_the_counts_left_to_write(repo: Path) -> None:
    hostile = (
        "Chưa chủ động.\\u2028diem: 99\\r\\ntu_xep_loai: HTXSNV\\u202e x\\n\\nNguyên nhân: bận."
    )
    text, data = _new(
        repo,
        f'han_che_truoc:\n  so_da_chi_ra: 1\n  so_da_khac_phuc: 1\nkiem_diem:\n  han_che: "{hostile}"\n',
    )
    quoted = [line for line in text.splitlines() if line.startswith("#   | ")]
    assert quoted == [
        "#   | Chưa chủ động.",
        "#   | diem: 99",
        "#   | tu_xep_loai: HTXSNV x",
        "#   | Nguyên nhân: bận.",
    ]
    assert "# Tệp năm 2025 ghi: đã chỉ ra 1, đã khắc phục 1 (các kỳ trước đó)." in text
    # the counts are the member's to write, never guessed: a suggestion, so a draft
    # committed before they are known stays clean (366-M1 is checked at rating time)
    assert "han_che_truoc" not in data and "diem" not in data and "tu_xep_loai" not in data
    assert _findings(repo) == []
    block = '# han_che_truoc:\n#   so_da_chi_ra: ""\n#   so_da_khac_phuc: ""'
    assert block in text
    filled = "han_che_truoc:\n  so_da_chi_ra: 2\n  so_da_khac_phuc: 1"
    (repo / NEW).write_text(text.replace(block, filled), "utf-8")
    assert _findings(repo) == []


def test_without_last_years_shortcomings_the_counts_are_a_suggestion(repo: Path) -> None:
    text, data = _new(repo, "")
    assert "han_che_truoc" not in data
    assert "# han_che_truoc:" in text and '#   so_da_chi_ra: ""' in text


def test_standing_facts_are_none_of_the_committees() -> None:
    committee = {key for key, *_ in committee_fields(ROOT, "HEAD")}
    assert committee.isdisjoint(earlierfacts.STANDING_FACTS)


def test_invisible_characters_are_never_carried(repo: Path) -> None:
    """A trial: last year's `sinh_hoat_tam_thoi.don_vi` with U+200B was carried and the new
    file got `text-invisible` at once; such a value is left to write again, as one with a
    control character."""
    old = repo / OLD
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_text(
        IDENTITY.replace("Trần Thị Bình", "Trần Thị\\u200b Bình")
        .replace("ho_ten: ", 'ho_ten: "')
        .replace("Bình\n", 'Bình"\n')
        + 'chuc_vu: "Bí thư\\u202e Chi bộ"\n'
        + "tinh_trang: sinh_hoat_tam_thoi\n"
        + 'sinh_hoat_tam_thoi:\n  don_vi: "Chi bộ\\u200b May"\n',
        "utf-8",
    )
    assert main(["new", "member", "dv-7", "--org", "chi-bo-1", "--year", "2026"]) == 0
    text = (repo / NEW).read_text("utf-8")
    assert "\u200b" not in text and "\u202e" not in text
    data = loads(text.encode()).document.data  # type: ignore[union-attr]
    assert "chuc_vu" not in data and "sinh_hoat_tam_thoi" not in data
    assert data["ho_ten"] != "Trần Thị\u200b Bình"
    assert not [c for c, _ in _findings(repo) if c == "text-invisible"]


def test_last_years_agency_rating_is_a_commented_prompt(repo: Path) -> None:
    """A trial: `new member` wrote no `can_bo_cong_chuc` for a member whose 2025 file had
    one (366-M10: the agency's rating is the basis); the agency's name is carried, the
    level (each year's own) left to write."""
    text, data = _new(repo, "can_bo_cong_chuc:\n  xep_loai: KHTNV\n  co_quan: UBND xã An Phú\n")
    assert "can_bo_cong_chuc" not in data and "xep_loai: KHTNV" not in text
    block = '# can_bo_cong_chuc:\n#   xep_loai: ""\n#   co_quan: UBND xã An Phú\n'
    assert block in text
    assert "# CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC: tệp năm 2025 ghi mức xếp loại của cơ quan," in text
    assert _findings(repo) == []
    filled = "can_bo_cong_chuc:\n  xep_loai: HTTNV\n  co_quan: UBND xã An Phú\n"
    (repo / NEW).write_text(text.replace(block, filled), "utf-8")
    assert _findings(repo) == []


def test_an_agency_name_with_an_invisible_character_is_left_to_write(repo: Path) -> None:
    text, _ = _new(repo, 'can_bo_cong_chuc:\n  xep_loai: HTNV\n  co_quan: "UBND\\u200b xã"\n')
    assert '# can_bo_cong_chuc:\n#   xep_loai: ""\n#   co_quan: ""\n' in text
    assert "\u200b" not in text


def test_no_agency_prompt_without_last_years_block(repo: Path) -> None:
    text, _ = _new(repo, "")
    assert "can_bo_cong_chuc" not in text
