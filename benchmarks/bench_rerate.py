"""Benchmark: the rate step alone, full vs reused after one changed member file.

    python benchmarks/bench_rerate.py [--members 20000] [--repeat 3]
    python benchmarks/bench_rerate.py --repo /work/perf/me/r100k    # an existing copy

Generates a deterministic synthetic province (`generator.synthetic`, year 2025,
qd366-hd43) in a temporary folder, or uses --repo (a copy you may write into: the load
and rating caches go to its .kiemdiem-cache/, one member file is changed and restored).
Loads the years once (not timed), then times, with the collector paused as
`Pipeline.load` does:

- full: `rate_years(years)` — every member and organization rated from scratch;
- serve: after one member file changed and the years were loaded again, `rate_years(years,
  reuse=memo)` with the memo kept in memory since the last rating (`kiemdiem serve`);
- build: the same from a fresh memo read from .kiemdiem-cache/ (read + rate + a patch: what
  `kiemdiem build` pays in a fresh process).

Both reused ratings are compared with a full rating of the changed years (final levels,
reasons and findings); the ratios reused/full are printed.
"""

from __future__ import annotations

import argparse
import gc
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.pipeline import Pipeline  # noqa: E402
from generator.rules import RatingMemo, YearVerdicts, rate_years  # noqa: E402
from generator.rules.qd366_hd43 import _banded  # noqa: E402
from generator.submissions.year import Year  # noqa: E402
from generator.synthetic import generate  # noqa: E402


def load(repo: Path) -> dict[int, Year]:
    rated = Pipeline(repo).load(rate=False)
    return {y: r.year for y, r in rated.years.items()}


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    _banded.cache_clear()  # as in a fresh process: the rules' own memo starts empty
    gc.disable()
    try:
        start = time.perf_counter()
        value = fn()
        return time.perf_counter() - start, value
    finally:
        gc.enable()


def summary(rated: dict[int, YearVerdicts]) -> list[Any]:
    return [
        (y, k, v.final, [r.text for r in v.reasons], [r.text for r in v.flags])
        for y, yv in rated.items()
        for k, v in [*yv.members.items(), *yv.orgs.items()]
    ] + [(f.code, f.path, f.message) for yv in rated.values() for f in yv.findings]


def change_one(repo: Path, index: int) -> tuple[Path, str]:
    """Lower one member's task score (its verdict changes); returns the file and its text."""
    members = sorted((repo / "submissions" / "2025").rglob("dang-vien/*.yaml"))
    scored = [p for p in members if "  ket_qua_nhiem_vu: " in p.read_text("utf-8")]
    path = scored[index % len(scored)]
    text = path.read_text("utf-8")
    changed = re.sub(
        r"^(  ket_qua_nhiem_vu: )(\d+)",
        lambda m: f"{m.group(1)}{max(int(m.group(2)) - 25, 0)}",
        text,
        count=1,
        flags=re.M,
    )
    path.write_text(changed, "utf-8")
    return path, text


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--members", type=int, default=20000)
    p.add_argument("--repo", type=Path, help="an existing repository copy (written into)")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--index", type=int, default=0, help="which member file to change")
    args = p.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="kiemdiem-rerate-"))
    repo: Path = args.repo or tmp
    try:
        if args.repo is None:
            shutil.copytree(REPO / "schema", tmp / "schema")
            n = args.members
            generate(
                tmp,
                year=2025,
                ruleset="qd366-hd43",
                grassroots=max(n // 400, 4),
                chi_bo=max(n // 17, 9),
                members=n,
            )
        years = load(repo)
        size = sum(len(y.members) for y in years.values())
        fulls = [timed(lambda: rate_years(years))[0] for _ in range(args.repeat)]
        memo = RatingMemo()
        rate_years(years, reuse=memo)
        memo.save(repo)
        path, before = change_one(repo, args.index)
        try:
            years = load(repo)
            full_time, full = timed(lambda: rate_years(years))
            serve_time, served = timed(lambda: rate_years(years, reuse=memo))
            hits = sum(c.hits for c in memo.last.values())
            misses = sum(c.misses for c in memo.last.values())
            fresh: list[RatingMemo] = []

            def build() -> dict[int, YearVerdicts]:
                fresh.append(RatingMemo.load(repo, list(years)))
                out = rate_years(years, reuse=fresh[0])
                fresh[0].changed.update(years)  # written as after a change (a patch)
                fresh[0].save(repo)
                return out

            build_time, built = timed(build)
        finally:
            path.write_text(before, "utf-8")
        same = summary(full) == summary(served) == summary(built)
        best = min([*fulls, full_time])
        print(f"{size} members in {len(years)} year(s); changed {path.relative_to(repo)}")
        print(f"full rating      {best:7.3f} s  best of {len(fulls) + 1}")
        print(
            f"serve (memory)   {serve_time:7.3f} s  ratio {serve_time / best:.2f}  "
            f"({hits} reused, {misses} rated)"
        )
        print(
            f"build (disk)     {build_time:7.3f} s  ratio {build_time / best:.2f}  (read+rate+write)"
        )
        print(f"same result as a full rating: {same}")
        return 0 if same else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
