"""Schema validation with positioned, Vietnamese findings.

Schemas live in `schema/` (draft 2020-12), one per record kind, sharing `$defs` through
refs of the form ``"chung.schema.json#/$defs/name"``; ruleset-specific parts are overlays
in ``bo-quy-tac.schema.json#/$defs/<kind>_<ruleset>`` applied on top of the base schema.

Validators are compiled once per (kind, ruleset). The fast path is jsonschema-rs: a valid
document costs microseconds. Only a document that fails is validated again by the pure
Python `jsonschema`, whose errors carry the keyword, the schema and the instance path we
need to write a precise message at the right line.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs

from generator.check.schemafindings import dedupe, drop_explained_missing, findings_for, leaf_errors
from generator.findings import Finding
from generator.submissions.layout import Kind
from generator.submissions.yamlload import Document

SCHEMA_FILES: dict[Kind, str] = {
    Kind.YEAR: "nam-danh-gia.schema.json",
    Kind.ORG: "to-chuc.schema.json",
    Kind.MEMBER: "dang-vien.schema.json",
    Kind.PROPOSALS: "de-xuat.schema.json",
    Kind.DECISIONS: "quyet-dinh.schema.json",
    Kind.ROSTER: "tai-khoan.schema.json",
}
OVERLAY_FILE = "bo-quy-tac.schema.json"
OVERLAY_PREFIX: dict[Kind, str] = {Kind.MEMBER: "dang_vien", Kind.ORG: "to_chuc"}


def _bundle(name: str, files: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A self-contained copy of schema `name`: external `$defs` copied in, refs rewritten."""
    root = copy.deepcopy(files[name])
    # the external defs met so far (a placeholder each until copied in); kept apart from
    # the root's own `$defs` while those are being rewritten (they may refer outside too)
    defs: dict[str, Any] = {}
    pending: list[tuple[str, str]] = []

    def mangle(file: str, def_name: str) -> str:
        return f"{file.removesuffix('.schema.json').replace('-', '_')}__{def_name}"

    def rewrite(node: Any, current: str) -> Any:
        if isinstance(node, dict):
            out = {}
            for k, v in node.items():
                if k == "$ref" and isinstance(v, str):
                    file, _, pointer = v.partition("#")
                    target = file or current
                    if target != name:
                        def_name = pointer.removeprefix("/$defs/")
                        mangled = mangle(target, def_name)
                        if mangled not in defs:
                            defs[mangled] = {}  # placeholder against cycles
                            pending.append((target, def_name))
                        out[k] = f"#/$defs/{mangled}"
                        continue
                out[k] = rewrite(v, current)
            return out
        if isinstance(node, list):
            return [rewrite(v, current) for v in node]
        return node

    root = rewrite(root, name)
    placeholders, defs = defs, root.setdefault("$defs", {})
    defs.update(placeholders)
    while pending:
        file, def_name = pending.pop()
        defs[mangle(file, def_name)] = rewrite(files[file]["$defs"][def_name], file)
    return root


@dataclass
class _Compiled:
    schema: dict[str, Any]
    fast: Any  # jsonschema_rs validator
    slow: jsonschema.Draft202012Validator


class SchemaSet:
    """All schemas of a repository, compiled lazily and at most once each."""

    def __init__(self, schema_dir: Path) -> None:
        self.dir = schema_dir
        self._compiled: dict[tuple[Kind, str | None], _Compiled | None] = {}
        self._layers: dict[tuple[Kind, str | None, bool], list[_Compiled]] = {}

    @cached_property
    def files(self) -> dict[str, dict[str, Any]]:
        return {p.name: json.loads(p.read_text("utf-8")) for p in sorted(self.dir.glob("*.json"))}

    def _compile(self, schema: dict[str, Any]) -> _Compiled:
        fast = jsonschema_rs.validator_for(schema, validate_formats=True)
        slow = jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
        return _Compiled(schema, fast, slow)

    def _get(self, kind: Kind, ruleset: str | None) -> _Compiled | None:
        cache_key = (kind, ruleset)
        if cache_key not in self._compiled:
            compiled: _Compiled | None = None
            if ruleset is None:
                name = SCHEMA_FILES.get(kind)
                if name and name in self.files:
                    compiled = self._compile(_bundle(name, self.files))
            elif kind in OVERLAY_PREFIX and OVERLAY_FILE in self.files:
                def_name = f"{OVERLAY_PREFIX[kind]}_{ruleset}"
                if def_name in self.files[OVERLAY_FILE].get("$defs", {}):
                    wrapper = {
                        "$schema": "https://json-schema.org/draft/2020-12/schema",
                        "$ref": f"{OVERLAY_FILE}#/$defs/{def_name}",
                    }
                    files = {**self.files, "__overlay__": wrapper}
                    compiled = self._compile(_bundle("__overlay__", files))
            self._compiled[cache_key] = compiled
        return self._compiled[cache_key]

    def schema_for(self, kind: Kind) -> dict[str, Any] | None:
        compiled = self._get(kind, None)
        return compiled.schema if compiled else None

    def validate(
        self,
        kind: Kind,
        document: Document,
        path: str,
        ruleset: str | None,
        *,
        base: bool = True,
    ) -> list[Finding]:
        """Findings for `document` against the base schema of `kind` (unless `base` is
        False) and the ruleset overlay of `kind` (when `ruleset` is given)."""
        findings: list[Finding] = []
        layers = self._layers.get((kind, ruleset, base))
        if layers is None:
            layers = self._layers[kind, ruleset, base] = self._layers_of(kind, ruleset, base)
        for compiled in layers:
            if compiled.fast.is_valid(document.data):
                continue
            for error in leaf_errors(compiled.slow.iter_errors(document.data)):
                base_layer = self._get(kind, None)
                base_schema = base_layer.schema if base_layer else compiled.schema
                findings.extend(findings_for(error, document, path, compiled.schema, base_schema))
            if findings:
                break  # the overlay's complaints make sense only on a valid base
        return dedupe(drop_explained_missing(findings)) if findings else findings

    def _layers_of(self, kind: Kind, ruleset: str | None, base: bool) -> list[_Compiled]:
        """The compiled schemas `validate` checks in turn (the base one unless `base` is
        False, then the ruleset's overlay), once per (kind, ruleset, base): a cold check
        validates 100,000 files."""
        layers = [self._get(kind, None)]
        if ruleset is not None and kind in OVERLAY_PREFIX:
            layers.append(self._get(kind, ruleset))
        if not base:
            layers = [None, *layers[1:]]
        return [compiled for compiled in layers if compiled is not None]
