"""The command line imports only the command it runs (generator.cli.build_parser): a
`kiemdiem check` on every pull request need not load MkDocs, the site's builder and the
preview server (~0.3 s of each run)."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from generator.cli import COMMANDS, _command_in, build_parser
from tests.conftest import ROOT

_PROBE = (
    "import sys\n"
    "from generator.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "heavy = sorted(m for m in ('mkdocs', 'generator.site.build', 'generator.commands.build',"
    " 'generator.commands.serve') if m in sys.modules)\n"
    "print(code, heavy)\n"
)


def _probe(*argv: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *argv], cwd=ROOT, capture_output=True, text=True
    )
    return done.stdout.strip().splitlines()[-1]


def test_a_check_loads_no_site_builder() -> None:
    assert _probe("--repo", str(ROOT), "check", "submissions/tai-khoan.yaml") == "0 []"


def test_a_build_still_loads_what_it_runs() -> None:
    out = _probe("build", "--help")
    assert out.startswith("0 [") and "'generator.commands.build'" in out and "mkdocs" in out


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["check"], "check"),
        (["--repo", "x", "--debug", "stats", "-o", "a.csv"], "stats"),
        (["--repo=x", "build", "--year", "2025"], "build"),
        (["--help"], None),
        ([], None),
        (["kiem-tra"], None),
        (["--repo"], None),
    ],
)
def test_the_command_is_read_from_the_words_before_it(argv: list[str], command: str | None) -> None:
    assert _command_in(argv) == command


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def test_every_command_is_still_named_and_parsed_whole_when_chosen() -> None:
    whole = _commands(build_parser())
    for name in COMMANDS:
        chosen = _commands(build_parser([name, "--help"]))
        assert sorted(chosen) == sorted(COMMANDS)
        assert chosen[name].format_help() == whole[name].format_help()
