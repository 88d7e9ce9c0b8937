"""Student notebooks (digecon_book.student): one plain notebook per chapter and language.

The fast tests convert small trilingual cells. The ``book`` tests use executed chapters: the
staged notebooks of a previous build (``_build/stage``) when there are any, else the smallest
chapter executed once for the session; they render every generated notebook's Markdown with a
CommonMark parser, and run one generated notebook per language in a fresh virtual environment
holding only what Colab has (the first cell installs the rest from a local clone).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from digecon.fmt import format_value
from digecon_book import student
from digecon_book.trilingual import _GLUE_TEXT, LANGS, select_language, tab_items

ROOT = Path(__file__).resolve().parents[1]
#: letters of Kazakh that Russian (and English) never use
KAZAKH_ONLY = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
#: what MyST leaves in a notebook that CommonMark cannot render
MYST = ("```{", "{glue", "{cite", "{term", "{ref", ":::", ":sync:", "{numref", "{doc}")
#: the chapter executed when no build is at hand (the quickest one)
SMALL_CHAPTER = "egov"


def _tabs(kk: str, ru: str, en: str) -> str:
    items = "".join(
        f"````{{tab-item}} {name}\n:sync: {code}\n{text}\n````\n\n"
        for code, name, text in (("kk", "Қазақша", kk), ("ru", "Русский", ru),
                                 ("en", "English", en))
    )
    return f"`````{{tab-set}}\n:sync-group: lang\n\n{items}`````\n"


def _ctx(**kw) -> student.Context:
    base = {"bib": {"smith": {"authors": ["Smith", "Jones"], "year": "2020", "title": "T",
                              "where": "J", "doi": ""}},
            "labels": {"data-appendix": "book/data"}, "edition_url": "https://b/ru",
            "titles": {"data-appendix": "Қосымша · Приложение · Appendix"}}
    base.update(kw)
    return student.Context(**base)


# --------------------------------------------------------------------------------------------
# one cell


def test_a_cell_keeps_one_language_with_numbers_citations_and_links():
    md = ("(chapter-x)=\n# Кіріспе · Введение · Introduction\n\n" + _tabs(
        "Саны {glue:text}`n:.2f` {cite:p}`smith`.",
        "Число {glue:text}`n:.2f` {cite:p}`smith`, {term}`цифровая экономика`, "
        "{ref}`data-appendix`, {term}`текст <цель>`.",
        "Number {glue:text}`n:.2f`."))
    ctx = _ctx(values={"n": 0.8151})
    out = student.markdown_cell(md, "ru", ctx)
    assert out.startswith("# Введение\n"), out
    assert "Число 0,82 (Smith и Jones, 2020)" in out
    assert "[цифровая экономика](https://b/ru/book/glossary.html)" in out
    assert "[Приложение](https://b/ru/book/data.html#data-appendix)" in out
    assert "[текст](https://b/ru/book/glossary.html)" in out
    assert "chapter-x" not in out and "Саны" not in out and "Number" not in out
    assert ctx.cited == ["smith"]


def test_figures_become_attachments_and_tables_inline_html():
    md = _tabs("```{glue:figure} fig_kk\n:alt: сурет\n\nКесте.\n```\n\n```{glue:} tab_kk\n```",
               "x", "y")
    ctx = _ctx(glued={"fig_kk": {"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"},
                      "tab_kk": {"text/html": "<table>\n\n<tr><td>1</td></tr>\n</table>"}})
    attachments: dict = {}
    out = student.markdown_cell(md, "kk", ctx, attachments)
    assert "![сурет](attachment:fig_kk.png)" in out
    assert attachments == {"fig_kk.png": {"image/png": "iVBORw0KGgo="}}
    assert "*Кесте.*" in out
    # one HTML block: a blank line inside would end it and show the rest as text
    assert "<table>\n<tr><td>1</td></tr>\n</table>" in out


def test_exercises_solutions_dropdowns_and_notes():
    md = _tabs("x", "x", "```{exercise}\n:label: ex1\n\nCount.\n```\n\n"
               "```{solution} ex1\n:class: dropdown\n\nTwo.\n```\n\n"
               ":::{dropdown} All checks\nrows\n:::\n\n```{note}\nCareful.\n```\n\n"
               "```{exercise}\n:label: ex2\n\nAgain.\n```")
    out = student.markdown_cell(md, "en", _ctx())
    assert "#### Exercise 1" in out and "#### Exercise 2" in out
    assert "<details>\n<summary>Solution</summary>\n\nTwo.\n\n</details>" in out
    assert "<summary>All checks</summary>" in out
    assert "> **Note**\n>\n> Careful." in out
    html = MarkdownIt("commonmark").render(out)
    assert not any(m in html for m in MYST), html


def test_an_unknown_glued_name_is_an_error_unless_lenient():
    md = _tabs("{glue:text}`missing`", "{glue:text}`missing`", "{glue:text}`missing`")
    with pytest.raises(KeyError, match="missing"):
        student.markdown_cell(md, "en", _ctx())
    assert student.markdown_cell(md, "en", _ctx(strict=False)) == "…"


def test_code_cells_parameters_visible_and_outputs_in_the_language():
    kk_png, ru_png = "S0s=", "UlU="
    executed = {
        "metadata": {"language_info": {"name": "python"}, "digecon": {"status": "ok"},
                     "papermill": {}},
        "cells": [
            {"cell_type": "code", "metadata": {"tags": ["remove-cell"]}, "outputs": [],
             "source": 'if importlib.util.find_spec("digecon") is None:\n    pass'},
            {"cell_type": "code", "metadata": {"tags": ["parameters", "remove-cell"]},
             "outputs": [], "source": 'lang = "kk"  # the reader\'s language\nn = 3'},
            {"cell_type": "code", "metadata": {"tags": ["remove-cell"]}, "outputs": [],
             "source": "import digecon"},
            {"cell_type": "code", "metadata": {}, "execution_count": 3, "source": "plot()",
             "outputs": [
                 {"output_type": "display_data", "data": {"image/png": kk_png},
                  "metadata": {"scrapbook": {"name": "f_kk"}}},
                 {"output_type": "display_data", "data": {"image/png": ru_png},
                  "metadata": {"scrapbook": {"name": "f_ru"}}},
                 {"output_type": "display_data", "data": {"text/plain": "3"},
                  "metadata": {"scrapbook": {"name": "n"}}},
                 {"output_type": "display_data", "data": {"image/png": kk_png}, "metadata": {}},
             ]},
        ],
    }
    nb = student.student_notebook(executed, "ru", edition_url="..")
    first, params, imports, plot = nb["cells"]
    assert "find_spec" in "".join(first["source"]) and "DIGECON_REPO" in "".join(first["source"])
    assert "".join(params["source"]).startswith('lang = "ru"')
    assert params["metadata"] == {"tags": ["parameters"]}
    assert imports["metadata"] == {"jupyter": {"source_hidden": True}}
    # glue-only outputs gone; the Kazakh figure of the run swapped for the Russian one
    assert plot["outputs"] == [{"output_type": "display_data", "data": {"image/png": ru_png},
                                "metadata": {}}]
    assert set(nb["metadata"]) == {"kernelspec", "language_info", "colab"}
    import nbformat

    nbformat.validate(nbformat.from_dict(nb))  # ids, attachments, outputs: a valid notebook


def test_every_chapter_converts_unexecuted_in_every_language():
    """The Binder fallback: the sources themselves, without a run, convert cleanly."""
    bib = student.read_bibliography(ROOT / "references.bib")
    labels = student.labels_in(ROOT / "book")
    for path in sorted((ROOT / "book").glob("*.ipynb")):
        source = json.loads(path.read_text(encoding="utf-8"))
        for lang in LANGS:
            nb = student.student_notebook(source, lang, edition_url="..", bib=bib,
                                          labels=labels, strict=False)
            text = "\n".join("".join(c["source"]) for c in nb["cells"]
                             if c["cell_type"] == "markdown")
            html = MarkdownIt("commonmark").render(text)
            left = [m for m in MYST if m in html or m in text]
            assert not left, f"{path.name} [{lang}]: {left}"


# --------------------------------------------------------------------------------------------
# executed chapters


def _executed(stage: Path) -> list[Path]:
    out = []
    for path in sorted((stage / "book").glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        if nb.get("metadata", {}).get("digecon", {}).get("status") == "ok":
            out.append(path)
    return out


@pytest.fixture(scope="session")
def stage(tmp_path_factory) -> Path:
    """Executed chapters: the last build's stage, else one small chapter executed now."""
    existing = ROOT / "_build" / "stage"
    if _executed(existing):
        return existing
    from digecon_book import appendix, build, pages

    stage = tmp_path_factory.mktemp("stage")
    build.stage_sources(ROOT, stage)
    (stage / "book" / "data.md").write_text(appendix.data_appendix_page(), encoding="utf-8")
    (stage / "book" / "glossary.md").write_text(pages.glossary_page(), encoding="utf-8")
    res = build.execute_one(str(ROOT / "book" / f"{SMALL_CHAPTER}.ipynb"),
                            str(stage / "book" / f"{SMALL_CHAPTER}.ipynb"), str(ROOT))
    assert res.status == "executed", res.error
    return stage


