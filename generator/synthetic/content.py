"""One year's content of a synthetic repository: levels chosen first, then the files that
support them under the year's ruleset (RULES.md §2–§4), the proposals and the decisions of the
bodies RULES.md §7 names (D1–D4, from the organization types)."""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from generator.submissions.layout import (
    DECISIONS_FILE,
    MEMBERS_DIR,
    ORG_FILE,
    PROPOSALS_FILE,
    SUBMISSIONS,
    YEAR_FILE,
)
from generator.synthetic.facts import (
    LEVELS,
    RANK,
    assessment,
    org_level,
    set_level,
    tasks_for,
)
from generator.synthetic.structure import Member, Org, Structure
from generator.synthetic.turnover import draw_statuses, newcomers, replay
from generator.synthetic.vocab import (
    CIVIL_SERVANT_ROLES,
    COLLECTIVE_RESPONSIBILITY,
    DIRECTIONS,
    GENERAL_STRENGTHS,
    LEVEL_STRENGTHS,
    ORG_DIRECTIONS,
    ORG_SHORTCOMINGS,
    ORG_STRENGTHS,
    REMEDIES,
    ROLE_RESULTS,
    SHORTCOMINGS,
    SHORTCOMINGS_KHTNV,
    TARGETS,
    text,
)
from generator.synthetic.yamlout import dump_yaml


