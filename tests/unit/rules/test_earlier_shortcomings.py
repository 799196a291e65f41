"""366-M1's "100% of earlier shortcomings remedied" when the review does not state
`han_che_truoc` (a 2026 trial: dv-101022's 2025 review named shortcomings; in 2026, without
`han_che_truoc`, she scored 95 with 33% exceeded and got HTXSNV with nothing said)."""

from __future__ import annotations

from pathlib import Path

from generator.rules.base import Effect
from generator.submissions.records import Level
from tests.unit.rules.conftest import rate_all
from tests.unit.rules.tree import REVIEW, Tree

CB = "cb"


def _trees(root: Path, decided: list[tuple[str, str]] | None = None) -> None:
    last = Tree(root, 2025, "qd366-hd43")
    last.chi_bo_co_so(CB)
    last.member(CB, "dv-1", "HTTNV")  # its review names shortcomings (REVIEW's han_che)
    last.member(CB, "dv-4", "HTTNV", kiem_diem={**REVIEW, "han_che": " "})
    this = Tree(root, 2026, "qd366-hd43")
    this.chi_bo_co_so(CB)
    this.member(CB, "dv-1", "HTXSNV")
    this.member(CB, "dv-2", "HTXSNV")  # no review the year before
    this.member(CB, "dv-3", "HTXSNV", han_che_truoc={"so_da_chi_ra": 2, "so_da_khac_phuc": 2})
    this.member(CB, "dv-4", "HTXSNV")  # last year's shortcomings section was blank
    this.member(CB, "dv-5", "HTTNV")  # not HTXSNV: 366-M1's condition is not in play
    if decided:
        this.decisions(CB, decided)


def _diem_line(root: Path, member_id: str) -> tuple[str, int]:
    rel = f"submissions/2026/huyen/{CB}/dang-vien/{member_id}.yaml"
    lines = (root / rel).read_text("utf-8").splitlines()
    return rel, lines.index("diem:") + 1


def _found(v: object, code: str) -> list[tuple[str, int, str]]:
    return sorted(
        (f.path, f.line, f.message)
        for f in v.findings  # type: ignore[attr-defined]
        if f.code == code and "/dang-vien/" in f.path
    )


def test_unstated_earlier_shortcomings_are_said_never_silently_remedied(root: Path) -> None:
    _trees(root)
    v = rate_all(root, [2025, 2026])[2026]
    # the level is never lowered: the file may have nothing to state
    for member_id in ("dv-1", "dv-2", "dv-3", "dv-4"):
        assert v.members[member_id].final is Level.HTXSNV, member_id
    # last year's review named shortcomings: the record cannot settle it — cần quyết định
    m1 = v.members["dv-1"]
    assert m1.needs_decision
    assert [(r.rule, r.effect, r.needs_decision) for r in m1.flags] == [
        ("366-M1", Effect.FLAG, True)
    ]
    path, line = _diem_line(root, "dv-1")
    assert _found(v, "rule-needs-decision") == [
        (
            path,
            line,
            "Cần cấp có thẩm quyền quyết định mức xếp loại của đảng viên Đảng viên dv-1 (dv-1): "
            "Điểm và kết quả nhiệm vụ đạt HTXSNV nhưng bản kiểm điểm không ghi số hạn chế đã "
            "được chỉ ra và đã khắc phục (han_che_truoc), trong khi bản kiểm điểm năm 2025 có "
            "nêu hạn chế, khuyết điểm: chưa rõ đã khắc phục 100% — cần quyết định (366-M1).",
        )
    ]
    # nothing known of earlier shortcomings: a warning at the review, the level kept
    unstated = _found(v, "rule-earlier-shortcomings-unstated")
    assert [(p, n) for p, n, _ in unstated] == [_diem_line(root, "dv-2"), _diem_line(root, "dv-4")]
    assert unstated[0][2].startswith(
        "Điểm và kết quả nhiệm vụ của đảng viên Đảng viên dv-2 (dv-2) đạt mức HTXSNV, nhưng "
        "bản kiểm điểm không ghi số hạn chế, khuyết điểm đã được chỉ ra và đã khắc phục "
        "(`han_che_truoc`)"
    )
    for member_id in ("dv-2", "dv-3", "dv-4", "dv-5"):
        assert not v.members[member_id].needs_decision, member_id


