"""Characters a reader does not see, written in a review file (a new user's trial).

* A bidi or zero-width character written as a double-quoted escape (``"\\u202e"``) gets
  the warning a raw one gets (`text-invisible`), at the escape; every terminal output of
  submitted text (`check`, `member`, `rate`, `stats`) shows such characters escaped.
* A control character written as an escape (``"\\r"``, ``"\\e"``) is an error
  (`text-control`) that does not hide the file's other errors: the file is still read and
  validated, and it is never rated, like any file with an error.

Real files, real commands; exact codes, positions and outputs.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import copy_sample
from tests.integration.test_check_cli import M1, replace, run_check

HO_TEN = "ho_ten: Nguyễn Văn Nam"  # line 3 of M1
LOAI = "loai_dang_vien: chinh_thuc"  # line 4
UU_DIEM = "  uu_diem: Hoàn thành đầy đủ nhiệm vụ được giao."  # line 15
TU_XEP_LOAI = "tu_xep_loai: HTTNV"  # line 18

CHI_BO = "dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-thon-an-lac"
F = f"submissions/2026/{CHI_BO}/dang-vien/dv-101011.yaml"  # the trial's file
G = f"submissions/2025/{CHI_BO}/dang-vien/dv-101012.yaml"


def findings(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str], *changes: tuple[str, str]
) -> tuple[int, list[tuple[str, str, int, int]], list[dict]]:
    text = replace(M1, "", "")[M1]
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    code, report = run_check(mini_repo({M1: text}), "--no-rules", capsys=capsys)
    got = [(f["code"], f["severity"], f["line"], f["column"]) for f in report["findings"]]
    return code, got, report["findings"]


def _edit(repo: Path, rel: str, old_start: str, new_line: str) -> None:
    """Replace the line of `rel` that starts with `old_start` by `new_line`."""
    path = repo / rel
    lines = path.read_text("utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(old_start))
    lines[at] = new_line
    path.write_text("\n".join(lines), "utf-8")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


# ---------------------------------------------------------------- invisible characters


@pytest.mark.parametrize(
    ("value", "column", "chars"),
    [
        (r'"Nguyễn \u202eVăn Nam"', 17, "U+202E (`\\u202e`)"),
        (r'"Nguyễn Văn\u200b Nam"', 20, "U+200B (`\\u200b`)"),
        (r'"Nguyễn \U0000202EVăn\u2066 Nam\ufeff"', 17, "U+202E (`\\U0000202E`), U+2066"),
    ],
)
def test_an_escaped_invisible_character_is_the_warning_a_raw_one_gets(
    mini_repo: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    value: str,
    column: int,
    chars: str,
) -> None:
    code, got, items = findings(mini_repo, capsys, (HO_TEN, f"ho_ten: {value}"))
    assert (code, got) == (0, [("text-invisible", "warning", 3, column)])
    assert chars in items[0]["message"]
    assert "viết bằng dấu \\ trong ngoặc kép" in items[0]["message"]
    assert f"Bỏ ký hiệu {chars}" in items[0]["hint"] and "khỏi dòng 3" in items[0]["hint"]
    # the same code and severity as the raw character's, at the character
    raw = value.strip('"').replace(r"\u202e", "\u202e").replace(r"\u200b", "\u200b")
    if "\\" not in raw:
        code, got, _ = findings(mini_repo, capsys, (HO_TEN, f"ho_ten: {raw}"))
        assert (code, got) == (0, [("text-invisible", "warning", 3, column - 1)])


# found by a new user's trial: format characters other than the bidi and zero-width
# ones, tag characters, and the fillers and joiners that are not format characters
OTHERS = [
    ("\u2064", r"\u2064"),  # invisible plus
    ("\U000e0041", r"\U000E0041"),  # tag latin capital A
    ("\u00ad", r"\u00ad"),  # soft hyphen
    ("\ufff9", r"\ufff9"),  # interlinear annotation anchor
    ("\u034f", r"\u034f"),  # combining grapheme joiner
    ("\u3164", r"\u3164"),  # Hangul filler
    ("\u1160", r"\u1160"),  # Hangul jungseong filler (UTF-8 E1 85 A0, as Vietnamese's ệ)
    ("\u180b", r"\u180b"),  # Mongolian free variation selector
    ("\ufe0f", r"\ufe0f"),  # variation selector 16 (after an emoji)
    ("\u206f", r"\u206f"),  # nominal digit shapes
]


@pytest.mark.parametrize(("char", "escape"), OTHERS)
def test_every_invisible_character_is_warned_of_raw_or_escaped(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str], char: str, escape: str
) -> None:
    code, got, items = findings(mini_repo, capsys, (HO_TEN, f'ho_ten: "Nguyễn {escape}Văn Nam"'))
    assert (code, got) == (0, [("text-invisible", "warning", 3, 17)])
    assert f"U+{ord(char):04X} (`{escape}`)" in items[0]["message"]
    code, got, items = findings(mini_repo, capsys, (HO_TEN, f"ho_ten: Nguyễn {char}Văn Nam"))
    assert (code, got) == (0, [("text-invisible", "warning", 3, 16)])
    assert f"ký tự ẩn (U+{ord(char):04X})" in items[0]["message"]


def test_an_escape_on_a_later_line_of_a_value_is_found_there(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    new = '  uu_diem: "Hoàn thành\n    đầy đủ \\u200bnhiệm vụ \\e[0m\\u202e."'
    code, got, items = findings(mini_repo, capsys, (UU_DIEM, new))
    assert (code, got) == (
        1,
        [("text-invisible", "warning", 16, 12), ("text-control", "error", 16, 27)],
    )
    assert "U+200B (`\\u200b`), U+202E (`\\u202e`)" in items[0]["message"]
    assert "khỏi dòng 16" in items[0]["hint"]


def test_check_shows_an_invisible_character_it_quotes_escaped(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    repo = mini_repo(replace(M1, TU_XEP_LOAI, r'tu_xep_loai: "HT\u202eTNV"'))
    code, out, _ = _run(capsys, "--repo", str(repo), "check", "--no-rules")
    assert code == 1
    assert f"{M1}:18:17: cảnh báo [text-invisible]" in out
    assert "Giá trị `HT⟦U+202E⟧TNV` không hợp lệ cho `tu_xep_loai`" in out
    assert "\u202e" not in out
    # the JSON report: the same text for a reader, inert on a screen
    code, out, _ = _run(capsys, "--repo", str(repo), "check", "--no-rules", "--format", "json")
    assert "\u202e" not in out and "\\u202e" in out
    messages = [f["message"] for f in json.loads(out)["findings"]]
    assert any("`HT\u202eTNV`" in m for m in messages)


def test_member_rate_and_stats_show_invisible_characters_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = copy_sample(tmp_path / "repo", (2025, 2026))
    _edit(repo, F, "ho_ten:", r'ho_ten: "Đỗ \u202eVăn \u200bThành"')
    org = f"submissions/2026/{CHI_BO}/to-chuc.yaml"
    _edit(repo, org, "ten:", r'ten: "Chi bộ \u202ethôn An Lạc"')
    base = ("--repo", str(repo))

    code, out, err = _run(capsys, *base, "member", "dv-101011")
    assert code == 0, err
    assert "Họ và tên (ho_ten) · Toàn đảng bộ: Đỗ ⟦U+202E⟧Văn ⟦U+200B⟧Thành\n" in out
    assert "Năm 2026 · Chi bộ ⟦U+202E⟧thôn An Lạc (chi-bo-thon-an-lac)" in out
    code, out, _ = _run(capsys, *base, "member", "dv-101011", "--format", "json")
    assert not {"\u202e", "\u200b"} & set(out) and "\\u202e" in out
    assert "Đỗ \u202eVăn \u200bThành" in json.dumps(json.loads(out), ensure_ascii=False)

    for argv, row in (
        (("rate", "--year", "2026"), "    Chi bộ ⟦U+202E⟧thôn An Lạc "),
        (("stats", "--year", "2026"), "to_chuc,chi-bo-thon-an-lac,Chi bộ ⟦U+202E⟧thôn An Lạc,"),
        (("stats", "--year", "2026", "--format", "json"), '"ten": "Chi bộ ⟦U+202E⟧thôn An Lạc"'),
    ):
        code, out, err = _run(capsys, *base, *argv)
        assert row in out, argv
        assert not {"\u202e", "\u200b"} & set(out + err), argv


def test_member_and_the_site_show_every_invisible_character_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator.site.build import BuildOptions, build_site

    repo = copy_sample(tmp_path / "repo", (2025,))
    chars = "".join(char for char, _ in OTHERS)
    _edit(repo, G, "ho_ten:", f"ho_ten: Nguyễn Thị{chars} Hoa")
    shown = "Nguyễn Thị" + "".join(f"⟦U+{ord(c):04X}⟧" for c in chars) + " Hoa"
    code, out, err = _run(capsys, "--repo", str(repo), "member", "dv-101012")
    assert code == 0, err
    assert f"Họ và tên (ho_ten) · Toàn đảng bộ: {shown}\n" in out
    assert not set(chars) & set(out + err)
    code, out, _ = _run(capsys, "--repo", str(repo), "member", "dv-101012", "--format", "json")
    assert code == 0 and not set(chars) & set(out)
    assert f"Nguyễn Thị{chars} Hoa" in json.dumps(json.loads(out), ensure_ascii=False)

    out = tmp_path / "site"
    options = BuildOptions(
        repo=repo,
        out=out,
        project=repo,
        force=True,
        audiences=("chi-bo",),
        only="chi-bo-thon-an-lac",
    )
    build_site(options)
    pages = [p.read_text("utf-8") for p in out.rglob("*.html")]
    assert [p for p in pages if shown in p]
    assert [p for p in pages if set(chars) & set(p)] == []


def test_an_error_message_quoting_a_name_shows_it_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A statistics file from another repository names its organizations: the refusal
    that quotes one (kiemdiem's error line, generator.cli) shows it escaped."""
    repo = copy_sample(tmp_path / "repo", (2025,))
    x, y = tmp_path / "x.json", tmp_path / "y.json"
    code, _, err = _run(capsys, "--repo", str(repo), "rollup", "--export", "-o", str(x))
    assert code == 0, err
    data = json.loads(x.read_text("utf-8"))
    for org in data["to_chuc"]:
        org["ten"] = "Chi bộ \x1b]0;x\x07\u202eẤp"
    y.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    # control characters: refused by the exchange's schema, the name quoted inert
    code, out, err = _run(capsys, "rollup", str(y))
    assert code == 1
    assert "`Chi bộ \\x1b]0;x\\x07⟦U+202E⟧Ấp`" in err
    assert not {"\x1b", "\x07", "\u202e"} & set(out + err)
    # a bidi character alone is a name the schema takes: the refusal of a chi bộ found
    # in two sources quotes it inert, and the exchange written again carries it escaped
    z = tmp_path / "z.json"
    for org in data["to_chuc"]:
        org["ten"] = "Chi bộ \u202eẤp"
    z.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    code, out, err = _run(capsys, "rollup", str(z), str(z))
    assert code == 1
    assert "Chi bộ ⟦U+202E⟧Ấp (" in err and "đã có trong" in err
    assert "\u202e" not in out + err
    code, out, _ = _run(capsys, "rollup", str(z), "--export")
    assert code == 0 and "\u202e" not in out
    assert json.loads(out)["to_chuc"][-1]["ten"] == "Chi bộ \u202eẤp"


