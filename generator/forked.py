"""Work done in a forked copy of this process, its answer sent back through a pipe.

    child = Forked.start(lambda: pickle.dumps(work()))   # None: do the work here
    ...                                                  # this process goes on meanwhile
    answer = child.join()                                # the bytes, or None if it failed

A fork shares the parent's objects (copy-on-write): the child reads them without their
being sent, and sends back only what it made. Fork while the heap is small: after a fork
every page the parent writes again — and CPython writes an object's page whenever it
takes a reference to it — is faulted and copied. Forked after a province was loaded
(1 GB), the rating and redaction that followed ran 40-70% slower, more than what the
child took off them (measured: the cross-file checks moved into a child made a one-file
rebuild 5 s slower). Used to walk a year while its cache is read (generator.scan) and to
feed the search bundles while the pages are rendered (generator.site.indexer). Not
where threads run: forking a threaded process is unsafe (and deprecated from Python 3.12).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable


class Forked:
    """A forked child computing some bytes (see the module)."""

    def __init__(self, pid: int, read: int) -> None:
        self.pid, self.read = pid, read
        self.status: int | None = None  # the child's wait status, once joined

    @classmethod
    def start(cls, work: Callable[[], bytes]) -> Forked | None:
        """Fork a child that runs `work` and sends its bytes back; None where this
        process cannot fork (no os.fork, other threads running, fork failed)."""
        if not hasattr(os, "fork") or threading.active_count() > 1:
            return None
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            return None
        if pid:
            os.close(write)
            return cls(pid, read)
        status = 1
        try:  # the child: never returns, never runs the parent's exit handlers
            os.close(read)
            data = work()
            with os.fdopen(write, "wb") as pipe:
                pipe.write(data)
            status = 0
        finally:
            os._exit(status)

    def join(self) -> bytes | None:
        """The child's bytes; None if it failed or was killed."""
        with os.fdopen(self.read, "rb") as pipe:
            data = pipe.read()
        _, self.status = os.waitpid(self.pid, 0)
        return data if self.status == 0 and data else None


__all__ = ["Forked"]
