"""The CMS configuration, written from schema/ (the one source of truth for fields).

Every property of a record's schema becomes one Decap CMS field, in the schema's order
(which is the official form's order): the Vietnamese `title` as label, the `description`
as hint; enums as selects whose options show the Vietnamese names the description gives
(`HTTNV (Hoàn thành tốt nhiệm vụ)`); dates as string fields with the date pattern (Decap's
datetime widget corrupts dates typed on the keyboard, Decap issue #7939); numbers as text
refused unless plain digits, with the schema's range; lists as lists; `required` as the
schema says.

Two things the form cannot say, left to the pull-request check (the judge either way):
conditional requirements (what a finished file must hold, schema/bo-quy-tac.schema.json)
and the required sub-fields of an *optional* group: Decap refuses to save an untouched
optional group whose sub-fields are required, so inside optional groups sub-fields are
offered as optional and the hint says which ones the group needs.

`tieu_chi` / `diem` follow the year's ruleset: the criteria of qd132-hd21 or qd124-hd25
as selects, or the 100-point scores of qd366-hd43 (also offered in a pending year).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.check.schemaref import deref, schema_file
from generator.privacy import Scope

SCHEMA_DIR = "schema"
MEMBER_SCHEMA = "dang-vien.schema.json"
ORG_SCHEMA = "to-chuc.schema.json"
COMMON_SCHEMA = "chung.schema.json"
RULESET_SCHEMA = "bo-quy-tac.schema.json"
# the custom YAML format registered by kiemdiem-editor.js (keys in form order, dates quoted)
FORMAT = "kiemdiem-yaml"
# long text (a paragraph of the review): a text area rather than a one-line input
TEXT_PARENTS = {"kiem_diem"}
TEXT_FIELDS = {"ghi_chu_noi_bo", "noi_dung"}
DATE_MESSAGE = (
    "Ngày viết theo dạng năm-tháng-ngày, ví dụ 2025-12-15 (ngày 15 tháng 12 năm 2025), và phải "
    "là ngày có thật"  # Decap adds the full stop
)
# what each pattern of the schema lets one write, in words, shown by Decap after "<field>
# không khớp với mẫu:" with the field's own example (`pattern_message`); a pattern without
# words here stops the editor's generation (a new pattern needs its own message)
PATTERN_WORDS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": (
        "mã chỉ gồm chữ thường không dấu (a-z), chữ số và dấu gạch ngang (-) nối các cụm, "
        "không có dấu cách"
    ),
    # an organization's name (generator.check.schemafindings.CONTROL_FREE)
    "^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]*$": (
        "tên viết trên một dòng, không có ký tự điều khiển như tab"
    ),
    "^[a-z][a-z0-9_]*$": (
        "mã bắt đầu bằng một chữ thường không dấu (a-z), sau đó chỉ gồm chữ thường không "
        "dấu, chữ số và dấu gạch dưới (_), không có dấu cách hay dấu gạch ngang"
    ),
}
# numbers: a text input (kiemdiem-editor.js) that stores the number only when the text is
# plain digits (a decimal point for a score), and refuses anything else with these messages
NUMBER_WIDGET = "kiemdiem-so"
INT_PATTERN = (
    "^[0-9]+$",
    "chỉ viết chữ số, không có dấu chấm, dấu phẩy hay dấu cách, ví dụ 1200",
)
DECIMAL_PATTERN = (
    "^[0-9]+([.][0-9]+)?$",
    "chỉ viết chữ số, phần lẻ sau dấu chấm (không dùng dấu phẩy), ví dụ 27.5",
)
# the date pattern the editor enforces: the schema's shape, plus a real month and day
# (the check also rejects 2025-02-30; the editor catches the common slips before saving)
DATE_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
SCORE_RULESETS = ("qd366-hd43", "pending")
# what the committee's form says before the hint of a committee-written property
COMMITTEE_NOTE = "Do cấp ủy ghi, đảng viên không tự ghi mục này."


def is_committee(node: dict[str, Any]) -> bool:
    """A property the committee writes (`x-pham-vi: cap-uy`): never in a member's own form."""
    return node.get("x-pham-vi") == Scope.CAP_UY.slug


