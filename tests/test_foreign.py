"""No other language on the pages of an edition (digecon_book.foreign).

Method (see :mod:`digecon_book.foreign`): every HTML page of each edition is read as a reader
sees and hears it — body text nodes, ``<title>``, and the ``title``/``alt``/``aria-label``/
``placeholder`` attributes, glued tables and audit tables included — leaving out code cells and
what shown code prints, mathematics, scripts and elements that declare another language (the
switcher's links, marked names). On that text it counts

* Latin-script words in the kk and ru editions that are not acronyms or proper names of the
  book's vocabulary (glossary abbreviations, place names, every word of the bibliography file,
  and names of software and formats: ``foreign.NAMES``);
* Cyrillic words in the en edition outside quotes (source titles are quoted as published);
* long text nodes (40+ characters) identical in the kk and the ru edition of a page.

Every page counts 0, the glossary and the data appendix included: names given deliberately in
another language (a glossary term's translations, a publication's English title, a quoted
printed label) are marked with their ``lang`` and so are not foreign. There is no list of
known exceptions.
"""

from __future__ import annotations

import pytest

from digecon_book import foreign
from tests.conftest import ROOT

book = pytest.mark.book  # these read the built book


@pytest.fixture(scope="module")
def report(built_book):
    return foreign.check_editions(built_book, ROOT)


@book
def test_every_edition_is_checked(report):
    for lang in ("kk", "ru", "en"):
        assert len(report[lang]) >= 10, f"{lang}: only {len(report[lang])} pages found"


@book
def test_no_foreign_strings_on_any_page(report):
    bad = {lang: {page: c for page, c in pages.items() if c.total}
           for lang, pages in report.items()}
    text = foreign.format_report(bad)
    assert not text, "foreign strings on pages of an edition:\n" + text


def test_text_declaring_another_language_is_not_foreign():
    html = ('<html><body><p>Кітап, <em lang="en">digital economy</em> және '
            '<span lang="ru">цифровая экономика</span></p><p>see also</p></body></html>')
    counts = foreign.check_page(html, "kk", set())
    assert counts.latin == 2 and all("see also" in e for e in counts.examples)
    en = foreign.check_page('<body><p>Table 3, <span lang="kk">Барлығы</span> row</p>'
                            '<p>Кесте 3</p></body>', "en", set())
    assert en.cyrillic == 1 and "Кесте" in en.examples[0]
    # glued output (hidden code) is read; the output of shown code is code
    cell = ('<body><div class="cell"><div class="cell_input">x</div><div class="cell_output">'
            'see</div></div><div class="cell"><div class="cell_output">also</div></div></body>')
    assert [e.split(" | ")[0] for e in foreign.check_page(cell, "kk", set()).examples] == [
        "latin: also"]
    # a lang attribute of the page's own language does not hide anything
    assert foreign.check_page('<body><p lang="kk">see</p></body>', "kk", set()).latin == 1
