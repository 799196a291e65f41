"""Debian's headless Chromium under Selenium, started one way for every browser test.

The flags are the ones this machine needs: no sandbox as root, and no background
networking, component updates or sync (the machine has no network but loopback).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


@contextlib.contextmanager
def chromium(
    *, window: str = "1280,1000", network_log: bool = False, script_timeout: float | None = None
) -> Iterator[Any]:
    """A headless Chromium driver with a fresh profile, quit on exit. `network_log`: keep
    the DevTools performance log (the requests the page made)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    if network_log:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    with tempfile.TemporaryDirectory() as profile:
        for arg in (
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            f"--window-size={window}",
        ):
            options.add_argument(arg)
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
        if script_timeout is not None:
            driver.set_script_timeout(script_timeout)
        try:
            yield driver
        finally:
            driver.quit()


class Served:
    """A folder served on 127.0.0.1 (`served`): its address and every path asked for, in
    order (Pagefind fetches from a web worker, which the page's resource timing does not
    list, so what a search downloaded is counted here)."""

    def __init__(self, base: str, requested: list[str]) -> None:
        self.base = base
        self.requested = requested

    def take(self) -> list[str]:
        """The paths asked for since the last call."""
        paths, self.requested[:] = list(self.requested), []
        return paths


@contextlib.contextmanager
def served(directory: Path) -> Iterator[Served]:
    """Serve `directory` quietly on a free port of 127.0.0.1 until the block ends."""
    requested: list[str] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self) -> None:
            requested.append(self.path.split("?", 1)[0])
            super().do_GET()

        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield Served(f"http://127.0.0.1:{server.server_address[1]}", requested)
    finally:
        server.shutdown()
        server.server_close()
