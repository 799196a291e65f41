from __future__ import annotations

from pathlib import Path

import pytest

from generator.rules import YearVerdicts, rate_year, rate_years
from tests.unit.rules.tree import Tree


def rate(tree: Tree) -> YearVerdicts:
    year, _ = tree.load()
    return rate_year(year)


def rate_all(root: Path, years: list[int]) -> dict[int, YearVerdicts]:
    from generator.check import load_year
    from tests.unit.rules.tree import schemas

    return rate_years({y: load_year(root, y, schemas=schemas())[0] for y in years})


def rules_of(verdict) -> set[str]:  # type: ignore[no-untyped-def]
    return {r.rule for r in verdict.reasons} | {r.rule for r in verdict.flags}


def codes(verdicts: YearVerdicts) -> list[str]:
    return sorted(f.code for f in verdicts.findings)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path
