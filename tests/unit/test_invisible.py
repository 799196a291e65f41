"""generator.invisible's list of invisible characters against Python's unicodedata: every
format character (category Cf) is in it, so a newer Unicode's new ones fail here rather
than pass `check` unseen; the fillers and joiners it adds are not Cf, and are invisible."""

from __future__ import annotations

import unicodedata

from generator.invisible import FORMAT, IGNORABLE, INVISIBLE_RE, invisible_chars, show_invisible
from generator.report.safe import inert_json, visible


def test_the_format_runs_are_exactly_the_format_characters() -> None:
    listed = {chr(n) for lo, hi in FORMAT for n in range(lo, hi + 1)}
    every = {c for c in map(chr, range(0x110000)) if unicodedata.category(c) == "Cf"}
    assert sorted(map(ord, every - listed)) == []  # regenerate FORMAT from unicodedata
    assert sorted(map(ord, listed - every)) == []
    assert all(INVISIBLE_RE.fullmatch(c) for c in every)


def test_the_other_ignorable_ones_are_fillers_joiners_and_selectors() -> None:
    chars = [chr(n) for lo, hi in IGNORABLE for n in range(lo, hi + 1)]
    assert {unicodedata.category(c) for c in chars} == {"Mn", "Lo", "Cn"}
    assert {"\u034f", "\u115f", "\u1160", "\u3164", "\uffa0", "\ufe0f"} <= set(chars)
    # blanks with a width are what a reader sees as a space: not invisible
    assert not INVISIBLE_RE.search("\u00a0\u2800\u3000 ")
    assert len(invisible_chars()) == len(set(invisible_chars())) == len(chars) + 163


def test_the_outputs_escape_a_tag_character() -> None:
    text = "Hoa\U000e0041\u00ad"
    assert show_invisible(text) == visible(text) == "Hoa⟦U+E0041⟧⟦U+00AD⟧"
    assert inert_json('"Hoa\U000e0041"') == '"Hoa\\udb40\\udc41"'
