"""One term per concept: no rejected variant (data/term_variants.csv) in a language's narrative."""

import json
from pathlib import Path

import pytest

from digecon_book import terms

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "book").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_rejected_variant_in_the_narrative(path):
    assert terms.notebook_term_problems(path) == []


def test_no_rejected_variant_in_the_vocabulary():
    assert terms.glossary_term_problems() == []


def test_every_language_has_variants_and_each_finds_itself():
    table = terms.variants()
    assert set(table["lang"]) == {"kk", "ru", "en"}
    examples = {"IT(?![A-Za-z])": "IT мамандары", "WEF(?![A-Za-z])": "рейтинги WEF"}
    for row in table.itertuples(index=False):
        sample = examples.get(row.rejected, f"мәтін {row.rejected}ға text")
        assert terms.term_problems(sample, row.lang), row


def test_lint_finds_variants_in_the_right_language_only(tmp_path):
    md = ("````{tab-set}\n:sync-group: lang\n```{tab-item} Қазақша\n:sync: kk\n"
          "Ғаламторды пайдаланушылар және IT мамандары; ITU есебі.\n```\n"
          "```{tab-item} Русский\n:sync: ru\nИнтернет и ғаламтор, рейтинги WEF.\n```\n"
          "```{tab-item} English\n:sync: en\nThe organisation; `үлгі` in code.\n```\n````\n")
    nb = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": [md]}],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path = tmp_path / "x.ipynb"
    path.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    found = terms.notebook_term_problems(path)
    assert len(found) == 4, found
    assert any("[kk]" in f and "Ғаламторды" in f for f in found)
    assert any("[kk]" in f and "'IT'" in f for f in found)
    assert any("[ru]" in f and "WEF" in f for f in found)
    assert any("[en]" in f and "organisation" in f for f in found)
