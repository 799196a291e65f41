"""The README's deployment example works: nginx serves each audience's site only to its own
accounts (issue 14). Runs the shipped docs/deploy/nginx-pham-vi.conf on 127.0.0.1 against a
built sample (Debian's nginx, installed by .ci/run)."""

from __future__ import annotations

import base64
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.pipeline import Pipeline
from generator.site.build import BuildOptions, build_site

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
YEAR = 2025
pytestmark = pytest.mark.skipif(
    NGINX is None, reason="nginx is not installed (.ci/run installs it)"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(base URL, the committee's org id) with nginx serving every audience of one chi bộ."""
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
        )
    )
    auth = base / "auth"
    auth.mkdir()
    (auth / "to-chuc.htpasswd").write_text("dangvien:{PLAIN}mk-dv\ncapuy:{PLAIN}mk-cu\n")
    (auth / f"cap-uy-{chi_bo}.htpasswd").write_text("capuy:{PLAIN}mk-cu\n")
    (auth / f"chi-bo-{chi_bo}.htpasswd").write_text("bithu:{PLAIN}mk-bt\ncapuy:{PLAIN}mk-cu\n")
    run = base / "run"
    run.mkdir()
    port = _free_port()
    conf = (ROOT / "docs/deploy/nginx-pham-vi.conf").read_text("utf-8")
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
        yield f"http://127.0.0.1:{port}", chi_bo
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
        return exc.code, ""


def test_each_audience_is_served_to_its_own_accounts_only(served: tuple[str, str]) -> None:
    url, org = served
    member, committee, secretary = ("dangvien", "mk-dv"), ("capuy", "mk-cu"), ("bithu", "mk-bt")
    assert _get(f"{url}/{YEAR}/")[0] == 401
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
