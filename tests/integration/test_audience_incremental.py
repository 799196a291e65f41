"""Committee and chi bộ sites at province size (issue 11 with issue 14's audiences): one
changed member file rebuilds exactly their chi bộ's site and their deciding committee's,
and those show the new text; the theme's files are one copy shared by every site."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.pipeline import Pipeline
from generator.privacy import Scope
from generator.site import audience_sites, audiences, rating, shared
from generator.site.audience_digest import content_bytes, digests_of
from generator.site.audience_sites import DIGEST_FILE
from generator.site.audiences import Audience
from generator.site.build import BuildOptions, build_site
from generator.site.deciders import build_index
from generator.site.shared import SAME_PAGES, STORE
from generator.site.views import YearView
from tests.conftest import copy_sample

YEAR = 2025
MEMBER = "dv-103003"
MARKER = "MKINCREMENTAL42X"


def _member_file(repo: Path) -> Path:
    return next((repo / "submissions" / str(YEAR)).rglob(f"dang-vien/{MEMBER}.yaml"))


def _pages_with(site: Path, text: str) -> set[str]:
    """The audience roots ("chi-bo/<org>", "cap-uy/<org>", "" for the organization) whose
    built pages contain `text`."""
    found = set()
    for page in site.rglob("*.html"):
        if text in page.read_text("utf-8"):
            rel = page.relative_to(site).parts
            found.add("/".join(rel[:2]) if rel[0] in ("cap-uy", "chi-bo") else "")
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildOptions]:
    repo = copy_sample(tmp_path_factory.mktemp("incremental") / "repo", (YEAR,))
    options = BuildOptions(
        repo=repo,
        out=repo.parent / "site",
        project=repo,
        years=[YEAR],
        audiences=("to-chuc", "cap-uy", "chi-bo"),
    )
    build_site(options)
    return repo, options


def test_one_changed_member_rebuilds_only_their_two_audience_sites(
    built: tuple[Path, BuildOptions],
) -> None:
    repo, options = built
    year = Pipeline(repo, cache=False).rate([YEAR])[YEAR].year
    chi_bo = year.members[MEMBER].org_id
    decider = year.deciding_org_for_member(MEMBER)
    assert decider is not None and decider.id != chi_bo
    unchanged = build_site(options)
    assert unchanged.audience_sites and not [o.root for o in unchanged.audience_sites if o.built]

    path = _member_file(repo)
    data = yaml.safe_load(path.read_text("utf-8"))
    data["kiem_diem"]["uu_diem"] = f"Đã đổi: {MARKER}.\n"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    after = build_site(options)

    rebuilt = {o.root for o in after.audience_sites if o.built}
    assert rebuilt == {f"chi-bo/{chi_bo}", f"cap-uy/{decider.id}"}
    assert len(after.audience_sites) > len(rebuilt) + 3  # the others were kept as they were
    # review text is the chi bộ's and the committee's (x-pham-vi chi-bo), not everyone's
    assert _pages_with(options.out, MARKER) == rebuilt
    for root in rebuilt:
        site = options.out / root / str(YEAR)
        assert (site / DIGEST_FILE).is_file()
        assert MARKER not in (site / DIGEST_FILE).read_text("utf-8")


def test_theme_files_are_one_copy_linked_into_every_site(
    built: tuple[Path, BuildOptions],
) -> None:
    _, options = built
    sites = [p.parent for p in options.out.glob("*/*/2025/index.html")]
    sites.append(options.out / str(YEAR))
    bundles = [next((s / "assets/javascripts").glob("bundle.*.min.js")) for s in sites]
    assert len(sites) > 3
    # one inode: the same file linked into every site (and the store), never a copy each
    assert len({b.stat().st_ino for b in bundles}) == 1
    assert bundles[0].stat().st_nlink >= len(sites) + 1
    store = options.out / STORE
    assert any(p.samefile(bundles[0]) for p in store.rglob("bundle.*.min.js"))
    # Pagefind's script and wasm too; each site's index stays its own
    scripts = {(s / "pagefind/pagefind.js").stat().st_ino for s in sites}
    entries = {(s / "pagefind/pagefind-entry.json").stat().st_ino for s in sites}
    assert len(scripts) == 1 and len(entries) == len(sites)


def test_pages_every_audience_shares_are_one_copy(built: tuple[Path, BuildOptions]) -> None:
    """The rules and the guide are the same file in every committee's and chi bộ's site,
    with their search fragments; the header names the audience on its own pages only. The
    404 page is each site's own: it links from the site's path on the server."""
    _, options = built
    sites = [p.parent for p in options.out.glob("*/*/2025/index.html")]
    assert len(sites) > 3
    for rel in SAME_PAGES:
        assert len({(s / rel).stat().st_ino for s in sites}) == 1, rel
    assert len({(s / "404.html").read_bytes() for s in sites}) == len(sites)
    inodes: dict[str, set[int]] = {}
    for site in sites:
        for path in (site / "pagefind/fragment").iterdir():
            if (url := shared._fragment_url(path)) in ("quy-tac/", "huong-dan/"):
                inodes.setdefault(url, set()).add(path.stat().st_ino)
    assert {url: len(found) for url, found in inodes.items()} == {"quy-tac/": 1, "huong-dan/": 1}
    for site in sites:
        audience = "Cấp ủy " if "/cap-uy/" in str(site) else "Chi bộ "
        home = (site / "index.html").read_text("utf-8")
        assert f"Kiểm điểm {YEAR} · {audience}" in home
        assert (
            " · " not in (site / "quy-tac/index.html").read_text("utf-8").split("<title>")[1][:80]
        )


def test_deciders_index_agrees_with_the_authority_rules() -> None:
    root = Path(__file__).resolve().parents[2]
    rated = Pipeline(root).rate([YEAR])[YEAR]
    year = rated.year
    index = build_index(year, rated.verdicts)
    for mid in year.members:
        body = year.deciding_org_for_member(mid)
        assert body is not None
        assert mid in index.decided_members[body.id]
    for oid in year.orgs:
        body = year.deciding_org_for_org(oid)
        if body is not None:
            assert oid in index.decided_orgs[body.id]
    assert sum(map(len, index.decided_members.values())) == len(index.member_org)


DIGESTS = """
import json, sys
from pathlib import Path
from generator.pipeline import Pipeline
from generator.privacy import Scope
from generator.site import audiences, rating
from generator.site.audience_digest import digests_of
repo = Path(sys.argv[1])
full = rating.views(Pipeline(repo, cache=False).rate([2025]))[2025]
kinds = {Scope.CAP_UY, Scope.CHI_BO}
digest = digests_of(full, "", (), repo / "schema")
print(json.dumps({
    a.root: digest(a) for a in audiences.audiences_of(full.year, kinds, "", full.verdicts)
}))
"""


def test_site_digests_do_not_depend_on_the_process() -> None:
    """A digest is compared with one written by an earlier run: another process, another
    hash seed (set order) must give the same digest, or every build rebuilds everything."""
    root = Path(__file__).resolve().parents[2]
    runs = []
    for seed in ("1", "2"):
        proc = subprocess.run(
            [sys.executable, "-c", DIGESTS, str(root)],
            capture_output=True,
            text=True,
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        )
        runs.append(json.loads(proc.stdout))
    assert len(runs[0]) > 3 and runs[0] == runs[1]


def test_worker_processes_build_the_same_sites(
    built: tuple[Path, BuildOptions], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The forked workers (used from 8 sites a process up) build what one process builds:
    same sites, same digests."""
    repo, options = built
    monkeypatch.setattr(audience_sites, "MIN_SITES_PER_PROCESS", 1)
    out = repo.parent / "site-workers"
    parallel = build_site(
        dataclasses.replace(options, out=out, work=repo.parent / "work-workers", processes=2)
    )
    assert parallel.audience_sites and all(o.built for o in parallel.audience_sites)
    for outcome in parallel.audience_sites:
        mine = out / outcome.root / str(YEAR)
        theirs = options.out / outcome.root / str(YEAR)
        assert (mine / "index.html").is_file()
        assert (mine / DIGEST_FILE).read_text() == (theirs / DIGEST_FILE).read_text()


