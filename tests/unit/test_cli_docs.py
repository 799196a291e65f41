"""Every command has Vietnamese help and is documented in the README (STYLE.md habits)."""

from __future__ import annotations

import argparse

import pytest

from generator.cli import COMMANDS, build_parser, main
from tests.conftest import ROOT


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_is_registered() -> None:
    assert sorted(_subcommands()) == sorted(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([name, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"cách dùng: kiemdiem {name}")
    assert "tùy chọn:" in out
    assert f"`kiemdiem {name}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "LỆNH" in capsys.readouterr().out


def test_rollup_help_does_not_call_its_counts_anonymous(capsys: pytest.CaptureFixture[str]) -> None:
    """A chi bộ's count of 1 (`dinh_chi: 1`) beside its public member list names the member:
    the help says who may receive the file, not that it holds no personal data."""
    assert main(["rollup", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "không có dữ liệu cá nhân" not in out
    assert "không có tên hay mã đảng viên; số liệu nhỏ vẫn có thể nhận ra người" in out
    assert "chỉ gửi cho cấp ủy có thẩm quyền, không đăng công khai" in out
    assert main(["--help"]) == 0
    listing = " ".join(capsys.readouterr().out.split())
    assert "số liệu nhỏ vẫn có thể nhận ra người" in listing
