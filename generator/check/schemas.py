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
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs

from generator.findings import Finding, Position, Severity
from generator.submissions.layout import Kind
from generator.submissions.yamlload import Document
from generator.vietnamese import suggest

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

TYPE_VI = {
    "string": "văn bản",
    "integer": "số nguyên",
    "number": "số",
    "boolean": "true hoặc false",
    "array": "danh sách (mỗi phần tử một dòng bắt đầu bằng '- ')",
    "object": "nhóm mục (các dòng `ten_muc: giá trị` thụt lề bên dưới)",
    "null": "để trống",
}


def _bundle(name: str, files: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A self-contained copy of schema `name`: external `$defs` copied in, refs rewritten."""
    root = copy.deepcopy(files[name])
    defs: dict[str, Any] = root.setdefault("$defs", {})
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
    defs = root.setdefault("$defs", {})
    # the placeholders were added to the old dict; carry them over
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
        layers = [self._get(kind, None)]
        if ruleset is not None and kind in OVERLAY_PREFIX:
            layers.append(self._get(kind, ruleset))
        if not base:
            layers = [None, *layers[1:]]
        for compiled in layers:
            if compiled is None or compiled.fast.is_valid(document.data):
                continue
            for error in _leaf_errors(compiled.slow.iter_errors(document.data)):
                base_layer = self._get(kind, None)
                base_schema = base_layer.schema if base_layer else compiled.schema
                findings.extend(_to_findings(error, document, path, compiled.schema, base_schema))
            if findings:
                break  # the overlay's complaints make sense only on a valid base
        return _dedupe(_drop_explained_missing(findings))


def _leaf_errors(
    errors: Iterator[jsonschema.ValidationError],
) -> Iterator[jsonschema.ValidationError]:
    for error in errors:
        if error.validator in ("anyOf", "oneOf") and error.context:
            best = jsonschema.exceptions.best_match(error.context)
            if best is not None:
                yield from _leaf_errors(iter([best]))
                continue
        yield error


def _drop_explained_missing(findings: list[Finding]) -> list[Finding]:
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


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per problem: a date that breaks the pattern is not also reported as
    an impossible date."""
    seen: set[tuple[str, int, int, str]] = set()
    patterns = {(f.line, f.column) for f in findings if f.code == "schema-pattern"}
    out = []
    for f in findings:
        if f.code == "schema-date" and (f.line, f.column) in patterns:
            continue
        k = (f.code, f.line, f.column, f.message)
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out


def _title(schema: Any, key: str | None = None) -> str:
    if not isinstance(schema, dict):
        return ""
    node = schema.get("properties", {}).get(key, {}) if key else schema
    return node.get("title", "") if isinstance(node, dict) else ""


def _resolve(schema: dict[str, Any], node: Any) -> Any:
    """Follow a local `$ref` (bundled schemas have only local ones)."""
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 10:
        pointer = node["$ref"].removeprefix("#/").split("/")
        target: Any = schema
        for part in pointer:
            target = target.get(part.replace("~1", "/").replace("~0", "~"), {})
        node = target
        seen += 1
    return node


def _where(path: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for p in path:
        parts.append(f"[{p + 1}]" if isinstance(p, int) else (("." if parts else "") + str(p)))
    return "".join(parts) or "(đầu tệp)"


def _base_node(base: dict[str, Any], path: tuple[Any, ...]) -> Any:
    """The base schema's node for an instance path (overlays carry few titles)."""
    node: Any = _resolve(base, base)
    for part in path:
        if not isinstance(node, dict):
            return {}
        raw = (
            node.get("items", {})
            if isinstance(part, int)
            else node.get("properties", {}).get(part, {})
        )
        resolved = _resolve(base, raw)
        # a property's own title ("Tự xếp loại") beats its shared definition's ("Mức xếp loại")
        if isinstance(raw, dict) and isinstance(resolved, dict) and raw.get("title"):
            resolved = {
                **resolved,
                "title": raw["title"],
                "description": raw.get("description", resolved.get("description", "")),
            }
        node = resolved
    return node


def _to_findings(
    error: jsonschema.ValidationError,
    doc: Document,
    file: str,
    root_schema: dict[str, Any],
    base_schema: dict[str, Any] | None = None,
) -> list[Finding]:
    from generator.check import hints  # local: hints imports from this module

    path = tuple(error.absolute_path)
    keyword = error.validator
    value = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    title = schema.get("title", "") if isinstance(schema, dict) else ""
    if path and base_schema is not None:  # the property's own name beats its shared type's
        title = _base_node(base_schema, path).get("title", "") or title
    label = f"`{_where(path)}`" + (f" ({title})" if title else "")

    def make(code: str, pos: Position, message: str, hint: str = "", **extra: object) -> Finding:
        return Finding(
            code=code,
            severity=Severity.ERROR,
            path=file,
            position=pos,
            message=message,
            hint=hint,
            extra={
                "keyword": str(keyword),
                "pointer": "/" + "/".join(str(p) for p in path),
                **extra,
            },
        )

    if keyword == "required":
        missing = [k for k in error.validator_value if isinstance(value, dict) and k not in value]
        pos = doc.key_pos(path) if path else Position(1, 1)
        out = []
        for k in missing:
            sub = _resolve(root_schema, schema.get("properties", {}).get(k, {}))
            if base_schema is not None:  # the property's own title beats its shared type's
                own = _base_node(base_schema, (*path, k))
                if isinstance(own, dict) and own.get("title"):
                    sub = own
            t = sub.get("title", "") if isinstance(sub, dict) else ""
            where = f" trong {label}" if path else ""
            out.append(
                make(
                    "schema-required",
                    pos,
                    f"Thiếu mục bắt buộc `{k}`" + (f" ({t})" if t else "") + f"{where}.",
                    hints.for_missing_key(k, sub, path, doc),
                    key=k,
                )
            )
        return out
    if keyword in ("additionalProperties", "unevaluatedProperties"):
        allowed = list(schema.get("properties", {}))
        extras = [k for k in (value or {}) if k not in allowed]
        out = []
        for k in extras:
            guess = suggest(k, allowed)
            where = f" trong {label}" if path else ""
            hint = (
                f"Có phải ý bạn là `{guess}`?"
                if guess
                else "Các mục được phép: " + ", ".join(f"`{a}`" for a in allowed) + "."
            )
            out.append(
                make(
                    "schema-unknown-key",
                    doc.key_pos((*path, k)),
                    f"Mục `{k}` không có trong mẫu{where}.",
                    hints.for_unknown_key(k, guess, value[k], doc.key_pos((*path, k)).line) or hint,
                    key=k,
                    guess=guess,
                )
            )
        return out
    pos = doc.value_pos(path)
    if keyword == "enum":
        options = [str(o) for o in error.validator_value]
        guess = hints.guess_enum(value, options)
        choices = "Chọn một trong: " + ", ".join(f"`{o}`" for o in options) + "."
        hint = hints.with_corrected_line(doc, path, guess, choices)
        if guess and hint == choices:  # no line to correct: still say what was meant
            hint = f"Có phải ý bạn là `{guess}`? {choices}"
        return [make("schema-enum", pos, f"Giá trị `{value}` không hợp lệ cho {label}.", hint)]
    if keyword == "const":
        return [
            make(
                "schema-const",
                pos,
                f"{label} phải là `{error.validator_value}`, không phải `{value}`.",
                f"Sửa thành `{error.validator_value}`.",
            )
        ]
    if keyword == "type":
        expected = error.validator_value
        expected_list = expected if isinstance(expected, list) else [expected]
        want = " hoặc ".join(TYPE_VI.get(str(t), str(t)) for t in expected_list)
        return [
            make(
                "schema-type",
                pos,
                f"{label} phải là {want}, nhưng đang là `{value}`.",
                hints.for_type(value, expected_list, doc, path),
            )
        ]
    if keyword == "pattern" or (keyword == "format" and error.validator_value == "date"):
        if hints.looks_like_date_field(schema, error.validator_value):
            code = "schema-date" if keyword == "format" else "schema-pattern"
            return [
                make(
                    code,
                    pos,
                    f"Ngày `{value}` ở {label} không hợp lệ: viết theo dạng năm-tháng-ngày, "
                    "ví dụ `2025-12-15`, và phải là ngày có thật.",
                    hints.for_date(value, doc, path),
                )
            ]
        return [
            make(
                "schema-pattern",
                pos,
                f"Giá trị `{value}` ở {label} không đúng dạng quy định.",
                schema.get("description", "")
                or f"Dạng quy định (biểu thức chính quy): `{error.validator_value}`.",
            )
        ]
    if keyword == "format":
        return [make("schema-other", pos, f"Giá trị `{value}` ở {label} không đúng định dạng.")]
    if keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        bound = {
            "minimum": "không nhỏ hơn",
            "maximum": "không lớn hơn",
            "exclusiveMinimum": "lớn hơn",
            "exclusiveMaximum": "nhỏ hơn",
        }[keyword]
        return [
            make(
                "schema-range",
                pos,
                f"{label} phải {bound} {error.validator_value}, nhưng đang là {value}.",
                "Kiểm tra lại con số.",
            )
        ]
    if keyword in ("minLength", "maxLength", "minItems", "maxItems"):
        what = {
            "minLength": f"có ít nhất {error.validator_value} ký tự",
            "maxLength": f"có nhiều nhất {error.validator_value} ký tự",
            "minItems": f"có ít nhất {error.validator_value} phần tử",
            "maxItems": f"có nhiều nhất {error.validator_value} phần tử",
        }[keyword]
        hint = "Viết nội dung cho mục này." if keyword in ("minLength", "minItems") else ""
        return [make("schema-length", pos, f"{label} phải {what}.", hint)]
    if keyword is None or keyword == "not" or schema is False:
        key_pos = doc.key_pos(path)
        base_title = _base_node(base_schema, path).get("title", "") if base_schema else ""
        named = f"`{_where(path)}`" + (f" ({base_title})" if base_title else "")
        explain = schema.get("description", "") if isinstance(schema, dict) else ""
        return [
            make(
                "schema-not-allowed",
                key_pos,
                f"Mục {named} không dùng trong năm này (theo bộ quy tắc của năm).",
                explain or "Xóa mục này; xem mẫu của năm bằng `kiemdiem new`.",
            )
        ]
    if keyword == "uniqueItems":
        return [make("schema-other", pos, f"{label} có phần tử lặp lại.", "Xóa phần tử trùng.")]
    return [make("schema-other", pos, f"{label}: {error.message}")]
