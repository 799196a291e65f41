"""Deterministic synthetic evaluation years, for tests and benchmarks.

    summary = generate(Path("/tmp/repo"), year=2025, ruleset="qd366-hd43",
                       grassroots=48, chi_bo=177, members=3754, seed=0)

writes `/tmp/repo/submissions/2025/...` in the layout of generator/submissions/layout.py:
the year file, a root organization (a district, or a province with districts for large
sizes), grassroots organizations (đảng bộ cơ sở with chi bộ trực thuộc, and chi bộ cơ sở),
one review file per member with Vietnamese names and texts of realistic length, each chi
bộ's proposals and each committee's decisions.

Everything comes from seeded `random.Random` instances, so the same arguments give a
byte-identical tree. The *structure* (organizations, member ids, names, birth and admission
dates, roles) depends only on the seed and the sizes, and the *content* of a year (levels,
criteria, texts, decisions) on the seed and the year: generating 2024 and 2025 with the same
seed gives two consecutive years of the same people, for comparisons and "2 năm liền" flags.

Levels are chosen first and the facts are made to support them under the year's ruleset
(RULES.md §2–§4): criteria or scores, tasks, discipline, heads capped at their unit
(132-L1/124-L1), quotas respected in most grassroots organizations (132-M5/124-M5/366-M6)
and deliberately exceeded in a few, so the generated years exercise the quota finding too.

Run as a script (a developer tool, not a `kiemdiem` subcommand):

    python -m generator.synthetic OUT --preset district --year 2025 --ruleset qd366-hd43
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import vietnamese
from generator.rules.criteria import MEMBER_CRITERIA, ORG_CRITERIA, Criterion
from generator.submissions.layout import (
    DECISIONS_FILE,
    MEMBERS_DIR,
    ORG_FILE,
    PROPOSALS_FILE,
    SUBMISSIONS,
    YEAR_FILE,
)

# sizes: (grassroots organizations, chi bộ, members)
PRESETS: dict[str, tuple[int, int, int]] = {
    "chi-bo": (1, 1, 15),
    "district": (48, 177, 3754),
    "province": (1300, 5000, 100_000),
}
RULESETS = ("qd132-hd21", "qd124-hd25", "qd366-hd43", "pending")
LEVELS = ("HTXSNV", "HTTNV", "HTNV", "KHTNV")  # best first
_RANK = {"KHTNV": 1, "HTNV": 2, "HTTNV": 3, "HTXSNV": 4}

# ----------------------------------------------------------------------------- YAML writing

_PLAIN_RE = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`0-9+.~=<][^\n]*")
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}


def _scalar(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    text = str(value)
    if (
        _PLAIN_RE.fullmatch(text)
        and ": " not in text
        and " #" not in text
        and not text.endswith((" ", ":"))
        and text.lower() not in _RESERVED
    ):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _emit(value: Any, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if isinstance(value, Mapping):
        for k, v in value.items():
            _emit_entry(f"{pad}{k}:", v, indent, out)
    elif isinstance(value, Sequence) and not isinstance(value, str):
        for item in value:
            if isinstance(item, Mapping) and item:
                first = True
                for k, v in item.items():
                    lead = f"{pad}- {k}:" if first else f"{pad}  {k}:"
                    _emit_entry(lead, v, indent + 2, out)
                    first = False
            else:
                out.append(f"{pad}- {_scalar(item)}")
    else:  # pragma: no cover - callers pass containers
        out.append(pad + _scalar(value))


def _emit_entry(lead: str, value: Any, indent: int, out: list[str]) -> None:
    if isinstance(value, Mapping):
        if not value:
            out.append(f"{lead} {{}}")
            return
        out.append(lead)
        _emit(value, indent + 2, out)
    elif isinstance(value, Sequence) and not isinstance(value, str):
        if not value:
            out.append(f"{lead} []")
            return
        out.append(lead)
        _emit(value, indent + 2, out)
    elif isinstance(value, str) and "\n" in value.rstrip("\n"):
        body = value.rstrip("\n")
        out.append(f"{lead} |" if value.endswith("\n") else f"{lead} |-")
        inner = " " * (indent + 2)
        out.extend(inner + line if line else "" for line in body.split("\n"))
    elif isinstance(value, str) and value.endswith("\n"):
        out.append(f"{lead} |")
        out.append(" " * (indent + 2) + value.rstrip("\n"))
    else:
        out.append(f"{lead} {_scalar(value)}")


def dump_yaml(data: Mapping[str, Any], comment: str = "") -> str:
    """Block-style YAML for a review file: multi-line texts as `|` literals, dates quoted.

    The output reads back with generator.submissions.yamlload to the same data (strings
    that would look like numbers, booleans or dates are quoted).
    """
    out = [f"# {line}".rstrip() for line in comment.splitlines()] if comment else []
    _emit(data, 0, out)
    return "\n".join(out) + "\n"


# ----------------------------------------------------------------------------- names

# fmt: off
FAMILY_NAMES = (
    ("Nguyễn", 30), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Huỳnh", 3), ("Phan", 3),
    ("Vũ", 3), ("Võ", 2), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 2), ("Ngô", 2), ("Dương", 1),
    ("Lý", 1), ("Đinh", 1), ("Trịnh", 1), ("Mai", 1), ("Tô", 1), ("Hà", 1), ("Lương", 1),
    ("Tạ", 1), ("Chu", 1), ("Đào", 1), ("Cao", 1), ("Lâm", 1), ("Triệu", 1), ("Nông", 1),
    ("Quách", 1), ("Kiều", 1), ("Vi", 1),
)
MIDDLE_MALE = (
    "Văn", "Văn", "Văn", "Đức", "Hữu", "Minh", "Quang", "Công", "Thanh", "Xuân", "Ngọc", "Đình",
    "Mạnh", "Tiến", "Trọng", "Anh",
)
MIDDLE_FEMALE = (
    "Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Minh", "Hồng", "Thúy", "Phương", "Kim", "Bích",
    "Diệu", "Khánh",
)
GIVEN_MALE = (
    "Hùng", "Nam", "Dũng", "Tuấn", "Hải", "Long", "Sơn", "Thắng", "Đức", "Hưng", "Phúc", "Quang",
    "Toàn", "Khánh", "Bình", "Cường", "Hiếu", "Lâm", "Trung", "Việt", "Tâm", "Thành", "Tùng",
    "Hòa", "An", "Kiên", "Lộc", "Nghĩa", "Quý", "Vinh", "Định", "Huy", "Lợi", "Tuyên", "Chiến",
    "Đạt",
)
GIVEN_FEMALE = (
    "Lan", "Hoa", "Hương", "Mai", "Hà", "Linh", "Thảo", "Ngọc", "Yến", "Trang", "Hằng", "Nga",
    "Thủy", "Vân", "Hạnh", "Huyền", "Dung", "Phương", "Loan", "Nhung", "Oanh", "Liên", "Diệp",
    "Tuyết", "Duyên", "Bích", "Châu", "Giang", "Hiền", "Quyên", "Thư", "Ánh",
)
PLACES = (
    "An Bình", "Tân Lập", "Hòa Phú", "Phú Thịnh", "Đồng Tâm", "Hợp Thành", "Quyết Tiến",
    "Minh Khai", "Thanh Sơn", "Vĩnh Lộc", "Xuân Mai", "Yên Hòa", "Tân Tiến", "Phúc Lộc",
    "Đông Hưng", "Bình Minh", "Kim Sơn", "Hưng Đạo", "Quang Trung", "Thái Hòa", "Ngọc Lâm",
    "Cẩm Phú", "Hồng Phong", "Nghĩa Trung", "Tân Phong", "Lạc Sơn", "Thạch Bàn", "Vạn Xuân",
    "Đại Đồng", "Trung Hòa",
)
HAMLETS = (
    "thôn Đông", "thôn Đoài", "thôn Trung", "thôn Thượng", "thôn Hạ", "thôn Tân Lập",
    "thôn Bình An", "thôn Đồng Quang", "thôn Phú Mỹ", "thôn Làng Mới", "bản Nà Sản", "bản Khe Cát",
    "xóm Chùa", "xóm Bãi",
)
UNITS = (
    "phòng Tổ chức – Hành chính", "phòng Kế hoạch – Tài chính", "phòng Nghiệp vụ",
    "tổ Khoa học tự nhiên", "tổ Khoa học xã hội", "phân xưởng Sản xuất", "tổ Kỹ thuật", "khoa Nội",
    "khoa Ngoại", "đội Công tác", "bộ phận Kinh doanh",
)
# fmt: on

# grassroots categories (RULES.md X4) with weights, for đảng bộ and for chi bộ cơ sở
_DB_CATEGORIES = (("xa", 6), ("phuong_thi_tran", 2), ("doanh_nghiep", 1), ("co_quan_hanh_chinh", 1))
_CB_CATEGORIES = (
    ("co_quan_hanh_chinh", 4),
    ("don_vi_su_nghiep", 4),
    ("doanh_nghiep", 2),
    ("luc_luong_vu_trang", 1),
    ("khac", 1),
)
_CATEGORY_NAME = {
    "xa": "Đảng bộ xã {p}",
    "phuong_thi_tran": "Đảng bộ phường {p}",
    "doanh_nghiep": "Đảng bộ Công ty Cổ phần {p}",
    "co_quan_hanh_chinh": "Đảng bộ Cơ quan {p}",
    "don_vi_su_nghiep": "Chi bộ Trường THCS {p}",
    "luc_luong_vu_trang": "Chi bộ Quân sự {p}",
    "khac": "Chi bộ Hợp tác xã {p}",
}
_CB_NAME = {
    "co_quan_hanh_chinh": "Chi bộ Phòng Nông nghiệp {p}",
    "doanh_nghiep": "Chi bộ Công ty TNHH {p}",
}
_ROLES = {
    "xa": ("nong_dan", "can_bo_thon", "huu_tri"),
    "phuong_thi_tran": ("huu_tri", "can_bo_thon", "kinh_doanh"),
    "doanh_nghiep": ("cong_nhan", "nhan_vien"),
    "co_quan_hanh_chinh": ("cong_chuc",),
    "don_vi_su_nghiep": ("giao_vien",),
    "luc_luong_vu_trang": ("quan_nhan",),
    "khac": ("nhan_vien", "nong_dan"),
}
_TITLES = {
    "nong_dan": ("Nông dân", "Tổ trưởng tổ hợp tác", "Chi hội trưởng Hội Nông dân"),
    "can_bo_thon": ("Trưởng thôn", "Trưởng ban công tác Mặt trận", "Chi hội trưởng Phụ nữ"),
    "huu_tri": ("Cán bộ hưu trí", "Cựu chiến binh"),
    "kinh_doanh": ("Hộ kinh doanh", "Tổ trưởng tổ dân phố"),
    "cong_nhan": ("Công nhân vận hành", "Tổ trưởng sản xuất", "Công nhân kỹ thuật"),
    "nhan_vien": ("Nhân viên kế toán", "Chuyên viên kinh doanh", "Nhân viên hành chính"),
    "cong_chuc": ("Chuyên viên", "Công chức", "Phó trưởng phòng"),
    "giao_vien": (
        "Giáo viên Toán",
        "Giáo viên Ngữ văn",
        "Giáo viên Tiếng Anh",
        "Nhân viên thư viện",
    ),
    "quan_nhan": ("Chính trị viên", "Trợ lý tác chiến", "Dân quân thường trực"),
}
CIVIL_SERVANT_ROLES = {"cong_chuc", "giao_vien"}

# ----------------------------------------------------------------------------- texts

GENERAL_STRENGTHS = (
    "Luôn trung thành với đường lối của Đảng, chấp hành nghiêm chủ trương, chính sách, pháp luật.",
    "Giữ gìn phẩm chất đạo đức, lối sống giản dị, trung thực; đoàn kết, giúp đỡ đồng chí, đồng nghiệp.",
    "Tham gia đầy đủ sinh hoạt chi bộ, đóng đảng phí đúng quy định, thực hiện tốt nhiệm vụ được phân công.",
    "Tích cực học tập, quán triệt nghị quyết; thực hiện nghiêm những điều đảng viên không được làm.",
    "Giữ mối liên hệ chặt chẽ với quần chúng nơi cư trú, thực hiện tốt quy định về đảng viên giữ mối liên hệ với chi ủy.",
    "Có ý thức tổ chức kỷ luật, phục tùng sự phân công của tổ chức, không có biểu hiện suy thoái.",
)
ROLE_RESULTS = {
    "nong_dan": (
        "Phát triển kinh tế hộ gia đình hiệu quả, tích cực tham gia xây dựng nông thôn mới.",
        "Vận động bà con góp công, hiến đất làm đường giao thông nội đồng.",
    ),
    "can_bo_thon": (
        "Phối hợp tổ chức tốt các cuộc họp thôn, vận động nhân dân thực hiện quy ước.",
        "Hoàn thành thu quỹ và các khoản đóng góp của thôn đúng tiến độ.",
    ),
    "huu_tri": (
        "Tích cực tham gia công tác hòa giải ở cơ sở và phong trào khuyến học.",
        "Nêu gương trong gia đình, dòng họ; tham gia sinh hoạt đầy đủ dù tuổi cao.",
    ),
    "kinh_doanh": (
        "Kinh doanh đúng pháp luật, nộp thuế đầy đủ, tham gia giữ gìn vệ sinh đường phố.",
        "Ủng hộ quỹ vì người nghèo và các hoạt động từ thiện của tổ dân phố.",
    ),
    "cong_nhan": (
        "Hoàn thành định mức sản xuất, chấp hành nghiêm quy trình an toàn lao động.",
        "Tham gia cải tiến thao tác, giảm tỷ lệ sản phẩm lỗi trong ca.",
    ),
    "nhan_vien": (
        "Hoàn thành đúng hạn báo cáo, chứng từ được giao, không để xảy ra sai sót lớn.",
        "Chủ động phối hợp với các phòng ban, hỗ trợ đồng nghiệp khi cần.",
    ),
    "cong_chuc": (
        "Tham mưu, giải quyết hồ sơ đúng quy trình, đúng thời hạn; không để tồn đọng.",
        "Ứng dụng phần mềm quản lý văn bản, thực hiện tốt cải cách hành chính.",
    ),
    "giao_vien": (
        "Giảng dạy đúng chương trình, tỷ lệ học sinh đạt yêu cầu môn học cao.",
        "Bồi dưỡng học sinh giỏi, phụ đạo học sinh yếu, đổi mới phương pháp dạy học.",
    ),
    "quan_nhan": (
        "Duy trì nghiêm chế độ trực sẵn sàng chiến đấu, huấn luyện đạt yêu cầu.",
        "Tham gia tốt công tác phòng chống thiên tai, tìm kiếm cứu nạn trên địa bàn.",
    ),
}
LEVEL_STRENGTHS = {
    "HTXSNV": "Hoàn thành 100% nhiệm vụ được giao đúng tiến độ, nhiều nhiệm vụ vượt kế hoạch, có sản phẩm cụ thể được ghi nhận.",
    "HTTNV": "Hoàn thành tốt các nhiệm vụ được giao, đúng tiến độ và bảo đảm chất lượng.",
    "HTNV": "Hoàn thành các nhiệm vụ được giao, tuy một số việc còn chậm so với kế hoạch.",
    "KHTNV": "Có cố gắng trong một số việc nhưng kết quả chung chưa đạt yêu cầu.",
}
SHORTCOMINGS = (
    "Có lúc chưa mạnh dạn đấu tranh, góp ý thẳng thắn trong sinh hoạt chi bộ.",
    "Việc tự học tập, nghiên cứu nghị quyết có lúc chưa thường xuyên.",
    "Một số công việc còn chậm so với tiến độ đề ra do chưa sắp xếp thời gian hợp lý.",
    "Kỹ năng ứng dụng công nghệ thông tin trong công việc còn hạn chế.",
    "Tham gia sinh hoạt ở nơi cư trú có lúc chưa đều.",
    "Nguyên nhân chủ yếu là do khối lượng công việc lớn và bản thân chưa chủ động khắc phục.",
)
SHORTCOMINGS_KHTNV = (
    "Nhiều nhiệm vụ được giao không hoàn thành; nhiều lần vắng sinh hoạt chi bộ không có lý do.",
    "Chưa nghiêm túc tiếp thu ý kiến góp ý của chi bộ, chậm sửa chữa khuyết điểm.",
)
REMEDIES = (
    "Các hạn chế được chỉ ra năm trước đã được khắc phục cơ bản.",
    "Đã chủ động sắp xếp công việc, khắc phục được tình trạng chậm tiến độ.",
    "Đã tham gia lớp bồi dưỡng kỹ năng, bước đầu khắc phục hạn chế về công nghệ thông tin.",
)
DIRECTIONS = (
    "Tiếp tục rèn luyện, tu dưỡng, nâng cao bản lĩnh chính trị và tinh thần trách nhiệm.",
    "Xây dựng kế hoạch công tác cụ thể từng tháng, bảo đảm hoàn thành đúng tiến độ.",
    "Chủ động học tập nâng cao trình độ chuyên môn, nghiệp vụ.",
    "Thẳng thắn tự phê bình và phê bình, giữ gìn đoàn kết nội bộ.",
)
COLLECTIVE_RESPONSIBILITY = (
    "Là người đứng đầu, bản thân chịu trách nhiệm chính đối với những hạn chế của tập thể.",
    "Chưa kịp thời chỉ đạo khắc phục một số chỉ tiêu đạt thấp của đơn vị.",
)
ORG_STRENGTHS = (
    "Cấp ủy duy trì nghiêm chế độ sinh hoạt, nội dung sinh hoạt có chuyên đề, sát thực tế.",
    "Lãnh đạo hoàn thành các chỉ tiêu chủ yếu của nghị quyết năm; nội bộ đoàn kết, thống nhất.",
    "Làm tốt công tác phát triển đảng viên và quản lý đảng viên, nắm chắc tư tưởng quần chúng.",
    "Công tác kiểm tra, giám sát được thực hiện đúng kế hoạch, không có đảng viên vi phạm nghiêm trọng.",
)
ORG_SHORTCOMINGS = (
    "Một số chỉ tiêu còn đạt thấp; chất lượng sinh hoạt chuyên đề có lúc chưa cao.",
    "Việc nắm bắt, giải quyết kiến nghị của quần chúng có việc còn chậm.",
    "Nguyên nhân: cấp ủy chưa thật sự sâu sát, phân công nhiệm vụ có lúc chưa cụ thể.",
)
ORG_DIRECTIONS = (
    "Nâng cao chất lượng sinh hoạt chi bộ, tăng cường kiểm tra, giám sát việc thực hiện nghị quyết.",
    "Phân công cấp ủy viên phụ trách từng chỉ tiêu, định kỳ đánh giá tiến độ hằng quý.",
    "Quan tâm bồi dưỡng quần chúng ưu tú, phấn đấu hoàn thành chỉ tiêu kết nạp đảng viên.",
)
TARGETS = (
    "Kết nạp đảng viên mới theo chỉ tiêu",
    "100% đảng viên được học tập nghị quyết",
    "Thu nhập bình quân đầu người tăng theo kế hoạch",
    "Giảm tỷ lệ hộ nghèo",
    "Hoàn thành dự toán thu ngân sách",
    "Không có đảng viên vi phạm phải xử lý kỷ luật",
    "Tỷ lệ tổ chức đảng hoàn thành tốt nhiệm vụ trở lên",
    "Hoàn thành kế hoạch sản xuất năm",
    "Giữ vững an ninh chính trị, trật tự an toàn xã hội",
    "Tỷ lệ học sinh lên lớp đạt kế hoạch",
)


def text(lines: Sequence[str]) -> str:
    """A block text: one sentence per line (a Markdown paragraph once rendered)."""
    return "\n".join(lines) + "\n"


def slug(name: str) -> str:
    """An ASCII id fragment from Vietnamese text: "Đồng Tâm" -> "dong-tam"."""
    return vietnamese.slug(name)


# ----------------------------------------------------------------------------- facts by level


def _tasks(rng: random.Random, level: str) -> dict[str, int]:
    """Tasks consistent with `level` (124-M1/M2, 366-M1..M4): on time, exceeded, completed."""
    n = rng.randint(5, 10)
    if level == "HTXSNV":
        return {"duoc_giao": n, "hoan_thanh": n, "dung_han": n, "vuot": rng.randint(-(-n // 2), n)}
    if level == "HTTNV":
        return {"duoc_giao": n, "hoan_thanh": n, "dung_han": n, "vuot": rng.randint(0, n // 2 - 1)}
    if level == "HTNV":  # all completed, at most 20% late (366-M3)
        return {"duoc_giao": n, "hoan_thanh": n, "dung_han": n - 1, "vuot": 0}
    done = rng.randint(0, n // 2 - 1)  # KHTNV: under half completed (124-M4, 366-M4)
    return {"duoc_giao": n, "hoan_thanh": done, "dung_han": done, "vuot": 0}


def criteria_for(rng: random.Random, criteria: Sequence[Criterion], level: str) -> dict[str, str]:
    """Criterion levels supporting `level` (132-M1..M4, 124-M1..M4, 132-O/124-O)."""
    out: dict[str, str] = {}
    for c in criteria:
        if level == "HTXSNV":
            out[c.key] = "xuat_sac" if c.task else rng.choice(("tot", "tot", "xuat_sac"))
        elif level == "HTTNV":
            out[c.key] = "tot" if c.task else rng.choice(("tot", "tot", "tot", "xuat_sac"))
        elif level == "HTNV":
            out[c.key] = "trung_binh" if c.task else rng.choice(("tot", "trung_binh"))
        else:
            out[c.key] = "kem" if c.task else rng.choice(("trung_binh", "trung_binh", "tot"))
    return out


def scores_for(rng: random.Random, level: str) -> dict[str, int]:
    """100-point scores in the band of `level` (366-M1..M4): general /30, tasks /70."""
    low, high = {"HTXSNV": (90, 98), "HTTNV": (72, 88), "HTNV": (52, 68), "KHTNV": (30, 47)}[level]
    total = rng.randint(low, high)
    general = min(30, max(10, round(total * 0.3) + rng.randint(-1, 1)))
    tasks = total - general
    if tasks > 70:
        general, tasks = general + tasks - 70, 70
    return {"tieu_chi_chung": general, "ket_qua_nhiem_vu": tasks}


def assessment(rng: random.Random, ruleset: str, level: str, *, org: bool = False) -> dict:
    """The `tieu_chi:` or `diem:` part of a file for the ruleset (scores for pending too)."""
    if ruleset in ("qd132-hd21", "qd124-hd25"):
        crit = ORG_CRITERIA if org else MEMBER_CRITERIA[ruleset]
        return {"tieu_chi": criteria_for(rng, crit, level)}
    return {"diem": scores_for(rng, level)}


# ----------------------------------------------------------------------------- the tree


@dataclass
class _Member:
    id: str
    name: str
    female: bool
    birth: str
    admitted: str
    role: str
    title: str
    exempted: bool  # miễn công tác và sinh hoạt đảng (stable across years)
    chi_bo: str = ""
    level: str | None = None  # intended final level; None = not rated
    status: str = "dang_sinh_hoat"
    new: bool = False
    sick: int = 0  # months of sick leave this year
    head_of: list[str] = field(default_factory=list)
    leader: bool = False  # sits in a leadership body (cấp ủy)


@dataclass
class _Org:
    id: str
    name: str
    type: str
    folder: str  # relative to submissions/<year>
    parent: str | None
    category: str | None = None
    children: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    head: str | None = None
    deputies: list[str] = field(default_factory=list)
    committee: list[str] = field(default_factory=list)
    level: str | None = None


@dataclass
class SyntheticSummary:
    """What `generate` wrote."""

    root: Path
    year: int
    ruleset: str
    grassroots: int
    chi_bo: int
    members: int
    files: int
    bytes: int
    seconds: float
    levels: dict[str, int]  # intended final levels of rated members
    not_rated: int
    member_ids: list[str]
    org_ids: list[str]


def _pick_weighted(rng: random.Random, pairs: Sequence[tuple[str, int]]) -> str:
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


def _name(rng: random.Random, female: bool) -> str:
    family = _pick_weighted(rng, FAMILY_NAMES)
    middle = rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE)
    given = rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)
    return f"{family} {middle} {given}"


def _split(rng: random.Random, total: int, parts: int, minimum: int) -> list[int]:
    """`total` split into `parts` random sizes, each at least `minimum` (when possible)."""
    minimum = min(minimum, total // parts)
    weights = [rng.uniform(0.4, 1.6) for _ in range(parts)]
    spare = total - minimum * parts
    scale = spare / sum(weights)
    sizes = [minimum + int(w * scale) for w in weights]
    for i in range(total - sum(sizes)):
        sizes[i % parts] += 1
    return sizes


class _Builder:
    """Builds the structure (seeded by `seed` only) and then one year's content."""

    def __init__(self, seed: int, grassroots: int, chi_bo: int, members: int, districts: int):
        if not 1 <= grassroots <= chi_bo <= members:
            raise ValueError("cần 1 ≤ grassroots ≤ chi_bo ≤ members")
        self.rng = random.Random(f"kiemdiem-structure:{seed}")
        self.orgs: dict[str, _Org] = {}
        self.members: dict[str, _Member] = {}
        self._used_ids: set[str] = set()
        self._structure(grassroots, chi_bo, members, districts)

    def _org_id(self, base: str) -> str:
        candidate, n = base, 2
        while candidate in self._used_ids:
            candidate, n = f"{base}-{n}", n + 1
        self._used_ids.add(candidate)
        return candidate

    def _add(self, org: _Org) -> _Org:
        self.orgs[org.id] = org
        if org.parent:
            self.orgs[org.parent].children.append(org.id)
        return org

    def _structure(self, grassroots: int, chi_bo: int, members: int, districts: int) -> None:
        rng = self.rng
        place = rng.choice(PLACES)
        if districts:
            root = self._add(
                _Org(
                    self._org_id(f"tinh-{slug(place)}"),
                    f"Đảng bộ tỉnh {place} (dữ liệu tổng hợp)",
                    "dang_bo_tinh",
                    f"tinh-{slug(place)}",
                    None,
                )
            )
            uppers = []
            for i in range(districts):
                p = PLACES[i % len(PLACES)]
                oid = self._org_id(f"huyen-{slug(p)}")
                uppers.append(
                    self._add(
                        _Org(
                            oid,
                            f"Đảng bộ huyện {p}",
                            "dang_bo_huyen",
                            f"{root.folder}/{oid}",
                            root.id,
                        )
                    )
                )
        else:
            oid = self._org_id(f"huyen-{slug(place)}")
            root = self._add(
                _Org(oid, f"Đảng bộ huyện {place} (dữ liệu tổng hợp)", "dang_bo_huyen", oid, None)
            )
            uppers = [root]
        self.root = root
        # k đảng bộ cơ sở share the chi bộ beyond one per chi bộ cơ sở
        k = 0 if chi_bo == grassroots else max(1, min(round(grassroots * 0.6), chi_bo - grassroots))
        n_db = k
        chi_bo_sizes = [1] * (grassroots - k)
        extra = chi_bo - (grassroots - k)
        db_sizes = _split(rng, extra, k, 2) if k else []
        id_pool = rng.sample(range(100_000, 1_000_000), members)
        member_sizes = _split(rng, members, chi_bo, 3)
        chi_bo_orgs: list[_Org] = []
        for g in range(grassroots):
            upper = uppers[g % len(uppers)]
            p = PLACES[(g * 7 + rng.randrange(len(PLACES))) % len(PLACES)]
            if g < n_db:
                cat = _pick_weighted(rng, _DB_CATEGORIES)
                oid = self._org_id(slug(_CATEGORY_NAME[cat].format(p=p)))
                tc = self._add(
                    _Org(
                        oid,
                        _CATEGORY_NAME[cat].format(p=p),
                        "dang_bo_co_so",
                        f"{upper.folder}/{oid}",
                        upper.id,
                        cat,
                    )
                )
                for c in range(db_sizes[g]):
                    if cat in ("xa", "phuong_thi_tran"):
                        cname = f"Chi bộ {HAMLETS[c % len(HAMLETS)]}"
                        if c >= len(HAMLETS):
                            cname += f" {c // len(HAMLETS) + 1}"
                    else:
                        cname = f"Chi bộ {UNITS[c % len(UNITS)]}"
                        if c >= len(UNITS):
                            cname += f" {c // len(UNITS) + 1}"
                    cid = self._org_id(f"{oid}-{slug(cname).removeprefix('chi-bo-')}")
                    chi_bo_orgs.append(
                        self._add(
                            _Org(cid, cname, "chi_bo_truc_thuoc", f"{tc.folder}/{cid}", tc.id)
                        )
                    )
            else:
                cat = _pick_weighted(rng, _CB_CATEGORIES)
                tmpl = _CB_NAME.get(cat, _CATEGORY_NAME[cat])
                oid = self._org_id(slug(tmpl.format(p=p)))
                chi_bo_orgs.append(
                    self._add(
                        _Org(
                            oid,
                            tmpl.format(p=p),
                            "chi_bo_co_so",
                            f"{upper.folder}/{oid}",
                            upper.id,
                            cat,
                        )
                    )
                )
        assert len(chi_bo_orgs) == chi_bo, (len(chi_bo_orgs), chi_bo, chi_bo_sizes)
        ids = iter(id_pool)
        for cb, size in zip(chi_bo_orgs, member_sizes, strict=True):
            cat = self.grassroots_of(cb).category or "khac"
            for _ in range(size):
                female = rng.random() < 0.42
                role = rng.choice(_ROLES[cat])
                by = rng.randint(1950, 1995) if role != "huu_tri" else rng.randint(1940, 1962)
                ay = min(2017, by + rng.randint(20, 40))  # before any year generated here
                m = _Member(
                    id=f"dv-{next(ids):06d}",
                    name=_name(rng, female),
                    female=female,
                    birth=f"{by}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    admitted=f"{ay}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    role=role,
                    title=rng.choice([t for t in _TITLES[role] if female or "Phụ nữ" not in t]),
                    exempted=role == "huu_tri" and rng.random() < 0.08,
                    chi_bo=cb.id,
                )
                self.members[m.id] = m
                cb.members.append(m.id)
        # leadership: bí thư and phó bí thư of each chi bộ; đảng ủy from its chi bộ's members
        for org in list(self.orgs.values()):
            pool = [m for m in self._members_below(org.id) if not self.members[m].exempted]
            if not pool:
                continue
            if org.type in ("chi_bo_truc_thuoc", "chi_bo_co_so"):
                org.head, org.deputies = pool[0], pool[1:2]
                org.committee = pool[2:3] if len(pool) > 5 else []
            elif org.type == "dang_bo_co_so":
                org.head, org.deputies = pool[1 % len(pool)], pool[2:3]
                heads = [self.orgs[c].head for c in org.children[:3]]
                org.committee = [h for h in heads if h and h != org.head]
            else:
                org.committee = [h for c in org.children[:5] if (h := self.orgs[c].head)]
        for org in self.orgs.values():
            if org.head and org.type not in ("dang_bo_huyen", "dang_bo_tinh"):
                self.members[org.head].head_of.append(org.id)
            for mid in (org.head, *org.deputies, *org.committee):
                if mid:
                    self.members[mid].leader = True

    def grassroots_of(self, org: _Org) -> _Org:
        while org.type not in ("dang_bo_co_so", "chi_bo_co_so"):
            assert org.parent is not None
            org = self.orgs[org.parent]
        return org

    def _members_below(self, org_id: str) -> list[str]:
        org = self.orgs[org_id]
        out = list(org.members)
        for c in org.children:
            out.extend(self._members_below(c))
        return out

    # ------------------------------------------------------------------ one year's content

    def year(self, root: Path, year: int, ruleset: str, seed: int) -> tuple[int, int]:
        rng = random.Random(f"kiemdiem-year:{seed}:{year}")
        eval_date = f"{year}-12-15"
        pending = ruleset == "pending"
        self._choose_levels(rng, ruleset)
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
        weights = (("HTXSNV", 13), ("HTTNV", 70), ("HTNV", 15), ("KHTNV", 2))
        for m in self.members.values():
            m.new = not m.exempted and not m.head_of and rng.random() < 0.012
            suspended = not m.exempted and not m.new and rng.random() < 0.002
            m.status = (
                "mien_sinh_hoat" if m.exempted else "dinh_chi" if suspended else "dang_sinh_hoat"
            )
            m.level = None if (m.exempted or m.new or suspended) else _pick_weighted(rng, weights)
            m.sick = 0 if m.level is None or rng.random() >= 0.01 else rng.randint(3, 5)
            if m.sick and m.level and ruleset != "qd366-hd43" and _RANK[m.level] > _RANK["HTNV"]:
                m.level = "HTNV"  # sick leave of 3 months or more caps at HTNV (132-M6)
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
                org.level = _org_level(rng, below, 80, 15)
        for org in self.orgs.values():
            if org.type == "dang_bo_co_so":
                org.level = _org_level(rng, [self.orgs[c].level or "HTNV" for c in org.children],
                                       85, 10)  # fmt: skip
        # organization quota per deciding committee (132-O6, 124-M5): demote the excess
        for org in self.orgs.values():
            decided = [self.orgs[c] for c in self._decided_orgs(org)]
            self._enforce_quota([o for o in decided], lambda o: o.level, _set_level)
        # heads never above their unit (132-L1, 124-L1)
        for m in self.members.values():
            for oid in m.head_of:
                cap = self.orgs[oid].level
                if m.level and cap and _RANK[m.level] > _RANK[cap]:
                    m.level = cap
        # member quota per TCCSĐ (132-M5, 124-M5, 366-M6), left exceeded in ~5% of pools
        for org in self.orgs.values():
            if org.type in ("dang_bo_co_so", "chi_bo_co_so") and rng.random() >= 0.05:
                pool = [self.members[m] for m in self._members_below(org.id)]
                self._enforce_quota(pool, lambda m: m.level, _set_level)

    @staticmethod
    def _enforce_quota(items: list, get: Any, put: Any) -> None:
        excellent = [x for x in items if get(x) == "HTXSNV"]
        good = sum(get(x) == "HTTNV" for x in items)
        while excellent and len(excellent) > math.floor(0.2 * good + 1e-9):
            put(excellent.pop(), "HTTNV")
            good += 1

    def _decided_orgs(self, org: _Org) -> list[str]:
        """Organizations whose rating `org`'s committee decides (year.deciding_org_for_org)."""
        if org.type in ("dang_bo_huyen", "dang_bo_tinh"):
            return [
                c
                for c in org.children
                if self.orgs[c].type in ("dang_bo_co_so", "chi_bo_co_so", "dang_bo_huyen")
            ]
        if org.type == "dang_bo_co_so":
            return [c for c in org.children]
        return []

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

    def _org_file(self, rng: random.Random, org: _Org, year: int, ruleset: str) -> dict:
        level = org.level or "HTTNV"
        data: dict[str, Any] = {
            "ma_to_chuc": org.id,
            "nam": year,
            "ten": org.name,
            "loai": org.type,
        }
        if org.category and org.type in ("dang_bo_co_so", "chi_bo_co_so"):
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
        self, rng: random.Random, m: _Member, year: int, ruleset: str, pending: bool
    ) -> dict[str, Any]:
        admitted = m.admitted
        if m.new:  # admitted within six months of the evaluation date (132-M7/124-M6)
            admitted = f"{year}-{rng.randint(7, 11):02d}-{rng.randint(1, 28):02d}"
        kind = "du_bi" if m.new else "chinh_thuc"
        data: dict[str, Any] = {
            "ma_dang_vien": m.id,
            "nam": year,
            "ho_ten": m.name,
            "loai_dang_vien": kind,
            "ngay_sinh": m.birth,
            "ngay_vao_dang": admitted,
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
        data["nhiem_vu"] = _tasks(rng, level)
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
                "ty_le_hoan_thanh_chi_tieu": 1.0 if _RANK[level] >= 3 else 0.75,
                "hoan_thanh_tat_ca_chi_tieu": _RANK[level] >= 3,
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

    def _proposals(self, rng: random.Random, org: _Org, year: int) -> dict[str, Any]:
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

    def _decisions(self, rng: random.Random, org: _Org, year: int) -> dict[str, Any] | None:
        members: list[dict[str, Any]] = []
        if org.type in ("dang_bo_co_so", "chi_bo_co_so"):
            for mid in self._members_below(org.id):
                m = self.members[mid]
                if m.level is not None and rng.random() < 0.97:  # the rest stay provisional
                    members.append({"ma_dang_vien": mid, "muc": m.level})
        orgs = [
            {"ma_to_chuc": c, "muc": self.orgs[c].level or "HTTNV"} for c in self._decided_orgs(org)
        ]
        if not members and not orgs:
            return None
        upper = org.type in ("dang_bo_huyen", "dang_bo_tinh")
        data: dict[str, Any] = {
            "nam": year,
            "ma_to_chuc": org.id,
            "so_quyet_dinh": f"{rng.randint(100, 999)}-QĐ/{'HU' if upper else 'ĐU'}",
            "ngay": f"{year + 1}-01-{rng.randint(5, 20):02d}"
            if upper
            else f"{year}-12-{rng.randint(20, 30)}",
        }
        if members:
            data["dang_vien"] = members
        if orgs:
            data["to_chuc"] = orgs
        return data


def _org_level(rng: random.Random, below: list[str], good: int, fair: int) -> str:
    """A level for an organization that the levels `below` it allow (132-O1/O2/O5)."""
    level = _pick_weighted(rng, (("HTXSNV", 5), ("HTTNV", good), ("HTNV", fair)))
    share = sum(_RANK[b] >= 3 for b in below) / len(below) if below else 1.0
    if "KHTNV" in below or share < 0.5:
        return "HTNV"
    if level == "HTXSNV" and share < 0.8:
        return "HTTNV"
    return level


def _set_level(item: Any, level: str) -> None:
    item.level = level


def _default_districts(grassroots: int) -> int:
    """A province (with districts in between) for large sizes, otherwise one district."""
    return 0 if grassroots <= 200 else max(2, round(grassroots / 90))


def generate(
    root: Path,
    *,
    year: int,
    ruleset: str,
    grassroots: int,
    chi_bo: int,
    members: int,
    seed: int = 0,
    districts: int | None = None,
) -> SyntheticSummary:
    """Write a synthetic `submissions/<year>/` under `root` (see the module docstring)."""
    if ruleset not in RULESETS:
        raise ValueError(f"unknown ruleset {ruleset!r}")
    start = time.perf_counter()
    d = _default_districts(grassroots) if districts is None else districts
    builder = _Builder(seed, grassroots, chi_bo, members, d)
    files, size = builder.year(Path(root), year, ruleset, seed)
    rated = [m.level for m in builder.members.values() if m.level]
    return SyntheticSummary(
        root=Path(root),
        year=year,
        ruleset=ruleset,
        grassroots=grassroots,
        chi_bo=chi_bo,
        members=members,
        files=files,
        bytes=size,
        seconds=time.perf_counter() - start,
        levels=dict(Counter(rated)),
        not_rated=members - len(rated),
        member_ids=sorted(builder.members),
        org_ids=list(builder.orgs),
    )


def generate_years(
    root: Path,
    years: Sequence[tuple[int, str]],
    *,
    grassroots: int,
    chi_bo: int,
    members: int,
    seed: int = 0,
) -> list[SyntheticSummary]:
    """Consecutive years of the same organizations and members, e.g. [(2024, "qd124-hd25"),
    (2025, "qd366-hd43")]."""
    return [
        generate(
            root,
            year=y,
            ruleset=r,
            grassroots=grassroots,
            chi_bo=chi_bo,
            members=members,
            seed=seed,
        )
        for y, r in years
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator.synthetic",
        description="Write a synthetic evaluation year (deterministic, seeded).",
    )
    parser.add_argument("out", type=Path, help="a folder to use as repository root")
    parser.add_argument("--preset", choices=sorted(PRESETS), default="district")
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--ruleset", choices=RULESETS, default="qd366-hd43")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--size",
        type=int,
        nargs=3,
        metavar=("TCCSD", "CHI_BO", "MEMBERS"),
        help="explicit sizes instead of a preset",
    )
    args = parser.parse_args(argv)
    g, c, n = args.size or PRESETS[args.preset]
    try:
        s = generate(
            args.out,
            year=args.year,
            ruleset=args.ruleset,
            grassroots=g,
            chi_bo=c,
            members=n,
            seed=args.seed,
        )
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(
        f"{s.root / SUBMISSIONS / str(s.year)}: {s.grassroots} TCCSĐ, {s.chi_bo} chi bộ, "
        f"{s.members} members, {s.files} files, {s.bytes / 1e6:.1f} MB in {s.seconds:.2f} s; "
        f"levels {dict(sorted(s.levels.items()))}, not rated {s.not_rated}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
