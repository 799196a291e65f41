"""A statistics file (JSON) read strictly, with the line and column of every key and value.

    doc = load(data)        # a JsonDocument (a yamlload.Document), or JsonProblem

`json.loads` reads the values (the one parser that decides what the file says); the
positions come from a second pass over the text, made only when a finding needs them (a
valid file never pays for it). Stricter than `json.loads`:

* UTF-8 only (a BOM is allowed), at most `MAX_BYTES`;
* a key written twice in one object is refused (json.loads keeps the last silently, so a
  reader of the file and the program would see different numbers);
* an integer of more than `LONG_DIGITS` digits is kept as a `Huge` (an int far above every
  bound, shown shortened), never converted: the schema refuses it, nothing overflows;
* a `\\uD800`-style escape that makes no character (half of a pair) is refused like
  bytes that are not UTF-8: no such text can be printed or written.

`plain` tells whether every number of the file is a plain integer: no fraction or
exponent (a count never has one, and fast validators take `7.0` for a whole number) and no
`Huge` (which they cannot read), so the caller knows when to ask the strict validator.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from generator.findings import Position
from generator.messages.rollup import JSON_SYNTAX_VI
from generator.submissions.yamlload import LaterPositions, PathKey

MAX_BYTES = 64 * 1024 * 1024
LONG_DIGITS = 15
_WS = " \t\n\r"


class JsonProblem(ValueError):
    """A file that is not strict JSON: a catalog code (generator/messages/rollup.py), where,
    and the message's parameters."""

    def __init__(self, code: str, position: Position, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.position = position
        self.params = params


class Huge(int):
    """An integer written with too many digits to convert: compares as larger than any
    bound, shows as its first and last digits and its length."""

    digits: str

    def __new__(cls, digits: str) -> Huge:
        self = super().__new__(cls, 10**LONG_DIGITS * (-1 if digits.startswith("-") else 1))
        self.digits = digits
        return self

    def __str__(self) -> str:
        return f"{self.digits[:8]}…{self.digits[-4:]} ({len(self.digits.lstrip('-'))} chữ số)"

    __repr__ = __str__

    def __format__(self, spec: str) -> str:
        return str(self)


class _Duplicate(ValueError):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _Duplicate
    return out


def _int(unusual: list[str]) -> Any:
    def parse(text: str) -> int:
        if len(text.lstrip("-")) > LONG_DIGITS:
            unusual.append(text)
            return Huge(text)
        return int(text)

    return parse


def load(data: bytes) -> JsonDocument:
    """The document of a JSON file's bytes, or JsonProblem."""
    if len(data) > MAX_BYTES:
        raise JsonProblem("rollup-too-big", Position(1), size=len(data) // 2**20, limit=64)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise JsonProblem("rollup-not-utf8", Position(line)) from None
    text = text.removeprefix("\ufeff")
    unusual: list[str] = []  # numbers with a fraction or exponent, and huge integers
    try:
        value = json.loads(
            text, object_pairs_hook=_pairs, parse_int=_int(unusual), parse_float=_float(unusual)
        )
    except json.JSONDecodeError as exc:
        detail = JSON_SYNTAX_VI.get(exc.msg, JSON_SYNTAX_VI[""])
        raise JsonProblem("rollup-json", Position(exc.lineno, exc.colno), detail=detail) from None
    except _Duplicate:
        raise _duplicate(text) from None
    except RecursionError:
        raise JsonProblem("rollup-json", Position(1), detail=JSON_SYNTAX_VI["too deep"]) from None
    if "\\u" in text and _has_half(value):
        raise JsonProblem("rollup-not-utf8", _half_at(text), variant="half")
    return JsonDocument(value, text, plain=not unusual)


# an escape of half a surrogate pair, high or low (not preceded by an escaped backslash)
_HALF = re.compile(r"(?<!\\)(?:\\\\)*\\u[dD]([89abAB]|[c-fC-F])[0-9a-fA-F]{2}")


def _half_at(text: str) -> Position:
    """Where the first escape of a lone half of a surrogate pair is."""
    after_high = -1  # the offset just after a high half, when a low one may follow
    for m in _HALF.finditer(text):
        start = m.end() - 6
        high = m.group(1) in "89abAB"
        if not high and start == after_high:
            after_high = -1  # the low half of a pair
            continue
        if after_high != -1 or not high:
            at = after_high - 6 if after_high != -1 else start
            return Position(text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at))
        after_high = m.end()
    if after_high != -1:
        at = after_high - 6
        return Position(text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at))
    return Position(1)


