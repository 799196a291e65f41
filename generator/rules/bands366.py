"""Score bands with their task conditions under qd366-hd43 (366-M1..M3, 366-O1..O3).

Bands are "từ X đến dưới Y": >= 90, 70 to under 90, 50 to under 70, under 50. The
project's reading (UNVERIFIED, RULES.md §4; setting `score_meets_lower_bands`, default
on): a score at or above a band's lower bound meets that band's score condition, so a
subject scoring 92 who misses HTXSNV's other conditions is judged against HTTNV's (cases
23, 30), and so on down. Off, the text is read literally: only the score's own band can
be met, and missing its other conditions meets no level (366-M5). Pure functions.
"""

from __future__ import annotations

from typing import NamedTuple

from generator.rules.base import Setting
from generator.rules.wording import pct
from generator.submissions.records import LedUnit, Level, Target, TargetStatus, Tasks


class TaskShares(NamedTuple):
    """A subject's task result as shares of the tasks assigned (a named tuple: one is made
    per member of a province)."""

    done: float
    on_time: float
    exceeded: float
    late: float  # completed, but behind schedule
    text: str

    @property
    def not_done(self) -> float:
        return 1 - self.done


def task_shares(tasks: Tasks | None, what: str = "nhiệm vụ") -> TaskShares:
    if tasks is None or not tasks.assigned:
        return TaskShares(1.0, 1.0, 0.0, 0.0, f"không kê khai {what} được giao")
    on_time = tasks.on_time if tasks.on_time is not None else tasks.completed
    late = max(tasks.completed - on_time, 0)
    n = tasks.assigned
    text = (
        f"hoàn thành {tasks.completed}/{n} {what}, đúng hạn {on_time}, "
        f"vượt {tasks.exceeded} ({pct(tasks.exceeded / n)})"
    )
    return TaskShares(tasks.completed / n, on_time / n, tasks.exceeded / n, late / n, text)


def target_shares(targets: list[Target]) -> TaskShares:
    """An organization without `nhiem_vu`: its resolution targets (force majeure ones not
    counted; a completed target counts as on time)."""
    counted = done = exceeded = 0  # one pass: twice per organization of a province
    for t in targets:
        status = t.status
        if status is _FORCE_MAJEURE:
            continue
        counted += 1
        if status is _EXCEEDED:
            exceeded += 1
            done += 1
        elif status is _COMPLETED:
            done += 1
    if not counted:
        return task_shares(None, "chỉ tiêu")
    return task_shares(Tasks(assigned=counted, completed=done, exceeded=exceeded), "chỉ tiêu")


# TargetStatus.completed: EXCEEDED or COMPLETED
_FORCE_MAJEURE, _EXCEEDED, _COMPLETED = (
    TargetStatus.FORCE_MAJEURE,
    TargetStatus.EXCEEDED,
    TargetStatus.COMPLETED,
)


SCORE_MEETS_LOWER_BANDS = Setting(
    "score_meets_lower_bands",
    True,
    (True, False),
    "366-M5",
    "Điểm cao hơn không làm mất mức thấp hơn (366-M1..M3, 366-O1..O3): điểm từ cận dưới của "
    "một khung trở lên được coi là đạt điều kiện điểm của khung đó, nên người 92 điểm không đủ "
    "điều kiện khác của HTXSNV được xét theo điều kiện HTTNV (`true`, mặc định; cách hiểu của "
    'dự án, chưa đối chiếu văn bản). `false`: hiểu đúng chữ "từ X đến dưới Y" — chỉ xét '
    "khung của điểm số; không đủ điều kiện khác của khung đó thì không đạt mức nào, cần cấp "
    "có thẩm quyền quyết định (366-M5).",
)


def band_of(total: float) -> Level:
    if total >= 90:
        return Level.HTXSNV
    if total >= 70:
        return Level.HTTNV
    if total >= 50:
        return Level.HTNV
    return Level.KHTNV


