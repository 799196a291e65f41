"""A chi bộ whose to-chuc.yaml does not validate still has a site of its own.

It has no record, so it was in no audience list: its secretary (the one who can fix the
file) found nothing on their site, while its findings were on the year's and its deciding
committee's problems pages. Its site is now keyed by its folder's name
(generator.site.deciders.broken_chi_bo) and lists the findings in its folder with file,
line and hint, read as its chi bộ may read them; the committee's page keeps them.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import copy_sample
from tests.integration.test_privacy_sites import _pagefind

CHI_BO = "chi-bo-thon-an-phu"
COMMITTEE = "dang-bo-xa-an-son"  # decides it (D3): its grassroots' level above
FOLDER = f"submissions/2025/dang-bo-tinh-hoa-lam/{COMMITTEE}/{CHI_BO}"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = copy_sample(tmp_path_factory.mktemp("broken-chi-bo") / "repo", (2024, 2025))
    org_file = repo / FOLDER / "to-chuc.yaml"
    text = org_file.read_text("utf-8")
    assert "\nloai: chi_bo_co_so\n" in text
    org_file.write_text(text.replace("\nloai: chi_bo_co_so\n", "\nloai: chi_bo_sai\n"), "utf-8")
    member = repo / FOLDER / "dang-vien" / "dv-101021.yaml"
    # a committee-only field (x-pham-vi cap-uy) wrong: the chi bộ may not read it
    member.write_text(member.read_text("utf-8") + 'nghi_om_thang: "bốn tháng"\n', "utf-8")
    out = repo / "site"
    common = ["--repo", str(repo), "build", "--year", "2025", "--out", str(out)]
    assert main([*common, "--pham-vi", "chi-bo", "--chi-mot", CHI_BO]) == 0
    assert main([*common, "--pham-vi", "cap-uy", "--chi-mot", COMMITTEE]) == 0
    return out


def _text(path: Path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", path.read_text("utf-8")))


def _problems(site: Path) -> str:
    return "\n".join(_text(p) for p in sorted((site / "van-de").rglob("*.html")))


def test_broken_chi_bo_site_lists_its_findings_with_place_and_hint(site: Path) -> None:
    own = site / "chi-bo" / CHI_BO / "2025"
    assert (own / "index.html").is_file()
    problems = _problems(own)
    assert f"{FOLDER}/to-chuc.yaml:4" in problems
    assert "Giá trị chi_bo_sai không hợp lệ cho loai" in problems
    assert "Có phải ý bạn là chi_bo_co_so?" in problems  # the hint
    assert f"{FOLDER}/dang-vien/dv-101021.yaml" in problems
    # named as its folder's, not as the year's general files; the home page says why
    assert f"Hồ sơ trong thư mục chi bộ {CHI_BO}" in problems
    assert "hồ sơ chung của năm" not in problems.lower()
    home = _text(own / "index.html")
    assert "Chưa đọc được hồ sơ của chi bộ" in home and "Vấn đề cần xử lý" in home


def test_broken_chi_bo_site_shows_only_what_its_chi_bo_may_read(site: Path) -> None:
    own = site / "chi-bo" / CHI_BO / "2025"
    texts = [_text(p) for p in own.rglob("*.html")]
    texts += [_pagefind(p) for p in own.rglob("*.pf_fragment")]
    whole = "\n".join(texts)
    # the member's committee-only field: a neutral line, never the field or its value
    assert "privacy-withheld" in whole
    for secret in ("nghi_om_thang", "Số tháng nghỉ ốm", "bốn tháng"):
        assert secret not in whole
    # nothing of another organization: its sibling, its members, the committee's decisions
    for other in ("An Lạc", "chi-bo-thon-an-lac", "dv-101011", "quyet-dinh.yaml"):
        assert other not in whole


def test_deciding_committee_keeps_the_findings(site: Path) -> None:
    problems = _problems(site / "cap-uy" / COMMITTEE / "2025")
    assert f"{FOLDER}/to-chuc.yaml:4" in problems
    assert "Có phải ý bạn là chi_bo_co_so?" in problems
    assert "Chưa đọc được hồ sơ" not in _text(site / "cap-uy" / COMMITTEE / "2025" / "index.html")