class Builder(Structure):
    """The structure (seeded by `seed` only) and then one year's content."""

    def year(self, root: Path, year: int, ruleset: str, seed: int) -> tuple[int, int]:
        # who holds each place (turnover.py): the earlier years' draws replayed first, as
        # this year's then replace the statuses they leave
        history = replay(self.places, seed, year)
        rng = random.Random(f"kiemdiem-year:{seed}:{year}")
        eval_date = f"{year}-12-15"
        pending = ruleset == "pending"
        self._choose_levels(rng, ruleset)
        history.append((year, [i for i, m in enumerate(self.places) if m.new]))
        self.hold(newcomers(self.places, self.first, seed, history))
        base = root / SUBMISSIONS / str(year)
        files = size = 0

        def write(rel: str, data: Mapping[str, Any], comment: str = "") -> None:
            nonlocal files, size
            path = base / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            body = dump_yaml(data, comment).encode("utf-8")
            path.write_bytes(body)
            files += 1
            size += len(body)

        write(
            YEAR_FILE,
            self._year_file(year, ruleset, eval_date),
            "Dữ liệu tổng hợp do generator/synthetic.py sinh ra: không phải người thật.",
        )
        for org in self.orgs.values():
            write(f"{org.folder}/{ORG_FILE}", self._org_file(rng, org, year, ruleset))
            for mid in org.members:
                m = self.members[mid]
                write(
                    f"{org.folder}/{MEMBERS_DIR}/{mid}.yaml",
                    self._member_file(rng, m, year, ruleset, pending),
                )
            if org.members and not pending:
                write(f"{org.folder}/{PROPOSALS_FILE}", self._proposals(rng, org, year))
        if not pending:
            for org in self.orgs.values():
                decisions = self._decisions(rng, org, year)
                if decisions is not None:
                    write(f"{org.folder}/{DECISIONS_FILE}", decisions)
        return files, size

    def _choose_levels(self, rng: random.Random, ruleset: str) -> None:
        draw_statuses(rng, self.places, ruleset)
        for org in self.orgs.values():
            org.level = None
        # chi bộ first (132-O5: a KHTNV member rules out HTTNV+; 132-O4: > 20% KHTNV), then
        # đảng bộ cơ sở from their chi bộ; HTXSNV needs >= 80% HTTNV+ below (132-O1) and
        # HTTNV >= 50% (132-O2)
        for org in [o for o in self.orgs.values() if o.members]:
            below = [lv for m in org.members if (lv := self.members[m].level)]
            khtnv = below.count("KHTNV")
            if below and khtnv / len(below) > 0.2:
                org.level = "KHTNV"
            else:
                org.level = org_level(rng, below, 80, 15)
        for org in self.orgs.values():  # a đảng bộ cơ sở from its chi bộ
            if org.kind.is_grassroots and not org.kind.holds_members:
                org.level = org_level(rng, [self.orgs[c].level or "HTNV" for c in org.children],
                                      85, 10)  # fmt: skip
        for org in self.orgs.values():  # above grassroots, below the root (D4): from below
            if org.kind.is_upper and org.parent is not None:
                org.level = org_level(rng, [self.orgs[c].level or "HTNV" for c in org.children],
                                      85, 10)  # fmt: skip
        # organization quota per deciding committee (132-O6, 124-M5): demote the excess
        for org in self.orgs.values():
            decided = [self.orgs[c] for c in self.decided_orgs(org)]
            self._enforce_quota([o for o in decided], lambda o: o.level, set_level)
        # heads never above their unit (132-L1, 124-L1)
        for m in self.members.values():
            for oid in m.head_of:
                cap = self.orgs[oid].level
                if m.level and cap and RANK[m.level] > RANK[cap]:
                    m.level = cap
        # member quota per TCCSĐ (132-M5, 124-M5, 366-M6), left exceeded in ~5% of pools
        for org in self.orgs.values():
            if org.kind.is_grassroots and rng.random() >= 0.05:
                pool = [self.members[m] for m in self.members_below(org.id)]
                self._enforce_quota(pool, lambda m: m.level, set_level)

    @staticmethod
    def _enforce_quota(items: list, get: Any, put: Any) -> None:
        excellent = [x for x in items if get(x) == "HTXSNV"]
        good = sum(get(x) == "HTTNV" for x in items)
        while excellent and len(excellent) > math.floor(0.2 * good + 1e-9):
            put(excellent.pop(), "HTTNV")
            good += 1

    # ------------------------------------------------------------------ files

    def _year_file(self, year: int, ruleset: str, eval_date: str) -> dict[str, Any]:
        data: dict[str, Any] = {
            "nam": year,
            "ten": f"Kiểm điểm, đánh giá, xếp loại chất lượng năm {year} (dữ liệu tổng hợp)",
            "bo_quy_tac": ruleset,
            "to_chuc_goc": self.root.id,
            "ngay_danh_gia": eval_date,
        }
        if ruleset != "pending":
            data["cai_dat"] = {"quota_base": "httnv", "quota_rounding": "floor"}
        data["du_lieu_mau"] = True
        return data

    def _org_file(self, rng: random.Random, org: Org, year: int, ruleset: str) -> dict:
        level = org.level or "HTTNV"
        data: dict[str, Any] = {
            "ma_to_chuc": org.id,
            "nam": year,
            "ten": org.name,
            "loai": org.type,
        }
        if org.category and org.kind.is_grassroots:
            data["phan_loai"] = org.category
        lead: dict[str, Any] = {}
        if org.head:
            lead["bi_thu"] = org.head
        if org.deputies:
            lead["pho_bi_thu"] = list(org.deputies)
        committee = [m for m in org.committee if m != org.head and m not in org.deputies]
        if committee:
            lead["cap_uy_vien"] = committee
        if lead:
            data["lanh_dao"] = lead
        names = rng.sample(TARGETS, 4)
        targets = []
        for i, name in enumerate(names):
            status = "vuot" if level == "HTXSNV" and i < 2 else "hoan_thanh"
            if level == "HTNV" and i == 3:
                status = "khong_hoan_thanh"
            if level == "KHTNV" and i >= 1:
                status = "khong_hoan_thanh"
            targets.append({"ten": name, "chu_yeu": i < 2, "trang_thai": status})
        data["chi_tieu"] = targets
        data.update(assessment(rng, ruleset, level, org=True))
        data["kiem_diem"] = {
            "uu_diem": text(rng.sample(ORG_STRENGTHS, 3)),
            "han_che": text(rng.sample(ORG_SHORTCOMINGS, 2)),
            "ket_qua_khac_phuc": text([rng.choice(REMEDIES)]),
            "phuong_huong": text(rng.sample(ORG_DIRECTIONS, 2)),
        }
        data["tu_xep_loai"] = level
        data["trang_thai_ho_so"] = "hoan_thanh"
        return data

    def _member_file(
        self, rng: random.Random, m: Member, year: int, ruleset: str, pending: bool
    ) -> dict[str, Any]:
        # a new member was admitted this year, within six months of the evaluation date
        # (132-M7/124-M6; turnover.py), the others in an earlier year
        kind = "du_bi" if m.new else "chinh_thuc"
        data: dict[str, Any] = {
            "ma_dang_vien": m.id,
            "nam": year,
            "ho_ten": m.name,
            "loai_dang_vien": kind,
            "ngay_sinh": m.birth,
            "ngay_vao_dang": m.admitted,
            "chuc_vu": m.title,
        }
        if m.status != "dang_sinh_hoat":
            data["tinh_trang"] = m.status
        if m.status != "dang_sinh_hoat":  # exempted or suspended: no review (132-M7, 124-M6)
            return data
        # A new member is not rated (132-M7, 124-M6) but the schema cannot know the admission
        # is recent (the evaluation date is in another file), so the file is complete anyway.
        level = m.level or "HTTNV"
        if m.role in CIVIL_SERVANT_ROLES:
            data["can_bo_cong_chuc"] = {"xep_loai": level, "co_quan": "Cơ quan, đơn vị công tác"}
        if m.sick:
            data["nghi_om_thang"] = m.sick
        data["nhiem_vu"] = tasks_for(rng, level)
        data.update(assessment(rng, ruleset, level))
        if ruleset in ("qd366-hd43", "pending"):
            pointed = rng.randint(1, 3)
            fixed = pointed if level == "HTXSNV" else rng.randint(pointed - 1, pointed)
            data["han_che_truoc"] = {"so_da_chi_ra": pointed, "so_da_khac_phuc": fixed}
        # a disciplined leadership member would lower the organization (124-O1/O2, 132-L2)
        if level == "KHTNV" and not m.leader and rng.random() < 0.3:
            data["ky_luat"] = [
                {
                    "hinh_thuc": "khien_trach",
                    "ngay_vi_pham": f"{year}-0{rng.randint(1, 4)}-{rng.randint(10, 28)}",
                    "ngay_quyet_dinh": f"{year}-0{rng.randint(6, 9)}-{rng.randint(10, 28)}",
                    "so_quyet_dinh": f"{rng.randint(2, 40)}-QĐ/ĐU",
                    "tu_phat_hien_khac_phuc": False,
                    "noi_dung": "Vi phạm quy định về thực hiện nhiệm vụ được giao.",
                }
            ]
        if m.head_of:
            data["don_vi_phu_trach"] = {
                "ten": self.orgs[m.head_of[0]].name,
                "ty_le_hoan_thanh_chi_tieu": 1.0 if RANK[level] >= 3 else 0.75,
                "hoan_thanh_tat_ca_chi_tieu": RANK[level] >= 3,
            }
        strengths = [
            *rng.sample(GENERAL_STRENGTHS, 2),
            *ROLE_RESULTS[m.role],
            LEVEL_STRENGTHS[level],
        ]
        short = rng.sample(SHORTCOMINGS, 2)
        if level == "KHTNV":
            short = [*SHORTCOMINGS_KHTNV, short[0]]
        review = {
            "uu_diem": text(strengths),
            "han_che": text(short),
            "ket_qua_khac_phuc": text([rng.choice(REMEDIES)]),
        }
        if m.head_of:
            review["trach_nhiem_tap_the"] = text(COLLECTIVE_RESPONSIBILITY)
        review["phuong_huong"] = text(rng.sample(DIRECTIONS, 2))
        data["kiem_diem"] = review
        self_level = level
        if level != "HTXSNV" and rng.random() < 0.08:
            self_level = LEVELS[LEVELS.index(level) - 1]  # a little optimistic
        data["tu_xep_loai"] = self_level
        data["trang_thai_ho_so"] = "nhap" if pending and rng.random() < 0.4 else "hoan_thanh"
        return data

    def _proposals(self, rng: random.Random, org: Org, year: int) -> dict[str, Any]:
        active = [
            self.members[m] for m in org.members if self.members[m].status != "mien_sinh_hoat"
        ]
        voters = sum(not m.new for m in active)
        items = []
        for m in active:
            if m.level is None:
                continue
            against = rng.choice((0, 0, 0, 1)) if voters > 3 else 0
            items.append(
                {
                    "ma_dang_vien": m.id,
                    "muc": m.level,
                    "phieu": {"tan_thanh": max(voters - against, 0), "khong_tan_thanh": against},
                }
            )
        return {
            "nam": year,
            "ma_to_chuc": org.id,
            "ngay_hop": f"{year}-12-{rng.randint(1, 10):02d}",
            "so_du_hop": len(active),
            "de_xuat": items,
        }

    def _decisions(self, rng: random.Random, org: Org, year: int) -> dict[str, Any] | None:
        members: list[dict[str, Any]] = []
        if org.kind.is_grassroots:  # D1: the TCCSĐ's committee decides its members
            for mid in self.members_below(org.id):
                m = self.members[mid]
                if m.level is not None and rng.random() < 0.97:  # the rest stay provisional
                    members.append({"ma_dang_vien": mid, "muc": m.level})
        orgs = [
            {"ma_to_chuc": c, "muc": self.orgs[c].level or "HTTNV"} for c in self.decided_orgs(org)
        ]
        if not members and not orgs:
            return None
        upper = org.kind.is_upper
        data: dict[str, Any] = {
            "nam": year,
            "ma_to_chuc": org.id,
            "so_quyet_dinh": f"{rng.randint(100, 999)}-QĐ/{_suffix(org)}",
            "ngay": f"{year + 1}-01-{rng.randint(5, 20):02d}"
            if upper
            else f"{year}-12-{rng.randint(20, 30)}",
        }
        if members:
            data["dang_vien"] = members
        if orgs:
            data["to_chuc"] = orgs
        return data


def _suffix(org: Org) -> str:
    """The committee's abbreviation in a decision number (cosmetic)."""
    return {"dang_bo_tinh": "TU", "dang_bo_huyen": "HU"}.get(org.type, "ĐU")
