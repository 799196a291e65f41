"""`kiemdiem new member|org|year`: write a starting file from the official form (`new
year`: generator/commands/newyearcmd.py; writing without touching anyone's content:
newwrite.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator import messages, orgtypes
from generator.cli import UsageError, find_repo
from generator.commands import newwrite, newyearcmd
from generator.forge import earlierfacts, scaffold
from generator.report.safe import visible
from generator.rules.registry import PENDING, ruleset_id_for
from generator.submissions import layout
from generator.vietnamese import slug, suggest

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
    y.add_argument("--ruleset", help="mặc định: bộ quy tắc của năm, hoặc pending")
    y.add_argument(
        "--skip-years",
        action="store_true",
        help="cho phép mở một năm không liền sau năm mới nhất của kho (các năm ở giữa không "
        "đánh giá trong kho này)",
    )
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


def _ruleset(repo: Path, year: int) -> str:
    """The ruleset the year file names (the registry's answer); `pending` without one."""
    value = earlierfacts.file_data(repo, f"{layout.SUBMISSIONS}/{year}/{layout.YEAR_FILE}").get(
        "bo_quy_tac"
    )
    return ruleset_id_for(year, override=value) if isinstance(value, str) else PENDING


def _org_folder(
    repo: Path, year: int, org_id: str, option: str = "--org"
) -> tuple[str, dict[str, object]]:
    orgs = [f for f in layout.walk_year(repo, year) if f.kind is layout.Kind.ORG]
    for f in orgs:
        if layout.org_id_of_folder(f.org_folder or "") == org_id:
            return f"{layout.SUBMISSIONS}/{year}/{f.org_folder}", earlierfacts.file_data(
                repo, f.path
            )
    guess = _org_guess(repo, orgs, org_id)
    missing = f"Không có tổ chức mã `{org_id}` trong năm {year}"
    if guess is None:
        raise UsageError(f"{missing} (xem tên các thư mục).")
    named = f" ({guess[1]})" if guess[1] else ""
    raise UsageError(
        f"{missing}. Có phải ý bạn là `{guess[0]}`{named}? Viết mã tổ chức (cũng là tên thư "
        f"mục của tổ chức): `{option} {guess[0]}`."
    )


def _org_guess(
    repo: Path, orgs: list[layout.SubmissionFile], written: str
) -> tuple[str, str] | None:
    """The organization (id, name) meant by `written`, an id mistyped or its name (`Chi bộ
    thôn An Lạc` -> `chi-bo-thon-an-lac`): the one whose id or name, folded, is `written`
    folded (vietnamese.slug), else the id closest to it (vietnamese.suggest)."""
    names: dict[str, str] = {}
    for f in orgs:
        org_id = layout.org_id_of_folder(f.org_folder or "")
        name = earlierfacts.file_data(repo, f.path).get("ten")
        names[org_id] = name if isinstance(name, str) else ""
    wanted = slug(written)
    exact = [i for i, n in names.items() if wanted and wanted in (slug(i), slug(n))]
    guess = exact[0] if len(exact) == 1 else suggest(written, list(names))
    return (guess, names[guess]) if guess else None


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
        folder, parent = _org_folder(repo, year, args.parent, "--parent")
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
    return newyearcmd.new_year(repo, args)


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
