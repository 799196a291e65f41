"""The year file `kiemdiem new year` writes (nam-danh-gia.yaml), with what the year before's
file says that still holds: its role groups (366-M6) and its settings (`cai_dat:`).

A setting is carried only when the new year's ruleset still reads it and accepts its value:
a ruleset change between the years (e.g. `pending` while the guidance is awaited) must not
carry a setting the new ruleset does not know (`check` would warn `rule-setting-unknown`),
nor a value it refuses; those are named in a comment and in the closing message instead.
Deadlines are each year's own: a complete, commented template with the new year's dates.
Every commented suggestion is valid once its '# ' is removed (tests/unit/test_new_year_file.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.check.yamltext import yaml_scalar
from generator.forge.earlierfacts import CODE, one_line
from generator.forge.scaffold import commented, modeline, yaml_line
from generator.rules.registry import PENDING, REGISTRY, ids

# where the settings are explained: files of the repository and the site's rules page
SETTINGS_DOC = (
    "trang «Quy tắc áp dụng» (quy-tac/) của trang web, tệp docs/quy-tac.md và mục "
    '"Settings" của README.md'
)
# the setting offered as a commented example when none is carried (if the ruleset has it)
_EXAMPLE_SETTING = "quota_rounding"


@dataclass
class YearText:
    """The year file's text and what it carried from the year before (for the message)."""

    text: str
    from_year: int = 0
    role_groups: int = 0
    settings: list[str] = field(default_factory=list)
    # facts of the repository carried (kho_mot_phan, du_lieu_mau, bao_ve_du_lieu)
    repository: list[str] = field(default_factory=list)
    # settings of the year before not carried: name -> why (Vietnamese)
    dropped: dict[str, str] = field(default_factory=dict)


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, bool | int | float) or one_line(value)


def _settings(earlier: dict[str, Any], ruleset: str) -> tuple[dict[str, Any], dict[str, str]]:
    """(carried, dropped) of the year before's `cai_dat:` under the new `ruleset`."""
    old = earlier.get("cai_dat")
    if not isinstance(old, dict):
        return {}, {}
    spec = REGISTRY.get(ruleset)
    known = {s.name: s for s in spec.settings} if spec else {}
    carried: dict[str, Any] = {}
    dropped: dict[str, str] = {}
    for name, value in old.items():
        if not isinstance(name, str) or not CODE.fullmatch(name):
            continue  # not a name (`check` reported it in its own year)
        setting = known.get(name)
        if setting is None:
            dropped[name] = f"bộ quy tắc {ruleset} không dùng"
        elif not _scalar(value) or (setting.choices is not None and value not in setting.choices):
            dropped[name] = f"giá trị không hợp lệ với bộ quy tắc {ruleset}"
        else:
            carried[name] = value
    return carried, dropped


def _role_groups(earlier: dict[str, Any]) -> list[tuple[str, str]]:
    groups = earlier.get("nhom_vai_tro")
    out = []
    for g in groups if isinstance(groups, list) else ():
        if not isinstance(g, dict):
            continue
        code, name = g.get("ma"), g.get("ten")
        if not isinstance(code, str) or not CODE.fullmatch(code) or not isinstance(name, str):
            continue
        if one_line(name) and name.strip():
            out.append((code, name))
    return out


def _repository_facts(out: YearText, earlier: dict[str, Any]) -> list[str]:
    """What the year before's file says of the repository itself, which a new year does not
    change: a part of a split province (`kho_mot_phan`: its root's quota pools are judged
    by `rollup`), sample data (`du_lieu_mau`), how long personal data is kept and how small
    a count is hidden (`bao_ve_du_lieu`)."""
    lines = []
    for key in ("kho_mot_phan", "du_lieu_mau"):
        if earlier.get(key) is True:
            lines.append(yaml_line(key, True))
            out.repository.append(key)
    kept = earlier.get("bao_ve_du_lieu")
    if isinstance(kept, dict):
        known = {
            k: v
            for k in ("thoi_han_luu_tru_nam", "nguong_an_so_lieu")
            if type(v := kept.get(k)) is int
        }
        if known:
            lines += ["bao_ve_du_lieu:", *(f"  {yaml_line(k, v)}" for k, v in known.items())]
            out.repository.append("bao_ve_du_lieu")
    if not lines:
        return []
    return [f"# Chép từ tệp năm {out.from_year} (sửa nếu năm nay khác):", *lines, ""]


def _deadlines(year: int) -> list[str]:
    return [
        "# CÁC HẠN CHÓT (ngày năm-tháng-ngày; xóa '# ' ở đầu các dòng và sửa ngày cho đúng):",
        *commented(
            [
                "han_chot:",
                f'  kiem_diem_ca_nhan: "{year}-11-30"  # hạn nộp bản kiểm điểm cá nhân',
                f'  de_xuat: "{year}-12-10"  # hạn chi bộ đề xuất xếp loại',
                f'  quyet_dinh: "{year}-12-31"  # hạn cấp ủy quyết định',
                f'  bao_cao: "{year + 1}-01-31"  # hạn báo cáo cấp trên',
            ]
        ),
    ]


