"""The editor's fields are generated from schema/: one field per property, nothing else.

The schema side is walked here independently of generator/editor/config.py (its own
`$ref` resolution), so a property added to a schema without an editor field, or an editor
field without a schema property, fails the first test.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from generator.editor.config import (
    NUMBER_WIDGET,
    record_fields,
    skipped_properties,
    walk_fields,
)
from generator.editor.publish import EDITOR_DIR, backend, page_data, publish_editor
from generator.submissions.layout import years

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schema"
RULESETS = ("qd132-hd21", "qd124-hd25", "qd366-hd43", "pending")


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SCHEMAS / name).read_text("utf-8"))
    return data


def _resolve(node: dict[str, Any], here: str) -> tuple[dict[str, Any], str]:
    while "$ref" in node:
        file, _, pointer = node["$ref"].partition("#")
        here = file or here
        target: Any = _load(here)
        for part in pointer.strip("/").split("/"):
            target = target[part]
        node = target
    return node, here


def _schema_paths(node: dict[str, Any], here: str, prefix: str = "") -> list[str]:
    node, here = _resolve(node, here)
    out: list[str] = []
    for key, sub in node.get("properties", {}).items():
        name = f"{prefix}{key}"
        out.append(name)
        resolved, sub_here = _resolve(sub, here)
        if resolved.get("type") == "array":
            items, items_here = _resolve(resolved["items"], sub_here)
            if items.get("type") == "object":
                out += _schema_paths(items, items_here, name + "[].")
        elif resolved.get("type") == "object":
            out += _schema_paths(resolved, sub_here, name + ".")
    return out


def _expected(kind: str, ruleset: str) -> set[str]:
    name = "dang-vien.schema.json" if kind == "member" else "to-chuc.schema.json"
    skipped = skipped_properties(kind, ruleset)
    paths = {
        p for p in _schema_paths(_load(name), name) if p.split(".")[0].split("[")[0] not in skipped
    }
    if "tieu_chi" not in skipped:  # the ruleset's criteria, from the overlay
        overlay = _load("bo-quy-tac.schema.json")["$defs"]
        key = "tieu_chi_to_chuc" if kind == "org" else f"tieu_chi_dang_vien_{ruleset}"
        paths |= {f"tieu_chi.{c}" for c in overlay[key]["properties"]}
    return paths


@pytest.mark.parametrize("kind", ["member", "org"])
@pytest.mark.parametrize("ruleset", RULESETS)
def test_every_schema_property_has_a_field_and_every_field_a_property(
    kind: str, ruleset: str
) -> None:
    fields = walk_fields(record_fields(SCHEMAS, kind, ruleset, 2026))
    assert len(fields) == len(set(fields)), "a field appears twice"
    expected = _expected(kind, ruleset)
    assert set(fields) - expected == set(), "editor fields without a schema property"
    assert expected - set(fields) == set(), "schema properties without an editor field"


def _by_name(fields: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in fields}


def test_fields_follow_the_schema_order_labels_hints_and_required() -> None:
    schema = _load("dang-vien.schema.json")
    fields = record_fields(SCHEMAS, "member", "qd366-hd43", 2025)
    assert [f["name"] for f in fields] == [k for k in schema["properties"] if k != "tieu_chi"]
    by = _by_name(fields)
    for key, prop in schema["properties"].items():
        if key == "tieu_chi":
            continue
        assert by[key]["label"] == prop["title"]
        # the form's words where the YAML file's would mislead (x-huong-dan-form)
        hint = prop.get("x-huong-dan-form", prop["description"])
        assert by[key]["hint"].startswith(hint) or by[key]["hint"].startswith("Do cấp ủy ghi")
        assert by[key]["required"] is (key in schema["required"])


def test_enums_are_selects_with_vietnamese_names() -> None:
    by = _by_name(record_fields(SCHEMAS, "member", "qd366-hd43", 2025))
    levels = {o["value"]: o["label"] for o in by["tu_xep_loai"]["options"]}
    assert levels == {
        "HTXSNV": "Hoàn thành xuất sắc nhiệm vụ (HTXSNV)",
        "HTTNV": "Hoàn thành tốt nhiệm vụ (HTTNV)",
        "HTNV": "Hoàn thành nhiệm vụ (HTNV)",
        "KHTNV": "Không hoàn thành nhiệm vụ (KHTNV)",
    }
    kinds = {o["value"]: o["label"] for o in by["loai_dang_vien"]["options"]}
    assert kinds == {
        "chinh_thuc": "Đảng viên chính thức",
        "du_bi": "Đảng viên dự bị",
    }  # a snake-case code is the file's business, not the reader's
    states = {o["value"]: o["label"] for o in by["trang_thai_ho_so"]["options"]}
    assert states == {"nhap": "Bản nháp, đang soạn", "hoan_thanh": "Đã viết xong"}
    statuses = {o["value"]: o["label"] for o in by["tinh_trang"]["options"]}
    assert statuses["dang_sinh_hoat"] == "Đang sinh hoạt bình thường"
    org = _by_name(record_fields(SCHEMAS, "org", "qd366-hd43", 2025))
    assert {o["label"] for o in org["phan_loai"]["options"]} >= {"Xã", "Khác"}


def test_dates_are_strings_with_the_date_pattern_never_the_datetime_widget() -> None:
    for kind in ("member", "org"):
        text = json.dumps(record_fields(SCHEMAS, kind, "qd124-hd25", 2024))
        assert '"datetime"' not in text and '"date"' not in text
    by = _by_name(record_fields(SCHEMAS, "member", "qd366-hd43", 2025))
    date = by["ngay_vao_dang"]
    assert date["widget"] == "string"
    pattern, message = date["pattern"]
    import re

    assert re.fullmatch(pattern, "2010-05-19")
    for wrong in ("19/05/2010", "2010-13-05", "2010-05-32", "2010-5-19"):
        assert not re.fullmatch(pattern, wrong), wrong
    assert "năm-tháng-ngày" in message
    item = _by_name(by["ky_luat"]["fields"])["ngay_quyet_dinh"]
    assert item["widget"] == "string" and item["pattern"][0] == pattern


def test_ranges_lists_and_the_rulesets_criteria() -> None:
    by = _by_name(record_fields(SCHEMAS, "member", "qd366-hd43", 2025))
    scores = _by_name(by["diem"]["fields"])
    assert (scores["tieu_chi_chung"]["min"], scores["tieu_chi_chung"]["max"]) == (0, 30)
    assert scores["ket_qua_nhiem_vu"]["max"] == 70
    assert by["nhiem_vu"]["fields"][0]["value_type"] == "int"
    assert by["ky_luat"]["widget"] == "list" and by["chuyen_sinh_hoat"]["widget"] == "list"
    transfer = _by_name(by["chuyen_sinh_hoat"]["fields"])
    assert transfer["ngay"]["required"] and not transfer["so_thang_o_noi_cu"]["required"]
    assert by["nam"]["widget"] == "hidden" and by["nam"]["default"] == 2025
    old = _by_name(record_fields(SCHEMAS, "member", "qd124-hd25", 2024))
    assert "diem" not in old
    criteria = _by_name(old["tieu_chi"]["fields"])
    assert criteria["neu_guong"]["widget"] == "select"
    assert {o["value"] for o in criteria["neu_guong"]["options"]} == {
        "xuat_sac",
        "tot",
        "trung_binh",
        "kem",
    }
    org = _by_name(record_fields(SCHEMAS, "org", "qd132-hd21", 2020))
    leaders = _by_name(org["lanh_dao"]["fields"])
    assert leaders["pho_bi_thu"]["field"]["pattern"][0] == "^[a-z0-9]+(-[a-z0-9]+)*$"


def test_backend_settings_per_forge() -> None:
    assert backend({})["name"] == "proxy"
    gitlab = backend({"forge": "gitlab", "kho": "bto/kiem-diem", "app_id": "x"})
    assert gitlab == {
        "name": "gitlab",
        "repo": "bto/kiem-diem",
        "branch": "main",
        "auth_type": "pkce",
        "app_id": "x",
    }
    with pytest.raises(ValueError):
        backend({"forge": "gitea"})  # Decap's Gitea backend has no editorial workflow


def test_the_open_year_gets_an_editor_and_a_closed_year_none(tmp_path: Path) -> None:
    from generator.pipeline import Pipeline

    newest = max(years(ROOT))
    loaded = Pipeline(ROOT).load([newest - 1, newest], rate=False)
    year = loaded[newest].year
    data = page_data(year, SCHEMAS, {})
    assert data["cms"]["publish_mode"] == "editorial_workflow"
    orgs = {o["id"]: o for o in data["orgs"]}
    assert any(o["members"] for o in orgs.values())
    listed = data["members_by_org"]
    assert list(listed) == [o for o in year.orgs if o in listed]  # the year's order
    for org_id, member_ids in listed.items():
        assert member_ids == [m for m in year.orgs[org_id].member_ids if m in year.members]
        assert orgs[org_id]["path"].startswith(f"submissions/{newest}/")
    assert sum(map(len, listed.values())) >= len(year.members) > 0

    closed = loaded[newest - 1].year
    (tmp_path / "old" / EDITOR_DIR).mkdir(parents=True)
    gone = publish_editor(closed, ROOT, tmp_path / "old", open_year=False)
    assert not gone.path.exists()
    # without node_modules the page says how to install instead of failing the build
    bare = publish_editor(year, tmp_path, tmp_path / "new", open_year=True)
    assert not bare.installed
    assert "npm ci" in (bare.path / "index.html").read_text("utf-8")


def _committee_properties() -> set[str]:
    """The member schema's `x-pham-vi: cap-uy` properties, read here independently."""
    props = _load("dang-vien.schema.json")["properties"]
    found = {k for k, v in props.items() if v.get("x-pham-vi") == "cap-uy"}
    assert {"ky_luat", "ket_luan_suy_thoai", "nghi_om_thang"} <= found  # the schema says so
    return found


