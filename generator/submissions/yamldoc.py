"""A loaded YAML file's values with the position of every key and value.

`Document` is what generator.submissions.yamlload.loads returns for a file (in
`LoadResult`, with the file's problems); `LaterPositions` is a document whose positions
are worked out only when first asked for. Positions are 1-based lines and columns,
packed into one int each until someone asks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.findings import Position
from generator.submissions.yamltext import LoadProblem

PathKey = tuple[str | int, ...]


@dataclass
class Document:
    """A loaded YAML mapping with the position of every key and value."""

    data: dict[str, Any]
    # positions packed into one int each (`pack`), turned into `Position` only when asked
    # (most never are): a 100,000-member province keeps millions of them
    value_marks: dict[PathKey, int]
    key_marks: dict[PathKey, int]
    # the text it was read from: hints quote a value as written (generator.check.written)
    text: str | None = field(default=None, repr=False, compare=False)

    @property
    def values(self) -> dict[PathKey, Position]:
        """Every value's position, by path."""
        return {k: unpack(m) for k, m in self.value_marks.items()}

    def value_pos(self, path: PathKey) -> Position:
        """The position of the value at `path`, or of its nearest existing ancestor."""
        p = tuple(path)
        while p:
            if p in self.value_marks:
                return unpack(self.value_marks[p])
            p = p[:-1]
        mark = self.value_marks.get(())
        return unpack(mark) if mark is not None else Position(1, 1)

    def key_pos(self, path: PathKey) -> Position:
        """The position of the key that ends `path` (falls back to the value's position)."""
        p = tuple(path)
        if p in self.key_marks:
            return unpack(self.key_marks[p])
        return self.value_pos(p)


@dataclass
class LoadResult:
    document: Document | None
    problems: list[LoadProblem]


def mark_pos(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def pack(mark: Any) -> int:
    return (mark.line + 1) << 32 | (mark.column + 1)


def unpack(packed: int) -> Position:
    return Position(packed >> 32, packed & 0xFFFFFFFF)


class LaterPositions(Document):
    """A document whose position tables are worked out only when first asked for: most
    files never need one, and building them is ~40% of loading a file. A subclass gives
    `_marks_of()`: the tables, from the text it keeps (a statistics exchange's JSON,
    generator.statistics.jsonpos, is one)."""

    _data: Any
    _marks: tuple[dict[PathKey, int], dict[PathKey, int]] | None

    def _marks_of(self) -> tuple[dict[PathKey, int], dict[PathKey, int]]:
        raise NotImplementedError

    def _fill(self) -> tuple[dict[PathKey, int], dict[PathKey, int]]:
        if self._marks is None:
            self._marks = self._marks_of()
        return self._marks

    @property  # type: ignore[override]
    def data(self) -> Any:
        return self._data

    @data.setter
    def data(self, value: Any) -> None:
        self._data = value

    @property
    def value_marks(self) -> dict[PathKey, int]:  # type: ignore[override]
        return self._fill()[0]

    @property
    def key_marks(self) -> dict[PathKey, int]:  # type: ignore[override]
        return self._fill()[1]
