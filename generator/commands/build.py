"""`kiemdiem build`: the whole internal site, one MkDocs site per year."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from generator.cli import UsageError, find_repo, require_schema
from generator.commands.rate import warn_strays
from generator.report.safe import visible
from generator.site.address import SiteUrlError, site_path
from generator.site.build import BuildOptions, SiteResult, build_site
from generator.site.mkdocs_run import MkDocsError
from generator.site.prune import Pruned
from generator.submissions.layout import SUBMISSIONS
from generator.submissions.layout import years as list_years


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "build",
        help="xây dựng trang nội bộ (mỗi năm một trang, có chọn năm)",
        description="Tạo trang web nội bộ từ các hồ sơ trong submissions/: mỗi năm đánh giá "
        "một trang trong <thư mục ra>/<năm>/, kèm trang chọn năm.",
    )
    parser.add_argument("--year", type=int, action="append", help="chỉ dựng năm này (lặp lại được)")
    parser.add_argument("--out", type=Path, default=None, help="thư mục ra (mặc định: site)")
    parser.add_argument("--strict", action="store_true", help="coi cảnh báo của MkDocs là lỗi")
    parser.add_argument(
        "--force", action="store_true", help="dựng lại cả các năm đã đóng dù không thay đổi"
    )
    parser.add_argument(
        "--pham-vi",
        default=None,
        metavar="PHẠM_VI",
        help=(
            "trang cho những ai, cách nhau bằng dấu phẩy: to-chuc (toàn đảng bộ, luôn dựng), "
            "cap-uy (mỗi cấp ủy quyết định xếp loại), chi-bo (mỗi chi bộ); "
            "mặc định: to-chuc,cap-uy,chi-bo (với --offline: to-chuc)"
        ),
    )
    parser.add_argument(
        "--chi-mot",
        default="",
        metavar="MÃ_TỔ_CHỨC",
        help="chỉ dựng trang cấp ủy / chi bộ của một tổ chức (ví dụ khi mỗi cấp ủy dựng riêng)",
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        help="trang mở thẳng từ ổ đĩa (file://, ví dụ chép vào USB); tìm kiếm cần máy chủ web",
    )
    parser.add_argument(
        "--site-url",
        default=None,
        metavar="ĐỊA_CHỈ",
        help=(
            "địa chỉ máy chủ web đặt thư mục ra, ví dụ https://may-chu/kiemdiem/ hoặc "
            "/kiemdiem/: trang 404 (báo không tìm thấy) dẫn liên kết từ đó; mặc định: gốc "
            "máy chủ (/)"
        ),
    )
    parser.set_defaults(func=run)


def project_dir(repo: Path) -> Path:
    """Where mkdocs.yml and site_templates/ are: the repository, else this checkout."""
    if (repo / "mkdocs.yml").is_file() and (repo / "site_templates").is_dir():
        return repo
    return Path(__file__).resolve().parents[2]


class _Bar:
    """A one-line progress display on stderr (plain lines when not a terminal)."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.started = time.perf_counter()

    def __call__(self, message: str, done: int, total: int) -> None:
        width = 24
        filled = int(width * done / total) if total else width
        line = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {message}"
        if self.tty:
            print(f"\r\033[K{line}", end="" if done < total else "\n", file=sys.stderr, flush=True)
        else:
            print(line, file=sys.stderr, flush=True)


# A hidden file in every folder `build` owns. MkDocs empties a site folder before it
# builds into it (keeping dot files), so `build` only ever builds into a folder that is
# new, empty, or carries this marker: it never deletes what it did not write.
OUT_MARKER = ".kiemdiem-site"
MARKER_TEXT = "Thư mục này do `kiemdiem build` tạo; lần dựng sau sẽ xóa và ghi lại nó.\n"


def _refuse(out: Path, why: str) -> UsageError:
    return UsageError(
        f"Không dựng trang vào `{visible(str(out))}`: {why} Chọn một thư mục khác bằng "
        "--out (ví dụ `site`); không có tệp nào bị xóa."
    )


