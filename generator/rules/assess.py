"""Shared pieces of assessment used by several rulesets: criterion levels, score bands,
discipline in the year, months since admission. Pure functions, no rule ids of their own."""

from __future__ import annotations

import calendar
import datetime as dt

from generator.rules.criteria import Criterion
from generator.submissions.records import CriterionLevel, Discipline, Level, Scores

NEW_MEMBER_MONTHS = 6  # 132-M7, 124-M6: admitted less than 6 months before evaluation


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from `start` to `end` (negative if `end` is earlier).

    A month runs to the day of the same number, or to the last day of a month that has no
    such day (Bộ luật Dân sự 2015, Điều 147, khoản 3): admitted on 31 May, a member has six
    months on 30 November (X1, 124-M6: "dưới 6 tháng"); before, a member admitted on a
    31st never had them in a shorter month."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    day = start.day
    if end >= start:  # the month's own last day stands for a day it does not have
        day = min(day, calendar.monthrange(end.year, end.month)[1])
    if end.day < day:
        months -= 1
    return months


def is_new_member(admitted: dt.date, evaluation_date: dt.date) -> bool:
    return months_between(admitted, evaluation_date) < NEW_MEMBER_MONTHS


def split_criteria(
    criteria: dict[str, CriterionLevel], defs: tuple[Criterion, ...]
) -> tuple[dict[str, CriterionLevel], dict[str, CriterionLevel]]:
    """(task criteria, other criteria) present in `criteria`; unknown keys count as other."""
    task_keys = {c.key for c in defs if c.task}
    task = {k: v for k, v in criteria.items() if k in task_keys}
    other = {k: v for k, v in criteria.items() if k not in task_keys}
    return task, other


def criteria_level(
    criteria: dict[str, CriterionLevel], defs: tuple[Criterion, ...]
) -> Level | None:
    """The level four-level criteria support (132-M1..M4, 124-M1..M4, 132-O1..O4, 124-O1..O4):

    HTXSNV: task criteria all Xuất sắc, others Tốt or above;
    HTTNV: task criteria Tốt or above, others Trung bình or above;
    HTNV: every criterion Trung bình or above; KHTNV otherwise. None without criteria.
    """
    if not criteria:
        return None
    task, other = split_criteria(criteria, defs)
    worst_task = min(task.values(), default=CriterionLevel.XUAT_SAC)
    worst_other = min(other.values(), default=CriterionLevel.XUAT_SAC)
    if task and worst_task == CriterionLevel.XUAT_SAC and worst_other >= CriterionLevel.TOT:
        return Level.HTXSNV
    if worst_task >= CriterionLevel.TOT and worst_other >= CriterionLevel.TRUNG_BINH:
        return Level.HTTNV
    if min(worst_task, worst_other) >= CriterionLevel.TRUNG_BINH:
        return Level.HTNV
    return Level.KHTNV


def criteria_summary(criteria: dict[str, CriterionLevel], defs: tuple[Criterion, ...]) -> str:
    """'tiêu chí nhiệm vụ: Xuất sắc; tiêu chí khác thấp nhất: Tốt'."""
    task, other = split_criteria(criteria, defs)
    parts = []
    if task:
        parts.append(f"tiêu chí về nhiệm vụ thấp nhất: {min(task.values()).label_vi}")
    if other:
        parts.append(f"các tiêu chí khác thấp nhất: {min(other.values()).label_vi}")
    return "; ".join(parts)


def kem_criteria(criteria: dict[str, CriterionLevel], defs: tuple[Criterion, ...]) -> list[str]:
    labels = {c.key: c.label_vi for c in defs}
    return [labels.get(k, k) for k, v in criteria.items() if v == CriterionLevel.KEM]


def score_text(scores: Scores) -> str:
    return score_text_of(scores.total)


def score_text_of(total: float) -> str:
    shown = f"{total:g}".replace(".", ",")
    return f"tổng điểm {shown}/100"


# the rule by which each ruleset counts a member's discipline in the year of its decision
# (`disciplined_in`): cited by the check of the discipline's dates (generator.check.
# disciplinedates) and by the one that it reached the year it counts in (moveddiscipline)
MEMBER_DISCIPLINE_RULES = {"qd132-hd21": "132-M4", "qd124-hd25": "124-M4", "qd366-hd43": "366-M4"}


def disciplined_in(records: list[Discipline], year: int) -> list[Discipline]:
    """Disciplinary decisions taken in the evaluation year (one violation counts once: in
    the year of its decision, 132-M4(d))."""
    return [d for d in records if d.decision_date.year == year]
