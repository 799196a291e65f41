"""The rating memo's file (generator.rules.reuse): `marshal` records of plain tuples, so
no code runs on reading it — the whole table, then one patch per later run that changed
it, until `MAX_PATCHES`. Anything unreadable, torn, foreign or of another version reads
as None: a full rating, never a crash."""

from __future__ import annotations

import marshal
import os
import struct
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from generator import atomic, cachetrust
from generator.rules.base import Effect, NotRated, Reason
from generator.submissions.records import Level

_VERSION = 1  # bump when the core's shape changes
_FORMAT = (_VERSION, marshal.version, sys.version_info[:2])
MAX_PATCHES = 32  # then the file is rewritten whole
_SIZE = struct.Struct("<Q")

# a member's verdict from its rules: (reviewed, rated, not_rated, ceiling, assessed,
# self_level, needs_decision, reasons, flags)
Core = tuple[
    bool,
    bool,
    NotRated | None,
    Level | None,
    Level | None,
    Level | None,
    bool,
    tuple[Reason, ...],
    tuple[Reason, ...],
]


_LEVELS: dict[int | None, Level | None] = {lv.value: lv for lv in Level} | {None: None}
_EFFECTS = {e.value: e for e in Effect}
_WHY: dict[str | None, NotRated | None] = {n.value: n for n in NotRated} | {None: None}
# a level's or a why's value by a dict look-up (`.value` is a descriptor call: slower)
_VALUES: dict[Any, Any] = {x: x.value for x in (*Level, *NotRated)} | {None: None}


def _plain_reason(r: Reason) -> tuple[Any, ...]:
    return (
        r.rule,
        r.citation,
        r.text,
        r.effect.value,
        _VALUES[r.level],
        _VALUES[r.not_rated],
        r.reviewed,
        r.needs_decision,
    )


def _reason(t: tuple[Any, ...]) -> Reason:
    rule, citation, text, effect, level, why, reviewed, needs = t
    if not (isinstance(rule, str) and isinstance(citation, str) and isinstance(text, str)):
        raise TypeError(t)
    return Reason(
        rule,
        citation,
        text,
        _EFFECTS[effect],
        _LEVELS[level],
        _WHY[why],
        bool(reviewed),
        bool(needs),
    )


def rows_of(cores: Iterable[tuple[str, Core]]) -> dict[str, tuple[Any, ...]]:
    """The file's rows of `cores`: each core and reason object made plain once, and levels
    by a dict look-up (`.value` is a descriptor call)."""
    by_core: dict[int, tuple[Any, ...]] = {}
    by_reason: dict[int, tuple[Any, ...]] = {}
    plain = lambda r: by_reason.get(id(r)) or by_reason.setdefault(id(r), _plain_reason(r))  # noqa: E731
    # equal rows as one object: marshal writes it once and refers to it after (a
    # province's ~100,000 members have a few thousand distinct rows), and `read` makes
    # one core of it
    by_value: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    rows: dict[str, tuple[Any, ...]] = {}
    for mkey, core in cores:
        row = by_core.get(id(core))
        if row is None:
            reviewed, rated, why, ceiling, assessed, self_level, needs, reasons, flags = core
            made = (
                reviewed,
                rated,
                _VALUES[why],
                _VALUES[ceiling],
                _VALUES[assessed],
                _VALUES[self_level],
                needs,
                tuple(map(plain, reasons)),
                tuple(map(plain, flags)),
            )
            row = by_core[id(core)] = by_value.setdefault(made, made)
        rows[mkey] = row
    return rows


def _core(t: tuple[Any, ...]) -> Core:
    reviewed, rated, why, ceiling, assessed, self_level, needs, reasons, flags = t
    return (
        bool(reviewed),
        bool(rated),
        _WHY[why],
        _LEVELS[ceiling],
        _LEVELS[assessed],
        _LEVELS[self_level],
        bool(needs),
        tuple(_reason(r) for r in reasons),
        tuple(_reason(r) for r in flags),
    )


Kept = tuple[str, dict[str, Core], set[str], int]


def read(path: Path) -> Kept | None:
    """The kept (key, cores, their keys, patches) of a file this module wrote; None for anything
    else. The file: (format, key, rows), then patches (key, new rows, keys gone) appended
    by later runs; rows are keyed by content, so a patch of the same year key is right
    whatever it was appended to, and one of another key is skipped."""
    try:
        records = _records(path.read_bytes())
        fmt, key, rows = next(records)
        if tuple(fmt) != _FORMAT or not isinstance(key, str) or not isinstance(rows, dict):
            return None
        patches = 0
        for patch_key, new, gone in records:
            patches += 1
            if patch_key == key:
                rows.update(new)
                for mkey in gone:
                    rows.pop(mkey, None)
        # equal rows (most members of a province share a handful) read into one core: a
        # core and its Reasons are immutable, and page keys pickle without a memo, so
        # sharing does not change them (generator.site.keypickle)
        made: dict[Any, Core] = {}
        by_id: dict[int, Core] = {}  # a row marshal read once for many members
        cores = {}
        for mkey, row in rows.items():
            if isinstance(mkey, str):
                core = by_id.get(id(row))
                if core is None:
                    core = made.get(row)
                    if core is None:
                        core = made[row] = _core(row)
                    by_id[id(row)] = core
                cores[mkey] = core
    except (
        OSError,
        EOFError,
        ValueError,
        TypeError,
        KeyError,
        IndexError,
        StopIteration,
        struct.error,
    ):
        return None
    return key, cores, set(cores), patches


def _records(data: bytes) -> Iterator[Any]:
    """The file's records: each is its length (8 bytes) and a marshal of it."""
    view, at = memoryview(data), 0
    while at < len(data):
        (size,) = _SIZE.unpack_from(view, at)
        at += _SIZE.size
        if at + size > len(data):
            raise EOFError("a torn record")
        yield marshal.loads(view[at : at + size])
        at += size


def _record(value: Any) -> bytes:
    data = marshal.dumps(value)
    return _SIZE.pack(len(data)) + data


def append(path: Path, key: str, new: dict[str, tuple[Any, ...]], gone: list[str]) -> bool:
    """Append one patch in one write; False when it could not be (then rewrite whole)."""
    data = _record((key, new, gone))
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND)
    except OSError:
        return False
    try:
        if os.write(fd, data) != len(data):  # a torn patch: make the file unreadable
            os.ftruncate(fd, 0)
    except OSError:
        return False
    finally:
        os.close(fd)
    return True


def write(path: Path, key: str, rows: dict[str, tuple[Any, ...]]) -> None:
    try:
        cachetrust.make_folder(path.parent)
        atomic.write_bytes(path, _record((_FORMAT, key, rows)))
    except OSError:
        pass  # a memo not written: the next rating rates afresh
