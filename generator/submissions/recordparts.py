"""The parts of the year's records (generator/submissions/records.py): the groups and
list items a file's YAML holds below its top level (a discipline, tasks, scores, the
review text, a target, the leadership, a proposal, a decision...).

As in records.py, each field names its YAML key in ``metadata["key"]``; the two modules
are the one place where the YAML's vocabulary meets the attribute names, and `schema/`
must agree with them (tests/unit/test_schema_records_agree.py checks that).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.submissions.convert import key
from generator.submissions.enums import DisciplineForm, Level, TargetStatus
from generator.submissions.tuplestate import tuple_state

# --------------------------------------------------------------------------- pieces


@dataclass(kw_only=True, slots=True)
class Discipline:
    """One disciplinary decision (kỷ luật)."""

    form: DisciplineForm = key("hinh_thuc")
    decision_date: dt.date = key("ngay_quyet_dinh")
    violation_date: dt.date | None = key("ngay_vi_pham", None)
    decision_number: str = key("so_quyet_dinh", "")
    # True / False as the record states it; None when it does not say (124-O5 flags a
    # subordinate unit's violation whose self-detection is not stated)
    self_detected_remedied: bool | None = key("tu_phat_hien_khac_phuc", None)
    duty_related: bool = key("lien_quan_chuc_trach", True)
    # for an organization's record: the discipline concerns corruption / waste
    corruption: bool = key("tham_nhung_lang_phi", False)
    content: str = key("noi_dung", "")


@dataclass(kw_only=True, slots=True)
class Tasks:
    """Assigned tasks or targets of a member for the year (nhiệm vụ, chỉ tiêu)."""

    assigned: int = key("duoc_giao")
    completed: int = key("hoan_thanh")
    on_time: int | None = key("dung_han", None)
    exceeded: int = key("vuot", 0)

    @property
    def completed_share(self) -> float:
        return self.completed / self.assigned if self.assigned else 1.0


@dataclass(kw_only=True, slots=True)
class Scores:
    """100-point scores (qd366-hd43): general /30, task results /70."""

    general: float = key("tieu_chi_chung")
    tasks: float = key("ket_qua_nhiem_vu")

    @property
    def total(self) -> float:
        return self.general + self.tasks


@dataclass(kw_only=True, slots=True)
class EarlierShortcomings:
    """Shortcomings pointed out earlier and how many are remedied (366-M1)."""

    pointed_out: int = key("so_da_chi_ra")
    remedied: int = key("so_da_khac_phuc")


@dataclass(kw_only=True, slots=True)
class CivilServantRating:
    """The rating given by the member's agency as civil servant (CBCCVC)."""

    level: Level = key("xep_loai")
    agency: str = key("co_quan", "")


@dataclass(kw_only=True, slots=True)
class Transfer:
    """A transfer of party activity during the year (chuyển sinh hoạt)."""

    date: dt.date = key("ngay")
    from_unit: str = key("tu_don_vi")
    months_there: float = key("so_thang_o_noi_cu", 0)
    comments_received: bool = key("co_nhan_xet_noi_cu", False)


@dataclass(kw_only=True, slots=True)
class TemporaryActivity:
    """Temporary activity at another chi bộ (sinh hoạt tạm thời)."""

    unit: str = key("don_vi")
    comments_received: bool = key("co_nhan_xet", False)


@dataclass(kw_only=True, slots=True)
class LedUnit:
    """Facts about the unit a member leads (124-M1, 124-M4, 366-L1)."""

    name: str = key("ten")
    targets_completed_share: float = key("ty_le_hoan_thanh_chi_tieu")
    all_targets_completed: bool = key("hoan_thanh_tat_ca_chi_tieu", False)
    core_targets_met: bool = key("dat_chi_tieu_cot_loi", True)
    force_majeure: bool = key("bat_kha_khang", False)
    units_khtnv_share: float = key("ty_le_don_vi_khtnv", 0.0)
    low_confidence_share: float = key("ty_le_phieu_tin_nhiem_thap", 0.0)
    # 366-L1: an organization or person under the leader's direct management had a case of
    # corruption, waste or negativity handled by discipline
    corruption_case: bool = key("co_vu_viec_tham_nhung", False)
    # 366-L2: the unit's own task result (completed, on time, exceeded)
    tasks: Tasks | None = key("nhiem_vu", None)


