"""`kiemdiem new member|org|year`: write a starting file from the official form."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from generator import orgtypes
from generator.check.schemaref import deref, schema_file
from generator.cli import UsageError, find_repo
from generator.forge import scaffold
from generator.report.safe import visible
from generator.rules.registry import PENDING, default_ruleset_id, ruleset_id_for
from generator.submissions import layout
from generator.submissions.yamlload import loads

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


def _read(repo: Path, rel: str) -> dict[str, object]:
    try:
        loaded = loads((repo / rel).read_bytes())
    except OSError:
        return {}
    return loaded.document.data if loaded.document else {}


def _ruleset(repo: Path, year: int) -> str:
    """The ruleset the year file names (the registry's answer); `pending` without one."""
    value = _read(repo, f"{layout.SUBMISSIONS}/{year}/{layout.YEAR_FILE}").get("bo_quy_tac")
    return ruleset_id_for(year, override=value) if isinstance(value, str) else PENDING


def _org_folder(repo: Path, year: int, org_id: str) -> tuple[str, dict[str, object]]:
    for f in layout.walk_year(repo, year):
        if f.kind is layout.Kind.ORG and layout.org_id_of_folder(f.org_folder or "") == org_id:
            return f"{layout.SUBMISSIONS}/{year}/{f.org_folder}", _read(repo, f.path)
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


def _check_id(value: str, what: str) -> None:
    if not layout.ID_RE.fullmatch(value):
        raise UsageError(
            f"{what} `{value}` không hợp lệ: chỉ gồm chữ thường không dấu, chữ số và dấu '-', "
            "ví dụ `dv-104233`, `chi-bo-ap-1`."
        )


def _fill_if_blank(target: Path, text: str) -> bool:
    """Write the form into an existing file that holds nothing but blanks (the `yaml-empty`
    hint sends the user here); a file with any content is never touched."""
    fd = os.open(target, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "r+b") as f:
        if f.read(65536).strip():
            return False
        f.seek(0)
        f.truncate()
        f.write(text.encode("utf-8"))
    return True


def _symlink_on_the_way(repo: Path, target: Path) -> Path | None:
    """The first symlink among `target` and the folders between `repo` and it (a dangling
    link too: `exists()` is False for it, and writing would follow it)."""
    path = repo
    for part in target.relative_to(repo).parts:
        path = path / part
        if path.is_symlink():
            return path
    return None


def _write(repo: Path, target: Path, text: str) -> int:
    rel = target.relative_to(repo).as_posix()
    link = _symlink_on_the_way(repo, target)
    if link is not None:
        print(
            f"kiemdiem: `{visible(link.relative_to(repo).as_posix())}` là liên kết tượng trưng "
            "(symlink); không ghi qua liên kết. Thay liên kết bằng thư mục hoặc tệp thật rồi "
            "chạy lại lệnh.",
            file=sys.stderr,
        )
        return 1
    filled = target.is_file() and _fill_if_blank(target, text)
    if target.exists() and not filled:
        print(
            f"kiemdiem: tệp `{rel}` đã có; không ghi đè. Mở tệp đó để sửa tiếp (nội dung đã "
            f"viết được giữ nguyên); `kiemdiem check {rel}` cho biết còn thiếu mục nào.",
            file=sys.stderr,
        )
        return 1
    if not filled:
        target.parent.mkdir(parents=True, exist_ok=True)
        # O_EXCL | O_NOFOLLOW: never through a link, never over a file made in the meantime
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        try:
            fd = os.open(target, flags, 0o644)
        except FileExistsError:
            print(f"kiemdiem: tệp `{rel}` đã có; không ghi đè.", file=sys.stderr)
            return 1
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
    print(f"Đã tạo `{rel}`.")
    print(
        'Mở tệp, điền các mục còn để trống "" theo chú thích, rồi chạy `kiemdiem check '
        f"{rel}` để xem còn thiếu gì."
    )
    return 0


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
        return _write(repo, target, text)
    if args.kind == "org":
        _check_id(args.org_id, "Mã tổ chức")
        year = _year(repo, args.year)
        folder, _ = _org_folder(repo, year, args.parent)
        types = orgtypes.OrgTypes.load(repo / "schema")
        new_type = types.by_code.get(args.org_type)
        if new_type is None or not new_type.parents:
            allowed = ", ".join(t.value for t in types if t.parents)
            raise UsageError(f"Loại tổ chức `{args.org_type}` không có; chọn một trong: {allowed}.")
        target = repo / folder / args.org_id / layout.ORG_FILE
        text = scaffold.org_file(
            repo, target, args.org_id, year, _ruleset(repo, year), args.org_type
        )
        return _write(repo, target, text)
    # year
    _check_year_bounds(repo, args.year)
    earlier = [y for y in layout.years(repo) if y < args.year]
    root = args.root
    if root is None and earlier:
        value = _read(repo, f"{layout.SUBMISSIONS}/{earlier[-1]}/{layout.YEAR_FILE}").get(
            "to_chuc_goc"
        )
        root = value if isinstance(value, str) else None
    target = repo / layout.SUBMISSIONS / str(args.year) / layout.YEAR_FILE
    ruleset = args.ruleset or default_ruleset_id(args.year)
    return _write(repo, target, scaffold.year_file(repo, target, args.year, root, ruleset))
