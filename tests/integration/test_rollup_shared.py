"""`kiemdiem rollup`: an organization two sources share (here the province and a đảng bộ
huyện above the split) is counted once among the organizations' levels
(`xep_loai_to_chuc`) even when it was not rated (export format 2 keeps why); a format-1
source is still read, such an organization counted as before, with a note."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.orgtypes import OrgType
from generator.rules.base import NotRated
from generator.statistics import CATEGORIES, OWN_RATED, Counts, OrgStats, YearStatistics
from generator.statistics.rollup import export
from generator.submissions.records import Level, OrgCategory


def _counts(n: int, undecided: int = 0) -> Counts:
    c = Counts()
    c.total = c.rated = c.by_level[Level.HTTNV] = n
    c.undecided = undecided
    return c


def _org(org_id: str, kind: str, depth: int, n: int, own: str | None) -> OrgStats:
    category = OrgCategory.XA if kind == "dang_bo_co_so" else None
    rated = own == OWN_RATED
    level = Level.HTTNV if rated else None
    return OrgStats(org_id, org_id, OrgType.parse(kind), category, depth, _counts(n), level,
                    rated, own)  # fmt: skip


def _source(orgs: list[OrgStats]) -> YearStatistics:
    """A repository's statistics: its organizations' own verdicts counted in org_levels."""
    rated = [o for o in orgs if o.own == OWN_RATED]
    levels = _counts(len(rated), undecided=len(rated))
    for o in orgs:
        if o.own not in (None, OWN_RATED):
            levels.total += 1
            levels.not_rated[NotRated(o.own)] += 1
    grassroots = sum(o.members.total for o in orgs if o.type.is_grassroots)
    by_category = {c: Counts() for c in CATEGORIES}
    by_category[OrgCategory.XA] = _counts(grassroots)
    return YearStatistics(
        2025, "qd366-hd43", _counts(orgs[0].members.total), orgs, by_category, levels
    )


NOT_REVIEWED = NotRated.NOT_REVIEWED.value


def _files(folder: Path, version: int) -> list[str]:
    """Two repositories' exports sharing the province (no verdict of its own) and huyen-a
    (no review of its own in either: not rated, "chua_kiem_diem")."""
    a = _source([
        _org("tinh", "dang_bo_tinh", 0, 5, None),
        _org("huyen-a", "dang_bo_huyen", 1, 3, NOT_REVIEWED),
        _org("xa-1", "dang_bo_co_so", 2, 3, OWN_RATED),
        _org("huyen-b", "dang_bo_huyen", 1, 2, OWN_RATED),
        _org("xa-2", "dang_bo_co_so", 2, 2, OWN_RATED),
    ])  # fmt: skip
    b = _source([
        _org("tinh", "dang_bo_tinh", 0, 4, None),
        _org("huyen-a", "dang_bo_huyen", 1, 4, NOT_REVIEWED),
        _org("xa-3", "dang_bo_co_so", 2, 4, OWN_RATED),
    ])  # fmt: skip
    out = []
    for name, stats in (("xa-a.json", a), ("xa-b.json", b)):
        data = export(stats)
        if version == 1:  # as kiemdiem wrote it before format 2
            data["dinh_dang"] = "kiemdiem-thong-ke/1"
            for o in data["to_chuc"]:
                del o["danh_gia"]
        path = folder / name
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
        out.append(str(path))
    return out


def _rollup(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["rollup", *args])
    return code, capsys.readouterr().err


def _org_levels(path: Path) -> tuple[Any, ...]:
    data = json.loads(path.read_text("utf-8"))
    levels = data["xep_loai_to_chuc"]
    own = {o["ma"]: o["danh_gia"] for o in data["to_chuc"]}
    return (levels["tong"], levels["duoc_xep_loai"], levels["khong_xep_loai"][NOT_REVIEWED],
            levels["muc"]["HTTNV"], own["huyen-a"], own["tinh"])  # fmt: skip


def test_a_shared_organization_not_rated_is_counted_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Four organizations rated (xa-1, huyen-b, xa-2, xa-3) and one not (huyen-a, in both
    sources): 5, not 6; the merged export (format 2) is read back to the same numbers."""
    merged = tmp_path / "tinh.json"
    code, err = _rollup(capsys, *_files(tmp_path, 2), "--export", "-o", str(merged))
    assert code == 0, err
    assert "lưu ý" not in err
    assert json.loads(merged.read_text("utf-8"))["dinh_dang"] == "kiemdiem-thong-ke/2"
    assert _org_levels(merged) == (5, 4, 1, 4, NOT_REVIEWED, None)
    again = tmp_path / "lai.json"
    code, err = _rollup(capsys, str(merged), "--export", "-o", str(again))
    assert code == 0, err
    assert again.read_text("utf-8") == merged.read_text("utf-8")


