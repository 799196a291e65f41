"""`kiemdiem serve`: preview one year, rebuilt when a submission or template changes.

The year is rendered into build/<year>/docs and `mkdocs serve` watches that folder; a
watcher on the years its rating reads (generator.pipeline.span) and site_templates/
re-renders into it, from the same rated years and views as `kiemdiem build` (only changed
pages are rewritten, so MkDocs reloads what changed).
"""

from __future__ import annotations

import argparse
import threading
import time
from pathlib import Path

import generator
from generator.cli import UsageError, find_repo
from generator.commands.build import project_dir
from generator.pipeline import Pipeline, span
from generator.site import audiences, rating
from generator.site.audience_sites import static_digest
from generator.site.build import CONFIG, TEMPLATES
from generator.site.render import render_year
from generator.submissions.layout import SUBMISSIONS
from generator.submissions.layout import years as list_years


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="xem trước trang của một năm, tự cập nhật khi hồ sơ thay đổi",
        description="Chạy máy chủ xem trước (mặc định http://127.0.0.1:8000) cho một năm.",
    )
    parser.add_argument("--year", type=int, default=None, help="năm (mặc định: năm mới nhất)")
    parser.add_argument("--addr", default="127.0.0.1:8000", help="địa chỉ:cổng")
    parser.set_defaults(func=run)


def _snapshot(paths: list[Path]) -> dict[Path, float]:
    out = {}
    for base in paths:
        for p in base.rglob("*") if base.is_dir() else [base]:
            if p.is_file():
                out[p] = p.stat().st_mtime
    return out


def render_once(repo: Path, project: Path, year: int, docs: Path) -> int:
    """Render `year` into `docs` from the pipeline's rated years, as `kiemdiem build` does
    (the same history, later re-ratings and comparison); returns how many files changed."""
    full = rating.views(Pipeline(repo).rate([year]))[year]
    view = audiences.organization_view(full, repo / "schema")
    # incremental by organization, with the same keys as `build` (generator.site.incremental)
    static = static_digest(project, repo / "schema", Path(generator.__file__).resolve().parent)
    return len(render_year(view, project / TEMPLATES, docs, static=static).written)


def run(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    repo = (args.repo or find_repo()).resolve()
    available = list_years(repo)
    if not available:
        raise UsageError("Không có năm đánh giá nào trong submissions/.")
    year = args.year or max(available)
    if year not in available:
        raise UsageError(f"Không có năm {year} trong submissions/.")
    project = project_dir(repo)
    docs = repo / "build" / str(year) / "docs"
    render_once(repo, project, year, docs)
    # every year the preview's rating reads: the year before (history, comparison) and the
    # later years (re-ratings), as generator.pipeline.span says
    watched = [repo / SUBMISSIONS / str(y) for y in span(available, [year])]
    watched.append(project / TEMPLATES)
    stop = threading.Event()

    def watch() -> None:
        before = _snapshot(watched)
        while not stop.wait(1.0):
            now = _snapshot(watched)
            if now != before:
                before = now
                try:
                    changed = render_once(repo, project, year, docs)
                    print(f"kiemdiem serve: đã cập nhật {changed} trang", flush=True)
                except Exception as exc:  # keep previewing; the next save may fix it
                    print(f"kiemdiem serve: chưa cập nhật được ({exc})", flush=True)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    print(f"Xem trước năm {year} tại http://{args.addr}/ (Ctrl+C để dừng)", flush=True)
    try:
        serve(
            config_file=str(project / CONFIG),
            docs_dir=str(docs),
            site_name=f"Kiểm điểm {year} (xem trước)",
            dev_addr=args.addr,
            livereload=True,
            # only the pages whose Markdown changed are rebuilt (the renderer rewrites
            # only changed files; a changed review changes its page's front matter digest)
            build_type="dirty",
        )
    finally:
        stop.set()
        time.sleep(0)
    return 0
