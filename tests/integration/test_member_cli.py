"""`kiemdiem member MÃ`: one member's record across all years (issue 14, right of access)."""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from generator.commands.member import render_text
from generator.pipeline import Pipeline
from generator.privacy import Scope
from generator.privacy.access import StoredValue, YearRecord, stored_values
from tests.conftest import CB, MINI

ROOT = Path(__file__).resolve().parents[2]
M2 = f"{CB}/dang-vien/dv-000002.yaml"


@pytest.fixture(scope="module")
def sample_rated():  # type: ignore[no-untyped-def]
    return Pipeline(ROOT).rate(None)


def _member_in_every_year(rated) -> str:  # type: ignore[no-untyped-def]
    """A member of the sample with a decided level in two years and a file in all."""
    years = [ry for ry in rated if ry.verdicts is not None]
    for mid in sorted(years[0].year.members):
        decided = [ry for ry in years if (v := ry.verdicts.members.get(mid)) and v.decided]
        if len(decided) >= 2 and all(mid in ry.year.members for ry in years):
            return mid
    raise AssertionError("the sample has no member decided in two years")


def test_text_names_every_year_level_decision_and_reason(
    sample_rated, capsys: pytest.CaptureFixture[str]
) -> None:
    mid = _member_in_every_year(sample_rated)
    assert main(["--repo", str(ROOT), "member", mid]) == 0
    out = capsys.readouterr().out
    for ry in sample_rated:
        member = ry.year.members[mid]
        assert f"Năm {ry.number} · " in out
        v = ry.verdicts.members.get(mid) if ry.verdicts else None
        if v is not None and v.decided is not None:
            assert f"Cấp ủy quyết định: {v.decided.code} ({v.decided_by})" in out
            for reason in v.reasons:
                assert f"[{reason.rule}] {reason.text}" in out
        # the stored data, with who may read it on the sites
        assert f"Họ và tên (ho_ten) · Toàn đảng bộ: {member.name}" in out
    assert "Thời hạn lưu giữ dữ liệu cá nhân: 5 năm" in out


