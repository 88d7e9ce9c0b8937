"""A build that never lies: one at a time, published in one step, nothing stale after a failure
or an interrupt, and strict-build warnings that name the source notebook and cell."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from papermill.exceptions import PapermillExecutionError

from digecon_book import build

from .test_build import tiny_book

ROOT = Path(__file__).resolve().parents[1]


def old_book(root: Path) -> Path:
    html = root / "_build" / "html"
    html.mkdir(parents=True)
    (html / "index.html").write_text("the previous book", encoding="utf-8")
    return html


def fake_render(pages: dict[str, str], *, then: BaseException | None = None, code: int = 0):
    """A stand-in for ``build.render``: writes ``pages`` where jupyter-book would."""

    def render(stage: Path, out_root: Path, *, strict: bool = True, builder: str = "html",
               sphinx=None):
        out = out_root / "_build" / builder
        out.mkdir(parents=True, exist_ok=True)
        for name, text in pages.items():
            (out / name).write_text(text, encoding="utf-8")
        if then is not None:
            raise then
        return code

    return render


@pytest.fixture
def quick(tmp_path, monkeypatch):
    """A tiny book whose execution and generated pages are skipped (nothing to execute)."""
    root = tiny_book(tmp_path)
    monkeypatch.setattr(build, "write_generated_pages", lambda root, stage: None)
    return root


# -- interrupts and failures -------------------------------------------------------------------


def test_an_interrupt_during_execution_removes_the_book_and_says_so(quick, monkeypatch, capsys):
    html = old_book(quick)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(build, "execute", interrupted)
    assert build.build(quick) == 130
    assert not html.exists()
    assert capsys.readouterr().err.strip() == (
        "The build was interrupted: _build/html was removed, because it would not match the "
        "sources. Run `make book` again to build the book."
    )
    assert not list((quick / "_build").glob(".html-*"))


def test_an_interrupt_during_sphinx_leaves_no_book_and_no_half_written_pages(
    quick, monkeypatch, capsys
):
    html = old_book(quick)
    monkeypatch.setattr(build, "execute", lambda *a, **k: [])
    half = fake_render({"a.html": "<p>half"}, then=KeyboardInterrupt())
    monkeypatch.setattr(build, "render", half)
    assert build.build(quick) == 130
    assert not html.exists()
    assert not (quick / "_build" / "render").exists(), "Sphinx's half-written folder must go"
    assert "The build was interrupted: _build/html was removed" in capsys.readouterr().err


def test_a_failed_strict_build_removes_the_book(quick, monkeypatch, capsys):
    html = old_book(quick)
    monkeypatch.setattr(build, "execute", lambda *a, **k: [])
    monkeypatch.setattr(build, "render", fake_render({"index.html": "new"}, code=1))
    assert build.build(quick) == 1
    assert not html.exists()
    err = capsys.readouterr().err
    assert "The strict build failed (warnings are errors)" in err
    assert "The previous _build/html was removed: it did not match the sources." in err


def test_a_good_build_replaces_the_book_in_one_step_after_post_processing(quick, monkeypatch):
    html = old_book(quick)
    (html / "gone.html").write_text("a page the new book no longer has", encoding="utf-8")
    monkeypatch.setattr(build, "execute", lambda *a, **k: [])
    page = '<img src="x.png"><script src="_static/scripts/fontawesome.js"></script>'

    def render(stage, out_root, **kw):  # the real render() post-processes its own output
        code = fake_render({"index.html": page})(stage, out_root)
        build.lighten_pages(out_root / "_build" / "html")
        return code

    monkeypatch.setattr(build, "render", render)
    assert build.build(quick) == 0
    assert (html / "index.html").read_text(encoding="utf-8") == '<img src="x.png">'
    assert not (html / "gone.html").exists()
    kept = [p.name for p in (quick / "_build").glob(".html-*")]
    assert kept == [".html-previous"], "only the previous book, kept aside for its readers"
    assert (quick / "_build" / ".html-previous" / "gone.html").exists()


def test_invalid_datapackage_json_stops_the_build_with_file_line_and_column(quick, capsys):
    html = old_book(quick)
    (quick / "data" / "datapackage.json").write_text('{"resources": [\n  {"name": "t1",,}\n]}',
                                                     encoding="utf-8")
    assert build.build(quick) == 1
    err = capsys.readouterr().err
    assert f"The book was not built: {quick / 'data' / 'datapackage.json'} is not valid JSON: " \
           "line 2, column 17: Expecting property name enclosed in double quotes." in err
    assert not html.exists()


def test_a_failed_notebook_names_the_notebook_cell_and_what_to_fix():
    data_error = PapermillExecutionError(
        3, 2, 'survey = data.load("un-egov-survey")', "DataError",
        "un_egov_survey.csv, row 7, column 'osi': '0,79a' is not a number", [])
    text = build.describe_failure(data_error, "book/egov.ipynb")
    assert text.splitlines()[0] == "book/egov.ipynb, cell 3 (execution count 2):"
    assert text.splitlines()[-1] == (
        'To fix it: fix the data file named in the error (see CONTRIBUTING.md, "Bad inputs").')
    param = PapermillExecutionError(3, 2, "checks.check_choice(...)", "ParameterError", "...", [])
    assert build.describe_failure(param, "book/egov.ipynb").endswith(
        "To fix it: fix the parameter named in the error in the notebook's parameters cell.")
    bug = PapermillExecutionError(9, 5, "1 / 0", "ZeroDivisionError", "division by zero", [])
    assert build.describe_failure(bug, "book/egov.ipynb").endswith(
        "To fix it: fix cell 9 of book/egov.ipynb.")


# -- one build at a time ---------------------------------------------------------------------

HOLD = """
import sys, time, pathlib
from digecon_book.build import build_lock
with build_lock(pathlib.Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def hold_lock(build_dir: Path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(build_dir), str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_a_second_build_waits_for_the_first_and_says_so(tmp_path, capsys):
    other = hold_lock(tmp_path, 1.5)
    start = time.monotonic()
    with build.build_lock(tmp_path, poll=0.1):
        waited = time.monotonic() - start
    other.wait(10)
    assert waited > 0.5
    assert capsys.readouterr().err.strip() == (
        f"another build is running in this folder (pid {other.pid}); waiting…")


def test_a_second_build_stops_after_the_timeout_with_a_message(quick, capsys):
    other = hold_lock(quick / "_build", 30)
    try:
        assert build.build(quick, lock_timeout=0.5) == 1
    finally:
        other.kill()
        other.wait(10)
    err = capsys.readouterr().err
    assert (f"another build is running in this folder (pid {other.pid}) and did not finish "
            "within 0 s; wait for it (or stop it), then run `make book` again") in err


# -- warnings mapped to the sources ----------------------------------------------------------


def test_a_strict_build_warning_names_the_source_notebook_and_cell():
    stage = ROOT / "_build" / "stage"
    cells = json.loads((ROOT / "book" / "egov.ipynb").read_text(encoding="utf-8"))["cells"]
    index = next(i for i, c in enumerate(cells) if c["cell_type"] == "markdown" and i > 3)
    line = (f"{stage}/book/egov.ipynb:{(index + 1) * 10000 + 25}: WARNING: "
            "undefined label: 'chapter-egovv' [ref.ref]\n")
    assert build.map_warning(line, stage, ROOT) == (
        f"book/egov.ipynb, cell {index} (markdown), line 25: WARNING: "
        "undefined label: 'chapter-egovv' [ref.ref]\n")
    md = f"{stage}/book/intro.md:12: WARNING: Unknown directive type: 'fig'\n"
    assert build.map_warning(md, stage, ROOT) == (
        "book/intro.md:12: WARNING: Unknown directive type: 'fig'\n")
    edition = f"{stage}/ru/book/intro.md:12: WARNING: x\n"  # a staged language edition
    assert build.map_warning(edition, stage, ROOT) == "book/intro.md:12: WARNING: x\n"
    generated = f"{stage}/book/glossary.md:3: WARNING: x\n"
    assert build.map_warning(generated, stage, ROOT) == (
        "book/glossary.md (generated by the build):3: WARNING: x\n")
    # Sphinx colours its warnings, even into a pipe
    coloured = f"\x1b[91m{stage}/book/intro.md:1: WARNING: toctree contains ...\x1b[39;49;00m\n"
    assert build.map_warning(coloured, stage, ROOT) == (
        "\x1b[91mbook/intro.md:1: WARNING: toctree contains ...\x1b[39;49;00m\n")
    other = "/elsewhere/a.md:3: WARNING: x\n"
    assert build.map_warning(other, stage, ROOT) == other


def test_warnings_a_child_process_writes_are_mapped_on_their_way_out(tmp_path, capfd):
    stage = tmp_path / "_build" / "stage"
    (tmp_path / "book").mkdir()
    nb = {"cells": [{"cell_type": "markdown", "source": "", "metadata": {}}]}
    (tmp_path / "book" / "x.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    warning = f"{stage}/book/x.ipynb:10003: WARNING: bad\n"
    with build._warnings_mapped(stage, tmp_path):
        subprocess.run([sys.executable, "-c", f"import sys; sys.stderr.write({warning!r})"],
                       check=True)
    assert capfd.readouterr().err == "book/x.ipynb, cell 0 (markdown), line 3: WARNING: bad\n"



def test_an_unexpected_error_removes_the_book_and_shows_the_error(quick, monkeypatch, capsys):
    html = old_book(quick)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(build, "execute", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        build.build(quick)
    assert not html.exists()
    assert capsys.readouterr().err.strip() == (
        "The build failed with the error below; _build/html was removed, because it would not "
        "match the sources.")


def test_executing_without_rendering_removes_a_book_the_new_results_outdate(
    quick, monkeypatch, capsys
):
    html = old_book(quick)
    monkeypatch.setattr(build, "execute", lambda *a, **k: [build.Result("book/a.ipynb", "cached")])
    assert build.build(quick, render_html=False) == 0
    assert html.exists(), "nothing was executed: the book still matches"
    ran = [build.Result("book/a.ipynb", "executed")]
    monkeypatch.setattr(build, "execute", lambda *a, **k: ran)
    assert build.build(quick, render_html=False) == 0
    assert not html.exists()
    assert "_build/html was removed: it does not show the notebooks executed now" in \
        capsys.readouterr().err
