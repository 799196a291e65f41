"""Text after a quoted or bracketed value on its line: `ho_ten: "Đỗ "Ba" Thành"`.

A value that starts with a quote (`"`, `'`) or a bracket (`[`, `{`) is read by YAML as
quoted text or a one-line list/group, which ends at the matching quote or bracket; the
text after it on the line belongs to nothing, and libyaml only says it "did not find
expected key" there, which reads like an indentation mistake. A nickname in quotes
(`Đỗ "Ba" Thành`) and a bracketed note (`[Giáo viên] nghỉ hưu`) are common.

`stray_after_value` recognises the case at the place libyaml names (the line and the
column where the stray text starts) and builds the corrected line from the user's own:
the whole value quoted, in single quotes when it holds double quotes, else in double
quotes with `\\` and `"` escaped. The texts live in
generator/messages/loadsyntax.py.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from generator.messages.loadsyntax import (
    INDENT_NOTE_VI,
    STRAY_KIND_VI,
    STRAY_OPENER_VI,
    STRAY_WHY_VI,
)
from generator.submissions.yamlodd import note_at

# indentation, a list dash, a key and its colon, then a value starting with a quote or bracket
VALUE_START = re.compile(
    r"""^(?P<prefix>[ ]*(?:-[ ]+)?(?:(?:"[^"]*"|'[^']*'|[^\s:#"'\[\]{}][^:#]*?):[ ]+)?)"""
    r"""(?P<open>["'\[{])"""
)
_CLOSE = {"[": "]", "{": "}"}


def stray_after_value(
    lines: list[str], line_no: int, column: int
) -> tuple[str, dict[str, Any]] | None:
    """The catalog variant and its parameters when line `line_no` holds a quoted or
    bracketed value followed by more text that starts at `column` (1-based: where libyaml
    noticed it); else None."""
    if not 0 < line_no <= len(lines):
        return None
    line = lines[line_no - 1].rstrip("\r")
    m = VALUE_START.match(line)
    if m is None:
        return None
    start = m.end("prefix")
    end = value_end(line, start)
    if end is None:
        return None
    after = line[end:]
    stray = end + len(after) - len(after.lstrip(" \t"))
    if stray + 1 != column or not after.strip() or (stray > end and line[stray] == "#"):
        return None
    # a comment: two blanks or more before "#" (one blank before "#" in the middle of a
    # text is taken for text, as generator.submissions.yamlodd does)
    comment = note_at(line, stray)
    cut = len(line.rstrip()) if comment is None else comment
    value = line[start:cut]
    quoted = quoted_scalar(_meant(value, m.group("open")))
    if quoted is None:
        return None
    fixed = m.group("prefix") + quoted + line[cut:].rstrip()
    indent = len(fixed) - len(fixed.lstrip(" "))
    opener = m.group("open")
    why = "single" if quoted[0] == "'" else "escaped" if '\\"' in quoted else ""
    variant = "text-after-quote" if opener in "\"'" else "text-after-bracket"
    return variant, {
        "line": line_no,
        "opener": STRAY_OPENER_VI[opener],
        "closer": _CLOSE.get(opener, opener),
        "what": STRAY_KIND_VI.get(opener, ""),
        "stray": line[stray:cut],
        "fixed": fixed.strip(),
        "indent_note": INDENT_NOTE_VI.format(n=indent) if indent else "",
        "why": STRAY_WHY_VI[why],
    }


def value_end(line: str, start: int) -> int | None:
    """The index just after the quoted text or the bracketed list/group starting at
    `start`, when it ends on this line."""
    opener = line[start]
    if opener in "\"'":
        return _quote_end(line, start)
    depth = 0
    i = start
    while i < len(line):
        c = line[i]
        if c in "\"'" and line[i - 1] in "[{, :":
            closed = _quote_end(line, i)
            if closed is None:
                return None
            i = closed
            continue
        if c in "[{":
            depth += 1
        elif c in "]}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None


def _quote_end(line: str, start: int) -> int | None:
    quote = line[start]
    i = start + 1
    while i < len(line):
        c = line[i]
        if quote == '"' and c == "\\":
            i += 2
            continue
        if c == quote:
            if quote == "'" and line[i + 1 : i + 2] == "'":  # '' is a quote inside '...'
                i += 2
                continue
            return i + 1
        i += 1
    return None


def _meant(value: str, opener: str) -> str:
    """The text the person meant: `"Đỗ "Ba" Thành"` is `Đỗ "Ba" Thành` in quotes (the first
    inner quote opens a nickname: it follows a blank), `"Ba" Thành` is itself."""
    if opener not in "\"'" or len(value) < 3 or value[-1] != opener:
        return value
    inner = value[1:-1]
    first = inner.find(opener)
    if first > 0 and inner[first - 1] in " \t":
        return inner
    return value


def quoted_scalar(text: str) -> str | None:
    """`text` as one YAML scalar that reads back as exactly `text`, or None."""
    if '"' in text and "'" not in text:
        quoted = f"'{text}'"
    else:
        quoted = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    try:
        read = yaml.safe_load(f"v: {quoted}\n")
    except yaml.YAMLError:
        return None
    return quoted if read == {"v": text} else None
