"""Ruleset `qd132-hd21`: the rules for organizations (132-O1..O5) and leadership bodies
(132-L1, 132-L2). RULES.md §2. The ruleset itself is assembled in `qd132_hd21`."""

from __future__ import annotations

from collections.abc import Iterator

from generator.rules.assess import criteria_level, criteria_summary, disciplined_in
from generator.rules.base import Reason, Setting
from generator.rules.criteria import ORG_CRITERIA
from generator.rules.rule import OrgFacts, Rule, rule
from generator.rules.wording import arrow, cap, discipline_text, pct
from generator.submissions.records import DisciplineForm, Level, TargetStatus

QD = "Quy định 132-QĐ/TW"
HD = "Hướng dẫn 21-HD/BTCTW"
C_ORG = f"{QD}; {HD}, mục II.B.1 (xếp loại chất lượng tổ chức đảng)"
C_LEAD = f"{QD}; {HD} (xếp loại tập thể lãnh đạo, quản lý và người đứng đầu)"
ORG_BAND_RULE = {
    Level.HTXSNV: "132-O1",
    Level.HTTNV: "132-O2",
    Level.HTNV: "132-O3",
    Level.KHTNV: "132-O4",
}


# --------------------------------------------------------------------------- organizations


@rule("132-O1", C_ORG, also=("132-O2", "132-O3", "132-O4", "132-O5"))
def org_criteria(r: Rule[OrgFacts], o: OrgFacts) -> Iterator[Reason]:
    """Criterion levels of the organization → level (same bands as for members), bounded
    by its members' or subordinate organizations' levels (`_unit_shares`: O1, O2, O5) and
    the same-level bodies' (`_same_level_bodies`: O1, O2)."""
    yield from _unit_shares(r, o)
    yield from _same_level_bodies(r, o)
    level = criteria_level(o.org.criteria, ORG_CRITERIA)
    if level is None:
        yield r.assessed(None, "Chưa tự đánh giá các tiêu chí của tổ chức: chưa đủ căn cứ xếp loại")
        return
    rid = ORG_BAND_RULE[level]
    yield r.assessed(
        level, arrow(criteria_summary(o.org.criteria, ORG_CRITERIA), level, rid), rule_id=rid
    )


def _unit_shares(r: Rule[OrgFacts], o: OrgFacts) -> Iterator[Reason]:
    """A chi bộ (a đảng bộ) needs 100% of its members (subordinate organizations) HTNV+
    and 80% HTTNV+ for HTXSNV (O1), 50% HTTNV+ for HTTNV (O2); one KHTNV member makes both
    impossible (O5). Cases 10 (8/10 → may be HTXSNV), 11 (7/10 → ceiling HTTNV),
    12 (one KHTNV of 12 → ceiling HTNV)."""
    units = [v for v in o.units if v.rated and v.final is not None]
    if not units:
        return
    what = "tổ chức trực thuộc" if o.child_verdicts else "đảng viên"
    n = len(units)
    khtnv = sum(1 for v in units if v.final == Level.KHTNV)
    good = sum(1 for v in units if v.final is not None and v.final >= Level.HTTNV)
    if khtnv:
        rid = "132-O2" if o.child_verdicts else "132-O5"
        yield r.ceiling(
            Level.HTNV,
            cap(f"có {khtnv}/{n} {what} Không hoàn thành nhiệm vụ", Level.HTNV, rid),
            rule_id=rid,
        )
    elif good * 2 < n:
        yield r.ceiling(
            Level.HTNV,
            cap(
                f"{good}/{n} {what} từ Hoàn thành tốt nhiệm vụ trở lên ({pct(good / n)}, dưới 50%)",
                Level.HTNV,
                "132-O2",
            ),
            rule_id="132-O2",
        )
    elif good * 5 < n * 4:
        yield r.ceiling(
            Level.HTTNV,
            cap(
                f"{good}/{n} {what} từ Hoàn thành tốt nhiệm vụ trở lên ({pct(good / n)}, dưới 80%)",
                Level.HTTNV,
                "132-O1",
            ),
            rule_id="132-O1",
        )


