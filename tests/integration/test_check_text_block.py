"""Text pasted over several lines without `|` gets the block form, and following the
hints ends (found by a new user's trial, on the sample): `  uu_diem:` then
`  -Chấp hành tốt.` and `  -Gương mẫu.` at the key's indentation got "Sửa dòng 14
thành: `uu_diem: "-Chấp hành tốt."`", then "indent line 16 2 more spaces", and indenting
it gave the same finding on the same line, at column 1, for ever; Word's text (a bullet,
a tab, a colon, a second line) ended in the same loop. Each case writes the text into a
sample file, then follows the hints as a person does — each hint's corrected lines
written in, the file checked again — until the file passes: no finding may come back,
and the text read at the end is every line the person wrote (generator/check/yamlblock.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.integration.hintfiles import only, run_check, value_at
from tests.integration.test_check_written_values import MEMBER, check, sample

__all__ = ["check", "sample"]  # the fixtures, shared with test_check_written_values

UU_DIEM = r"^  uu_diem: \|\n(?:    .*\n)+"  # the sample's uu_diem block, lines 14-17
ONE = re.compile(r"Sửa dòng (\d+) thành: `([^`]*)`")
BLOCK = re.compile(
    r"Sửa dòng (\d+) đến dòng (\d+) thành[^:\n]*:\n((?:`[^`\n]*`|)(?:\n(?:`[^`\n]*`|))*)$"
)
EMPTIED = re.compile(r"dòng (\d+) khi đó để trống")

CASES = [
    # (uu_diem as written, the text read at the end)
    ("  uu_diem:\n  -Chấp hành tốt.\n  -Gương mẫu.\n", "-Chấp hành tốt.\n-Gương mẫu.\n"),
    (  # from Word: a bullet, a tab, a colon in the text, and the next line
        "  uu_diem: •\tChấp hành tốt chủ trương: luôn gương mẫu.\n"
        "  Tham gia đầy đủ sinh hoạt chi bộ.\n",
        "•\tChấp hành tốt chủ trương: luôn gương mẫu.\nTham gia đầy đủ sinh hoạt chi bộ.\n",
    ),
    # where the old hints led: the first line moved up in quotes, the next one indented
    (
        '  uu_diem: "-Chấp hành tốt."\n\n    -Gương mẫu.\n',
        "-Chấp hành tốt.\n\n-Gương mẫu.\n",
    ),
    (  # three lines, the last deeper: kept deeper, a comment on the key's line kept
        "  uu_diem:  # dán từ Word\n  Dòng một.\n  Dòng hai.\n    Dòng ba.\n",
        "Dòng một.\nDòng hai.\n  Dòng ba.\n",
    ),
]


def _apply(path: Path, f: dict) -> None:
    """What a person does with the finding `f`'s hint: its corrected lines written in."""
    lines = path.read_text("utf-8").split("\n")
    block = BLOCK.search(f["hint"])
    one = ONE.search(f["hint"])
    if block:
        first, last = int(block.group(1)), int(block.group(2))
        new = [line.strip("`") for line in block.group(3).split("\n")]
        lines[first - 1 : last] = new
    elif one:
        n, fixed = int(one.group(1)), one.group(2)
        old = lines[n - 1]
        lines[n - 1] = (
            fixed if fixed.startswith(" ") else old[: len(old) - len(old.lstrip())] + fixed
        )
        for emptied in EMPTIED.findall(f["hint"]):
            lines[int(emptied) - 1] = ""
    elif "thụt lề nó thêm 2 dấu cách" in f["hint"]:
        lines[f["line"] - 1] = "  " + lines[f["line"] - 1]
    else:
        pytest.fail(f"the hint gives nothing to do: {f['hint']}")
    path.write_text("\n".join(lines), "utf-8")


@pytest.mark.parametrize(("written", "text"), CASES)
def test_following_the_hints_of_pasted_lines_ends_with_the_text_kept(
    written: str, text: str, sample: Path, check, capsys: pytest.CaptureFixture[str]
) -> None:
    code, found = check(MEMBER, UU_DIEM, written)
    f = first = only(found)
    seen: list[tuple[int, int, str]] = []
    for _ in range(5):
        assert (f["line"], f["column"], f["hint"]) not in seen, ("the same hint again", seen)
        seen.append((f["line"], f["column"], f["hint"]))
        _apply(sample / MEMBER, f)
        code, found = run_check(sample, MEMBER, capsys)
        if code == 0:
            break
        f = only(found)
    assert (code, found) == (0, [])
    assert value_at(sample, MEMBER, ("kiem_diem", "uu_diem")) == text
    # the first hint is the block form, at the colon of `  uu_diem:` where ` |` goes
    assert (first["code"], first["line"], first["column"]) == ("yaml-syntax", 14, 11)
    n = written.count("\n") + 13
    assert f"nội dung của `uu_diem` viết trên nhiều dòng (dòng 14 đến {n})" in first["message"]
    assert "thêm ` |` sau `uu_diem:`" in first["hint"]
    assert f"Sửa dòng 14 đến dòng {n} thành" in first["hint"]
    assert "\n`  uu_diem: |" in first["hint"]
    assert len(seen) == 1  # the block form is the whole correction


def test_the_block_is_shown_line_by_line_in_the_terminal(
    sample: Path, check, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator.cli import main

    check(MEMBER, UU_DIEM, "  uu_diem:\n  -Chấp hành tốt.\n  -Gương mẫu.\n")
    assert main(["--repo", str(sample), "check", str(sample / MEMBER)]) == 1
    out = capsys.readouterr().out
    assert f"{MEMBER}:14:11: lỗi [yaml-syntax]" in out
    assert (
        "\n        `  uu_diem: |`\n        `    -Chấp hành tốt.`\n        `    -Gương mẫu.`\n"
        in out
    )


def test_one_line_below_a_key_is_still_moved_up(check) -> None:
    code, found = check(MEMBER, UU_DIEM, "  uu_diem:\n  Chấp hành tốt.\n")
    f = only(found)
    assert (code, f["line"], f["column"]) == (1, 15, 1)
    assert "Sửa dòng 14 thành: `  uu_diem: Chấp hành tốt.`" in f["hint"]