@pytest.fixture(scope="session")
def generated(stage, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("html")
    paths = student.write_student_notebooks(stage, out)
    assert len(paths) == 3 * len(_executed(stage))
    return out


def _markdown(nb: dict) -> list[str]:
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]


@pytest.mark.book
def test_generated_notebooks_are_plain_markdown_in_one_language(stage, generated):
    md = MarkdownIt("commonmark")
    for source_path in _executed(stage):
        source = json.loads(source_path.read_text(encoding="utf-8"))
        values = student.glued_values(source)
        for lang in LANGS:
            path = student.notebook_dir(generated, lang) / source_path.name
            nb = json.loads(path.read_text(encoding="utf-8"))
            where = f"{source_path.stem} [{lang}]"
            cells = _markdown(nb)
            prose = "\n".join(cells[:-1] if cells[-1].startswith("## ") else cells)
            html = md.render("\n\n".join(cells))
            left = [m for m in MYST if m in html]
            assert not left, f"{where}: MyST left in the rendered Markdown: {left}"
            if lang != "kk":
                # a Kazakh word in the prose is one the author wrote in this language's tab (a
                # quoted term, a place, a source's name) or a glued value, never a leak
                own = "\n".join(select_language("".join(c["source"]), lang)
                                 for c in source["cells"] if c["cell_type"] == "markdown")
                own += " ".join(str(v) for v in values.values())
                text = re.sub(r"<table.*?</table>|<style.*?</style>|<script.*?</script>", " ",
                              prose, flags=re.S)
                text = re.sub(r"<[^>]+>|!\[[^\]]*\]\([^)]*\)", " ", text)
                words = {w for w in re.findall(r"\w+", text) if KAZAKH_ONLY.search(w)}
                leaked = sorted(w for w in words if w not in own)
                assert not leaked, f"{where}: Kazakh words not in the {lang} source: {leaked}"
            expected_glue = 0
            for cell in source["cells"]:
                if cell["cell_type"] != "markdown":
                    continue
                text = "".join(cell["source"])
                for m in re.finditer(r"^(`{3,})\{tab-set\}", text, re.M):
                    end = text.index("\n" + m.group(1) + "\n", m.end()) if (
                        "\n" + m.group(1) + "\n") in text[m.end():] else len(text)
                    items = tab_items(text[m.end():end].splitlines())
                    for other in LANGS:
                        if other == lang or other not in items:
                            continue
                        for line in items[other]:
                            plain = line.strip()
                            if len(plain) > 60 and not re.search(r"[{}`$<>|]", plain):
                                assert plain not in prose, f"{where}: {other} text: {plain}"
                    for line in items.get(lang, []):
                        for g in _GLUE_TEXT.finditer(line):
                            expected_glue += 1
                            shown = format_value(values[g["key"]], g["spec"] or "", lang)
                            assert shown in prose, f"{where}: glued {g['key']} = {shown} missing"
            assert expected_glue > 0, f"{where}: no glued number checked"
            for cell in nb["cells"]:
                for name in re.findall(r"attachment:([^)\s]+)", "".join(cell["source"])):
                    assert name in cell.get("attachments", {}), f"{where}: {name} not attached"


