"""Where the built sites are served, for the one page that must know: 404.

Every page of a site links relatively, so a site works wherever its folder is served. A
404 page cannot: the web server shows it in place of any missing address, at any depth
(`<site>/khong-co/trang/nay/`), so MkDocs links it absolutely, from the path of its
`site_url`, or from the server's root without one (mkdocs/mkdocs#1598). One `kiemdiem
build` makes many MkDocs sites (`<out>/<year>/`, `<out>/cap-uy/<org>/<year>/`, …), so each
site's 404 links from where the output folder is served (`kiemdiem build --site-url`,
default the server's root, as README's `python -m http.server -d site` and
docs/deploy/nginx-pham-vi.conf serve it) followed by the site's place in it.
"""

from __future__ import annotations

from urllib.parse import quote, unquote, urlsplit

# a build for opening from disk (`--offline`) without --site-url: no server shows its
# 404.html in place of anything, so it links like the home page beside it, relatively
RELATIVE = "./"


class SiteUrlError(ValueError):
    """A `--site-url` that cannot be an address; the message is for the user."""


def site_path(value: str) -> str:
    """The path part of `--site-url` ("https://may-chu/kiemdiem" or "/kiemdiem/"), with one
    slash at each end and percent-encoded: only the path is used, so the links hold for
    every host name the server answers to."""
    parts = urlsplit(value.strip())
    if parts.scheme not in ("", "http", "https") or (parts.scheme and not parts.netloc):
        raise SiteUrlError(
            f"--site-url `{value}` không phải địa chỉ web: viết dạng "
            "`https://may-chu/duong-dan/` hoặc chỉ đường dẫn `/duong-dan/`."
        )
    if parts.query or parts.fragment:
        raise SiteUrlError(
            f"--site-url `{value}` có phần `?` hoặc `#`: chỉ ghi địa chỉ của thư mục trang, "
            "ví dụ `https://may-chu/kiemdiem/`."
        )
    if not parts.scheme and not parts.path.startswith("/"):
        raise SiteUrlError(
            f"--site-url `{value}` phải là địa chỉ đầy đủ hoặc đường dẫn bắt đầu bằng `/`, "
            f"ví dụ `/{parts.path.strip('/')}/`."
        )
    segments = [s for s in unquote(parts.path).split("/") if s]
    if any(s in (".", "..") for s in segments):
        raise SiteUrlError(f"--site-url `{value}` không được chứa `.` hay `..` trong đường dẫn.")
    return "/" + "".join(quote(s, safe="") + "/" for s in segments)


# the origin of a sitemap's entries when the host is not known (`--site-url` keeps only a
# path, `site_path`): Material's year switcher, their one reader, takes the host from the
# page being read (site_templates/overrides/sitemap.xml)
PLACEHOLDER_ORIGIN = "http://localhost"


def sitemap_base_of(root: str | None, site: str) -> str:
    """The address the sitemap of the site at `site` ("2025", "cap-uy/<org>/2025") puts
    before each page's own path: where that site is served (`root`: `site_path`; None:
    the server's root) under a placeholder origin, so every entry is a page's real path,
    year folder included, offline builds too (their pages are files under the same
    folders)."""
    return PLACEHOLDER_ORIGIN + error_page_base(root, site)


def error_page_base(root: str | None, site: str, offline: bool = False) -> str:
    """Where the 404 page of the site at `site` ("2025", "cap-uy/<org>/2025") in the
    output folder links from: `root` (`site_path`; None: not given) followed by `site`;
    relative for an offline build without a root."""
    if root is None and offline:
        return RELATIVE
    return (root or "/") + "".join(quote(s, safe="") + "/" for s in site.split("/") if s)
