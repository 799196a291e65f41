"""`check_repo`: check the years a set of paths touches, and filter what to show.

The whole of each touched year is loaded through `generator.pipeline` (cross-file checks
need it), with the year before for the rating's history; what is *shown* is narrowed to the
requested paths, the files changed since a Git ref, and findings elsewhere that those files
cause. A pull request's check loads only the changed files' scope when it can be bounded
(generator.check.scope: the same findings for the selection); a full load writes the year
index that scoped checks read (generator.check.yearindex).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.check import YearLoad, finding
from generator.check.filenames import unexpected
from generator.check.roster import roster_findings
from generator.check.scoped import Changes, scoped_load
from generator.check.yearindex import save_after_full_load
from generator.check.yearmap import Unbounded
from generator.findings import CheckResult, Finding, Position
from generator.pipeline import Pipeline
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
        if self.covers(f.path) or self.inside(f.path):
            return True
        related = f.extra.get("related", [])
        return isinstance(related, list) and any(self.covers(str(r)) for r in related)

    def inside(self, folder: str) -> bool:
        """A requested path lies inside `folder` (a folder that does not fit the tree
        concerns every file below it, in a pull request too)."""
        if self.paths is None or folder.endswith(".yaml"):
            return False
        return any(p.startswith(folder.rstrip("/") + "/") for p in self.paths)

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
    # a pull request's check: why the whole year was loaded ("" when only its scope was)
    full_load: str = ""


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
    changes: Changes | None = None,
    cache_home: Path | None = None,
) -> RepoCheck:
    """Check the years `selection` touches; findings are filtered to what it shows.

    With `changes` (a pull request's), only what the changed files can affect is loaded
    when that can be bounded (generator.check.scope), with the same findings.
    `cache_home`: reuse that checkout's outcomes by content, read only (Pipeline)."""
    selection = _widen(selection or Selection())
    pipeline = Pipeline(repo, cache_home=cache_home)
    full = CheckResult()
    out = RepoCheck(full)
    wanted = selection.years(pipeline.years())
    loaded = None
    if changes is not None:
        try:
            loaded = scoped_load(
                pipeline, selection, wanted, changes, ruleset=ruleset, rate=rate, progress=progress
            )
        except Unbounded as exc:
            out.full_load = str(exc)
    if loaded is None:
        # findings only: the year before (X3 history), not the later years (pipeline.span)
        sink: dict[int, YearLoad] = {}
        loaded = pipeline.load(
            wanted, rate=rate, final_levels=False, ruleset=ruleset, progress=progress, sink=sink
        )
        save_after_full_load(repo, sink)
    for rated in loaded:
        out.years[rated.number] = rated.year
    for y in wanted:
        rated = loaded[y]
        full.files_checked += sum(
            1
            for f in rated.year.files
            if selection.covers(f.path) and f.kind not in (layout.Kind.UNKNOWN, layout.Kind.SYMLINK)
        )
        full.extend(rated.result.findings)
    full.extend(_strays(repo, selection))
    roster = repo / layout.SUBMISSIONS / layout.ROSTER_FILE
    if roster.is_file() and selection.covers(f"{layout.SUBMISSIONS}/{layout.ROSTER_FILE}"):
        full.extend(roster_findings(repo, pipeline.schemas))
        full.files_checked += 1
    wanted_dirs = tuple(f"{layout.SUBMISSIONS}/{y}/" for y in wanted)
    for y in wanted:
        verdicts = loaded[y].verdicts
        if verdicts is not None:
            full.extend([f for f in verdicts.findings if f.path.startswith(wanted_dirs)])
    full.findings = [f for f in full.findings if selection.shows(f)]
    return out


def _strays(repo: Path, selection: Selection) -> list[Finding]:
    """The files outside every year folder: no year reads them, so none is counted."""
    out: list[Finding] = []
    for f in layout.strays(repo):
        if selection.covers(f.path) or selection.inside(f.path):
            if f.kind is layout.Kind.SYMLINK:
                out.append(finding("file-symlink", f.path, Position(1, 1)))
            else:
                out.append(unexpected(repo, f))
    return out


def resolve_paths(repo: Path, args: Iterable[str]) -> tuple[list[str], list[Finding]]:
    """Repository-relative forms of command-line paths, and findings for bad ones."""
    out: list[str] = []
    problems: list[Finding] = []
    for arg in args:
        rel = layout.resolve_inside(repo, Path(arg))
        if rel is None and not Path(arg).is_absolute():
            # a path as the repository names it (as every finding prints it), given with
            # --repo from another folder
            rel = layout.resolve_inside(repo, repo.absolute() / arg)
        if rel is None:
            problems.append(finding("path-outside-repo", arg, Position(1, 1), arg=arg))
        elif not (repo / rel).exists():
            problems.append(finding("path-not-found", rel, Position(1, 1), arg=arg))
        elif rel not in (".", layout.SUBMISSIONS) and not rel.startswith(f"{layout.SUBMISSIONS}/"):
            # README.md, schema/: nothing there is a record, so nothing would be checked
            years = layout.years(repo)
            example = f"{layout.SUBMISSIONS}/{years[-1]}" if years else layout.SUBMISSIONS
            problems.append(
                finding("path-outside-submissions", rel, Position(1, 1), arg=arg, example=example)
            )
        else:
            out.append("" if rel == "." else rel)
    return [p if p else layout.SUBMISSIONS for p in out], problems
