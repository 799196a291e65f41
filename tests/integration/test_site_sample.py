"""The bundled sample (submissions/) builds with `kiemdiem build --strict`, every year."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.commands.rate import statistics_for
from generator.privacy.disclosure import Disclosure
from generator.rules.base import NotRated
from generator.site.build import BuildOptions, build_site
from generator.site.text import number_vi, percent_vi, signed_vi
from generator.statistics import LEVELS, Counts, YearStatistics
from generator.statistics.export import to_csv, to_json
from generator.submissions.layout import years

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_YEARS = years(ROOT)
EITHER = NotRated.UNDISCLOSED.label_vi  # exempted or suspended, not said which

pytestmark = pytest.mark.skipif(not SAMPLE_YEARS, reason="no sample years in submissions/")


def _root(year: int) -> str:
    config = yaml.safe_load((ROOT / f"submissions/{year}/nam-danh-gia.yaml").read_text("utf-8"))
    return str(config["to_chuc_goc"])


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sample") / "site"
    # the whole organization's site, and the site of the 2025 root's committee (issue 14:
    # exact statistics for reporting upward are the committees')
    options = BuildOptions(repo=ROOT, out=out, project=ROOT, strict=True, force=True,
                           work=out.parent / "work", audiences=("to-chuc", "cap-uy"),
                           only=_root(2025))  # fmt: skip
    result = build_site(options)
    assert [r.year for r in result.years] == SAMPLE_YEARS
    return out


def test_every_sample_year_builds_strict(sample_site: Path) -> None:
    listed = [v["version"] for v in json.loads((sample_site / "versions.json").read_text())]
    assert listed == [str(y) for y in sorted(SAMPLE_YEARS, reverse=True)]
    for year in SAMPLE_YEARS:
        assert (sample_site / str(year) / "index.html").is_file()
        assert (sample_site / str(year) / "pagefind" / "pagefind-entry.json").is_file()


def test_every_site_file_is_as_readable_as_a_plain_write(sample_site: Path) -> None:
    """A web server reads the site as another user: no file may be closed to others that
    a plain write here would open (the committees' shared styles and scripts were written
    through mkstemp, 0600, and hard-linked into their sites)."""
    probe = sample_site / "probe"
    probe.write_bytes(b"")
    others = probe.stat().st_mode & 0o044
    probe.unlink()
    closed = [
        str(p.relative_to(sample_site))
        for p in sample_site.rglob("*")
        if p.is_file() and p.stat().st_mode & 0o044 != others
    ]
    assert closed == []


def test_every_sample_member_has_an_anchor_and_no_private_data(sample_site: Path) -> None:
    for year in SAMPLE_YEARS:
        anchors: set[str] = set()
        pages = "".join(p.read_text("utf-8") for p in (sample_site / str(year)).rglob("*.html"))
        anchors.update(re.findall(r'<h3 id="([a-z0-9-]+)"', pages))
        for path in (ROOT / "submissions" / str(year)).rglob("dang-vien/*.yaml"):
            assert path.stem in anchors, path
            text = path.read_text("utf-8")
            birth = re.search(r'^ngay_sinh:\s*"?(\d{4}-\d{2}-\d{2})', text, re.M)
            if birth:
                y, m, d = birth.group(1).split("-")
                assert f"{d}/{m}/{y}" not in pages and birth.group(1) not in pages, path


def test_build_command_skips_unchanged_closed_years(tmp_path: Path) -> None:
    out = tmp_path / "site"
    args = ["--repo", str(ROOT), "build", "--out", str(out)]
    assert main(args) == 0
    oldest = out / str(SAMPLE_YEARS[0]) / "index.html"
    stamp = oldest.stat().st_mtime_ns
    assert main(args) == 0
    if len(SAMPLE_YEARS) > 1:
        assert oldest.stat().st_mtime_ns == stamp  # closed year kept
    newest = out / str(SAMPLE_YEARS[-1]) / "index.html"
    assert newest.is_file()
    assert "url=" + str(SAMPLE_YEARS[-1]) in (out / "index.html").read_text()


def _table_rows(html: str, table_id: str) -> list[list[str]]:
    """The body rows of the table with that id, as cell texts (tags removed)."""
    table = html[html.index(f'id="{table_id}"') :]
    body = table[table.index("<tbody>") : table.index("</tbody>")]
    return [
        [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
        for r in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    ]


def _level_cells(c: Counts) -> list[str]:
    return [f"{c.count(lv)} ({percent_vi(c.share(lv))})" for lv in LEVELS]


@pytest.mark.skipif(2025 not in SAMPLE_YEARS, reason="the sample has no 2025")
def test_statistics_page_numbers_are_year_statistics(sample_site: Path) -> None:
    """The site, `kiemdiem rate` and `kiemdiem stats` read one source: year_statistics."""
    stats, _, _ = statistics_for(ROOT, 2025)  # what `kiemdiem rate/stats --year 2025` print
    # exact on the site of the committee at the root (its subtree is the whole year)
    committee = sample_site / "cap-uy" / stats.orgs[0].org_id / "2025"
    html = (committee / "thong-ke/index.html").read_text("utf-8")
    total = stats.total
    # the sample's known numbers (README, `kiemdiem rate --year 2025`)
    assert (total.total, total.rated) == (41, 39)
    assert [total.count(lv) for lv in LEVELS] == [4, 28, 6, 1]
    assert total.not_rated[NotRated.NEW_MEMBER] == 1 and total.not_rated[NotRated.EXEMPTED] == 1
    assert _table_rows(html, "bang-toan-dang-bo") == [
        # levels, without one, not rated (adding up to the total), of which provisional,
        # of which to decide
        ["41", "39", "4 (10,3%)", "28 (71,8%)", "6 (15,4%)", "1 (2,6%)", "0", "2", "2", "0"]
    ]
    # the exempted member (dv-101014) is not this committee's to decide: counted with the
    # suspended, as the whole organization's site counts them (generator.privacy.verdicts)
    assert _table_rows(html, "bang-khong-xep-loai") == [
        [NotRated.NEW_MEMBER.label_vi, "1"],
        [EITHER, "1"],
    ]
    # every organization, in tree order, with the members below it
    rows = _table_rows(html, "bang-theo-to-chuc")
    assert len(rows) == len(stats.orgs)
    for row, o in zip(rows, stats.orgs, strict=True):
        c = o.members
        level = (o.level.code + ("*" if o.provisional else "")) if o.level else "—"
        assert row == [
            o.name,
            level,
            str(c.total),
            *_level_cells(c),
            str(c.unassessed),
            str(c.not_rated_total),
            str(c.undecided),
            str(c.to_decide),
        ], o.org_id
    categories = [(cat, c) for cat, c in stats.by_category.items() if c.total]
    assert _table_rows(html, "bang-loai-hinh") == [
        [cat.label_vi, str(c.total), *_level_cells(c), str(c.unassessed), str(c.not_rated_total)]
        for cat, c in categories
    ]
    oc = stats.org_levels
    assert _table_rows(html, "bang-to-chuc-dang") == [
        [
            str(oc.total),
            *_level_cells(oc),
            str(oc.unassessed),
            str(oc.not_rated_total),
            str(oc.undecided),
            str(oc.to_decide),
        ]
    ]
    assert stats.previous is not None
    compare = _table_rows(html, "bang-so-sanh")
    assert compare[0][:3] == ["2024", str(stats.previous.total.total), "39"]
    # 2024 as re-rated by 2025 (dv-101017: HTTNV -> KHTNV, RULES.md 124-M7, worked case 37)
    assert compare[2][3:] == ["+2,6", "+7,7", "-5,1", "-5,1", "", ""]
    assert [stats.change(lv) for lv in LEVELS] == pytest.approx(
        [2.564, 7.692, -5.128, -5.128], 0.01
    )
    # the downloads are `kiemdiem stats`'s own output, but for the one column of both
    folder, either = committee / "thong-ke", _either(stats)
    assert (folder / "thong-ke-2025.json").read_text("utf-8") == to_json(either)
    assert (folder / "thong-ke-2025.csv").read_text("utf-8") == "\ufeff" + to_csv(either)
    assert "khong_xep_loai_mien_sinh_hoat,khong_xep_loai_dinh_chi,khong_xep_loai_mien_hoac" in (
        folder / "thong-ke-2025.csv"
    ).read_text("utf-8")
    from openpyxl import load_workbook

    sheet = load_workbook(folder / "thong-ke-2025.xlsx").active
    first = [cell.value for cell in sheet[11]]  # title rows, two header rows, then the total
    assert first[1:4] == ["Toàn đảng bộ", 41, 4]
    assert first[4] == pytest.approx(0.103)  # 4/39 at the decimal shown: 10.3%


@pytest.mark.skipif(2025 not in SAMPLE_YEARS, reason="the sample has no 2025")
def test_organization_site_hides_counts_that_name_a_person(sample_site: Path) -> None:
    """Issue 14: on the whole organization's site a count above 0 and below the threshold
    (3) within one organization reads "< 3"; the committee's site above keeps it exact."""
    stats, _, _ = statistics_for(ROOT, 2025)
    html = (sample_site / "2025/thong-ke/index.html").read_text("utf-8")
    assert [stats.total.count(lv) for lv in LEVELS][-1] == 1  # one KHTNV member
    # 39 rated - 4 - 28 - 6 would give the KHTNV member back: HTXSNV is hidden with it
    # ("ẩn", not a false "< 3"), and the row shows no shares (they give its denominator);
    # then "Chưa có mức", "Không xếp loại" (41 - 39: shown, as the totals give it) and
    # "Trong đó mức dự kiến", "Trong đó cần quyết định"
    assert _table_rows(html, "bang-toan-dang-bo") == [
        ["41", "39", "ẩn", "28", "6", "&lt; 3", "0", "2", "2", "0"]
    ]
    # exempted and suspended in one row: apart, with "Không xếp loại" 2 and each "< 3",
    # they told that the one member listed with a bare "Không xếp loại" (dv-101014) is
    # the exempted one
    assert _table_rows(html, "bang-khong-xep-loai") == [
        [NotRated.NEW_MEMBER.label_vi, "&lt; 3"],
        [EITHER, "&lt; 3"],
    ]
    assert NotRated.EXEMPTED.label_vi not in html
    plan = Disclosure(3).plan(stats)
    rows = _table_rows(html, "bang-theo-to-chuc")
    for row, o in zip(rows, stats.orgs, strict=True):
        hidden = plan[id(o.members)]
        shown = [
            ("&lt; 3" if hidden[lv] else "ẩn") if lv in hidden else str(o.members.count(lv))
            for lv in LEVELS
        ]
        assert row[3:7] == (shown if hidden else _level_cells(o.members)), o.org_id
    assert not list((sample_site / "2025/thong-ke").glob("thong-ke-2025.*"))


