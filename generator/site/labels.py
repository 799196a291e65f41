"""Vietnamese labels for the site: what the year file's keys and values mean to a reader.

The year file (`nam-danh-gia.yaml`) keeps ASCII snake_case keys and English setting values
(`quota_rounding: floor`); the site never shows them bare. Labels follow the titles of
schema/nam-danh-gia.schema.json (a test keeps every key and enum value of the schema
covered here).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from generator.site.text import number_vi

if TYPE_CHECKING:
    from generator.submissions.year import Year

PENDING_RULESET = "pending"

# `han_chot:` keys -> what is due (schema titles, shortened: the column says "Hạn")
DEADLINES: dict[str, str] = {
    "kiem_diem_ca_nhan": "Đảng viên nộp bản kiểm điểm cá nhân",
    "de_xuat": "Chi bộ họp, đề xuất xếp loại",
    "quyet_dinh": "Cấp ủy có thẩm quyền quyết định xếp loại",
    "bao_cao": "Báo cáo kết quả lên cấp trên",
}

# `cai_dat:` keys -> the schema's Vietnamese titles
SETTINGS: dict[str, str] = {
    "quota_base": "Cơ số tính tỷ lệ xuất sắc",
    "quota_rounding": "Cách làm tròn số xuất sắc tối đa",
    "org_khtnv_member_share": "Tỷ lệ đảng viên KHTNV khiến tổ chức bị KHTNV",
    "httnv_requires_all_on_time": "HTTNV phải hoàn thành mọi nhiệm vụ đúng hạn",
    "kem_rule": "Tiêu chí Kém dẫn tới KHTNV",
    "head_cap": "Người đứng đầu không cao hơn đơn vị",
    "member_quota_pool": "Phạm vi tính tỷ lệ xuất sắc của đảng viên",
    "org_quota_pool": "Phạm vi tính tỷ lệ xuất sắc của tổ chức",
    "own_targets_under_half_khtnv": "Hoàn thành dưới 50% chỉ tiêu của bản thân thì KHTNV",
    "quota_share": "Tỷ lệ xuất sắc tối đa",
    "quota_share_outstanding": "Tỷ lệ xuất sắc tối đa khi có kết quả nổi bật",
    "targets_rule": "Điều kiện chỉ tiêu khiến tổ chức KHTNV",
    "suspended_rated": "Đảng viên bị đình chỉ sinh hoạt vẫn được xếp loại",
    "leader_unit_analogy": "Mức HTTNV, HTNV của người lãnh đạo xét kết quả đơn vị",
    "org_khtnv_from_leadership": "Tổ chức KHTNV khi tập thể lãnh đạo KHTNV",
    "score_meets_lower_bands": "Điểm cao hơn vẫn đạt điều kiện điểm của mức thấp hơn",
    "civil_servant_basis": "Kết quả xếp loại của cơ quan là căn cứ xếp loại đảng viên",
}

# enum values of the settings -> their meaning
VALUES: dict[str, str] = {
    "httnv": "số đảng viên xếp loại HTTNV",
    "httnv_or_above": "số đảng viên từ HTTNV trở lên",
    "floor": "làm tròn xuống",
    "round": "làm tròn đến số gần nhất",
    "ceil": "làm tròn lên",
    "any": "bất kỳ tiêu chí nào ở mức Kém",
    "task_only": "chỉ tiêu chí về kết quả nhiệm vụ ở mức Kém",
    "tccsd": "chung trong mỗi tổ chức cơ sở đảng",
    "deciding_committee": "theo từng cấp ủy ra quyết định",
    "both": "cả hai điều kiện",
    "either": "một trong hai điều kiện",
    "flag": "cảnh báo để cấp ủy quyết định, không tự đổi mức",
    "cap": "không cao hơn mức của cơ quan",
}

# settings whose number is a share (0..1), shown as a percentage
SHARES = {"org_khtnv_member_share", "quota_share", "quota_share_outstanding"}


def deadline_label(key: str) -> str:
    return DEADLINES.get(key, key.replace("_", " ").capitalize())


def setting_label(key: str) -> str:
    return SETTINGS.get(key, key.replace("_", " ").capitalize())


def setting_value(key: str, value: object) -> str:
    """A setting's value in words: "làm tròn xuống", "20%", "có", "không áp dụng"."""
    if value is None:
        return "không áp dụng"
    if value is True:
        return "có"
    if value is False:
        return "không"
    if isinstance(value, int | float):
        if key in SHARES:
            return number_vi(float(value) * 100) + "%"
        return number_vi(value)
    text = str(value)
    return VALUES.get(text, text)


def ruleset_label(ruleset_id: str, title: str) -> str:
    """The ruleset as a reader names it: its documents, or that the year waits for them."""
    if ruleset_id == PENDING_RULESET or not ruleset_id:
        return "Chưa có hướng dẫn xếp loại của năm (đang chờ hướng dẫn)"
    return title or ruleset_id


_CODE = re.compile(r"`([^`]+)`")


def code_spans(text: str) -> list[tuple[str, bool]]:
    """Our own explanations (rules' documentation, never submitted text) quote YAML values
    in backticks; the page shows them as ids that never break: [(text, is_code), …]."""
    parts: list[tuple[str, bool]] = []
    for i, piece in enumerate(_CODE.split(text)):
        if piece:
            parts.append((piece, i % 2 == 1))
    return parts


class YearLabels:
    """The year's labels for the templates (mixed into `YearView`)."""

    year: Year
    ruleset_title: str
    settings_doc: list[tuple[str, object, str, str]]

    @property
    def ruleset_id(self) -> str:  # YearView: the ruleset the year is rated under
        raise NotImplementedError

    @property
    def is_pending(self) -> bool:
        from generator.rules.registry import REGISTRY

        return not REGISTRY[self.ruleset_id].rates

    @property
    def ruleset_name(self) -> str:
        """The ruleset in words (its documents), never the bare id or `pending`."""
        if self.is_pending:
            return ruleset_label(PENDING_RULESET, "")
        return ruleset_label(self.ruleset_id, self.ruleset_title)

    def criterion_name(self, key: str, kind: str = "member") -> str:
        """A criterion of `tieu_chi:` by its Vietnamese name (the ruleset's list)."""
        from generator.rules.registry import REGISTRY

        spec = REGISTRY[self.ruleset_id]
        for criterion in spec.member_criteria if kind == "member" else spec.org_criteria:
            if criterion.key == key:
                return criterion.label_vi
        return key.replace("_", " ").capitalize()

    def deadlines(self) -> list[tuple[str, dt.date | str]]:
        """The year's deadlines: (what is due, in Vietnamese, date)."""
        config = self.year.config
        items = config.deadlines.items() if config else []
        return [(deadline_label(key), day) for key, day in items]

    def settings(self) -> list[tuple[str, str, str, str, list[tuple[str, bool]]]]:
        """Every setting of the year: (Vietnamese name, value in words, key, rule id,
        explanation). The documented settings of the ruleset when known, else the year
        file's own."""
        if self.settings_doc:
            return [
                (setting_label(k), setting_value(k, val), k, rule, code_spans(doc))
                for k, val, rule, doc in self.settings_doc
            ]
        config = self.year.config
        own = config.settings.items() if config else []
        return [(setting_label(k), setting_value(k, v), k, "", []) for k, v in own]

    def own_settings(self) -> list[tuple[str, str]]:
        """The settings the year file sets itself: (Vietnamese name, value in words)."""
        config = self.year.config
        own = config.settings.items() if config else []
        return [(setting_label(k), setting_value(k, v)) for k, v in own]
