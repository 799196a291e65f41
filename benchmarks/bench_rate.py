"""Benchmark: rate a synthetic 3,754-member year (target: under 1 s after loading).

    python benchmarks/bench_rate.py [--members 3754] [--ruleset qd366-hd43] [--repeat 3]

Generates the year with `generator.synthetic.generate` in a temporary folder, loads it
with `generator.check.load_year`, then times `rate_year` alone (best of --repeat), and
the statistics on top, printing the numbers.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.check import load_year  # noqa: E402
from generator.check.schemas import SchemaSet  # noqa: E402
from generator.rules import rate_year  # noqa: E402
from generator.statistics import year_statistics  # noqa: E402
from generator.synthetic import generate  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--members", type=int, default=3754)
    p.add_argument("--grassroots", type=int, default=48)
    p.add_argument("--chi-bo", type=int, default=177)
    p.add_argument("--year", type=int, default=2025)
    p.add_argument("--ruleset", default="qd366-hd43")
    p.add_argument("--repeat", type=int, default=3)
    args = p.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="kiemdiem-bench-"))
    try:
        shutil.copytree(REPO / "schema", tmp / "schema")
        t0 = time.perf_counter()
        summary = generate(
            tmp,
            year=args.year,
            ruleset=args.ruleset,
            grassroots=args.grassroots,
            chi_bo=args.chi_bo,
            members=args.members,
        )
        t1 = time.perf_counter()
        year, result = load_year(tmp, args.year, schemas=SchemaSet(tmp / "schema"))
        t2 = time.perf_counter()
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            verdicts = rate_year(year)
            times.append(time.perf_counter() - start)
        start = time.perf_counter()
        year_statistics(year, verdicts)
        t_stats = time.perf_counter() - start
        print(
            f"ruleset {args.ruleset}, year {args.year}: {len(year.members)} members, "
            f"{len(year.orgs)} organizations, {summary.files} files"
        )
        print(f"generate      {t1 - t0:7.3f} s")
        print(f"load_year     {t2 - t1:7.3f} s  ({len(result.findings)} load findings)")
        print(
            f"rate_year     {min(times):7.3f} s  best of {args.repeat} "
            f"({', '.join(f'{x:.3f}' for x in times)})  target < 1 s"
        )
        print(f"statistics    {t_stats:7.3f} s")
        print(
            f"verdicts: {len(verdicts.members)} members, {len(verdicts.orgs)} organizations, "
            f"{len(verdicts.findings)} rating findings "
            f"({sorted({f.code for f in verdicts.findings})})"
        )
        return 0 if min(times) < 1.0 else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