def _has_half(value: Any) -> bool:
    """Whether a text (key or value) in `value` holds half a surrogate pair."""
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            if any("\ud800" <= c <= "\udfff" for c in v):
                return True
        elif isinstance(v, dict):
            stack += v.keys()
            stack += v.values()
        elif isinstance(v, list):
            stack += v
    return False


def _float(seen: list[str]) -> Any:
    def parse(text: str) -> float:
        seen.append(text)
        return float(text)

    return parse


class JsonDocument(LaterPositions):
    """A JSON document whose positions are found the first time one is asked for."""

    def __init__(self, data: Any, text: str, *, plain: bool) -> None:
        self._data = data  # no position tables until asked
        self._text = text
        self.plain = plain
        self._marks = None

    def _marks_of(self) -> tuple[dict[PathKey, int], dict[PathKey, int]]:
        scan = _scan(self._text)
        return scan.values, scan.keys


def _skip(text: str, i: int) -> int:
    while i < len(text) and text[i] in _WS:
        i += 1
    return i


class _Scan:
    """Walks JSON text (already known to be valid), noting where each key and value
    starts as packed line/column marks (the Document's encoding)."""

    def __init__(self, text: str, values: dict[PathKey, int], keys: dict[PathKey, int]) -> None:
        self.text = text
        self.values = values
        self.keys = keys
        self.lines = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        self.duplicate: tuple[PathKey, int] | None = None

    def mark(self, offset: int) -> int:
        line = bisect.bisect_right(self.lines, offset)
        return line << 32 | (offset - self.lines[line - 1] + 1)

    def position(self, mark: int) -> Position:
        return Position(mark >> 32, mark & 0xFFFFFFFF)

    def value(self, i: int, path: PathKey) -> int:
        """Note the value starting at `i` (and everything in it); the offset after it."""
        self.values.setdefault(path, self.mark(i))
        text = self.text
        if text[i] == "{":
            return self._object(i + 1, path)
        if text[i] == "[":
            return self._array(i + 1, path)
        if text[i] == '"':
            return scanstring(text, i + 1)[1]
        end = i
        while end < len(text) and text[end] not in _WS + ",]}":
            end += 1
        return end

    def _object(self, i: int, path: PathKey) -> int:
        i = _skip(self.text, i)
        if self.text[i] == "}":
            return i + 1
        while True:
            key, after = scanstring(self.text, i + 1)
            here = (*path, key)
            if here in self.keys and self.duplicate is None:
                self.duplicate = (here, self.mark(i))
            self.keys.setdefault(here, self.mark(i))
            i = _skip(self.text, _skip(self.text, after) + 1)  # past the colon
            i = _skip(self.text, self.value(i, here))
            if self.text[i] == "}":
                return i + 1
            i = _skip(self.text, i + 1)  # past the comma

    def _array(self, i: int, path: PathKey) -> int:
        i = _skip(self.text, i)
        if self.text[i] == "]":
            return i + 1
        n = 0
        while True:
            i = _skip(self.text, self.value(i, (*path, n)))
            n += 1
            if self.text[i] == "]":
                return i + 1
            i = _skip(self.text, i + 1)


def _scan(text: str) -> _Scan:
    """The positions in `text` (of what could be scanned: the rest falls back to an
    ancestor's position)."""
    scan = _Scan(text, {}, {})
    with contextlib.suppress(ValueError, IndexError, RecursionError):
        scan.value(_skip(text, 0), ())
    return scan


def _duplicate(text: str) -> JsonProblem:
    """The problem of a file with a key written twice: the first such key, where."""
    scan = _scan(text)
    if scan.duplicate is None:
        return JsonProblem("rollup-duplicate-key", Position(1), key="?", where="")
    path, mark = scan.duplicate
    where = _where(path[:-1])
    return JsonProblem("rollup-duplicate-key", scan.position(mark), key=path[-1], where=where)


def _where(path: PathKey) -> str:
    """`to_chuc[2].dang_vien` (1-based, as findings show paths), or "" at the top."""
    out = ""
    for p in path:
        out += f"[{p + 1}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out
