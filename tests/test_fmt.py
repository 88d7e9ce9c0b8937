"""Numbers and words around numbers in kk / ru / en (digecon.fmt), on tables checked by hand.

The Kazakh endings were worked out by reading each number aloud: the ending follows the last
pronounced word ("855,6" = "сегіз жүз елу бес бүтін оннан алты" → алты → -ға) by its last
vowel (back а о ұ ы / front ә е ө ү і) and last sound (vowel, voiced, nasal м н ң, voiceless).
"""

import math

import numpy as np
import pandas as pd
import pytest

from digecon import fmt

T, NB, M = "\u202f", "\u00a0", "\u2212"

FORMAT_CASES = [
    # value, spec, lang, expected
    (9136.5, ",.1f", "kk", "9136,5"),
    (9136.5, ",.1f", "en", "9,136.5"),
    (190774.19, ",.2f", "ru", f"190{T}774,19"),
    (190774.19, ",.2f", "en", "190,774.19"),
    (190774.19, ".2f", "en", "190,774.19"),
    (-152734.69, ",.3f", "kk", f"{M}152{T}734,690"),
    (-152734.69, ",.3f", "en", "-152,734.690"),
    (0.664, ".1%", "kk", f"66,4{NB}%"),
    (0.664, ".1%", "ru", f"66,4{NB}%"),
    (0.664, ".1%", "en", f"66.4{NB}%"),
    (0.996, ".3f", "ru", "0,996"),
    (0.996, ".3f", "en", "0.996"),
    (2024, "", "ru", "2024"),
    (2024, "", "en", "2024"),
    (2024, "d", "kk", "2024"),
    (1524, "d", "ru", "1524"),
    (1524, ",d", "en", "1,524"),
    (1524, ",d", "kk", "1524"),
    (12345, "", "kk", f"12{T}345"),
    (12345, "", "en", "12,345"),
    (24.0, "", "ru", "24"),
    (24.0, "", "en", "24"),
    (0.5, "", "kk", "0,5"),
    (1234567.0, "", "ru", f"1{T}234{T}567"),
    (float("nan"), ".1f", "kk", "—"),
    (None, "", "en", "—"),
    (pd.NA, ".2f", "ru", "—"),
    (True, "", "ru", "True"),
    ("ИКТ", ".1f", "kk", "ИКТ"),
    (np.float64(0.25), ".2f", "ru", "0,25"),
    (np.int64(2021), "", "kk", "2021"),
    (3.0, "d", "en", "3"),
]


@pytest.mark.parametrize(("value", "spec", "lang", "expected"), FORMAT_CASES)
def test_format_value(value, spec, lang, expected):
    assert fmt.format_value(value, spec, lang) == expected


def test_format_value_rejects_unknown_language_and_fractional_d():
    with pytest.raises(ValueError, match="unknown language"):
        fmt.format_value(1, "", "fr")
    with pytest.raises(ValueError, match="integer"):
        fmt.format_value(2.5, "d", "en")


def test_small_helpers():
    assert fmt.format_number(3.14159, 2, "kk") == "3,14"
    assert fmt.format_percent(0.05, 0, "ru") == f"5{NB}%"
    assert fmt.format_percent(5.0, 1, "en", fraction=False) == f"5.0{NB}%"
    assert fmt.format_int(23.6, "ru") == "24"
    assert fmt.format_int(math.nan, "en") == "—"
    assert fmt.format_range(2021, 2022, "en") == "2021–2022"
    assert fmt.format_range(-0.5, 1.25, "ru", ".2f") == f"{M}0,50–1,25"


def test_format_table_no_nan_no_six_decimals():
    df = pd.DataFrame({
        "rank": [24.0, np.nan, 3.0],             # ranks read with NaN are floats
        "egdi": [0.481, 0.5, np.nan],
        "money": [190774.19, 9136.5, 1.0],
        "text": ["Кесте 3", "1.6198", None],
    })
    out = fmt.format_table(df, "ru")
    assert out["rank"].tolist() == ["24", "—", "3"]
    assert out["egdi"].tolist() == ["0,481", "0,500", "—"]
    assert out["money"].tolist() == [f"190{T}774,19", "9136,50", "1"]
    assert out["text"].tolist() == ["Кесте 3", "1,6198", "—"]
    en = fmt.format_table(df, "en", decimals={"money": 0})
    assert en["money"].tolist() == ["190,774", "9136", "1"]
    html = out.to_html()
    assert "NaN" not in html and "000000" not in html


def test_localize_styler_keeps_formats_and_fills_defaults():
    df = pd.DataFrame({"a": [1234.5, np.nan], "b": [24.0, 2.0]})
    styler = df.style.format({"a": "{:,.2f}"})
    html = fmt.localize_styler(styler, "kk").to_html()
    assert "1234,50" in html and "—" in html
    assert ">24<" in html.replace(" ", "") and "24.000000" not in html and "nan" not in html
    ranks = pd.DataFrame({"rank": [24.0, 3.0], "egdi": [0.5, 0.481]}).style.format(precision=3)
    html = fmt.localize_styler(ranks, "ru").to_html().replace(" ", "")
    assert ">24<" in html and ">3<" in html and ">0,500<" in html and ">0,481<" in html


