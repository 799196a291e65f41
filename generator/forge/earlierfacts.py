"""What a member's or an organization's earlier files tell about them this year, for
`kiemdiem new` and `kiemdiem new year` (generator.forge.scaffold writes them into the new
file; generator.forge.newyear carries the organization tree).

Only who they are is carried, never how their year went: the newest earlier file that
loads into a mapping gives its one-line facts; a value with a line break or a control
character is left for the author to write again. Nothing here writes a file.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from generator.submissions import layout
from generator.submissions.yamlload import loads

# what a member's earlier review tells about them this year (form order): who they are,
# never the committee's facts of that year (`x-pham-vi: cap-uy`: discipline, degradation,
# leave, internal note), which are each year's own (RULES 366-M4, 366-M7, 366-M8) and the
# committee's to write: carried, they would be the member's to commit, and the pull-request
# lock (generator.forge.committee, `auth-committee-field`) refuses a member writing them
MEMBER_FACTS = ("ho_ten", "loai_dang_vien", "ngay_sinh", "ngay_vao_dang", "chuc_vu")
# what an organization's earlier file tells about it this year: who it is, not how its
# year went (targets, scores, review, self-rating, discipline are each year's own; so is
# `ke_thua_tu`, which names the year before's organizations a reorganized one continues)
ORG_FACTS = ("ten", "phan_loai", "ngay_thanh_lap")
# its leadership, offered commented out: a leader named before their own file is in would
# be reported as unknown (`ref-unknown-member`) on the first member's pull request
LEADERSHIP = ("bi_thu", "pho_bi_thu", "cap_uy_vien")


def one_line(value: Any) -> bool:
    """A fact written back on one `key: value` line: a string without line breaks or
    control characters (a value that is not is left for the author to write again)."""
    return isinstance(value, str) and not any(
        unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in value
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


def earlier_facts(repo: Path, member_id: str, before_year: int) -> tuple[int, dict[str, Any]]:
    """(year, facts) from the member's newest review before `before_year`; (0, {}) if none."""
    year, data = _earlier_data(
        repo, before_year, layout.Kind.MEMBER, lambda f: f.path.endswith(f"/{member_id}.yaml")
    )
    return year, facts_of(data, MEMBER_FACTS)


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
