"""The built sample site, served on 127.0.0.1, and a headless Chromium: fixtures for
the browser tests that read the real sample (accessibility, year switcher).

    from tests.browser.sample_site import browser, site, sitemap  # noqa: F401 (fixtures)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.site.build import BuildOptions, build_site
from tests.browser.chrome import CHROMIUM, chromium, served

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    out = tmp_path_factory.mktemp("a11y") / "site"
    options = BuildOptions(repo=ROOT, out=out, project=ROOT, strict=True, force=True,
                           work=out.parent / "work")  # fmt: skip
    build_site(options)
    with served(out) as server:
        yield server.base, out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium(script_timeout=60) as driver:
        yield driver


def sitemap(out: Path, year: int) -> list[str]:
    """The pages of a built year, relative to its root ("", "to-chuc/x/", …)."""
    text = (out / str(year) / "sitemap.xml").read_text("utf-8")
    root = f"http://localhost/{year}/"
    locs = re.findall(r"<loc>([^<]+)</loc>", text)
    assert all(loc.startswith(root) for loc in locs), locs
    return [loc.removeprefix(root) for loc in locs]
