"""The synthetic year generator: deterministic, sized as asked, and loadable as real data."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import shutil
import time
from collections import Counter
from pathlib import Path

import pytest

from generator import synthetic
from generator.submissions import records as rec
from generator.submissions.layout import Kind, walk_year
from generator.submissions.yamlload import loads
from generator.synthetic.facts import distinct_birth

RECORDS = {
    Kind.YEAR: rec.YearConfig,
    Kind.ORG: rec.Organization,
    Kind.MEMBER: rec.MemberReview,
    Kind.PROPOSALS: rec.Proposals,
    Kind.DECISIONS: rec.Decisions,
}
SMALL = {"grassroots": 4, "chi_bo": 9, "members": 120}


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def load(root: Path, year: int) -> dict[Kind, list[tuple[str, object]]]:
    """Every file of the year, loaded strictly and built into its record."""
    out: dict[Kind, list[tuple[str, object]]] = {}
    for f in walk_year(root, year):
        assert f.kind in RECORDS, f.path
        result = loads((root / f.path).read_bytes())
        assert result.problems == [], (f.path, result.problems)
        assert result.document is not None
        record = rec.from_mapping(RECORDS[f.kind], result.document.data)
        out.setdefault(f.kind, []).append((f.path, record))
    return out


def test_same_seed_gives_byte_identical_tree(tmp_path: Path) -> None:
    for name in ("a", "b"):
        synthetic.generate(tmp_path / name, year=2025, ruleset="qd366-hd43", seed=7, **SMALL)
    a, b = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert a and a == b


def test_different_seed_gives_different_tree(tmp_path: Path) -> None:
    synthetic.generate(tmp_path / "a", year=2025, ruleset="qd366-hd43", seed=1, **SMALL)
    synthetic.generate(tmp_path / "b", year=2025, ruleset="qd366-hd43", seed=2, **SMALL)
    assert tree(tmp_path / "a") != tree(tmp_path / "b")


@pytest.mark.parametrize("ruleset", synthetic.RULESETS)
def test_counts_and_every_file_builds_its_record(tmp_path: Path, ruleset: str) -> None:
    summary = synthetic.generate(tmp_path, year=2024, ruleset=ruleset, **SMALL)
    files = load(tmp_path, 2024)
    members = [r for _, r in files[Kind.MEMBER]]
    orgs = [r for _, r in files[Kind.ORG]]
    assert len(members) == summary.members == 120
    types = Counter(o.type.value for o in orgs)
    assert types["dang_bo_co_so"] + types["chi_bo_co_so"] == 4
    assert types["chi_bo_truc_thuoc"] + types["chi_bo_co_so"] == 9
    assert types["dang_bo_huyen"] == 1
    (_, config), *_ = files[Kind.YEAR]
    assert config.ruleset == ruleset and config.sample and config.root in {o.id for o in orgs}
    assert summary.files == sum(len(v) for v in files.values())
    assert sum(summary.levels.values()) + summary.not_rated == 120
    if ruleset == "pending":
        assert Kind.DECISIONS not in files and Kind.PROPOSALS not in files
        assert any(m.state is rec.FileState.DRAFT for m in members)
    else:
        assert len(files[Kind.PROPOSALS]) == 9
        decided = [d for _, r in files[Kind.DECISIONS] for d in r.members]
        rated = [m for m in members if m.self_level is not None]
        assert 0.9 * len(rated) <= len(decided) <= len(rated)
    if ruleset in ("qd132-hd21", "qd124-hd25"):
        assert all(m.scores is None for m in members)
        assert any(m.criteria for m in members)
    else:
        assert all(not m.criteria for m in members)
        assert any(m.scores for m in members)


def test_ids_unique_and_match_paths(tmp_path: Path) -> None:
    synthetic.generate(tmp_path, year=2025, ruleset="qd366-hd43", seed=3, **SMALL)
    files = load(tmp_path, 2025)
    member_ids = [r.id for _, r in files[Kind.MEMBER]]
    org_ids = [r.id for _, r in files[Kind.ORG]]
    assert len(set(member_ids)) == len(member_ids)
    assert len(set(org_ids)) == len(org_ids)
    for path, member in files[Kind.MEMBER]:
        assert Path(path).stem == member.id
        assert member.id.startswith("dv-") and len(member.id) == 9
    for path, org in files[Kind.ORG]:
        assert Path(path).parent.name == org.id
    for kind in (Kind.PROPOSALS, Kind.DECISIONS):
        for path, record in files[kind]:
            assert Path(path).parent.name == record.org_id


def test_decisions_are_consistent_with_the_rules(tmp_path: Path) -> None:
    """Heads never above their unit (132-L1); proposals and decisions refer to real people."""
    synthetic.generate(tmp_path, year=2025, ruleset="qd366-hd43", seed=5, **SMALL)
    files = load(tmp_path, 2025)
    members = {r.id: r for _, r in files[Kind.MEMBER]}
    decided_member = {d.member_id: d.level for _, r in files[Kind.DECISIONS] for d in r.members}
    decided_org = {d.org_id: d.level for _, r in files[Kind.DECISIONS] for d in r.organizations}
    assert set(decided_member) <= set(members)
    for _, org in files[Kind.ORG]:
        if org.head_id and org.id in decided_org and org.head_id in decided_member:
            assert decided_member[org.head_id] <= decided_org[org.id], org.id
    for _, proposals in files[Kind.PROPOSALS]:
        assert {p.member_id for p in proposals.items} <= set(members)
    not_rated = [m for m in members.values() if m.self_level is None]
    assert all(m.id not in decided_member for m in not_rated)


YEARS = [(2023, "qd124-hd25"), (2024, "qd124-hd25"), (2025, "qd366-hd43")]


def identities(root: Path, year: int) -> dict[str, tuple[str, dt.date | None, dt.date, bool]]:
    """Each member id of the year: name, birth date, admission date, dự bị or not."""
    return {
        r.id: (r.name, r.birth_date, r.admitted, r.kind.value == "du_bi")
        for _, r in load(root, year)[Kind.MEMBER]
    }


def test_consecutive_years_keep_each_members_identity(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A member keeps their id, name, birth and admission dates from year to year; a member
    admitted this year appears, under a new id, from this year on (in place of one who
    left: the sizes stay); so the real check finds no identity change and no one person
    under two ids in the years (generator/check/identity.py)."""
    from generator.cli import main

    sizes = {"grassroots": 6, "chi_bo": 20, "members": 600}
    summaries = synthetic.generate_years(tmp_path, YEARS, seed=4, **sizes)
    assert [s.members for s in summaries] == [600, 600, 600]
    shutil.copytree(Path(__file__).resolve().parents[2] / "schema", tmp_path / "schema")
    assert main(["--repo", str(tmp_path), "check", "--format", "json"]) in (0, 1)
    report = json.loads(capsys.readouterr().out)
    assert report["files_checked"] > 3 * 600
    codes = Counter(f["code"] for f in report["findings"])
    assert codes["member-identity-changed"] == 0, codes
    assert codes["member-same-person"] == 0, codes
    years = {y: identities(tmp_path, y) for y, _ in YEARS}
    admitted = 0
    for (before, _), (year, _) in itertools.pairwise(YEARS):
        earlier, later = years[before], years[year]
        for member_id, (name, born, joined, probation) in later.items():
            if member_id in earlier:  # the same person as the year before
                assert earlier[member_id][:3] == (name, born, joined), member_id
                assert not probation and joined.year < year, member_id
            else:  # admitted this year, not in any year before
                assert probation and joined.year == year, member_id
                assert all(member_id not in years[y] for y, _ in YEARS if y < year)
                admitted += 1
        assert len(later) == len(earlier) == 600
    assert admitted >= 6  # the case is exercised: members admitted in 2024 and 2025


