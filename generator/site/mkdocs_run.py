"""The one module that talks to MkDocs: build a year's docs folder into its site folder.

MkDocs runs in-process through its Python API (`load_config` + `build`): one process for
all years saves the ~1 s import per year a subprocess would cost, and each
`load_config` creates fresh plugin instances, so years do not share state.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.utils import is_error_template

from generator.site.shared import SharedTheme

HOOKS = Path(__file__).with_name("hooks.py")


class MkDocsError(Exception):
    """MkDocs refused to build (in strict mode: it warned). The message lists why."""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _not_dirty_warning(record: logging.LogRecord) -> bool:
    return "'dirty' build" not in record.getMessage()


class _ErrorPageBase(BasePlugin):  # type: ignore[type-arg]
    """Builds the 404 page with links from `base` (generator.site.address), by MkDocs' own
    rule: an error page links from the path of `site_url`. The site_url is set for that
    page only: on the others it would add canonical links holding each site's address, so
    the pages every audience's site shares (generator.site.shared) would differ."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = base
        self.kept: str | None = None

    def on_pre_template(self, template: Any, *, template_name: str, config: MkDocsConfig) -> Any:
        if is_error_template(template_name):
            self.kept, config.site_url = config.site_url, self.base
        return template

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        if is_error_template(template_name):
            config.site_url = self.kept
        return output_content


def build_year(
    config_file: Path,
    *,
    docs_dir: Path,
    site_dir: Path,
    site_name: str,
    strict: bool,
    offline: bool = False,
    shared: SharedTheme | None = None,
    dirty: bool = False,
    audience: str = "",
    error_base: str = "",
    sitemap_base: str = "",
) -> list[str]:
    """Build one year; returns MkDocs' warnings (raises MkDocsError in strict mode).

    `offline`: pages as files (`use_directory_urls: false`), so that the site works
    opened from disk (file://). `shared`: what the sites
    of one build share (compiled templates, one copy of the theme's files). `dirty`: only
    pages whose Markdown is newer than their HTML are built (generator.site.incremental
    says when that is safe); MkDocs' warning that a dirty build may be inaccurate is
    dropped, since it is (and would fail a strict build). `audience`: the name of a
    committee's or chi bộ's site, shown in the header beside `site_name` on every page
    but those the audiences share (front matter `kd_chung: true`, and 404). `error_base`:
    where the 404 page links from (generator.site.address; "": MkDocs' own, the
    server's root). `sitemap_base`: what each entry of the sitemap starts with
    (generator.site.address.sitemap_base_of; "": the server's root)."""
    extra: dict[str, Any] = {}
    if offline:
        # pages as files is all opening from disk needs here. Material's offline plugin
        # would set the same and add unpkg.com's iframe-worker shim to every page, for
        # Material's own search (a worker from file://); this site searches with Pagefind,
        # whose box an offline build turns off, so a page would only ask a third party
        # for a script it never uses
        extra = {"use_directory_urls": False}
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    logger.addHandler(collect)
    build_logger = logging.getLogger("mkdocs.commands.build")
    build_logger.addFilter(_not_dirty_warning)
    try:
        config = load_config(
            config_file=str(config_file),
            docs_dir=str(docs_dir),
            site_dir=str(site_dir),
            site_name=site_name,
            strict=strict,
            # the hook ships with the package: found wherever kiemdiem is installed, not only
            # in a checkout whose mkdocs.yml sits next to generator/
            hooks=[str(HOOKS)],
            **extra,
        )
        if audience:
            config.extra["kd_pham_vi"] = audience
        if sitemap_base:
            config.extra["kd_sitemap_base"] = sitemap_base
        if shared is not None:
            shared.attach(config)
        if error_base:
            config.plugins["kiemdiem-404"] = _ErrorPageBase(error_base)
        build(config, dirty=dirty)
    except Abort as exc:
        raise MkDocsError("\n".join([*collect.messages, str(exc)])) from exc
    finally:
        logger.removeHandler(collect)
        build_logger.removeFilter(_not_dirty_warning)
    return collect.messages
