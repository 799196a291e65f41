"""`kiemdiem new member|org|year`: write a starting file from the official form."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from generator import messages, orgtypes
from generator.check.schemaref import deref, schema_file
from generator.cli import UsageError, find_repo
from generator.commands import newwrite
from generator.forge import newyear, scaffold
from generator.report.safe import visible
from generator.rules.registry import PENDING, default_ruleset_id, ruleset_id_for
from generator.submissions import layout

HELP = "tạo tệp mới từ mẫu: bản kiểm điểm đảng viên, tổ chức, hoặc năm đánh giá"
# organization types are data (schema/to-chuc.schema.json x-loai-to-chuc): a type with a
# parent may be created below one; a member file goes to a type that holds members
ORG_TYPES = tuple(t.value for t in orgtypes.project() if t.parents)
MEMBER_HOLDERS = tuple(t.value for t in orgtypes.project() if t.holds_members)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("new", help=HELP, description=HELP[0].upper() + HELP[1:] + ".")
    kinds = p.add_subparsers(dest="kind", metavar="LOẠI", required=True)
    m = kinds.add_parser("member", help="bản kiểm điểm của một đảng viên")
    m.add_argument("member_id", metavar="MA_DANG_VIEN", help="mã đảng viên, ví dụ dv-104233")
    m.add_argument("--org", required=True, metavar="MA_CHI_BO", help="mã chi bộ sinh hoạt")
    m.add_argument("--year", type=int, metavar="NĂM", help="năm đánh giá (mặc định: năm mới nhất)")
    o = kinds.add_parser("org", help="tệp to-chuc.yaml của một tổ chức đảng")
    o.add_argument("org_id", metavar="MA_TO_CHUC", help="mã tổ chức (cũng là tên thư mục)")
    o.add_argument("--parent", required=True, metavar="MA_CAP_TREN", help="mã tổ chức cấp trên")
    o.add_argument(
        "--type", required=True, dest="org_type", help="loại tổ chức: " + ", ".join(ORG_TYPES)
    )
    o.add_argument("--year", type=int, metavar="NĂM", help="năm đánh giá (mặc định: năm mới nhất)")
    y = kinds.add_parser("year", help="tệp nam-danh-gia.yaml của một năm đánh giá")
    y.add_argument("year", type=int, metavar="NĂM")
    y.add_argument("--root", metavar="MA_TO_CHUC_GOC", help="mặc định: như năm trước")
    y.add_argument("--ruleset", help="mặc định: theo năm (RULES.md), hoặc pending")
    y.add_argument(
        "--no-orgs",
        action="store_true",
        help="chỉ tạo tệp năm, không chép cây tổ chức của năm trước (năm dựng lại cây tổ "
        "chức, ví dụ sắp xếp lại năm 2025)",
    )
    p.set_defaults(func=run)


def _year(repo: Path, wanted: int | None) -> int:
    years = layout.years(repo)
    if wanted is None:
        if not years:
            raise UsageError(
                "Chưa có năm đánh giá nào; Ban Tổ chức tạo năm bằng `kiemdiem new year`."
            )
        return years[-1]
    if wanted not in years:
        raise UsageError(f"Chưa có thư mục năm {wanted} (submissions/{wanted}/).")
    return wanted


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


def _ruleset(repo: Path, year: int) -> str:
    """The ruleset the year file names (the registry's answer); `pending` without one."""
    value = scaffold.file_data(repo, f"{layout.SUBMISSIONS}/{year}/{layout.YEAR_FILE}").get(
        "bo_quy_tac"
    )
    return ruleset_id_for(year, override=value) if isinstance(value, str) else PENDING


def _org_folder(repo: Path, year: int, org_id: str) -> tuple[str, dict[str, object]]:
    for f in layout.walk_year(repo, year):
        if f.kind is layout.Kind.ORG and layout.org_id_of_folder(f.org_folder or "") == org_id:
            return f"{layout.SUBMISSIONS}/{year}/{f.org_folder}", scaffold.file_data(repo, f.path)
    raise UsageError(f"Không có tổ chức mã `{org_id}` trong năm {year} (xem tên các thư mục).")


def _check_one_review(repo: Path, year: int, member_id: str, target: Path) -> None:
    """Refuse a second review of a member in a year (`check` would report both files as
    `member-duplicate`). The target itself is left to `_write` (kept, or filled if blank)."""
    name = f"{member_id}.yaml"
    for f in layout.walk_year(repo, year):
        if f.kind is not layout.Kind.MEMBER or not f.path.endswith("/" + name):
            continue
        if repo / f.path == target:
            return
        raise UsageError(
            f"Đảng viên `{member_id}` đã có bản kiểm điểm năm {year}: "
            f"`{visible(f.path)}`; chưa tạo tệp nào. Mỗi đảng viên chỉ có một bản kiểm điểm "
            "mỗi năm: mở tệp đó để viết tiếp. Nếu đồng chí chuyển sinh hoạt sang chi bộ khác, "
            "bí thư hai chi bộ chuyển chính tệp đó (giữ nguyên nội dung) sang thư mục "
            "`dang-vien/` của chi bộ mới, không tạo bản mới."
        )


def _check_one_org(repo: Path, year: int, org_id: str, target: Path) -> None:
    """Refuse an organization id another folder of the year has (`check` would report both
    `to-chuc.yaml` as `org-duplicate`). The target itself is left to `newwrite.write`."""
    for f in layout.walk_year(repo, year):
        if f.kind is not layout.Kind.ORG or layout.org_id_of_folder(f.org_folder or "") != org_id:
            continue
        if repo / f.path == target:
            return
        raise UsageError(
            f"Mã tổ chức `{org_id}` đã có trong năm {year}: `{visible(f.path)}`; chưa tạo tệp "
            "nào. Mỗi tổ chức có một mã riêng trong năm: đặt cho tổ chức mới một mã khác (ví dụ "
            f"thêm tên xã hoặc đơn vị: `{org_id}-...`), hoặc mở tệp đó nếu là cùng một tổ chức."
        )


def _check_id(value: str, what: str) -> None:
    if not layout.ID_RE.fullmatch(value):
        raise UsageError(
            f"{what} `{value}` không hợp lệ: chỉ gồm chữ thường không dấu, chữ số và dấu '-', "
            "ví dụ `dv-104233`, `chi-bo-ap-1`."
        )


def run(args: argparse.Namespace) -> int:
    repo = args.repo.resolve() if args.repo else find_repo()
    if args.kind == "member":
        _check_id(args.member_id, "Mã đảng viên")
        year = _year(repo, args.year)
        folder, org = _org_folder(repo, year, args.org)
        holder = orgtypes.OrgTypes.load(repo / "schema").by_code.get(str(org.get("loai")))
        if holder is None or not holder.holds_members:
            raise UsageError(
                f"`{args.org}` không phải chi bộ nên không có đảng viên sinh hoạt trực tiếp; "
                "hãy chỉ ra mã chi bộ (chi bộ trực thuộc hoặc chi bộ cơ sở)."
            )
        target = repo / folder / layout.MEMBERS_DIR / f"{args.member_id}.yaml"
        _check_one_review(repo, year, args.member_id, target)
        name = org.get("ten")
        text = scaffold.member_file(
            repo,
            target,
            args.member_id,
            year,
            _ruleset(repo, year),
            name if isinstance(name, str) else "",
        )
        return newwrite.write(repo, target, text)
    if args.kind == "org":
        _check_id(args.org_id, "Mã tổ chức")
        year = _year(repo, args.year)
        folder, parent = _org_folder(repo, year, args.parent)
        types = orgtypes.OrgTypes.load(repo / "schema")
        new_type = types.by_code.get(args.org_type)
        if new_type is None or not new_type.parents:
            allowed = ", ".join(t.value for t in types if t.parents)
            raise UsageError(f"Loại tổ chức `{args.org_type}` không có; chọn một trong: {allowed}.")
        parent_type = types.by_code.get(str(parent.get("loai")))
        if parent_type is not None and not new_type.may_sit_under(parent_type):
            raise UsageError(_misplaced(args, types, new_type, parent_type, year))
        if not new_type.exists_in(year):
            raise UsageError(_out_of_period(args, types, new_type, parent_type, year))
        target = repo / folder / args.org_id / layout.ORG_FILE
        _check_one_org(repo, year, args.org_id, target)
        text = scaffold.org_file(
            repo, target, args.org_id, year, _ruleset(repo, year), args.org_type
        )
        return newwrite.write(repo, target, text)
    return _new_year(repo, args)


def _misplaced(
    args: argparse.Namespace,
    types: orgtypes.OrgTypes,
    org_type: orgtypes.OrgType,
    parent_type: orgtypes.OrgType,
    year: int,
) -> str:
    """`new org` below a parent its type cannot sit under: what `check` would report
    (`org-type-misplaced`, by the same rule, OrgType.may_sit_under) and what fits there."""
    said, _, _ = messages.render(
        "org-type-misplaced",
        child_label=org_type.label_vi,
        child=visible(args.org_id),
        parent_label=parent_type.label_vi.lower(),
        parent=visible(args.parent),
    )

    def named(found: list[orgtypes.OrgType]) -> str:
        return ", ".join(f"{t.label_vi.lower()} (`{t.value}`)" for t in found)

    here = f"{said} Chưa tạo tệp nào. Dưới {parent_type.label_vi.lower()} `{visible(args.parent)}`"
    fits = [t for t in types if t.may_sit_under(parent_type) and t.exists_in(year)]
    above = [t for t in types if org_type.may_sit_under(t) and t.exists_in(year)]
    elsewhere = f"chọn đúng tổ chức cấp trên bằng `--parent` ({org_type.label_vi.lower()} " + (
        f"chỉ đặt được dưới {named(above)})." if above else f"không có chỗ nào trong năm {year})."
    )
    if not fits:
        return f"{here} không đặt được tổ chức nào: {elsewhere}"
    return f"{here} chỉ đặt được {named(fits)}: sửa `--type` cho đúng loại, hoặc {elsewhere}"


def _out_of_period(
    args: argparse.Namespace,
    types: orgtypes.OrgTypes,
    org_type: orgtypes.OrgType,
    parent_type: orgtypes.OrgType | None,
    year: int,
) -> str:
    """`new org` of a type not in force in the year: what `check` would report
    (`org-type-period`, by the same rule, OrgType.exists_in) and the types in force there."""
    said, _, _ = messages.render(
        "org-type-period",
        label=org_type.label_vi,
        type_code=org_type.value,
        period=org_type.period_vi(),
        year=year,
    )
    fits = [
        t
        for t in types
        if t.parents and t.exists_in(year) and (parent_type is None or t.may_sit_under(parent_type))
    ]
    where = f"dưới {parent_type.label_vi.lower()} `{visible(args.parent)}`" if parent_type else ""
    if not fits:
        return f"{said} Chưa tạo tệp nào. Năm {year} không đặt được tổ chức nào {where}."
    named = ", ".join(f"{t.label_vi.lower()} (`{t.value}`)" for t in fits)
    return f"{said} Chưa tạo tệp nào. Năm {year} {where} chỉ đặt được: {named}; sửa `--type`."


def _new_year(repo: Path, args: argparse.Namespace) -> int:
    """The year file; unless `--no-orgs`, with every organization of the year before."""
    _check_year_bounds(repo, args.year)
    earlier = [y for y in layout.years(repo) if y < args.year]
    last_root = None
    if earlier:
        value = scaffold.file_data(
            repo, f"{layout.SUBMISSIONS}/{earlier[-1]}/{layout.YEAR_FILE}"
        ).get("to_chuc_goc")
        last_root = value if isinstance(value, str) else None
    root = args.root if args.root is not None else last_root
    folder = repo / layout.SUBMISSIONS / str(args.year)
    target = folder / layout.YEAR_FILE
    ruleset = args.ruleset or default_ruleset_id(args.year)
    year_text = scaffold.year_file(repo, target, args.year, root, ruleset)
    if args.no_orgs or not earlier:
        return newwrite.write(repo, target, year_text)
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
        newyear.write_year(repo, args.year, {layout.YEAR_FILE: year_text, **carried.files})
    except FileExistsError:
        print(_year_exists(repo, args.year, from_year), file=sys.stderr)
        return 1
    except OSError as exc:
        raise UsageError(
            f"Không ghi được thư mục `{layout.SUBMISSIONS}/{args.year}/` "
            f"({exc.strerror or exc}); chưa tạo tệp nào."
        ) from exc
    _print_carried(args.year, from_year, carried)
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


def _print_carried(year: int, from_year: int, carried: newyear.Carried) -> None:
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
        f"1. Ban Tổ chức xem lại `{rel}/{layout.YEAR_FILE}` (bộ quy tắc, hạn chót) và sửa cây "
        "nếu năm nay có thay đổi: tổ chức mới tạo bằng `kiemdiem new org`, tổ chức không còn "
        "thì xóa thư mục của nó."
    )
    print(f"2. Chạy `kiemdiem check` để kiểm tra năm {year}.")
    print(
        "3. Mỗi đảng viên tạo bản kiểm điểm của mình bằng `kiemdiem new member <mã đảng viên> "
        "--org <mã chi bộ>` (thông tin năm trước được điền sẵn); mỗi tổ chức điền tiếp tệp "
        f"`{layout.ORG_FILE}` của mình."
    )
