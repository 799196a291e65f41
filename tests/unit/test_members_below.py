"""The cross-file check's members below each organization (generator.check.references),
kept per organization and unioned from its children, are what `Year.members_below` walks;
a leader who is no member below is still reported."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator import synthetic
from generator.check import load_year
from generator.check.references import _MembersBelow
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("below") / "repo"
    synthetic.generate(root, year=2025, ruleset="qd366-hd43", grassroots=3, chi_bo=8, members=120)
    shutil.copytree(ROOT / "schema", root / "schema")
    base = root / "submissions" / "2025"
    org = next(p for p in sorted(base.rglob("to-chuc.yaml")) if "bi_thu:" in p.read_text("utf-8"))
    text = org.read_text("utf-8")
    org.write_text(re.sub(r"bi_thu: \S+", "bi_thu: dv-khong-co", text, count=1), "utf-8")
    members = sorted(base.rglob("dang-vien/*.yaml"))
    members[0].write_text("ho_ten: [không đóng\n", encoding="utf-8")  # a broken member
    return root


@pytest.mark.parametrize("which", ["province", "sample"])
def test_members_below_each_organization_are_the_walks(
    which: str, request: pytest.FixtureRequest
) -> None:
    repo = ROOT if which == "sample" else request.getfixturevalue(which)
    years = [2025] if which == "province" else [2024, 2025, 2026]
    for y in years:
        year, result = load_year(repo, y)
        below = _MembersBelow(year)
        for org_id in year.orgs:
            assert below.ids(org_id) == {m.id for m in year.members_below(org_id)}, org_id
        if which == "province":
            unknown = [f for f in result.findings if f.code == "ref-unknown-member"]
            assert [f.path.endswith("to-chuc.yaml") for f in unknown] == [True]
            assert "dv-khong-co" in unknown[0].message
