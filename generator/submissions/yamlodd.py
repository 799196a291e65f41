"""What YAML does to a text quietly, reported (generator.submissions.yamlload):

* `` #`` after a plain value starts a comment: ``chuc_vu: Phó Bí thư #2, phụ trách``
  keeps "Phó Bí thư" only (error ``yaml-comment-in-value``); so does ``#`` right after a
  closing quote (``ho_ten: "Đỗ Văn"#Thành`` keeps "Đỗ Văn"), which YAML forbids (a
  comment needs a blank before it) and libyaml reads without a word (its variant
  ``quoted``);
* a plain or folded (``>``) value over several lines is joined into one line (warning
  ``text-joined-lines``, by `lost_breaks`, from the builder);
* an escape in double quotes writes a control character (``"\\e[31m"``, ``"\\u0000"``,
  the line and paragraph separators ``"\\L"``, ``"\\P"``): no review needs one, and it
  can drive a terminal (error ``text-control``; the file is still read and validated, so
  its other errors are told at once, but never rated);
* an escape in double quotes writes a bidi or zero-width character (``"\\u202e"``,
  ``"\\u200b"``, generator.invisible): the warning ``text-invisible`` a raw one gets, at
  the escape;
* a raw NEL, line or paragraph separator (U+0085, U+2028, U+2029, pasted from Word or
  the web) is a line break to libyaml, anywhere: it moves every later line number and
  breaks a plain value or a ``|`` block; `raw_breaks` reports each (error
  ``text-control``, variant ``raw``) where the text has it, and the text is composed with
  a blank in its place;
* a plain value in curly quotes (``ho_ten: “Nguyễn Văn Bình”``, typed by Word or a
  phone) keeps them as part of its text (warning ``text-curly-quotes``: a name may hold
  such quotes inside, but one that starts and ends with them is almost surely meant
  quoted; generator.check.curlyhint drops it where the schema's finding tells it);
* an anchor (``&ten``) is dropped and a tag (``!!str``) changes how a value is read
  (``yaml-alias``/``yaml-tag``, like aliases and ``!!binary``).

Each is looked for only when the text holds what it cannot be written without
(`worth_a_look`): a file without " #", '"#', "'#", a backslash, "&", "!" or a curly quote
costs a few substring searches.

``"\\_"`` (a no-break space, U+00A0) is left alone: it reads as the space it shows, and
a raw one (common in text pasted from Word or the web) is no finding either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import yaml

from generator.findings import Position
from generator.invisible import INVISIBLE_RE, code_point
from generator.submissions.yamltext import SMART_QUOTES, LoadProblem

# "#" after one blank that follows something (a value, or the ":" of an empty one): a
# comment only YAML means. The template's own notes have two spaces ("0  # điểm ...", as
# yamllint asks), and a comment line of its own has only blanks before its "#".
_ONE_BLANK_HASH = re.compile(r"[^ \t\n][ \t]#")
# an escape of a double-quoted scalar: its letter or code, or any other character
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_ESCAPED = {"0": 0, "a": 7, "b": 8, "v": 11, "f": 12, "r": 13, "e": 27, "N": 0x85}
_ESCAPED.update({"L": 0x2028, "P": 0x2029})  # line and paragraph separators
# a comment after the "#" glued to a closing quote: `"a"#b  # ghi chú`. The patterns of a
# run of blanks start where the run does: tried at every blank of a long run, they cost
# O(n²) (tests/unit/test_hostile_regex.py).
_LATER_COMMENT = re.compile(r"(?<![ \t])[ \t]+#")
# raw characters libyaml takes for line breaks (besides "\r" and "\n")
_RAW_BREAK = re.compile("[\x85\u2028\u2029]")
_AS_BLANKS = str.maketrans(dict.fromkeys("\x85\u2028\u2029", " "))
# a comment clearly meant as one: two blanks before its "#"
_NOTE = re.compile(r"(?<![ \t])[ \t]{2,}#")
# a curly quote opening a value: after a key's ":" or a list's "-", or first on its line
_CURLY_START = re.compile(f"(?:[:-][ \t]+|^[ \t]*)[{SMART_QUOTES}]", re.MULTILINE)
# node properties before a node: "&anchor" and "!tag", blanks between
_PROPERTY = re.compile(r"([&!][^\s]*)\s*")


def worth_a_look(text: str) -> bool:
    """Whether `text` may hold one of this module's cases (False is certain)."""
    return (
        ("\\" in text)
        or ('"#' in text)
        or ("'#" in text)
        or ("&" in text)
        or ("!" in text)
        or ((" #" in text or "\t#" in text) and _ONE_BLANK_HASH.search(text) is not None)
        or _curly(text)
    )