def claim_output(repo: Path, out: Path, years: list[int]) -> None:
    """Refuse an output folder whose contents `build` would destroy; mark the ones it owns.

    Refused: the repository root or a folder holding it, anything inside submissions/, and
    a non-empty folder (the site folder or a year's folder in it) without `OUT_MARKER`.
    """
    repo = repo.resolve()
    submissions = (repo / SUBMISSIONS).resolve()
    if out == repo or out in repo.parents:
        raise _refuse(out, "đây là thư mục gốc của kho (hoặc chứa kho).")
    if out == submissions or submissions in out.parents:
        raise _refuse(out, "thư mục này nằm trong submissions/, nơi chứa hồ sơ.")
    folders = [out, *(out / str(y) for y in years)]
    for folder in folders:
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            raise _refuse(folder, "đây không phải một thư mục thật.")
        if folder.is_dir() and any(folder.iterdir()) and not (folder / OUT_MARKER).is_file():
            raise _refuse(
                folder,
                "thư mục đã có nội dung không do `kiemdiem build` tạo ra (thiếu tệp "
                f"`{OUT_MARKER}`), nên sẽ không bị xóa hay ghi đè.",
            )
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / OUT_MARKER).write_text(MARKER_TEXT, "utf-8")


def run(args: argparse.Namespace) -> int:
    repo = require_schema((args.repo or find_repo()).resolve())
    available = list_years(repo)
    out, kinds, served_at = _checked(args, repo, available)
    # --chi-mot: the organization's year folders are not written, so not claimed
    claim_output(repo, out, [] if args.chi_mot else args.year or available)
    options = BuildOptions(
        repo=repo,
        out=out,
        project=project_dir(repo),
        years=args.year,
        strict=args.strict,
        force=args.force,
        audiences=("to-chuc", *kinds),
        only=args.chi_mot,
        org_site=not args.chi_mot,  # one body's job: its sites, not the organization's
        offline=args.offline,
        site_path=served_at,
    )
    started = time.perf_counter()
    try:
        result = build_site(options, _Bar())
    except MkDocsError as exc:
        print(f"kiemdiem build: MkDocs báo lỗi:\n{exc}", file=sys.stderr)
        return 1
    _print_pruned(result.pruned, repo)
    _print_years(result, args.chi_mot)
    if args.chi_mot and not result.audience_sites:
        raise UsageError(
            f"Không có cấp ủy hay chi bộ nào mã `{visible(args.chi_mot)}` trong "
            f"{'năm ' + ', '.join(str(r.year) for r in result.years) if result.years else 'năm nào'}"
            " (--chi-mot nhận mã tổ chức, ví dụ `chi-bo-thon-an-lac`); không có trang nào được dựng."
        )
    # a review outside the year folders is on no page: said as rate and stats say it
    warn_strays(repo)
    _print_audiences(result, args.chi_mot)
    if not args.chi_mot:
        _warn_other_audiences(out, kinds)
    _warn_offline(args, kinds)
    if args.chi_mot:
        roots = sorted({o.root for o in result.audience_sites})
        where = ", ".join(f"{out}/{root}/index.html" for root in roots)
        print(
            f"Xong trong {time.perf_counter() - started:.1f} s (không dựng trang toàn đảng bộ): {where}"
        )
    else:
        print(f"Xong trong {time.perf_counter() - started:.1f} s: {out}/index.html")
    return 0


def _warn_other_audiences(out: Path, kinds: tuple[str, ...]) -> None:
    """Warn when `out` still holds the committees' or chi bộ's sites of an earlier build
    that this one (a narrower --pham-vi) leaves as they were: the README's server keeps
    every audience in one folder behind access rules per folder and rebuilds the
    organization's site alone on each push, so they are kept; but the folder published
    as a whole, where there are no such rules, would show them to every reader."""
    left = [k for k in ("cap-uy", "chi-bo") if k not in kinds and (out / k).is_dir()]
    if not left:
        return
    names = " và ".join(f"`{k}/`" for k in left)
    print(
        f"kiemdiem build: cảnh báo: {visible(str(out))} vẫn còn {names} của lần dựng trước "
        "(trang cấp ủy, chi bộ: nội dung kiểm điểm chỉ dành cho họ); lần này không dựng lại "
        "nên chúng giữ nguyên. Chỉ công bố cả thư mục này sau lớp phân quyền theo từng thư "
        "mục (docs/deploy/nginx-pham-vi.conf); để công bố ở nơi ai cũng đọc được (GitHub "
        "Pages…), dựng `--pham-vi to-chuc` vào một thư mục mới.",
        file=sys.stderr,
    )


