"""axe-core in a real browser (headless Chromium) on the built sample site: no
accessibility violation on the main kinds of page (issue 13 item 7).

axe-core comes from node_modules (package.json, pinned; `npm ci`) and is injected into
the page by the test: the site itself never loads it, and nothing comes from a CDN.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from generator.submissions.layout import years
from tests.browser.sample_site import ARTIFACTS, ROOT, browser, needs_chromium, site, sitemap

__all__ = ["browser", "site"]  # fixtures

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
YEAR = 2025

pytestmark = [
    pytest.mark.browser,
    needs_chromium,
    pytest.mark.skipif(
        not AXE.exists() and not os.environ.get("CI"),
        reason="axe-core is not installed (run `npm ci`)",
    ),
    pytest.mark.skipif(YEAR not in years(ROOT), reason="no sample year 2025"),
]


def _pages(out: Path) -> dict[str, str]:
    """One page of each kind of the sample year (relative to the site root)."""
    pages = sitemap(out, YEAR)
    orgs = [p for p in pages if p.startswith("to-chuc/") and p != "to-chuc/"]

    def html(rel: str) -> str:
        return (out / str(YEAR) / rel / "index.html").read_text("utf-8")

    with_members = next(p for p in orgs if 'class="kd-member"' in html(p))
    without = next(p for p in orgs if 'class="kd-member"' not in html(p))
    member = html(with_members).split('class="kd-member">\n<h3 id="', 1)[1].split('"', 1)[0]
    return {
        "home": "",
        "tree": "to-chuc/",
        "organization": without,
        "member": f"{with_members}#{member}",
        "statistics": "thong-ke/",
        "problems": "van-de/",
        "rules": "quy-tac/",
        "guide": "huong-dan/",
    }


SETTLE = """
const done = arguments[arguments.length - 1];
const style = document.createElement("style");
style.textContent = "*, *::before, *::after {transition: none !important;"
  + " animation: none !important}";
document.head.appendChild(style);
requestAnimationFrame(() => requestAnimationFrame(() => done(true)));
"""

AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ["violations"]}).then(
  r => done(r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => [n.target.join(" "), n.failureSummary])
  }))),
  e => done([{id: "axe-error", help: String(e), nodes: []}]));
"""


@pytest.mark.parametrize(
    "kind",
    ["home", "tree", "organization", "member", "statistics", "problems", "rules", "guide"],
)
def test_axe_finds_no_violation(site: tuple[str, Path], browser: Any, kind: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    base, out = site
    rel = _pages(out)[kind]
    browser.get(f"{base}/{YEAR}/{rel}")
    wait = WebDriverWait(browser, 20)
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".md-content article")))
    # the year switcher is built by script from versions.json: check it too
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".md-version__current")))
    # the final look, not a frame of a fade: with the page opened at a member's anchor the
    # header's title fades in, and axe measured its contrast mid-fade under load (flaky)
    browser.execute_async_script(SETTLE)
    browser.execute_script(AXE.read_text("utf-8"))
    violations = browser.execute_async_script(AXE_RUN)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / f"a11y-{kind}.png"))
    assert violations == [], f"{kind} ({rel}):\n" + json.dumps(
        violations, ensure_ascii=False, indent=1
    )
