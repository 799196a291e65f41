"""Issue 14's acceptance test: a distinct marker in every committee-only field of the sample,
every audience built, and each marker found only in the sites of the audiences allowed to
see it — pages and search indexes both — and never in check output, comments or logs.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.pipeline import Pipeline
from generator.rules.base import NotRated
from generator.site import search_layout
from generator.site.build import BuildOptions, build_site
from generator.site.shared import STORE
from tests.conftest import copy_sample

ROOT = Path(__file__).resolve().parents[2]
YEAR = 2025


def _edit(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


class Plant:
    """Markers planted in one repository: marker -> the member or organization it is about."""

    def __init__(self) -> None:
        self.about_member: dict[str, str] = {}
        self.about_org: dict[str, str] = {}
        self.never: list[str] = []
        self.about_re_rating: dict[str, tuple[str, str]] = {}  # marker -> (committee, member)

    def member(self, path: Path, mid: str, index: int) -> None:
        note, content, number = (
            f"MKNOTE{index:03d}X",
            f"MKKYLUAT{index:03d}X",
            f"MKSOQD{index:03d}X",
        )
        self.about_member.update({note: mid, content: mid, number: mid})
        birth = f"1901-02-{index % 27 + 1:02d}"

        def change(d: dict) -> None:
            d["ghi_chu_noi_bo"] = note
            d["nghi_om_thang"] = 1.5
            d["nghi_thai_san_thang"] = 1.5
            d["ngay_sinh"] = birth
            d["ky_luat"] = [
                {
                    "hinh_thuc": "khien_trach",
                    "ngay_quyet_dinh": f"{YEAR}-06-0{index % 9 + 1}",
                    "so_quyet_dinh": number,
                    "noi_dung": content,
                }
            ]

        _edit(path, change)
        # rendered forms of the numbers and of a date never published
        self.never.append(f"{index % 27 + 1:02d}/02/1901")

    def re_ratings(self, path: Path, index: int) -> None:
        """A marker in the reason of every re-rating (124-M7) a committee records."""
        data = yaml.safe_load(path.read_text("utf-8"))
        for j, item in enumerate(data.get("xep_loai_lai") or []):
            marker = f"MKLYDO{index:03d}{j}X"
            item["ly_do"] = marker
            self.about_re_rating[marker] = (data["ma_to_chuc"], item["ma_dang_vien"])
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")

    def org(self, path: Path, oid: str, index: int) -> None:
        own, leadership = f"MKTOCHUCKL{index:03d}X", f"MKLANHDAOKL{index:03d}X"
        self.about_org.update({own: oid, leadership: oid})

        def change(d: dict) -> None:
            d["ky_luat"] = [
                {"hinh_thuc": "khien_trach", "ngay_quyet_dinh": f"{YEAR}-05-01", "noi_dung": own}
            ]
            lanh_dao = d.setdefault("lanh_dao", {})
            lanh_dao["ky_luat"] = [
                {
                    "hinh_thuc": "khien_trach",
                    "ngay_quyet_dinh": f"{YEAR}-05-02",
                    "noi_dung": leadership,
                }
            ]

        _edit(path, change)


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Plant]:
    repo = tmp_path_factory.mktemp("privacy") / "repo"
    copy_sample(repo, (YEAR,))
    plant = Plant()
    year_dir = repo / "submissions" / str(YEAR)
    for i, path in enumerate(sorted(year_dir.rglob("dang-vien/*.yaml"))):
        plant.member(path, path.stem, i)
    for i, path in enumerate(sorted(year_dir.rglob("to-chuc.yaml"))):
        oid = yaml.safe_load(path.read_text("utf-8"))["ma_to_chuc"]
        plant.org(path, oid, i)
    for i, path in enumerate(sorted(year_dir.rglob("quyet-dinh.yaml"))):
        plant.re_ratings(path, i)
    assert plant.about_re_rating, "the sample's 2025 re-rates an earlier year (case 37)"
    return repo, plant


@pytest.fixture(scope="module")
def sites(planted: tuple[Path, Plant]) -> tuple[Path, dict[Path, str]]:
    """Every audience's site of the planted year: site folder -> audience ('to-chuc',
    'cap-uy/<id>', 'chi-bo/<id>')."""
    repo, _ = planted
    out = repo / "site"
    # search split as for a province (name buckets, full-text shards by unit: generator.
    # site.search_layout), so every bundle of every site is scanned below
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_layout, "SHARD_MEMBERS", 6)
        patch.setattr(search_layout, "SINGLE_MEMBERS", 6)
        build_site(
            BuildOptions(
                repo=repo,
                out=out,
                project=repo,
                force=True,
                audiences=("to-chuc", "cap-uy", "chi-bo"),
            )
        )
    index = out / str(YEAR) / "pagefind"
    manifest = json.loads((index / search_layout.MANIFEST).read_text("utf-8"))
    assert len(manifest["phan"]) > 1 and manifest["ten"]["so"] > 0
    # the one copy of what the sites share is served to the whole organization
    found = {out / str(YEAR): "to-chuc", out / STORE: "to-chuc"}
    for kind in ("cap-uy", "chi-bo"):
        for root in sorted((out / kind).iterdir()):
            found[root / str(YEAR)] = f"{kind}/{root.name}"
    return out, found


def _pagefind(path: Path) -> str:
    """A Pagefind index or fragment file as text: gzip, after a 'pagefind_dcd' signature."""
    data = path.read_bytes()
    with contextlib.suppress(OSError):
        data = gzip.decompress(data)
    return data.removeprefix(b"pagefind_dcd").decode("utf-8", errors="replace")


def _texts(site: Path) -> str:
    """Every page and every search-index file of one site, as one text (search indexes
    lower-cased words, so the index's text is added lower-cased and searched so too)."""
    parts = []
    for path in sorted(site.rglob("*")):
        if not path.is_file() or "assets" in path.relative_to(site).parts[:1]:
            continue  # the theme's own files
        if path.suffix in (".html", ".json", ".js", ".xml", ".csv", ".txt"):
            parts.append(path.read_text("utf-8", errors="replace"))
        elif path.suffix.startswith(".pf_"):
            text = _pagefind(path)
            parts += [text, text.upper()]
    return "\n".join(parts)


def _where(sites_: dict[Path, str], texts: dict[str, str], marker: str) -> set[str]:
    return {aud for aud, text in texts.items() if marker in text}


def test_each_marker_only_where_its_audience_may_read_it(
    planted: tuple[Path, Plant], sites: tuple[Path, dict[Path, str]]
) -> None:
    repo, plant = planted
    _, audiences = sites
    texts: dict[str, str] = {}
    for site, aud in audiences.items():
        texts[aud] = texts.get(aud, "") + _texts(site)
    assert len(texts) >= 10
    year = Pipeline(repo).rate([YEAR])[YEAR].year
    for marker, mid in plant.about_member.items():
        decider = year.deciding_org_for_member(mid)
        assert decider is not None, mid
        # the committee that decides the member; and, for a member of an organization's
        # leadership body, that organization's committee and the one deciding it (366-L3:
        # a leadership member's discipline decides the body's and the organization's rating)
        allowed = {f"cap-uy/{decider.id}"}
        for org in year.orgs.values():
            lead = org.leadership
            if mid in (lead.head, *lead.deputies, *lead.members):
                allowed.add(f"cap-uy/{org.id}")
                if (d := year.deciding_org_for_org(org.id)) is not None:
                    allowed.add(f"cap-uy/{d.id}")
        seen = _where(audiences, texts, marker)
        assert seen, f"{marker} ({mid}) is on no site: the committee must see it"
        assert seen <= allowed, f"{marker} ({mid}) leaks to {sorted(seen - allowed)}"
    for marker, oid in plant.about_org.items():
        # an organization's discipline: its own committee and every committee above it (a
        # subordinate unit's discipline limits the rating of the units above, 124-O4/366-O1)
        above = [oid, *(o.id for o in year.ancestors(oid))]
        allowed = {f"cap-uy/{o}" for o in above}
        allowed |= {f"cap-uy/{d.id}" for o in above if (d := year.deciding_org_for_org(o))}
        seen = _where(audiences, texts, marker)
        assert seen <= allowed, f"{marker} ({oid}) leaks to {sorted(seen - allowed)}"
    assert any(_where(audiences, texts, m) for m in plant.about_org), "no org marker shown"
    for marker, (committee, mid) in plant.about_re_rating.items():
        # the committee that recorded the re-rating, and the one deciding the member
        decider = year.deciding_org_for_member(mid)
        allowed = {f"cap-uy/{committee}"} | ({f"cap-uy/{decider.id}"} if decider else set())
        seen = _where(audiences, texts, marker)
        assert f"cap-uy/{committee}" in seen, marker
        assert seen <= allowed, f"{marker} ({mid}) leaks to {sorted(seen - allowed)}"
    for marker in plant.never:
        assert not _where(audiences, texts, marker), f"date of birth {marker} published"
    # health data: the phrase the member section prints, on committee sites only
    for aud, text in texts.items():
        if not aud.startswith("cap-uy/"):
            assert "nghỉ ốm 1,5 tháng" not in text, aud
            assert "nghỉ thai sản 1,5 tháng" not in text, aud
    assert any("nghỉ ốm 1,5 tháng" in t for a, t in texts.items() if a.startswith("cap-uy/"))


def test_why_a_member_is_not_rated_only_where_its_reader_may_read_it(
    planted: tuple[Path, Plant], sites: tuple[Path, dict[Path, str]]
) -> None:
    """Exempted or suspended (generator.privacy.verdicts NOT_RATED_SCOPES: the chi bộ's)
    is told only on the sites of the member's chi bộ and of the committee deciding them,
    pages and search indexes alike; elsewhere the statistics count both reasons in one
    row (NotRated.UNDISCLOSED). Counted apart, the whole organization's page said "Miễn
    công tác và sinh hoạt đảng < 3" with 2 not rated, one of them new: the one member it
    lists with a bare "Không xếp loại" was the exempted one (dv-101014)."""
    repo, _ = planted
    _, audiences = sites
    texts: dict[str, str] = {}
    for site, aud in audiences.items():
        texts[aud] = texts.get(aud, "") + _texts(site).lower()
    either = NotRated.UNDISCLOSED.label_vi.lower()
    rated = Pipeline(repo).rate([YEAR])[YEAR]
    assert rated.verdicts is not None
    told: set[str] = set()
    for nr in (NotRated.EXEMPTED, NotRated.SUSPENDED):
        allowed = set()
        for mid, v in rated.verdicts.members.items():
            if v.not_rated is nr and (decider := rated.year.deciding_org_for_member(mid)):
                allowed |= {f"chi-bo/{v.org_id}", f"cap-uy/{decider.id}"}
        label = nr.label_vi.lower()
        seen = {aud for aud, text in texts.items() if label in text.replace(either, "")}
        assert seen <= allowed, f"{nr.value} leaks to {sorted(seen - allowed)}"
        told |= seen
    assert told == {"chi-bo/chi-bo-thon-an-lac", "cap-uy/chi-bo-thon-an-lac"}  # dv-101014
    assert {aud for aud, text in texts.items() if either in text} == {
        "to-chuc",
        "cap-uy/dang-bo-tinh-hoa-lam",
        "cap-uy/dang-bo-xa-an-son",
    }
    # the chi bộ's and the deciding committee's statistics keep the reasons apart
    out, _ = sites
    for site in ("chi-bo/chi-bo-thon-an-lac", "cap-uy/chi-bo-thon-an-lac"):
        page = (out / site / str(YEAR) / "thong-ke/index.html").read_text("utf-8")
        assert f"<td>{NotRated.EXEMPTED.label_vi}</td><td>1</td>" in page, site


def test_the_whole_organization_sees_results_not_reviews(
    planted: tuple[Path, Plant], sites: tuple[Path, dict[Path, str]]
) -> None:
    repo, _ = planted
    out, _ = sites
    org_site = _texts(out / str(YEAR))
    rated = Pipeline(repo).rate([YEAR])[YEAR]
    a_member = next(iter(sorted(rated.year.members.values(), key=lambda m: m.id)))
    assert a_member.name in org_site  # names and results are for everyone
    assert a_member.review.strengths.strip().splitlines()[0] not in org_site
    assert "chỉ hiển thị trên trang của chi bộ" in org_site
    chi_bo = out / "chi-bo" / a_member.org_id / str(YEAR)
    assert a_member.review.strengths.strip().splitlines()[0] in _texts(chi_bo)
    # exact statistics files are not offered to the whole organization
    assert not list((out / str(YEAR)).rglob("thong-ke-*.xlsx"))
    assert list((out / "cap-uy").rglob("thong-ke-*.xlsx"))
    # each audience has its own year switcher
    versions = json.loads((out / "chi-bo" / a_member.org_id / "versions.json").read_text())
    assert [v["version"] for v in versions] == [str(YEAR)]


def test_check_output_never_quotes_a_committee_only_value(
    planted: tuple[Path, Plant], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    repo, plant = planted
    work = tmp_path / "repo"
    shutil.copytree(repo / "submissions", work / "submissions")
    shutil.copytree(repo / "schema", work / "schema")
    # make the committee-only values wrong, so that the check talks about them
    member = sorted((work / "submissions").rglob("dang-vien/*.yaml"))[0]
    text = member.read_text("utf-8")
    text = text.replace("hinh_thuc: khien_trach", "hinh_thuc: MKFORMWRONGX")
    text = re.sub(r"nghi_om_thang: 1\.5", "nghi_om_thang: MKSICKWRONGX", text)
    member.write_text(text, "utf-8")
    markers = [*plant.about_member, "MKFORMWRONGX", "MKSICKWRONGX", *plant.never]
    comment = tmp_path / "comment.md"
    outputs = []
    for fmt in ("text", "github", "gitlab", "json"):
        code = main(["--repo", str(work), "check", "--format", fmt, "--comment-file", str(comment)])
        assert code == 1
        captured = capsys.readouterr()
        outputs += [captured.out, captured.err, comment.read_text("utf-8")]
    everything = "\n".join(outputs)
    assert "ky_luat[1].hinh_thuc" in everything and "nghi_om_thang" in everything
    leaked = [m for m in markers if m in everything]
    assert not leaked, leaked
