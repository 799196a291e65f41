"""Every link of a built site opens something: the sample built as the README says, with
every committee's and chi bộ's site, for a web server and for opening from disk
(`--offline`). A relative link must reach a file of the build (a folder's index.html on a
web server; from disk a file itself, never a folder, which the browser shows as a listing).
A 404 page, which a server shows at any depth, links from its own site's path on the server
(the output folder at the server's root without `--site-url`); from disk, relatively. The
root of a server's build shows the newest year's 404 page (GitHub Pages shows only that one).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.cli import main
from tests.conftest import copy_sample

_HREF = re.compile(r"<a\b[^>]*?\shref=\"([^\"]*)\"")
_ANY_LINK = re.compile(r"\s(?:href|src)=\"([^\"#]*)\"")  # styles, scripts, icon too
AUDIENCES = ("cap-uy", "chi-bo")
_EXTERNAL = ("http:", "https:", "mailto:", "tel:", "data:")


def _broken(site: Path, offline: bool) -> list[str]:
    out = []
    for page in sorted(site.rglob("*.html")):
        parts = page.relative_to(site).parts
        if "pagefind" in parts or parts[0].startswith("."):  # the shared store: linked in
            continue
        if page.name == "404.html":  # test_every_404_page_links_into_its_own_site
            continue
        for href in set(_HREF.findall(page.read_text("utf-8"))):
            if not href or href.startswith(("#", *_EXTERNAL)) or "{" in href:
                continue
            path = unquote(urlsplit(href).path)
            if not path:
                continue
            target = (page.parent / path).resolve()
            where = f"{page.relative_to(site)} -> {href}"
            if not target.is_relative_to(site.resolve()):
                out.append(f"{where}: outside the site")
            elif target.is_dir():
                if offline:
                    out.append(f"{where}: a folder (a listing from disk)")
                elif not (target / "index.html").is_file():
                    out.append(f"{where}: a folder without index.html")
            elif not target.is_file():
                out.append(f"{where}: nothing there")
    return out


@pytest.fixture(scope="module", params=["server", "offline"])
def built(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, bool]:
    root = tmp_path_factory.mktemp(f"links-{request.param}")
    repo = copy_sample(root / "repo", (2024, 2025, 2026))
    offline = request.param == "offline"
    out = root / "site"
    # every audience, from disk too (an offline build holds the organization's alone
    # unless asked: tests/integration/test_offline_scope.py)
    argv = ["--repo", str(repo), "build", "--out", str(out), "--pham-vi", "to-chuc,cap-uy,chi-bo"]
    assert main([*argv, *(["--offline"] if offline else [])]) == 0
    return out, offline


def test_every_link_of_every_site_opens_a_page(built: tuple[Path, bool]) -> None:
    site, offline = built
    audiences = [p for p in site.iterdir() if p.is_dir() and not p.name.isdigit()]
    assert audiences, "the build made no committee or chi bộ site"
    assert list(site.glob("*/*/*/huong-dan/index.html")), "no audience site has a guide page"
    assert _broken(site, offline) == []


def test_every_404_page_links_into_its_own_site(built: tuple[Path, bool]) -> None:
    site, offline = built
    pages = [p for p in site.rglob("404.html") if not p.relative_to(site).parts[0].startswith(".")]
    # the organization's site of each year, and each committee's and chi bộ's
    sites = [d for d in site.glob("*") if d.name.isdigit()]
    sites += [d for d in site.glob("*/*/*") if d.name.isdigit() and d.parts[-3] in AUDIENCES]
    # a server's build: the root of the output folder and of each committee's and chi bộ's
    # folder has the newest year's 404 (GitHub Pages shows only the root's); from disk none
    roots = [] if offline else [site, *(d.parent for d in sites if d.parent != site)]
    assert sorted(p.parent for p in pages) == sorted({*sites, *roots})
    for root in set(roots):
        newest = max((d for d in root.iterdir() if d.name.isdigit()), key=lambda d: int(d.name))
        assert (root / "404.html").read_bytes() == (newest / "404.html").read_bytes(), root
    broken = []
    for page in (p for p in pages if p.parent.name.isdigit()):
        own = page.parent.relative_to(site).as_posix()
        links = {h for h in _ANY_LINK.findall(page.read_text("utf-8")) if h}
        assert len(links) > 5, page
        for href in sorted(links - {h for h in links if h.startswith(_EXTERNAL)}):
            where = f"{own}/404.html -> {href}"
            path = unquote(urlsplit(href).path)
            if offline:
                target = page.parent / path
            elif not path.startswith(f"/{own}/"):
                broken.append(f"{where}: not under /{own}/")
                continue
            else:
                target = site / path.lstrip("/")
            if not (target.is_file() or (not offline and (target / "index.html").is_file())):
                broken.append(f"{where}: nothing there")
    assert broken == []


def test_every_sitemap_entry_is_a_page_of_its_own_site(built: tuple[Path, bool]) -> None:
    """Each site's sitemap.xml (site_templates/overrides/sitemap.xml) lists its pages by
    their path from where the output folder is served, year folder included: relative to
    the output folder every entry is a built page of that very site."""
    site, offline = built
    maps = [m for m in site.rglob("sitemap.xml") if m.relative_to(site).parts[0][0] != "."]
    assert {m.parent.name for m in maps} == {"2024", "2025", "2026"}
    assert any(m.parent.parent != site for m in maps), "no committee's or chi bộ's sitemap"
    broken = []
    for sitemap in maps:
        own = sitemap.parent.relative_to(site).as_posix()
        locs = re.findall(r"<loc>([^<]*)</loc>", sitemap.read_text("utf-8"))
        assert len(locs) > 5, sitemap
        for loc in locs:
            path = unquote(urlsplit(loc).path)
            target = site / path.lstrip("/")
            if not path.startswith(f"/{own}/"):
                broken.append(f"{own}/sitemap.xml: {loc} is not under /{own}/")
            elif not (target.is_file() or (not offline and (target / "index.html").is_file())):
                broken.append(f"{own}/sitemap.xml: {loc}: no page there")
    assert broken == []


def test_no_page_loads_anything_from_another_server(built: tuple[Path, bool]) -> None:
    """A site holds what it shows (issue 14, data protection): no script, style, font or
    image comes from elsewhere — opened from a USB stick on a machine without the internet,
    or on the internal server, a page asks no third party for anything (Material's offline
    plugin added unpkg.com's iframe-worker to every page, for a search this site does not
    use)."""
    site, _ = built
    loaded = re.compile(
        r'<(?:script|img|iframe|source)\b[^>]*\bsrc="([^"]+)"|<link\b[^>]*\bhref="([^"]+)"'
    )
    outside = sorted(
        {
            f"{page.relative_to(site)}: {url}"
            for page in site.rglob("*.html")
            for m in loaded.finditer(page.read_text("utf-8"))
            for url in m.groups()
            if url and re.match(r"(?:[a-z][a-z0-9+.-]*:)?//", url, re.I)
        }
    )
    assert outside == []


_YEARS_NAV = re.compile(r'<nav class="kd-years" aria-label="Các năm khác">(.*?)</nav>', re.S)


def test_offline_home_pages_link_the_other_years(built: tuple[Path, bool]) -> None:
    """From disk Material's year menu stays empty (it fetches ../versions.json, which a
    browser refuses from file://) and the root page sends the reader to the newest year:
    each year's home page of the organization's offline site lists the other years, as
    plain links written at build time. A server build has the menu and no list; a
    committee's or chi bộ's site has neither (its years are not the organization's)."""
    site, offline = built
    for year in (2024, 2025, 2026):
        home = (site / str(year) / "index.html").read_text("utf-8")
        found = _YEARS_NAV.findall(home)
        if not offline:
            assert found == []
            continue
        (nav,) = found
        others = [y for y in (2026, 2025, 2024) if y != year]
        assert _HREF.findall(nav) == [f"../{y}/index.html" for y in others]
        assert [re.sub(r"<[^>]+>", "", a) for a in re.findall(r"<a\b.*?</a>", nav)] == [
            f"Năm {y}" for y in others
        ]
        for y in others:
            assert (site / str(year) / f"../{y}/index.html").resolve().is_file()
    for home in site.glob("*/*/*/index.html"):
        if home.parts[-4] in AUDIENCES:
            assert 'class="kd-years"' not in home.read_text("utf-8"), home