def _curly(text: str) -> bool:
    """Whether a value of `text` may start with a curly quote (False is certain)."""
    return any(q in text for q in SMART_QUOTES) and _CURLY_START.search(text) is not None


def raw_breaks(text: str) -> tuple[str, list[LoadProblem]]:
    """`text` with a blank for each raw NEL, line or paragraph separator (so that libyaml
    counts lines as the file's reader does), and a `text-control` error per line holding
    one, at the first (RULES: the values of a review are text without control
    characters). A file without one costs three substring searches."""
    if "\u2028" not in text and "\u2029" not in text and "\x85" not in text:
        return text, []
    found: dict[int, tuple[int, list[str]]] = {}  # line (1-based) -> column, characters
    for m in _RAW_BREAK.finditer(text):
        at = m.start()
        number = text.count("\n", 0, at) + 1
        _, names = found.setdefault(number, (at - text.rfind("\n", 0, at), []))
        if code_point(m.group()) not in names:
            names.append(code_point(m.group()))
    problems = [
        LoadProblem(
            "text-control",
            Position(number, col),
            {"chars": ", ".join(names), "line": number, "variant": "raw"},
            False,
        )
        for number, (col, names) in sorted(found.items())
    ]
    return text.translate(_AS_BLANKS), problems


def split_note(line: str, start: int = 0) -> tuple[str, str]:
    """`line` cut before a comment clearly meant as one, at or after `start`: two blanks
    then "#", as the template's notes (one blank is `yaml-comment-in-value`'s case).
    (What is before it, the comment with its blanks or "".)"""
    cut = note_at(line, start)
    return (line, "") if cut is None else (line[:cut], line[cut:].rstrip())


def note_at(line: str, start: int = 0) -> int | None:
    """Where in `line` a comment clearly meant as one (`split_note`) starts, at or after
    `start`; None when there is none."""
    m = _NOTE.search(line[start:])  # a slice: `start` may be inside a run of blanks
    return None if m is None else start + m.start()


