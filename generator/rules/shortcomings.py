"""366-M1's "100% of earlier shortcomings remedied" when a review does not state them.

`scores` (generator.rules.qd366_hd43) reads `han_che_truoc` only when it is there: a review
without it meets the condition, as a member with no shortcomings ever pointed out does. But
nothing then says the condition went unchecked. So, for every member whose score and tasks
reach HTXSNV under 366-M1 without `han_che_truoc`:

- a warning at the review (`rule-earlier-shortcomings-unstated`), the level kept: the file
  may well have nothing to state (RULES.md 366-M1 has no "unless stated" of its own), and a
  ceiling would lower a level on a fact nobody stated — unlike 366-L2, whose condition (the
  unit's result) always exists to state;
- when the member's review of the year before named shortcomings (its `kiem_diem.han_che`
  is not empty), the record cannot settle whether they were remedied: "cần quyết định" as
  124-O5 and 366-M5 treat a case the record cannot settle — a flag on the verdict and
  `rule-needs-decision` at the review while undecided (once decided, the warning).

A review that states `han_che_truoc` with 0 pointed out while the year before's review
named shortcomings is treated as the unstated case with named shortcomings (the 0 cannot
be right unless they were pointed out nowhere), its finding at `so_da_chi_ra`. And, under
every ruleset (the field is in every year's member schema), more remedied than pointed
out (`so_da_khac_phuc` > `so_da_chi_ra`) is an error at `so_da_khac_phuc`
(`rule-earlier-shortcomings-over`): the figures cannot both be true.

Run by `rate_years` after each year is rated, with the year before's files.
"""

from __future__ import annotations

from generator.findings import Finding, Position, make
from generator.privacy import FINDING_FIELD, FINDING_MEMBER, FINDING_SCOPE, Scope
from generator.privacy import verdicts as privacy_verdicts
from generator.rules import problems
from generator.rules.base import Effect, Reason, Verdict, YearVerdicts
from generator.rules.run import member_label, review_place
from generator.submissions.records import Level
from generator.submissions.year import Year

RULE = "366-M1"


def _by_m1(v: Verdict) -> Reason | None:
    """The 366-M1 reason that assesses `v` HTXSNV, if any."""
    if not v.rated or v.assessed is not Level.HTXSNV:
        return None
    for r in v.reasons:
        if r.rule == RULE and r.effect is Effect.ASSESSED and r.level is Level.HTXSNV:
            return r
    return None


def _named_shortcomings(before: Year | None, member_id: str) -> bool:
    member = before.members.get(member_id) if before is not None else None
    return member is not None and bool(member.review.shortcomings.strip())


POINTED = ("han_che_truoc", "so_da_chi_ra")
REMEDIED = ("han_che_truoc", "so_da_khac_phuc")


def check_counts(year: Year, out: YearVerdicts) -> None:
    """`rule-earlier-shortcomings-over` for every review of `year` (any ruleset)."""
    for member_id, member in year.members.items():
        es = member.earlier_shortcomings
        if es is None or member.source is None or es.remedied <= es.pointed_out:
            continue
        path, pos = review_place(member, REMEDIED)
        out.findings.append(
            make(
                "rule-earlier-shortcomings-over",
                path,
                pos,
                rule=RULE,
                member=member_label(member, member_id),
                remedied=es.remedied,
                pointed=es.pointed_out,
                extra={
                    FINDING_SCOPE: Scope.CHI_BO.slug,
                    FINDING_MEMBER: member_id,
                    FINDING_FIELD: list(REMEDIED),
                },
            )
        )


def check_earlier_shortcomings(year: Year, before: Year | None, out: YearVerdicts) -> None:
    """The warnings and flags of the module docstring for `year` (`before`: the year
    before's files, None when not loaded)."""
    for member_id, v in out.members.items():
        member = year.members.get(member_id)
        reason = _by_m1(v)
        if reason is None or member is None or member.source is None:
            continue
        named = _named_shortcomings(before, member_id)
        es = member.earlier_shortcomings
        zero = es is not None and es.pointed_out == 0 and named
        if es is not None and not zero:
            continue
        path, pos = review_place(member, POINTED if zero else ("diem",))
        scope = privacy_verdicts.reason_scope(reason, "member")
        name = member_label(member, member_id)
        if named and v.decided is None:
            stated = (
                "ghi 0 hạn chế đã được chỉ ra (han_che_truoc.so_da_chi_ra)"
                if zero
                else "không ghi số hạn chế đã được chỉ ra và đã khắc phục (han_che_truoc)"
            )
            flag = Reason(
                RULE,
                reason.citation,
                f"Điểm và kết quả nhiệm vụ đạt HTXSNV nhưng bản kiểm điểm {stated}, trong khi "
                f"bản kiểm điểm năm {year.year - 1} có nêu hạn chế, khuyết điểm: chưa rõ đã "
                f"khắc phục 100% — cần quyết định ({RULE})",
                Effect.FLAG,
                needs_decision=True,
            )
            v.flags.append(flag)
            v.needs_decision = True
            out.findings.append(
                problems.needs_decision(
                    path,
                    pos,
                    subject=f"đảng viên {name}",
                    why=flag.text,
                    rule=RULE,
                    actor="member",
                    scope=scope,
                    member_id=member_id,
                )
            )
            continue
        out.findings.append(
            _unstated(path, pos, name, year.year - 1 if named else 0, scope, member_id, zero)
        )


def _unstated(
    path: str,
    pos: Position,
    name: str,
    named_in: int,
    scope: Scope,
    member_id: str,
    zero: bool = False,
) -> Finding:
    return make(
        "rule-earlier-shortcomings-unstated",
        path,
        pos,
        variant="zero" if zero else "named" if named_in else "",
        rule=RULE,
        member=name,
        previous_year=named_in,
        extra={FINDING_SCOPE: scope.slug, FINDING_MEMBER: member_id},
    )
