"""Data classes of the schema (x-pham-vi), redaction of records and verdicts, and the
suppression of small counts (issue 14)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from generator.privacy import KEYWORD, RECORD_SCHEMAS, Scope, redact, scope_tree
from generator.privacy.disclosure import Disclosure, hidden_cells
from generator.privacy.verdicts import NOT_RATED_SCOPES, reason_scope, redact_verdict
from generator.rules.base import Effect, NotRated, Reason, Verdict
from generator.statistics import Counts
from generator.submissions import records
from generator.submissions.records import Level

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "schema"
VALUES = {s.slug for s in Scope}


def _schema(kind: str) -> dict[str, Any]:
    return json.loads((SCHEMA / f"{kind}.schema.json").read_text("utf-8"))


def _walk(node: dict[str, Any], parent: Scope, where: str) -> list[str]:
    """Problems below one property: an unknown class, or a nested class wider than its
    parent's."""
    problems = []
    body = node.get("items", node) if node.get("type") == "array" else node
    for name, prop in (body.get("properties") or {}).items():
        own = prop.get(KEYWORD)
        if own is not None and own not in VALUES:
            problems.append(f"{where}.{name}: unknown class {own!r}")
            continue
        scope = Scope.parse(own) if own else parent
        if scope < parent:
            problems.append(f"{where}.{name}: {scope.slug} is wider than its parent {parent.slug}")
        problems += _walk(prop, scope, f"{where}.{name}")
    return problems


@pytest.mark.parametrize("kind", RECORD_SCHEMAS)
def test_every_property_has_an_audience_class(kind: str) -> None:
    schema = _schema(kind)
    missing = [name for name, prop in schema["properties"].items() if KEYWORD not in prop]
    assert not missing, f"{kind}: properties without {KEYWORD}: {missing}"
    assert not _walk(schema, Scope.TO_CHUC, kind)


def test_overlays_name_only_classified_properties() -> None:
    """bo-quy-tac.schema.json constrains properties; it must not add an unclassified one."""
    overlays = json.loads((SCHEMA / "bo-quy-tac.schema.json").read_text("utf-8"))
    known = {name for kind in RECORD_SCHEMAS for name in _schema(kind)["properties"]}
    known |= {
        name
        for kind in RECORD_SCHEMAS
        for prop in _schema(kind)["properties"].values()
        for name in (prop.get("properties") or {})
    }
    for name, overlay in overlays["$defs"].items():
        for prop in overlay.get("properties") or {}:
            if not name.startswith("tieu_chi_"):  # criteria names live under tieu_chi
                assert prop in known, f"{name} adds {prop}, which no record schema classifies"


def test_sensitive_defaults() -> None:
    """Health, discipline, degradation findings and internal notes: committees only;
    the date of birth and the account roster: never published."""
    member = scope_tree(SCHEMA, "dang-vien")
    for key in ("nghi_om_thang", "nghi_thai_san_thang", "ky_luat", "ket_luan_suy_thoai"):
        assert member.of(key) is Scope.CAP_UY, key
    assert member.of("vi_pham_dieu_cam") is Scope.CAP_UY
    assert member.of("ghi_chu_noi_bo") is Scope.CAP_UY
    assert member.of("ngay_sinh") is Scope.KHONG_CONG_BO
    assert member.of("kiem_diem", "uu_diem") is Scope.CHI_BO  # inherited
    assert member.of("ho_ten") is Scope.TO_CHUC
    org = scope_tree(SCHEMA, "to-chuc")
    assert org.of("ky_luat") is Scope.CAP_UY
    assert org.of("lanh_dao", "ky_luat") is Scope.CAP_UY
    assert org.of("lanh_dao", "bi_thu") is Scope.TO_CHUC
    assert scope_tree(SCHEMA, "quyet-dinh").of("xep_loai_lai", "ly_do") is Scope.CAP_UY
    assert scope_tree(SCHEMA, "tai-khoan").of("tai_khoan") is Scope.KHONG_CONG_BO


@pytest.mark.parametrize(
    ("cls", "kind"),
    [(records.MemberReview, "dang-vien"), (records.Organization, "to-chuc")],
)
def test_required_fields_are_for_everyone(cls: type, kind: str) -> None:
    """Redaction resets a withheld field to its default; a required field has none."""
    tree = scope_tree(SCHEMA, kind)
    for f in dataclasses.fields(cls):
        key = f.metadata.get("key")
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        if key and required and f.init:
            assert tree.of(key) is Scope.TO_CHUC, f"{kind}.{key} is required but not public"


