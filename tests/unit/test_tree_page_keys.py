"""A tree page's key (generator.site.incremental.tree_page_key) depends on the rows' values
alone, not on whether the organizations share one OrgType object.

Organizations read from their files in one run share their type's object (and its code);
read back from .kiemdiem-cache/ they share it by chunk, and one read again after an edit has
its own. With pickle's memo the codes were written as references in one case and in full
in the other: a comment added to a chi bộ's file rendered the tree's page again.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

from generator.orgtypes import OrgType, Tier
from generator.site import incremental, paging
from generator.site.views import YearView


def _type(code: str = "chi_bo") -> OrgType:
    # strings made each time (equal, distinct objects), as a record read on its own holds
    return OrgType("".join(code), "".join(["Chi ", "bộ"]), Tier.BELOW, True)


def _key(kinds: list[OrgType]) -> str:
    root = SimpleNamespace(id="db", name="Đảng bộ", type=OrgType("dang_bo", "Đảng bộ", Tier.ABOVE))
    orgs = [SimpleNamespace(id=f"cb-{i}", name=f"Chi bộ {i}", type=k) for i, k in enumerate(kinds)]
    view = cast(
        YearView,
        SimpleNamespace(
            org_verdict=lambda org_id: None,
            decider=lambda org_id: SimpleNamespace(body=root),
            count_below=lambda org_id: 3,
            structure=lambda: [],
        ),
    )
    nodes = [SimpleNamespace(org=org, depth=1) for org in orgs]
    pages = paging.paginate(nodes, "to-chuc/index.md", paging.ROWS_PER_PAGE)
    return incremental.tree_page_key(view, b"frame", pages[0], pages)


def test_a_tree_page_key_does_not_depend_on_which_orgs_share_a_type() -> None:
    shared = _type()
    assert _key([shared, shared, shared]) == _key([_type(), _type(), _type()])
    assert _key([shared, shared, shared]) == _key([shared, _type(), shared])


def test_it_still_reads_the_type() -> None:
    shared = _type()
    assert _key([shared, shared, shared]) != _key([shared, _type("to_dang"), shared])
