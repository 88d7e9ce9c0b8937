"""Shared fixtures: the repository root and a built book."""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def _collected_audit():
    from digecon import audit

    return audit.collect()


@pytest.fixture
def audit_rows(_collected_audit):
    """Every chapter's audit rows (``audit.collect()``), computed once per test session: each
    test gets its own copy, so none can change what the next one sees."""
    return _collected_audit.copy()


@pytest.fixture(scope="session")
def built_book() -> Path:
    """Execute every notebook (papermill) and build the book strictly, as `make book` does.

    Returns the HTML folder. Fails the tests that use it with the build's own output.

    One build per test run, whichever pytest-xdist worker asks first: the others wait on a lock
    and reuse it. The build publishes ``_build/html`` in one step, so no test sees it half
    written. (``--dist loadgroup`` cannot keep these tests on one worker: pytest-xdist 3.8
    marks the group by assigning ``item._nodeid``, which pytest 9 no longer reads.)
    """
    build_dir = ROOT / "_build"
    build_dir.mkdir(exist_ok=True)
    html = build_dir / "html"
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID") or f"pid-{os.getpid()}"
    marker = build_dir / ".pytest-built"
    with open(build_dir / ".pytest-book.lock", "a+", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if marker.exists() and marker.read_text(encoding="utf-8") == run:
            if (html / "index.html").exists():
                return html
        proc = subprocess.run(
            [sys.executable, "-m", "digecon_book.build"], cwd=ROOT, capture_output=True, text=True
        )
        if proc.returncode != 0:
            marker.unlink(missing_ok=True)
            pytest.fail(f"make book failed:\n{proc.stdout[-6000:]}\n{proc.stderr[-6000:]}")
        marker.write_text(run, encoding="utf-8")
    return html


def last_executions(root: Path) -> dict:
    """The execution record of the most recent build (`_build/executions.jsonl`)."""
    lines = (root / "_build" / "executions.jsonl").read_text(encoding="utf-8").splitlines()
    return json.loads(lines[-1])
