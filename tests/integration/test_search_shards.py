"""The year's search split into bundles (issue 11 item 3; generator.site.search_layout,
generator.site.indexer): names, pages and full-text shards by unit, each indexed again
only when its records changed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.site import search_layout
from generator.site.build import YearResult, build_year_site
from generator.site.search import FOLDED_MARK, read_bundle
from generator.site.views import YearView
from generator.vietnamese import fold
from tests.integration.test_site_data import make_findings, make_verdicts, make_year

ROOT = Path(__file__).resolve().parents[2]
SHARD = 10  # members per shard: each đảng bộ xã of 10 members is its own shard
CHANGED = "dv-100017"  # in the second đảng bộ xã
PHRASE = "nuôi tôm công nghệ cao trên cát"


def _view(overrides: dict | None = None) -> YearView:
    year = make_year(2025, grassroots=3, chi_bo_per=2, members_per=5, member_overrides=overrides)
    return YearView(year, make_verdicts(year), make_findings(year))


def _build(view: YearView, base: Path, static: str | None = "same") -> YearResult:
    return build_year_site(
        view, ROOT, base / "work" / "docs", base / "site", static=static, search_shard_members=SHARD
    )


def unit_shard(index: Path, manifest: dict[str, Any], unit: str) -> int | None:
    """The shard `unit` is in, read as the search box reads it: from the file its id's
    hash picks among `don_vi.so` (None: not in it)."""
    units = manifest["don_vi"]
    path = index / units["duong_dan"] / f"{search_layout.bucket_of(unit, units['so'])}.json"
    shard = json.loads(path.read_text("utf-8")).get(unit)
    return shard if isinstance(shard, int) else None


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    base = tmp_path_factory.mktemp("shards")
    first = _build(_view(), base)
    index = base / "site" / "pagefind"
    manifest = json.loads((index / search_layout.MANIFEST).read_text("utf-8"))
    before = {s["id"]: _files(index / s["duong_dan"]) for s in manifest["phan"]}
    names_before = _files(index / "fragment")
    buckets_before = _files(index / "ten")
    own_before = {  # the search box's own files (manifest, labels, which unit is in which shard)
        rel: stat
        for rel, stat in _files(index).items()
        if rel in (search_layout.MANIFEST, search_layout.LABELS)
        or rel.startswith(f"{search_layout.UNITS_DIR}/")
    }
    overrides = {CHANGED: {"kiem_diem": {"uu_diem": f"Vận động {PHRASE}.", "han_che": "Chưa."}}}
    second = _build(_view(overrides), base)
    return {"base": base, "index": index, "manifest": manifest, "first": first,
            "second": second, "before": before, "names_before": names_before,
            "buckets_before": buckets_before, "own_before": own_before}  # fmt: skip


def test_a_year_with_several_units_has_a_shard_per_unit(built) -> None:
    manifest = built["manifest"]
    shards = manifest["phan"]
    # the manifest every query loads has each shard's folder; its label is beside it
    assert [sorted(s) for s in shards] == [["duong_dan", "id"]] * 3
    labels = json.loads((built["index"] / search_layout.LABELS).read_text("utf-8"))
    assert [s["ten"] for s in labels] == [[f"Đảng bộ xã Số {g}"] for g in (1, 2, 3)]
    assert [s["dang_vien"] for s in labels] == [10, 10, 10]
    assert [s["so_don_vi"] for s in labels] == [1, 1, 1]
    # every unit, the đảng bộ xã, maps to its shard; the root is in none (names bundle):
    # in one file of three units, not in the manifest every query loads
    assert manifest["don_vi"] == {"so": 1, "duong_dan": "don-vi/"}
    index = built["index"]
    assert [unit_shard(index, manifest, f"dang-bo-xa-{g}") for g in (1, 2, 3)] == [0, 1, 2]
    assert unit_shard(index, manifest, "huyen-mau") is None
    assert sorted(p.name for p in (index / "don-vi").iterdir()) == ["0.json"]
    # names, pages, each name bucket's parts, 3 shards
    parts = [part for bucket in manifest["ten"]["phan"] for part in bucket]
    assert len(built["first"].search.bundles) == 2 + len(parts) + 3
    # each member's full record is in its unit's shard and nowhere else
    for g, shard in enumerate(shards, 1):
        records = read_bundle(built["index"] / shard["duong_dan"])
        members = {r["url"].split("#")[1] for r in records if "#" in r["url"]}
        assert members == {f"dv-{100000 + n}" for n in range(10 * g - 9, 10 * g + 1)}
        assert all(r["url"].startswith(("to-chuc/dang-bo-xa-", "to-chuc/chi-bo-")) for r in records)
        # a merged bundle carries only its index: the script and wasm are the primary's
        assert not list((built["index"] / shard["duong_dan"]).glob("*.js"))


def test_names_are_in_the_bucket_of_their_given_name(built) -> None:
    index = built["index"]
    view = _view()
    names = json.loads((index / search_layout.MANIFEST).read_text("utf-8"))["ten"]
    # 2 x members / SHARD or more, a power of two: a bucket mostly holds one given name
    assert names["so"] == 8
    seen: dict[str, int] = {}
    for bucket in range(8):
        in_bucket: dict[str, int] = {}
        for part in names["phan"][bucket]:
            records = read_bundle(index / "ten" / f"{bucket}-{part}")
            assert 0 < len(records) <= 2 * SHARD + 4  # ~2 x SHARD names a part (by a hash)
            for record in records:
                member = view.year.members[str(record["url"]).split("#")[1]]
                assert record["meta"]["title"] == member.name
                assert "Kết quả" not in record["content"]  # names only: the review's in a shard
                given = search_layout.given_name(member.name)
                assert bucket == search_layout.bucket_of(given, 8), (member.name, bucket)
                assert member.id not in seen
                seen[member.id] = bucket
                in_bucket[member.id] = part
        # a bucket of more than 2 x SHARD names is in parts, each member's by their family
        # name (test_search_reuse.py grows one; test_a_bucket_is_in_parts_by_family_name)
        count = -(-len(in_bucket) // (2 * SHARD))
        assert names["so_phan"][bucket] == count
        for m, p in in_bucket.items():
            family = search_layout.family_name(view.year.members[m].name)
            assert p == search_layout.bucket_of(family, count), m
        assert len(names["phan"][bucket]) == len(set(in_bucket.values()))
    assert set(seen) == set(view.year.members)
    assert len(set(seen.values())) > 1  # the buckets share the members
    # đ folded: a name with Đ carries its d form
    for record in read_bundle(index / "ten"):
        if "Đ" in record["meta"]["title"] or "đ" in record["meta"]["title"]:
            assert FOLDED_MARK in record["content"]
    # the primary bundle: each organization's name, and the root's full record
    primary = [r for r in read_bundle(index / "fragment")]
    kinds = {r["url"]: r["meta"]["kd_kind"] for r in primary}
    assert kinds["to-chuc/huyen-mau/"] == "to-chuc"
    assert kinds["to-chuc/chi-bo-1-1/"] == "ten-to-chuc"
    assert len(kinds) == len(view.year.orgs)


def test_one_changed_member_reindexes_only_their_shard(built) -> None:
    index, manifest = built["index"], built["manifest"]
    second = built["second"]
    shard = manifest["phan"][1]
    assert second.search.indexed == [shard["id"]]
    after = {s["id"]: _files(index / s["duong_dan"]) for s in manifest["phan"]}
    for other in (manifest["phan"][0], manifest["phan"][2]):
        assert after[other["id"]] == built["before"][other["id"]], other["ten"]
    assert after[shard["id"]] != built["before"][shard["id"]]
    assert _files(index / "fragment") == built["names_before"]  # names kept
    assert _files(index / "ten") == built["buckets_before"]
    # the search box's own files, unchanged, are not written again (nor linked anew)
    own = built["own_before"]
    assert set(own) == {"phan.json", "phan-ten.json", "don-vi/0.json"}, own
    assert {rel: _files(index)[rel] for rel in own} == own
    records = read_bundle(index / shard["duong_dan"])
    record = next(r for r in records if r["url"].endswith(f"#{CHANGED}"))
    assert PHRASE in record["content"]


def test_force_indexes_every_bundle(built, tmp_path: Path) -> None:
    base = built["base"]
    result = _build(_view(), base, static=None)
    manifest = built["manifest"]
    parts = [f"ten-{b}-{p}" for b, ps in enumerate(manifest["ten"]["phan"]) for p in ps]
    assert sorted(result.search.indexed) == sorted(
        ["chung", "trang", *parts, *(s["id"] for s in manifest["phan"])]
    )


def test_the_manifest_names_a_shard_by_its_first_unit() -> None:
    shard = search_layout.Shard(
        "p-1", ["a", "b", "c"], ["a", "b", "c"], 7, ["Xã A", "Xã B", "Xã C"]
    )
    data = json.loads(
        search_layout.manifest([shard, search_layout.Shard("p-2")], 2, [[0, 1], []], [3, 0])
    )
    assert data["phan"][0] == {"id": "p-1", "duong_dan": "phan/p-1/"}
    assert json.loads(search_layout.labels([shard, search_layout.Shard("p-2")])) == [
        {"ten": ["Xã A"], "so_don_vi": 3, "dang_vien": 7},
        {"ten": [], "so_don_vi": 0, "dang_vien": 0},
    ]
    assert data["don_vi"] == {"so": 1, "duong_dan": "don-vi/"}
    assert search_layout.unit_files([shard, search_layout.Shard("p-2", ["d"])]) == {
        "don-vi/0.json": '{"a":0,"b":0,"c":0,"d":1}'
    }
    assert data["ten"] == {"so": 2, "duong_dan": "ten/", "so_phan": [3, 0], "phan": [[0, 1], []]}


def test_each_unit_is_in_the_file_its_hash_picks() -> None:
    """5,949 units (as at 500,000 members) were 207 KB of the manifest every query loads:
    they are in files of at most ~128 units, a power of two of them, each unit in the
    one `bucket_of` its id picks (the search box computes the same)."""
    shards = [
        search_layout.Shard(f"p-{i}", [f"dang-bo-xa-{i}-{u}" for u in range(6)])
        for i in range(1000)
    ]
    files = search_layout.unit_files(shards)
    data = json.loads(search_layout.manifest(shards))
    assert data["don_vi"] == {"so": 128, "duong_dan": "don-vi/"}
    assert "dang-bo-xa-" not in json.dumps(data)  # no unit id in the manifest
    assert sorted(files) == sorted(f"don-vi/{k}.json" for k in range(128))
    found: dict[str, int] = {}
    for rel, text in files.items():
        k = int(rel.removeprefix("don-vi/").removesuffix(".json"))
        units = json.loads(text)
        assert len(units) <= 128, rel
        assert all(search_layout.bucket_of(u, 128) == k for u in units), rel
        found.update(units)
    assert found == {u: i for i, s in enumerate(shards) for u in s.units}
    # a few units: one file
    assert search_layout.unit_file_count(64) == 1 and search_layout.unit_file_count(65) == 2
    assert search_layout.unit_files([]) == {}


def test_plan_splits_a_huge_unit_by_its_children() -> None:
    view = _view()
    # 5 members per shard: each đảng bộ xã (10) is split into its chi bộ (5 each)
    shards, root_alone = search_layout.plan(view, 5)
    assert root_alone == "huyen-mau"
    units = [u for s in shards for u in s.units]
    assert "chi-bo-2-1" in units and "chi-bo-2-2" in units
    assert max(s.members for s in shards) == 5
    # the đảng bộ xã's own record travels with its first chi bộ
    owner = next(s for s in shards if "dang-bo-xa-2" in s.orgs)
    assert "chi-bo-2-1" in owner.orgs
    # a small year is one shard
    assert len(search_layout.plan(view)[0]) == 1


def test_a_small_year_is_one_bundle_of_full_records(tmp_path: Path) -> None:
    view = _view()
    site = tmp_path / "site"
    result = build_year_site(view, ROOT, tmp_path / "work" / "docs", site)
    assert len(result.search.bundles) == 1 and result.search.indexed == ["chung"]
    index = site / "pagefind"
    assert not (index / search_layout.SHARDS_DIR).exists()
    assert not (index / search_layout.PAGES_DIR).exists()
    manifest = json.loads((index / search_layout.MANIFEST).read_text("utf-8"))
    assert manifest == {
        "trang": None,
        "ten": {"so": 0, "duong_dan": "ten/", "so_phan": [], "phan": []},
        "phan": [],
        "don_vi": {"so": 0, "duong_dan": "don-vi/"},
    }
    assert not (index / search_layout.UNITS_DIR).exists()
    assert not (index / search_layout.LABELS).exists()
    urls = {r["url"] for r in read_bundle(index)}
    assert {f"to-chuc/chi-bo-1-1/#dv-{100000 + n}" for n in range(1, 6)} <= urls
    assert "huong-dan/" in urls


def test_sharded_records_hold_hostile_text_as_shown_text(tmp_path: Path) -> None:
    from generator.invisible import INVISIBLE_RE

    hostile = "Nguyễn <img src=x onerror=alert(1)> \u202egnp.exe\u202c\u200b"
    view = _view(
        {CHANGED: {"ho_ten": hostile, "kiem_diem": {"uu_diem": f"<script>x</script>{hostile}"}}}
    )
    _build(view, tmp_path)
    index = tmp_path / "site" / "pagefind"
    records = read_bundle(index)
    assert len({r["url"] for r in records}) > 30  # names, buckets, pages and shards
    for record in records:  # invisible characters spelled out, as the pages show them
        assert not INVISIBLE_RE.search(json.dumps(record, ensure_ascii=False)), record["url"]
    mine = [r for r in records if str(r["url"]).endswith(f"#{CHANGED}")]
    assert len(mine) == 2  # the name bucket's record and the shard's
    for record in mine:  # the text as submitted (the search box puts it in as text)
        assert "<img src=x onerror=alert(1)>" in record["meta"]["title"]
        assert "⟦U+202E⟧gnp.exe" in record["meta"]["title"]


def test_a_unit_growing_by_one_member_moves_few_shards() -> None:
    """30 đảng bộ xã of 10 members, 40 members a shard: packing by size alone filled each
    shard exactly, so one member more anywhere moved every later shard's units (140 shards
    changed over these 30 cases, 8 at most); ends the units' hashes pick resynchronize."""
    year = make_year(2025, grassroots=30, chi_bo_per=2, members_per=5)

    def shards() -> set[tuple[str, tuple[str, ...]]]:
        view = YearView(year, make_verdicts(year), make_findings(year))
        return {(s.id, tuple(s.orgs)) for s in search_layout.plan(view, 40)[0]}

    before = shards()
    assert 8 <= len(before) <= 15
    moved = []
    for g in range(1, 31):
        year.orgs[f"chi-bo-{g}-1"].member_ids.append("dv-999999")
        moved.append(len(shards() - before))
        year.orgs[f"chi-bo-{g}-1"].member_ids.remove("dv-999999")
    assert max(moved) <= 5 and sum(moved) <= 50, moved