def _sample_page_data() -> dict[str, Any]:
    from generator.pipeline import Pipeline

    newest = max(years(ROOT))
    year = Pipeline(ROOT).load([newest], rate=False)[newest].year
    data: dict[str, Any] = json.loads(json.dumps(page_data(year, SCHEMAS, {})))
    return data


def test_a_members_own_form_offers_no_committee_field_the_chi_bos_form_does() -> None:
    """A member's pull request writing a committee fact is refused (auth-committee-field),
    even `false` left by a toggle switched on and off: the member's form (`?dang-vien=`)
    does not offer them; the chi bộ's form (`?to-chuc=`, the committee's) keeps them, marked."""
    committee = _committee_properties()
    fields = _sample_page_data()["fields"]
    own = {f["name"] for f in fields["member_own"]}
    chi_bo = _by_name(fields["member"])
    assert own & committee == set()
    assert committee <= set(chi_bo)
    assert own == set(chi_bo) - committee
    for name in committee:
        assert chi_bo[name]["hint"].startswith("Do cấp ủy ghi"), name
    # the page picks the member's form for `?dang-vien=`, the chi bộ's otherwise
    script = (ROOT / "generator/editor/assets/kiemdiem-editor.js").read_text("utf-8")
    assert "data.fields.member_own" in script


