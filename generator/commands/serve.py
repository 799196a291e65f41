"""`kiemdiem serve`: preview one year, rebuilt when a submission or template changes.

The year is rendered into build/<year>/docs (generator.preview: the years its rating
reads stay loaded, a round reads only the changed files and rewrites only changed pages)
and MkDocs' live-reload server builds that folder, dirty, after each round, then reloads
the browsers.
"""

from __future__ import annotations

import argparse
import errno
import ipaddress
import logging
import shutil
import socket
import tempfile
import threading
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

import generator
from generator.cli import UsageError, find_repo, require_schema
from generator.commands.build import project_dir
from generator.liveload import EVERYTHING
from generator.pipeline import Pipeline
from generator.preview import Preview, Watcher
from generator.site import audiences, rating
from generator.site.audience_sites import static_digest
from generator.site.build import CONFIG, TEMPLATES
from generator.site.mkdocs_run import HOOKS
from generator.site.render import render_year
from generator.submissions.layout import years as list_years


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="xem trước trang của một năm, tự cập nhật khi hồ sơ thay đổi",
        description="Chạy máy chủ xem trước (mặc định http://127.0.0.1:8000) cho một năm.",
    )
    parser.add_argument("--year", type=int, default=None, help="năm (mặc định: năm mới nhất)")
    parser.add_argument(
        "--addr", default="127.0.0.1:8000", help="địa chỉ:cổng (mặc định: 127.0.0.1:8000)"
    )
    parser.set_defaults(func=run)


def render_once(repo: Path, project: Path, year: int, docs: Path) -> int:
    """Render `year` into `docs` from a fresh load and rating, as `kiemdiem build` does
    (the same history, later re-ratings and comparison); returns how many files changed.
    The preview's first round (generator.preview.Preview.start) does the same."""
    full = rating.views(Pipeline(repo).rate([year]))[year]
    view = audiences.organization_view(full, repo / "schema")
    # incremental by organization, with the same keys as `build` (generator.site.incremental)
    static = static_digest(project, repo / "schema", Path(generator.__file__).resolve().parent)
    return len(render_year(view, project / TEMPLATES, docs, static=static).written)


def run(args: argparse.Namespace) -> int:
    repo = require_schema((args.repo or find_repo()).resolve())
    available = list_years(repo)
    if not available:
        raise UsageError("Không có năm đánh giá nào trong submissions/.")
    year = args.year or max(available)
    if year not in available:
        raise UsageError(f"Không có năm {year} trong submissions/.")
    host, port = listen_address(args.addr)  # before the year is read
    project = project_dir(repo)
    # MkDocs warns on every dirty build that it may be inaccurate: each round is one
    logging.getLogger("mkdocs.commands.build").addFilter(_not_dirty_warning)
    preview = Preview(repo, project, year, repo / "build" / str(year) / "docs")
    preview.start()
    watcher = Watcher(preview.watched(), repo, project)
    server = _server(project, preview.docs, year, args.addr)

    def rounds() -> None:
        for changed in watcher.rounds():
            if EVERYTHING in changed:
                print(
                    "kiemdiem serve: quá nhiều thay đổi cùng lúc, đọc lại toàn bộ hồ sơ", flush=True
                )
            try:
                done = preview.apply(changed)
            except Exception as exc:  # keep previewing; the next save may fix it
                print(
                    f"kiemdiem serve: chưa cập nhật được ({exc}); trang giữ bản trước", flush=True
                )
                continue
            for path, found in done.held.items():
                print(
                    f"kiemdiem serve: {path} dòng {found.line}: {found.message} — "
                    "trang xem trước giữ bản trước cho đến khi tệp đọc được",
                    flush=True,
                )
            if done.rendered:
                print(f"kiemdiem serve: đã cập nhật {done.written} tệp", flush=True)
                if done.written:
                    server.rebuild()

    watcher.start()
    threading.Thread(target=rounds, daemon=True).start()
    print(f"Xem trước năm {year} tại http://{args.addr}/ (Ctrl+C để dừng)", flush=True)
    print("Bản xem trước không có ô tìm kiếm: chỉ mục tìm kiếm do kiemdiem build tạo.", flush=True)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    except OSError as exc:  # the port was taken since listen_address tried it
        raise UsageError(_cannot_listen(args.addr, host, port, exc)) from exc
    finally:
        watcher.stop()
        server.shutdown()
        shutil.rmtree(server.root, ignore_errors=True)
    return 0


