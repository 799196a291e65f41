"""What a verdict may tell each audience.

A verdict's reasons are sentences built from the facts that triggered them ("bị kỷ luật
khiển trách ngày …", "nghỉ ốm 4 tháng"), so a reason is as sensitive as the facts its rule
reads. `REASON_SCOPES` names the rules whose reasons can state committee-only facts
(health, discipline, degradation and prohibited-conduct findings, a leader's or a leadership
body's discipline); their reasons are for the deciding committees only. Other reasons about
a member rest on the review itself (criteria, scores, tasks: the chi bộ's class); reasons
about an organization rest on its collective review (the whole organization's class).

The list errs on the side of hiding: 132-M4 also covers "under 50% of tasks", which is not
sensitive, but its reasons are hidden from the chi bộ all the same.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from generator.privacy import Scope, _replace
from generator.rules.base import Effect, NotRated, Reason, Verdict, YearVerdicts
from generator.submissions.records import Level

REASON_SCOPES: dict[str, Scope] = {
    # members: discipline, degradation (suy thoái), prohibited conduct, civil-servant rating
    "132-M4": Scope.CAP_UY,
    "124-M4": Scope.CAP_UY,
    "366-M4": Scope.CAP_UY,
    # members: the agency's rating of a civil servant (366-M10): the member's chi bộ's, as
    # `can_bo_cong_chuc` is in the schema; named here so a finding applying it is theirs too
    "366-M10": Scope.CHI_BO,
    # members: sick and maternity leave (health data)
    "132-M6": Scope.CAP_UY,
    "366-M7": Scope.CAP_UY,
    # members: an earlier year's violation disciplined now
    "124-M7": Scope.CAP_UY,
    "366-M8": Scope.CAP_UY,
    # leaders and leadership bodies: their members' discipline, degradation, unity
    "132-L2": Scope.CAP_UY,
    "366-L1": Scope.CAP_UY,
    "366-L3": Scope.CAP_UY,
    # organizations: discipline of the organization, its units or its leadership body
    "132-O3": Scope.CAP_UY,
    "132-O4": Scope.CAP_UY,
    "124-O1": Scope.CAP_UY,
    "124-O2": Scope.CAP_UY,
    "124-O4": Scope.CAP_UY,
    "124-O5": Scope.CAP_UY,
    "366-O1": Scope.CAP_UY,
    "366-O4": Scope.CAP_UY,
    # two KHTNV years running: read from the final levels, which everyone sees
    "X3": Scope.TO_CHUC,
}

# why a member is not rated: a new member or a missing review is plain to everyone; being
# exempted or suspended is known in one's chi bộ (it changes who attends), not beyond
NOT_RATED_SCOPES: dict[NotRated, Scope] = {
    NotRated.NEW_MEMBER: Scope.TO_CHUC,
    NotRated.NOT_REVIEWED: Scope.TO_CHUC,
    NotRated.PENDING_RULESET: Scope.TO_CHUC,
    NotRated.EXEMPTED: Scope.CHI_BO,
    NotRated.SUSPENDED: Scope.CHI_BO,
    NotRated.UNDISCLOSED: Scope.TO_CHUC,  # either of the two: what a bare "Không xếp loại" says
}


def reason_scope(reason: Reason, subject_kind: str) -> Scope:
    """The audience class of one reason of a verdict about a `subject_kind`."""
    if reason.effect is Effect.NOT_RATED and reason.not_rated is not None:
        return max(
            NOT_RATED_SCOPES[reason.not_rated], REASON_SCOPES.get(reason.rule, Scope.TO_CHUC)
        )
    default = Scope.CHI_BO if subject_kind == "member" else Scope.TO_CHUC
    return REASON_SCOPES.get(reason.rule, default)


def redact_verdict(verdict: Verdict, reader: Scope) -> Verdict:
    """A copy of `verdict` telling `reader` only what its class allows.

    The final level, whether it is decided, who decided and a re-rating stay: they are the
    published result. A member's self level and the chi bộ's proposal with its votes are
    the chi bộ's; the reasons are filtered one by one (`reason_scope`)."""
    kind = verdict.subject_kind
    reasons = _readable(verdict.reasons, kind, reader)
    changes: dict[str, object] = {
        "reasons": reasons,
        "flags": _readable(verdict.flags, kind, reader),
    }
    if len(reasons) < len(verdict.reasons):
        changes.update(_withheld_levels(verdict, reasons))
    if verdict.not_rated is not None and NOT_RATED_SCOPES[verdict.not_rated] > reader:
        changes["not_rated"] = None
    if kind == "member" and reader < Scope.CHI_BO:
        changes.update(self_level=None, proposed=None, proposed_votes=None)
    if verdict.leadership is not None:
        changes["leadership"] = redact_verdict(verdict.leadership, reader)
    return _replace(verdict, changes)  # dataclasses.replace, without its per-field checks


