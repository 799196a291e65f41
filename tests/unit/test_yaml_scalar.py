"""`yaml_scalar` (generator/check/yamltext.py), how `kiemdiem new` and the hints write a
value after `key: `: every string reads back as exactly itself, by the project's loader
and by PyYAML, however it looks (a trailing `:`, ` #`, an indicator first, a word or
number a reader resolves, spaces at either end). The editor's writer is held to the
same strings in tests/unit/test_editor_yaml.py."""

from __future__ import annotations

import yaml

from generator.check.yamltext import yaml_scalar
from generator.submissions.yamlload import loads
from tests.unit.trickytext import tricky


def test_every_tricky_string_reads_back_as_itself() -> None:
    texts = tricky()
    assert len(texts) > 300
    wrong = []
    for text in texts:
        line = f"chuc_vu: {yaml_scalar(text)}\n"
        loaded = loads(line.encode("utf-8"))
        fatal = [p.code for p in loaded.problems if p.fatal]
        mine = loaded.document.data.get("chuc_vu") if loaded.document else None
        try:
            theirs = yaml.safe_load(line)["chuc_vu"]
        except yaml.YAMLError as error:
            theirs = error
        if fatal or mine != text or theirs != text:
            wrong.append((text, line, fatal, mine, theirs))
    assert not wrong, "\n".join(map(repr, wrong))


def test_a_trailing_colon_is_quoted_and_a_plain_name_is_not() -> None:
    assert yaml_scalar("Chi hội trưởng:") == '"Chi hội trưởng:"'
    assert yaml_scalar("Nguyễn Văn An") == "Nguyễn Văn An"
    assert yaml_scalar("dòng một\ndòng hai") == '"dòng một\\ndòng hai"'
    assert yaml_scalar("phân\u2028cách") == '"phân\\u2028cách"'
    # a tab at a line's start is never written raw: a `|` block holding it is refused
    assert yaml_scalar("lối sống:\n\tGiữ gìn") == '"lối sống:\\n\\tGiữ gìn"'
