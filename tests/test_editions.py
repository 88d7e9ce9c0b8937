"""The per-language editions (digecon_book.editions, digecon_book.sphinxext), without a build."""

from __future__ import annotations

import gettext
import json
import re
from pathlib import Path

import pytest
import yaml

from digecon_book import editions, sphinxext
from digecon_book.trilingual import LANGS

ROOT = Path(__file__).resolve().parents[1]
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
KAZAKH_ONLY = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")


def test_config_names_the_language_title_search_and_catalogs(tmp_path):
    cfg = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    for lang in LANGS:
        out = editions.edition_config(cfg, lang, tmp_path)
        conf = out["sphinx"]["config"]
        assert conf["language"] == lang
        assert conf["html_search_language"] == lang
        assert conf["locale_dirs"] == [str(tmp_path)]
        assert "digecon_book.sphinxext" in out["sphinx"]["extra_extensions"]
        assert " · " not in out["title"]
        assert bool(CYRILLIC.search(out["title"])) == (lang != "en"), out["title"]
        assert bool(KAZAKH_ONLY.search(out["title"])) == (lang == "kk"), out["title"]
    assert cfg["sphinx"]["config"]["language"] == "en"  # the source configuration is untouched


def test_toc_captions_are_picked():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    text = json.dumps(editions.edition_toc(toc, "ru"), ensure_ascii=False)
    assert "Главы" in text and "Тараулар" not in text and "Chapters" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_a_chapter_keeps_one_language_and_its_own_figures(lang):
    nb = json.loads((ROOT / "book" / "egov.ipynb").read_text(encoding="utf-8"))
    for cell in nb["cells"]:  # the source has no outputs: drop the numbers, keep the text
        if cell["cell_type"] == "markdown":
            cell["source"] = re.sub(r"\{glue:text\}`[^`]+`", "1", "".join(cell["source"]))
    out = editions.edition_notebook(nb, lang)
    text = "\n".join(c["source"] for c in out["cells"] if c["cell_type"] == "markdown")
    assert "{tab-set}" not in text and "{tab-item}" not in text
    others = [other for other in LANGS if other != lang]
    for other in others:
        assert f"_{other}\n" not in text, f"a {other} figure in the {lang} edition"
    assert f"egov_countries_{lang}" in text
    headings = [ln for ln in text.splitlines() if ln.startswith("#")]
    assert headings and all(" · " not in h for h in headings)
    assert bool(KAZAKH_ONLY.search(text)) == (lang == "kk")
    code = [c for c in out["cells"] if c["cell_type"] == "code"]
    assert code == [c for c in nb["cells"] if c["cell_type"] == "code"]  # one execution


def test_glued_numbers_are_written_into_the_text():
    nb = {"metadata": {}, "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": "r = {glue:text}`r:.2f`"},
        {"cell_type": "code", "metadata": {}, "source": "", "outputs": [
            {"output_type": "display_data", "metadata": {"scrapbook": {"name": "r"}},
             "data": {"text/plain": "0.876"}}]}]}
    assert editions.edition_notebook(nb, "en")["cells"][0]["source"] == "r = 0.88"
    assert editions.edition_notebook(nb, "kk")["cells"][0]["source"] == "r = 0,88"


def test_call_with_lang_passes_lang_only_when_accepted():
    assert editions._call_with_lang(lambda lang=None: lang, "ru") == "ru"
    assert editions._call_with_lang(lambda: "x", "ru") is None


def test_kazakh_catalogs_compile_and_translate_the_interface(tmp_path):
    written = editions.stage_locale(tmp_path, "kk")
    assert "kk/LC_MESSAGES/sphinx.mo" in written
    sphinx = gettext.translation("sphinx", str(tmp_path), languages=["kk"])
    assert sphinx.gettext("Search") == "Іздеу"
    assert sphinx.gettext("previous") == "алдыңғы"
    book = gettext.translation("booktheme", str(tmp_path), languages=["kk"])
    assert book.gettext("Download this page") == "Осы бетті жүктеп алу"
    js = (tmp_path / "kk" / "LC_MESSAGES" / "sphinx.js").read_text(encoding="utf-8")
    assert '"Search Results": "Іздеу нәтижелері"' in js
    for po in (editions.LOCALE / "kk" / "LC_MESSAGES").glob("*.po"):  # every string translated
        text = po.read_text(encoding="utf-8")
        assert 'msgstr ""\n\n' not in text.split("\n\n", 1)[1], po


def test_russian_javascript_catalog_keeps_sphinx_strings(tmp_path):
    editions.stage_locale(tmp_path, "ru")
    js = (tmp_path / "ru" / "LC_MESSAGES" / "sphinx.js").read_text(encoding="utf-8")
    assert '"Search Results": "Результаты поиска"' in js  # Sphinx's own
    assert "Поиск завершён" in js  # the gap the book fills


def test_staging_writes_only_what_changed(tmp_path):
    stage = tmp_path / "stage"
    (stage / "book" / "_static").mkdir(parents=True)
    (stage / "_config.yml").write_text((ROOT / "_config.yml").read_text(encoding="utf-8"))
    (stage / "_toc.yml").write_text((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    (stage / "book" / "intro.md").write_text((ROOT / "book" / "intro.md").read_text("utf-8"))
    (stage / "book" / "_static" / "x.css").write_text("a{}")
    target = tmp_path / "stage-ru"
    first = editions.stage_edition(stage, target, "ru")
    assert {"_config.yml", "_toc.yml", "book/intro.md", "book/_static/x.css"} <= set(first)
    intro = (target / "book" / "intro.md").read_text(encoding="utf-8")
    assert "{tab-set}" not in intro and "Тілді қалай" not in intro
    assert editions.stage_edition(stage, target, "ru") == []
    (stage / "book" / "_static" / "x.css").unlink()
    editions.stage_edition(stage, target, "ru")
    assert not (target / "book" / "_static" / "x.css").exists()


def test_switcher_links_the_same_page_in_the_other_editions():
    html = sphinxext.switcher_html("book/egov", "kk", LANGS, "../")
    assert 'href="../../ru/book/egov.html" lang="ru" hreflang="ru"' in html
    assert 'href="../../kk/book/egov.html" lang="kk" hreflang="kk" aria-current="page"' in html
    assert html.count("<a ") == 3 and "English" in html and "Русский" in html
    top = sphinxext.switcher_html("intro", "en", LANGS, "")
    assert 'href="../ru/intro.html"' in top


def test_root_and_redirect_pages_work_without_javascript():
    root = editions.root_page([])
    for lang in LANGS:
        assert f'href="{lang}/index.html"' in root
    assert "localStorage" in root and "navigator.languages" in root
    page = editions.redirect_page("book/egov")
    assert 'href="../ru/book/egov.html"' in page and '"book/egov.html"' not in page
    assert 'get("lang")' in page
