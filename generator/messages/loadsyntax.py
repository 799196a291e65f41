"""Catalog: YAML a file could not be read as (`yaml-syntax` and its variants), part of the
reading-files catalog in generator/messages/load.py.

A variant names the problem and, where it can, the corrected line: chosen by
generator/check/yamlrepair.py, yamlstray.py and yamlemptykey.py, else by PyYAML's problem
(generator/check/yamlgeneric.py). The word tables below are what those modules put into
the variants' parameters (`{space}`, `{indent_note}`, `{opener}`, `{what}`, `{why}`).
"""

from __future__ import annotations

from generator.messages.base import Message

CATALOG: dict[str, Message] = {
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
}

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
