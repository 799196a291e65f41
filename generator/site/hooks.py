"""MkDocs hook (mkdocs.yml `hooks:`): put members' review bodies into built pages.

A chi bộ page holds every member's review. Markdown's raw-HTML pass and the search
indexer both parse every HTML tag of a page in pure Python, and the reviews are most of
the tags. So the renderer writes each page with an empty placeholder per member and the
bodies into `<docs_dir>/../fragments/<page's Markdown path>.json`; this hook swaps them in
after MkDocs rendered the page (search indexes the records of generator.site.search). The bodies come from the same autoescaping templates as the pages.
Substitution is one pass: inserted text is never scanned again.

Pages whose Markdown is only raw HTML blocks (front matter `kd_html: true`: organization,
tree and problem pages, the many) skip Python-Markdown altogether: its raw-HTML pass
parses every tag in pure Python (~40 ms a page, most of MkDocs' time at province size)
only to hand the same blocks back. `on_page_markdown` keeps the page's HTML and gives
Markdown nothing to convert; `on_page_content` puts the HTML back.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

FRAGMENTS = "fragments"
# a member id, or "@dang-vien" for the members' table ("@" is never in an id)
PLACEHOLDER = re.compile(r'<div class="kd-[a-z-]+" data-kd-body="([a-z0-9@-]+)"></div>')


RAW = "kd_html"  # front matter flag: the page is raw HTML only
_raw: dict[str, str] = {}  # src_uri -> the page's HTML, between the two events


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    if page.meta.get(RAW) is True:
        _raw[page.file.src_uri] = markdown
        return ""
    return markdown


def on_page_content(html: str, page: Any, **_: Any) -> str:
    raw = _raw.pop(page.file.src_uri, None)
    return html if raw is None else raw.strip() + "\n"


def fragments_file(docs_dir: Path, rel: str) -> Path:
    """Where the fragments of the page built from Markdown file `rel` are kept."""
    return docs_dir.parent / FRAGMENTS / f"{rel}.json"


def on_post_page(output: str, page: Any, config: Any, **_: Any) -> str:
    src = page.file.src_uri
    if not src.startswith("to-chuc/"):
        return output
    path = fragments_file(Path(config["docs_dir"]), src)
    if not path.is_file():
        return output
    bodies: dict[str, str] = json.loads(path.read_text("utf-8"))
    return PLACEHOLDER.sub(lambda m: bodies.get(m.group(1), m.group(0)), output)
