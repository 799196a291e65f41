"""Rating reuse (generator/rules/reuse.py) is exactly a full rating: an oracle.

After each single edit of a repository (the sample's three years, several rulesets, and a
synthetic two-year province), the years are loaded again and rated three ways: afresh,
with the memo kept in memory since the last rating (`kiemdiem serve`), and with the memo
read back from `.kiemdiem-cache/` (a fresh `kiemdiem build`). Every verdict (every field,
reasons and flags included, organizations with their leadership), every finding (every
field, in order), the re-ratings, the quota pools and the settings must be equal; and
the memo must actually have been used. Breaking the key (leaving the file's digest or the
year's inputs out) makes the same comparison fail.
"""

from __future__ import annotations

import dataclasses
import marshal
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator import synthetic
from generator.pipeline import Pipeline
from generator.rules import RatingMemo, YearVerdicts, rate_years, reuse, reusefile
from generator.rules.base import Verdict
from generator.rules.registry import spec_for
from generator.rules.rule import MemberFacts
from generator.submissions.year import Year
from tests.conftest import copy_sample

Edit = Callable[[Path], None]

Y25 = "submissions/2025/dang-bo-tinh-hoa-lam"
CTY = f"{Y25}/dang-bo-cong-ty-che-mau-son"
XUONG = f"{CTY}/chi-bo-phan-xuong-che-bien"
AN_LAC = f"{Y25}/dang-bo-xa-an-son/chi-bo-thon-an-lac"
MEMBER = f"{XUONG}/dang-vien/dv-103011.yaml"


def _verdict(v: Verdict | None) -> Any:
    if v is None:
        return None
    return tuple(
        _verdict(getattr(v, f.name))
        if f.name == "leadership"
        else tuple(map(repr, getattr(v, f.name)))
        if f.name in ("reasons", "flags")
        else getattr(v, f.name)
        for f in dataclasses.fields(Verdict)
    )


def _finding(f: Any) -> tuple[Any, ...]:
    return (f.code, f.severity, f.path, f.position, f.message, f.hint, f.rule, f.actor)


def snapshot(rated: dict[int, YearVerdicts]) -> dict[int, Any]:
    """Everything a rating gives, in its order."""
    return {
        y: (
            yv.year,
            yv.ruleset,
            repr(yv.settings),
            [(k, _verdict(v)) for k, v in yv.members.items()],
            [(k, _verdict(v)) for k, v in yv.orgs.items()],
            [(*_finding(f), repr(sorted(f.extra.items()))) for f in yv.findings],
            list(map(repr, yv.re_ratings)),
            list(map(repr, yv.quota_pools)),
        )
        for y, yv in rated.items()
    }


def load(repo: Path) -> dict[int, Year]:
    rated = Pipeline(repo).load(rate=False)
    return {y: r.year for y, r in rated.years.items()}


class Oracle:
    """Rates a repository afresh and with reuse (in memory and from disk), and compares."""

    def __init__(self, repo: Path) -> None:
        self.repo = repo
        self.memo = RatingMemo()
        self.years = load(repo)
        rate_years(self.years, reuse=self.memo)
        self.memo.save(repo)

    def after(self, edit: Edit) -> tuple[dict[int, Any], dict[int, Any], dict[int, Any], int]:
        edit(self.repo)
        self.years = load(self.repo)
        from_disk = RatingMemo.load(self.repo, list(self.years))
        full = snapshot(rate_years(self.years))
        kept = snapshot(rate_years(self.years, reuse=self.memo))
        read = snapshot(rate_years(self.years, reuse=from_disk))
        self.memo.save(self.repo)
        hits = sum(c.hits for c in self.memo.last.values())
        assert hits == sum(c.hits for c in from_disk.last.values())
        return full, kept, read, hits