def _checked(
    args: argparse.Namespace, repo: Path, available: list[int]
) -> tuple[Path, tuple[str, ...], str | None]:
    """The output folder, the audiences' kinds and the served path the command line asks
    for; a usage error for a year, kind or address there is none of."""
    if not available:
        raise UsageError(f"Không có năm đánh giá nào trong {repo / 'submissions'}.")
    if args.year:
        unknown = sorted(set(args.year) - set(available))
        if unknown:
            raise UsageError(
                f"Không có năm {', '.join(map(str, unknown))} trong submissions/ "
                f"(có: {', '.join(map(str, available))})."
            )
    out = (args.out or repo / "site").resolve()
    kinds = tuple(k.strip() for k in _scope_arg(args).split(",") if k.strip())
    bad = [k for k in kinds if k not in ("to-chuc", "cap-uy", "chi-bo")]
    if bad:
        raise UsageError(
            f"--pham-vi không nhận {', '.join(map(repr, bad))}: chỉ dùng to-chuc, cap-uy, chi-bo."
        )
    try:
        served_at = None if args.site_url is None else site_path(args.site_url)
    except SiteUrlError as exc:
        raise UsageError(str(exc)) from None
    return out, kinds, served_at


# what `--pham-vi` means when not given: every audience for a server (which keeps each
# behind its own access rule, docs/deploy/nginx-pham-vi.conf), the organization's alone for
# a copy opened from disk, which has no access rules: whoever holds the folder reads it all
ALL_AUDIENCES = "to-chuc,cap-uy,chi-bo"
OFFLINE_AUDIENCES = "to-chuc"


def _scope_arg(args: argparse.Namespace) -> str:
    if args.pham_vi is not None:
        return str(args.pham_vi)
    # --chi-mot asks for one body's own sites: a copy for that body alone
    return OFFLINE_AUDIENCES if args.offline and not args.chi_mot else ALL_AUDIENCES


def _warn_offline(args: argparse.Namespace, kinds: tuple[str, ...]) -> None:
    """Say what an offline copy holds: a USB stick has no access rules (a data-protection
    trial found the default offline build carried every committee's and chi bộ's site)."""
    if not args.offline or args.chi_mot:
        return
    private = [k for k in kinds if k in ("cap-uy", "chi-bo")]
    if not private:
        if args.pham_vi is None:
            print(
                "kiemdiem build: bản mở từ ổ đĩa (--offline) chỉ có trang toàn đảng bộ: thư mục "
                "chép ra USB không có phân quyền, ai cầm cũng đọc được mọi trang trong đó. Bản "
                "cho một cấp ủy hay chi bộ: dựng thêm `--pham-vi to-chuc,cap-uy,chi-bo` vào một "
                "thư mục khác rồi chỉ chép cho họ thư mục của họ.",
                file=sys.stderr,
            )
        return
    folders = ", ".join(f"`{k}/<mã tổ chức>/`" for k in private)
    print(
        "kiemdiem build: cảnh báo: bản mở từ ổ đĩa (--offline) có cả trang của cấp ủy, chi bộ "
        "(nội dung kiểm điểm chỉ dành cho họ), mà thư mục chép ra không có phân quyền: đừng "
        f"chép cả thư mục; mỗi nơi chỉ nhận thư mục của mình ({folders}).",
        file=sys.stderr,
    )


