"""Checks for the deciding bodies after rating (RULES.md X2): heads after their units
(132-L1, 124-L1; X2 under 366), decisions above the ceiling, re-ratings above the ceiling
of the year they re-rate, decisions for someone not rated or not reviewed; under a scored
ruleset (366), a decision above what the file's own score and task figures support (a
warning: the deciding body may score otherwise). Each problem is a finding against the
decision line that causes it."""

from __future__ import annotations

from typing import Any

from generator.findings import Finding, Position

# the module, not the name: generator.privacy.verdicts imports generator.rules.base, so
# importing it first runs this module while it is only partly there (an import cycle)
from generator.privacy import Scope
from generator.privacy import verdicts as privacy_verdicts
from generator.rules import problems
from generator.rules.base import Effect, NotRated, Reason, Verdict
from generator.rules.lookup import Line
from generator.rules.run import Run, member_name, org_name
from generator.rules.verdicts import binding, recompute
from generator.rules.wording import cap, level_text
from generator.submissions.records import Decisions, Level, ReRating
from generator.submissions.year import Year


def head_caps(run: Run) -> None:
    head_cap = run.spec.head_cap
    if head_cap is None or (head_cap.setting and not run.settings[head_cap.setting.name]):
        return
    year, out = run.year, run.out
    for org_id, ov in out.orgs.items():
        org = year.orgs[org_id]
        head = org.head_id
        hv = out.members.get(head or "")
        if hv is None or not hv.rated or not ov.rated or ov.final is None:
            continue
        if ov.final >= Level.HTXSNV:
            continue
        status = "đã quyết định" if ov.decided is not None else "dự kiến"
        hv.reasons.append(
            Reason(
                head_cap.rule,
                head_cap.citation,
                cap(
                    f"là bí thư (người đứng đầu) của {org.name}, tổ chức xếp loại "
                    f"{level_text(ov.final)} ({status})",
                    ov.final,
                    head_cap.rule,
                ),
                Effect.CEILING,
                ov.final,
            )
        )
        recompute(hv)


def check_decisions(run: Run) -> None:
    """X2 above the ceiling, head above unit; decisions for someone not rated/reviewed."""
    _member_decisions(run)
    _org_decisions(run)


def _member_decisions(run: Run) -> None:
    out = run.out
    head_rule = run.spec.head_cap.rule if run.spec.head_cap else None
    if not run.spec.rates:
        return
    for member_id, d in run.index.members.items():
        v = out.members.get(member_id)
        if v is None:
            continue  # unknown member: the cross-file check's `ref-unknown-member`
        above = v.decided is not None and v.ceiling is not None and v.decided > v.ceiling
        over = _criteria_below(run, v) if v.rated and not above else []
        if v.rated and not above and not over:
            continue  # nothing to say (most lines of a province)
        related = [run.member_paths[member_id]] if member_id in run.member_paths else []
        name = member_name(run, member_id)
        if over:
            out.findings.append(_above_criteria(d, f"đảng viên {name}", v, over, related))
            continue
        if not v.rated:
            out.findings.append(_not_rated(run, d.path, d.position, v, name, related))
            continue
        if v.decided is not None and v.ceiling is not None and v.decided > v.ceiling:
            limiting = binding(v)
            if head_rule and all(r.rule == head_rule for r in limiting):
                org_id = _headed_org(run, member_id)
                out.findings.append(
                    problems.head_above_unit(
                        d.path,
                        d.position,
                        head=name,
                        decided=v.decided,
                        org_name=org_name(run, org_id),
                        org_level=v.ceiling,
                        rule=head_rule,
                        related=related,
                    )
                )
            else:
                out.findings.append(
                    problems.decision_above_ceiling(
                        d.path,
                        d.position,
                        subject=f"đảng viên {name}",
                        decided=v.decided,
                        ceiling=v.ceiling,
                        related=related,
                        **_quoting(limiting, "member"),
                        member_id=member_id,
                    )
                )


def _not_rated(
    run: Run, path: str, pos: Position, v: Verdict, name: str, related: list[str]
) -> Finding:
    """A decision for a member the rules do not rate, or whose review is missing."""
    if v.not_rated is NotRated.NOT_REVIEWED:
        why = v.reasons[0].text if v.reasons else "chưa có bản kiểm điểm"
        return problems.decision_without_review(
            path,
            pos,
            member=name,
            why=why[:1].lower() + why[1:],
            rule=run.spec.not_reviewed_rule[0],
        )
    r = v.reasons[0]
    new_member = v.not_rated is NotRated.NEW_MEMBER and related
    return problems.decision_not_rated(
        path,
        pos,
        subject=f"đảng viên {name}",
        why=privacy_verdicts.finding_text(r, "member"),
        whole=r.text,
        rule=r.rule,
        member_file=related[0] if new_member else "",
        scope=privacy_verdicts.reason_scope(r, "member"),
        member_id=v.subject_id,
    )


