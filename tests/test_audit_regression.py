"""The audit of section 2.4 (stepwise regression of GDP per capita and its forecasts)."""

from __future__ import annotations

import pandas as pd
import pytest

from digecon import audit_text, data, i18n
from digecon.audit import translate
from digecon.chapters.regression import audit as ar
from tests.audit_helpers import assert_audit_shape


@pytest.fixture(scope="module")
def audit() -> pd.DataFrame:
    return ar.audit()


def test_shape_and_columns(audit):
    assert_audit_shape(audit, "regression")
    # one row per transcribed printed number: 17 + 40 + 108 + 96 + 16 + 25 + 8 + 40 + 19,
    # plus one 'cannot' row for the scenario band, plus Appendix V's GDP per capita of the 12
    # years Table 5 prints an exchange rate for (2010-2021), checked against the World Bank
    n_printed = sum(len(data.load(n)) for n in [
        "regression-model-summary", "regression-anova", "regression-excluded",
        "regression-coefficients", "regression-residual-stats", "regression-forecast",
        "regression-forecast-errors", "regression-forecast-intervals",
        "regression-text-figures"])
    assert n_printed == 369
    # plus one row per chart cell of Figures 28-31 in Appendix D (X3-X6, 2000-2020)
    charts = data.load("diss-appendix-d-charts-printed")
    n_chart = int(charts["series"].isin(["x3", "x4", "x5", "x6"]).sum())
    assert n_chart == 4 * 21
    assert len(audit) == n_printed + 1 + 12 + n_chart


def test_appendix_d_chart_data_repeat_appendix_v(audit):
    """Figures 28-31's chart data in Appendix D are Appendix V's X3-X6, cell for cell."""
    rows = audit[audit["location"].str.startswith("Қосымша Д")]
    assert len(rows) == 84 and (rows["verdict"] == "reproduces").all()
    assert (rows["kind"] == "consistency").all()
    appendix = data.load("regression-appendix-data").set_index(["variable", "year"])["value"]
    x5_2020 = rows[rows["quantity"].str.startswith("X5 2020")].iloc[0]
    assert x5_2020["printed"] == appendix[("x5", 2020)] == 22665
    assert x5_2020["recomputed"] == 22665


def test_every_differs_is_explained(audit):
    assert (audit.loc[audit["verdict"] != "reproduces", "why"].str.len() > 0).all()


def test_sample_is_2000_2020_with_the_duplicated_2009(audit):
    wide = ar.sample()
    assert wide.index.tolist() == list(range(2000, 2021))  # ANOVA total df 20 -> n = 21
    # the appendix prints the 2010 GDP per capita also for 2009
    assert wide.loc[2009, "y"] == wide.loc[2010, "y"] == 1336605.6


def test_spss_tables_reproduce(audit):
    # Кесте 25-28 reproduce digit for digit from the appendix data (2000-2020)
    spss = audit[audit["location"].str.match(r"Кесте 2[5-8],")]
    assert len(spss) == 17 + 40 + 108 + 96
    assert (spss["verdict"] == "reproduces").all()


def test_final_coefficients(audit):
    b = ar.fits()[4].coefficients.set_index("term")["b"]
    assert b.round(3).to_dict() == {"const": -152734.69, "x4": 189882.725, "x3": 109869.12,
                                    "x6": 73210.701, "x5": -60.967}


def test_y_forecast_2022_from_printed_equation(audit):
    # -152734.69 + 109869.12*17.349 + 189882.725*12.8365 - 60.967*24817.32957
    # + 73210.701*17.1316807 = -152734.69 + 1906119.363 + 2437429.599 - 1513038.132
    # + 1254222.353 = 3931998.494 -> printed 3931998.5
    row = audit[audit["location"] == "Кесте 29 (second), line 3495"].iloc[0]
    assert row["recomputed"] == pytest.approx(3931998.494, abs=1e-3)
    assert row["verdict"] == "reproduces"


def test_table30_is_a_standard_deviation(audit):
    # X5: sd of 14756 ... 22665 (2000-2020) and the five printed forecasts = 4038.236
    row = audit[audit["location"] == "Кесте 30, line 3544"].iloc[0]
    assert row["recomputed"] == pytest.approx(4038.236, abs=5e-4)
    assert row["verdict"] == "reproduces"


def test_x5_upper_bounds_use_the_wrong_cell(audit):
    # 2023 upper printed 41885.182 = 25402.36251 + 16482.82 (the 2022 lower bound);
    # forecast + marginal error would be 25402.36251 + 8334.51 = 33736.87
    row = audit[audit["location"] == "Кесте 31, line 3591"].iloc[0]
    assert row["printed"] == pytest.approx(25402.36251 + 16482.82, abs=1e-3)
    assert row["recomputed"] == pytest.approx(33736.87, abs=0.01)
    assert row["verdict"] == "differs"


def test_scenarios_differ(audit):
    rows = audit[audit["quantity"].str.contains("pessimistic|optimistic")]
    assert rows["verdict"].tolist() == ["differs", "differs"]


