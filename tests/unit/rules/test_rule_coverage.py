"""Every rule id of RULES.md is implemented (and cited by a test) or listed as not
implemented, with its reason."""

from __future__ import annotations

import re
from pathlib import Path

from generator.rules import REGISTRY, all_rule_ids

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
RULES_MD = next(
    (
        p
        for p in (
            ROOT / "RULES.md",
            ROOT / "docs" / "RULES.md",
            ROOT.parent / "shared" / "RULES.md",
        )
        if p.is_file()
    ),
    None,
)
ID_RE = re.compile(r"\b(?:1(?:32|24)|366)-[MOL][0-9]+\b|\bX[1-5]\b|\bR0\b")


def test_every_rule_id_is_implemented_or_listed() -> None:
    if RULES_MD is None:
        import pytest

        pytest.skip("RULES.md not found")
    spec = set(ID_RE.findall(RULES_MD.read_text(encoding="utf-8")))
    implemented = set(all_rule_ids())
    listed = set(ID_RE.findall((ROOT / "generator/rules/NOT_IMPLEMENTED.md").read_text()))
    tests = "".join(p.read_text(encoding="utf-8") for p in HERE.glob("test_*.py"))
    missing = sorted(spec - implemented - listed)
    assert not missing, f"neither implemented nor listed: {missing}"
    untested = sorted(
        i
        for i in implemented & spec
        if f'"{i}"' not in tests and f"_{i.replace('-', '_')}_" not in tests and i not in listed
    )
    assert not untested, f"implemented but no test names them: {untested}"


def test_every_rule_has_id_citation_and_doc() -> None:
    for spec in REGISTRY.values():
        for r in spec.all_rules():
            assert r.citation and r.doc, (spec.id, r.id)
        for s in spec.settings:
            assert s.doc_vi and s.rule, (spec.id, s.name)
