"""`rollup --export` never writes a statistics file the province's `rollup` refuses.

A repository's `check` judges its files by its own schema/ folder, which may be older
than this program's statistics schema (schema/thong-ke.schema.json, the program's copy,
generator/statistics/exchange.py): an organization name with a tab, or 5,600 characters
long, passed such a check and was exported, and the province's `rollup` refused the file
with a hint (export again) that only wrote the same file. So the export is read back as
the province reads it (`exchange.export_problems`) before it is written, and each problem
of an organization's value is told at the line of that value in its to-chuc.yaml.
"""

from __future__ import annotations

from pathlib import Path

from generator.findings import Finding, Position, make
from generator.statistics import YearStatistics
from generator.statistics.exchange import export_problems
from generator.submissions.yamlload import loads

# an exchange organization's field -> its key in to-chuc.yaml, and its name and rule
FIELDS = {
    "ten": ("ten", "tên", "một dòng, không có ký tự điều khiển như tab, tối đa 300 ký tự"),
    "ma": ("ma_to_chuc", "mã", "tối đa 100 ký tự, cùng tên thư mục của tổ chức"),
}


def refused(
    text: str, stats: YearStatistics, org_files: dict[int, dict[str, str]], repo: Path
) -> list[Finding]:
    """What the province would refuse in the export `text` of `stats`, each problem of an
    organization's name or id at its to-chuc.yaml line (`org_files`: year -> id -> path
    of the loaded organization files); none when the file may be written."""
    return [_at_org_file(f, stats, org_files, repo) for f in export_problems(text)]


def _at_org_file(
    f: Finding, stats: YearStatistics, org_files: dict[int, dict[str, str]], repo: Path
) -> Finding:
    parts = str(f.extra.get("pointer", "")).strip("/").split("/")
    year: YearStatistics | None = stats
    if parts[0] == "nam_truoc":
        year, parts = stats.previous, parts[1:]
    if year is not None and len(parts) == 3 and parts[0] == "to_chuc" and parts[1].isdigit():
        index, field = int(parts[1]), parts[2]
        org = year.orgs[index] if index < len(year.orgs) else None
        path = org_files.get(year.year, {}).get(org.org_id) if org else None
        if org is not None and path is not None and field in FIELDS:
            key, name, allowed = FIELDS[field]
            return make(
                "rollup-export-refused", path, _value_pos(repo / path, key), year=year.year,
                field=name, org_id=org.org_id, detail=f.message, allowed=allowed,
            )  # fmt: skip
    return make("rollup-export-refused", "-", Position(1), variant="other",
                year=stats.year, detail=f.message)  # fmt: skip


def _value_pos(path: Path, key: str) -> Position:
    """Where `key`'s value is in the YAML file at `path` (line 1 when it cannot tell)."""
    try:
        document = loads(path.read_bytes()).document
    except OSError:
        return Position(1)
    return document.value_pos((key,)) if document is not None else Position(1)