def test_a_bucket_is_in_parts_by_family_name() -> None:
    """One given name for 60 members with 6 family names, 20 names a part: 3 parts, each
    member in the part their family name picks (the search box picks the same from a
    query's first word), whatever their id; the part count is each bucket's."""
    families = ["Nguyễn", "Trần", "Lê", "Phạm", "Đỗ", "Vũ"]
    names = [f"{families[i % 6]} Văn Thành" for i in range(60)] + ["Hồ Thị Lan"]
    keys = [(search_layout.family_name(n), search_layout.given_name(n)) for n in names]
    assert keys[4] == ("do", "thanh") and keys[-1] == ("ho", "lan")
    placed, counts = search_layout.name_parts(keys, 4, 20)
    thanh, lan = search_layout.bucket_of("thanh", 4), search_layout.bucket_of("lan", 4)
    assert counts[thanh] == 3 and counts[lan] == 1 and sum(counts) == 4
    for name, (bucket, part) in zip(names, placed, strict=True):
        family = fold(name.split()[0])
        given = search_layout.given_name(name)
        assert (bucket, part) == (
            search_layout.bucket_of(given, 4),
            search_layout.bucket_of(family, counts[bucket]),
        ), name
    # namesakes of one family share a part, so "do van thanh" needs one part of thanh's
    by_family: dict[str, set[int]] = {}
    for (family, _), (_, part) in zip(keys, placed, strict=True):
        by_family.setdefault(family, set()).add(part)
    assert all(len(parts) == 1 for parts in by_family.values()), by_family
    assert len({part for parts in by_family.values() for part in parts}) > 1  # spread
    # the manifest carries each bucket's part count beside the parts made
    parts = search_layout.parts_of(placed, 4)
    data = json.loads(search_layout.manifest([], 4, parts, counts))
    assert data["ten"]["so_phan"] == counts and data["ten"]["phan"] == parts


