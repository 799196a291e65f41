"""generator.vietnamese: the one home of folding, suggestions, level names, numbers, dates."""

from __future__ import annotations

import datetime as dt

from generator.submissions.records import Level
from generator.vietnamese import (
    fold,
    fold_key,
    level_from_text,
    level_text,
    pct,
    percent_vi,
    slug,
    suggest,
    vn_date,
)


def test_fold_removes_tone_marks_and_d_bar() -> None:
    assert fold("Nguyễn Văn Đức  Ánh") == "nguyen van duc anh"
    assert fold("ĐIỂM điểm") == "diem diem"
    assert fold_key("Họ tên") == "ho_ten"
    assert slug("Chi bộ Ấp Đồng Tâm") == "chi-bo-ap-dong-tam"


def test_suggest_prefers_the_folded_equal_then_the_closest() -> None:
    keys = ["ho_ten", "tu_xep_loai", "uu_diem"]
    assert suggest("họ_tên", keys) == "ho_ten"
    assert suggest("tu_xep_loai_", keys) == "tu_xep_loai"
    assert suggest("đảng", keys) is None
    assert suggest("dv-10101", ["dv-101016", "dv-101011"], cutoff=0.7) == "dv-101016"


def test_level_names_and_numbers() -> None:
    assert level_text(Level.HTTNV) == "Hoàn thành tốt nhiệm vụ (HTTNV)"
    assert level_from_text("Hoàn thành tốt") == "HTTNV"
    assert level_from_text("hoàn thành xuất sắc nhiệm vụ") == "HTXSNV"
    assert level_from_text("khá") is None
    assert pct(0.333) == "33,3%" and pct(0.45) == "45%"
    assert percent_vi(0) == "0,0%"
    assert vn_date(dt.date(2024, 5, 12)) == "12/05/2024"


def test_fold_quick_path_equals_the_full_fold() -> None:
    """fold's quick path (ASCII after dropping combining marks) gives what the full
    decompose-strip-compose fold gives, on random text of Latin letters, marks, spaces
    and the characters that must leave the quick path (U+034F, U+0130, NBSP, ...)."""
    import random

    from generator.vietnamese import _fold_slow

    codes = [*range(0x00, 0x7F), *range(0xC0, 0x250), *range(0x300, 0x370)]
    codes += [*range(0x1E00, 0x1F00), 0xA0, 0x85, 0x130, 0x2028, 0x3000, 0x200B]
    alphabet = [chr(c) for c in codes]
    rng = random.Random(11)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        assert fold(text) == _fold_slow(text), repr(text)
    assert fold("Nguyễn\u034fVăn") == "nguyen\u034fvan"  # the joiner is kept, as before
