"""A ceiling set by a committee-only reason is not shown where that reason is not.

In the sample's 2025, dv-101012 (Nguyễn Thị Hoa, phó bí thư of chi bộ thôn An Lạc) is
disciplined cảnh cáo and concluded degraded: 366-M4 caps her at KHTNV twice, and through her
the chi bộ (366-O4) and its leadership body (366-L3). The whole organization's and the chi
bộ's sites show no KHTNV ceiling, criteria level or provisional result from those reasons
("Không công bố trên trang này"); the decided levels stay. The deciding committees' sites
show the ceiling and each finding with its reasons whole, each rule once.
generator/privacy/verdicts.py (`_withheld_levels`), generator/rules/problems.py.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from tests.conftest import copy_sample
from tests.integration.test_privacy_sites import _pagefind

CHI_BO = "chi-bo-thon-an-lac"
XA = "dang-bo-xa-an-son"
FILE = f"submissions/2025/dang-bo-tinh-hoa-lam/{XA}/{CHI_BO}/dang-vien/dv-101012.yaml"
WITHHELD = "Không công bố trên trang này"


def discipline_deputy(repo: Path) -> None:
    """dv-101012, the chi bộ's deputy secretary: disciplined cảnh cáo, concluded degraded."""
    path = repo / FILE
    data = yaml.safe_load(path.read_text("utf-8"))
    data["ky_luat"] = [{"hinh_thuc": "canh_cao", "ngay_quyet_dinh": "2025-06-20"}]
    data["ket_luan_suy_thoai"] = True
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def build_audiences(repo: Path) -> Path:
    """The whole organization's site, then the chi bộ's and the xã's committee and chi bộ
    sites, into `repo/site`."""
    out = repo / "site"
    common = ["--repo", str(repo), "build", "--year", "2025", "--out", str(out)]
    assert main([*common, "--pham-vi", "to-chuc"]) == 0
    for org in (CHI_BO, XA):
        assert main([*common, "--pham-vi", "cap-uy,chi-bo", "--chi-mot", org]) == 0
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = copy_sample(tmp_path_factory.mktemp("ceilings") / "repo", (2024, 2025))
    discipline_deputy(repo)
    return build_audiences(repo)


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text)))


def _texts(root: Path) -> list[str]:
    """Each page and each search fragment of a site, as plain text."""
    out = [_plain(p.read_text("utf-8")) for p in root.rglob("*.html")]
    fragments = list(root.rglob("*.pf_fragment"))
    assert fragments, f"no search index in {root}"
    return out + [_plain(_pagefind(p)) for p in fragments]


def _org_page(root: Path) -> str:
    return _plain((root / "to-chuc" / CHI_BO / "index.html").read_text("utf-8"))


CEILING_KHTNV = "Mức cao nhất theo quy định Không hoàn thành nhiệm vụ"


@pytest.mark.parametrize("root", ["2025", f"chi-bo/{CHI_BO}/2025"])
def test_no_committee_only_ceiling_outside_the_committees(site: Path, root: str) -> None:
    for text in _texts(site / root):
        assert CEILING_KHTNV not in text
        assert "Mức đánh giá theo tiêu chí Không hoàn thành nhiệm vụ" not in text
        assert "mức cao nhất theo quy định: KHTNV" not in text  # a member's line
        assert "theo tiêu chí: KHTNV" not in text
        assert "KHTNV*" not in text  # the leadership body's provisional result
    page = _org_page(site / root)
    for rule in ("366-M4", "366-O4", "366-L3"):  # the rules page lists every rule
        assert rule not in page
    assert page.count(f"Mức cao nhất theo quy định {WITHHELD}") == 2  # chi bộ, leadership
    assert "Cấp ủy quyết định Hoàn thành nhiệm vụ — Quyết định số 95-QĐ/ĐU" in page  # stays
    assert "Dự kiến; mức chưa công bố trên trang này" in page  # the leadership body's


def test_chi_bo_site_withholds_her_ceiling(site: Path) -> None:
    page = _org_page(site / "chi-bo" / CHI_BO / "2025")
    fragments = [
        _plain(_pagefind(p)) for p in (site / "chi-bo" / CHI_BO / "2025").rglob("*.pf_fragment")
    ]
    hers = [t for t in [page, *fragments] if "Nguyễn Thị Hoa" in t and "chi bộ đề xuất" in t]
    assert hers
    for text in hers:
        assert "mức cao nhất theo quy định: không công bố trên trang này" in text


def test_committee_sites_read_the_ceiling_and_reasons_whole(site: Path) -> None:
    page = _org_page(site / "cap-uy" / XA / "2025")
    assert page.count(CEILING_KHTNV) == 2  # the chi bộ's and its leadership body's
    members = _plain(
        (site / "cap-uy" / CHI_BO / "2025" / "van-de" / "index.html").read_text("utf-8")
    )
    orgs = _plain((site / "cap-uy" / XA / "2025" / "van-de" / "index.html").read_text("utf-8"))
    for text, rule, fact in (
        (members, "366-M4", "bị kỷ luật cảnh cáo ngày 20/06/2025 liên quan chức trách"),
        (orgs, "366-O4", "cấp ủy viên Nguyễn Thị Hoa bị kỷ luật cảnh cáo ngày 20/06/2025"),
    ):
        assert "cao hơn mức tối đa" in text
        assert fact in text and "suy thoái" in text
        assert "chi tiết chỉ cấp ủy" not in text
        assert f"(quy định {rule})" in text and f"{rule}, {rule}" not in text


def test_findings_name_a_rule_once() -> None:
    from generator.findings import Position
    from generator.rules.problems import decision_above_ceiling
    from generator.submissions.records import Level

    f = decision_above_ceiling(
        "q.yaml",
        Position(3),
        subject="đảng viên X",
        decided=Level.HTTNV,
        ceiling=Level.KHTNV,
        because=["lý do theo 366-M4 (ẩn)", "lý do theo 366-M4 (ẩn)"],
        rules=["366-M4", "366-M4"],
        related=[],
        whole=["bị kỷ luật", "bị kết luận suy thoái"],
    )
    assert f.message.count("366-M4") == 1 and "(quy định 366-M4)" in f.hint
    assert "bị kỷ luật" not in f.message
