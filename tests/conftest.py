"""Shared fixtures: the repository root and a built book."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_book() -> Path:
    """Execute every notebook (papermill) and build the book strictly, as `make book` does.

    Returns the HTML folder. Fails the tests that use it with the build's own output.
    """
    proc = subprocess.run(
        [sys.executable, "-m", "digecon.build"], cwd=ROOT, capture_output=True, text=True
    )
    if proc.returncode != 0:
        pytest.fail(f"make book failed:\n{proc.stdout[-6000:]}\n{proc.stderr[-6000:]}")
    return ROOT / "_build" / "html"


def last_executions(root: Path) -> dict:
    """The execution record of the most recent build (`_build/executions.jsonl`)."""
    lines = (root / "_build" / "executions.jsonl").read_text(encoding="utf-8").splitlines()
    return json.loads(lines[-1])
