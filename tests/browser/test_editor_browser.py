"""A member writes their review in the site's editor, as they would, in headless Chromium.

Over a temporary Git copy of the sample: the open year's site is built (editor included),
decap-server serves the copy on 127.0.0.1 (MODE=git: saving an entry makes the branch
`cms/dang-vien/<id>` and a commit, as a pull request's branch on a forge), Chromium opens
`/<year>/soan-thao/`, logs in, creates a review for a member of a chi bộ, fills it through
the form and saves. The file on the branch must pass `kiemdiem check` with no finding, keep
the form's key order, and differ from a file written by `kiemdiem new` only in content. A
second pass types an impossible date and must see the Vietnamese message before anything
is saved. The browser's own network log must show no request to another host.

Needs `npm ci` (decap-cms, decap-server); skipped without it outside CI.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from generator.editor.config import DATE_MESSAGE
from generator.site.build import BuildOptions, build_site
from generator.submissions import layout
from tests.browser.chrome import CHROMIUM, chromium, served

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
NODE = shutil.which("node")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
    pytest.mark.skipif(
        not os.environ.get("CI") and (NODE is None or not DECAP_SERVER.exists()),
        reason="the editor's node packages are not installed (run `npm ci`)",
    ),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout


def _check_on_branch(repo: Path, branch: str, path: str) -> str:
    """The project's own check of `path`, on `branch` as the pull-request check would see
    it: no error (main checked out again after); its output."""
    _git(repo, "checkout", "-q", branch)
    try:
        check = subprocess.run(
            [sys.executable, "-m", "generator", "check", path],
            cwd=repo,
            capture_output=True,
            text=True,
        )
    finally:
        _git(repo, "checkout", "-q", "main")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "lỗi" not in check.stdout.replace("không có lỗi", ""), check.stdout
    return check.stdout


@dataclass
class Target:
    """The chi bộ and the member whose review is written."""

    year: int
    org_id: str
    folder: str  # repository-relative chi bộ folder
    member_id: str
    facts: dict[str, object]  # from the member's earlier review (what `kiemdiem new` fills)


def _target(repo: Path) -> Target:
    """A member of a chi bộ of the open year who has no review yet this year."""
    newest = max(layout.years(repo))
    present = {
        f.path.rsplit("/", 1)[-1]
        for f in layout.walk_year(repo, newest)
        if f.kind is layout.Kind.MEMBER
    }
    folders = {
        layout.org_id_of_folder(f.org_folder or ""): f.org_folder
        for f in layout.walk_year(repo, newest)
        if f.kind is layout.Kind.MEMBER
    }
    for f in layout.walk_year(repo, newest - 1):
        name = f.path.rsplit("/", 1)[-1]
        org = layout.org_id_of_folder(f.org_folder or "")
        if f.kind is layout.Kind.MEMBER and name not in present and org in folders:
            facts = yaml.safe_load((repo / f.path).read_text("utf-8"))
            return Target(newest, org, f"submissions/{newest}/{folders[org]}", name[:-5], facts)
    org, folder = sorted(folders.items())[0]
    facts = {"ho_ten": "Nguyễn Thị Mới", "ngay_vao_dang": "2015-03-02", "loai_dang_vien": "du_bi"}
    return Target(newest, org, f"submissions/{newest}/{folder}", "dv-999001", facts)


@dataclass
class Editor:
    base: str  # the editor page, with the organization and decap-server's port
    repo: Path
    target: Target


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editor]:
    base = tmp_path_factory.mktemp("editor")
    repo = base / "repo"
    repo.mkdir()
    for name in ("submissions", "schema"):
        shutil.copytree(ROOT / name, repo / name)
    # the project's ignores: decap-server commits the work tree, caches must stay out of it
    shutil.copy(ROOT / ".gitignore", repo / ".gitignore")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "mẫu")
    target = _target(repo)
    out = base / "site"
    build_site(BuildOptions(repo=repo, out=out, project=ROOT, years=[target.year], work=base))
    assert (out / str(target.year) / "soan-thao" / "vendor" / "decap-cms").is_dir()

    port = _free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "MODE": "git",
        "GIT_REPO_DIRECTORY": str(repo),
        "LOG_LEVEL": "error",
    }
    server = subprocess.Popen(
        [NODE or "node", str(DECAP_SERVER)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        with served(out) as site:
            _wait_for_decap_server(port)
            page = f"{site.base}/{target.year}/soan-thao/?to-chuc={target.org_id}&may-chu={port}"
            yield Editor(page, repo, target)
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait_for_decap_server(port: int) -> None:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1",
        data=json.dumps({"action": "info"}).encode(),
        headers={"Content-Type": "application/json"},
    )
    for _ in range(100):
        try:
            with urllib.request.urlopen(request, timeout=2) as answer:
                if json.load(answer).get("type") == "local_git":
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("decap-server did not start")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium(window="1280,1400", network_log=True) as driver:
        yield driver


# ---------------------------------------------------------------------- a member at the form


def _control(browser, name: str):  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    label = WebDriverWait(browser, 20).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, f"label[for^='{name}-field-']"))
    )
    return browser.find_element(By.ID, label.get_attribute("for"))


def _type(browser, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    box = _control(browser, name)
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.click()
    box.send_keys(text)


def _choose(browser, name: str, shown: str) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.keys import Keys

    _type(browser, name, shown)
    _control(browser, name).send_keys(Keys.ENTER)


def _open_new_review(browser, editor: Editor) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 30)
    browser.get(editor.base)
    login = "//button[normalize-space()='Đăng nhập'] | //a[contains(@href, '/dang-vien/new')]"
    first = wait.until(ec.element_to_be_clickable((By.XPATH, login)))
    if first.tag_name == "button":  # a second visit is still logged in
        first.click()
    new = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "a[href$='/dang-vien/new']")))
    assert new.text.startswith("Tạo bản kiểm điểm"), new.text
    new.click()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "label[for^='ho_ten-field-']")))


def _save(browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    save = browser.find_element(By.XPATH, "//button[normalize-space()='Lưu']")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", save)
    save.click()


def _hosts_requested(browser) -> set[str]:  # type: ignore[no-untyped-def]
    """Every host the browser sent a request to: CDP's network log and resource timing."""
    urls = set(
        browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    )
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.add(message["params"]["request"]["url"])
    return {
        urlsplit(u).hostname or ""
        for u in urls
        if urlsplit(u).scheme in ("http", "https", "ws", "wss")
    }


