"""`kiemdiem serve` end to end: a saved member file reaches the served page; a file saved
as broken YAML is named (file, line, in Vietnamese) and the page stays as it was."""

from __future__ import annotations

import queue
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from tests.conftest import copy_sample

CHI_BO = "submissions/2025/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-thon-an-lac"
MEMBER = f"{CHI_BO}/dang-vien/dv-101012.yaml"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _until(check: Callable[[], bool], seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.1)
    return False


def test_serve_updates_the_page_and_holds_on_broken_yaml(tmp_path: Path) -> None:
    repo = copy_sample(tmp_path / "repo", (2024, 2025))
    port = _port()
    page = f"http://127.0.0.1:{port}/to-chuc/chi-bo-thon-an-lac/"
    command = [sys.executable, "-m", "generator", "--repo", str(repo), "serve"]
    command += ["--year", "2025", "--addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue[str] = queue.Queue()
    assert server.stdout is not None
    stdout = server.stdout
    threading.Thread(target=lambda: [lines.put(line) for line in stdout], daemon=True).start()
    said: list[str] = []

    def says(text: str) -> bool:
        while not lines.empty():
            said.append(lines.get())
        return any(text in line for line in said)

    try:
        assert _until(lambda: "Nguyễn Thị Hoa" in _get(page), 120), said
        member = repo / MEMBER
        good = member.read_text("utf-8")
        member.write_text(
            good.replace("ho_ten: Nguyễn Thị Hoa", "ho_ten: Nguyễn Thị Hòa Sửa"), "utf-8"
        )
        assert _until(lambda: "Nguyễn Thị Hòa Sửa" in _get(page), 60), said
        member.write_text(good.replace("ho_ten:", "ho_ten: [", 1), "utf-8")
        # told at the unclosed bracket's own line (generator/check/yamlbracket.py)
        assert _until(lambda: says("dv-101012.yaml dòng 3"), 60), said
        assert "giữ bản trước" in said[-1]
        assert "Nguyễn Thị Hòa Sửa" in _get(page)  # the last good page stays
        member.write_text(good, "utf-8")
        assert _until(lambda: "Nguyễn Thị Hòa Sửa" not in _get(page), 60), said
        assert "Nguyễn Thị Hoa" in _get(page)
        assert not says("Traceback")
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        stdout.close()