def _hints(fields: list[dict[str, Any]], prefix: str = "") -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    for field in fields:
        name = f"{prefix}{field['name']}"
        out.append((name, field))
        out += _hints(field.get("fields", []), name + ".")
        if "field" in field:
            out += _hints([field["field"]], name + "[].")
    return out


# YAML instructions a form field has no use for: quotes, dashes starting list items, `true`
# to write, "do not write this key", a key of the file, a line break (a YAML example)
YAML_WORDING = re.compile(
    r"\"|YYYY|gạch ngang \(- \)|\bViết (true|false)\b|: (true|false)\b|Không ghi mục"
    r"|\bmục [a-z]+_|\.yaml\b|\n|\b[a-z]+(_[a-z0-9]+)+\b"
)


@pytest.mark.parametrize("ruleset", RULESETS)
def test_hints_and_options_speak_of_the_form_not_of_yaml(ruleset: str) -> None:
    wrong = []
    for kind in ("member", "org"):
        for name, field in _hints(record_fields(SCHEMAS, kind, ruleset, 2026)):
            hint = field["hint"]
            if (
                "pattern" in field
                and field["widget"] == "string"
                and "[0-9]{4}" not in str(field["pattern"])
            ):  # a code typed in (nhom_vai_tro, ids): its example is a code
                hint = hint.split("Ví dụ:")[0]
            if YAML_WORDING.search(hint):
                wrong.append(f"{kind} {name}: {field['hint']}")
            for option in field.get("options", []):
                if (
                    re.search(r"[a-z]_[a-z]|;|không ghi", option["label"])
                    or option["label"] == option["value"]
                ):
                    wrong.append(f"{kind} {name} option: {option['label']}")
    assert wrong == []


