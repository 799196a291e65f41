"""What CI publishes (issue 14 with issue 11's scale): the forge's Pages and artifacts are
readable by everyone who may read the repository, so the build they run must make the
organization's site only — never the committees' and chi bộ's sites, which carry health,
discipline and review text for their own readers (README "Deployment: one site per
audience"). Each forge file's build command is run as written on the sample."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.site.audiences import audience_roots
from tests.conftest import ROOT, copy_sample

# what actions/configure-pages answers for a project's site (its `base_url` output)
PAGES_URL = "https://ban-to-chuc.github.io/kiem-diem/"


def _build_command(name: str) -> list[str]:
    """The build command as the shell of the forge's runner would run it: site.yml's step
    environment (the Pages address, from actions/configure-pages) substituted."""
    env: dict[str, str] = {}
    if name == "site.yml":
        workflow = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text("utf-8"))
        steps = workflow["jobs"]["build"]["steps"]
        (step,) = [s for s in steps if s.get("run", "").startswith("kiemdiem build")]
        command = step["run"]
        pages = "${{ steps.pages.outputs.base_url || '/' }}"
        env = {k: PAGES_URL if v == pages else v for k, v in step.get("env", {}).items()}
    else:
        example = yaml.safe_load((ROOT / "generator/forge" / name).read_text("utf-8"))
        lines = list(example["kiemdiem-site"]["script"])
        (command,) = [line for line in lines if line.startswith("kiemdiem build")]
    return [re.sub(r"\$(\w+)", lambda m: env[m.group(1)], arg) for arg in shlex.split(command)]


def _run(argv: list[str], repo: Path) -> None:
    """The forge's `kiemdiem build …` command, run on `repo` from its folder."""
    done = subprocess.run(
        [sys.executable, "-m", "generator", "--repo", str(repo), *argv[1:]],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("name", ["site.yml", "gitlab-ci.example.yml"])
def test_ci_publishes_the_organizations_site_only(name: str, tmp_path: Path) -> None:
    argv = _build_command(name)
    assert argv[:2] == ["kiemdiem", "build"]
    repo = copy_sample(tmp_path / "repo", (2026,))
    _run(argv, repo)
    published = repo / "site"  # what both forges upload (site.yml's Pages artifact, GitLab's)
    assert (published / "2026" / "index.html").is_file()
    assert audience_roots(published) == []
    assert not (published / "cap-uy").exists() and not (published / "chi-bo").exists()


def test_pages_shows_the_sites_404_page_from_where_it_serves_the_site(tmp_path: Path) -> None:
    """GitHub Pages shows only the root's 404.html, and serves a project's site under
    /<repository>/: site.yml's build, given that address by actions/configure-pages, puts
    the newest year's 404 page at the root, every link of it under that address."""
    argv = _build_command("site.yml")
    repo = copy_sample(tmp_path / "repo", (2025, 2026))
    _run(argv, repo)
    page = (repo / "site" / "404.html").read_text("utf-8")
    links = set(re.findall(r'\s(?:href|src)="([^"#]+)"', page))
    assert len(links) > 5
    assert sorted(h for h in links if not h.startswith("/kiem-diem/2026/")) == []
    for href in links:
        assert (repo / "site" / href.removeprefix("/kiem-diem/")).exists(), href
