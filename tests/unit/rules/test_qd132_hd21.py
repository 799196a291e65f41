"""Rules of generator/rules/qd132_hd21.py called on facts built in memory."""

from __future__ import annotations

from generator.rules import qd132_hd21 as r132
from generator.rules.base import Effect, NotRated
from generator.submissions.records import Level
from tests.unit.rules.facts import member_facts

L = Level


def test_132_M10_probationary_member_rated_like_full() -> None:
    m = member_facts("qd132-hd21", 2021, loai_dang_vien="du_bi")
    reasons = list(r132.probationary(m))
    assert [(r.rule, r.effect) for r in reasons] == [("132-M10", Effect.INFO)]
    assert "dự bị" in reasons[0].text
    assert list(r132.not_rated(m)) == []  # rated: no not-rated reason
    full = member_facts("qd132-hd21", 2021)
    assert list(r132.probationary(full)) == []


def test_132_M7_suspended_rated_setting_defaults_true_for_2018_only() -> None:
    for year, rated in ((2018, True), (2021, False)):
        m = member_facts("qd132-hd21", year, tinh_trang="dinh_chi")
        reasons = list(r132.not_rated(m))
        assert (reasons == []) is rated, year
        if not rated:
            assert reasons[0].not_rated is NotRated.SUSPENDED
    m = member_facts("qd132-hd21", 2018, {"suspended_rated": False}, tinh_trang="dinh_chi")
    assert [r.rule for r in r132.not_rated(m)] == ["132-M7"]