def _withheld_levels(verdict: Verdict, readable: list[Reason]) -> dict[str, object]:
    """The ceiling withheld when no reason the reader may read sets it (a committee-only
    reason does: 366-M4, 366-O4, 366-L3, …), and with it the criteria level it caps and so
    a provisional result: "KHTNV" under a deputy secretary's name says she was disciplined
    as plainly as the reason would. The reader learns that a level is withheld, never which
    (the page's neutral wording); a decided or re-rated level is the published result and
    stays. Nothing changes where the readable reasons give the same ceiling."""
    ceiling = verdict.ceiling
    if ceiling is None:
        return {}
    shown = min(
        (r.level for r in readable if r.effect is Effect.CEILING and r.level is not None),
        default=Level.HTXSNV,
    )
    if shown <= ceiling:
        return {}
    changes: dict[str, object] = {"ceiling": None, "withheld": True}
    if verdict.assessed is not None and verdict.assessed >= ceiling:
        changes["assessed"] = None  # capped there: it would give the ceiling back
    return changes


def _readable(reasons: list[Reason], kind: str, reader: Scope) -> list[Reason]:
    """The reasons `reader` may read (a new list). `reason_scope` reads a reason's rule,
    effect and reason for not rating only, so it is asked once per such triple and kind
    (a province redacts ~130,000 reasons for one site)."""
    out = []
    for reason in reasons:
        key = (reason.rule, reason.effect, reason.not_rated, kind)
        scope = _SCOPES.get(key)
        if scope is None:
            scope = _SCOPES[key] = reason_scope(reason, kind)
        if scope <= reader:
            out.append(reason)
    return out


_SCOPES: dict[tuple[str, Effect, NotRated | None, str], Scope] = {}


def redact_year_verdicts(
    verdicts: YearVerdicts,
    member_reader: dict[str, Scope],
    org_reader: Scope,
    own_re_ratings: frozenset[tuple[str, int]] = frozenset(),
) -> YearVerdicts:
    """Every member's verdict redacted for the reader scope given for that member (members
    left out of `member_reader` are left out), every organization's for `org_reader`.
    A re-rating (124-M7) keeps its reason (an earlier violation, disciplined now: `ly_do`
    is committee-only) for the committee that recorded it (`own_re_ratings`: (member,
    earlier year)) or decides the member; elsewhere it keeps the result (a final level and
    who decided it: `to-chuc`) and is marked `reason_withheld`, so that the page names no
    violation nor discipline (a re-rating's reason is committee-only, README "Data
    protection"). Which re-ratings a site lists is its caller's (generator.site.audiences)."""
    members = {
        mid: redact_verdict(v, member_reader[mid])
        for mid, v in verdicts.members.items()
        if mid in member_reader
    }
    orgs = {oid: redact_verdict(v, org_reader) for oid, v in verdicts.orgs.items()}
    re_ratings = [
        rr
        if (rr.member_id, rr.earlier_year) in own_re_ratings
        or member_reader.get(rr.member_id, Scope.TO_CHUC) >= Scope.CAP_UY
        else dataclasses.replace(rr, reason="", reason_withheld=True)
        for rr in verdicts.re_ratings
    ]
    return dataclasses.replace(verdicts, members=members, orgs=orgs, re_ratings=re_ratings)


def finding_text(reason: Reason, subject_kind: str) -> str:
    """A reason as a finding may quote it. Findings reach pull-request comments, CI logs
    and the whole organization's problem list, so a reason that states committee-only facts
    (discipline, health, degradation) is named by its rule only."""
    if reason_scope(reason, subject_kind) >= Scope.CAP_UY:
        return (
            f"lý do theo {reason.rule} (chi tiết chỉ cấp ủy có thẩm quyền xem, trong hồ sơ "
            "và trên trang của cấp ủy)"
        )
    return reason.text


