"""`kiemdiem codeowners --forge gitlab|gitea`: each forge's file where it reads it, and the
Gitea file, read the way Gitea reads it, gives every path the owners the GitHub file gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import copy_sample

CB = "submissions/2026/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-thon-an-lac"
PATHS = [
    f"{CB}/dang-vien/dv-101011.yaml",  # a member's review (own line: member + secretary)
    f"{CB}/dang-vien/dv-101013.yaml",  # another member's, other owners
    f"{CB}/dang-vien/dv-101014.yaml",  # a review with no line of its own: the secretary
    f"{CB}/dang-vien/dv-101011.yaml.bak",  # a near miss of a member's line
    f"{CB}/dang-vien/dv-10101.yaml",
    f"{CB}/dang-vien/dv-101011xyaml",  # `.` must be a dot, not any character
    f"{CB}/dang-vien/moi/dv-999999.yaml",
    f"{CB}/to-chuc.yaml",  # a chi bộ's file
    f"{CB}/de-xuat.yaml",
    f"{CB}/khac.yaml",  # a file no line names: the board
    "submissions/tai-khoan.yaml",  # the roster
    "submissions/2026/nam-danh-gia.yaml",
    "submissions/2025/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-thon-an-lac/"
    "dang-vien/dv-101012.yaml",  # a closed year
    ".github/workflows/check.yml",  # a workflow
    ".gitea/CODEOWNERS",
    "generator/cli.py",
]


def github_owners(text: str, path: str) -> frozenset[str]:
    """GitHub (and GitLab): the last matching line wins; this generator writes only `*`,
    `/file` and `/folder/`."""
    found: frozenset[str] = frozenset()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *owners = line.split()
        assert pattern == "*" or pattern.startswith("/"), pattern
        if pattern == "*" or (
            path.startswith(pattern[1:]) if pattern.endswith("/") else path == pattern[1:]
        ):
            found = frozenset(owners)
    return found


def gitea_tokens(line: str) -> list[str]:
    """go-gitea/gitea models/issues TokenizeCodeOwnersLine: `\\` takes the next character
    as it is, `#` ends the line, spaces split."""
    tokens, token, escape = [], "", False
    for char in line.strip().replace("\t", " "):
        if escape:
            token, escape = token + char, False
        elif char == "\\":
            escape = True
        elif char == "#":
            break
        elif char == " ":
            if token:
                tokens.append(token)
            token = ""
        else:
            token += char
    return [*tokens, token] if token else tokens


def gitea_matching(text: str, path: str) -> list[frozenset[str]]:
    """The owners of every line Gitea counts for a changed path (ParseCodeOwnersLine:
    `^pattern$` with a leading `!` stripped and negating; getMatchingCodeOwnerRules: every
    matching line counts, and an approval is needed from each)."""
    matched = []
    for line in text.splitlines():
        tokens = gitea_tokens(line)
        if len(tokens) < 2:
            continue
        negative = tokens[0].startswith("!")
        rule = re.compile(f"^{tokens[0].removeprefix('!')}$")
        if bool(rule.match(path)) != negative:
            matched.append(frozenset(tokens[1:]))
    return matched


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    repo = copy_sample(tmp_path_factory.mktemp("forges") / "repo", (2025, 2026))
    out = {}
    for forge in ("github", "gitlab", "gitea"):
        args = ["--repo", str(repo), "codeowners"] + (
            [] if forge == "github" else ["--forge", forge]
        )
        assert main(args) == 0
        out[forge] = (repo / f".{forge}/CODEOWNERS").read_text("utf-8")
        assert main([*args, "--check"]) == 0
    return out


def test_each_forge_gets_its_file_where_it_reads_it(files: dict[str, str]) -> None:
    # GitLab reads GitHub's syntax: the same lines
    strip = lambda t: [x for x in t.splitlines() if x and not x.startswith("#")]  # noqa: E731
    assert strip(files["gitlab"]) == strip(files["github"])
    assert "--forge gitlab" in files["gitlab"] and "--forge" not in files["github"]


@pytest.mark.parametrize("path", PATHS)
def test_gitea_gives_each_path_exactly_the_github_owners(files: dict[str, str], path: str) -> None:
    expected = github_owners(files["github"], path)
    assert expected
    matched = gitea_matching(files["gitea"], path)
    # one line, so Gitea asks one approval from exactly these owners (not the board too)
    assert matched == [expected], (path, matched, expected)


def test_the_board_does_not_own_a_members_review_on_gitea(files: dict[str, str]) -> None:
    board = github_owners(files["github"], ".github/workflows/check.yml")
    member = github_owners(files["github"], PATHS[0])
    assert board.isdisjoint(member)
    owners = set().union(*gitea_matching(files["gitea"], PATHS[0]))
    assert owners == member


def test_check_is_per_forge(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = copy_sample(tmp_path / "repo", (2026,))
    assert main(["--repo", str(repo), "codeowners", "--forge", "gitea", "--check"]) == 1
    out = capsys.readouterr().out
    assert ".gitea/CODEOWNERS chưa có: chạy `kiemdiem codeowners --forge gitea`" in out
    assert main(["--repo", str(repo), "codeowners", "--forge", "gitea"]) == 0
    assert not (repo / ".github/CODEOWNERS").exists()
    assert main(["--repo", str(repo), "codeowners", "--forge", "gitea", "--check"]) == 0
    assert main(["--repo", str(repo), "codeowners", "--forge", "gitlab", "--check"]) == 1
    (repo / ".gitea/CODEOWNERS").write_text("* @someone\n", "utf-8")
    assert main(["--repo", str(repo), "codeowners", "--forge", "gitea", "--check"]) == 1
    assert "đã cũ" in capsys.readouterr().out


def test_the_boards_gitea_lines_stay_short_as_organizations_grow(tmp_path: Path) -> None:
    """300 chi bộ in 20 đảng bộ xã: the board's lines (what no other line matches) are
    several, none longer than what one folder and MAX_FOLDERS_CHARS of folder names hold
    (one `!(…)` line was 30,111 characters here and grew with every organization), and
    Gitea still gives each path exactly the GitHub file's owners."""
    from tests.unit.test_codeowners import make

    repo = make(tmp_path)
    huyen = repo / "submissions/2026/huyen"
    for x in range(20):
        (huyen / f"xa-so-{x:02d}").mkdir()
        (huyen / f"xa-so-{x:02d}/to-chuc.yaml").write_text("loai: dang_bo_co_so\n", "utf-8")
        for i in range(15):
            cb = huyen / f"xa-so-{x:02d}/chi-bo-thon-so-{i:02d}"
            (cb / "dang-vien").mkdir(parents=True)
            (cb / "to-chuc.yaml").write_text("loai: chi_bo_truc_thuoc\n", "utf-8")
    for forge in ("github", "gitea"):
        assert main(["--repo", str(repo), "codeowners", "--forge", forge]) == 0
    github = (repo / ".github/CODEOWNERS").read_text("utf-8")
    gitea = (repo / ".gitea/CODEOWNERS").read_text("utf-8")
    patterns = [gitea_tokens(line)[0] for line in gitea.splitlines() if gitea_tokens(line)]
    assert max(len(p) for p in patterns) < 4_600, max(len(p) for p in patterns)
    assert not any(p.startswith("!") for p in patterns)
    base = "submissions/2026/huyen/xa-so-07"
    paths = [
        f"{base}/chi-bo-thon-so-{i:02d}/{leaf}"
        for i in (0, 14)
        for leaf in ("to-chuc.yaml", "de-xuat.yaml", "khac.yaml", "dang-vien/dv-1.yaml", "x/y")
    ]
    paths += [f"{base}/chi-bo-thon-so-15/to-chuc.yaml", f"{base}/to-chuc.yaml", f"{base}/z"]
    paths += ["submissions/2026/huyen/xa-so-20/to-chuc.yaml", "submissions/2026/x", "README.md"]
    paths += ["submissions/2026/huyen/xa-a/chi-bo-1/dang-vien/dv-3.yaml", "submissions/2025/a"]
    for path in paths:
        expected = github_owners(github, path)
        assert gitea_matching(gitea, path) == [expected], path
