"""How a year's search is split into Pagefind bundles, so that what one query downloads
and what a rebuild indexes again stay bounded whatever the year's size.

Pagefind's metadata file, which every query loads whole, holds a few bytes per record,
and a common word's index chunk holds its hits over every record: one index with a record
per member grows with the year (~1 MB per query at 100,000 members). So a year has:

- the names bundle (`pagefind/`, the primary one, with Pagefind's script and wasm): one
  small record per organization (name, type, superior) and the root organization's own
  record;
- name buckets (`pagefind/ten/<n>-<part>/`): one small record per member (name,
  position, organization), the members spread over 2 x members/`limit` buckets or more
  (a power of two: `buckets_for`) by their given name (the last word of the name, folded;
  so many buckets that a bucket mostly holds one given name). A bucket is split into
  ceil(size / (2 x `limit`)) parts (a names record costs Pagefind half a full one) by
  the member's family name (the first word, folded: `family_name`), since one common
  given name can hold thousands. A query of two words or more loads one part: that of
  its first word in the bucket of its last word ("do van thanh" -> thanh's bucket, do's
  part), so a name typed as family + given name is found in the whole year and a query
  loads about 2 x `limit` names whatever the year's size; a one-word query loads no
  bucket (a given name alone would need every part of it). A rebuild indexes again only
  the part of the member who changed: a member's part moves only when their family or
  given name changes, or when their bucket's part count does (every part of that bucket
  is then indexed again);
- the pages bundle (`pagefind/trang/`): the ordinary pages (home, statistics, rules...);
- full-text shards (`pagefind/phan/<id>/`): every organization's and member's full record
  (review text, result), split by the units under the root — a unit is a top-level
  subtree, or, when one holds more than `limit` members, each of its children's subtrees
  (and its own record), recursively; neighbouring small units are packed into one shard
  of at most `limit` members (ending, once half full, at units their key's hash picks:
  `_cut`).

The search box (site_templates/assets/kiemdiem-search.js) searches the names and pages
bundles and the name part a query of two words or more picks with the shard of the unit
of the page the reader is on (another shard, or all of them merged with Pagefind's
`mergeIndex`, when the reader chooses); `phan.json` tells it each bucket's part count and
parts, the shards' folders and how many files (`don-vi/<k>.json`, by the unit id's hash:
`unit_files`) say which unit is in which shard, so that a query loads the few its page's
units need, not every unit's id (207 KB at 500,000 members); the shards' labels, for the
list of scopes only, are in `phan-ten.json` (`labels`), which a query does not wait for.
Each bundle is rebuilt only when its records changed.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
from dataclasses import dataclass, field

from generator.site.views import YearView
from generator.submissions.records import Organization
from generator.vietnamese import fold

# members per full-text shard and names per name bucket's part, at most (one huge chi bộ
# apart): what one changed member costs to index again (Pagefind: ~1 ms a full record)
SHARD_MEMBERS = 1000
# a year of at most this many members is one bundle of full records (every chi bộ's site,
# most committees'): one Pagefind process
SINGLE_MEMBERS = 5000
MANIFEST = "phan.json"  # in pagefind/: the shards and which unit is in which
SHARDS_DIR = "phan"
PAGES_DIR = "trang"
NAMES_DIR = "ten"
UNITS_DIR = "don-vi"  # in pagefind/: <k>.json, which shard the units of hash k are in
LABELS = "phan-ten.json"  # in pagefind/: each shard's label, for the scope list only
UNIT_FILE_UNITS = 128  # units in one of those files, at most (about: half as many on average)
_WORD = re.compile(r"[^\W_]+")


@dataclass
class Shard:
    id: str
    units: list[str] = field(default_factory=list)  # the units' organization ids
    orgs: list[str] = field(default_factory=list)  # whose full records it holds
    members: int = 0
    names: list[str] = field(default_factory=list)  # the units' names (its label)


@dataclass
class _Unit:
    key: str  # organization id: its pages (and its descendants' unless keys) map here
    orgs: list[str]
    members: int
    name: str


def _counts(view: YearView) -> tuple[dict[str, int], dict[str, int]]:
    """Members listed directly by each organization, and in its whole subtree."""
    own = {
        node.org.id: len(view.member_ids_of(node.org.id)) if node.org.type.holds_members else 0
        for node in view.tree()
    }
    below = dict(own)
    for node in reversed(view.tree()):  # children before parents
        parent = node.org.parent_id
        if parent in below:
            below[parent] += below[node.org.id]
    return own, below


def _subtree(view: YearView, org: Organization) -> list[str]:
    out = [org.id]
    for child in view.children(org.id):
        out += _subtree(view, child)
    return out


def _units(view: YearView, limit: int) -> tuple[list[_Unit], str]:
    """The units in tree order, and the id of the root when its own record is not in one
    (it goes with the names)."""
    root = view.root
    if root is None:  # no tree: every organization in one unit
        orgs = [node.org.id for node in view.tree()]
        members = sum(
            len(view.member_ids_of(o)) for o in orgs if view.year.orgs[o].type.holds_members
        )
        return ([_Unit(orgs[0], orgs, members, "")] if orgs else []), ""
    own, below = _counts(view)
    units: list[_Unit] = []

    def split(org: Organization, top: bool) -> None:
        children = view.children(org.id)
        if not children or (not top and below[org.id] <= limit):
            units.append(_Unit(org.id, _subtree(view, org), below[org.id], org.name))
            return
        if not top:  # its own record (and members it lists itself)
            units.append(_Unit(org.id, [org.id], own[org.id], org.name))
        for child in children:
            split(child, False)

    split(root, True)
    root_alone = root.id if not any(u.key == root.id for u in units) else ""
    return units, root_alone


def _cut(unit: _Unit, filled: int, limit: int) -> bool:
    """Whether a shard holding `filled` members ends before `unit`: when the unit would
    overfill it, or, once it holds half its members, at a unit its key's hash picks (with
    a chance of one per limit/2 of the unit's members). A unit that grows or shrinks then
    moves the shards' ends only until the next unit its hash picks: packing by size alone
    once moved every later shard's units (all indexed again) when one unit got one member
    more in a full shard."""
    if filled and filled + unit.members > limit:
        return True
    if filled < limit // 2 or not unit.members:
        return False
    pick = int.from_bytes(hashlib.sha256(unit.key.encode()).digest()[:8], "big")
    return pick % max(1, limit // 2) < unit.members


def plan(view: YearView, limit: int = SHARD_MEMBERS) -> tuple[list[Shard], str]:
    """The year's full-text shards, and the root's id when its record goes with the names
    bundle ("" when a shard holds it). Packing is in tree order, a shard ending where
    `_cut` says, so a shard's id (from its first unit) stays the same while the units'
    sizes do, and mostly when one changes."""
    units, root_alone = _units(view, limit)
    shards: list[Shard] = []
    waiting: list[_Unit] = []  # an upper organization's own record: goes with its first child
    for unit in units:
        if not unit.members and unit is not units[-1]:
            waiting.append(unit)
            continue
        if not shards or _cut(unit, shards[-1].members, limit):
            first = waiting[0] if waiting else unit
            digest = hashlib.sha256(first.key.encode()).hexdigest()[:12]
            shards.append(Shard(f"p-{digest}"))
        shard = shards[-1]
        for u in [*waiting, unit]:
            shard.units.append(u.key)
            shard.orgs += u.orgs
            shard.members += u.members
            if u.name:
                shard.names.append(u.name)
        waiting = []
    return shards, root_alone


def buckets_for(members: int, limit: int = SHARD_MEMBERS) -> int:
    """How many name buckets a year of `members` members has (0: a year of one shard
    keeps its names in its one bundle): a power of two of at least 2 x members/`limit`,
    so it changes (and every name is indexed again) only when the year doubles, not
    each `limit` members added."""
    if members <= limit:
        return 0
    return _power_of_two(2 * math.ceil(members / limit))


def part_names(limit: int = SHARD_MEMBERS) -> int:
    """Names in a name bucket's part, about (a names record is half a full one's work)."""
    return 2 * limit


def given_name(name: str) -> str:
    """The word a member's name bucket is chosen by: the last word of the name, folded
    ("Đỗ Văn Thành" -> "thanh"). Folding is per character, so that is the last word of
    the last space-separated piece that has one (each piece folded once per process)."""
    for piece in reversed(name.split()):
        words = _words_of(piece)
        if words:
            return words[-1]
    return ""


def family_name(name: str) -> str:
    """The word a member's part in their bucket is chosen by: the first word of the name,
    folded as `given_name` ("Đỗ Văn Thành" -> "do")."""
    for piece in name.split():
        words = _words_of(piece)
        if words:
            return words[0]
    return ""


@functools.lru_cache(maxsize=4096)
def _words_of(piece: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(piece)))


def bucket_of(word: str, buckets: int) -> int:
    """FNV-1a (32 bits) of the folded word's UTF-8, modulo `buckets`: the search box
    computes the same for each word of a query."""
    h = 0x811C9DC5
    for byte in word.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h % buckets


def name_parts(
    keys: list[tuple[str, str]], buckets: int, limit: int
) -> tuple[list[tuple[int, int]], list[int]]:
    """Each member's (bucket, part) from (family name, given name), and each bucket's part
    count: the bucket by the given name (`bucket_of`), the part by the family name among
    the bucket's ceil(size / `limit`) parts (the search box picks the same from a query's
    first and last words), so a member stays in their part while their names and their
    bucket's part count stay the same."""
    chosen = [bucket_of(given, buckets) for _, given in keys]
    sizes = [0] * buckets
    for b in chosen:
        sizes[b] += 1
    counts = [-(-size // limit) for size in sizes]
    placed = [
        (b, bucket_of(family, counts[b])) for (family, _), b in zip(keys, chosen, strict=True)
    ]
    return placed, counts


def parts_of(placed: list[tuple[int, int]], buckets: int) -> list[list[int]]:
    """The parts each bucket has, those a member is in (none: no member's given name
    falls in it; a part no member's family name picks is not made either)."""
    parts: list[set[int]] = [set() for _ in range(buckets)]
    for b, part in placed:
        parts[b].add(part)
    return [sorted(p) for p in parts]


def part_dir(bucket: int, part: int) -> str:
    """A name bucket's part's folder under pagefind/ (the search box makes the same)."""
    return f"{NAMES_DIR}/{bucket}-{part}"


def unit_file_count(units: int) -> int:
    """How many files say which unit is in which shard (0: no shards): a power of two of
    at least 2 x units/`UNIT_FILE_UNITS` (so a file holds about half that on average and
    rarely more than it), so the files change (every one written again) only when the
    number of units doubles."""
    if not units:
        return 0
    return _power_of_two(math.ceil(2 * units / UNIT_FILE_UNITS))


def _power_of_two(at_least: int) -> int:
    """The smallest power of two >= `at_least` (>= 1): how many name buckets or unit files
    there are, so that their number changes only when the year doubles."""
    return 1 << (at_least - 1).bit_length()


def _unit_shards(shards: list[Shard]) -> dict[str, int]:
    return {unit: i for i, s in enumerate(shards) for unit in s.units}


def unit_files(shards: list[Shard]) -> dict[str, str]:
    """The files under pagefind/ that say which shard each unit is in: `don-vi/<k>.json`,
    {unit id: shard index} for the units whose id `bucket_of` puts in file k of
    `unit_file_count` (the search box computes the same for the organization ids of the
    page the reader is on). Every file is made, an empty one as `{}`."""
    units = _unit_shards(shards)
    count = unit_file_count(len(units))
    files: list[dict[str, int]] = [{} for _ in range(count)]
    for unit, index in units.items():
        files[bucket_of(unit, count)][unit] = index
    return {
        f"{UNITS_DIR}/{k}.json": json.dumps(f, ensure_ascii=False, separators=(",", ":"))
        for k, f in enumerate(files)
    }


def labels(shards: list[Shard]) -> str:
    """`phan-ten.json`: each shard's label for the list of scopes under the search box, in
    the manifest's order (first unit's name, units, members); loaded when that list is
    filled, not before a query (its 644 shards' labels were ~50 KB of the manifest at
    500,000 members)."""
    data = [{"ten": s.names[:1], "so_don_vi": len(s.names), "dang_vien": s.members} for s in shards]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def side_files(shards: list[Shard]) -> dict[str, str]:
    """The search box's files beside the manifest, by their path under pagefind/: which
    unit is in which shard (`unit_files`) and the shards' labels (`labels`); none for a
    year of one bundle."""
    return {**unit_files(shards), **({LABELS: labels(shards)} if shards else {})}


def manifest(
    shards: list[Shard],
    buckets: int = 0,
    parts: list[list[int]] | None = None,
    counts: list[int] | None = None,
) -> str:
    """`phan.json`: each shard's id and folder (its label is in `labels`); how many name
    buckets there are, each one's part count (`so_phan`: the search box picks a query's
    part with it) and parts made (folders `ten/<n>-<part>/`); how many files say which
    unit is in which shard (`unit_files`: `don_vi.so`, 0 for no shards). Every query
    loads it whole: at 500,000 members each unit's id was 207 KB of it and the shards'
    labels ~50 KB, before they went to `unit_files` and `labels`."""
    data = {
        "trang": f"{PAGES_DIR}/" if shards else None,  # one bundle: the pages are in it
        "ten": {
            "so": buckets,
            "duong_dan": f"{NAMES_DIR}/",
            "so_phan": counts or [0] * buckets,
            "phan": parts or [[] for _ in range(buckets)],
        },
        "phan": [{"id": s.id, "duong_dan": f"{SHARDS_DIR}/{s.id}/"} for s in shards],
        "don_vi": {
            "so": unit_file_count(len(_unit_shards(shards))),
            "duong_dan": f"{UNITS_DIR}/",
        },
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
