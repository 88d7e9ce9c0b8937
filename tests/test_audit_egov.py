"""Tests of the e-government audit: shape, coverage and hand-checked verdicts."""

from __future__ import annotations

import re

import pytest

from digecon import audit_text, i18n
from digecon.audit import translate
from digecon.chapters.egov.audit import audit
from digecon.data import load
from tests.audit_helpers import assert_audit_shape


@pytest.fixture(scope="module")
def frame():
    return audit()


def _row(frame, location: str, quantity: str):
    rows = frame[(frame["location"].str.startswith(location))
                 & (frame["quantity"] == quantity)]
    assert len(rows) == 1, (location, quantity, len(rows))
    return rows.iloc[0]


def test_columns_and_chapter(frame) -> None:
    assert_audit_shape(frame, "egov")


def test_every_printed_table_number_has_a_row(frame) -> None:
    # Кесте 1: 18 ranks; 2-кесте: 24; Кесте 3: 40 values + 10 means; 4-кесте: 10;
    # 5-кесте: 10 EGDI + 8 m3 + 8 m5; article text: 13; Кесте 19: 18; Кесте 20: 49;
    # dissertation text: 15
    counts = {
        "Кесте 1,": 18, "2-кесте": 24, "Кесте 3,": 50, "4-кесте": 10, "5-кесте": 26,
        "Кесте 19": 18, "Кесте 20": 49,
    }
    for prefix, n in counts.items():
        assert frame["location"].str.startswith(prefix).sum() == n, prefix
    texts = frame["location"].str.startswith("text")
    assert texts.sum() == len(load("egov-text-figures-printed")) + len(
        load("diss-egov-text-printed"))


def test_ranks_reproduce(frame) -> None:
    # Кесте 1 EGDI ranks equal the UN's (24 in 2024 ... 65 in 2005); EPI 2005 printed 31 is
    # the UN's published rank although 46 countries have a strictly higher EPI
    k1 = frame[frame["location"].str.startswith("Кесте 1,")]
    assert (k1["verdict"] == "reproduces").all()
    epi05 = _row(frame, "Кесте 1,", "EPI world rank of Kazakhstan, 2005")
    assert "47" in epi05["why"]


def test_components_vs_official(frame) -> None:
    # printed 2022 TII 0.9021 vs official 0.75200 -> differs (swapped with HCI)
    tii22 = _row(frame, "Кесте 3", "TII of Kazakhstan, 2022")
    assert tii22["verdict"] == "differs" and tii22["official"] == pytest.approx(0.752)
    assert "swapped" in tii22["why"]
    # printed 2024 EGDI 0.9009 vs official 0.90093 -> |diff| 0.00003 < 0.00005 -> reproduces
    assert _row(frame, "Кесте 3", "EGDI of Kazakhstan, 2024")["verdict"] == "reproduces"
    # printed 2005 EGDI 0.4876 vs official 0.48125 -> differs
    assert _row(frame, "Кесте 3", "EGDI of Kazakhstan, 2005")["verdict"] == "differs"
    # 2005 mean of printed components: (0.4485 + 0.3966 + 0.6652)/3 = 1.5103/3 = 0.50343
    mean05 = _row(frame, "Кесте 3", "EGDI 2005 as the mean of the printed OSI, TII and HCI")
    assert mean05["recomputed"] == pytest.approx(0.503433, abs=1e-6)
    assert mean05["verdict"] == "differs"


def test_correlations_do_not_reproduce(frame) -> None:
    k4 = frame[frame["location"].str.startswith("4-кесте")]
    # the 4 diagonal ones reproduce, the 6 off-diagonal ones differ
    assert (k4["verdict"] == "reproduces").sum() == 4
    assert (k4["verdict"] == "differs").sum() == 6


def test_moving_columns_are_sums(frame) -> None:
    # m=3 at T=2: 0.4876 + 0.5247 + 0.6075 = 1.6198 (a SUM; the mean would be 0.5399)
    m3 = _row(frame, "5-кесте", "column m=3 at T = 2 (2008) as a centred 3-term moving sum")
    assert m3["recomputed"] == pytest.approx(1.6198) and m3["verdict"] == "reproduces"
    assert "0.5399" in m3["why"]
    k5 = frame[frame["location"].str.startswith("5-кесте")
               & frame["quantity"].str.contains("moving sum")]
    assert len(k5) == 14 and (k5["verdict"] == "reproduces").all()


def test_trend_and_forecasts(frame) -> None:
    slope = _row(frame, "text, line 264", "slope of the linear trend fitted to the m=5 column")
    assert slope["verdict"] == "reproduces"
    icpt = _row(frame, "text, line 264",
                "intercept of the linear trend fitted to the m=5 column")
    assert icpt["verdict"] == "reproduces"
    # 2026 'forecast': fitted line at x = 10 is 4.8143, printed 4,8147 (rounded equation:
    # 0.2597*10 + 2.2177 = 4.8147) -> differs at 4 decimals
    f26 = _row(frame, "text, line 256", "'forecast' of EGDI for 2026")
    assert f26["verdict"] == "differs" and f26["recomputed"] == pytest.approx(4.8143, abs=1e-4)
    # 2025: fitted 4.5547 vs printed 4,555 (3 decimals) -> reproduces
    assert _row(frame, "text, line 255", "'forecast' of EGDI for 2025")["verdict"] == "reproduces"


