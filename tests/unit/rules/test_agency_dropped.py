"""366-M10 when the member's file drops `can_bo_cong_chuc` (a hostile-submitter trial:
deleting the block removed `rule-agency-rating-below` and, under `civil_servant_basis:
cap`, the cap, with no word): a warning at the file, of chi-bộ scope."""

from __future__ import annotations

from pathlib import Path

from generator.privacy import Scope
from generator.privacy.findings import finding_scope
from generator.submissions.records import Level
from tests.unit.rules.conftest import rate_all
from tests.unit.rules.tree import SCHEMA, Tree

CS = {"xep_loai": "KHTNV", "co_quan": "UBND xã An Phú"}
CODE = "rule-agency-rating-dropped"


def _trees(root: Path, ruleset: str = "qd366-hd43") -> None:
    last = Tree(root, 2025, "qd366-hd43")
    last.chi_bo_co_so("cb")
    last.member("cb", "dv-1", "HTTNV", can_bo_cong_chuc=CS)
    last.member("cb", "dv-2", "HTTNV", can_bo_cong_chuc=CS, chuc_vu="Chuyên viên")
    last.member("cb", "dv-3", "HTTNV", can_bo_cong_chuc=CS)
    last.member("cb", "dv-4", "HTTNV")
    this = Tree(root, 2026, ruleset, settings={"civil_servant_basis": "cap"})
    this.chi_bo_co_so("cb")
    this.member("cb", "dv-1", "HTTNV")  # the block deleted
    this.member("cb", "dv-2", "HTTNV", chuc_vu="Chuyên viên")  # deleted, a key to point at
    this.member("cb", "dv-3", "HTTNV", can_bo_cong_chuc=CS)  # kept: the cap applies
    this.member("cb", "dv-4", "HTTNV")  # never had one


def test_a_dropped_agency_rating_is_said_at_the_file(root: Path) -> None:
    _trees(root)
    v = rate_all(root, [2025, 2026])[2026]
    assert v.members["dv-3"].final is Level.KHTNV  # cap, for the file that kept the block
    assert v.members["dv-1"].final is Level.HTTNV  # the level is not changed here
    found = sorted((f for f in v.findings if f.code == CODE), key=lambda f: f.path)
    rel = "submissions/2026/huyen/cb/dang-vien/{}.yaml"
    lines = (root / rel.format("dv-2")).read_text("utf-8").splitlines()
    assert [(f.path, f.line, f.rule, f.severity.value) for f in found] == [
        (rel.format("dv-1"), 3, "366-M10", "warning"),  # ho_ten's line
        (rel.format("dv-2"), lines.index("chuc_vu: Chuyên viên") + 1, "366-M10", "warning"),
    ]
    assert found[0].message == (
        "Bản kiểm điểm năm 2025 của đảng viên Đảng viên dv-1 (dv-1) ghi mức xếp loại cán bộ, "
        "công chức, viên chức của cơ quan (`can_bo_cong_chuc`, mức KHTNV), nhưng bản năm nay "
        "không ghi: chưa đối chiếu được mức xếp loại đảng viên với kết quả của cơ quan "
        "(366-M10); mức xếp loại không vì thế mà thay đổi."
    )
    assert {finding_scope(f, SCHEMA) for f in found} == {Scope.CHI_BO}


def test_no_warning_under_a_ruleset_without_366_m10(root: Path) -> None:
    _trees(root, "qd124-hd25")
    v = rate_all(root, [2025, 2026])[2026]
    assert [f for f in v.findings if f.code == CODE] == []