def _print_audiences(result: SiteResult, only: str) -> None:
    if result.audience_sites:
        built = [o for o in result.audience_sites if o.built]
        print(
            f"Trang cấp ủy và chi bộ: {len(result.audience_sites)} trang trong "
            f"{result.seconds_audiences:.1f} s, dựng lại {len(built)}, "
            f"{len(result.audience_sites) - len(built)} không thay đổi "
            f"(kiểm tra thay đổi {result.seconds_audience_check:.1f} s)"
        )
    if only:
        for o in result.audience_sites:
            state = "dựng lại" if o.built else "không thay đổi"
            print(f"  {o.root}/{o.year}/: {state} ({o.seconds:.1f} s)")
    if result.audience_removed:
        shown = ", ".join(result.audience_removed[:5])
        more = (
            f" và {len(result.audience_removed) - 5} trang khác"
            if len(result.audience_removed) > 5
            else ""
        )
        print(
            f"Đã xóa {len(result.audience_removed)} trang của cấp ủy, chi bộ không còn trong năm: "
            f"{shown}{more}"
        )


def _shown(path: Path, repo: Path) -> str:
    return visible(str(path.relative_to(repo) if path.is_relative_to(repo) else path))


def _print_pruned(pruned: Pruned, repo: Path) -> None:
    """Say which years' outputs were deleted, and why (generator.site.prune): a year
    removed from submissions/, e.g. when its retention period has passed."""
    for y in pruned.years.values():
        parts = [
            f"{len(y.sites)} thư mục trang (của toàn đảng bộ, cấp ủy, chi bộ)" if y.sites else "",
            f"{len(y.work)} thư mục làm việc (build/)" if y.work else "",
            f"{len(y.cache)} tệp bộ nhớ đệm (.kiemdiem-cache/)" if y.cache else "",
        ]
        if done := [p for p in parts if p]:
            print(
                f"Năm {y.year} không còn trong submissions/ (hồ sơ của năm đã được gỡ khỏi kho, "
                "ví dụ khi hết thời hạn lưu trữ `bao_ve_du_lieu.thoi_han_luu_tru_nam`): đã xóa "
                f"những gì `kiemdiem build` tạo cho năm đó: {', '.join(done)}; danh sách năm "
                "của các trang không còn năm này. Hồ sơ vẫn còn trong lịch sử Git: kiemdiem "
                "không sửa lịch sử."
            )
        for path in y.kept:
            print(
                f"kiemdiem build: cảnh báo: năm {y.year} không còn trong submissions/, nhưng "
                f"`{_shown(path, repo)}` không mang dấu của `kiemdiem build` (tệp "
                "`.kiemdiem-site`, hay chỉ chứa những gì lần dựng ghi vào) nên không bị xóa. "
                "Người quản trị xem thư mục đó và xử lý theo thời hạn lưu trữ của năm (nếu là "
                "bản sao trang hay dữ liệu của năm này).",
                file=sys.stderr,
            )


def _print_years(result: SiteResult, only: str) -> None:
    for r in result.years:
        if r.skipped:
            print(f"{r.year}: không thay đổi, giữ nguyên")
        elif not r.org_site:
            print(
                f"{r.year}: chỉ dựng trang của `{visible(only)}` (--chi-mot), không dựng trang "
                f"toàn đảng bộ (đọc và xếp loại {r.seconds_load:.1f} s)"
            )
        else:
            print(
                f"{r.year}: {r.members} đảng viên, {r.pages} trang, {r.findings} vấn đề "
                f"(đọc và xếp loại {r.seconds_load:.1f} s, tạo trang {r.seconds_render:.1f} s, "
                f"MkDocs {r.seconds_mkdocs:.1f} s, chỉ mục tìm kiếm {r.seconds_search:.1f} s)"
                # incremental (generator.site.incremental): what was not rendered again
                + (f"; {r.orgs_kept} tổ chức giữ nguyên" if r.orgs_kept else "")
                # generator.site.indexer: search bundles indexed again of the year's
                + f"; chỉ mục: dựng lại {len(r.search.indexed)}/{len(r.search.bundles)} phần "
                f"({r.search.seconds_indexing:.1f} s)"
            )
