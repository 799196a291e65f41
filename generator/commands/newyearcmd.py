"""`kiemdiem new year`: the year file and, unless `--no-orgs`, the organization tree of
the year before (generator.forge.newyear carries and writes it, all or nothing); what it
refuses and why, and what it tells Ban Tổ chức to do next. generator/commands/new.py
(`kiemdiem new`) hands the year over to `new_year` here: like newwrite.py, a helper of
that command, not a subcommand of its own.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from generator import orgtypes
from generator.check.schemaref import deref, schema_file
from generator.cli import UsageError
from generator.commands import newwrite
from generator.forge import earlierfacts, newyear, yearfile
from generator.report.safe import visible
from generator.rules.registry import default_ruleset_id
from generator.submissions import layout


def _check_year_bounds(repo: Path, year: int) -> None:
    """Refuse a year the year file's schema (its `nam`) would refuse: `check` would then
    report the file just written. Without a readable schema, nothing is refused here."""
    schema_dir = repo / "schema"
    name = "nam-danh-gia.schema.json"
    try:
        nam = schema_file(schema_dir, name)["properties"]["nam"]
        node, file = deref(schema_dir, nam, name)
    except (OSError, ValueError, KeyError, TypeError):
        return
    low, high = node.get("minimum"), node.get("maximum")
    if isinstance(node.get("exclusiveMinimum"), int):
        low = node["exclusiveMinimum"] + 1
    if isinstance(node.get("exclusiveMaximum"), int):
        high = node["exclusiveMaximum"] - 1
    low = low if isinstance(low, int) else None
    high = high if isinstance(high, int) else None
    if (low is None or year >= low) and (high is None or year <= high):
        return
    if low is not None and high is not None:
        allowed = f"từ {low} đến {high}"
    else:
        allowed = f"từ {low} trở đi" if low is not None else f"đến {high}"
    raise UsageError(
        f"Năm {year} nằm ngoài khoảng năm đánh giá mà mẫu hồ sơ cho phép ({allowed}, theo "
        f"schema/{file}); `kiemdiem check` sẽ không nhận tệp của năm này nên chưa tạo tệp "
        "nào. Kiểm tra lại con số năm (viết đủ 4 chữ số, ví dụ 2025)."
    )


def _check_gap(years: list[int], year: int, skip: bool) -> None:
    """Refuse a year that leaves years unopened after the newest (2029 typed for 2027 would
    carry 2026's tree and settings over two years no one opened), unless `--skip-years`."""
    newest = max(years, default=None)
    if newest is None or year <= newest + 1 or skip:
        return
    between = f"năm {newest + 1}" if year == newest + 2 else f"các năm {newest + 1}–{year - 1}"
    raise UsageError(
        f"Năm {year} không liền sau năm mới nhất của kho ({newest}): {between} chưa được mở; "
        f"chưa tạo tệp nào. Để mở năm tiếp theo, chạy `kiemdiem new year {newest + 1}`; nếu "
        f"đúng là năm {year} và {between} không đánh giá trong kho này, chạy lại với "
        "`--skip-years`."
    )


def new_year(repo: Path, args: argparse.Namespace) -> int:
    """The year file; unless `--no-orgs`, with every organization of the year before."""
    _check_year_bounds(repo, args.year)
    years = layout.years(repo)
    _check_gap(years, args.year, args.skip_years)
    earlier = [y for y in years if y < args.year]
    last_root = None
    last: tuple[int, dict[str, Any]] = (0, {})
    if earlier:
        last = (
            earlier[-1],
            earlierfacts.file_data(repo, f"{layout.SUBMISSIONS}/{earlier[-1]}/{layout.YEAR_FILE}"),
        )
        value = last[1].get("to_chuc_goc")
        last_root = value if isinstance(value, str) else None
    root = args.root if args.root is not None else last_root
    folder = repo / layout.SUBMISSIONS / str(args.year)
    target = folder / layout.YEAR_FILE
    ruleset = args.ruleset or default_ruleset_id(args.year)
    year = yearfile.year_file(repo, target, args.year, root, ruleset, last)
    if args.no_orgs or not earlier:
        written = newwrite.write(repo, target, year.text)
        if written == 0 and year.from_year:
            print(f"Tệp năm: {_carried_settings(year)}")
        return written
    from_year = earlier[-1]
    if args.root is not None and last_root is not None and args.root != last_root:
        raise UsageError(
            f"`--root {visible(args.root)}` khác tổ chức gốc của năm {from_year}: cây tổ chức "
            f"chép từ năm đó có gốc `{visible(last_root)}`; chưa tạo tệp nào. Bỏ `--root` để "
            "giữ cây năm trước, hoặc thêm `--no-orgs` để chỉ tạo tệp năm rồi dựng cây mới bằng "
            "`kiemdiem new org`."
        )
    link = newwrite.symlink_on_the_way(repo, folder)
    if link is not None:
        newwrite.refuse_link(repo, link)
        return 1
    if os.path.lexists(folder):
        print(_year_exists(repo, args.year, from_year), file=sys.stderr)
        return 1
    carried = newyear.carry_orgs(repo, from_year, args.year, ruleset)
    if carried.expired:
        raise UsageError(_expired(carried.expired, from_year, args.year))
    try:
        newyear.write_year(repo, args.year, {layout.YEAR_FILE: year.text, **carried.files})
    except FileExistsError:
        print(_year_exists(repo, args.year, from_year), file=sys.stderr)
        return 1
    except OSError as exc:
        raise UsageError(
            f"Không ghi được thư mục `{layout.SUBMISSIONS}/{args.year}/` "
            f"({exc.strerror or exc}); chưa tạo tệp nào."
        ) from exc
    _print_carried(args.year, from_year, carried, year)
    return 0


def _year_exists(repo: Path, year: int, from_year: int) -> str:
    rel = f"{layout.SUBMISSIONS}/{year}/"
    count = len(layout.walk_year(repo, year))
    has_year_file = (repo / rel / layout.YEAR_FILE).is_file()
    what = "đang trống" if count == 0 else f"có {count} tệp"
    if has_year_file:
        what += ", trong đó có tệp năm `nam-danh-gia.yaml`"
    advice = (
        "Năm này đã được mở: sửa tiếp các tệp trong đó; `kiemdiem check` cho biết còn thiếu gì."
        if has_year_file
        else f"Để chỉ tạo tệp năm trong thư mục đã có, chạy `kiemdiem new year {year} --no-orgs`."
    )
    move = (
        f"xóa thư mục trống `{rel}`"
        if count == 0
        else f"chuyển thư mục `{rel}` ra ngoài kho (giữ lại các tệp cần dùng)"
    )
    return (
        f"kiemdiem: thư mục `{rel}` đã có ({what}); chưa tạo tệp nào, không ghi đè. {advice} "
        f"Cây tổ chức của năm {from_year} chỉ được chép vào một năm chưa có thư mục: muốn "
        f"chép thì {move} rồi chạy lại lệnh."
    )


def _expired(expired: list[tuple[str, orgtypes.OrgType]], from_year: int, year: int) -> str:
    types = {t.value: t for _, t in expired}
    names = "; ".join(
        f"`{code}` ({t.label_vi}, có {t.period_vi()})" for code, t in sorted(types.items())
    )
    example = visible(expired[0][0])
    return (
        f"Năm {from_year} có {len(expired)} tổ chức thuộc loại không còn trong năm {year}: "
        f"{names}; ví dụ `{example}`. Cây tổ chức năm {year} phải dựng lại nên không chép "
        f"được; chưa tạo tệp nào. Chạy `kiemdiem new year {year} --no-orgs` để chỉ tạo tệp "
        "năm, rồi tạo từng tổ chức của cây mới bằng `kiemdiem new org` (tổ chức kế thừa tổ "
        "chức cũ ghi mã cũ ở mục `ke_thua_tu`)."
    )


def _carried_settings(year: yearfile.YearText) -> str:
    """What the year file took from the year before's and what is left to review."""
    took = []
    if year.role_groups:
        took.append(f"{year.role_groups} nhóm vai trò (`nhom_vai_tro`, 366-M6)")
    if year.settings:
        took.append("cài đặt " + ", ".join(f"`{k}`" for k in year.settings))
    if year.repository:
        took.append(", ".join(f"`{k}`" for k in year.repository))
    text = (
        f"đã chép từ tệp năm {year.from_year}: " + "; ".join(took)
        if took
        else f"tệp năm {year.from_year} không có nhóm vai trò hay cài đặt nào để chép"
    )
    if year.dropped:
        text += "; không chép " + ", ".join(f"`{k}` ({why})" for k, why in year.dropped.items())
    return (
        f"{text}. Xem lại bộ quy tắc, ngày đánh giá, các hạn chót (mẫu đủ 4 mốc, bỏ '# ' để "
        f"dùng), nhóm vai trò và cài đặt (ý nghĩa: {yearfile.SETTINGS_DOC})."
    )


def _print_carried(
    year: int, from_year: int, carried: newyear.Carried, year_file: yearfile.YearText
) -> None:
    rel = f"{layout.SUBMISSIONS}/{year}"
    if carried.files:
        print(
            f"Đã tạo năm {year} (`{rel}/`): tệp năm `{layout.YEAR_FILE}` và {len(carried.files)} "
            f"tệp `{layout.ORG_FILE}` chép cây tổ chức của năm {from_year} (cùng mã, cùng chỗ, "
            f"cùng loại; tên và thông tin tổ chức lấy từ năm {from_year}). Chỉ tiêu, điểm, nội "
            "dung kiểm điểm và tự xếp loại để trống cho năm mới; bản kiểm điểm đảng viên, đề "
            "xuất và quyết định không chép."
        )
    else:
        print(
            f"Đã tạo năm {year} (`{rel}/`) với tệp năm `{layout.YEAR_FILE}`; năm {from_year} "
            "không có tổ chức nào để chép."
        )
    if carried.unreadable:
        print(
            f"kiemdiem: {len(carried.unreadable)} tổ chức của năm {from_year} không chép được "
            f"vì tệp `{layout.ORG_FILE}` không đọc được hoặc không ghi đúng `loai`: "
            + ", ".join(f"`{visible(f)}`" for f in carried.unreadable)
            + ". Tạo tệp cho từng tổ chức này bằng `kiemdiem new org`.",
            file=sys.stderr,
        )
    if carried.bad_names:
        print(
            f"kiemdiem: không chép các thư mục của năm {from_year} có tên không phải mã hợp lệ "
            "(chữ thường không dấu, chữ số, dấu '-'), cùng mọi tổ chức bên trong: "
            + ", ".join(f"`{visible(f)}`" for f in carried.bad_names)
            + ". Tạo lại các tổ chức này bằng `kiemdiem new org` với mã hợp lệ.",
            file=sys.stderr,
        )
    print("Việc tiếp theo:")
    print(
        f"1. Ban Tổ chức xem lại `{rel}/{layout.YEAR_FILE}`: {_carried_settings(year_file)} "
        "Sửa cây nếu năm nay có thay đổi: tổ chức mới tạo bằng `kiemdiem new org`, tổ chức "
        "không còn thì xóa thư mục của nó."
    )
    print(f"2. Chạy `kiemdiem check` để kiểm tra năm {year}.")
    print(
        "3. Mỗi đảng viên tạo bản kiểm điểm của mình bằng `kiemdiem new member <mã đảng viên> "
        "--org <mã chi bộ>` (thông tin năm trước được điền sẵn); mỗi tổ chức điền tiếp tệp "
        f"`{layout.ORG_FILE}` của mình."
    )
