"""LibreOffice headless as a test oracle: what a reader's spreadsheet makes of our files.

    from tests.libreoffice import SOFFICE, convert
    pdf = convert(xlsx_path, "pdf", tmp_path)

Debian's `libreoffice-calc-nogui` (installed by .ci/run). Each call uses its own user
profile, so parallel runs (and a desktop LibreOffice) never share a lock.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

# skipped on a developer's machine without it; never in CI (.ci/run installs it)
needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice (libreoffice-calc-nogui) is not installed",
)


def convert(source: Path, fmt: str, out_dir: Path, infilter: str | None = None) -> Path:
    """Convert `source` with LibreOffice headless to `fmt` ("pdf", "xlsx", …) in
    `out_dir`; returns the written file."""
    assert SOFFICE is not None, "LibreOffice is not installed (.ci/run installs it)"
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        cmd = [
            SOFFICE,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            fmt,
            "--outdir",
            str(out_dir),
        ]
        if infilter:
            cmd.append(f"--infilter={infilter}")
        done = subprocess.run(
            [*cmd, str(source)], capture_output=True, text=True, timeout=180, check=False
        )
    target = out_dir / (source.stem + "." + fmt.split(":")[0])
    assert target.is_file(), f"LibreOffice wrote nothing: {done.stdout} {done.stderr}"
    return target
