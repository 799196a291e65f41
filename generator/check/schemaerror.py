"""One jsonschema error with what every finding made from it needs (generator.check.
schemafindings): the file and document, the place and its title (`label`, `where`), and
`make`, which adds the keyword and JSON pointer every schema finding carries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import jsonschema

from generator.check.schemanodes import base_node, path_text
from generator.findings import Finding, Position, make
from generator.messages.schema import IN_VI
from generator.submissions.yamlload import Document


@dataclass(frozen=True)
class KeywordError:
    """One validation error with what every finding made from it needs."""

    error: jsonschema.ValidationError
    doc: Document
    file: str
    root: dict[str, Any]
    base: dict[str, Any] | None

    @property
    def path(self) -> tuple[Any, ...]:
        return tuple(self.error.absolute_path)

    @property
    def schema(self) -> dict[str, Any]:
        return self.error.schema if isinstance(self.error.schema, dict) else {}

    @property
    def label(self) -> str:
        """ "`kiem_diem.uu_diem` (Ưu điểm)": the place, with the property's own title."""
        title = self.schema.get("title", "")
        if self.path and self.base is not None:  # the property's own name beats its type's
            title = base_node(self.base, self.path).get("title", "") or title
        return f"`{path_text(self.path)}`" + (f" ({title})" if title else "")

    @property
    def where(self) -> str:
        return IN_VI.format(label=self.label) if self.path else ""

    def make(self, code: str, pos: Position, **params: Any) -> Finding:
        extra: dict[str, object] = {
            "keyword": str(self.error.validator),
            "pointer": "/" + "/".join(str(p) for p in self.path),
        }
        for name in ("key", "guess"):
            if name in params:
                extra[name] = params[name]
        return make(code, self.file, pos, extra=extra, **params)
