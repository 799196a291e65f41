"""A rebuild's search bundles are those of a build from nothing (generator.site.indexer):
a bundle whose key (its records and the code that writes them) is unchanged is kept, any
other indexed again — checked on many kinds of edits made one after another, each time
against a fresh build of the same view, file for file. And a changed member re-indexes
only the bundles that hold them.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.rules.base import YearVerdicts
from generator.site import search, search_layout
from generator.site.indexer import Indexer, index_year
from generator.site.render import paginate_year
from generator.site.search import IndexResult
from generator.site.views import YearView
from generator.submissions.records import Level, MemberReview
from generator.submissions.year import Year
from tests.integration.test_search_shards import unit_shard
from tests.integration.test_site_data import make_findings, make_verdicts, make_year

SHARD = 10  # members per shard and names per name part: each đảng bộ xã is a shard
MEMBER = "dv-100017"  # in chi-bo-2-2, đảng bộ xã 2


# every file byte for byte: the records' fragments, the words' index chunks, the metadata
# and the entry that names it, keys, the manifest, the script (Pagefind's files are named
# by hashes of their bytes; a filter's would not be: generator.site.search.record_item)


def _entry(path: Path) -> bytes:
    """A bundle's entry file, once the metadata it names is checked to be there and to
    count the bundle's records."""
    data = path.read_bytes()
    for language in json.loads(data)["languages"].values():
        assert (path.parent / f"pagefind.{language['hash']}.pf_meta").is_file(), path
        assert language["page_count"] == len(list(path.parent.glob("fragment/*"))), path
    return data


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): (
            _entry(path) if path.name == "pagefind-entry.json" else path.read_bytes()
        )
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _index(view: YearView, base: Path, reuse: bool) -> tuple[IndexResult, dict[str, bytes]]:
    paginate_year(view)  # the members' pages, which the records link
    site = base / "site"
    (site / "pagefind").mkdir(parents=True, exist_ok=True)
    # the rebuilds are fed by a forked process, the fresh builds by a thread: both compared
    result = index_year(view, site, base / "work", reuse=reuse, shard_members=SHARD, separate=reuse)
    return result, _tree(site / "pagefind")


def _member(year: Year, member_id: str) -> MemberReview:
    return year.members[member_id]


def _rename(name: str) -> Callable[[Year, YearVerdicts], None]:
    def edit(year: Year, verdicts: YearVerdicts) -> None:
        _member(year, MEMBER).name = name

    return edit


def _review(text: str) -> Callable[[Year, YearVerdicts], None]:
    def edit(year: Year, verdicts: YearVerdicts) -> None:
        member = _member(year, MEMBER)
        member.review = dataclasses.replace(member.review, strengths=text)

    return edit


def _position(year: Year, verdicts: YearVerdicts) -> None:
    _member(year, MEMBER).position_title = "Phó Bí thư chi bộ"


def _level(year: Year, verdicts: YearVerdicts) -> None:
    verdicts.members[MEMBER].decided = Level.KHTNV
    verdicts.members[MEMBER].decided_by = "Quyết định số 15-QĐ/ĐU"


def _org_name(year: Year, verdicts: YearVerdicts) -> None:
    year.orgs["chi-bo-2-2"].name = "Chi bộ ấp Mới"


def _root_review(year: Year, verdicts: YearVerdicts) -> None:
    root = year.orgs["huyen-mau"]
    root.review = dataclasses.replace(root.review, direction="Tập trung chuyển đổi số.")


def _move(year: Year, verdicts: YearVerdicts) -> None:
    """The member moves to a chi bộ of đảng bộ xã 3 (another shard)."""
    year.orgs["chi-bo-2-2"].member_ids.remove(MEMBER)
    year.orgs["chi-bo-3-1"].member_ids.append(MEMBER)
    _member(year, MEMBER).org_id = "chi-bo-3-1"
    verdicts.members[MEMBER].org_id = "chi-bo-3-1"


def _remove(year: Year, verdicts: YearVerdicts) -> None:
    year.orgs["chi-bo-1-1"].member_ids.remove("dv-100002")
    del year.members["dv-100002"]
    del verdicts.members["dv-100002"]


def _add(year: Year, verdicts: YearVerdicts) -> None:
    member = dataclasses.replace(_member(year, "dv-100003"), id="dv-200001", name="Hồ Văn Mới")
    year.members[member.id] = member
    year.orgs[member.org_id].member_ids.append(member.id)
    verdicts.members[member.id] = dataclasses.replace(
        verdicts.members["dv-100003"], subject_id=member.id
    )


def _many_namesakes(year: Year, verdicts: YearVerdicts) -> None:
    """Every other member's given name becomes Khải: their bucket gets more parts."""
    for member in year.members.values():
        if member.id != MEMBER:
            member.name = f"{member.name.rsplit(' ', 1)[0]} Khải"


EDITS: list[tuple[str, Callable[[Year, YearVerdicts], None]]] = [
    ("review text", _review("Vận động bà con nuôi tôm công nghệ cao trên cát.")),
    ("given name", _rename("Đặng Thị Đào")),
    ("family name only", _rename("Bùi Thị Đào")),
    ("position", _position),
    ("result decided", _level),
    ("hostile text", _review("<script>x</script>\u202egnp.exe\u202c\u200b a\x07b")),
    ("chi bộ's name", _org_name),
    ("root's review", _root_review),
    ("moved to another unit", _move),
    ("member removed", _remove),
    ("a bucket grows parts", _many_namesakes),
    ("a member added", _add),
]