def _edit(repo: Path, member: str, change) -> None:  # type: ignore[no-untyped-def]
    path = next((repo / "submissions" / str(YEAR)).rglob(f"dang-vien/{member}.yaml"))
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def test_a_change_in_another_unit_rebuilds_none_of_their_sites(
    built: tuple[Path, BuildOptions],
) -> None:
    """A member of another đảng bộ cơ sở changes: their chi bộ's and committee's sites are
    rebuilt, MEMBER's chi bộ's and committee's are not (nor any other)."""
    repo, options = built
    build_site(options)  # whatever an earlier test left changed
    year = Pipeline(repo, cache=False).rate([YEAR])[YEAR].year
    other = next(
        m
        for m in sorted(year.members)
        if year.members[m].org_id != year.members[MEMBER].org_id
        and year.deciding_org_for_member(m) != year.deciding_org_for_member(MEMBER)
    )
    decider = year.deciding_org_for_member(other)
    assert decider is not None

    def change(data: dict) -> None:
        data["kiem_diem"]["uu_diem"] = "Một thay đổi ở đơn vị khác.\n"

    _edit(repo, other, change)
    rebuilt = {o.root for o in build_site(options).audience_sites if o.built}
    assert rebuilt == {f"chi-bo/{year.members[other].org_id}", f"cap-uy/{decider.id}"}


