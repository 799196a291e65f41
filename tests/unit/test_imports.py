"""Every module of the package imports on its own, first (no import cycle that only works
in one order: `generator.privacy.verdicts` imported before `generator.rules` used to fail)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

PROBE = """
import importlib, pkgutil, sys
import generator
names = [m.name for m in pkgutil.walk_packages(generator.__path__, "generator.")
         if not m.name.endswith(".__main__")]  # runs the command line
failed = []
for name in names:
    for loaded in [m for m in sys.modules if m == "generator" or m.startswith("generator.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed.append(f"{name}: {type(exc).__name__}: {exc}")
print(len(names))
print("\\n".join(failed))
"""


def test_every_module_imports_first() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    count, *failed = done.stdout.splitlines()
    assert int(count) > 100
    assert [line for line in failed if line] == []