@pytest.mark.skipif(2024 not in SAMPLE_YEARS, reason="the sample has no 2024")
def test_organization_site_counts_exempted_and_suspended_together(sample_site: Path) -> None:
    """2024 has one new member, one exempted and one suspended (dv-103019): apart, each
    "< 3" beside a total of 3 told which reason each bare "Không xếp loại" stands for."""
    html = (sample_site / "2024/thong-ke/index.html").read_text("utf-8")
    rows = _table_rows(html, "bang-khong-xep-loai")
    assert rows[:2] == [[NotRated.NEW_MEMBER.label_vi, "&lt; 3"], [EITHER, "&lt; 3"]]
    for label in (NotRated.EXEMPTED.label_vi, NotRated.SUSPENDED.label_vi):
        assert [label] not in [r[:1] for r in rows]
    assert NotRated.EXEMPTED.label_vi not in html
    assert "hai số đó được cộng chung" in html  # the note says why
    # the year before, compared on the 2025 page: its total "Không xếp loại" only
    html = (sample_site / "2025/thong-ke/index.html").read_text("utf-8")
    assert _table_rows(html, "bang-so-sanh")[0][-2:] == ["0", "3"]
    assert NotRated.SUSPENDED.label_vi not in html.replace(EITHER, "")


def _either(stats: YearStatistics) -> YearStatistics:
    """`stats` with exempted and suspended members counted as NotRated.UNDISCLOSED."""
    for c in (stats.total, *(o.members for o in stats.orgs), *stats.by_category.values()):
        both = NotRated.EXEMPTED, NotRated.SUSPENDED
        c.not_rated[NotRated.UNDISCLOSED] += sum(c.not_rated[nr] for nr in both)
        c.not_rated.update(dict.fromkeys(both, 0))
    return stats


