"""Debian's headless Chromium under Selenium, started one way for every browser test.

The flags are the ones this machine needs: no sandbox as root, and no background
networking, component updates or sync (the machine has no network but loopback).
"""

from __future__ import annotations

import contextlib
import tempfile
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
