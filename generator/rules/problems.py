"""Findings of the rating engine for the deciding bodies (codes `rule-...`).

One function per code, with the facts as typed arguments; the Vietnamese message and hint
of every code live in the catalog (generator/messages/rules.py, which lists the codes).
"""

from __future__ import annotations

from generator.findings import Finding, Position, make
from generator.messages.rules import NONE_VI, NOT_RATED_VI
from generator.privacy import FINDING_MEMBER, FINDING_RULES, FINDING_SCOPE, FINDING_WHOLE, Scope
from generator.rules.wording import level_text
from generator.submissions.records import Level


def _about(scope: Scope, member: str, rules: list[str] | None = None) -> dict[str, object]:
    """Who may read a finding (generator.privacy.findings): the class of the reasons it
    quotes, the member it is about, every rule it applies."""
    extra: dict[str, object] = {FINDING_SCOPE: scope.slug}
    if member:
        extra[FINDING_MEMBER] = member
    if rules:
        extra[FINDING_RULES] = list(rules)
    return extra


def _made(code: str, path: str, pos: Position, whole: dict[str, str], **kw: object) -> Finding:
    """`make(code, path, pos, **kw)`, keeping the message with the `whole` parameters (the
    reasons quoted whole where `kw` names committee-only ones by rule: finding_text) for
    the deciding committee's site, when it differs."""
    finding = make(code, path, pos, **kw)  # type: ignore[arg-type]
    if any(kw.get(k) != v for k, v in whole.items()):
        finding.extra[FINDING_WHOLE] = make(code, path, pos, **{**kw, **whole}).message  # type: ignore[arg-type]
    return finding


def decision_above_ceiling(
    path: str,
    pos: Position,
    *,
    subject: str,
    decided: Level,
    ceiling: Level,
    because: list[str],
    rules: list[str],
    related: list[str],
    scope: Scope = Scope.TO_CHUC,
    member_id: str = "",
    whole: list[str] | None = None,
) -> Finding:
    """`scope`: the class of the reasons in `because` (a member's are their chi bộ's at
    least); `member_id`: the member decided, "" for an organization; `whole`: the reasons
    as the deciding committee reads them. Two binding reasons of one rule (366-M4's
    discipline and degradation) are one rule, and one reason when `because` names them by
    their rule only."""
    return _above(
        "rule-decision-above-ceiling", "ceiling", ceiling, path, pos, subject, decided,
        because, rules, related, scope, member_id, whole,
    )  # fmt: skip


def decision_above_criteria(
    path: str,
    pos: Position,
    *,
    subject: str,
    decided: Level,
    supported: Level,
    because: list[str],
    rules: list[str],
    related: list[str],
    scope: Scope = Scope.TO_CHUC,
    member_id: str = "",
    whole: list[str] | None = None,
    noted: bool = False,
) -> Finding:
    """A decided level above what the file's score and task figures support (366-M1..M5,
    366-O1..O4), within the ceiling: a warning, the deciding body may score otherwise; a
    notice when the decision's line gives its reason (`noted`: a `ghi_chu`, as the
    warning asks). `scope`, `member_id`, `whole` as for `decision_above_ceiling`."""
    return _above(
        "rule-decision-above-criteria", "supported", supported, path, pos, subject, decided,
        because, rules, related, scope, member_id, whole, variant="noted" if noted else "",
    )  # fmt: skip


def _above(
    code: str,
    name: str,
    limit: Level,
    path: str,
    pos: Position,
    subject: str,
    decided: Level,
    because: list[str],
    rules: list[str],
    related: list[str],
    scope: Scope,
    member_id: str,
    whole: list[str] | None,
    variant: str = "",
) -> Finding:
    """A decision above `limit` (its message's `{name}` and `{name}_text`)."""
    rules = list(dict.fromkeys(rules))
    return _made(
        code,
        path,
        pos,
        {"because": "; ".join(dict.fromkeys(whole or because))},
        rule=rules[0],
        related=related,
        extra=_about(scope, member_id, rules),
        subject=subject,
        decided_text=level_text(decided),
        because="; ".join(dict.fromkeys(because)),
        rules=", ".join(rules),
        variant=variant,
        **{f"{name}_text": level_text(limit), name: limit.code},
    )


def head_above_unit(
    path: str,
    pos: Position,
    *,
    head: str,
    decided: Level,
    org_name: str,
    org_level: Level,
    rule: str,
    related: list[str],
) -> Finding:
    return make(
        "rule-head-above-unit",
        path,
        pos,
        rule=rule,
        related=related,
        head=head,
        decided_text=level_text(decided),
        org_name=org_name,
        org_level_text=level_text(org_level),
        org_level=org_level.code,
    )


