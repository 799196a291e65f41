"""What a deletion or a move does to the rest of its year, shown on the pull request.

`check --changed-since` shows the findings of the changed files and of files that name
them. A deleted or moved review leaves no file to show, yet it can leave proposals and
decisions pointing nowhere and change the year's counts. So when a change deletes or
moves files under submissions/, the touched years are checked twice — as they were at
the base commit (extracted with `git archive`, never checked out) and as they are now —
the base's check reusing, by content, the outcomes the check of now just cached — and
every finding that is new (by code, file and message) is reported, with a warning
for each organization whose member count changes.
"""

from __future__ import annotations

import dataclasses
import io
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

from generator import gitrepo
from generator.check.run import RepoCheck, Selection, check_repo
from generator.findings import Finding, Position, make
from generator.forge.judge import Judgement
from generator.submissions import layout


def _gone(judgement: Judgement) -> list[str]:
    return [
        c.old_path or c.path
        for c in judgement.submissions
        if c.status in ("D", "R") and (c.old_path or c.path).startswith(layout.SUBMISSIONS + "/")
    ]


def _base_repo(repo: Path, base: str, years: list[int], dest: Path) -> list[int]:
    """Extract schema/ and the years up to the newest of `years` (earlier years feed the
    rating's history) at `base` into `dest`; returns those of `years` that existed."""
    names = gitrepo.list_tree(repo, base, layout.SUBMISSIONS)
    at_base = sorted(int(n) for n in names if layout.YEAR_RE.fullmatch(n))
    had = [y for y in years if y in at_base]
    paths = ["schema", *(f"{layout.SUBMISSIONS}/{y}" for y in at_base if y <= max(years))]
    raw = gitrepo.archive(repo, base, paths)
    with tarfile.open(fileobj=io.BytesIO(raw)) as tar:
        tar.extractall(dest, filter="data")
    return had


def _counts(check: RepoCheck, year: int) -> dict[str, tuple[str, int]]:
    y = check.years.get(year)
    if y is None:
        return {}
    return {org_id: (org.name, len(org.member_ids)) for org_id, org in y.orgs.items()}


def consequences(
    repo: Path, judgement: Judgement, *, ruleset: str | None = None, rate: bool = True
) -> list[Finding]:
    """New findings elsewhere, and changed counts, caused by deletions and moves."""
    gone = _gone(judgement)
    if not gone:
        return []
    years = sorted({y for p in gone if (y := layout.classify(p).year) is not None})
    changed = {p for c in judgement.changes for p in (c.path, c.old_path) if p}
    # now first: this check fills the working tree's cache, which the base's then borrows
    now_years = [y for y in years if (repo / layout.SUBMISSIONS / str(y)).is_dir()]
    after = check_repo(
        repo,
        Selection([f"{layout.SUBMISSIONS}/{y}" for y in now_years]),
        ruleset=ruleset,
        rate=rate,
    )
    with tempfile.TemporaryDirectory(prefix="kiemdiem-base-") as tmp:
        base_repo = Path(tmp)
        had = _base_repo(repo, judgement.base, years, base_repo)
        wanted = Selection([f"{layout.SUBMISSIONS}/{y}" for y in had])
        # the base's files are mostly the working tree's, byte for byte: their outcomes
        # come from the working tree's cache (by content), so only what changed is parsed
        before = check_repo(base_repo, wanted, ruleset=ruleset, rate=rate, cache_home=repo)
    seen = Counter((f.code, f.path, f.message) for f in before.result.findings)
    out: list[Finding] = []
    for f in after.result.findings:
        key = (f.code, f.path, f.message)
        if seen[key]:
            seen[key] -= 1
            continue
        if f.path in changed:
            continue  # shown by the check of the changed files itself
        earlier = f.extra.get("related")
        related = [*(map(str, earlier) if isinstance(earlier, list) else []), *gone]
        out.append(dataclasses.replace(f, extra={**f.extra, "related": related}))
    for y in years:
        old, new = _counts(before, y), _counts(after, y)
        where = next(p for p in gone if layout.classify(p).year == y)
        for org_id in sorted(old.keys() | new.keys()):
            name, n_old = old.get(org_id, ("", 0))
            name, n_new = new.get(org_id, (name, 0))
            if n_old != n_new:
                out.append(
                    make(
                        "change-count",
                        where,
                        Position(1, 1),
                        org_label=name or "tổ chức",
                        org=org_id,
                        before=n_old,
                        after=n_new,
                        year=y,
                    )
                )
    return out
