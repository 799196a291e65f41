"""YAML repair: which line a person must change when a file does not parse, and how.

PyYAML names the place where it *noticed* a problem (its problem mark); the mistake is
usually on that line, sometimes on a line above it (a key moved to column 0 is noticed
at the next key that is still indented). This module reads the file's text as a person
would — keys, their indentation, the text blocks after `|` (generator/check/yamlshape.py)
— and chooses, before anything is rendered, the catalog wording (`yaml-syntax/<variant>`),
the line and the corrected line, which keeps the indentation of its sibling keys (a key
at an indentation no level has: generator/check/yamlindent.py).

Nothing here changes a file; the texts live in generator/messages/loadsyntax.py.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from generator.check.written import double_quoted, is_quoted_text
from generator.check.yamlblock import text_block
from generator.check.yamlbracket import unclosed_bracket
from generator.check.yamlcolon import missing_colon
from generator.check.yamlemptykey import empty_key
from generator.check.yamlgeneric import generic
from generator.check.yamlindent import indentation
from generator.check.yamlshape import Line, indent, is_content, structure
from generator.check.yamlstray import stray_after_value
from generator.check.yamltext import SMART_QUOTES, split_value_note, yaml_scalar
from generator.messages.loadsyntax import INDENT_NOTE_VI, ODD_SPACES_VI
from generator.submissions.yamlload import LoadProblem
from generator.vietnamese import looks_vietnamese

# `structure` (the lines as a person reads them) lives in yamlshape; importable from here
__all__ = ["Repair", "explain", "explain_syntax", "structure"]

_KEY_NO_SPACE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?![\s/])(\S.*)$")
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


def _kept(fixed: str) -> dict[str, str]:
    """The corrected line as shown (`fixed`, without its indentation) and a note that keeps
    the indentation (`indent_note`), for a key inside a group."""
    n = indent(fixed)
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
        if m is None or not is_content(line.replace("\u00a0", " ").replace("\u202f", " ")):
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


def _stray_line(lines: list[str], items: list[Line]) -> Repair | None:
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
            fixed = f"{key_line[: indent(key_line)]}{above.key}: {shown}"
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


def _colon_in_value(lines: list[str], at: int) -> Repair | None:
    # `(\S.*)` stripped, not `(.*\S)\s*$`: that cost O(n²) on `k:<n spaces>`
    m = re.match(r"^(\s*(?:-\s+)?)([^\s:#][^:#]*?):\s+(\S.*)$", lines[at])
    if not m or ": " not in m.group(3).rstrip():
        return None
    # `  # ghi chú` stays a comment, out of the quotes; a `#` inside quotes is text
    value, note = split_value_note(m.group(3))
    curly = value[:1] in SMART_QUOTES
    fixed = f"{m.group(1)}{m.group(2)}: {_quote(value.rstrip())}{note}"
    variant = "curly-colon" if curly else "colon-in-value"
    return Repair(at + 1, 1, variant, {"line": at + 1, **_kept(fixed)})


def explain_syntax(
    text: str, line_no: int, problem: str, column: int = 0, schema: Any = None
) -> Repair | None:
    """The repair for a YAML syntax error PyYAML noticed at `line_no` (and `column`), or
    None (`schema`: the file's base schema, to name the keys allowed where one is missing)."""
    lines = text.split("\n")
    nameless = empty_key(lines, line_no, column, problem, schema)  # `  - : Chi bộ Ấp 3`
    if nameless is not None:
        return Repair(*nameless)
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
    found = _no_space_after_colon(lines, structural or [at])
    colon = None if found else missing_colon(lines, items[last_key + 1 :], schema)
    found = found or (Repair(*colon) if colon else None)  # `ho_ten Nguyễn Văn Bình`
    block = None if found else text_block(lines, everything, at, schema)
    found = found or (Repair(*block) if block else None)  # `  uu_diem:` over 2 lines
    found = found or _stray_line(lines, items)
    if found:
        return found
    if here is not None and here.key is not None:
        moved = indentation(lines, everything, here)
        if moved:
            return Repair(*moved)
    if "mapping values" in problem:
        return _colon_in_value(lines, at)
    return None


def explain(problem: LoadProblem, data: bytes, schema: Any = None) -> Repair:
    """How to present a load problem: position, catalog variant and parameters (`schema`:
    the file's base schema when known, for hints that name the keys of a place)."""
    detail = dict(problem.detail)
    pos = problem.position
    if problem.code == "yaml-syntax":
        text = data.decode("utf-8", errors="replace")
        english = f"{detail.get('context', '')} {detail.get('problem', '')}"
        found = explain_syntax(text, pos.line, english, pos.column, schema)
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
