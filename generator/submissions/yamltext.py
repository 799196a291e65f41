"""Small checks of a YAML file's text (generator.submissions.yamlload): tab indentation,
and where a byte offset falls (in the bytes or in the text); the problem type the loader
reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.findings import Position


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
