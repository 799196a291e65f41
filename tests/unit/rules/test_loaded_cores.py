"""Members' verdicts made while a cold load reads the files (generator/rules/loaded.py)
rate every year exactly as a full rating does: an oracle.

After each single edit of the sample (three years, several rulesets), the years are loaded
cold in worker processes — the process taking their results makes each member's core — and
rated with an empty memo; the rating must equal a full rating of the same years (every
verdict field, reason, finding, re-rating and quota pool: `test_reuse.snapshot`), every
member's verdict must have come from its core, and the memo written afterwards must give
the same rating read back. Cores made under other settings, or for another record, are
not used.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import loadpool
from generator.check import load_year
from generator.rules import RatingMemo, rate_years
from generator.rules.loaded import MemberRater
from generator.submissions.year import Year
from tests.conftest import copy_sample
from tests.unit.rules.test_reuse import SAMPLE_EDITS, snapshot

YEARS = (2024, 2025, 2026)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_sample(tmp_path_factory.mktemp("sample") / "repo", YEARS)


def cold_in_workers(repo: Path, monkeypatch: pytest.MonkeyPatch) -> dict[int, Year]:
    monkeypatch.setattr(loadpool, "MIN_PARALLEL", 1)  # the pool, for the sample's few files
    monkeypatch.setattr(loadpool, "CHUNK", 8)  # results arrive while workers read on
    shutil.rmtree(repo / ".kiemdiem-cache", ignore_errors=True)
    return {y: load_year(repo, y, cache=True, processes=2)[0] for y in YEARS}


@pytest.mark.parametrize("name", list(SAMPLE_EDITS))
def test_cores_made_while_loading_rate_as_a_full_rating(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    repo = shutil.copytree(sample, tmp_path / "repo")
    SAMPLE_EDITS[name](repo)
    years = cold_in_workers(repo, monkeypatch)
    members = {y: len(year.members) for y, year in years.items()}
    assert all(len(years[y].cores) == members[y] > 20 for y in YEARS)
    full = snapshot(rate_years(years))
    memo = RatingMemo()
    assert snapshot(rate_years(years, reuse=memo)) == full
    assert {y: (c.hits, c.misses) for y, c in memo.last.items()} == {
        y: (n, 0) for y, n in members.items()
    }
    # the cores reach the memo's file: a later run reads them back, the same rating
    memo.save(repo)
    again = RatingMemo.load(repo, list(YEARS))
    for year in years.values():
        year.cores = {}
    assert snapshot(rate_years(years, reuse=again)) == full
    assert sum(c.hits for c in again.last.values()) == sum(members.values())


def test_cores_made_under_other_settings_or_for_another_record_are_not_used(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = shutil.copytree(sample, tmp_path / "repo")
    years = cold_in_workers(repo, monkeypatch)
    full = snapshot(rate_years(years))
    y2025 = years[2025]
    tag = y2025.cores_tag
    y2025.cores_tag = tag.replace("floor", "ceil")  # the quota rounding setting
    assert y2025.cores_tag != tag
    memo = RatingMemo()
    assert snapshot(rate_years(years, reuse=memo)) == full
    assert (memo.last[2025].hits, memo.last[2025].misses) == (0, len(y2025.members))
    y2025.cores_tag = tag
    # a record replaced after it was loaded (serve relinks its own): rated afresh
    path, (_, core) = next(iter(y2025.cores.items()))
    y2025.cores[path] = (object(), core)
    memo = RatingMemo()
    assert snapshot(rate_years(years, reuse=memo)) == full
    assert memo.last[2025].misses == 1


def test_a_warm_load_makes_no_cores(sample: Path, tmp_path: Path) -> None:
    """Only a cold load's results are rated as they arrive (a warm load's come from the
    rating memo, kept by the same content)."""
    repo = shutil.copytree(sample, tmp_path / "repo")
    load_year(repo, 2025, cache=True)
    year, _ = load_year(repo, 2025, cache=True)
    assert year.members and not year.cores


def test_a_rule_that_fails_while_loading_leaves_no_core(sample: Path) -> None:
    """The load goes on (a rule's failure is the rating's to report, as before)."""
    year, _ = load_year(sample, 2025)
    member = next(iter(year.members.values()))
    rater = MemberRater(2025, year.config)
    assert rater.core(member) is not None

    def boom(facts: object) -> list[object]:
        raise ValueError("rule failed")

    rater.rules = [boom]
    assert rater.core(member) is None
