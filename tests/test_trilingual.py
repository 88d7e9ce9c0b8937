"""One language out of the trilingual source (src/digecon_book/trilingual.py)."""

from __future__ import annotations

import json

import pytest

from digecon_book import trilingual as tl

from .conftest import ROOT

NOTEBOOKS = sorted((ROOT / "book").glob("*.ipynb"))


def markdown_cells(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", tl.LANGS)
def test_one_language_is_left_of_every_cell(path, lang):
    for text in markdown_cells(path):
        out = tl.select_language(text, lang)
        assert "{tab-set}" not in out and "{tab-item}" not in out and ":sync:" not in out
        assert tl.SEP not in out, out[:300]
        for other in set(tl.LANGS) - {lang}:
            for tabset in _tabs(text):
                # a sentence of the other language's tab does not survive
                first = next((ln for ln in tabset[other] if len(ln.strip()) > 40), None)
                if first and first not in tabset[lang]:
                    assert first not in out


def _tabs(text):
    lines = text.splitlines()
    out = []
    for i, line in enumerate(lines):
        m = tl._OPEN.match(line)
        if m and m["name"] == "tab-set":
            end = tl._close(lines, i, m["fence"])
            items = tl.tab_items(lines[i + 1 : end])
            if set(items) == set(tl.LANGS):
                out.append(items)
    return out


def test_a_missing_language_is_named():
    md = "````{tab-set}\n:sync-group: lang\n```{tab-item} Қазақша\n:sync: kk\nСәлем\n```\n````"
    with pytest.raises(ValueError, match="no 'ru' tab"):
        tl.select_language(md, "ru")


def test_other_tab_sets_and_plain_titles_stay():
    md = "# EGDI\n````{tab-set}\n:sync-group: code\n```{tab-item} A\nx\n```\n````"
    assert tl.select_language(md, "en") == md


def test_unknown_language():
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        tl.pick("a · b · c", "fr")


def test_glue_substitution_uses_the_formatter_and_names_missing_values():
    text = "{glue:text}`a:.1f` and {glue:text}`b`"
    comma = lambda v, spec, lang: format(v, spec).replace(".", ",")  # noqa: E731
    assert tl.substitute_glue(text, {"a": 2.25, "b": "KAZ"}, "ru", comma) == "2,2 and KAZ"
    with pytest.raises(KeyError, match="'b'"):
        tl.substitute_glue(text, {"a": 1.0}, "en")
    with pytest.raises(KeyError, match="no cell glued 'b'"):
        tl.substitute_glue(text, {"a": 1.0}, "en", tl.plain_format)


def test_numbers_take_the_language_and_its_grammar_by_default():
    text = "{glue:text}`x:.1f`-ге дейін, {glue:text}`n` сан"
    assert tl.substitute_glue(text, {"x": 855.6, "n": 5}, "kk") == "855,6-ға дейін, 5 сан"


@pytest.mark.parametrize("lang", tl.LANGS)
def test_the_bibliography_has_one_language_per_edition(lang):
    from pybtex.database import parse_string

    text = tl.select_bibtex((ROOT / "references.bib").read_text(encoding="utf-8"), lang)
    assert tl.SEP not in text
    entries = parse_string(text, "bibtex").entries
    author = str(entries["diss_kz_eaeu"].persons["author"][0])
    assert author.strip("{}") == {"kk": "Диссертация авторы", "ru": "Автор диссертации",
                                  "en": "Dissertation author"}[lang]
