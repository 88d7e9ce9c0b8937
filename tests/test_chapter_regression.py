"""Tests of the chapter "regression": data checks, tables and figures in three languages."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from digecon import data, i18n
from digecon.chapters import regression as rc
from digecon.chapters.regression import audit as ar
from digecon.methods import regression as rg
from digecon.methods.forecast import drift_forecast

LANGS = ("kk", "ru", "en")


@pytest.fixture(scope="module")
def wide() -> pd.DataFrame:
    return rc.appendix_wide()


@pytest.fixture(scope="module")
def final() -> rg.OLSTables:
    return rg.ols(ar.sample(), "y", rc.FINAL_XS)


@pytest.fixture(scope="module")
def small_eval(wide) -> rg.Evaluation:
    f = rg.trend_regression_forecaster(wide, "y", rc.FINAL_XS, rc.PRINTED_FORMS)
    return rg.evaluate(wide["y"], k=3, min_train=18, forecasters={"regression": f})


def _label(text: str) -> str:
    return text.replace("\n", " ")


# --------------------------------------------------------------------------- data checks
def test_appendix_wide(wide):
    assert wide.index.tolist() == list(range(2000, 2022))
    assert list(wide.columns) == ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "y"]


def test_gdp_check_by_hand(wide):
    g = rc.gdp_check(wide, data.load("gdp-per-capita-kaz")).set_index("year")
    # 1336605.6 / 6938.01 = 192.65; 1336605.6 / 8793.08 = 152.007; 1024175.0 / 8123.55 = 126.07
    assert g.loc[2009, "implied_rate"] == pytest.approx(1336605.6 / 6938.01)
    assert g.loc[2010, "implied_rate"] == pytest.approx(152.0065, abs=1e-3)
    assert g.loc[2008, "implied_rate"] == pytest.approx(126.075, abs=1e-3)
    assert g.loc[2010, "y_growth_pct"] == 0.0
    assert g.loc[2010, "usd_growth_pct"] == pytest.approx(100 * (8793.08 / 6938.01 - 1))


def test_population_check_by_hand(wide):
    p = rc.population_check(wide, data.load("internet-users")).set_index("year")
    # 2021: X6 = 17.0 million at 90.92 % -> 18.698 million; X3 = 17.6 -> 94.13 %
    assert p.loc[2021, "population"] == pytest.approx(17.0 / 0.9092)
    assert p.loc[2021, "x3_share_pct"] == pytest.approx(100 * 17.6 * 0.9092 / 17.0)
    assert p.loc[2021, "x6_share_pct"] == pytest.approx(90.92)
    assert p.index.min() == 2005  # the World Bank series starts in 2005


def test_model_sample(wide):
    assert rc.model_sample(wide, 2020, False).index.tolist() == list(range(2000, 2021))
    s = rc.model_sample(wide, 2021, True)
    assert 2009 not in s.index and len(s) == 21


def test_fit_comparison_matches_the_chapter_claims():
    f = rc.fit_comparison(ar.sample()).set_index("specification")
    assert f.loc["levels_model", "r_squared"] == pytest.approx(0.996, abs=5e-4)
    assert f.loc["differences_model", "r_squared"] == pytest.approx(0.535, abs=5e-4)
    assert f.loc["differences_model", "n"] == 20


def test_trend_check_shift(wide):
    t = rc.trend_check(wide)
    assert (t["printed_year"] - t["trend_year"] == 1).all()
    first = t[t["printed_year"] == 2022].set_index("variable")
    assert first.loc["X3", "printed_forecast"] == 17.349
    assert first.loc["X3", "observed_2021"] == 17.6


def test_interval_check(wide):
    i = rc.interval_check(wide).set_index("variable")
    assert i.loc["X4", "printed_margin"] == 9.513017
    # the proper one-year interval of X3's quadratic trend is far narrower than the printed one
    assert 5 < i.loc["X3", "ratio"] < 7
    assert (i["proper_margin"] > 0).all()


def test_regressor_paths_and_scenarios(wide, final):
    paths = rc.regressor_paths(wide, {}, 2023)
    # a linear trend one step ahead of X4 (t = 23) by hand
    t = np.arange(1, 23)
    b, a = np.polyfit(t, wide["x4"].to_numpy(), 1)
    assert paths.loc[2022, "x4"] == pytest.approx(a + b * 23)
    sc = rc.scenario_forecasts(final, wide, paths, {"low": 0.0, "mid": 1.0}, 0.05)
    low = sc[sc["scenario"] == "low"].set_index("year")
    # multiplier 0: every regressor stays at its 2021 value
    assert low.loc[2023, "x3"] == wide.loc[2021, "x3"]
    assert (sc["obs_lower"] < sc["forecast"]).all() and (sc["forecast"] < sc["obs_upper"]).all()
    with pytest.raises(ValueError, match="after the last year"):
        rc.regressor_paths(wide, {}, 2021)


def test_check_parameters_rejects_bad_values():
    ok = dict(drop_2009=False, alpha=0.05, horizon_end=2026,
              scenario_multipliers={"realistic": 1.0}, trend_forms={"x3": "linear"},
              holdout_years=3, min_train=10)
    rc.check_parameters(**ok)
    for key, bad, msg in [("alpha", 1.5, "alpha"), ("horizon_end", 2020, "horizon_end"),
                          ("scenario_multipliers", {}, "empty"),
                          ("trend_forms", {"x1": "linear"}, "not a regressor"),
                          ("trend_forms", {"x3": "cubic"}, "expected one of"),
                          ("min_train", 3, "min_train"), ("drop_2009", "yes", "drop_2009")]:
        with pytest.raises(ValueError, match=msg):
            rc.check_parameters(**{**ok, key: bad})


# --------------------------------------------------------------------------- tables
@pytest.mark.parametrize("lang", LANGS)
def test_tables_have_headers_in_the_language(lang, final, wide, small_eval):
    steps = rg.stepwise(ar.sample(), "y", ar.CANDIDATES)
    assert i18n.t("predictors", lang) in rc.steps_table(steps, lang).columns
    assert rc.steps_table(steps, lang).iloc[0, 1] == i18n.t("action_enter", lang)
    co = rc.coefficients_table(final, lang)
    assert co.columns[0] == i18n.t("variable_code", lang)
    assert co.iloc[0, 0] == i18n.t("constant", lang)
    diag = rg.residual_diagnostics(final.casewise["residual"], ar.sample()[rc.FINAL_XS])
    d = rc.diagnostics_table(diag, lang)
    assert d.iloc[0, 0] == i18n.t("shapiro_wilk", lang)
    ev = rc.evaluation_table(small_eval.summary, lang)
    assert i18n.t("mape_pct", lang) in ev.columns
    v = rc.variables_table(lang)
    assert v.columns.tolist() == [i18n.t(k, lang) for k in
                                  ("variable_code", "name_in_text", "unit", "appendix_header")]
    summary = rc.audit_summary(ar.audit(), lang)
    assert summary.columns[0] == i18n.t("audit_source_table", lang)
    # 334 for the printed tables and text, 11 for Appendix V's GDP per capita against the
    # World Bank, 84 for Appendix D's chart data of Figures 28-31: every audit row is counted
    # in one line of the summary
    assert summary[i18n.t("reproduces", lang)].sum() == 334 + 11 + 84
    assert summary[[i18n.t(k, lang) for k in ("reproduces", "differs", "cannot_be_recomputed")]
                   ].to_numpy().sum() == len(ar.audit())


def test_show_formats_numbers():
    html = rc.show(pd.DataFrame({"a": [189882.725, np.nan], "year": [2021, 2022]})).to_html()
    assert "189,882.725" in html and "–" in html and "2,021" not in html


def test_audit_rows_table_drops_constant_columns():
    rows = ar.audit()
    shown = rc.audit_rows_table(rows[rows["verdict"] != "reproduces"], "ru")
    assert i18n.t("chapter", "ru") not in shown.data.columns
    assert len(shown.data) == 36 + 1  # + Appendix V's GDP per capita of 2021


# --------------------------------------------------------------------------- figures
def _axes_labels(fig: plt.Figure) -> set[str]:
    out = set()
    for ax in fig.axes:
        out |= {_label(ax.get_xlabel()), _label(ax.get_ylabel())}
    return out - {""}


@pytest.mark.parametrize("lang", LANGS)
def test_figures_are_labelled_in_the_language(lang, wide, final, small_eval):
    gdp = rc.gdp_check(wide, data.load("gdp-per-capita-kaz"))
    pop = rc.population_check(wide, data.load("internet-users"))
    paths = rc.regressor_paths(wide, rc.PRINTED_FORMS, 2024)
    sc = rc.scenario_forecasts(final, wide, paths, {"pessimistic": 0.9, "realistic": 1.0}, 0.05)
    drift = drift_forecast(wide["y"], 3)
    check = {"forecast": 3.75e6, "lower": 3.55e6, "upper": 3.95e6}
    year = i18n.t("year", lang)
    gdp_mln = i18n.t("gdp_per_capita_mln_tenge", lang)
    cases = [
        (rc.plot_gdp_check(gdp, lang), {year, gdp_mln, i18n.t("implied_rate", lang)}),
        (rc.plot_population_check(pop, lang), {year, i18n.t("share_pct", lang)}),
        (rc.plot_fit(final, lang), {year, gdp_mln, i18n.t("std_residual", lang)}),
        (rc.plot_evaluation(small_eval, lang), {year, gdp_mln, i18n.t("mape_pct", lang)}),
        (rc.plot_trend_shift(wide, lang), {year}),
        (rc.plot_fan(wide["y"], sc, drift, check, 0.05, lang), {year, gdp_mln}),
    ]
    for fig, expected in cases:
        assert isinstance(fig, plt.Figure)
        assert _axes_labels(fig) == expected
        plt.close(fig)


@pytest.mark.parametrize("lang", LANGS)
def test_legends_and_titles_use_the_vocabulary(lang, wide, final, small_eval):
    fig = rc.plot_trend_shift(wide, lang)
    titles = {_label(ax.get_title()) for ax in fig.axes}
    assert titles == {i18n.t(rc.VAR_LABEL[v], lang) for v in ["x3", "x4", "x5", "x6"]}
    legend = {t.get_text() for t in fig.legends[0].get_texts()}
    assert i18n.t("printed_forecast", lang) in legend
    plt.close(fig)
    fig = rc.plot_evaluation(small_eval, lang)
    ticks = {_label(t.get_text()) for t in fig.axes[1].get_yticklabels()}
    assert ticks == {i18n.t(rc.METHOD_LABEL[m], lang) for m in rc.METHOD_LABEL}
    plt.close(fig)


def test_fan_labels_the_interval_level(wide, final):
    paths = rc.regressor_paths(wide, rc.PRINTED_FORMS, 2023)
    sc = rc.scenario_forecasts(final, wide, paths, {"realistic": 1.0}, 0.2)
    drift = drift_forecast(wide["y"], 2, 0.2)
    fig = rc.plot_fan(wide["y"], sc, drift, {"forecast": 1.0, "lower": 0.5, "upper": 1.5}, 0.2,
                      "en")
    texts = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert any("80% prediction interval" in t for t in texts)
    assert i18n.t("scenario_realistic", "en") in " ".join(texts)
    plt.close(fig)


def test_next_year_by_sample_matches_a_direct_refit():
    wide = rc.appendix_wide()
    xs = ["x4", "x3", "x6", "x5"]
    got = rc.next_year_by_sample(wide, xs, 0.05)
    # keeping 2009: the final model's prediction for 2021 is about 3.75 mln tenge (section's data)
    assert got[False] / 1e6 == pytest.approx(3.753, abs=0.002)
    direct = rg.forecast_y(rg.ols(wide.loc[2000:2020].drop(index=2009), "y", xs),
                           wide.loc[[2021], xs], alpha=0.05)["forecast"].item()
    assert got[True] == pytest.approx(direct)
    assert got[True] != pytest.approx(got[False])
