"""A civil servant's party level above the agency's rating, under a ruleset whose reading
of "the agency's rating is the basis" flags it rather than caps it (366-M10, setting
`civil_servant_basis: flag`, generator.rules.qd366_hd43_civil).

Run after the decisions are read: the party level compared is the final one (decided, else
provisional). The level is never changed; the verdict gets a flag and the deciding body a
finding at the member file's `can_bo_cong_chuc.xep_loai`, a notice once the decision's
line gives the body's reason in `ghi_chu` (as `rule-decision-above-criteria`). The
agency's rating is the member's chi bộ's to read (`x-pham-vi: chi-bo` in the schema), so
the finding is of that class: another reader's site shows its neutral line instead
(generator.privacy.findings).

`check_agency_dropped`: a rated member whose file of the year before had
`can_bo_cong_chuc` and whose file this year has none, under a ruleset with 366-M10, gets a
warning at the file (`rule-agency-rating-dropped`, chi-bộ scope): deleting the block would
otherwise remove this check (and, under `civil_servant_basis: cap`, the cap) unseen. Run by
`rate_years` with the year before's files, as generator.rules.shortcomings is."""

from __future__ import annotations

from generator.findings import Finding, Position, make
from generator.privacy import FINDING_FIELD, FINDING_MEMBER, FINDING_RULES, FINDING_SCOPE, Scope
from generator.rules.base import Effect, Reason, Verdict, YearVerdicts
from generator.rules.run import Run, member_label, member_name, review_place
from generator.rules.spec import AgencyBasis
from generator.rules.wording import level_text
from generator.submissions.records import Level, MemberReview
from generator.submissions.year import Year

CODE = "rule-agency-rating-below"
DROPPED = "rule-agency-rating-dropped"
FIELD = ("can_bo_cong_chuc", "xep_loai")


def check_agency_basis(run: Run) -> None:
    """Every rated civil servant whose final level is above the agency's rating."""
    basis = run.spec.agency_basis
    if basis is None or run.settings[basis.setting.name] != basis.flag_value:
        return
    members = run.year.members
    for member_id, v in run.out.members.items():
        member = members.get(member_id)
        cs = member.civil_servant if member is not None else None
        if cs is None or not v.rated or v.final is None or v.final <= cs.level:
            continue
        assert member is not None
        status = "đã quyết định" if v.decided is not None else "dự kiến"
        v.flags.append(
            Reason(
                basis.rule,
                basis.citation,
                f"Cơ quan xếp loại cán bộ, công chức, viên chức mức {cs.level.code}, thấp hơn "
                f"mức xếp loại đảng viên {v.final.code} ({status}): kết quả của cơ quan là căn "
                f"cứ xếp loại đảng viên — cấp ủy có thẩm quyền quyết định, ghi lý do "
                f"({basis.rule})",
                Effect.FLAG,
            )
        )
        run.out.findings.append(_finding(run, basis, member, v, cs.level, status))


def _finding(
    run: Run, basis: AgencyBasis, member: MemberReview, v: Verdict, agency: Level, status: str
) -> Finding:
    src = member.source
    path = src.path if src else run.member_paths.get(v.subject_id, "")
    pos = src.document.value_pos(FIELD) if src else Position(1)
    d = run.index.members.get(v.subject_id)
    assert v.final is not None
    return make(
        CODE,
        path,
        pos,
        variant="noted" if d is not None and d.item.note.strip() else "",
        rule=basis.rule,
        actor="committee",
        related=[d.path] if d is not None else [],
        extra={
            FINDING_SCOPE: Scope.CHI_BO.slug,
            FINDING_MEMBER: v.subject_id,
            FINDING_RULES: [basis.rule],
            FINDING_FIELD: list(FIELD),
        },
        member=member_name(run, v.subject_id),
        agency_text=level_text(agency),
        agency=agency.code,
        party_text=level_text(v.final),
        party=v.final.code,
        status=status,
        setting=basis.setting.name,
    )


def check_agency_dropped(
    year: Year, before: Year | None, out: YearVerdicts, basis: AgencyBasis | None
) -> None:
    """The module docstring's `rule-agency-rating-dropped` for `year` (`before`: the year
    before's files, None when not loaded; `basis`: the year's ruleset's, None without
    366-M10)."""
    if basis is None or before is None:
        return
    for member_id, v in out.members.items():
        member = year.members.get(member_id)
        earlier = before.members.get(member_id)
        if member is None or member.source is None or member.civil_servant is not None:
            continue
        if not v.rated or earlier is None or earlier.civil_servant is None:
            continue
        near = ("chuc_vu",) if member.position_title.strip() else ("ho_ten",)
        path, pos = review_place(member, near)
        out.findings.append(
            make(
                DROPPED,
                path,
                pos,
                rule=basis.rule,
                extra={
                    FINDING_SCOPE: Scope.CHI_BO.slug,
                    FINDING_MEMBER: member_id,
                    FINDING_RULES: [basis.rule],
                    FINDING_FIELD: [FIELD[0]],
                },
                member=member_label(member, member_id),
                previous_year=year.year - 1,
                agency=earlier.civil_servant.level.code,
            )
        )
