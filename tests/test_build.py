"""The build pipeline: cache keys, parallel papermill execution, failures, staging."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest

from digecon import build

TOC = "format: jb-book\nroot: book/intro\nchapters:\n- file: book/a\n- file: book/b\n"


def tiny_book(tmp: Path, body_b: str = "x = 2") -> Path:
    """A two-notebook book with the library files the cache key reads."""
    (tmp / "book").mkdir(parents=True)
    (tmp / "data").mkdir()
    (tmp / "src" / "digecon").mkdir(parents=True)
    (tmp / "src" / "digecon" / "__init__.py").write_text("", encoding="utf-8")
    (tmp / "_toc.yml").write_text(TOC, encoding="utf-8")
    (tmp / "book" / "intro.md").write_text("# Intro\n", encoding="utf-8")
    (tmp / "data" / "datapackage.json").write_text('{"resources": []}', encoding="utf-8")
    for name, body in (("a", "x = 1"), ("b", body_b)):
        nb = nbformat.v4.new_notebook()
        params = nbformat.v4.new_code_cell('lang = "kk"')
        params.metadata["tags"] = ["parameters"]
        nb.cells = [params, nbformat.v4.new_code_cell(body)]
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                     "language": "python"}
        nbformat.write(nb, tmp / "book" / f"{name}.ipynb")
    return tmp


@pytest.mark.book
def test_cache_executes_only_what_changed(tmp_path):
    root = tiny_book(tmp_path)
    stage = root / "_build" / "stage"
    first = build.execute(root, stage, jobs=2)
    assert sorted(r.status for r in first) == ["executed", "executed"]
    second = build.execute(root, stage, jobs=2)
    assert sorted(r.status for r in second) == ["cached", "cached"]
    nb = nbformat.read(root / "book" / "b.ipynb", as_version=4)
    nb.cells[1].source = "x = 3"
    nbformat.write(nb, root / "book" / "b.ipynb")
    third = {r.notebook: r.status for r in build.execute(root, stage, jobs=2)}
    assert third == {"book/a.ipynb": "cached", "book/b.ipynb": "executed"}
    (root / "src" / "digecon" / "__init__.py").write_text("# changed\n", encoding="utf-8")
    fourth = {r.notebook: r.status for r in build.execute(root, stage, jobs=2)}
    assert set(fourth.values()) == {"executed"}


@pytest.mark.book
def test_parameter_cells_are_collapsed_and_records_stored(tmp_path):
    root = tiny_book(tmp_path)
    stage = root / "_build" / "stage"
    build.execute(root, stage, jobs=1)
    nb = json.loads((stage / "book" / "a.ipynb").read_text(encoding="utf-8"))
    # collapsed, not removed: the exercises ask readers to change these parameters
    tags = nb["cells"][0]["metadata"]["tags"]
    assert "hide-input" in tags and "remove-cell" not in tags
    rec = nb["metadata"]["digecon"]
    assert rec["status"] == "ok" and rec["python"].startswith("3.11")
    assert rec["packages"]["papermill"] != "-"


@pytest.mark.book
def test_a_failing_notebook_stops_the_build_and_shows_the_cell(tmp_path, capsys):
    root = tiny_book(tmp_path, body_b="raise ValueError('boom in b')")
    (root / "_build" / "html").mkdir(parents=True)
    (root / "_build" / "html" / "index.html").write_text("stale", encoding="utf-8")
    code = build.build(root, jobs=2)
    err = capsys.readouterr().err
    assert code == 1
    assert "FAILED book/b.ipynb" in err
    assert "raise ValueError('boom in b')" in err and "boom in b" in err
    assert not (root / "_build" / "html").exists(), "a failed build must leave nothing to publish"


def test_toc_documents_reads_parts(tmp_path):
    (tmp_path / "_toc.yml").write_text(
        "format: jb-book\nroot: book/intro\nparts:\n- caption: A\n  chapters:\n"
        "  - file: book/x\n    sections:\n    - file: book/y\n- caption: B\n  chapters:\n"
        "  - file: book/z.ipynb\n", encoding="utf-8")
    docs = build.toc_documents(tmp_path / "_toc.yml")
    assert docs == ["book/intro", "book/x", "book/y", "book/z"]


def test_cache_key_depends_on_the_data_a_notebook_read(tmp_path):
    root = tiny_book(tmp_path)
    pkg = {"resources": [{"name": "t1", "path": "t1.csv"}, {"name": "t2", "path": "t2.csv"}]}
    (root / "data" / "datapackage.json").write_text(json.dumps(pkg), encoding="utf-8")
    (root / "data" / "t1.csv").write_text("a\n1\n", encoding="utf-8")
    (root / "data" / "t2.csv").write_text("a\n1\n", encoding="utf-8")
    nb = root / "book" / "a.ipynb"
    key = build.cache_key(nb, root, ["t1"])
    (root / "data" / "t2.csv").write_text("a\n2\n", encoding="utf-8")
    assert build.cache_key(nb, root, ["t1"]) == key, "a table the notebook never read"
    (root / "data" / "t1.csv").write_text("a\n2\n", encoding="utf-8")
    assert build.cache_key(nb, root, ["t1"]) != key


def test_stage_copies_only_changed_files(tmp_path):
    root = tiny_book(tmp_path)
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    stage = root / "_build" / "stage"
    build.stage_sources(root, stage)
    target = stage / "book" / "intro.md"
    mtime = target.stat().st_mtime_ns
    build.stage_sources(root, stage)
    assert target.stat().st_mtime_ns == mtime
    shutil.rmtree(stage)
