"""The problems page lists a finding with no actor under whoever writes its file.

Schema and YAML findings carry no actor (Finding.actor); the sites listed them under
"Chưa xác định" although the file's writer must fix them: a member's own review is the
member's, a decisions file (quyet-dinh.yaml) the deciding committee's
(generator.privacy.findings.actor_of, generator.site.views.findings_by_actor).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import copy_sample

XA = "submissions/2025/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son"
MEMBER = f"{XA}/chi-bo-thon-an-lac/dang-vien/dv-101011.yaml"
DECISIONS = f"{XA}/quyet-dinh.yaml"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = copy_sample(tmp_path_factory.mktemp("actors") / "repo", (2025,))
    _replace(repo / MEMBER, 'ngay_vao_dang: "1994-12-22"', "ngay_vao_dang: 19941222")
    _replace(repo / DECISIONS, 'so_quyet_dinh: "95-QĐ/ĐU"', "so_quyet_dinh: [95-QĐ/ĐU]")
    out = repo / "site"
    args = ["--repo", str(repo), "build", "--year", "2025", "--out", str(out)]
    assert main([*args, "--pham-vi", "to-chuc"]) == 0
    return out


def _heading_of(page: Path, code: str) -> str:
    """The heading of the one section of `page` that lists a finding `code`."""
    sections = page.read_text("utf-8").split('<h2 class="kd-h"')[1:]
    found = [s for s in sections if f"[{code}]" in s or f">{code}<" in s]
    assert len(found) == 1, (code, [s.split("</h2>", 1)[0] for s in sections])
    return found[0].split("</h2>", 1)[0]


def test_a_schema_error_in_a_members_review_is_the_members(site: Path) -> None:
    page = site / "2025" / "van-de" / "to-chuc" / "chi-bo-thon-an-lac" / "index.html"
    assert "ngay_vao_dang" in page.read_text("utf-8")
    assert "Đảng viên (người viết bản kiểm điểm)" in _heading_of(page, "schema-date")


def test_a_schema_error_in_a_decisions_file_is_the_committees(site: Path) -> None:
    page = site / "2025" / "van-de" / "to-chuc" / "dang-bo-xa-an-son" / "index.html"
    assert "so_quyet_dinh" in page.read_text("utf-8")
    assert "Cấp ủy có thẩm quyền (quyết định xếp loại)" in _heading_of(page, "schema-type")
