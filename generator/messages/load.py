"""Catalog: reading files (generator/submissions/yamlload.py) and the layout of submissions/."""

from __future__ import annotations

from generator.messages.base import Message
from generator.messages.loadbracket import CATALOG as BRACKET_CATALOG
from generator.messages.loadcut import CATALOG as CUT_CATALOG
from generator.messages.loadlines import CATALOG as LINES_CATALOG

CATALOG: dict[str, Message] = {
    # ---- loading (generator/submissions/yamlload.py)
    "file-too-large": Message(
        "Tệp quá lớn ({size} byte; giới hạn {limit} byte).",
        "Bản kiểm điểm chỉ cần văn bản ngắn gọn; hãy rút gọn nội dung hoặc kiểm tra xem có dán "
        "nhầm dữ liệu khác vào tệp không.",
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
    # the variants below are chosen by generator/check/yamlrepair.py and, when it finds
    # no line to correct, by PyYAML's problem (generator/check/yamlgeneric.py); this one
    # is for a problem none of them knows
    "yaml-syntax": Message(
        "Sai cú pháp YAML: chương trình không đọc được tệp từ chỗ này.",
        "So sánh với bản mẫu (`kiemdiem new`): kiểm tra thụt lề, dấu hai chấm và dấu ngoặc kép.",
    ),
    "yaml-syntax/odd-space": Message(
        "Sai cú pháp YAML: có dấu cách {space} ở chỗ cần dấu cách thường.",
        "Thay ký tự đó bằng một dấu cách thường. Sửa dòng {line} thành: `{fixed}`.",
    ),
    "yaml-syntax/unclosed-quote": Message(
        "Sai cú pháp YAML: dấu ngoặc kép mở nhưng chưa đóng.",
        'Thêm dấu ngoặc kép đóng `"` ở cuối nội dung. Sửa dòng {line} thành: `{fixed}`.',
    ),
    "yaml-syntax/curly-close": Message(
        "Sai cú pháp YAML: dấu ngoặc kép mở nhưng được đóng bằng dấu ngoặc cong {curly}.",
        'Dấu ngoặc cong “ ” (do Word hay điện thoại tự đổi) không đóng được dấu ngoặc kép thẳng `"`. Sửa dòng {line} thành: `{fixed}`.',
    ),
    "yaml-syntax/no-space": Message(
        "Sai cú pháp YAML: thiếu dấu cách sau dấu hai chấm.",
        "Sau dấu hai chấm phải có một dấu cách (nếu không, cả dòng bị đọc thành một tên mục). Sửa dòng {line} thành: `{fixed}`{indent_note}.",
    ),
    "yaml-syntax/value-next-line": Message(
        "Sai cú pháp YAML: giá trị của `{key}` nằm ở dòng riêng mà không thụt lề.",
        "Viết giá trị cùng dòng với tên mục. Sửa dòng {key_line} thành: `{fixed}` (nội dung "
        "được chuyển lên từ dòng {line}, dòng {line} khi đó để trống); nếu nội dung dài, viết "
        "`{key}: |` rồi thụt lề các dòng nội dung thêm 2 dấu cách.",
    ),
    "yaml-syntax/stray-line": Message(
        "Sai cú pháp YAML: dòng này không có dạng `ten_muc: giá trị`.",
        "Mỗi dòng có dạng `ten_muc: giá trị`. Nếu dòng {line} là phần tiếp theo của nội dung "
        "phía trên, thụt lề nó thêm 2 dấu cách (thẳng cột với các dòng nội dung trên nó); nếu "
        "là ghi chú riêng, đặt dấu `# ` ở đầu dòng (chữ được giữ lại làm chú thích).",
    ),
    "yaml-syntax/group-key-left": Message(
        "Sai cú pháp YAML: mục đầu tiên của nhóm `{group}` không thụt lề.",
        "Các mục con của `{group}` phải thụt lề như dòng {next}. Sửa dòng {line} thành: `{fixed}`.",
    ),
    "yaml-syntax/indent": Message(
        "Sai cú pháp YAML: thụt lề không thẳng hàng.",
        "Dòng {line} thụt {spaces} dấu cách nhưng các mục cùng nhóm thụt {expected} dấu cách (như dòng {sibling}): các mục cùng nhóm phải thẳng cột. Sửa dòng {line} thành: `{fixed}`.",
    ),
    "yaml-syntax/colon-in-value": Message(
        "Sai cú pháp YAML: nội dung có dấu hai chấm mà chưa đặt trong dấu ngoặc kép.",
        "Đặt cả nội dung trong dấu ngoặc kép. Sửa dòng {line} thành: `{fixed}`{indent_note}.",
    ),
    "yaml-syntax/curly-colon": Message(
        "Sai cú pháp YAML: nội dung có dấu hai chấm, đặt trong dấu ngoặc cong “ ” thay vì dấu ngoặc kép thẳng.",
        'Dấu ngoặc cong “ ” (do Word hay điện thoại tự đổi) không phải dấu ngoặc kép của YAML: thay bằng dấu ngoặc kép thẳng `"`. Sửa dòng {line} thành: `{fixed}`{indent_note}.',
    ),
    # chosen by generator/check/yamlstray.py: `ho_ten: "Đỗ "Ba" Thành"`, `chuc_vu: [a] b`
    "yaml-syntax/text-after-quote": Message(
        "Sai cú pháp YAML: giá trị bắt đầu bằng {opener} nên YAML đọc nó là nội dung trong "
        "ngoặc, kết thúc ngay ở dấu `{closer}` tiếp theo; phần chữ sau đó (`{stray}`) nằm "
        "ngoài giá trị.",
        "Đặt cả nội dung trong một cặp dấu ngoặc{why}. Sửa dòng {line} thành: "
        "`{fixed}`{indent_note}.",
    ),
    "yaml-syntax/text-after-bracket": Message(
        "Sai cú pháp YAML: giá trị bắt đầu bằng {opener} nên YAML đọc nó là {what} viết trên "
        "một dòng, kết thúc ở dấu `{closer}`; phần chữ sau đó (`{stray}`) nằm ngoài giá trị.",
        "Nếu dấu ngoặc là chữ của nội dung, đặt cả nội dung trong dấu ngoặc kép{why}. Sửa "
        "dòng {line} thành: `{fixed}`{indent_note}.",
    ),
    "yaml-syntax/colon": Message(
        "Sai cú pháp YAML: có dấu hai chấm ':' ở chỗ không được phép.",
        'Nếu nội dung có dấu hai chấm, đặt cả nội dung trong dấu ngoặc kép, ví dụ: `uu_diem: "Kết quả: hoàn thành tốt"`, hoặc viết nội dung dạng khối sau `|`.',
    ),
    # `  - : Chi bộ Ấp 3`, `: giá trị` (generator/check/yamlemptykey.py), at the colon
    "yaml-syntax/empty-key": Message(
        "Sai cú pháp YAML: mục ở dòng này chưa có tên (trước dấu hai chấm chưa viết tên "
        "mục){where}.",
        "Viết tên mục trước dấu hai chấm như trong mẫu (`kiemdiem new`), dạng `ten_muc: "
        "giá trị`; nội dung sau dấu hai chấm giữ nguyên.",
        hints={
            "allowed": "Viết tên mục trước dấu hai chấm như trong mẫu, là một trong các mục "
            "được phép ở chỗ này: {allowed}; nội dung sau dấu hai chấm giữ nguyên.",
        },
    ),
    "yaml-syntax/missing-colon": Message(
        "Sai cú pháp YAML: thiếu dấu hai chấm ':' sau tên mục (hoặc thiếu dấu cách sau dấu hai chấm).",
        "Mỗi dòng có dạng `ten_muc: giá trị` — sau dấu hai chấm phải có một dấu cách.",
    ),
    "yaml-syntax/indent-generic": Message(
        "Sai cú pháp YAML: thụt lề không thẳng hàng.",
        "Các mục cùng cấp phải bắt đầu ở cùng một cột; các mục con thụt thêm 2 dấu cách.",
    ),
    "yaml-syntax/dash": Message(
        "Sai cú pháp YAML: các phần tử danh sách không thẳng hàng.",
        "Mỗi phần tử bắt đầu bằng '- ' ở cùng một cột.",
    ),
    "yaml-syntax/eof-quote": Message(
        "Sai cú pháp YAML: thiếu dấu ngoặc kép đóng.",
        'Kiểm tra mỗi dấu ngoặc kép mở `"` đều có dấu đóng ở cuối nội dung.',
    ),
    "yaml-syntax/bad-start": Message(
        "Sai cú pháp YAML: có ký tự không được đứng đầu giá trị (ví dụ @, ` hay %).",
        "Đặt cả giá trị trong dấu ngoặc kép.",
    ),
    "yaml-syntax/block-end": Message(
        "Sai cú pháp YAML: thụt lề không thẳng hàng.",
        "Các mục cùng cấp phải bắt đầu ở cùng một cột; kiểm tra dòng này và dòng phía trên.",
    ),
    "yaml-syntax/alias": Message(
        "Sai cú pháp YAML: có dấu '*' ở đầu giá trị.",
        "Đặt cả giá trị trong dấu ngoặc kép.",
    ),
    "yaml-syntax/quote": Message(
        "Sai cú pháp YAML: dấu ngoặc kép không khớp.",
        "Kiểm tra dấu ngoặc kép mở và đóng; trong văn bản dùng ngoặc đơn ' hoặc viết dạng khối `|`.",
    ),
    "yaml-syntax/dash-inline": Message(
        "Sai cú pháp YAML: dấu '- ' (đầu một phần tử danh sách) đứng ngay sau `{key}:` trên "
        "cùng một dòng.",
        "Nếu `{key}` chỉ có một nội dung, viết nó ngay sau dấu hai chấm, không có dấu '- ': sửa dòng {line} thành `{single}`. Nếu "
        "là danh sách, để `{opener}` một mình trên dòng {line} rồi viết mỗi phần tử trên một "
        "dòng riêng bên dưới, thụt lề thêm 2 dấu cách: `{item}`. Nếu dấu '-' là chữ của nội "
        "dung, đặt cả nội dung trong dấu ngoặc kép: `{quoted}`.",
    ),
    "yaml-syntax/dash-misplaced": Message(
        "Sai cú pháp YAML: có dấu '- ' (đầu một phần tử danh sách) ở chỗ không được phép.",
        "Danh sách bắt đầu ở dòng sau tên mục: `ten_muc:` một mình trên một dòng, rồi mỗi phần "
        "tử một dòng, thụt lề thêm 2 dấu cách và bắt đầu bằng '- '. Nếu dấu '-' là chữ của "
        "nội dung, đặt cả nội dung trong dấu ngoặc kép.",
    ),
    "yaml-syntax/question": Message(
        "Sai cú pháp YAML: có dấu '? ' ở chỗ không được phép (YAML đọc nó là dấu bắt đầu một "
        "tên mục).",
        "Nếu dấu '?' là chữ của nội dung, đặt cả nội dung trong dấu ngoặc kép, ví dụ "
        '`ghi_chu: "? Cần hỏi lại"`.',
    ),
    "yaml-syntax/anchor": Message(
        "Sai cú pháp YAML: có dấu '&' hoặc '*' ở đầu giá trị (YAML đọc nó là neo hay bí danh).",
        'Đặt cả giá trị trong dấu ngoặc kép, ví dụ `ghi_chu: "& các đồng chí khác"`.',
    ),
    "yaml-syntax/escape": Message(
        "Sai cú pháp YAML: trong dấu ngoặc kép có dấu gạch chéo ngược '\\' đi với một ký tự "
        "không hợp lệ.",
        "Trong dấu ngoặc kép, mỗi dấu '\\' phải viết thành hai dấu '\\\\'; hoặc dùng dấu "
        "ngoặc đơn ' thay cho dấu ngoặc kép (trong ngoặc đơn, '\\' được giữ nguyên).",
    ),
    "yaml-syntax/control": Message(
        "Sai cú pháp YAML: tệp có ký tự điều khiển không nhìn thấy được ({char}) ở chỗ này.",
        "Xóa ký tự đó (thường do chép từ Word hay trang web vào); chữ còn lại giữ nguyên. "
        "Nếu trình soạn thảo không hiện nó, xóa rồi gõ lại các chữ quanh chỗ này.",
    ),
    "yaml-syntax/block-scalar": Message(
        "Sai cú pháp YAML: sau dấu '|' hoặc '>' không được viết nội dung trên cùng dòng.",
        "Để `ten_muc: |` một mình trên dòng, rồi viết nội dung ở các dòng dưới, thụt lề thêm "
        "2 dấu cách. Nếu nội dung bắt đầu bằng '|' hoặc '>', đặt cả nội dung trong dấu ngoặc "
        "kép.",
    ),
    "yaml-syntax/flow": Message(
        "Sai cú pháp YAML: có dấu ngoặc vuông '[' (hoặc dấu ngoặc nhọn) mở mà không được đóng "
        "đúng chỗ.",
        "Nếu nội dung bắt đầu bằng dấu ngoặc vuông hay ngoặc nhọn, đặt cả nội dung trong dấu "
        'ngoặc kép, ví dụ `ghi_chu: "[Đã bổ sung] ..."`; nếu là danh sách, viết mỗi phần tử '
        "trên một dòng riêng, thụt lề 2 dấu cách và bắt đầu bằng '- '.",
    ),
    "yaml-syntax/tag": Message(
        "Sai cú pháp YAML: có dấu '!' ở đầu giá trị (YAML đọc nó là thẻ kiểu).",
        'Đặt cả giá trị trong dấu ngoặc kép, ví dụ `ghi_chu: "!Quan trọng"`.',
    ),
    "yaml-syntax/node-content": Message(
        "Sai cú pháp YAML: thiếu giá trị ở chỗ này (có dấu ',' hay dấu đóng ngoặc ở chỗ cần "
        "nội dung).",
        "Nếu các dấu đó là chữ của nội dung, đặt cả nội dung trong dấu ngoặc kép.",
    ),
    "yaml-syntax/tab": Message(
        "Sai cú pháp YAML: có ký tự Tab ở chỗ cần thụt lề bằng dấu cách.",
        "Thay mỗi Tab ở đầu dòng bằng dấu cách (thường là 2 dấu cách cho mỗi cấp).",
    ),
    "yaml-syntax/directive": Message(
        "Sai cú pháp YAML: dòng bắt đầu bằng dấu '%' (YAML đọc nó là chỉ thị).",
        "Nếu dòng này là nội dung, thụt lề nó như các dòng nội dung khác, hoặc đặt cả nội dung "
        'trong dấu ngoặc kép, ví dụ `ty_le: "%50 hoàn thành"`.',
    ),
    "yaml-syntax/document": Message(
        "Sai cú pháp YAML: có dòng '---' hay '...' (dấu phân cách tài liệu) ở chỗ không được phép.",
        "Mỗi tệp chỉ chứa một bản kiểm điểm: nếu dòng đó là nội dung, thụt lề nó như các dòng "
        "nội dung khác hoặc đặt trong dấu ngoặc kép.",
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
CATALOG |= BRACKET_CATALOG  # `chuc_vu: [Giáo viên` (generator/check/yamlbracket.py)
CATALOG |= CUT_CATALOG  # `chuc_vu: Phó Bí thư #2` (generator/check/cuthint.py)
CATALOG |= LINES_CATALOG  # `ho_ten Nguyễn Văn Bình` (generator/check/yamlcolon.py)

# words generator/check/yamlrepair.py puts into the parameters above
ODD_SPACES_VI = {
    "\u00a0": "không ngắt (non-breaking space, thường do Word hay trang web chèn vào)",
    "\u202f": "không ngắt hẹp (narrow no-break space, thường do Word chèn vào)",
}
INDENT_NOTE_VI = " (giữ nguyên {n} dấu cách đầu dòng, thẳng cột với các mục cùng nhóm)"
# words generator/check/yamlstray.py puts into yaml-syntax/text-after-*
STRAY_OPENER_VI = {
    '"': 'dấu ngoặc kép `"`',
    "'": "dấu nháy đơn `'`",
    "[": "dấu ngoặc vuông `[`",
    "{": "dấu ngoặc nhọn `{`",
}
STRAY_KIND_VI = {"[": "một danh sách", "{": "một nhóm mục"}
STRAY_WHY_VI = {
    "single": " (dấu nháy đơn `'` ở hai đầu giữ nguyên các dấu ngoặc kép bên trong)",
    "escaped": ' (mỗi dấu ngoặc kép `"` bên trong viết thành `\\"`)',
    "": "",
}

# words generator/check/filenames.py puts into the layout entries' `{what}` and `{where}`
FILE_WHAT_VI = {
    "year": "Tệp năm đánh giá",
    "org": "Tệp `{name}` của tổ chức",
    "member": "Bản kiểm điểm của đảng viên `{member}`",
}
SLOT_VI = {"year": "<năm>", "org": "<tổ chức>", "chi_bo": "<chi bộ>"}