def test_json_lists_stored_data_with_its_class(
    sample_rated, capsys: pytest.CaptureFixture[str]
) -> None:
    mid = _member_in_every_year(sample_rated)
    assert main(["--repo", str(ROOT), "member", mid, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ma_dang_vien"] == mid
    assert [y["nam"] for y in data["cac_nam"]] == [ry.number for ry in sample_rated]
    first = data["cac_nam"][0]
    classes = {d["muc"]: d["pham_vi"] for d in first["du_lieu_luu_giu"]}
    assert classes["ho_ten"] == "to-chuc"
    assert classes.get("ngay_sinh", "khong-cong-bo") == "khong-cong-bo"
    decided = [y for y in data["cac_nam"] if y["ket_qua"] and y["ket_qua"]["cap_uy_quyet_dinh"]]
    assert all(y["ket_qua"]["ly_do"] for y in decided)


def test_unknown_and_malformed_ids(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--repo", str(ROOT), "member", "dv-999999"]) == 1
    assert "Không tìm thấy đảng viên dv-999999" in capsys.readouterr().err
    assert main(["--repo", str(ROOT), "member", "../x\x1b[31m"]) == 2
    err = capsys.readouterr().err
    assert "không hợp lệ" in err and "\x1b" not in err


def test_text_says_yes_no_and_not_stated_in_vietnamese(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """True/False/None are shown as có/không/— at every depth (a yes/no of the file, a
    group's missing number, a list of records), never as Python's words; the JSON keeps
    true/false/null."""
    member = textwrap.dedent(MINI[M2]).replace("  dung_han: 8\n", "") + textwrap.dedent(
        """\
        ngoai_he_thong_chinh_tri: true
        ky_luat:
          - hinh_thuc: khien_trach
            ngay_quyet_dinh: "2025-05-14"
            lien_quan_chuc_trach: false
            noi_dung: Chậm nộp báo cáo
        """
    )
    repo = mini_repo({M2: member})
    assert main(["--repo", str(repo), "member", "dv-000002"]) == 0
    out = capsys.readouterr().out
    assert "Không công tác trong hệ thống chính trị (ngoai_he_thong_chinh_tri)" in out
    assert "(ngoai_he_thong_chinh_tri) · Toàn đảng bộ: có\n" in out
    assert "      dung_han: —\n" in out  # a group's number not stated
    assert (
        "      - hinh_thuc: khiển trách\n"
        "        ngay_quyet_dinh: 2025-05-14\n"
        "        ngay_vi_pham: —\n"
        "        tu_phat_hien_khac_phuc: —\n"
        "        lien_quan_chuc_trach: không\n"
        "        tham_nhung_lang_phi: không\n"
        "        noi_dung: Chậm nộp báo cáo\n"
    ) in out
    for python in ("True", "False", "None", "true", "false", "null"):
        assert python not in out
    assert main(["--repo", str(repo), "member", "dv-000002", "--format", "json"]) == 0
    stored = json.loads(capsys.readouterr().out)["cac_nam"][0]["du_lieu_luu_giu"]
    values = {d["muc"]: d["gia_tri"] for d in stored}
    assert values["ngoai_he_thong_chinh_tri"] is True
    assert values["nhiem_vu"]["dung_han"] is None
    assert values["ky_luat"][0]["lien_quan_chuc_trach"] is False


def test_a_choice_is_shown_as_written_and_in_words(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A value from a list of choices is the word the member wrote in the JSON
    (`khien_trach`, `HTTNV`), and its Vietnamese label in the text where it has one; never
    the rank a numbered choice (discipline form, level, criterion level) is held by."""
    member = textwrap.dedent(MINI[M2]) + textwrap.dedent(
        """\
        mau_bieu: phu_luc_4
        can_bo_cong_chuc:
          xep_loai: HTXSNV
        ky_luat:
          - hinh_thuc: canh_cao
            ngay_quyet_dinh: "2025-05-14"
        """
    )
    repo = mini_repo({M2: member})
    assert main(["--repo", str(repo), "member", "dv-000002"]) == 0
    out = capsys.readouterr().out
    assert "(loai_dang_vien) · Toàn đảng bộ: Đảng viên chính thức\n" in out
    assert "(mau_bieu) · Toàn đảng bộ: Phụ lục 4\n" in out
    assert "(tu_xep_loai) · Chi bộ của đảng viên: Hoàn thành tốt nhiệm vụ\n" in out
    assert "      xep_loai: Hoàn thành xuất sắc nhiệm vụ\n" in out
    assert "      - hinh_thuc: cảnh cáo\n" in out
    assert main(["--repo", str(repo), "member", "dv-000002", "--format", "json"]) == 0
    stored = json.loads(capsys.readouterr().out)["cac_nam"][0]["du_lieu_luu_giu"]
    values = {d["muc"]: d["gia_tri"] for d in stored}
    assert values["loai_dang_vien"] == "chinh_thuc"
    assert values["mau_bieu"] == "phu_luc_4"
    assert values["tu_xep_loai"] == "HTTNV"
    assert values["can_bo_cong_chuc"]["xep_loai"] == "HTXSNV"
    assert values["ky_luat"][0]["hinh_thuc"] == "canh_cao"


def test_criterion_levels_as_written(sample_rated, capsys: pytest.CaptureFixture[str]) -> None:
    """A year under QĐ 124 holds criterion levels (tieu_chi): `tot`, not their rank 3."""
    mid, year = next(
        (mid, ry.number)
        for ry in sample_rated
        for mid, m in sorted(ry.year.members.items())
        if m.criteria
    )
    written = sample_rated[year].year.members[mid].criteria
    assert main(["--repo", str(ROOT), "member", mid, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    stored = next(y for y in data["cac_nam"] if y["nam"] == year)["du_lieu_luu_giu"]
    criteria = next(d["gia_tri"] for d in stored if d["muc"] == "tieu_chi")
    assert criteria == {k: v.code for k, v in written.items()}
    assert set(criteria.values()) <= {"xuat_sac", "tot", "trung_binh", "kem"}
    assert main(["--repo", str(ROOT), "member", mid]) == 0
    out = capsys.readouterr().out
    name, level = next(iter(written.items()))
    assert f"      {name}: {level.label_vi}\n" in out


def test_text_of_several_lines_stays_under_its_key(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A YAML block (kiem_diem.uu_diem, ghi_chu_noi_bo, a discipline's noi_dung) is shown
    below its key, every line indented under it, none at column 0 breaking the layout."""
    member = (
        textwrap.dedent(MINI[M2]).replace(
            "  uu_diem: Nhiệt tình.\n",
            "  uu_diem: |\n    Nhiệt tình.\n    Gương mẫu.\n\n    Đoàn kết.\n",
        )
        + "ghi_chu_noi_bo: |\n  Dòng một.\n  Dòng hai.\n"
        + textwrap.dedent(
            """\
            ky_luat:
              - hinh_thuc: khien_trach
                ngay_quyet_dinh: "2025-05-14"
                noi_dung: |
                  Chậm nộp báo cáo.
                  Đã khắc phục.
            """
        )
    )
    repo = mini_repo({M2: member})
    assert main(["--repo", str(repo), "member", "dv-000002"]) == 0
    out = capsys.readouterr().out
    assert (
        "    Nội dung kiểm điểm (kiem_diem) · Chi bộ của đảng viên:\n"
        "      uu_diem:\n"
        "        Nhiệt tình.\n"
        "        Gương mẫu.\n"
        "\n"
        "        Đoàn kết.\n"
        "      han_che: Chưa sáng tạo.\n"
    ) in out
    scope = "Cấp ủy có thẩm quyền quyết định"
    assert f"(ghi_chu_noi_bo) · {scope}:\n      Dòng một.\n      Dòng hai.\n    " in out
    assert "        noi_dung:\n          Chậm nộp báo cáo.\n          Đã khắc phục.\n" in out
    body = out.split("\n")[2:]  # below the heading, only a year's heading starts a line
    assert [line for line in body if line and not line.startswith((" ", "Năm "))] == []


def test_a_list_item_of_several_lines_is_aligned_after_its_dash() -> None:
    record = YearRecord(2025, "qd366-hd43", "chi-bo-ap-1", "Chi bộ Ấp 1", [])
    record.stored = [StoredValue("x", "X", Scope.CAP_UY, ["một\nhai", "ba"])]
    out = render_text("dv-1", [record])
    assert "X (x) · Cấp ủy có thẩm quyền quyết định:\n      - một\n        hai\n      - ba\n" in out


def test_text_escapes_control_and_invisible_characters_at_every_depth() -> None:
    """A rated file holds no control character (text-control is an error), and bidi or
    zero-width ones only with a warning (text-invisible): the text shows both as escapes
    (generator.report.safe.visible, as `check` does), never raw, and keeps line breaks."""
    hostile = "a\x1b]0;x\x07\x1b[2Jb\u202ec\u200bd\re"
    shown = "a\\x1b]0;x\\x07\\x1b[2Jb⟦U+202E⟧c⟦U+200B⟧d\\re"
    record = YearRecord(2025, "qd366-hd43", "chi-bo-ap-1", hostile, [])
    record.stored = [
        StoredValue("ho_ten", "Họ và tên", Scope.TO_CHUC, hostile),
        StoredValue("ky_luat", "Kỷ luật", Scope.CAP_UY, [{"noi_dung": hostile, "x": None}]),
        StoredValue("uu_diem", "Ưu điểm", Scope.TO_CHUC, f"một\n{hostile}\n"),
    ]
    out = render_text("dv-1", [record])
    assert not any(c in out for c in "\x1b\x07\r\u202e\u200b")
    assert f"Năm 2025 · {shown} (chi-bo-ap-1) · bộ quy tắc" in out
    assert f"Họ và tên (ho_ten) · Toàn đảng bộ: {shown}\n" in out
    assert f"      - noi_dung: {shown}\n        x: —\n" in out
    assert f"Ưu điểm (uu_diem) · Toàn đảng bộ:\n      một\n      {shown}\n" in out


def test_numbers_with_a_decimal_comma_and_no_point_zero(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A score of 26 is held as 26.0 and read as `26`; 8.5 months as `8,5`, the way a
    Vietnamese reader writes it. The JSON keeps numbers (it is for programs)."""
    member = (
        textwrap.dedent(MINI[M2])
        .replace("tieu_chi_chung: 25", "tieu_chi_chung: 26")
        .replace("ket_qua_nhiem_vu: 50", "ket_qua_nhiem_vu: 63.5")
        + "nghi_om_thang: 8.5\n"
    )
    repo = mini_repo({M2: member})
    assert main(["--repo", str(repo), "member", "dv-000002"]) == 0
    out = capsys.readouterr().out
    assert "      tieu_chi_chung: 26\n      ket_qua_nhiem_vu: 63,5\n" in out
    assert re.search(r"\(nghi_om_thang\) · [^:\n]+: 8,5\n", out)
    for python in ("26.0", "63.5", "8.5"):
        assert python not in out
    assert main(["--repo", str(repo), "member", "dv-000002", "--format", "json"]) == 0
    stored = json.loads(capsys.readouterr().out)["cac_nam"][0]["du_lieu_luu_giu"]
    values = {d["muc"]: d["gia_tri"] for d in stored}
    assert values["diem"] == {"tieu_chi_chung": 26, "ket_qua_nhiem_vu": 63.5}
    assert values["nghi_om_thang"] == 8.5


def _numbers(value: object, key: str = "") -> list[tuple[str, float]]:
    """(key, number) of every decimal number a stored value holds, at any depth."""
    if isinstance(value, float):
        return [(key, value)]
    if isinstance(value, dict):
        return [n for k, v in value.items() for n in _numbers(v, k)]
    if isinstance(value, list):
        return [n for v in value for n in _numbers(v, key)]
    return []


def test_sample_numbers_are_read_the_vietnamese_way(
    sample_rated, capsys: pytest.CaptureFixture[str]
) -> None:
    """A member of the sample with whole scores (`tieu_chi_chung: 26`, held as 26.0) and a
    share of a fraction (`ty_le_hoan_thanh_chi_tieu: 0.94`)."""
    mid, numbers = next(
        (mid, found)
        for ry in sample_rated
        for mid, m in sorted(ry.year.members.items())
        if (found := [n for s in stored_values(m, ROOT / "schema") for n in _numbers(s.value)])
        and {v.is_integer() for _, v in found} == {True, False}
    )
    assert main(["--repo", str(ROOT), "member", mid]) == 0
    out = capsys.readouterr().out
    for key, number in numbers:
        shown = str(int(number)) if number.is_integer() else str(number).replace(".", ",")
        assert re.search(rf"(^ +{key}|\({key}\) · [^:\n]+): {re.escape(shown)}$", out, re.M)
        assert f"{key}: {number}\n" not in out  # 26.0, 0.94
    assert re.findall(r": -?\d+\.\d+$", out, re.M) == []
    assert main(["--repo", str(ROOT), "member", mid, "--format", "json"]) == 0
    years = json.loads(capsys.readouterr().out)["cac_nam"]
    in_json = [n for y in years for d in y["du_lieu_luu_giu"] for n in _numbers(d["gia_tri"])]
    assert set(numbers) <= set(in_json)  # still JSON numbers


# a choice held by some member of the sample, and the words its member reads
SAMPLE_CHOICES = {
    ("loai_dang_vien", "du_bi"): "Đảng viên dự bị",
    ("tinh_trang", "mien_sinh_hoat"): "Được miễn công tác và sinh hoạt đảng",
    ("tinh_trang", "dinh_chi"): "Bị đình chỉ sinh hoạt đảng",
    ("trang_thai_ho_so", "nhap"): "Bản nháp, đang soạn",
}


@pytest.mark.parametrize(("key", "code"), sorted(SAMPLE_CHOICES))
def test_sample_choices_are_read_in_words(
    sample_rated, capsys: pytest.CaptureFixture[str], key: str, code: str
) -> None:
    mid = next(
        mid
        for ry in sample_rated
        for mid, m in sorted(ry.year.members.items())
        if any(s.key == key and s.value == code for s in stored_values(m, ROOT / "schema"))
    )
    assert main(["--repo", str(ROOT), "member", mid]) == 0
    out = capsys.readouterr().out
    words = SAMPLE_CHOICES[key, code]
    assert re.search(rf"\({key}\) · [^:\n]+: {re.escape(words)}$", out, re.M)
    assert not re.search(rf"\({key}\) · [^:\n]+: {code}$", out, re.M)
