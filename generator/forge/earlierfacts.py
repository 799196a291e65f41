"""What a member's or an organization's earlier files tell about them this year, for
`kiemdiem new` and `kiemdiem new year` (generator.forge.scaffold writes them into the new
file; generator.forge.newyear carries the organization tree).

Only who they are and what still holds is carried, never how their year went: the newest
earlier file that loads into a mapping gives its one-line facts (and a member's standing
facts, STANDING_FACTS, with last year's shortcomings section to quote); a value with a line
break, a control character or an invisible one (generator.invisible: zero-width, bidi
override…, which `check` warns of as `text-invisible`) is left for the author to write
again. Nothing here writes a
file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.invisible import INVISIBLE_RE
from generator.submissions import layout
from generator.submissions.yamlload import loads

# what a member's earlier review tells about them this year (form order): who they are,
# never the committee's facts of that year (`x-pham-vi: cap-uy`: discipline, degradation,
# leave, internal note), which are each year's own (RULES 366-M4, 366-M7, 366-M8) and the
# committee's to write: carried, they would be the member's to commit, and the pull-request
# lock (generator.forge.committee, `auth-committee-field`) refuses a member writing them
MEMBER_FACTS = ("ho_ten", "loai_dang_vien", "ngay_sinh", "ngay_vao_dang", "chuc_vu")
# what still holds until it changes (RULES 366-M9, "Not reviewed, not rated"): an exemption
# from work and activity (tinh_trang: mien_sinh_hoat), temporary activity at another chi bộ
# while it lasts (its place; whether this year's comments came is this year's own), the
# role group (366-M6). Each is `x-pham-vi` chi-bo or to-chuc: the member's file may hold
# it. A suspension (dinh_chi) is time-limited, a disciplinary measure: not carried
STANDING_FACTS = ("tinh_trang", "sinh_hoat_tam_thoi", "nhom_vai_tro")
STANDING_STATUS = ("mien_sinh_hoat", "sinh_hoat_tam_thoi")
# a role group's code (schema: nhom_vai_tro), and a setting's name (generator.forge.yearfile)
CODE = re.compile(r"[a-z][a-z0-9_]*")
# at most this many lines of last year's shortcomings are quoted
QUOTED_LINES = 15
QUOTED_WIDTH = 200
# what an organization's earlier file tells about it this year: who it is, not how its
# year went (targets, scores, review, self-rating, discipline are each year's own; so is
# `ke_thua_tu`, which names the year before's organizations a reorganized one continues)
ORG_FACTS = ("ten", "phan_loai", "ngay_thanh_lap")
# its leadership, offered commented out: a leader named before their own file is in would
# be reported as unknown (`ref-unknown-member`) on the first member's pull request
LEADERSHIP = ("bi_thu", "pho_bi_thu", "cap_uy_vien")


def one_line(value: Any) -> bool:
    """A fact written back on one `key: value` line: a string without line breaks,
    control characters or invisible ones (INVISIBLE_RE, `text-invisible`); a value that is
    not is left for the author to write again."""
    return (
        isinstance(value, str)
        and not any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in value)
        and not INVISIBLE_RE.search(value)
    )


def facts_of(data: dict[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    """The one-line facts among `keys` of an earlier record's data."""
    return {k: data[k] for k in keys if one_line(data.get(k))}


def org_facts(data: dict[str, Any]) -> dict[str, Any]:
    """An organization's facts from its earlier to-chuc.yaml data; its leadership under
    `lanh_dao`, members' ids only."""
    facts = facts_of(data, ORG_FACTS)
    lead = data.get("lanh_dao")
    if isinstance(lead, dict):
        known: dict[str, Any] = {}
        for key in LEADERSHIP:
            value = lead.get(key)
            ids = value if isinstance(value, list) else [value]
            ids = [m for m in ids if isinstance(m, str) and layout.ID_RE.fullmatch(m)]
            if ids:
                known[key] = ids if isinstance(value, list) else ids[0]
        if known:
            facts["lanh_dao"] = known
    return facts


def file_data(repo: Path, rel: str, *, despite_controls: bool = False) -> dict[str, Any]:
    """The mapping the YAML file at `rel` holds; {} when it cannot be read or holds none.
    `despite_controls`: also a file with a control character (`yamlload.loads`), whose
    values the caller filters (`one_line`)."""
    try:
        loaded = loads((repo / rel).read_bytes(), despite_controls=despite_controls)
    except OSError:
        return {}
    data = loaded.document.data if loaded.document else None
    return data if isinstance(data, dict) else {}


