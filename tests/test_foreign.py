"""No other language on the pages of an edition (digecon_book.foreign).

Method (see :mod:`digecon_book.foreign`): every HTML page of each edition is read as a reader
sees and hears it — body text nodes, ``<title>``, and the ``title``/``alt``/``aria-label``/
``placeholder`` attributes — leaving out code cells and code outputs, mathematics, scripts and
elements that declare another language (the switcher's links). On that text it counts

* Latin-script words in the kk and ru editions that are not acronyms or proper names of the
  book's vocabulary (glossary abbreviations, place names, every word of the bibliography file,
  and names of software and formats: ``foreign.NAMES``);
* Cyrillic words in the en edition outside quotes (source titles are quoted as published);
* long text nodes (40+ characters) identical in the kk and the ru edition of a page.

Every page of the interface and the narrative must count 0. Pages whose tables and
descriptions still come from untranslated data (issue "Every word in the reader's language")
are KNOWN_EXCEPTIONS below, by edition and page, with the reason; they are reported, never
skipped silently, and an exception that is no longer needed fails the test so the list shrinks.
"""

from __future__ import annotations

import pytest

from digecon_book import foreign
from tests.conftest import ROOT

pytestmark = pytest.mark.book  # it reads the built book

#: (edition, page) -> why foreign strings are still expected there
KNOWN_EXCEPTIONS: dict[tuple[str, str], str] = {
    **{(lang, "book/data.html"): "data appendix: column descriptions, units and provenance "
       "come from data/datapackage.json, written in English (and source labels in Kazakh)"
       for lang in ("kk", "ru", "en")},
    **{(lang, "book/glossary.html"): "glossary: every term is named in its three languages "
       "by design, and definitions missing in a language fall back to another"
       for lang in ("kk", "ru", "en")},
    ("kk", "genindex.html"): "index: lists the glossary's terms, some with Latin abbreviations",
}


@pytest.fixture(scope="module")
def report(built_book):
    return foreign.check_editions(built_book, ROOT)


def test_every_edition_is_checked(report):
    for lang in ("kk", "ru", "en"):
        assert len(report[lang]) >= 10, f"{lang}: only {len(report[lang])} pages found"


def test_no_foreign_strings_outside_the_known_exceptions(report):
    bad = {lang: {page: c for page, c in pages.items()
                  if c.total and (lang, page) not in KNOWN_EXCEPTIONS}
           for lang, pages in report.items()}
    text = foreign.format_report(bad)
    assert not text, "foreign strings on pages of an edition:\n" + text


def test_known_exceptions_are_still_needed(report):
    stale = [key for key in KNOWN_EXCEPTIONS
             if key[1] in report.get(key[0], {}) and report[key[0]][key[1]].total == 0]
    assert not stale, f"no longer foreign: remove from KNOWN_EXCEPTIONS: {stale}"
    print("\nknown exceptions (foreign strings still expected):")
    print(foreign.format_report({lang: {p: c for p, c in pages.items()
                                        if (lang, p) in KNOWN_EXCEPTIONS}
                                 for lang, pages in report.items()}))
