"""Catalog: lines a person wrote without YAML's marks — a key without its colon, a text
over several lines without `|` (generator/check/yamlcolon.py, yamlblock.py) — part of the
reading-files catalog in generator/messages/load.py."""

from __future__ import annotations

from generator.messages.base import Message

# a value with quotes, `#` or colons, written so that no word is lost (a block keeps every
# character as written); also schema-unknown-key's `colon` hint (messages/schema.py)
BLOCK_VI = (
    " Nội dung có dấu ngoặc kép, dấu `#` hay dấu hai chấm thì viết dạng khối cho khỏi mất "
    "chữ: ở dòng này chỉ để `{key}: |`, rồi viết mọi chữ của nội dung ở dòng ngay dưới, "
    "thụt lề hơn tên mục 2 dấu cách."
)
CATALOG: dict[str, Message] = {
    # `ho_ten Nguyễn Văn Bình`, `kiem_diem` alone, `ho_ten：Bình`; at the missing colon
    "yaml-syntax/missing-colon-key": Message(
        "Sai cú pháp YAML: thiếu dấu hai chấm sau tên mục `{key}`, nên cả dòng bị đọc là một "
        "dòng chữ không thuộc mục nào.",
        "Thêm dấu hai chấm và một dấu cách (`: `) ngay sau tên mục; nội dung giữ nguyên. Sửa "
        "dòng {line} thành: `{fixed}`{indent_note}.",
        hints={
            "odd": "Dấu `{odd}` (dấu hai chấm của bộ gõ tiếng Việt hay tiếng Trung) không phải "
            "dấu hai chấm của YAML: gõ dấu hai chấm thường và một dấu cách (`: `) ngay sau tên "
            "mục; nội dung giữ nguyên. Sửa dòng {line} thành: `{fixed}`{indent_note}.",
            # no line reads back as every word written (yamltext.reads_back): none is
            # offered, a wrong one would lose words
            "noline": "Thêm dấu hai chấm và một dấu cách (`: `) ngay sau tên mục `{key}` ở "
            "dòng {line}{indent_note}; nội dung giữ nguyên." + BLOCK_VI,
            "odd-noline": "Dấu `{odd}` (dấu hai chấm của bộ gõ tiếng Việt hay tiếng Trung) "
            "không phải dấu hai chấm của YAML: gõ dấu hai chấm thường và một dấu cách (`: `) "
            "ngay sau tên mục `{key}` ở dòng {line}{indent_note}; nội dung giữ nguyên." + BLOCK_VI,
        },
    ),
}
CATALOG |= {
    # `  uu_diem:` then `  -Chấp hành tốt.`, `  -Gương mẫu.` (generator/check/yamlblock.py),
    # at the key's colon, where ` |` goes; {block}: the corrected lines, one a line
    "yaml-syntax/text-block": Message(
        "Sai cú pháp YAML: nội dung của `{key}` viết trên nhiều dòng (dòng {first} đến "
        "{last}) nhưng chưa ở dạng khối `|`, nên các dòng sau dòng đầu không thuộc mục nào.",
        "Nội dung nhiều dòng viết dạng khối: thêm ` |` sau `{key}:`, rồi viết mọi dòng nội "
        "dung bên dưới, thụt lề nhiều hơn tên mục 2 dấu cách; chữ giữ nguyên. Sửa dòng "
        "{first} đến dòng {last} thành (giữ đúng số dấu cách đầu dòng như dưới đây):\n{block}",
    ),
}