def listen_address(addr: str) -> tuple[str, int]:
    """`--addr` as (host, port), read as MkDocs reads `dev_addr` (an IP address or
    `localhost`, a colon, a port), and tried: a UsageError in Vietnamese when it is not an
    address or nothing can listen there (the port is busy), before any work is done."""
    host, _, port_text = addr.rpartition(":")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    family = socket.AF_INET
    try:
        if host != "localhost" and ipaddress.ip_address(host).version == 6:
            family = socket.AF_INET6
        port = int(port_text) if port_text.isdigit() else 0
    except ValueError:
        port = 0
    if not host or not 0 < port < 65536:
        raise UsageError(
            f"Địa chỉ `--addr {addr}` không hợp lệ: cần dạng ĐỊA_CHỈ_IP:CỔNG, với cổng là số từ "
            "1 đến 65535, ví dụ `--addr 127.0.0.1:8000` (chỉ máy này xem được)."
        )
    probe = socket.socket(family, socket.SOCK_STREAM)
    try:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as MkDocs' server
        probe.bind((host, port))
    except OSError as exc:
        raise UsageError(_cannot_listen(addr, host, port, exc)) from exc
    finally:
        probe.close()
    return host, port


def _cannot_listen(addr: str, host: str, port: int, exc: OSError) -> str:
    """Why the preview cannot listen at `addr`, in Vietnamese, and what to do."""
    other = port + 1 if port < 65535 else 8000
    if exc.errno == errno.EADDRINUSE:
        return (
            f"Cổng {port} ({addr}) đang được một chương trình khác dùng (có thể là một "
            "`kiemdiem serve` khác vẫn đang chạy). Hãy dừng chương trình đó, hoặc chọn cổng "
            f"khác, ví dụ `--addr {host}:{other}`."
        )
    if exc.errno == errno.EADDRNOTAVAIL:
        return (
            f"Máy này không có địa chỉ {host} ({addr}): hãy dùng `--addr 127.0.0.1:{port}` "
            "(chỉ máy này xem được)."
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        return (
            f"Không được dùng cổng {port} ({addr}): các cổng dưới 1024 cần quyền quản trị. "
            f"Hãy chọn cổng khác, ví dụ `--addr {host}:8000`."
        )
    return (
        f"Không mở được máy chủ xem trước tại {addr} (lỗi hệ thống: {exc.strerror or exc}). "
        f"Hãy chọn địa chỉ khác, ví dụ `--addr 127.0.0.1:{other}`."
    )


def _not_dirty_warning(record: logging.LogRecord) -> bool:
    return "'dirty' build" not in record.getMessage()


class _Server(LiveReloadServer):
    """MkDocs' live-reload server, told when to build by the preview's rounds: MkDocs' own
    watcher would poll the docs folder (thousands of pages) twice a second."""

    def rebuild(self) -> None:
        with self._rebuild_cond:
            self._want_rebuild = True
            self._rebuild_cond.notify_all()


def preview_config(project: Path, docs: Path, site_dir: Path, year: int, addr: str) -> MkDocsConfig:
    """MkDocs' configuration of the preview (also the benchmark's)."""
    config = load_config(
        config_file=str(project / CONFIG),
        docs_dir=str(docs),
        site_dir=str(site_dir),
        site_name=f"Kiểm điểm {year} (xem trước)",
        dev_addr=addr,
        hooks=[str(HOOKS)],
    )
    # no search box: the search index (Pagefind) is made by `kiemdiem build` only
    config.extra["kd_search"] = False
    return config


def _server(project: Path, docs: Path, year: int, addr: str) -> _Server:
    """Build the preview once into a temporary folder and return the server of it; later
    builds are dirty (only pages whose Markdown changed: the renderer rewrites only
    changed files, and a changed review changes its page's front matter digest)."""
    site_dir = Path(tempfile.mkdtemp(prefix="kiemdiem-xem-truoc-"))
    config = preview_config(project, docs, site_dir, year, addr)
    host, port = config.dev_addr
    url = f"http://{host}:{port}/"

    def builder(config: MkDocsConfig | None = None) -> None:
        if config is None:
            config = preview_config(project, docs, site_dir, year, addr)
        config.site_url = url
        build(config, serve_url=url, dirty=True)

    server = _Server(builder=builder, host=host, port=port, root=str(site_dir))

    def error_page(code: int) -> bytes | None:
        page = site_dir / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server.error_handler = error_page
    builder(config)
    server.watch(str(project / CONFIG))  # one file polled: MkDocs' configuration changed
    return server
