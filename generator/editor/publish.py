"""Write the editor into a built year: `<site>/<year>/soan-thao/`.

What goes there:

- `index.html` and `kiemdiem-editor.js` / `.css` (from generator/editor/assets/): the page
  that picks the organization from its address, registers the project's YAML format and
  the Vietnamese strings, and starts the CMS; `kiemdiem-a11y.js` names the controls Decap
  renders without a name, the CSS raises its text contrast;
- `config.json`: the CMS settings (forge, repository, editorial workflow), the fields
  generated from schema/ (generator/editor/config.py: a member's own form without the
  committee's properties, the chi bộ's with them) and the year's organizations
  (folder, name, whether it holds member reviews) and the members each one lists;
- `vendor/`: Decap CMS and the `yaml` parser copied from node_modules/ (installed with
  `npm ci` from the committed package-lock.json): nothing is loaded from a CDN.

Only the open (newest) year gets an editor; a closed year gets none. Without node_modules
the page says how to install the editor instead of failing the build.

Settings (`extra.soan_thao` in mkdocs.yml; all optional):

    extra:
      soan_thao:
        forge: gitlab            # local (default: decap-server on this computer),
                                 # github, gitlab or forgejo
        kho: to-chuc/kiem-diem   # the repository on the forge
        nhanh: main              # the branch pull requests go to
        dia_chi: https://git.example.vn      # the forge (gitlab, forgejo; github: OAuth broker)
        api: https://git.example.vn/api/v4   # the forge's API, when not the default
        app_id: "…"              # OAuth application id (gitlab, forgejo: PKCE)
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from generator.editor.config import FORMAT, NUMBER_WIDGET, record_fields
from generator.rules.registry import ruleset_of
from generator.submissions.year import Year

EDITOR_DIR = "soan-thao"
NODE_MODULES = "node_modules"
# what is copied from node_modules (package -> files/folders inside it)
VENDOR = {
    "decap-cms": "dist",
    "yaml": "browser/dist",
}
ASSETS = (
    "index.html",
    "kiemdiem-editor.js",
    "kiemdiem-yaml.js",
    "kiemdiem-editor.css",
    "vi.js",
    "kiemdiem-a11y.js",
)
FORGES = ("local", "github", "gitlab", "forgejo")
LOCAL_PROXY = "http://127.0.0.1:8081/api/v1"
MEMBER_HOLDERS = {"chi_bo_co_so", "chi_bo_truc_thuoc"}  # when the type does not say

NOT_INSTALLED = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow">
<title>Soạn bản kiểm điểm</title></head>
<body><h1>Trình soạn thảo chưa được cài đặt</h1>
<p>Trang web này được dựng khi chưa cài các gói của trình soạn thảo. Người quản trị chạy
<code>npm ci</code> trong thư mục của kho rồi dựng lại trang (<code>kiemdiem build</code>).</p>
<p>Trong lúc chờ, có thể sửa trực tiếp tệp bản kiểm điểm trong kho: xem trang
<a href="{{GUIDE}}">Hướng dẫn</a>.</p></body></html>
"""


def _filled(text: str, links: dict[str, str]) -> str:
    for mark, href in links.items():
        text = text.replace(mark, href)
    return text


@dataclass(frozen=True)
class Published:
    path: Path
    installed: bool  # False: node_modules was missing, the page says how to install


def settings(project: Path) -> dict[str, Any]:
    """`extra.soan_thao` of mkdocs.yml (empty when absent or unreadable)."""
    try:
        data = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}
    found = (data.get("extra") or {}).get("soan_thao") or {}
    return dict(found) if isinstance(found, dict) else {}


def backend(options: dict[str, Any]) -> dict[str, Any]:
    """Decap's `backend` for the configured forge (editorial workflow: one PR per entry)."""
    forge = str(options.get("forge", "local"))
    if forge not in FORGES:
        raise ValueError(f"extra.soan_thao.forge must be one of {', '.join(FORGES)}: {forge}")
    branch = str(options.get("nhanh", "main"))
    if forge == "local":
        return {"name": "proxy", "proxy_url": LOCAL_PROXY, "branch": branch}
    out: dict[str, Any] = {"name": forge, "repo": str(options.get("kho", "")), "branch": branch}
    if forge in ("gitlab", "forgejo"):
        out["auth_type"] = "pkce"
    for key, target in (("dia_chi", "base_url"), ("api", "api_root"), ("app_id", "app_id")):
        if options.get(key):
            out[target] = str(options[key])
    return out