def test_the_family_name_is_the_first_word_folded() -> None:
    assert search_layout.family_name("Đỗ Văn Thành") == "do"
    assert search_layout.family_name("  «Đặng»-Thị Đào") == "dang"
    assert search_layout.family_name("") == ""


def test_the_unit_files_are_written_when_changed_and_the_stale_ones_removed(
    tmp_path: Path,
) -> None:
    from generator.site.bundle_files import write_manifest

    index = tmp_path / "pagefind"
    write_manifest(
        index,
        {
            "phan.json": "{}",
            "phan-ten.json": "[]",
            "don-vi/0.json": '{"a":0}',
            "don-vi/1.json": "{}",
        },
    )
    kept = (index / "don-vi/0.json").stat()
    # fewer files: the one no longer listed goes, an unchanged one stays the same file
    write_manifest(
        index, {"phan.json": '{"x":1}', "phan-ten.json": "[]", "don-vi/0.json": '{"a":0}'}
    )
    assert sorted(p.name for p in (index / "don-vi").iterdir()) == ["0.json"]
    again = (index / "don-vi/0.json").stat()
    assert (again.st_ino, again.st_mtime_ns) == (kept.st_ino, kept.st_mtime_ns)
    assert (index / "phan.json").read_text("utf-8") == '{"x":1}'
    # one bundle now (no shards): no unit files, no folder, no labels
    write_manifest(index, {"phan.json": "{}"})
    assert not (index / "don-vi").exists() and not (index / "phan-ten.json").exists()
