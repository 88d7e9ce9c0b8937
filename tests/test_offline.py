"""The book works with the network cut: a chapter executes and all three editions render.

A full cold build offline would repeat what the `book` tests already build online; what is
specific to being offline is that nothing reaches out. So the proof is cheaper:

* a preview build of one chapter (``python -m digecon_book.build --preview egov``: it executes
  the notebook under papermill and renders the three language editions with the glossary,
  the bibliography and the data appendix, the same Sphinx pipeline as ``make book``) runs on a
  fresh copy of the repository (cold caches) inside a new user and network namespace
  (``unshare -rn``) whose only interface is the loopback (the kernel talks to papermill over
  127.0.0.1). Skipped where unprivileged namespaces are not permitted;
* every other chapter is held to the same by a static test (fast, not marked ``book``): no
  code cell but the Colab bootstrap, and no module a student imports, names a URL or a
  network library. The book's tests execute every chapter (online), so a chapter that read
  from the network without naming it in its code would have to do so through the library,
  which the second check covers.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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


#: the chapter previewed offline: small, with figures, tables, glue and its audit
CHAPTER = "egov"


@pytest.mark.book
def test_a_chapter_executes_and_renders_with_the_network_cut(tmp_path):
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
        offline_command(sys.executable, "-m", "digecon_book.build", "--root", str(copy),
                        "--preview", CHAPTER),
        cwd=copy, env=env, capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 0, (
        f"offline preview failed ({proc.returncode}):\n{proc.stdout[-4000:]}\n"
        f"{proc.stderr[-4000:]}"
    )
    assert f"book/{CHAPTER}.ipynb: executed" in proc.stdout
    html = copy / "_build" / f"preview-{CHAPTER}" / "_build" / "html"
    for lang in ("kk", "ru", "en"):
        page = html / lang / "book" / f"{CHAPTER}.html"
        assert page.is_file(), sorted(p.name for p in html.glob("*"))
        text = page.read_text(encoding="utf-8")
        assert "{glue" not in text, f"{lang}: a glue role was left unresolved"
        assert re.search(r'<img [^>]*src="\.\./_images/[^"]+\.svg"', text), f"{lang}: no figure"


#: what would reach the network from a code cell or the student package
NETWORK = re.compile(r"https?://|\b(urllib|requests|httpx|http\.client|socket|urlopen|"
                     r"ftplib|aiohttp)\b")


def network_uses(source: str) -> list[str]:
    """Lines of ``source`` that name a URL or a network library (comments left out)."""
    return [line.strip() for line in source.splitlines()
            if NETWORK.search(line) and not line.strip().startswith("#")]


def test_no_chapter_or_student_module_reaches_the_network():
    from digecon_book import build

    found = []
    for path in build.toc_notebooks(ROOT):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for i, cell in enumerate(nb["cells"]):
            source = "".join(cell["source"])
            if cell["cell_type"] != "code" or 'find_spec("digecon")' in source:
                continue  # the Colab bootstrap clones the repository when digecon is missing
            found += [f"{path.name}, cell {i}: {line}" for line in network_uses(source)]
    for path in sorted((ROOT / "src" / "digecon").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            found += [f"{path.relative_to(ROOT)}:{node.lineno}: import {n}" for n in names
                      if n.split(".")[0] in {"urllib", "requests", "httpx", "http", "socket",
                                             "ftplib", "aiohttp"}]
    assert not found, "\n".join(found)


def test_network_uses_sees_a_url_and_a_library():
    assert network_uses("import requests\nx = 1") == ["import requests"]
    assert network_uses("# see https://example.org\nx = 1") == []