def _member() -> records.MemberReview:
    return records.MemberReview(
        id="dv-000001",
        year=2025,
        name="Nguyễn Văn A",
        kind=records.MemberKind.CHINH_THUC,
        admitted=dt.date(2010, 5, 19),
        birth_date=dt.date(1980, 1, 2),
        private_note="GHI-CHU",
        sick_leave_months=4,
        maternity_leave_months=2,
        discipline=[
            records.Discipline(
                form=records.DisciplineForm.KHIEN_TRACH, decision_date=dt.date(2025, 3, 1)
            )
        ],
        degradation_finding=True,
        review=records.ReviewText(strengths="ƯU-ĐIỂM"),
        status=records.MembershipStatus.SUSPENDED,
    )


def test_redact_member_by_reader() -> None:
    m = _member()
    tree = scope_tree(SCHEMA, "dang-vien")
    committee = redact(m, tree, Scope.CAP_UY)
    assert committee.sick_leave_months == 4 and committee.discipline and committee.private_note
    assert committee.birth_date is None  # never published, not even to the committee's site
    chi_bo = redact(m, tree, Scope.CHI_BO)
    assert (chi_bo.sick_leave_months, chi_bo.maternity_leave_months) == (0, 0)
    assert chi_bo.discipline == [] and chi_bo.private_note == ""
    assert chi_bo.degradation_finding is False
    assert chi_bo.review.strengths == "ƯU-ĐIỂM"
    assert chi_bo.status is records.MembershipStatus.SUSPENDED
    everyone = redact(m, tree, Scope.TO_CHUC)
    assert everyone.review.strengths == "" and everyone.name == "Nguyễn Văn A"
    assert m.sick_leave_months == 4  # the original is untouched


def _reason(rule: str, effect: Effect = Effect.CEILING, **kw: Any) -> Reason:
    return Reason(rule, "Quy định", f"lý do {rule}", effect, **kw)


def test_reasons_follow_the_facts_they_state() -> None:
    assert reason_scope(_reason("132-M6"), "member") is Scope.CAP_UY  # sick leave
    assert reason_scope(_reason("132-M1"), "member") is Scope.CHI_BO  # criteria
    assert reason_scope(_reason("132-O1"), "org") is Scope.TO_CHUC
    assert reason_scope(_reason("X3", Effect.FLAG), "member") is Scope.TO_CHUC  # public levels
    suspended = _reason("132-M7", Effect.NOT_RATED, not_rated=NotRated.SUSPENDED)
    new = _reason("132-M7", Effect.NOT_RATED, not_rated=NotRated.NEW_MEMBER)
    assert reason_scope(suspended, "member") is Scope.CHI_BO
    assert reason_scope(new, "member") is Scope.TO_CHUC


def test_redact_verdict() -> None:
    v = Verdict(
        "dv-000001",
        "member",
        rated=False,
        not_rated=NotRated.SUSPENDED,
        self_level=Level.HTTNV,
        proposed=Level.HTTNV,
        proposed_votes=(7, 1, 0),
        reasons=[
            _reason("132-M7", Effect.NOT_RATED, not_rated=NotRated.SUSPENDED),
            _reason("132-M4"),
        ],
    )
    everyone = redact_verdict(v, Scope.TO_CHUC)
    assert everyone.not_rated is None and everyone.reasons == []
    assert everyone.proposed is None and everyone.proposed_votes is None
    chi_bo = redact_verdict(v, Scope.CHI_BO)
    assert chi_bo.not_rated is NotRated.SUSPENDED
    assert [r.rule for r in chi_bo.reasons] == ["132-M7"]
    assert [r.rule for r in redact_verdict(v, Scope.CAP_UY).reasons] == ["132-M7", "132-M4"]


def _counts(levels: dict[Level, int], not_rated: dict[NotRated, int]) -> Counts:
    c = Counts()
    c.by_level.update(levels)
    c.not_rated.update(not_rated)
    c.rated = c.with_level
    c.total = c.rated + c.not_rated_total
    return c


