"""Discipline recorded on organization files, rated under each ruleset and dated in,
before and after the evaluation year: a chi bộ's own `ky_luat` (132-O3 for itself, 132-O4
for its đảng bộ; 124-O4 for itself, 124-O1/O4/O5 for its đảng bộ; 366-O1 for its đảng bộ
only) and a đảng bộ's `lanh_dao.ky_luat` (132-L2, 132-O4; 124-O4; no 366 rule), with the
date findings of generator/check/disciplinedates.py. The sample has no 132 year, so each
case is a small tree: a đảng bộ cơ sở `db` with five chi bộ trực thuộc of one member each,
every criterion good enough for HTXSNV (RULES.md §2–§4)."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from generator.check import load_year
from generator.cli import main
from generator.findings import Finding
from generator.rules import YearVerdicts, rate_year
from generator.rules.base import Effect, Verdict
from generator.submissions.records import Level
from tests.unit.rules.tree import SCHEMA, Tree, schemas

L = Level
YEARS = {"qd132-hd21": 2021, "qd124-hd25": 2024, "qd366-hd43": 2025}
RULESETS = list(YEARS)
# the rules a date finding cites for each list (DisciplineList.rules), as its message quotes them
OWN_RULES = {"qd132-hd21": "132-O3, 132-O4", "qd124-hd25": "124-O4, 124-O5", "qd366-hd43": "366-O1"}
BODY_RULES = {"qd132-hd21": "132-L2, 132-O4", "qd124-hd25": "124-O4", "qd366-hd43": ""}


@dataclass
class Rated:
    verdicts: YearVerdicts
    dates: list[Finding]  # the `date-*` findings of loading the year
    root: Path
    year: int

    def org(self, org_id: str) -> Verdict:
        return self.verdicts.orgs[org_id]

    def path(self, org_id: str) -> str:
        parent = "huyen/db" if org_id.startswith("cb-") else "huyen"
        return f"submissions/{self.year}/{parent}/{org_id}/to-chuc.yaml"

    def line(self, org_id: str, key: str, nth: int = 0) -> int:
        """The line of the `nth` `key:` of the organization's file."""
        lines = (self.root / self.path(org_id)).read_text("utf-8").splitlines()
        hits = [i + 1 for i, text in enumerate(lines) if text.lstrip("- ").startswith(f"{key}:")]
        return hits[nth]


def _item(year: int, decided: str, self_detected: bool | None = False, **more: Any) -> dict:
    """A khiển trách; `decided` as "MM-DD" of the year, or a whole date."""
    item: dict[str, Any] = {
        "hinh_thuc": "khien_trach",
        "ngay_quyet_dinh": decided if len(decided) == 10 else f"{year}-{decided}",
    }
    if self_detected is not None:
        item["tu_phat_hien_khac_phuc"] = self_detected
    return {**item, **more}


def _rate(
    root: Path, ruleset: str, own: list[list[dict]] | None = None, body: list[dict] | None = None
) -> Rated:
    """`own[i]`: chi bộ cb-i's `ky_luat`; `body`: the đảng bộ's `lanh_dao.ky_luat`."""
    year = YEARS[ruleset]
    own = own or []
    t = Tree(root, year, ruleset)
    t.dang_bo_co_so("db", **({"lanh_dao": {"bi_thu": "dv-0", "ky_luat": body}} if body else {}))
    for i in range(5):
        items = own[i] if i < len(own) else []
        t.chi_bo(f"cb-{i}", "db", **({"ky_luat": items} if items else {}))
        t.member(f"cb-{i}", f"dv-{i}", "HTTNV")
    loaded, result = load_year(root, year, schemas=schemas())
    dates = [f for f in result.findings if f.code.startswith("date-")]
    return Rated(rate_year(loaded), dates, root, year)


def _limits(v: Verdict) -> dict[str, Level]:
    """The rules that set a ceiling on `v`, each with its lowest ceiling."""
    out: dict[str, Level] = {}
    for r in v.reasons:
        if r.effect is Effect.CEILING and r.level is not None:
            out[r.rule] = min(r.level, out.get(r.rule, r.level))
    return out


def _texts(v: Verdict, rule: str) -> list[str]:
    return [r.text for r in v.reasons if r.rule == rule and r.effect is Effect.CEILING]


# --------------------------------------------------------------------------- in the year

