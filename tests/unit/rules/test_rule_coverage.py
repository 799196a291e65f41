"""Every rule id of the project's rules reference (docs/quy-tac.md, written from RULES.md
in the project's words) is implemented and named by a test, or listed in the README's
"Not implemented" section with its reason. Reads files of this repository only."""

from __future__ import annotations

import re
from pathlib import Path

from generator.rules import all_rule_ids
from generator.rules.reference import BY_ID, DOC_PATH, render
from generator.rules.registry import REGISTRY

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
ID_RE = re.compile(r"\b(?:1(?:32|24)|366)-[MOL][0-9]+\b|\bX[1-5]\b|\bR0\b")


def _readme_not_implemented() -> dict[str, str]:
    """rule id -> the README row that lists it (section "Not implemented")."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^### Not implemented\n(.*?)(?=^#{2,3} )", text, re.M | re.S)
    assert match, "README.md has no '### Not implemented' section"
    rows: dict[str, str] = {}
    for line in match.group(1).splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            for rule_id in ID_RE.findall(cells[0]):
                rows[rule_id] = line
    return rows


def test_reference_page_is_generated_from_the_table() -> None:
    assert DOC_PATH.read_text(encoding="utf-8") == render(), (
        "docs/quy-tac.md differs from generator/rules/reference.py: "
        "run `python -m generator.rules.reference`"
    )


def test_every_rule_id_is_implemented_or_listed() -> None:
    page = set(ID_RE.findall(DOC_PATH.read_text(encoding="utf-8")))
    assert page == set(BY_ID) and len(page) > 50
    implemented = set(all_rule_ids())
    listed = _readme_not_implemented()
    missing = sorted(page - implemented - set(listed))
    assert not missing, f"neither implemented nor listed in README: {missing}"
    for rule_id, row in listed.items():
        reason = row.strip("|").split("|")[-1].strip()
        assert len(reason) > 20, f"README lists {rule_id} without a reason"
    tests = "".join(p.read_text(encoding="utf-8") for p in HERE.glob("test_*.py"))
    untested = sorted(
        i
        for i in implemented & page
        if f'"{i}"' not in tests and f"_{i.replace('-', '_')}_" not in tests and i not in listed
    )
    assert not untested, f"implemented but no test names them: {untested}"
    unknown = sorted(implemented - page)
    assert not unknown, f"the code cites ids the reference does not have: {unknown}"


def test_every_rule_has_id_citation_and_doc() -> None:
    for spec in REGISTRY.values():
        for r in spec.all_rules():
            assert r.citation and r.doc, (spec.id, r.id)
        for s in spec.settings:
            assert s.doc_vi and s.rule, (spec.id, s.name)


def test_one_rule_id_per_rule() -> None:
    for spec in REGISTRY.values():
        ids = [r.id for r in spec.all_rules()]
        assert len(ids) == len(set(ids)), (spec.id, sorted(i for i in ids if ids.count(i) > 1))