UU_DIEM = (
    "Chấp hành nghiêm chủ trương của Đảng, chính sách, pháp luật của Nhà nước.\n"
    "Hoàn thành tốt nhiệm vụ được giao: 10/10 chỉ tiêu, 2 chỉ tiêu vượt."
)
HAN_CHE = "Có lúc chưa chủ động nắm tình hình: 2 buổi sinh hoạt vắng có lý do."
PHUONG_HUONG = "Tăng cường đi cơ sở, nắm chắc tình hình # thường xuyên."


def test_a_member_writes_and_saves_a_review_that_passes_the_check(editor, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    t = editor.target
    facts = t.facts
    _open_new_review(browser, editor)
    _type(browser, "ma_dang_vien", t.member_id)
    _type(browser, "ho_ten", str(facts["ho_ten"]))
    shown = "chính thức" if facts.get("loai_dang_vien", "chinh_thuc") == "chinh_thuc" else "dự bị"
    _choose(browser, "loai_dang_vien", shown)
    if facts.get("ngay_sinh"):
        _type(browser, "ngay_sinh", str(facts["ngay_sinh"]))
    _type(browser, "ngay_vao_dang", str(facts["ngay_vao_dang"]))
    if facts.get("chuc_vu"):
        _type(browser, "chuc_vu", str(facts["chuc_vu"]))
    _type(browser, "uu_diem", UU_DIEM)
    _type(browser, "han_che", HAN_CHE)
    _type(browser, "phuong_huong", PHUONG_HUONG)
    _choose(browser, "tu_xep_loai", "(HTTNV)")
    browser.save_screenshot(str(ARTIFACTS / "editor-filled.png"))
    _save(browser)

    branch = f"cms/dang-vien/{t.member_id}"
    path = f"{t.folder}/dang-vien/{t.member_id}.yaml"
    deadline = time.monotonic() + 30
    while branch not in _git(editor.repo, "branch", "--list", branch):
        assert time.monotonic() < deadline, "saving made no branch (no pull request)"
        time.sleep(0.3)
    WebDriverWait(browser, 20).until(
        ec.presence_of_element_located((By.XPATH, "//*[contains(text(), 'Trạng thái: ')]"))
    )
    browser.save_screenshot(str(ARTIFACTS / "editor-saved.png"))
    written = _git(editor.repo, "show", f"{branch}:{path}")
    (ARTIFACTS / "editor-written.yaml").write_text(written, "utf-8")
    # the pull request's branch changes exactly the member's file; main is untouched
    assert _git(editor.repo, "diff", "--name-only", "main", branch).split() == [path]
    assert path not in _git(editor.repo, "ls-tree", "-r", "--name-only", "main")

    # the project's own check, on the branch as the pull-request check would see it
    checked = _check_on_branch(editor.repo, branch, path)
    assert "cảnh báo" not in checked, checked

    data = yaml.safe_load(written)
    assert data["kiem_diem"]["uu_diem"].rstrip("\n") == UU_DIEM
    assert data["kiem_diem"]["phuong_huong"] == PHUONG_HUONG
    assert data["tu_xep_loai"] == "HTTNV" and data["trang_thai_ho_so"] == "nhap"
    assert data["nam"] == t.year and data["ma_dang_vien"] == t.member_id
    assert f'ngay_vao_dang: "{facts["ngay_vao_dang"]}"' in written  # dates stay quoted
    assert "  uu_diem: |\n    Chấp hành" in written  # a paragraph as a `|` block
    assert '""' not in written  # nothing left empty is written

    # `kiemdiem new` plus an editor gives the same file but for content: every line the
    # template already holds with a value is in the editor's file, in the same order
    subprocess.run(
        [sys.executable, "-m", "generator", "new", "member", t.member_id, "--org", t.org_id],
        cwd=editor.repo,
        check=True,
        capture_output=True,
    )
    template = (editor.repo / path).read_text("utf-8")
    (editor.repo / path).unlink()
    kept = [
        line.split("  # ")[0]
        for line in template.splitlines()
        if line.strip() and not line.lstrip().startswith("#") and not line.endswith('""')
    ]
    lines = written.splitlines()
    positions = [lines.index(line) for line in kept if line in lines]
    missing = [line for line in kept if line not in lines]
    assert missing == [] or missing == ["chuc_vu: "], missing
    assert positions == sorted(positions), "the editor writes keys in the template's order"

    assert _hosts_requested(browser) == {"127.0.0.1"}


def test_an_impossible_date_is_refused_in_vietnamese_before_saving(editor, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    _open_new_review(browser, editor)
    _type(browser, "ma_dang_vien", "dv-999777")
    _type(browser, "ho_ten", "Trần Văn Thử")
    _choose(browser, "loai_dang_vien", "chính thức")
    _type(browser, "ngay_vao_dang", "2010-13-45")
    _save(browser)
    message = WebDriverWait(browser, 20).until(
        ec.visibility_of_element_located(
            (By.XPATH, f"//*[contains(text(), '{DATE_MESSAGE[:40]}')]")
        )
    )
    shown = message.text.lower()  # the label is upper-cased by CSS
    assert "ngày vào đảng" in shown and "năm-tháng-ngày" in shown, shown
    browser.save_screenshot(str(ARTIFACTS / "editor-impossible-date.png"))
    time.sleep(1)
    assert "dv-999777" not in _git(editor.repo, "branch", "--list", "--all")
    assert _hosts_requested(browser) <= {"127.0.0.1"}


def test_a_member_link_opens_the_chi_bo_listing_them(editor, browser) -> None:
    """`?dang-vien=<id>` (no `to-chuc`): the page finds the first organization listing the
    member in config.json's `members_by_org` and starts the CMS for it; an id nobody lists
    gets the chooser, saying so."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    t = editor.target
    listed = sorted(p.stem for p in (editor.repo / t.folder / "dang-vien").glob("*.yaml"))
    assert listed, t.folder
    site_page = editor.base.split("?", 1)[0]
    config = json.loads(urllib.request.urlopen(f"{site_page}config.json", timeout=10).read())
    name = next(o["name"] for o in config["orgs"] if o["id"] == t.org_id)
    port = editor.base.rsplit("may-chu=", 1)[1]
    wait = WebDriverWait(browser, 30)
    browser.get(f"{site_page}?dang-vien={listed[0]}&may-chu={port}")
    wait.until(lambda b: name in b.title)
    assert _title_names_year(browser.title, t.year)
    browser.get(f"{site_page}?dang-vien=dv-khong-ai-co&may-chu={port}")
    note = wait.until(ec.visibility_of_element_located((By.ID, "kd-thong-bao")))
    assert note.text.startswith("Chưa tìm thấy bản kiểm điểm"), note.text
    assert "dv-khong-ai-co" in note.text


def _title_names_year(title: str, year: int) -> bool:
    return title.startswith(f"Soạn bản kiểm điểm năm {year} — ")
