"""`kiemdiem serve --addr`: a busy port or a mistyped address is a usage error (exit 2) in
Vietnamese with an address to use instead, told before the year is read — never MkDocs'
English "Config value 'dev_addr'" and "lỗi nội bộ (OSError ...)" after "Xem trước … tại"."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main


def _serve(repo: Path, addr: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--repo", str(repo), "serve", "--addr", addr])
    captured = capsys.readouterr()
    assert "Xem trước" not in captured.out
    assert not (repo / "build").exists()  # nothing rendered
    return code, captured.err


def test_a_busy_port_is_told_with_another_to_choose(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    repo = mini_repo()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, err = _serve(repo, f"127.0.0.1:{port}", capsys)
    assert code == 2
    assert err == (
        f"kiemdiem: Cổng {port} (127.0.0.1:{port}) đang được một chương trình khác dùng (có "
        "thể là một `kiemdiem serve` khác vẫn đang chạy). Hãy dừng chương trình đó, hoặc "
        f"chọn cổng khác, ví dụ `--addr 127.0.0.1:{port + 1}`.\n"
    )


@pytest.mark.parametrize(
    "addr", ["127.0.0.1:8765x", "8000", "may-chu:8000", "127.0.0.1:70000", "127.0.0.1:"]
)
def test_a_mistyped_address_is_told(
    mini_repo: Callable[..., Path], addr: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _serve(mini_repo(), addr, capsys)
    assert code == 2
    assert err == (
        f"kiemdiem: Địa chỉ `--addr {addr}` không hợp lệ: cần dạng ĐỊA_CHỈ_IP:CỔNG, với cổng "
        "là số từ 1 đến 65535, ví dụ `--addr 127.0.0.1:8000` (chỉ máy này xem được).\n"
    )


def test_an_address_this_machine_does_not_have_is_told(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _serve(mini_repo(), "192.0.2.1:8000", capsys)  # TEST-NET-1, never local
    assert code == 2
    assert err == (
        "kiemdiem: Máy này không có địa chỉ 192.0.2.1 (192.0.2.1:8000): hãy dùng "
        "`--addr 127.0.0.1:8000` (chỉ máy này xem được).\n"
    )


def test_addresses_mkdocs_accepts_are_accepted() -> None:
    from generator.commands.serve import listen_address

    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    assert listen_address(f"127.0.0.1:{port}") == ("127.0.0.1", port)
    assert listen_address(f"localhost:{port}") == ("localhost", port)