def form_hint(node: dict[str, Any]) -> str | None:
    """The hint of a property's form field: its `x-huong-dan-form` (the description for a
    form, where the `description`, written for editing the YAML file, speaks of quotes,
    dashes, `true` or keys), else its `description`; None when the node has neither (the
    `$ref` target's then), so a target's form text never replaces a property's own words."""
    if "x-huong-dan-form" in node:
        return str(node["x-huong-dan-form"])
    return str(node["description"]) if "description" in node else None


def enum_label(value: str, *descriptions: str) -> str:
    """The Vietnamese name a description gives an enum code: `xa (xã)` -> `Xã`; an
    abbreviation a reader knows keeps it (`Hoàn thành tốt nhiệm vụ (HTTNV)`), a code
    written in snake case does not (the form shows words, the file gets the code)."""
    for text in descriptions:
        found = re.search(rf"(?<![\w-]){re.escape(value)} \(([^()]+)\)", text or "")
        if found:
            name = found.group(1).split(";")[0].strip()
            name = f"{name[0].upper()}{name[1:]}"
            return f"{name} ({value})" if value.isupper() else name
    return value


def pattern_message(pattern: str, *texts: str | None) -> str:
    """The message of a field whose text must match `pattern`: what the pattern allows
    (PATTERN_WORDS) and the field's own example, the first `Ví dụ:` item of `texts` (its
    form hint, description, its list's, its `$ref` target's) that the pattern accepts."""
    words = PATTERN_WORDS.get(pattern)
    if words is None:  # pragma: no cover - a schema pattern this generator has no words for
        raise ValueError(f"no editor message for the pattern {pattern}")
    for text in texts:
        for example in re.findall(r"Ví dụ:\s*([^\n]+)", text or ""):
            for item in re.split(r",\s*", example):
                item = item.strip().removeprefix("- ").rstrip(".").strip('"')
                if re.fullmatch(pattern, item):
                    return f"{words}, ví dụ {item}"
    return words


def _criteria_schema(schema_dir: Path, kind: str, ruleset: str) -> dict[str, Any] | None:
    defs = schema_file(schema_dir, RULESET_SCHEMA)["$defs"]
    key = "tieu_chi_to_chuc" if kind == "org" else f"tieu_chi_dang_vien_{ruleset}"
    found: dict[str, Any] | None = defs.get(key)
    return found


def _field(
    schema_dir: Path,
    name: str,
    node: dict[str, Any],
    here: str,
    *,
    required: bool,
    parent: str = "",
    examples: tuple[str | None, ...] = (),
) -> dict[str, Any]:
    """`examples`: texts giving the field's example before its own (its list's, for a
    list's items, whose own text is their `$ref` target's)."""
    hint = form_hint(node)
    own = (*examples, hint, node.get("description"))
    node, here = deref(schema_dir, node, here)
    field: dict[str, Any] = {
        "name": name,
        "label": node.get("title", name),
        "hint": hint if hint is not None else form_hint(node) or "",
        "required": required,
    }

    kind = node.get("type")
    if "enum" in node:
        descriptions = (node.get("description", ""), node.get("x-ref-description", ""))
        names = node.get("x-nhan", {})
        field["widget"] = "select"
        field["options"] = [
            {"label": names.get(v) or enum_label(v, *descriptions), "value": v}
            for v in node["enum"]
        ]
    elif kind == "string" and node.get("format") == "date":
        field["widget"] = "string"
        field["pattern"] = [DATE_PATTERN, DATE_MESSAGE]
    elif kind == "string":
        long_text = parent in TEXT_PARENTS or name in TEXT_FIELDS
        field["widget"] = "text" if long_text else "string"
        if "pattern" in node:
            texts = (*own, node.get("description"), node.get("x-ref-description"))
            field["pattern"] = [node["pattern"], pattern_message(node["pattern"], *texts)]
    elif kind in ("integer", "number"):
        # typed as text and refused unless plain digits: Decap's number widget reads
        # `1,200` as 1200, `1.150` as 150, `27,5` as 275 (kiemdiem-editor.js NUMBER_WIDGET)
        field["widget"] = NUMBER_WIDGET
        field["value_type"] = "int" if kind == "integer" else "float"
        field["pattern"] = list(INT_PATTERN if kind == "integer" else DECIMAL_PATTERN)
        if kind == "number":
            field["step"] = 0.5 if node.get("maximum", 0) > 1 else 0.01
        for key in ("minimum", "maximum"):
            if key in node:
                field[key[:3]] = node[key]
    elif kind == "boolean":
        field["widget"] = "boolean"
    elif kind == "array":
        field["widget"] = "list"
        items, items_here = deref(schema_dir, node["items"], here)
        if items.get("type") == "object":
            field["fields"] = _fields(schema_dir, items, items_here, group_required=True)
            field["summary"] = "{{fields." + next(iter(items["properties"])) + "}}"
        else:
            field["field"] = _field(
                schema_dir, "muc", items, items_here, required=True, examples=own
            )
            field["field"]["label"] = node.get("title", name)
    elif kind == "object":
        field["widget"] = "object"
        field["collapsed"] = not required and name not in TEXT_PARENTS
        field["fields"] = _fields(schema_dir, node, here, group_required=required, parent=name)
        needs = node.get("required", [])
        if needs and not required:
            titles = ", ".join(node["properties"][k].get("title", k) for k in needs)
            field["hint"] = f"{field['hint']} Nếu ghi mục này thì phải có: {titles}."
    else:  # pragma: no cover - a schema type this generator does not know yet
        raise ValueError(f"no editor widget for {name}: {node}")
    return field


