"""The command line speaks Vietnamese to its users: every option's value has a Vietnamese
name in the help (not argparse's English YEAR, OUT, ORG_TYPE...), and a whole number given
as something else is said so in Vietnamese (a new user's trial)."""

from __future__ import annotations

import argparse

import pytest

from generator.cli import build_parser, main

# names of values that stay as they are: a Git reference (CI's and maintainers')
KEPT = {"REF"}


def _options(
    parser: argparse.ArgumentParser, name: str = "kiemdiem"
) -> list[tuple[str, argparse.Action]]:
    out = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub, child in action.choices.items():
                out += _options(child, f"{name} {sub}")
        elif action.option_strings and action.nargs != 0:
            out.append((name, action))
    return out


def test_every_option_value_has_a_vietnamese_name() -> None:
    english = [
        (name, action.option_strings[0], action.metavar)
        for name, action in _options(build_parser())
        if action.choices is None
        and (action.metavar is None or (action.metavar.isascii() and action.metavar not in KEPT))
        and action.metavar
        not in {"MA_DANG_VIEN", "MA_CHI_BO", "MA_TO_CHUC", "MA_CAP_TREN", "MA_TO_CHUC_GOC"}
    ]
    assert english == []


def test_a_year_that_is_not_a_number_is_said_in_vietnamese(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["build", "--year", "abc"]) == 2
    err = capsys.readouterr().err
    assert "tham số --year: cần một số nguyên (ví dụ 2025), không phải 'abc'" in err
    assert "invalid" not in err and "(int)" not in err
