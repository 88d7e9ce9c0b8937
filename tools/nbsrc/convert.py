"""Turn the MyST-Markdown notebook sources in tools/nbsrc/ into book/*.ipynb (no outputs).

Authors may edit either form; `jupytext --to myst book/X.ipynb` gives the Markdown back.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupytext
import nbformat

HERE = Path(__file__).resolve().parent
BOOK = HERE.parents[1] / "book"


def convert(src: Path) -> Path:
    text = src.read_text(encoding="utf-8")
    text = text.replace("BOOTSTRAP", (HERE / "_bootstrap.txt").read_text(encoding="utf-8"))
    nb = jupytext.reads(text, fmt="myst")
    nb.metadata.pop("jupytext", None)
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3", "language": "python", "name": "python3"
    }
    nb.metadata["language_info"] = {"name": "python"}
    for i, cell in enumerate(nb.cells):
        cell.id = f"{src.stem}-{i:02d}"
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    target = BOOK / f"{src.stem}.ipynb"
    nbformat.write(nb, target)
    return target


if __name__ == "__main__":
    names = sys.argv[1:] or [p.stem for p in HERE.glob("*.md")]
    for name in names:
        print(convert(HERE / f"{name}.md"))