def test_a_template_change_rebuilds_every_site(built: tuple[Path, BuildOptions]) -> None:
    repo, options = built
    build_site(options)
    css = repo / "site_templates" / "assets" / "kiemdiem.css"
    css.write_text(css.read_text("utf-8") + "\n/* một thay đổi */\n", "utf-8")
    guide = repo / "site_templates" / "pages" / "guide.md.j2"  # a page every site shares
    guide.write_text(guide.read_text("utf-8") + "\nMột câu mới.\n", "utf-8")
    after = build_site(options)
    assert len(after.audience_sites) > 5 and all(o.built for o in after.audience_sites)
    # the shared pages' old copies went with the sites that linked them
    kept = [p for p in (options.out / STORE / "trang").rglob("*") if p.is_file()]
    assert kept and all(p.stat().st_nlink > 1 for p in kept)
    assert not [o for o in build_site(options).audience_sites if o.built]


def _shown(full: YearView, audience: Audience, schema_dir: Path) -> str:
    """What an audience's site is made of, redacted: the oracle the input digest must
    follow (every field of the view its pages read)."""
    view = audiences.audience_view(full, audience, schema_dir)
    year = view.year
    parts = (year.year, year.config, year.orgs, year.members, year.proposals,
             year.decisions, year.broken_members, view.verdicts, view.findings,
             view.member_scopes, view.disclosure, view._stats, view.cited,
             view.audience_title, view.ruleset_title, view.settings_doc, view.years)  # fmt: skip
    return hashlib.sha256(content_bytes(parts)).hexdigest()


def _both(repo: Path) -> dict[str, tuple[str, str]]:
    """Every committee's and chi bộ's site: (input digest, redacted view's digest)."""
    full = rating.views(Pipeline(repo, cache=False).rate([YEAR]))[YEAR]
    digest = digests_of(full, "static", (False, False), repo / "schema")
    kinds = {Scope.CAP_UY, Scope.CHI_BO}
    return {
        a.root: (digest(a), _shown(full, a, repo / "schema"))
        for a in audiences.audiences_of(full.year, kinds, "", full.verdicts)
    }


def _set(key: str, value: object):  # type: ignore[no-untyped-def]
    def change(data: dict) -> None:
        data[key] = value

    return change


@pytest.mark.parametrize(
    ("member", "change", "local"),
    [
        # what the chi bộ's and the committee's pages show of the member
        ("dv-103003", _set("chuc_vu", "Một chức vụ khác"), True),
        # committee-only health data: the verdict's reasons and the level change, so the
        # committees above count differently
        ("dv-103003", _set("nghi_om_thang", 9), True),
        # a member leaves the year: counts, lists, findings, the rules page's counts (on
        # every site)
        ("dv-101001", None, False),
    ],
)
def test_the_input_digest_changes_whenever_what_a_site_shows_changes(
    tmp_path: Path, member: str, change: object, local: bool
) -> None:
    """Exactness: any site whose redacted content changed has a changed digest; and a
    local change leaves the digests of the sites far from it alone."""
    repo = copy_sample(tmp_path / "repo", (YEAR - 1, YEAR))
    before = _both(repo)
    if change is None:
        next((repo / "submissions" / str(YEAR)).rglob(f"dang-vien/{member}.yaml")).unlink()
    else:
        _edit(repo, member, change)
    after = _both(repo)
    shown = {root for root in before if before[root][1] != after.get(root, ("", ""))[1]}
    digested = {root for root in before if before[root][0] != after.get(root, ("", ""))[0]}
    assert shown, "the change must show somewhere"
    assert shown <= digested, f"not rebuilt though changed: {sorted(shown - digested)}"
    if local:
        assert len(digested) < len(before) - 5, sorted(digested)
