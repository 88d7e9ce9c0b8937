"""The trilingual vocabulary."""

from __future__ import annotations

import re

import pytest

from digecon import i18n

KAZAKH_LETTERS = set("әғқңөұүһі")


def test_unknown_language_is_a_clear_error():
    with pytest.raises(ValueError, match=r"unknown language 'de'.*kk \(Қазақша\)"):
        i18n.t("year", "de")


def test_every_entry_has_three_languages():
    vocab = i18n.vocabulary()
    for lang in i18n.LANGS:
        assert vocab[lang].str.strip().astype(bool).all(), f"empty {lang} label"


def test_terms_have_definitions_in_three_languages():
    terms = i18n.terms()
    for lang in i18n.LANGS:
        col = terms[f"def_{lang}"].fillna("").str.strip()
        missing = terms.loc[col == "", "key"].tolist()
        assert not missing, f"terms without a {lang} definition: {missing}"


def test_kazakh_is_kazakh_not_russian():
    """Kazakh definitions use the letters Russian lacks; a copy of the Russian text would not."""
    terms = i18n.terms()
    kk = " ".join(terms["def_kk"].fillna(""))
    ru = " ".join(terms["def_ru"].fillna(""))
    if kk:
        assert len(KAZAKH_LETTERS & set(kk.lower())) >= 6
        assert not (terms["def_kk"] == terms["def_ru"]).any()
    assert not KAZAKH_LETTERS & set(re.sub(r"[^а-яёәғқңөұүһі]", "", ru.lower()))


def test_translate_frame_headers_and_places():
    import pandas as pd

    frame = pd.DataFrame({"iso3": ["KAZ", "RUS"], "egdi": [0.9, 0.8]})
    out = i18n.translate_frame(frame, "kk", columns={"iso3": "country"}, places_in=["iso3"])
    assert out.columns.tolist() == ["Ел", "EGDI"]
    assert out.iloc[:, 0].tolist() == ["Қазақстан", "Ресей"]


def test_unknown_key_names_the_file():
    with pytest.raises(KeyError, match=r"glossary\.csv"):
        i18n.t("no_such_label", "en")
