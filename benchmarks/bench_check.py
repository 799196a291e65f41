"""Benchmark: `kiemdiem check` of a synthetic district vs check-jsonschema on its members.

    python benchmarks/bench_check.py [--members 3754] [--keep DIR]

Builds a deterministic synthetic year (generator.synthetic, seed 0) in a temporary
repository with this repository's schemas, then, in one run:

1. `kiemdiem check` of the whole year (load, schema + ruleset overlay, cross-file checks,
   the rating engine's checks), as a separate process;
2. `check-jsonschema` over the same member files with the same member schema.

Prints both wall times, the ratio, and each process's peak memory (max RSS). Targets
(issue 2): kiemdiem at least 10x faster than check-jsonschema, and under 5 s.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import synthetic  # noqa: E402

_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "dt = time.perf_counter() - t\n"
    "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(dt, rss, p.returncode)\n"
    "sys.stderr.write(p.stderr.decode(errors='replace')[-2000:])\n"
)


def measure(cmd: list[str], cwd: Path) -> tuple[float, int, int]:
    """(seconds, peak RSS in MiB, exit code) of `cmd` run in a fresh child process."""
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *cmd], cwd=cwd, capture_output=True, text=True, check=True
    )
    seconds, rss_kib, code = out.stdout.split()
    if int(code) not in (0, 1):
        raise SystemExit(f"{cmd[0]} failed ({code}):\n{out.stderr}")
    return float(seconds), int(rss_kib) // 1024, int(code)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--members", type=int, default=3754)
    parser.add_argument("--grassroots", type=int, default=48)
    parser.add_argument("--chi-bo", type=int, default=177)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--ruleset", default="qd366-hd43")
    parser.add_argument("--keep", type=Path, help="build the synthetic repository here and keep it")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="kiemdiem-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        if (work / "schema").exists():
            shutil.rmtree(work / "schema")
        shutil.copytree(ROOT / "schema", work / "schema")
        if (work / "submissions").exists():
            shutil.rmtree(work / "submissions")
        synthetic.generate(
            work,
            year=args.year,
            ruleset=args.ruleset,
            grassroots=args.grassroots,
            chi_bo=args.chi_bo,
            members=args.members,
            seed=0,
        )
        members = sorted((work / "submissions" / str(args.year)).rglob("dang-vien/*.yaml"))
        print(
            f"synthetic year: {len(members)} member files ({time.perf_counter() - started:.1f} s to write)"
        )

        kd_time, kd_rss, kd_code = measure(
            [sys.executable, "-m", "generator", "--repo", str(work), "check", "--format", "json"],
            ROOT,
        )
        list_file = work / "members.txt"
        list_file.write_text("\n".join(str(m) for m in members))
        cj = shutil.which("check-jsonschema")
        if cj is None:
            raise SystemExit("check-jsonschema is not installed: pip install -e '.[test]'")
        cj_time, cj_rss, cj_code = measure(
            [
                cj,
                "--schemafile",
                str(work / "schema" / "dang-vien.schema.json"),
                *map(str, members),
            ],
            work,
        )
        print(
            json.dumps(
                {
                    "members": len(members),
                    "kiemdiem_check_s": round(kd_time, 2),
                    "kiemdiem_peak_mib": kd_rss,
                    "kiemdiem_exit": kd_code,
                    "check_jsonschema_s": round(cj_time, 2),
                    "check_jsonschema_peak_mib": cj_rss,
                    "check_jsonschema_exit": cj_code,
                    "ratio": round(cj_time / kd_time, 1),
                },
                indent=2,
            )
        )
        print(
            f"kiemdiem check {kd_time:.2f} s ({kd_rss} MiB) vs check-jsonschema {cj_time:.2f} s "
            f"({cj_rss} MiB): {cj_time / kd_time:.1f}x faster "
            f"[targets: >= 10x, < 5 s: {'met' if cj_time / kd_time >= 10 and kd_time < 5 else 'NOT met'}]"
        )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
