"""Benchmark: `kiemdiem check` vs check-jsonschema on the same synthetic files.

    python benchmarks/bench_check.py                       # 3,754 and 20,000 members
    python benchmarks/bench_check.py --members 100000 --data /work/data/province-100k

For each size, a deterministic synthetic year (generator.synthetic, seed 0; or a copy of
`--data`, a repository written by `python -m generator.synthetic`) is checked, in one run:

1. `kiemdiem check`, cold (no cache: every file read, in worker processes on a large year;
   the files in the page cache, as after a checkout, and written out to disk first);
2. `kiemdiem check`, warm (every outcome from `.kiemdiem-cache/`);
3. a pull request changing 5 member files: `kiemdiem check --changed-since HEAD~1` in the
   Git repository (committed before step 1, so the full checks wrote the year index) whose
   last commit changed them, with the cache warm from before — both sides in one run: the
   scoped check (only what the changed files can affect, generator/check/scope.py) and the
   same check loading the whole year (`KIEMDIEM_PR_SCOPE=off`, as before), their ratio, and
   whether their reports are byte-identical;
4. `check-jsonschema` over the member files with the member schema (the anchor). It takes
   ~10 ms a file; with `--anchor-sample N` it checks every k-th member file (N of them)
   and its time is scaled to all of them — the output says so.

Prints wall time (and, for the pull request, CPU time: the machine is often shared), peak
memory (the sum of the resident memory of the process and its
workers, sampled every 20 ms) and the ratio. Targets (issue 11): at 100,000 members on
2 cores, a full check <= 15 s and <= 1 GB; a 5-file pull request <= 3 s with a warm cache.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from installed import as_installed  # noqa: E402

from generator import synthetic  # noqa: E402

# (TCCSĐ, chi bộ, members) per size; 3,754 is the seed's district
SIZES = {3754: (48, 177, 3754), 20000: (260, 1000, 20000), 100000: (1300, 5000, 100_000)}


BATCH = 4000  # files per check-jsonschema command line (the argument list has a limit)
_BATCHES = (
    "import json, subprocess, sys\n"
    "codes = [subprocess.run([sys.argv[1], '--schemafile', sys.argv[2], *b],"
    " stdout=subprocess.DEVNULL).returncode for b in json.loads(open(sys.argv[3]).read())]\n"
    "sys.exit(max(codes))\n"
)


def _tree_rss_kib(pid: int) -> int:
    """Resident memory of `pid` and its descendants (Linux /proc)."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{p}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


