"""Hostile text through the whole pipeline: YAML files on disk -> load_year (schemas, cross
checks) -> rating -> templates -> MkDocs (strict) -> HTML. Nothing of it may be live.

A copy of the sample repository (one year) gets a member file whose every text field is
hostile, and hostile text in a chi bộ's name, collective review and targets and in its
proposal note. The built site is then read as HTML: no script, no event handler, no
`javascript:` link, nothing pointing to another host, and the text is there, escaped.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator.check import load_year
from generator.findings import Severity
from generator.invisible import INVISIBLE_RE, show_invisible
from generator.site.build import BuildOptions, build_site
from generator.site.search import read_records
from tests.conftest import copy_sample

ROOT = Path(__file__).resolve().parents[2]
YEAR = 2025
CHI_BO = f"submissions/{YEAR}/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-thon-an-lac"
MEMBER = "dv-101012"

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_LINK = "[bấm vào](javascript:alert(1))"
REMOTE_IMG = "![ảnh](http://evil.example/x.png)"
TEMPLATE = "{{ 7*7 }} {% raw %}"
ENTITY = "&lt;b&gt; &amp; &#60;i&#62;"
# one line of each trick; a raw HTML block starts a line; Markdown heading, emphasis,
# table, autolink, reference link, HTML comment, MkDocs snippet
HOSTILE = "\n".join(
    [
        f"Mở đầu {SCRIPT} {IMG}",
        "<div>khối HTML thô</div>",
        f"{JS_LINK} {REMOTE_IMG} <http://evil.example/auto>",
        "# Tiêu đề giả",
        "**đậm** _nghiêng_ `mã` ~~gạch~~",
        "",
        "| cột a | cột b |",
        "|---|---|",
        "| <b>1</b> | 2 |",
        "",
        f"{TEMPLATE} {ENTITY}",
        "[ref]: http://evil.example/ref",
        "<!-- chú thích --> <svg onload=alert(1)></svg> <a href=//evil.example>x</a>",
        '--8<-- "/etc/passwd"',
        "    <iframe src=http://evil.example/f></iframe>",
    ]
)
# bidi overrides and isolates, zero-width characters (issue 9): shown as visible marks
INVISIBLE = "\u202egnp.exe\u202c\u200b\u2066x\u2069\ufeff\u200d"
HOSTILE = f"{HOSTILE}\nẨn {INVISIBLE} giữa chữ"
ONE_LINE = f"{SCRIPT}{IMG} {JS_LINK} {REMOTE_IMG} {TEMPLATE} {ENTITY} **x** # y | a |"
HOSTILE_NAME = f"Nguyễn Hiểm {INVISIBLE} {ONE_LINE}"
HOSTILE_ORG = f"Chi bộ thôn An Lạc {ONE_LINE}"
REVIEW_KEYS = (
    "uu_diem",
    "han_che",
    "ket_qua_khac_phuc",
    "giai_trinh",
    "trach_nhiem_tap_the",
    "phuong_huong",
)


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def _member(data: dict) -> None:
    data["ho_ten"] = HOSTILE_NAME
    data["chuc_vu"] = ONE_LINE
    data["sinh_hoat_tam_thoi"] = {"don_vi": ONE_LINE, "co_nhan_xet": True}
    data["chuyen_sinh_hoat"] = [
        {"ngay": f"{YEAR}-03-01", "tu_don_vi": ONE_LINE, "so_thang_o_noi_cu": 2}
    ]
    data["can_bo_cong_chuc"] = {"xep_loai": "HTTNV", "co_quan": ONE_LINE}
    data["ky_luat"] = [
        {
            "hinh_thuc": "khien_trach",
            "ngay_quyet_dinh": f"{YEAR}-06-01",
            "so_quyet_dinh": ONE_LINE,
            "noi_dung": HOSTILE,
        }
    ]
    data["don_vi_phu_trach"] = {"ten": ONE_LINE, "ty_le_hoan_thanh_chi_tieu": 0.9}
    data["kiem_diem"] = dict.fromkeys(REVIEW_KEYS, HOSTILE)


def _org(data: dict) -> None:
    data["ten"] = HOSTILE_ORG
    data["kiem_diem"] = dict.fromkeys(REVIEW_KEYS, HOSTILE)
    data["chi_tieu"][0]["ten"] = ONE_LINE


def _proposals(data: dict) -> None:
    for item in data["de_xuat"]:
        if item["ma_dang_vien"] == MEMBER:
            item["ghi_chu"] = HOSTILE


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("hostile") / "repo"
    copy_sample(repo, (YEAR,))
    chi_bo = repo / CHI_BO
    _edit(chi_bo / "dang-vien" / f"{MEMBER}.yaml", _member)
    _edit(chi_bo / "to-chuc.yaml", _org)
    _edit(chi_bo / "de-xuat.yaml", _proposals)

    # the files are valid submissions: the check lets them through
    year, result = load_year(repo, YEAR)
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    assert errors == [], [(f.code, f.path, f.message) for f in errors]
    assert year.members[MEMBER].name == HOSTILE_NAME
    # ...with a warning at each line holding bidi or zero-width characters
    invisible = [f for f in result.findings if f.code == "text-invisible"]
    assert {f.path.rsplit("/", 1)[-1] for f in invisible} == {
        f"{MEMBER}.yaml",
        "to-chuc.yaml",
        "de-xuat.yaml",
    }
    assert all(f.severity is Severity.WARNING for f in invisible)
    assert any("U+202E" in f.message for f in invisible)
    # PyYAML's dumper writes U+FEFF as the escape "\uFEFF": found there as well
    assert any("U+FEFF (`\\uFEFF`)" in f.message for f in invisible)
    assert year.orgs["chi-bo-thon-an-lac"].name == HOSTILE_ORG

    out = repo / "site"
    # the whole organization's site, and the sites of the committee that decides the member
    # and of the chi bộ (issue 14): the review text is shown in full only there
    decider = year.deciding_org_for_member(MEMBER)
    assert decider is not None
    build_site(
        BuildOptions(
            repo=repo,
            out=out,
            project=repo,
            strict=True,
            force=True,
            audiences=("to-chuc", "cap-uy", "chi-bo"),
            only=decider.id,
        )
    )
    (out / "decider.txt").write_text(decider.id)
    return out / str(YEAR)


def _committee_site(hostile_site: Path) -> Path:
    """The site of the committee that decides MEMBER: it reads everything."""
    decider = (hostile_site.parent / "decider.txt").read_text()
    return hostile_site.parent / "cap-uy" / decider / str(YEAR)


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text outside script/style."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in = tag if tag in ("script", "style") else None

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts.append(data)


URL_ATTRS = {"href", "src", "action", "formaction", "poster", "srcset", "data", "xlink:href"}


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_nothing_hostile_is_live(hostile_site: Path) -> None:
    pages = _pages(hostile_site.parent)  # every audience's site
    assert len(pages) >= 20
    assert any("cap-uy" in p.parts for p in pages) and any("chi-bo" in p.parts for p in pages)
    for page in pages:
        text = page.read_text("utf-8")
        assert not re.search(r"<script>\s*alert", text, re.I), page
        parsed = _parse(text)
        for tag, attrs in parsed.tags:
            assert tag not in ("iframe", "object", "embed", "img"), (page, tag, attrs)
            for name, value in attrs:
                value = (value or "").strip().lower()
                assert not name.startswith("on"), (page, tag, name, value)
                if name in URL_ATTRS:
                    assert "evil.example" not in value, (page, tag, name, value)
                    assert not value.startswith(("javascript:", "//", "http:", "https:")), (
                        page,
                        tag,
                        name,
                        value,
                    )
                if tag == "svg" or name == "style":
                    assert "alert" not in value, (page, tag, name)
        for script in parsed.scripts:
            assert "alert(" not in script, page
        # Markdown never ran on the text: no heading, table cell or emphasis made of it
        assert "Tiêu đề giả</h" not in text and "<td><b>1</b>" not in text, page
        assert "<strong>đậm</strong>" not in text and "<del>gạch" not in text, page
        assert "<div>khối HTML thô</div>" not in text, page
        assert ">49<" not in text and " 49 " not in text, page  # no template ran


def _parse(text: str) -> _Tags:
    parser = _Tags()
    parser.feed(text)
    return parser


def test_hostile_text_is_shown_escaped(hostile_site: Path) -> None:
    committee = _committee_site(hostile_site)
    page = (committee / "to-chuc/chi-bo-thon-an-lac/index.html").read_text("utf-8")
    # an attribute holding the name stays one attribute, its value the plain text
    heading = next(a for t, a in _parse(page).tags if t == "h3" and ("id", MEMBER) in a)
    assert heading == [
        ("id", MEMBER),
        ("data-kd-print", f"Bản kiểm điểm cá nhân năm {YEAR} · {HOSTILE_ORG}"),
    ]
    escaped_script = html.escape(SCRIPT, quote=False)
    # member: 6 review sections, the discipline note; the chi bộ: 6 sections; proposal note
    assert page.count(escaped_script) >= 14
    assert html.escape(IMG, quote=False) in page
    assert JS_LINK in page and REMOTE_IMG in page
    assert "{{ 7*7 }} {% raw %}" in page
    assert "&amp;lt;b&amp;gt; &amp;amp; &amp;#60;i&amp;#62;" in page  # entities stay text
    assert "| cột a | cột b |" in page and "# Tiêu đề giả" in page
    assert "ghi chú của chi bộ: <p>" not in page
    assert "ghi chú của chi bộ: Mở đầu &lt;script&gt;" in page
    # the member's heading and the chi bộ's title are escaped too; <title> lost the markup
    assert f'<h3 id="{MEMBER}" ' in page
    assert html.escape(show_invisible(HOSTILE_NAME), quote=False) in page
    assert f"<h1>{html.escape(HOSTILE_ORG, quote=False)}</h1>" in page
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title and "<" not in html.unescape(title.group(1)).replace("&", "")
    # the organization's name on the other pages: the tree, the statistics table and chart
    for rel in ("to-chuc/index.html", "thong-ke/index.html"):
        other = (hostile_site / rel).read_text("utf-8")
        assert html.escape("Chi bộ thôn An Lạc " + SCRIPT, quote=False) in other, rel


def test_search_index_holds_the_text_not_markup(hostile_site: Path) -> None:
    # Pagefind's records hold the submitted text as text (the search box shows it with
    # text nodes only: tests/browser), never the page's markup
    record = next(r for r in read_records(hostile_site) if r["url"].endswith(f"#{MEMBER}"))
    assert "Nguyễn Hiểm" in record["meta"]["title"]
    assert 'class="' not in record["content"] and "<h3" not in record["content"]
    assert SCRIPT in record["content"]  # as submitted, not escaped: the box escapes once


def test_invisible_characters_are_shown_not_hidden(hostile_site: Path) -> None:
    pages = _pages(hostile_site.parent)  # every audience's site
    for page in pages:
        text = page.read_text("utf-8")
        assert not INVISIBLE_RE.search(text), page
    # the review text is shown in full on the deciding committee's site (issue 14)
    committee = _committee_site(hostile_site)
    member = (committee / "to-chuc/chi-bo-thon-an-lac/index.html").read_text("utf-8")
    assert "Nguyễn Hiểm ⟦U+202E⟧gnp.exe⟦U+202C⟧⟦U+200B⟧⟦U+2066⟧x⟦U+2069⟧⟦U+FEFF⟧⟦U+200D⟧" in member
    assert member.count("Ẩn ⟦U+202E⟧gnp.exe") >= 7  # the member's sections and the chi bộ's
    for entry in hostile_site.parent.rglob("pagefind-entry.json"):  # every audience's index
        for record in read_records(entry.parent.parent):  # shows them as the pages do
            assert not INVISIBLE_RE.search(json.dumps(record, ensure_ascii=False)), record["url"]