def _same_level_bodies(r: Rule[OrgFacts], o: OrgFacts) -> Iterator[Reason]:
    """HTXSNV needs the same-level government, Fatherland Front and mass organizations
    rated HTTNV+ (O1); HTTNV needs them HTNV+ (O2)."""
    bodies = o.org.same_level_bodies
    if bodies is None or not bodies.levels():
        return
    worst = min(bodies.levels())
    facts = f"chính quyền, Mặt trận, đoàn thể cùng cấp có nơi chỉ xếp loại {worst.label_vi}"
    if worst < Level.HTNV:
        yield r.ceiling(Level.HTNV, cap(facts, Level.HTNV, "132-O2"), rule_id="132-O2")
    elif worst < Level.HTTNV:
        yield r.ceiling(Level.HTTNV, cap(facts, Level.HTTNV, "132-O1"))


@rule("132-O3", C_ORG)
def org_disciplined(r: Rule[OrgFacts], o: OrgFacts) -> Iterator[Reason]:
    """HTNV needs the organization not disciplined in the year, unless it detected the
    violation itself and remedied the consequences."""
    for d in disciplined_in(o.org.discipline, o.y):
        if d.self_detected_remedied:
            continue
        yield r.ceiling(Level.KHTNV, arrow(f"tổ chức {discipline_text(d)}", Level.KHTNV, r.id))


TARGETS_RULE = Setting(
    "targets_rule",
    "both",
    ("both", "either"),
    "132-O4",
    "Tổ chức Không hoàn thành nhiệm vụ vì chỉ tiêu: `both` (mặc định, như Quy định 124 "
    "diễn đạt) = hoàn thành dưới 50% chỉ tiêu **và** có chỉ tiêu chủ yếu không đạt; "
    "`either` = một trong hai điều đó. Chưa đối chiếu văn bản gốc cho Quy định 132.",
)
ORG_KHTNV_MEMBER_SHARE = Setting(
    "org_khtnv_member_share",
    None,
    None,
    "132-O4",
    "Tắt theo mặc định (để trống): Quy định 132 không quy định tổ chức bị KHTNV vì tỷ lệ "
    "đảng viên KHTNV. Tỉnh nào áp dụng thì ghi tỷ lệ (ví dụ 0.2 = trên 20% đảng viên "
    "KHTNV thì tổ chức KHTNV).",
)


def _targets_missed(o: OrgFacts, how: str) -> str | None:
    """What makes the targets a KHTNV case under `targets_rule`, or None: under 50% of
    targets completed and/or a key target (chỉ tiêu chủ yếu) missed; force majeure
    targets are not counted."""
    counted = [t for t in o.org.targets if t.status is not TargetStatus.FORCE_MAJEURE]
    if not counted:
        return None
    done = sum(1 for t in counted if t.status.completed)
    under_half = done * 2 < len(counted)
    key_missed = [t.name for t in counted if t.key_target and not t.status.completed]
    hit = (under_half and bool(key_missed)) if how == "both" else (under_half or bool(key_missed))
    if not hit:
        return None
    parts = [f"hoàn thành {done}/{len(counted)} chỉ tiêu ({pct(done / len(counted))})"]
    if key_missed:
        parts.append("không đạt chỉ tiêu chủ yếu: " + ", ".join(key_missed))
    return "; ".join(parts)


