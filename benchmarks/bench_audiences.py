"""Benchmark: the committees' and chi bộ's own sites (issue 14) at province size (issue 11).

    python benchmarks/bench_audiences.py [--sizes 3754 20000] [--data 100000=DIR]
                                         [--anchor-max 20000] [--anchor-jobs 3] [--keep DIR]

For each size, in one run, on the deterministic synthetic post-2025 province of
benchmarks/bench_build.py (1,300 grassroots organizations and 5,000 chi bộ per 100,000
members, so ~1.25 committee or chi bộ sites per 20 members):

- full: `kiemdiem build --year Y` with every audience (the default `--pham-vi`), from an
  empty output folder: the organization's site, then every committee's and chi bộ's site
  (generator.site.audience_sites: worker processes, shared theme, one copy of its files);
- incremental: one member's review text changed, the same command again: the sites whose
  digest changed are rebuilt (their chi bộ's and their committee's), the rest kept;
- anchor (up to --anchor-max members): one job per committee (`kiemdiem build --pham-vi
  cap-uy,chi-bo --chi-mot ORG`, each a process that loads and rates the whole year and
  builds that body's sites, not the organization's); --anchor-jobs such jobs are timed
  and the mean is scaled to every site.

Printed per size: wall time of the whole build and of the audience sites alone (the CLI's
own clock), seconds per audience site, the incremental run and how many sites it rebuilt,
site bytes on disk (hard links counted once) against the bytes a copy without links would
take, bytes per member, the largest page; and the anchor's scaled time with the ratio.
Targets (issue 11): full build ≤ 120 s and one changed file → ≤ 10 s at 100,000 members,
≤ 6 KB of site per member, no page over 500 KB.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import yaml  # noqa: E402
from bench_build import YEAR, prepare, run  # noqa: E402
from installed import as_installed  # noqa: E402

MB = 1024 * 1024
AUDIENCE_LINE = re.compile(
    r"Trang cấp ủy và chi bộ: (\d+) trang trong ([\d.]+) s, dựng lại (\d+), (\d+) không thay đổi"
    r"(?: \(kiểm tra thay đổi ([\d.]+) s\))?"
)


def build(repo: Path, out: Path, *extra: str) -> tuple[float, float, dict[str, float]]:
    """(wall seconds, peak MiB, {"sites", "audience_s", "rebuilt"}) of one `kiemdiem build`."""
    cmd = [sys.executable, "-m", "generator", "--repo", str(repo), "build",
           "--year", str(YEAR), "--out", str(out), *extra]  # fmt: skip
    wall, peak, stdout = run(cmd, ROOT)
    match = AUDIENCE_LINE.search(stdout)
    parsed = {"sites": 0.0, "audience_s": 0.0, "rebuilt": 0.0, "check_s": 0.0}
    if match:
        parsed = {"sites": float(match[1]), "audience_s": float(match[2]),
                  "rebuilt": float(match[3]), "check_s": float(match[5] or 0)}  # fmt: skip
    return wall, peak, parsed


def disk(site: Path) -> dict[str, float]:
    """Bytes on disk (each inode once), bytes a copy without links takes, largest page."""
    seen: set[int] = set()
    unique = apparent = largest = 0
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        st = path.stat()
        apparent += st.st_size
        if st.st_ino not in seen:
            seen.add(st.st_ino)
            unique += st.st_size
        if path.suffix == ".html":
            largest = max(largest, st.st_size)
    return {"unique": unique, "apparent": apparent, "largest": largest}


def change_one_member(repo: Path) -> str:
    path = sorted((repo / "submissions" / str(YEAR)).rglob("dang-vien/*.yaml"))[0]
    data = yaml.safe_load(path.read_text("utf-8"))
    review = data.setdefault("kiem_diem", {})
    review["uu_diem"] = f"{review.get('uu_diem') or ''}Đã bổ sung sau khi họp chi bộ.\n"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path.stem


def anchor(repo: Path, work: Path, jobs: int) -> float:
    """Mean seconds per audience site of one-job-per-committee builds (`--chi-mot`)."""
    committees = sorted(p.name for p in (work / "full" / "cap-uy").iterdir())[:jobs]
    total = sites = 0.0
    for org in committees:
        out = work / f"anchor-{org}"
        wall, _, parsed = build(repo, out, "--pham-vi", "cap-uy,chi-bo", "--chi-mot", org)
        total += wall
        sites += max(parsed["sites"], 1)
        shutil.rmtree(out, ignore_errors=True)
    return total / sites


def run_size(members: int, work: Path, data: dict[int, Path], args: argparse.Namespace) -> dict:
    repo = prepare(members, work, data)
    out = work / "full"
    wall, peak, full = build(repo, out)
    row: dict = {"members": members, "wall": wall, "peak": peak, **full}
    row.update(disk(out))
    audience_dirs = [out / "cap-uy", out / "chi-bo", out / ".kiemdiem-chung"]
    row["audience_unique"] = sum(disk(d)["unique"] for d in audience_dirs if d.is_dir())
    row["audience_apparent"] = sum(disk(d)["apparent"] for d in audience_dirs if d.is_dir())
    row["changed"] = change_one_member(repo)
    row["inc_wall"], _, inc = build(repo, out)
    row["inc_audience_s"], row["inc_rebuilt"] = inc["audience_s"], inc["rebuilt"]
    row["inc_check_s"] = inc["check_s"]
    if members <= args.anchor_max:
        row["anchor_per_site"] = anchor(repo, work, args.anchor_jobs)
    shutil.rmtree(work / f"repo-{members}", ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    return row


def report(rows: list[dict]) -> None:
    print(f"{'members':>8} {'sites':>6} | {'build s':>8} {'sites s':>8} {'s/site':>7} "
          f"{'peak MiB':>8} | {'1 change s':>10} {'rebuilt':>7} {'sites s':>8} {'check s':>7} {'ratio':>6} | "
          f"{'anchor s':>9} {'ratio':>6}")  # fmt: skip
    for r in rows:
        per_site = r["audience_s"] / max(r["sites"], 1)
        line = (f"{r['members']:>8} {r['sites']:>6.0f} | {r['wall']:>8.1f} {r['audience_s']:>8.1f} "
                f"{per_site:>7.3f} {r['peak']:>8.0f} | {r['inc_wall']:>10.1f} "
                f"{r['inc_rebuilt']:>7.0f} {r['inc_audience_s']:>8.1f} {r['inc_check_s']:>7.1f} "
                f"{r['audience_s'] / max(r['inc_audience_s'], 0.01):>5.0f}x | ")  # fmt: skip
        if "anchor_per_site" in r:
            scaled = r["anchor_per_site"] * r["sites"]
            line += f"{scaled:>9.0f} {scaled / r['wall']:>5.1f}x"
        else:
            line += f"{'not run':>9}"
        print(line)
    print("\n(build s: the whole `kiemdiem build`; sites s: the committee and chi bộ sites "
          "alone; 1 change: the whole build again after one member file changed, its "
          "audience sites part and of that the check which sites changed; anchor: one "
          "`--chi-mot` job per committee, scaled to every site, vs our whole build)")  # fmt: skip
    print(f"\n{'members':>8} | {'site MB':>8} {'B/member':>8} {'no-link MB':>10} | "
          f"{'audience MB':>11} {'B/member':>8} {'no-link MB':>10} | {'largest KB':>10}")  # fmt: skip
    for r in rows:
        n = r["members"]
        print(f"{n:>8} | {r['unique'] / MB:>8.1f} {r['unique'] / n:>8.0f} "
              f"{r['apparent'] / MB:>10.1f} | {r['audience_unique'] / MB:>11.1f} "
              f"{r['audience_unique'] / n:>8.0f} {r['audience_apparent'] / MB:>10.1f} | "
              f"{r['largest'] / 1024:>10.0f}")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[3754])
    parser.add_argument("--data", action="append", default=[], metavar="SIZE=DIR",
                        help="reuse an existing synthetic repository for a size (copied)")  # fmt: skip
    parser.add_argument("--anchor-max", type=int, default=20_000)
    parser.add_argument("--anchor-jobs", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=None, help="work folder (kept)")
    args = parser.parse_args()
    as_installed()
    data = {int(k): Path(v) for k, v in (item.split("=", 1) for item in args.data)}
    rows = []
    for n in args.sizes:
        work = Path(tempfile.mkdtemp(prefix=f"kiemdiem-aud-{n}-", dir=args.keep))
        rows.append(run_size(n, work, data, args))
        print(f"... {n} done", file=sys.stderr, flush=True)
        shutil.rmtree(work, ignore_errors=True)
    report(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