def _groups_block(out: YearText, groups: list[tuple[str, str]], ruleset: str) -> list[str]:
    spec = REGISTRY.get(ruleset)
    uses = spec is not None and spec.role_groups
    if groups:
        out.role_groups = len(groups)
        lines = [
            f"# NHÓM VAI TRÒ (366-M6), chép từ tệp năm {out.from_year}: tỷ lệ HTXSNV tính",
            "# theo từng cấp ủy quyết định và từng nhóm. Sửa nếu năm nay khác.",
        ]
        if not uses:
            lines.append(
                f"# Bộ quy tắc {ruleset} chưa tính tỷ lệ theo nhóm: danh sách được giữ để dùng "
                "khi áp dụng bộ quy tắc có nhóm vai trò."
            )
        lines.append("nhom_vai_tro:")
        for code, name in groups:
            lines += [f"  - ma: {code}", f"    {yaml_line('ten', name)}"]
        return lines
    if not uses:
        return []
    return [
        "# NHÓM VAI TRÒ (366-M6; không ghi thì tính tỷ lệ HTXSNV chung theo từng cấp ủy",
        "# quyết định). Xóa '# ' ở đầu các dòng và ghi các nhóm của năm:",
        *commented(["nhom_vai_tro:", "  - ma: lanh_dao_quan_ly", "    ten: Lãnh đạo, quản lý"]),
    ]


def _settings_block(out: YearText, earlier: dict[str, Any], ruleset: str) -> list[str]:
    carried, out.dropped = _settings(earlier, ruleset)
    out.settings = list(carried)
    lines = [
        "# CÀI ĐẶT QUY TẮC (mục nào không ghi thì dùng mặc định). Ý nghĩa và mặc định của",
        "# từng cài đặt: trang «Quy tắc áp dụng» (quy-tac/) của trang web, tệp",
        '# docs/quy-tac.md và mục "Settings" của README.md.',
    ]
    if carried:
        lines.append(f"# Chép từ tệp năm {out.from_year} (bộ quy tắc {ruleset} vẫn dùng):")
        lines.append("cai_dat:")
        lines += [f"  {yaml_line(k, v)}" for k, v in carried.items()]
    else:
        spec = REGISTRY.get(ruleset)
        settings = {s.name: s for s in spec.settings} if spec else {}
        example = settings.get(_EXAMPLE_SETTING) or next(
            (s for s in settings.values() if s.choices), None
        )
        if example is not None and example.choices:
            choices = " | ".join(yaml_scalar(c) for c in example.choices)
            lines.append("# Ví dụ (xóa '# ' ở đầu 2 dòng dưới để dùng):")
            lines += commented(
                ["cai_dat:", f"  {yaml_line(example.name, example.default, choices)}"]
            )
        elif not settings:
            lines.append(f"# Bộ quy tắc {ruleset} chưa có cài đặt nào.")
    if out.dropped:
        names = ", ".join(f"{k} ({why})" for k, why in out.dropped.items())
        lines.append(f"# Không chép cài đặt của năm {out.from_year}: {names}.")
    return lines


def year_file(
    repo: Path,
    target: Path,
    year: int,
    root: str | None,
    ruleset: str,
    earlier: tuple[int, dict[str, Any]] = (0, {}),
) -> YearText:
    """The year's nam-danh-gia.yaml; `earlier`: (year, data) of the year before's file."""
    out = YearText("", from_year=earlier[0])
    lines = [
        modeline(repo, target, "nam-danh-gia.schema.json"),
        f"# ĐỢT KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI NĂM {year} (Ban Tổ chức)",
        "",
        yaml_line("nam", year),
        yaml_line("bo_quy_tac", ruleset, " | ".join(ids()) + f" ({PENDING}: chờ hướng dẫn)"),
        yaml_line("ten", f"Kiểm điểm, đánh giá, xếp loại chất lượng năm {year}"),
        yaml_line("to_chuc_goc", root, "mã (tên thư mục) của đảng bộ cấp trên cùng"),
        yaml_line("ngay_danh_gia", f"{year}-12-15", "mốc tính các điều kiện, năm-tháng-ngày"),
        "",
        *_repository_facts(out, earlier[1]),
        *_deadlines(year),
        "",
    ]
    groups = _groups_block(out, _role_groups(earlier[1]), ruleset)
    lines += [*groups, ""] if groups else []
    lines += _settings_block(out, earlier[1], ruleset)
    out.text = "\n".join(lines) + "\n"
    return out
