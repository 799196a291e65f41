"""Small Vietnamese wording helpers for reasons and findings (dates dd/mm/yyyy, shares)."""

from __future__ import annotations

from generator.submissions.records import Discipline, Level
from generator.vietnamese import level_text, pct, vn_date

__all__ = ["arrow", "cap", "discipline_text", "level_text", "pct", "vn_date"]


def arrow(facts: str, level: Level, rule_id: str) -> str:
    """'<facts> → Không hoàn thành nhiệm vụ (124-M4)'."""
    return f"{facts} → {level.label_vi} ({rule_id})"


def cap(facts: str, level: Level, rule_id: str) -> str:
    """'<facts> → tối đa Hoàn thành nhiệm vụ (132-M6)'."""
    return f"{facts} → tối đa {level.label_vi} ({rule_id})"


def discipline_text(d: Discipline) -> str:
    """'bị kỷ luật khiển trách ngày 12/05/2024 (QĐ số 12-QĐ/UBKT)'."""
    text = f"bị kỷ luật {d.form.label_vi} ngày {vn_date(d.decision_date)}"
    if d.decision_number:
        text += f" (quyết định số {d.decision_number})"
    if d.violation_date and d.violation_date.year != d.decision_date.year:
        text += f" về vi phạm năm {d.violation_date.year}"
    return text
