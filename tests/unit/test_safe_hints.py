"""Hints never suggest losing data: no deleting a line, a file or a copy, no renaming a file
onto a name that exists, no value the user did not write (a new user's trial).

The catalog is scanned for the verbs that lose data; every reworded hint is asserted from
the real finding of a check on a file with that mistake.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import messages
from generator.cli import main
from tests.unit.test_hints import CHI_BO, HEAD, MEMBER, TREE, check, load_finding, only
from tests.unit.test_hints import repo as repo  # the fixture: a tiny pending year

# verbs that tell the user to lose data (delete, drop, remove, overwrite, replace, cancel)
FORBIDDEN = re.compile(r"\bx(?:óa|oá)\b|\bbỏ\b(?! qua)|\bgỡ\b|ghi đè|thay thế|\bhu[ỷy]\b", re.I)
# (catalog key, hint name) -> why that use loses nothing
ALLOWED = {
    ("text-invisible", ""): "the invisible characters carry no content; the text is kept",
    ("text-control", ""): "a control character is no content either; the text is kept",
    ("text-invisible/escape", ""): "the escape writes an invisible character: no content",
    ("yaml-syntax/control", ""): "the same: only that character goes, the text is kept",
}


def all_hints() -> list[tuple[str, str, str]]:
    out = []
    for key, entry in messages.CATALOG.items():
        out.append((key, "", entry.hint))
        out += [(key, name, hint) for name, hint in entry.hints.items()]
    return out


def test_no_hint_suggests_losing_data() -> None:
    bad = [
        (key, name, hint)
        for key, name, hint in all_hints()
        if FORBIDDEN.search(hint) and (key, name) not in ALLOWED
    ]
    assert bad == []


def test_every_allowed_use_is_still_needed() -> None:
    hints = {(key, name): hint for key, name, hint in all_hints()}
    for where in ALLOWED:
        assert FORBIDDEN.search(hints[where]), f"{where} no longer needs its allow-list entry"


# (schema file, JSON pointer) -> why that description's use loses nothing
ALLOWED_DESCRIPTIONS = {
    ("nam-danh-gia.schema.json", "/properties/bao_ve_du_lieu/properties/thoi_han_luu_tru_nam"): (
        "the retention the law asks for: expired pages are taken down, the records archived"
    ),
}
SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schema"


def all_descriptions() -> list[tuple[str, str, str]]:
    """Every `description` of the schemas: the hint of a finding on that item ("described")
    and the help text of the editor's field."""
    import json

    out: list[tuple[str, str, str]] = []

    def walk(node: object, pointer: str, name: str) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("description"), str):
                out.append((name, pointer, node["description"]))
            for k, v in node.items():
                walk(v, f"{pointer}/{k}", name)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{pointer}/{i}", name)

    for path in sorted(SCHEMA_DIR.glob("*.json")):
        walk(json.loads(path.read_text("utf-8")), "", path.name)
    return out


def test_no_schema_description_suggests_losing_data() -> None:
    descriptions = all_descriptions()
    assert len(descriptions) > 100  # the schemas were found
    bad = [
        (name, pointer, text)
        for name, pointer, text in descriptions
        if FORBIDDEN.search(text) and (name, pointer) not in ALLOWED_DESCRIPTIONS
    ]
    assert bad == []


def test_every_allowed_description_is_still_needed() -> None:
    texts = {(name, pointer): text for name, pointer, text in all_descriptions()}
    for where in ALLOWED_DESCRIPTIONS:
        assert FORBIDDEN.search(texts[where]), f"{where} no longer needs its allow-list entry"


# ---- a member file whose id is not its name (generator/check/crossfile.py)

OTHER_CHI_BO = "submissions/2026/huyen/xa-a/chi-bo-2"


@pytest.fixture
def tree(repo: Path) -> Path:
    """chi-bo-1 holds dv-1 (Nguyễn Văn A) and dv-2 (Trần Văn B); chi-bo-2 holds dv-3."""
    org = TREE[f"{CHI_BO}/to-chuc.yaml"].replace("chi-bo-1", "chi-bo-2").replace(" 1\n", " 2\n")
    files = {
        f"{OTHER_CHI_BO}/to-chuc.yaml": org,
        f"{CHI_BO}/dang-vien/dv-2.yaml": member("dv-2", "Trần Văn B"),
        f"{OTHER_CHI_BO}/dang-vien/dv-3.yaml": member("dv-3", "Lê Thị C"),
    }
    for rel, text in files.items():
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_text(text, "utf-8")
    (repo / MEMBER).write_text(HEAD, "utf-8")
    return repo


