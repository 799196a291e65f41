"""One file through the check stage: read and parse it (load problems explained before
they are rendered), validate it against its schema and the year's ruleset overlay, build
its typed record. `generator.loading` runs this per file, in worker processes for a large
year; `generator.check.load_year` joins the files into a year."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from generator.check import curlyhint, cuthint, yamlrepair
from generator.check.committeefacts import org_text_findings
from generator.check.disciplinedates import org_date_findings
from generator.check.loaded import LoadedFile
from generator.check.memberdates import date_findings
from generator.check.schemas import SchemaSet
from generator.check.taskcounts import task_findings
from generator.findings import CheckResult, Finding, Position, Severity, make
from generator.submissions import records as rec
from generator.submissions.layout import Kind, SubmissionFile
from generator.submissions.records import Source, from_mapping
from generator.submissions.yamlload import MAX_FILE_BYTES, Document, LoadProblem, loads

RECORD_TYPES: dict[Kind, type] = {
    Kind.YEAR: rec.YearConfig,
    Kind.ORG: rec.Organization,
    Kind.MEMBER: rec.MemberReview,
    Kind.PROPOSALS: rec.Proposals,
    Kind.DECISIONS: rec.Decisions,
}


def finding(code: str, path: str, position: Position, **params: Any) -> Finding:
    """A catalog finding for `code` at `path:position` (`generator.findings.make`)."""
    return make(code, path, position, **params)


def problem_finding(
    problem: LoadProblem, path: str, data: bytes = b"", schema: Any = None
) -> Finding:
    """The finding for a load problem, explained from the file's bytes `data` (the line to
    change and that line corrected, generator.check.yamlrepair; `schema`: the file's base
    schema, when known) before it is rendered."""
    repair = yamlrepair.explain(problem, data, schema)
    params = dict(repair.params)
    hint_key = params.pop("hint_key", "")  # some repairs choose a hint
    if problem.code == "yaml-comment-in-value":  # the value named, never as "``"
        params, hint_key = cuthint.place(params)
        hint_key = "" if repair.variant == "quoted" else hint_key  # its hint names no key
    elif problem.code == "text-curly-quotes":  # named the same way; its hints name no key
        params = cuthint.place(params)[0]
    return make(
        problem.code,
        path,
        Position(repair.line, repair.column),
        variant=repair.variant,
        hint_key=hint_key,
        **params,
    )


def read_document(
    repo: Path | str,
    file: SubmissionFile,
    result: CheckResult,
    *,
    data: bytes | None = None,
    positions: bool = True,
    schemas: SchemaSet | None = None,
) -> Document | None:
    """Read and parse one file, adding its load problems to `result` (`data`: its bytes,
    when the caller has read them already; `positions=False`: see yamlload.loads;
    `schemas`: to fit a hint's corrected line to the field's type, generator.check.cuthint)."""
    try:
        if data is None:
            full = os.path.join(repo, file.path)
            size = os.stat(full).st_size
            if size <= MAX_FILE_BYTES:
                with open(full, "rb") as f:
                    data = f.read()
        else:
            size = len(data)
        if size > MAX_FILE_BYTES or data is None:
            result.add(
                finding(
                    "file-too-large", file.path, Position(1, 1), size=size, limit=MAX_FILE_BYTES
                )
            )
            return None
    except OSError as exc:
        result.add(
            finding(
                "path-not-found", file.path, Position(1, 1), arg=f"{file.path} ({exc.strerror})"
            )
        )
        return None
    # a file with control characters is validated all the same (its other errors are
    # told with that one); its record is never built (generator.loading.check_read)
    loaded = loads(data, positions=positions, despite_controls=True)
    schema = schemas.schema_for(file.kind) if schemas is not None and loaded.problems else None
    for problem in loaded.problems:
        problem = cuthint.choose(problem, loaded.document, schema)
        kept = curlyhint.keep(problem, loaded.document, schema)  # not twice with the schema's
        if kept is not None:
            result.add(problem_finding(kept, file.path, data, schema))
    return loaded.document


def validate_loaded(
    schemas: SchemaSet, lf: LoadedFile, config: Any, active: str | None, result: CheckResult
) -> Any:
    """Validate one parsed file other than the year file under the `active` ruleset; its
    record when it passes, else None (the findings go to `result`)."""
    assert lf.document is not None
    if lf.file.kind is Kind.MEMBER:
        return _member(schemas, lf, config, active, result)
    found = schemas.validate(lf.file.kind, lf.document, lf.file.path, active)
    result.extend(found)
    if found or lf.file.kind not in RECORD_TYPES:
        return None
    record = build_record(lf)
    if lf.file.kind is Kind.ORG:
        # its disciplinary decisions' dates, as a member's, but the record is kept even on
        # an error: an organization file left out unlinks its whole folder (every
        # organization and member below it unrated, and references to them reported
        # unknown) for one date, and the item is left out of the rating as it stands
        result.extend(org_date_findings(record, lf.document, lf.file.path, config))
        result.extend(task_findings(record, lf.document, lf.file.path))
        # its public texts naming a member's discipline or health (a warning: kept as written)
        result.extend(org_text_findings(lf.document, lf.file.path))
    return record


def _member(
    schemas: SchemaSet, lf: LoadedFile, config: Any, ruleset: str | None, result: CheckResult
) -> Any:
    """Validate a member file: base schema, then the overlay of the ruleset (None: the year
    file is missing or broken) when the ruleset expects a review from this member (a new
    member under 124-M6 writes none, so their file is checked for form only, like a
    `pending` year's), then its dates (generator.check.memberdates). A file with any of
    these findings but a date's warning gives no record: it is not rated."""
    from generator.rules import review_expected

    assert lf.document is not None
    found = schemas.validate(Kind.MEMBER, lf.document, lf.file.path, None)
    if found:
        result.extend(found)
        return None
    record = build_record(lf)
    if ruleset is not None:
        overlay = ruleset if review_expected(config, record) else "pending"
        found = schemas.validate(Kind.MEMBER, lf.document, lf.file.path, overlay, base=False)
    result.extend(found)
    dates = date_findings(record, lf.document, lf.file.path, config)
    dates += task_findings(record, lf.document, lf.file.path)  # impossible, as a date
    kept = _unless_blocked(dates, record, result)
    return None if found else kept


def _unless_blocked(dates: list[Finding], record: Any, result: CheckResult) -> Any:
    """`record`, unless one of the findings on its dates (added to `result`) is an error: a
    warning (a discipline of an earlier year, not counted) keeps it."""
    result.extend(dates)
    return None if any(f.severity is Severity.ERROR for f in dates) else record


def build_record(lf: LoadedFile) -> Any:
    assert lf.document is not None
    record: Any = from_mapping(RECORD_TYPES[lf.file.kind], lf.document.data)
    record.source = Source(path=lf.file.path, document=lf.document)
    return record