def _fields(
    schema_dir: Path,
    node: dict[str, Any],
    here: str,
    *,
    group_required: bool,
    parent: str = "",
    own: bool = False,
) -> list[dict[str, Any]]:
    needs = set(node.get("required", ())) if group_required else set()
    return [
        _field(schema_dir, key, sub, here, required=key in needs, parent=parent)
        for key, sub in node.get("properties", {}).items()
        if not (own and is_committee(sub))
    ]


def record_fields(
    schema_dir: Path, kind: str, ruleset: str, year: int, *, own: bool = False
) -> list[dict[str, Any]]:
    """The editor fields of a member's (`member`) or organization's (`org`) review.

    `own`: the member's own form (`?dang-vien=`), without the properties the committee
    writes (`x-pham-vi: cap-uy`: a member's pull request touching one is refused by
    `auth-committee-field`, generator.forge.committee). Otherwise every property, the
    committee's marked as theirs (the chi bộ's form, `?to-chuc=`). A file holding
    committee facts keeps them through the member's form: Decap keeps keys its form does
    not show, and the YAML format orders keys by the full field list."""
    name = MEMBER_SCHEMA if kind == "member" else ORG_SCHEMA
    schema = schema_file(schema_dir, name)
    out: list[dict[str, Any]] = []
    for field in _fields(schema_dir, schema, name, group_required=True, own=own):
        key = field["name"]
        if key == "tieu_chi":
            criteria = _criteria_schema(schema_dir, kind, ruleset)
            if ruleset in SCORE_RULESETS or criteria is None:
                continue  # this year scores (diem), it does not rate criteria
            field.update(
                widget="object",
                collapsed=False,
                fields=_fields(schema_dir, criteria, RULESET_SCHEMA, group_required=False),
            )
        elif key == "diem" and ruleset not in SCORE_RULESETS:
            continue  # this year rates criteria (tieu_chi), it does not score
        elif key == "nam":
            field.update(widget="hidden", default=year)
        elif key == "trang_thai_ho_so":
            field["default"] = "nhap"
        if kind == "member" and is_committee(schema["properties"][key]):
            field["hint"] = f"{COMMITTEE_NOTE} {field['hint']}".strip()
        out.append(field)
    return out


def skipped_properties(kind: str, ruleset: str) -> set[str]:
    """Schema properties the year's ruleset does not use (not offered by the editor)."""
    return {"tieu_chi"} if ruleset in SCORE_RULESETS else {"diem"}


def walk_fields(fields: list[dict[str, Any]], prefix: str = "") -> list[str]:
    """Dotted names of every field (list items as `name[]`)."""
    out: list[str] = []
    for field in fields:
        name = f"{prefix}{field['name']}"
        out.append(name)
        if "fields" in field:
            sep = "[]." if field.get("widget") == "list" else "."
            out += walk_fields(field["fields"], name + sep)
    return out
