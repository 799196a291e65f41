"""Which folders get a broken chi bộ's site (generator.site.deciders.broken_chi_bo): a chi
bộ whose to-chuc.yaml did not load, named by its folder — never a name another
organization's site has (its findings would be shown to that chi bộ's readers), nor one
two broken folders share, nor a đảng bộ's folder (organizations below it)."""

from __future__ import annotations

from pathlib import Path

from generator.check import load_year
from generator.privacy import Scope
from generator.site.audiences import Audience, audiences_of
from generator.site.deciders import broken_chi_bo
from tests.unit.rules.tree import Tree, schemas

RULESET = "qd366-hd43"


def _broken(tree: Tree, org_id: str, parent: str) -> None:
    tree.chi_bo(org_id, parent)
    path = tree.paths[org_id] / "to-chuc.yaml"
    path.write_text(path.read_text("utf-8").replace("chi_bo_truc_thuoc", "chi_bo_sai"), "utf-8")


def test_only_a_chi_bo_named_by_no_other_folder_gets_a_site(tmp_path: Path) -> None:
    t = Tree(tmp_path, 2025, RULESET)
    t.dang_bo_co_so("db")
    t.dang_bo_co_so("db2")
    t.chi_bo("cb-a", "db")
    t.member("cb-a", "dv-1")
    _broken(t, "cb-b", "db")  # a chi bộ with members: its site
    t.member("cb-b", "dv-2")
    _broken(t, "cb-e", "db")  # no member yet, nothing below: a chi bộ too
    _broken(t, "cb-a", "db2")  # a loaded organization's name
    _broken(t, "cb-c", "db")  # a name two broken folders share
    _broken(t, "cb-c", "db2")
    year, _ = load_year(tmp_path, 2025, schemas=schemas())
    assert broken_chi_bo(year) == {"cb-b": "huyen/db/cb-b", "cb-e": "huyen/db/cb-e"}
    sites = audiences_of(year, {Scope.CHI_BO})
    assert Audience(Scope.CHI_BO, "cb-b") in sites and Audience(Scope.CHI_BO, "cb-e") in sites
    assert [a.org_id for a in sites].count("cb-a") == 1


def test_a_broken_dang_bo_with_organizations_below_gets_none(tmp_path: Path) -> None:
    t = Tree(tmp_path, 2025, RULESET)
    t.dang_bo_co_so("db")
    t.chi_bo("cb-a", "db")
    path = t.paths["db"] / "to-chuc.yaml"
    path.write_text(path.read_text("utf-8").replace("dang_bo_co_so", "dang_bo_sai"), "utf-8")
    year, _ = load_year(tmp_path, 2025, schemas=schemas())
    assert "db" not in broken_chi_bo(year)
