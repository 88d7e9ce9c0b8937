"""The book's trilingual vocabulary: Kazakh (``kk``), Russian (``ru``), English (``en``).

Labels of figures and tables, glossary terms and abbreviations all come from one table,
``data/glossary.csv`` (columns ``key, kind, kk, ru, en, def_kk, def_ru, def_en, source``);
country and region names come from ``data/places.csv``. Notebooks never type a label: they ask
for it by key, in the reader's language.

>>> t("year", "kk"), t("year", "ru"), t("year", "en")
('Жыл', 'Год', 'Year')
>>> place("KAZ", "kk")
'Қазақстан'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

import pandas as pd

from digecon import data

LANGS: tuple[str, ...] = ("kk", "ru", "en")
LANG_NAMES: dict[str, str] = {"kk": "Қазақша", "ru": "Русский", "en": "English"}


def check_lang(lang: str) -> str:
    """Return ``lang`` if the book has it, else raise a clear error.

    >>> check_lang("ru")
    'ru'
    >>> check_lang("fr")
    Traceback (most recent call last):
    ...
    ValueError: unknown language 'fr': the book is written in kk (Қазақша), ru (Русский), ...
    """
    if lang not in LANGS:
        known = ", ".join(f"{code} ({name})" for code, name in LANG_NAMES.items())
        raise ValueError(f"unknown language {lang!r}: the book is written in {known}")
    return lang


@lru_cache(maxsize=1)
def vocabulary() -> pd.DataFrame:
    """The whole vocabulary (``data/glossary.csv``), indexed by key."""
    return data.load("glossary").set_index("key")


@lru_cache(maxsize=1)
def places() -> pd.DataFrame:
    """Country and region names (``data/places.csv``), indexed by code."""
    return data.load("places").set_index("code")


def t(key: str, lang: str) -> str:
    """The word or label ``key`` in language ``lang``.

    >>> t("egdi", "en")
    'EGDI'
    """
    check_lang(lang)
    vocab = vocabulary()
    if key not in vocab.index:
        raise KeyError(f"no vocabulary entry {key!r} in data/glossary.csv")
    return str(vocab.at[key, lang])


def labels(keys: Iterable[str], lang: str) -> dict[str, str]:
    """Several labels at once: ``{key: label}``.

    >>> labels(["year", "rank"], "ru")
    {'year': 'Год', 'rank': 'Место'}
    """
    return {key: t(key, lang) for key in keys}


def place(code: str, lang: str) -> str:
    """The name of a country (ISO3 code) or region in language ``lang``.

    >>> place("RUS", "en")
    'Russian Federation'
    """
    check_lang(lang)
    table = places()
    if code not in table.index:
        raise KeyError(f"no place {code!r} in data/places.csv")
    return str(table.at[code, lang])


def translate_frame(
    frame: pd.DataFrame,
    lang: str,
    *,
    columns: Mapping[str, str] | None = None,
    places_in: Iterable[str] = (),
) -> pd.DataFrame:
    """A copy of ``frame`` for display: headers and place names in language ``lang``.

    Column names are looked up as vocabulary keys (or through ``columns``, a mapping from
    column to key); columns that hold place codes (``places_in``) are replaced by names.

    >>> df = pd.DataFrame({"iso3": ["KAZ"], "year": [2024]})
    >>> translate_frame(df, "kk", columns={"iso3": "country"}, places_in=["iso3"]).columns.tolist()
    ['Ел', 'Жыл']
    """
    check_lang(lang)
    out = frame.copy()
    for col in places_in:
        out[col] = [place(code, lang) for code in out[col]]
    mapping = dict(columns or {})
    rename = {}
    for col in out.columns:
        key = mapping.get(col, col)
        if key in vocabulary().index:
            rename[col] = t(key, lang)
    return out.rename(columns=rename)


ALPHABETS: dict[str, str] = {
    "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "en": "abcdefghijklmnopqrstuvwxyz",
}


def alphabet_key(text: str, lang: str) -> tuple[int, ...]:
    """A sort key that orders words by the alphabet of ``lang``, ignoring case.

    Kazakh: А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я;
    Russian with Ё after Е; English A–Z. Letters of the language come first, then Latin (in
    kk and ru), then other Cyrillic letters, digits and signs (which are skipped at the start).

    >>> sorted(["Қала", "Ұя", "Үй", "Ия", "Ақша", "Әке"], key=lambda w: alphabet_key(w, "kk"))
    ['Ақша', 'Әке', 'Ия', 'Қала', 'Ұя', 'Үй']
    >>> sorted(["ёж", "ель", "жук"], key=lambda w: alphabet_key(w, "ru"))
    ['ель', 'ёж', 'жук']
    """
    check_lang(lang)
    own = ALPHABETS[lang]
    latin = ALPHABETS["en"]
    cyrillic = ALPHABETS["kk"]
    key = []
    for ch in text.lower().lstrip("«\"'({[-–—. "):
        if ch in own:
            key.append(own.index(ch))
        elif ch in latin:
            key.append(100 + latin.index(ch))
        elif ch in cyrillic:
            key.append(200 + cyrillic.index(ch))
        elif ch in "0123456789":
            key.append(300 + int(ch))
        elif ch.isspace():
            key.append(-1)  # "цифрлық экономика" before "цифрлықтандыру"
        else:
            key.append(400 + ord(ch) % 1000)
    return tuple(key)


def terms(lang: str = "en") -> pd.DataFrame:
    """Glossary entries (terms and abbreviations), sorted by their name in ``lang``.

    >>> terms("kk")["kk"].iloc[0], terms("en")["en"].iloc[0]
    ('автокорреляция', 'aggregation')
    """
    check_lang(lang)
    vocab = vocabulary().reset_index()
    entries = vocab[vocab["kind"].isin(["term", "abbr"])]
    order = sorted(range(len(entries)),
                   key=lambda i: alphabet_key(str(entries[lang].iloc[i] or ""), lang))
    return entries.iloc[order].reset_index(drop=True)