# (chi bộ ceiling, its limiting rules; đảng bộ ceiling, its limiting rules) for a chi bộ's
# khiển trách of the year, not self-detected
IN_YEAR = {
    # 132-O3: the chi bộ disciplined → below HTNV; 132-O4: a subordinate unit's violation
    # handled by discipline → KHTNV, and the KHTNV chi bộ caps its đảng bộ (132-O2)
    "qd132-hd21": (L.KHTNV, {"132-O3"}, L.KHTNV, {"132-O2", "132-O4"}),
    # 124-O4 for both (the subordinate unit's case, CONFIRMED); 124-O1: no HTXSNV
    "qd124-hd25": (L.KHTNV, {"124-O4"}, L.KHTNV, {"124-O1", "124-O4"}),
    # 366-O1: a subordinate unit disciplined keeps the đảng bộ from HTXSNV; no 366 rule
    # counts an organization's own discipline against itself
    "qd366-hd43": (L.HTXSNV, set(), L.HTTNV, {"366-O1"}),
}


@pytest.mark.parametrize("ruleset", RULESETS)
def test_a_chi_bo_disciplined_in_the_year(root: Path, ruleset: str) -> None:
    y = YEARS[ruleset]
    rated = _rate(root, ruleset, own=[[_item(y, "05-10")]])
    own_ceiling, own_rules, db_ceiling, db_rules = IN_YEAR[ruleset]
    cb, db = rated.org("cb-0"), rated.org("db")
    assert (cb.ceiling, set(_limits(cb)), cb.final) == (own_ceiling, own_rules, own_ceiling)
    assert (db.ceiling, set(_limits(db)), db.final) == (db_ceiling, db_rules, db_ceiling)
    assert rated.org("cb-1").final is L.HTXSNV and rated.dates == []
    when = f"bị kỷ luật khiển trách ngày 10/05/{y}"
    if ruleset == "qd132-hd21":
        assert _texts(cb, "132-O3") == [f"tổ chức {when} → Không hoàn thành nhiệm vụ (132-O3)"]
        assert f"CB-0 có vi phạm {when} → Không hoàn thành nhiệm vụ (132-O4)" in _texts(
            db, "132-O4"
        )
    elif ruleset == "qd124-hd25":
        assert _texts(cb, "124-O4") == [f"tổ chức {when} → Không hoàn thành nhiệm vụ (124-O4)"]
        assert _texts(db, "124-O4") == [
            f"tổ chức trực thuộc CB-0 có vi phạm {when} → Không hoàn thành nhiệm vụ (124-O4)"
        ]
    else:
        assert _texts(db, "366-O1") == [
            "bị kỷ luật trong năm: CB-0 → tối đa Hoàn thành tốt nhiệm vụ (366-O1)"
        ]


# self-detected and remedied (True) or not stated (None): the đảng bộ's ceiling and rules,
# and whether it needs the competent body's decision
SELF_DETECTED = {
    # 132-O3 and 132-O4 except a self-detected, remedied case; unstated counts as not
    ("qd132-hd21", True): (L.HTXSNV, set(), False),
    ("qd132-hd21", None): (L.KHTNV, {"132-O2", "132-O4"}, False),
    # 124-O1 has no exception; 124-O5 flags what the record does not state
    ("qd124-hd25", True): (L.HTTNV, {"124-O1"}, False),
    ("qd124-hd25", None): (L.HTTNV, {"124-O1"}, True),
    # 366-O1 counts any discipline of a subordinate unit
    ("qd366-hd43", True): (L.HTTNV, {"366-O1"}, False),
    ("qd366-hd43", None): (L.HTTNV, {"366-O1"}, False),
}


@pytest.mark.parametrize(("ruleset", "self_detected"), list(SELF_DETECTED))
def test_a_chi_bo_disciplined_in_the_year_self_detected_or_not_stated(
    root: Path, ruleset: str, self_detected: bool | None
) -> None:
    y = YEARS[ruleset]
    rated = _rate(root, ruleset, own=[[_item(y, "05-10", self_detected)]])
    db = rated.org("db")
    ceiling, rules, needs_decision = SELF_DETECTED[(ruleset, self_detected)]
    assert (db.ceiling, set(_limits(db)), db.needs_decision) == (ceiling, rules, needs_decision)
    if needs_decision:
        (flag,) = db.flags
        assert flag.rule == "124-O5" and "Tổ chức trực thuộc CB-0 bị kỷ luật khiển trách" in (
            flag.text
        )
        assert "cần cấp có thẩm quyền quyết định (124-O5)" in flag.text


