"""Render one rated year into the Markdown pages of its site (a MkDocs docs folder).

    render_year(view, templates, docs_dir) -> RenderResult

Templates (site_templates/pages/*.j2) run with Jinja autoescaping on, so every value a
template prints is HTML-escaped unless it is `Markup` made here; the templates put all
submitted text inside raw HTML blocks, where Python-Markdown does not look (see
`generator.site.text`). The renderer only writes into `docs_dir`; it never touches
submissions/.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.site import charts
from generator.site.hooks import fragments_file
from generator.site.text import (
    esc,
    fold,
    number_vi,
    paragraphs,
    percent_vi,
    safe_title,
    signed_vi,
    strip_controls,
    yaml_string,
)
from generator.site.views import LEVELS_DESC, YearView, date_vi, page_path_org
from generator.statistics import NOT_RATED, export
from generator.submissions.records import CriterionLevel, Level

PAGES = "pages"
ASSETS = "assets"

LEVEL_CSS = {
    Level.HTXSNV: "kd-l4",
    Level.HTTNV: "kd-l3",
    Level.HTNV: "kd-l2",
    Level.KHTNV: "kd-l1",
}


@dataclass
class RenderResult:
    docs_dir: Path
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0

    @property
    def pages(self) -> int:
        return sum(1 for p in self.written if p.suffix == ".md") + self.unchanged


def level_badge(level: Level | None, provisional: bool = False) -> Markup:
    if level is None:
        return Markup('<span class="kd-badge kd-none">—</span>')
    extra = " kd-prov" if provisional else ""
    title = level.label_vi + (" (dự kiến)" if provisional else "")
    return Markup(
        f'<span class="kd-badge {LEVEL_CSS[level]}{extra}" title="{esc(title)}">'
        f"{level.code}{'*' if provisional else ''}</span>"
    )


def criterion_label(value: CriterionLevel | None) -> str:
    return value.label_vi if value is not None else ""


def environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates / PAGES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        # control characters never reach a page (they include Markdown's placeholders)
        finalize=lambda v: strip_controls(v) if type(v) is str else v,
    )
    env.filters.update(
        date=date_vi,
        para=lambda v: Markup(paragraphs(v)),
        fold=fold,
        title=safe_title,
        # front matter: `title` already removed every markup character
        yaml=lambda v: Markup(yaml_string(safe_title(str(v)))),
        level=level_badge,
        criterion=criterion_label,
        num=number_vi,  # 17.0 -> "17", 17.5 -> "17,5"
        pct=percent_vi,  # a share 0..1 -> "10,3%"
        signed=signed_vi,  # a change in points -> "+2,6"
    )
    env.globals.update(
        LEVELS=LEVELS_DESC,
        Level=Level,
        charts=charts,
        NOT_RATED=NOT_RATED,
    )
    return env


class _Writer:
    """Writes a file only when its content changed (keeps `mkdocs serve` calm)."""

    def __init__(self, docs_dir: Path) -> None:
        self.result = RenderResult(docs_dir)
        self.keep: set[Path] = set()

    def write(self, rel: str, content: str | bytes) -> None:
        path = self.result.docs_dir / rel
        self.keep.add(path)
        data = content.encode("utf-8") if isinstance(content, str) else content
        if path.is_file() and path.read_bytes() == data:
            self.result.unchanged += 1
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.result.written.append(path)

    def write_outside(self, path: Path, content: str) -> None:
        """A file beside docs_dir (not published as is), e.g. the member fragments."""
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text("utf-8") != content:
            path.write_text(content, "utf-8")

    def remove_stale(self) -> None:
        """Delete pages of a previous render that no longer exist (a removed member)."""
        for path in sorted(self.result.docs_dir.rglob("*"), reverse=True):
            if path.is_file() and path not in self.keep:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()


def render_year(view: YearView, templates: Path, docs_dir: Path) -> RenderResult:
    """Write every page of `view`'s year into `docs_dir` (created if missing)."""
    env = environment(templates)
    docs_dir.mkdir(parents=True, exist_ok=True)
    out = _Writer(docs_dir)

    def page(template: str, rel: str, to_root: str, **ctx: object) -> None:
        out.write(rel, env.get_template(template).render(v=view, to_root=to_root, **ctx))

    page("home.md.j2", "index.md", "")
    page("tree.md.j2", "to-chuc/index.md", "../")
    org_template = env.get_template("org.md.j2")
    member_macros = env.get_template("_member.j2").module
    member_body = member_macros.body  # type: ignore[attr-defined]
    member_table = member_macros.table  # type: ignore[attr-defined]
    for node in view.tree():
        org = node.org
        out.write(page_path_org(org.id), org_template.render(v=view, to_root="../../", org=org))
        if org.type.holds_members:
            bodies = {
                m.id: str(member_body(view, m, view.member_verdict(m.id), org))
                for m in view.members_of(org.id)
            }
            bodies["@dang-vien"] = str(member_table(view, org))
            out.write_outside(
                fragments_file(docs_dir, org.id), json.dumps(bodies, ensure_ascii=False)
            )
    page("stats.md.j2", "thong-ke/index.md", "../")
    page("problems.md.j2", "van-de/index.md", "../")
    page("rules.md.j2", "quy-tac/index.md", "../")
    page("guide.md.j2", "huong-dan/index.md", "../")
    for name, data in statistics_downloads(view).items():
        out.write(f"thong-ke/{name}", data)
    for asset in sorted((templates / ASSETS).iterdir()):
        if asset.is_file():
            out.write(f"assets/{asset.name}", asset.read_bytes())
    out.remove_stale()
    return out.result


# ---------------------------------------------------------------------- downloads


def statistics_downloads(view: YearView) -> dict[str, bytes]:
    """The statistics as CSV, JSON and XLSX files for the statistics page: the same
    writers and the same numbers as `kiemdiem stats` (generator.statistics.export).
    The CSV starts with a byte order mark so that Excel reads its Vietnamese as UTF-8."""
    stats = view.stats
    if stats is None:
        return {}
    name = f"thong-ke-{stats.year}"
    with tempfile.TemporaryDirectory() as tmp:
        xlsx = Path(tmp) / f"{name}.xlsx"
        export.write_xlsx(stats, xlsx)
        xlsx_bytes = xlsx.read_bytes()
    return {
        f"{name}.csv": ("\ufeff" + export.to_csv(stats)).encode("utf-8"),
        f"{name}.json": export.to_json(stats).encode("utf-8"),
        f"{name}.xlsx": xlsx_bytes,
    }
