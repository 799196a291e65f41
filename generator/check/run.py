"""`check_repo`: check the years a set of paths touches, and filter what to show.

The whole of each touched year is always loaded (cross-file checks need it, and a year
of 3,754 members loads in about a second); what is *shown* is narrowed to the requested
paths, the files changed since a Git ref, and findings elsewhere that those files cause.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.check import finding, load_year
from generator.check.schemas import SchemaSet
from generator.findings import CheckResult, Finding, Position
from generator.submissions import layout
from generator.submissions.year import Year


@dataclass
class Selection:
    """Which files the user asked about; None means everything."""

    paths: list[str] | None = None  # repository-relative files or folders

    def covers(self, path: str) -> bool:
        if self.paths is None:
            return True
        return any(path == p or path.startswith(p.rstrip("/") + "/") for p in self.paths)

    def shows(self, f: Finding) -> bool:
        if self.covers(f.path):
            return True
        related = f.extra.get("related", [])
        return isinstance(related, list) and any(self.covers(str(r)) for r in related)

    def years(self, all_years: list[int]) -> list[int]:
        if self.paths is None:
            return all_years
        chosen = set()
        for p in self.paths:
            parts = p.split("/")
            if parts[0] != layout.SUBMISSIONS:
                continue
            if len(parts) == 1:
                return all_years
            if layout.YEAR_RE.fullmatch(parts[1]) and int(parts[1]) in all_years:
                chosen.add(int(parts[1]))
        return sorted(chosen)


@dataclass
class RepoCheck:
    result: CheckResult
    years: dict[int, Year] = field(default_factory=dict)


def _widen(selection: Selection) -> Selection:
    """A changed year file concerns every file of its year."""
    if selection.paths is None:
        return selection
    extra = []
    for p in selection.paths:
        parts = p.split("/")
        if len(parts) == 3 and parts[2] == layout.YEAR_FILE:
            extra.append("/".join(parts[:2]))
    return Selection([*selection.paths, *extra])


def check_repo(
    repo: Path,
    selection: Selection | None = None,
    *,
    ruleset: str | None = None,
    rate: bool = True,
    progress: Callable[[int, int, int], None] | None = None,
) -> RepoCheck:
    """Check the years `selection` touches; findings are filtered to what it shows."""
    selection = _widen(selection or Selection())
    schemas = SchemaSet(repo / "schema")
    full = CheckResult()
    out = RepoCheck(full)
    all_years = layout.years(repo)
    wanted = selection.years(all_years)
    # rating needs earlier years too (2 năm liền KHTNV, re-ratings): load every year up to
    # the newest wanted one, but only count the wanted ones' files
    to_load = [y for y in all_years if wanted and y <= max(wanted)] if rate else wanted
    for y in to_load:
        year, result = load_year(
            repo,
            y,
            schemas=schemas,
            ruleset=ruleset if y in wanted else None,
            progress=(lambda done, total, y=y: progress(y, done, total)) if progress else None,  # type: ignore[misc]
        )
        out.years[y] = year
        if y in wanted:
            full.files_checked += sum(
                1
                for f in year.files
                if selection.covers(f.path)
                and f.kind not in (layout.Kind.UNKNOWN, layout.Kind.SYMLINK)
            )
            full.extend(result.findings)
    roster = repo / layout.SUBMISSIONS / layout.ROSTER_FILE
    if roster.is_file() and selection.covers(f"{layout.SUBMISSIONS}/{layout.ROSTER_FILE}"):
        full.extend(_check_roster(repo, schemas))
        full.files_checked += 1
    if rate and out.years:
        wanted_dirs = {f"{layout.SUBMISSIONS}/{w}" for w in wanted}
        full.extend(
            [
                f
                for f in _rating_findings(out.years)
                if any(f.path.startswith(d + "/") for d in wanted_dirs)
            ]
        )
    full.findings = [f for f in full.findings if selection.shows(f)]
    return out


def _check_roster(repo: Path, schemas: SchemaSet) -> list[Finding]:
    from generator.check import read_document

    rel = f"{layout.SUBMISSIONS}/{layout.ROSTER_FILE}"
    result = CheckResult()
    doc = read_document(repo, layout.SubmissionFile(rel, layout.Kind.ROSTER, None), result)
    if doc is not None:
        result.extend(schemas.validate(layout.Kind.ROSTER, doc, rel, None))
    return result.findings


def _rating_findings(years: dict[int, Year]) -> list[Finding]:
    """Findings of the rating engine for deciding bodies (quota, ceiling, head cap...)."""
    try:
        from generator.rules import rate_years
    except ImportError:  # the rating engine is not installed in this build
        return []
    verdicts = rate_years(years)
    return [f for v in verdicts.values() for f in v.findings]


def resolve_paths(repo: Path, args: Iterable[str]) -> tuple[list[str], list[Finding]]:
    """Repository-relative forms of command-line paths, and findings for bad ones."""
    out: list[str] = []
    problems: list[Finding] = []
    for arg in args:
        rel = layout.resolve_inside(repo, Path(arg))
        if rel is None:
            problems.append(finding("path-outside-repo", arg, Position(1, 1), arg=arg))
        elif not (repo / rel).exists():
            problems.append(finding("path-not-found", rel, Position(1, 1), arg=arg))
        else:
            out.append("" if rel == "." else rel)
    return [p if p else layout.SUBMISSIONS for p in out], problems