def test_ticks_formatter():
    tick = fmt.ticks_formatter("kk")
    assert tick(2020.0, 0) == "2020"
    assert tick(0.25, 0) == "0,25"
    assert fmt.ticks_formatter("en", 1)(12345.0, 0) == "12,345.0"


KK_LAST_WORDS = [
    (0, "нөл"), (7, "жеті"), (40, "қырық"), (50, "елу"), (100, "жүз"), (2000, "мың"),
    (3_000_000, "миллион"), (2_000_000_000, "миллиард"), (115, "бес"), (990, "тоқсан"),
    ("855,6", "алты"), ("0,996", "алты"), ("0,50", "елу"), ("66,4 %", "пайыз"),
    ("5,80 млн", "миллион"),
]


@pytest.mark.parametrize(("number", "word"), KK_LAST_WORDS)
def test_kk_last_word(number, word):
    assert fmt.kk_last_word(number) == word


# number as printed, case, expected: each read aloud and checked by hand
KK_SUFFIXES = [
    ("855,6", "dat", "855,6-ға"),        # ...бүтін оннан алты → алтыға
    ("306,7", "abl", "306,7-ден"),       # жеті → жетіден
    ("0,996", "abl", "0,996-дан"),       # ...тоқсан алты → алтыдан
    ("0,535", "dat", "0,535-ке"),        # бес → беске
    ("5,46", "abl", "5,46-дан"),         # қырық алты → алтыдан
    ("5,80 млн", "dat", "5,80 млн-ға"),  # миллион → миллионға
    ("1", "dat", "1-ге"), ("2", "dat", "2-ге"), ("3", "dat", "3-ке"), ("4", "dat", "4-ке"),
    ("5", "dat", "5-ке"), ("6", "dat", "6-ға"), ("7", "dat", "7-ге"), ("8", "dat", "8-ге"),
    ("9", "dat", "9-ға"), ("10", "dat", "10-ға"), ("20", "dat", "20-ға"),
    ("30", "dat", "30-ға"), ("40", "dat", "40-қа"), ("50", "dat", "50-ге"),
    ("60", "dat", "60-қа"), ("70", "dat", "70-ке"), ("80", "dat", "80-ге"),
    ("90", "dat", "90-ға"), ("100", "dat", "100-ге"), ("1000", "dat", "1000-ға"),
    ("2024", "loc", "2024-те"), ("2020", "loc", "2020-да"), ("2019", "loc", "2019-да"),
    ("2021", "loc", "2021-де"), ("2010", "loc", "2010-да"), ("2000", "loc", "2000-да"),
    ("2015", "loc", "2015-те"), ("2023", "loc", "2023-те"), ("1990", "loc", "1990-да"),
    ("300", "loc", "300-де"),
    ("65", "abl", "65-тен"), ("24", "abl", "24-тен"), ("10", "abl", "10-нан"),
    ("2000", "abl", "2000-нан"), ("80", "abl", "80-нен"), ("1", "abl", "1-ден"),
    ("6", "abl", "6-дан"), ("3", "abl", "3-тен"), ("40", "abl", "40-тан"),
    ("0", "abl", "0-ден"), ("100", "abl", "100-ден"), ("0,50", "abl", "0,50-ден"),
    ("2", "gen", "2-нің"), ("10", "gen", "10-ның"), ("3", "gen", "3-тің"),
    ("8", "gen", "8-дің"), ("6", "acc", "6-ны"), ("1", "acc", "1-ді"), ("5", "acc", "5-ті"),
    ("1", "ord", "1-ші"), ("2", "ord", "2-ші"), ("6", "ord", "6-шы"), ("9", "ord", "9-шы"),
    ("10", "ord", "10-шы"), ("65", "ord", "65-ші"),
    ("66,4 %", "dat", "66,4 %-ға"), ("1,13 %", "abl", "1,13 %-дан"),
    ("2020", "loc_attr", "2020-дағы"), ("2024", "loc_attr", "2024-тегі"),
    ("0,05", "dat", "0,05-ке"), (f"1{T}000{T}000", "dat", f"1{T}000{T}000-ға"),
    ("2,0", "loc", "2,0-де"), (f"12{T}345,6", "dat", f"12{T}345,6-ға"),
    ("4,555", "dat", "4,555-ке"), ("3 млрд", "loc", "3 млрд-та"),
]


@pytest.mark.parametrize(("number", "case", "expected"), KK_SUFFIXES)
def test_kk_suffix(number, case, expected):
    assert fmt.kk_suffix(number, case) == expected


def test_kk_suffix_table_is_large_and_values_format_first():
    assert len(KK_SUFFIXES) >= 40
    assert fmt.kk_suffix(855.6, "dat") == "855,6-ға"
    assert fmt.kk_ordinal(65, "орын") == "65-орын"
    with pytest.raises(ValueError, match="unknown case"):
        fmt.kk_suffix("5", "vocative")


