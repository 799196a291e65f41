"""The editor's YAML format (generator/editor/assets/kiemdiem-yaml.js) under node.

Every member and organization file of the sample, read and written back as the editor
does when a file is opened and saved unchanged, must load with the project's strict loader
to the same data, with no problem, and keys in the form's order; writing is stable; hostile
strings (`yes`, `1.10`, `2021-13-01`, `a: b`, leading spaces, quotes, backslashes, line
separators…) keep their exact text; a cleared field is dropped, never written as `""`.

Needs `npm ci` (the pinned `yaml` package); skipped without it outside CI.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.check.yamltext import yaml_scalar
from generator.editor.config import record_fields
from generator.editor.publish import EDITOR_DIR, publish_editor
from generator.pipeline import Pipeline
from generator.rules.registry import ruleset_of
from generator.submissions import layout
from generator.submissions.yamlload import loads
from tests.unit.trickytext import tricky

ROOT = Path(__file__).resolve().parents[2]
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(
    not os.environ.get("CI")
    and (NODE is None or not (ROOT / "node_modules" / "yaml" / "browser").is_dir()),
    reason="the editor's node packages are not installed (run `npm ci`)",
)

ROUND_TRIP = """
import { readFileSync } from "node:fs";
import { yamlFormat } from "./kiemdiem-yaml.js";
const jobs = JSON.parse(readFileSync(0, "utf-8"));
const out = jobs.map(({ fields, text, data }) => {
  const format = yamlFormat(fields);
  const written = format.toFile(data === undefined ? format.fromFile(text) : data);
  let read; // what the editor reads back (a file it cannot read: the error, for the test)
  try {
    read = format.fromFile(written);
  } catch (error) {
    return { written, read: { error: String(error) }, again: "" };
  }
  return { written, read, again: format.toFile(read) };
});
process.stdout.write(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def editor_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    newest = max(layout.years(ROOT))
    year = Pipeline(ROOT).load([newest], rate=False)[newest].year
    site = tmp_path_factory.mktemp("editor-yaml")
    published = publish_editor(year, ROOT, site, open_year=True)
    assert published.installed
    (site / EDITOR_DIR / "round-trip.mjs").write_text(ROUND_TRIP, "utf-8")
    return site / EDITOR_DIR


def _run(editor_dir: Path, jobs: list[dict[str, Any]]) -> list[dict[str, str]]:
    done = subprocess.run(
        [NODE or "node", "round-trip.mjs"],
        cwd=editor_dir,
        input=json.dumps(jobs, ensure_ascii=False),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    out: list[dict[str, str]] = json.loads(done.stdout)
    return out


def _data(text: str, *, separators: int = 0) -> dict[str, Any]:
    """The data of a file the editor wrote, which loads without a problem, but for the
    `separators` line separators (U+2028) written as escapes: each a `text-control` error
    for `check` to tell (a review needs none; kiemdiem never rates the file), its text
    kept exactly all the same."""
    loaded = loads(text.encode("utf-8"), despite_controls=True)
    assert [p.code for p in loaded.problems] == ["text-control"] * separators, text
    assert loaded.document is not None
    return loaded.document.data


def _fields(year: int) -> dict[str, Any]:
    ruleset = ruleset_of(Pipeline(ROOT).load([year], rate=False)[year].year)
    schemas = ROOT / "schema"
    return {
        "member": record_fields(schemas, "member", ruleset, year),
        "org": record_fields(schemas, "org", ruleset, year),
    }


def test_every_sample_review_survives_open_and_save_unchanged(editor_dir: Path) -> None:
    jobs, paths = [], []
    for year in layout.years(ROOT):
        fields = _fields(year)
        for f in layout.walk_year(ROOT, year):
            if f.kind in (layout.Kind.MEMBER, layout.Kind.ORG):
                text = (ROOT / f.path).read_text("utf-8")
                jobs.append({"fields": fields, "text": text})
                paths.append((f.path, fields["member" if f.kind is layout.Kind.MEMBER else "org"]))
    assert len(jobs) > 50
    for (path, fields), job, out in zip(paths, jobs, _run(editor_dir, jobs), strict=True):
        before, after = _data(job["text"]), _data(out["written"])
        assert after == before, path
        assert out["again"] == out["written"], path  # stable
        order = [f["name"] for f in fields]
        known = [k for k in after if k in order]
        assert known == sorted(known, key=order.index), path  # the form's order
        assert '""' not in out["written"], path


HOSTILE = [
    "yes",
    "no",
    "1.10",
    "0x1F",
    "2021-13-01",
    "2025-12-15",
    "null",
    "~",
    "a: b",
    "giá trị # không phải chú thích",
    "- gạch đầu dòng",
    "  thụt lề đầu",
    "cuối có cách ",
    'ngoặc "kép" và \\ gạch chéo',
    "'nháy đơn'",
    "@tài khoản",
    "tab\tở giữa",
    "dòng\u2028phân cách",
    "Nguyễn Văn An",
    "dòng một\ndòng hai\n",
    "  đoạn thụt lề\ndòng hai",
    "đoạn có dòng trống\n\ngiữa",
    "đoạn có cách cuối \nthứ hai",
    "Về đạo đức, lối sống:\n\tGiữ gìn phẩm chất…",
    "đoạn\n  \tcách rồi tab",
]


def test_hostile_strings_keep_their_exact_text(editor_dir: Path) -> None:
    fields = _fields(max(layout.years(ROOT)))
    jobs = [
        {
            "fields": fields,
            "data": {
                "ma_dang_vien": "dv-1",
                "nam": 2026,
                "ho_ten": text,
                "kiem_diem": {"uu_diem": text},
                "chuyen_sinh_hoat": [{"ngay": "2026-01-02", "tu_don_vi": text}],
            },
        }
        for text in HOSTILE
    ]
    for text, out in zip(HOSTILE, _run(editor_dir, jobs), strict=True):
        data = _data(out["written"], separators=3 if "\u2028" in text else 0)
        assert data["ho_ten"] == text, out["written"]
        # a paragraph gains at most its final line break (a `|` block keeps one)
        assert data["kiem_diem"]["uu_diem"] in (text, text + "\n"), out["written"]
        assert data["chuyen_sinh_hoat"][0]["tu_don_vi"] == text
        assert 'ngay: "2026-01-02"' in out["written"]


def test_every_tricky_one_line_string_reads_back_as_itself(editor_dir: Path) -> None:
    """`chuc_vu: Chi hội trưởng:` was written plain, a YAML syntax error; so would be
        any text a reader takes for more than text: each of tests/unit/trickytext.py's reads
        back as itself by the project's loader, PyYAML and the editor's own `yaml`, written as
    `kiemdiem new` writes it (generator/check/yamltext.py `yaml_scalar`)."""
    fields = _fields(max(layout.years(ROOT)))
    texts = tricky()
    jobs = [{"fields": fields, "data": {"ma_dang_vien": "dv-1", "chuc_vu": t}} for t in texts]
    wrong = []
    for text, out in zip(texts, _run(editor_dir, jobs), strict=True):
        loaded = loads(out["written"].encode("utf-8"))
        fatal = [p.code for p in loaded.problems if p.fatal]
        mine = loaded.document.data.get("chuc_vu") if loaded.document else None
        try:
            theirs = yaml.safe_load(out["written"])["chuc_vu"]
        except yaml.YAMLError as error:
            theirs = error
        if fatal or not mine == theirs == out["read"].get("chuc_vu") == text:
            wrong.append((text, out["written"], fatal, mine, theirs, out["read"]))
        elif "\n" not in text and f"chuc_vu: {yaml_scalar(text)}\n" not in out["written"]:
            wrong.append((text, out["written"], "kiemdiem new writes", yaml_scalar(text)))
    assert not wrong, "\n".join(map(repr, wrong))


def test_cleared_fields_are_dropped_and_keys_follow_the_form(editor_dir: Path) -> None:
    fields = _fields(max(layout.years(ROOT)))
    data = {
        "trang_thai_ho_so": "nhap",
        "kiem_diem": {"phuong_huong": "Cố gắng hơn", "uu_diem": "", "han_che": None},
        "ho_ten": "Lê Văn Tám",
        "chuyen_sinh_hoat": [],
        "nhiem_vu": {"duoc_giao": "", "hoan_thanh": None},
        "ky_luat": [{"hinh_thuc": "", "ngay_quyet_dinh": ""}],
        "nam": 2026,
        "ma_dang_vien": "dv-101099",
        "truong_la": "giữ lại",
    }
    (out,) = _run(editor_dir, [{"fields": fields, "data": data}])
    assert out["written"] == (
        "ma_dang_vien: dv-101099\n"
        "nam: 2026\n"
        "ho_ten: Lê Văn Tám\n"
        "kiem_diem:\n"
        "  phuong_huong: Cố gắng hơn\n"
        "trang_thai_ho_so: nhap\n"
        "truong_la: giữ lại\n"
    )


def test_committee_facts_the_members_form_does_not_show_are_written_back_unchanged(
    editor_dir: Path,
) -> None:
    """The member's own form offers no committee field (`x-pham-vi: cap-uy`), but a file
    holding them keeps them, where they were and as they were (Decap keeps keys the form
    does not show in the entry; the format orders by the chi bộ's full field list)."""
    config = json.loads((editor_dir / "config.json").read_text("utf-8"))
    own = {f["name"] for f in config["fields"]["member_own"]}
    text = (
        "ma_dang_vien: dv-101099\n"
        "nam: 2026\n"
        "ho_ten: Lê Văn Tám\n"
        "ghi_chu_noi_bo: Chờ nhận xét nơi cư trú\n"
        "nghi_om_thang: 1.5\n"
        "ky_luat:\n"
        "  - hinh_thuc: khien_trach\n"
        '    ngay_quyet_dinh: "2026-03-02"\n'
        "ket_luan_suy_thoai: false\n"
        "vi_pham_dieu_cam: true\n"
        "trang_thai_ho_so: nhap\n"
    )
    assert not {"ghi_chu_noi_bo", "nghi_om_thang", "ky_luat", "ket_luan_suy_thoai"} & own
    (out,) = _run(editor_dir, [{"fields": config["fields"], "text": text}])
    assert out["written"] == text
