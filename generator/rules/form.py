"""What a review file must hold under a ruleset (RULES.md R0, X5): the transition out of
`pending`.

Units write their reviews before the year's guidance arrives and complete them once it
does. So:

- while the year is `pending`, one form rule: a file marked complete must have every
  section the official form requires (ưu điểm, hạn chế, phương hướng, tự xếp loại) — a
  warning (`form-incomplete`); a draft may be partial;
- once the year names its ruleset (or `kiemdiem check --ruleset R` before it does), every
  draft is told exactly which fields it must add under that ruleset (`form-to-complete`,
  a warning); a file marked complete that lacks them is an error of the ruleset's schema
  overlay (schema/bo-quy-tac.schema.json), field by field.

An empty value counts as missing and is called "trống".
"""

from __future__ import annotations

from typing import Any

from generator.findings import Finding, Position, make
from generator.rules import review_expected
from generator.rules.spec import FormSection, RulesetSpec
from generator.submissions.records import FileState, MemberReview, MembershipStatus, Organization
from generator.submissions.yamlload import Document
from generator.submissions.year import Year

# RULES.md X5: the sections every official form requires of a completed review
COMMON_SECTIONS = (
    FormSection(("kiem_diem", "uu_diem"), "Ưu điểm"),
    FormSection(("kiem_diem", "han_che"), "Hạn chế, khuyết điểm và nguyên nhân"),
    FormSection(("kiem_diem", "phuong_huong"), "Phương hướng, biện pháp khắc phục"),
    FormSection(("tu_xep_loai",), "Tự xếp loại"),
)
SCORES = FormSection(("diem",), "Điểm thang 100 (tieu_chi_chung, ket_qua_nhiem_vu)")


def sections(spec: RulesetSpec, kind: str) -> tuple[FormSection, ...]:
    """The fields a completed review of `kind` ("member" | "org") holds under `spec`."""
    if not spec.rates:
        return COMMON_SECTIONS
    if spec.scored:
        return (*COMMON_SECTIONS, SCORES)
    criteria = spec.member_criteria if kind == "member" else spec.org_criteria
    return (
        *COMMON_SECTIONS,
        *(FormSection(("tieu_chi", c.key), f"tiêu chí {c.label_vi}") for c in criteria),
    )


def _value(data: Any, path: tuple[str, ...]) -> tuple[bool, Any]:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return False, None
        data = data[key]
    return True, data


def missing(data: dict[str, Any], wanted: tuple[FormSection, ...]) -> list[str]:
    """Each wanted field that is absent or empty, worded for the finding."""
    out = []
    for s in wanted:
        present, value = _value(data, s.path)
        empty = present and (value is None or (isinstance(value, str) and not value.strip()))
        if not present or empty:
            state = "trống" if empty else "chưa có"
            out.append(f"`{'.'.join(s.path)}` ({s.label_vi}: {state})")
    return out


def record_data(record: MemberReview | Organization) -> dict[str, Any]:
    """The fields `sections` names, as a mapping, from a schema-valid record (a draft may
    hold an empty section; in a record it reads like an absent one)."""
    review = record.review
    texts = {
        "uu_diem": review.strengths,
        "han_che": review.shortcomings,
        "phuong_huong": review.direction,
    }
    data: dict[str, Any] = {"kiem_diem": {k: v for k, v in texts.items() if v}}
    if record.self_level is not None:
        data["tu_xep_loai"] = record.self_level.code
    if record.scores is not None:
        data["diem"] = {"tong": record.scores.total}
    if record.criteria:
        data["tieu_chi"] = {k: v.name for k, v in record.criteria.items()}
    data["trang_thai_ho_so"] = record.state.value
    if isinstance(record, MemberReview):
        data["ma_dang_vien"] = record.id
        data["tinh_trang"] = record.status.value
    else:
        data["ma_to_chuc"] = record.id
    return data


def _data_of(source: MemberReview | Organization | Document) -> dict[str, Any]:
    if isinstance(source, Document):
        # a compact document reads its file again when first asked for a position
        source.key_pos(("trang_thai_ho_so",))
        return source.data if isinstance(source.data, dict) else {}
    return record_data(source)


def form_findings(
    year: Year,
    spec: RulesetSpec,
    files: list[tuple[str, str, MemberReview | Organization | Document]],
) -> list[Finding]:
    """The form findings of `files` — (kind "member" | "org", path, the record, or the
    parsed document of a file whose schema check failed, so it is still told what to
    add)."""
    if year.config is None:
        return []
    out: list[Finding] = []
    for kind, path, source in files:
        data = _data_of(source)
        if not data or not _reviewed(year, kind, data):
            continue
        draft = data.get("trang_thai_ho_so") == FileState.DRAFT.value
        if spec.rates and not draft:
            continue  # the ruleset's schema overlay reports each missing field as an error
        if not spec.rates and draft:
            continue  # while pending a draft may be partial
        gaps = missing(data, sections(spec, kind))
        if gaps:
            out.append(_finding(year, spec, kind, path, source, data, gaps))
    return out


def _reviewed(year: Year, kind: str, data: dict[str, Any]) -> bool:
    """Whether the file's subject writes a review this year: not the root organization
    (rated above, §7 D5); not an exempted or suspended member, nor a new one where the
    ruleset reviews none (124-M6)."""
    if kind == "org":
        return data.get("ma_to_chuc") != (year.config.root if year.config else None)
    if data.get("tinh_trang") in (
        MembershipStatus.EXEMPTED.value,
        MembershipStatus.SUSPENDED.value,
    ):
        return False
    record = year.members.get(str(data.get("ma_dang_vien", "")))
    return record is None or review_expected(year.config, record)


def _finding(
    year: Year,
    spec: RulesetSpec,
    kind: str,
    path: str,
    source: MemberReview | Organization | Document,
    data: dict[str, Any],
    gaps: list[str],
) -> Finding:
    document = source if isinstance(source, Document) else None
    if document is None and source.source is not None:  # type: ignore[union-attr]
        document = source.source.document  # type: ignore[union-attr]
    pos = Position(1, 1)
    if document is not None and "trang_thai_ho_so" in data:
        pos = document.key_pos(("trang_thai_ho_so",))
    what = "bản kiểm điểm" if kind == "member" else "bản kiểm điểm tập thể"
    # a member writes their review; the organization's committee its collective one
    actor = "member" if kind == "member" else "committee"
    if spec.rates:
        return make(
            "form-to-complete",
            path,
            pos,
            what=what,
            ruleset=spec.id,
            title=spec.title_vi,
            count=len(gaps),
            fields="; ".join(gaps),
            actor=actor,
        )
    return make(
        "form-incomplete",
        path,
        pos,
        what=what,
        year=year.year,
        count=len(gaps),
        fields="; ".join(gaps),
        actor=actor,
    )
