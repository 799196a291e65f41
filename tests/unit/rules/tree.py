"""A tiny builder of submission trees for the rating tests.

Each worked case of RULES.md §6 is written as real YAML files (the layout of
generator/submissions/layout.py) into a temporary repository and loaded through
`generator.check.load_year`, so the tests exercise the loader, the schemas and the tree
builder exactly as `kiemdiem` does:

    t = Tree(tmp_path, 2021, "qd132-hd21")
    t.chi_bo_co_so("cb-a")
    t.member("cb-a", "dv-1", tieu_chi=crit132("xuat_sac", "tot"))
    year, result = t.load()
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.check import load_year
from generator.check.schemas import SchemaSet
from generator.findings import CheckResult, Severity
from generator.rules.criteria import MEMBER_124, MEMBER_132, ORG_CRITERIA
from generator.submissions.year import Year

SCHEMA = Path(__file__).resolve().parents[3] / "schema"
_SCHEMAS: list[SchemaSet] = []


def schemas() -> SchemaSet:
    if not _SCHEMAS:
        _SCHEMAS.append(SchemaSet(SCHEMA))
    return _SCHEMAS[0]


def crit132(task: str = "xuat_sac", other: str = "tot") -> dict[str, str]:
    return {c.key: task if c.task else other for c in MEMBER_132}


def crit124(task: str = "xuat_sac", other: str = "tot") -> dict[str, str]:
    return {c.key: task if c.task else other for c in MEMBER_124}


def crit_org(task: str = "xuat_sac", other: str = "tot") -> dict[str, str]:
    return {c.key: task if c.task else other for c in ORG_CRITERIA}


REVIEW = {"uu_diem": "Ưu điểm.", "han_che": "Hạn chế.", "phuong_huong": "Phương hướng."}


ORG_TASKS_366 = {
    "HTXSNV": (10, 10, 10, 4),
    "HTTNV": (10, 10, 10, 1),
    "HTNV": (10, 10, 9, 0),
    "KHTNV": (10, 4, 4, 0),
}


def org_assessment(ruleset: str, level: str = "HTXSNV") -> dict[str, Any]:
    if ruleset == "qd366-hd43":
        return {**level_criteria(ruleset, level), "nhiem_vu": tasks(*ORG_TASKS_366[level])}
    pair = {
        "HTXSNV": ("xuat_sac", "tot"),
        "HTTNV": ("tot", "trung_binh"),
        "HTNV": ("trung_binh", "trung_binh"),
        "KHTNV": ("kem", "trung_binh"),
    }[level]
    return {"tieu_chi": crit_org(*pair)}


def level_criteria(ruleset: str, level: str) -> dict[str, Any]:
    """Criteria (or scores) that support `level` under `ruleset`."""
    pair = {
        "HTXSNV": ("xuat_sac", "tot"),
        "HTTNV": ("tot", "trung_binh"),
        "HTNV": ("trung_binh", "trung_binh"),
        "KHTNV": ("kem", "trung_binh"),
    }[level]
    if ruleset == "qd132-hd21":
        return {"tieu_chi": crit132(*pair)}
    if ruleset == "qd124-hd25":
        return {"tieu_chi": crit124(*pair)}
    score = {"HTXSNV": (28, 64), "HTTNV": (25, 55), "HTNV": (20, 40), "KHTNV": (10, 20)}[level]
    return {"diem": {"tieu_chi_chung": score[0], "ket_qua_nhiem_vu": score[1]}}


def tasks(
    assigned: int = 10, completed: int = 10, on_time: int | None = None, exceeded: int = 0
) -> dict[str, int]:
    out = {"duoc_giao": assigned, "hoan_thanh": completed, "vuot": exceeded}
    out["dung_han"] = completed if on_time is None else on_time
    return out


class Tree:
    """One repository with one or more years, the district `huyen` at the root."""

    def __init__(
        self,
        root: Path,
        year: int,
        ruleset: str,
        *,
        settings: dict[str, Any] | None = None,
        evaluation_date: str | None = None,
    ) -> None:
        self.root = root
        self.year = year
        self.ruleset = ruleset
        self.paths: dict[str, Path] = {}
        base = root / "submissions" / str(year)
        data: dict[str, Any] = {
            "nam": year,
            "bo_quy_tac": ruleset,
            "ten": f"Kiểm điểm năm {year}",
            "to_chuc_goc": "huyen",
            "ngay_danh_gia": evaluation_date or f"{year}-12-15",
        }
        if settings:
            data["cai_dat"] = settings
        self._year_data = data
        self._write(base / "nam-danh-gia.yaml", data)
        self.paths["huyen"] = base / "huyen"
        self._write(
            base / "huyen" / "to-chuc.yaml",
            {
                "ma_to_chuc": "huyen",
                "nam": year,
                "ten": "Đảng bộ huyện Mẫu",
                "loai": "dang_bo_huyen",
                **org_assessment(ruleset),
                "kiem_diem": REVIEW,
                "tu_xep_loai": "HTXSNV",
            },
        )

    def set_year(self, **fields: Any) -> None:
        """Add or change keys of the year file (e.g. `nhom_vai_tro`)."""
        self._year_data.update(fields)
        path = self.root / "submissions" / str(self.year) / "nam-danh-gia.yaml"
        self._write(path, self._year_data)

    def _write(self, path: Path, data: dict[str, Any]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    def org(self, org_id: str, loai: str, parent: str = "huyen", **fields: Any) -> None:
        self.paths[org_id] = self.paths[parent] / org_id
        data = {
            "ma_to_chuc": org_id,
            "nam": self.year,
            "ten": fields.pop("ten", org_id.upper()),
            "loai": loai,
        }
        if loai in ("dang_bo_co_so", "chi_bo_co_so"):
            data["phan_loai"] = fields.pop("phan_loai", "xa")
        data.update(org_assessment(self.ruleset, fields.pop("level", "HTXSNV")))
        data["kiem_diem"] = REVIEW
        data["tu_xep_loai"] = "HTXSNV"
        data.update(fields)
        self._write(self.paths[org_id] / "to-chuc.yaml", data)

    def chi_bo_co_so(self, org_id: str, **fields: Any) -> None:
        self.org(org_id, "chi_bo_co_so", **fields)

    def dang_bo_co_so(self, org_id: str, **fields: Any) -> None:
        self.org(org_id, "dang_bo_co_so", **fields)

    def chi_bo(self, org_id: str, parent: str, **fields: Any) -> None:
        self.org(org_id, "chi_bo_truc_thuoc", parent, **fields)

    def member(
        self, org_id: str, member_id: str, level: str | None = "HTTNV", **fields: Any
    ) -> None:
        data: dict[str, Any] = {
            "ma_dang_vien": member_id,
            "nam": self.year,
            "ho_ten": f"Đảng viên {member_id}",
            "loai_dang_vien": "chinh_thuc",
            "ngay_vao_dang": "2000-01-01",
        }
        data["kiem_diem"] = REVIEW
        data["tu_xep_loai"] = level or "HTNV"
        if level is not None:
            data.update(level_criteria(self.ruleset, level))
            if self.ruleset != "qd132-hd21":
                data["nhiem_vu"] = tasks(10, 10, 10, 6 if level == "HTXSNV" else 2)
        data.update(fields)
        self._write(self.paths[org_id] / "dang-vien" / f"{member_id}.yaml", data)

    def proposals(self, org_id: str, items: list[tuple[str, str]]) -> None:
        self._write(
            self.paths[org_id] / "de-xuat.yaml",
            {
                "nam": self.year,
                "ma_to_chuc": org_id,
                "ngay_hop": f"{self.year}-12-01",
                "de_xuat": [{"ma_dang_vien": m, "muc": lv} for m, lv in items],
            },
        )

    def decisions(
        self,
        org_id: str,
        members: list[tuple[str, str]] = (),  # type: ignore[assignment]
        orgs: list[tuple[str, str]] = (),  # type: ignore[assignment]
        **fields: Any,
    ) -> None:
        data: dict[str, Any] = {
            "nam": self.year,
            "ma_to_chuc": org_id,
            "so_quyet_dinh": f"{org_id}-QĐ",
            "ngay": f"{self.year}-12-20",
        }
        if members:
            data["dang_vien"] = [{"ma_dang_vien": m, "muc": lv} for m, lv in members]
        if orgs:
            data["to_chuc"] = [{"ma_to_chuc": o, "muc": lv} for o, lv in orgs]
        data.update(fields)
        self._write(self.paths[org_id] / "quyet-dinh.yaml", data)

    def load(self, year: int | None = None) -> tuple[Year, CheckResult]:
        loaded, result = load_year(self.root, year or self.year, schemas=schemas())
        errors = [
            f"{f.code} {f.path}:{f.line} {f.message}"
            for f in result.findings
            if f.severity is Severity.ERROR
        ]
        assert not errors, "fixture does not load cleanly:\n" + "\n".join(errors)
        return loaded, result


def leader_of_unit(root: Path, unit_tasks: dict[str, int], **settings: object) -> Tree:
    """Case 32's shape (RULES.md §6): a leader (Phụ lục 3) scoring 93 with perfect tasks of
    their own, under a chi bộ cơ sở, whose unit did `unit_tasks`."""
    t = Tree(root, 2025, "qd366-hd43", settings=settings or None)
    t.chi_bo_co_so("cb")
    unit = {"ten": "UBND xã", "ty_le_hoan_thanh_chi_tieu": 1, "nhiem_vu": unit_tasks}
    t.member(
        "cb",
        "dv-1",
        "HTXSNV",
        mau_bieu="phu_luc_3",
        diem={"tieu_chi_chung": 29, "ket_qua_nhiem_vu": 64},
        nhiem_vu=tasks(10, 10, 10, 10),
        don_vi_phu_trach=unit,
    )
    return t
