"""Cross-file checks, first part: placing the records into the tree.

`link_tree` places the schema-valid records into the `Year` (organizations by folder,
members under their chi bộ, proposals and decisions by folder) and reports what does not
fit: a folder without `to-chuc.yaml`, an organization outside the root or under a type
that cannot hold it, a member file whose name is not its id (generator/check/
linkmembers.py), a record of another year.
The references between files are checked afterwards (generator/check/references.py).
Every finding points at the line that must change.
"""

from __future__ import annotations

from generator.check.linkmembers import link_members
from generator.check.loaded import LoadedFile
from generator.findings import CheckResult, Position, make
from generator.submissions.layout import Kind, org_id_of_folder
from generator.submissions.records import Organization
from generator.submissions.year import Year


def link_tree(year: Year, loaded: list[LoadedFile], result: CheckResult) -> None:
    org_by_folder = _link_orgs(year, loaded, result)
    _check_folders(year, loaded, org_by_folder, result)
    _link_parents(year, org_by_folder, result)
    _check_root(year, result)
    link_members(year, loaded, org_by_folder, result)
    _link_files(year, loaded, org_by_folder)
    _check_years(year, loaded, result)


def _link_orgs(
    year: Year, loaded: list[LoadedFile], result: CheckResult
) -> dict[str, Organization]:
    """Organizations by folder (an organization's id is its folder's name)."""
    org_by_folder: dict[str, Organization] = {}
    for lf in loaded:
        if lf.file.kind is not Kind.ORG or lf.record is None:
            continue
        org: Organization = lf.record
        folder = lf.file.org_folder or ""
        org.folder = folder
        expected = org_id_of_folder(folder)
        assert lf.document is not None
        if org.id != expected:
            result.add(
                make(
                    "org-folder-mismatch",
                    lf.file.path,
                    lf.document.value_pos(("ma_to_chuc",)),
                    found=org.id,
                    expected=expected,
                )
            )
            continue
        org_by_folder[folder] = org
    _drop_duplicate_ids(org_by_folder, result)
    for org in org_by_folder.values():
        year.orgs[org.id] = org
    return org_by_folder


def _drop_duplicate_ids(org_by_folder: dict[str, Organization], result: CheckResult) -> None:
    """An organization id held by two folders of the year: reported on each `to-chuc.yaml`,
    naming the others, and neither is linked (as a file whose id is not its folder's): its
    members are counted under neither (rather than under one picked, or twice above)."""
    by_id: dict[str, list[str]] = {}
    for folder, org in org_by_folder.items():
        by_id.setdefault(org.id, []).append(folder)
    for org_id, folders in by_id.items():
        if len(folders) < 2:
            continue
        orgs = [org_by_folder.pop(f) for f in folders]
        paths = [o.source.path if o.source else "" for o in orgs]
        for org, path in zip(orgs, paths, strict=True):
            assert org.source is not None
            others = [p for p in paths if p != path]
            result.add(
                make(
                    "org-duplicate",
                    path,
                    org.source.document.value_pos(("ma_to_chuc",)),
                    org=org_id,
                    other=", ".join(f"`{o}`" for o in others),
                    related=others,
                )
            )


def _check_folders(
    year: Year,
    loaded: list[LoadedFile],
    org_by_folder: dict[str, Organization],
    result: CheckResult,
) -> None:
    """Folders that hold files but no `to-chuc.yaml` (a member folder counts for its chi bộ);
    the folder and every folder above a file must be an organization."""
    folders_with_files: set[str] = set()
    # each folder once: a province's 112,000 files lie in ~6,000 folders
    for folder in {lf.file.org_folder for lf in loaded if lf.file.org_folder}:
        parts = folder.split("/")
        folders_with_files.update("/".join(parts[: i + 1]) for i in range(len(parts)))
    has_org_file = {lf.file.org_folder for lf in loaded if lf.file.kind is Kind.ORG}
    for folder in sorted(folders_with_files - set(org_by_folder) - has_org_file):
        same_id = year.orgs.get(org_id_of_folder(folder))
        result.add(
            make(
                "org-missing-file",
                f"submissions/{year.year}/{folder}",
                Position(1, 1),
                variant="misplaced" if same_id is not None else "",
                folder=folder,
                existing=same_id.folder if same_id is not None else None,
            )
        )


def _link_parents(year: Year, org_by_folder: dict[str, Organization], result: CheckResult) -> None:
    for folder, org in org_by_folder.items():
        parent_folder = folder.rsplit("/", 1)[0] if "/" in folder else None
        parent = org_by_folder.get(parent_folder) if parent_folder else None
        assert org.source is not None
        if parent is not None:
            org.parent_id = parent.id
            parent.children.append(org.id)
            # which types may sit directly below which: data (generator/orgtypes.py)
            if not org.type.may_sit_under(parent.type):
                result.add(
                    make(
                        "org-type-misplaced",
                        org.source.path,
                        org.source.document.value_pos(("loai",)),
                        child_label=org.type.label_vi,
                        child=org.id,
                        parent_label=parent.type.label_vi.lower(),
                        parent=parent.id,
                    )
                )
        elif parent_folder is None and year.root_id is not None and org.id != year.root_id:
            # a second top-level organization: its folder was created outside the root's
            result.add(
                make(
                    "org-outside-root",
                    org.source.path,
                    Position(1, 1),
                    folder=folder,
                    root=year.root_id,
                )
            )
        if not org.type.exists_in(year.year):
            result.add(
                make(
                    "org-type-period",
                    org.source.path,
                    org.source.document.value_pos(("loai",)),
                    label=org.type.label_vi,
                    type_code=org.type.value,
                    period=org.type.period_vi(),
                    year=year.year,
                )
            )


def _check_root(year: Year, result: CheckResult) -> None:
    root_folder = year.repo / "submissions" / str(year.year) / str(year.root_id)
    if year.config is not None and not root_folder.is_dir():
        assert year.config.source is not None
        result.add(
            make(
                "root-mismatch",
                year.config.source.path,
                year.config.source.document.value_pos(("to_chuc_goc",)),
                root=year.root_id,
                year=year.year,
            )
        )


def _link_files(
    year: Year, loaded: list[LoadedFile], org_by_folder: dict[str, Organization]
) -> None:
    """Proposals and decisions by the folder of the organization that owns them."""
    for lf in loaded:
        owner = org_by_folder.get(lf.file.org_folder or "")
        if lf.record is None or owner is None:
            continue
        if lf.file.kind is Kind.PROPOSALS:
            year.proposals[owner.id] = lf.record
        elif lf.file.kind is Kind.DECISIONS:
            year.decisions[owner.id] = lf.record


def _check_years(year: Year, loaded: list[LoadedFile], result: CheckResult) -> None:
    """Every record's `nam` must be the folder's year."""
    for lf in loaded:
        record, doc = lf.record, lf.document
        if record is None or doc is None or getattr(record, "year", year.year) == year.year:
            continue
        result.add(
            make(
                "year-mismatch",
                lf.file.path,
                doc.value_pos(("nam",)),
                found=record.year,
                expected=year.year,
            )
        )
