"""The interface every ruleset implements, and the verdicts it produces.

A ruleset (one module per ruleset, see `generator.rules.REGISTRY`) turns a checked
`Year` into `YearVerdicts`: for every member and organization whether they are reviewed
and rated (or why not), the ceiling, the assessed level, the self/proposed/decided levels
and the final one, each with its reasons. A reason always names a rule id of RULES.md,
the legal citation and a Vietnamese sentence built from the facts that triggered it.
"""

from __future__ import annotations

import enum
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from generator.findings import Finding
from generator.submissions.records import Level


class Effect(enum.Enum):
    """What a reason does to a verdict."""

    NOT_RATED = "not_rated"  # the subject is not rated (and maybe not reviewed)
    CEILING = "ceiling"  # caps the highest level the rules allow
    ASSESSED = "assessed"  # the level the criteria support
    FLAG = "flag"  # something a committee must look at ("cần quyết định", "2 năm liền")
    INFO = "info"  # context (e.g. maternity leave: rated on actual work)


@dataclass(frozen=True, slots=True)
class Reason:
    rule: str  # a RULES.md rule id, e.g. "132-M4"
    citation: str  # e.g. "Quy định 132-QĐ/TW; Hướng dẫn 21-HD/BTCTW, mục II.B.2.3"
    text: str  # Vietnamese sentence naming the facts, e.g. "bị kỷ luật khiển trách ngày ..."
    effect: Effect
    level: Level | None = None  # the level this reason leads to or caps at
    # for Effect.NOT_RATED: why, and whether the subject still writes a review (132-M7)
    not_rated: NotRated | None = None
    reviewed: bool = False
    # for Effect.FLAG: the rules do not settle the level; the deciding body must (124-O5,
    # 366-M4, 366-M5)
    needs_decision: bool = False


# a reason's fields as one tuple, in field order (a C-level getter: a province's ~200,000
# reasons are copied and keyed by value, generator.rules.qd366_hd43, generator.site.keypickle)
reason_fields: Callable[[Reason], tuple[Any, ...]] = operator.attrgetter(
    "rule", "citation", "text", "effect", "level", "not_rated", "reviewed", "needs_decision"
)


class NotRated(enum.Enum):
    """Why a member is not rated (RULES.md X4 columns)."""

    NEW_MEMBER = "moi_ket_nap"  # admitted < 6 months before the evaluation date
    EXEMPTED = "mien_sinh_hoat"
    SUSPENDED = "dinh_chi"
    NOT_REVIEWED = "chua_kiem_diem"  # no review file, or a draft / broken file
    PENDING_RULESET = "cho_huong_dan"  # the year is `pending`
    # never a verdict's: a site's statistics count EXEMPTED and SUSPENDED together under it
    # where their reader may read neither (generator.privacy.verdicts.counted_as_read)
    UNDISCLOSED = "mien_hoac_dinh_chi"

    @property
    def label_vi(self) -> str:
        return {
            "moi_ket_nap": "Mới kết nạp dưới 6 tháng",
            "mien_sinh_hoat": "Miễn công tác và sinh hoạt đảng",
            "dinh_chi": "Đình chỉ sinh hoạt đảng",
            "chua_kiem_diem": "Chưa kiểm điểm",
            "cho_huong_dan": "Chờ hướng dẫn của năm",
            "mien_hoac_dinh_chi": (
                "Miễn công tác, sinh hoạt hoặc đình chỉ sinh hoạt đảng (không công bố riêng)"
            ),
        }[self.value]


@dataclass(slots=True)
class Verdict:
    """The outcome for one member or organization (RULES.md X1)."""

    subject_id: str
    subject_kind: str  # "member" | "org" | "leadership"
    # a member's chi bộ (the folder holding the file), an organization's parent
    org_id: str = ""
    reviewed: bool = True
    rated: bool = True
    not_rated: NotRated | None = None
    ceiling: Level | None = None
    assessed: Level | None = None
    self_level: Level | None = None
    proposed: Level | None = None
    proposed_votes: tuple[int, int, int] | None = None  # agree, disagree, abstain
    decided: Level | None = None
    decided_by: str | None = None  # "số quyết định" of the decision, with its committee
    needs_decision: bool = False  # "cần quyết định": the rules do not settle it
    reasons: list[Reason] = field(default_factory=list)
    flags: list[Reason] = field(default_factory=list)
    # for organizations: the verdict of their leadership body (tập thể lãnh đạo)
    leadership: Verdict | None = None
    # a re-rating of this verdict made in a later year (124-M7): (year, level, decision)
    re_rated: tuple[int, Level, str] | None = None
    # set on an audience's copy only (generator.privacy.verdicts.redact_verdict): the
    # ceiling, and the criteria level it caps, rest on reasons that reader may not read
    withheld: bool = False

    @property
    def final(self) -> Level | None:
        """Decided if decided (or re-rated), else the assessed level (provisional)."""
        if self.re_rated is not None:
            return self.re_rated[1]
        return self.decided if self.decided is not None else self.assessed

    @property
    def provisional(self) -> bool:
        return self.rated and self.decided is None and self.re_rated is None

    @property
    def rated_level(self) -> Level | None:
        """The level this subject is rated at: `final` where the rules rate it, else None
        (X1: not rated, whatever level a decision gave; `check` reports that decision as
        rule-decision-not-rated). What `rate` counts (statistics.Counts) and history reads."""
        return self.final if self.rated else None


@dataclass
class Setting:
    """A named, documented setting of a ruleset (the UNVERIFIED readings of RULES.md)."""

    name: str
    default: Any
    choices: tuple[Any, ...] | None
    rule: str  # the rule id it belongs to
    doc_vi: str  # Vietnamese explanation shown on the site
    unverified: bool = True
    # a different default for some evaluation years (132-M7 `suspended_rated`: 2018)
    year_defaults: tuple[tuple[int, Any], ...] = ()

    def default_for(self, year: int) -> Any:
        return dict(self.year_defaults).get(year, self.default)


@dataclass
class YearVerdicts:
    """Everything the rating stage produces for one year."""

    year: int
    ruleset: str
    settings: dict[str, Any]
    members: dict[str, Verdict] = field(default_factory=dict)
    orgs: dict[str, Verdict] = field(default_factory=dict)
    # problems that belong to the deciding bodies (quota, ceiling, head cap, authority...)
    findings: list[Finding] = field(default_factory=list)
    # re-ratings of earlier years recorded in this year's decisions (124-M7)
    re_ratings: list[ReRatingApplied] = field(default_factory=list)
    # the quota pools checked this year (members and organizations), for the site
    quota_pools: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class ReRatingApplied:
    """A re-rating record (124-M7) of `year`'s decisions changing an earlier year."""

    member_id: str
    earlier_year: int
    level: Level
    previous: Level | None  # the earlier year's final level before the re-rating
    decision: str  # "số quyết định" of the re-rating
    reason: str
    # when the body that decided the earlier year no longer exists: it and its successor
    successor_vi: str = ""
    # a site's copy whose reader may not read why (generator.privacy.verdicts): the reason
    # is gone, and the page says nothing of an earlier violation or discipline either
    reason_withheld: bool = False


class History(Protocol):
    """Final levels of earlier years, for flags like "2 năm liền KHTNV" (RULES.md X3)."""

    def final_level(self, year: int, member_id: str) -> Level | None: ...
