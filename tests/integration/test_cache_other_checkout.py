"""The content cache used from another checkout of the same files (generator.loadcache).

- CI's fresh checkout restores what the last run on `main` cached
  (.github/workflows/site.yml): the cache is not keyed by the checkout's place.
- A deletion's or move's consequences (generator.forge.consequences) check the base
  commit's copy of the year too; that copy borrows the working tree's cache, read only
  (OutcomeCache `home`).

Either way only files whose bytes differ are parsed again, every record points at this
checkout's own file, and the findings are those of a check without the cache, positions
included."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator import loading, loadpool
from generator.check.run import RepoCheck, Selection, check_repo
from tests.conftest import copy_sample, finding_keys

YEAR = 2026
WANTED = Selection([f"submissions/{YEAR}"])


def _key(check: RepoCheck) -> list[tuple[Any, ...]]:
    return finding_keys(check.result.findings)


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """From now on, the path of every file parsed (not taken from a cache)."""
    parsed: list[str] = []
    real = loading.check_keyed

    def counting(file: Any, ctx: Any, schemas: Any) -> Any:
        parsed.append(file.path)
        return real(file, ctx, schemas)

    monkeypatch.setattr(loadpool, "check_keyed", counting)
    return parsed


def _two_checkouts(tmp_path: Path) -> tuple[Path, Path, list[Path]]:
    """The working tree and a copy of it at another path (the base commit's, before any
    edit), and the working tree's member files."""
    head = copy_sample(tmp_path / "head", (YEAR,))
    base = tmp_path / "base"
    shutil.copytree(head, base)
    return head, base, sorted((head / "submissions" / str(YEAR)).rglob("dang-vien/*.yaml"))


def test_the_base_copy_parses_only_what_differs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    head, base, members = _two_checkouts(tmp_path)
    check_repo(head, WANTED)  # fills the working tree's cache
    # after the cache was written: one file the base copy holds differently ...
    edited = members[3]
    edited.write_text("# sửa sau\n" + edited.read_text("utf-8"), "utf-8")
    # ... and one whose cached bytes are the base's but whose working file moved on
    moved_on = members[5]
    moved_on.write_text("\n\n" + moved_on.read_text("utf-8"), "utf-8")
    plain = check_repo(base, WANTED)
    shutil.rmtree(base / ".kiemdiem-cache")

    parsed = _count_parses(monkeypatch)
    borrowed = check_repo(base, WANTED, cache_home=head)

    assert parsed == []  # every base file's bytes are in the working tree's cache
    assert _key(borrowed) == _key(plain)
    year = borrowed.years[YEAR]
    roots = {m.source.document.root for m in year.members.values()}
    roots |= {o.source.document.root for o in year.orgs.values() if o.source}
    assert roots == {str(base)}
    assert not (base / ".kiemdiem-cache").exists()  # nothing written beside the copy


def test_a_file_the_working_tree_changed_is_parsed_from_the_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    head, base, members = _two_checkouts(tmp_path)
    edited = members[3]
    edited.write_text("# sửa\n" + edited.read_text("utf-8"), "utf-8")
    check_repo(head, WANTED)  # the cache holds the edited bytes
    plain = check_repo(base, WANTED)
    shutil.rmtree(base / ".kiemdiem-cache")

    parsed = _count_parses(monkeypatch)
    borrowed = check_repo(base, WANTED, cache_home=head)
    assert parsed == [str(edited.relative_to(head))]
    assert _key(borrowed) == _key(plain)


def test_a_cache_restored_into_a_checkout_at_another_path_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = copy_sample(tmp_path / "first", (YEAR,))
    check_repo(first, WANTED)  # the run on main: writes .kiemdiem-cache/
    fresh = tmp_path / "fresh"  # CI's next checkout: same files, another path, new mtimes
    shutil.copytree(first, fresh, ignore=shutil.ignore_patterns(".kiemdiem-cache"))
    # a checkout is a Git work tree: Git says the restored folder is not the commit's
    # (outside Git a folder this tool did not make here is not read: test_cache_trust)
    subprocess.run(["git", "init", "-q"], cwd=fresh, check=True)
    subprocess.run(["git", "add", "-A"], cwd=fresh, check=True)
    subprocess.run(
        [
            "git",
            "-c",
            "user.name=ci",
            "-c",
            "user.email=ci@example.invalid",
            "commit",
            "-qm",
            "main",
        ],
        cwd=fresh,
        check=True,
    )
    plain = check_repo(fresh, WANTED)
    shutil.rmtree(fresh / ".kiemdiem-cache")
    shutil.copytree(first / ".kiemdiem-cache", fresh / ".kiemdiem-cache")  # restored

    parsed = _count_parses(monkeypatch)
    again = check_repo(fresh, WANTED)
    assert parsed == []  # every file's outcome came from the restored cache
    assert _key(again) == _key(plain)
    year = again.years[YEAR]
    assert {m.source.document.root for m in year.members.values()} == {str(fresh)}


def test_a_site_built_in_another_checkout_is_kept_page_for_page(tmp_path: Path) -> None:
    """CI restores the last run's build/ and site/ into a checkout at another path: the
    page keys and digests do not name the checkout, so nothing is rendered again."""
    from generator.site.build import BuildOptions, build_site

    first = copy_sample(tmp_path / "first", (YEAR,))

    def build(repo: Path) -> Any:
        options = BuildOptions(repo=repo, out=repo / "site", project=repo, years=[YEAR])
        return build_site(options).years[0]

    made = build(first)
    fresh = tmp_path / "fresh"
    shutil.copytree(first, fresh, symlinks=True)
    again = build(fresh)
    assert made.orgs_kept == 0 and again.orgs_kept > 0
    assert again.orgs_kept == len(_orgs(fresh))


def _orgs(repo: Path) -> list[Path]:
    """The organizations of the year (one `to-chuc.yaml` each)."""
    return list((repo / "submissions" / str(YEAR)).rglob("to-chuc.yaml"))
