"""Issue 10 item 5 for the rating stage: no module of generator/rules/ over 400 lines, no
function over 80, and one rule test module per ruleset module."""

from __future__ import annotations

import ast
from pathlib import Path

RULES = Path(__file__).resolve().parents[3] / "generator" / "rules"
HERE = Path(__file__).resolve().parent


def test_modules_and_functions_are_small() -> None:
    long_modules, long_functions = [], []
    for path in sorted(RULES.glob("*.py")):
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > 400:
            long_modules.append(path.name)
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > 80:
                    long_functions.append(f"{path.name}:{node.name} ({length})")
    assert (long_modules, long_functions) == ([], [])


def test_one_rule_test_module_per_ruleset_module() -> None:
    modules = [*sorted(p.stem for p in RULES.glob("qd*.py")), "pending"]
    missing = [m for m in modules if not (HERE / f"test_{m}.py").is_file()]
    assert missing == []
