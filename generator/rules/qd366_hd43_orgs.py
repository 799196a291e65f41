"""Ruleset `qd366-hd43`: the rules for organizations (366-O1..O4) and leadership bodies
(366-L3). RULES.md §4. The ruleset itself is assembled in `qd366_hd43`."""

from __future__ import annotations

from collections.abc import Iterator

from generator.rules.assess import disciplined_in, score_text
from generator.rules.bands366 import (
    SCORE_MEETS_LOWER_BANDS,
    band_of,
    target_shares,
    task_shares,
    unmet,
    walk,
)
from generator.rules.base import Reason, Setting
from generator.rules.rule import OrgFacts, Rule, rule
from generator.rules.wording import arrow, cap, discipline_text
from generator.submissions.records import DisciplineForm, Level

QD = "Quy định 366-QĐ/TW"
HD = "Hướng dẫn 43-HD/BTCTW"
C_ORG = f"{QD}; {HD}, Phụ lục 1 (xếp loại chất lượng tổ chức đảng theo thang điểm 100)"
C_LEADERSHIP = f"{QD}; {HD} (tập thể lãnh đạo, quản lý)"
ORG_BAND_RULE = {
    Level.HTXSNV: "366-O1",
    Level.HTTNV: "366-O2",
    Level.HTNV: "366-O3",
    Level.KHTNV: "366-O4",
}


# --------------------------------------------------------------------------- organizations

ORG_KHTNV_FROM_LEADERSHIP = Setting(
    "org_khtnv_from_leadership",
    True,
    (True, False),
    "366-O4",
    "Tổ chức Không hoàn thành nhiệm vụ khi tập thể lãnh đạo của tổ chức thuộc trường hợp "
    "KHTNV của 366-L3 (`true`, mặc định; chưa đối chiếu văn bản).",
)


def leadership_khtnv_cases(o: OrgFacts) -> list[str]:
    """366-L3: the facts that make a leadership body KHTNV (a competent body concluded it
    lost unity; a member disciplined khiển trách or heavier for a duty violation, or
    concluded degraded; its unit under 70% of tasks or missing the basic targets)."""
    cases = []
    if o.org.leadership.lost_unity:
        cases.append("tập thể lãnh đạo bị kết luận mất đoàn kết nội bộ")
    for member in o.leadership_members():
        for d in disciplined_in(member.discipline, o.y):
            if d.duty_related and d.form >= DisciplineForm.KHIEN_TRACH:
                cases.append(f"cấp ủy viên {member.name} {discipline_text(d)} liên quan chức trách")
        if member.degradation_finding:
            cases.append(f"cấp ủy viên {member.name} bị kết luận suy thoái")
    t = task_shares(o.org.tasks) if o.org.tasks else target_shares(o.org.targets)
    if t.done < 0.7:
        cases.append(f"đơn vị {t.text} (dưới 70%)")
    key_missed = [x.name for x in o.org.targets if x.key_target and not x.status.completed]
    if key_missed:
        cases.append("đơn vị không đạt chỉ tiêu cơ bản: " + ", ".join(key_missed))
    return cases


@rule(
    "366-O1",
    C_ORG,
    also=("366-O2", "366-O3", "366-O4"),
    settings=(ORG_KHTNV_FROM_LEADERSHIP, SCORE_MEETS_LOWER_BANDS),
)
def org_scores(r: Rule[OrgFacts], o: OrgFacts) -> Iterator[Reason]:
    """Score bands with the collective's task conditions: O1 >= 90, 100% on time, >= 30%
    exceeded, no subordinate unit and no leadership member disciplined; O2 70 to under 90,
    100% on time; O3 50 to under 70, 100% done, at most 20% late; O4 under 50, more than
    50% of tasks not completed, or a 366-L3 case of its leadership body
    (`org_khtnv_from_leadership`). A score above a band also meets the lower bands' score
    conditions unless `score_meets_lower_bands` is off (UNVERIFIED, RULES.md §4): then a
    disciplined unit or leadership member is one more missed 366-O1 condition, not a cap
    at HTTNV. Cases 30, 31."""
    s = o.org.scores
    if s is None:
        yield r.assessed(None, "Tổ chức chưa chấm điểm (diem): chưa đủ căn cứ xếp loại")
        return
    t = task_shares(o.org.tasks) if o.org.tasks else target_shares(o.org.targets)
    if t.not_done > 0.5:
        yield r.ceiling(
            Level.KHTNV,
            arrow(f"{t.text}: trên 50% không hoàn thành", Level.KHTNV, "366-O4"),
            rule_id="366-O4",
        )
    if o.settings[ORG_KHTNV_FROM_LEADERSHIP.name]:
        for case in leadership_khtnv_cases(o):
            text = arrow(f"{case} (366-L3)", Level.KHTNV, "366-O4")
            yield r.ceiling(Level.KHTNV, text, rule_id="366-O4")
    band = band_of(s.total)
    if band == Level.KHTNV:
        text = arrow(f"{score_text(s)} (dưới 50)", band, "366-O4")
        yield r.assessed(band, text, rule_id="366-O4")
        return
    hits = [c.name for c in o.child_orgs() if disciplined_in(c.discipline, o.y)]
    hits += [
        f"cấp ủy viên {mm.name}"
        for mm in o.leadership_members()
        if disciplined_in(mm.discipline, o.y)
    ]
    down = o.settings[SCORE_MEETS_LOWER_BANDS.name]
    if hits and down:
        text = cap("bị kỷ luật trong năm: " + ", ".join(hits), Level.HTTNV, r.id)
        yield r.ceiling(Level.HTTNV, text)
    blockers = [] if down or not hits else ["bị kỷ luật trong năm: " + ", ".join(hits)]
    level, missing = walk(band, t, blockers, down=down)
    if level is None:
        rid = ORG_BAND_RULE[min(missing)]
        yield r.assessed(None, f"{score_text(s)}; {t.text}: không đạt điều kiện của mức nào")
        yield r.flag(
            f"{score_text(s)} nhưng {unmet(band, missing)}: không đủ điều kiện mức nào — cần "
            f"quyết định ({rid})",
            needs_decision=True,
            rule_id=rid,
        )
        return
    note = "".join(f"; chưa đạt {lv.code}: {why}" for lv, why in missing.items())
    rid = ORG_BAND_RULE[level]
    yield r.assessed(level, arrow(f"{score_text(s)}; {t.text}{note}", level, rid), rule_id=rid)


@rule("366-L3", C_LEADERSHIP)
def leadership(r: Rule[OrgFacts], o: OrgFacts) -> Iterator[Reason]:
    """A leadership body follows its organization's result and is KHTNV if a competent body
    concluded it lost internal unity, a member was disciplined khiển trách or heavier for a
    duty violation or concluded degraded, or its unit completed under 70% of tasks or
    missed the basic targets."""
    v = o.own_verdict
    if v is not None and v.final is not None:
        yield r.assessed(
            v.final,
            f"Tập thể lãnh đạo theo kết quả của {o.org.name}: {v.final.label_vi} (366-L3)",
        )
    for case in leadership_khtnv_cases(o):
        yield r.ceiling(Level.KHTNV, arrow(case, Level.KHTNV, r.id))
