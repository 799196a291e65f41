"""Oracle for the one-file rebuild of the organization's site (issue 11,
generator.site.incremental): after each kind of single edit, `build` into the folders of
the last build must give exactly the site (and the Markdown pages and fragments it is
built from) that `build --force` gives into fresh folders, file by file.

The edits run one after another on the sample repository and on a small synthetic
province, with pages made small (3 rows a tree or statistics page, 4 members a chi bộ
page) so that edits move members across pages and page counts change: a member's name,
review, self level; a proposal line, a decision line; an organization's name and
secretary; a member moved to another chi bộ, deleted, added, made unreadable; a setting
and the title of the year file; the template of members' sections.

The oracle can fail: with one input dropped from the organizations' keys (an
organization's record, a member file's digest, the verdicts) the same kind of edit
leaves a stale page, and `test_a_dropped_key_input_is_caught` asserts that the
comparison sees it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import synthetic
from generator.authority import StructureRow, _deciders, member_authority, structure_table
from generator.pipeline import Pipeline
from generator.rules.base import Verdict
from generator.site import incremental, keypickle, paging, search, search_layout
from generator.site.build import BuildOptions, SiteResult, build_site
from generator.site.hooks import FRAGMENTS
from generator.submissions.records import Organization
from generator.submissions.year import Year
from tests.conftest import ROOT, copy_sample
from tests.integration.test_site_incremental import _files

YEAR = 2025
LEVELS = ("HTXSNV", "HTTNV", "HTNV", "KHTNV")


def _year(repo: Path) -> Path:
    return repo / "submissions" / str(YEAR)


def _members(repo: Path) -> list[Path]:
    return sorted(_year(repo).rglob("dang-vien/*.yaml"))


def _chi_bo(member: Path) -> Path:
    return member.parent.parent


def _sub(path: Path, pattern: str, repl: Callable[[re.Match[str]], str]) -> None:
    text = path.read_text("utf-8")
    new, n = re.subn(pattern, repl, text, count=1, flags=re.M)
    assert n == 1 and new != text, (path, pattern)
    path.write_text(new, "utf-8")


def _other_level(m: re.Match[str]) -> str:
    level = m.group(2)
    return m.group(1) + LEVELS[(LEVELS.index(level) + 1) % len(LEVELS)]


def member_name(repo: Path) -> None:
    """A member who leads nothing (a leader's name is shown from the organization too)."""
    member = next(
        p for p in _members(repo) if p.stem not in (_chi_bo(p) / "to-chuc.yaml").read_text()
    )
    _sub(member, r"^ho_ten: (.*)$", lambda m: f"ho_ten: {m.group(1)} Mới")


def member_review(repo: Path) -> None:
    _sub(_members(repo)[1], r"^(  uu_diem: \|\n)(\s+)", lambda m: f"{m[1]}{m[2]}Thêm ý.\n{m[2]}")


def member_self_level(repo: Path) -> None:
    member = next(p for p in _members(repo) if "tu_xep_loai:" in p.read_text("utf-8"))
    _sub(member, r"^(tu_xep_loai: )(\w+)$", _other_level)


def proposal_line(repo: Path) -> None:
    _sub(sorted(_year(repo).rglob("de-xuat.yaml"))[0], r"^(    muc: )(\w+)$", _other_level)


def decision_line(repo: Path) -> None:
    files = [
        p for p in sorted(_year(repo).rglob("quyet-dinh.yaml")) if "dang_vien:" in p.read_text()
    ]
    _sub(files[0], r"^(dang_vien:\n  - ma_dang_vien: \S+\n    muc: )(\w+)$", _other_level)


def org_name(repo: Path) -> None:
    _sub(_chi_bo(_members(repo)[0]) / "to-chuc.yaml", r"^ten: (.*)$", lambda m: f"ten: {m[1]} mới")


def org_secretary(repo: Path) -> None:
    chi_bo = _chi_bo(_members(repo)[0])
    ids = sorted(p.stem for p in (chi_bo / "dang-vien").glob("*.yaml"))
    org = chi_bo / "to-chuc.yaml"
    if "bi_thu:" not in org.read_text("utf-8"):
        _sub(org, r"^(ten: .*\n)", lambda m: f"{m[1]}lanh_dao:\n  bi_thu: {ids[-1]}\n")
    else:
        _sub(org, r"^(  bi_thu: )(\S+)$", lambda m: m[1] + (ids[-1] if m[2] != ids[-1] else ids[0]))


def member_moved(repo: Path) -> None:
    member = _members(repo)[2]
    others = [c for c in {_chi_bo(p) for p in _members(repo)} if c != _chi_bo(member)]
    member.rename(sorted(others)[-1] / "dang-vien" / member.name)


def member_deleted(repo: Path) -> None:
    _members(repo)[3].unlink()


def member_added(repo: Path) -> None:
    source = _members(repo)[4]
    text = source.read_text("utf-8")
    text = re.sub(r"^ma_dang_vien: .*$", "ma_dang_vien: dv-999001", text, count=1, flags=re.M)
    text = re.sub(r"^ho_ten: .*$", "ho_ten: Đảng Viên Mới", text, count=1, flags=re.M)
    (source.parent / "dv-999001.yaml").write_text(text, "utf-8")


def member_unreadable(repo: Path) -> None:
    _members(repo)[5].write_text("ma_dang_vien: [không đóng\n", "utf-8")


def year_setting(repo: Path) -> None:
    year = _year(repo) / "nam-danh-gia.yaml"
    text = year.read_text("utf-8")
    if "quota_rounding:" in text:
        _sub(year, r"^(  quota_rounding: )(\w+)$", lambda m: m[1] + "ceil")
    elif re.search(r"^cai_dat:\n", text, re.M):
        _sub(year, r"^(cai_dat:\n)", lambda m: f"{m[1]}  quota_rounding: ceil\n")
    else:
        year.write_text(text + "cai_dat:\n  quota_rounding: ceil\n", "utf-8")


def year_title(repo: Path) -> None:
    _sub(_year(repo) / "nam-danh-gia.yaml", r"^ten: (.*)$", lambda m: f"ten: {m[1]} (sửa)")


def template(repo: Path) -> None:
    _sub(repo / "site_templates" / "pages" / "_member.j2", r"Vào Đảng ", lambda m: "Ngày vào Đảng ")


EDITS: dict[str, Callable[[Path], None]] = {
    f.__name__.replace("_", "-"): f
    for f in (
        member_name,
        member_review,
        member_self_level,
        proposal_line,
        decision_line,
        org_name,
        org_secretary,
        member_moved,
        member_deleted,
        member_added,
        member_unreadable,
        year_setting,
        year_title,
        template,
    )
}


# what every page depends on (the year file, templates): every organization is rendered
FRAME = ("year-setting", "year-title", "template")

# ---------------------------------------------------------------------- the comparison


def _sample(root: Path) -> Path:
    return copy_sample(root / "repo", (2024, YEAR))


def _synthetic(root: Path) -> Path:
    repo = root / "repo"
    for year, ruleset in ((YEAR - 1, "qd124-hd25"), (YEAR, "qd366-hd43")):
        synthetic.generate(repo, year=year, ruleset=ruleset, grassroots=3, chi_bo=8,
                           members=70, seed=5, shape="province-2025")  # fmt: skip
    for name in ("schema", "site_templates"):
        shutil.copytree(ROOT / name, repo / name)
    shutil.copy2(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    return repo


def _build(repo: Path, out: Path, work: Path, *, force: bool = False) -> SiteResult:
    return build_site(
        BuildOptions(repo=repo, out=out, project=repo, years=[YEAR], work=work, force=force)
    )


def _tree(folder: Path) -> dict[str, object]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}  # fmt: skip


def differences(repo: Path, fresh: Path) -> list[str]:
    """What the rebuilt site (repo/site, from repo/build) has that a build from scratch
    (fresh/site, from fresh/build) has not: site files, Markdown pages, fragments and
    search records that differ."""
    site, other = repo / "site" / str(YEAR), fresh / "site" / str(YEAR)
    ours, theirs = _files(site), _files(other)
    out = [f"site: only one side has {rel}" for rel in sorted(set(ours) ^ set(theirs))]
    out += [
        f"site: {rel} differs"
        for rel in sorted(set(ours) & set(theirs))
        if ours[rel].read_bytes() != theirs[rel].read_bytes()
    ]
    for part in ("docs", FRAGMENTS):
        a, b = _tree(repo / "build" / str(YEAR) / part), _tree(fresh / "build" / str(YEAR) / part)
        out += [
            f"{part}: {rel} differs" for rel in sorted(set(a) | set(b)) if a.get(rel) != b.get(rel)
        ]
    key = lambda r: str(r["url"])  # noqa: E731
    if sorted(search.read_records(site), key=key) != sorted(search.read_records(other), key=key):
        out.append("search records differ")
    return out


def _run_edits(repo: Path, root: Path) -> dict[str, tuple[list[str], int]]:
    """Each edit in turn, then a rebuild and a build from scratch: the differences and
    how many organizations the rebuild kept."""
    _build(repo, repo / "site", repo / "build")
    results = {}
    for name, edit in EDITS.items():
        edit(repo)
        (rebuilt,) = _build(repo, repo / "site", repo / "build").years
        fresh = root / f"fresh-{name}"
        _build(repo, fresh / "site", fresh / "build", force=True)
        results[name] = (differences(repo, fresh), rebuilt.orgs_kept)
        shutil.rmtree(fresh)
    return results


@pytest.fixture(scope="module", params=["sample", "synthetic"])
def runs(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[list[str], int]]:
    root = tmp_path_factory.mktemp(f"oracle-{request.param}")
    repo = _sample(root) if request.param == "sample" else _synthetic(root)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(paging, "ROWS_PER_PAGE", 3)
        kwdefaults = dict(paging.paginate_members.__kwdefaults__ or {}, per_page=4)
        mp.setattr(paging.paginate_members, "__kwdefaults__", kwdefaults)
        if request.param == "synthetic":  # its search in full-text shards and name parts,
            # kept or indexed again by their inputs (generator.site.indexer._submit_shard)
            mp.setattr(search_layout, "SHARD_MEMBERS", 20)
            mp.setattr(search_layout, "SINGLE_MEMBERS", 20)
        return _run_edits(repo, root)


@pytest.mark.parametrize("edit", list(EDITS))
def test_a_rebuild_after_one_edit_equals_a_build_from_scratch(
    runs: dict[str, tuple[list[str], int]], edit: str
) -> None:
    differ, kept = runs[edit]
    assert differ == []
    if edit not in FRAME:
        assert kept > 0  # the comparison is about a rebuild that kept pages


# ---------------------------------------------------------------------- the oracle can fail


def _drop_org_records(monkeypatch: pytest.MonkeyPatch) -> None:
    as_loaded = incremental.as_loaded
    monkeypatch.setattr(
        incremental,
        "as_loaded",
        lambda digests, record: (
            None if isinstance(record, Organization) else as_loaded(digests, record)
        ),
    )


def _drop_file_digests(monkeypatch: pytest.MonkeyPatch) -> None:
    digests = incremental._digests
    monkeypatch.setattr(incremental, "_digests", lambda year: dict.fromkeys(digests(year), "x"))


def _drop_verdicts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(keypickle._REDUCERS, Verdict, lambda v: (str, ("a verdict",)))


@pytest.mark.parametrize(
    ("drop", "edit"),
    [
        (_drop_org_records, org_name),
        (_drop_file_digests, member_name),
        (_drop_verdicts, decision_line),
    ],
)
def test_a_dropped_key_input_is_caught(
    drop: Callable[[pytest.MonkeyPatch], None],
    edit: Callable[[Path], None],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    repo = _sample(tmp_path)
    drop(monkeypatch)
    _build(repo, repo / "site", repo / "build")
    edit(repo)
    _build(repo, repo / "site", repo / "build")
    _build(repo, tmp_path / "fresh" / "site", tmp_path / "fresh" / "build", force=True)
    assert differences(repo, tmp_path / "fresh")


# ---------------------------------------------------------------------- the tree's first page


def _structure_by_member(year: Year) -> list[StructureRow]:
    """`structure_table` as first written: every member's authority asked (the reference
    for the one asked once per chi bộ)."""
    rows = structure_table(year)[: -1 if year.members else None]
    members = [member_authority(year, m) for m in year.members]
    if members:
        rows.append(StructureRow("Đảng viên", "", len(members), _deciders(members), "D1"))
    return rows


@pytest.mark.parametrize("data", ["sample", "synthetic"])
def test_the_structure_table_equals_asking_every_member(data: str, tmp_path: Path) -> None:
    repo = _sample(tmp_path) if data == "sample" else _synthetic(tmp_path)
    member_moved(repo)  # members of one chi bộ no longer listed together
    rated = Pipeline(repo).load([YEAR - 1, YEAR], rate=False)
    for year in (rated[YEAR - 1].year, rated[YEAR].year):
        assert year.members
        assert structure_table(year) == _structure_by_member(year)


def test_a_shard_kept_by_its_inputs_is_caught_when_an_input_is_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search shards kept without their records being made (their inputs unchanged)
    are what a fresh build makes — and a shard's inputs that leave out its members' file
    digests keep a stale shard, which the comparison sees."""
    monkeypatch.setattr(search_layout, "SHARD_MEMBERS", 20)
    monkeypatch.setattr(search_layout, "SINGLE_MEMBERS", 20)
    repo = _synthetic(tmp_path)
    fresh = tmp_path / "fresh"

    def rebuild_differs() -> list[str]:
        member_name(repo)  # in its shard's records (a review is not the whole site's)
        (rebuilt,) = _build(repo, repo / "site", repo / "build").years
        _build(repo, fresh / "site", fresh / "build", force=True)
        found = differences(repo, fresh)
        shutil.rmtree(fresh)
        shards = [b for b in rebuilt.search.bundles if b.startswith("p-")]
        assert len(shards) > 2 and rebuilt.search.indexed, rebuilt.search
        assert len([b for b in rebuilt.search.indexed if b.startswith("p-")]) < len(shards)
        return found

    _build(repo, repo / "site", repo / "build")
    kept = json.loads((repo / "build" / str(YEAR) / "pagefind" / "shard-inputs.json").read_text())
    assert sorted(kept) == sorted(
        b for b in os.listdir(repo / "build" / str(YEAR) / "pagefind" / "phan")
    )
    assert rebuild_differs() == []
    inputs = search.shard_inputs
    monkeypatch.setattr(
        search,
        "shard_inputs",
        lambda view, orgs: [
            row[:2] + row[3:] if len(row) == 7 else row for row in inputs(view, orgs) or []
        ],
    )
    _build(repo, repo / "site", repo / "build")  # the keys without digests, written
    assert rebuild_differs() == ["search records differ"]
