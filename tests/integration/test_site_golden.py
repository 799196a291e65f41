"""Golden pages: one small year rendered and compared with tests/golden/site/, file by file.

A renderer or template change shows here as a readable unified diff of the Markdown the
site is built from (and of the members' fragments, one body per block). When the change
is meant, refresh the golden files with the flag, never by hand:

    KIEMDIEM_UPDATE_GOLDEN=1 python -m pytest tests/integration/test_site_golden.py

and review `git diff tests/golden/` like any other change.
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
from pathlib import Path

import pytest

from generator.site.render import render_year
from generator.site.views import YearView
from tests.integration.test_site_data import make_findings, make_verdicts, make_year

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "site"
UPDATE = os.environ.get("KIEMDIEM_UPDATE_GOLDEN") == "1"
# copies of site_templates/assets and the statistics downloads (tested elsewhere) are left out
SKIP_PREFIXES = ("docs/assets/", "docs/thong-ke/thong-ke-")


def _rendered(work: Path) -> dict[str, str]:
    year = make_year(2025, grassroots=1, chi_bo_per=2, members_per=2)
    view = YearView(year, make_verdicts(year), make_findings(year), years=[2025])
    render_year(view, ROOT / "site_templates", work / "docs")
    out: dict[str, str] = {}
    for path in sorted(work.rglob("*")):
        rel = path.relative_to(work).as_posix()
        if not path.is_file() or rel.startswith(SKIP_PREFIXES):
            continue
        text = path.read_text("utf-8")
        if rel.startswith("fragments/"):  # one block per member body: diffs stay readable
            bodies = json.loads(text)
            text = "".join(f"<!-- {key} -->\n{body.strip()}\n" for key, body in bodies.items())
            rel = rel.removesuffix(".json") + ".html"
        out[rel] = text
    return out


def test_rendered_pages_match_the_golden_pages(tmp_path: Path) -> None:
    rendered = _rendered(tmp_path)
    assert any(rel.startswith("docs/to-chuc/") for rel in rendered)
    if UPDATE:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, text in rendered.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_text(text, "utf-8")
        pytest.skip(f"golden pages refreshed in {GOLDEN.relative_to(ROOT)}: review the diff")
    golden = {
        p.relative_to(GOLDEN).as_posix(): p.read_text("utf-8")
        for p in sorted(GOLDEN.rglob("*"))
        if p.is_file()
    }
    assert sorted(rendered) == sorted(golden), "pages added or removed (refresh: see docstring)"
    diffs = [
        "".join(
            difflib.unified_diff(
                golden[rel].splitlines(keepends=True),
                text.splitlines(keepends=True),
                f"golden/{rel}",
                f"rendered/{rel}",
            )
        )
        for rel, text in rendered.items()
        if text != golden[rel]
    ]
    assert not diffs, "rendered pages differ (refresh: see docstring)\n" + "\n".join(diffs)
