"""Pagefind's indexing service (generator/site/pagefind_service.py) spoken to directly: a
service that never answers is started again, then given up on, instead of hanging the
build (seen once: a `pagefind --service` read its first request and never answered)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from pagefind import service as pagefind_service_package

from generator.site import pagefind_service
from generator.site.pagefind_service import BundleWriter, bundle_files

ITEM = {
    "type": "AddRecord",
    "url": "to-chuc/chi-bo-a/",
    "content": "Nguyễn Văn An · Chi bộ A",
    "language": "vi",
    "meta": {"title": "Nguyễn Văn An"},
}


def _silent(tmp_path: Path) -> Path:
    """An executable that keeps its pipes open and never answers."""
    script = tmp_path / "silent-pagefind"
    script.write_text("#!/bin/sh\nexec sleep 600\n", "utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def test_a_service_that_never_answers_is_started_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pagefind_service_package.get_executable()
    assert real is not None
    started: list[Path] = []

    def first_silent_then_real() -> Path:
        started.append(_silent(tmp_path) if not started else Path(real))
        return started[-1]

    monkeypatch.setattr(pagefind_service_package, "get_executable", first_silent_then_real)
    monkeypatch.setattr(pagefind_service, "START_TIMEOUT", 0.5)
    files = bundle_files([ITEM], merged=False)
    assert len(started) == 2
    assert files.get("pagefind-entry.json")  # a bundle, from the second process


def test_a_service_that_never_answers_is_given_up_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    silent = _silent(tmp_path)
    monkeypatch.setattr(pagefind_service_package, "get_executable", lambda: silent)
    monkeypatch.setattr(pagefind_service, "START_TIMEOUT", 0.3)
    with pytest.raises(RuntimeError, match="pagefind did not start"):
        BundleWriter()


def test_a_service_that_stops_answering_later_is_an_error_not_a_hang(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pagefind_service, "ANSWER_TIMEOUT", 0.5)
    writer = BundleWriter()
    writer.sent = 2  # an answer that will never come
    writer.add([ITEM])
    with pytest.raises(RuntimeError, match="stopped answering"):
        writer.files(merged=False)


def _stuck_after_start(tmp_path: Path) -> Path:
    """An executable that answers the first request (NewIndex) as Pagefind does, then
    reads on and never answers again: a service stuck after some AddRecords."""
    script = tmp_path / "stuck-pagefind"
    script.write_text(
        "#!/usr/bin/env python3\n"
        "import base64, json, sys, time\n"
        "buf = b''\n"
        "while b',' not in buf:\n"
        "    buf += sys.stdin.buffer.read1(65536)\n"
        "first = json.loads(base64.b64decode(buf.split(b',')[0]))\n"
        "answer = {'message_id': first['message_id'],\n"
        "          'payload': {'type': 'NewIndex', 'index_id': 0}}\n"
        "sys.stdout.buffer.write(base64.b64encode(json.dumps(answer).encode()) + b',')\n"
        "sys.stdout.buffer.flush()\n"
        "time.sleep(600)\n",
        "utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def test_a_service_stuck_after_it_started_is_replaced_and_the_bundle_indexed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pagefind_service_package.get_executable()
    assert real is not None
    started: list[Path] = []

    def first_stuck_then_real() -> Path:
        started.append(_stuck_after_start(tmp_path) if not started else Path(real))
        return started[-1]

    monkeypatch.setattr(pagefind_service_package, "get_executable", first_stuck_then_real)
    monkeypatch.setattr(pagefind_service, "ANSWER_TIMEOUT", 0.5)
    files = bundle_files([ITEM], merged=False)
    assert len(started) == 2
    assert files.get("pagefind-entry.json")  # the whole bundle, from the second process


def test_a_service_always_stuck_is_given_up_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stuck = _stuck_after_start(tmp_path)
    monkeypatch.setattr(pagefind_service_package, "get_executable", lambda: stuck)
    monkeypatch.setattr(pagefind_service, "ANSWER_TIMEOUT", 0.3)
    with pytest.raises(RuntimeError, match="stopped answering"):
        bundle_files([ITEM], merged=False)