# more than 20% of subordinate units disciplined in the year (132-O4, 124-O4), even when
# each case was self-detected; one of the two dated the year before leaves 1 of 5 (20%)
SHARE = {
    "qd132-hd21": ((L.KHTNV, {"132-O4"}), (L.HTXSNV, set())),
    "qd124-hd25": ((L.KHTNV, {"124-O1", "124-O4"}), (L.HTTNV, {"124-O1"})),
    "qd366-hd43": ((L.HTTNV, {"366-O1"}), (L.HTTNV, {"366-O1"})),
}


@pytest.mark.parametrize("ruleset", RULESETS)
@pytest.mark.parametrize("second_in_year", [True, False])
def test_the_share_of_subordinate_units_disciplined_counts_the_year_only(
    root: Path, ruleset: str, second_in_year: bool
) -> None:
    y = YEARS[ruleset]
    second = "07-01" if second_in_year else f"{y - 1}-07-01"
    rated = _rate(root, ruleset, own=[[_item(y, "05-10", True)], [_item(y, second, True)]])
    db = rated.org("db")
    ceiling, rules = SHARE[ruleset][0 if second_in_year else 1]
    assert (db.ceiling, set(_limits(db))) == (ceiling, rules)
    rid = {"qd132-hd21": "132-O4", "qd124-hd25": "124-O4"}.get(ruleset)
    if rid and second_in_year:
        assert _texts(db, rid)[-1] == (
            "2/5 tổ chức trực thuộc bị kỷ luật trong năm (40%, trên 20%) → Không hoàn "
            f"thành nhiệm vụ ({rid})"
        )
    if second_in_year:
        assert rated.dates == []
    else:
        f = rated.dates[0]
        where = (f.code, f.severity.value, f.path, f.line)
        line = rated.line("cb-1", "ngay_quyet_dinh")
        assert where == ("date-discipline-before-year", "warning", rated.path("cb-1"), line)
        assert len(rated.dates) == 1


# --------------------------------------------------------------------------- out of the year

# decided: the year before (a warning, not counted); after the round (an error); in the
# January of the round (a warning: maybe a real decision of next year, not counted)
OUT_OF_YEAR = [
    ("before", "date-discipline-before-year", "warning"),
    ("after", "date-discipline-after-evaluation", "error"),
    ("january", "date-discipline-after-evaluation", "warning"),
]


def _decided(kind: str, year: int) -> str:
    return {"before": f"{year - 1}-05-10", "after": f"{year + 1}-06-01"}.get(
        kind, f"{year + 1}-01-10"
    )


@pytest.mark.parametrize("ruleset", RULESETS)
@pytest.mark.parametrize(("kind", "code", "severity"), OUT_OF_YEAR)
def test_a_chi_bo_discipline_out_of_the_year_is_reported_and_not_counted(
    root: Path, ruleset: str, kind: str, code: str, severity: str
) -> None:
    y = YEARS[ruleset]
    decided = _decided(kind, y)
    rated = _rate(root, ruleset, own=[[_item(y, decided)]])
    for org_id in ("cb-0", "db"):
        v = rated.org(org_id)
        assert (v.ceiling, _limits(v), v.final) == (L.HTXSNV, {}, L.HTXSNV), org_id
    (f,) = rated.dates
    line = rated.line("cb-0", "ngay_quyet_dinh")
    assert (f.code, f.severity.value, f.path, f.line) == (code, severity, rated.path("cb-0"), line)
    assert f.rule == OWN_RULES[ruleset].split(",")[0] and f.actor == "committee"
    assert f.message.startswith(
        f"Mục kỷ luật thứ 1 (mục `ky_luat`, dòng {line}) ghi ngày quyết định {decided}, "
    )
    assert f"tính vào năm ra quyết định ({OWN_RULES[ruleset]}), nên mục này không" in f.message
    assert "trong hồ sơ của tổ chức rồi" in f.hint


@pytest.mark.parametrize("ruleset", RULESETS)
@pytest.mark.parametrize(("kind", "code", "severity"), OUT_OF_YEAR)
def test_a_leadership_discipline_out_of_the_year_is_reported_and_not_counted(
    root: Path, ruleset: str, kind: str, code: str, severity: str
) -> None:
    y = YEARS[ruleset]
    decided = _decided(kind, y)
    rated = _rate(root, ruleset, body=[_item(y, decided)])
    db = rated.org("db")
    assert (db.ceiling, _limits(db), db.final) == (L.HTXSNV, {}, L.HTXSNV)
    (f,) = rated.dates
    line = rated.line("db", "ngay_quyet_dinh")
    assert (f.code, f.severity.value, f.path, f.line) == (code, severity, rated.path("db"), line)
    assert f.rule == BODY_RULES[ruleset].split(",")[0]
    assert f.message.startswith(f"Mục kỷ luật thứ 1 (mục `lanh_dao.ky_luat`, dòng {line}) ")
    rule_text = f" ({BODY_RULES[ruleset]})" if BODY_RULES[ruleset] else ""
    assert f"tính vào năm ra quyết định{rule_text}, nên mục này không" in f.message


