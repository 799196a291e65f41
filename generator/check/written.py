"""A value as its author wrote it, for findings that quote it or show a corrected line.

Python's rendering of a value is not what a person typed: `[Giáo viên]` is read as the
list `['Giáo viên']`, `{Giáo viên}` as `{'Giáo viên': None}`, `true` as `True`. A hint
that copies such a rendering into a "Sửa dòng … thành" line would have the person write
changed text into their file. `written` finds the value's own text on its line and
accepts it only when that text, read again, gives exactly the same value; otherwise (a
value over several lines, a value inside a flow list, no text to look at) it returns
None and the hint goes without a ready-made line.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from typing import Any

from generator.messages.schema import KIND_VI
from generator.submissions.yamlload import Document, PathKey, loads

# where a comment may start after the value: blanks, then "#" (from the run's first blank:
# tried at every blank of a long run, the search cost O(n²), tests/unit/test_hostile_regex.py)
_COMMENT = re.compile(r"(?<![ \t])[ \t]+#")
# the cuts tried before the whole line: each reads its text again, so a line of thousands
# of " #" cost O(n²); a real value has a comment or two after it, never more than a few
_MAX_CUTS = 8
_ONE_BLANK = re.compile(r"[ \t]#")


@dataclass(frozen=True)
class Written:
    """The line holding a value, cut in three: before the value, the value, after it."""

    line: int  # 1-based
    prefix: str  # "  - ten: ": indentation, dash, key and colon
    text: str  # "[Giáo viên]": the value exactly as written
    suffix: str  # "  # ghi chú": what follows the value on the line (blanks, a comment)

    def with_value(self, value_text: str) -> str | None:
        """The line with `value_text` in place of the value, without its indentation (the
        hint's line keeps the file's indentation: only the value changes). A comment one
        blank after a quoted value gets two, as the template's notes (after a plain value
        `on_key_line` gives no line: the text was cut, `yaml-comment-in-value`).

        None when that is the line as it is: a hint never offers, as the fix, the very
        line that is wrong (every corrected value line is built here)."""
        suffix = "  " + self.suffix[1:] if _ONE_BLANK.match(self.suffix) else self.suffix
        corrected = (self.prefix + value_text + suffix).lstrip(" ").rstrip()
        return None if corrected == self.as_is() else corrected

    def as_is(self) -> str:
        """The line as it is, shown as a corrected line is (without its indentation)."""
        return (self.prefix + self.text + self.suffix).lstrip(" ").rstrip()


def line_text(doc: Document, number: int) -> str | None:
    """Line `number` (1-based) of the text `doc` was read from; None when unknown."""
    text = doc.text
    lines = _lines(text) if text is not None else ()
    return lines[number - 1].removesuffix("\r") if 0 < number <= len(lines) else None


@functools.lru_cache(maxsize=4)
def _lines(text: str) -> tuple[str, ...]:
    """`text`'s lines, split once per file: every finding of a file asks for its line, and
    a 500 KB file with thousands of findings split itself for each (O(findings × size))."""
    return tuple(text.split("\n"))


def written(doc: Document, path: PathKey, value: Any) -> Written | None:
    """Where and how `value`, at `path` of `doc`, is written on one line; None when its
    text cannot be recovered safely."""
    path = tuple(path)
    if path not in doc.value_marks:
        return None
    pos = doc.value_pos(path)
    line = line_text(doc, pos.line)
    if line is None or pos.column < 1 or pos.column > len(line):
        return None
    prefix, rest = line[: pos.column - 1], line[pos.column - 1 :]
    # the value ends before a comment (shortest first: `[a]  # ghi chú`), or at the end
    cuts = [m.start() for m in _COMMENT.finditer(rest) if m.start() > 0][:_MAX_CUTS]
    for end in [*cuts, len(rest.rstrip())]:
        text = rest[:end]
        if text and not text.startswith("#") and _reads_as(text, value):
            return Written(pos.line, prefix, text, rest[end:])
    return None


def _reads_as(text: str, value: Any) -> bool:
    """`text` after a key reads as exactly `value` (same types: `1` is not `true`)."""
    loaded = loads(f"v: {text}\n".encode())
    doc = loaded.document
    # `“2010-05-19”` reads as itself, curly quotes and all (their warning is no change)
    changed = [p for p in loaded.problems if p.code != "text-curly-quotes"]
    if doc is None or changed or list(doc.data) != ["v"]:
        return False
    return _same(doc.data["v"], value)


def is_quoted_text(text: str) -> bool:
    """`text` is a text in quotes, complete (`"Đỗ Văn A"`): it can follow a key as it is."""
    if text[:1] not in "\"'":
        return False
    loaded = loads(f"v: {text}\n".encode())
    doc = loaded.document
    return doc is not None and not loaded.problems and isinstance(doc.data.get("v"), str)


def _same(a: Any, b: Any) -> bool:
    try:
        return json.dumps(a, ensure_ascii=False) == json.dumps(b, ensure_ascii=False)
    except (TypeError, ValueError):
        return False


def on_key_line(doc: Document, path: PathKey, value: Any) -> Written | None:
    """`written`, only when the value starts on its key's line (a corrected line for the
    key's line replaces the whole value); a list item's value counts as on its line."""
    found = written(doc, path, value)
    if found is None:
        return None
    path = tuple(path)
    if path and isinstance(path[-1], str) and doc.key_pos(path).line != found.line:
        return None
    if _ONE_BLANK.match(found.suffix) and found.text[:1] not in "\"'[{":
        # a plain value cut by " #": the cut is the cause, and `yaml-comment-in-value`
        # (yamlodd) carries this line's correction; a second, different one would
        # contradict it (the value's own hint still names the allowed values)
        return None
    return found


def double_quoted(text: str) -> str:
    """`text` as a double-quoted YAML scalar: `Đỗ "Ba"` -> `"Đỗ \\"Ba\\""`."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def rendered(value: Any) -> str:
    """A scalar as YAML spells it (`true`, not Python's `True`), for when its own text
    is not at hand; lists and mappings have no one-line spelling here."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    return str(value)


def as_shown(doc: Document, path: PathKey, value: Any) -> tuple[str, dict[str, Any]]:
    """The message's variant and how it names a value of the wrong type: as written in the
    file (`[Giáo viên]`, `true`), never as Python shows it (`['Giáo viên']`, `True`)."""
    if isinstance(value, str):
        return "", {"value": value}
    found = written(doc, path, value)
    if value is None:
        if found is not None and found.text in ("null", "Null", "NULL", "~"):
            return "null-word", {"value": found.text}
        return "empty", {"value": value}
    if found is not None:
        return "", {"value": found.text}
    if isinstance(value, list | dict):
        return "kind", {"value": "", "kind": KIND_VI["list" if isinstance(value, list) else "dict"]}
    return "", {"value": rendered(value)}
