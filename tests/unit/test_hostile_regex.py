"""A submitted file must not make the check take minutes: every regex that runs on a
submitted text is linear in it (a pattern tried at every blank of a long run, a lazy group
before `\\s*$`, blanks before blanks or `.*` cost O(n²): one 512 KB file took longer than
CI's timeout).

Each hostile file (one line of 200,000 characters, or a whole file of 500 KB of blanks
with a key) goes through the real entry points, `yamlload.loads` and the check of a year
(`load_year`), in a child process with a timeout, so that the old code fails here in a
minute instead of hanging the suite. The bound per file is generous (CI is noisy): the
fixed code takes well under a second for each, the old one minutes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from tests.conftest import CB, MINI, ROOT, write_tree

N = 200_000
BIG = 500_000  # a whole file of blanks, under the 512 KB limit
SECONDS = 5.0  # CPU seconds one file may take (the old code: minutes)
TIMEOUT = 150  # the whole child, every case

MEMBER = f"{CB}/dang-vien/dv-000001.yaml"
GOOD = textwrap.dedent(MINI[MEMBER]).lstrip("\n")
SP = " " * N

# (name, text given to `loads`): the value read, or the problems reported
LOADS: dict[str, str] = {
    # the fast reader (yamlfast): re.split tried an entry at every blank of the run
    "quoted-blanks-note": f'ho_ten: x\nchuc_vu: "a{SP}b"  # ghi chú\n',
    "plain-blanks": f"ho_ten: x\nchuc_vu: a{SP}b\n",
    # ` #` cuts the value: split_note looked for a later `  #` at every blank
    "comment-in-value-blanks": f"ho_ten: x\nchuc_vu: Bí thư #2{SP}x\n",
    # `"a"#b`: the later comment was looked for at every blank
    "glued-blanks": f'ho_ten: x\nchuc_vu: "a"#b{SP}c\n',
    "file-of-blanks-note": f"ho_ten: a{' ' * BIG}b  # ghi chú\n",
    "file-of-blanks-key": f"ho_ten:{' ' * BIG}\n",
    "file-of-blanks-first": f"{' ' * BIG}\nho_ten: x\n",
}

# (name, the member file's text) for the check of the whole year
BROKEN = GOOD.replace("ho_ten: Nguyễn Văn Nam", "ho_ten Nguyễn Văn Nam")  # no colon
CHECK: dict[str, str] = {
    # an empty value's finding looks for the value's text (written._COMMENT)
    "empty-value-blanks": GOOD.replace("ho_ten: Nguyễn Văn Nam", f"ho_ten: {SP}"),
    # a syntax error elsewhere: the repair reads every line's shape (yamlshape._KEY)
    "syntax-error-and-blanks": BROKEN.replace("nam: 2025", f"nam: 2025\nchuc_vu: x{SP}y"),
    # `key: - value` (yamlgeneric._DASH_AFTER_KEY)
    "dash-after-key-blanks": GOOD.replace("ho_ten: Nguyễn Văn Nam", f"ho_ten: - a{SP}b"),
    # a number with blanks and a line break (numberhints)
    "number-blanks-break": GOOD.replace("tieu_chi_chung: 27", f'tieu_chi_chung: "1{SP}\\nx\\ny"'),
    # an unclosed bracket, a text after a closing quote (yamlbracket, yamlstray)
    "bracket-blanks": GOOD.replace("ho_ten: Nguyễn Văn Nam", f"ho_ten: [a{SP}b"),
    "after-quote-blanks": GOOD.replace("ho_ten: Nguyễn Văn Nam", f'ho_ten: "a" b{SP}c'),
    # thousands of " #" in a quoted value: written() read the line again at each
    "many-cuts": GOOD.replace("tieu_chi_chung: 27", f'tieu_chi_chung: "1{" #a" * (N // 3)}"'),
    "colon-in-value-blanks": GOOD.replace("ho_ten: Nguyễn Văn Nam", f"ho_ten: a: b{SP}"),
    "file-of-blanks": GOOD.replace("ho_ten: Nguyễn Văn Nam", f"ho_ten: a{' ' * BIG}b  # ghi"),
}

CHILD = """
import json, sys, time
from pathlib import Path
sys.setrecursionlimit(10000)
mode, cases, out = sys.argv[1], json.loads(Path(sys.argv[2]).read_text()), Path(sys.argv[3])
if mode == "loads":
    from generator.submissions.yamlload import loads
    def run(text):
        # positions=False: a check's worker, the fast reader (yamlfast) first
        fast, result = loads(text.encode(), positions=False), loads(text.encode())
        data = result.document.data if result.document is not None else None
        assert (fast.document is None) == (data is None), "the readers disagree"
        assert data is None or fast.document.data == data, "the readers disagree"
        return {"value": None if data is None else {k: str(v)[:12] + "|" + str(len(str(v)))
                                                      for k, v in data.items()},
                "codes": sorted(p.code for p in result.problems)}
else:
    from generator.check import load_year
    repo, member = Path(sys.argv[4]), sys.argv[5]
    def run(text):
        (repo / member).write_text(text, encoding="utf-8")
        _, result = load_year(repo, 2025, processes=1)
        return {"codes": sorted({(f.code, f.position.line if f.position else 0, f.hint[:80])
                                 for f in result.findings if f.path == member})}
