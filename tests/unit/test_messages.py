"""The message catalog (generator.messages): every finding code has its Vietnamese text and
hint there, every code the generator emits is in it, and every entry renders."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from string import Formatter

import pytest

from generator import messages
from generator.findings import Position, Severity, make

GENERATOR = Path(__file__).resolve().parents[2] / "generator"
# calls whose first argument is a finding code
FACTORIES = {"make", "finding", "LoadProblem", "fail", "_f"}
SAMPLES: dict[str, object] = {"byte": 0xFF, "count": 12, "limit": 10, "year": 2025}


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


def sample_params(entry: messages.Message) -> dict[str, object]:
    names = fields(entry.text) | fields(entry.hint)
    for hint in entry.hints.values():
        names |= fields(hint)
    return {name: SAMPLES.get(name, f"‹{name}›") for name in names}


@pytest.mark.parametrize("key", sorted(messages.CATALOG))
def test_every_entry_renders(key: str) -> None:
    entry = messages.CATALOG[key]
    code, _, variant = key.partition("/")
    params = sample_params(entry)
    for hint_key in ["", *entry.hints]:
        text, hint, severity = messages.render(code, variant=variant, hint_key=hint_key, **params)
        assert text.strip() and "{" not in text + hint and "None" not in text + hint
        assert any(ord(c) > 127 for c in text), f"{key}: the message is not Vietnamese"
        assert severity in {s.value for s in Severity}
        shown = [v for v in params.values() if isinstance(v, str) and v in text]
        assert shown == [v for v in params.values() if f"{{{str(v)[1:-1]}}}" in entry.text]


def test_variants_belong_to_a_code() -> None:
    for key in messages.CATALOG:
        code = key.partition("/")[0]
        assert code in messages.CATALOG, f"{key}: a variant of a code that has no entry"


def emitted_codes() -> dict[str, str]:
    """Finding codes written as the first argument of a factory call in generator/."""
    found: dict[str, str] = {}
    for path in GENERATOR.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in FACTORIES:
                continue
            for const in ast.walk(node.args[0]):
                if isinstance(const, ast.Constant) and isinstance(const.value, str):
                    found[const.value] = str(path.relative_to(GENERATOR))
    return found


def test_every_emitted_code_is_in_the_catalog() -> None:
    codes = emitted_codes()
    assert len(codes) > 40, sorted(codes)
    missing = {c: where for c, where in codes.items() if c not in messages.CATALOG}
    assert not missing


def test_the_factory_renders_chooses_and_keeps_facts() -> None:
    f = make(
        "rule-quota-exceeded",
        "a.yaml",
        Position(3, 5),
        rule="132-M5",
        related=["b.yaml"],
        extra={"limit": 2},
        pool="Chi bộ 1",
        count=3,
        limit=2,
        basis="20%",
        subject="đảng viên",
    )
    assert (f.code, f.severity, f.line, f.column, f.rule) == (
        "rule-quota-exceeded",
        Severity.ERROR,
        3,
        5,
        "132-M5",
    )
    assert f.actor == "committee"  # the catalog's default
    assert f.message.startswith("Vượt tỷ lệ Hoàn thành xuất sắc nhiệm vụ trong Chi bộ 1: 3 ")
    assert f.hint.endswith(
        "(132-M5); dòng này là một trong những trường hợp vượt tỷ lệ (xếp theo thứ tự trong tệp)."
    )
    assert f.extra == {"limit": 2, "related": ["b.yaml"]}
    roster = make(
        "auth-not-allowed",
        "x.yaml",
        Position(1, 1),
        variant="not-in-roster",
        login="an",
        verb="sửa",
        who="chi bộ 1",
        roster="submissions/tai-khoan.yaml",
    )
    assert roster.code == "auth-not-allowed"
    assert "chưa có trong danh sách tài khoản" in roster.message
    with pytest.raises(KeyError):
        make("no-such-code", "x.yaml", Position(1, 1))


def test_no_placeholder_is_left_in_the_sample_findings() -> None:
    # every parameter a template names reaches it (`rule=` too), on the real sample
    from generator.check.run import check_repo

    findings = check_repo(GENERATOR.parent).result.findings
    assert findings, "the sample has warnings to render"
    for f in findings:
        assert not re.search(r"\{[a-z_]+\}", f.message + f.hint), (f.code, f.message, f.hint)


VIETNAMESE = re.compile(
    r"[ăâđêôơưạảãàáầấậẩẫằắặẳẵẹẻẽèéềếệểễịỉĩìíọỏõòóồốộổỗờớợởỡụủũùúừứựửữỵỷỹỳý]", re.I
)
# modules whose user-facing text must all come from the catalog
CATALOG_ONLY = [
    *sorted((GENERATOR / "check").glob("*.py")),
    GENERATOR / "findings.py",
    GENERATOR / "rules" / "problems.py",
    GENERATOR / "forge" / "authorize.py",
    GENERATOR / "submissions" / "yamlload.py",
    GENERATOR / "submissions" / "yamlbuild.py",
    GENERATOR / "submissions" / "yamldoc.py",
]


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            out.add(id(first.value))
    return out


@pytest.mark.parametrize("path", CATALOG_ONLY, ids=lambda p: p.relative_to(GENERATOR).as_posix())
def test_no_vietnamese_text_outside_the_catalog(path: Path) -> None:
    tree = ast.parse(path.read_text("utf-8"))
    docs = _docstrings(tree)
    texts = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docs
        and VIETNAMESE.search(node.value)
    ]
    assert not texts, texts
