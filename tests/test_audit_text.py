"""The audit's wording in Kazakh and Russian: catalog lines, templates, numbers and endings."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from digecon import audit, audit_text
from digecon.audit_text import localize_number, say

CATALOG = [
    ("no series", "қатар жоқ", "ряда нет"),
    ("rank of {c:code} in {y}", "{y} жылғы орын: {c:code}", "место в {y} году: {c:code}"),
    ("printed {a}, recomputed {b}", "басылғаны {a}, қайта есептелгені {b}",
     "напечатано {a}, пересчитано {b}"),
    ("rounding allows {a} to {b}", "дөңгелектеу {a}-ден {b}-ге дейін рұқсат етеді",
     "округление допускает от {a} до {b}"),
    ("{x:text}; {y:text}", "{x:text}; {y:text}", "{x:text}; {y:text}"),
]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("no series", "kk", "қатар жоқ"),
    ("no series", "ru", "ряда нет"),
    ("no series", "en", "no series"),
    ("rank of KAZ in 2020", "ru", "место в 2020 году: Казахстан"),
    ("printed 0.34, recomputed 1,234.5", "ru", "напечатано 0,34, пересчитано 1\u202f234,5"),
    ("printed 0,4876, recomputed -0.5", "kk", "басылғаны 0,4876, қайта есептелгені −0,5"),
    # the ending follows the number: 0,34 (отыз төрт) -тен, 0,68 (алпыс сегіз) -ге
    ("rounding allows 0.34 to 0.68", "kk", "дөңгелектеу 0,34-тен 0,68-ге дейін рұқсат етеді"),
    # 855,6 (алты) -дан, 0,996 (алты) -ға
    ("rounding allows 855.6 to 0.996", "kk", "дөңгелектеу 855,6-дан 0,996-ға дейін рұқсат етеді"),
    # 10 (он) -нан, 20 (жиырма) -ға
    ("rounding allows 10 to 20", "kk", "дөңгелектеу 10-нан 20-ға дейін рұқсат етеді"),
    ("no series; rank of BLR in 2018", "ru", "ряда нет; место в 2018 году: Беларусь"),
])
def test_say_by_catalog(text, lang, expected):
    assert say(text, lang, CATALOG) == expected


def test_an_unknown_text_stays_and_is_reported():
    assert say("something else", "kk", CATALOG) == "something else"
    assert say("something else", "kk", CATALOG, strict=True) is None
    # a sentence made of parts fails if one part has no line
    assert say("no series; nothing known", "ru", CATALOG, strict=True) is None
    rows = pd.DataFrame({"chapter": ["x", "x"], "quantity": ["no series", "other"],
                         "why": ["", "no series"]})
    # chapter x has no catalog: every text is reported once, with its column
    missing = audit_text.untranslated(rows, "kk")
    assert sorted(zip(missing["column"], missing["en"], strict=True)) == [
        ("quantity", "no series"), ("quantity", "other"), ("why", "no series")]
    assert audit_text.untranslated(rows, "en").empty


def test_unused_lines_are_found_and_parts_of_templates_count_as_used():
    rows = pd.DataFrame({"chapter": ["x"], "quantity": ["no series; rank of BLR in 2018"],
                         "why": [""]})
    # a template shadowed by an earlier line that matches the same text is unused too
    shadowed = ("rank of {c:code} in 2018", "2018 жылғы орын: {c:code}", "место в 2018: {c:code}")
    unused = audit_text.unused_lines(rows, {"x": [*CATALOG, shadowed]})
    assert unused["en"].tolist() == ["printed {a}, recomputed {b}",
                                     "rounding allows {a} to {b}", shadowed[0]]
    assert (unused["chapter"] == "x").all()


def test_the_unused_line_check_fails_on_a_planted_line(audit_rows):
    rows = audit_rows[audit_rows["chapter"] == "egov"]
    planted = ("a reason no audit row gives any more", "ешбір жол бермейтін себеп",
               "причина, которой больше нет ни в одной строке")
    catalogs = {"egov": (*audit_text.catalog("egov"), planted)}
    unused = audit_text.unused_lines(rows, catalogs)
    assert unused["en"].tolist() == [planted[0]]


def test_every_catalog_line_is_used_by_an_audit_text(audit_rows):
    unused = audit_text.unused_lines(audit_rows)
    assert unused.empty, ("catalog lines no audit text uses (remove them):\n"
                          + unused.to_string(index=False))


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("0.34", "kk", "0,34"), ("0,4876", "ru", "0,4876"), ("-1.5", "ru", "−1,5"),
    ("9,136.5", "kk", "9\u202f136,5"), ("1,234,567", "ru", "1\u202f234\u202f567"),
    ("2018", "ru", "2018"), ("+43", "ru", "+43"), ("0.34", "en", "0.34"),
])
def test_localize_number(text, lang, expected):
    assert localize_number(text, lang) == expected


def test_every_catalog_line_is_a_template_that_compiles_and_is_written_in_its_language():
    from digecon.chapters import NAMES

    for chapter in NAMES:
        for en, kk, ru in audit_text.catalog(chapter):
            assert kk.strip() and ru.strip(), f"audit_text_{chapter}.csv: {en!r} lacks kk or ru"
            for text in (kk, ru):
                missing = set(audit_text._PLACEHOLDER.findall(en)) - set(
                    audit_text._PLACEHOLDER.findall(text))
                assert not missing, f"audit_text_{chapter}.csv: {text!r} drops {missing}"
            for text in (kk, ru):
                words = re.findall(r"\b[a-z]{4,}\b", audit_text._PLACEHOLDER.sub("", text))
                assert not words, f"audit_text_{chapter}.csv: English words {words} in {text!r}"


def test_translated_rows_reach_the_chapter_tables_and_the_report(audit_rows):
    rows = audit_rows
    some = rows[rows["why"] == "the source gives no series behind this figure"].head(1)
    assert not some.empty
    ru = audit.rows_table(some, "ru")
    assert "источник не приводит ряда данных, на котором основано это число" in ru.to_string()
    assert "источник не приводит ряда данных" in audit.report_html(some, "ru")


#: chapters whose English audit texts are checked for Kazakh words (indices: its catalog is
#: being written separately and gets the same check when it lands)
ENGLISH_AUDIT_CHAPTERS = ("concepts", "efficiency", "ecommerce", "egov", "regression",
                          "workforce")
#: quotations of the source keep its words («…», “…”, "…"); an apostrophe is not a quote
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")


def test_english_audit_texts_have_no_cyrillic_outside_quotes():
    rows = audit.collect()
    rows = rows[rows["chapter"].isin(ENGLISH_AUDIT_CHAPTERS)]
    assert set(rows["chapter"]) == set(ENGLISH_AUDIT_CHAPTERS)
    bad = [f"{r.id} {column}: {text}" for r in rows.itertuples() for column in ("quantity", "why")
           if isinstance(text := getattr(r, column), str)
           and re.search(r"[\u0400-\u04FF]", _QUOTED.sub(" ", text))]
    assert not bad, "Kazakh or Russian words in English audit texts:\n" + "\n".join(bad[:20])
    # and the catalogs' English column, which must match those texts
    for chapter in ENGLISH_AUDIT_CHAPTERS:
        for en, _, _ in audit_text.catalog(chapter):
            assert not re.search(r"[\u0400-\u04FF]", _QUOTED.sub(" ", en)), (chapter, en)


def test_the_check_for_cyrillic_in_english_texts_can_fail():
    text = "Кесте 18's row prints 1.8 for 2019; the table lists 'Scandinavia'"
    assert re.search(r"[\u0400-\u04FF]", _QUOTED.sub(" ", text))
    assert not re.search(r"[\u0400-\u04FF]", _QUOTED.sub(" ", "Table 18 lists «Скандинав»"))
