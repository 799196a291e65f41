"""What the many sites of one build share: compiled theme templates, the theme's file list,
and one copy on disk of the files that are the same in every site.

A province's build makes thousands of sites (one per deciding committee and per chi bộ,
`generator.site.audiences`), each a MkDocs build. Measured at 3,754 members (241 sites),
most of each build was not its pages: MkDocs makes a fresh Jinja environment per build, so
every site compiled Material's templates again (over half of the time), listed and
filtered the theme's ~600 files, and copied Material's 2.6 MB of scripts and styles.

- `SharedTheme.bytecode`: a Jinja bytecode cache kept in memory for the process and, for
  the next process, in Jinja's own per-user cache folder (`disk_bytecode`; Jinja checks
  each template's source against the cached code, so an edited template is compiled
  again): a one-file rebuild no longer compiles Material's templates (~0.5 s);
- the theme's static file list is computed once per theme folder set;
- the theme's static files are not copied by MkDocs: each site gets hard links to one copy
  under `<site folder>/.kiemdiem-chung/` (same content, same paths inside every site, so a
  site served under its own path with its own access rules still works; a plain copy of
  the site folder, e.g. `cp -r`, turns the links back into files). Pagefind's files that
  do not depend on the index (its script, worker and wasm) are linked the same way.
  Where a link cannot be made (another file system) the file is copied.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from generator import atomic

STORE = ".kiemdiem-chung"
ASSETS = "assets/"  # the site's own scripts and styles, rendered from site_templates/assets  # below the output folder: one copy of every shared file


def _options(env: jinja2.Environment) -> str:
    """The environment's settings that shape compiled code (Jinja's own cache keys only
    the template's name and file: two environments with other settings would share)."""
    return repr(
        (
            env.block_start_string, env.block_end_string, env.variable_start_string,
            env.variable_end_string, env.comment_start_string, env.comment_end_string,
            env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
            env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
            sorted(env.extensions), env.optimized, env.is_async,
            getattr(env.autoescape, "__qualname__", env.autoescape),
            getattr(env.finalize, "__qualname__", env.finalize),
        )
    )  # fmt: skip


class _KeyedByOptions(jinja2.BytecodeCache):
    """A bytecode cache whose keys hold the environment's settings (`_options`)."""

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> jinja2.bccache.Bucket:
        key = self.get_cache_key(f"{_options(environment)}\0{name}", filename)
        bucket = jinja2.bccache.Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket


class _DiskBytecode(_KeyedByOptions, jinja2.FileSystemBytecodeCache):
    pass


def disk_bytecode() -> jinja2.BytecodeCache | None:
    """Jinja's bytecode cache in its per-user temporary folder (which Jinja makes and
    checks: owned by the user, mode 0700), keyed by the environment's settings too; None
    where it cannot have one."""
    try:
        return _DiskBytecode()
    except (OSError, RuntimeError):
        return None


