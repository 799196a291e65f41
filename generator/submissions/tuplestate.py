"""Records pickle their fields' values as one tuple, in field order.

    @tuple_state
    @dataclass(kw_only=True, slots=True)
    class Tasks: ...

A slotted dataclass pickles, by default, as its class and a dict of slot names and values,
rebuilt by setting each attribute by name. A province's load moves every record through
pickle several times — a worker's results to the process checking, the load cache
(`.kiemdiem-cache/`) written and read again by every build — so this is a large part of
what a check or a build costs per member. A tuple in field order, taken and set again by
two functions generated for the class, is smaller and quicker both ways (measured on
25,600 records of the synthetic province in one run: dumps 39-45 → 21-29 µs a file, loads
47-48 → 30 µs, 1,799 → 1,592 bytes).

Pickles of records never outlive the code that made them: the load cache is keyed by the
generator's code (generator.loadcache.context_digest), a worker runs the code of the
process that started it, and the site's page keys pickle records their own way
(generator.site.incremental). A frozen class is left as it is (it cannot be set
attribute by attribute), and so is a class whose fields are not plain identifiers.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")


def tuple_state(cls: type[T]) -> type[T]:
    """Give slotted, non-frozen dataclass `cls` a `__getstate__` returning its fields'
    values in order and the `__setstate__` that sets them again (see the module)."""
    if not dataclasses.is_dataclass(cls) or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__}: not a slotted dataclass")
    if cls.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__}: frozen")
    names = [f.name for f in dataclasses.fields(cls)]
    if not names or not all(n.isidentifier() and not n.startswith("__") for n in names):
        raise TypeError(f"{cls.__name__}: fields that cannot be named in code")
    targets = "".join(f"self.{n}, " for n in names)
    source = (
        f"def __getstate__(self):\n    return ({targets})\n"
        f"def __setstate__(self, state):\n    {targets} = state\n"
    )
    env: dict[str, Any] = {}
    exec(compile(source, f"<tuple_state {cls.__qualname__}>", "exec"), env)  # checked names
    for name in ("__getstate__", "__setstate__"):
        function = env[name]
        function.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, function)
    return cls


__all__ = ["tuple_state"]