def test_a_suspended_member_in_a_chi_bo_of_eight_is_not_named() -> None:
    """The issue's case: "đình chỉ: 1" in a chi bộ of 8 names the person."""
    c = _counts({Level.HTXSNV: 0, Level.HTTNV: 5, Level.HTNV: 2}, {NotRated.SUSPENDED: 1})
    d = Disclosure()
    assert d.show(c, NotRated.SUSPENDED) == "< 3"
    assert d.show(c, Level.HTNV) == "< 3"
    # two small cells alone in a row: their bounds could tell them ("< 3" + "< 3" = 2 is
    # 1 + 1), so a larger one is hidden with them, marked "ẩn" and not a false "< 3"
    assert d.show(c, Level.HTTNV) == "ẩn"
    assert d.show(c, Level.HTXSNV) == "0"


def test_secondary_suppression_when_one_cell_is_small() -> None:
    """One small cell alone would come back by subtraction from the total."""
    c = _counts({Level.HTTNV: 5, Level.HTNV: 4}, {NotRated.SUSPENDED: 1})
    assert hidden_cells(c, 3) == {NotRated.SUSPENDED, Level.HTNV}
    big = _counts({Level.HTTNV: 50, Level.HTNV: 40}, {NotRated.SUSPENDED: 3})
    assert hidden_cells(big, 3) == frozenset()
    assert Disclosure(threshold=5).show(big, NotRated.SUSPENDED) == "< 5"


@pytest.mark.parametrize(
    "text",
    [
        "ma_dang_vien: dv-1\nky_luat:\n- hinh_thuc: SECRETFORM\n  noi_dung: SECRETTEXT\nnghi_om_thang: 4\n",
        "ma_dang_vien: dv-1\nky_luat:\n  - hinh_thuc: SECRETFORM\n    noi_dung: |\n      SECRETTEXT\nnghi_om_thang: 4\n",
    ],
)
def test_sensitive_lines_found_by_indentation(text: str) -> None:
    """Both list styles, a block scalar, and a key after the list: which lines hold
    committee-only values (the file need not parse)."""
    from generator.privacy.minimize import sensitive_values

    lines = sensitive_values(text, scope_tree(SCHEMA, "dang-vien"))
    values = {v for vs in lines.values() for v in vs}
    assert {"SECRETFORM", "SECRETTEXT", "4"} <= values
    assert "dv-1" not in values


def _redact_by_replace(record: Any, tree: Any, reader: Scope) -> Any:
    """`redact` as first written (dataclasses.replace, the tree walked per record): the
    reference the planned, faster `redact` must equal."""
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        return record
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        key = f.metadata.get("key")
        if key is None or not f.init:
            continue
        node = tree.children.get(key, type(tree)(tree.scope))
        value = getattr(record, f.name)
        if node.scope > reader:
            changes[f.name] = (
                f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
            )
        elif node.children and dataclasses.is_dataclass(value):
            changes[f.name] = _redact_by_replace(value, node, reader)
        elif node.children and isinstance(value, list):
            changes[f.name] = [_redact_by_replace(item, node, reader) for item in value]
    return dataclasses.replace(record, **changes) if changes else record


@pytest.mark.parametrize("reader", list(Scope))
def test_redact_equals_the_reference_on_every_sample_record(reader: Scope) -> None:
    from generator.pipeline import Pipeline

    repo = Path(__file__).resolve().parents[2]
    rated = Pipeline(repo, cache=False).load([2025], rate=False)
    year = rated[2025].year
    kinds = [
        ("dang-vien", year.members),
        ("to-chuc", year.orgs),
        ("de-xuat", year.proposals),
        ("quyet-dinh", year.decisions),
    ]
    seen = 0
    for kind, records_ in kinds:
        tree = scope_tree(repo / "schema", kind)
        for record in records_.values():
            ours, reference = redact(record, tree, reader), _redact_by_replace(record, tree, reader)
            assert ours == reference and type(ours) is type(reference)
            seen += 1
    assert seen > 50  # the sample year: members, organizations, proposals, decisions


