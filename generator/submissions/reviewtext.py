"""A review's text (the official form's six sections, RULES.md X5), pickled as UTF-8 and
decoded only when read.

    review = ReviewText(strengths="...", ...)     # from a file (generator.submissions.convert)
    pickle.loads(pickle.dumps(review))            # a _PackedReview: the same sections,
                                                  # decoded at their first read

Every build and check reads a province's records back from the load cache
(`.kiemdiem-cache/`, generator.loadcache) and the parent of a cold check unpickles every
record a worker sent. Decoding a member's ~1 KB of Vietnamese text from UTF-8 was a third
of unpickling a record (measured on the 112,148 cached outcomes of the 100,000-member
synthetic province: 18.6 µs a row, 12.1 without the review), yet a build reads the text of
only the few organizations whose pages it renders: the organization-wide site withholds
it (`x-pham-vi: chi-bo`), rating never reads it, and the pager asks only its length,
which the pickle carries (`text_length`). So a review pickles as its sections' UTF-8
bytes and its length, and comes back as a `_PackedReview`: a ReviewText whose sections
are decoded, all six at once, the first time one is read or set. It compares equal to the
ReviewText it was made from, and pickles again as the same bytes without decoding.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.submissions.convert import key

_SECTIONS = (
    "strengths",
    "shortcomings",
    "remedied",
    "explanation",
    "collective_responsibility",
    "direction",
)


@dataclass(kw_only=True, slots=True)
class ReviewText:
    """The official form's sections (RULES.md X5)."""

    strengths: str = key("uu_diem", "")
    shortcomings: str = key("han_che", "")
    remedied: str = key("ket_qua_khac_phuc", "")
    explanation: str = key("giai_trinh", "")
    collective_responsibility: str = key("trach_nhiem_tap_the", "")
    direction: str = key("phuong_huong", "")

    def sections(self) -> tuple[str, str, str, str, str, str]:
        """The six sections, in the form's order."""
        return (
            self.strengths,
            self.shortcomings,
            self.remedied,
            self.explanation,
            self.collective_responsibility,
            self.direction,
        )

    def text_length(self) -> int:
        """The sections' length in characters, summed (generator.site.paging)."""
        return sum(map(len, self.sections()))

    def __eq__(self, other: object) -> bool:
        # a packed copy equals the review it was made from (a generated __eq__ asks for
        # the very same class)
        if not isinstance(other, ReviewText):
            return NotImplemented
        return self.sections() == other.sections()

    __hash__ = None  # type: ignore[assignment]  # mutable, as a dataclass with eq

    def __reduce__(self) -> tuple[Any, ...]:
        parts = self.sections()
        return (_unpack, (sum(map(len, parts)), *(p.encode("utf-8") for p in parts)))


class _PackedReview(ReviewText):
    """A ReviewText as unpickled (see the module): `_packed` holds (length, six UTF-8
    sections) until a section is first read or set, then None."""

    __slots__ = ("_packed",)
    _packed: tuple[Any, ...] | None

    def _decode(self, packed: tuple[Any, ...]) -> None:
        self._packed = None
        for name, data in zip(_SECTIONS, packed[1:], strict=True):
            _SLOTS[name].__set__(self, data.decode("utf-8"))

    def text_length(self) -> int:
        packed = getattr(self, "_packed", None)
        return packed[0] if packed is not None else ReviewText.text_length(self)  # type: ignore[no-any-return]

    def __reduce__(self) -> tuple[Any, ...]:
        packed = getattr(self, "_packed", None)
        return (_unpack, packed) if packed is not None else ReviewText.__reduce__(self)

    def __repr__(self) -> str:  # as the ReviewText it stands for
        return "ReviewText" + ReviewText.__repr__(self).removeprefix("_PackedReview")


def _section(name: str) -> property:
    slot = ReviewText.__dict__[name]  # the slot's own descriptor

    def get(self: _PackedReview) -> str:
        packed = getattr(self, "_packed", None)  # unset: made by __init__ or a copy
        if packed is not None:
            self._decode(packed)
        return slot.__get__(self)  # type: ignore[no-any-return]

    def put(self: _PackedReview, value: str) -> None:
        packed = getattr(self, "_packed", None)
        if packed is not None:
            self._decode(packed)
        slot.__set__(self, value)

    return property(get, put)


_SLOTS = {name: ReviewText.__dict__[name] for name in _SECTIONS}
for _name in _SECTIONS:
    setattr(_PackedReview, _name, _section(_name))
del _name


def _unpack(length: int, *sections: bytes) -> ReviewText:
    """A review as pickled by `ReviewText.__reduce__`, its sections still UTF-8."""
    review = object.__new__(_PackedReview)
    review._packed = (length, *sections)
    return review


__all__ = ["ReviewText"]
