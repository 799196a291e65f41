"""Ruleset `qd124-hd25`: the rules for organizations (124-O1..O5). RULES.md §3. The
ruleset itself is assembled in `qd124_hd25`."""

from __future__ import annotations

from collections.abc import Iterator

from generator.rules.assess import criteria_level, criteria_summary, disciplined_in, kem_criteria
from generator.rules.base import Reason
from generator.rules.criteria import ORG_CRITERIA
from generator.rules.rule import OrgFacts, Rule, rule
from generator.rules.wording import arrow, cap, discipline_text, pct
from generator.submissions.records import Discipline, Level, TargetStatus

QD = "Quy định 124-QĐ/TW"
HD = "Hướng dẫn 25-HD/BTCTW"
C_ORG = f"{QD}; {HD} (khung tiêu chuẩn xếp loại chất lượng tổ chức đảng)"
ORG_BAND_RULE = {
    Level.HTXSNV: "124-O1",
    Level.HTTNV: "124-O2",
    Level.HTNV: "124-O3",
    Level.KHTNV: "124-O4",
}


# --------------------------------------------------------------------------- organizations


@rule("124-O1", C_ORG, also=("124-O2", "124-O3", "124-O4"))
def org_criteria(r: Rule[OrgFacts], o: OrgFacts) -> Iterator[Reason]:
    """Criterion levels of the organization → level; a Kém criterion → KHTNV (O4). HTXSNV
    also needs no subordinate unit and no leadership member disciplined in the year, with
    no self-detection exception (O1)."""
    hits = [f"tổ chức trực thuộc {n}" for n, _ in _disciplined_units(o)]
    hits += [f"cấp ủy viên {n}" for n, _ in _disciplined_leaders(o)]
    if hits:
        yield r.ceiling(
            Level.HTTNV,
            cap("bị kỷ luật trong năm: " + ", ".join(hits), Level.HTTNV, r.id),
        )
    level = criteria_level(o.org.criteria, ORG_CRITERIA)
    if level is None:
        yield r.assessed(None, "Chưa tự đánh giá các tiêu chí của tổ chức: chưa đủ căn cứ xếp loại")
        return
    rid = ORG_BAND_RULE[level]
    yield r.assessed(
        level, arrow(criteria_summary(o.org.criteria, ORG_CRITERIA), level, rid), rule_id=rid
    )


def _disciplined_units(o: OrgFacts) -> list[tuple[str, list[Discipline]]]:
    out = []
    for c in o.child_orgs():
        found = disciplined_in(c.discipline, o.y)
        if found:
            out.append((c.name, found))
    return out


def _disciplined_leaders(o: OrgFacts) -> list[tuple[str, list[Discipline]]]:
    out = []
    for member in o.leadership_members():
        found = disciplined_in(member.discipline, o.y)
        if found:
            out.append((member.name, found))
    return out


@rule("124-O2", C_ORG)
def org_leaders_disciplined(r: Rule[OrgFacts], o: OrgFacts) -> Iterator[Reason]:
    """HTTNV needs no leadership member disciplined in the year unless self-detected and
    remedied (a subordinate unit's violation is 124-O4's or 124-O5's)."""
    for name, ds in _disciplined_leaders(o):
        d = next((x for x in ds if not x.self_detected_remedied), None)
        if d is not None:
            yield r.ceiling(
                Level.HTNV, cap(f"cấp ủy viên {name} {discipline_text(d)}", Level.HTNV, r.id)
            )


def _targets(o: OrgFacts, *, count_force_majeure: bool) -> tuple[int, int, list[str]]:
    """(completed, counted, key targets missed) of the organization's targets."""
    counted = [
        t
        for t in o.org.targets
        if count_force_majeure or t.status is not TargetStatus.FORCE_MAJEURE
    ]
    done = sum(1 for t in counted if t.status.completed)
    key_missed = [t.name for t in counted if t.key_target and not t.status.completed]
    return done, len(counted), key_missed


