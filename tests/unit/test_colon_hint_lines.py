"""The "Sửa dòng N thành" line of the two missing-colon hints, pasted as it is, gives the
key every word written, or no line is offered (a hostile-submitter trial: `chuc_vu "Bí thư
chi bộ  #1 của xã"` was offered `chuc_vu: "\\"Bí thư chi bộ"  #1 của xã"`, which reads
`"Bí thư chi bộ`; `chuc_vu Bí thư: "Chi bộ #1, công chức"` lost `#1, công chức` the same
way). A `#` inside quotes is text; a comment starts only outside them
(generator/check/yamltext.split_value_note), and each line is read back before it is
offered (yamltext.reads_back)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.check import yamlcolon, yamltext
from generator.check.files import problem_finding
from generator.check.schemas import SchemaSet
from generator.check.yamltext import colon_after_word, reads_back, split_value_note
from generator.submissions.layout import Kind
from generator.submissions.yamlload import loads
from tests.conftest import ROOT

HEAD = "ma_dang_vien: dv-101011\nnam: 2025\n"  # the line under test is line 3
FIX = re.compile(r"Sửa dòng 3 thành: `([^`\n]*)`")
# words a plain value may hold (a `#` or a quote inside a word is a letter there)
PLAIN = ["Bí", "thư", "Chi", "bộ", "công", "chức", "của", "xã", "số#2", "a:b", "O'Neil", 'Bí"d']
# and what only quotes may hold: a `#` after blanks, `: `
QUOTED = [*PLAIN, "#1", "#", "# ghi", "Mật:", "x: y", "\\", '"', "'"]
SCHEMA = SchemaSet(ROOT / "schema").schema_for(Kind.MEMBER)


@st.composite
def values(draw: st.DrawFn, colon: bool = False) -> tuple[str, str]:
    """(a value as written, the text it means): plain words, in double or single quotes,
    or plain words then a quoted part; one or two blanks between words."""
    gap = draw(st.sampled_from([" ", "  "]))
    style = draw(st.sampled_from(["plain", "double", "single", "tail"]))
    pool = QUOTED if style != "plain" else [*PLAIN, "Mật:"] if colon else PLAIN
    inner = gap.join(draw(st.lists(st.sampled_from(pool), min_size=1, max_size=6)))
    if style == "plain":
        return inner, inner
    if style == "double":
        return '"' + inner.replace("\\", "\\\\").replace('"', '\\"') + '"', inner
    if style == "single":
        return "'" + inner.replace("'", "''") + "'", inner
    words = gap.join(draw(st.lists(st.sampled_from(PLAIN), min_size=1, max_size=3)))
    tail = inner.replace('"', "").replace("\\", "")
    written = f'{words} "{tail}"'
    return written, written


NOTES = st.sampled_from(["", "  # ghi chú", "  #1 ghi chú", "   # a: b"])


def _pasted(line: str) -> object:
    loaded = loads(f"{HEAD}{line}\n".encode())
    assert loaded.document is not None and not loaded.problems, (line, loaded.problems)
    return loaded.document.data.get("chuc_vu")


@settings(max_examples=150, deadline=None)
@given(values(), NOTES)
def test_a_missing_colon_line_pasted_keeps_every_word(value: tuple[str, str], note: str) -> None:
    written, meant = value
    data = f"{HEAD}chuc_vu {written}{note}\n".encode()
    loaded = loads(data)
    problems = [p for p in loaded.problems if p.code == "yaml-syntax"]
    if not problems:  # YAML read it (a plain `a: b` in it): colon_after_word's case
        return
    f = problem_finding(problems[0], "dv-101011.yaml", data, SCHEMA)
    if "thiếu dấu hai chấm" not in f.message:
        return
    m = FIX.search(f.hint)
    if m is None:  # no line to paste: the hint says how to write it, as a block
        assert "`chuc_vu: |`" in f.hint, f.hint
        return
    assert _pasted(m[1]) == meant, (written, note, m[1])


@settings(max_examples=150, deadline=None)
@given(values(colon=True), NOTES)
def test_a_key_read_with_its_words_pasted_keeps_every_word(
    value: tuple[str, str], note: str
) -> None:
    written = value[0]
    line = f"chuc_vu Bí thư: {written}{note}"
    fixed = colon_after_word(line, 0, "chuc_vu")
    assert fixed is not None
    if fixed:  # "": no line offered
        assert _pasted(fixed) == f"Bí thư: {written}", (line, fixed)


def test_the_trial_lines() -> None:
    fixed = colon_after_word('chuc_vu Bí thư: "Chi bộ #1, công chức"', 0, "chuc_vu")
    assert fixed == 'chuc_vu: "Bí thư: \\"Chi bộ #1, công chức\\""'
    assert _pasted(str(fixed)) == 'Bí thư: "Chi bộ #1, công chức"'
    data = f'{HEAD}chuc_vu "Bí thư chi bộ  #1 của xã"\n'.encode()
    f = problem_finding(loads(data).problems[0], "dv-101011.yaml", data, SCHEMA)
    assert 'Sửa dòng 3 thành: `chuc_vu: "Bí thư chi bộ  #1 của xã"`' in f.hint


def test_a_comment_starts_only_outside_quotes() -> None:
    assert split_value_note('"Chi bộ  #1"  # ghi chú') == ('"Chi bộ  #1"', "  # ghi chú")
    assert split_value_note("'it''s  #1'  # a") == ("'it''s  #1'", "  # a")
    assert split_value_note('Bí thư: "Chi bộ #1" #x', one_blank=True) == (
        'Bí thư: "Chi bộ #1"',
        " #x",
    )
    assert split_value_note("Chi bộ #1  # ghi") == ("Chi bộ #1", "  # ghi")
    assert split_value_note("Chi bộ #1", one_blank=True) == ("Chi bộ", " #1")
    assert split_value_note('"không đóng  #1') == ('"không đóng  #1', "")


def test_a_line_that_would_lose_words_is_not_offered(monkeypatch: pytest.MonkeyPatch) -> None:
    """The safety net: were a value ever written so that it reads back short (here a
    writer that drops what follows `#`), the hint offers no line to paste, only how to
    write the value as a block, every word kept."""
    assert not reads_back('chuc_vu: "Bí thư: \\"Chi bộ"  #1"', "chuc_vu", 'Bí thư: "Chi bộ #1"')
    lossy = lambda text: text.split("#")[0].strip()  # noqa: E731
    monkeypatch.setattr(yamlcolon, "yaml_scalar", lossy)
    monkeypatch.setattr(yamltext, "yaml_scalar", lossy)
    data = f"{HEAD}chuc_vu Bí thư #1 của xã\n".encode()
    f = problem_finding(loads(data).problems[0], "dv-101011.yaml", data, SCHEMA)
    assert "thiếu dấu hai chấm sau tên mục `chuc_vu`" in f.message
    assert "Sửa dòng" not in f.hint and FIX.search(f.hint) is None
    assert "ngay sau tên mục `chuc_vu` ở dòng 3" in f.hint and "`chuc_vu: |`" in f.hint
    assert colon_after_word("chuc_vu Bí thư: Chi bộ #1", 0, "chuc_vu") == ""