# ---------------------------------------------------------------- control characters


def test_a_control_character_does_not_hide_the_files_other_errors(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, got, items = findings(
        mini_repo,
        capsys,
        (HO_TEN, r'ho_ten: "Nguyễn \e[2JVăn\r Nam"'),
        (LOAI, "loai_dang_vien: chinhthuc"),
        (TU_XEP_LOAI, "tu_xep_loai: HTTT"),
    )
    assert code == 1
    assert got == [
        ("text-control", "error", 3, 17),
        ("schema-enum", "error", 4, 17),
        ("schema-enum", "error", 18, 14),
    ]
    assert "U+001B (`\\e`), U+000D (`\\r`)" in items[0]["message"]


def test_annotations_quote_a_control_character_inertly(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    repo = mini_repo(replace(M1, TU_XEP_LOAI, r'tu_xep_loai: "HT\e]0;x\aTNV\r"'))
    code, out, _ = _run(capsys, "--repo", str(repo), "check", "--no-rules", "--format", "github")
    assert code == 1
    assert not {"\x1b", "\x07", "\r"} & set(out)
    annotations = [line for line in out.split("\n") if line.startswith("::error ")]
    assert [a.split("title=", 1)[1].split("::")[0] for a in annotations] == [
        "kiemdiem schema-enum",
        "kiemdiem text-control",
    ]
    enum, control = annotations
    assert "Giá trị `HT\\x1b]0;x\\x07TNV%0D` không hợp lệ" in enum  # CR kept, as GitHub's
    # the message names the escapes as written: `\r` stays text, not a line break
    assert "U+001B (`\\e`), U+0007 (`\\a`), U+000D (`\\r`) (viết bằng" in control
    assert "%0D`" not in control


def _rate(repo: Path, capsys: pytest.CaptureFixture[str], year: int) -> tuple[int, str]:
    code, out, _ = _run(capsys, "--repo", str(repo), "rate", "--year", str(year))
    return code, out


@pytest.mark.parametrize(
    ("start", "line"),
    [
        ("ho_ten:", r'ho_ten: "Nguyễn Thị\r Hoa\e[2J"'),
        ("chuc_vu:", "chuc_vu: Phó Bí thư Chi bộ #2"),  # yaml-comment-in-value, an error
    ],
)
def test_a_file_with_an_error_of_its_text_is_not_rated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], start: str, line: str
) -> None:
    repo = copy_sample(tmp_path / "repo", (2024, 2025))
    clean = _rate(repo, capsys, 2025)
    _edit(repo, G, "tu_xep_loai:", "tu_xep_loai: XYZ")  # a schema error: not rated
    schema_error = _rate(repo, capsys, 2025)
    _edit(repo, G, "tu_xep_loai:", "tu_xep_loai: HTTNV")
    assert _rate(repo, capsys, 2025) == clean
    _edit(repo, G, start, line)
    text_error = _rate(repo, capsys, 2025)
    assert text_error == schema_error != clean
    assert text_error[0] == 1
    code, out, _ = _run(capsys, "--repo", str(repo), "member", "dv-101012")
    assert code == 0
    year = out.split("Năm 2025 ·", 1)[1]
    assert "  Không có tệp bản kiểm điểm hợp lệ trong năm này.\n" in year
    assert not {"\x1b", "\r"} & set(out)