# the example each patterned field's message gives: the field's own (its form hint's)
OWN_EXAMPLES = {
    "member ma_dang_vien": "dv-104233",
    "member nhom_vai_tro": "lanh_dao_quan_ly",
    "org ma_to_chuc": "chi-bo-ap-1",
    "org ten": "Chi bộ Ấp 1",
    "org ke_thua_tu[].muc": "dang-bo-xa-an-hoa",
    "org lanh_dao.bi_thu": "dv-104233",
    "org lanh_dao.pho_bi_thu[].muc": "dv-104240",
    "org lanh_dao.cap_uy_vien[].muc": "dv-104251",
}


@pytest.mark.parametrize("ruleset", RULESETS)
def test_each_patterned_field_says_what_its_own_pattern_allows(ruleset: str) -> None:
    """`lanh-dao-quan-ly` typed in Nhóm vai trò (pattern `^[a-z][a-z0-9_]*$`) was told
    "mã chỉ gồm … dấu gạch ngang, ví dụ dv-104233": every pattern got the id's message."""
    seen = {}
    for kind in ("member", "org"):
        for name, field in _hints(record_fields(SCHEMAS, kind, ruleset, 2026)):
            if "pattern" not in field or field["widget"] != "string":
                continue  # numbers: test_numbers_are_refused_unless_plain_digits
            if "[0-9]{4}" in field["pattern"][0]:
                continue  # the dates' own message: test_dates_are_strings_…
            pattern, message = field["pattern"]
            examples = re.findall(r", ví dụ (.+)$", message)
            assert len(examples) == 1 and re.fullmatch(pattern, examples[0]), (name, message)
            seen[f"{kind} {name}"] = examples[0]
            if pattern == "^[a-z][a-z0-9_]*$":
                assert "dấu gạch dưới (_)" in message and "nối các cụm" not in message
            elif name == "ten":  # an organization's name, as the statistics file takes it
                assert message.startswith("tên viết trên một dòng, không có ký tự điều khiển")
            else:
                assert "dấu gạch ngang (-) nối các cụm" in message, message
            assert message[0].islower() and not message.endswith("."), message  # Decap's
    assert seen == OWN_EXAMPLES


@pytest.mark.parametrize("ruleset", RULESETS)
def test_numbers_are_refused_unless_plain_digits(ruleset: str) -> None:
    """Decap's number widget read `1,200` as 1200 and `1.150` as 150: every number field is
    the editor's own text widget, whose pattern refuses any separator in an integer (and a
    decimal comma in a score), with its range kept."""
    numbers = 0
    for kind in ("member", "org"):
        for name, field in _hints(record_fields(SCHEMAS, kind, ruleset, 2026)):
            if field.get("widget") not in ("number", NUMBER_WIDGET):
                continue
            numbers += 1
            assert field["widget"] == NUMBER_WIDGET, name
            pattern, message = field["pattern"]
            assert "chỉ viết chữ số" in message, name
            integer = field["value_type"] == "int"
            good = ["0", "7", "1200"] + ([] if integer else ["27.5", "0.25"])
            bad = ["1,200", "27,5", "1 200", "-1", "+3", "1e3", "", " 7", "1.2.3"]
            bad += ["1.150", "27.5"] if integer else ["27.", ".5"]
            assert all(re.fullmatch(pattern, text) for text in good), (name, pattern)
            assert not any(re.fullmatch(pattern, text) for text in bad), (name, pattern)
            assert "min" in field, name
    assert numbers >= 5