def counted_verdicts(verdicts: YearVerdicts, redacted: YearVerdicts) -> YearVerdicts:
    """`verdicts` (whole: a statistic counts why a member is not rated) as a site's
    statistics may count them: a level its copy withholds (`_withheld_levels`) is counted
    as not published yet ("chưa quyết định"), never as the level it hides — an undecided
    chi bộ's KHTNV among the organizations' levels says what its ceiling would; a reason
    for not rating its copy withholds (exempted, suspended: `NOT_RATED_SCOPES`) is counted
    as `NotRated.UNDISCLOSED`, either of them (`counted_as_read`); a case the rules flag
    "cần quyết định" is counted so (`Counts.to_decide`) only where the copy keeps such a
    flag: the count tells no more than the flags the site lists (a flag of 366-M8, 124-O5,
    … states committee-only facts). The same object when the copy withholds none of it."""

    def counted(whole: dict[str, Verdict], shown: dict[str, Verdict]) -> dict[str, Verdict]:
        def changes(k: str, v: Verdict) -> dict[str, object]:
            r = shown.get(k)
            if r is None:
                return {}
            out: dict[str, object] = {"assessed": r.assessed} if r.withheld else {}
            if v.not_rated is not None and r.not_rated is None:
                out["not_rated"] = NotRated.UNDISCLOSED
            if v.needs_decision and not _asks_decision(r.flags):
                out["needs_decision"] = False
            return out

        return _changed(whole, changes)

    members = counted(verdicts.members, redacted.members)
    orgs = counted(verdicts.orgs, redacted.orgs)
    if members is verdicts.members and orgs is verdicts.orgs:
        return verdicts
    return dataclasses.replace(verdicts, members=members, orgs=orgs)


def counts_withheld(counted: dict[str, Verdict], whole: dict[str, Verdict]) -> bool:
    """Whether `counted` (`counted_verdicts`, `counted_as_read`) counts a level of `whole`
    as without one: a site's statistics then differ from `kiemdiem stats`."""
    return counted is not whole and any(v.final != whole[k].final for k, v in counted.items())


def counted_as_read(
    verdicts: dict[str, Verdict], reader: Callable[[str], Scope]
) -> dict[str, Verdict]:
    """Verdicts (members' or organizations', by id) as the statistics of a site whose
    reader reads each as `reader(id)` says may count them, without redacting them: a level
    withheld from that reader (`_withheld_levels`) counted as not published yet, as
    `counted_verdicts` counts a redacted copy. For what a site's copy does not hold (the
    members below a committee it does not decide, the year before). The same dict when
    none is withheld.

    A reason for not rating the reader may not read (`NOT_RATED_SCOPES`: exempted,
    suspended) is counted as `NotRated.UNDISCLOSED`, one count for both, this year and the
    year before: counted apart, "exempted < 3" beside a total that leaves room for one
    told which of the two the member listed with a bare "Không xếp loại" is. The whole
    organization's site, and a committee's for the members it does not decide, count
    them so; a chi bộ's, a deciding committee's and `kiemdiem stats` apart. A case flagged
    "cần quyết định" only for reasons the reader may not read is not counted among those
    (`Counts.to_decide`), as `counted_verdicts` does."""
    return _changed(verdicts, lambda key, v: _counted_changes(v, reader(key)))


def _changed(
    verdicts: dict[str, Verdict], changes_of: Callable[[str, Verdict], dict[str, object]]
) -> dict[str, Verdict]:
    """`verdicts` with each one's `changes_of(id, verdict)` made (a copy of the verdict);
    the same dict when there are none (`counted_verdicts`, `counted_as_read`)."""
    out = verdicts
    for key, v in verdicts.items():
        changes = changes_of(key, v)
        if changes:
            out = dict(verdicts) if out is verdicts else out
            out[key] = _replace(v, changes)
    return out


def _counted_changes(v: Verdict, reader: Scope) -> dict[str, object]:
    if v.not_rated is not None and NOT_RATED_SCOPES[v.not_rated] > reader:
        return {"not_rated": NotRated.UNDISCLOSED}
    out: dict[str, object] = {}
    if v.needs_decision and not _asks_decision(_readable(v.flags, v.subject_kind, reader)):
        out["needs_decision"] = False  # "cần quyết định" for reasons it may not read
    if v.ceiling is None or v.assessed is None:  # only a ceiling can withhold a level
        return out
    readable = _readable(v.reasons, v.subject_kind, reader)
    if len(readable) < len(v.reasons) and "assessed" in _withheld_levels(v, readable):
        out["assessed"] = None
    return out


def _asks_decision(flags: list[Reason]) -> bool:
    """Whether one of `flags` says "cần quyết định" (what Verdict.needs_decision sums)."""
    return any(f.needs_decision for f in flags)