def _uv() -> str:
    uv = Path(sys.executable).with_name("uv")
    return str(uv) if uv.exists() else "uv"


@pytest.mark.book
def test_a_student_notebook_runs_in_a_fresh_colab_like_environment(
        stage, generated, tmp_path, monkeypatch):
    """Only Colab's packages (and a kernel): the first cell installs digecon from a clone."""
    import nbformat
    from nbclient import NotebookClient

    from tests.test_environment import lock_pins

    pins = lock_pins(ROOT)
    env_dir = tmp_path / "venv"
    subprocess.run([_uv(), "venv", "--quiet", "--seed", "--python", sys.executable,
                    str(env_dir)], check=True)
    py = env_dir / "bin" / "python"
    packages = ["pandas", "numpy", "matplotlib", "seaborn", "statsmodels", "scipy", "ipykernel"]
    subprocess.run([_uv(), "pip", "install", "--quiet", "--python", str(py),
                    *[f"{p}=={pins[p]}" for p in packages]], check=True)
    code = "import importlib.util as u; print(u.find_spec('digecon'), u.find_spec('myst_nb'))"
    assert subprocess.run([str(py), "-c", code], capture_output=True, text=True,
                          cwd=tmp_path).stdout.split() == ["None", "None"]
    subprocess.run([str(py), "-m", "ipykernel", "install", "--prefix", str(env_dir),
                    "--name", "fresh"], check=True, capture_output=True)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    monkeypatch.setenv("DIGECON_REPO", str(clone))
    monkeypatch.setenv("JUPYTER_PATH", str(env_dir / "share" / "jupyter"))
    monkeypatch.delenv("DIGECON_DATA", raising=False)
    monkeypatch.delenv("PYTHONPATH", raising=False)
    work = tmp_path / "colab"
    work.mkdir()
    chapter = _executed(stage)[0].name
    # One language: the three notebooks share their code cells and differ only in the
    # parameters cell's ``lang``, and after the first run the bootstrap would find digecon
    # installed, so two more runs would prove nothing about Colab. Russian, because the book
    # itself runs the chapters in Kazakh: this also runs the code with another language.
    lang = "ru"
    nb = nbformat.read(student.notebook_dir(generated, lang) / chapter, as_version=4)
    assert f'lang = "{lang}"' in "".join(c.source for c in nb.cells if c.cell_type == "code")
    client = NotebookClient(nb, kernel_name="fresh", timeout=900,
                            resources={"metadata": {"path": str(work)}})
    client.execute()  # raises CellExecutionError naming the cell that failed
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error"]
    assert not errors, f"{chapter} [{lang}]: {errors[:1]}"
    assert (work / "digital-economy-kz" / "data" / "datapackage.json").exists()


