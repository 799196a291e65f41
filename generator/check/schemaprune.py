"""One finding per mistake among a file's schema findings (generator.check.schemafindings):
`leaf_errors` takes the best branch of an `anyOf`/`oneOf`, `drop_explained_missing` and
`dedupe` drop the findings another one already explains; `drop_told_controls` drops a
name's control characters the file's `text-control` errors already tell.
"""

from __future__ import annotations

from collections.abc import Iterator

import jsonschema

from generator.findings import Finding


def leaf_errors(
    errors: Iterator[jsonschema.ValidationError],
) -> Iterator[jsonschema.ValidationError]:
    for error in errors:
        if error.validator in ("anyOf", "oneOf") and error.context:
            best = jsonschema.exceptions.best_match(error.context)
            if best is not None:
                yield from leaf_errors(iter([best]))
                continue
        yield error


def drop_explained_missing(findings: list[Finding]) -> list[Finding]:
    """`họ_tên:` is one mistake, not two: a missing key that an unknown key of the same
    mapping most likely meant is already explained by that key's finding."""
    meant = {
        (f.extra.get("pointer"), f.extra.get("guess"))
        for f in findings
        if f.code == "schema-unknown-key" and f.extra.get("guess")
    }
    return [
        f
        for f in findings
        if not (
            f.code == "schema-required" and (f.extra.get("pointer"), f.extra.get("key")) in meant
        )
    ]


def dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per problem: a date that breaks the pattern is not also reported as
    an impossible date, an empty level not also as "not text"."""
    seen: set[tuple[str, int, int, str]] = set()
    patterns = {(f.line, f.column) for f in findings if f.code == "schema-pattern"}
    enums = {(f.line, f.column) for f in findings if f.code == "schema-enum"}
    out = []
    for f in findings:
        if f.code == "schema-date" and (f.line, f.column) in patterns:
            continue
        if f.code == "schema-type" and (f.line, f.column) in enums:
            continue  # an empty level is one mistake: the enum finding says what to write
        k = (f.code, f.line, f.column, f.message)
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out


# `Finding.extra` of a name's control-character finding (schemafindings, variant
# `control`) whose every character is also a `text-control` error of the file
# (generator/submissions/yamlodd.py: an escape of one is told there, a raw one is no YAML)
TOLD_AS_TEXT_CONTROL = "told_as_text_control"


def drop_told_controls(schema: list[Finding], loaded: list[Finding]) -> list[Finding]:
    """A name written `"Chi bộ\\r"` is one mistake, told once: the `text-control` error
    at its escape (`loaded`, the file's load findings) says what to remove; its schema
    finding (`schema`) is dropped. Only when that error is there: the file is then never
    rated (generator.loading.check_read), whatever is dropped here."""
    if not any(f.code == "text-control" for f in loaded):
        return schema
    return [f for f in schema if not f.extra.get(TOLD_AS_TEXT_CONTROL)]
