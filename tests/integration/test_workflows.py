"""The forge files: workflows valid against GitHub's schema, pinned actions, forge-neutral check."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


def test_workflows_exist() -> None:
    assert [p.name for p in WORKFLOWS] == ["check.yml", "site.yml"]


def test_workflows_match_the_github_workflow_schema() -> None:
    # check-jsonschema ships the schema (vendor.github-workflows): no network needed
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            *map(str, WORKFLOWS),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_by_full_commit_sha(path: Path) -> None:
    uses = re.findall(r"uses:\s*(\S+)", path.read_text("utf-8"))
    assert uses
    for ref in uses:
        assert re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40}", ref), ref


def test_check_step_uses_no_github_only_expressions() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/check.yml").read_text("utf-8"))
    step = next(s for s in workflow["jobs"]["check"]["steps"] if s.get("id") == "check")
    assert "${{" not in step["run"]  # only environment variables every forge sets
    assert "--format github" in step["run"] and "--author" in step["run"]
    comment = next(
        s for s in workflow["jobs"]["check"]["steps"] if "github-script" in s.get("uses", "")
    )
    assert comment["continue-on-error"] is True
    assert comment["env"]["MARKER"] == "<!-- kiemdiem-check -->"


def test_comment_marker_matches_the_reporter() -> None:
    from generator.report.markdown import COMMENT_MARKER

    text = (ROOT / ".github/workflows/check.yml").read_text("utf-8")
    assert f'MARKER: "{COMMENT_MARKER}"' in text


def test_gitlab_example_and_pre_commit_hook_are_valid_yaml() -> None:
    gitlab = yaml.safe_load((ROOT / "generator/forge/gitlab-ci.example.yml").read_text("utf-8"))
    assert gitlab["kiemdiem-check"]["artifacts"]["reports"]["codequality"] == (
        "gl-code-quality-report.json"
    )
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hooks[0]["id"] == "kiemdiem-check" and hooks[0]["entry"] == "kiemdiem check"
