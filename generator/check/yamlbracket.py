"""A bracket opened and never closed: `chuc_vu: [Giáo viên`, `tai_khoan: [`.

A value that starts with `[` or `{` is read by YAML as a list or group written on one
line (a flow collection), which must close with `]` or `}`. When it does not close on its
line, libyaml reads on and complains later — at the next key, often a line below — in
words ("did not find expected ',' or ']'", "expected the node content") that the
indentation diagnosis in yamlrepair.py would otherwise take for a misplaced key.

`unclosed_bracket` finds the nearest line at or above libyaml's mark whose value starts
with a bracket still open at the mark, and names that line and the bracket's column. The
corrected line quotes the user's whole value (`chuc_vu: "[Giáo viên"`); a bracket alone
(`tai_khoan: [`) followed by the list written on the lines below becomes `tai_khoan:`;
a bracket alone with nothing below asks for the value itself. The texts live in
generator/messages/loadbracket.py and loadsyntax.py.
"""

from __future__ import annotations

import re
from typing import Any

from generator.check.yamlstray import VALUE_START, quoted_scalar, value_end
from generator.messages.loadsyntax import INDENT_NOTE_VI, STRAY_KIND_VI, STRAY_OPENER_VI
from generator.submissions.yamlodd import note_at

_CLOSE = {"[": "]", "{": "}"}


def unclosed_bracket(
    lines: list[str], line_no: int, column: int, problem: str
) -> tuple[int, int, str, dict[str, Any]] | None:
    """(line, column, catalog variant, parameters) for the bracket opened on a line at or
    above `line_no` and still open where libyaml stopped (`column`, 1-based); else None."""
    if "flow" not in problem or not 0 < line_no <= len(lines):
        return None
    for index in range(line_no - 1, -1, -1):
        line = lines[index].rstrip("\r")
        m = VALUE_START.match(line)
        if m is None or m.group("open") not in _CLOSE or value_end(line, m.end("prefix")):
            continue
        start = m.end("prefix")
        between = lines[index + 1 : line_no - 1]
        upto = [line[start:], *between, lines[line_no - 1][: max(column - 1, 0)]]
        read = line[start : column - 1] if index == line_no - 1 else "\n".join(upto)
        if _depth(read) > 0:
            return _repair(lines, index, m.group("prefix"), start)
    return None


def _depth(text: str) -> int:
    """How many brackets are still open at the end of `text` (quoted text skipped)."""
    depth = 0
    for part in re.split(r""""(?:\\.|[^"\\\n])*"|'(?:''|[^'\n])*'""", text):
        depth += sum(part.count(c) for c in "[{") - sum(part.count(c) for c in "]}")
    return depth


def _repair(
    lines: list[str], index: int, prefix: str, start: int
) -> tuple[int, int, str, dict[str, Any]] | None:
    line = lines[index].rstrip("\r")
    opener = line[start]
    comment = note_at(line, start)
    cut = len(line.rstrip()) if comment is None else comment
    value = line[start:cut].rstrip()
    note = line[cut:].rstrip()
    params: dict[str, Any] = {
        "line": index + 1,
        "opener": STRAY_OPENER_VI[opener],
        "closer": _CLOSE[opener],
        "what": STRAY_KIND_VI[opener],
        "key": prefix.strip().rstrip(":").lstrip("- ").strip(),
    }
    if value == opener:
        if not _block_below(lines, index, len(prefix) - len(prefix.lstrip(" "))):
            return index + 1, start + 1, "bracket-alone", params
        fixed = prefix.rstrip() + note
        variant = "bracket-above-list"
    else:
        quoted = quoted_scalar(value)
        if quoted is None:
            return None
        fixed = prefix + quoted + note
        variant = "unclosed-bracket"
    indent = len(fixed) - len(fixed.lstrip(" "))
    params["fixed"] = fixed.strip()
    params["indent_note"] = INDENT_NOTE_VI.format(n=indent) if indent else ""
    return index + 1, start + 1, variant, params


def _block_below(lines: list[str], index: int, indent: int) -> bool:
    """Whether the next line with content is indented under line `index` (or is a `- `
    item at its indentation): the list or group the bracket meant is written below."""
    for below in lines[index + 1 :]:
        text = below.strip()
        if not text or text.startswith("#"):
            continue
        n = len(below) - len(below.lstrip(" "))
        return n > indent or (n == indent and text.startswith("- "))
    return False
