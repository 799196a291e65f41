"""Benchmark: `kiemdiem serve`'s latency after one saved member file, against the old serve.

    python benchmarks/bench_serve.py [--sizes 3754 20000] [--data 100000=/work/data/...]
                                     [--rounds 3] [--keep DIR]

For each size, in one process, on a deterministic synthetic post-2025 province
(generator.synthetic, shape `province-2025`, as benchmarks/bench_build.py) or a copy of
the given data:

- new (generator.preview): the span loaded once and kept; the watcher (file events,
  watchdog) hands a round to `Preview.apply` — the changed file read again, the years
  linked and rated again (rating reuse), the pages rendered incrementally —, then
  MkDocs' dirty build of the preview's site (what the live-reload server runs). Timed
  from the file's save: "Markdown" = the round's pages written; "page" = MkDocs done.
  Each round changes another member's name (the median of `--rounds` is printed).
- old (before generator/preview.py): a poll every second of every watched year's files
  (`rglob` + stat: its cost per poll is printed, and on average half a second of
  waiting), then `render_once` — a fresh load through the content cache, a full rating,
  the views, the incremental render — then the same MkDocs dirty build.

Target (issue 11): ≤ 10 s from save to page at 100,000 members.
"""

from __future__ import annotations

import argparse
import logging
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mkdocs.commands.build import build  # noqa: E402

from generator.commands.serve import preview_config, render_once  # noqa: E402
from generator.pipeline import span  # noqa: E402
from generator.preview import Preview, Watcher  # noqa: E402
from generator.submissions.layout import years as list_years  # noqa: E402
from generator.synthetic import generate  # noqa: E402

YEAR = 2025
RULESET = "qd366-hd43"
SHAPE = "province-2025"
ADDR = "127.0.0.1:8000"


def shape(members: int) -> tuple[int, int]:
    """(grassroots organizations, chi bộ) in the proportions of the province preset."""
    return max(1, round(members * 1300 / 100_000)), max(1, round(members * 5000 / 100_000))


def make_repo(work: Path, members: int, data: Path | None) -> Path:
    repo = work / f"repo-{members}"
    if data is not None:
        shutil.copytree(data, repo, symlinks=True, ignore=shutil.ignore_patterns(".git"))
    else:
        grassroots, chi_bo = shape(members)
        generate(repo, year=YEAR, ruleset=RULESET, grassroots=grassroots, chi_bo=chi_bo,
                 members=members, seed=0, shape=SHAPE)  # fmt: skip
    for name in ("schema", "site_templates"):
        if not (repo / name).exists():
            shutil.copytree(ROOT / name, repo / name)
    shutil.copy2(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    return repo


def member_files(repo: Path) -> list[Path]:
    return sorted((repo / "submissions" / str(YEAR)).rglob("dang-vien/*.yaml"))


def change(member: Path) -> Path:
    """Append " X" to (or take it off) one member's name; returns the file."""
    text = member.read_text("utf-8")
    found = re.search(r"^ho_ten: (.*)$", text, re.M)
    assert found is not None, member
    name = found.group(1)
    new = name[:-2] if name.endswith(" X") else name + " X"
    member.write_text(text.replace(found.group(0), f"ho_ten: {new}"), "utf-8")
    return member


def snapshot(paths: list[Path]) -> dict[Path, float]:
    """The old serve's poll (generator/commands/serve.py before generator/preview.py)."""
    out = {}
    for base in paths:
        for p in base.rglob("*") if base.is_dir() else [base]:
            if p.is_file():
                out[p] = p.stat().st_mtime
    return out


def mkdocs_dirty(repo: Path, docs: Path, site: Path) -> float:
    started = time.perf_counter()
    build(preview_config(repo, docs, site, YEAR, ADDR), dirty=True)
    return time.perf_counter() - started


def bench(members: int, work: Path, data: Path | None, rounds: int) -> None:
    repo = make_repo(work, members, data)
    files = sum(1 for _ in (repo / "submissions").rglob("*.yaml"))
    print(f"\n== {members:,} members ({files:,} files) ==", flush=True)
    docs = repo / "build" / str(YEAR) / "docs"
    site = work / f"site-{members}"

    started = time.perf_counter()
    preview = Preview(repo, repo, YEAR, docs)
    first = preview.start()
    print(f"start: load {first.seconds_load:.1f} s, render {first.seconds_render:.1f} s, "
          f"total {time.perf_counter() - started:.1f} s", flush=True)  # fmt: skip
    started = time.perf_counter()
    build(preview_config(repo, docs, site, YEAR, ADDR), dirty=False)
    print(f"first MkDocs build: {time.perf_counter() - started:.1f} s", flush=True)

    files = member_files(repo)  # listed before the clock starts (1 s at 100,000)
    watcher = Watcher(preview.watched(), repo, repo)
    watcher.start()
    new_md, new_page, loads, renders = [], [], [], []
    try:
        time.sleep(0.5)
        for k in range(rounds):
            saved = time.perf_counter()
            change(files[1 + 7 * k])
            changed = watcher.next_round(timeout=60)
            assert changed, "no event"
            done = preview.apply(changed)
            assert done.rendered and done.written, done
            new_md.append(time.perf_counter() - saved)
            mkdocs_dirty(repo, docs, site)
            new_page.append(time.perf_counter() - saved)
            loads.append(done.seconds_load)
            renders.append(done.seconds_render)
    finally:
        watcher.stop()
    md, page = statistics.median(new_md), statistics.median(new_page)
    print(f"new: save -> Markdown {md:.2f} s (load+rate {statistics.median(loads):.2f} s, "
          f"pages {statistics.median(renders):.2f} s), save -> page {page:.2f} s "
          f"(rounds: {', '.join(f'{t:.2f}' for t in new_page)})", flush=True)  # fmt: skip

    watched = [repo / "submissions" / str(y) for y in span(list_years(repo), [YEAR])]
    watched.append(repo / "site_templates")
    started = time.perf_counter()
    snapshot(watched)
    poll = time.perf_counter() - started
    change(files[1 + 7 * rounds])
    started = time.perf_counter()
    snapshot(watched)
    render_once(repo, repo, YEAR, docs)
    old_md = 0.5 + time.perf_counter() - started  # + half the poll interval, on average
    old_page = old_md + mkdocs_dirty(repo, docs, site)
    print(f"old: one poll {poll:.2f} s of CPU every second; save -> Markdown {old_md:.2f} s, "
          f"save -> page {old_page:.2f} s", flush=True)  # fmt: skip
    print(f"ratio old/new: Markdown {old_md / md:.1f}x, page {old_page / page:.1f}x", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[])
    parser.add_argument("--data", action="append", default=[], metavar="SIZE=DIR",
                        help="use a copy of DIR (submissions/, schema/) for SIZE members")  # fmt: skip
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=None, help="keep the work folder here")
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    data = {int(k): Path(v) for k, v in (d.split("=", 1) for d in args.data)}
    sizes = sorted(set(args.sizes) | set(data)) or [3754]
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-serve-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        for members in sizes:
            bench(members, work, data.get(members), args.rounds)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
