"""Which years of a site folder need no build: the digest of each year last built into it
(`generator.site.build.inputs_digest`), kept in the repository's `.kiemdiem-cache/`."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from generator import cachetrust
from generator.loadcache import CACHE_DIR


class BuildCache:
    """Digests of the years last built into one output folder."""

    def __init__(self, repo: Path, out: Path) -> None:
        key = hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:16]
        self.path = repo / CACHE_DIR / f"site-{key}.json"
        self.usable = cachetrust.trusted(repo)  # not a folder that came with the files
        try:
            if not self.usable:
                raise OSError("not this machine's cache")
            self.data: dict[str, str] = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            self.data = {}

    def fresh(self, year: int, digest: str) -> bool:
        return self.data.get(str(year)) == digest

    def set(self, year: int, digest: str) -> None:
        self.data[str(year)] = digest

    def save(self) -> None:
        if not self.usable:
            return
        cachetrust.make_folder(self.path.parent)
        self.path.write_text(json.dumps(self.data, indent=1, sort_keys=True), "utf-8")