class _MemoryBytecode(_KeyedByOptions):
    def __init__(self) -> None:
        self.data: dict[str, bytes] = {}
        self.disk = disk_bytecode()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.data.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)
        elif self.disk is not None:
            self.disk.load_bytecode(bucket)
            if bucket.code is not None:
                self.data[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.data[bucket.key] = bucket.bytecode_to_string()
        if self.disk is not None:
            self.disk.dump_bytecode(bucket)


class SharedTheme:
    """Shared by every MkDocs build of one process (`mkdocs_run.build_year(shared=...)`);
    `store`: where the one copy of the shared files lives (same file system as the sites)."""

    def __init__(self, store: Path) -> None:
        self.store = store
        self.bytecode = _MemoryBytecode()
        self.listing: dict[tuple[str, ...], list[str]] = {}
        self._versions: dict[str, str] = {}

    def version(self, source: str) -> str:
        """A file's content hash (a changed theme, override or asset gets a copy of its
        own, never the old one); computed once per file, size and time."""
        st = os.stat(source)
        key = f"{source}\0{st.st_size}\0{st.st_mtime_ns}"
        if key not in self._versions:
            digest = hashlib.sha256(Path(source).read_bytes()).hexdigest()[:16]
            self._versions[key] = digest
        return self._versions[key]

    def attach(self, config: MkDocsConfig) -> None:
        """Make the MkDocs build of `config` use what is shared."""
        theme = config.theme
        make_env = theme.get_env
        key = (*theme.dirs, "\0", *sorted(theme.static_templates))

        def get_env() -> jinja2.Environment:
            env = make_env()
            env.bytecode_cache = self.bytecode
            list_templates = env.list_templates

            def listed(
                extensions: Any = None, filter_func: Callable[[str], bool] | None = None
            ) -> list[str]:
                # MkDocs asks once per build, always with the same filter for one theme
                if extensions is not None or filter_func is None:
                    return list_templates(extensions, filter_func)
                if key not in self.listing:
                    self.listing[key] = list_templates(extensions, filter_func)
                return self.listing[key]

            env.list_templates = listed  # type: ignore[method-assign]
            return env

        theme.get_env = get_env  # type: ignore[method-assign]
        config.plugins["kiemdiem-shared"] = _LinkTheme(self, [str(d) for d in theme.dirs])

    def link(self, source: Path, target: Path, name: str) -> None:
        """Make `target` the shared copy `name` of `source`'s content (a hard link)."""
        kept = self.store / name
        if not kept.is_file():
            kept.parent.mkdir(parents=True, exist_ok=True)
            # written whole, then renamed: worker processes may share the store
            atomic.copy_file(source, kept)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists() or target.is_symlink():
            target.unlink()
        try:
            os.link(kept, target)
        except OSError:
            shutil.copyfile(kept, target)


class _LinkTheme(BasePlugin):  # type: ignore[type-arg]
    """Takes the theme's static files out of MkDocs' copying and links them instead."""

    def __init__(self, shared: SharedTheme, theme_dirs: list[str]) -> None:
        super().__init__()
        self.shared = shared
        self.dirs = tuple(os.path.join(d, "") for d in theme_dirs)
        self.linked: list[tuple[str, str]] = []  # (source file, path in the site)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for file in list(files):
            src = file.abs_src_path
            if not src or file.is_documentation_page():
                continue
            # the theme's files, and the site's own scripts and styles (the same in every
            # site: site_templates/assets)
            if src.startswith(self.dirs) or file.src_uri.startswith(ASSETS):
                self.linked.append((src, file.dest_uri))
                files.remove(file)
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        for src, dest in self.linked:
            name = f"theme/{self.shared.version(src)}/{dest}"  # content-addressed
            self.shared.link(Path(src), site / dest, name)


# Pagefind's files that are the same for every index of one Pagefind version
PAGEFIND_SHARED = ("pagefind.js", "pagefind-worker.js", "wasm.")
# Pagefind's own search interfaces: the site's search box (kiemdiem-search.js) imports
# pagefind.js only, so these ~420 KB are never loaded
PAGEFIND_UNUSED = ("pagefind-ui.", "pagefind-modular-ui.", "pagefind-component-ui.",
                   "pagefind-highlight.js")  # fmt: skip


def link_pagefind(shared: SharedTheme, index_dir: Path) -> None:
    """Replace Pagefind's index-independent files in `index_dir` by links to one copy
    (only where the content is the same: the store is keyed by size and name) and drop
    the interfaces the site does not load."""
    for path in index_dir.iterdir():
        if path.is_file() and path.name.startswith(PAGEFIND_UNUSED):
            path.unlink()
        elif path.is_file() and path.name.startswith(PAGEFIND_SHARED):
            name = f"pagefind/{path.stat().st_size}/{path.name}"
            kept = shared.store / name
            if kept.is_file() and kept.read_bytes() != path.read_bytes():
                continue  # not the same after all: keep the site's own
            shared.link(path, path, name)


# The pages every committee's and chi bộ's site has alike: built from the whole year only
# (the rules with the organization's published citations, the guide; their front matter
# says `kd_chung: true`, so the header does not name the audience). What they show is what
# the whole organization's site shows, so their one copy may sit in the store, which is
# served to the whole organization. Not MkDocs' 404 page: it links from its own site's
# path on the server (generator.site.address), which differs from site to site.
SAME_PAGES = ("quy-tac/index.html", "huong-dan/index.html")
SAME_URLS = ("quy-tac/", "huong-dan/", "quy-tac/index.html", "huong-dan/index.html")
_FRAGMENT_SIGNATURE = b"pagefind_dcd"


def _fragment_url(path: Path) -> str:
    """The page address a Pagefind fragment is about ("" when it cannot be read)."""
    try:
        data = gzip.decompress(path.read_bytes()).removeprefix(_FRAGMENT_SIGNATURE)
        url = json.loads(data).get("url", "")
    except (OSError, ValueError, AttributeError):
        return ""
    return url if isinstance(url, str) else ""


def link_same_pages(shared: SharedTheme, site_dir: Path) -> int:
    """Make the pages every audience's site has alike (`SAME_PAGES`) and their search
    fragments links to one copy each, keyed by content (a page that differs gets its own
    copy, never another's). Returns how many files were linked."""
    paths = [site_dir / rel for rel in SAME_PAGES]
    fragments = site_dir / "pagefind" / "fragment"
    if fragments.is_dir():
        paths += [f for f in sorted(fragments.iterdir()) if _fragment_url(f) in SAME_URLS]
    linked = 0
    for path in paths:
        if not path.is_file():
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        shared.link(path, path, f"trang/{digest[:2]}/{digest}{path.suffix}")
        linked += 1
    return linked


def prune_pages(shared: SharedTheme) -> int:
    """Delete the shared pages no site links any more (a link count of one: the store's
    own; left by a rebuilt or deleted site). Only after a build of every site: a job that
    builds one body's sites may not know the others. Returns how many went."""
    base = shared.store / "trang"
    gone = 0
    if base.is_dir():
        for path in base.rglob("*"):
            if path.is_file() and not path.is_symlink() and path.stat().st_nlink == 1:
                path.unlink()
                gone += 1
    return gone