def test_generated_years_agree_one_by_one(tmp_path: Path) -> None:
    """A year generated alone is the same bytes as in a run of several years."""
    synthetic.generate_years(tmp_path / "all", YEARS, seed=4, **SMALL)
    synthetic.generate(tmp_path / "one", year=2025, ruleset="qd366-hd43", seed=4, **SMALL)
    assert tree(tmp_path / "one") == {
        k: v for k, v in tree(tmp_path / "all").items() if k.startswith("submissions/2025/")
    }


def test_one_person_is_never_two_ids() -> None:
    """Who shares a name (folded), a birth date and an admission date with someone drawn
    before is born on another day (`member-same-person`), never after being admitted."""
    seen: set[tuple[str, str, str]] = set()
    births = [
        distinct_birth(seen, name, "1980-12-28", "2005-03-01")
        for name in ("Lê Văn Hòa", "Lê Văn Hòa", "LÊ VĂN HOA", "Lê Văn Hòa")
    ]
    assert births == ["1980-12-28", "1979-01-01", "1979-01-02", "1979-01-03"]
    assert distinct_birth(seen, "Lê Văn Hòa", "1980-12-28", "2005-03-02") == "1980-12-28"
    assert distinct_birth(seen, "Lê Văn Hòe", "1980-12-28", "2005-03-01") == "1980-12-28"


def test_years_before_the_first_are_refused(tmp_path: Path) -> None:
    """The structure's people were admitted before 2018: an earlier year is refused, not
    written with members admitted after its evaluation date."""
    with pytest.raises(ValueError, match="2018"):
        synthetic.generate(tmp_path, year=2017, ruleset="qd132-hd21", **SMALL)
    assert not (tmp_path / "submissions").exists()


def test_presets_and_province_shape(tmp_path: Path) -> None:
    s = synthetic.generate(tmp_path / "c", year=2025, ruleset="qd366-hd43",
                           **dict(zip(("grassroots", "chi_bo", "members"),
                                      synthetic.PRESETS["chi-bo"], strict=True)))  # fmt: skip
    assert s.members == 15
    files = load(tmp_path / "c", 2025)
    assert Counter(o.type.value for _, o in files[Kind.ORG]) == {
        "dang_bo_huyen": 1,
        "chi_bo_co_so": 1,
    }
    synthetic.generate(tmp_path / "p", year=2025, ruleset="qd366-hd43", districts=2, **SMALL)
    types = Counter(o.type.value for _, o in load(tmp_path / "p", 2025)[Kind.ORG])
    assert types["dang_bo_tinh"] == 1 and types["dang_bo_huyen"] == 2