@rule("132-O4", C_ORG, settings=(TARGETS_RULE, ORG_KHTNV_MEMBER_SHARE))
def org_khtnv(r: Rule[OrgFacts], o: OrgFacts) -> Iterator[Reason]:
    """KHTNV (QĐ 132 Điều 12 khoản 4) when: a subordinate unit had a case of
    embezzlement, corruption or any other violation handled by discipline, unless
    self-detected and remedied; targets under 50% and/or key targets missed
    (`targets_rule`, force majeure excepted); party-building work rated Kém; the
    leadership body disciplined; more than 20% of subordinate units disciplined; and only
    where a province sets `org_khtnv_member_share`, more than that share of members KHTNV.
    Case 27: 3 of 10 members KHTNV → no KHTNV from a members' share (setting off)."""
    org = o.org
    missed = _targets_missed(o, str(o.settings[TARGETS_RULE.name]))
    if missed:
        yield r.ceiling(Level.KHTNV, arrow(missed, Level.KHTNV, r.id))
    if org.party_building_weak:
        yield r.ceiling(
            Level.KHTNV, arrow("công tác xây dựng Đảng xếp loại Kém", Level.KHTNV, r.id)
        )
    children = o.child_orgs()
    disciplined = [c for c in children if disciplined_in(c.discipline, o.y)]
    for c in disciplined:
        for d in disciplined_in(c.discipline, o.y):
            if not d.self_detected_remedied:
                yield r.ceiling(
                    Level.KHTNV,
                    arrow(f"{c.name} có vi phạm {discipline_text(d)}", Level.KHTNV, r.id),
                )
                break
    for d in disciplined_in(org.leadership.discipline, o.y):
        yield r.ceiling(
            Level.KHTNV, arrow(f"tập thể lãnh đạo {discipline_text(d)}", Level.KHTNV, r.id)
        )
    if children and len(disciplined) * 5 > len(children):
        yield r.ceiling(
            Level.KHTNV,
            arrow(
                f"{len(disciplined)}/{len(children)} tổ chức trực thuộc bị kỷ luật trong năm "
                f"({pct(len(disciplined) / len(children))}, trên 20%)",
                Level.KHTNV,
                r.id,
            ),
        )
    yield from _members_share(r, o)


def _members_share(r: Rule[OrgFacts], o: OrgFacts) -> Iterator[Reason]:
    share = o.settings[ORG_KHTNV_MEMBER_SHARE.name]
    members = [v for v in o.member_verdicts if v.rated and v.final is not None]
    if share is None or not members:
        return
    bad = sum(1 for v in members if v.final == Level.KHTNV)
    if bad / len(members) > float(share):
        yield r.ceiling(
            Level.KHTNV,
            arrow(
                f"{bad}/{len(members)} đảng viên Không hoàn thành nhiệm vụ "
                f"({pct(bad / len(members))}, trên {pct(float(share))}; cài đặt "
                "org_khtnv_member_share)",
                Level.KHTNV,
                r.id,
            ),
        )


# --------------------------------------------------------------------------- leadership


@rule("132-L1", C_LEAD)
def leadership_follows_org(r: Rule[OrgFacts], o: OrgFacts) -> Iterator[Reason]:
    """A leadership body is never rated above its organization."""
    v = o.own_verdict
    if v is None or v.final is None:
        return
    yield r.assessed(
        v.final,
        f"Tập thể lãnh đạo không cao hơn tổ chức: {o.org.name} "
        f"xếp loại {v.final.label_vi} (132-L1)",
    )
    yield r.ceiling(v.final, cap(f"{o.org.name} xếp loại {v.final.label_vi}", v.final, r.id))


@rule("132-L2", C_LEAD)
def leadership_khtnv(r: Rule[OrgFacts], o: OrgFacts) -> Iterator[Reason]:
    """The leadership body is KHTNV (HD 21 II.B tiết 3) if one of its members was
    disciplined with cảnh cáo or heavier in the year or concluded degraded (suy thoái) by a
    competent body, the body was disciplined, it lost internal unity, or its unit
    completed under 50% of targets with key targets missed. Case 14: a member given cảnh
    cáo → KHTNV."""
    for member in o.leadership_members():
        if member.degradation_finding:
            yield r.ceiling(
                Level.KHTNV,
                arrow(
                    f"cấp ủy viên {member.name} bị cấp có thẩm quyền kết luận suy thoái",
                    Level.KHTNV,
                    r.id,
                ),
            )
        for d in disciplined_in(member.discipline, o.y):
            if d.form >= DisciplineForm.CANH_CAO:
                yield r.ceiling(
                    Level.KHTNV,
                    arrow(f"cấp ủy viên {member.name} {discipline_text(d)}", Level.KHTNV, r.id),
                )
    for d in disciplined_in(o.org.leadership.discipline, o.y):
        yield r.ceiling(
            Level.KHTNV, arrow(f"tập thể lãnh đạo {discipline_text(d)}", Level.KHTNV, r.id)
        )
    if o.org.leadership.lost_unity:
        yield r.ceiling(
            Level.KHTNV, arrow("tập thể lãnh đạo mất đoàn kết nội bộ", Level.KHTNV, r.id)
        )
    missed = _targets_missed(o, "both")
    if missed:
        yield r.ceiling(Level.KHTNV, arrow(f"đơn vị {missed}", Level.KHTNV, r.id))
