"""Typed records of one evaluation year, built from schema-valid YAML documents.

YAML keys are ASCII Vietnamese snake_case (the people who edit the files read them);
attribute names here are English. Each dataclass field names its YAML key in
``metadata["key"]``; `from_mapping` converts generically, so the mapping between the two
vocabularies lives in exactly one place: this file. `schema/` must agree with it
(tests/unit/test_schema_records_agree.py checks that).

Records are built only from documents that passed the schema, so conversion trusts
types; whatever the schema allows but a record cannot represent is a bug here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import types
import typing
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from generator.orgtypes import OrgType
from generator.submissions.yamlload import Document
from generator.vietnamese import LEVEL_NAMES


def key(name: str, default: Any = dataclasses.MISSING, **kw: Any) -> Any:
    """A dataclass field bound to the YAML key `name`."""
    if default is dataclasses.MISSING and "default_factory" not in kw:
        return field(metadata={"key": name}, **kw)
    if default is dataclasses.MISSING:
        return field(metadata={"key": name}, **kw)
    return field(default=default, metadata={"key": name}, **kw)


# --------------------------------------------------------------------------- enums


class Level(enum.IntEnum):
    """A rating level (xếp loại). Higher is better: `max` is the best, `min` the worst."""

    KHTNV = 1  # Không hoàn thành nhiệm vụ
    HTNV = 2  # Hoàn thành nhiệm vụ
    HTTNV = 3  # Hoàn thành tốt nhiệm vụ
    HTXSNV = 4  # Hoàn thành xuất sắc nhiệm vụ

    @property
    def code(self) -> str:
        return self.name

    @property
    def label_vi(self) -> str:
        return LEVEL_LABELS[self]

    @classmethod
    def parse(cls, value: str) -> Level:
        return cls[value]


LEVEL_LABELS = {level: LEVEL_NAMES[level.name] for level in Level}


class CriterionLevel(enum.IntEnum):
    """The level of one criterion (cấp độ tiêu chí). Higher is better."""

    KEM = 1
    TRUNG_BINH = 2
    TOT = 3
    XUAT_SAC = 4

    @property
    def code(self) -> str:
        return self.name.lower()

    @property
    def label_vi(self) -> str:
        return {1: "Kém", 2: "Trung bình", 3: "Tốt", 4: "Xuất sắc"}[self.value]

    @classmethod
    def parse(cls, value: str) -> CriterionLevel:
        return cls[value.upper()]


class OrgCategory(enum.Enum):
    """Statistics category of a grassroots organization (RULES.md X4)."""

    XA = "xa"
    PHUONG_THI_TRAN = "phuong_thi_tran"
    DOANH_NGHIEP = "doanh_nghiep"
    CO_QUAN_HANH_CHINH = "co_quan_hanh_chinh"
    DON_VI_SU_NGHIEP = "don_vi_su_nghiep"
    LUC_LUONG_VU_TRANG = "luc_luong_vu_trang"
    KHAC = "khac"

    @property
    def label_vi(self) -> str:
        return {
            "xa": "Xã",
            "phuong_thi_tran": "Phường, thị trấn",
            "doanh_nghiep": "Doanh nghiệp",
            "co_quan_hanh_chinh": "Cơ quan hành chính",
            "don_vi_su_nghiep": "Đơn vị sự nghiệp",
            "luc_luong_vu_trang": "Lực lượng vũ trang",
            "khac": "Khác",
        }[self.value]


class MemberKind(enum.Enum):
    CHINH_THUC = "chinh_thuc"  # full member
    DU_BI = "du_bi"  # probationary member


class MembershipStatus(enum.Enum):
    ACTIVE = "dang_sinh_hoat"
    EXEMPTED = "mien_sinh_hoat"  # miễn công tác và sinh hoạt đảng
    SUSPENDED = "dinh_chi"  # đình chỉ sinh hoạt đảng
    TEMPORARY_ELSEWHERE = "sinh_hoat_tam_thoi"  # temporary activity at another chi bộ


class DisciplineForm(enum.IntEnum):
    """Disciplinary forms, mildest first (so `>=` means "this or heavier")."""

    KHIEN_TRACH = 1
    CANH_CAO = 2
    CACH_CHUC = 3
    KHAI_TRU = 4

    @property
    def code(self) -> str:
        return self.name.lower()

    @property
    def label_vi(self) -> str:
        return {1: "khiển trách", 2: "cảnh cáo", 3: "cách chức", 4: "khai trừ"}[self.value]

    @classmethod
    def parse(cls, value: str) -> DisciplineForm:
        return cls[value.upper()]


class TargetStatus(enum.Enum):
    EXCEEDED = "vuot"
    COMPLETED = "hoan_thanh"
    NOT_COMPLETED = "khong_hoan_thanh"
    FORCE_MAJEURE = "bat_kha_khang"  # not completed for reasons of force majeure

    @property
    def completed(self) -> bool:
        return self in (TargetStatus.EXCEEDED, TargetStatus.COMPLETED)


class MemberForm(enum.Enum):
    """366: the form a member's review follows (HD 43 Phụ lục 3, 4, 5)."""

    LEADER = "phu_luc_3"  # other leaders and managers
    MEMBER = "phu_luc_4"  # members without a leadership post in the political system
    OUTSIDE = "phu_luc_5"  # members outside the political system

    @property
    def label_vi(self) -> str:
        return {"phu_luc_3": "Phụ lục 3", "phu_luc_4": "Phụ lục 4", "phu_luc_5": "Phụ lục 5"}[
            self.value
        ]


