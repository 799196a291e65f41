"""Task counts that cannot be: more tasks completed than assigned, or more done on time or
beyond target than completed (`nhiem_vu` of a member or an organization, and of the unit a
leader leads, `don_vi_phu_trach.nhiem_vu`).

The rules read these counts as shares — 100% completed, at least 30% exceeded, at most 20%
late (366-M1..M3, 366-O1..O3, 366-L2; 124's and 132's task conditions) — so a review
stating 9 of 6 tasks completed met "100% completed", and 7 exceeded of 6 assigned met
"≥ 30% exceeded" (a hostile-submitter trial found the gap). Such a count is an error at the
larger number's line, like an impossible date (generator.check.memberdates): a member's
file with one is not rated until it is corrected; an organization's file stays in use
(leaving it out would unrate its whole folder), its finding telling.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.findings import Finding, make
from generator.submissions.records import Tasks
from generator.submissions.yamlload import Document

# (the part, the whole it is part of): `vuot` and `dung_han` are tasks completed
PARTS = (("hoan_thanh", "duoc_giao"), ("dung_han", "hoan_thanh"), ("vuot", "hoan_thanh"))


def _lists(record: Any) -> Iterator[tuple[tuple[str, ...], Tasks]]:
    tasks = getattr(record, "tasks", None)
    if isinstance(tasks, Tasks):
        yield ("nhiem_vu",), tasks
    led = getattr(record, "led_unit", None)
    if led is not None and isinstance(led.tasks, Tasks):
        yield ("don_vi_phu_trach", "nhiem_vu"), led.tasks


def task_findings(record: Any, document: Document, path: str) -> list[Finding]:
    """`tasks-count-over` for each task list of `record` (its file `path`, parsed as
    `document`) with a part above its whole: the first such pair of each list."""
    out: list[Finding] = []
    for at, tasks in _lists(record):
        values = {
            "duoc_giao": tasks.assigned,
            "hoan_thanh": tasks.completed,
            "dung_han": tasks.on_time,
            "vuot": tasks.exceeded,
        }
        for part, whole in PARTS:
            have, of = values[part], values[whole]
            if have is None or of is None or have <= of:
                continue
            pos = document.value_pos((*at, part))
            out.append(
                make(
                    "tasks-count-over",
                    path,
                    pos,
                    field=".".join((*at, part)),
                    value=have,
                    whole_field=".".join((*at, whole)),
                    whole=of,
                    whole_line=document.value_pos((*at, whole)).line,
                )
            )
            break
    return out
