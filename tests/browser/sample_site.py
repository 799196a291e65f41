"""The built sample site, served on 127.0.0.1, and a headless Chromium: fixtures for
the browser tests that read the real sample (accessibility, year switcher).

    from tests.browser.sample_site import browser, site, sitemap  # noqa: F401 (fixtures)
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.site.build import BuildOptions, build_site
from tests.browser.chrome import CHROMIUM, chromium

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed"
)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    out = tmp_path_factory.mktemp("a11y") / "site"
    options = BuildOptions(repo=ROOT, out=out, project=ROOT, strict=True, force=True,
                           work=out.parent / "work")  # fmt: skip
    build_site(options)
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", out
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium(script_timeout=60) as driver:
        yield driver


def sitemap(out: Path, year: int) -> list[str]:
    """The pages of a built year, relative to its root ("", "to-chuc/x/", …)."""
    text = (out / str(year) / "sitemap.xml").read_text("utf-8")
    return [
        loc.removeprefix("http://localhost/") for loc in re.findall(r"<loc>([^<]+)</loc>", text)
    ]