def test_verdict_counts(audit):
    counts = audit["verdict"].value_counts().to_dict()
    # 334 + 35 for the printed tables and text; 11 + 1 for GDP per capita against the World
    # Bank; 84 reproduced rows are Appendix D's chart data of Figures 28-31
    assert counts == {"reproduces": 334 + 11 + 84, "differs": 35 + 1, "cannot be recomputed": 1}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_quantity_and_why_reads_in_the_readers_language(audit, lang):
    # data/audit_text_regression.csv must cover every text the chapter's rows carry
    missing = audit_text.untranslated(audit, lang)
    assert missing.empty, f"no {lang} line in data/audit_text_regression.csv for:\n" + "\n".join(
        f"  {c}: {t}" for c, t in zip(missing["column"], missing["en"], strict=True))


@pytest.mark.parametrize(("row_id", "lang", "quantity", "why"), [
    ("regression.t28.model-3-x4-partial-correlation", "ru",
     "модель 3, X4: частная корреляция", ""),
    ("regression.t27.model-1-excluded-x6-significance-p", "kk",
     "1-модель, енгізілмеген айнымалы X6: мәнділік (p)", ""),
    ("regression.t29.final-model-standard-deviation-of-std-residual", "ru",
     "итоговая модель: стандартное отклонение стандартизованных остатков", ""),
    ("regression.t29.quadratic-trend-forecast-of-x4-for-2023", "kk",
     "X4: квадраттық тренд бойынша 2023 жылға болжам",
     "басылған болжамдар Excel-дің y = 0,0155t² + 0,1713t + 1,5659 тренд сызығына сәйкес "
     "келеді (t = 1 — 2000 жыл; басылған 2023 жыл — t = 23, яғни 2022 жыл); оның "
     "коэффициенттері — ең кіші квадраттар әдісі коэффициенттерінің 3–5 цифрға дейін "
     "дөңгелектенген түрі; диаграммадағы осы жазу басылған мәнді дәл қайталайды, ал "
     "дөңгелектенбеген бағалау соңғы цифрларда ерекшеленеді"),
    ("regression.t31.95-upper-bound-of-x5-for-2024", "ru",
     "верхняя граница 95% интервала X5 на 2024 год",
     "напечатанная верхняя граница — это прогноз плюс нижняя граница предыдущего года "
     "(ссылка в электронной таблице сдвинулась на одну строку), а не прогноз плюс предельная "
     "ошибка 8334,51"),
    ("regression.t30.marginal-error-of-x6", "kk", "X6: «шекті қате»",
     "сол стандартты ауытқудың t(0,975; 24) = 2,0639 еселенгені (24 = 26 − 2)"),
    ("regression.text.pessimistic-gdp-per-capita-2026-tenge", "ru",
     "пессимистический сценарий: ВВП на душу населения в 2026 году (тенге)", None),
    # a number of the reason grouped by thin spaces, as fmt prints it
    ("regression.text.realistic-gdp-per-capita-2026-tenge", "kk",
     "шынайы сценарий: 2026 жылғы жан басына шаққандағы ЖІӨ (теңге)",
     "кестедегі 5\u202f214\u202f766,86 мәтінде бір ондық таңбаға дейін қиылған"),
])
def test_spot_translations(audit, row_id, lang, quantity, why):
    shown = translate(audit[audit["id"] == row_id], lang)
    assert len(shown) == 1
    assert shown[i18n.t("quantity", lang)].item() == quantity
    if why is not None:
        assert shown[i18n.t("why", lang)].item() == why


def test_gdp_per_capita_against_the_world_bank(audit):
    # Appendix V's Y (tenge) against the World Bank's US$ value times Table 5's exchange rate:
    # 2010 is 8 793.08 x 147.35 = 1 295 660 tenge, the appendix prints 1 336 605.6 (+3.2 %)
    rows = audit[audit["id"].str.startswith("regression.qosymshav.gdp-per-capita-")]
    assert len(rows) == 12 and (rows["kind"] == "official").all()
    y2010 = rows[rows["location"] == "Қосымша В, line 4514"].iloc[0]
    assert y2010["recomputed"] == pytest.approx(8793.08 * 147.35)
    assert y2010["printed"] == pytest.approx(1336605.6)
    assert y2010["verdict"] == "reproduces"  # within the 5 % the vintages allow
    gap = rows["printed"] / rows["recomputed"] - 1
    assert gap.between(0.0, ar.GDP_VINTAGE_TOLERANCE).sum() == 11
    y2021 = rows[rows["location"] == "Қосымша В, line 4624"].iloc[0]
    assert y2021["printed"] / y2021["recomputed"] - 1 == pytest.approx(0.081, abs=0.001)
    assert (y2021["verdict"], y2021["severity"]) == ("differs", "medium")
    ru = translate(rows[rows["location"] == "Қосымша В, line 4624"], "ru").iloc[0]
    assert "напечатанное значение выше на 8,1 %" in ru.iloc[8]
