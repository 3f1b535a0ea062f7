"""Runs the real `plansjekk` command (a subprocess, as a user or CI would) for the
acceptance tests, with its own cache folder so no test sees another machine's cache."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "plans"
CHROMIUM = "/usr/bin/chromium"
"""Debian's chromium (`make system-deps`); Playwright never downloads a browser here."""
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("plansjekk-cache")


@pytest.fixture(scope="session")
def plansjekk(cache_dir: Path):
    """`plansjekk(*args, cwd=..., env=...)` → CompletedProcess (text, or bytes with
    `binary=True`). Never a traceback, whatever the exit code."""

    def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            binary: bool = False) -> subprocess.CompletedProcess:
        environ = {**os.environ, "PLANSJEKK_CACHE_DIR": str(cache_dir), "NO_COLOR": "1",
                   **(env or {})}
        for name in list(environ):
            if name.startswith("PLANSJEKK_") and name != "PLANSJEKK_CACHE_DIR" and (
                    not env or name not in env):
                del environ[name]  # a developer's own settings must not change the results
        result = subprocess.run(
            [sys.executable, "-m", "plansjekk", *args], cwd=cwd or ROOT, env=environ,
            capture_output=True, text=not binary, timeout=180,
        )
        for stream in (result.stdout, result.stderr):
            text = stream.decode("utf-8", "replace") if binary else stream
            assert "Traceback" not in text, text
        return result

    return run
