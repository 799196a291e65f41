"""Months of membership (X1, 124-M6: "dưới 6 tháng"), counted as Bộ luật Dân sự 2015,
Điều 147 counts a term in months: to the day of the same number, or to the last day of a
month that has none (generator/rules/assess.py `months_between`)."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.rules.assess import is_new_member, months_between

D = dt.date


@pytest.mark.parametrize(
    ("admitted", "evaluated", "months"),
    [
        (D(2025, 6, 15), D(2025, 12, 15), 6),
        (D(2025, 6, 16), D(2025, 12, 15), 5),
        (D(2025, 5, 31), D(2025, 11, 30), 6),  # November has no 31st: its last day
        (D(2025, 5, 31), D(2025, 11, 29), 5),
        (D(2023, 8, 31), D(2024, 2, 29), 6),  # a leap February's last day
        (D(2023, 8, 31), D(2024, 2, 28), 5),
        (D(2024, 2, 29), D(2024, 8, 29), 6),
        (D(2024, 2, 29), D(2025, 2, 28), 12),  # a year on, February has no 29th
        (D(2025, 1, 30), D(2025, 2, 28), 1),
        (D(2025, 12, 31), D(2025, 12, 31), 0),
        (D(2025, 12, 15), D(2025, 6, 15), -6),  # earlier: negative, as before
    ],
)
def test_months_between(admitted: dt.date, evaluated: dt.date, months: int) -> None:
    assert months_between(admitted, evaluated) == months


def test_admitted_on_a_31st_is_rated_six_months_later() -> None:
    assert not is_new_member(D(2025, 5, 31), D(2025, 11, 30))
    assert is_new_member(D(2025, 6, 1), D(2025, 11, 30))