@rule("124-O4", C_ORG)
def org_khtnv(r: Rule[OrgFacts], o: OrgFacts) -> Iterator[Reason]:
    """KHTNV when (CONFIRMED): a criterion Kém; a subordinate unit had a case of
    corruption, waste, negativity or any other violation handled by discipline, unless
    self-detected and remedied (where the record does not say, 124-O5 flags it); under 50%
    of targets **and** key targets missed (force majeure excepted); the leadership body
    disciplined, self-detected or not; more than 20% of subordinate units disciplined. Case 21: 3 of 10 chi bộ
    disciplined → KHTNV; case 28: one chi bộ's waste case, not self-detected → KHTNV."""
    org = o.org
    kem = kem_criteria(org.criteria, ORG_CRITERIA)
    if kem:
        yield r.ceiling(
            Level.KHTNV, arrow("tiêu chí xếp Kém: " + ", ".join(kem), Level.KHTNV, r.id)
        )
    units = _disciplined_units(o)
    for name, ds in units:
        d = next((x for x in ds if x.self_detected_remedied is False), None)
        if d is not None:
            yield r.ceiling(
                Level.KHTNV,
                arrow(
                    f"tổ chức trực thuộc {name} có vi phạm {discipline_text(d)}",
                    Level.KHTNV,
                    r.id,
                ),
            )
    done, n, key_missed = _targets(o, count_force_majeure=False)
    if n and done * 2 < n and key_missed:
        yield r.ceiling(
            Level.KHTNV,
            arrow(
                f"hoàn thành {done}/{n} chỉ tiêu (dưới 50%), không đạt chỉ tiêu chủ "
                f"yếu: {', '.join(key_missed)}",
                Level.KHTNV,
                r.id,
            ),
        )
    # "the leadership body disciplined" (124-O4, CONFIRMED): the self-detection exception
    # belongs to the subordinate unit's case only, so a self-detected, remedied case of
    # the body still counts (it made the organization HTXSNV before)
    for d in disciplined_in(org.leadership.discipline, o.y):
        text = f"tập thể lãnh đạo {discipline_text(d)}"
        if d.self_detected_remedied:
            text += " (tự phát hiện, khắc phục xong hậu quả không loại trừ trường hợp này)"
        yield r.ceiling(Level.KHTNV, arrow(text, Level.KHTNV, r.id))
    # the organization's own `ky_luat` (a chi bộ's), which RULES.md §3 does not name: read
    # as the same case, with the self-detection exception of 132-O3 (the project's reading)
    for d in disciplined_in(org.discipline, o.y):
        if not d.self_detected_remedied:
            yield r.ceiling(Level.KHTNV, arrow(f"tổ chức {discipline_text(d)}", Level.KHTNV, r.id))
    children = o.child_orgs()
    if children and len(units) * 5 > len(children):
        yield r.ceiling(
            Level.KHTNV,
            arrow(
                f"{len(units)}/{len(children)} tổ chức trực thuộc bị kỷ luật trong năm "
                f"({pct(len(units) / len(children))}, trên 20%)",
                Level.KHTNV,
                r.id,
            ),
        )


@rule("124-O5", C_ORG)
def org_needs_decision(r: Rule[OrgFacts], o: OrgFacts) -> Iterator[Reason]:
    """What the record cannot settle is flagged "cần cấp có thẩm quyền quyết định" with the
    facts, never guessed: a subordinate unit's violation whose self-detection the record
    does not state; targets that would make the organization KHTNV under 124-O4 unless the
    force majeure claimed for them is accepted."""
    for name, ds in _disciplined_units(o):
        for d in ds:
            if d.self_detected_remedied is None:
                yield r.flag(
                    f"Tổ chức trực thuộc {name} {discipline_text(d)}, hồ sơ không ghi có tự phát "
                    "hiện và khắc phục xong hậu quả hay không (tu_phat_hien_khac_phuc): cần cấp "
                    "có thẩm quyền quyết định (124-O5)",
                    needs_decision=True,
                )
    done, n, key_missed = _targets(o, count_force_majeure=True)
    claimed = [t.name for t in o.org.targets if t.status is TargetStatus.FORCE_MAJEURE]
    if claimed and n and done * 2 < n and key_missed:
        yield r.flag(
            f"Chỉ tiêu không đạt do bất khả kháng: {', '.join(claimed)}; nếu không chấp nhận "
            f"thì chỉ hoàn thành {done}/{n} chỉ tiêu và không đạt chỉ tiêu chủ yếu: cần cấp "
            "có thẩm quyền quyết định (124-O5)",
            needs_decision=True,
        )
