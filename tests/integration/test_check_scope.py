"""A pull request's scoped check (generator.check.scope) gives the full check's findings for
the selection, and loads only its scope.

For synthetic years of several shapes (the post-2025 province, a pre-2025 province with
districts, a district), a Git repository is committed and checked once in full (which
writes the year index); then a change is made in the working tree and
`check_repo(..., changes=...)` (what `check --changed-since` runs) is compared with the
full load of the same selection: every finding (code, place, message, hint, rule, actor,
related files) and the count of files checked must be equal, and the scoped check must
have loaded fewer files — or, for a change whose consequences the index cannot bound,
must say why it loaded the whole year.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import gitrepo, synthetic
from generator.check import scoped
from generator.check.run import RepoCheck, Selection, check_repo
from generator.check.scoped import Changes
from generator.synthetic import dump_yaml
from tests.conftest import finding_keys

ROOT = Path(__file__).resolve().parents[2]
YEAR = 2025
GRASSROOTS = ("chi_bo_co_so", "dang_bo_co_so")
SHAPES = {
    "province-2025": {"shape": "province-2025"},
    "province": {"shape": "province", "districts": 2},
    "district": {"shape": "district"},
}


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _committed_and_checked(repo: Path) -> Path:
    """`repo` made a Git repository with one commit, then checked once in full (which
    writes the year index the scoped check reads)."""
    (repo / ".gitignore").write_text("/.kiemdiem-cache/\n")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base")
    check_repo(repo)
    return repo


@pytest.fixture(scope="module", params=sorted(SHAPES))
def base_repo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two years (the X3 history) committed, and checked once in full."""
    repo = tmp_path_factory.mktemp(f"scope-{request.param}")
    for year, ruleset in ((YEAR - 1, "qd124-hd25"), (YEAR, "qd366-hd43")):
        synthetic.generate(repo, year=year, ruleset=ruleset, grassroots=8, chi_bo=24,
                           members=260, seed=3, **SHAPES[request.param])  # fmt: skip
    shutil.copytree(ROOT / "schema", repo / "schema")
    return _committed_and_checked(repo)