def test_sizes_are_checked() -> None:
    with pytest.raises(ValueError):
        synthetic.generate(Path("unused"), year=2025, ruleset="qd366-hd43",
                           grassroots=5, chi_bo=3, members=100)  # fmt: skip
    with pytest.raises(ValueError):
        synthetic.generate(Path("unused"), year=2025, ruleset="qd999", grassroots=1, chi_bo=1,
                           members=5)  # fmt: skip


def test_yaml_writer_round_trips_awkward_strings() -> None:
    data = {
        "a": "2024-12-15",
        "b": "yes",
        "c": "1.10",
        "d": "x: y",
        "e": "- dash",
        "f": "dòng 1\ndòng 2\n",
        "g": "# not a comment",
        "h": 'quote " and \\ backslash',
        "i": ["007", "null", True, 0.75, 3],
        "j": [{"k": "v", "l": ["m"]}],
    }
    result = loads(synthetic.dump_yaml(data, "chú thích").encode())
    assert result.problems == []
    assert result.document is not None and result.document.data == data


def test_district_preset_is_fast(tmp_path: Path) -> None:
    start = time.perf_counter()
    s = synthetic.generate(tmp_path, year=2025, ruleset="qd366-hd43", seed=0,
                           **dict(zip(("grassroots", "chi_bo", "members"),
                                      synthetic.PRESETS["district"], strict=True)))  # fmt: skip
    assert time.perf_counter() - start < 10
    assert s.members == 3754 and len(s.member_ids) == 3754
    assert len(list(tmp_path.rglob("dang-vien/*.yaml"))) == 3754
    # a realistic level distribution
    rated = sum(s.levels.values())
    assert 0.05 < s.levels["HTXSNV"] / rated < 0.2
    assert s.levels["HTTNV"] / rated > 0.6
    assert 0 < s.levels["KHTNV"] / rated < 0.05


def test_post_2025_province_decisions_follow_d1_to_d5(tmp_path: Path) -> None:
    """A synthetic province of the real post-2025 tree (RULES.md §7): no district level;
    đảng bộ xã / phường and a đảng bộ khối above grassroots; chi bộ thôn as chi bộ cơ sở; a
    TCCSĐ directly under the province; every decision by the body D1–D4 names."""
    from generator import authority
    from generator.check import load_year
    from generator.check.schemas import SchemaSet
    from generator.rules import rate_years

    synthetic.generate(tmp_path, year=2025, ruleset="qd366-hd43", grassroots=24, chi_bo=50,
                       members=400, districts=2, shape="province-2025")  # fmt: skip
    schema = Path(__file__).resolve().parents[2] / "schema"
    year, result = load_year(tmp_path, 2025, schemas=SchemaSet(schema))
    types = Counter(o.type.value for o in year.orgs.values())
    assert types["dang_bo_huyen"] == 0 and types["dang_bo_tinh"] == 1
    assert types["dang_bo_xa"] == 2 and types["dang_bo_khoi"] == 1
    assert types["chi_bo_co_so"] > 0 and types["dang_bo_co_so"] > 0
    root = year.orgs[year.root_id or ""]
    assert any(year.orgs[c].type.is_grassroots for c in root.children)
    assert any(
        o.name.startswith("Chi bộ thôn") and o.type.is_grassroots for o in year.orgs.values()
    )
    codes = {f.code for f in result.findings}
    assert not codes & {"decision-no-authority", "org-type-period", "org-type-misplaced"}
    decided_orgs: set[str] = set()
    member_lines = 0
    for org_id, decisions in year.decisions.items():
        for m in decisions.members:
            who = authority.member_authority(year, m.member_id)
            assert (who.rule, who.body.id if who.body else None) == ("D1", org_id)
            member_lines += 1
        for o in decisions.organizations:
            who = authority.org_authority(year, o.org_id)
            assert who.rule in ("D2", "D3", "D4") and who.body is not None
            assert who.body.id == org_id, (o.org_id, who.rule, org_id)
            decided_orgs.add(o.org_id)
    assert decided_orgs == set(year.orgs) - {root.id}  # every organization but the root (D5)
    assert member_lines > 0.9 * len(year.members)
    rated = rate_years({2025: year})[2025]
    for org in year.orgs.values():
        if org.type.value == "dang_bo_xa":
            assert rated.orgs[org.id].decided is not None  # D4: rated and decided


def test_cli_post_2025_preset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "repo"
    assert synthetic.main([str(out), "--preset", "province-2025", "--size", "6", "12", "100"]) == 0
    assert "6 TCCSĐ, 12 chi bộ, 100 members" in capsys.readouterr().out
    types = Counter(o.type.value for _, o in load(out, 2025)[Kind.ORG])  # type: ignore[attr-defined]
    assert types["dang_bo_xa"] >= 1 and types["dang_bo_huyen"] == 0
