"""A raw NEL, line or paragraph separator (U+0085, U+2028, U+2029: pasted from Word or
the web) in a value, told by `kiemdiem check` (generator.submissions.yamlodd.raw_breaks)
on the sample's own files: the error `text-control` (variant `raw`) at the character,
as the escapes `\\L`/`\\P` are. libyaml takes each for a line break, so without this a
quoted one passed without a word and moved every later line number, and a plain or
block one gave a syntax error at a line the file does not have."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.submissions import yamlodd
from tests.conftest import copy_sample

YEAR = 2026
CHI_BO = f"submissions/{YEAR}/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-thon-an-lac"
MEMBER = f"{CHI_BO}/dang-vien/dv-101011.yaml"  # line 7 chuc_vu, line 16 in a `|` block


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_sample(tmp_path / "repo", (YEAR,))


def edit(repo: Path, pattern: str, new: str) -> None:
    path = repo / MEMBER
    changed, n = re.subn(pattern, lambda _: new, path.read_text("utf-8"), count=1, flags=re.M)
    assert n == 1, pattern
    path.write_text(changed, "utf-8")


def run_check(repo: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict]]:
    code = main(["--repo", str(repo), "check", "--format", "json", str(repo / MEMBER)])
    return code, json.loads(capsys.readouterr().out)["findings"]


# (the line's pattern, the line written, line and column of the character, its name)
CASES = [
    (r"^chuc_vu: .*$", 'chuc_vu: "Bí thư\u2028Chi bộ"', 7, 17, "U+2028"),
    (r"^chuc_vu: .*$", "chuc_vu: 'Bí thư\u2029Chi bộ'", 7, 17, "U+2029"),
    (r"^chuc_vu: .*$", 'chuc_vu: "Bí thư\x85Chi bộ"', 7, 17, "U+0085"),
    (r"^chuc_vu: .*$", "chuc_vu: Bí thư\u2028Chi bộ", 7, 16, "U+2028"),
    (r"^    Tham gia .*$", "    Tham gia đầy đủ\u2029sinh hoạt chi bộ.", 16, 20, "U+2029"),
]


@pytest.mark.parametrize(("pattern", "line", "number", "column", "name"), CASES)
def test_a_raw_separator_is_a_control_character_where_it_is(
    repo: Path,
    capsys: pytest.CaptureFixture[str],
    pattern: str,
    line: str,
    number: int,
    column: int,
    name: str,
) -> None:
    edit(repo, pattern, line)
    code, found = run_check(repo, capsys)
    assert [(f["code"], f["severity"], f["line"], f["column"]) for f in found] == [
        ("text-control", "error", number, column)
    ]
    assert code == 1
    assert found[0]["message"].startswith(f"Dòng này có ký tự điều khiển {name} (ký tự ngắt")
    assert f"Ở dòng {number}, từ cột này, gõ lại chỗ ngắt ấy" in found[0]["hint"]


def test_later_findings_keep_their_line(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # libyaml counts the separator as a line break: without the blank put in its place
    # the wrong value below would be told a line too low
    edit(repo, r"^chuc_vu: .*$", 'chuc_vu: "Bí thư\u2028Chi bộ"')
    edit(repo, r"^tu_xep_loai: .*$", "tu_xep_loai: GIOI")
    code, found = run_check(repo, capsys)
    assert code == 1
    assert (found[0]["code"], found[0]["line"]) == ("text-control", 7)
    assert {f["line"] for f in found[1:]} == {29}, [(f["code"], f["line"]) for f in found]


def test_a_file_without_one_is_given_back_as_it_is() -> None:
    sample = (Path(__file__).resolve().parents[2] / MEMBER).read_text("utf-8")
    text, problems = yamlodd.raw_breaks(sample)
    assert text is sample and problems == []