def test_a_value_with_a_control_character_reaches_no_page(tmp_path: Path) -> None:
    """Read and validated, but never rated: nothing of the file is on any site."""
    from generator.site.build import BuildOptions, build_site

    repo = copy_sample(tmp_path / "repo", (2025,))
    _edit(repo, G, "ho_ten:", r'ho_ten: "Nguyễn Thị Hoa \e]0;DẤU-VẾT\a\r"')
    _edit(repo, G, "chuc_vu:", r'chuc_vu: "Phó Bí thư \e[2JDẤU-VẾT"')
    out = tmp_path / "site"
    options = BuildOptions(
        repo=repo,
        out=out,
        project=repo,
        force=True,
        audiences=("to-chuc", "chi-bo"),
        only="chi-bo-thon-an-lac",
    )
    build_site(options)
    # every page, search index and download, and the Markdown the pages were made from
    texts = {".html", ".md", ".json", ".csv", ".xml", ".txt"}
    files = [p for p in [*out.rglob("*"), *(repo / "build").rglob("*")] if p.suffix in texts]
    pages = [p for p in files if p.suffix == ".html" and "dv-101012" in p.read_text("utf-8")]
    assert pages  # the member is there (in the proposals), without the file's values
    leaked = [p for p in files if "DẤU-VẾT" in p.read_text("utf-8")]
    assert leaked == []
    assert [p for p in files if "\x1b" in p.read_text("utf-8")] == []