def page_data(year: Year, schema_dir: Path, options: dict[str, Any]) -> dict[str, Any]:
    """Everything the editor page needs, as JSON-able data."""
    ruleset = ruleset_of(year)
    orgs = sorted(year.orgs.values(), key=lambda o: o.folder)
    return {
        "year": year.year,
        "ruleset": ruleset,
        "format": FORMAT,
        "number_widget": NUMBER_WIDGET,
        "cms": {
            "backend": backend(options),
            "publish_mode": "editorial_workflow",
            "locale": "vi",
            "load_config_file": False,
            "media_folder": f"submissions/{year.year}/tep-dinh-kem",  # no upload field; the check refuses files there
            "show_preview_links": False,
            "search": False,
        },
        "fields": {
            # the chi bộ's form (`?to-chuc=`: the committee's facts too, marked as theirs)
            # and the member's own (`?dang-vien=`: without them; generator/editor/config.py)
            "member": record_fields(schema_dir, "member", ruleset, year.year),
            "member_own": record_fields(schema_dir, "member", ruleset, year.year, own=True),
            "org": record_fields(schema_dir, "org", ruleset, year.year),
        },
        "orgs": [
            {
                "id": o.id,
                "name": o.name,
                "path": f"submissions/{year.year}/{o.folder}",
                "members": _holds_members(o.type),
                "depth": o.folder.count("/"),
            }
            for o in orgs
        ],
        "members_by_org": _members_by_org(year),
    }


def _holds_members(org_type: Any) -> bool:
    holds = getattr(org_type, "holds_members", None)
    return bool(holds) if holds is not None else str(org_type.value) in MEMBER_HOLDERS


def _members_by_org(year: Year) -> dict[str, list[str]]:
    """The members each organization lists, in the year's order of organizations (the
    page takes a member's organization as the first one listing it). By organization, not
    by member: 100,000 members' `"id": "org"` pairs were 6.3 MB of the page's data, and
    making and writing them ~0.4 s of every build of a province."""
    members = year.members
    out: dict[str, list[str]] = {}
    for org in year.orgs.values():
        listed = [m for m in org.member_ids if m in members]
        if listed:
            out[org.id] = listed
    return out


def _vendor(project: Path, target: Path) -> bool:
    modules = project / NODE_MODULES
    for package, inside in VENDOR.items():
        source = modules / package / inside
        if not source.is_dir():
            return False
        shutil.copytree(
            source,
            target / package,
            ignore=shutil.ignore_patterns("*.map", "cms.js", "[0-9]*.cms.js", "*.d.ts"),
            dirs_exist_ok=True,
        )
    return True


def publish_editor(
    year: Year, project: Path, site_dir: Path, *, open_year: bool, offline: bool = False
) -> Published:
    """Write the editor of `year` into `<site_dir>/soan-thao/` (only for the open year);
    `offline`: its links to the year's pages name their files (from disk a folder opens
    as a listing), as the rest of an offline site's do."""
    target = site_dir / EDITOR_DIR
    if target.exists():
        shutil.rmtree(target)
    if not open_year:
        return Published(target, installed=False)
    target.mkdir(parents=True)
    links = {
        "{{GUIDE}}": "../huong-dan/index.html" if offline else "../huong-dan/",
        "{{YEAR_PAGE}}": "../index.html" if offline else "../",
    }
    if not _vendor(project, target / "vendor"):
        (target / "index.html").write_text(_filled(NOT_INSTALLED, links), "utf-8")
        return Published(target, installed=False)
    assets = resources.files("generator.editor") / "assets"
    for name in ASSETS:
        text = _filled((assets / name).read_text("utf-8"), links)
        (target / name).write_text(text.replace("{{YEAR}}", str(year.year)), "utf-8")
    data = page_data(year, year.repo / "schema", settings(project))
    (target / "config.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return Published(target, installed=True)