@pytest.fixture(scope="module")
def steps(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    """The edits applied one after another; after each, the kept-and-reindexed bundles
    and a fresh build of the same view."""
    base = tmp_path_factory.mktemp("reuse")
    year = make_year(2025, grassroots=3, chi_bo_per=2, members_per=5)
    verdicts = make_verdicts(year)
    findings = make_findings(year)
    _index(YearView(year, verdicts, findings), base / "kept", reuse=True)
    out = []
    for i, (label, edit) in enumerate(EDITS):
        before = json.loads((base / "kept/site/pagefind/phan.json").read_text("utf-8"))
        before["unit_2"] = unit_shard(base / "kept/site/pagefind", before, "dang-bo-xa-2")
        edit(year, verdicts)
        result, kept = _index(YearView(year, verdicts, findings), base / "kept", reuse=True)
        fresh_result, fresh = _index(
            YearView(year, verdicts, findings), base / f"fresh-{i}", reuse=False
        )
        out.append({"label": label, "result": result, "kept": kept, "fresh": fresh,
                    "fresh_result": fresh_result, "before": before})  # fmt: skip
    return out


@pytest.mark.parametrize("step", range(len(EDITS)), ids=[label for label, _ in EDITS])
def test_a_rebuild_is_a_fresh_build(steps: list[dict[str, object]], step: int) -> None:
    done = steps[step]
    result, fresh_result = done["result"], done["fresh_result"]
    assert isinstance(result, IndexResult) and isinstance(fresh_result, IndexResult)
    kept, fresh = done["kept"], done["fresh"]
    assert isinstance(kept, dict) and isinstance(fresh, dict)
    assert sorted(kept) == sorted(fresh)
    assert [name for name in kept if kept[name] != fresh[name]] == []
    assert result.bundles == fresh_result.bundles
    # something was indexed again, not everything
    assert 0 < len(result.indexed) < len(result.bundles), result.indexed


def _holding(manifest: dict[str, Any], member_id: str, name: str) -> set[str]:
    """The bundles holding `member_id` named `name` (a name part and a shard)."""
    bucket = search_layout.bucket_of(search_layout.given_name(name), manifest["ten"]["so"])
    part = search_layout.bucket_of(
        search_layout.family_name(name), manifest["ten"]["so_phan"][bucket]
    )
    shard = manifest["phan"][manifest["unit_2"]]["id"]  # đảng bộ xã 2's, before the edit
    return {f"ten-{bucket}-{part}", shard}


def test_a_changed_member_reindexes_only_the_bundles_holding_them(
    steps: list[dict[str, Any]],
) -> None:
    by_label = {s["label"]: s for s in steps}
    review = by_label["review text"]
    shard = review["before"]["phan"][review["before"]["unit_2"]]["id"]
    assert review["result"].indexed == [shard]
    position = by_label["position"]
    manifest = position["before"]
    holding = _holding(manifest, MEMBER, "Bùi Thị Đào")
    assert sorted(position["result"].indexed) == sorted(holding)
    # a new given name: the old name's part, the new one's and the shard
    renamed = by_label["given name"]
    old_name = make_year(2025, grassroots=3, chi_bo_per=2, members_per=5).members[MEMBER].name
    assert search_layout.given_name(old_name) != "dao"
    expected = _holding(renamed["before"], MEMBER, old_name)
    expected |= _holding(renamed["before"], MEMBER, "Đặng Thị Đào")
    assert sorted(renamed["result"].indexed) == sorted(expected)


def test_a_bucket_of_many_namesakes_is_in_parts(steps: list[dict[str, Any]]) -> None:
    grown = next(s for s in steps if s["label"] == "a bucket grows parts")
    before, after = grown["before"], json.loads(grown["kept"]["phan.json"])
    bucket = search_layout.bucket_of("khai", after["ten"]["so"])
    assert len(before["ten"]["phan"][bucket]) <= 1
    assert len(after["ten"]["phan"][bucket]) > 1
    assert after["ten"]["so"] == before["ten"]["so"]
    parts = {f"ten-{bucket}-{p}" for p in after["ten"]["phan"][bucket]}
    assert parts <= set(grown["result"].indexed)


def test_a_failure_in_the_feeding_process_fails_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    year = make_year(2025, grassroots=3, chi_bo_per=2, members_per=5)
    view = YearView(year, make_verdicts(year), make_findings(year))
    paginate_year(view)

    def broken(view: YearView, orgs: list[str]) -> list[object]:
        raise ValueError("a shard that cannot be made")

    monkeypatch.setattr(search, "shard_records", broken)
    indexer = Indexer(view, tmp_path / "work", shard_members=SHARD)
    assert indexer.child is not None  # a forked process feeds a year of several bundles
    with pytest.raises(RuntimeError, match="a shard that cannot be made"):
        indexer.finish(tmp_path / "site")
    # a build that fails elsewhere stops the feeding process
    monkeypatch.undo()
    indexer = Indexer(view, tmp_path / "work", shard_members=SHARD)
    pid = indexer.child.pid if indexer.child else 0
    indexer.abandon()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)  # already waited for
