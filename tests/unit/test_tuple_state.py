"""Records pickle as the tuple of their fields (generator.submissions.tuplestate): every
record of the sample and of a synthetic year comes back equal, through the load cache too."""

from __future__ import annotations

import dataclasses
import pickle
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator import loading, synthetic
from generator.check import load_year
from generator.submissions import records
from generator.submissions.tuplestate import tuple_state

ROOT = Path(__file__).resolve().parents[2]


def _records(repo: Path, year: int, **kw: Any) -> list[Any]:
    loaded, _ = load_year(repo, year, **kw)
    out: list[Any] = [loaded.config, *loaded.orgs.values(), *loaded.members.values()]
    out += [*loaded.proposals.values(), *loaded.decisions.values()]
    return [r for r in out if r is not None]


def _plain(record: Any) -> Any:
    """The record without its source (a document compares by reading its file)."""
    if hasattr(record, "source"):
        return dataclasses.replace(record, source=None)
    return record


@pytest.fixture(scope="module")
def synthetic_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("tuplestate")
    synthetic.generate(repo, year=2025, ruleset="qd366-hd43", grassroots=3, chi_bo=8,
                       members=80, seed=11)  # fmt: skip
    shutil.copytree(ROOT / "schema", repo / "schema")
    return repo


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_the_samples_records_come_back_equal(year: int) -> None:
    found = _records(ROOT, year)
    assert len(found) > 20
    for record in found:
        state = record.__getstate__()
        assert type(state) is tuple
        assert len(state) == len(dataclasses.fields(record))
        again = pickle.loads(pickle.dumps(record, pickle.HIGHEST_PROTOCOL))
        assert type(again) is type(record)
        assert _plain(again) == _plain(record)
        if getattr(record, "source", None) is not None:
            assert again.source.path == record.source.path


def test_a_cached_load_gives_the_records_of_a_fresh_one(synthetic_repo: Path) -> None:
    """Cold (every outcome pickled into the cache), then warm (every outcome read from
    it): the same records, field by field."""
    shutil.rmtree(synthetic_repo / ".kiemdiem-cache", ignore_errors=True)
    cold = _records(synthetic_repo, 2025, cache=True, processes=2)
    warm = _records(synthetic_repo, 2025, cache=True)
    assert len(cold) > 80
    assert [_plain(r) for r in warm] == [_plain(r) for r in cold]


def test_an_outcome_pickles_as_a_tuple() -> None:
    outcome = loading.Outcome(True, [], [], records.Tasks(assigned=3, completed=2))
    assert outcome.__getstate__() == (True, [], [], records.Tasks(assigned=3, completed=2))
    assert pickle.loads(pickle.dumps(outcome)) == outcome


def test_what_cannot_be_given_a_tuple_state_is_refused() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Frozen:
        a: int

    @dataclasses.dataclass
    class NoSlots:
        a: int

    for cls in (Frozen, NoSlots):
        with pytest.raises(TypeError):
            tuple_state(cls)