@pytest.fixture
def repo(base_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(scoped, "MAX_SHARE", 0.9)  # a small year: any scope is worth it
    copy = tmp_path / "repo"
    shutil.copytree(base_repo, copy, symlinks=True)
    return copy


# ---------------------------------------------------------------------- the tree


def _orgs(repo: Path, types: tuple[str, ...]) -> list[Path]:
    out = []
    for f in sorted((repo / "submissions" / str(YEAR)).rglob("to-chuc.yaml")):
        if yaml.safe_load(f.read_text("utf-8"))["loai"] in types:
            out.append(f.parent)
    return out


def _members(folder: Path) -> list[Path]:
    return sorted(folder.rglob("dang-vien/*.yaml"))


def _two_units(repo: Path) -> tuple[Path, Path]:
    """Two TCCSĐ with members, as far apart in the tree as there are."""
    units = [u for u in _orgs(repo, GRASSROOTS) if _members(u)]
    return units[0], units[-1]


def _edit(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(dump_yaml(data), "utf-8")


def _rename(member: Path) -> None:
    member.write_text(member.read_text("utf-8").replace("ho_ten: ", "ho_ten:  ", 1), "utf-8")


# ---------------------------------------------------------------------- the comparison


def _pull_request(repo: Path) -> tuple[list[str], Changes]:
    """The selection and change `kiemdiem check --changed-since HEAD` makes."""
    base, changes = gitrepo.changes(repo, "HEAD")
    paths = [c.path for c in changes] + [c.old_path for c in changes if c.old_path]
    paths = [p if (repo / p).exists() else p.rsplit("/", 1)[0] for p in paths]
    touched = {p for c in changes for p in (c.path, c.old_path) if p}
    return paths, Changes(base, frozenset(touched))


def _key(check: RepoCheck) -> list[tuple[Any, ...]]:
    return finding_keys(check.result.findings)


def _compare(repo: Path) -> tuple[RepoCheck, RepoCheck]:
    paths, changes = _pull_request(repo)
    assert paths, "the change touched nothing"
    scope = check_repo(repo, Selection(paths), changes=changes)
    full = check_repo(repo, Selection(paths))
    assert not full.full_load
    assert _key(scope) == _key(full)
    assert scope.result.files_checked == full.result.files_checked
    return scope, full


def _assert_scoped(scope: RepoCheck, full: RepoCheck) -> None:
    assert scope.full_load == ""
    for year, loaded in scope.years.items():
        assert len(loaded.files) < len(full.years[year].files), year


# ---------------------------------------------------------------------- the changes


def test_member_edits_and_a_decision_that_breaks_the_quota(repo: Path) -> None:
    unit, other = _two_units(repo)
    for member in (_members(unit)[0], _members(other)[-1]):
        _rename(member)

    def all_outstanding(data: dict[str, Any]) -> None:
        for line in data.get("dang_vien", []):
            line["muc"] = "HTXSNV"

    _edit(unit / "quyet-dinh.yaml", all_outstanding)
    scope, full = _compare(repo)
    _assert_scoped(scope, full)
    assert any(f.code == "rule-quota-exceeded" for f in scope.result.findings)


def test_a_member_file_that_breaks_its_schema(repo: Path) -> None:
    member = _members(_two_units(repo)[0])[1]
    member.write_text(member.read_text("utf-8").replace("nam: 2025", "nam: hai"), "utf-8")
    scope, full = _compare(repo)
    _assert_scoped(scope, full)
    assert any(f.path.endswith(member.name) for f in scope.result.findings)


def test_a_duplicate_member_id_in_another_subtree(repo: Path) -> None:
    unit, other = _two_units(repo)
    source = _members(unit)[0]
    target = _members(other)[0].parent / source.name
    shutil.copy(source, target)
    scope, full = _compare(repo)
    _assert_scoped(scope, full)
    assert any(f.code == "member-duplicate" for f in scope.result.findings)


def test_the_same_person_under_another_id_in_another_subtree(repo: Path) -> None:
    """Copied under a new id into a far committee: both files are warned, the unchanged one
    naming the copy — the scope loads the copy's twin by the index's person digest."""
    unit, other = _two_units(repo)
    source = _members(unit)[0]
    target = _members(other)[0].parent / "dv-999999.yaml"
    text = source.read_text("utf-8").replace(
        f"ma_dang_vien: {source.stem}", "ma_dang_vien: dv-999999"
    )
    target.write_text(text, "utf-8")
    scope, full = _compare(repo)
    _assert_scoped(scope, full)
    found = [f for f in scope.result.findings if f.code == "member-same-person"]
    assert sorted(f.path.rsplit("/", 1)[-1] for f in found) == sorted([source.name, target.name])


def test_an_id_whose_dates_are_not_the_year_befores(repo: Path) -> None:
    """Someone else's review under a member's id: their birth and admission dates differ
    from the id's record of the year before, which the scope's history holds."""
    member = _members(_two_units(repo)[0])[0]
    _edit(member, lambda d: d.update(ngay_sinh="1999-01-01", ngay_vao_dang="2020-01-01"))
    scope, full = _compare(repo)
    _assert_scoped(scope, full)
    found = [f for f in scope.result.findings if f.code == "member-identity-changed"]
    assert [f.path.rsplit("/", 1)[-1] for f in found] == [member.name] * 2


def test_an_organization_file_naming_a_leader_elsewhere(repo: Path) -> None:
    unit, other = _two_units(repo)
    chi_bo = _members(unit)[0].parent.parent
    stranger = _members(other)[0].stem
    _edit(chi_bo / "to-chuc.yaml", lambda d: d.setdefault("lanh_dao", {}).update(bi_thu=stranger))
    scope, full = _compare(repo)
    _assert_scoped(scope, full)
    assert any(f.code == "ref-unknown-member" for f in scope.result.findings)


def test_a_decision_for_a_member_of_another_committee(repo: Path) -> None:
    unit, other = _two_units(repo)
    stranger = _members(other)[0].stem
    _edit(
        unit / "quyet-dinh.yaml",
        lambda d: d["dang_vien"].append({"ma_dang_vien": stranger, "muc": "HTTNV"}),
    )
    scope, full = _compare(repo)
    _assert_scoped(scope, full)
    found = [f for f in scope.result.findings if f.code == "decision-no-authority"]
    assert found and found[0].extra.get("related")


def test_a_decision_naming_no_member_loads_the_whole_year(repo: Path) -> None:
    unit = _two_units(repo)[0]
    _edit(
        unit / "quyet-dinh.yaml",
        lambda d: d["dang_vien"].append({"ma_dang_vien": "dv-khong-co", "muc": "HTTNV"}),
    )
    scope, _ = _compare(repo)
    assert "dv-khong-co" in scope.full_load
    assert any(f.code == "ref-unknown-member" for f in scope.result.findings)


def test_an_organization_id_used_by_a_second_folder(repo: Path) -> None:
    """A new folder named like an organization of another subtree: both `to-chuc.yaml` are
    reported (org-duplicate), the unchanged one naming the new one."""
    unit, other = _two_units(repo)
    target = other / unit.name / "to-chuc.yaml"
    assert not target.parent.exists()
    target.parent.mkdir()
    shutil.copy(unit / "to-chuc.yaml", target)
    scope, _ = _compare(repo)
    assert "two folders" in scope.full_load
    found = sorted(f.path for f in scope.result.findings if f.code == "org-duplicate")
    rel = sorted(str(p.relative_to(repo)) for p in (unit / "to-chuc.yaml", target))
    assert found == rel


def test_a_proposal_removed(repo: Path) -> None:
    chi_bo = _members(_two_units(repo)[0])[0].parent.parent
    _edit(chi_bo / "de-xuat.yaml", lambda d: d["de_xuat"].pop(0))
    scope, full = _compare(repo)
    _assert_scoped(scope, full)
    assert any(f.code == "proposal-missing-member" for f in scope.result.findings)


def test_a_member_moved_to_another_committee(repo: Path) -> None:
    unit, other = _two_units(repo)
    source = _members(unit)[0]
    _git(repo, "mv", str(source), str(_members(other)[0].parent / source.name))
    scope, full = _compare(repo)
    _assert_scoped(scope, full)
    assert scope.result.findings


def test_a_member_deleted(repo: Path) -> None:
    """Its proposal and decision lines then name no file: `consequences` (forge) reports
    those; the check itself shows what lies in the member's folder."""
    member = _members(_two_units(repo)[0])[0]
    member.unlink()
    scope, full = _compare(repo)
    _assert_scoped(scope, full)
    assert not (member.parent.parent / "dang-vien" / member.name).exists()


def test_a_member_not_carried_over_is_told_at_its_chi_bo_s_edited_file(repo: Path) -> None:
    """generator.check.carryover: from the two years' indexes, the full check's ids."""
    base, earlier = (repo / "submissions" / str(y) for y in (YEAR, YEAR - 1))
    member = next(m for m in _members(base) if (earlier / m.relative_to(base)).is_file())
    member.unlink()
    org = member.parent.parent / "to-chuc.yaml"
    org.write_text(org.read_text("utf-8") + "# sửa\n", "utf-8")
    scope, full = _compare(repo)
    _assert_scoped(scope, full)
    told = [f for f in scope.result.findings if f.code == "member-not-carried-over"]
    assert [f.path for f in told] == [org.relative_to(repo).as_posix()]
    assert f"`{member.stem}`" in told[0].message


def test_the_secretary_of_an_upper_organization_widens_the_scope(repo: Path) -> None:
    """A đảng bộ xã's (or a district's) secretary is capped by its level (head after unit),
    which its whole subtree decides: editing their review loads that subtree."""
    uppers = _orgs(repo, ("dang_bo_xa", "dang_bo_khoi", "dang_bo_huyen"))
    uppers = [u for u in uppers if u.parent.name != str(YEAR) and _members(u)]
    if not uppers:
        pytest.skip("no upper organization below the root in this shape")
    upper = uppers[0]
    secretary = _members(upper)[-1]
    _edit(
        upper / "to-chuc.yaml",
        lambda d: d.setdefault("lanh_dao", {}).update(bi_thu=secretary.stem),
    )
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "secretary")
    _rename(secretary)
    scope, full = _compare(repo)
    _assert_scoped(scope, full)
    loaded = {f.path for f in scope.years[YEAR].files}
    rel = upper.relative_to(repo).as_posix()
    below = [f.path for f in full.years[YEAR].files if f.path.startswith(rel + "/")]
    assert len(below) > len(_members(secretary.parent.parent)) and set(below) <= loaded


def test_re_ratings_of_the_year_before_by_a_body_with_and_without_authority(
    repo: Path,
) -> None:
    """A committee re-rates 2024 for one of its members and for a member of another
    committee (refused: re-rating-no-authority); both rated KHTNV this year (X3 reads the
    re-rated 2024 level)."""
    unit, other = _two_units(repo)
    own, stranger = _members(unit)[0], _members(other)[0]
    lines = [
        {"ma_dang_vien": m.stem, "nam": YEAR - 1, "muc": "KHTNV", "ly_do": "Xếp loại lại."}
        for m in (own, stranger)
    ]
    _edit(unit / "quyet-dinh.yaml", lambda d: d.setdefault("xep_loai_lai", []).extend(lines))
    for member in (own, stranger):
        _edit(member, lambda d: d.update(tu_xep_loai="KHTNV"))
    scope, full = _compare(repo)
    _assert_scoped(scope, full)
    assert any(f.code == "re-rating-no-authority" for f in scope.result.findings)


def test_a_re_rating_by_the_members_new_committee(repo: Path) -> None:
    """In 2024 the member belonged to another committee, which still exists: only it (or a
    body above it) may re-rate their 2024 level, so the refusal names it — a folder the
    scope must load although nothing in the unit names it (generator.check.scope)."""
    unit, other = _two_units(repo)
    member = _members(unit)[0]
    earlier = Path(str(member).replace(f"/{YEAR}/", f"/{YEAR - 1}/"))
    target = Path(str(_members(other)[0].parent).replace(f"/{YEAR}/", f"/{YEAR - 1}/"))
    _git(repo, "mv", str(earlier), str(target / earlier.name))
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "moved in 2024")
    line = {"ma_dang_vien": member.stem, "nam": YEAR - 1, "muc": "KHTNV", "ly_do": "Lại."}
    _edit(unit / "quyet-dinh.yaml", lambda d: d.setdefault("xep_loai_lai", []).append(line))
    scope, full = _compare(repo)
    _assert_scoped(scope, full)
    found = [f for f in scope.result.findings if f.code == "re-rating-no-authority"]
    assert found and other.name in found[0].message


