"""The organization tree by period and who decides (RULES.md §7, worked cases 35–37).

The sample is read as `kiemdiem` reads it; the new-type test adds a type to a copy of the
schema only (no code) and checks that ratings and authority work for it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import authority
from generator.check import load_year
from generator.findings import Severity
from generator.rules import rate_years
from generator.submissions.year import Year
from tests.conftest import ROOT

SAMPLE = {y: load_year(ROOT, y) for y in (2024, 2025, 2026)}


def _types(year: Year) -> set[str]:
    return {o.type.value for o in year.orgs.values()}


def test_sample_2024_has_the_district_and_2025_2026_do_not() -> None:
    y24, y25, y26 = (SAMPLE[y][0] for y in (2024, 2025, 2026))
    assert y24.orgs[y24.root_id or ""].type.value == "dang_bo_huyen"
    for y in (y25, y26):
        assert "dang_bo_huyen" not in _types(y)
        root = y.orgs[y.root_id or ""]
        assert root.type.value == "dang_bo_tinh"
        # one đảng bộ xã formed from the old district's communes, above grassroots
        (xa,) = [o for o in y.orgs.values() if o.type.value == "dang_bo_xa"]
        assert xa.type.is_upper and xa.parent_id == root.id
        assert "dang-bo-xa-an-hoa" in xa.predecessors
        # chi bộ thôn as chi bộ cơ sở under it; one TCCSĐ directly under the province
        assert y.orgs["chi-bo-thon-an-lac"].type.value == "chi_bo_co_so"
        assert y.orgs["chi-bo-thon-an-lac"].parent_id == xa.id
        assert any(y.orgs[c].type.is_grassroots for c in root.children if c in y.orgs), (
            "a TCCSĐ directly under the province"
        )
    for y in (2024, 2025, 2026):
        year, result = SAMPLE[y]
        assert all(t.exists_in(y) for t in (o.type for o in year.orgs.values()))
        assert not [f for f in result.findings if f.code == "org-type-period"]


def test_every_sample_decision_is_by_the_body_d1_to_d5_name() -> None:
    """Worked case 35 on the sample's 2025, and every decision line of every year."""
    for y, (year, result) in SAMPLE.items():
        assert not [f for f in result.findings if f.code == "decision-no-authority"], y
        for org_id, decisions in year.decisions.items():
            for m in decisions.members:
                assert authority.member_authority(year, m.member_id).allows(org_id)
            for o in decisions.organizations:
                assert authority.org_authority(year, o.org_id).allows(org_id)
    y25 = SAMPLE[2025][0]
    assert authority.member_authority(y25, "dv-101013").body.id == "chi-bo-thon-an-lac"  # type: ignore[union-attr]
    assert [
        (a.rule, a.body.id if a.body else None)
        for a in (
            authority.org_authority(y25, "chi-bo-thon-an-lac"),
            authority.org_authority(y25, "dang-bo-xa-an-son"),
            authority.org_authority(y25, "dang-bo-cong-ty-che-mau-son"),
            authority.org_authority(y25, "chi-bo-van-phong"),
            authority.org_authority(y25, "dang-bo-tinh-hoa-lam"),
        )
    ] == [
        ("D3", "dang-bo-xa-an-son"),
        ("D4", "dang-bo-tinh-hoa-lam"),
        ("D3", "dang-bo-tinh-hoa-lam"),
        ("D2", "dang-bo-cong-ty-che-mau-son"),
        ("D5", None),
    ]
    rated = rate_years({2025: y25})[2025]
    assert rated.members["dv-101013"].decided is not None
    assert "chi-bo-thon-an-lac" in (rated.members["dv-101013"].decided_by or "") or (
        "Chi bộ thôn An Lạc" in (rated.members["dv-101013"].decided_by or "")
    )
    xa = rated.orgs["dang-bo-xa-an-son"]  # an above-grassroots organization is rated (D4)
    assert xa.rated and xa.decided is not None and not xa.provisional
    assert "dang-bo-tinh-hoa-lam" not in rated.orgs  # the root: rated above (D5)