def member(mid: str, name: str = "Nguyễn Văn A") -> str:
    return HEAD.replace("dv-1", mid).replace("Nguyễn Văn A", name)


def test_a_copy_named_after_the_file_is_merged_never_renamed_onto_it(tree: Path) -> None:
    copy = f"{CHI_BO}/dang-vien/dv-1-ban-sao.yaml"
    f = only(check(tree, HEAD, copy), "id-mismatch-file")
    assert "là của bản kiểm điểm `dv-1.yaml` (đồng chí Nguyễn Văn A)" in f.message
    assert f.hint == (
        "Tệp này có vẻ là một bản sao của `dv-1.yaml`: so sánh hai tệp, chép phần còn thiếu "
        "vào `dv-1.yaml`, và giữ nguyên cả hai tệp cho đến khi bí thư chi bộ xác nhận. Đừng "
        "đổi tên tệp này thành `dv-1.yaml`: tên đó đã là của tệp kia."
    )
    assert f.extra["related"] == [MEMBER]


def test_a_near_miss_name_whose_canonical_file_exists_is_a_copy(tree: Path) -> None:
    f = only(check(tree, HEAD, f"{CHI_BO}/dang-vien/dv1.yaml"), "id-mismatch-file")
    assert "bản sao của `dv-1.yaml`" in f.hint and "Đừng đổi tên" in f.hint


def test_the_id_of_a_member_of_the_same_chi_bo(tree: Path) -> None:
    f = only(check(tree, member("dv-2")), "id-mismatch-file")
    assert "mã `dv-2` là của bản kiểm điểm `dv-2.yaml` (đồng chí Trần Văn B)" in f.message
    assert f.hint.startswith(
        "Nếu tệp này là bản kiểm điểm của đảng viên `dv-1`, chỉ cần sửa thành "
        "`ma_dang_vien: dv-1`. Nếu nó là một bản sao của `dv-2.yaml`: so sánh hai tệp"
    )
    assert "giữ nguyên cả hai tệp cho đến khi bí thư chi bộ xác nhận" in f.hint
    assert "đổi tên tệp thành" not in f.hint


def test_the_id_of_a_member_of_another_chi_bo(tree: Path) -> None:
    f = only(check(tree, member("dv-3")), "id-mismatch-file")
    other = f"{OTHER_CHI_BO}/dang-vien/dv-3.yaml"
    assert f"là của bản kiểm điểm `{other}` (đồng chí Lê Thị C)" in f.message
    assert f"bản sao của `{other}`" in f.hint and "đổi tên tệp thành" not in f.hint


def test_an_id_no_file_has_may_still_be_the_file_name_to_use(tree: Path) -> None:
    f = only(check(tree, member("dv-9")), "id-mismatch-file")
    assert f.hint == (
        "Sửa thành `ma_dang_vien: dv-1` (tên tệp bản kiểm điểm là mã đảng viên). Nếu tệp này "
        "thật ra là bản kiểm điểm của đảng viên `dv-9`, thì giữ nguyên nội dung và đổi tên tệp "
        "thành `dv-9.yaml` (trong năm chưa có tệp nào tên này)."
    )


def test_a_member_reviewed_in_two_chi_bo_names_the_other_copy(tree: Path) -> None:
    # reported on the later file of the walk (chi-bo-2's), naming the earlier one
    first = f"{CHI_BO}/dang-vien/dv-3.yaml"
    f = only(check(tree, member("dv-3"), first), "member-duplicate")
    other = first
    assert f.path == f"{OTHER_CHI_BO}/dang-vien/dv-3.yaml" and f"`{other}`" in f.message
    assert f.hint == (
        "Mỗi đảng viên chỉ có một bản kiểm điểm mỗi năm, ở chi bộ sinh hoạt chính thức. So "
        f"sánh tệp này với `{other}`, chép phần còn thiếu vào bản ở chi bộ nơi đồng chí sinh "
        "hoạt chính thức, và giữ nguyên cả hai tệp cho đến khi bí thư hai chi bộ xác nhận."
    )


