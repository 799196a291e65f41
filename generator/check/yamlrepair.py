"""YAML repair: which line a person must change when a file does not parse, and how.

PyYAML names the place where it *noticed* a problem (its problem mark); the mistake is
usually on that line, sometimes on a line above it (a key moved to column 0 is noticed
at the next key that is still indented). This module reads the file's text as a person
would — keys, their indentation, the text blocks after `|` — and chooses, before anything
is rendered, the catalog wording (`yaml-syntax/<variant>`), the line and the corrected
line, which keeps the indentation of its sibling keys.

Nothing here changes a file; the texts live in generator/messages/load.py.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from generator.check.schemahints import group_of
from generator.check.written import double_quoted, is_quoted_text
from generator.check.yamlbracket import unclosed_bracket
from generator.check.yamlgeneric import generic
from generator.check.yamlstray import stray_after_value
from generator.check.yamltext import SMART_QUOTES, yaml_scalar
from generator.messages.load import INDENT_NOTE_VI, ODD_SPACES_VI
from generator.submissions.yamlload import LoadProblem
from generator.submissions.yamlodd import split_note
from generator.vietnamese import looks_vietnamese

_KEY = re.compile(r"^( *)(-\s+)?([^\s:#\"'][^:#]*?):(?:[ ]+(.*?))?\s*$")
_KEY_NO_SPACE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?![\s/])(\S.*)$")
_BLOCK_VALUE = re.compile(r"[|>][-+0-9]*\s*(#.*)?")
# spaces that look like a space but are not one for YAML (Word, phones, web pages)
_ODD_SPACES = ODD_SPACES_VI
_ODD_SPACE_AT = re.compile(r"^[ ]*[\u00a0\u202f]|^[ ]*(?:-[ ]+)?[^\s:#\"'][^:#]*?:[\u00a0\u202f]")


@dataclass(frozen=True)
class Repair:
    """The chosen explanation: the line to change, the catalog variant and its parameters."""

    line: int
    column: int
    variant: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class _Line:
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


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def structure(lines: list[str], upto: int) -> list[_Line]:
    """The structural lines (keys, list items, stray text) of lines[0..upto), without
    blanks, comments and the text inside `|` / `>` blocks."""
    out: list[_Line] = []
    block_parent: int | None = None  # indent of the key that opened a text block
    block_indent: int | None = None  # indent of the block's first text line
    for i, line in enumerate(lines[:upto]):
        if not _content(line):
            continue
        n = _indent(line)
        if block_parent is not None:
            if block_indent is None and n > block_parent:
                block_indent = n
            if block_indent is not None and n >= block_indent:
                continue
            block_parent = block_indent = None
        m = _KEY.match(line)
        if m is None:
            dash = line.lstrip().startswith("- ")
            out.append(_Line(i, n, None, line.strip(), dash))
            continue
        value = m.group(4) or None
        item = _Line(i, n, m.group(3).strip(), value, bool(m.group(2)))
        out.append(item)
        if value is not None and _BLOCK_VALUE.fullmatch(value):
            block_parent, block_indent = item.key_indent, None
    return out


def _open_levels(above: list[_Line]) -> list[tuple[int, _Line]]:
    """(indent, the nearest key line at that indent) of the mapping levels still open
    after the lines `above`, outermost first."""
    stack: list[tuple[int, _Line]] = []
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


def _kept(fixed: str) -> dict[str, str]:
    """The corrected line as shown (`fixed`, without its indentation) and a note that keeps
    the indentation (`indent_note`), for a key inside a group."""
    n = _indent(fixed)
    note = INDENT_NOTE_VI.format(n=n) if n else ""
    return {"fixed": fixed.strip(), "indent_note": note}


def _quote(value: str) -> str:
    if value[:1] in SMART_QUOTES and value[-1:] in SMART_QUOTES and len(value) >= 2:
        value = value[1:-1]  # “…” typed by Word: straight quotes instead, not both
    if '"' in value and "'" not in value:
        return f"'{value}'"
    return double_quoted(value)


def _odd_space(lines: list[str], at: int) -> Repair | None:
    """A non-breaking space where YAML needs a space (after `:` or in the indentation)."""
    for i, line in enumerate(lines[: at + 1]):
        m = _ODD_SPACE_AT.search(line)
        if m is None or not _content(line.replace("\u00a0", " ").replace("\u202f", " ")):
            continue
        char = next(c for c in m.group(0) if c in _ODD_SPACES)
        fixed = line.replace("\u00a0", " ").replace("\u202f", " ").rstrip()
        return Repair(
            i + 1,
            m.start() + 1 + m.group(0).index(char),
            "odd-space",
            {"line": i + 1, "fixed": fixed, "space": _ODD_SPACES[char]},
        )
    return None


def _unclosed_quote(lines: list[str], at: int, problem: str) -> Repair | None:
    """An opening `"` never closed swallows the lines below it."""
    for i, line in enumerate(lines[: at + 1]):
        m = re.match(r'^(\s*(?:-\s+)?[^\s:#"][^:#"]*:\s+)"(.*)$', line)
        if not m or '"' in m.group(2).replace('\\"', ""):
            continue
        if not (_quoted_problem(problem) or i < at):
            return None
        text = m.group(2).rstrip()
        if text[-1:] in SMART_QUOTES:  # closed with a curly quote: a straight one instead
            return Repair(
                i + 1,
                1,
                "curly-close",
                {"line": i + 1, "fixed": f'{m.group(1)}"{text[:-1]}"', "curly": text[-1]},
            )
        return Repair(i + 1, 1, "unclosed-quote", {"line": i + 1, "fixed": f'{line.rstrip()}"'})
    return None


def _quoted_problem(problem: str) -> bool:
    return any(m in problem for m in ("quoted scalar", "end of stream"))


def _no_space_after_colon(lines: list[str], candidates: list[int]) -> Repair | None:
    for i in candidates:
        line = lines[i]
        m = _KEY_NO_SPACE.match(line)
        if m and "://" not in line:
            fixed = f"{m.group(1)}{m.group(2)}: {m.group(3)}"
            return Repair(i + 1, 1, "no-space", {"line": i + 1, **_kept(fixed)})
    return None


def _stray_line(lines: list[str], items: list[_Line]) -> Repair | None:
    """A line without `key:` (PyYAML notices it on the line after): a value written on
    the next line without indentation, or a stray line of text."""
    for pos in range(max(len(items) - 2, 0), len(items)):
        item = items[pos]
        if item.key is not None or item.dash or ":" in (item.value or ""):
            continue
        above = items[pos - 1] if pos else None
        if above is not None and above.opener and above.key is not None:
            key_line = lines[above.index]
            value = item.value or ""  # already in quotes: moved up as it is written
            shown = value if is_quoted_text(value) else yaml_scalar(value)
            fixed = f"{key_line[: _indent(key_line)]}{above.key}: {shown}"
            return Repair(
                item.index + 1,
                1,
                "value-next-line",
                {
                    "key": above.key,
                    "key_line": above.index + 1,
                    "line": item.index + 1,
                    "fixed": fixed.rstrip(),
                },
            )
        return Repair(item.index + 1, 1, "stray-line", {"line": item.index + 1})
    return None


def _indentation(lines: list[str], items: list[_Line], at: _Line) -> Repair | None:
    """A key whose indentation matches no open level, or whose group's first key was
    moved to the left (then that key is the line to change)."""
    above = items[: items.index(at)]
    levels = _open_levels(above)
    n = at.key_indent
    prev = next((i for i in reversed(above) if i.key is not None), None)
    if prev is None or any(level == n for level, _ in levels):
        return None
    if prev.opener and n > prev.key_indent:
        return None
    # `kiem_diem:` / `uu_diem: ...` at the same column / `  han_che: ...`: uu_diem moved left
    before = [i for i in above if i.key is not None and i.index < prev.index]
    group = before[-1] if before else None
    if (
        group is not None
        and group.opener
        and group.key_indent == prev.key_indent
        and n > prev.key_indent
        and not prev.dash
    ):
        fixed = " " * n + lines[prev.index].lstrip(" ")
        return Repair(
            prev.index + 1,
            1,
            "group-key-left",
            {"line": prev.index + 1, "group": group.key, "next": at.index + 1, "fixed": fixed},
        )
    first = _odd_first_key(lines, items, prev, at)
    if first is not None:
        return first
    target, sibling = _nearest_level(levels, n, at.key or "")
    fixed = " " * (target - (2 if at.dash else 0)) + lines[at.index].lstrip(" ")
    return Repair(
        at.index + 1,
        1,
        "indent",
        {
            "line": at.index + 1,
            "spaces": n,
            "expected": target,
            "sibling": sibling.index + 1,
            "fixed": fixed.rstrip(),
        },
    )


def _odd_first_key(lines: list[str], items: list[_Line], prev: _Line, at: _Line) -> Repair | None:
    """`nhiem_vu:` / `   duoc_giao: 6` / `  hoan_thanh: 6` / `  dung_han: 6`: the group's
    first key is the odd one out (PyYAML notices at the second); the keys after the error
    line agree with it, so the first key is the line to change."""
    n = at.key_indent
    pos = items.index(prev)
    owner = next((i for i in reversed(items[:pos]) if i.key is not None), None)
    if prev.dash or (owner is not None and not (owner.opener and owner.key_indent < n)):
        return None
    after = [i for i in items[items.index(at) + 1 :] if i.key is not None and not i.dash]
    following = next((i for i in after if i.key_indent <= n), None)
    if following is None or following.key_indent < n:  # no later sibling: the file's habit
        step = _usual_step(items)
        if owner is None or step is None or n - owner.key_indent != step:
            return None
    fixed = " " * n + lines[prev.index].lstrip(" ")
    return Repair(
        prev.index + 1,
        1,
        "indent",
        {
            "line": prev.index + 1,
            "spaces": prev.key_indent,
            "expected": n,
            "sibling": at.index + 1,
            "fixed": fixed.rstrip(),
        },
    )


def _usual_step(items: list[_Line]) -> int | None:
    """How far this file usually indents a group's keys (2 in the sample), when it has a
    habit: the most common step from a `key:` line to the key below it."""
    steps: dict[int, int] = {}
    for a, b in itertools.pairwise(items):
        if a.opener and b.key is not None and b.key_indent > a.key_indent:
            step = b.key_indent - a.key_indent
            steps[step] = steps.get(step, 0) + 1
    if not steps:
        return None
    best = max(steps.values())
    common = [s for s, count in steps.items() if count == best]
    return common[0] if len(common) == 1 and best > 1 else None


def _nearest_level(levels: list[tuple[int, _Line]], n: int, key: str) -> tuple[int, _Line]:
    """The open level a key at indent `n` most likely belongs to; on a tie a key known to
    belong in a group goes deeper, any other key shallower (where `#` was deleted)."""
    best = sorted(levels, key=lambda lv: (abs(lv[0] - n), lv[0]))
    if len(best) > 1 and abs(best[0][0] - n) == abs(best[1][0] - n) and group_of(key):
        return best[1]
    return best[0]


def _colon_in_value(lines: list[str], at: int) -> Repair | None:
    m = re.match(r"^(\s*(?:-\s+)?)([^\s:#][^:#]*?):\s+(.*\S)\s*$", lines[at])
    if not m or ": " not in m.group(3):
        return None
    value, note = split_note(m.group(3))  # `  # ghi chú` stays a comment, out of the quotes
    curly = value[:1] in SMART_QUOTES
    fixed = f"{m.group(1)}{m.group(2)}: {_quote(value.rstrip())}{note}"
    variant = "curly-colon" if curly else "colon-in-value"
    return Repair(at + 1, 1, variant, {"line": at + 1, **_kept(fixed)})


def explain_syntax(text: str, line_no: int, problem: str, column: int = 0) -> Repair | None:
    """The repair for a YAML syntax error PyYAML noticed at `line_no` (and `column`), or None."""
    lines = text.split("\n")
    at = min(max(line_no - 1, 0), len(lines) - 1)
    found = _odd_space(lines, at) or _unclosed_quote(lines, at, problem)
    opened = None if found else unclosed_bracket(lines, line_no, column, problem)
    found = found or (Repair(*opened) if opened else None)  # `chuc_vu: [Giáo viên`
    if found:
        return found
    stray = stray_after_value(lines, line_no, column)  # `ho_ten: "Đỗ "Ba" Thành"`
    if stray is not None:
        return Repair(line_no, column, *stray)
    everything = structure(lines, len(lines))
    items = [i for i in everything if i.index <= at]
    here = items[-1] if items and items[-1].index == at else None
    # the lines since the last well-formed key above the error, and the error line
    last_key = max((p for p, i in enumerate(items[:-1]) if i.key is not None), default=-1)
    structural = [i.index for i in items[last_key + 1 :]][-4:]
    found = _no_space_after_colon(lines, structural or [at]) or _stray_line(lines, items)
    if found:
        return found
    if here is not None and here.key is not None:
        found = _indentation(lines, everything, here)
        if found:
            return found
    if "mapping values" in problem:
        return _colon_in_value(lines, at)
    return None


def explain(problem: LoadProblem, data: bytes) -> Repair:
    """How to present a load problem: position, catalog variant and parameters."""
    detail = dict(problem.detail)
    pos = problem.position
    if problem.code == "yaml-syntax":
        text = data.decode("utf-8", errors="replace")
        english = f"{detail.get('context', '')} {detail.get('problem', '')}"
        found = explain_syntax(text, pos.line, english, pos.column)
        if found is not None:
            return found
        # nothing to correct found: PyYAML's problem, said in Vietnamese (yamlgeneric)
        variant, params = generic(text.split("\n"), pos.line, english)
        return Repair(pos.line, pos.column, variant, params)
    if problem.code == "yaml-tab":
        lines = data.decode("utf-8", errors="replace").split("\n")
        line = lines[pos.line - 1] if 0 < pos.line <= len(lines) else ""
        lead = line[: len(line) - len(line.lstrip(" \t"))]
        fixed = lead.replace("\t", "  ") + line.lstrip(" \t")
        return Repair(pos.line, pos.column, "", {**detail, "line": pos.line, "fixed": fixed})
    if problem.code == "file-not-utf8":
        decoded = _decode_legacy(data, pos.line)
        if decoded is not None:
            return Repair(
                pos.line, pos.column, "cp1258", {**detail, "line": pos.line, "decoded": decoded}
            )
    if problem.code == "yaml-empty" and data.decode("utf-8", errors="replace").strip():
        return Repair(pos.line, pos.column, "comments", detail)  # comments, no content
    if problem.code == "file-bom":
        first = data[3:].decode("utf-8", errors="replace").split("\n")[0]
        return Repair(pos.line, pos.column, "", {**detail, "first": first.strip()})
    return Repair(pos.line, pos.column, detail.pop("variant", ""), detail)


def _decode_legacy(data: bytes, line_no: int) -> str | None:
    """The line decoded as Windows-1258 when that reads as Vietnamese, else None."""
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return None
    line = unicodedata.normalize("NFC", text.split("\n")[line_no - 1]).strip()
    return line if looks_vietnamese(line) else None
