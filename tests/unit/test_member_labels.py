"""What `kiemdiem member` shows a member is in Vietnamese words: every choice a review file
can hold has a label (never the code the file stores, such as `chinh_thuc` or `nhap`), and
a number has a decimal comma and no `.0`.

The vocabularies are found by walking the member's record (generator/submissions/records.py)
the way the report walks it, so a vocabulary added later without words fails here.
"""

from __future__ import annotations

import dataclasses
import enum
import typing

import pytest

from generator.privacy import Scope
from generator.privacy.access import StoredValue
from generator.rules.base import NotRated
from generator.submissions.records import (
    CriterionLevel,
    DisciplineForm,
    FileState,
    Level,
    MemberForm,
    MemberKind,
    MemberReview,
    MembershipStatus,
)
from generator.vietnamese import exact_vi


def _vocabularies(tp: object, seen: set[object]) -> set[type[enum.Enum]]:
    """The enums a type holds: itself, inside `X | None`, `list[X]`, `dict[str, X]`, and
    in the YAML fields of a record class, at any depth."""
    if tp in seen:
        return set()
    seen.add(tp)
    if typing.get_origin(tp) is not None:
        return {e for arg in typing.get_args(tp) for e in _vocabularies(arg, seen)}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {tp}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        return {
            e
            for f in dataclasses.fields(tp)
            if "key" in f.metadata  # what the report shows: the file's properties
            for e in _vocabularies(hints[f.name], seen)
        }
    return set()


SHOWN = sorted(_vocabularies(MemberReview, set()), key=lambda e: e.__name__)


def test_the_walk_finds_the_vocabularies_of_a_member_file() -> None:
    assert set(SHOWN) >= {
        MemberKind,  # loai_dang_vien
        MembershipStatus,  # tinh_trang
        FileState,  # trang_thai_ho_so
        MemberForm,  # mau_bieu
        Level,  # tu_xep_loai, can_bo_cong_chuc.xep_loai
        CriterionLevel,  # tieu_chi
        DisciplineForm,  # ky_luat[].hinh_thuc
    }


@pytest.mark.parametrize("vocabulary", SHOWN, ids=lambda e: e.__name__)
def test_every_choice_of_a_member_file_has_words(vocabulary: type[enum.Enum]) -> None:
    for choice in vocabulary:
        stored = StoredValue("x", "X", Scope.TO_CHUC, choice)
        words = stored.words  # what the text shows
        assert isinstance(words, str) and words.strip(), choice
        assert words != stored.value, f"{choice!r} is shown as its code {stored.value!r}"


@pytest.mark.parametrize("choice", [*Scope, *NotRated, *Level], ids=repr)
def test_every_choice_of_a_verdict_has_words(choice: Scope | NotRated | Level) -> None:
    """Who may read a value, why a member is not rated, a level: read by `label_vi`."""
    label = choice.label_vi
    assert isinstance(label, str) and label.strip() and label != choice.value


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        (26.0, "26"),
        (8.5, "8,5"),
        (0.94, "0,94"),
        (63.45, "63,45"),  # never rounded: the file's value is shown back to its member
        (0.0, "0"),
        (-0.0, "0"),
        (12, "12"),
        (1e-05, "0,00001"),
    ],
)
def test_exact_vi(number: float, shown: str) -> None:
    assert exact_vi(number) == shown
