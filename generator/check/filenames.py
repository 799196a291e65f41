"""File names: what a misnamed file should be called.

A review file's name is its member's id (`dang-vien/dv-101016.yaml`); the other files have
fixed names (`to-chuc.yaml`, `de-xuat.yaml`, `quyet-dinh.yaml`, `nam-danh-gia.yaml`). A
file whose name is only a near miss (`DV-101016.yaml`, `dv-101016.YAML`, `To_Chuc.yaml`)
is told its canonical name, and a member file whose name nearly matches the id inside is
told to rename the file: the hints never suggest deleting data or inventing an id.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.findings import Finding, Position, make
from generator.messages.load import FILE_WHAT_VI, SLOT_VI
from generator.submissions import layout
from generator.submissions.layout import ID_RE, MEMBERS_DIR, SUBMISSIONS, SubmissionFile
from generator.submissions.yamlload import loads
from generator.vietnamese import fold, suggest

_FIXED_NAMES = [layout.ORG_FILE, layout.PROPOSALS_FILE, layout.DECISIONS_FILE, layout.YEAR_FILE]
_SEPARATORS = re.compile(r"[\s_.\-]+")


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def near_miss(name: str, member_id: str) -> bool:
    """`dv101016`, `DV-101016`, `dv_101016` for `dv-101016`: the same id written loosely."""
    return name != member_id and _letters(name) == _letters(member_id)


def member_stem(stem: str) -> str | None:
    """The id a member file name was meant to be (`DV_101016` -> `dv-101016`), or None."""
    candidate = _SEPARATORS.sub("-", fold(stem)).strip("-")
    return candidate if layout.ID_RE.fullmatch(candidate) else None


def _id_inside(repo: Path, file: SubmissionFile) -> str | None:
    """`ma_dang_vien` of a misnamed member file, when the file reads."""
    value = _data(repo, file).get("ma_dang_vien")
    return value if isinstance(value, str) and layout.ID_RE.fullmatch(value) else None


def _member_name(repo: Path, file: SubmissionFile, stem: str) -> str | None:
    inside = _id_inside(repo, file)
    if inside is not None and (near_miss(stem, inside) or stem == inside):
        return f"{inside}.yaml"
    meant = member_stem(stem)
    return f"{meant}.yaml" if meant is not None else None


def unexpected(repo: Path, file: SubmissionFile) -> Finding:
    """The finding for a file that is not part of the layout: where it belongs when its
    name is right but its folder is not, its canonical name when the name is a near miss."""
    name = file.path.rsplit("/", 1)[-1]
    if name.startswith("."):  # a hidden folder or file: never read (issue 9)
        return make("path-name", file.path, Position(1, 1), variant="hidden", name=name)
    stem, dot, ext = name.rpartition(".")
    params: dict[str, Any] = {"name": name}
    yaml = bool(dot) and ext.lower() in ("yaml", "yml")
    if file.year is None:  # outside every year folder (layout.strays)
        if not yaml:
            return _unexpected(file, "outside-other", **params)
        return _misplaced(repo, file, "outside-year", name, stem)
    if not yaml:
        return _unexpected(file, "not-yaml", **params)
    parts = file.path.split("/")
    if MEMBERS_DIR in parts[3:-2]:  # in a subfolder of a chi bộ's dang-vien/
        return _in_members_subfolder(repo, file, name, stem)
    in_members = parts[-2] == MEMBERS_DIR
    if in_members and name in _FIXED_NAMES:  # an organization's file among the reviews
        return _misplaced(repo, file, "misplaced", name, stem)
    if in_members:
        canonical = _member_name(repo, file, stem)
    else:
        meant = suggest(stem, [n.removesuffix(".yaml") for n in _FIXED_NAMES], cutoff=0.75)
        canonical = f"{meant}.yaml" if meant else None
    if canonical == name or (not in_members and canonical is None and _id_inside(repo, file)):
        # the name is right (or a member's review), the folder is not
        return _misplaced(repo, file, "misplaced", name, stem)
    if ext != "yaml":
        variant = "extension"
        canonical = canonical or f"{stem}.yaml"
    else:
        variant = "member-name" if in_members else ""
    hint_key = "rename" if canonical and variant != "extension" else ""
    if canonical and (repo / file.path).with_name(canonical).exists():
        hint_key = "exists"  # renaming would overwrite a file: merge instead
    elif variant == "member-name" and canonical is None:
        # `dv-101011 @x.yaml` saying `ma_dang_vien: dv-101011`: the name the generic hint
        # sends the user to may be taken already (a copy of that review)
        inside = _id_inside(repo, file)
        if inside is not None and (repo / file.path).with_name(f"{inside}.yaml").exists():
            hint_key, canonical = "taken", f"{inside}.yaml"
            params["member"] = inside
    return _unexpected(file, variant, hint_key=hint_key, canonical=canonical, **params)


def _unexpected(file: SubmissionFile, variant: str, **params: Any) -> Finding:
    """`file-unexpected` (in its `variant`) for a whole file: at its first line."""
    return make("file-unexpected", file.path, Position(1, 1), variant=variant, **params)


def _in_members_subfolder(repo: Path, file: SubmissionFile, name: str, stem: str) -> Finding:
    """`.../dang-vien/cu/dv-1.yaml`: the name is fine, the folder is not read."""
    parts = file.path.split("/")
    at = len(parts) - 3 - parts[-3::-1].index(MEMBERS_DIR)  # the innermost dang-vien/
    members = "/".join(parts[: at + 1])
    inside = _id_inside(repo, file)  # `cu/ban-sao.yaml` is dv-1's review: dang-vien/dv-1.yaml
    canonical = f"{inside}.yaml" if inside else _member_name(repo, file, stem)
    where = f"{members}/{canonical or '<ma_dang_vien>.yaml'}"
    hint_key = "exists" if canonical and (repo / where).exists() else ""
    member = canonical.removesuffix(".yaml") if canonical else "<ma_dang_vien>"
    return _unexpected(
        file,
        "member-subfolder",
        hint_key=hint_key if canonical else "template",
        name=name,
        folder="/".join(parts[at + 1 : -1]),
        what=FILE_WHAT_VI["member"].format(member=member),
        where=where,
    )


def _misplaced(repo: Path, file: SubmissionFile, variant: str, name: str, stem: str) -> Finding:
    """A file whose name is right, in a folder no year reads: what it looks like (from
    its name and its contents) and where such a file belongs."""
    data = _data(repo, file)
    year = file.year or _year_inside(data)
    y = str(year) if year is not None else SLOT_VI["year"]
    folder = file.path.rsplit("/", 1)[0]
    hint_key = "template"
    if name == layout.YEAR_FILE:
        what, where = FILE_WHAT_VI["year"], f"{SUBMISSIONS}/{y}/{name}"
        hint_key = "" if year is not None else "template"
    elif name in _FIXED_NAMES:
        org = data.get("ma_to_chuc")
        org_folder = org if isinstance(org, str) and ID_RE.fullmatch(org) else SLOT_VI["org"]
        what, where = (
            FILE_WHAT_VI["org"].format(name=name),
            f"{SUBMISSIONS}/{y}/.../{org_folder}/{name}",
        )
    elif "ma_dang_vien" in data:
        inside = data["ma_dang_vien"]
        member = inside if isinstance(inside, str) and ID_RE.fullmatch(inside) else None
        member = member or member_stem(stem) or "<ma_dang_vien>"
        what = FILE_WHAT_VI["member"].format(member=member)
        where = f"{SUBMISSIONS}/{y}/.../{SLOT_VI['chi_bo']}/{MEMBERS_DIR}/{member}.yaml"
        if file.year is not None and (repo / folder / MEMBERS_DIR).is_dir():
            where, hint_key = f"{folder}/{MEMBERS_DIR}/{member}.yaml", ""  # beside dang-vien/
    else:
        what, where, hint_key = "", "", "unknown"
    if hint_key == "" and (repo / where).exists():
        hint_key = "exists"
    return _unexpected(file, variant, hint_key=hint_key, name=name, what=what, where=where)


def _data(repo: Path, file: SubmissionFile) -> dict[str, Any]:
    """The file's top-level mapping, or {} when it does not read."""
    try:
        document = loads((repo / file.path).read_bytes()).document
    except OSError:
        return {}
    data = document.data if document is not None else None
    return data if isinstance(data, dict) else {}


def _year_inside(data: dict[str, Any]) -> int | None:
    value = data.get("nam")
    return value if isinstance(value, int) and layout.YEAR_RE.fullmatch(str(value)) else None
