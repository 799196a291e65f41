"""The rules page (/<year>/quy-tac/, the same file on every audience's site) tells no
count that moves with one member's committee-only record: a trial added 4 months of sick
leave (`nghi_om_thang`, health data) to one 2025 member and "366-M7 … 3" appeared on the
whole organization's site (generator.site.audiences.published_citations)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.site.build import BuildOptions, build_site
from tests.conftest import copy_sample

ROOT = Path(__file__).resolve().parents[2]
YEAR = 2025
CHI_BO = "dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-truong-thcs-an-hoa"


def _rules_rows(site: Path) -> list[list[str]]:
    """The rules table as a reader sees it: rule, citation, statement, how often."""
    page = (site / str(YEAR) / "quy-tac/index.html").read_text("utf-8")
    body = page[page.index("<tbody>", page.index("Số lần viện dẫn")) :]
    body = body[: body.index("</tbody>")]
    return [
        [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
        for r in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    ]


def _sick_leave(repo: Path, member: str) -> None:
    path = repo / "submissions" / str(YEAR) / CHI_BO / "dang-vien" / f"{member}.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    assert "nghi_om_thang" not in data
    data["nghi_om_thang"] = 4
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


@pytest.mark.skipif(not (ROOT / "submissions" / str(YEAR)).is_dir(), reason="no sample 2025")
def test_one_members_sick_leave_does_not_move_the_rules_page(tmp_path: Path) -> None:
    """366-M7 applies to dv-102005 (maternity leave) in the sample; with one more member's
    sick leave it applies twice, with a second member's three times: that second member's
    record is all that differs between the two builds."""
    repo = copy_sample(tmp_path / "repo", (YEAR,))
    _sick_leave(repo, "dv-102001")
    build_site(BuildOptions(repo=repo, out=tmp_path / "a", project=repo, force=True))
    _sick_leave(repo, "dv-102002")
    build_site(BuildOptions(repo=repo, out=tmp_path / "b", project=repo, force=True))
    before, after = _rules_rows(tmp_path / "a"), _rules_rows(tmp_path / "b")
    assert after == before
    # sick and maternity leave: listed whatever the year's records, never counted
    assert [r[3] for r in after if r[0] == "366-M7"] == ["không công bố"]
    # a rule whose reasons everyone may read keeps its count
    assert [r[3] for r in after if r[0] == "366-O2"] == ["7"]
