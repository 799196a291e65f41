"""A fix-it hint never writes back a committee-only or unpublished value (issue 14).

A trial set `ngay_sinh: "17/10/1961"`: the message said ``Ngày `[ẩn]` …`` but the hint said
``Sửa dòng 5 thành: `ngay_sinh: "1961-10-17"` ``, and that text reached the check's
annotations and comment, the organization's site and its search index. Here values of
every committee-only class (birth date, health, discipline, its date, internal notes) are
written wrong in ways whose hints turn them into other text (a date turned around, a comma
made a dot, `có` made `true`, a label made an option, curly quotes made straight, a list
split into items); none of those texts may appear in any output, and the hints still say
how to write the line.
"""

from __future__ import annotations

import contextlib
import gzip
import html
import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.privacy.hintmask import without_empty_guess
from tests.conftest import copy_sample

CHI_BO = "submissions/2025/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-thon-an-lac"
# what a leaking hint would write, and the values as written
LEAKS = [
    "1947-11-23",
    "23/11/1947",
    "2025-08-12",
    "12/8/2025",
    "4.35",
    "4,35",
    "ket_luan_suy_thoai: true",
    "hinh_thuc: khien_trach",
    "ý bạn là `khien_trach`",
    "Khiển trách",
    "MKSMART",
    "MKBRACKET",
    "MKLISTA",
    "MKLISTB",
]


