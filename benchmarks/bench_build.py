"""Benchmark: `kiemdiem build` against a naive MkDocs build, Pagefind against Material's search.

    python benchmarks/bench_build.py [--sizes 3754 20000 100000] [--naive-max 20000]
                                     [--data 100000=/work/data/province-100k] [--keep DIR]

For each size, in one run, on a deterministic synthetic post-2025 province
(generator.synthetic, shape `province-2025`, organizations in the proportions of the
`province-2025` preset: 1,300 grassroots organizations and 5,000 chi bộ per 100,000
members):

- ours: the whole `kiemdiem build --year Y --pham-vi to-chuc` in a subprocess (load,
  check, rate, render, MkDocs, Pagefind) — the whole organization's site; each deciding
  committee's and chi bộ's own site (issue 14) is a further build of its part;
- incremental: then one member's file changed and the same build again (only the
  organizations whose pages show something that changed are rendered, MkDocs rebuilds
  only the changed pages; generator.site.incremental), with the full/one-file ratio;
- naive: a bare MkDocs + Material build of the same members laid out one page per member,
  in folders mirroring the tree, every page in the navigation with Material's
  `navigation.prune`, Material's search plugin on (what DESIGN.md measured).

Printed per side: wall time, peak memory (the subprocess's max RSS), site size, bytes per
member, the largest HTML page; for search: Pagefind's bundles (generator.site.search_layout)
— size, files, shards, what one query downloads at worst (script, worker, wasm, the names
and pages bundles, the largest shard, one word's largest chunk in each, 20 fragments), the
same with every shard merged, the Pagefind time and how many bundles the one-file rebuild
indexed again — against Material's index, which every query downloads whole.

The naive side costs ~12 ms a member page: above --naive-max it is not run and says so.
Targets (issue 11): at 100,000 members a full build ≤ 120 s, ≤ 6 KB of site per member,
no page over 500 KB, bytes per member flat from 3,754 to 100,000, a query well under 1 MB.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from installed import as_installed  # noqa: E402

from generator.synthetic import generate  # noqa: E402

YEAR = 2025
RULESET = "qd366-hd43"
SHAPE = "province-2025"
MB = 1024 * 1024

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
    """(grassroots organizations, chi bộ) in the proportions of the province preset."""
    return max(1, round(members * 1300 / 100_000)), max(1, round(members * 5000 / 100_000))


def run(cmd: list[str], cwd: Path) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MiB (the process and the children it waited for, e.g.
    the loading workers) and stdout of one subprocess."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text = out.read().decode()
        if proc.returncode != 0:
            sys.exit(f"failed: {' '.join(cmd)}\n{text}\n{err.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024, text


def site_stats(site: Path) -> dict[str, object]:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    largest = max(pages, key=lambda p: p.stat().st_size)
    return {
        "bytes": sum(p.stat().st_size for p in files),
        # the editor (soan-thao/, Decap CMS, with node_modules installed): the same size at
        # any number of members
        "editor": sum(
            p.stat().st_size for p in files if p.relative_to(site).parts[0] == "soan-thao"
        ),
        "pages": len(pages),
        "largest": largest.stat().st_size,
        "largest_name": str(largest.relative_to(site)),
    }


def _bundle(folder: Path) -> dict[str, int]:
    """One Pagefind bundle: what a query loads of it besides fragments (its entry, its
    metadata, its largest index chunk: one word's) and its fragments' sizes."""

    def sizes(pattern: str) -> list[int]:
        return sorted((p.stat().st_size for p in folder.glob(pattern)), reverse=True)

    chunks = sizes("index/*.pf_index")
    return {
        "fixed": sum(sizes("pagefind-entry.json"))
        + sum(sizes("pagefind.*.pf_meta"))
        + (chunks[0] if chunks else 0),
        "meta": sum(sizes("pagefind.*.pf_meta")),
        "chunk": chunks[0] if chunks else 0,
    }


def pagefind_stats(site: Path) -> dict[str, float]:
    """What one search downloads, worst case, in the layout of generator.site.search_layout:
    Pagefind's script, worker and wasm, the shards' list, the organizations' names and the
    pages bundles, the largest part of any name bucket (the search box loads one part for
    a query of two words or more: that of its first word in the bucket of its last; none
    for one word), the 4 largest files saying which unit is in which shard (`don-vi/`: the
    box loads those of the page's organization and its superiors), the largest full-text
    shard (the default scope on a unit's page) and the 20 largest fragments (the search
    box reads 20 results' data); and the same with every shard merged ("all units", which
    the reader must choose). The shards' labels (`phan-ten.json`, for the list of scopes:
    the query does not wait for them) are counted apart."""
    index = site / "pagefind"
    files = [p for p in index.rglob("*") if p.is_file()]
    runtime = sum(
        p.stat().st_size
        for pattern in ("pagefind.js", "pagefind-worker.js", "wasm.*.pagefind", "phan.json")
        for p in index.glob(pattern)
    )
    primary = _bundle(index)
    pages = _bundle(index / "trang")["fixed"] if (index / "trang").is_dir() else 0

    def each(folder: str) -> list[int]:
        return sorted(
            (_bundle(d)["fixed"] for d in (index / folder).glob("*/")), reverse=True
        ) if (index / folder).is_dir() else []  # fmt: skip

    shards = each("phan")
    # a name bucket is in parts (ten/<n>-<part>/): a query loads one part at most
    parts = each("ten")
    buckets = {part.name.split("-")[0] for part in (index / "ten").glob("*/")}
    fragments = sorted((p.stat().st_size for p in index.rglob("*.pf_fragment")), reverse=True)
    units = sorted((p.stat().st_size for p in index.glob("don-vi/*.json")), reverse=True)
    base = runtime + primary["fixed"] + pages + sum(units[:4]) + sum(fragments[:20])
    shard = shards[0] if shards else 0
    return {
        "index_bytes": sum(p.stat().st_size for p in files),
        "index_files": len(files),
        "query_bytes": base + sum(parts[:1]) + shard,
        "query_all_bytes": base + sum(parts[:1]) + sum(shards),
        "shards": len(shards),
        "buckets": len(buckets),
        "name_parts": len(parts),
        "names_meta": primary["meta"],
        "manifest_bytes": sum(p.stat().st_size for p in index.glob("phan.json")),
        "unit_files": len(units),
        "unit_files_bytes": sum(units[:4]),
        # the shards' labels: loaded beside a query for the list of scopes, not waited for
        "labels_bytes": sum(p.stat().st_size for p in index.glob("phan-ten.json")),
        "fragments": len(fragments),
    }


def naive_docs(repo: Path, out: Path) -> int:
    """One Markdown page per member with the review's sections (the layout to beat)."""
    import yaml

    docs = out / "docs"
    docs.mkdir(parents=True)
    year_dir = repo / "submissions" / str(YEAR)
    (docs / "index.md").write_text("# Trang chủ\n", "utf-8")
    count = 0
    for path in sorted(year_dir.rglob("dang-vien/*.yaml")):
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


def prepare(members: int, work: Path, data: dict[int, Path]) -> Path:
    repo = work / f"repo-{members}"
    if members in data:  # an existing synthetic repository (copied: builds write into it)
        shutil.copytree(data[members], repo, symlinks=False)
        if not (repo / "schema").is_dir():  # `python -m generator.synthetic` writes none
            shutil.copytree(ROOT / "schema", repo / "schema")
        return repo
    shutil.copytree(ROOT / "schema", repo / "schema")
    grassroots, chi_bo = shape(members)
    generate(repo, year=YEAR, ruleset=RULESET, grassroots=grassroots, chi_bo=chi_bo,
             members=members, shape=SHAPE)  # fmt: skip
    return repo


def _phases(stdout: str) -> dict[str, str]:
    phases = dict(
        re.findall(r"(đọc và xếp loại|tạo trang|MkDocs|chỉ mục tìm kiếm) ([\d.]+) s", stdout)
    )
    # generator.site.indexer: bundles indexed again / all, the indexing's summed wall time
    indexed = re.search(r"chỉ mục: dựng lại (\d+)/(\d+) phần \(([\d.]+) s\)", stdout)
    if indexed:
        phases["Pagefind bundles indexed"] = f"{indexed.group(1)}/{indexed.group(2)}"
        phases["Pagefind indexing (summed)"] = indexed.group(3)
    return phases


def _build_cmd(repo: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "--repo", str(repo), "build", "--year", str(YEAR),
            "--out", str(out), "--pham-vi", "to-chuc"]  # fmt: skip


def incremental(repo: Path, out: Path) -> dict:
    """One member's file changed (name and a review line) after the full build, then the
    same `kiemdiem build` again: time, peak memory, and whether the chi bộ's page and the
    search index show the change."""
    member = sorted((repo / "submissions" / str(YEAR)).rglob("dang-vien/*.yaml"))[0]
    text = member.read_text("utf-8")
    name = re.search(r"^ho_ten: (.*)$", text, re.M)
    assert name is not None
    changed = "Đổi Tên Thử Nghiệm"
    member.write_text(text.replace(name.group(0), f"ho_ten: {changed}"), "utf-8")
    seconds, peak, stdout = run(_build_cmd(repo, out), ROOT)
    page = out / str(YEAR) / "to-chuc" / member.parent.parent.name / "index.html"
    pages = [page, *page.parent.glob("trang-*/index.html")]
    shown = any(changed in p.read_text("utf-8") for p in pages if p.is_file())
    kept = re.search(r"(\d+) tổ chức giữ nguyên", stdout)
    return {"inc": seconds, "inc_peak": peak, "inc_phases": _phases(stdout), "inc_shown": shown,
            "inc_kept": kept.group(1) if kept else "?"}  # fmt: skip


def run_size(members: int, work: Path, naive_max: int, data: dict[int, Path]) -> dict:
    repo = prepare(members, work, data)
    out = work / f"site-{members}"
    ours, peak, stdout = run(_build_cmd(repo, out), ROOT)
    row: dict = {"members": members, "ours": ours, "peak": peak, "phases": _phases(stdout)}
    row.update(site_stats(out / str(YEAR)))
    row.update(pagefind_stats(out / str(YEAR)))
    row.update(incremental(repo, out))
    if members <= naive_max:
        naive_dir = work / f"naive-{members}"
        naive_docs(repo, naive_dir)
        naive, naive_peak, _ = run([sys.executable, "-m", "mkdocs", "build", "-q"], naive_dir)
        stats = site_stats(naive_dir / "site")
        index = naive_dir / "site" / "search" / "search_index.json"
        row.update(naive=naive, naive_peak=naive_peak, naive_bytes=stats["bytes"],
                   naive_largest=stats["largest"], naive_index=index.stat().st_size)  # fmt: skip
    return row


def report(rows: list[dict]) -> None:
    print(f"{'members':>8} | {'build':>7} {'peak MiB':>8} {'site MB':>8} {'B/member':>8} "
          f"{'largest KB':>10} | {'naive':>7} {'peak MiB':>8} {'site MB':>8} {'largest KB':>10} "
          f"{'ratio':>6}")  # fmt: skip
    for r in rows:
        ours = (f"{r['members']:>8} | {r['ours']:>6.1f}s {r['peak']:>8.0f} {r['bytes'] / MB:>8.1f} "
                f"{r['bytes'] / r['members']:>8.0f} {r['largest'] / 1024:>10.0f} | ")  # fmt: skip
        if "naive" in r:
            naive = (f"{r['naive']:>6.1f}s {r['naive_peak']:>8.0f} {r['naive_bytes'] / MB:>8.1f} "
                     f"{r['naive_largest'] / 1024:>10.0f} {r['naive'] / r['ours']:>5.1f}x")  # fmt: skip
        else:
            naive = "not run (above --naive-max; ~12 ms a page: ≈ {:.0f} s)".format(
                0.012 * r["members"]
            )
        print(ours + naive)
    print("phases of our build (s):")
    for r in rows:
        print(f"{r['members']:>8}: " + ", ".join(f"{k} {v}" for k, v in r["phases"].items()))
    print("\none member's file changed, then build again (incremental by organization):")
    print(f"{'members':>8} | {'full':>7} {'one file':>8} {'ratio':>6} {'peak MiB':>8} "
          f"{'orgs kept':>9} {'page shows it':>13} | phases of the rebuild (s)")  # fmt: skip
    for r in rows:
        phases = ", ".join(f"{k} {v}" for k, v in r["inc_phases"].items())
        print(f"{r['members']:>8} | {r['ours']:>6.1f}s {r['inc']:>7.1f}s {r['ours'] / r['inc']:>5.1f}x "
              f"{r['inc_peak']:>8.0f} {r['inc_kept']:>9} {'yes' if r['inc_shown'] else 'NO':>13} | "
              f"{phases}")  # fmt: skip
    print(f"\n{'members':>8} | {'Pagefind MB':>11} {'files':>6} {'shards':>6} {'buckets':>7} {'one query KB':>12} "
          f"{'all units KB':>12} {'orgs meta KB':>12} | "
          f"{'Material index MB (every query)':>32} {'ratio':>7}")  # fmt: skip
    for r in rows:
        material = r.get("naive_index")
        tail = (f"{material / MB:>32.2f} {material / r['query_bytes']:>6.0f}x"
                if material else f"{'not run':>32}")  # fmt: skip
        print(f"{r['members']:>8} | {r['index_bytes'] / MB:>11.1f} {r['index_files']:>6} "
              f"{r['shards']:>6} {r['buckets']:>7} {r['query_bytes'] / 1024:>12.0f} "
              f"{r['query_all_bytes'] / 1024:>12.0f} "
              f"{r['names_meta'] / 1024:>12.0f} | {tail}")  # fmt: skip
    for r in rows:
        print(f"largest page at {r['members']}: {r['largest_name']} ({r['largest'] / 1024:.0f} KB)")
        print(f"site at {r['members']}: {r['bytes'] / MB:.1f} MB, of which the editor "
              f"{r['editor'] / MB:.1f} MB; without it {(r['bytes'] - r['editor']) / r['members']:.0f} "
              "B per member")  # fmt: skip
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        growth = (last["bytes"] / last["members"]) / (first["bytes"] / first["members"])
        print(f"bytes per member, {last['members']} vs {first['members']}: x{growth:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[3754])
    parser.add_argument("--naive-max", type=int, default=20_000)
    parser.add_argument("--data", action="append", default=[], metavar="SIZE=DIR",
                        help="reuse an existing synthetic repository for a size")  # fmt: skip
    parser.add_argument("--keep", type=Path, default=None, help="keep the work folder here")
    args = parser.parse_args()
    as_installed()
    data = {int(k): Path(v) for k, v in (item.split("=", 1) for item in args.data)}
    work = args.keep or Path(tempfile.mkdtemp(prefix="kiemdiem-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in args.sizes:
        rows.append(run_size(n, work, args.naive_max, data))
        print(f"... {n} done", file=sys.stderr, flush=True)
    report(rows)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