def test_dissertation_tables(frame) -> None:
    k20 = frame[frame["location"].str.startswith("Кесте 20")]
    ranks = k20[k20["quantity"].str.startswith("EGDI world rank of")]
    assert len(ranks) == 30 and (ranks["verdict"] == "reproduces").all()
    # Armenia: 110 - 68 = +42
    arm = _row(frame, "Кесте 20", "places gained by ARM in EGDI rank, 2010 to 2020")
    assert arm["recomputed"] == 42 and arm["verdict"] == "reproduces"
    assert (k20["quantity"].str.contains("EAEU as a whole")).sum() == 6
    k19 = _row(frame, "Кесте 19", "EGDI world rank of Kazakhstan, column 2006")
    assert k19["official"] == 65 and "2005" in k19["why"]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_row_reads_in_the_readers_language(frame, lang) -> None:
    # every quantity and why has a line in data/audit_text_egov.csv
    missing = audit_text.untranslated(frame, lang)
    assert missing.empty, (f"{len(missing)} texts of the egov audit have no {lang} line in "
                           "data/audit_text_egov.csv:\n" + "\n".join(
                               f"{c}: {t}" for c, t in zip(missing["column"], missing["en"],
                                                           strict=True)))


def _shown(frame, row_id: str, lang: str) -> tuple[str, str]:
    """The quantity and why of the row ``row_id`` as the ``lang`` edition shows them."""
    row = frame[frame["id"] == row_id]
    assert len(row) == 1, row_id
    shown = translate(row, lang).iloc[0]
    return shown[i18n.t("quantity", lang)], shown[i18n.t("why", lang)]


@pytest.mark.parametrize(("row_id", "lang", "quantity", "why"), [
    # Кесте 1: the EPI 2005 rank; the numbers keep their places, 31 becomes "31-орын"
    ("egov.t1.epi-world-rank-of-kazakhstan-2005", "kk",
     "Қазақстанның EPI бойынша әлемдегі орны, 2005",
     "БҰҰ жариялаған 31-орынмен сәйкес келеді, онда бірдей EPI мәндері бір рет саналады; "
     "бәсекелестік ранжирлеу бойынша орын (1 + EPI мәні қатаң жоғары елдер саны) 47 болады"),
    # 5-кесте: a decimal comma in the assembled clauses
    ("egov.t5.column-m-3-at-t-2-2008-as-a-centred-3-term-moving-sum", "ru",
     "столбец m=3 при T = 2 (2008) как центрированная скользящая сумма по 3 членам",
     "обозначено как средняя арифметическая по 3 уровням, но это скользящая сумма; "
     "среднее было бы 0,5399"),
    # Кесте 20: a country code becomes the country's name
    ("egov.t20.places-gained-by-arm-in-egdi-rank-2010-to-2020", "kk",
     "Армения: EGDI бойынша орынның жақсаруы (орын саны), 2010–2020", ""),
    ("egov.t20.egdi-rank-of-the-eaeu-as-a-whole-2010", "ru",
     "место ЕАЭС в целом по EGDI, 2010",
     "источник не говорит, как определяется место ЕАЭС; "
     "это ни среднее (74,0), ни медиана (64) мест пяти членов"),
    # Кесте 3: four clauses, two matches in the official file, names of both countries
    ("egov.t3.tii-of-kazakhstan-2022", "ru", "TII Казахстана, 2022",
     "официальный TII за 2022 год — 0,75200; TII и HCI за 2022 год переставлены местами; "
     "напечатанное значение совпадает с официальным: Казахстан, HCI 2022 года "
     "(0,90210, при округлении); Сингапур, HCI 2022 года (0,90210, при округлении)"),
])
def test_spot_translations(frame, row_id, lang, quantity, why) -> None:
    assert _shown(frame, row_id, lang) == (quantity, why)


def test_the_dissertations_tables_are_named_in_each_language(frame) -> None:
    # Кесте 19 of the dissertation: "диссертацияның 19-кестесі" / "таблица 19 диссертации";
    # no English word and no Kazakh "Кесте" is left in the Russian wording
    row_id = "egov.t2.wef-networked-readiness-index-rank-of-kazakhstan-2019"
    kk = _shown(frame, row_id, "kk")[1]
    ru = _shown(frame, row_id, "ru")[1]
    assert "диссертацияның 19-кестесінде 2019 жылға 55 емес, 60 берілген" in kk
    assert "в таблице 19 диссертации за 2019 год указано 60, а не 55" in ru
    for text in (kk, ru):
        assert not re.findall(r"\b[a-z]{3,}\b", text), text
    assert "Кесте" not in ru