def walk(
    band: Level, t: TaskShares, htxsnv_blockers: list[str], *, down: bool = True
) -> tuple[Level | None, dict[Level, str]]:
    """The best level from `band` down whose task conditions hold (HTXSNV: 100% on time,
    >= 30% exceeded, and no `htxsnv_blockers`; HTTNV: 100% on time; HTNV: 100% done, at
    most 20% late), with what each level tried missed; None when no level's conditions
    hold (a case for the deciding body, 366-M5). Not `down` (`score_meets_lower_bands`
    off): only `band` itself is tried."""
    missing: dict[Level, str] = {}
    if band >= Level.HTXSNV:
        why = list(htxsnv_blockers)
        if t.on_time < 1:
            why.insert(0, "chưa hoàn thành 100% nhiệm vụ đúng hạn")
        if t.exceeded < 0.3:
            why.insert(1 if t.on_time < 1 else 0, "vượt dưới 30% nhiệm vụ")
        if not why:
            return Level.HTXSNV, missing
        missing[Level.HTXSNV] = ", ".join(why)
        if not down:
            return None, missing
    if band >= Level.HTTNV:
        if t.on_time >= 1:
            return Level.HTTNV, missing
        missing[Level.HTTNV] = "chưa hoàn thành 100% nhiệm vụ đúng hạn"
        if not down:
            return None, missing
    if t.done >= 1 and t.late <= 0.2:
        return Level.HTNV, missing
    missing[Level.HTNV] = (
        "chưa hoàn thành 100% nhiệm vụ"
        if t.done < 1
        else f"{pct(t.late)} nhiệm vụ chậm tiến độ (trên 20%)"
    )
    return None, missing


def unmet(band: Level, missing: dict[Level, str]) -> str:
    """What the subject missed when no level is met (`walk` gave None): the conditions of
    the lowest level tried, and, when only the score's own band was tried
    (`score_meets_lower_bands` off), that the lower bands' scores were not considered."""
    lowest = min(missing)
    if lowest == Level.HTNV:
        return missing[lowest]
    return (
        f"chưa đạt {lowest.code}: {missing[lowest]}; điểm không thuộc khung của mức thấp hơn "
        "(cài đặt score_meets_lower_bands)"
    )


class UnitCap(NamedTuple):
    """366-L2: the highest level a leader's unit result allows them (None: not even HTNV),
    why, and why the unit misses HTNV when it does."""

    level: Level | None
    why: str
    why_htnv: str = ""


def leader_unit_cap(unit: LedUnit | None, analogy: bool) -> UnitCap | None:
    """What the unit a leader (Phụ lục 3) leads allows them (366-L2): HTXSNV needs the unit
    100% on time with >= 30% exceeded; with `analogy` (`leader_unit_analogy`) HTTNV needs
    100% on time and HTNV 100% done with at most 20% late. None when it allows HTXSNV."""
    if unit is None:
        return UnitCap(
            Level.HTTNV, "chưa kê khai đơn vị phụ trách (don_vi_phu_trach): chưa đủ căn cứ HTXSNV"
        )
    if unit.tasks is None or not unit.tasks.assigned:
        return _stated_unit_cap(unit, analogy)
    t = task_shares(unit.tasks)
    level, missing = walk(Level.HTXSNV, t, [])
    if level == Level.HTXSNV:
        return None
    facts = f"{unit.name}: {t.text}"
    if level == Level.HTTNV or not analogy:
        return UnitCap(Level.HTTNV, f"{facts} ({missing[Level.HTXSNV]})")
    why = f"{facts} ({missing[Level.HTTNV]})"
    if level == Level.HTNV:
        return UnitCap(Level.HTNV, why)
    return UnitCap(None, why, f"{facts} ({missing[Level.HTNV]})")


def _stated_unit_cap(unit: LedUnit, analogy: bool) -> UnitCap:
    """366-L2 without the unit's task counts (`nhiem_vu`): what the file states decides. A
    unit that did not complete all its tasks (`ty_le_hoan_thanh_chi_tieu` under 1, or
    `hoan_thanh_tat_ca_chi_tieu` not true: "không ghi nghĩa là false", as 124-M1 reads it)
    misses HTXSNV and, with `analogy`, HTTNV (100% on time) and HTNV (100% done). One that
    completed all misses only HTXSNV's "vượt từ 30%", which only the counts can show."""
    share = unit.targets_completed_share
    if share >= 1 and unit.all_targets_completed:
        return UnitCap(
            Level.HTTNV,
            f"{unit.name} hoàn thành tất cả chỉ tiêu, nhiệm vụ nhưng chưa kê khai số nhiệm vụ "
            "đúng hạn, vượt mức (nhiem_vu): chưa đủ căn cứ HTXSNV",
        )
    facts = (
        f"{unit.name} hoàn thành {pct(share)} chỉ tiêu, nhiệm vụ"
        if share < 1
        else f"{unit.name} ghi tỷ lệ hoàn thành {pct(share)} nhưng không ghi hoàn thành tất "
        "cả chỉ tiêu, nhiệm vụ (hoan_thanh_tat_ca_chi_tieu)"
    )
    if not analogy:
        return UnitCap(Level.HTTNV, f"{facts} (chưa hoàn thành 100% nhiệm vụ đúng hạn)")
    return UnitCap(
        None,
        f"{facts} (chưa hoàn thành 100% nhiệm vụ đúng hạn)",
        f"{facts} (chưa hoàn thành 100% nhiệm vụ)",
    )