def test_scores_and_shares_are_written_the_vietnamese_way() -> None:
    assert number_vi(17.0) == "17" and number_vi(17.5) == "17,5" and number_vi(0) == "0"
    assert percent_vi(4 / 39) == "10,3%" and percent_vi(0) == "0,0%"
    assert signed_vi(2.564) == "+2,6" and signed_vi(-5.128) == "-5,1" and signed_vi(None) == "—"


def test_rules_page_gives_each_cited_rule_its_statement(sample_site: Path) -> None:
    """Issue 8 item 7: every rule the year cites is shown with its own citation and the
    one-line statement of the rules reference (docs/quy-tac.md)."""
    import html
    import re

    from generator.rules.reference import BY_ID

    page = (sample_site / "2025" / "quy-tac" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(
        r"<tr><td><code[^>]*>([^<]+)</code></td><td>([^<]*)</td><td>([^<]*)</td>", page
    )
    cited = {rule: (citation, statement) for rule, citation, statement in rows}
    assert {"366-M2", "366-M6"} <= set(cited)
    for rule, (citation, statement) in cited.items():
        assert citation.strip(), rule
        assert html.unescape(statement) == BY_ID[rule].statement, rule


def _cells(page: str, table_class: str) -> list[list[str]]:
    import html as html_lib
    import re

    start = page.index(f'class="kd-table {table_class}"')
    body = page[start : page.index("</table>", start)]
    return [
        [
            html_lib.unescape(re.sub(r"<[^>]+>", "", c)).strip()
            for c in re.findall(r"<td>(.*?)</td>", row)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)
        if "<td>" in row
    ]


def test_tree_page_shows_the_period_structure_and_who_decides(sample_site: Path) -> None:
    """RULES.md §7 on the site: 2024 has the district above grassroots, 2025 the province and
    a đảng bộ xã; each row names the committee that decides (tree owner: generator/authority)."""
    y24 = _cells((sample_site / "2024/to-chuc/index.html").read_text("utf-8"), "kd-structure")
    y25 = _cells((sample_site / "2025/to-chuc/index.html").read_text("utf-8"), "kd-structure")
    assert y24[0] == ["Đảng bộ huyện", "trên cơ sở", "1", "cấp trên (ngoài phạm vi kho hồ sơ)"]
    assert ["Đảng bộ cơ sở", "tổ chức cơ sở đảng", "2", "Ban Thường vụ Huyện ủy"] in y24
    assert not any(r[0] == "Đảng bộ huyện" for r in y25)
    assert y25[0][:3] == ["Đảng bộ tỉnh", "trên cơ sở", "1"]
    assert ["Đảng bộ xã, phường, đặc khu", "trên cơ sở", "1", "Ban Thường vụ Tỉnh ủy"] in y25
    assert ["Chi bộ cơ sở", "tổ chức cơ sở đảng", "4", "Ban Thường vụ Đảng ủy xã"] in y25
    assert y25[-1] == ["Đảng viên", "", "41", "Đảng ủy cơ sở; Chi ủy chi bộ cơ sở"]
    page = (sample_site / "2025/to-chuc/chi-bo-thon-an-lac/index.html").read_text("utf-8")
    assert (
        "Cấp quyết định xếp loại tổ chức: Ban Thường vụ Đảng ủy xã — Đảng bộ xã An Sơn "
        "(dang-bo-xa-an-son)" in page
    )
    assert "Quyết định số 95-QĐ/ĐU" in page  # who decided (the verdict box)


def test_the_organizations_statistics_say_which_table_is_exact_for_reporting(
    sample_site: Path,
) -> None:
    """A statistician's trial: the page said the exact table for reporting upward was on the
    committee's page, whose download merges and withholds what other committees decide
    (the province committee's sheet counted 5 fewer HTTNV than `kiemdiem stats`)."""
    html = (sample_site / "2025" / "thong-ke" / "index.html").read_text("utf-8")
    assert "có ở trang của cấp ủy" not in html
    assert (
        "Bảng số liệu chính xác của toàn bộ hồ sơ để báo cáo cấp trên là kết quả lệnh "
        "<code>kiemdiem stats</code>"
    ) in html
