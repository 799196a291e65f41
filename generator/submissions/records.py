"""Typed records of one evaluation year, built from schema-valid YAML documents.

YAML keys are ASCII Vietnamese snake_case (the people who edit the files read them);
attribute names here are English. Each dataclass field names its YAML key in
``metadata["key"]``; `from_mapping` (convert.py) converts generically, so the mapping
between the two vocabularies lives in exactly one place: this file, for the records of
whole files, and recordparts.py, for the groups and list items inside them (re-exported
here). `schema/` must agree with them (tests/unit/test_schema_records_agree.py checks that).

Records are built only from documents that passed the schema, so conversion trusts
types; whatever the schema allows but a record cannot represent is a bug here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from generator.orgtypes import OrgType
from generator.submissions.convert import from_mapping, key, member_id_from_path, yaml_keys
from generator.submissions.enums import (
    LEVEL_LABELS,
    CriterionLevel,
    DisciplineForm,
    FileState,
    Level,
    MemberForm,
    MemberKind,
    MembershipStatus,
    OrgCategory,
    TargetStatus,
)
from generator.submissions.recordparts import (
    CivilServantRating,
    DataProtection,
    Discipline,
    EarlierShortcomings,
    Leadership,
    LedUnit,
    MemberDecision,
    OrgDecision,
    Proposal,
    ReRating,
    RoleGroup,
    SameLevelBodies,
    Scores,
    Target,
    Tasks,
    TemporaryActivity,
    Transfer,
    Vote,
)
from generator.submissions.reviewtext import ReviewText
from generator.submissions.tuplestate import tuple_state
from generator.submissions.yamlload import Document

# callers import the vocabularies, the conversion and the records' parts from here
__all__ = [
    "LEVEL_LABELS",
    "CivilServantRating",
    "CriterionLevel",
    "DataProtection",
    "Discipline",
    "DisciplineForm",
    "EarlierShortcomings",
    "FileState",
    "Leadership",
    "LedUnit",
    "Level",
    "MemberDecision",
    "MemberForm",
    "MemberKind",
    "MembershipStatus",
    "OrgCategory",
    "OrgDecision",
    "Proposal",
    "ReRating",
    "ReviewText",
    "RoleGroup",
    "SameLevelBodies",
    "Scores",
    "Target",
    "TargetStatus",
    "Tasks",
    "TemporaryActivity",
    "Transfer",
    "Vote",
    "from_mapping",
    "key",
    "member_id_from_path",
    "yaml_keys",
]

# --------------------------------------------------------------------------- files


@dataclass(kw_only=True, slots=True)
class Source:
    """Where a record came from: repository-relative path and the positions of its document."""

    path: str
    document: Document


@dataclass(kw_only=True, slots=True)
class YearConfig:
    """`nam-danh-gia.yaml`: the evaluation year."""

    year: int = key("nam")
    ruleset: str = key("bo_quy_tac")
    title: str = key("ten")
    root: str = key("to_chuc_goc")
    evaluation_date: dt.date = key("ngay_danh_gia")
    deadlines: dict[str, dt.date] = key("han_chot", default_factory=dict)
    settings: dict[str, Any] = key("cai_dat", default_factory=dict)
    role_groups: list[RoleGroup] = key("nhom_vai_tro", default_factory=list)
    sample: bool = key("du_lieu_mau", False)
    # a repository holding one part of a province (README "Splitting a province"): pools
    # that span the parts (366-M6 at the root's committee) are judged by `kiemdiem rollup`
    part: bool = key("kho_mot_phan", False)
    data_protection: DataProtection = key("bao_ve_du_lieu", default_factory=DataProtection)
    source: Source | None = None


@dataclass(kw_only=True, slots=True)
class Organization:
    """`to-chuc.yaml`: an organization, its collective review and its targets."""

    id: str = key("ma_to_chuc")
    year: int = key("nam")
    name: str = key("ten")
    type: OrgType = key("loai")
    category: OrgCategory | None = key("phan_loai", None)
    founded: dt.date | None = key("ngay_thanh_lap", None)
    # ids of the previous year's organizations this one continues (a merger, RULES.md §7)
    predecessors: list[str] = key("ke_thua_tu", default_factory=list)
    leadership: Leadership = key("lanh_dao", default_factory=Leadership)
    targets: list[Target] = key("chi_tieu", default_factory=list)
    # 366-O1..O3: the collective's tasks (completed, on time, exceeded)
    tasks: Tasks | None = key("nhiem_vu", None)
    same_level_bodies: SameLevelBodies | None = key("danh_gia_cung_cap", None)
    criteria: dict[str, CriterionLevel] = key("tieu_chi", default_factory=dict)
    scores: Scores | None = key("diem", None)
    party_building_weak: bool = key("cong_tac_xay_dung_dang_kem", False)
    discipline: list[Discipline] = key("ky_luat", default_factory=list)
    review: ReviewText = key("kiem_diem", default_factory=ReviewText)
    self_level: Level | None = key("tu_xep_loai", None)
    state: FileState = key("trang_thai_ho_so", FileState.FINAL)
    source: Source | None = None
    # filled in by the tree builder
    folder: str = ""
    parent_id: str | None = None
    children: list[str] = field(default_factory=list)
    member_ids: list[str] = field(default_factory=list)

    @property
    def head_id(self) -> str | None:
        return self.leadership.head


@dataclass(kw_only=True, slots=True)
class MemberReview:
    """`dang-vien/<ma_dang_vien>.yaml`: one member's self-review for the year."""

    id: str = key("ma_dang_vien")
    year: int = key("nam")
    name: str = key("ho_ten")
    kind: MemberKind = key("loai_dang_vien")
    # never published: the schema classes them "x-pham-vi": "khong-cong-bo" (generator.privacy)
    birth_date: dt.date | None = key("ngay_sinh", None)
    private_note: str = key("ghi_chu_noi_bo", "")
    admitted: dt.date = key("ngay_vao_dang")
    status: MembershipStatus = key("tinh_trang", MembershipStatus.ACTIVE)
    position_title: str = key("chuc_vu", "")
    # 366: the form the review follows (Phụ lục 3/4/5) and the role group (366-M6)
    form: MemberForm | None = key("mau_bieu", None)
    role_group: str = key("nhom_vai_tro", "")
    temporary_activity: TemporaryActivity | None = key("sinh_hoat_tam_thoi", None)
    transfers: list[Transfer] = key("chuyen_sinh_hoat", default_factory=list)
    civil_servant: CivilServantRating | None = key("can_bo_cong_chuc", None)
    sick_leave_months: float = key("nghi_om_thang", 0)
    maternity_leave_months: float = key("nghi_thai_san_thang", 0)
    tasks: Tasks | None = key("nhiem_vu", None)
    outside_political_system: bool = key("ngoai_he_thong_chinh_tri", False)
    criteria: dict[str, CriterionLevel] = key("tieu_chi", default_factory=dict)
    scores: Scores | None = key("diem", None)
    discipline: list[Discipline] = key("ky_luat", default_factory=list)
    degradation_finding: bool = key("ket_luan_suy_thoai", False)
    prohibited_violation: bool = key("vi_pham_dieu_cam", False)
    earlier_shortcomings: EarlierShortcomings | None = key("han_che_truoc", None)
    led_unit: LedUnit | None = key("don_vi_phu_trach", None)
    review: ReviewText = key("kiem_diem", default_factory=ReviewText)
    self_level: Level | None = key("tu_xep_loai", None)
    state: FileState = key("trang_thai_ho_so", FileState.FINAL)
    source: Source | None = None
    # filled in by the tree builder: the chi bộ whose dang-vien/ folder holds the file
    org_id: str = ""


