"""The bibliography in the edition's language: conjunctions, "et al.", capitals, no seed files."""

from pathlib import Path
from types import SimpleNamespace

import pytest
from pybtex.database import parse_file
from pybtex.plugin import find_plugin
from sphinxcontrib.bibtex.plugin import find_plugin as find_bibtex_plugin

from digecon_book import bibstyle

ROOT = Path(__file__).resolve().parents[1]
BIB = parse_file(ROOT / "references.bib")


def render(lang: str, key: str) -> str:
    style = find_plugin("pybtex.style.formatting", f"digecon_{lang}")()
    return next(iter(style.format_entries([BIB.entries[key]]))).text.render_as("text")


@pytest.mark.parametrize(("lang", "expected"), [
    ("kk", "А. А. Киреева, М. Т. Урдабаев және Д. Д. Ермекбаева."),
    ("ru", "А. А. Киреева, М. Т. Урдабаев и Д. Д. Ермекбаева."),
    ("en", "А. А. Киреева, М. Т. Урдабаев, and Д. Д. Ермекбаева."),
])
def test_authors_joined_in_the_edition_language(lang, expected):
    assert render(lang, "kireyeva_ict_regions_2020").startswith(expected)


def test_titles_keep_their_capitals():
    text = render("ru", "kireyeva_ict_regions_2020")
    assert "в регионах Казахстана" in text and "Индустрии 4.0" in text and "ИКТ" in text
    assert "Industry 4.0" in text


@pytest.mark.parametrize(("lang", "et_al"), [("kk", "және т.б."), ("ru", "и др."),
                                            ("en", "et al.")])
def test_citation_style_words(lang, et_al):
    style = find_bibtex_plugin("sphinxcontrib.bibtex.style.referencing", f"author_year_{lang}")()
    assert str(style.person.other).strip() == et_al
    assert style.person.sep2 == bibstyle.WORDS[lang]["and"]


def test_styles_follow_the_sphinx_language():
    config = SimpleNamespace(language="kk", bibtex_reference_style="author_year",
                             bibtex_default_style="plain")
    bibstyle._choose(None, config)
    assert (config.bibtex_reference_style, config.bibtex_default_style) == (
        "author_year_kk", "digecon_kk")


def test_no_internal_file_names_in_the_bibliography():
    text = (ROOT / "references.bib").read_text(encoding="utf-8")
    assert "seed" not in text.lower() and ".txt" not in text
