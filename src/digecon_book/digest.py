"""One digest over everything a build reads, so that a build with nothing changed stops at once.

``make book`` hashes the sources (``book/``), the configuration (``_config.yml``, ``_toc.yml``),
the bibliography, the library and authoring code (``src/``), the data (``data/``), the locked
environment (``requirements.lock``), the translations (``locale/``) and the front-end assets'
versions (``tools/assets.sh``), and compares the digest with the one stored beside the HTML
of the last successful build.

>>> import pathlib, tempfile
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> _ = (root / "_toc.yml").write_text("root: book/intro\\n")
>>> first = inputs_digest(root)
>>> first == inputs_digest(root), up_to_date(root, first)
(True, False)
>>> _ = (root / "_build" / "html").mkdir(parents=True)
>>> _ = (root / "_build" / "html" / "index.html").write_text("<html></html>")
>>> record(root, first); up_to_date(root, first)
True
>>> _ = (root / "_toc.yml").write_text("root: book/other\\n")
>>> up_to_date(root, inputs_digest(root))
False
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

#: files and folders of the repository root that a build reads
INPUTS = ("_config.yml", "_toc.yml", "references.bib", "requirements.lock", "pyproject.toml",
          "tools/assets.sh", "book", "src", "data", "locale")
SKIP = {"__pycache__", ".ipynb_checkpoints", "_build", ".pytest_cache", ".ruff_cache"}
STORED = Path("_build") / "html" / ".inputs-digest"


def _files(path: Path):
    if path.is_file():
        yield path
        return
    for folder, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if d not in SKIP and not d.endswith(".egg-info"))
        for name in sorted(files):
            if not name.endswith((".pyc", ".partial.ipynb")):
                yield Path(folder) / name


def inputs_digest(root: Path) -> str:
    """SHA-256 over the names and bytes of every input of a build under ``root``."""
    h = hashlib.sha256()
    for name in INPUTS:
        base = root / name
        if not base.exists():
            h.update(f"absent:{name}\0".encode())
            continue
        for path in _files(base):
            h.update(path.relative_to(root).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def up_to_date(root: Path, digest: str) -> bool:
    """True when the last successful build read exactly these inputs and its HTML is there."""
    stored = root / STORED
    return (
        (root / "_build" / "html" / "index.html").exists()
        and stored.exists()
        and stored.read_text(encoding="utf-8").strip() == digest
    )


def record(root: Path, digest: str) -> None:
    """Store the digest of the inputs a successful build read (taken before it read them)."""
    stored = root / STORED
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.write_text(digest + "\n", encoding="utf-8")
