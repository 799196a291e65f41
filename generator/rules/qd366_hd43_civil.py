"""Ruleset `qd366-hd43`: a member who is a civil servant (cán bộ, công chức, viên chức).
RULES.md §4: "the agency's rating is the basis of the party rating (Điều 3)" — with no
reading of what "basis" does to the level. The project names the line 366-M10 (RULES.md
gives it no id) and reads it through the setting `civil_servant_basis` (UNVERIFIED):

- `flag` (default): the level is never changed; a party level above the agency's is a
  warning at the member file's `can_bo_cong_chuc.xep_loai` for the deciding body to decide
  with a reason (generator.rules.agencybasis, after the decisions are read). "Basis" says
  the agency's rating must be weighed, not that it bounds the level, and where the text
  leaves the level to the deciding body the engine flags rather than caps (366-M4
  self-detection, 366-M8);
- `cap`: the party level is capped at the agency's, as 132-M1/M2/M4(c) do under QĐ 132.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.rules.base import Reason, Setting
from generator.rules.rule import MemberFacts, Rule, rule
from generator.rules.spec import AgencyBasis
from generator.rules.wording import arrow, cap
from generator.submissions.records import Level

RULE = "366-M10"
C_CIVIL = (
    "Quy định 366-QĐ/TW, Điều 3 (đảng viên là cán bộ, công chức, viên chức: kết quả xếp loại "
    "của cơ quan, đơn vị là căn cứ xếp loại đảng viên; cách đọc chưa đối chiếu văn bản)"
)

CIVIL_SERVANT_BASIS = Setting(
    "civil_servant_basis",
    "flag",
    ("flag", "cap"),
    RULE,
    "Kết quả xếp loại cán bộ, công chức, viên chức của cơ quan là căn cứ xếp loại đảng viên "
    "(Điều 3): `flag` (mặc định) không tự đổi mức, nhưng mức đảng viên cao hơn mức của cơ "
    "quan được nêu cảnh báo để cấp ủy quyết định và ghi lý do; `cap`: mức đảng viên không "
    "cao hơn mức của cơ quan (như Quy định 132).",
)

# the setting's reading the engine applies after the decisions are read (`flag`)
AGENCY_BASIS = AgencyBasis(RULE, C_CIVIL, CIVIL_SERVANT_BASIS, flag_value="flag")


@rule(RULE, C_CIVIL, settings=(CIVIL_SERVANT_BASIS,))
def civil_servant(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """With `civil_servant_basis: cap`, a civil servant's party level is capped at the
    agency's rating (as 132-M1/M2/M4(c)). With `flag` (default) nothing here: a party
    level above the agency's is flagged once the level is known (generator.rules.
    agencybasis). Worked case 41 (tests): agency KHTNV, party HTTNV."""
    cs = m.member.civil_servant
    if cs is None or cs.level == Level.HTXSNV or m.settings[CIVIL_SERVANT_BASIS.name] != "cap":
        return
    facts = (
        f"cơ quan xếp loại cán bộ, công chức, viên chức mức {cs.level.code}, là căn cứ xếp "
        "loại đảng viên (cài đặt civil_servant_basis: cap)"
    )
    words = arrow if cs.level == Level.KHTNV else cap
    yield r.ceiling(cs.level, words(facts, cs.level, r.id))
