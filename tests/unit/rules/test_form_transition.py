"""RULES.md R0 and §6 case 38: the transition out of `pending` (generator/rules/form.py).

While pending, a file marked complete must hold every section of the official form (a
warning); a draft may be partial. Once a ruleset applies — named by the year, or with
`--ruleset` before it is — each draft is told exactly what it must add (a warning) and a
complete file lacking it is an error. An empty value is "trống", never `None`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.check import load_year
from generator.findings import Finding, Severity
from tests.unit.rules.tree import Tree, schemas


def _edit(path: Path, drop: tuple[str, ...] = (), **set_: Any) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in drop:
        head, _, tail = key.partition(".")
        if tail:
            del data[head][tail]
        else:
            del data[key]
    data.update(set_)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _member_file(t: Tree, org: str, member_id: str) -> Path:
    return t.paths[org] / "dang-vien" / f"{member_id}.yaml"


def _findings(root: Path, year: int, ruleset: str | None = None) -> list[Finding]:
    return load_year(root, year, schemas=schemas(), ruleset=ruleset)[1].findings


def _form(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.code.startswith("form-")]


def _year_2026(root: Path, ruleset: str) -> Tree:
    t = Tree(root, 2026, ruleset)
    t.chi_bo_co_so("cb")
    t.member("cb", "dv-1", "HTTNV")  # complete, as written by the tree
    t.member("cb", "dv-2", "HTTNV")
    _edit(_member_file(t, "cb", "dv-2"), drop=("kiem_diem.phuong_huong", "tu_xep_loai"))
    t.member("cb", "dv-3", None)
    _edit(
        _member_file(t, "cb", "dv-3"),
        drop=("kiem_diem.han_che", "tu_xep_loai"),
        trang_thai_ho_so="nhap",
    )
    return t


def test_pending_complete_file_missing_sections_is_warned(root: Path) -> None:
    t = _year_2026(root, "pending")
    found = _findings(root, 2026)
    assert not [f for f in found if f.severity is Severity.ERROR]
    form = _form(found)
    assert [(f.code, f.path.rsplit("/", 1)[-1]) for f in form] == [("form-incomplete", "dv-2.yaml")]
    f = form[0]
    assert f.severity is Severity.WARNING
    assert "`kiem_diem.phuong_huong`" in f.message and "`tu_xep_loai`" in f.message
    assert "`kiem_diem.uu_diem`" not in f.message and "2 phần" in f.message
    assert t.paths["cb"].exists()


def test_pending_empty_section_is_called_trong(root: Path) -> None:
    t = Tree(root, 2026, "pending")
    t.chi_bo_co_so("cb")
    t.member("cb", "dv-1", "HTTNV")
    path = _member_file(t, "cb", "dv-1")
    text = path.read_text(encoding="utf-8").replace("phuong_huong: Phương hướng.", "phuong_huong:")
    path.write_text(text, encoding="utf-8")
    found = [f for f in _findings(root, 2026) if f.path.endswith("dv-1.yaml")]
    assert found and all("None" not in f.message + f.hint for f in found)
    assert any("trống" in f.message + f.hint for f in found)


def test_case38_drafts_after_the_switch_are_told_what_to_add(root: Path) -> None:
    _year_2026(root, "qd366-hd43")
    found = _findings(root, 2026)
    drafts = [f for f in _form(found) if f.path.endswith("dv-3.yaml")]
    assert [(f.code, f.severity) for f in drafts] == [("form-to-complete", Severity.WARNING)]
    msg = drafts[0].message
    for field in ("`kiem_diem.han_che`", "`tu_xep_loai`", "`diem`"):
        assert field in msg
    assert "3 mục" in msg and "qd366-hd43" in msg
    assert "`kiem_diem.uu_diem`" not in msg
    # the file marked complete is an error under the ruleset, field by field
    errors = [f for f in found if f.path.endswith("dv-2.yaml") and f.severity is Severity.ERROR]
    assert errors and {"phuong_huong", "tu_xep_loai"} <= {
        w for f in errors for w in ("phuong_huong", "tu_xep_loai") if w in f.message
    }
    assert not [f for f in _form(found) if f.path.endswith("dv-1.yaml")]


def test_case38_with_ruleset_option_before_the_year_names_it(root: Path) -> None:
    _year_2026(root, "pending")
    found = _findings(root, 2026, ruleset="qd124-hd25")
    drafts = [f for f in _form(found) if f.path.endswith("dv-3.yaml")]
    assert [f.code for f in drafts] == ["form-to-complete"]
    msg = drafts[0].message
    assert "`tieu_chi.neu_guong`" in msg and "`tu_xep_loai`" in msg and "qd124-hd25" in msg
    assert any(f.severity is Severity.ERROR and f.path.endswith("dv-2.yaml") for f in found)


def test_an_organizations_draft_is_its_committees_to_complete(root: Path) -> None:
    """The collective review (to-chuc.yaml) is written by the organization's committee:
    its form findings are listed for the committee, never for "the member"."""
    t = _year_2026(root, "qd366-hd43")
    _edit(t.paths["cb"] / "to-chuc.yaml", drop=("kiem_diem.han_che",), trang_thai_ho_so="nhap")
    form = _form(_findings(root, 2026))
    assert sorted((f.path.rsplit("/", 1)[-1], f.code, f.actor) for f in form) == [
        ("dv-3.yaml", "form-to-complete", "member"),
        ("to-chuc.yaml", "form-to-complete", "committee"),
    ]