def measure(
    cmd: list[str], cwd: Path, *, env: dict[str, str] | None = None, out: Path | None = None
) -> tuple[float, int, int, float]:
    """(seconds, peak MiB of the process tree, exit code, CPU seconds of the process tree)
    of `cmd` (its output to `out`). The CPU time does not grow when other jobs share the
    cores; the wall time does."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    handle = out.open("wb") if out is not None else None
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        stdout=handle if handle is not None else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
    )
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss_kib(proc.pid))
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    if handle is not None:
        handle.close()
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd[:4]} failed ({proc.returncode}):\n{err[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, peak // 1024, proc.returncode, cpu


def _git(work: Path, *args: str) -> None:
    # no automatic `git gc`: after committing 100,000 files it repacks them in the
    # background, on one of the cores the cold check is measured on (25 s instead of ~16)
    subprocess.run(["git", "-c", "gc.auto=0", *args], cwd=work, check=True, capture_output=True)


def prepare(work: Path, members: int, data: Path | None, year: int) -> list[Path]:
    if data is not None:
        shutil.copytree(data / "submissions", work / "submissions", symlinks=True)
    else:
        g, c, n = SIZES.get(members) or (max(1, members // 80), max(1, members // 20), members)
        synthetic.generate(work, year=year, ruleset="qd366-hd43", grassroots=g, chi_bo=c,
                           members=n, seed=0)  # fmt: skip
    shutil.copytree(ROOT / "schema", work / "schema", dirs_exist_ok=True)
    return sorted((work / "submissions" / str(year)).rglob("dang-vien/*.yaml"))


def kiemdiem(work: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "generator", "--repo", str(work), "check", *args]


def commit_base(work: Path) -> None:
    """The tree as the base commit of a Git repository (as the project's data lives)."""
    (work / ".gitignore").write_text("/.kiemdiem-cache/\n")  # as in the project's repository
    _git(work, "init", "-q")
    _git(work, "add", "-A")
    _git(work, "-c", "user.name=b", "-c", "user.email=b@b", "commit", "-qm", "base")


def pull_request(work: Path, members: list[Path]) -> None:
    """Commit a change to 5 member files (a space in a name line)."""
    step = max(1, len(members) // 5)
    for path in members[::step][:5]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("ho_ten: ", "ho_ten:  ", 1), encoding="utf-8")
    _git(work, "-c", "user.name=b", "-c", "user.email=b@b", "commit", "-qam", "pr")


def run_size(members: int, data: Path | None, year: int, sample: int | None) -> dict:
    work = Path(tempfile.mkdtemp(prefix="kiemdiem-bench-"))
    try:
        started = time.perf_counter()
        files = prepare(work, members, data, year)
        print(f"{len(files)} member files ready in {time.perf_counter() - started:.1f} s",
              flush=True)  # fmt: skip
        commit_base(work)
        # the copy and Git's objects are written out before the cold check starts (else it
        # may measure the disk's writeback of them as well)
        started = time.perf_counter()
        os.sync()
        print(f"written to disk in {time.perf_counter() - started:.1f} s", flush=True)
        cold = measure(kiemdiem(work, "--format", "json"), ROOT)
        warm = measure(kiemdiem(work, "--format", "json"), ROOT)
        pull_request(work, files)
        pr_args = kiemdiem(work, "--changed-since", "HEAD~1", "--format", "json")
        pr = measure(pr_args, ROOT, out=work / "pr-scoped.json")
        pr_full = measure(
            pr_args, ROOT, env={"KIEMDIEM_PR_SCOPE": "off"}, out=work / "pr-full.json"
        )
        same = (work / "pr-scoped.json").read_bytes() == (work / "pr-full.json").read_bytes()
        anchor_files = (
            files if not sample or sample >= len(files) else files[:: len(files) // sample]
        )
        cj = shutil.which("check-jsonschema")
        if cj is None:
            raise SystemExit("check-jsonschema is not installed: pip install -e '.[test]'")
        schema = str(work / "schema" / "dang-vien.schema.json")
        batches = [list(map(str, anchor_files[k : k + BATCH]))
                   for k in range(0, len(anchor_files), BATCH)]  # fmt: skip
        (work / "anchor.json").write_text(json.dumps(batches))
        anchor = measure(
            [sys.executable, "-c", _BATCHES, cj, schema, str(work / "anchor.json")], work
        )
        scale = len(files) / len(anchor_files)
        return {
            "members": len(files),
            "cores": len(os.sched_getaffinity(0)),
            "kiemdiem_cold_s": round(cold[0], 2),
            "kiemdiem_cold_peak_mib": cold[1],
            "kiemdiem_warm_s": round(warm[0], 2),
            "kiemdiem_warm_peak_mib": warm[1],
            "kiemdiem_pr5_warm_s": round(pr[0], 2),
            "kiemdiem_pr5_peak_mib": pr[1],
            "kiemdiem_pr5_cpu_s": round(pr[3], 2),
            "kiemdiem_pr5_full_load_s": round(pr_full[0], 2),
            "kiemdiem_pr5_full_load_cpu_s": round(pr_full[3], 2),
            "kiemdiem_pr5_full_load_peak_mib": pr_full[1],
            "pr5_ratio": round(pr_full[0] / pr[0], 1),
            "pr5_same_report": same,
            "check_jsonschema_s": round(anchor[0] * scale, 2),
            "check_jsonschema_files": len(anchor_files),
            "check_jsonschema_scaled": scale != 1,
            "check_jsonschema_peak_mib": anchor[1],
            "ratio_cold": round(anchor[0] * scale / cold[0], 1),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--members", type=int, action="append",
                        help="sizes to run (default: 3754 and 20000)")  # fmt: skip
    parser.add_argument("--data", type=Path, help="use this synthetic repository's submissions/")
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--anchor-sample", type=int, default=None,
                        help="check-jsonschema on this many member files, scaled to all")  # fmt: skip
    args = parser.parse_args()
    as_installed()
    for members in args.members or [3754, 20000]:
        r = run_size(members, args.data, args.year, args.anchor_sample)
        print(json.dumps(r, indent=2), flush=True)
        anchor = (
            "scaled from " + str(r["check_jsonschema_files"])
            if r["check_jsonschema_scaled"]
            else "all files"
        )
        print(
            f"{r['members']} members: kiemdiem check {r['kiemdiem_cold_s']} s cold "
            f"({r['kiemdiem_cold_peak_mib']} MiB), {r['kiemdiem_warm_s']} s warm; check-jsonschema "
            f"{r['check_jsonschema_s']} s ({anchor}): {r['ratio_cold']}x",
            flush=True,
        )
        print(
            f"{r['members']} members: 5-file pull request {r['kiemdiem_pr5_warm_s']} s scoped "
            f"({r['kiemdiem_pr5_cpu_s']} s CPU, {r['kiemdiem_pr5_peak_mib']} MiB) vs "
            f"{r['kiemdiem_pr5_full_load_s']} s loading the whole year "
            f"({r['kiemdiem_pr5_full_load_cpu_s']} s CPU, "
            f"{r['kiemdiem_pr5_full_load_peak_mib']} MiB): {r['pr5_ratio']}x; "
            f"same report: {'yes' if r['pr5_same_report'] else 'NO'}",
            flush=True,
        )


if __name__ == "__main__":
    main()