def _org_decisions(run: Run) -> None:
    out = run.out
    for org_id, od in run.index.orgs.items():
        v = out.orgs.get(org_id)
        if v is None or not run.spec.rates:
            continue
        name = org_name(run, org_id)
        if not v.rated:
            r = v.reasons[0]
            out.findings.append(
                problems.decision_not_rated(
                    od.path,
                    od.position,
                    subject=name,
                    why=privacy_verdicts.finding_text(r, "org"),
                    whole=r.text,
                    rule=r.rule,
                    scope=privacy_verdicts.reason_scope(r, "org"),
                )
            )
        elif over := _criteria_below(run, v):
            org = run.year.orgs.get(org_id)
            related = [org.source.path] if org and org.source else []
            out.findings.append(_above_criteria(od, name, v, over, related))
        elif v.decided is not None and v.ceiling is not None and v.decided > v.ceiling:
            limiting = binding(v)
            org = run.year.orgs.get(org_id)
            related = [org.source.path] if org and org.source else []
            out.findings.append(
                problems.decision_above_ceiling(
                    od.path,
                    od.position,
                    subject=name,
                    decided=v.decided,
                    ceiling=v.ceiling,
                    related=related,
                    **_quoting(limiting, "org"),
                )
            )


def re_rating_problem(
    later: Year, decisions: Decisions, item: ReRating, earlier: Year | None, v: Verdict
) -> Finding | None:
    """Why a re-rating (124-M7) of `item.year` is not applied, as a finding at its `muc` in
    `decisions`; None when it may be. A re-rating is a decision about that year's level
    (the verdict `v` of the member that year): for a member that year's rules did not rate
    (exempted, suspended, new, no review) it is `rule-decision-not-rated` (an auditor's
    trial: it was applied in silence); above that year's ceiling it is X2's error. Either
    way the year keeps its level, as a decision without authority does (case 36)."""
    if v.rated and (v.ceiling is None or item.level <= v.ceiling):
        return None
    src = decisions.source
    pos = src.document.value_pos(("xep_loai_lai", item.index, "muc")) if src else None
    member = earlier.members.get(item.member_id) if earlier is not None else None
    if member is None:
        member = later.members.get(item.member_id)
    name = f"{member.name} ({item.member_id})" if member else item.member_id
    related = [member.source.path] if member is not None and member.source else []
    path = src.path if src else ""
    if not v.rated:
        r = v.reasons[0] if v.reasons else None
        return problems.decision_not_rated(
            path,
            pos or Position(1),
            subject=f"lại năm {item.year} cho đảng viên {name}",
            why=privacy_verdicts.finding_text(r, "member") if r else "năm đó không xếp loại",
            whole=r.text if r else "",
            rule=r.rule if r else "124-M7",
            scope=privacy_verdicts.reason_scope(r, "member") if r else Scope.TO_CHUC,
            member_id=item.member_id,
        )
    limiting = binding(v)
    assert v.ceiling is not None
    return problems.re_rating_above_ceiling(
        path,
        pos or Position(1),
        member=name,
        year=item.year,
        level=item.level,
        ceiling=v.ceiling,
        previous=v.final,
        related=related,
        **_quoting(limiting, "member"),
        member_id=item.member_id,
    )


def _criteria_below(run: Run, v: Verdict) -> list[Reason]:
    """Under a scored ruleset (366-M1..M5, 366-O1..O4), the criteria reasons (the file's
    score and task figures) whose level is below a decision that is not above the ceiling
    (that is X2's error): the file's score is the subject's own scoring and the deciding
    body may score otherwise, so it is a warning, never silent. Empty when nothing to say."""
    decided = v.decided
    if not run.spec.scored or decided is None or v.ceiling is None or decided > v.ceiling:
        return []
    levels = [r.level for r in v.reasons if r.effect is Effect.ASSESSED]
    if not levels or None in levels:
        return []  # no criteria level (366-M5: the deciding body decides)
    lowest = min(lv for lv in levels if lv is not None)
    if decided <= lowest:
        return []
    return [r for r in v.reasons if r.effect is Effect.ASSESSED and r.level == lowest]


def _above_criteria(
    line: Line[Any, Any], subject: str, v: Verdict, over: list[Reason], related: list[str]
) -> Finding:
    """`rule-decision-above-criteria` at the decision `line`: a notice when the line gives
    the body's reason in its `ghi_chu`."""
    kind = v.subject_kind
    assert v.decided is not None and over[0].level is not None
    return problems.decision_above_criteria(
        line.path,
        line.position,
        subject=subject,
        decided=v.decided,
        supported=over[0].level,
        related=related,
        **_quoting(over, kind),
        member_id=v.subject_id if kind == "member" else "",
        noted=bool(line.item.note.strip()),
    )


def _quoting(reasons: list[Reason], kind: str) -> dict[str, Any]:
    """What a finding quoting `reasons` about a `kind` ("member", "org") is given of them:
    their text as its reader may read it (`because`), as the deciding committee reads it
    (`whole`), their rule ids, and who may read it (`scope`)."""
    return {
        "because": [privacy_verdicts.finding_text(r, kind) for r in reasons],
        "whole": [r.text for r in reasons],
        "rules": [r.rule for r in reasons],
        "scope": _scope(reasons, kind),
    }


def _scope(reasons: list[Reason], kind: str) -> Scope:
    """Who may read a finding quoting `reasons` (generator.privacy.findings)."""
    return max((privacy_verdicts.reason_scope(r, kind) for r in reasons), default=Scope.TO_CHUC)


def _headed_org(run: Run, member_id: str) -> str:
    for org in run.year.orgs.values():
        if org.head_id == member_id and org.id in run.out.orgs:
            return org.id
    return ""
