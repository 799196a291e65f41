"""A statistics file given to `kiemdiem rollup`, checked whole before anything of it is used.

    data = read_source(Path("xa-a.json"), "xa-a.json")   # or SourceError(findings)

Such a file comes from elsewhere (another repository, a USB stick, an e-mail) and every
value in it is hostile until checked, in this order, stopping at the first stage that
finds anything:

1. read: it exists and can be read, at most 64 MB (generator/statistics/jsonpos.py);
2. strict JSON: UTF-8, no key written twice, no integer too long to convert;
3. schema/thong-ke.schema.json (this program's own copy, not the repository's): no field
   beyond the statistics, every number a whole number from 0 to 10,000,000, ids, codes
   and names of bounded length without control characters;
4. the numbers agree (generator/statistics/consistency.py).

Each problem is a finding at the file's line and column, in Vietnamese (catalog:
generator/messages/rollup.py and, for schema errors, generator/messages/schema.py), with a
hint to ask for a new export, never to edit the numbers.
"""

from __future__ import annotations

import dataclasses
import errno
import functools
import json
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs

from generator.check.schemafindings import dedupe, findings_for, leaf_errors
from generator.check.schemas import _bundle
from generator.findings import Finding, Position, make
from generator.messages.rollup import EXPORT_HINT
from generator.orgtypes import PROJECT_SCHEMA_DIR
from generator.statistics import consistency, jsonpos

SCHEMA_FILE = "thong-ke.schema.json"
_SHARED_FILE = "chung.schema.json"
MAX_QUOTED = 120  # characters of a value a message quotes


class SourceError(Exception):
    """A source that cannot be used; `findings` say why (never empty)."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(findings[0].message)
        self.findings = findings


def _whole_number(checker: Any, value: Any) -> bool:
    """JSON Schema's "integer", without `7.0` (a count is written as a count)."""
    return isinstance(value, int) and not isinstance(value, bool)


@functools.cache
def _validator() -> tuple[dict[str, Any], Any, jsonschema.protocols.Validator]:
    """The bundled schema, its fast validator (jsonschema-rs: says only whether a file is
    valid, ~10x faster) and its strict one (the errors, with their paths)."""
    files = {
        name: json.loads((PROJECT_SCHEMA_DIR / name).read_text("utf-8"))
        for name in (SCHEMA_FILE, _SHARED_FILE)
    }
    schema = _bundle(SCHEMA_FILE, files)
    base = jsonschema.Draft202012Validator
    types = base.TYPE_CHECKER.redefine("integer", _whole_number)
    strict = jsonschema.validators.extend(base, type_checker=types)
    return schema, jsonschema_rs.validator_for(schema), strict(schema)


def _fast_valid(fast: Any, data: Any) -> bool:
    try:
        return bool(fast.is_valid(data))
    except (ValueError, OverflowError):  # what it cannot read, the strict validator judges
        return False


def _schema_findings(doc: jsonpos.JsonDocument, shown: str) -> list[Finding]:
    schema, fast, strict = _validator()
    if doc.plain and _fast_valid(fast, doc.data):  # else it would take 7.0 for a count
        return []
    errors = list(leaf_errors(strict.iter_errors(doc.data)))
    for e in errors:
        _shorten(e)
    found = dedupe([f for e in errors for f in findings_for(e, doc, shown, schema, schema)])
    return sorted(map(_export_hint, found), key=Finding.sort_key)


def read_source(path: Path, shown: str) -> dict[str, Any]:
    """The statistics mapping of the file at `path` (named `shown` in findings), once it
    passed every check; else SourceError."""
    return read_document(path, shown).data  # type: ignore[no-any-return]


def read_document(path: Path, shown: str) -> jsonpos.JsonDocument:
    """`read_source`, with the line and column of its values (a rollup's disagreement
    between two sources is told at both)."""
    try:
        with path.open("rb") as file:
            raw = file.read(jsonpos.MAX_BYTES + 1)
    except OSError as exc:
        raise SourceError([unreadable(exc, shown)]) from None
    return _checked(raw, shown)


def export_problems(text: str) -> list[Finding]:
    """What `read_document` would find in a statistics file written as `text` (none: the
    province reads it). `rollup --export` writes nothing such a check refuses."""
    try:
        _checked(text.encode("utf-8"), "-")
    except SourceError as exc:
        return exc.findings
    return []


def _checked(raw: bytes, shown: str) -> jsonpos.JsonDocument:
    try:
        doc = jsonpos.load(raw)
    except jsonpos.JsonProblem as problem:
        raise SourceError([make(problem.code, shown, problem.position, **problem.params)]) from None
    found = _schema_findings(doc, shown)
    if found:
        raise SourceError(found)
    found = consistency.check(doc, shown)
    if found:
        raise SourceError(sorted(found, key=Finding.sort_key))
    return doc


def _shorten(error: jsonschema.ValidationError) -> None:
    """A message quotes the wrong value: never a megabyte of it. A text is cut; a list or
    a group of the wrong type is quoted as its JSON, cut (other keywords read the mapping
    itself, to name the keys missing or not allowed)."""
    value = error.instance
    if isinstance(value, list | dict) and error.validator == "type":
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and len(value) > MAX_QUOTED:
        error.instance = f"{value[: MAX_QUOTED - 20]}…{value[-10:]}"
    elif value is not error.instance:
        error.instance = value


def _export_hint(f: Finding) -> Finding:
    """A schema finding's hint says how to fix a YAML line; a statistics file is not
    fixed by hand. A pattern's hint (the field's description) is kept before it."""
    hint = f"{f.hint}\n{EXPORT_HINT}" if f.code == "schema-pattern" and f.hint else EXPORT_HINT
    return dataclasses.replace(f, hint=hint)


def unreadable(exc: OSError, shown: str) -> Finding:
    """The finding of a source that cannot be opened."""
    if exc.errno == errno.ENOENT:
        return make("rollup-not-found", shown, Position(1), source=shown)
    reason = {
        errno.EACCES: "không có quyền đọc",
        errno.EPERM: "không có quyền đọc",
        errno.EISDIR: "là một thư mục",
    }.get(exc.errno or 0, f"lỗi hệ thống: {exc.strerror or exc}")
    return make("rollup-unreadable", shown, Position(1), source=shown, reason=reason)


def not_a_repo(shown: str) -> Finding:
    return make("rollup-not-a-repo", shown, Position(1), source=shown)
