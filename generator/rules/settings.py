"""Named settings shared by several rulesets (the UNVERIFIED readings of RULES.md).

Each ruleset module lists the settings it reads (`SETTINGS`); the year file overrides
them under `cai_dat:`. Names are stable: the schema of `nam-danh-gia.yaml` lists them.
"""

from __future__ import annotations

from generator.rules.base import Setting


def quota_base(rule: str) -> Setting:
    return Setting(
        "quota_base",
        "httnv",
        ("httnv", "httnv_or_above"),
        rule,
        "Cơ sở tính tỷ lệ HTXSNV: `httnv` = số được xếp loại Hoàn thành tốt nhiệm vụ (đúng "
        "văn bản); `httnv_or_above` = số từ Hoàn thành tốt nhiệm vụ trở lên (cách một số tỉnh "
        "áp dụng).",
        unverified=True,
    )


def quota_rounding(rule: str) -> Setting:
    return Setting(
        "quota_rounding",
        "floor",
        ("floor", "round", "ceil"),
        rule,
        "Làm tròn số tối đa được xếp HTXSNV: `floor` làm tròn xuống (mặc định), `round` làm "
        "tròn, `ceil` làm tròn lên.",
    )


def member_quota_pool(rule: str) -> Setting:
    return Setting(
        "member_quota_pool",
        "tccsd",
        ("tccsd", "deciding_committee"),
        rule,
        "Phạm vi tính tỷ lệ HTXSNV của đảng viên: `tccsd` = cả tổ chức cơ sở đảng (mặc định), "
        "`deciding_committee` = theo từng cấp ủy ra quyết định.",
    )


def quota_share(rule: str) -> Setting:
    return Setting(
        "quota_share",
        0.20,
        None,
        rule,
        "Số HTXSNV tối đa so với cơ số tính (mặc định 0,20 = 20%).",
        unverified=False,
    )


def quota_share_outstanding(rule: str) -> Setting:
    return Setting(
        "quota_share_outstanding",
        0.25,
        None,
        rule,
        "Tỷ lệ HTXSNV tối đa khi cấp có thẩm quyền có quyết định ghi nhận kết quả nổi bật "
        "(mặc định 0,25 = 25%).",
        unverified=False,
    )


def org_quota_pool(rule: str) -> Setting:
    return Setting(
        "org_quota_pool",
        "deciding_committee",
        ("deciding_committee", "tccsd"),
        rule,
        "Phạm vi tính tỷ lệ HTXSNV của tổ chức đảng: `deciding_committee` = các tổ chức do "
        "cùng một cấp ủy xếp loại (mặc định), `tccsd` = trong mỗi tổ chức cơ sở đảng.",
    )


def head_cap(rule: str, note_vi: str = "") -> Setting:
    """`note_vi`: what the ruleset reads it from, when that is not a line of its own (366:
    RULES.md X2, UNVERIFIED)."""
    return Setting(
        "head_cap",
        True,
        (True, False),
        rule,
        "Người đứng đầu không được xếp loại cao hơn tổ chức mình phụ trách (`true`, mặc định)."
        + (f" {note_vi}" if note_vi else ""),
    )
