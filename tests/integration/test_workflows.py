"""The forge files: workflows valid against GitHub's schema, pinned actions, forge-neutral
check, the trust split of issue 9 (an unprivileged check from the base commit, a
privileged comment that touches nothing from the pull request), and zizmor's audit."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


def load(name: str) -> dict[str, Any]:
    data = yaml.safe_load((ROOT / ".github/workflows" / name).read_text("utf-8"))
    # PyYAML reads the key `on` as the boolean True (YAML 1.1)
    if True in data:
        data["on"] = data.pop(True)
    return dict(data)


def test_workflows_exist() -> None:
    assert [p.name for p in WORKFLOWS] == ["check.yml", "comment.yml", "site.yml"]


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
        assert re.fullmatch(r"actions/[a-z-]+(/[a-z-]+)?@[0-9a-f]{40}", ref), ref


def test_check_step_uses_no_github_only_expressions() -> None:
    steps = {s.get("id"): s for s in load("check.yml")["jobs"]["check"]["steps"]}
    run = steps["check"]["run"]
    assert "${{" not in run  # only environment variables every forge sets
    assert "--format github" in run and "--author" in run and "--actor" in run


def test_check_is_unprivileged_and_runs_the_base_commits_tool() -> None:
    workflow = load("check.yml")
    assert list(workflow["on"]) == ["pull_request"]
    assert workflow["permissions"] == {}
    job = workflow["jobs"]["check"]
    assert job["permissions"] == {"contents": "read"}
    steps = job["steps"]
    checkouts = [s for s in steps if "actions/checkout@" in s.get("uses", "")]
    assert [(c["with"]["path"], c["with"]["ref"]) for c in checkouts] == [
        ("base", "${{ github.event.pull_request.base.sha }}"),
        ("pr", "${{ github.event.pull_request.head.sha }}"),
    ]
    assert all(c["with"]["persist-credentials"] is False for c in checkouts)
    by_id = {s.get("id"): s for s in steps}
    # the tool is installed from the base checkout, and only reads pr/
    assert by_id["install"]["run"] == "python -m pip install ./base"
    runs = [s["run"] for s in steps if "run" in s]
    assert not any("./pr" in r or "pip install -e" in r for r in runs)
    assert 'kiemdiem --repo pr check --changed-since "$BASE_SHA"' in by_id["check"]["run"]
    env = by_id["check"]["env"]
    assert env["PR_AUTHOR"] == "${{ github.event.pull_request.user.login }}"
    assert env["PR_ACTOR"] == "${{ github.actor }}"
    # nothing here writes to the pull request: the report goes out as an artifact
    assert not any("github-script" in s.get("uses", "") for s in steps)
    upload = next(s for s in steps if "actions/upload-artifact@" in s.get("uses", ""))
    assert upload["with"]["name"] == "kiemdiem-report"
    assert upload["if"] == "${{ always() }}"
    # Gitea/Forgejo refuse upload-artifact v4 (go-gitea/gitea#31256, #36024): the report's
    # upload failing there must not fail the check, whose verdict is the check step's
    assert upload["continue-on-error"] is True
    assert by_id["check"].get("continue-on-error", False) is False


def _restores(steps: list[dict[str, Any]], path: str) -> list[dict[str, Any]]:
    return [
        s
        for s in steps
        if "actions/cache/restore@" in s.get("uses", "") and s["with"]["path"] == path
    ]


def test_the_pull_request_check_restores_the_year_index_that_main_saves() -> None:
    """issue 11: site.yml's full check on main writes the year index; check.yml restores
    the same cache path (actions/cache keys a cache by its path) before the check, moves
    it into pr/, and saves nothing itself (a pull request cannot feed another's check)."""
    site = load("site.yml")["jobs"]["build"]["steps"]
    names = [s.get("run", "") for s in site]
    saves = [
        s
        for s in site
        if "actions/cache/save@" in s.get("uses", "") and "index-" in s["with"]["path"]
    ]
    assert len(saves) == 1
    assert names.index("kiemdiem check --format github") < site.index(saves[0])
    check = load("check.yml")["jobs"]["check"]["steps"]
    restores = _restores(check, ".kiemdiem-cache/index-*")
    assert len(restores) == 1
    assert saves[0]["with"]["path"] == ".kiemdiem-cache/index-*"
    assert restores[0]["with"]["key"].startswith("kiemdiem-index-")
    assert saves[0]["with"]["key"] == "kiemdiem-index-${{ github.sha }}"
    assert not any("actions/cache@" in s.get("uses", "") for s in check)  # no save step
    assert not any("actions/cache/save@" in s.get("uses", "") for s in check)
    moved = next(i for i, s in enumerate(check) if "pr/.kiemdiem-cache" in s.get("run", ""))
    assert check.index(restores[0]) < moved
    assert check.index(next(s for s in check if s.get("id") == "check")) > moved


def test_main_builds_on_what_its_last_run_kept() -> None:
    """issue 11: site.yml restores the last run's outcomes (check-*), and its rendered pages
    and built site, before its check, and saves each after its build under the same
    paths and keys (actions/cache keys a cache by its paths), so a push rebuilds only what
    changed; a pull request's check never restores the pages."""
    site = load("site.yml")["jobs"]["build"]["steps"]
    runs = [s.get("run", "") for s in site]
    check = runs.index("kiemdiem check --format github")
    build = next(i for i, r in enumerate(runs) if r.startswith("kiemdiem build"))
    for paths, prefix in (
        ([".kiemdiem-cache/check-*"], "kiemdiem-check-"),
        (["build/", "site/"], "kiemdiem-site-"),
    ):
        steps = [s for s in site if s.get("with", {}).get("key", "").startswith(prefix)]
        restore = [s for s in steps if "actions/cache/restore@" in s["uses"]]
        save = [s for s in steps if "actions/cache/save@" in s["uses"]]
        assert len(restore) == len(save) == 1, prefix
        assert restore[0]["with"]["path"].split() == save[0]["with"]["path"].split() == paths
        key = prefix + "${{ github.sha }}"
        assert restore[0]["with"]["key"] == save[0]["with"]["key"] == key
        assert restore[0]["with"]["restore-keys"] == prefix
        assert site.index(restore[0]) < check < build < site.index(save[0])
    assert "kiemdiem-site-" not in (ROOT / ".github/workflows/check.yml").read_text("utf-8")


def test_a_pull_request_that_deletes_or_moves_files_restores_mains_checked_outcomes(
    tmp_path: Path,
) -> None:
    """issue 11: a deletion or a move is checked against the whole year twice
    (forge/consequences.py); check.yml then restores the outcomes site.yml saves (same
    path, so the same cache) into pr/, and only then. The step that decides is run here
    on real Git histories."""
    check = load("check.yml")["jobs"]["check"]["steps"]
    (restore,) = _restores(check, ".kiemdiem-cache/check-*")
    site = load("site.yml")["jobs"]["build"]["steps"]
    (saved,) = [s for s in site if s.get("with", {}).get("key", "").startswith("kiemdiem-check-")
                and "actions/cache/save@" in s["uses"]]  # fmt: skip
    assert restore["with"]["path"] == saved["with"]["path"]
    assert restore["with"]["key"] == "kiemdiem-check-${{ github.event.pull_request.base.sha }}"
    decide = next(s for s in check if s.get("id") == "moves")
    assert restore["if"] == "${{ steps.moves.outputs.whole == 'true' }}"
    moved = next(i for i, s in enumerate(check) if "pr/.kiemdiem-cache" in s.get("run", ""))
    assert check.index(decide) < check.index(restore) < moved
    assert "check-*.pickle" in check[moved]["run"]

    def decides(change: str) -> bool:
        pr = tmp_path / change / "pr"
        folder = pr / "submissions" / "2025" / "xa-a" / "dang-vien"
        folder.mkdir(parents=True)
        (folder / "dv-1.yaml").write_text("ho_ten: A\n", "utf-8")
        (folder / "dv-2.yaml").write_text("ho_ten: B\n", "utf-8")
        git = ["git", "-C", str(pr), "-c", "user.name=t", "-c", "user.email=t@t"]
        subprocess.run([*git, "init", "-q"], check=True)
        subprocess.run([*git, "add", "-A"], check=True)
        subprocess.run([*git, "commit", "-qm", "base"], check=True)
        base = subprocess.run(
            [*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True
        ).stdout.strip()
        if change == "deleted":
            (folder / "dv-2.yaml").unlink()
        elif change == "moved":
            (folder / "dv-2.yaml").rename(folder.parent / "dv-2.yaml")
        else:
            (folder / "dv-2.yaml").write_text("ho_ten: C\n", "utf-8")
        subprocess.run([*git, "add", "-A"], check=True)
        subprocess.run([*git, "commit", "-qm", change], check=True)
        output = tmp_path / change / "output"
        output.touch()
        env = {"PATH": "/usr/bin:/bin", "BASE_SHA": base, "GITHUB_OUTPUT": str(output)}
        run = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", decide["run"]]
        subprocess.run(run, cwd=pr.parent, env=env, check=True)  # GitHub's default shell
        return output.read_text("utf-8").strip() == "whole=true"

    assert decides("deleted")
    assert decides("moved")
    assert not decides("edited")


def test_comment_is_privileged_but_touches_nothing_from_the_pull_request() -> None:
    workflow = load("comment.yml")
    assert workflow["on"] == {
        "workflow_run": {"workflows": [load("check.yml")["name"]], "types": ["completed"]}
    }
    assert workflow["permissions"] == {}
    job = workflow["jobs"]["comment"]
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    steps = job["steps"]
    uses = [s.get("uses", "").split("@")[0] for s in steps if "uses" in s]
    assert uses == [
        "actions/checkout",
        "actions/setup-python",
        "actions/download-artifact",
        "actions/github-script",
    ]
    # the one checkout is the default branch (the tool), never the pull request's head
    checkout = steps[0]["with"]
    assert checkout == {
        "ref": "${{ github.event.repository.default_branch }}",
        "path": "base",
        "persist-credentials": False,
    }
    assert "head" not in json.dumps(steps[0])
    runs = [s["run"] for s in steps if "run" in s]
    assert runs[0] == "python -m pip install ./base"
    # the comment is rebuilt from the report's data by that tool, not taken as written
    assert runs[1].startswith('kiemdiem check --from-report "$REPORT_DIR/report.json" ')
    assert len(runs) == 2
    script = steps[-1]["with"]["script"]
    env = steps[-1]["env"]
    assert "read('comment.md')" not in script and "COMMENT_FILE" in script
    # the sticky comment is looked up among the workflow bot's own comments only
    assert "c.user.type === 'Bot'" in script
    assert "c.user.login === process.env.BOT_LOGIN" in script
    assert env["BOT_LOGIN"] == "github-actions[bot]"
    # the artifact is data: the number is validated, the head must be the checked commit
    assert "/^[0-9]{1,9}$/.test(text)" in script
    assert "pr.head.sha !== process.env.HEAD_SHA" in script


def test_comment_marker_matches_the_reporter() -> None:
    from generator.report.markdown import COMMENT_MARKER

    text = (ROOT / ".github/workflows/comment.yml").read_text("utf-8")
    assert f'MARKER: "{COMMENT_MARKER}"' in text


def test_zizmor_pedantic_reports_nothing_above_informational() -> None:
    zizmor = shutil.which("zizmor")
    assert zizmor, "zizmor is part of the test extras: pip install -e '.[test]'"
    # --offline: only the audits that need no network (CI must not depend on GitHub's API)
    proc = subprocess.run(
        [
            zizmor,
            "--offline",
            "--persona",
            "pedantic",
            "--format",
            "json",
            "--no-config",
            str(ROOT / ".github/workflows"),
        ],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(ROOT), "NO_COLOR": "1"},
    )
    assert proc.returncode in (0, 10, 11, 12, 13, 14), proc.stderr
    findings = json.loads(proc.stdout)
    serious = [
        (f["ident"], f["determinations"]["severity"], f["locations"][0]["symbolic"]["key"])
        for f in findings
        if f["determinations"]["severity"] != "Informational"
    ]
    assert serious == []
    # the one accepted finding is the workflow_run trigger itself, ignored in place with
    # its reason: no other audit is silenced
    ignores = [
        line.strip()
        for path in WORKFLOWS
        for line in path.read_text("utf-8").splitlines()
        if "zizmor: ignore" in line
    ]
    assert ignores == [
        "workflow_run: # zizmor: ignore[dangerous-triggers] reads only the artifact, as data; "
        "no checkout"
    ]


def test_gitlab_example_and_pre_commit_hook_are_valid_yaml() -> None:
    gitlab = yaml.safe_load((ROOT / "generator/forge/gitlab-ci.example.yml").read_text("utf-8"))
    assert gitlab["kiemdiem-check"]["artifacts"]["reports"]["codequality"] == (
        "gl-code-quality-report.json"
    )
    # the merge request's own code never runs the check: the tool comes from the target branch
    before = gitlab["kiemdiem-check"]["before_script"]
    assert "python -m pip install /tmp/kiemdiem-base" in before
    assert not any("pip install -e" in line for line in before)
    assert all("--actor" in line for line in gitlab["kiemdiem-check"]["script"])
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hooks[0]["id"] == "kiemdiem-check" and hooks[0]["entry"] == "kiemdiem check"


def test_the_site_is_built_for_the_address_pages_serves_it_at() -> None:
    """The 404 page links from where Pages serves the site (/<repository>/ for a project),
    so the build takes --site-url from actions/configure-pages (through the environment,
    not an expression in the script), which needs the build job to read Pages and nothing
    more (the deploy job alone writes)."""
    build = load("site.yml")["jobs"]["build"]
    (pages,) = [s for s in build["steps"] if s.get("id") == "pages"]
    assert pages["uses"].startswith("actions/configure-pages@")
    (step,) = [s for s in build["steps"] if s.get("run", "").startswith("kiemdiem build")]
    assert step["env"] == {"SITE_URL": "${{ steps.pages.outputs.base_url || '/' }}"}
    assert '--site-url "$SITE_URL"' in step["run"] and "${{" not in step["run"]
    assert build["steps"].index(pages) < build["steps"].index(step)
    assert build["permissions"] == {"contents": "read", "pages": "read"}


def test_pages_publishes_only_when_the_repository_says_pages_is_private() -> None:
    """GitHub Pages of a private repository is public on the internet unless the
    organization is on Enterprise Cloud with the site's visibility Private (a
    data-protection trial: the README's setup would have put personal records online):
    site.yml keeps the site as an artifact, and asks Pages for its address and deploys only
    where the repository variable says Pages is private."""
    workflow = load("site.yml")
    opt_in = "vars.KIEMDIEM_PAGES == 'rieng-tu'"
    assert workflow["jobs"]["deploy"]["if"] == opt_in
    build = workflow["jobs"]["build"]
    (pages,) = [s for s in build["steps"] if s.get("id") == "pages"]
    assert pages["if"] == opt_in
    # the artifact is kept either way, with no other condition
    (upload,) = [s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", "")]
    assert "if" not in upload
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "KIEMDIEM_PAGES" in readme and "rieng-tu" in readme


def test_a_stale_codeowners_is_a_warning_on_every_forge_as_its_header_says() -> None:
    """The CODEOWNERS header once said CI fails while the file is stale, but site.yml only
    warns (a stale file must not stop the site) and the GitLab example did not check it."""
    (step,) = [
        s for s in load("site.yml")["jobs"]["build"]["steps"] if "codeowners" in s.get("run", "")
    ]
    assert step["run"].startswith('kiemdiem codeowners --check || echo "::warning::')
    gitlab = yaml.safe_load((ROOT / "generator/forge/gitlab-ci.example.yml").read_text("utf-8"))
    job = gitlab["kiemdiem-codeowners"]
    assert job["allow_failure"] is True
    assert job["script"][-1] == "kiemdiem codeowners --forge gitlab --check"
    assert job["rules"] == gitlab["kiemdiem-site"]["rules"]
    header = (ROOT / ".github/CODEOWNERS").read_text("utf-8").split("\n\n")[0]
    assert "CI fails" not in header
    assert "exits 1,\n# which CI on the main branch shows as a warning" in header
