"""Catalog: reading files (generator/submissions/yamlload.py) and the layout of submissions/."""

from __future__ import annotations

from generator.messages.base import Message
from generator.messages.loadbracket import CATALOG as BRACKET_CATALOG
from generator.messages.loadcut import CATALOG as CUT_CATALOG
from generator.messages.loadlines import CATALOG as LINES_CATALOG
from generator.messages.loadsyntax import CATALOG as SYNTAX_CATALOG

CATALOG: dict[str, Message] = {
    # ---- loading (generator/submissions/yamlload.py)
    "file-too-large": Message(
        "Tệp quá lớn ({size} byte; giới hạn {limit} byte).",
        "Bản kiểm điểm chỉ cần văn bản ngắn gọn; hãy rút gọn nội dung hoặc kiểm tra xem có dán "
        "nhầm dữ liệu khác vào tệp không.",
    ),
    # ---- a file's findings past the first 200 (generator/findingcap.py)
    "file-too-many-findings": Message(
        "Tệp còn {count} vấn đề khác từ dòng này trở đi ({errors} lỗi) chưa liệt kê: mỗi tệp "
        "chỉ liệt kê {limit} vấn đề đầu tiên.",
        "Sửa các vấn đề đã liệt kê trước (nhiều dòng thường mắc cùng một lỗi: sửa một dòng "
        "rồi sửa các dòng giống nó theo cách đó), rồi chạy kiểm tra lại để xem các vấn đề "
        "còn lại.",
    ),
    "file-too-many-findings/warning": Message(
        "Tệp còn {count} cảnh báo khác từ dòng này trở đi chưa liệt kê: mỗi tệp chỉ liệt kê "
        "{limit} vấn đề đầu tiên.",
        "Xem và sửa các cảnh báo đã liệt kê, rồi chạy kiểm tra lại để xem các cảnh báo còn lại.",
        severity="warning",
    ),
    "file-too-many-findings/notice": Message(
        "Tệp còn {count} ghi chú khác từ dòng này trở đi chưa liệt kê: mỗi tệp chỉ liệt kê "
        "{limit} vấn đề đầu tiên.",
        "Chạy kiểm tra lại sau khi sửa các vấn đề đã liệt kê để xem các ghi chú còn lại.",
        severity="notice",
    ),
    "file-not-text": Message(
        "Tệp không phải văn bản (có byte NUL) — có thể là tệp Word, PDF hay ảnh bị đặt tên .yaml.",
        "Mở tệp gốc (ví dụ tệp Word đã dùng để soạn) và lưu lại nội dung dạng văn bản UTF-8 "
        "với tên tệp .yaml này (trong Word: Lưu thành → Văn bản thuần (.txt) → mã hóa Unicode "
        "(UTF-8)). Nếu không rõ tệp này từ đâu ra, báo bí thư chi bộ trước khi sửa.",
    ),
    "file-utf16": Message(
        "Tệp được lưu dạng UTF-16 (Notepad gọi là “Unicode”), chương trình chỉ đọc UTF-8.",
        "Nội dung tệp vẫn còn nguyên, chỉ cần lưu lại với mã hóa UTF-8. Trong Notepad: Tệp → "
        "Lưu thành (File → Save As), ở ô Mã hóa (Encoding) chọn UTF-8, giữ đúng tên tệp rồi "
        "bấm Lưu; khi Notepad hỏi vì tệp đã có, chọn Có — nội dung giữ nguyên, chỉ đổi mã hóa. "
        "Trong VS Code: bấm `{encoding}` ở thanh trạng thái → Save with Encoding → UTF-8. "
        "Dòng {line} của tệp hiện là: `{first}`.",
        hints={
            "blank": "Tệp chưa có nội dung. Lưu lại với mã hóa UTF-8: trong Notepad: Tệp → Lưu "
            "thành (File → Save As), ở ô Mã hóa (Encoding) chọn UTF-8, giữ đúng tên tệp; trong "
            "VS Code: bấm `{encoding}` ở thanh trạng thái → Save with Encoding → UTF-8.",
        },
    ),
    "file-bom": Message(
        "Tệp bắt đầu bằng dấu BOM (ký tự ẩn do một số trình soạn thảo trên Windows thêm vào).",
        "Lưu lại tệp với mã hóa 'UTF-8' (không chọn 'UTF-8 with BOM'). Trong VS Code: bấm "
        "`UTF-8 with BOM` ở thanh trạng thái → Save with Encoding → UTF-8. Dòng 1 khi đó bắt "
        "đầu đúng bằng: `{first}`.",
    ),
    "file-not-utf8": Message(
        "Tệp không ở mã hóa UTF-8 (byte 0x{byte:02x} không hợp lệ).",
        "Mở tệp và lưu lại với mã hóa UTF-8; đừng dùng bảng mã TCVN3 hay VNI.",
    ),
    "file-not-utf8/cp1258": Message(
        "Tệp không ở mã hóa UTF-8 (byte 0x{byte:02x} không hợp lệ). Tệp có vẻ được lưu bằng "
        "bảng mã Windows-1258 (CP1258).",
        "Mở tệp, chọn lưu với mã hóa UTF-8 (trong Notepad: Lưu thành → Mã hóa: UTF-8; trong "
        "VS Code: Reopen with Encoding → Vietnamese (Windows 1258), rồi Save with Encoding → "
        "UTF-8). Dòng {line} khi đó sẽ là: `{decoded}`.",
    ),
    "yaml-empty": Message(
        "Tệp rỗng.",
        "Điền nội dung từ mẫu bằng lệnh `kiemdiem new` (lệnh điền mẫu vào tệp trống này), rồi "
        "viết tiếp theo chú thích; nếu tệp được tạo nhầm, báo bí thư chi bộ.",
    ),
    # only comments (lines starting with #): `kiemdiem new` keeps them, the form goes below
    "yaml-empty/comments": Message(
        "Tệp chưa có nội dung: chỉ có chú thích (các dòng bắt đầu bằng `#`).",
        "Điền nội dung từ mẫu bằng lệnh `kiemdiem new` (lệnh giữ nguyên các chú thích ở đầu "
        "tệp và điền mẫu vào bên dưới), rồi viết tiếp theo chú thích; nếu tệp được tạo nhầm, "
        "báo bí thư chi bộ.",
    ),
    "yaml-tab": Message(
        "Dòng thụt lề bằng phím Tab; YAML chỉ chấp nhận dấu cách.",
        "Thay mỗi Tab ở đầu dòng bằng dấu cách (thường là 2 dấu cách cho mỗi cấp). "
        "Sửa dòng {line} thành: `{fixed}`.",
    ),
    "text-nfd": Message(
        "Văn bản dùng dấu tiếng Việt dạng tổ hợp (NFD); chương trình đã đọc nó ở dạng dựng sẵn (NFC).",
        "Không bắt buộc sửa. Nếu muốn, gõ lại dòng này bằng bộ gõ Unicode dựng sẵn.",
        "warning",
    ),
    "text-invisible": Message(
        "Dòng này có ký tự ẩn ({chars}): ký tự đổi chiều chữ hoặc ký tự không có độ rộng. "
        "Người đọc không thấy chúng, nhưng chúng làm chữ hiện ra khác với nội dung thật và "
        "làm tìm kiếm sai.",
        "Gõ lại đoạn chữ từ cột này (hoặc dùng trình soạn thảo hiện ký tự ẩn để xóa riêng các "
        "ký tự ẩn ấy: chúng không mang nội dung); nội dung giữ nguyên. Trên trang web các ký tự này hiện thành dạng ⟦U+…⟧.",
        "warning",
    ),
    "text-invisible/escape": Message(
        "Dòng này có ký tự ẩn {chars} (viết bằng dấu \\ trong ngoặc kép): ký tự đổi chiều chữ "
        "hoặc ký tự không có độ rộng. Người đọc không thấy chúng, nhưng chúng làm chữ hiện ra "
        "khác với nội dung thật và làm tìm kiếm sai.",
        "Bỏ ký hiệu {chars} khỏi dòng {line} (chỉ bỏ ký hiệu đó, bắt đầu bằng \\; chữ còn lại "
        "giữ nguyên, không mất nội dung nào). Trên trang web các ký tự này hiện thành dạng ⟦U+…⟧.",
        "warning",
    ),
    "text-control": Message(
        "Dòng này có ký tự điều khiển {chars} (viết bằng dấu \\ trong ngoặc kép): ký tự "
        "không nhìn thấy, không bản kiểm điểm nào cần, và có thể làm màn hình hiện sai.",
        "Bỏ ký tự điều khiển {chars} khỏi dòng {line} (chỉ bỏ ký hiệu đó, bắt đầu bằng \\; "
        "chữ còn lại giữ nguyên, không mất nội dung nào). Nếu dấu \\ là chữ (như trong "
        "đường dẫn `D:\\Luu\\Phong`), viết hai dấu: `\\\\`.",
    ),
    # a raw NEL, line or paragraph separator (yamlodd.raw_breaks), pasted from Word or the web
    "text-control/raw": Message(
        "Dòng này có ký tự điều khiển {chars} (ký tự ngắt dòng đặc biệt, thường có khi dán "
        "chữ từ Word hay trang web): ký tự không nhìn thấy, không bản kiểm điểm nào cần, làm "
        "sai số dòng khi đọc tệp và có thể làm màn hình hiện sai.",
        "Ở dòng {line}, từ cột này, gõ lại chỗ ngắt ấy bằng một dấu cách thường (hoặc xuống "
        "dòng bằng phím Enter trong nội dung dạng khối `|`); chữ còn lại giữ nguyên, không "
        "mất nội dung nào.",
    ),
    "text-joined-lines": Message(
        "Nội dung của `{key}` viết trên nhiều dòng mà không có dấu `|`, nên các dòng bị nối "
        "thành một dòng: chỗ xuống dòng bị mất.",
        "Thêm ` |` sau dấu hai chấm (`{key}: |`), giữ các dòng nội dung như đã viết và thụt "
        "lề thêm 2 dấu cách so với tên mục.",
        "warning",
    ),
    "yaml-multi-document": Message(
        "Tệp chứa nhiều hơn một tài liệu YAML (có dòng '---' ở giữa tệp).",
        "Mỗi tệp chỉ chứa một bản kiểm điểm. Chuyển phần sau dòng '---' sang đúng chỗ của nó: "
        "nếu là của bản kiểm điểm này, gộp vào các mục phía trên; nếu là của người khác, chuyển "
        "sang tệp riêng mang mã của người đó (một tên chưa có tệp). Khi đã chuyển hết, đặt dấu "
        "`# ` ở đầu dòng '---'.",
    ),
    "yaml-alias": Message(
        "Tệp dùng neo/bí danh YAML (& và *), điều không được phép trong hồ sơ.",
        "Viết đầy đủ giá trị ở từng chỗ thay vì dùng & và *.",
    ),
    "yaml-alias/anchor": Message(
        "Tệp dùng neo YAML `{prop}` (dạng &tên), điều không được phép trong hồ sơ: phần "
        "`{prop}` không được đọc vào nội dung.",
        "Nếu `{prop}` là chữ của nội dung, đặt cả giá trị (từ `{prop}` đến hết nội dung) trong "
        'dấu ngoặc kép, ví dụ `ho_ten: "{prop} …"`.',
    ),
    "yaml-too-deep": Message(
        "Cấu trúc lồng nhau quá sâu (quá {limit} cấp).",
        "Kiểm tra lại thụt lề: có thể nhiều dòng bị thụt vào quá mức.",
    ),
    "yaml-too-many-nodes": Message(
        "Tệp có quá nhiều phần tử (hơn {limit}).",
        "Một bản kiểm điểm không cần nhiều như vậy; kiểm tra xem có dán nhầm dữ liệu không.",
    ),
    "yaml-tag": Message(
        "Không dùng thẻ kiểu YAML `{prop}` (dạng !!... hay !...) trong hồ sơ: nó đổi cách "
        "chương trình đọc giá trị.",
        "Nếu `{prop}` là chữ của nội dung, đặt cả giá trị (từ `{prop}` đến hết nội dung) trong "
        'dấu ngoặc kép, ví dụ `ho_ten: "{prop} …"`; hồ sơ không cần thẻ nào.',
    ),
    "yaml-key-not-text": Message(
        "Tên mục phải là chữ (ví dụ `ho_ten`), không phải số hay danh sách.",
        "Sửa tên mục theo mẫu; xem lại bản mẫu bằng `kiemdiem new`.",
    ),
    "yaml-merge-key": Message(
        "Không dùng khóa gộp '<<' trong hồ sơ.",
        "Viết đầy đủ các mục thay vì gộp.",
    ),
    "yaml-duplicate-key": Message(
        "Mục `{key}` bị khai báo hai lần (lần đầu ở dòng {first_line}).",
        "Gộp hai lần khai báo vào mục `{key}` ở dòng {first_line}: chuyển nội dung của lần "
        "này lên đó (nếu hai nơi viết khác nhau, giữ cả hai đoạn), để tệp chỉ còn một dòng "
        "`{key}:`.",
    ),
    "yaml-not-mapping": Message(
        "Nội dung tệp phải là các mục dạng `ten_muc: giá trị`, không phải một danh sách hay một dòng chữ.",
        "Bắt đầu từ bản mẫu (`kiemdiem new`) và điền vào các mục.",
    ),
}
CATALOG |= SYNTAX_CATALOG  # `ho_ten:Ba`, `ghi_chu: @x` (generator/check/yamlrepair.py)
CATALOG |= BRACKET_CATALOG  # `chuc_vu: [Giáo viên` (generator/check/yamlbracket.py)
CATALOG |= CUT_CATALOG  # `chuc_vu: Phó Bí thư #2` (generator/check/cuthint.py)
CATALOG |= LINES_CATALOG  # `ho_ten Nguyễn Văn Bình` (generator/check/yamlcolon.py)

# words generator/check/filenames.py puts into the layout entries' `{what}` and `{where}`
FILE_WHAT_VI = {
    "year": "Tệp năm đánh giá",
    "org": "Tệp `{name}` của tổ chức",
    "member": "Bản kiểm điểm của đảng viên `{member}`",
}
SLOT_VI = {"year": "<năm>", "org": "<tổ chức>", "chi_bo": "<chi bộ>"}
