"""Numbers in the kk and ru editions are written as Kazakh and Russian readers write them.

Over the built HTML of every page of the kk and ru editions (``_build/html/<lang>``), in the
text a reader sees — prose, glued tables and figures' neighbours, audit tables, the glossary and
the data appendix — there is

* no ``NaN`` (a missing value is shown as ``—``);
* no whole number printed with a run of zero decimals (``24.000000``, ``6.000``);
* no number in English format: a digit, a point, a digit (``9,136.5``, ``66.4 %``, ``0.75970``);
  in kk and ru the decimal mark is a comma (``9 136,5``, ``66,4 %``).

The text is what :func:`digecon_book.foreign.visible_strings` reads (body text, titles, alt
text and labels), here including elements that declare another language. Left out, because
they are not numbers written in a language's format: bibliography entries and citations (as
published), code and what code
prints (``pre``, ``code``, code cells and the outputs of code cells whose code is shown),
mathematics, URLs, file names and DOIs, version numbers (``3.11.7``), the names
"Industry 4.0" / «Индустрия 4.0» and "CC BY 4.0", section numbers (``2.4-бөлім``,
``раздел 2.4``) and a source's own print quoted in «…».
"""

from __future__ import annotations

import re

import pytest

from digecon_book import foreign

#: text that holds digits and points without being a number in a language's format
NOT_NUMBERS = re.compile("|".join([
    r"https?://\S+|www\.\S+|doi:\S+",  # addresses
    r"\S+\.(?:txt|csv|json|ipynb|html|py|md|pdf)\b",  # file names
    r"\b\d+\.\d+\.\d+\b",  # versions (3.11.7)
    r"\b\d{2}\.\d{2}\.\d{4}\b",  # dates (05.12.2026)
    r"(?:Industry|Индустри\w*|BY)\s+4\.0",  # names
    r"\d+\.\d+(?:\s+(?:және|и|and)\s+\d+\.\d+)*[-\s]бөлім\w*",  # 2.4-бөлім, 1.1 және 1.3-бөлім
    r"(?:[Рр]аздел\w*|[Ss]ections?|[Пп]ункт\w*)\s+\d+\.\d+(?:\s+(?:и|and)\s+\d+\.\d+)*",
    r"«[^»]*»",  # a source's print quoted as printed
]))
FAULTS = {
    "NaN": re.compile(r"\bNaN\b"),
    "zero decimals": re.compile(r"(?<![\w.])\d+\.0{3,}(?!\d)"),
    "English number": re.compile(r"(?<![\w.])[-−+]?\d[\d,]*\.\d+"),
}


def faults(text: str) -> list[tuple[str, str]]:
    """``(fault, match)`` for each badly written number in ``text``.

    >>> faults("ранг 24.000000, доля 66.4 %, NaN; 2.4-бөлім, CC BY 4.0, «074.51», 9 136,5")
    [('NaN', 'NaN'), ('zero decimals', '24.000000'), ('English number', '24.000000'), ('English number', '66.4')]
    """  # noqa: E501
    text = NOT_NUMBERS.sub(" ", text)
    return [(name, m.group(0)) for name, rx in FAULTS.items() for m in rx.finditer(text)]


@pytest.mark.book
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_numbers_are_written_in_the_edition_s_format(built_book, lang):
    pages = sorted(p for p in (built_book / lang).rglob("*.html")
                   if not p.relative_to(built_book / lang).as_posix().startswith(
                       ("_static/", "_sources/")))
    assert len(pages) >= 10
    found = []
    for page in pages:
        rel = page.relative_to(built_book / lang).as_posix()
        for text in foreign.visible_strings(page.read_text(encoding="utf-8"), lang,
                                            other_languages=True):
            found += [f"{rel}: {name} {hit!r} in {text[:90]!r}" for name, hit in faults(text)]
    assert not found, f"{len(found)} numbers not in the {lang} format:\n" + "\n".join(found[:40])