run(next(iter(cases.values())))  # imports and schemas out of the first case's time
for name, text in cases.items():
    start = time.process_time()
    seen = run(text)
    seen["seconds"] = time.process_time() - start
    with out.open("a", encoding="utf-8") as f:
        f.write(json.dumps({name: seen}) + "\\n")
"""


def _run(tmp_path: Path, mode: str, cases: dict[str, str], *extra: str) -> dict[str, Any]:
    """Each case's outcome from the child; fails naming the case the child was stuck on."""
    given, out = tmp_path / f"{mode}.json", tmp_path / f"{mode}.out"
    given.write_text(json.dumps(cases), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-c", CHILD, mode, str(given), str(out), *extra]
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT, env=env)
    except subprocess.TimeoutExpired:
        done = None
    seen: dict[str, Any] = {}
    if out.exists():
        for line in out.read_text(encoding="utf-8").splitlines():
            seen.update(json.loads(line))
    stuck = next((name for name in cases if name not in seen), None)
    assert done is not None, f"still at {stuck!r} after {TIMEOUT} s: super-linear"
    assert done.returncode == 0, done.stderr
    slow = {name: round(s["seconds"], 2) for name, s in seen.items() if s["seconds"] > SECONDS}
    assert not slow, f"over {SECONDS} s of CPU for one file: {slow}"
    return seen


def test_loads_is_linear_on_hostile_lines(tmp_path: Path) -> None:
    seen = _run(tmp_path, "loads", LOADS)
    # what is read is still right, to the character
    # (each value as its first 12 characters and its length)
    assert seen["quoted-blanks-note"]["value"] == {
        "ho_ten": "x|1",
        "chuc_vu": f"a{' ' * 11}|{N + 2}",
    }
    assert seen["quoted-blanks-note"]["codes"] == []
    assert seen["plain-blanks"]["value"]["chuc_vu"] == "a" + " " * 11 + f"|{N + 2}"
    assert seen["comment-in-value-blanks"]["codes"] == ["yaml-comment-in-value"]
    assert "yaml-comment-in-value" in seen["glued-blanks"]["codes"]
    assert seen["file-of-blanks-note"]["value"] == {"ho_ten": "a" + " " * 11 + f"|{BIG + 2}"}
    assert seen["file-of-blanks-key"]["value"] == {"ho_ten": "None|4"}
    assert seen["file-of-blanks-first"]["value"] == {"ho_ten": "x|1"}


# the same findings at the same lines, each hint (its start) from the repair that was slow
WANT = {
    "empty-value-blanks": [["schema-type", 3, "Mục bắt buộc này đang để trống"]],
    "syntax-error-and-blanks": [["yaml-syntax", 4, "Thêm dấu hai chấm và một dấu"]],
    "dash-after-key-blanks": [["yaml-syntax", 3, "Nếu `ho_ten` chỉ có một nội"]],
    "number-blanks-break": [["schema-type", 12, "Giá trị phải là số từ 0 đến"]],
    "bracket-blanks": [["yaml-syntax", 3, "Nếu dấu ngoặc là chữ của nội"]],
    "after-quote-blanks": [["yaml-syntax", 3, "Đặt cả nội dung trong một cặp"]],
    "many-cuts": [["schema-type", 12, "Chỉ viết con số, không kèm"]],
    "colon-in-value-blanks": [["yaml-syntax", 3, "Đặt cả nội dung trong dấu ngoặc"]],
    "file-of-blanks": [],
}


def _cut(found: list[list[Any]], want: list[list[Any]]) -> list[list[Any]]:
    """`found` ([code, line, hint]) with each hint cut to the length of the one wanted."""
    if len(found) != len(want):
        return found
    return [[c, n, h[: len(w[2])]] for (c, n, h), w in zip(found, want, strict=True)]


def test_the_check_is_linear_on_hostile_files(tmp_path: Path) -> None:
    repo = write_tree(tmp_path / "repo", dict(MINI))
    seen = _run(tmp_path, "check", CHECK, str(repo), MEMBER)
    codes = {name: _cut(s["codes"], WANT[name]) for name, s in seen.items()}
    assert codes == WANT, codes


def test_the_check_command_on_500_kb_hostile_files(tmp_path: Path) -> None:
    """`kiemdiem check` end to end, on the trial's files grown to 500 KB: under a minute
    (the old code: 5 min of CPU for the first one at 62 KB)."""
    other = MEMBER.replace("dv-000001", "dv-000002")
    files = {
        MEMBER: GOOD.replace("nam: 2025", f"nam: 2025\nchuc_vu Bí thư: a{' ' * BIG}b"),
        other: textwrap.dedent(MINI[other]).lstrip("\n") + f'chuc_vu: "a{" " * BIG}b"  # ghi chú\n',
    }
    repo = write_tree(tmp_path / "repo", {**MINI, **files})
    assert all(len((repo / p).read_bytes()) > BIG for p in files)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-m", "generator", "--repo", str(repo), "check"]
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=60, env=env)
    except subprocess.TimeoutExpired:
        raise AssertionError("kiemdiem check took over 60 s on a 500 KB file") from None
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    # the unknown key is told where it is; the other file, valid, says nothing
    assert f"{MEMBER}:3:1: lỗi [schema-unknown-key]" in done.stdout, done.stdout[:2000]
    assert other not in done.stdout