def re_rating_above_ceiling(
    path: str,
    pos: Position,
    *,
    member: str,
    year: int,
    level: Level,
    ceiling: Level,
    previous: Level | None,
    because: list[str],
    whole: list[str],
    rules: list[str],
    related: list[str],
    scope: Scope,
    member_id: str,
) -> Finding:
    """A re-rating (124-M7) of `year` above that year's ceiling (X2): not applied, so
    `previous` (the year's final level before it) stands. `because`/`whole`/`scope` as
    `decision_above_ceiling`'s; `rules`: the limiting rules."""
    rules = list(dict.fromkeys(rules))
    return _made(
        "rule-re-rating-above-ceiling",
        path,
        pos,
        {"because": "; ".join(dict.fromkeys(whole))},
        rule=rules[0],
        related=related,
        # 124-M7: a re-rating's facts are the deciding committee's (REASON_SCOPES)
        extra=_about(scope, member_id, [*rules, "124-M7", "X2"]),
        member=member,
        year=year,
        level_text=level_text(level),
        ceiling_text=level_text(ceiling),
        ceiling=ceiling.code,
        previous_text=level_text(previous) if previous is not None else NOT_RATED_VI,
        because="; ".join(dict.fromkeys(because)),
        rules=", ".join(rules),
    )


def quota_exceeded(
    path: str,
    pos: Position,
    *,
    pool: str,
    count: int,
    limit: int,
    basis: str,
    rule: str,
    subject: str,
) -> Finding:
    return make(
        "rule-quota-exceeded",
        path,
        pos,
        rule=rule,
        extra={"pool": pool, "count": count, "limit": limit},
        pool=pool,
        count=count,
        limit=limit,
        basis=basis,
        subject=subject,
    )


def quota_provisional(
    path: str,
    pos: Position,
    *,
    pool: str,
    count: int,
    limit: int,
    basis: str,
    rule: str,
    subject: str,
) -> Finding:
    return make(
        "rule-quota-provisional",
        path,
        pos,
        rule=rule,
        extra={"pool": pool, "count": count, "limit": limit},
        pool=pool,
        count=count,
        limit=limit,
        basis=basis,
        subject=subject,
    )


def quota_deferred(
    path: str, pos: Position, *, pool: str, count: int, decided: int, httnv: int, rule: str
) -> Finding:
    """A pool a part of a split province leaves to `kiemdiem rollup` (366-M6)."""
    return make(
        "rule-quota-deferred",
        path,
        pos,
        rule=rule,
        extra={"pool": pool, "count": count},
        pool=pool,
        count=count,
        decided=decided,
        httnv=httnv,
    )


def decision_without_review(
    path: str, pos: Position, *, member: str, why: str, rule: str, actor: str = "committee"
) -> Finding:
    return make(
        "rule-decision-without-review", path, pos, rule=rule, actor=actor, member=member, why=why
    )


def decision_not_rated(
    path: str,
    pos: Position,
    *,
    subject: str,
    why: str,
    rule: str,
    actor: str = "committee",
    member_file: str = "",
    scope: Scope = Scope.TO_CHUC,
    member_id: str = "",
    whole: str = "",
) -> Finding:
    """`member_file`: the review whose admission date makes the member a new member (the
    hint then sends the committee to check that date first, and the finding names the
    file as related); `scope`: the class of the reason in `why`."""
    return _made(
        "rule-decision-not-rated",
        path,
        pos,
        {"why": whole or why},
        hint_key="new-member" if member_file else "",
        rule=rule,
        actor=actor,
        related=[member_file] if member_file else [],
        extra=_about(scope, member_id),
        subject=subject,
        why=why,
        member_file=member_file,
    )


def needs_decision(
    path: str,
    pos: Position,
    *,
    subject: str,
    why: str,
    rule: str,
    actor: str,
    scope: Scope = Scope.TO_CHUC,
    member_id: str = "",
    whole: str = "",
) -> Finding:
    return _made(
        "rule-needs-decision",
        path,
        pos,
        {"why": whole or why},
        rule=rule,
        actor=actor,
        extra=_about(scope, member_id),
        subject=subject,
        why=why,
    )


def two_years_khtnv(path: str, pos: Position, *, member: str, year: int, actor: str) -> Finding:
    return make(
        "rule-two-years-khtnv",
        path,
        pos,
        rule="X3",
        actor=actor,
        member=member,
        year=year,
        previous_year=year - 1,
    )


def setting_invalid(
    path: str, pos: Position, *, name: str, value: object, choices: tuple[object, ...], rule: str
) -> Finding:
    return make(
        "rule-setting-invalid",
        path,
        pos,
        rule=rule,
        name=name,
        value=value,
        choices=", ".join(f"`{c}`" for c in choices),
    )


def setting_unknown(
    path: str, pos: Position, *, name: str, ruleset: str, known: list[str]
) -> Finding:
    return make(
        "rule-setting-unknown",
        path,
        pos,
        rule="R0",
        name=name,
        ruleset=ruleset,
        known=", ".join(f"`{k}`" for k in known) or NONE_VI,
    )


def role_group_unknown(
    path: str, pos: Position, *, year: int, group: str, codes: list[str], rule: str
) -> Finding:
    return make(
        "rule-role-group-unknown",
        path,
        pos,
        variant="" if group else "none",
        rule=rule,
        year=year,
        group=group,
        codes=", ".join(f"`{c}`" for c in codes),
    )