def test_a_misnamed_copy_is_never_renamed_onto_the_file_its_id_names(tree: Path) -> None:
    # `dv-1 @x.yaml` says dv-1 inside, and dang-vien/dv-1.yaml is there (a new user's trial)
    copy = f"{CHI_BO}/dang-vien/dv-1 @x.yaml"
    f = only(check(tree, HEAD, copy), "file-unexpected")
    assert (f.path, f.line, f.column) == (copy, 1, 1)
    assert f.hint == (
        "Tệp này ghi `ma_dang_vien: dv-1`. Thư mục đã có tệp `dv-1.yaml`: đừng đổi tên tệp "
        "`dv-1 @x.yaml` thành tên đó. So sánh hai tệp và chép phần còn thiếu vào `dv-1.yaml`; "
        "giữ tệp `dv-1 @x.yaml` cho tới khi bí thư chi bộ (hoặc cấp ủy phụ trách) xác nhận "
        "`dv-1.yaml` đã đủ nội dung. Nếu tệp này là bản kiểm điểm của một đảng viên khác, sửa "
        "`ma_dang_vien` thành mã của đồng chí đó rồi đặt tên tệp theo mã ấy, ví dụ "
        "`dv-104233.yaml`."
    )


def test_a_member_file_name_to_choose_warns_of_a_file_already_there(tree: Path) -> None:
    # no id inside to name the file after: the hint cannot know the name, so it says both
    f = only(check(tree, "ho_ten: X\n", f"{CHI_BO}/dang-vien/ban @x.yaml"), "file-unexpected")
    assert f.hint == (
        "Đổi tên tệp thành `<ma_dang_vien>.yaml`, ví dụ `dv-104233.yaml` (giữ nguyên nội "
        "dung). Nếu thư mục đã có tệp tên đó, đừng đổi tên đè lên tệp ấy: so sánh hai tệp và "
        "chép phần còn thiếu vào tệp đã có."
    )


# ---- values: never made up, never left out


@pytest.mark.parametrize("value", ["1e400", "12 000", "0x1A", "1_000", "1.5.3", "1,000"])
def test_a_number_the_hint_cannot_copy_gets_no_corrected_line(repo: Path, value: str) -> None:
    f = only(check(repo, HEAD + f"nghi_om_thang: {value}\n"), "schema-type")
    assert "Sửa dòng" not in f.hint
    assert f.hint == (
        "Giá trị phải là số từ 0 đến 12, chỉ viết bằng chữ số (không kèm chữ, đơn vị hay ký "
        "hiệu như e, x, %): ghi lại đúng con số cần ghi."
    )


def test_a_number_with_a_unit_keeps_the_users_digits(repo: Path) -> None:
    # (a field everyone reads: a committee-only one's hint shows no value at all)
    text = HEAD + "diem:\n  tieu_chi_chung: 2.50 điểm\n  ket_qua_nhiem_vu: 60\n"
    f = only(check(repo, text), "schema-type")
    assert "Sửa dòng 8 thành: `tieu_chi_chung: 2.50`" in f.hint


def test_a_required_item_left_empty_is_never_told_to_go(repo: Path) -> None:
    f = only(check(repo, HEAD.replace("ho_ten: Nguyễn Văn A", "ho_ten:")), "schema-type")
    assert f.hint == "Mục bắt buộc này đang để trống: điền giá trị cho nó."


def test_an_optional_item_left_empty_is_kept_as_a_comment(repo: Path) -> None:
    f = only(check(repo, HEAD + "chuc_vu:\n"), "schema-type")
    assert f.hint == (
        "Mục này đang để trống: điền giá trị. Nếu chưa có thông tin, đặt dấu `# ` ở đầu dòng "
        "(dòng được giữ lại làm chú thích) cho đến khi có."
    )


# ---- load problems