RU_PHRASES = [
    (1, "число", "1 число"), (2, "число", "2 числа"), (5, "число", "5 чисел"),
    (11, "число", "11 чисел"), (21, "число", "21 число"), (101, "число", "101 число"),
    (123, "число", "123 числа"), (524, "число", "524 числа"), (223, "число", "223 числа"),
    (664, "число", "664 числа"), (1000, "число", "1000 чисел"),
    (12345, "число", f"12{T}345 чисел"),
    (1524, "проверка", "1524 проверки"), (33, "прогноз", "33 прогноза"),
    (22, "год", "22 года"), (11, "год", "11 лет"), (112, "год", "112 лет"),
    (0.5, "год", "0,5 года"), (21, "моногород", "21 моногород"),
    (27, "моногород", "27 моногородов"), (2.5, "процент", "2,5 процента"),
    (12, "страна", "12 стран"), (3, "страна", "3 страны"), (14, "регион", "14 регионов"),
    (17, "область", "17 областей"), (5, "раз", "5 раз"), (2, "раз", "2 раза"),
    (1, "минута", "1 минута"),
]


@pytest.mark.parametrize(("n", "noun", "expected"), RU_PHRASES)
def test_ru_count(n, noun, expected):
    assert fmt.ru_count(n, noun) == expected


RU_GENITIVE = [  # after «из», «от», «до»...
    (261, "число", "261 числа"), (5, "число", "5 чисел"), (2, "число", "2 чисел"),
    (21, "страна", "21 страны"), (11, "страна", "11 стран"), (1.5, "год", "1,5 года"),
]


@pytest.mark.parametrize(("n", "noun", "expected"), RU_GENITIVE)
def test_ru_count_genitive(n, noun, expected):
    assert fmt.ru_count(n, noun, case="gen") == expected


def test_ru_tables_are_large_and_plural_takes_any_forms():
    assert len(RU_PHRASES) + len(RU_GENITIVE) >= 20
    verb = ("подтвердилось", "подтвердились", "подтвердились")
    assert fmt.ru_plural(101, verb) == "подтвердилось"
    assert fmt.ru_plural(664, verb) == "подтвердились"
    with pytest.raises(KeyError):
        fmt.ru_count(3, "кот")


EXPAND_CASES = [
    ("kk", "{glue:text}`a:.1f`-ден {glue:text}`b:.1f`-ге дейін", {"a": 306.7, "b": 855.6},
     "306,7-ден 855,6-ға дейін"),
    ("kk", "R² {glue:text}`a:.3f`-тен {glue:text}`b:.3f`-ке түседі", {"a": 0.996, "b": 0.535},
     "R² 0,996-дан 0,535-ке түседі"),
    ("kk", "{glue:text}`a:.2f`-ден {glue:text}`b:.2f` млн-ға дейін", {"a": 5.46, "b": 5.8},
     "5,46-дан 5,80 млн-ға дейін"),
    ("kk", "Қазақстан {glue:text}`r`-орыннан {glue:text}`s`-орынға", {"r": 65.0, "s": 24},
     "Қазақстан 65-орыннан 24-орынға"),
    ("kk", "{glue:text}`p:.2f` %-ға өзгерді", {"p": 1.134}, "1,13 %-ға өзгерді"),
    ("kk", "{glue:text}`p:.2f` %-ға өзгерді", {"p": 1.0}, "1,00 %-ға өзгерді"),
    ("kk", "{glue:text}`y`-ге дейін", {"y": 2024}, "2024-ке дейін"),
    ("ru", "Проверено {glue:text}`n` чисел", {"n": 524}, "Проверено 524 числа"),
    ("ru", "напечатано {glue:text}`n:.0f` лет", {"n": 22}, "напечатано 22 года"),
    ("ru", "распределяет {glue:text}`n` моногорода", {"n": 27}, "распределяет 27 моногородов"),
    ("ru", "Из {glue:text}`n` чисел", {"n": 261}, "Из 261 числа"),
    ("ru", "не менее {glue:text}`n` лет, {glue:text}`m`\nпрогнозов", {"n": 5, "m": 33},
     "не менее 5 лет, 33\nпрогноза"),
    ("ru", "рост на {glue:text}`x:.1f` процента", {"x": 2.0}, "рост на 2,0 процента"),
    ("ru", "{glue:text}`x:,.1f` млн", {"x": 9136.5}, "9136,5 млн"),
    ("en", "{glue:text}`x:,.1f` and {glue:text}`p:.1%`", {"x": 9136.5, "p": 0.664},
     f"9,136.5 and 66.4{NB}%"),
]


@pytest.mark.parametrize(("lang", "text", "values", "expected"), EXPAND_CASES)
def test_expand_number_roles(lang, text, values, expected):
    assert fmt.expand_number_roles(text, values, lang) == expected


def test_expand_number_roles_needs_every_value():
    with pytest.raises(KeyError, match="missing_one"):
        fmt.expand_number_roles("{glue:text}`missing_one:.1f`", {}, "kk")
