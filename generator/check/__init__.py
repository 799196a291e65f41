"""The check stage: load every file of a year, validate it, build the typed `Year`.

    year, result = load_year(repo, 2025)

`load_year` never raises for bad input: every problem becomes a `Finding` in `result`,
and only files that loaded and passed their schema become records in `year`. Cross-file
checks (generator.check.crossfile) run on the records; the rating engine's findings for
deciding bodies are added by `check_year`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.check import yamlrepair
from generator.check.crossfile import cross_check, link_tree
from generator.check.loaded import LoadedFile
from generator.check.schemas import SchemaSet
from generator.findings import CheckResult, Finding, Position, make
from generator.orgtypes import use_schema_dir
from generator.rules.form import form_findings
from generator.rules.registry import ids as registry_ids
from generator.rules.registry import spec_for
from generator.submissions import records as rec
from generator.submissions.layout import Kind, SubmissionFile, walk_year
from generator.submissions.records import Source, from_mapping
from generator.submissions.yamlload import MAX_FILE_BYTES, Document, LoadProblem, loads
from generator.submissions.year import Year

RECORD_TYPES: dict[Kind, type] = {
    Kind.YEAR: rec.YearConfig,
    Kind.ORG: rec.Organization,
    Kind.MEMBER: rec.MemberReview,
    Kind.PROPOSALS: rec.Proposals,
    Kind.DECISIONS: rec.Decisions,
}
# the ruleset ids `--ruleset` accepts: the registry's (generator.rules.registry)
RULESETS = registry_ids()
Progress = Callable[[int, int], None]


def finding(code: str, path: str, position: Position, **params: Any) -> Finding:
    """A catalog finding for `code` at `path:position` (`generator.findings.make`)."""
    return make(code, path, position, **params)


def problem_finding(problem: LoadProblem, path: str, data: bytes = b"") -> Finding:
    """The finding for a load problem, explained from the file's bytes `data` (the line to
    change and that line corrected, generator.check.yamlrepair) before it is rendered."""
    repair = yamlrepair.explain(problem, data)
    return make(
        problem.code,
        path,
        Position(repair.line, repair.column),
        variant=repair.variant,
        **repair.params,
    )


def read_document(repo: Path, file: SubmissionFile, result: CheckResult) -> Document | None:
    """Read and parse one file, adding its load problems to `result`."""
    full = repo / file.path
    try:
        size = full.stat().st_size
        if size > MAX_FILE_BYTES:
            result.add(
                finding(
                    "file-too-large", file.path, Position(1, 1), size=size, limit=MAX_FILE_BYTES
                )
            )
            return None
        data = full.read_bytes()
    except OSError as exc:
        result.add(
            finding(
                "path-not-found", file.path, Position(1, 1), arg=f"{file.path} ({exc.strerror})"
            )
        )
        return None
    loaded = loads(data)
    for problem in loaded.problems:
        result.add(problem_finding(problem, file.path, data))
    return loaded.document


def _unexpected(file: SubmissionFile) -> Finding:
    name = file.path.rsplit("/", 1)[-1]
    if name.endswith(".yml"):
        why, hint = "phần mở rộng phải là `.yaml`.", f"Đổi tên thành `{name[:-4]}.yaml`."
    elif not name.endswith(".yaml"):
        why = "đây không phải tệp YAML (hồ sơ chỉ gồm các tệp .yaml)."
        hint = "Xóa tệp này khỏi thư mục submissions/ (tài liệu đính kèm không lưu ở đây)."
    elif "/dang-vien/" in file.path:
        why = "tên tệp bản kiểm điểm phải là mã đảng viên (chữ thường, số và dấu '-')."
        hint = "Đổi tên tệp thành `<ma_dang_vien>.yaml`, ví dụ `dv-104233.yaml`."
    else:
        why = "tên tệp không nằm trong các tên quy định."
        hint = (
            "Tên hợp lệ: `nam-danh-gia.yaml` (thư mục năm), `to-chuc.yaml`, `de-xuat.yaml`, "
            "`quyet-dinh.yaml` (thư mục tổ chức), `dang-vien/<ma_dang_vien>.yaml`."
        )
    return finding("file-unexpected", file.path, Position(1, 1), name=name, why=why, hint_vi=hint)


def load_year(
    repo: Path,
    year: int,
    *,
    schemas: SchemaSet | None = None,
    ruleset: str | None = None,
    progress: Progress | None = None,
    cache: bool = False,
    processes: int | None = None,
) -> tuple[Year, CheckResult]:
    """Load, validate and link every file of `year`. `ruleset` overrides the year file's.

    `progress(done, total)` is called while files are read (for a progress display).
    The files other than the year file are read by `generator.loading` (worker processes
    for a large year; with `cache`, outcomes reused by content from `.kiemdiem-cache/`).
    """
    from generator import loading

    schemas = schemas or SchemaSet(repo / "schema")
    use_schema_dir(schemas.dir)  # the organization types this repository's schema declares
    result = CheckResult()
    files = walk_year(repo, year)
    year_obj = Year(repo=repo, year=year, config=None, files=files)
    readable: list[SubmissionFile] = []
    for file in files:
        if file.kind is Kind.SYMLINK:
            result.add(finding("file-symlink", file.path, Position(1, 1)))
        elif file.kind is Kind.UNKNOWN:
            result.add(_unexpected(file))
        else:
            result.files_checked += 1
            readable.append(file)

    # the year file decides which ruleset overlay applies to everything else
    year_files = [LoadedFile(f, None) for f in readable if f.kind is Kind.YEAR]
    year_load = {lf.file.path: CheckResult() for lf in year_files}
    year_check = CheckResult()
    for lf in year_files:
        lf.document = read_document(repo, lf.file, year_load[lf.file.path])
        if lf.document is not None:
            found = schemas.validate(Kind.YEAR, lf.document, lf.file.path, None)
            year_check.extend(found)
            if not found:
                lf.record = _build(lf)
                year_obj.config = lf.record
    active = ruleset or (year_obj.config.ruleset if year_obj.config else None)
    if year_obj.config is not None and ruleset is not None:
        year_obj.config.ruleset = ruleset

    others = [f for f in readable if f.kind is not Kind.YEAR]
    year_bytes = b"".join(_bytes(repo / lf.file.path) for lf in year_files)
    ctx = loading.Context(str(repo), str(schemas.dir), active, year_obj.config, year_bytes)
    loader = loading.FileLoader(repo, schemas, ctx)
    if cache:
        loader.cache = loading.OutcomeCache(repo, year, ctx)
    if processes is not None:
        loader.processes = processes
    outcomes = dict(zip(others, loader.run(others, progress), strict=True))

    # findings in the order of one pass: every file's load problems, then the year file's
    # schema findings, then the other files' schema findings
    loaded: list[LoadedFile] = []
    for file in readable:
        if file.kind is Kind.YEAR:
            lf = next(y for y in year_files if y.file is file)
            result.extend(year_load[file.path].findings)
        else:
            outcome = outcomes[file]
            result.extend(outcome.load_findings)
            document = None
            if outcome.record is not None:
                document = outcome.record.source.document
            elif outcome.loaded:
                document = loading.CompactDocument(str(repo / file.path))
            lf = LoadedFile(file, document, outcome.record)
        loaded.append(lf)
    if not year_files:
        result.add(finding("year-missing-file", f"submissions/{year}", Position(1, 1), year=year))
    result.extend(year_check.findings)
    for file in others:
        result.extend(outcomes[file].check_findings)
    link_tree(year_obj, loaded, result)
    cross_check(year_obj, result)
    result.extend(_form_findings(year_obj, loaded))
    return year_obj, result


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def validate_loaded(
    schemas: SchemaSet, lf: LoadedFile, config: Any, active: str | None, result: CheckResult
) -> Any:
    """Validate one parsed file other than the year file under the `active` ruleset; its
    record when it passes, else None (the findings go to `result`)."""
    assert lf.document is not None
    if lf.file.kind is Kind.MEMBER and active is not None:
        return _member(schemas, lf, config, active, result)
    found = schemas.validate(lf.file.kind, lf.document, lf.file.path, active)
    result.extend(found)
    if not found and lf.file.kind in RECORD_TYPES:
        return _build(lf)
    return None


def _form_findings(year: Year, loaded: list[LoadedFile]) -> list[Finding]:
    """R0: what each file must add under the year's ruleset (generator.rules.form): from
    its record when it has one, else from its document."""
    files: list[tuple[str, str, Any]] = [
        (lf.file.kind.value, lf.file.path, lf.record if lf.record is not None else lf.document)
        for lf in loaded
        if lf.file.kind in (Kind.MEMBER, Kind.ORG)
        and (lf.record is not None or lf.document is not None)
    ]
    return form_findings(year, spec_for(year.year, year.config), files)


def _member(
    schemas: SchemaSet, lf: LoadedFile, config: Any, ruleset: str, result: CheckResult
) -> Any:
    """Validate a member file: base schema, then the overlay of the ruleset when the
    ruleset expects a review from this member (a new member under 124-M6 writes none, so
    their file is checked for form only, like a `pending` year's)."""
    from generator.rules import review_expected

    assert lf.document is not None
    found = schemas.validate(Kind.MEMBER, lf.document, lf.file.path, None)
    if found:
        result.extend(found)
        return None
    record = _build(lf)
    overlay = ruleset if review_expected(config, record) else "pending"
    found = schemas.validate(Kind.MEMBER, lf.document, lf.file.path, overlay, base=False)
    result.extend(found)
    return None if found else record


def _build(lf: LoadedFile) -> Any:
    assert lf.document is not None
    record: Any = from_mapping(RECORD_TYPES[lf.file.kind], lf.document.data)
    record.source = Source(path=lf.file.path, document=lf.document)
    return record


__all__ = [
    "RULESETS",
    "LoadedFile",
    "finding",
    "load_year",
    "problem_finding",
    "read_document",
    "validate_loaded",
]