class FileState(enum.Enum):
    DRAFT = "nhap"
    FINAL = "hoan_thanh"


# --------------------------------------------------------------------------- pieces


@dataclass(kw_only=True)
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


@dataclass(kw_only=True)
class Tasks:
    """Assigned tasks or targets of a member for the year (nhiệm vụ, chỉ tiêu)."""

    assigned: int = key("duoc_giao")
    completed: int = key("hoan_thanh")
    on_time: int | None = key("dung_han", None)
    exceeded: int = key("vuot", 0)

    @property
    def completed_share(self) -> float:
        return self.completed / self.assigned if self.assigned else 1.0


@dataclass(kw_only=True)
class Scores:
    """100-point scores (qd366-hd43): general /30, task results /70."""

    general: float = key("tieu_chi_chung")
    tasks: float = key("ket_qua_nhiem_vu")

    @property
    def total(self) -> float:
        return self.general + self.tasks


@dataclass(kw_only=True)
class ReviewText:
    """The official form's sections (RULES.md X5)."""

    strengths: str = key("uu_diem", "")
    shortcomings: str = key("han_che", "")
    remedied: str = key("ket_qua_khac_phuc", "")
    explanation: str = key("giai_trinh", "")
    collective_responsibility: str = key("trach_nhiem_tap_the", "")
    direction: str = key("phuong_huong", "")


@dataclass(kw_only=True)
class EarlierShortcomings:
    """Shortcomings pointed out earlier and how many are remedied (366-M1)."""

    pointed_out: int = key("so_da_chi_ra")
    remedied: int = key("so_da_khac_phuc")


@dataclass(kw_only=True)
class CivilServantRating:
    """The rating given by the member's agency as civil servant (CBCCVC)."""

    level: Level = key("xep_loai")
    agency: str = key("co_quan", "")


@dataclass(kw_only=True)
class Transfer:
    """A transfer of party activity during the year (chuyển sinh hoạt)."""

    date: dt.date = key("ngay")
    from_unit: str = key("tu_don_vi")
    months_there: float = key("so_thang_o_noi_cu", 0)
    comments_received: bool = key("co_nhan_xet_noi_cu", False)


@dataclass(kw_only=True)
class TemporaryActivity:
    """Temporary activity at another chi bộ (sinh hoạt tạm thời)."""

    unit: str = key("don_vi")
    comments_received: bool = key("co_nhan_xet", False)


@dataclass(kw_only=True)
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


@dataclass(kw_only=True)
class Target:
    """A resolution target of an organization (chỉ tiêu nghị quyết)."""

    name: str = key("ten")
    status: TargetStatus = key("trang_thai")
    key_target: bool = key("chu_yeu", False)


@dataclass(kw_only=True)
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


@dataclass(kw_only=True)
class SameLevelBodies:
    """Ratings of the same-level government, Fatherland Front and mass organizations (132-O1)."""

    government: Level | None = key("chinh_quyen", None)
    fatherland_front: Level | None = key("mat_tran", None)
    mass_organizations: Level | None = key("doan_the", None)

    def levels(self) -> list[Level]:
        return [x for x in (self.government, self.fatherland_front, self.mass_organizations) if x]


# --------------------------------------------------------------------------- files


@dataclass(kw_only=True)
class Source:
    """Where a record came from: repository-relative path and the positions of its document."""

    path: str
    document: Document


@dataclass(frozen=True)
class DataProtection:
    """`bao_ve_du_lieu` of the year file (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15)."""

    retention_years: int = key("thoi_han_luu_tru_nam", 5)
    # counts above zero and below this are shown as "< n" on the whole organization's site
    suppress_below: int = key("nguong_an_so_lieu", 3)


