"""How a person reads a YAML file that does not parse: its structural lines (keys, list
items, stray text) with their indentation, leaving out blanks, comments and the text
blocks after `|` / `>`; and the mapping levels still open above a line.

generator/check/yamlrepair.py and generator/check/yamlindent.py choose a repair from
these; nothing here changes a file or says anything to the user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# the value is taken whole and stripped in `structure`: a lazy `(.*?)\s*$` cost O(n²) on
# `k: x<n spaces>y` (tests/unit/test_hostile_regex.py)
_KEY = re.compile(r"^( *)(-\s+)?([^\s:#\"'][^:#]*?):(?:[ ]+(.*)|\s*)$")
_BLOCK_VALUE = re.compile(r"[|>][-+0-9]*\s*(#.*)?")


@dataclass(frozen=True)
class Line:
    """One structural line: its indentation, and its key and value when it has them."""

    index: int  # 0-based
    indent: int
    key: str | None  # the key when the line is `key:` or `key: value` (or `- key: ...`)
    value: str | None  # the value written on the line, None for a group opener
    dash: bool = False

    @property
    def key_indent(self) -> int:
        return self.indent + 2 if self.dash else self.indent

    @property
    def opener(self) -> bool:
        """`key:` with nothing after it: a group whose children follow, indented."""
        return self.key is not None and not self.value


def indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def is_content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def structure(lines: list[str], upto: int) -> list[Line]:
    """The structural lines (keys, list items, stray text) of lines[0..upto), without
    blanks, comments and the text inside `|` / `>` blocks."""
    out: list[Line] = []
    block_parent: int | None = None  # indent of the key that opened a text block
    block_indent: int | None = None  # indent of the block's first text line
    for i, line in enumerate(lines[:upto]):
        if not is_content(line):
            continue
        n = indent(line)
        if block_parent is not None:
            if block_indent is None and n > block_parent:
                block_indent = n
            if block_indent is not None and n >= block_indent:
                continue
            block_parent = block_indent = None
        m = _KEY.match(line)
        if m is None:
            dash = line.lstrip().startswith("- ")
            out.append(Line(i, n, None, line.strip(), dash))
            continue
        value = (m.group(4) or "").rstrip() or None
        item = Line(i, n, m.group(3).strip(), value, bool(m.group(2)))
        out.append(item)
        if value is not None and _BLOCK_VALUE.fullmatch(value):
            block_parent, block_indent = item.key_indent, None
    return out


def open_levels(above: list[Line]) -> list[tuple[int, Line]]:
    """(indent, the nearest key line at that indent) of the mapping levels still open
    after the lines `above`, outermost first."""
    stack: list[tuple[int, Line]] = []
    for item in above:
        if item.key is None:
            continue
        n = item.key_indent
        while stack and stack[-1][0] > n:
            stack.pop()
        if stack and stack[-1][0] == n:
            stack[-1] = (n, item)
        else:
            stack.append((n, item))
    return stack
