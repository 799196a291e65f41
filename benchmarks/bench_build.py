"""Benchmark: `kiemdiem build` of a synthetic year against a naive MkDocs build.

    python benchmarks/bench_build.py [--sizes 1000 3754] [--keep DIR]

For each size, in one run: generate a synthetic year (generator.synthetic), time the whole
`kiemdiem build --year Y` (a subprocess: load, check, rate, render, MkDocs), then time a
bare MkDocs + Material build of the same members laid out naively — one page per member,
in folders mirroring the organization tree, every page in the navigation (MkDocs' default
when `nav` is not given) with Material's `navigation.prune` (as DESIGN.md measured it), same theme and search plugin, no generator. Prints both times, the
ratio, the site size, the largest page, the search index size and bytes per member.

Targets (issue 4): kiemdiem ≥ 3× faster than naive and < 20 s at 3,754 members; site
< 60 MB; no page > 500 KB; search index < 12 MB; bytes per member flat across sizes.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.synthetic import generate  # noqa: E402

YEAR = 2025
RULESET = "qd366-hd43"
# (grassroots organizations, chi bộ) per member count, in the proportions of a district
SHAPES = {1000: (13, 47), 3754: (48, 177)}

NAIVE_CONFIG = """site_name: naive
docs_dir: docs
site_dir: site
theme:
  name: material
  language: vi
  font: false
  features: [navigation.prune]
plugins:
  - search:
      lang: vi
"""


def shape(members: int) -> tuple[int, int]:
    if members in SHAPES:
        return SHAPES[members]
    chi_bo = max(1, round(members / 21.2))
    return max(1, round(chi_bo / 3.7)), chi_bo


def site_stats(site: Path) -> dict[str, float]:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    index = site / "search" / "search_index.json"
    largest = max(pages, key=lambda p: p.stat().st_size)
    return {
        "bytes": sum(p.stat().st_size for p in files),
        "pages": len(pages),
        "largest": largest.stat().st_size,
        "largest_name": str(largest.relative_to(site)),
        "index": index.stat().st_size if index.is_file() else 0,
    }


def naive_docs(repo: Path, out: Path) -> int:
    """One Markdown page per member with the review's sections (the layout to beat)."""
    import yaml

    docs = out / "docs"
    docs.mkdir(parents=True)
    year_dir = repo / "submissions" / str(YEAR)
    (docs / "index.md").write_text("# Trang chủ\n", "utf-8")
    count = 0
    for path in sorted((repo / "submissions" / str(YEAR)).rglob("dang-vien/*.yaml")):
        data = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        review = data.get("kiem_diem") or {}
        body = [f"# {data['ho_ten']}", "", f"Mã: {data['ma_dang_vien']}", ""]
        for key, text in review.items():
            body += [f"## {key}", "", str(text), ""]
        body += ["## Tự xếp loại", "", str(data.get("tu_xep_loai", "")), ""]
        # nested like the organization tree, so the navigation has one section per chi bộ
        target = docs / path.parent.parent.relative_to(year_dir) / f"{path.stem}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(body), "utf-8")
        count += 1
    (out / "mkdocs.yml").write_text(NAIVE_CONFIG, "utf-8")
    return count


def timed(cmd: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stdout}\n{proc.stderr}")
    return elapsed


def run_size(members: int, work: Path) -> dict[str, float]:
    repo = work / f"repo-{members}"
    shutil.copytree(ROOT / "schema", repo / "schema")
    grassroots, chi_bo = shape(members)
    generate(
        repo, year=YEAR, ruleset=RULESET, grassroots=grassroots, chi_bo=chi_bo, members=members
    )
    out = repo / "site"
    ours = timed(
        [sys.executable, "-m", "generator", "--repo", str(repo), "build", "--year", str(YEAR),
         "--out", str(out)],
        ROOT,
    )  # fmt: skip
    stats = site_stats(out / str(YEAR))

    naive_dir = work / f"naive-{members}"
    naive_docs(repo, naive_dir)
    naive = timed([sys.executable, "-m", "mkdocs", "build", "-q"], naive_dir)
    naive_stats = site_stats(naive_dir / "site")
    return {"members": members, "ours": ours, "naive": naive, **stats,
            "naive_bytes": naive_stats["bytes"], "naive_index": naive_stats["index"]}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3754])
    parser.add_argument("--keep", type=Path, default=None, help="keep the work folder here")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kiemdiem-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = [run_size(n, work) for n in args.sizes]
    mb = 1024 * 1024
    print(f"{'members':>8} {'kiemdiem':>9} {'naive':>8} {'ratio':>6} {'site MB':>8} "
          f"{'largest KB':>11} {'index MB':>9} {'B/member':>9}   (naive: site MB, index MB)")  # fmt: skip
    for r in rows:
        print(
            f"{r['members']:>8} {r['ours']:>8.1f}s {r['naive']:>7.1f}s "
            f"{r['naive'] / r['ours']:>5.1f}x {r['bytes'] / mb:>8.1f} "
            f"{r['largest'] / 1024:>11.0f} {r['index'] / mb:>9.2f} "
            f"{r['bytes'] / r['members']:>9.0f}   ({r['naive_bytes'] / mb:.1f}, "
            f"{r['naive_index'] / mb:.2f})"
        )
    big = rows[-1]
    print(f"largest page: {big['largest_name']}")
    if len(rows) > 1:
        growth = (rows[-1]["bytes"] / rows[-1]["members"]) / (rows[0]["bytes"] / rows[0]["members"])
        print(f"bytes per member, {rows[-1]['members']} vs {rows[0]['members']}: x{growth:.2f}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
