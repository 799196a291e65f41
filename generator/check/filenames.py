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
from generator.submissions import layout
from generator.submissions.layout import SubmissionFile
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
    try:
        document = loads((repo / file.path).read_bytes()).document
    except OSError:
        return None
    value = document.data.get("ma_dang_vien") if document is not None else None
    return value if isinstance(value, str) and layout.ID_RE.fullmatch(value) else None


def _member_name(repo: Path, file: SubmissionFile, stem: str) -> str | None:
    inside = _id_inside(repo, file)
    if inside is not None and (near_miss(stem, inside) or stem == inside):
        return f"{inside}.yaml"
    meant = member_stem(stem)
    return f"{meant}.yaml" if meant is not None else None


def unexpected(repo: Path, file: SubmissionFile) -> Finding:
    """The finding for a file that is not part of the layout, with its canonical name when
    it is a near miss."""
    name = file.path.rsplit("/", 1)[-1]
    if name.startswith("."):  # a hidden folder or file: never read (issue 9)
        return make("path-name", file.path, Position(1, 1), variant="hidden", name=name)
    stem, dot, ext = name.rpartition(".")
    in_members = f"/{layout.MEMBERS_DIR}/" in file.path
    params: dict[str, Any] = {"name": name}
    if not dot or ext.lower() not in ("yaml", "yml"):
        return make("file-unexpected", file.path, Position(1, 1), variant="not-yaml", **params)
    if in_members:
        canonical = _member_name(repo, file, stem)
    else:
        meant = suggest(stem, [n.removesuffix(".yaml") for n in _FIXED_NAMES], cutoff=0.75)
        canonical = f"{meant}.yaml" if meant else None
    if ext != "yaml":
        variant = "extension"
        canonical = canonical or f"{stem}.yaml"
    else:
        variant = "member-name" if in_members else ""
    hint_key = "rename" if canonical and variant != "extension" else ""
    if canonical and (repo / file.path).with_name(canonical).exists():
        hint_key = "exists"  # renaming would overwrite a file: merge instead
    return make(
        "file-unexpected",
        file.path,
        Position(1, 1),
        variant=variant,
        hint_key=hint_key,
        canonical=canonical,
        **params,
    )