@pytest.mark.browser
@pytest.mark.book
def test_jupyterlab_renders_the_student_notebooks(stage, generated, tmp_path):
    """JupyterLab (the project's) shows each language's notebook with no raw MyST."""
    import socket

    from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, _require

    _require(CHROMIUM, "Chromium")
    from playwright.sync_api import sync_playwright

    chapter = _executed(stage)[0].name
    root_dir = tmp_path / "lab"
    for lang in LANGS:
        (root_dir / lang).mkdir(parents=True)
        shutil.copy(student.notebook_dir(generated, lang) / chapter, root_dir / lang / chapter)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    jupyter = Path(sys.executable).with_name("jupyter")
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
               JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    lab = subprocess.Popen(
        [str(jupyter), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         "--IdentityProvider.token=", "--ServerApp.password=",
         "--ServerApp.disable_check_xsrf=True",
         f"--ServerApp.root_dir={root_dir}", "--LabApp.news_url=None",
         *(["--allow-root"] if os.geteuid() == 0 else [])],  # CI containers run as root
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shots = ROOT / "_build" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 1600})
            for lang in LANGS:
                # ?reset: a fresh workspace, not the tabs of the previous notebook
                url = f"http://127.0.0.1:{port}/lab/tree/{lang}/{chapter}?reset"
                for _ in range(60):  # the server takes a few seconds to start
                    assert lab.poll() is None, "JupyterLab stopped"
                    try:
                        page.goto(url, timeout=60_000)
                        break
                    except Exception:
                        page.wait_for_timeout(1000)
                page.wait_for_selector(".jp-MarkdownOutput h1", timeout=120_000)
                page.wait_for_timeout(2000)
                # the notebook on show (a hidden tab's cells stay in the page)
                text = page.evaluate("""() => Array.from(
                    document.querySelectorAll('.jp-NotebookPanel'))
                    .filter(p => p.offsetParent !== null)
                    .map(p => Array.from(p.querySelectorAll('.jp-MarkdownOutput'))
                    .map(e => e.textContent).join('\\n')).join('\\n')""")
                page.screenshot(path=str(shots / f"student-{chapter[:-6]}-{lang}.png"))
                assert len(text) > 500, f"{lang}: too little rendered Markdown"
                left = [m for m in MYST if m in text]
                assert not left, f"{chapter} [{lang}]: raw MyST in JupyterLab: {left}"
                if lang != "kk":
                    assert not KAZAKH_ONLY.search(text.split("\n")[0]), text[:200]
            browser.close()
    finally:
        lab.terminate()
        lab.wait(timeout=30)


def test_binder_makes_the_notebooks_when_the_site_is_unreachable(tmp_path):
    """postBuild: without the published book, the notebooks come from the sources."""
    shutil.copytree(ROOT / "book", tmp_path / "book")
    shutil.copy(ROOT / "references.bib", tmp_path / "references.bib")
    paths = student.binder_notebooks(tmp_path, ("ru",), pages_url="http://127.0.0.1:9")
    chapters = sorted(p.name for p in (ROOT / "book").glob("*.ipynb"))
    assert sorted(p.name for p in paths) == chapters
    assert all(p.parent == tmp_path / student.SITE_PATH.format(lang="ru") for p in paths)
    nb = json.loads(paths[0].read_text(encoding="utf-8"))
    assert "".join(nb["cells"][2]["source"]).startswith('lang = "ru"')
