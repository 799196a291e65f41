"""Catalog: cross-file checks (generator/check/crossfile.py)."""

from __future__ import annotations

from generator.messages.base import Message

# member-identity-changed: either the date was corrected or the file is someone else's
_IDENTITY_HINT = (
    "Đối chiếu với hồ sơ đảng viên. Nếu ngày ghi năm nay là ngày đã được đính chính, giữ "
    "nguyên và đề nghị cấp ủy chi bộ ghi việc đính chính vào mục Ghi chú nội bộ "
    "(`ghi_chu_noi_bo`) của tệp này: mục đó do cấp ủy ghi, đảng viên không tự ghi. Nếu tệp "
    "này là của một người khác: mã đảng viên không bao giờ được cấp lại cho người khác, nên "
    "ghi mã đúng của người này vào mục Mã đảng viên (`ma_dang_vien`) và đặt tên tệp theo mã "
    "đó (nếu trong năm đã có tệp tên "
    "đó, so sánh hai tệp và hỏi Ban Tổ chức trước), để mã `{member}` vẫn là của người có bản "
    "kiểm điểm năm {earlier_year}."
)

# member-not-carried-over: who carries each one over, and what cannot be recorded yet
_CARRY_HINT = (
    "Với mỗi đảng viên còn sinh hoạt ở chi bộ, tạo bản kiểm điểm năm {year} bằng `kiemdiem "
    "new member <mã đảng viên> --org {target}`, ví dụ `kiemdiem new member {first} --org "
    "{target}` (thông tin năm {earlier_year} được điền sẵn); người đã chuyển sinh hoạt "
    "sang chi bộ khác trong tỉnh thì chi bộ nơi đến tạo tệp và ghi `chuyen_sinh_hoat`. Hồ sơ "
    "chưa có mục để ghi việc chuyển ra ngoài tỉnh, từ trần hoặc ra khỏi Đảng: báo Ban Tổ "
    "chức bằng văn bản để đối chiếu khi thống kê. Cảnh báo này không chặn việc nộp hồ sơ; các "
    "tệp năm {earlier_year} giữ nguyên."
)
TARGET_VI = "<mã chi bộ năm {year}>"  # member-not-carried-over/year: no chi bộ to name

