"""The incremental keys' pickler (generator.site.keypickle._REDUCERS) writes exactly what
pickle writes for enumerations: their members and their classes."""

from __future__ import annotations

import enum
import io
import pickle

import pytest

from generator.privacy import Scope
from generator.rules.base import Effect, NotRated
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
