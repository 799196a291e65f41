"""The Vietnamese message catalog: every finding code's text and hint, in one place.

One entry per stable finding code (`Message`): a message template and a hint template,
both filled with `str.format(**params)`, plus named alternative hints for codes whose
advice depends on the case. Messages say what is wrong in words a secretary of a chi bộ
can act on; hints say what to write instead and never suggest losing data. Codes are
what tests, documentation and the JSON output name; the wording may improve without
breaking anyone.

The entries are grouped by the stage that reports them (one module each); a new code is
one entry there, and a finding is made with `generator.findings.make(code, ...)`. A key
`code/variant` is another wording of `code` for another case (the finding keeps `code`).

| module | codes |
|---|---|
| `load` | reading a file (`file-*`, `yaml-*`, `text-*`) and the layout of submissions/ |
| `schema` | JSON Schema validation (`schema-*`) |
| `dates` | a member's dates against each other and the evaluation date (`date-*`) |
| `crossfile` | cross-file checks (tree, ids, references, proposals, decisions) |
| `rules` | the rating engine's findings for deciding bodies (`rule-*`) |
| `auth` | `check --author` (`auth-*`) |
| `rollup` | the sources of `kiemdiem rollup` (`rollup-*`) |
| `privacy` | what a site shows in place of findings its readers may not read (`privacy-*`); an organization's public text naming a person's discipline or health (`org-text-committee-fact`) |
"""

from __future__ import annotations

from string import Formatter
from typing import Any

from generator.messages import (
    auth,
    crossfile,
    dates,
    layout,
    load,
    privacy,
    rollup,
    rules,
    schema,
)
from generator.messages.base import Message

CATALOG: dict[str, Message] = {
    **load.CATALOG,
    **layout.CATALOG,
    **schema.CATALOG,
    **dates.CATALOG,
    **crossfile.CATALOG,
    **rules.CATALOG,
    **auth.CATALOG,
    **rollup.CATALOG,
    **privacy.CATALOG,
}
EMPTY_VI = "trống"
SEVERITY_VI = {"error": "lỗi", "warning": "cảnh báo", "notice": "lưu ý"}


class _Default(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class _Formatter(Formatter):
    """`str.format` that shows an empty value as "trống", never Python's `None`."""

    def format_field(self, value: Any, format_spec: str) -> Any:
        if value is None:
            return EMPTY_VI
        return super().format_field(value, format_spec)


_FORMAT = _Formatter()


def render(
    code: str, *, variant: str = "", hint_key: str = "", **params: Any
) -> tuple[str, str, str]:
    """(message, hint, severity) for `code`, filled with `params`.

    `variant` chooses the entry `code/variant` (same code, a different wording for a
    different case); `hint_key` names one of the entry's alternative hints (the default
    hint when empty). Both are chosen by the caller before rendering."""
    entry = CATALOG.get(f"{code}/{variant}" if variant else code)
    if entry is None:
        raise KeyError(f"finding code {code!r} ({variant}) is not in generator.messages.CATALOG")
    values = _Default(params)
    hint = entry.hints[hint_key] if hint_key else entry.hint
    return (
        _FORMAT.vformat(entry.text, (), values).strip(),
        _FORMAT.vformat(hint, (), values).strip(),
        entry.severity,
    )


__all__ = ["CATALOG", "EMPTY_VI", "SEVERITY_VI", "Message", "render"]
