"""Small checks of a YAML file's text (generator.submissions.yamlload): tab indentation,
invisible characters, and where a byte offset falls (in the bytes or in the
text); the problem type the loader reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.findings import Position
from generator.invisible import INVISIBLE_RE, code_point, invisible_chars

SMART_QUOTES = "\u201c\u201d\u201e\u2018\u2019"  # “ ” „ ‘ ’: typed by word processors and phones


@dataclass(frozen=True)
class LoadProblem:
    """Why a file could not be loaded (or a warning about how it was loaded)."""

    code: str
    position: Position
    detail: dict[str, Any] = field(default_factory=dict)
    fatal: bool = True


def offset_to_pos(data: bytes, offset: int) -> Position:
    """The line and column (1-based) of byte `offset` of `data`."""
    before = data[:offset]
    line = before.count(b"\n") + 1
    col = offset - (before.rfind(b"\n") + 1) + 1
    return Position(line, col)


def char_pos(text: str, offset: int) -> Position:
    """The line and column (1-based, in characters as PyYAML's marks) of UTF-8 byte
    `offset` of `text`."""
    before = text.encode("utf-8")[:offset].decode("utf-8", errors="ignore")
    return Position(before.count("\n") + 1, len(before) - before.rfind("\n"))


def tab_indent(text: str) -> Position | None:
    """Where the first line indented with a tab starts its indentation, if one is."""
    if "\t" not in text:  # nearly every file: no line to look at
        return None
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            return Position(number, len(line) - len(stripped) + 1)
        # "key:\tvalue" is legal YAML; "- \titem" too. Only indentation matters.
    return None


# Each invisible character is looked for either by the first byte of its UTF-8 form in
# the file's bytes (one fast byte scan each; CD, D8, E2, EF, F3...: rare in Vietnamese) or,
# when that byte is common in Vietnamese text (E1: the U+1Exx letters; C2: a no-break
# space pasted from Word), as itself in the text (as fast: U+00AD, U+115F, U+180E...).
_COMMON_LEADS = (b"\xc2", b"\xe1")
_LEAD_BYTES = sorted({c.encode()[:1] for c in invisible_chars()} - set(_COMMON_LEADS))
_AS_TEXT = "".join(c for c in invisible_chars() if c.encode()[:1] in _COMMON_LEADS)


def may_hide_invisible(data: bytes, text: str) -> bool:
    """Whether `text` (= `data` decoded) may hold an invisible character: False is
    certain, and far cheaper to learn than searching the text with INVISIBLE_RE (~3% of
    a cold check's per-file work)."""
    return any(b in data for b in _LEAD_BYTES) or any(c in text for c in _AS_TEXT)


def invisible_problems(text: str) -> list[LoadProblem]:
    """A warning per line holding invisible characters (generator.invisible)."""
    if not INVISIBLE_RE.search(text):
        return []
    out = []
    for number, line in enumerate(text.split("\n"), start=1):
        found = list(INVISIBLE_RE.finditer(line))
        if found:
            chars = ", ".join(sorted({code_point(m.group()) for m in found}))
            out.append(
                LoadProblem(
                    "text-invisible",
                    Position(number, found[0].start() + 1),
                    {"chars": chars},
                    fatal=False,
                )
            )
    return out


def only_comments(text: str) -> bool:
    """Whether `text` holds nothing but blank lines, comments and document-start markers
    (`---`, a comment may follow it): no value at all, so the file is `yaml-empty` and
    `kiemdiem new` adds its form below them, which then belongs to that one document. A
    document-end marker (`...`) is not among them: a form added after it would be a second
    document, so such a file keeps the finding the parser gives it."""
    for line in text.split("\n"):
        rest = line.rstrip("\r")
        if rest.startswith("---"):
            rest = rest[3:]
            if rest and rest[0] not in " \t":
                return False  # `---x` is a value, not a marker
        rest = rest.strip(" \t")
        if rest and not rest.startswith("#"):
            return False
    return True
