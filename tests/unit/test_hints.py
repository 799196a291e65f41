"""Fix-it hints for the most likely mistakes of a non-programmer (issue 5, item 4).

Each case writes one member review with one typical mistake into a tiny pending year, checks
it, and asserts the finding's code, its line and that the hint contains the corrected line.
Load problems (before the schema can run) are explained from the file's own text
(generator.check.yamlrepair, through `problem_finding`); those cases go through the loader
and that function directly.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.check import problem_finding
from generator.check.run import Selection, check_repo
from generator.findings import Finding
from generator.submissions.yamlload import loads

ROOT = Path(__file__).resolve().parents[2]
CHI_BO = "submissions/2026/huyen/xa-a/chi-bo-1"
MEMBER = f"{CHI_BO}/dang-vien/dv-1.yaml"

TREE = {
    "submissions/2026/nam-danh-gia.yaml": (
        "nam: 2026\nbo_quy_tac: pending\nten: Kiểm điểm năm 2026\nto_chuc_goc: huyen\n"
        'ngay_danh_gia: "2026-12-15"\n'
    ),
    "submissions/2026/huyen/to-chuc.yaml": (
        "ma_to_chuc: huyen\nnam: 2026\nten: Đảng bộ huyện\nloai: dang_bo_huyen\n"
    ),
    "submissions/2026/huyen/xa-a/to-chuc.yaml": (
        "ma_to_chuc: xa-a\nnam: 2026\nten: Đảng bộ xã A\nloai: dang_bo_co_so\nphan_loai: xa\n"
    ),
    f"{CHI_BO}/to-chuc.yaml": (
        "ma_to_chuc: chi-bo-1\nnam: 2026\nten: Chi bộ 1\nloai: chi_bo_truc_thuoc\n"
    ),
}
# lines 1-6 of every member file below
HEAD = (
    "ma_dang_vien: dv-1\n"
    "nam: 2026\n"
    "ho_ten: Nguyễn Văn A\n"
    "loai_dang_vien: chinh_thuc\n"
    'ngay_vao_dang: "2010-05-19"\n'
    "trang_thai_ho_so: nhap\n"
)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    for rel, text in TREE.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, "utf-8")
    (tmp_path / MEMBER).parent.mkdir(parents=True, exist_ok=True)
    return tmp_path


def check(repo: Path, text: str, rel: str = MEMBER) -> list[Finding]:
    (repo / rel).write_text(text, "utf-8")
    outcome = check_repo(repo, Selection([rel]), rate=False)
    return sorted(outcome.result.findings, key=Finding.sort_key)


def only(findings: list[Finding], code: str) -> Finding:
    matching = [f for f in findings if f.code == code]
    assert len(matching) == 1, [(f.code, f.line, f.message) for f in findings]
    return matching[0]


def load_finding(data: bytes) -> Finding:
    problems = loads(data).problems
    assert problems, "the loader accepted the file"
    return problem_finding(problems[0], MEMBER, data)


def test_the_base_file_is_clean(repo: Path) -> None:
    assert check(repo, HEAD) == []


# ---- schema-level mistakes: through the whole check


def test_level_written_as_its_label(repo: Path) -> None:
    f = only(check(repo, HEAD + "tu_xep_loai: Hoàn thành tốt nhiệm vụ\n"), "schema-enum")
    assert f.line == 7
    assert "`tu_xep_loai: HTTNV`" in f.hint


def test_level_written_as_a_short_label(repo: Path) -> None:
    f = only(check(repo, HEAD + "tu_xep_loai: hoàn thành xuất sắc\n"), "schema-enum")
    assert f.line == 7
    assert "`tu_xep_loai: HTXSNV`" in f.hint


def test_criterion_level_written_as_its_label(repo: Path) -> None:
    text = HEAD + "tieu_chi:\n  tu_tuong_chinh_tri: Xuất sắc\n"
    f = only(check(repo, text), "schema-enum")
    assert f.line == 8
    assert "`tu_tuong_chinh_tri: xuat_sac`" in f.hint


def test_date_in_day_month_year(repo: Path) -> None:
    text = HEAD.replace('"2010-05-19"', "19/05/2010")
    findings = check(repo, text)
    assert {f.code for f in findings} <= {"schema-date", "schema-pattern"}
    assert findings and all(f.line == 5 for f in findings)
    assert all('`ngay_vao_dang: "2010-05-19"`' in f.hint for f in findings)


def test_date_in_smart_quotes(repo: Path) -> None:
    text = HEAD.replace('"2010-05-19"', "“2010-05-19”")
    findings = check(repo, text)
    assert findings and all(f.line == 5 for f in findings)
    assert all('`ngay_vao_dang: "2010-05-19"`' in f.hint for f in findings)
    assert all("ngoặc cong" in f.hint for f in findings)


def test_key_typed_with_diacritics(repo: Path) -> None:
    f = only(check(repo, HEAD.replace("ho_ten:", "họ_tên:")), "schema-unknown-key")
    assert f.line == 3
    assert "Sửa dòng 3 thành: `ho_ten: Nguyễn Văn A`" in f.hint


def test_key_typed_with_spaces(repo: Path) -> None:
    f = only(check(repo, HEAD.replace("ho_ten:", "ho ten:")), "schema-unknown-key")
    assert f.line == 3
    assert "Sửa dòng 3 thành: `ho_ten: Nguyễn Văn A`" in f.hint


def test_yes_no_in_vietnamese_for_a_boolean(repo: Path) -> None:
    # (on a field everyone reads: a committee-only one's hint shows its form, not the value,
    # tests/integration/test_privacy_hints.py)
    f = only(check(repo, HEAD + "ngoai_he_thong_chinh_tri: không\n"), "schema-type")
    assert f.line == 7
    assert "`ngoai_he_thong_chinh_tri: false`" in f.hint


def test_english_yes_for_a_boolean(repo: Path) -> None:
    f = only(check(repo, HEAD + "ngoai_he_thong_chinh_tri: yes\n"), "schema-type")
    assert f.line == 7
    assert "`ngoai_he_thong_chinh_tri: true`" in f.hint


def test_number_with_a_unit(repo: Path) -> None:
    f = only(
        check(repo, HEAD + "diem:\n  tieu_chi_chung: 2 điểm\n  ket_qua_nhiem_vu: 60\n"),
        "schema-type",
    )
    assert f.line == 8
    assert "`tieu_chi_chung: 2`" in f.hint


def test_decimal_comma(repo: Path) -> None:
    f = only(
        check(repo, HEAD + "diem:\n  tieu_chi_chung: 1,5\n  ket_qua_nhiem_vu: 60\n"), "schema-type"
    )
    assert f.line == 8
    assert "`tieu_chi_chung: 1.5`" in f.hint


def test_a_number_too_long_for_python_is_a_finding_not_a_crash(repo: Path) -> None:
    # more than 4,300 digits: int() refuses them, so the loader keeps the text (it raised)
    f = only(check(repo, HEAD + "nghi_om_thang: " + "1" * 5000 + "\n"), "schema-type")
    assert f.line == 7
    assert "Giá trị phải là số từ 0 đến 12, chỉ viết bằng chữ số" in f.hint
    assert "inf" not in f.hint and "Sửa dòng" not in f.hint


def test_ratio_written_as_percent(repo: Path) -> None:
    text = HEAD + "don_vi_phu_trach:\n  ten: UBND xã A\n  ty_le_hoan_thanh_chi_tieu: 85%\n"
    f = only(check(repo, text), "schema-type")
    assert f.line == 9
    assert "`ty_le_hoan_thanh_chi_tieu: 0.85`" in f.hint


def test_list_written_on_one_line(repo: Path) -> None:
    org = TREE[f"{CHI_BO}/to-chuc.yaml"] + "lanh_dao:\n  bi_thu: dv-1\n  pho_bi_thu: dv-2, dv-3\n"
    f = only(check(repo, org, f"{CHI_BO}/to-chuc.yaml"), "schema-type")
    assert f.line == 7
    assert "pho_bi_thu:\n  - dv-2\n  - dv-3" in f.hint


def test_list_item_without_its_dash(repo: Path) -> None:
    text = HEAD + 'chuyen_sinh_hoat:\n  ngay: "2026-03-01"\n  tu_don_vi: Chi bộ 3\n'
    f = only(check(repo, text), "schema-type")
    assert f.line == 8
    assert '`- ngay: "2026-03-01"`' in f.hint


def test_group_children_not_indented(repo: Path) -> None:
    findings = check(repo, HEAD + "kiem_diem:\nuu_diem: Gương mẫu\n")
    f = only(findings, "schema-type")
    assert f.line == 7
    assert "Sửa dòng 8 thành: `  uu_diem: Gương mẫu`" in f.hint
    stray = only(findings, "schema-unknown-key")
    assert stray.line == 8
    assert "thuộc nhóm `kiem_diem`" in stray.hint


def test_file_with_yml_extension(repo: Path) -> None:
    rel = MEMBER.replace(".yaml", ".yml")
    f = only(check(repo, HEAD, rel), "file-unexpected")
    assert f.line == 1
    assert "`dv-1.yaml`" in f.hint


def test_file_name_not_the_member_id(repo: Path) -> None:
    f = only(check(repo, HEAD.replace("dv-1", "dv-2")), "id-mismatch-file")
    assert f.line == 1
    assert "`ma_dang_vien: dv-1`" in f.hint


# ---- load-level mistakes: the loader's problem, explained from the text


def test_missing_space_after_colon() -> None:
    # YAML reads `ho_ten:Nguyễn Văn A` as one plain text (no key at all), and complains
    # only on the next line; the hint points at the line to change
    f = load_finding(HEAD.replace("ho_ten: ", "ho_ten:").encode())
    assert (f.code, f.line) == ("yaml-syntax", 3)
    assert "`ho_ten: Nguyễn Văn A`" in f.hint


def test_unquoted_text_with_a_colon() -> None:
    f = load_finding((HEAD + "kiem_diem:\n  uu_diem: Kết quả: hoàn thành tốt\n").encode())
    assert (f.code, f.line) == ("yaml-syntax", 8)
    assert '`uu_diem: "Kết quả: hoàn thành tốt"`' in f.hint


def test_unclosed_quote() -> None:
    f = load_finding(HEAD.replace("Nguyễn Văn A", '"Nguyễn Văn A').encode())
    assert (f.code, f.line) == ("yaml-syntax", 3)
    assert '`ho_ten: "Nguyễn Văn A"`' in f.hint


def test_unclosed_quote_on_the_last_line() -> None:
    f = load_finding((HEAD + 'chuc_vu: "Bí thư chi bộ\n').encode())
    assert (f.code, f.line) == ("yaml-syntax", 7)
    assert '`chuc_vu: "Bí thư chi bộ"`' in f.hint


def test_value_on_the_next_line_without_indentation() -> None:
    f = load_finding(HEAD.replace("ho_ten: ", "ho_ten:\n").encode())
    assert (f.code, f.line) == ("yaml-syntax", 4)
    assert "Sửa dòng 3 thành: `ho_ten: Nguyễn Văn A`" in f.hint


def test_indented_deeper_than_its_siblings() -> None:
    f = load_finding((HEAD + "kiem_diem:\n  uu_diem: Tốt\n   han_che: Chưa\n").encode())
    assert (f.code, f.line) == ("yaml-syntax", 9)
    assert "`  han_che: Chưa`" in f.hint


def test_top_level_key_indented() -> None:
    f = load_finding(HEAD.replace("nam: 2026", " nam: 2026").encode())
    assert (f.code, f.line) == ("yaml-syntax", 2)
    assert "`nam: 2026`" in f.hint


def test_indented_less_than_its_siblings() -> None:
    f = load_finding((HEAD + "kiem_diem:\n    uu_diem: Tốt\n  han_che: Chưa\n").encode())
    assert (f.code, f.line) == ("yaml-syntax", 9)
    assert "`    han_che: Chưa`" in f.hint


def test_tab_indentation() -> None:
    f = load_finding((HEAD + "kiem_diem:\n\tuu_diem: Tốt\n").encode())
    assert (f.code, f.line) == ("yaml-tab", 8)
    assert "`  uu_diem: Tốt`" in f.hint


def test_windows_1258_encoding() -> None:
    data = HEAD.replace("Nguyễn Văn A", "Đoàn Văn Hưng").encode("cp1258")
    f = load_finding(data)
    assert (f.code, f.line) == ("file-not-utf8", 3)
    assert "Windows-1258" in f.message
    assert "`ho_ten: Đoàn Văn Hưng`" in f.hint


def test_byte_order_mark() -> None:
    f = load_finding(b"\xef\xbb\xbf" + HEAD.encode())
    assert (f.code, f.line) == ("file-bom", 1)
    assert "`ma_dang_vien: dv-1`" in f.hint


UTF16_MESSAGE = "Tệp được lưu dạng UTF-16 (Notepad gọi là “Unicode”), chương trình chỉ đọc UTF-8."


@pytest.mark.parametrize(
    ("data", "shown"),
    [
        (HEAD.replace("\n", "\r\n").encode("utf-16"), "UTF-16 LE"),  # Notepad's "Unicode"
        (b"\xfe\xff" + HEAD.encode("utf-16-be"), "UTF-16 BE"),  # "Unicode big endian"
        (HEAD.encode("utf-16-le"), "UTF-16 LE"),  # no byte order mark
        (HEAD.encode("utf-16-be"), "UTF-16 BE"),
    ],
)
def test_utf16_is_named_and_its_text_shown(data: bytes, shown: str) -> None:
    f = load_finding(data)
    assert (f.code, f.line, f.column, f.severity.value) == ("file-utf16", 1, 1, "error")
    assert f.message == UTF16_MESSAGE
    assert "Nội dung tệp vẫn còn nguyên" in f.hint
    assert "Tệp → Lưu thành (File → Save As)" in f.hint and "chọn UTF-8" in f.hint
    assert f"bấm `{shown}` ở thanh trạng thái → Save with Encoding → UTF-8" in f.hint
    assert f.hint.endswith("Dòng 1 của tệp hiện là: `ma_dang_vien: dv-1`.")


def test_utf16_with_only_a_byte_order_mark_quotes_no_line() -> None:
    f = load_finding("\r\n".encode("utf-16"))
    assert (f.code, f.line, f.column) == ("file-utf16", 1, 1)
    assert f.hint.startswith("Tệp chưa có nội dung. Lưu lại với mã hóa UTF-8")
    assert "Dòng" not in f.hint


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\x00\x00<<>>",  # NULs side by side
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",  # a .docx (a zip)
        HEAD.encode("utf-32"),  # FF FE 00 00: a NUL character once read as UTF-16
        b"\xff\xfe\x00\xd8a\x00",  # a lone surrogate after FF FE
        b"a: \x00b\n",  # one NUL in a UTF-8 file, where UTF-16 would put it
    ],
)
def test_a_binary_file_stays_not_text(data: bytes) -> None:
    f = load_finding(data)
    assert (f.code, f.line, f.column) == ("file-not-text", 1, 1)
    assert f.message.startswith("Tệp không phải văn bản (có byte NUL)")
    assert f.hint.startswith("Mở tệp gốc (ví dụ tệp Word đã dùng để soạn) và lưu lại nội dung")
    assert "tạo lại" not in f.hint


def test_url_is_not_mistaken_for_a_missing_space() -> None:
    data = (HEAD + "chuc_vu: xem http://a.b\nkiem_diem:\n  uu_diem: a: b\n").encode()
    f = load_finding(data)
    assert f.line == 9
    assert '`uu_diem: "a: b"`' in f.hint


def test_a_near_miss_level_is_asked_about_never_written_in() -> None:
    """A typo that is near a level ("HTNVV": HTNV? HTTNV?) is a question, not a corrected
    line: writing one in would choose a member's rating for them (a new user's trial)."""
    from generator.check.schemahints import guess_enum

    levels = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]
    assert guess_enum("Hoàn thành tốt nhiệm vụ", levels) == ("HTTNV", True)
    assert guess_enum("httnv", levels) == ("HTTNV", True)
    guess, certain = guess_enum("HTNVV", levels)
    assert guess in levels and not certain


def test_a_near_miss_level_gets_no_corrected_line(repo: Path) -> None:
    f = only(check(repo, HEAD + "tu_xep_loai: HTNVV\n"), "schema-enum")
    assert f.line == 7
    assert "Sửa dòng" not in f.hint and f.hint.startswith("Có phải ý bạn là `")


def test_a_stray_key_is_sent_to_a_group_of_its_own_file_only(repo: Path) -> None:
    # `ly_do` is a field of `xep_loai_lai` in a decision (quyet-dinh), never of a member's
    # file: neither in a `ky_luat` item nor at the top is it "thuộc nhóm `xep_loai_lai`"
    item = 'ky_luat:\n  - hinh_thuc: khien_trach\n    ngay_quyet_dinh: "2026-03-01"\n'
    stray = only(check(repo, HEAD + item + "    ly_do: Vi phạm\n"), "schema-unknown-key")
    assert stray.line == 10
    assert stray.hint.startswith("Các mục được phép: `hinh_thuc`, `ngay_quyet_dinh`"), stray.hint
    top = only(check(repo, HEAD + "ly_do: Vi phạm\n"), "schema-unknown-key")
    assert top.line == 7
    assert "thuộc nhóm" not in top.hint and top.hint.startswith("Các mục được phép:"), top.hint