def replace(rel: str, old: str, new: str, count: int = 1) -> Edit:
    def edit(repo: Path) -> None:
        path = repo / rel
        text = path.read_text("utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, count), "utf-8")

    return edit


def move(rel: str, to: str) -> Edit:
    def edit(repo: Path) -> None:
        (repo / to).parent.mkdir(parents=True, exist_ok=True)
        shutil.move(repo / rel, repo / to)

    return edit


def delete(rel: str) -> Edit:
    return lambda repo: (repo / rel).unlink()


def add_member(rel: str, new_id: str) -> Edit:
    def edit(repo: Path) -> None:
        text = (repo / rel).read_text("utf-8")
        old_id = Path(rel).stem
        (repo / rel).with_name(f"{new_id}.yaml").write_text(text.replace(old_id, new_id), "utf-8")

    return edit


SAMPLE_EDITS: dict[str, Edit] = {
    "review text": replace(MEMBER, "giúp đỡ đồng nghiệp.", "giúp đỡ đồng nghiệp tận tình."),
    "self level": replace(MEMBER, "tu_xep_loai: HTTNV", "tu_xep_loai: HTXSNV"),
    "scores": replace(MEMBER, "tieu_chi_chung: 22", "tieu_chi_chung: 29"),
    "proposal line": replace(f"{XUONG}/de-xuat.yaml", "muc: HTTNV", "muc: HTNV"),
    "decision line": replace(f"{CTY}/quyet-dinh.yaml", "muc: HTXSNV", "muc: HTTNV"),
    "decision above ceiling": replace(f"{CTY}/quyet-dinh.yaml", "muc: HTNV", "muc: HTXSNV"),
    "year setting (quota)": replace(
        "submissions/2025/nam-danh-gia.yaml", "quota_rounding: floor", "quota_rounding: ceil"
    ),
    "year setting (member rule)": replace(
        "submissions/2025/nam-danh-gia.yaml",
        "cai_dat:\n",
        "cai_dat:\n  leader_unit_analogy: false\n",
    ),
    "evaluation date": replace(
        "submissions/2025/nam-danh-gia.yaml",
        'ngay_danh_gia: "2025-12-15"',
        'ngay_danh_gia: "2026-03-15"',
    ),
    "previous year (history)": replace(
        "submissions/2024/dang-bo-huyen-mau-son/dang-bo-xa-an-hoa/quyet-dinh.yaml",
        "  - ma_dang_vien: dv-101013\n    muc: KHTNV",
        "  - ma_dang_vien: dv-101013\n    muc: HTNV",
    ),
    "organization name": replace(f"{CTY}/to-chuc.yaml", "ten: Đảng bộ Công ty", "ten: Đảng bộ Cty"),
    "organization head": replace(f"{CTY}/to-chuc.yaml", "bi_thu: dv-103001", "bi_thu: dv-103002"),
    "member moved": move(MEMBER, f"{CTY}/chi-bo-van-phong/dang-vien/dv-103011.yaml"),
    "member added": add_member(f"{AN_LAC}/dang-vien/dv-101013.yaml", "dv-101099"),
    "member deleted": delete(f"{AN_LAC}/dang-vien/dv-101013.yaml"),
}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_sample(tmp_path_factory.mktemp("sample") / "repo", (2024, 2025, 2026))


@pytest.mark.parametrize("name", list(SAMPLE_EDITS))
def test_reuse_equals_a_full_rating_after_one_edit_of_the_sample(
    sample: Path, tmp_path: Path, name: str
) -> None:
    repo = shutil.copytree(
        sample, tmp_path / "repo", ignore=shutil.ignore_patterns(".kiemdiem-cache")
    )
    oracle = Oracle(repo)
    full, kept, read, hits = oracle.after(SAMPLE_EDITS[name])
    assert kept == full
    assert read == full
    assert hits > 0  # members' verdicts were reused, not all rated again
    assert {y: len(v[3]) for y, v in full.items()} == {2024: 42, 2025: 41, 2026: 28} or name in (
        "member added",
        "member deleted",
    )


def test_edits_in_a_row_reuse_what_did_not_change(sample: Path, tmp_path: Path) -> None:
    """One memo carried through every edit (a long `serve`): each rating equals a fresh
    one, and after an edit of one member file only that member is rated again."""
    repo = shutil.copytree(
        sample, tmp_path / "repo", ignore=shutil.ignore_patterns(".kiemdiem-cache")
    )
    oracle = Oracle(repo)
    for name, edit in SAMPLE_EDITS.items():
        full, kept, read, _ = oracle.after(edit)
        assert kept == full, name
        assert read == full, name
    oracle.after(replace(f"{AN_LAC}/dang-vien/dv-101012.yaml", "tu_xep_loai:", "tu_xep_loai:"))
    oracle.after(replace(f"{AN_LAC}/dang-vien/dv-101012.yaml", "\nnam: 2025", "\nnam:  2025"))
    assert oracle.memo.last[2025].misses == 1
    assert oracle.memo.last[2024].misses == 0
    # the file on disk took each change as a patch, and reads back as the memo holds it
    assert 0 < oracle.memo.written[2025][1] < reusefile.MAX_PATCHES
    on_disk = RatingMemo.load(repo, [2025])
    assert on_disk.years[2025] == oracle.memo.years[2025]


# ------------------------------------------------------------------ a broken key fails


@pytest.mark.parametrize(
    ("broken", "edit"),
    [
        ("member file's digest", "scores"),
        ("member file's digest", "self level"),
        ("year's inputs", "evaluation date"),
    ],
)
def test_a_key_missing_an_input_gives_a_different_rating(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken: str, edit: str
) -> None:
    """The oracle can fail: leave one input out of the key and the reused rating differs
    from the full one after an edit of that input."""
    if broken == "member file's digest":
        monkeypatch.setattr(reuse, "member_key", lambda year, m: m.source.path if m.source else "")
    else:
        monkeypatch.setattr(reuse, "year_key", lambda year, *_: f"{year.year}")
    repo = shutil.copytree(
        sample, tmp_path / "repo", ignore=shutil.ignore_patterns(".kiemdiem-cache")
    )
    oracle = Oracle(repo)
    full, kept, read, _ = oracle.after(SAMPLE_EDITS[edit])
    assert kept != full
    assert read != full


# ------------------------------------------------------------------ synthetic data

MEMBERS = 150


def _synthetic_edits(repo: Path) -> list[tuple[str, Edit]]:
    members = sorted((repo / "submissions" / "2025").rglob("dang-vien/*.yaml"))
    decisions = sorted((repo / "submissions" / "2025").rglob("quyet-dinh.yaml"))
    proposals = sorted((repo / "submissions" / "2025").rglob("de-xuat.yaml"))
    old = sorted((repo / "submissions" / "2024").rglob("dang-vien/*.yaml"))

    def rel(p: Path) -> str:
        return p.relative_to(repo).as_posix()

    def regex(path: Path, pattern: str, new: Callable[[re.Match[str]], str]) -> Edit:
        def edit(r: Path) -> None:
            text = (r / rel(path)).read_text("utf-8")
            changed = re.sub(pattern, new, text, count=1, flags=re.M)
            assert changed != text, (path, pattern)
            (r / rel(path)).write_text(changed, "utf-8")

        return edit

    levels = {"HTXSNV": "HTNV", "HTTNV": "KHTNV", "HTNV": "HTXSNV", "KHTNV": "HTTNV"}

    def other(m: re.Match[str]) -> str:
        return f"{m.group(1)}{levels[m.group(2)]}"

    def lower(m: re.Match[str]) -> str:
        return f"{m.group(1)}{max(int(m.group(2)) - 25, 0)}"

    out: list[tuple[str, Edit]] = []
    scored = [p for p in members if "  ket_qua_nhiem_vu: " in p.read_text("utf-8")]
    for i, path in enumerate(scored[:: max(len(scored) // 6, 1)]):
        out.append((f"scores {i}", regex(path, r"^(  ket_qua_nhiem_vu: )(\d+)", lower)))
    out.append(("self level", regex(scored[3], r"^(tu_xep_loai: )(\w+)", other)))
    out.append(("decision", regex(decisions[0], r"^(    muc: )(\w+)", other)))
    out.append(("decision 2", regex(decisions[-1], r"^(    muc: )(\w+)", other)))
    out.append(("proposal", regex(proposals[1], r"^(    muc: )(\w+)", other)))
    out.append(
        (
            "history",
            regex(
                [p for p in old if "tu_xep_loai:" in p.read_text("utf-8")][5],
                r"^(tu_xep_loai: )(\w+)",
                other,
            ),
        )
    )
    out.append(("deleted", delete(rel(members[7]))))
    out.append(("moved", move(rel(members[9]), rel(members[-1].parent / members[9].name))))
    return out


def test_reuse_equals_a_full_rating_on_synthetic_years(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(Path(__file__).resolve().parents[3] / "schema", repo / "schema")
    synthetic.generate_years(
        repo,
        [(2024, "qd124-hd25"), (2025, "qd366-hd43")],
        grassroots=4,
        chi_bo=9,
        members=MEMBERS,
        seed=3,
    )
    oracle = Oracle(repo)
    for name, edit in _synthetic_edits(repo):
        full, kept, read, hits = oracle.after(edit)
        assert kept == full, name
        assert read == full, name
        assert hits >= MEMBERS, name


# ------------------------------------------------------------------ the cache file


def again_key(data: bytes) -> str:
    """The year key of a rating file's first record."""
    return str(marshal.loads(data[8:])[1])


def test_a_corrupt_or_foreign_cache_is_a_full_rating(sample: Path, tmp_path: Path) -> None:
    repo = shutil.copytree(
        sample, tmp_path / "repo", ignore=shutil.ignore_patterns(".kiemdiem-cache")
    )
    years = load(repo)
    full = snapshot(rate_years(years))
    RatingMemo.load(repo, []).save(repo)
    memo = RatingMemo()
    rate_years(years, reuse=memo)
    memo.save(repo)
    path = RatingMemo.path(repo, 2025)
    good = path.read_bytes()
    torn = good + reusefile._record(("k", {}, []))[:-3]
    bad_patch = good + reusefile._record((again_key(good), {"x": (1,)}, []))
    for bad in (
        b"",
        b"garbage",
        good[: len(good) // 2],
        good[:-7] + b"\x00" * 7,
        b"\xff" * 64,
        torn,
        bad_patch,
    ):
        path.write_bytes(bad)
        again = RatingMemo.load(repo, list(years))
        assert snapshot(rate_years(years, reuse=again)) == full
    path.write_bytes(good)
    again = RatingMemo.load(repo, list(years))
    assert snapshot(rate_years(years, reuse=again)) == full
    assert again.last[2025].hits == 41


def test_without_the_load_cache_nothing_is_reused_or_forgotten(
    sample: Path, tmp_path: Path
) -> None:
    repo = shutil.copytree(
        sample, tmp_path / "repo", ignore=shutil.ignore_patterns(".kiemdiem-cache")
    )
    memo = RatingMemo()
    rate_years(load(repo), reuse=memo)
    kept = dict(memo.years)
    rated = Pipeline(repo, cache=False).load(rate=False)
    years = {y: r.year for y, r in rated.years.items()}
    assert all(not y.digests for y in years.values())
    assert snapshot(rate_years(years, reuse=memo)) == snapshot(rate_years(years))
    assert sum(c.hits for c in memo.last.values()) == 0
    assert memo.years == kept


# ------------------------------------------------------------------ what member rules read


class _OnlyTheNumber:
    """A `Year` stand-in that lets a member rule read the year's number and nothing else."""

    def __init__(self, year: int) -> None:
        self.year = year

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"a member rule read Year.{name}: add it to the reuse key")


def test_member_rules_read_only_the_year_number_of_the_year(sample: Path) -> None:
    """The reuse key holds the member's file, the year's number, settings, evaluation date
    and ruleset: a member rule reading anything else of the `Year` fails here."""
    years = load(sample)
    seen = 0
    for year in years.values():
        spec = spec_for(year.year, year.config)
        settings = {s.name: s.default_for(year.year) for s in spec.settings}
        assert year.config is not None
        for member in year.members.values():
            facts = MemberFacts(
                _OnlyTheNumber(year.year),  # type: ignore[arg-type]
                member,
                settings,
                year.config.evaluation_date,
            )
            for r in spec.rules.members:
                list(r(facts))
            seen += 1
    assert seen == 42 + 41 + 28


def test_members_with_equal_cores_share_one_row_and_one_core(sample: Path, tmp_path: Path) -> None:
    """The file holds each distinct row once (marshal refers to it after) and reading makes
    one core of it, whatever the rating that wrote it made: a province's ~100,000 members
    have a few thousand distinct cores, and making each was most of reading the memo."""
    repo = shutil.copytree(
        sample, tmp_path / "repo", ignore=shutil.ignore_patterns(".kiemdiem-cache")
    )
    years = load(repo)
    full = snapshot(rate_years(years))
    memo = RatingMemo()
    rate_years(years, reuse=memo)  # a fresh rating: a core of its own per member
    memo.save(repo)
    kept = reusefile.read(RatingMemo.path(repo, 2025))
    assert kept is not None
    cores = list(kept[1].values())
    assert len({id(c) for c in cores}) == len(set(cores)) < len(cores)
    again = RatingMemo.load(repo, list(years))
    assert snapshot(rate_years(years, reuse=again)) == full
