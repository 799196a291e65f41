"""The page keys' hashing (generator.site.incremental): what a key is made of, pickled
with a dispatch table that writes records and enumerations the way pickle writes them,
without pickle's Python-level detours for each of a province's ~100,000 verdicts; a
verdict's reasons and an organization's type by value, so that which equal objects are
shared (which pickle's memo writes) does not change a key."""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import io
import operator
import pickle
import sys
from collections.abc import Callable
from typing import Any, cast

from generator.orgtypes import OrgType
from generator.rules.base import Reason, Verdict, reason_fields
from generator.statistics import OrgStats


def _key(frame: bytes, parts: object) -> str:
    h = hashlib.sha256(frame)
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.dispatch_table = _REDUCERS
    pickler.dump(parts)
    data = buffer.getbuffer()
    # in slices below hashlib's 2,048 bytes, past which it releases the GIL: while the
    # search indexer's thread runs, taking it back cost ~0.3 ms a key (0.5 s at 20,000)
    for start in range(0, len(data), _UNDER_GIL_RELEASE):
        h.update(data[start : start + _UNDER_GIL_RELEASE])
    return h.hexdigest()


_UNDER_GIL_RELEASE = 2047


def _rebuild(cls: type, *values: object) -> object:
    """Unpickles what `_Reducers` pickled (keys never are: it keeps the bytes valid)."""
    record: object = object.__new__(cls)
    for f, value in zip(dataclasses.fields(cls), values, strict=True):  # type: ignore[arg-type]
        object.__setattr__(record, f.name, value)
    return record


class _Reducers(dict[type, Callable[[Any], Any]]):
    """The keys' pickler's dispatch table: a slotted dataclass (a verdict and its reasons,
    an organization) pickles as its class and its fields' values in order, read by one
    generated function — the same content as pickle's own way, without the Python-level
    `__getstate__` and `dataclasses.fields` it calls for every record (~3 µs each, 100,000
    verdicts); any other class as pickle pickles it."""

    def __missing__(self, cls: type) -> Callable[[Any], Any]:
        reduce = (
            None
            if cls in _PLAIN_PICKLE
            else _slotted_reducer(cls, _REASON_LISTS if cls is Verdict else ())
            or _enum_reducer(cls)
        )
        if reduce is None:
            _PLAIN_PICKLE.add(cls)
            raise KeyError(cls)  # pickle's own way (copyreg's table, __reduce_ex__, ...)
        self[cls] = reduce
        return reduce


def _slotted_reducer(cls: type, reason_lists: tuple[str, ...] = ()) -> Callable[[Any], Any] | None:
    if not dataclasses.is_dataclass(cls) or "__slots__" not in cls.__dict__:
        return None
    return _fields_reducer(cls, reason_lists)


def _fields_reducer(cls: type, reason_lists: tuple[str, ...] = ()) -> Callable[[Any], Any] | None:
    """A dataclass's values in field order; reasons and organization types by value."""
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if not all(f.name.isidentifier() for f in fields):
        return None
    values = "".join(
        f"V(v.{f.name}), "
        if f.name in reason_lists
        else f"T(v.{f.name}), "
        if f.type in ("OrgType", OrgType)
        else f"v.{f.name}, "
        for f in fields
    )
    # a subclass adding no field keys as the dataclass that declares them: a review read
    # back from the cache (generator.submissions.reviewtext) as the one read from its file
    declared = next(c for c in cls.__mro__ if "__dataclass_fields__" in c.__dict__)
    env: dict[str, Any] = {"R": _rebuild, "C": declared, "V": _reason_values, "T": _type_values}
    exec(f"def reduce(v):\n    return (R, (C, {values}))\n", env)  # checked names
    return env["reduce"]  # type: ignore[no-any-return]


def _enum_reducer(cls: type) -> Callable[[Any], Any] | None:
    """An enumeration's members pickled as pickle pickles them (their own `__reduce_ex__`,
    asked once per member), and an enumeration class itself by its name as pickle saves a
    class: the same bytes, without a KeyError raised through `__missing__` each time one
    is pickled (~75,000 times in a province's keys)."""
    if isinstance(cls, type) and issubclass(cls, enum.EnumType):
        return operator.attrgetter("__qualname__")  # pickle's save_global by that name
    if not (isinstance(cls, type) and issubclass(cls, enum.Enum)):
        return None
    made = {id(m): m.__reduce_ex__(pickle.HIGHEST_PROTOCOL) for m in cls.__members__.values()}

    def reduce(v: Any) -> Any:
        got = made.get(id(v))  # members live as long as their class: their ids are theirs
        return got if got is not None else v.__reduce_ex__(pickle.HIGHEST_PROTOCOL)

    return reduce


# A verdict's reasons are written as their values, one canonical tuple per distinct
# reason: pickle's memo writes an object met twice as a reference to the first, so a key
# would depend on which members share a Reason object (a rating read from the memo,
# generator.rules.reuse, shares equal ones; a fresh rating makes each member its own).
# Equal reasons are one tuple here whichever way they were made, and its texts are
# interned, so equal texts are one object too: the bytes depend on the values alone.
_REASON_LISTS = ("reasons", "flags")
_CANONICAL: dict[tuple[Any, ...], tuple[Any, ...]] = {}


def _reason_values(reasons: list[Reason]) -> list[tuple[Any, ...]]:
    out = []
    for r in reasons:
        t = reason_fields(r)
        c = _CANONICAL.get(t)
        if c is None:
            c = _CANONICAL[t] = tuple(sys.intern(x) if type(x) is str else x for x in t)
        out.append(c)
    return out


# An organization type is written the same way, for the same reason: it is one object per
# schema and run, so two years read from their files in one run share it (the statistics'
# first page holds both years' rows), while years read back from .kiemdiem-cache/ each have
# their own; written as the object, the year before's rows were a reference to this year's
# types in one build and in full in the next, and the page was rendered again.
_TYPES: dict[OrgType, tuple[Any, ...]] = {}


def _type_values(t: OrgType) -> tuple[Any, ...]:
    c = _TYPES.get(t)
    if c is None:
        values = (getattr(t, f.name) for f in dataclasses.fields(t))
        c = _TYPES[t] = tuple(_interned(x) for x in values)
    return c


def _interned(x: Any) -> Any:
    if type(x) is str:
        return sys.intern(x)
    return tuple(map(_interned, x)) if type(x) is tuple else x


_REDUCERS = _Reducers()
_PLAIN_PICKLE: set[type] = set()
# the statistics' rows: a dataclass without slots, all of its state in its fields
_REDUCERS[OrgStats] = cast(Callable[[Any], Any], _fields_reducer(OrgStats))