def test_once_decided_the_named_shortcomings_stay_a_warning(root: Path) -> None:
    _trees(root, decided=[("dv-1", "HTXSNV")])
    v = rate_all(root, [2025, 2026])[2026]
    m1 = v.members["dv-1"]
    assert (m1.final, m1.needs_decision) == (Level.HTXSNV, False)
    assert _found(v, "rule-needs-decision") == []
    path, line = _diem_line(root, "dv-1")
    named = [f for f in _found(v, "rule-earlier-shortcomings-unstated") if f[0] == path]
    assert [(p, n) for p, n, _ in named] == [(path, line)]
    assert "trong khi bản kiểm điểm năm 2025 có nêu hạn chế, khuyết điểm" in named[0][2]


def _line_of(root: Path, member_id: str, text: str) -> tuple[str, int]:
    rel = f"submissions/2026/huyen/{CB}/dang-vien/{member_id}.yaml"
    lines = (root / rel).read_text("utf-8").splitlines()
    return rel, lines.index(text) + 1


def test_zero_pointed_out_against_last_years_named_shortcomings(root: Path) -> None:
    """A trial: `so_da_chi_ra: 0` while 2025's review named shortcomings passed with
    HTXSNV and no word; it is the unstated case (cần quyết định, a warning once decided)."""
    last = Tree(root, 2025, "qd366-hd43")
    last.chi_bo_co_so(CB)
    last.member(CB, "dv-1", "HTTNV")
    this = Tree(root, 2026, "qd366-hd43")
    this.chi_bo_co_so(CB)
    this.member(CB, "dv-1", "HTXSNV", han_che_truoc={"so_da_chi_ra": 0, "so_da_khac_phuc": 0})
    this.member(CB, "dv-2", "HTXSNV", han_che_truoc={"so_da_chi_ra": 0, "so_da_khac_phuc": 0})
    v = rate_all(root, [2025, 2026])[2026]
    assert v.members["dv-1"].needs_decision and not v.members["dv-2"].needs_decision
    path, line = _line_of(root, "dv-1", "  so_da_chi_ra: 0")
    found = _found(v, "rule-needs-decision")
    assert [(p, n) for p, n, _ in found] == [(path, line)]
    assert (
        "bản kiểm điểm ghi 0 hạn chế đã được chỉ ra (han_che_truoc.so_da_chi_ra), trong "
        "khi bản kiểm điểm năm 2025 có nêu hạn chế" in found[0][2]
    )
    assert _found(v, "rule-earlier-shortcomings-unstated") == []
    this.decisions(CB, [("dv-1", "HTXSNV")])
    v = rate_all(root, [2025, 2026])[2026]
    assert _found(v, "rule-needs-decision") == []
    zero = _found(v, "rule-earlier-shortcomings-unstated")
    assert [(p, n) for p, n, _ in zero] == [(path, line)]
    assert "ghi 0 hạn chế, khuyết điểm đã được chỉ ra (`han_che_truoc.so_da_chi_ra`)" in zero[0][2]


def test_more_remedied_than_pointed_out_is_an_error_at_so_da_khac_phuc(root: Path) -> None:
    for ruleset, year in (("qd366-hd43", 2026), ("qd124-hd25", 2025), ("qd132-hd21", 2024)):
        t = Tree(root, year, ruleset)
        t.chi_bo_co_so(CB)
        t.member(CB, "dv-1", "HTTNV", han_che_truoc={"so_da_chi_ra": 1, "so_da_khac_phuc": 5})
        t.member(CB, "dv-2", "HTTNV", han_che_truoc={"so_da_chi_ra": 2, "so_da_khac_phuc": 2})
    out = rate_all(root, [2024, 2025, 2026])
    for year in (2024, 2025, 2026):
        rel = f"submissions/{year}/huyen/{CB}/dang-vien/dv-1.yaml"
        line = (root / rel).read_text("utf-8").splitlines().index("  so_da_khac_phuc: 5") + 1
        over = [f for f in out[year].findings if f.code == "rule-earlier-shortcomings-over"]
        assert [(f.path, f.line, f.column, f.severity.value) for f in over] == [
            (rel, line, 3, "error")
        ], year
        assert over[0].message == (
            "Bản kiểm điểm của đảng viên Đảng viên dv-1 (dv-1) ghi số hạn chế, khuyết điểm đã "
            "khắc phục (`so_da_khac_phuc: 5`) nhiều hơn số đã được chỉ ra (`so_da_chi_ra: 1`): "
            "hai số này không thể cùng đúng (366-M1)."
        )
        assert (over[0].rule, over[0].extra["pham_vi"]) == ("366-M1", "chi-bo")