def test_a_stale_index_is_read_again_where_it_is_stale(repo: Path) -> None:
    """A commit the full check never saw: its files are not in the index (by blob id)."""
    unit, other = _two_units(repo)
    _rename(_members(other)[1])
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "unseen")
    _rename(_members(unit)[1])
    scope, full = _compare(repo)
    _assert_scoped(scope, full)


# ---------------------------------------------------------------------- the sample


@pytest.fixture(scope="module")
def sample_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's sample (three years, a change of tree in 2025, a re-rating), committed
    and checked once in full."""
    repo = tmp_path_factory.mktemp("scope-sample")
    shutil.copytree(ROOT / "submissions", repo / "submissions")
    shutil.copytree(ROOT / "schema", repo / "schema")
    return _committed_and_checked(repo)


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_file_of_the_sample_edited_alone(
    sample_repo: Path, year: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each file of the year edited in turn (a member's name spacing, a comment line in the
    others): the same findings as the full check, and many of them scoped."""
    monkeypatch.setattr(scoped, "MAX_SHARE", 0.9)  # a small year: any scope is worth it
    files = sorted((sample_repo / "submissions" / str(year)).rglob("*.yaml"))
    scoped_count = 0
    for path in files:
        text = path.read_text("utf-8")
        if "/dang-vien/" in path.as_posix():
            path.write_text(text.replace("ho_ten: ", "ho_ten:  ", 1), "utf-8")
        else:
            path.write_text(text + "# sửa\n", "utf-8")
        try:
            scope, full = _compare(sample_repo)
        finally:
            _git(sample_repo, "checkout", "-q", "--", ".")
        if not scope.full_load:
            scoped_count += 1
            assert len(scope.years[year].files) < len(full.years[year].files), path
    # the rest load the whole year: a re-rating (2025), the root's or the year's files
    assert scoped_count >= len(files) // 3
