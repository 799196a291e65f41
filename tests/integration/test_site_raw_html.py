"""Pages marked `kd_html: true` skip Python-Markdown (generator.site.hooks): they must be
raw HTML only, so that Markdown would have made the same HTML of them.

If a template of such a page gains Markdown (a `## heading`, a pipe table, a list), this
test fails: drop the flag from that template or write the part as HTML.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import yaml

from generator.site.hooks import RAW
from generator.site.render import render_year
from generator.site.views import YearView
from tests.integration.test_site_data import make_findings, make_verdicts, make_year

ROOT = Path(__file__).resolve().parents[2]
FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def _normal(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html)).strip()


def test_raw_html_pages_convert_to_themselves(tmp_path: Path) -> None:
    year = make_year(2025, grassroots=1, chi_bo_per=2, members_per=2)
    view = YearView(year, make_verdicts(year), make_findings(year), years=[2025])
    render_year(view, ROOT / "site_templates", tmp_path / "docs")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    extensions = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    raw_pages = 0
    for path in sorted((tmp_path / "docs").rglob("*.md")):
        text = path.read_text("utf-8")
        front = FRONT.match(text)
        assert front is not None, path
        if yaml.safe_load(front.group(1)).get(RAW) is not True:
            continue
        raw_pages += 1
        body = text[front.end() :]
        converted = markdown.markdown(body, extensions=extensions)
        assert _normal(converted) == _normal(body), path
    # organizations, the tree, the problems: the kinds of page there are many of
    assert raw_pages >= 6
