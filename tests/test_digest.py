"""A build with nothing changed stops before reading anything; any changed input rebuilds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digecon_book import build, digest


def _root(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for name, text in {
        "_toc.yml": "format: jb-book\nroot: book/intro\nchapters:\n- file: book/ch\n",
        "_config.yml": "title: t\n",
        "book/intro.md": "# Intro\n",
        "book/ch.ipynb": json.dumps({"cells": [], "metadata": {}, "nbformat": 4,
                                     "nbformat_minor": 5}),
        "src/digecon/x.py": "X = 1\n",
        "data/datapackage.json": "{}",
        "requirements.lock": "pandas==2\n",
    }.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def fake_build(monkeypatch):
    """``build.build`` with its stages replaced by recorders (no kernel, no Sphinx)."""
    calls: list[str] = []

    def render(stage, out_root, **kwargs):
        calls.append("render")
        html = out_root / "_build" / "html"
        html.mkdir(parents=True, exist_ok=True)
        (html / "index.html").write_text("<html></html>", encoding="utf-8")
        return 0

    monkeypatch.setattr(build, "stage_sources", lambda root, stage: calls.append("stage"))
    monkeypatch.setattr(build, "execute", lambda root, stage, **kw: calls.append("execute")
                        or [build.Result("book/ch.ipynb", "executed")])
    monkeypatch.setattr(build, "write_generated_pages", lambda root, stage: None)
    monkeypatch.setattr(build, "render", render)
    return calls


def test_nothing_changed_means_nothing_read_executed_or_rendered(tmp_path, fake_build, capsys):
    root = _root(tmp_path)
    assert build.build(root) == 0
    assert fake_build == ["stage", "execute", "render"]
    fake_build.clear()
    assert build.build(root) == 0
    assert fake_build == []
    assert "nothing changed since the last build" in capsys.readouterr().out
    log = (root / "_build" / "executions.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(log[-1])["executed"] == []
    assert json.loads(log[-1])["cached"] == ["book/ch.ipynb"]


@pytest.mark.parametrize("changed", ["book/intro.md", "_config.yml", "src/digecon/x.py",
                                     "data/datapackage.json", "requirements.lock",
                                     "locale/kk.po"])
def test_any_changed_input_builds_again(tmp_path, fake_build, changed):
    root = _root(tmp_path)
    assert build.build(root) == 0
    fake_build.clear()
    path = root / changed
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text((path.read_text(encoding="utf-8") if path.exists() else "") + " ",
                    encoding="utf-8")
    assert build.build(root) == 0
    assert fake_build == ["stage", "execute", "render"]


def test_force_and_a_missing_html_build_again(tmp_path, fake_build):
    root = _root(tmp_path)
    build.build(root)
    fake_build.clear()
    build.build(root, force=True)
    assert fake_build == ["stage", "execute", "render"]
    fake_build.clear()
    (root / "_build" / "html" / "index.html").unlink()
    build.build(root)
    assert fake_build == ["stage", "execute", "render"]


def test_a_failed_build_records_no_digest(tmp_path, fake_build, monkeypatch):
    root = _root(tmp_path)
    monkeypatch.setattr(build, "render", lambda *a, **k: 1)
    assert build.build(root) == 1
    assert not (root / digest.STORED).exists()