def test_case_37_history_follows_the_member_across_the_merger() -> None:
    years = {y: SAMPLE[y][0] for y in (2024, 2025)}
    rated = rate_years(years)
    # dv-101013: KHTNV in 2024 under huyện Mẫu Sơn's xã An Hòa, in 2025 under xã An Sơn
    assert years[2024].members["dv-101013"].org_id == "chi-bo-thon-an-lac"
    assert authority.member_authority(years[2024], "dv-101013").body.id == "dang-bo-xa-an-hoa"  # type: ignore[union-attr]
    flags = [r.rule for r in rated[2025].members["dv-101013"].flags]
    assert "X3" in flags
    # dv-101017: 2024 re-rated in 2025 by the successor of the body that decided 2024
    v24 = rated[2024].members["dv-101017"]
    assert v24.re_rated is not None and v24.final is not None and v24.final.code == "KHTNV"
    (rr,) = [r for r in rated[2025].re_ratings if r.member_id == "dv-101017"]
    assert "Đảng bộ xã An Hòa (cấp quyết định năm 2024) không còn" in rr.successor_vi
    assert "dang-bo-xa-an-son" in rr.successor_vi
    assert any("cấp kế thừa" in r.text for r in v24.reasons if r.rule == "124-M7")


def test_a_re_rating_by_a_body_without_authority_names_the_successor(tmp_path: Path) -> None:
    repo = _copy_sample(tmp_path, years=("2024", "2025"))
    # the company's committee re-rates a member of the former xã An Hòa: not its member
    path = (
        repo / "submissions/2025/dang-bo-tinh-hoa-lam/dang-bo-cong-ty-che-mau-son/quyet-dinh.yaml"
    )
    path.write_text(
        path.read_text(encoding="utf-8")
        + "xep_loai_lai:\n  - ma_dang_vien: dv-101012\n    nam: 2024\n    muc: HTNV\n",
        encoding="utf-8",
    )
    years = {y: load_year(repo, y)[0] for y in (2024, 2025)}
    rated = rate_years(years)
    (f,) = [f for f in rated[2025].findings if f.code == "re-rating-no-authority"]
    assert f.severity is Severity.ERROR and f.path.endswith(
        "dang-bo-cong-ty-che-mau-son/quyet-dinh.yaml"
    )
    assert (
        f.position.line
        == path.read_text(encoding="utf-8").splitlines().index("  - ma_dang_vien: dv-101012") + 1
    )
    assert "`dang-bo-xa-an-son`" in f.message and "không còn" in f.message
    assert rated[2024].members["dv-101012"].re_rated is None  # not applied


def test_case_36_a_decision_without_authority_is_not_applied(mini_repo: Any) -> None:
    xa = "submissions/2025/huyen-mau/dang-bo-xa-a"
    repo = mini_repo(
        {
            # the province decides a member (D1: the đảng ủy cơ sở of dang-bo-xa-a decides)
            "submissions/2025/huyen-mau/quyet-dinh.yaml": """
                nam: 2025
                ma_to_chuc: huyen-mau
                so_quyet_dinh: 7-QĐ/TU
                ngay: "2025-12-28"
                dang_vien:
                  - ma_dang_vien: dv-000001
                    muc: HTTNV
                """,
            # the chi bộ decides its own đảng bộ cơ sở (D3: the province decides it)
            f"{xa}/chi-bo-ap-1/quyet-dinh.yaml": """
                nam: 2025
                ma_to_chuc: chi-bo-ap-1
                so_quyet_dinh: 2-QĐ/CB
                ngay: "2025-12-20"
                to_chuc:
                  - ma_to_chuc: dang-bo-xa-a
                    muc: HTXSNV
                """,
        }
    )
    year, result = load_year(repo, 2025)
    found = sorted(
        (f.path.rsplit("/", 2)[-2], f.position.line, f.severity)
        for f in result.findings
        if f.code == "decision-no-authority"
    )
    assert found == [("chi-bo-ap-1", 6, Severity.ERROR), ("huyen-mau", 6, Severity.ERROR)]
    by_file = {f.path: f.message for f in result.findings if f.code == "decision-no-authority"}
    assert "`dang-bo-xa-a`" in by_file["submissions/2025/huyen-mau/quyet-dinh.yaml"]
    assert "`huyen-mau`" in by_file[f"{xa}/chi-bo-ap-1/quyet-dinh.yaml"]
    assert all("không được áp dụng" in m for m in by_file.values())
    rated = rate_years({2025: year})[2025]
    assert rated.members["dv-000001"].decided is None and rated.members["dv-000001"].provisional
    assert rated.orgs["dang-bo-xa-a"].decided is None and rated.orgs["dang-bo-xa-a"].provisional


def _copy_sample(tmp_path: Path, years: tuple[str, ...]) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "schema", repo / "schema")
    for y in years:
        shutil.copytree(ROOT / "submissions" / y, repo / "submissions" / y)
    return repo


