"""Flags for the deciding bodies: "cần quyết định" (124-O5, 366-M4, 366-M5, 366-M8) and
two consecutive KHTNV years (X3)."""

from __future__ import annotations

from generator.findings import Position

# the module, not the name: generator.privacy.verdicts imports generator.rules.base, so
# importing it first runs this module while it is only partly there (an import cycle)
from generator.privacy import verdicts as privacy_verdicts
from generator.rules import problems
from generator.rules.base import Effect, Reason
from generator.rules.run import Run, member_name, member_place
from generator.submissions.records import Level


def check_flags(run: Run) -> None:
    """ "cần quyết định" (124-O5, 366-M4, 366-M5) and two KHTNV years (X3)."""
    year, out = run.year, run.out
    for member_id, v in out.members.items():
        if v.rated and v.needs_decision and v.decided is None:
            path, pos, actor = member_place(run, member_id)
            for r in v.flags:
                if r.needs_decision:
                    out.findings.append(
                        problems.needs_decision(
                            path,
                            pos,
                            subject=f"đảng viên {member_name(run, member_id)}",
                            why=privacy_verdicts.finding_text(r, "member"),
                            whole=r.text,
                            rule=r.rule,
                            actor=actor,
                            scope=privacy_verdicts.reason_scope(r, "member"),
                            member_id=member_id,
                        )
                    )
        if (
            v.rated
            and v.final == Level.KHTNV
            and run.history.final_level(year.year - 1, member_id) == Level.KHTNV
        ):
            v.flags.append(
                Reason(
                    "X3",
                    "Quy định xếp loại đảng viên (theo dõi liên tục)",
                    f"Không hoàn thành nhiệm vụ năm {year.year - 1} và năm {year.year}: "
                    "2 năm liền KHTNV — chi bộ cần giúp đỡ, không tự động xóa tên (X3)",
                    Effect.FLAG,
                )
            )
            path, pos, actor = member_place(run, member_id)
            out.findings.append(
                problems.two_years_khtnv(
                    path, pos, member=member_name(run, member_id), year=year.year, actor=actor
                )
            )
    for org_id, v in out.orgs.items():
        if v.rated and v.needs_decision and v.decided is None:
            org = year.orgs[org_id]
            path = org.source.path if org.source else ""
            for r in v.flags:
                if r.needs_decision:
                    out.findings.append(
                        problems.needs_decision(
                            path,
                            Position(1),
                            subject=org.name,
                            why=privacy_verdicts.finding_text(r, "org"),
                            whole=r.text,
                            rule=r.rule,
                            actor="committee",
                            scope=privacy_verdicts.reason_scope(r, "org"),
                        )
                    )
