"""Names, places and review texts of the synthetic years (Vietnamese, realistic length)."""

from __future__ import annotations

from collections.abc import Sequence

from generator import vietnamese

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
