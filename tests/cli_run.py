"""Run the ``briefing`` command line as a user would: a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "kazinform-eurasian-connectivity.yaml"
ARTICLE = ROOT / "data" / "kazinform-eurasian-connectivity.ru.txt"


def child_environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """This process's environment without what changes the output's colour or size
    (``NO_COLOR``, ``FORCE_COLOR``, ``COLUMNS``, ``LINES``, ``TERM``), with UTF-8
    standard streams, then ``extra``."""
    environment = {
        key: value for key, value in os.environ.items()
        if key not in {"NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "TERM"}
    }
    environment["PYTHONIOENCODING"] = "utf-8"
    environment.update(extra or {})
    return environment


def run_cli(
    *args: str | Path,
    env: dict[str, str] | None = None,
    stdin: bytes | None = None,
    cwd: Path | None = None,
    timeout: float = 30,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m briefing ARGS`` with a clean colour environment."""
    completed = subprocess.run(
        [sys.executable, "-m", "briefing", *map(str, args)],
        input=stdin, capture_output=True, env=child_environment(env), cwd=cwd, timeout=timeout,
    )
    return subprocess.CompletedProcess(
        completed.args, completed.returncode,
        completed.stdout.decode("utf-8"), completed.stderr.decode("utf-8"),
    )