def _plant(repo: Path) -> None:
    folder = repo / CHI_BO / "dang-vien"
    member = folder / "dv-101013.yaml"
    text = member.read_text("utf-8").replace('ngay_sinh: "1980-02-16"', 'ngay_sinh: "23/11/1947"')
    member.write_text(
        text + "nghi_om_thang: 4,35 tháng\nket_luan_suy_thoai: có\nky_luat:\n"
        "  - hinh_thuc: Khiển trách\n    ngay_quyet_dinh: 12/8/2025\n",
        "utf-8",
    )
    for name, line in (
        ("dv-101014.yaml", 'ghi_chu_noi_bo: "MKSMART bệnh tim”'),
        ("dv-101015.yaml", "ghi_chu_noi_bo: [MKBRACKET bệnh, tim"),
        ("dv-101016.yaml", "ky_luat: MKLISTA khiển trách, MKLISTB cảnh cáo"),
    ):
        path = folder / name
        kept = [x for x in path.read_text("utf-8").splitlines() if "ghi_chu_noi_bo" not in x]
        path.write_text("\n".join([*kept, line, ""]), "utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = copy_sample(tmp_path_factory.mktemp("hints") / "repo", (2025,))
    _plant(repo)
    return repo


def _pagefind(path: Path) -> str:
    """A Pagefind index or fragment file as text: gzip, after a 'pagefind_dcd' signature."""
    data = path.read_bytes()
    with contextlib.suppress(OSError):
        data = gzip.decompress(data)
    return data.removeprefix(b"pagefind_dcd").decode("utf-8", errors="replace")


def test_check_hints_keep_the_form_not_the_value(
    repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    comment = tmp_path / "comment.md"
    outputs = []
    for fmt in ("text", "github", "gitlab", "json"):
        argv = ["--repo", str(repo), "check", "--format", fmt, "--comment-file", str(comment)]
        assert main([*argv, str(repo / CHI_BO)]) == 1
        captured = capsys.readouterr()
        outputs += [captured.out, captured.err, comment.read_text("utf-8")]
    everything = "\n".join(outputs)
    leaked = [m for m in LEAKS if m in everything]
    assert not leaked, leaked
    text = outputs[0]
    member = f"{CHI_BO}/dang-vien/dv-101013.yaml"
    # each finding still at its file:line:column, each hint still a line to write
    assert f"{member}:5:12: lỗi [schema-pattern] Ngày `[ẩn]` ở `ngay_sinh`" in text
    assert 'Sửa dòng 5 thành: `ngay_sinh: "YYYY-MM-DD"`.' in text
    assert "ngày 5 tháng 3 năm 1970 viết là 1970-03-05" in text
    assert 'Sửa dòng 39 thành: `ngay_quyet_dinh: "YYYY-MM-DD"`' in text
    assert "Sửa dòng 35 thành: `nghi_om_thang: [ẩn]`" in text
    assert "Sửa dòng 36 thành: `ket_luan_suy_thoai: [ẩn]`" in text
    assert "Sửa dòng 38 thành: `- hinh_thuc: [ẩn]`. Chọn một trong: `khien_trach`" in text
    assert "dv-101014.yaml:" in text and '`ghi_chu_noi_bo: "[ẩn]"`' in text
    assert "ở chỗ `[ẩn]`, viết nội dung của bạn" in text


def test_site_pages_and_search_never_show_the_value(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    argv = ["--repo", str(repo), "build", "--year", "2025", "--pham-vi", "to-chuc"]
    assert main([*argv, "--out", str(out)]) == 0
    parts = []
    # the rules page quotes the text of every committee-only rule, whether it applied or
    # not ("... bị kỷ luật từ khiển trách ...", with "không công bố" for its count): the
    # same rows whatever the year holds, left out of the search for the planted words
    rules = out / "2025" / "quy-tac" / "index.html"
    fixed = re.compile(r"<tr>(?:(?!</tr>).)*<td>không công bố</td></tr>", re.S)
    rows = fixed.findall(rules.read_text("utf-8"))
    clean = copy_sample(tmp_path / "clean", (2025,))
    assert main(["--repo", str(clean), *argv[2:], "--out", str(tmp_path / "clean-site")]) == 0
    assert rows and rows == fixed.findall(
        (tmp_path / "clean-site" / "2025" / "quy-tac" / "index.html").read_text("utf-8")
    )
    for path in sorted(out.rglob("*")):
        if path == rules:
            parts.append(fixed.sub("", rules.read_text("utf-8")))
            continue
        if path.is_file() and path.suffix in (".html", ".json", ".js", ".xml", ".csv", ".txt"):
            parts.append(path.read_text("utf-8", errors="replace"))
        elif path.is_file() and path.suffix.startswith(".pf_"):
            parts.append(_pagefind(path))
    assert any(p.suffix.startswith(".pf_") for p in out.rglob("*"))
    everything = "\n".join(parts)
    # ... and its search fragment holds those rows' text
    for cell in {c for row in rows for c in re.split(r"<[^>]+>", row) if "khiển trách" in c}:
        everything = everything.replace(html.unescape(cell), "")
    leaked = [m for m in LEAKS if m in everything or m.lower() in everything]
    assert not leaked, leaked
    page = (out / "2025" / "to-chuc" / "chi-bo-thon-an-lac" / "index.html").read_text("utf-8")
    # the organization-wide site names each member whose file has such findings, and no
    # more (generator.privacy.findings: the committee's site shows them, masked as above)
    for member in ("dv-101013", "dv-101014", "dv-101015", "dv-101016"):
        assert f"Có vấn đề cần xử lý trong hồ sơ của đảng viên <code>{member}</code>;" in page
    # ... nor a YAML error at such a line (its corrected line names the field)
    assert "ngay_sinh" not in page and "ghi_chu_noi_bo" not in page
    assert "YYYY-MM-DD" not in page and "[ẩn]" not in page


def test_a_masked_guess_is_left_out_and_the_options_stay(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A "did you mean" guess for a committee-only choice would only show `[ẩn]` ("Có phải
    ý bạn là `[ẩn]`?"): that sentence goes, the list of options stays. A public field's
    guess is shown as before."""
    repo = copy_sample(tmp_path / "repo", (2025,))
    member = f"{CHI_BO}/dang-vien/dv-101011.yaml"
    path = repo / member
    text = path.read_text("utf-8").replace("tu_xep_loai: HTNV", "tu_xep_loai: HTTV")
    path.write_text(
        text + 'ky_luat:\n  - hinh_thuc: khien trac\n    ngay_quyet_dinh: "2025-06-20"\n', "utf-8"
    )
    assert main(["--repo", str(repo), "check", str(path)]) == 1
    out = capsys.readouterr().out
    options = "`khien_trach`, `canh_cao`, `cach_chuc`, `khai_tru`"
    committee = out.split(f"{member}:43:16: lỗi [schema-enum] Giá trị `[ẩn]`", 1)[1]
    hint = committee.split("\n", 2)[1]
    assert hint == f"    Gợi ý: Chọn một trong: {options}.", hint
    assert "ý bạn là" not in committee
    assert "khien trac" not in out
    # a public field's guess is shown as before
    assert f"{member}:40:14: lỗi [schema-enum] Giá trị `HTTV` không hợp lệ" in out
    assert "Gợi ý: Có phải ý bạn là `HTTNV`? Chọn một trong: `HTXSNV`, `HTTNV`" in out


@pytest.mark.parametrize(
    ("hint", "left"),
    [
        (
            "Kiểm tra lại mã đảng viên: có phải ý bạn là `[ẩn]`? Nếu đồng chí này không sinh hoạt",
            "Kiểm tra lại mã đảng viên. Nếu đồng chí này không sinh hoạt",
        ),
        (
            "Kiểm tra lại mã (là tên thư mục). Có phải ý bạn là `[ẩn]`?",
            "Kiểm tra lại mã (là tên thư mục).",
        ),
        ("Có phải ý bạn là `khien_trach`? Chọn một trong: `khien_trach`.", None),
    ],
)
def test_every_wording_of_the_guess_loses_a_masked_one(hint: str, left: str | None) -> None:
    """The catalog's other "did you mean" wordings (messages/crossfile.py), after a colon or
    at a sentence's end; a guess that shows something is kept."""
    assert without_empty_guess(hint) == (hint if left is None else left)


@pytest.mark.parametrize(
    ("line", "corrected"),
    [
        # a quote opened and never closed: the corrected line keeps it, the value masked
        ('ghi_chu_noi_bo: "MKOPEN bệnh tim', '`ghi_chu_noi_bo: "[ẩn]"`'),
        # a date written as a number: quoting it would not make it a date
        ("ngay_sinh: 19611017", '`ngay_sinh: "YYYY-MM-DD"`'),
    ],
)
def test_a_corrected_line_keeps_its_quotes_and_a_dates_form(
    line: str, corrected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = copy_sample(tmp_path / "repo", (2025,))
    member = repo / CHI_BO / "dang-vien" / "dv-101014.yaml"
    key = line.split(":")[0]
    kept = [x for x in member.read_text("utf-8").splitlines() if not x.startswith(f"{key}:")]
    member.write_text("\n".join([*kept, line, ""]), "utf-8")
    number = len(kept) + 1
    assert main(["--repo", str(repo), "check", str(member)]) == 1
    out = capsys.readouterr().out
    assert f"Sửa dòng {number} thành: {corrected}." in out, out
    assert "MKOPEN" not in out and "19611017" not in out and "1961-10-17" not in out
    if "YYYY" in corrected:
        assert "ngày 5 tháng 3 năm 1970 viết là 1970-03-05" in out


def test_the_list_of_options_stays_whole_beside_a_masked_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A review with `khien_trach` on one line and a wrong form on another: the wrong form
    is hidden, and the hint's list of options (the schema's, the same for every file)
    keeps `khien_trach` — its gap said which form the review holds, and the member was
    not told what to write (tests/unit/test_value_mask.py)."""
    repo = copy_sample(tmp_path / "repo", (2025,))
    member = repo / CHI_BO / "dang-vien" / "dv-101014.yaml"
    member.write_text(
        member.read_text("utf-8") + "ky_luat:\n  - hinh_thuc: khien_trach\n"
        '    ngay_quyet_dinh: "2025-08-12"\n  - hinh_thuc: “MKCURLY cảnh cáo”\n',
        "utf-8",
    )
    assert main(["--repo", str(repo), "check", str(member)]) == 1
    out = capsys.readouterr().out
    assert "Chọn một trong: `khien_trach`, `canh_cao`, `cach_chuc`, `khai_tru`." in out, out
    assert "Giá trị `“[ẩn]”` không hợp lệ" in out, out  # its quotes kept, not its words
    assert "MKCURLY" not in out and "mkcurly" not in out.lower()
