"""The site's templates are compiled once, not once per process (generator.site.shared.
disk_bytecode): a one-file rebuild at province size is a new process, and compiling
Material's and our templates again was ~1 s of it."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from generator.site import render
from generator.site.shared import _MemoryBytecode, disk_bytecode
from tests.conftest import ROOT

PAGES = ROOT / "site_templates" / "pages"


def _env(cache: jinja2.BytecodeCache | None) -> jinja2.Environment:
    """A new environment like the site's (its filters), as a new process makes it."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(PAGES)), bytecode_cache=cache)
    site = render.environment(ROOT / "site_templates")
    env.filters.update(site.filters)
    env.globals.update(site.globals)
    return env


def _no_compile(env: jinja2.Environment, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(env, "compile", refuse)


def test_a_new_environment_reuses_what_an_earlier_one_compiled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert disk_bytecode() is not None
    assert render.environment(ROOT / "site_templates").bytecode_cache is not None
    _env(disk_bytecode()).get_template("org.md.j2")  # as an earlier process did
    later = _env(disk_bytecode())
    _no_compile(later, monkeypatch)
    later.get_template("org.md.j2")
    # the theme's cache (one per process) reads the same folder
    theme = _env(_MemoryBytecode())
    _no_compile(theme, monkeypatch)
    theme.get_template("org.md.j2")


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    (tmp_path / "t.j2").write_text("one {{ x }}", "utf-8")
    loader = jinja2.FileSystemLoader(str(tmp_path))
    first = jinja2.Environment(loader=loader, bytecode_cache=disk_bytecode())
    assert first.get_template("t.j2").render(x=1) == "one 1"
    (tmp_path / "t.j2").write_text("two {{ x }}", "utf-8")
    later = jinja2.Environment(loader=loader, bytecode_cache=disk_bytecode())
    assert later.get_template("t.j2").render(x=2) == "two 2"


def test_environments_with_other_settings_do_not_share_code(tmp_path: Path) -> None:
    (tmp_path / "t.j2").write_text("{% if x %}\n  a\n{% endif %}\n", "utf-8")
    loader = jinja2.FileSystemLoader(str(tmp_path))
    plain = jinja2.Environment(loader=loader, bytecode_cache=disk_bytecode())
    assert plain.get_template("t.j2").render(x=1) == "\n  a\n"
    trimmed = jinja2.Environment(
        loader=loader, bytecode_cache=disk_bytecode(), trim_blocks=True, lstrip_blocks=True
    )
    assert trimmed.get_template("t.j2").render(x=1) == "  a\n"
    theme = jinja2.Environment(
        loader=loader, bytecode_cache=_MemoryBytecode(), trim_blocks=True, lstrip_blocks=True
    )
    assert theme.get_template("t.j2").render(x=1) == "  a\n"
