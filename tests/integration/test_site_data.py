"""In-memory years for the site tests and the benchmark: records built with `from_mapping`
(the same path the loader takes), linked into a tree, with hand-made verdicts."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from generator.findings import Finding, Position, Severity
from generator.rules.base import Effect, NotRated, Reason, Verdict, YearVerdicts
from generator.rules.registry import ruleset_of
from generator.submissions.records import (
    Level,
    MemberReview,
    Organization,
    from_mapping,
)
from generator.submissions.year import Year

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc"]
GIVEN = ["Nam", "Hùng", "Lan", "Hương", "Dũng", "Đức", "Thảo", "Tuấn", "Hà", "Sơn", "Ánh"]

REVIEW = {
    "uu_diem": "Luôn giữ vững lập trường tư tưởng chính trị, chấp hành nghiêm chủ trương "
    "của Đảng, chính sách, pháp luật của Nhà nước.\nHoàn thành tốt nhiệm vụ được giao.",
    "han_che": "Có lúc chưa chủ động nghiên cứu, cập nhật kiến thức mới.",
    "ket_qua_khac_phuc": "Đã khắc phục hạn chế được chỉ ra năm trước.",
    "phuong_huong": "Tiếp tục học tập, rèn luyện; chủ động hơn trong công việc.",
}


def _org(org_id: str, name: str, kind: str, year: int, **extra: Any) -> Organization:
    data = {"ma_to_chuc": org_id, "nam": year, "ten": name, "loai": kind, **extra}
    return from_mapping(Organization, data)


def member_mapping(member_id: str, name: str, year: int, **extra: Any) -> dict[str, Any]:
    return {
        "ma_dang_vien": member_id,
        "nam": year,
        "ho_ten": name,
        "loai_dang_vien": "chinh_thuc",
        "ngay_sinh": "1980-01-02",
        "ghi_chu_noi_bo": "GHI-CHU-NOI-BO-KHONG-CONG-BO",
        "ngay_vao_dang": "2005-05-19",
        "chuc_vu": "Cán bộ",
        "nhiem_vu": {"duoc_giao": 10, "hoan_thanh": 10, "dung_han": 10, "vuot": 2},
        "kiem_diem": dict(REVIEW),
        "tu_xep_loai": "HTTNV",
        **extra,
    }


def make_year(
    year: int = 2025,
    grassroots: int = 2,
    chi_bo_per: int = 2,
    members_per: int = 4,
    *,
    seed: int = 1,
    member_overrides: dict[str, dict[str, Any]] | None = None,
) -> Year:
    """A district with `grassroots` đảng bộ cơ sở, each with chi bộ trực thuộc and members."""
    rng = random.Random(seed)
    y = Year(repo=Path("."), year=year, config=None)
    from generator.submissions.records import YearConfig

    y.config = from_mapping(
        YearConfig,
        {
            "nam": year,
            "bo_quy_tac": "qd366-hd43" if year >= 2025 else "qd124-hd25",
            "ten": f"Kiểm điểm, đánh giá, xếp loại năm {year}",
            "to_chuc_goc": "huyen-mau",
            "ngay_danh_gia": f"{year}-12-15",
            "han_chot": {"nop_ban_kiem_diem": f"{year}-12-05", "quyet_dinh": f"{year}-12-31"},
            "cai_dat": {"quota_base": "httnv_only"},
            "du_lieu_mau": True,
        },
    )
    root = _org("huyen-mau", "Đảng bộ huyện Mẫu", "dang_bo_huyen", year)
    y.orgs[root.id] = root
    n = 0
    for g in range(grassroots):
        gid = f"dang-bo-xa-{g + 1}"
        grass = _org(gid, f"Đảng bộ xã Số {g + 1}", "dang_bo_co_so", year, phan_loai="xa")
        grass.parent_id = root.id
        root.children.append(gid)
        y.orgs[gid] = grass
        for c in range(chi_bo_per):
            cid = f"chi-bo-{g + 1}-{c + 1}"
            chi = _org(
                cid,
                f"Chi bộ ấp {g + 1}.{c + 1}",
                "chi_bo_truc_thuoc",
                year,
                chi_tieu=[
                    {"ten": "Thu ngân sách đạt 100%", "trang_thai": "vuot", "chu_yeu": True},
                    {"ten": "Xây dựng đường giao thông", "trang_thai": "hoan_thanh"},
                ],
                kiem_diem=dict(REVIEW),
                tu_xep_loai="HTTNV",
            )
            chi.parent_id = gid
            grass.children.append(cid)
            y.orgs[cid] = chi
            for _ in range(members_per):
                n += 1
                mid = f"dv-{100000 + n}"
                name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
                data = member_mapping(mid, name, year, **(member_overrides or {}).get(mid, {}))
                member = from_mapping(MemberReview, data)
                member.org_id = cid
                chi.member_ids.append(mid)
                y.members[mid] = member
    return y


def make_verdicts(y: Year) -> YearVerdicts:
    """Verdicts covering every kind of outcome: decided, provisional, not rated, flags."""
    out = YearVerdicts(year=y.year, ruleset=ruleset_of(y), settings={})
    levels = [Level.HTXSNV, Level.HTTNV, Level.HTTNV, Level.HTNV, Level.KHTNV]
    for i, (mid, member) in enumerate(sorted(y.members.items())):
        level = levels[i % len(levels)]
        reason = Reason(
            "366-M2",
            "Quy định 366-QĐ/TW, Điều 5; Hướng dẫn 43-HD/BTCTW, mục 2.2",
            f"tổng điểm 85/100, hoàn thành {member.tasks.completed}/{member.tasks.assigned} "
            "nhiệm vụ đúng hạn",
            Effect.ASSESSED,
            level,
        )
        v = Verdict(
            mid, "member", member.org_id, assessed=level, ceiling=Level.HTXSNV, reasons=[reason]
        )
        v.self_level = member.self_level
        if i % 7 == 3:
            v = Verdict(mid, "member", member.org_id, rated=False, not_rated=NotRated.NEW_MEMBER)
            v.reasons.append(
                Reason(
                    "366-M7",
                    "Hướng dẫn 43-HD/BTCTW, mục 1.3",
                    "kết nạp ngày 01/09",
                    Effect.NOT_RATED,
                )
            )
        elif i % 3 == 0:
            v.proposed = level
            v.proposed_votes = (9, 1, 0)
            v.decided = level
            v.decided_by = "Quyết định số 12-QĐ/ĐU ngày 20/12"
        if level is Level.KHTNV and v.rated:
            v.flags.append(
                Reason("X3", "RULES.md X3", "2 năm liền không hoàn thành nhiệm vụ", Effect.FLAG)
            )
        out.members[mid] = v
    for org_id, org in y.orgs.items():
        out.orgs[org_id] = Verdict(
            org_id,
            "org",
            org.parent_id or "",
            assessed=Level.HTTNV,
            reasons=[
                Reason(
                    "366-O1",
                    "Quy định 366-QĐ/TW, Điều 8",
                    f"{org.name}: hoàn thành 2/2 chỉ tiêu",
                    Effect.ASSESSED,
                    Level.HTTNV,
                )
            ],
        )
    return out


def make_findings(y: Year) -> list[Finding]:
    first = sorted(y.members)[0]
    member = y.members[first]
    return [
        Finding(
            "schema-enum",
            Severity.ERROR,
            f"submissions/{y.year}/huyen-mau/dang-bo-xa-1/{member.org_id}/dang-vien/{first}.yaml",
            Position(12, 14),
            "Giá trị 'Hoàn thành tốt' không hợp lệ cho `tu_xep_loai`.",
            "Viết mã: HTXSNV, HTTNV, HTNV hoặc KHTNV.",
            actor="member",
        ),
        Finding(
            "rule-quota-exceeded",
            Severity.ERROR,
            f"submissions/{y.year}/huyen-mau/dang-bo-xa-1/quyet-dinh.yaml",
            Position(5, 3),
            "Vượt tỷ lệ HTXSNV: 3 > 2 (20% của 10 đảng viên HTTNV).",
            rule="366-M6",
            actor="committee",
        ),
    ]
