"""Who may read what: data classes of the schema and the audiences of the site.

The 2026 round is the first under the Personal Data Protection Law (Luật Bảo vệ dữ liệu cá
nhân, 91/2025/QH15, in force 2026-01-01; detailed by Nghị định 356/2025). Health data and
findings about a person are sensitive, and processing is limited to its purpose. So every
property of a record schema carries its audience, the schema annotation ``x-pham-vi``:

    to-chuc        the whole organization (name, id, position, final level, file state)
    chi-bo         the member's own chi bộ (review text, criteria, self level, proposals)
    cap-uy         the committees that decide (health, discipline, degradation findings,
                   internal notes)
    khong-cong-bo  never published on any site (date of birth, the account roster)

Top-level properties state their class; a nested property inherits its parent's class
unless it names a narrower one (tests/unit/test_privacy_schema.py keeps both true).

`Scope` orders the classes; a reader with scope S reads every class up to S. The site
builds one site per audience (`generator.site.audiences`), each from records redacted here
(`redact`, `redact_verdict`), so a value an audience may not read is not in its pages nor
in its search index — the templates' gating is the second lock, not the only one.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

KEYWORD = "x-pham-vi"
# record kind (schema file stem) of each schema that describes a submitted record
RECORD_SCHEMAS = ("dang-vien", "to-chuc", "de-xuat", "quyet-dinh", "nam-danh-gia", "tai-khoan")


class Scope(enum.IntEnum):
    """An audience class; a reader of scope S may read every class up to S."""

    TO_CHUC = 1
    CHI_BO = 2
    CAP_UY = 3
    KHONG_CONG_BO = 4

    @property
    def slug(self) -> str:
        return self.name.lower().replace("_", "-")

    @classmethod
    def parse(cls, slug: str) -> Scope:
        return cls[slug.upper().replace("-", "_")]

    @property
    def label_vi(self) -> str:
        return {
            1: "Toàn đảng bộ",
            2: "Chi bộ của đảng viên",
            3: "Cấp ủy có thẩm quyền quyết định",
            4: "Không công bố",
        }[self.value]


@dataclass(frozen=True)
class ScopeTree:
    """The class of one property and of the properties below it."""

    scope: Scope
    children: dict[str, ScopeTree] = field(default_factory=dict)

    def of(self, *path: str) -> Scope:
        """The class of the property at `path` (YAML keys), inherited where unnamed."""
        node = self
        for key in path:
            child = node.children.get(key)
            if child is None:
                return node.scope
            node = child
        return node.scope


def _tree(node: dict[str, Any], inherited: Scope) -> ScopeTree:
    own = node.get(KEYWORD)
    scope = Scope.parse(own) if isinstance(own, str) else inherited
    body = node.get("items", node) if node.get("type") == "array" else node
    children = {
        name: _tree(prop, scope)
        for name, prop in (body.get("properties") or {}).items()
        if isinstance(prop, dict)
    }
    return ScopeTree(scope, children)


@functools.cache
def _scope_trees(schema_dir: Path) -> dict[str, ScopeTree]:
    out: dict[str, ScopeTree] = {}
    for kind in RECORD_SCHEMAS:
        path = schema_dir / f"{kind}.schema.json"
        if path.is_file():
            schema = json.loads(path.read_text("utf-8"))
            # the record itself is whole-organization; its properties say more
            out[kind] = _tree(schema, Scope.TO_CHUC)
    return out


def scope_tree(schema_dir: Path, kind: str) -> ScopeTree:
    """The classes of a record kind's properties, read from `schema_dir`."""
    return _scope_trees(schema_dir.resolve())[kind]


# ---------------------------------------------------------------------- redaction

T = TypeVar("T")


def _default(f: dataclasses.Field[Any]) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    raise ValueError(f"{f.name} is required and cannot be withheld")


def _withheld(f: dataclasses.Field[Any]) -> Callable[[], Any]:
    """What makes a withheld field's empty default (`_default`, asked once per field)."""
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory
    value = _default(f)
    return lambda: value


def redact(record: T, tree: ScopeTree, reader: Scope) -> T:
    """A copy of `record` with every property `reader` may not read set to its empty
    default (recursively for nested records)."""
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        return record
    changes: dict[str, Any] = {}
    for name, node, hide in _plan(type(record), tree, reader):
        if hide is not None:
            changes[name] = hide()
            continue
        value = getattr(record, name)
        if dataclasses.is_dataclass(value):
            changes[name] = redact(value, node, reader)
        elif isinstance(value, list):
            changes[name] = [redact(item, node, reader) for item in value]
    return _replace(record, changes) if changes else record


def _replace(record: T, changes: dict[str, Any]) -> T:
    """`dataclasses.replace(record, **changes)`, without its per-field checks when the
    class has nothing they are for (every field set by __init__, no __post_init__): the
    new record's fields are the changes, else the old record's values."""
    cls = type(record)
    names = _FAST.get(cls)
    if names is None:
        fields = dataclasses.fields(cls)  # type: ignore[arg-type]
        simple = all(f.init for f in fields) and not hasattr(cls, "__post_init__")
        names = _FAST[cls] = tuple(f.name for f in fields) if simple else ()
    if not names:
        return dataclasses.replace(record, **changes)  # type: ignore[type-var]
    new = object.__new__(cls)
    for name in names:  # object.__setattr__: a frozen record too, as its __init__ does
        object.__setattr__(new, name, changes[name] if name in changes else getattr(record, name))
    return new


_FAST: dict[type, tuple[str, ...]] = {}  # record class -> its fields ((): use replace)

# (record class, id of the tree, reader) -> (the tree, kept alive for its id; the steps)
_PLANS: dict[tuple[type, int, Scope], tuple[ScopeTree, list[_Step]]] = {}
_Step = tuple[str, ScopeTree, "Callable[[], Any] | None"]


def _plan(cls: type, tree: ScopeTree, reader: Scope) -> list[_Step]:
    """What `redact` does to each field of a `cls` record, worked out once (a province
    redacts ~100,000 member records for one site): (field, its tree node, what makes its
    empty default when it is withheld, else None: redact inside it). Fields the reader reads whole (no
    narrower class below them) are left out."""
    hit = _PLANS.get((cls, id(tree), reader))
    if hit is not None and hit[0] is tree:
        return hit[1]
    steps: list[_Step] = []
    for f in dataclasses.fields(cls):
        key = f.metadata.get("key")
        if key is None or not f.init:
            continue
        node = tree.children.get(key, ScopeTree(tree.scope))
        if node.scope > reader:
            steps.append((f.name, node, _withheld(f)))
        elif node.children:
            steps.append((f.name, node, None))
    _PLANS[(cls, id(tree), reader)] = (tree, steps)
    return steps