def is_control(char: str) -> bool:
    """C0 (but tab and line feed), DEL and C1 characters, and the line and paragraph
    separators (line breaks to YAML and JavaScript; escaped by every output, as controls,
    generator.report.safe)."""
    n = ord(char)
    return (n < 0x20 and n not in (9, 10)) or 0x7F <= n <= 0x9F or n in (0x2028, 0x2029)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class _Look:
    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.hash = "#" in text and _ONE_BLANK_HASH.search(text) is not None
        self.escapes = "\\" in text
        self.glued = '"#' in text or "'#" in text
        self.curly = _curly(text)
        self.problems: list[LoadProblem] = []

    def walk(self, root: Any) -> None:
        # (node, the key node it is the value of, the list item it is in: the list's name
        # and the item's number, to name a value without a key of its own, `_place`)
        todo: list[tuple[Any, Any, tuple[str, int] | None]] = [(root, None, None)]
        while todo:
            node, key, item = todo.pop()
            kind = type(node)
            if kind is yaml.MappingNode:
                for k, v in node.value:
                    todo.append((k, None, None))
                    todo.append((v, k, item))
            elif kind is yaml.SequenceNode:
                name = key.value if key is not None and isinstance(key.value, str) else ""
                todo.extend((v, None, (name, n)) for n, v in enumerate(node.value, 1))
            elif kind is yaml.ScalarNode:
                style = node.style
                if style == '"' and self.escapes:
                    self._controls(node)
                elif not style and self.hash:
                    self._comment(node, _place(key, item))
                if self.glued and style in ('"', "'") and node is not root:
                    self._glued(node, _place(key, item))
                if self.curly and not style and (key is not None or item is not None):
                    self._curly(node, _place(key, item))

    def _controls(self, node: Any) -> None:
        """One problem per line and kind of a double-quoted scalar whose escapes write
        control characters (`text-control`) or invisible ones (`text-invisible`)."""
        value = node.value
        if not any(is_control(c) for c in value) and not INVISIBLE_RE.search(value):
            return
        start, end = node.start_mark, node.end_mark
        found: dict[tuple[int, str], tuple[int, list[str]]] = {}  # (line, code) -> column, names
        for number in range(start.line, end.line + 1):
            line = self.lines[number]
            lo = start.column if number == start.line else 0
            hi = end.column if number == end.line else len(line)
            for m in _ESCAPE.finditer(line, lo, hi):
                code = m.group(1)
                n = int(code[1:], 16) if len(code) > 1 else _ESCAPED.get(code, 32)
                if n > 0x10FFFF:
                    continue
                char = chr(n)
                if is_control(char):
                    kind = "text-control"
                elif INVISIBLE_RE.match(char):
                    kind = "text-invisible"
                else:
                    continue
                col, names = found.setdefault((number, kind), (m.start(), []))
                name = f"{code_point(char)} (`{m.group()}`)"
                if name not in names:
                    names.append(name)
        for (number, kind), (col, names) in sorted(found.items()):
            detail = {"chars": ", ".join(names), "line": number + 1}
            if kind == "text-invisible":
                detail["variant"] = "escape"
            # neither stops the file from being read and validated (check reports its
            # other findings with it); a control character is an error, and a file with
            # an error is never rated (generator.loading.check_read)
            self.problems.append(LoadProblem(kind, Position(number + 1, col + 1), detail, False))

    def _comment(self, node: Any, place: dict[str, Any]) -> None:
        """`node`, a plain value, cut short by " #" right after it."""
        end = node.end_mark
        line = self.lines[end.line]
        rest = line[end.column :]
        blanks = len(rest) - len(rest.lstrip(" \t"))
        if blanks != 1 or rest[1:2] != "#":
            return
        at = end.column + 1  # the "#", 0-based
        kept, note = split_note(line, at)  # `  # ghi chú` after the cut text stays a comment
        detail: dict[str, Any] = {**place, "lost": kept[at:].rstrip(), "line": end.line + 1}
        start = node.start_mark
        if start.line == end.line:  # shown without its indentation, as every corrected line
            prefix = line[: start.column].rstrip()
            whole = kept[start.column :].strip()
            detail["fixed"] = f"{prefix} {_quoted(whole)}{note}".lstrip(" ")
            # for a field that takes no free text (a number, a choice, a date) the "#"
            # can only be a note: the check (generator.check.cuthint) picks this line,
            # the cut value with the comment two blanks after it, knowing the schema
            detail["as_note"] = (line[: end.column] + "  " + line[at:]).lstrip(" ").rstrip()
            detail["whole"] = whole
            detail["value_at"] = (start.line + 1, start.column + 1)
        else:
            detail["variant"] = "block"
        self.problems.append(
            LoadProblem("yaml-comment-in-value", Position(end.line + 1, at + 1), detail, False)
        )

    def _curly(self, node: Any, place: dict[str, Any]) -> None:
        """`node`, a plain value, starts and ends with curly quotes: the corrected line has
        straight ones, which YAML reads as quotes (a comment after the value stays)."""
        value = node.value
        if len(value) < 2 or value[0] not in SMART_QUOTES or value[-1] not in SMART_QUOTES:
            return
        start, end = node.start_mark, node.end_mark
        at = (start.line + 1, start.column + 1)
        detail: dict[str, Any] = {**place, "line": at[0], "quotes": f"{value[0]}…{value[-1]}"}
        detail["value_at"] = at  # for the check to find the field (generator.check.curlyhint)
        if start.line == end.line:  # shown without its indentation, as every corrected line
            line = self.lines[start.line]
            fixed = line[: start.column] + _quoted(value[1:-1]) + line[end.column :]
            detail["fixed"] = fixed.lstrip(" ").rstrip()
        else:
            detail["variant"] = "block"
        self.problems.append(LoadProblem("text-curly-quotes", Position(*at), detail, False))

    def _glued(self, node: Any, place: dict[str, Any]) -> None:
        """`node`, a quoted value, followed by "#" with no blank between: libyaml takes
        the rest of the line for a comment; the corrected line has it inside the quotes
        (a comment after it, " #", stays a comment)."""
        end = node.end_mark  # just after the closing quote
        line = self.lines[end.line]
        at = end.column  # the "#", 0-based
        if line[at : at + 1] != "#":
            return
        later = _LATER_COMMENT.search(line, at + 1)
        cut = later.start() if later is not None else len(line.rstrip())
        glued = line[at:cut]
        close = line[at - 1]
        inside = _quoted(glued)[1:-1] if close == '"' else glued.replace("'", "''")
        fixed = line[: at - 1] + inside + close + line[cut:].rstrip()
        detail = {
            **place,
            "lost": glued,
            "line": end.line + 1,
            "fixed": fixed.lstrip(" "),
            "variant": "quoted",
        }
        self.problems.append(
            LoadProblem("yaml-comment-in-value", Position(end.line + 1, at + 1), detail, False)
        )


