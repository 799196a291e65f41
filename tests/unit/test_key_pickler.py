"""The incremental keys' pickler (generator.site.keypickle._REDUCERS) writes exactly what
pickle writes for enumerations: their members and their classes."""

from __future__ import annotations

import enum
import io
import pickle

import pytest

from generator.privacy import Scope
from generator.rules.base import Effect, NotRated, Reason, Verdict
from generator.site import keypickle
from generator.submissions.records import Level


class Colour(enum.Flag):
    RED = 1
    BLUE = 2


def _keyed(value: object) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.dispatch_table = keypickle._REDUCERS
    pickler.dump(value)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "value",
    [
        list(Level),
        [Level, Effect, NotRated, Scope],
        (Scope.CHI_BO, {"x": [Effect.NOT_RATED, None]}),
        [Colour.RED, Colour.RED | Colour.BLUE, Colour],  # a combination is no member
    ],
)
def test_enumerations_pickle_as_pickle_pickles_them(value: object) -> None:
    assert _keyed(value) == pickle.dumps(value, protocol=5)
    assert pickle.loads(_keyed(value)) == value


def test_they_no_longer_go_through_the_missing_table() -> None:
    _keyed([Level.HTTNV if hasattr(Level, "HTTNV") else next(iter(Level)), Level])
    assert Level in keypickle._REDUCERS and type(Level) in keypickle._REDUCERS
    assert Level not in keypickle._PLAIN_PICKLE


def _reason(text: str) -> Reason:
    # a text of its own each time (equal texts, distinct objects), as a rule's f-string
    # makes them
    own = "".join(text.split("|"))
    return Reason("M3", "QĐ 366, Phụ lục 3", own, Effect.CEILING, Level.HTNV, None, True, False)


def _verdict(mid: str, reasons: list[Reason]) -> Verdict:
    return Verdict(mid, "member", "chi-bo-1", reasons=reasons, flags=reasons[:1])


def test_a_key_does_not_depend_on_which_verdicts_share_an_object() -> None:
    """Members with equal reasons may share Reason objects (a rating read from the memo,
    generator.rules.reuse) or hold copies with texts of their own (a fresh rating): their
    pages are the same, so are their keys."""
    shared = _reason("Điểm dưới |70")
    together = [_verdict("dv-1", [shared, shared]), _verdict("dv-2", [shared])]
    apart = [_verdict("dv-1", [_reason("Điểm dưới |70"), _reason("Điểm dưới |70")]),
             _verdict("dv-2", [_reason("Điểm dưới |70")])]  # fmt: skip
    assert keypickle._key(b"frame", together) == keypickle._key(b"frame", apart)
    # and the key still reads the values
    other = [_verdict("dv-1", [shared, shared]), _verdict("dv-2", [_reason("Điểm dưới |50")])]
    assert keypickle._key(b"frame", together) != keypickle._key(b"frame", other)


def test_a_reason_is_keyed_by_every_field() -> None:
    """`reason_fields` is what a page key reads of a reason and what the scores memo
    rebuilds one from: a field added to Reason and not to it would leave pages stale."""
    import dataclasses

    from generator.rules.base import reason_fields

    r = _reason("x")
    assert reason_fields(r) == tuple(getattr(r, f.name) for f in dataclasses.fields(Reason))
    assert Reason(*reason_fields(r)) == r
