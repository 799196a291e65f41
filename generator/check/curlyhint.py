"""The warning about a plain value in curly quotes (`text-curly-quotes`, found by
generator.submissions.yamlodd), kept only where no schema finding tells it already.

A free-text field (a name, a title) takes `“Nguyễn Văn Bình”` with its quote marks as
its text: nothing else would say so, hence the warning. A date, a number, a choice or a
code in curly quotes is refused by the schema, whose finding already asks for straight
quotes (generator.check.schemahints: `SMART_NOTE_VI`, the quotes stripped to guess the
value): a second finding on the same value would only repeat it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from generator.check.cuthint import path_at, takes_text
from generator.check.schemahints import value_at
from generator.check.schemanodes import base_node
from generator.submissions.yamlload import Document, LoadProblem


def keep(problem: LoadProblem, doc: Document | None, schema: Any) -> LoadProblem | None:
    """`problem` ready to render, or None when it is a `text-curly-quotes` warning on a
    field that takes no such text (`schema`: the file's base schema; None when unknown:
    kept)."""
    if problem.code != "text-curly-quotes":
        return problem
    detail = dict(problem.detail)
    at = detail.pop("value_at", None)
    path = path_at(doc, at) if doc is not None and at and isinstance(schema, dict) else None
    if doc is not None and path is not None:
        value = value_at(doc.data, path)
        if isinstance(value, str) and not takes_text(base_node(schema, path), value):
            return None
    return replace(problem, detail=detail)
