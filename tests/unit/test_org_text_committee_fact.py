"""An organization's public text naming a person's discipline or health is warned about
(generator.check.committeefacts): "một đảng viên bị kỷ luật khiển trách" in a chi bộ's
`han_che` tells the whole organization what the member's `ky_luat` tells only the
committees. Ordinary words about discipline in the general sense, or about an
organization's work on health, are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check.committeefacts import org_text_findings
from generator.findings import Severity
from generator.privacy.freetext import committee_phrase
from generator.submissions.yamlload import loads
from tests.unit.test_hints import CHI_BO, ROOT, TREE, check, only
from tests.unit.test_hints import repo as repo  # the fixture: a tiny pending year

ORG = f"{CHI_BO}/to-chuc.yaml"


@pytest.mark.parametrize(
    ("sentence", "phrase", "kind"),
    [
        ("một đảng viên bị kỷ luật khiển trách", "bị kỷ luật", "ky_luat"),
        (
            "còn đảng viên chưa thực hiện tốt nhiệm vụ, vi phạm kỷ luật",
            "vi phạm kỷ luật",
            "ky_luat",
        ),
        ("Đồng chí Nguyễn Văn A nghỉ ốm 4 tháng", "nghỉ ốm", "suc_khoe"),
        ("đảng viên dv-102005 nghỉ thai sản", "nghỉ thai sản", "suc_khoe"),
        ("mot dang vien bi ky luat khien trach", "bi ky luat", "ky_luat"),  # typed unaccented
    ],
)
def test_a_persons_discipline_or_leave_is_found(sentence: str, phrase: str, kind: str) -> None:
    assert committee_phrase(sentence) == (phrase, kind)


@pytest.mark.parametrize(
    "sentence",
    [
        "Nâng cao ý thức tổ chức kỷ luật của đảng viên",  # discipline in the general sense
        "Đảng viên chấp hành nghiêm kỷ luật lao động",
        "Không có đảng viên vi phạm kỷ luật",  # a result to report
        "100% đảng viên không vi phạm phải xử lý kỷ luật",
        "Công đoàn bênh vực quyền lợi của đảng viên",  # "bênh", not "bệnh"
        "Đảng viên tham gia phòng, chống dịch bệnh",
        "Giải quyết chế độ nghỉ thai sản cho 12 lao động",  # no person of the party named
        "Không đạt chỉ tiêu doanh thu; kiểm tra quy trình mua sắm chưa chặt chẽ",
        "khong co dang vien bi ky luat",  # typed unaccented, negated all the same
    ],
)
def test_ordinary_text_is_not(sentence: str) -> None:
    assert committee_phrase(sentence) is None


def test_a_chi_bo_text_naming_a_members_discipline_is_warned_at_its_line(repo: Path) -> None:
    text = TREE[ORG] + (
        "kiem_diem:\n"  # line 5
        "  uu_diem: |\n"
        "    Chi bộ duy trì sinh hoạt định kỳ.\n"
        "  han_che: |\n"
        "    Còn chỉ tiêu chưa hoàn thành.\n"
        "    Nguyên nhân: còn đảng viên chưa gương mẫu; một đảng viên bị kỷ luật khiển trách.\n"
    )
    f = only(check(repo, text, ORG), "org-text-committee-fact")
    assert f.severity is Severity.WARNING
    line = text.splitlines()[9]
    assert (f.line, f.column) == (10, line.index("một đảng viên") + 1)
    assert '"một đảng viên bị kỷ luật khiển trách"' in f.message
    assert "`kiem_diem.han_che`" in f.message and "toàn đảng bộ" in f.message
    assert "`ky_luat`" in f.hint and "Các mục khác của tệp giữ nguyên" in f.hint


def test_a_target_naming_a_members_sick_leave_is_warned(repo: Path) -> None:
    text = TREE[ORG] + (
        "chi_tieu:\n"
        "  - ten: Giúp đồng chí Lan nghỉ ốm dài ngày trở lại công tác\n"  # line 6
        "    trang_thai: hoan_thanh\n"
    )
    f = only(check(repo, text, ORG), "org-text-committee-fact")
    assert f.line == 6
    assert "`chi_tieu[0].ten`" in f.message
    assert "`nghi_om_thang`, `nghi_thai_san_thang`" in f.hint


def test_ordinary_organization_text_is_clean_beside_a_disclosing_sentence(repo: Path) -> None:
    text = TREE[ORG] + (
        "trang_thai_ho_so: nhap\n"  # a draft: its sections are not yet all required
        "kiem_diem:\n"
        "  uu_diem: |\n"
        "    Chi bộ vận động nhân dân tham gia phòng, chống dịch bệnh; đảng viên gương mẫu.\n"
        "  han_che: |\n"
        "    Ý thức tổ chức kỷ luật của một số đảng viên chưa cao; không có đảng viên bị kỷ luật.\n"
        "    Nguyên nhân: công tác quản lý, giáo dục đảng viên có lúc chưa chặt chẽ.\n"
        "  phuong_huong: |\n"
        "    Giữ nghiêm kỷ luật Đảng; phân công cấp ủy viên theo dõi từng chỉ tiêu.\n"
    )
    assert check(repo, text, ORG) == []
    # the one sentence that names a person's discipline is found among them
    text += "    Đồng chí Bí thư chi bộ bị cảnh cáo.\n"
    f = only(check(repo, text, ORG), "org-text-committee-fact")
    assert f.line == len(text.splitlines())
    assert '("cảnh cáo")' in f.message


def test_the_bundled_samples_organization_texts_name_no_ones_discipline_or_health() -> None:
    """The quick start builds the sample: it is the example reviews are copied from."""
    files = sorted((ROOT / "submissions").rglob("to-chuc.yaml"))
    assert len(files) > 20
    found = []
    for path in files:
        document = loads(path.read_bytes()).document
        assert document is not None
        found += [f"{f.path}:{f.line}" for f in org_text_findings(document, str(path))]
    assert found == []
