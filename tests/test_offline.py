"""`make book` works with the network cut: every notebook executes and the HTML is built.

The build runs on a copy of the repository (fresh ``_build``) inside a new user and network
namespace (``unshare -rn``) whose only interface is the loopback (the kernels talk to papermill
over 127.0.0.1). Skipped where unprivileged namespaces are not permitted.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.book

ROOT = Path(__file__).resolve().parents[1]
IGNORE = shutil.ignore_patterns(
    ".venv", "_build", ".git", "node", ".ruff_cache", "__pycache__", "*.egg-info",
    ".ipynb_checkpoints",
)

#: run inside the namespace: bring the loopback up, prove the outside is unreachable, then exec
#: the command given as arguments (no `ip` tool needed)
OFFLINE = r"""
import fcntl, os, socket, struct, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
flags = struct.unpack("16sh", fcntl.ioctl(s, 0x8913, struct.pack("16sh", b"lo", 0)))[1]
fcntl.ioctl(s, 0x8914, struct.pack("16sh", b"lo", flags | 1))  # SIOCSIFFLAGS: IFF_UP
for host in (("1.1.1.1", 443), ("pypi.org", 443)):
    try:
        socket.create_connection(host, timeout=3).close()
    except OSError:
        continue
    sys.exit(f"offline check: {host} is reachable, the network is not cut")
os.execv(sys.argv[1], sys.argv[1:])
"""


def unshare_works() -> str | None:
    """None if `unshare -rn` can run here, else the reason it cannot."""
    if shutil.which("unshare") is None:
        return "unshare (util-linux) is not installed"
    proc = subprocess.run(["unshare", "-rn", "true"], capture_output=True, text=True)
    if proc.returncode != 0:
        return f"unshare -rn is not permitted here: {proc.stderr.strip()}"
    return None


def offline_command(*args: str) -> list[str]:
    """``args`` run with no network (loopback only)."""
    return ["unshare", "-rn", sys.executable, "-c", OFFLINE, *args]


def test_the_book_builds_with_the_network_cut(tmp_path):
    reason = unshare_works()
    if reason:
        pytest.skip(reason)
    copy = tmp_path / "repo"
    shutil.copytree(ROOT, copy, ignore=IGNORE, symlinks=True)
    if (ROOT / "tools" / "node").is_dir():  # front-end assets from npm (MathJax, axe-core)
        (copy / "tools" / "node").symlink_to(ROOT / "tools" / "node", target_is_directory=True)
    env = dict(os.environ)
    env.update({
        "DIGECON_DATA": str(copy / "data"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(copy / "src"),
                                                     env.get("PYTHONPATH")])),
        "MPLBACKEND": "Agg",
        # no proxy to fall back on, and no telemetry of any tool trying the network
        "NO_PROXY": "*", "HTTP_PROXY": "", "HTTPS_PROXY": "",
    })
    proc = subprocess.run(
        offline_command(sys.executable, "-m", "digecon_book.build", "--root", str(copy)),
        cwd=copy, env=env, capture_output=True, text=True, timeout=1800,
    )
    assert proc.returncode == 0, (
        f"offline build failed ({proc.returncode}):\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    )
    html = copy / "_build" / "html"
    assert (html / "index.html").is_file()
    assert (html / "book" / "intro.html").is_file()