def _redact_verdict_by_replace(verdict: Verdict, reader: Scope) -> Verdict:
    """`redact_verdict` as first written (dataclasses.replace, each reason's class asked
    afresh): the reference the faster one must equal."""
    kind = verdict.subject_kind
    changes: dict[str, Any] = {
        "reasons": [r for r in verdict.reasons if reason_scope(r, kind) <= reader],
        "flags": [r for r in verdict.flags if reason_scope(r, kind) <= reader],
    }
    if verdict.not_rated is not None and NOT_RATED_SCOPES[verdict.not_rated] > reader:
        changes["not_rated"] = None
    if kind == "member" and reader < Scope.CHI_BO:
        changes.update(self_level=None, proposed=None, proposed_votes=None)
    # a ceiling no readable reason sets is withheld, with the criteria level capped there
    caps = [r.level for r in changes["reasons"] if r.effect.value == "ceiling" and r.level]
    if (
        verdict.ceiling is not None
        and verdict.ceiling not in caps
        and verdict.ceiling.code != "HTXSNV"
    ):
        changes.update(ceiling=None, withheld=True)
        if verdict.assessed == verdict.ceiling:
            changes["assessed"] = None
    if verdict.leadership is not None:
        changes["leadership"] = _redact_verdict_by_replace(verdict.leadership, reader)
    return dataclasses.replace(verdict, **changes)


@pytest.mark.parametrize("reader", list(Scope))
def test_redact_verdict_equals_the_reference_on_every_sample_verdict(reader: Scope) -> None:
    from generator.pipeline import Pipeline

    repo = Path(__file__).resolve().parents[2]
    seen = 0
    for rated in Pipeline(repo, cache=False).rate([2024, 2025]):
        assert rated.verdicts is not None
        for verdict in [*rated.verdicts.members.values(), *rated.verdicts.orgs.values()]:
            ours = redact_verdict(verdict, reader)
            assert ours == _redact_verdict_by_replace(verdict, reader)
            assert type(ours) is Verdict and ours is not verdict
            assert ours.reasons is not verdict.reasons  # a copy: callers may append
            seen += 1
    assert seen > 100


def _parent_case() -> tuple[dict, list]:
    """Parent KHTNV 8 = sibling 6 + a chi bộ's 2, each row adding up (the trial's case)."""
    from generator.privacy.suppress import Equation

    values = {("p", "K"): 8, ("a", "K"): 6, ("b", "K"): 2, ("b", "X"): 15, ("a", "X"): 37}
    values |= {("p", "X"): 52}
    sums = [
        Equation({("p", "K"): 1, ("a", "K"): -1, ("b", "K"): -1}, frozenset({("p", "K")})),
        Equation({("p", "X"): 1, ("a", "X"): -1, ("b", "X"): -1}, frozenset({("p", "X")})),
        Equation({("b", "K"): 1, ("b", "X"): 1}),
        Equation({("a", "K"): 1, ("a", "X"): 1}),
        Equation({("p", "K"): 1, ("p", "X"): 1}),
    ]
    return values, sums


def test_a_hidden_cell_does_not_come_back_through_the_parent() -> None:
    """The trial's case: parent KHTNV 8 = sibling 6 + the chi bộ's 2; the chi bộ's row
    hides a second cell with "ẩn" (no false "< 3"), and the column hides a second cell."""
    from generator.privacy.suppress import Equation, pinned, protect

    values, sums = _parent_case()
    assert pinned(values, sums, {("b", "K"): True}, 3) == {("b", "K")}
    hidden = protect(values, sums, 3)
    assert hidden == {("b", "K"): True, ("b", "X"): False, ("a", "K"): False, ("a", "X"): False}
    assert pinned(values, sums, hidden, 3) == set()
    # two "< 3" that must add up to 2 are both 1: bounds pin them, a third cell is hidden
    two = {"a": 1, "b": 1, "c": 40}
    assert pinned(two, [Equation(dict.fromkeys(two, 1))], {"a": True, "b": True}, 3) == {"a", "b"}
    assert protect(two, [Equation(dict.fromkeys(two, 1))], 3)["c"] is False


def test_a_province_sized_page_gets_the_row_and_column_rule(monkeypatch) -> None:
    """Above MAX_SOLVED cells the reader's arithmetic is not solved (minutes at 100,000
    members): no sum keeps exactly one hidden cell, nor small ones only, so the parent
    case above is still covered by a complement in the chi bộ's row and in the column."""
    from generator.privacy import suppress
    from generator.privacy.suppress import protect

    values, sums = _parent_case()
    monkeypatch.setattr(suppress, "MAX_SOLVED", 0)
    hidden = protect(values, sums, 3)
    assert hidden[("b", "K")] is True and all(not hidden[v] for v in hidden if v != ("b", "K"))
    for eq in sums:
        inside = [v for v in eq.coefs if v in hidden]
        assert len(inside) != 1 and not (inside and all(hidden[v] for v in inside))
