"""A corrected line is never the line as it is (generator.check.written.Written.with_value,
where every corrected value line is built): "Sửa dòng 12 thành: `duoc_giao: 1.000`" for
`duoc_giao: 1.000` changed nothing. In Vietnamese a dot separates thousands: for an
integer `1.000` is 1000 (generator.check.schemahints)."""

from __future__ import annotations

import pytest

from generator.check import schemahints
from generator.check.written import Written
from generator.submissions.yamlload import loads


def test_the_line_as_it_is_is_no_corrected_line() -> None:
    found = Written(12, "  duoc_giao: ", "1.000", "  # ghi chú")
    assert found.with_value("1.000") is None
    assert found.with_value("1000") == "duoc_giao: 1000  # ghi chú"
    # a comment one blank after a quoted value gets two: that is a change
    quoted = Written(3, "ho_ten: ", '"Đỗ Văn A"', " # x")
    assert quoted.with_value('"Đỗ Văn A"') == 'ho_ten: "Đỗ Văn A"  # x'


INTEGERS = [
    ("1.000", "duoc_giao: 1000"),
    ("12.500", "duoc_giao: 12500"),
    ("1.234.567", "duoc_giao: 1234567"),
    ("007", None),  # the digits as written: nothing to correct them to
    ("1.0000", None),  # not thousands: never made up
    ("1.5", None),
    ("2 tháng", "duoc_giao: 2"),
]


@pytest.mark.parametrize(("written", "corrected"), INTEGERS)
def test_an_integer_hint_never_offers_the_line_as_it_is(
    written: str, corrected: str | None
) -> None:
    line = f"  duoc_giao: {written}"
    doc = loads(f"nhiem_vu:\n{line}\n".encode()).document
    assert doc is not None
    path = ("nhiem_vu", "duoc_giao")
    value = doc.data["nhiem_vu"]["duoc_giao"]
    _, params = schemahints.for_type(value, ["integer"], doc, path)
    assert params.get("corrected") == corrected
    assert params.get("corrected") != line.strip()
    assert params.get("new") != written