def _dump(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


SCORES = {"diem": {"tieu_chi_chung": 25, "ket_qua_nhiem_vu": 58}}
REVIEW = {"kiem_diem": {"uu_diem": "Tốt.", "han_che": "Chưa đều.", "phuong_huong": "Cố gắng."}}


def _new_type_repo(tmp_path: Path) -> Path:
    """A province with a block committee of a type only the copied schema knows."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "schema", repo / "schema")
    schema_path = repo / "schema" / "to-chuc.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    loai = schema["properties"]["loai"]
    loai["enum"].append("dang_bo_khoi_doanh_nghiep")
    loai["x-loai-to-chuc"]["dang_bo_khoi_doanh_nghiep"] = {
        "ten": "Đảng bộ Khối doanh nghiệp tỉnh",
        "cap": "tren_co_so",
        "cap_tren": ["dang_bo_tinh"],
        "tu_nam": 2025,
        "co_quan_quyet_dinh": "Ban Thường vụ Đảng ủy Khối doanh nghiệp",
    }
    loai["x-loai-to-chuc"]["chi_bo_co_so"]["cap_tren"].append("dang_bo_khoi_doanh_nghiep")
    schema_path.write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")
    base = repo / "submissions" / "2025"
    _dump(
        base / "nam-danh-gia.yaml",
        {
            "nam": 2025,
            "bo_quy_tac": "qd366-hd43",
            "ten": "Kiểm điểm năm 2025",
            "to_chuc_goc": "tinh",
            "ngay_danh_gia": "2025-12-15",
        },
    )
    _dump(
        base / "tinh/to-chuc.yaml",
        {"ma_to_chuc": "tinh", "nam": 2025, "ten": "Đảng bộ tỉnh", "loai": "dang_bo_tinh"},
    )
    khoi = base / "tinh/khoi-dn"
    _dump(
        khoi / "to-chuc.yaml",
        {"ma_to_chuc": "khoi-dn", "nam": 2025, "ten": "Đảng bộ Khối doanh nghiệp",
         "loai": "dang_bo_khoi_doanh_nghiep", **SCORES, **REVIEW, "tu_xep_loai": "HTTNV"},
    )  # fmt: skip
    cb = khoi / "cb-cong-ty"
    _dump(
        cb / "to-chuc.yaml",
        {"ma_to_chuc": "cb-cong-ty", "nam": 2025, "ten": "Chi bộ Công ty A", "loai": "chi_bo_co_so",
         "phan_loai": "doanh_nghiep", **SCORES, **REVIEW, "tu_xep_loai": "HTTNV"},
    )  # fmt: skip
    for i in (1, 2, 3):
        _dump(
            cb / "dang-vien" / f"dv-00000{i}.yaml",
            {"ma_dang_vien": f"dv-00000{i}", "nam": 2025, "ho_ten": f"Đảng viên {i}",
             "loai_dang_vien": "chinh_thuc", "ngay_vao_dang": "2005-01-01",
             "nhiem_vu": {"duoc_giao": 10, "hoan_thanh": 10, "dung_han": 10, "vuot": 1},
             **SCORES, **REVIEW, "tu_xep_loai": "HTTNV"},
        )  # fmt: skip
    _dump(
        cb / "quyet-dinh.yaml",
        {"nam": 2025, "ma_to_chuc": "cb-cong-ty", "so_quyet_dinh": "1-QĐ/CB", "ngay": "2025-12-18",
         "dang_vien": [{"ma_dang_vien": f"dv-00000{i}", "muc": "HTTNV"} for i in (1, 2, 3)]},
    )  # fmt: skip
    _dump(
        khoi / "quyet-dinh.yaml",
        {"nam": 2025, "ma_to_chuc": "khoi-dn", "so_quyet_dinh": "2-QĐ/ĐUK", "ngay": "2025-12-22",
         "to_chuc": [{"ma_to_chuc": "cb-cong-ty", "muc": "HTTNV"}]},
    )  # fmt: skip
    _dump(
        base / "tinh/quyet-dinh.yaml",
        {"nam": 2025, "ma_to_chuc": "tinh", "so_quyet_dinh": "3-QĐ/TU", "ngay": "2026-01-10",
         "to_chuc": [{"ma_to_chuc": "khoi-dn", "muc": "HTTNV"}]},
    )  # fmt: skip
    return repo


def test_a_new_above_grassroots_type_is_a_schema_change_only(tmp_path: Path) -> None:
    repo = _new_type_repo(tmp_path)
    year, result = load_year(repo, 2025)
    assert [f.code for f in result.findings if f.severity is Severity.ERROR] == []
    khoi = year.orgs["khoi-dn"]
    assert khoi.type.is_upper and khoi.type.label_vi == "Đảng bộ Khối doanh nghiệp tỉnh"
    assert authority.org_authority(year, "cb-cong-ty").body is khoi  # D3
    assert authority.org_authority(year, "khoi-dn").rule == "D4"
    rated = rate_years({2025: year})[2025]
    assert rated.orgs["cb-cong-ty"].decided is not None and "2-QĐ/ĐUK" in (
        rated.orgs["cb-cong-ty"].decided_by or ""
    )
    assert rated.orgs["khoi-dn"].rated and rated.orgs["khoi-dn"].decided is not None
    assert all(not v.provisional for v in rated.members.values())

    # the province decides the chi bộ instead: an error naming the block committee
    (repo / "submissions/2025/tinh/khoi-dn/quyet-dinh.yaml").unlink()
    _dump(
        repo / "submissions/2025/tinh/quyet-dinh.yaml",
        {"nam": 2025, "ma_to_chuc": "tinh", "so_quyet_dinh": "3-QĐ/TU", "ngay": "2026-01-10",
         "to_chuc": [{"ma_to_chuc": "khoi-dn", "muc": "HTTNV"},
                     {"ma_to_chuc": "cb-cong-ty", "muc": "HTTNV"}]},
    )  # fmt: skip
    year, result = load_year(repo, 2025)
    (f,) = [f for f in result.findings if f.code == "decision-no-authority"]
    assert "Ban Thường vụ Đảng ủy Khối doanh nghiệp" in f.message and "`khoi-dn`" in f.message
    assert f.position.line == 8
    assert rate_years({2025: year})[2025].orgs["cb-cong-ty"].provisional


@pytest.mark.parametrize("year", [2024, 2025])
def test_a_type_outside_its_period_is_reported(mini_repo: Any, year: int) -> None:
    """The đảng bộ xã exists from 2025; the district until 2024 (RULES.md §7)."""
    y = "submissions/2025"
    repo = mini_repo(
        {
            f"{y}/huyen-mau/dang-bo-xa-a/to-chuc.yaml": None,
            f"{y}/huyen-mau/dang-bo-xa-a/chi-bo-ap-1/de-xuat.yaml": None,
        }
    )
    text = (repo / y / "huyen-mau" / "to-chuc.yaml").read_text(encoding="utf-8")
    code = "dang_bo_xa" if year == 2024 else "dang_bo_huyen"
    text = text.replace("loai: dang_bo_tinh", f"loai: {code}")
    if code == "dang_bo_xa":  # not a root type: it writes its own collective review
        text += yaml.safe_dump({**SCORES, **REVIEW, "tu_xep_loai": "HTTNV"}, allow_unicode=True)
    (repo / y / "huyen-mau" / "to-chuc.yaml").write_text(text, encoding="utf-8")
    if year == 2024:
        shutil.move(repo / y, repo / "submissions/2024")
        for f in (repo / "submissions/2024").rglob("*.yaml"):
            f.write_text(f.read_text(encoding="utf-8").replace("2025", "2024"), encoding="utf-8")
    _, result = load_year(repo, year)
    (f,) = [f for f in result.findings if f.code == "org-type-period"]
    assert f.severity is Severity.WARNING and f.path.endswith("huyen-mau/to-chuc.yaml")
    assert f.position.line == 4 and f"năm {year}" in f.message


def test_case_37_last_years_facts_follow_the_id_across_the_merger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`kiemdiem new` for 2025 finds the member's 2024 review under the old district."""
    from generator.cli import main

    repo = _copy_sample(tmp_path, years=("2024", "2025"))
    chi_bo = repo / "submissions/2025/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-thon-an-lac"
    (chi_bo / "dang-vien" / "dv-101013.yaml").unlink()
    monkeypatch.chdir(repo)
    assert (
        main(["new", "member", "dv-101013", "--org", "chi-bo-thon-an-lac", "--year", "2025"]) == 0
    )
    text = (chi_bo / "dang-vien" / "dv-101013.yaml").read_text(encoding="utf-8")
    assert "Thông tin lấy từ bản kiểm điểm năm 2024" in text
    assert "ho_ten: Bùi Văn Sơn" in text and 'ngay_vao_dang: "2009-05-19"' in text
