"""Pagefind's indexing service (`pagefind --service`, the binary of PyPI pagefind[bin]),
spoken to directly, and one bundle written with it.

The protocol: base64 JSON messages ended by a comma, both ways. The `pagefind` Python
wrapper speaks the same protocol but sleeps 0.1 s before reading each response (measured:
500 records in 50 s), which would make a 100,000-member year take hours; here one thread
writes every request while the caller reads the answers.

One service process indexes on about one core, so the year's bundles
(generator.site.search_layout) are indexed by several processes at once.

A bundle's files are asked for (`GetFiles`: every file's bytes in the answer) and written
by the caller, not by Pagefind's `WriteFiles`: that one answers before its writes are done
(tokio writes in the background) and the service exits as soon as its input ends, so a
file could be left empty (seen: a bundle's `pagefind-entry.json` of 0 bytes).
"""

from __future__ import annotations

import base64
import json
import os
import queue
import select
import subprocess
import threading
import time
from typing import Any

LANGUAGE = "vi"
START_TIMEOUT = 30.0  # seconds for a new service's first answer (normally milliseconds)
START_ATTEMPTS = 3
# seconds for any later answer: a bundle's files take the longest (a few seconds for the
# largest, ~6,000 names at 500,000 members); a service silent that long is stuck (seen:
# every thread of a `pagefind --service` waiting after some AddRecords, in the test suite),
# and the bundle is indexed again by a new one, up to START_ATTEMPTS times in all
ANSWER_TIMEOUT = 120.0
# what a bundle merged into another one (generator.site.search_layout) needs: the rest
# (the script, the wasm, Pagefind's own interfaces) is loaded from the primary bundle
MERGED_KEEP = ("pagefind-entry.json", "index", "fragment", "filter")


class Service:
    """One `pagefind --service` process."""

    def __init__(self) -> None:
        from pagefind.service import get_executable

        exe = get_executable()
        if exe is None:
            raise RuntimeError("pagefind binary not found (pip install 'pagefind[bin]')")
        self.proc = subprocess.Popen(
            [str(exe), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self.buffer = b""  # what was read after the last answer
        self.next_id = 0

    def send(self, payload: dict[str, object]) -> None:
        assert self.proc.stdin is not None
        self.next_id += 1
        message = json.dumps({"message_id": self.next_id, "payload": payload})
        self.proc.stdin.write(base64.b64encode(message.encode()) + b",")

    def flush(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.flush()

    def receive(self, timeout: float | None = None) -> dict[str, Any]:
        """The next answer; `TimeoutError` when none came within `timeout` seconds."""
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        deadline = None if timeout is None else time.monotonic() + timeout
        chunks = [self.buffer]
        while b"," not in chunks[-1]:  # an answer can be megabytes (a bundle's files)
            if deadline is not None:
                ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
                if not ready:
                    raise TimeoutError("pagefind did not answer")
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                raise RuntimeError("pagefind stopped answering")
            chunks.append(chunk)
        message, _, self.buffer = b"".join(chunks).partition(b",")
        payload: dict[str, Any] = json.loads(base64.b64decode(message))["payload"]
        if payload.get("type") == "Error":
            raise RuntimeError(f"pagefind: {payload.get('message')}")
        return payload

    def kill(self) -> None:
        """Stop the process now (it stopped answering)."""
        self.proc.kill()
        self.close()

    def close(self) -> None:
        try:
            if self.proc.stdin is not None:
                self.proc.stdin.close()
            self.proc.wait(timeout=60)
        except (OSError, ValueError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()


class Stalled(RuntimeError):
    """A started service gave no answer within ANSWER_TIMEOUT."""


class BundleWriter:
    """One bundle being indexed by its own service process: `add` records as they come
    (a thread reads Pagefind's answers meanwhile, or its pipe would fill up), then take
    the bundle's `files`, or `close` to drop it."""

    def __init__(self) -> None:
        # a service that does not answer its first request is started again: seen once in
        # the test suite, a `pagefind --service` read NewIndex and never answered (every
        # thread of it waiting), which hung the build for good
        for attempt in range(1, START_ATTEMPTS + 1):
            self.service = Service()
            try:
                self.index_id = self._new_index(START_TIMEOUT)
                break
            except BaseException as exc:
                self.service.kill()
                if not isinstance(exc, TimeoutError):
                    raise
                if attempt == START_ATTEMPTS:
                    raise RuntimeError(
                        f"pagefind did not start: no answer in {START_TIMEOUT:.0f} s, "
                        f"{START_ATTEMPTS} times"
                    ) from None
        self.answers: queue.Queue[dict[str, Any] | BaseException] = queue.Queue()
        self.sent = 0
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _new_index(self, timeout: float) -> Any:
        self.service.send({"type": "NewIndex", "config": {"force_language": LANGUAGE}})
        self.service.flush()
        return self.service.receive(timeout)["index_id"]

    def _read(self) -> None:
        try:
            while True:
                self.answers.put(self.service.receive())
        except BaseException as exc:  # the end of the answers, or Pagefind's error
            self.answers.put(exc)

    def _answer(self) -> dict[str, Any]:
        try:
            answer = self.answers.get(timeout=ANSWER_TIMEOUT)
        except queue.Empty:
            self.service.kill()
            raise Stalled(f"pagefind stopped answering ({ANSWER_TIMEOUT:.0f} s)") from None
        if isinstance(answer, BaseException):
            raise RuntimeError(f"pagefind: {answer}") from answer
        return answer

    def add(self, items: list[dict[str, object]]) -> None:
        """Send requests without their index id (AddRecord / AddFile)."""
        for item in items:
            self.service.send({**item, "index_id": self.index_id})
        self.sent += len(items)
        self.service.flush()

    def files(self, *, merged: bool) -> dict[str, bytes]:
        """The bundle's files (path in the bundle -> bytes), and stop the process.
        `merged`: the bundle is merged into a primary one in the browser, so only its
        index is kept."""
        try:
            for _ in range(self.sent):
                self._answer()
            self.service.send({"type": "GetFiles", "index_id": self.index_id})
            self.service.flush()
            answer = self._answer()
        finally:
            self.close()
        files = {str(f["path"]): base64.b64decode(f["content"]) for f in answer["files"]}
        if merged:
            files = {
                path: data
                for path, data in files.items()
                if path.split("/")[0] in MERGED_KEEP or path.endswith(".pf_meta")
            }
        return files

    def close(self) -> None:
        self.service.close()


def bundle_files(items: list[dict[str, object]], *, merged: bool) -> dict[str, bytes]:
    """Index `items` in a fresh service process: the bundle's files. A service that stops
    answering is killed and the bundle indexed again by a new one (`Stalled`), at most
    START_ATTEMPTS times in all; then the build stops with the error."""
    for attempt in range(1, START_ATTEMPTS + 1):
        writer = BundleWriter()
        try:
            writer.add(items)
        except BaseException:
            writer.close()
            raise
        try:
            return writer.files(merged=merged)
        except Stalled:
            if attempt == START_ATTEMPTS:
                raise
    raise AssertionError("unreachable")  # pragma: no cover
