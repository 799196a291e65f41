"""The shape of generator/ (issue 10, item 5): no import cycle, no module over 400 lines,
no function over 80 lines.

The graph of imports comes from grimp (the import graph library behind import-linter),
lazy (function-level) imports included, `if TYPE_CHECKING:` imports left out (they never
run). What is still over a limit is listed below, each with the engineer who owns it and
shrinks it; an entry that is no longer over its limit fails the test, so the lists only
get shorter. Nothing new may join them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import grimp
import pytest

GENERATOR = Path(__file__).resolve().parents[2] / "generator"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80

# import cycles still there: frozenset of modules -> owner and what to do
KNOWN_CYCLES: dict[frozenset[str], str] = {}
# modules over MAX_MODULE_LINES: path below generator/ -> owner
LARGE_MODULES: dict[str, str] = {}
# functions over MAX_FUNCTION_LINES: "path:qualified name" -> owner
LONG_FUNCTIONS: dict[str, str] = {}


def _cycles(graph: grimp.ImportGraph) -> list[frozenset[str]]:
    """Strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    for start in sorted(graph.modules):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append(
                        (child, iter(sorted(graph.find_modules_directly_imported_by(child))))
                    )
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(frozenset(component))
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for name in ("a", "a.b", "a.c", "a.d"):
        graph.add_module(name)
    graph.add_import(importer="a.b", imported="a.c")
    graph.add_import(importer="a.c", imported="a.d")
    graph.add_import(importer="a.d", imported="a.b")
    graph.add_import(importer="a", imported="a.b")
    assert _cycles(graph) == [frozenset({"a.b", "a.c", "a.d"})]


def test_no_import_cycle() -> None:
    graph = grimp.build_graph("generator", exclude_type_checking_imports=True)
    cycles = _cycles(graph)
    new = [sorted(c) for c in cycles if c not in KNOWN_CYCLES]
    assert not new, f"import cycles in generator/: {new}"
    gone = [sorted(c) for c in KNOWN_CYCLES if c not in cycles]
    assert not gone, f"no longer a cycle, remove from KNOWN_CYCLES: {gone}"


def _modules() -> list[tuple[str, str]]:
    return [
        (path.relative_to(GENERATOR).as_posix(), path.read_text("utf-8"))
        for path in sorted(GENERATOR.rglob("*.py"))
    ]


def test_no_module_over_400_lines() -> None:
    sizes = {rel: len(text.splitlines()) for rel, text in _modules()}
    over = {rel: n for rel, n in sizes.items() if n > MAX_MODULE_LINES}
    assert not {rel: n for rel, n in over.items() if rel not in LARGE_MODULES}
    stale = [rel for rel in LARGE_MODULES if rel not in over]
    assert not stale, f"now under {MAX_MODULE_LINES} lines, remove from LARGE_MODULES: {stale}"


def _functions(rel: str, text: str) -> dict[str, int]:
    out: dict[str, int] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = f"{prefix}{child.name}"
                if not isinstance(child, ast.ClassDef):
                    assert child.end_lineno is not None
                    out[f"{rel}:{name}"] = child.end_lineno - child.lineno + 1
                visit(child, name + ".")

    visit(ast.parse(text), "")
    return out


def test_no_function_over_80_lines() -> None:
    lengths = {k: v for rel, text in _modules() for k, v in _functions(rel, text).items()}
    over = {name: n for name, n in lengths.items() if n > MAX_FUNCTION_LINES}
    assert not {name: n for name, n in over.items() if name not in LONG_FUNCTIONS}
    stale = [name for name in LONG_FUNCTIONS if name not in over]
    assert not stale, f"now under {MAX_FUNCTION_LINES} lines, remove from LONG_FUNCTIONS: {stale}"


@pytest.mark.parametrize("rel", ["check/hints.py"])
def test_split_modules_stay_split(rel: str) -> None:
    # hints.py had two jobs: schema hints (check/schemahints.py), YAML repair
    # (check/yamlrepair.py)
    assert not (GENERATOR / rel).exists()
