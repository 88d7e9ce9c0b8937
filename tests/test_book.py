"""The whole book: every notebook executed by papermill, the strict build, the pages it holds."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from digecon_book import build
from tests.conftest import ROOT, last_executions

pytestmark = pytest.mark.book


def pages():
    return build.toc_documents(ROOT / "_toc.yml")


LANGS = ("kk", "ru", "en")


def test_every_page_of_the_toc_is_built_in_every_edition(built_book):
    for lang in LANGS:
        for doc in pages():
            assert (built_book / lang / f"{doc}.html").exists(), (lang, doc)
        assert (built_book / lang / "index.html").exists()
    assert (built_book / "index.html").exists()
    for doc in pages():  # the former single book's addresses still lead somewhere
        if doc.startswith("book/"):
            assert (built_book / f"{doc}.html").exists(), doc


def test_every_notebook_ran_ok(built_book):
    for nb in build.toc_notebooks(ROOT):
        rec = build.stored_record(ROOT / "_build" / "stage" / nb.relative_to(ROOT))
        assert rec and rec["status"] == "ok", nb
        assert rec["python"].startswith("3.11")


def test_a_rebuild_with_nothing_changed_executes_no_notebook(built_book):
    written = {p: p.stat().st_mtime_ns for p in built_book.rglob("*.html")}
    proc = subprocess.run([sys.executable, "-m", "digecon_book.build"], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "nothing changed since the last build" in proc.stdout
    assert {p: p.stat().st_mtime_ns for p in built_book.rglob("*.html")} == written
    record = last_executions(ROOT)
    assert record["executed"] == [], record
    assert len(record["cached"]) == len(build.toc_notebooks(ROOT))


def test_status_page_lists_every_notebook(built_book):
    for lang in LANGS:
        html = (built_book / lang / "book" / "status.html").read_text(encoding="utf-8")
        for nb in build.toc_notebooks(ROOT):
            assert nb.relative_to(ROOT).as_posix() in html
        assert "failed" not in html.split("<main", 1)[-1]


def test_chapter_pages_have_one_language_and_alt_text(built_book):
    for lang in LANGS:
        for nb in build.toc_notebooks(ROOT):
            doc = nb.relative_to(ROOT).with_suffix(".html")
            html = (built_book / lang / doc).read_text(encoding="utf-8")
            assert f'<html lang="{lang}"' in html, (lang, doc)
            assert "sd-tab-set" not in html and 'data-sync-group="lang"' not in html, (lang, doc)
            for other in LANGS:
                if other != lang:
                    assert f'hreflang="{other}" href="../../{other}/{doc.as_posix()}"' in html
            for img in re.findall(r"<img [^>]*>", html.split("<main", 1)[-1]):
                if "_images/" in img:
                    assert re.search(r'alt="[^"]+"', img), (lang, doc, img[:120])
            assert "Figure size" not in html, f"{doc}: a figure was glued as text"


def test_exercises_are_numbered_per_chapter_in_the_edition_language(built_book):
    titles = {"kk": "1-жаттығу", "ru": "Упражнение 1", "en": "Exercise 1"}
    for lang, first in titles.items():
        for nb in build.toc_notebooks(ROOT):
            doc = nb.relative_to(ROOT).with_suffix(".html")
            html = (built_book / lang / doc).read_text(encoding="utf-8")
            if "exercise" not in html.split("<main", 1)[-1]:
                continue
            names = re.findall(r'<p class="admonition-title">\s*<span class="caption-number">'
                               r"([^<]+)</span>", html)
            assert names and names[0].strip() == first, (lang, doc, names[:3])


def test_parameter_cells_collapsed_in_html(built_book):
    for lang in LANGS:
        for nb in build.toc_notebooks(ROOT):
            page = built_book / lang / nb.relative_to(ROOT).with_suffix(".html")
            html = page.read_text(encoding="utf-8")
            # myst-nb marks a rendered cell with a class per tag (its code is split into
            # highlighted tokens, so match the class): the parameters cell is there, collapsed
            cells = re.findall(r'<div class="cell[^"]*tag_parameters[^"]*"', html)
            assert len(cells) == 1, f"{lang}/{nb.name}: the parameters cell is not shown"
            assert "tag_hide-input" in cells[0], f"{lang}/{nb.name}: not collapsed"
            assert "tag_injected-parameters" not in html, f"{nb.name}: papermill's cell"
            assert "find_spec" not in html, f"{nb.name}: the bootstrap cell is visible"


def test_glossary_and_bibliography(built_book):
    for lang in LANGS:
        glossary = (built_book / lang / "book" / "glossary.html").read_text(encoding="utf-8")
        assert glossary.count('<dt id="term-') >= 100, lang
        bib = (built_book / lang / "book" / "bibliography.html").read_text(encoding="utf-8")
        assert "Доскеева" in bib and "United Nations" in bib


def test_each_edition_searches_in_its_language(built_book):
    stemmers = {"ru": "RussianStemmer", "en": "Porter"}  # Sphinx's English: Porter's algorithm
    for lang in LANGS:
        edition = built_book / lang
        js = (edition / "searchindex.js").read_text(encoding="utf-8")
        assert js.startswith("Search.setIndex(")
        data = (edition / "_static" / "language_data.js").read_text(encoding="utf-8")
        if lang in stemmers:
            assert stemmers[lang] in data, lang
        else:  # Kazakh: whole words, no foreign stemmer
            assert "RussianStemmer" not in data and "Porter" not in data
    kk = (built_book / "kk" / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(kk.removeprefix("Search.setIndex(").removesuffix(")"))["terms"]
    assert "цифрлық" in terms  # a Kazakh word is indexed as itself (no foreign stemming)
    translations = (built_book / "kk" / "_static" / "translations.js").read_text("utf-8")
    assert "Іздеу нәтижелері" in translations


def test_no_page_requests_a_maths_engine_or_an_icon_font(built_book):
    engines = re.compile(r'<script[^>]*src="[^"]*(mathjax|tex-chtml|tex-svg|katex)[^"]*"', re.I)
    pages_with_maths = 0
    for page in built_book.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not engines.search(html), f"{page}: loads a maths engine"
        assert not re.search(r'class="[^"]*\bfa(-solid|-regular|-brands|s|b|r)\b', html), (
            f"{page}: an icon drawn with the icon font")
        assert "\\(" not in html.split("<main", 1)[-1].split("</main>")[0] or "katex" in html
        if 'class="katex"' in html:
            pages_with_maths += 1
            # KaTeX's rules reach the page: in its own stylesheet or the edition's bundle
            sheets = [(page.parent / href.split("?")[0]).resolve() for href in
                      re.findall(r'<link rel="stylesheet"[^>]*href="([^"]+)"', html)]
            css = "".join(s.read_text(encoding="utf-8") for s in sheets if s.exists())
            assert ".katex .katex-mathml{" in css and ".katex .base{" in css, page
            fonts = re.findall(r'url\("?([^")]*KaTeX_Main-Regular\.woff2)', css)
            assert fonts and all((sheets[0].parent / f).resolve().exists()
                                 for f in fonts), page
    assert pages_with_maths >= 4
    for css in built_book.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"fa-(solid|brands|regular)-\d+\.(woff2?|ttf)", text), css
        assert not re.search(r"[\ue000-\uf8ff]|\\f[0-9a-f]{3}\b", text), f"{css}: icon code points"
    assert not list(built_book.rglob("fa-*.woff2"))
    for lang in LANGS:
        assert not (built_book / lang / "_static" / "mathjax").exists()
