"""The README's deployment example works: nginx serves each audience's site only to its own
accounts (issue 14), and a missing page its site's 404 page, whose every link opens, with
the sites served under a sub-path (`kiemdiem build --site-url`). Runs the shipped
docs/deploy/nginx-pham-vi.conf on 127.0.0.1 against a built sample (Debian's nginx,
installed by .ci/run), behind a front server that serves it at /kiemdiem/ as a single
sign-on proxy would (it signs every request in with the committee's account)."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urljoin

import pytest

from generator.pipeline import Pipeline
from generator.site.address import site_path
from generator.site.build import BuildOptions, build_site
from tests.browser.chrome import CHROMIUM, chromium

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
YEAR = 2025
PREFIX = "/kiemdiem/"  # where the front server serves the sites
COMMITTEE = ("capuy", "mk-cu")  # an account of every audience of the chi bộ
pytestmark = pytest.mark.skipif(
    NGINX is None, reason="nginx is not installed (.ci/run installs it)"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Served(NamedTuple):
    url: str  # the shipped configuration, at the server's root
    org: str  # the chi bộ whose audiences were built
    front: str  # the same behind the front server: its sites under PREFIX


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """nginx serving every audience of one chi bộ, built for PREFIX."""
    base = tmp_path_factory.mktemp("deploy")
    year = Pipeline(ROOT).rate([YEAR])[YEAR].year
    chi_bo = sorted(
        o.id for o in year.orgs.values() if o.type.holds_members and o.type.is_grassroots
    )[0]
    site = base / "site"
    build_site(
        BuildOptions(
            repo=ROOT,
            out=site,
            project=ROOT,
            years=[YEAR],
            force=True,
            work=base / "work",
            audiences=("to-chuc", "cap-uy", "chi-bo"),
            only=chi_bo,
            site_path=site_path(f"https://may-chu{PREFIX}"),
        )
    )
    auth = base / "auth"
    auth.mkdir()
    (auth / "to-chuc.htpasswd").write_text("dangvien:{PLAIN}mk-dv\ncapuy:{PLAIN}mk-cu\n")
    (auth / f"cap-uy-{chi_bo}.htpasswd").write_text("capuy:{PLAIN}mk-cu\n")
    (auth / f"chi-bo-{chi_bo}.htpasswd").write_text("bithu:{PLAIN}mk-bt\ncapuy:{PLAIN}mk-cu\n")
    run = base / "run"
    run.mkdir()
    port, front = _free_port(), _free_port()
    conf = (ROOT / "docs/deploy/nginx-pham-vi.conf").read_text("utf-8")
    sign_in = base64.b64encode(":".join(COMMITTEE).encode()).decode()
    conf = conf.rstrip().removesuffix("}") + (
        f"    server {{\n        listen 127.0.0.1:{front};\n"
        f"        location {PREFIX} {{\n"
        f'            proxy_set_header Authorization "Basic {sign_in}";\n'
        f"            proxy_pass http://127.0.0.1:{port}/;\n        }}\n    }}\n}}\n"
    )
    for key, value in {"@LISTEN@": f"127.0.0.1:{port}", "@SITE@": str(site),
                       "@AUTH@": str(auth), "@RUN@": str(run)}.items():  # fmt: skip
        conf = conf.replace(key, value)
    if os.geteuid() == 0:  # the test's files are private to root; so are its workers
        conf = "user root;\n" + conf
    (run / "nginx.conf").write_text(conf, "utf-8")
    assert NGINX is not None
    check = subprocess.run([NGINX, "-t", "-c", str(run / "nginx.conf"), "-p", str(run)],
                           capture_output=True, text=True)  # fmt: skip
    assert check.returncode == 0, check.stderr
    proc = subprocess.Popen(
        [NGINX, "-c", str(run / "nginx.conf"), "-p", str(run), "-g", "daemon off;"],
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield Served(f"http://127.0.0.1:{port}", chi_bo, f"http://127.0.0.1:{front}")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _get(url: str, user: str = "", password: str = "") -> tuple[int, str]:
    request = urllib.request.Request(url)
    if user:
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", errors="replace")


def test_each_audience_is_served_to_its_own_accounts_only(served: Served) -> None:
    url, org, _ = served
    member, committee, secretary = ("dangvien", "mk-dv"), ("capuy", "mk-cu"), ("bithu", "mk-bt")
    assert _get(f"{url}/{YEAR}/")[0] == 401
    assert _get(f"{url}/{YEAR}/khong-co/")[0] == 401  # its 404 page is theirs too
    status, page = _get(f"{url}/{YEAR}/", *member)
    assert status == 200 and "Trang dành cho: Toàn đảng bộ" in page
    committee_page = f"{url}/cap-uy/{org}/{YEAR}/"
    assert _get(committee_page, *member)[0] == 401
    assert _get(committee_page, *secretary)[0] == 401
    status, page = _get(committee_page, *committee)
    assert status == 200 and "Trang dành cho: Cấp ủy" in page
    chi_bo_page = f"{url}/chi-bo/{org}/{YEAR}/"
    assert _get(chi_bo_page, *member)[0] == 401
    assert _get(chi_bo_page, *secretary)[0] == 200
    # a name outside the alphabet never reaches the organization-wide rule
    assert _get(f"{url}/cap-uy/{org.upper()}/{YEAR}/", *member)[0] == 404
    assert _get(f"{url}/cap-uy/{org}", *member)[0] == 401


_LINK = re.compile(r'\s(?:href|src)="([^"#]+)"')


def _sites(org: str) -> list[str]:
    return [f"{YEAR}/", f"cap-uy/{org}/{YEAR}/", f"chi-bo/{org}/{YEAR}/"]


def test_a_missing_page_under_a_sub_path_gets_its_sites_404(served: Served) -> None:
    """Every link of the 404 page (styles, scripts, icon, navigation) is under the site's
    own path, at whatever depth the missing address was, and opens."""
    for site in _sites(served.org):
        for missing in ("khong-co", "khong/co/trang/nay/", "to-chuc/khong-co.html"):
            address = f"{served.front}{PREFIX}{site}{missing}"
            status, page = _get(address)
            assert status == 404 and "<h1>404" in page, address
            links = sorted(set(_LINK.findall(page)))
            assert len(links) > 5, address
            for link in links:
                assert link.startswith(f"{PREFIX}{site}"), (address, link)
                assert _get(urljoin(address, link))[0] == 200, (address, link)
    # outside any site: nginx's own page, no site's
    assert _get(f"{served.front}{PREFIX}khong-co")[0] == 404


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")
def test_the_404_page_under_a_sub_path_works_in_a_browser(served: Served) -> None:
    """In Chromium: nothing the page loads fails, Material's styles and scripts run (the
    year switcher read its versions.json), and its navigation opens the site's pages."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    home = f"{served.front}{PREFIX}chi-bo/{served.org}/{YEAR}/"
    with chromium(network_log=True) as browser:
        browser.get(f"{home}khong/co/")
        switcher = WebDriverWait(browser, 10).until(
            lambda b: b.find_elements(By.CSS_SELECTOR, ".md-version__current")
        )
        assert switcher[0].text == str(YEAR)
        responses = [
            m["params"]["response"]
            for e in browser.get_log("performance")
            if (m := json.loads(e["message"])["message"])["method"] == "Network.responseReceived"
        ]
        assert len(responses) > 5
        assert [(r["status"], r["url"]) for r in responses if r["status"] >= 400] == [
            (404, f"{home}khong/co/")
        ]
        header = browser.find_element(By.CSS_SELECTOR, ".md-header")
        assert header.value_of_css_property("position") == "sticky"  # Material's styles
        browser.find_element(By.CSS_SELECTOR, "a.md-nav__link[href$='/quy-tac/']").click()
        WebDriverWait(browser, 10).until(lambda b: b.current_url == f"{home}quy-tac/")
        assert "Quy tắc" in browser.title
