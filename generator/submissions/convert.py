"""Schema-valid YAML mappings -> typed records (`from_mapping`), generically: each dataclass
field of `generator.submissions.records` names its YAML key in ``metadata["key"]``.

Re-exported by `generator.submissions.records`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import types
import typing
from pathlib import PurePosixPath
from typing import Any

from generator.orgtypes import OrgType


def key(name: str, default: Any = dataclasses.MISSING, **kw: Any) -> Any:
    """A dataclass field bound to the YAML key `name`."""
    if default is dataclasses.MISSING:
        return dataclasses.field(metadata={"key": name}, **kw)
    return dataclasses.field(default=default, metadata={"key": name}, **kw)


T = typing.TypeVar("T")
Converter = typing.Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


@functools.cache
def _converter(tp: Any) -> Converter:
    """A function turning a schema-valid YAML value into a value of type `tp` (built once)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        inner = _converter(args[0])
        return lambda v: None if v is None else inner(v)
    if origin is list:
        (item_tp,) = typing.get_args(tp)
        item = _converter(item_tp)
        indexed = dataclasses.is_dataclass(item_tp) and "index" in {
            f.name for f in dataclasses.fields(item_tp)
        }

        def convert_list(values: Any) -> list[Any]:
            out = [item(v) for v in values]
            if indexed:
                for i, obj in enumerate(out):
                    obj.index = i
            return out

        return convert_list
    if origin is dict:
        _, val_tp = typing.get_args(tp)
        val = _converter(val_tp)
        return lambda d: {k: val(v) for k, v in d.items()}
    if tp is Any or tp in (str, int, bool):
        return _identity
    if tp is dt.date:
        return dt.date.fromisoformat
    if tp is float:
        return float
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return getattr(tp, "parse", None) or tp
    if tp is OrgType:  # types are data (generator/orgtypes.py)
        return OrgType.parse
    if dataclasses.is_dataclass(tp):
        return functools.partial(from_mapping, tp)  # type: ignore[arg-type]
    return _identity


@functools.cache
def _plan(cls: type) -> tuple[tuple[str, str, Converter], ...]:
    hints = typing.get_type_hints(cls)
    return tuple(
        (f.name, f.metadata["key"], _converter(hints[f.name]))
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if "key" in f.metadata
    )


def from_mapping(cls: type[T], data: dict[str, Any]) -> T:
    """Build a record of type `cls` from a schema-valid mapping."""
    kwargs: dict[str, Any] = {}
    for name, yaml_key, convert in _plan(cls):  # type: ignore[arg-type]
        if yaml_key in data:
            value = data[yaml_key]
            kwargs[name] = None if value is None else convert(value)
    return cls(**kwargs)


def yaml_keys(cls: type) -> dict[str, str]:
    """attribute name -> YAML key, for the fields of `cls` that come from YAML."""
    return {f.name: f.metadata["key"] for f in dataclasses.fields(cls) if "key" in f.metadata}


def member_id_from_path(path: str) -> str:
    return PurePosixPath(path).stem