def test_an_under_indented_text_line_is_indented_or_kept_as_a_comment() -> None:
    f = load_finding((HEAD + "kiem_diem:\n  uu_diem: Tốt\nvà chăm chỉ\n").encode())
    assert (f.code, f.line) == ("yaml-syntax", 9)
    assert f.hint == (
        "Mỗi dòng có dạng `ten_muc: giá trị`. Nếu dòng 9 là phần tiếp theo của nội dung phía "
        "trên, thụt lề nó thêm 2 dấu cách (thẳng cột với các dòng nội dung trên nó); nếu là "
        "ghi chú riêng, đặt dấu `# ` ở đầu dòng (chữ được giữ lại làm chú thích)."
    )


def test_a_key_written_twice_is_merged_into_the_first(repo: Path) -> None:
    f = load_finding((HEAD + "ho_ten: Nguyễn Văn B\n").encode())
    assert (f.code, f.line) == ("yaml-duplicate-key", 7)
    assert f.hint == (
        "Gộp hai lần khai báo vào mục `ho_ten` ở dòng 3: chuyển nội dung của lần này lên đó "
        "(nếu hai nơi viết khác nhau, giữ cả hai đoạn), để tệp chỉ còn một dòng `ho_ten:`."
    )


def test_an_empty_file_is_filled_from_the_form_by_new(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = only(check(repo, ""), "yaml-empty")
    assert f.hint == (
        "Điền nội dung từ mẫu bằng lệnh `kiemdiem new` (lệnh điền mẫu vào tệp trống này), rồi "
        "viết tiếp theo chú thích; nếu tệp được tạo nhầm, báo bí thư chi bộ."
    )
    assert main(["--repo", str(repo), "new", "member", "dv-1", "--org", "chi-bo-1"]) == 0
    assert "ma_dang_vien: dv-1" in (repo / MEMBER).read_text("utf-8")


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_file_of_comments_is_filled_by_new_below_them(
    repo: Path, capsys: pytest.CaptureFixture[str], newline: str
) -> None:
    notes = f"# Bản nháp của tôi{newline}{newline}  # nộp trước 15/12"  # no final newline
    f = only(check(repo, notes), "yaml-empty")
    assert (f.line, f.column) == (1, 1)
    assert f.message == "Tệp chưa có nội dung: chỉ có chú thích (các dòng bắt đầu bằng `#`)."
    assert f.hint == (
        "Điền nội dung từ mẫu bằng lệnh `kiemdiem new` (lệnh giữ nguyên các chú thích ở đầu "
        "tệp và điền mẫu vào bên dưới), rồi viết tiếp theo chú thích; nếu tệp được tạo nhầm, "
        "báo bí thư chi bộ."
    )
    capsys.readouterr()
    assert main(["--repo", str(repo), "new", "member", "dv-1", "--org", "chi-bo-1"]) == 0
    assert "bên dưới các chú thích đã có (giữ nguyên)" in capsys.readouterr().out
    data = (repo / MEMBER).read_bytes()
    assert data.startswith((notes + newline + newline).encode("utf-8"))
    assert b"ma_dang_vien: dv-1" in data and data.count(b"\n") == data.count(newline.encode())
    after = check(repo, data.decode("utf-8"))
    assert not [x for x in after if x.code.startswith(("yaml-", "file-"))]


def test_new_never_fills_a_file_with_content_beyond_its_first_blanks(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    written = "\n" * 70000 + "# ghi chú\nho_ten: Nguyễn Văn A\n"
    (repo / MEMBER).write_text(written, "utf-8")
    assert main(["--repo", str(repo), "new", "member", "dv-1", "--org", "chi-bo-1"]) == 1
    assert "đã có; không ghi đè" in capsys.readouterr().err
    assert (repo / MEMBER).read_text("utf-8") == written


def test_new_on_a_written_file_keeps_it_and_says_how_to_go_on(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / MEMBER).write_text(HEAD + "# ghi chú riêng\n", "utf-8")
    assert main(["--repo", str(repo), "new", "member", "dv-1", "--org", "chi-bo-1"]) == 1
    err = capsys.readouterr().err
    assert f"tệp `{MEMBER}` đã có; không ghi đè. Mở tệp đó để sửa tiếp" in err
    assert not FORBIDDEN.search(err.replace("không ghi đè", ""))
    assert (repo / MEMBER).read_text("utf-8") == HEAD + "# ghi chú riêng\n"