CATALOG: dict[str, Message] = {
    # ---- cross-file checks (generator/check/crossfile.py)
    "year-missing-file": Message(
        "Năm {year} thiếu tệp `nam-danh-gia.yaml`.",
        "Ban Tổ chức tạo tệp này bằng `kiemdiem new year {year} --no-orgs` (thư mục năm đã có "
        "nên lệnh chỉ tạo tệp năm, không chép cây tổ chức của năm trước).",
    ),
    "year-mismatch": Message(
        "Mục `nam` ghi {found}, nhưng tệp nằm trong thư mục năm {expected}.",
        "Sửa thành `nam: {expected}`, hoặc chuyển tệp sang thư mục năm {found}.",
    ),
    "root-mismatch": Message(
        "Tổ chức gốc `{root}` khai báo trong `to_chuc_goc` không có thư mục `{root}/` trong năm {year}.",
        "Sửa `to_chuc_goc` cho đúng tên thư mục của đảng bộ cấp trên cùng, hoặc tạo thư mục đó.",
    ),
    "org-missing-file": Message(
        "Thư mục `{folder}` chưa có tệp `to-chuc.yaml` nên chưa được coi là một tổ chức.",
        "Tạo tệp bằng `kiemdiem new org` trong thư mục này.",
    ),
    # the folder's name is an organization that has its folder elsewhere in the tree
    "org-missing-file/misplaced": Message(
        "Thư mục `{folder}` không thuộc cây tổ chức: nó không có tệp `to-chuc.yaml`, còn tổ "
        "chức cùng mã nằm ở thư mục `{existing}`.",
        "Chuyển các tệp trong thư mục `{folder}` vào đúng chỗ bên trong `{existing}` (giữ nguyên "
        "tên và nội dung tệp): đường dẫn bắt đầu từ thư mục của tổ chức gốc.",
    ),
    "org-outside-root": Message(
        "Thư mục tổ chức `{folder}` nằm ngoài thư mục của tổ chức gốc `{root}`.",
        "Mọi tổ chức của năm nằm bên trong thư mục `{root}/`: chuyển thư mục `{folder}` vào đúng "
        "vị trí của nó trong cây (giữ nguyên các tệp).",
    ),
    "org-folder-mismatch": Message(
        "Mã tổ chức `{found}` không trùng tên thư mục `{expected}`.",
        "Sửa thành `ma_to_chuc: {expected}` (mã tổ chức luôn là tên thư mục của nó).",
    ),
    # one id in two folders of a year (generator/check/crossfile.py): neither is linked
    "org-duplicate": Message(
        "Mã tổ chức `{org}` đã được dùng cho thư mục khác trong cùng năm: {other}. Cả hai "
        "tổ chức chưa được tính vào cây tổ chức cho đến khi mã không còn trùng.",
        "Mỗi tổ chức có một mã riêng trong năm. Nếu đây là hai tổ chức khác nhau, đặt cho tổ "
        "chức mới lập một mã khác (đổi tên thư mục và `ma_to_chuc` cho khớp, giữ nguyên nội "
        "dung các tệp); nếu là cùng một tổ chức, chuyển các tệp về một thư mục sau khi cấp ủy "
        "xác nhận.",
    ),
    "org-type-misplaced": Message(
        "{child_label} `{child}` không thể nằm trực tiếp dưới {parent_label} `{parent}`.",
        "Kiểm tra mục `loai` của tổ chức này, hoặc chuyển thư mục về đúng cấp.",
    ),
    "org-type-period": Message(
        "{label} (`loai: {type_code}`) chỉ có {period}, không có trong năm {year} "
        "(RULES.md §7: cây tổ chức theo từng thời kỳ).",
        "Kiểm tra mục `loai`: từ năm 2025 không còn cấp huyện; cấp trên trực tiếp của tổ chức "
        "cơ sở đảng là đảng bộ xã, phường, đặc khu (`dang_bo_xa`), đảng bộ khối (`dang_bo_khoi`) "
        "hoặc đảng bộ tỉnh.",
        "warning",
    ),
    "org-cannot-hold-members": Message(
        "{label} `{org}` không sinh hoạt đảng viên trực tiếp, nên không có thư mục `dang-vien/`.",
        "Chuyển bản kiểm điểm vào thư mục `dang-vien/` của chi bộ nơi đảng viên sinh hoạt.",
    ),
    # no file of the year is named like the id inside: either fix may be right
    "id-mismatch-file": Message(
        "Mã đảng viên `{found}` không trùng tên tệp `{expected}.yaml`.",
        "Sửa thành `ma_dang_vien: {expected}` (tên tệp bản kiểm điểm là mã đảng viên). Nếu "
        "tệp này thật ra là bản kiểm điểm của đảng viên `{found}`, thì giữ nguyên nội dung và "
        "đổi tên tệp thành `{found}.yaml` (trong năm chưa có tệp nào tên này).",
        hints={
            # a file of that name exists but was not read (e.g. it is not text)
            "taken": "Sửa thành `ma_dang_vien: {expected}` (tên tệp bản kiểm điểm là mã đảng "
            "viên). Đừng đổi tên tệp này thành `{found}.yaml`: trong thư mục đã có tệp tên đó.",
        },
    ),
    # the id inside is another member's, whose file exists: a copy, or a mistyped id
    "id-mismatch-file/copy": Message(
        "Mã đảng viên `{found}` không trùng tên tệp `{expected}.yaml`; mã `{found}` là của bản "
        "kiểm điểm `{other}`{who}.",
        "Nếu tệp này là bản kiểm điểm của đảng viên `{expected}`, chỉ cần sửa thành "
        "`ma_dang_vien: {expected}`. Nếu nó là một bản sao của `{other}`: so sánh hai tệp, "
        "chép phần còn thiếu vào `{other}`, và giữ nguyên cả hai tệp cho đến khi bí thư chi bộ "
        "xác nhận. Đừng đổi tên tệp này thành `{found}.yaml`: tên đó đã là của tệp kia.",
        hints={
            # the file's name is the id with something added (dv-101012-ban-sao.yaml)
            "named": "Tệp này có vẻ là một bản sao của `{other}`: so sánh hai tệp, chép phần "
            "còn thiếu vào `{other}`, và giữ nguyên cả hai tệp cho đến khi bí thư chi bộ xác "
            "nhận. Đừng đổi tên tệp này thành `{found}.yaml`: tên đó đã là của tệp kia.",
        },
    ),
    # the file name nearly matches the id inside (dv101016.yaml for dv-101016): rename the file
    "id-mismatch-file/rename": Message(
        "Mã đảng viên `{found}` không trùng tên tệp `{expected}.yaml`.",
        "Đổi tên tệp thành `{found}.yaml` (tên tệp bản kiểm điểm là mã đảng viên); giữ nguyên "
        "`ma_dang_vien: {found}` và nội dung tệp.",
    ),
    "member-duplicate": Message(
        "Mã đảng viên `{member}` đã có bản kiểm điểm khác trong năm: `{other}`.",
        "Mỗi đảng viên chỉ có một bản kiểm điểm mỗi năm, ở chi bộ sinh hoạt chính thức. So "
        "sánh tệp này với `{other}`, chép phần còn thiếu vào bản ở chi bộ nơi đồng chí sinh "
        "hoạt chính thức, và giữ nguyên cả hai tệp cho đến khi bí thư hai chi bộ xác nhận.",
    ),
    # ---- who a member file is about (generator/check/identity.py; RULES.md §7: one stable
    # id per member across years). Warnings: namesakes exist, and dates get corrected.
    # two ids, one person (same folded name, birth date and admission date) in one year
    "member-same-person": Message(
        "Đồng chí {name} (mã `{member}`) có cùng họ tên, ngày sinh và ngày vào Đảng với bản "
        "kiểm điểm `{other}` (mã `{other_id}`): có thể một người có hai bản kiểm điểm với hai "
        "mã khác nhau, và được tính hai lần.",
        "Đối chiếu với hồ sơ đảng viên để biết hai bản có phải của cùng một người không. Nếu "
        "đúng là một người: chi ủy (cấp ủy) giữ bản mang đúng mã đảng viên trong hồ sơ, chép "
        "vào đó phần còn thiếu của bản kia, rồi chuyển bản kia ra khỏi thư mục `dang-vien/` "
        "và lưu ở một nơi riêng ngoài kho (nội dung giữ nguyên). Nếu là hai người khác nhau, "
        "không cần sửa gì.",
        "warning",
    ),
    # one id, a date that is not the year before's: a correction, or the id reused; the
    # birth date is never quoted (never published: generator/privacy)
    "member-identity-changed": Message(
        "Ngày vào Đảng `{found}` của mã `{member}` khác với ngày `{before}` ghi trong bản kiểm "
        "điểm năm {earlier_year} của mã này, `{earlier_file}`{who}: ngày vào Đảng đã được đính "
        "chính, hoặc tệp này là của một người khác.",
        _IDENTITY_HINT,
        "warning",
    ),
    "member-identity-changed/birth": Message(
        "Ngày sinh của mã `{member}` khác với ngày sinh ghi trong bản kiểm điểm năm "
        "{earlier_year} của mã này, `{earlier_file}`{who}: ngày sinh đã được đính chính, "
        "hoặc tệp này là của một người khác.",
        _IDENTITY_HINT,
        "warning",
    ),
    "ref-unknown-member": Message(
        "Không có đảng viên mã `{member}` trong {scope}.",
        "Kiểm tra lại mã (xem tên tệp trong thư mục `dang-vien/`).",
        hints={
            "guess": "Kiểm tra lại mã (xem tên tệp trong thư mục `dang-vien/`). Có phải ý bạn là `{guess}`?"
        },
    ),
    # an id of the year before whose review was not carried over (generator/check/carryover.py)
    "ref-unknown-member/earlier": Message(
        "Không có đảng viên mã `{member}` trong {scope}: đảng viên này có bản kiểm điểm năm "
        "{earlier_year} (chi bộ `{earlier_org}`) nhưng năm {year} chưa có tệp.",
        "Nếu đảng viên vẫn sinh hoạt ở đây, chi bộ tạo bản kiểm điểm năm {year} bằng `kiemdiem "
        "new member {member} --org <mã chi bộ năm {year}>` (năm {earlier_year} là "
        "`{earlier_org}`; thông tin năm {earlier_year} được điền sẵn) rồi chạy lại `kiemdiem "
        "check`. Nếu người giữ chức vụ đã thay đổi, ghi mã của người đang giữ chức vụ.",
    ),
    # X4: members of the year before with no file anywhere this year (generator/check/carryover.py)
    "member-not-carried-over": Message(
        "{count} đảng viên của chi bộ `{org}` năm {earlier_year} chưa có bản kiểm điểm năm "
        "{year} ở bất kỳ đâu: {ids}.",
        _CARRY_HINT,
        "warning",
        actor="chi_bo",
    ),
    "member-not-carried-over/year": Message(
        "{count} đảng viên của chi bộ `{org}` năm {earlier_year} (năm {year} không còn tổ chức "
        "này, cũng không tổ chức nào ghi kế thừa nó trong `ke_thua_tu`) chưa có bản kiểm điểm "
        "năm {year} ở bất kỳ đâu: {ids}.",
        _CARRY_HINT,
        "warning",
        actor="board",
    ),
    "ref-unknown-org": Message(
        "Không có tổ chức mã `{org}` trong năm {year}.",
        "Kiểm tra lại mã (là tên thư mục của tổ chức).",
        hints={
            "guess": "Kiểm tra lại mã (là tên thư mục của tổ chức). Có phải ý bạn là `{guess}`?"
        },
    ),
    # ---- the roster (generator/check/roster.py): a member id no review file is named after
    "roster-member-unknown": Message(
        "Tài khoản `{login}` ghi `ma_dang_vien: {member}`, nhưng không năm nào có bản kiểm "
        "điểm `{member}.yaml`; vì vậy {codeowners} không có dòng cho bản kiểm điểm của "
        "đảng viên này: tài khoản `{login}` không được duyệt tệp đó, chỉ bí thư chi bộ (hoặc "
        "Ban Tổ chức) được duyệt.",
        "Kiểm tra lại mã đảng viên (là tên tệp bản kiểm điểm trong thư mục `dang-vien/`): sửa "
        "`ma_dang_vien` cho đúng rồi chạy {command}. Nếu đồng chí chưa có bản kiểm "
        "điểm nào, tạo tệp bằng `kiemdiem new member {member} --org <mã chi bộ>` rồi chạy lại "
        "{command}.",
        "warning",
    ),
    # a member whose newest review is in a chi bộ the newest year has not (dissolved, merged,
    # renamed): CODEOWNERS has no line for their review, so the account cannot approve it
    "roster-member-org-gone": Message(
        "Tài khoản `{login}` ghi `ma_dang_vien: {member}`; bản kiểm điểm gần nhất của đảng "
        "viên này là `{review}`, ở chi bộ `{org}`, nhưng năm {year} không có chi bộ mã "
        "`{org}`; vì vậy {codeowners} không có dòng cho bản kiểm điểm năm {year} của "
        "đảng viên này: tài khoản `{login}` không được duyệt bản kiểm điểm của chính mình.",
        "Nếu đồng chí đã chuyển sinh hoạt, hoặc chi bộ `{org}` đã sáp nhập hay đổi tên: bí "
        "thư chi bộ nơi đồng chí sinh hoạt năm {year} tạo bản kiểm điểm năm {year} bằng "
        "`kiemdiem new member {member} --org <mã chi bộ>`. Nếu chi bộ `{org}` vẫn hoạt động "
        "trong năm {year}: Ban Tổ chức tạo tổ chức đó bằng `kiemdiem new org {org} --parent "
        "<mã cấp trên> --type <loại tổ chức>`. Các tệp năm cũ giữ nguyên. Sau đó chạy lại "
        "{command}.",
        "warning",
    ),
    # ---- the roster: one account or one member listed twice (errors: CODEOWNERS would
    # give someone's review to another account, so `kiemdiem codeowners` writes nothing)
    "roster-login-duplicate": Message(
        "Tài khoản `{login}` được ghi hai lần trong danh sách tài khoản (lần đầu ở dòng "
        "{first_line}): một tài khoản sẽ được duyệt bản kiểm điểm của hai người, nên "
        "{command} không ghi {codeowners}.",
        "Giữ một mục cho mỗi tài khoản: so sánh mục này với mục ở dòng {first_line} và hỏi "
        "Ban Tổ chức tài khoản nào đúng. Nếu mục này là của một người khác, sửa `tai_khoan` "
        "thành tài khoản của người đó; nếu hai mục là của cùng một người, chép các dòng "
        "`cap_uy` còn thiếu sang mục ở dòng {first_line} rồi đặt dấu `# ` ở đầu các dòng của "
        "mục này (chúng được giữ lại làm chú thích). Sau đó chạy {command}.",
    ),
    "roster-member-duplicate": Message(
        "Mã đảng viên `{member}` được ghi cho hai tài khoản: `{first_login}` (dòng "
        "{first_line}) và `{login}`: cả hai tài khoản sẽ được duyệt bản kiểm điểm "
        "`{member}.yaml`, nên {command} không ghi {codeowners}.",
        "Mỗi đảng viên chỉ có một tài khoản: hỏi Ban Tổ chức tài khoản nào là của đảng viên "
        "`{member}`, rồi sửa `ma_dang_vien` của tài khoản còn lại thành mã của chính chủ tài "
        "khoản đó (là tên tệp bản kiểm điểm trong thư mục `dang-vien/`). Sau đó chạy "
        "{command}.",
    ),
    # a committee seat in an organization the newest year has not (CODEOWNERS is written
    # from the newest year's tree: the seat gives no rights)
    "roster-org-unknown": Message(
        "Tài khoản `{login}` ghi chức vụ trong cấp ủy của tổ chức `{org}`, nhưng năm {year} "
        "không có tổ chức mã `{org}`; vì vậy {codeowners} không cho tài khoản "
        "`{login}` quyền nào theo chức vụ này (một bí thư sẽ không được duyệt các bản kiểm "
        "điểm của chi bộ mình).",
        "Kiểm tra lại mã tổ chức (là tên thư mục của tổ chức trong năm {year}): sửa "
        "`ma_to_chuc` cho đúng rồi chạy {command}.",
        "warning",
        hints={
            "guess": "Kiểm tra lại mã tổ chức (là tên thư mục của tổ chức trong năm {year}): "
            "có phải ý bạn là `{guess}`? Sửa `ma_to_chuc` cho đúng rồi chạy {command}."
        },
    ),
    "proposal-missing-member": Message(
        "Đề xuất của chi bộ chưa có đảng viên `{member}` ({name}).",
        "Thêm một dòng cho đảng viên này vào danh sách `de_xuat`.",
    ),
    "proposal-unknown-member": Message(
        "Đảng viên `{member}` không sinh hoạt ở chi bộ `{org}`, nên chi bộ không đề xuất mức xếp loại cho người này.",
        "Kiểm tra lại mã đảng viên. Nếu đồng chí này không sinh hoạt ở chi bộ, đặt dấu `# ` "
        "ở đầu các dòng đề xuất này (chúng được giữ lại làm chú thích, không được tính).",
        hints={
            "guess": "Kiểm tra lại mã đảng viên: có phải ý bạn là `{guess}`? Nếu đồng chí này "
            "không sinh hoạt ở chi bộ, đặt dấu `# ` ở đầu các dòng đề xuất này (chúng được giữ "
            "lại làm chú thích, không được tính)."
        },
    ),
    # an id of the year before whose review was not carried over (generator/check/carryover.py)
    "proposal-unknown-member/earlier": Message(
        "Đảng viên `{member}` có bản kiểm điểm năm {earlier_year} (chi bộ `{earlier_org}`) "
        "nhưng năm {year} chưa có tệp, nên chưa thuộc chi bộ `{org}` và đề xuất này chưa được "
        "tính.",
        "Nếu đồng chí vẫn sinh hoạt ở chi bộ, tạo bản kiểm điểm năm {year} bằng `kiemdiem new "
        "member {member} --org {org}` (thông tin năm {earlier_year} được điền sẵn) rồi chạy lại "
        "`kiemdiem check`. Nếu đồng chí không còn sinh hoạt ở chi bộ, đặt dấu `# ` ở đầu các "
        "dòng đề xuất này (chúng được giữ lại làm chú thích, không được tính).",
    ),
    "proposal-duplicate": Message(
        "Đảng viên `{member}` được đề xuất hai lần (lần đầu ở dòng {first_line}).",
        "Mỗi đảng viên chỉ được đề xuất một lần: so sánh lần này với lần ở dòng {first_line}. "
        "Nếu hai lần ghi như nhau, đặt dấu `# ` ở đầu các dòng của lần này (chúng được giữ lại "
        "làm chú thích); nếu khác nhau, hỏi bí thư chi bộ kết quả biểu quyết rồi làm như vậy "
        "với lần chưa đúng.",
    ),
    "proposal-misplaced": Message(
        "Tệp đề xuất chỉ đặt trong thư mục của một chi bộ; `{org}` là {label}.",
        "Chuyển tệp vào thư mục chi bộ tương ứng.",
    ),
    "decision-no-authority": Message(
        "{body} `{org}` không có thẩm quyền quyết định xếp loại {subject} `{target}`; "
        "thẩm quyền thuộc {authority}. Quyết định này không được áp dụng: mức xếp loại vẫn là "
        "dự kiến.",
        "Chuyển dòng này sang tệp `quyet-dinh.yaml` của cấp có thẩm quyền (cấp đó ghi số và ngày "
        "quyết định của mình).",
    ),
    "decision-duplicate": Message(
        "`{target}` được quyết định hai lần trong cùng tệp (lần đầu ở dòng {first_line}).",
        "Mỗi đối tượng chỉ được quyết định một lần: so sánh lần này với lần ở dòng "
        "{first_line}. Nếu hai lần ghi như nhau, đặt dấu `# ` ở đầu các dòng của lần này (chúng "
        "được giữ lại làm chú thích); nếu khác nhau, đối chiếu với quyết định đã ký rồi làm như "
        "vậy với lần chưa đúng.",
    ),
    "re-rating-no-authority": Message(
        "{body} không có thẩm quyền xếp loại lại năm {year} của đảng viên `{member}`; thẩm quyền "
        "thuộc {authority}. {gone} Việc xếp loại lại này không được áp dụng.",
        "Chuyển dòng này sang tệp `quyet-dinh.yaml` của cấp có thẩm quyền (RULES.md 124-M7, §7).",
    ),
    "re-rating-not-earlier": Message(
        "Xếp loại lại chỉ áp dụng cho năm trước năm {year}, không phải năm {target_year}.",
        "Sửa mục `nam` của dòng xếp loại lại thành năm có vi phạm (Quy định 124-QĐ/TW; RULES.md 124-M7).",
    ),
}

# words the cross-file checks put into the parameters above
SUBJECT_VI = {"member": "đảng viên", "org": "tổ chức"}
SCOPE_YEAR_VI = "năm {year}"
SCOPE_ORG_VI = "{label} `{org}`"
MORE_IDS_VI = " và {more} đảng viên khác"  # member-not-carried-over past its shown ids
WHO_VI = " (đồng chí {name})"  # the member whose file another file copies