def test_a_format_1_source_is_still_read_and_its_unknown_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Format 1 cannot tell huyen-a was not rated: counted in each source as before (6,
    two not reviewed), kept unknown in the merged export, and the rollup says so."""
    merged = tmp_path / "tinh.json"
    code, err = _rollup(capsys, *_files(tmp_path, 1), "--export", "-o", str(merged))
    assert code == 0, err
    assert _org_levels(merged) == (6, 4, 2, 4, "khong_ro", "khong_ro")
    notes = [line for line in err.splitlines() if line.startswith("kiemdiem: lưu ý: ")]
    # the province (no verdict) and huyen-a (not rated) look the same in format 1
    assert [n.split(" có trong")[0] for n in notes] == [
        "kiemdiem: lưu ý: Năm 2025: tinh (tinh)",
        "kiemdiem: lưu ý: Năm 2025: huyen-a (huyen-a)",
    ]
    assert all("kiemdiem-thong-ke/1" in n and "kiemdiem rollup --export" in n for n in notes)


def _at(path: str, pattern: str, n: int) -> str:
    """`path:line:column` of group 1 of the `n`-th match of `pattern` in the file."""
    text = Path(path).read_text("utf-8")
    m = list(re.finditer(pattern, text))[n]
    line = text.count("\n", 0, m.start(1)) + 1
    column = m.start(1) - (text.rfind("\n", 0, m.start(1)) + 1) + 1
    return f"{path}:{line}:{column}"


def test_sources_disagreeing_on_a_shared_organization_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """huyen-a rated HTTNV in one source, not rated in the other: neither is kept
    silently; both values told at their line and column, exit 1, nothing written."""
    a, b = _files(tmp_path, 2)
    data = json.loads(Path(b).read_text("utf-8"))
    huyen = data["to_chuc"][1]
    assert huyen["ma"] == "huyen-a"
    huyen.update(danh_gia=OWN_RATED, xep_loai="HTTNV", tam_tinh=True)
    for levels in (data["xep_loai_to_chuc"],):  # b's own numbers still add up
        levels["khong_xep_loai"][NOT_REVIEWED] -= 1
        levels["muc"]["HTTNV"] += 1
        levels["duoc_xep_loai"] += 1
        levels["chua_quyet_dinh"] += 1
    Path(b).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
    out = tmp_path / "tinh.csv"
    code, err = _rollup(capsys, a, b, "-o", str(out))
    assert code == 1, err
    assert not out.exists()
    first = _at(a, r'"danh_gia": ("chua_kiem_diem")', 0)
    second = _at(b, r'"danh_gia": ("xep_loai")', 0)
    assert (
        f"{second}: lỗi [rollup-disagree] Các nguồn ghi khác nhau về đánh giá của chính "
        f"huyen-a (huyen-a) năm 2025: {first} ghi không xếp loại (Chưa kiểm điểm), còn "
        f"{second} ghi mức HTTNV (dự kiến)."
    ) in err
    assert "Giữ cả hai tệp để đối chiếu" in err
    assert err.rstrip().endswith("kiemdiem: chưa tổng hợp, chưa ghi tệp nào.")


def test_rows_follow_the_tree_whatever_the_order_of_the_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Siblings by id, as `stats` lists an unsplit repository's (its folders sorted): the
    sources given b then a give the same sheet as a then b."""
    a, b = _files(tmp_path, 2)
    rows = []
    for order in ((a, b), (b, a)):
        out = tmp_path / "tinh.json"
        code, err = _rollup(capsys, *order, "-o", str(out))
        assert code == 0, err
        data = json.loads(out.read_text("utf-8"))
        rows.append([r["ma"] for r in data["dong"] if r["loai_dong"] == "to_chuc"])
    assert rows[0] == rows[1] == ["huyen-a", "xa-1", "xa-3", "huyen-b", "xa-2"]
