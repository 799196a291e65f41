"""A finding's message and hint on a site page: escaped, its `quoted` pieces set as code
(generator.site.text.code_spans), never markup from the text itself."""

from __future__ import annotations

from generator.site.text import code_spans


def test_quoted_pieces_become_code_and_everything_is_escaped() -> None:
    text = 'Sửa dòng 5 thành: `ngay_sinh: "1961-10-17"`. Viết `<b>x</b>` & `a`'
    assert code_spans(text) == (
        "Sửa dòng 5 thành: <code>ngay_sinh: &quot;1961-10-17&quot;</code>. "
        "Viết <code>&lt;b&gt;x&lt;/b&gt;</code> &amp; <code>a</code>"
    )


def test_a_lone_backtick_or_a_span_across_lines_stays_text() -> None:
    assert code_spans("dấu ` lẻ") == "dấu ` lẻ"
    assert code_spans("`a\nb`") == "`a\nb`"
    assert code_spans("``") == "``"


def test_invisible_and_control_characters_as_on_every_page() -> None:
    assert code_spans("`a\u202eb`\x07") == "<code>a⟦U+202E⟧b</code>"