@dataclass(kw_only=True, slots=True)
class Target:
    """A resolution target of an organization (chỉ tiêu nghị quyết)."""

    name: str = key("ten")
    status: TargetStatus = key("trang_thai")
    key_target: bool = key("chu_yeu", False)


@dataclass(kw_only=True, slots=True)
class Leadership:
    """The leadership body (cấp ủy / tập thể lãnh đạo) of an organization, by member id."""

    head: str | None = key("bi_thu", None)
    deputies: list[str] = key("pho_bi_thu", default_factory=list)
    members: list[str] = key("cap_uy_vien", default_factory=list)
    lost_unity: bool = key("mat_doan_ket", False)
    discipline: list[Discipline] = key("ky_luat", default_factory=list)

    @property
    def all_ids(self) -> list[str]:
        ids = [self.head] if self.head else []
        return ids + [m for m in (*self.deputies, *self.members) if m not in ids]


@dataclass(kw_only=True, slots=True)
class SameLevelBodies:
    """Ratings of the same-level government, Fatherland Front and mass organizations (132-O1)."""

    government: Level | None = key("chinh_quyen", None)
    fatherland_front: Level | None = key("mat_tran", None)
    mass_organizations: Level | None = key("doan_the", None)

    def levels(self) -> list[Level]:
        return [x for x in (self.government, self.fatherland_front, self.mass_organizations) if x]


# --------------------------------------------------------------------------- year file


@dataclass(frozen=True)
class DataProtection:
    """`bao_ve_du_lieu` of the year file (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15)."""

    retention_years: int = key("thoi_han_luu_tru_nam", 5)
    # counts above zero and below this are shown as "< n" on the whole organization's site
    suppress_below: int = key("nguong_an_so_lieu", 3)


@dataclass(kw_only=True, slots=True)
class RoleGroup:
    """366-M6: a group of similar role, named by the year; member quotas pool per
    (deciding committee × role group)."""

    code: str = key("ma")
    name: str = key("ten")


# --------------------------------------------------------------------------- decisions


@dataclass(kw_only=True, slots=True)
class Vote:
    agree: int = key("tan_thanh")
    disagree: int = key("khong_tan_thanh", 0)
    abstain: int = key("khong_bieu_quyet", 0)


@dataclass(kw_only=True, slots=True)
class Proposal:
    """One line of a chi bộ's proposals."""

    member_id: str = key("ma_dang_vien")
    level: Level = key("muc")
    votes: Vote | None = key("phieu", None)
    note: str = key("ghi_chu", "")
    index: int = 0  # position in the file's list, for findings


@dataclass(kw_only=True, slots=True)
class MemberDecision:
    member_id: str = key("ma_dang_vien")
    level: Level = key("muc")
    note: str = key("ghi_chu", "")
    index: int = 0


@dataclass(kw_only=True, slots=True)
class OrgDecision:
    org_id: str = key("ma_to_chuc")
    level: Level = key("muc")
    note: str = key("ghi_chu", "")
    index: int = 0


@dataclass(kw_only=True, slots=True)
class ReRating:
    """A re-rating of an earlier year (RULES.md 124-M7)."""

    member_id: str = key("ma_dang_vien")
    year: int = key("nam")
    level: Level = key("muc")
    reason: str = key("ly_do", "")
    index: int = 0


# every record pickles as the tuple of its fields' values (generator.submissions.tuplestate)
for _record in [v for v in list(globals().values()) if isinstance(v, type)]:
    if _record.__module__ == __name__ and "__slots__" in _record.__dict__:
        tuple_state(_record)
del _record
