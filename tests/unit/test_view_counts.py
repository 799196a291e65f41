"""A view's member lists and counts, worked out once per organization
(generator.site.counts), equal what walking every subtree anew gave — kept here as the
reference — on the sample and on a synthetic year with broken files and proposals that
name members without a file."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator import synthetic
from generator.pipeline import Pipeline
from generator.site import rating
from generator.site.views import Progress, YearView
from generator.submissions.enums import FileState
from tests.conftest import ROOT


def _ids_of(view: YearView, org_id: str) -> list[str]:
    org = view.year.orgs[org_id]
    ids = list(org.member_ids)
    ids += [m for m in view.year.broken_members.get(org_id, []) if m not in ids]
    proposals = view.year.proposals.get(org_id)
    if proposals is not None:
        ids += [p.member_id for p in proposals.items if p.member_id not in ids]
    return ids


def _count_below(view: YearView, org_id: str) -> int:
    org = view.year.orgs[org_id]
    total = len(_ids_of(view, org_id)) if org.type.holds_members else 0
    for child in view.year.descendants(org_id):
        if child.type.holds_members:
            total += len(_ids_of(view, child.id))
    return total


def _progress(view: YearView, org_id: str) -> Progress:
    org = view.year.orgs[org_id]
    ids = [
        m
        for o in [org, *view.year.descendants(org_id)]
        if o.type.holds_members
        for m in _ids_of(view, o.id)
    ]
    submitted = drafts = proposed = decided = 0
    verdicts = view.verdicts.members if view.verdicts else {}
    for member_id in ids:
        member = view.year.members.get(member_id)
        if member is not None:
            if member.state is FileState.DRAFT:
                drafts += 1
            else:
                submitted += 1
        verdict = verdicts.get(member_id)
        if verdict is not None:
            proposed += verdict.proposed is not None
            decided += verdict.decided is not None
    missing = len(ids) - submitted - drafts
    return Progress(org, len(ids), submitted, drafts, missing, proposed, decided)


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Broken member files, a draft, and proposals naming members without a file."""
    root = tmp_path_factory.mktemp("counts") / "repo"
    synthetic.generate(root, year=2025, ruleset="qd366-hd43", grassroots=3, chi_bo=8, members=120)
    shutil.copytree(ROOT / "schema", root / "schema")
    base = root / "submissions" / "2025"
    members = sorted(base.rglob("dang-vien/*.yaml"))
    members[0].write_text("ho_ten: [không đóng\n", encoding="utf-8")  # a broken file
    members[1].unlink()  # its proposal now names a member without a file
    text = members[2].read_text("utf-8")
    members[2].write_text(text.replace("hoan_thanh\n", "nhap\n"), "utf-8")
    proposals = sorted(base.rglob("de-xuat.yaml"))[-1]
    text = proposals.read_text("utf-8")
    first = re.search(r"^  - ma_dang_vien: .*?(?=^  - |\Z)", text, re.M | re.S)
    assert first is not None
    extra = first.group(0).replace(first.group(0).split("\n")[0], "  - ma_dang_vien: dv-chua-co")
    proposals.write_text(text + extra * 2, "utf-8")  # named twice, no file
    return root


@pytest.mark.parametrize("which", ["province", "sample"])
def test_counts_equal_walking_every_subtree(which: str, request: pytest.FixtureRequest) -> None:
    repo = ROOT if which == "sample" else request.getfixturevalue(which)
    views = rating.views(Pipeline(repo, cache=False).rate())
    checked = 0
    for view in views.values():
        for org_id, org in view.year.orgs.items():
            assert view.member_ids_of(org_id) == _ids_of(view, org_id)
            assert view.count_below(org_id) == _count_below(view, org_id)
            checked += org.type.holds_members
        assert [p for p in view.progress()] == [_progress(view, o.id) for o in view.grassroots()]
        root = view.root
        assert view.progress_total() == (_progress(view, root.id) if root else None)
    assert checked > 5
    if which == "province":
        view = views[2025]
        total = view.progress_total()
        assert total is not None and total.drafts >= 1 and total.missing >= 2
