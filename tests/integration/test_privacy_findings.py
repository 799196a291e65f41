"""Findings about a member's non-public facts reach only the sites allowed to read them.

In the sample's 2025: dv-101012 disciplined (366-M4: her chi bộ's HTTNV is above the KHTNV
it allows), dv-101011's sick leave written as words (schema-type on `nghi_om_thang`),
dv-101015's date of birth not the 2024 one (member-identity-changed). The whole
organization's site (pages and search index) names the member with a neutral line and
never the rule, the field or the level; the deciding committee's site (the chi bộ cơ sở's
chi ủy) shows each finding whole. generator/privacy/findings.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.cli import main
from tests.conftest import copy_sample
from tests.integration.test_privacy_sites import _pagefind

CHI_BO = "chi-bo-thon-an-lac"
FOLDER = f"submissions/2025/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/{CHI_BO}/dang-vien"
# member -> what only their committee may read of their finding
SECRET = {
    "dv-101012": ("366-M4", "rule-decision-above-ceiling", "mức tối đa", "KHTNV"),
    "dv-101011": ("nghi_om_thang", "Số tháng nghỉ ốm", "schema-type"),
    "dv-101015": ("member-identity-changed", "Ngày sinh", "ngay_sinh"),
}


def _edit(path: Path, **values: object) -> None:
    data = yaml.safe_load(path.read_text("utf-8"))
    data.update(values)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = copy_sample(tmp_path_factory.mktemp("findings") / "repo", (2024, 2025))
    folder = repo / FOLDER
    _edit(
        folder / "dv-101012.yaml",
        ky_luat=[{"hinh_thuc": "khien_trach", "ngay_quyet_dinh": "2025-06-21"}],
    )
    _edit(folder / "dv-101011.yaml", nghi_om_thang="bốn tháng")
    _edit(folder / "dv-101015.yaml", ngay_sinh="2001-06-05")
    out = repo / "site"
    common = ["--repo", str(repo), "build", "--year", "2025", "--out", str(out)]
    assert main([*common, "--pham-vi", "to-chuc"]) == 0
    assert main([*common, "--pham-vi", "cap-uy,chi-bo", "--chi-mot", CHI_BO]) == 0
    return out


def _texts(site: Path) -> list[str]:
    """Each page (HTML) and each search fragment of a site, as text."""
    out = [p.read_text("utf-8") for p in site.rglob("*.html")]
    out += [_pagefind(p) for p in site.rglob("*.pf_fragment")]
    assert any(".pf_fragment" in str(p) for p in site.rglob("*.pf_fragment")), "no index"
    return out


def _problems(site: Path) -> str:
    return "\n".join(p.read_text("utf-8") for p in (site / "van-de").rglob("*.html"))


@pytest.mark.parametrize("member", sorted(SECRET))
def test_organization_site_names_no_rule_field_or_level(site: Path, member: str) -> None:
    whole = site / "2025"
    about = [t for t in _texts(whole) if member in t]
    assert about, f"{member} is on no page of the organization's site"
    for text in about:
        for secret in SECRET[member]:
            if secret == "KHTNV":  # other members' public levels share her pages
                continue
            assert secret not in text, f"{secret!r} about {member} on the organization's site"
    problems = _problems(whole)
    assert f"hồ sơ của đảng viên <code>{member}</code>" in problems  # the neutral line, named
    assert "privacy-withheld" in problems


def test_organization_site_hides_the_ceiling_of_her_decision(site: Path) -> None:
    problems = _problems(site / "2025")
    assert "cao hơn mức tối đa" not in problems
    assert "366-M4" not in problems and "366-O4" not in problems


@pytest.mark.parametrize("member", sorted(SECRET))
def test_deciding_committee_reads_each_finding_whole(site: Path, member: str) -> None:
    problems = _problems(site / "cap-uy" / CHI_BO / "2025")
    code = next(s for s in SECRET[member] if "-" in s and not s[0].isdigit())
    rows = [row for row in problems.split("<tr") if member in row and code in row]
    assert rows, f"{code} about {member} missing from the committee's site"


def test_chi_bo_site_gets_the_neutral_line_for_committee_only_facts(site: Path) -> None:
    problems = _problems(site / "chi-bo" / CHI_BO / "2025")
    assert "366-M4" not in problems and "rule-decision-above-ceiling" not in problems
    assert "member-identity-changed" not in problems and "nghi_om_thang" not in problems
    assert "hồ sơ của đảng viên <code>dv-101012</code>" in problems


def test_the_neutral_line_is_listed_under_who_must_act(site: Path) -> None:
    # dv-101011's hidden finding is a schema error in her own review: hers to fix, so its
    # neutral line goes under the member, not "Chưa xác định"; dv-101012's is the
    # deciding committee's (366-M4)
    page = (site / "2025" / "van-de" / "to-chuc" / CHI_BO / "index.html").read_text("utf-8")
    sections = page.split('<h2 class="kd-h"')[1:]

    def heading_of(member: str) -> str:
        found = [s for s in sections if f"hồ sơ của đảng viên <code>{member}</code>" in s]
        assert len(found) == 1, member
        return found[0].split("</h2>", 1)[0]

    assert "Đảng viên (người viết bản kiểm điểm)" in heading_of("dv-101011")
    assert "Cấp ủy có thẩm quyền (quyết định xếp loại)" in heading_of("dv-101012")