def _place(key: Any, item: tuple[str, int] | None) -> dict[str, Any]:
    """What names a value in a message (generator.messages.loadcut.PLACE_VI): its key
    (`key`), or, for a value with no key or an empty one (`- "": ...`), whether it has a key
    (`keyed`) and, in a list, the list's name (`list`, "" for a list in a list) and the
    item's number (`n`)."""
    name = key.value if key is not None and isinstance(key.value, str) else ""
    if name.strip():
        return {"key": name}
    where = {"list": item[0], "n": item[1]} if item is not None else {}
    return {"key": name, "keyed": key is not None, **where}


def problems(text: str, root: Any, events: Iterable[Any] | None) -> list[LoadProblem]:
    """The problems of `text` (composed to `root`; `events`: its parse events, given when
    it holds "&" or "!") this module looks for."""
    look = _Look(text)
    if look.hash or look.escapes or look.glued or look.curly:
        look.walk(root)
    for event in events or ():
        if getattr(event, "anchor", None) is None and getattr(event, "tag", None) is None:
            continue
        mark = event.start_mark
        line = look.lines[mark.line]
        at = mark.column
        while (m := _PROPERTY.match(line, at)) is not None and len(look.problems) < 100:
            prop, at = m.group(1), m.end()
            code, variant = ("yaml-alias", "anchor") if prop[0] == "&" else ("yaml-tag", "")
            detail = {"prop": prop, "variant": variant, "line": mark.line + 1}
            look.problems.append(LoadProblem(code, Position(mark.line + 1, m.start() + 1), detail))
    return look.problems


def lost_breaks(node: Any, lines: list[str]) -> bool:
    """Whether `node`, a plain or folded (">") scalar, lost line breaks of its text."""
    start, end = node.start_mark, node.end_mark
    if end.line == start.line:
        return False
    if not node.style:  # every break between two lines of a plain scalar is folded
        return True
    if node.style != ">":
        return False
    # ">" wraps a long sentence on purpose (the sample does): a break is lost only where
    # a line ends a sentence or an item and the next is joined to it
    last = end.line if end.column == 0 else end.line + 1  # the end is after a line break
    ends = [s.rstrip()[-1:] in ".!?;:" for s in lines[start.line + 1 : last] if s.strip()]
    return any(ends[:-1]) and node.value.strip("\n").count("\n") < len(ends) - 1