def _earlier_data(
    repo: Path,
    before_year: int,
    kind: layout.Kind,
    match: Callable[[layout.SubmissionFile], bool],
) -> tuple[int, dict[str, Any]]:
    """(year, data) of the newest file of `kind` before `before_year` that `match`es and
    whose YAML loads into a mapping; (0, {}) if none."""
    for year in reversed([y for y in layout.years(repo) if y < before_year]):
        for f in layout.walk_year(repo, year):
            if f.kind is kind and match(f):
                # facts with a control character are left to write again (one_line)
                loaded = loads((repo / f.path).read_bytes(), despite_controls=True)
                data = loaded.document.data if loaded.document else None
                if isinstance(data, dict):
                    return year, data
    return 0, {}


@dataclass
class EarlierMember:
    """What a member's newest earlier review tells the new one (`kiemdiem new member`)."""

    year: int = 0
    facts: dict[str, Any] = field(default_factory=dict)  # MEMBER_FACTS
    standing: dict[str, Any] = field(default_factory=dict)  # STANDING_FACTS that still hold
    # a status of that year not carried (dinh_chi), for a note
    status_not_carried: str = ""
    # the lines of that year's "Hạn chế, khuyết điểm" section (kiem_diem.han_che), cleaned
    # for a YAML comment; its `han_che_truoc` counts (pointed out, remedied) if stated
    shortcomings: list[str] = field(default_factory=list)
    counts: tuple[int, int] | None = None
    # that year's file had `can_bo_cong_chuc` (366-M10): its agency's name when one clean
    # line (`one_line`), else ""; None without the block. The level is each year's own
    agency: str | None = None


def comment_lines(text: str) -> list[str]:
    """`text` as lines safe inside YAML comments: split at every line break YAML knows,
    without control, format (bidi) or separator characters; blank lines dropped."""
    out = []
    for line in text.splitlines():
        kept = "".join(
            c for c in line if unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp")
        ).strip()
        if kept:
            out.append(kept if len(kept) <= QUOTED_WIDTH else kept[: QUOTED_WIDTH - 1] + "…")
    return out


def _standing(data: dict[str, Any]) -> tuple[dict[str, Any], str]:
    out: dict[str, Any] = {}
    status = data.get("tinh_trang")
    if status in STANDING_STATUS:
        out["tinh_trang"] = status
    temporary = data.get("sinh_hoat_tam_thoi")
    if status == "sinh_hoat_tam_thoi" and isinstance(temporary, dict):
        place = temporary.get("don_vi")
        if isinstance(place, str) and one_line(place) and place.strip():
            out["sinh_hoat_tam_thoi"] = {"don_vi": place}
    group = data.get("nhom_vai_tro")
    if isinstance(group, str) and CODE.fullmatch(group):
        out["nhom_vai_tro"] = group
    return out, status if status == "dinh_chi" else ""


def earlier_member(repo: Path, member_id: str, before_year: int) -> EarlierMember:
    """What the member's newest review before `before_year` tells (EarlierMember())."""
    year, data = _earlier_data(
        repo, before_year, layout.Kind.MEMBER, lambda f: f.path.endswith(f"/{member_id}.yaml")
    )
    standing, not_carried = _standing(data)
    out = EarlierMember(year, facts_of(data, MEMBER_FACTS), standing, not_carried)
    review = data.get("kiem_diem")
    text = review.get("han_che") if isinstance(review, dict) else None
    out.shortcomings = comment_lines(text) if isinstance(text, str) else []
    counts = data.get("han_che_truoc")
    if isinstance(counts, dict):
        pointed, remedied = counts.get("so_da_chi_ra"), counts.get("so_da_khac_phuc")
        if type(pointed) is int and type(remedied) is int:
            out.counts = (pointed, remedied)
    civil = data.get("can_bo_cong_chuc")
    if isinstance(civil, dict):
        name = civil.get("co_quan")
        out.agency = name.strip() if isinstance(name, str) and one_line(name) else ""
    return out


def earlier_org_facts(repo: Path, org_id: str, before_year: int) -> tuple[int, dict[str, Any]]:
    """(year, facts) from the organization's newest to-chuc.yaml before `before_year` (the
    organization of that id, wherever it was in that year's tree); (0, {}) if none."""
    year, data = _earlier_data(
        repo,
        before_year,
        layout.Kind.ORG,
        lambda f: layout.org_id_of_folder(f.org_folder or "") == org_id,
    )
    return year, org_facts(data)
