"""What CI publishes (issue 14 with issue 11's scale): the forge's Pages and artifacts are
readable by everyone who may read the repository, so the build they run must make the
organization's site only — never the committees' and chi bộ's sites, which carry health,
discipline and review text for their own readers (README "Deployment: one site per
audience"). Each forge file's build command is run as written on the sample."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.site.audiences import audience_roots
from tests.conftest import ROOT, copy_sample


def _build_command(name: str) -> list[str]:
    if name == "site.yml":
        workflow = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text("utf-8"))
        lines = [s.get("run", "") for s in workflow["jobs"]["build"]["steps"]]
    else:
        example = yaml.safe_load((ROOT / "generator/forge" / name).read_text("utf-8"))
        lines = list(example["kiemdiem-site"]["script"])
    (command,) = [line for line in lines if line.startswith("kiemdiem build")]
    return shlex.split(command)


@pytest.mark.parametrize("name", ["site.yml", "gitlab-ci.example.yml"])
def test_ci_publishes_the_organizations_site_only(name: str, tmp_path: Path) -> None:
    argv = _build_command(name)
    assert argv[:2] == ["kiemdiem", "build"]
    repo = copy_sample(tmp_path / "repo", (2026,))
    done = subprocess.run(
        [sys.executable, "-m", "generator", "--repo", str(repo), *argv[1:]],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    published = repo / "site"  # what both forges upload (site.yml's Pages artifact, GitLab's)
    assert (published / "2026" / "index.html").is_file()
    assert audience_roots(published) == []
    assert not (published / "cap-uy").exists() and not (published / "chi-bo").exists()