@dataclass(kw_only=True, slots=True)
class Proposals:
    """`de-xuat.yaml`: a chi bộ's proposals for its members."""

    year: int = key("nam")
    org_id: str = key("ma_to_chuc")
    meeting_date: dt.date = key("ngay_hop")
    attendees: int | None = key("so_du_hop", None)
    items: list[Proposal] = key("de_xuat", default_factory=list)
    source: Source | None = None


@dataclass(kw_only=True, slots=True)
class Decisions:
    """`quyet-dinh.yaml`: a committee's decisions for the year."""

    year: int = key("nam")
    org_id: str = key("ma_to_chuc")  # the committee (its organization) that decides
    number: str = key("so_quyet_dinh")
    date: dt.date = key("ngay")
    outstanding_results: bool = key("ket_qua_noi_bat", False)  # 366-M6: 25% quota
    members: list[MemberDecision] = key("dang_vien", default_factory=list)
    organizations: list[OrgDecision] = key("to_chuc", default_factory=list)
    re_ratings: list[ReRating] = key("xep_loai_lai", default_factory=list)
    source: Source | None = None


# every record pickles as the tuple of its fields' values (generator.submissions.tuplestate)
for _record in [v for v in list(globals().values()) if isinstance(v, type)]:
    if _record.__module__ == __name__ and "__slots__" in _record.__dict__:
        tuple_state(_record)
del _record
