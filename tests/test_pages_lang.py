"""Generated pages per language edition: glossary and data appendix in the reader's language."""

import re

import pytest

from digecon import i18n
from digecon_book import appendix, pages


def entries(page: str) -> list[tuple[str, str]]:
    """(headword, body) pairs of the glossary directive."""
    block = page.split("```{glossary}", 1)[1].rsplit("```", 1)[0]
    return re.findall(r"^(\S[^\n]*)\n  ([^\n]*)$", block, flags=re.M)


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_glossary_edition_sorted_by_its_alphabet(lang):
    page = pages.glossary_page(lang)
    heads = [head for head, _ in entries(page)]
    assert len(heads) > 100
    assert heads == sorted(heads, key=lambda w: i18n.alphabet_key(w, lang))
    assert ":sync:" not in page and " · " not in page.splitlines()[1]


def test_glossary_edition_definitions_in_its_language_only():
    vocab = i18n.terms("kk")
    row = vocab[vocab["en"] == "digital economy"].iloc[0]
    kk = pages.glossary_page("kk")
    assert row["def_kk"].split()[0] in kk
    assert row["def_ru"] not in kk and row["def_en"] not in kk
    # the other two names are shown as translations, marked with their language
    body = dict(entries(kk))[row["kk"]]
    assert f'орыс.: <em lang="ru">{row["ru"]}</em>' in body
    assert f'ағыл.: <em lang="en">{row["en"]}</em>' in body


def test_kazakh_alphabet_order():
    words = ["Үй", "Ұн", "Іс", "Ы", "Һ", "Қой", "Ғалым", "Әке", "Аға", "Ңң", "Өрт", "Ой"]
    order = sorted(words, key=lambda w: i18n.alphabet_key(w, "kk"))
    assert order == ["Аға", "Әке", "Ғалым", "Қой", "Ңң", "Ой", "Өрт", "Ұн", "Үй", "Һ", "Ы", "Іс"]
    assert sorted(["Ё", "Е", "Ж"], key=lambda w: i18n.alphabet_key(w, "ru")) == ["Е", "Ё", "Ж"]


def test_trilingual_glossary_unchanged():
    page = pages.glossary_page()
    assert ":sorted:" in page and "**ru**" in page and "Глоссарий · Глоссарий · Glossary" in page


@pytest.mark.parametrize(("lang", "other"),
                         [("kk", "Столбец"), ("ru", "Бағандар"), ("en", "Баған")])
def test_data_appendix_edition_labels(lang, other):
    page = appendix.data_appendix_page(lang=lang)
    assert other not in page and ":sync:" not in page
    assert appendix.label("columns", lang) in page
    types = set(re.findall(r"^\| `[^`]+`(?: 🔑)? \| ([^|]+) \|", page, flags=re.M))
    assert types <= {t[i18n.LANGS.index(lang)] for t in appendix.TYPE_NAMES.values()}
