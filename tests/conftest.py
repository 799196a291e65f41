"""Shared fixtures: tiny repositories written into tmp_path, with this repository's schemas."""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent

Y = "submissions/2025"
XA = f"{Y}/huyen-mau/dang-bo-xa-a"
CB = f"{XA}/chi-bo-ap-1"

# A minimal valid year under qd366-hd43: a province, one đảng bộ cơ sở (xã), one chi bộ, two
# members (a TCCSĐ directly under the province, RULES.md §7).
MINI: dict[str, str] = {
    f"{Y}/nam-danh-gia.yaml": """
        nam: 2025
        bo_quy_tac: qd366-hd43
        ten: Kiểm điểm năm 2025 (dữ liệu kiểm thử)
        to_chuc_goc: huyen-mau
        ngay_danh_gia: "2025-12-15"
        """,
    f"{Y}/huyen-mau/to-chuc.yaml": """
        ma_to_chuc: huyen-mau
        nam: 2025
        ten: Đảng bộ tỉnh Mẫu
        loai: dang_bo_tinh
        """,
    f"{XA}/to-chuc.yaml": """
        ma_to_chuc: dang-bo-xa-a
        nam: 2025
        ten: Đảng bộ xã A
        loai: dang_bo_co_so
        phan_loai: xa
        diem:
          tieu_chi_chung: 26
          ket_qua_nhiem_vu: 60
        kiem_diem:
          uu_diem: Lãnh đạo hoàn thành các chỉ tiêu nghị quyết.
          han_che: Sinh hoạt chi bộ có lúc chưa đều.
          phuong_huong: Nâng cao chất lượng sinh hoạt.
        tu_xep_loai: HTTNV
        """,
    f"{CB}/to-chuc.yaml": """
        ma_to_chuc: chi-bo-ap-1
        nam: 2025
        ten: Chi bộ Ấp 1
        loai: chi_bo_truc_thuoc
        lanh_dao:
          bi_thu: dv-000001
        diem:
          tieu_chi_chung: 26
          ket_qua_nhiem_vu: 60
        kiem_diem:
          uu_diem: Lãnh đạo hoàn thành các chỉ tiêu nghị quyết.
          han_che: Sinh hoạt chi bộ có lúc chưa đều.
          phuong_huong: Nâng cao chất lượng sinh hoạt.
        tu_xep_loai: HTTNV
        """,
    f"{CB}/dang-vien/dv-000001.yaml": """
        ma_dang_vien: dv-000001
        nam: 2025
        ho_ten: Nguyễn Văn Nam
        loai_dang_vien: chinh_thuc
        ngay_vao_dang: "2010-03-15"
        nhiem_vu:
          duoc_giao: 10
          hoan_thanh: 10
          dung_han: 10
          vuot: 2
        diem:
          tieu_chi_chung: 27
          ket_qua_nhiem_vu: 60
        kiem_diem:
          uu_diem: Hoàn thành đầy đủ nhiệm vụ được giao.
          han_che: Đôi lúc chưa chủ động.
          phuong_huong: Chủ động hơn trong công việc.
        tu_xep_loai: HTTNV
        """,
    f"{CB}/dang-vien/dv-000002.yaml": """
        ma_dang_vien: dv-000002
        nam: 2025
        ho_ten: Trần Thị Hoa
        loai_dang_vien: chinh_thuc
        ngay_vao_dang: "2015-06-01"
        nhiem_vu:
          duoc_giao: 8
          hoan_thanh: 8
          dung_han: 8
        diem:
          tieu_chi_chung: 25
          ket_qua_nhiem_vu: 50
        kiem_diem:
          uu_diem: Nhiệt tình.
          han_che: Chưa sáng tạo.
          phuong_huong: Học tập thêm.
        tu_xep_loai: HTTNV
        """,
    f"{CB}/de-xuat.yaml": """
        nam: 2025
        ma_to_chuc: chi-bo-ap-1
        ngay_hop: "2025-12-05"
        de_xuat:
          - ma_dang_vien: dv-000001
            muc: HTTNV
            phieu:
              tan_thanh: 2
          - ma_dang_vien: dv-000002
            muc: HTTNV
            phieu:
              tan_thanh: 2
        """,
}


def write_tree(root: Path, files: dict[str, str]) -> Path:
    """Write `files` (path -> YAML text, dedented) below `root`, with the real schemas."""
    if not (root / "schema").exists():
        shutil.copytree(ROOT / "schema", root / "schema")
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


@pytest.fixture
def mini_repo(tmp_path: Path) -> Callable[..., Path]:
    """A factory: mini_repo(**overrides) writes MINI with some files replaced or removed."""

    def make(overrides: dict[str, str | None] | None = None) -> Path:
        files = dict(MINI)
        for rel, text in (overrides or {}).items():
            if text is None:
                files.pop(rel, None)
            else:
                files[rel] = text
        return write_tree(tmp_path / "repo", files)  # type: ignore[arg-type]

    return make


def copy_sample(repo: Path, years: tuple[int, ...]) -> Path:
    """A copy of this repository's sample at `repo` for tests that change it: the given
    years of submissions/ (and what is beside them), the schemas, templates and mkdocs.yml."""
    keep = {str(y) for y in years}
    shutil.copytree(
        ROOT / "submissions",
        repo / "submissions",
        ignore=lambda folder, names: [n for n in names if n.isdigit() and n not in keep],
    )
    for name in ("schema", "site_templates"):
        shutil.copytree(ROOT / name, repo / name)
    shutil.copy2(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    return repo


def finding_keys(findings: list[Any]) -> list[tuple[Any, ...]]:
    """Findings as sorted tuples of everything a reader sees of them (place, code,
    severity, texts, rule, actor, extras): two checks compare equal only if they report
    exactly the same."""
    return sorted(
        (
            f.path,
            f.position,
            f.code,
            f.severity.value,
            f.message,
            f.hint,
            f.rule,
            f.actor,
            repr(sorted(f.extra.items())),
        )
        for f in findings
    )


@pytest.fixture(autouse=True, scope="session")
def _cache_registry(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The tokens of cache folders made outside Git (generator.cachetrust.registry) go
    to a folder of this test session, not the user's ~/.cache: tests make thousands of
    repositories. Processes the tests start inherit it."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
