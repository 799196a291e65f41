"""`kiemdiem build --site-url`: where the output folder is served, from which each site's 404
page links (generator.site.address)."""

from __future__ import annotations

import pytest

from generator.cli import main
from generator.site.address import SiteUrlError, error_page_base, site_path, sitemap_base_of


@pytest.mark.parametrize(
    ("given", "path"),
    [
        ("https://may-chu/kiemdiem/", "/kiemdiem/"),
        ("http://10.0.0.5:8080/kiemdiem", "/kiemdiem/"),  # only the path: any host name
        ("https://may-chu", "/"),
        ("/", "/"),
        ("/noi-bo//kiemdiem", "/noi-bo/kiemdiem/"),
        ("/kiểm điểm/", "/ki%E1%BB%83m%20%C4%91i%E1%BB%83m/"),  # safe inside an attribute
        ('/a"b<c>/', "/a%22b%3Cc%3E/"),
        ("/ki%E1%BB%83m/", "/ki%E1%BB%83m/"),  # already encoded: not twice
    ],
)
def test_the_path_of_the_address_is_kept(given: str, path: str) -> None:
    assert site_path(given) == path


@pytest.mark.parametrize(
    "given", ["kiemdiem", "ftp://may-chu/", "https:///x/", "/a/?b=1", "/a/#b", "/a/../b/"]
)
def test_an_address_that_cannot_be_one_is_refused(given: str) -> None:
    with pytest.raises(SiteUrlError, match="--site-url"):
        site_path(given)


def test_each_site_links_its_404_from_its_own_path() -> None:
    assert error_page_base(None, "2025") == "/2025/"  # the output folder at the root
    assert error_page_base("/kiemdiem/", "cap-uy/dang-bo-xa-a/2025") == (
        "/kiemdiem/cap-uy/dang-bo-xa-a/2025/"
    )
    # opened from disk: like the home page beside it; unless told where it is served
    assert error_page_base(None, "2025", offline=True) == "./"
    assert error_page_base("/usb/", "2025", offline=True) == "/usb/2025/"


def test_the_command_refuses_it_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--site-url", "kiemdiem"]) == 2
    err = capsys.readouterr().err
    assert "phải là địa chỉ đầy đủ hoặc đường dẫn bắt đầu bằng `/`" in err
    assert "`/kiemdiem/`" in err


@pytest.mark.parametrize(
    ("root", "site", "base"),
    [
        (None, "2025", "http://localhost/2025/"),
        ("/kiemdiem/", "2025", "http://localhost/kiemdiem/2025/"),
        (None, "cap-uy/dang-bo-x/2025", "http://localhost/cap-uy/dang-bo-x/2025/"),
    ],
)
def test_a_sitemap_lists_pages_under_their_site_folder(
    root: str | None, site: str, base: str
) -> None:
    """Each entry of a site's sitemap.xml is the page's path from where the output folder
    is served, the year folder included (the host is a placeholder)."""
    assert sitemap_base_of(root, site) == base