@dataclass(kw_only=True)
class RoleGroup:
    """366-M6: a group of similar role, named by the year; member quotas pool per
    (deciding committee × role group)."""

    code: str = key("ma")
    name: str = key("ten")


@dataclass(kw_only=True)
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
    data_protection: DataProtection = key("bao_ve_du_lieu", default_factory=DataProtection)
    source: Source | None = None


@dataclass(kw_only=True)
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


@dataclass(kw_only=True)
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


@dataclass(kw_only=True)
class Vote:
    agree: int = key("tan_thanh")
    disagree: int = key("khong_tan_thanh", 0)
    abstain: int = key("khong_bieu_quyet", 0)


@dataclass(kw_only=True)
class Proposal:
    """One line of a chi bộ's proposals."""

    member_id: str = key("ma_dang_vien")
    level: Level = key("muc")
    votes: Vote | None = key("phieu", None)
    note: str = key("ghi_chu", "")
    index: int = 0  # position in the file's list, for findings


@dataclass(kw_only=True)
class Proposals:
    """`de-xuat.yaml`: a chi bộ's proposals for its members."""

    year: int = key("nam")
    org_id: str = key("ma_to_chuc")
    meeting_date: dt.date = key("ngay_hop")
    attendees: int | None = key("so_du_hop", None)
    items: list[Proposal] = key("de_xuat", default_factory=list)
    source: Source | None = None


@dataclass(kw_only=True)
class MemberDecision:
    member_id: str = key("ma_dang_vien")
    level: Level = key("muc")
    note: str = key("ghi_chu", "")
    index: int = 0


@dataclass(kw_only=True)
class OrgDecision:
    org_id: str = key("ma_to_chuc")
    level: Level = key("muc")
    note: str = key("ghi_chu", "")
    index: int = 0


@dataclass(kw_only=True)
class ReRating:
    """A re-rating of an earlier year (RULES.md 124-M7)."""

    member_id: str = key("ma_dang_vien")
    year: int = key("nam")
    level: Level = key("muc")
    reason: str = key("ly_do", "")
    index: int = 0


@dataclass(kw_only=True)
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


# --------------------------------------------------------------------------- conversion

T = typing.TypeVar("T")
Converter = typing.Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


@functools.cache
def _converter(tp: Any) -> Converter:
    """A function turning a schema-valid YAML value into a value of type `tp` (built once)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        inner = _converter(args[0])
        return lambda v: None if v is None else inner(v)
    if origin is list:
        (item_tp,) = typing.get_args(tp)
        item = _converter(item_tp)
        indexed = dataclasses.is_dataclass(item_tp) and "index" in {
            f.name for f in dataclasses.fields(item_tp)
        }

        def convert_list(values: Any) -> list[Any]:
            out = [item(v) for v in values]
            if indexed:
                for i, obj in enumerate(out):
                    obj.index = i
            return out

        return convert_list
    if origin is dict:
        _, val_tp = typing.get_args(tp)
        val = _converter(val_tp)
        return lambda d: {k: val(v) for k, v in d.items()}
    if tp is Any or tp in (str, int, bool):
        return _identity
    if tp is dt.date:
        return dt.date.fromisoformat
    if tp is float:
        return float
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return getattr(tp, "parse", None) or tp
    if tp is OrgType:  # types are data (generator/orgtypes.py)
        return OrgType.parse
    if dataclasses.is_dataclass(tp):
        return functools.partial(from_mapping, tp)  # type: ignore[arg-type]
    return _identity


@functools.cache
def _plan(cls: type) -> tuple[tuple[str, str, Converter], ...]:
    hints = typing.get_type_hints(cls)
    return tuple(
        (f.name, f.metadata["key"], _converter(hints[f.name]))
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if "key" in f.metadata
    )


def from_mapping(cls: type[T], data: dict[str, Any]) -> T:
    """Build a record of type `cls` from a schema-valid mapping."""
    kwargs: dict[str, Any] = {}
    for name, yaml_key, convert in _plan(cls):  # type: ignore[arg-type]
        if yaml_key in data:
            value = data[yaml_key]
            kwargs[name] = None if value is None else convert(value)
    return cls(**kwargs)


def yaml_keys(cls: type) -> dict[str, str]:
    """attribute name -> YAML key, for the fields of `cls` that come from YAML."""
    return {f.name: f.metadata["key"] for f in dataclasses.fields(cls) if "key" in f.metadata}


def member_id_from_path(path: str) -> str:
    return PurePosixPath(path).stem