@pytest.mark.parametrize("ruleset", RULESETS)
def test_a_violation_after_its_decision_is_an_error_and_the_file_rated_as_written(
    root: Path, ruleset: str
) -> None:
    """The organization file stays in use (generator/messages/dates.py): the item, decided
    in the year, counts as written, so the ratings are those of the year's discipline."""
    y = YEARS[ruleset]
    item = _item(y, "05-10", ngay_vi_pham=f"{y}-08-01")
    rated = _rate(root, ruleset, own=[[item]])
    (f,) = rated.dates
    line = rated.line("cb-0", "ngay_vi_pham")
    where = (f.code, f.severity.value, f.path, f.line, f.rule)
    assert where == ("date-violation-after-decision", "error", rated.path("cb-0"), line, "")
    decided_line = rated.line("cb-0", "ngay_quyet_dinh")
    assert f"(mục `ngay_quyet_dinh`, dòng {decided_line})" in f.message
    assert "Tổ chức vẫn được xếp loại theo tệp như đang ghi" in f.message
    own_ceiling, _, db_ceiling, _ = IN_YEAR[ruleset]
    assert (rated.org("cb-0").ceiling, rated.org("db").ceiling) == (own_ceiling, db_ceiling)


# --------------------------------------------------------------------------- leadership body

# the đảng bộ's and its leadership body's ceilings and limiting rules when the body was
# disciplined in the year: 132-O4 and 132-L2, 124-O4 ("the leadership body disciplined",
# CONFIRMED, with no self-detection exception, unlike the subordinate unit's case beside
# it); QĐ 366 rates the body on its members (366-L3), not on this list
BODY_IN_YEAR = {
    "qd132-hd21": (L.KHTNV, {"132-O4"}, L.KHTNV, {"132-L1", "132-L2"}),
    "qd124-hd25": (L.KHTNV, {"124-O4"}, None, set()),
    "qd366-hd43": (L.HTXSNV, set(), L.HTXSNV, set()),
}


@pytest.mark.parametrize("ruleset", RULESETS)
@pytest.mark.parametrize("self_detected", [False, True])
def test_a_leadership_body_disciplined_in_the_year(
    root: Path, ruleset: str, self_detected: bool
) -> None:
    y = YEARS[ruleset]
    rated = _rate(root, ruleset, body=[_item(y, "05-10", self_detected)])
    db = rated.org("db")
    ceiling, rules, body_ceiling, body_rules = BODY_IN_YEAR[ruleset]
    assert (db.ceiling, set(_limits(db)), db.final) == (ceiling, rules, ceiling)
    body = db.leadership
    assert (body.ceiling if body else None, set(_limits(body)) if body else set()) == (
        body_ceiling,
        body_rules,
    )
    assert rated.dates == []
    # 124-O4 says why a self-detected case still counts
    note = " (tự phát hiện, khắc phục xong hậu quả không loại trừ trường hợp này)"
    note = note if self_detected and ruleset == "qd124-hd25" else ""
    for rid in rules:
        assert _texts(db, rid) == [
            f"tập thể lãnh đạo bị kỷ luật khiển trách ngày 10/05/{y}{note} → Không hoàn "
            f"thành nhiệm vụ ({rid})"
        ]


def test_check_of_a_132_year_fails_on_an_org_discipline_after_the_round(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """End to end under 132: `check` exits 1 on the error, at the chi bộ file's line,
    citing 132-O3, the committee-only date masked where the finding is shown."""
    rated = _rate(root, "qd132-hd21", own=[[_item(2021, "2022-06-01")]])
    shutil.copytree(SCHEMA, root / "schema")
    args = ["--repo", str(root), "check", str(root / "submissions/2021"), "--format", "json"]
    assert main(args) == 1
    out = capsys.readouterr().out
    found = [f for f in json.loads(out)["findings"] if f["code"].startswith("date-")]
    line = rated.line("cb-0", "ngay_quyet_dinh")
    assert [(f["code"], f["severity"], f["path"], f["line"], f["rule"]) for f in found] == [
        ("date-discipline-after-evaluation", "error", rated.path("cb-0"), line, "132-O3")
    ]
    assert f"(mục `ky_luat`, dòng {line}) ghi ngày quyết định [ẩn]" in found[0]["message"]
    assert "2022-06-01" not in out
