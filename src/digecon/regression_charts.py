"""Chapter "regression": data checks, tables and figures in the reader's language.

The chapter refits the dissertation's stepwise regression of GDP per capita (section 2.4,
Appendix V), questions its data, diagnoses the model, tests its forecasts out of sample and
forecasts properly. This module holds the chapter's data preparation (small functions that
return tidy frames, tested in ``tests/test_regression_charts.py``), its tables (headers from
:mod:`digecon.i18n`) and its figures (``plot_*(..., lang) -> Figure``).

>>> wide = appendix_wide()
>>> int(wide.index[0]), int(wide.index[-1]), len(wide)
(2000, 2021, 22)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from pandas.io.formats.style import Styler

from digecon import data, i18n
from digecon.methods import regression as rg
from digecon.methods.trend import TREND_FORMS, trend_fitted, trend_forecast, trend_models
from digecon.plots import PALETTE, legend_below, wrap

#: the vocabulary key of each variable's axis label
VAR_LABEL = {
    "y": "gdp_per_capita_tenge", "x1": "var_x1_rd_organisations",
    "x2": "var_x2_innovative_products", "x3": "var_x3_computer_literacy",
    "x4": "var_x4_innovation_activity", "x5": "var_x5_rd_personnel",
    "x6": "var_x6_internet_users", "x7": "var_x7_rd_expenditure",
}
#: the final model's regressors in the order they entered
FINAL_XS = ["x4", "x3", "x6", "x5"]
#: the years the dissertation fitted its model on
FIRST_YEAR, LAST_YEAR = 2000, 2020
#: the trend forms the dissertation used for its regressor forecasts
PRINTED_FORMS = {"x3": "quadratic", "x4": "quadratic", "x5": "log_linear", "x6": "power"}
METHOD_LABEL = {"naive": "naive_forecast", "drift": "drift_forecast",
                "linear_trend": "linear_trend_forecast", "regression": "regression_forecast_method"}
SCHEME_LABEL = {"holdout": "holdout_scheme", "rolling": "rolling_scheme"}
TEST_LABEL = {"shapiro_wilk": "shapiro_wilk", "jarque_bera": "jarque_bera",
              "durbin_watson": "durbin_watson_test", "breusch_pagan": "breusch_pagan"}
NULL_LABEL = {"shapiro_wilk": "null_normal", "jarque_bera": "null_normal",
              "durbin_watson": "null_no_autocorrelation", "breusch_pagan": "null_homoscedastic"}


def sample() -> pd.DataFrame:
    """Appendix V as a wide table (one row per year), the years the model was fitted on."""
    long = data.load("regression-appendix-data")
    wide = long.pivot(index="year", columns="variable", values="value")
    wide.index = wide.index.astype(int)
    return wide.loc[FIRST_YEAR:LAST_YEAR].astype(float)


# ----------------------------------------------------------------------------- parameters
def check_parameters(
    *,
    drop_2009: bool,
    alpha: float,
    horizon_end: int,
    scenario_multipliers: Mapping[str, float],
    trend_forms: Mapping[str, str],
    holdout_years: int,
    min_train: int,
) -> None:
    """Raise a clear ``ValueError`` for a chapter parameter out of range.

    >>> check_parameters(drop_2009=False, alpha=0.05, horizon_end=2026,
    ...                  scenario_multipliers={"realistic": 1.0}, trend_forms=PRINTED_FORMS,
    ...                  holdout_years=3, min_train=10)
    >>> check_parameters(drop_2009=False, alpha=5, horizon_end=2026,
    ...                  scenario_multipliers={"realistic": 1.0}, trend_forms=PRINTED_FORMS,
    ...                  holdout_years=3, min_train=10)
    Traceback (most recent call last):
    ...
    ValueError: alpha must be between 0 and 1 (0.05 gives 95 % intervals), got 5
    """
    if not isinstance(drop_2009, bool):
        raise ValueError(f"drop_2009 must be True or False, got {drop_2009!r}")
    if not (isinstance(alpha, float | int) and 0 < alpha < 1):
        raise ValueError(f"alpha must be between 0 and 1 (0.05 gives 95 % intervals), got {alpha}")
    if not isinstance(horizon_end, int) or not 2022 <= horizon_end <= 2040:
        raise ValueError(f"horizon_end must be a year from 2022 to 2040, got {horizon_end!r}")
    if not scenario_multipliers:
        raise ValueError("scenario_multipliers is empty; give at least one, e.g. "
                         "{'realistic': 1.0}")
    for name, m in scenario_multipliers.items():
        if not isinstance(m, float | int) or m < 0:
            raise ValueError(f"scenario {name!r}: the multiplier must be a number >= 0, got {m!r}")
    for v, form in trend_forms.items():
        if v not in FINAL_XS:
            raise ValueError(f"trend_forms: {v!r} is not a regressor of the model {FINAL_XS}")
        if form not in TREND_FORMS:
            raise ValueError(f"trend_forms[{v!r}] = {form!r}; expected one of {TREND_FORMS}")
    if not isinstance(holdout_years, int) or not 1 <= holdout_years <= 6:
        raise ValueError(f"holdout_years must be an integer from 1 to 6, got {holdout_years!r}")
    if not isinstance(min_train, int) or not 6 <= min_train <= 22 - holdout_years:
        raise ValueError(f"min_train must be an integer from 6 to {22 - holdout_years}, "
                         f"got {min_train!r}")


# ----------------------------------------------------------------------------- data
def appendix_wide() -> pd.DataFrame:
    """Appendix V as a wide table, every printed year (2000-2021), one column per variable."""
    long = data.load("regression-appendix-data")
    wide = long.pivot(index="year", columns="variable", values="value").astype(float)
    wide.index = wide.index.astype(int)
    wide.columns.name = None
    return wide


def variables_table(lang: str) -> pd.DataFrame:
    """The variables: symbol, name and unit in ``lang``, and the Appendix V header as printed."""
    v = data.load("regression-variables")
    out = pd.DataFrame({
        "variable_code": v["symbol"],
        "name_in_text": v[f"name_{lang}"],
        "unit": v[f"unit_{lang}"],
        "appendix_header": v["appendix_header_kk"],
    })
    return i18n.translate_frame(out, lang)


def gdp_check(wide: pd.DataFrame, usd: pd.DataFrame) -> pd.DataFrame:
    """GDP per capita in tenge (Appendix V) beside the World Bank's in US$, and their ratio.

    The ratio is the exchange rate the two series imply (tenge per dollar); a printed value
    copied from another year shows as a jump in it. Columns: ``year, y_tenge, usd,
    implied_rate, y_growth_pct, usd_growth_pct``.

    >>> g = gdp_check(appendix_wide(), data.load("gdp-per-capita-kaz")).set_index("year")
    >>> round(float(g.loc[2009, "implied_rate"]), 1), float(g.loc[2010, "y_growth_pct"])
    (192.6, 0.0)
    """
    u = usd.set_index("year")["gdp_per_capita_current_usd"]
    years = [y for y in wide.index if y in u.index]
    out = pd.DataFrame({"year": years, "y_tenge": wide.loc[years, "y"].to_numpy(),
                        "usd": u.loc[years].to_numpy()})
    out["implied_rate"] = out["y_tenge"] / out["usd"]
    out["y_growth_pct"] = 100 * out["y_tenge"].pct_change()
    out["usd_growth_pct"] = 100 * out["usd"].pct_change()
    return out


def population_check(wide: pd.DataFrame, internet: pd.DataFrame) -> pd.DataFrame:
    """How many people X3 and X6 claim, against the population they imply.

    The World Bank's share of internet users (per cent) and X6 (internet users, million)
    together imply the population: ``X6 / share``. X3 ("computer literacy, million people")
    is then a share of that population too. Columns: ``year, x3, x6, internet_pct,
    population, x3_share_pct, x6_share_pct``.

    >>> p = population_check(appendix_wide(), data.load("internet-users")).set_index("year")
    >>> round(float(p.loc[2010, "population"]), 2), round(float(p.loc[2005, "x3_share_pct"]), 1)
    (16.46, 65.1)
    """
    kaz = internet[internet["iso3"] == "KAZ"].drop_duplicates("year").set_index("year")
    share = kaz["internet_users_pct"]
    years = [y for y in wide.index if y in share.index]
    out = pd.DataFrame({"year": years, "x3": wide.loc[years, "x3"].to_numpy(),
                        "x6": wide.loc[years, "x6"].to_numpy(),
                        "internet_pct": share.loc[years].to_numpy()})
    out["population"] = out["x6"] / (out["internet_pct"] / 100)
    out["x3_share_pct"] = 100 * out["x3"] / out["population"]
    out["x6_share_pct"] = 100 * out["x6"] / out["population"]
    return out


def model_sample(wide: pd.DataFrame, last_year: int, drop_2009: bool) -> pd.DataFrame:
    """The rows a model is fitted on: 2000..``last_year``, without 2009 when asked.

    >>> model_sample(appendix_wide(), 2020, True).index.tolist()[8:10]
    [2008, 2010]
    """
    out = wide.loc[FIRST_YEAR:last_year]
    return out.drop(index=2009) if drop_2009 else out


def next_year_by_sample(
    wide: pd.DataFrame, xs: Sequence[str], alpha: float, last_year: int = 2020
) -> dict[bool, float]:
    """Forecast of Y for ``last_year + 1`` (actual regressors) with and without the 2009 row.

    Returns ``{False: forecast keeping 2009, True: forecast dropping 2009}``: how much the
    duplicated 2009 value moves the model's one-year-ahead forecast.
    """
    out = {}
    for drop in (False, True):
        model = rg.ols(model_sample(wide, last_year, drop), "y", list(xs))
        future = wide.loc[[last_year + 1], list(xs)]
        out[drop] = float(rg.forecast_y(model, future, alpha=alpha)["forecast"].item())
    return out


# ----------------------------------------------------------------------------- tables
def _fmt(value: object) -> str:
    """A display number: thousands separated, integers without decimals, NaN as a dash.

    >>> _fmt(189882.725), _fmt(21.0), _fmt(float("nan")), _fmt("X4")
    ('189,882.725', '21', '–', 'X4')
    """
    if isinstance(value, float | np.floating):
        if np.isnan(value):
            return "–"
        if float(value).is_integer():
            return f"{float(value):,.0f}"
        return f"{float(value):,}"
    if isinstance(value, int | np.integer) and not isinstance(value, bool):
        return f"{int(value)}" if 1900 <= int(value) <= 2100 else f"{int(value):,}"
    return str(value)


def show(frame: pd.DataFrame) -> Styler:
    """A table for display: no index, numbers formatted by :func:`_fmt`, a compact font."""
    return (frame.style.hide(axis="index").format(_fmt)
            .set_table_styles([{"selector": "td, th",
                                "props": [("font-size", "0.85em"), ("padding", "0.2em 0.5em")]}],
                              overwrite=False))


def steps_table(steps: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The stepwise history for display: step, action, variable, F, p, R², adj. R², model."""
    out = steps.copy()
    out["action"] = [i18n.t(f"action_{a}", lang) for a in out["action"]]
    out["variable"] = out["variable"].str.upper()
    out["model"] = out["model"].str.upper()
    out = out.drop(columns="adj_r_squared").round({"f": 2, "p": 4, "r_squared": 3})
    return i18n.translate_frame(out, lang, columns={
        "variable": "variable_code", "f": "f_to_enter", "p": "significance_p",
        "r_squared": "r_squared_short", "model": "predictors"})


def coefficients_table(model: rg.OLSTables, lang: str) -> pd.DataFrame:
    """The final model's coefficients with t, p, beta, zero-order r, tolerance and VIF."""
    c = model.coefficients
    out = pd.DataFrame({
        "term": [i18n.t("constant", lang) if t == "const" else t.upper() for t in c["term"]],
        "b": c["b"].round(3), "se": c["se"].round(3), "beta": c["beta"].round(3),
        "t": c["t"].round(3), "p": c["p"].round(4), "zero_order": c["zero_order"].round(3),
        "tolerance": c["tolerance"].round(3), "vif": c["vif"].round(2),
    })
    return i18n.translate_frame(out, lang, columns={
        "term": "variable_code", "b": "coefficient_b", "se": "std_error_b",
        "beta": "beta_standardized", "t": "t_statistic", "p": "significance_p",
        "zero_order": "zero_order_correlation", "vif": "vif_short"})


def diagnostics_table(diag: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Residual tests for display: test, statistic, p, null hypothesis."""
    out = pd.DataFrame({
        "test_name": [i18n.t(TEST_LABEL[t], lang) for t in diag["test"]],
        "statistic": diag["statistic"].round(3),
        "p": diag["p"].round(3),
        "null_hypothesis": [i18n.t(NULL_LABEL[t], lang) for t in diag["test"]],
    })
    return i18n.translate_frame(out, lang, columns={"p": "significance_p"})


def fit_comparison(wide: pd.DataFrame, xs: Sequence[str] = FINAL_XS) -> pd.DataFrame:
    """R² of the final model in levels and in first differences, and of Y on time alone.

    A regression of trending series on each other fits well whatever the link; in first
    differences (year-on-year changes) only the shared movements count. Columns:
    ``specification, n, r_squared``.

    >>> f = fit_comparison(sample()).set_index("specification")["r_squared"].round(2)
    >>> f.to_dict()
    {'levels_model': 1.0, 'differences_model': 0.54, 'time_trend_model': 0.97}
    """
    levels = rg.ols(wide, "y", list(xs))
    diffs = rg.ols(wide.diff().dropna(), "y", list(xs))
    trend = trend_models(wide["y"], ["linear"])
    return pd.DataFrame({
        "specification": ["levels_model", "differences_model", "time_trend_model"],
        "n": [int(levels.summary["n"].item()), int(diffs.summary["n"].item()), len(wide)],
        "r_squared": [float(levels.summary["r_squared"].item()),
                      float(diffs.summary["r_squared"].item()),
                      float(trend["r_squared"].item())],
    })


def fit_comparison_table(fits: pd.DataFrame, lang: str) -> pd.DataFrame:
    """:func:`fit_comparison` for display."""
    out = fits.assign(specification=[i18n.t(s, lang) for s in fits["specification"]],
                      r_squared=fits["r_squared"].round(3))
    return i18n.translate_frame(out, lang, columns={"n": "observations",
                                                   "r_squared": "r_squared_short"})


def evaluation_table(summary: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Out-of-sample accuracy for display: scheme, method, n, MAE, RMSE, MAPE."""
    out = summary.sort_values(["scheme", "mape"]).copy()
    out["scheme"] = [i18n.t(SCHEME_LABEL[s], lang) for s in out["scheme"]]
    out["method"] = [i18n.t(METHOD_LABEL[m], lang) for m in out["method"]]
    out = out.round({"mae": 0, "rmse": 0, "mape": 1})
    return i18n.translate_frame(out[["scheme", "method", "n", "mae", "rmse", "mape"]], lang,
                                columns={"scheme": "evaluation_scheme", "n": "n_forecasts",
                                         "mae": "mae_tenge", "rmse": "rmse_tenge",
                                         "mape": "mape_pct"})


def trend_check(wide: pd.DataFrame) -> pd.DataFrame:
    """The printed regressor forecasts beside the trend year they really show, and 2021.

    The trends are fitted on 2000-2020 with t = 1 for 2000, so t = 22 is 2021; Кесте 29
    prints it as 2022. Columns: ``variable, printed_year, trend_year, printed_forecast,
    observed_2021`` (the value actually observed in 2021, for the printed "2022").

    >>> t = trend_check(appendix_wide())
    >>> t.iloc[0]["variable"], int(t.iloc[0]["printed_year"]), int(t.iloc[0]["trend_year"])
    ('X3', 2022, 2021)
    """
    fc = data.load("regression-forecast")
    fc = fc[fc["variable"] != "y"]
    out = pd.DataFrame({
        "variable": fc["variable"].str.upper().to_numpy(),
        "printed_year": fc["year"].to_numpy(),
        "trend_year": (fc["year"] - 1).to_numpy(),
        "printed_forecast": fc["value"].to_numpy(),
        "observed_2021": [float(wide.loc[2021, v]) if y == 2022 else np.nan
                          for v, y in zip(fc["variable"], fc["year"], strict=True)],
    })
    return out.sort_values(["variable", "printed_year"]).reset_index(drop=True)


def interval_check(wide: pd.DataFrame, alpha: float = 0.05) -> pd.DataFrame:
    """Кесте 30's "marginal error" of each regressor beside a proper 1-year prediction interval.

    The proper interval is the trend's prediction interval for a new observation one step
    after 2020 (in the printed form, fitted on 2000-2020); its half-width is
    ``(upper - lower) / 2`` (on the original scale, so asymmetric forms are averaged).
    Columns: ``variable, printed_margin, proper_margin, ratio``.

    >>> i = interval_check(appendix_wide()).set_index("variable")
    >>> float(i.loc["X3", "printed_margin"])
    7.28610639
    """
    err = data.load("regression-forecast-errors")
    margin = err[err["statistic"] == "marginal_error"].set_index("variable")["value"]
    rows = []
    for v in ["x3", "x4", "x5", "x6"]:
        f = trend_forecast(wide.loc[FIRST_YEAR:LAST_YEAR, v], PRINTED_FORMS[v],
                              horizon=1, alpha=alpha)
        proper = float((f["upper"] - f["lower"]).iloc[0] / 2)
        rows.append({"variable": v.upper(), "printed_margin": float(margin[v]),
                     "proper_margin": proper, "ratio": float(margin[v]) / proper})
    return pd.DataFrame(rows)


def interval_table(ic: pd.DataFrame, lang: str) -> pd.DataFrame:
    """:func:`interval_check` for display (without the ratio)."""
    out = ic[["variable", "printed_margin", "proper_margin"]].round(3)
    return i18n.translate_frame(out, lang, columns={"variable": "variable_code"})


def trend_check_table(tc: pd.DataFrame, lang: str) -> pd.DataFrame:
    """:func:`trend_check` for display (only the printed first year, with 2021 observed)."""
    out = tc[tc["printed_year"] == tc["printed_year"].min()]
    return i18n.translate_frame(out, lang, columns={"variable": "variable_code"})


def regressor_paths(
    wide: pd.DataFrame, forms: Mapping[str, str], horizon_end: int,
    xs: Sequence[str] = FINAL_XS,
) -> pd.DataFrame:
    """Each regressor projected by its trend form, fitted on every year of ``wide``.

    Forms missing from ``forms`` are linear. Rows: the years after the last one up to
    ``horizon_end``; columns: ``xs``.

    >>> p = regressor_paths(appendix_wide(), {}, 2023)
    >>> p.index.tolist(), p.columns.tolist()
    ([2022, 2023], ['x4', 'x3', 'x6', 'x5'])
    """
    last = int(wide.index.max())
    h = horizon_end - last
    if h < 1:
        raise ValueError(f"horizon_end {horizon_end} must be after the last year {last}")
    out = {}
    for v in xs:
        f = trend_forecast(wide[v], forms.get(v, "linear"), horizon=h)
        out[v] = f["forecast"].to_numpy()
    return pd.DataFrame(out, index=pd.Index(range(last + 1, horizon_end + 1), name="year"))


def scenario_forecasts(
    model: rg.OLSTables, wide: pd.DataFrame, paths: pd.DataFrame,
    multipliers: Mapping[str, float], alpha: float,
) -> pd.DataFrame:
    """Forecasts of Y per scenario, with the model's prediction interval.

    A multiplier scales the regressors' growth beyond the last observed year (1.0 keeps the
    trend paths, 0.9 gives 10 % less growth). Columns: ``scenario, year``, the regressors,
    ``forecast, obs_lower, obs_upper``.
    """
    last = wide.loc[wide.index.max(), list(paths.columns)]
    sc = rg.scenarios(paths, multipliers, anchor=last)
    sc = sc.rename(columns={"index": "year"})
    fc = rg.forecast_y(model, sc[list(paths.columns)], alpha=alpha)
    return pd.concat([sc, fc[["forecast", "obs_lower", "obs_upper"]]], axis=1)


def scenario_table(sc: pd.DataFrame, lang: str) -> pd.DataFrame:
    """:func:`scenario_forecasts` at its last year, for display (tenge, rounded)."""
    last = sc[sc["year"] == sc["year"].max()].drop(columns="year")
    last["scenario"] = [scenario_name(s, lang) for s in last["scenario"]]
    for c in FINAL_XS:
        last[c] = last[c].round(2 if c != "x5" else 0)
    for c in ["forecast", "obs_lower", "obs_upper"]:
        last[c] = last[c].round(0)
    last = last.rename(columns={c: c.upper() for c in FINAL_XS})
    return i18n.translate_frame(last, lang, columns={
        "scenario": "scenario_label", "forecast": "regression_forecast",
        "obs_lower": "prediction_lower", "obs_upper": "prediction_upper"})


def scenario_name(name: str, lang: str) -> str:
    """The label of a scenario: the vocabulary's for the usual three, else the name itself."""
    try:
        return i18n.t(f"scenario_{name}", lang)
    except KeyError:
        return name


def audit_summary(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Verdict counts per printed table of the source (Кесте 25 ... and the text)."""
    from digecon import audit

    table = rows["location"].str.extract(r"^(Кесте \d+(?: \(second\))?|text)")[0]
    table = table.str.replace(" (second)", " (2)", regex=False)
    counts = (rows.assign(table=table).groupby(["table", "verdict"]).size()
              .unstack(fill_value=0).reindex(columns=list(audit.VERDICTS), fill_value=0))
    order = sorted(counts.index, key=lambda s: (s == "text", s))
    counts = counts.loc[order].reset_index()
    counts.columns.name = None
    counts["table"] = [i18n.t("source_text", lang) if s == "text" else s for s in counts["table"]]
    keys = {audit.REPRODUCES: "reproduces", audit.DIFFERS: "differs",
            audit.CANNOT: "cannot_be_recomputed"}
    counts = counts.rename(columns=keys)
    return i18n.translate_frame(counts, lang, columns={"table": "audit_source_table"})


# ----------------------------------------------------------------------------- figures
def _years_axis(ax: plt.Axes, lang: str, label: bool = True) -> None:
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
    if label:
        ax.set_xlabel(i18n.t("year", lang))


def plot_gdp_check(check: pd.DataFrame, lang: str) -> plt.Figure:
    """Two panels: GDP per capita in tenge (Appendix V) and the implied tenge-per-dollar rate."""
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(8.0, 3.4))
    a1.plot(check["year"], check["y_tenge"] / 1e6, marker="o", ms=3, color=PALETTE[0])
    a1.set_ylabel(wrap(i18n.t("gdp_per_capita_mln_tenge", lang), 32))
    a2.plot(check["year"], check["implied_rate"], marker="o", ms=3, color=PALETTE[1])
    a2.set_ylabel(wrap(i18n.t("implied_rate", lang), 32))
    for ax, col, scale in ((a1, "y_tenge", 1e6), (a2, "implied_rate", 1.0)):
        row = check[check["year"] == 2009]
        if not row.empty:
            ax.scatter(row["year"], row[col] / scale, s=90, facecolors="none",
                       edgecolors="#000000", zorder=3)
        _years_axis(ax, lang)
    fig.tight_layout()
    return fig


def plot_population_check(pc: pd.DataFrame, lang: str) -> plt.Figure:
    """X3 and X6 as shares of the population implied by X6 and the World Bank's share."""
    fig, ax = plt.subplots(figsize=(7.0, 3.4))
    ax.plot(pc["year"], pc["x3_share_pct"], marker="o", ms=3, color=PALETTE[1],
            label=i18n.t("x3_share_pct", lang))
    ax.plot(pc["year"], pc["x6_share_pct"], marker="s", ms=3, color=PALETTE[0],
            label=i18n.t("x6_share_pct", lang))
    ax.axhline(100, color="#777777", lw=0.8, ls="--")
    ax.set_ylabel(i18n.t("share_pct", lang))
    _years_axis(ax, lang)
    ax.legend(loc="lower right", fontsize="small")
    fig.tight_layout()
    return fig


def plot_fit(model: rg.OLSTables, lang: str) -> plt.Figure:
    """Observed and fitted Y by year, and the standardised residuals with ±2 lines."""
    cw = model.casewise
    years = cw.index.to_numpy()
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(8.0, 3.4))
    a1.plot(years, cw["observed"] / 1e6, marker="o", ms=3, lw=0, color=PALETTE[0],
            label=i18n.t("observed", lang))
    a1.plot(years, cw["predicted"] / 1e6, color=PALETTE[1], label=i18n.t("fitted_value", lang))
    a1.set_ylabel(wrap(i18n.t("gdp_per_capita_mln_tenge", lang), 32))
    a1.legend(fontsize="small")
    a2.axhline(0, color="#777777", lw=0.8)
    for lvl in (-2, 2):
        a2.axhline(lvl, color="#777777", lw=0.8, ls="--")
    a2.bar(years, cw["std_residual"], color=PALETTE[2])
    a2.set_ylabel(i18n.t("std_residual", lang))
    for ax in (a1, a2):
        _years_axis(ax, lang)
    fig.tight_layout()
    return fig


def plot_evaluation(ev: rg.Evaluation, lang: str) -> plt.Figure:
    """Left: hold-out forecasts of each method against the observed years; right: MAPE."""
    errors, summary = ev.errors, ev.summary
    hold = errors[errors["scheme"] == "holdout"]
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(8.4, 4.2), width_ratios=[1, 1.2])
    first = hold.groupby("method")["origin"].first().iloc[0]
    test_years = [int(first) + int(h) for h in sorted(hold["horizon"].unique())]
    actual = hold.drop_duplicates("horizon").sort_values("horizon")["actual"].to_numpy()
    a1.plot(test_years, actual / 1e6, color="#000000", marker="o", ms=4, lw=1.5,
            label=i18n.t("observed", lang))
    methods = [m for m in METHOD_LABEL if m in set(summary["method"])]
    for i, m in enumerate(methods):
        sub = hold[hold["method"] == m].sort_values("horizon")
        a1.plot(test_years, sub["forecast"] / 1e6, marker="s", ms=3, color=PALETTE[i],
                label=i18n.t(METHOD_LABEL[m], lang))
    a1.set_xticks(test_years)
    a1.set_ylabel(wrap(i18n.t("gdp_per_capita_mln_tenge", lang), 28))
    a1.set_xlabel(i18n.t("year", lang))
    width = 0.38
    pos = np.arange(len(methods))
    bars = []
    for j, scheme in enumerate(["holdout", "rolling"]):
        s = summary[summary["scheme"] == scheme].set_index("method").reindex(methods)
        bars.append(a2.barh(pos + (j - 0.5) * width, s["mape"], height=width,
                            color=["#56B4E9", "#0072B2"][j],
                            label=i18n.t(SCHEME_LABEL[scheme], lang)))
    a2.set_yticks(pos, [wrap(i18n.t(METHOD_LABEL[m], lang), 20) for m in methods],
                  fontsize="small")
    a2.invert_yaxis()
    a2.set_xlabel(i18n.t("mape_pct", lang))
    h1, l1 = a1.get_legend_handles_labels()
    a1.legend(h1, l1, fontsize="x-small", loc="upper center", bbox_to_anchor=(0.5, -0.2),
              ncol=1)
    a2.legend(fontsize="x-small", loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=1)
    fig.tight_layout()
    return fig


def plot_trend_shift(wide: pd.DataFrame, lang: str) -> plt.Figure:
    """For X3, X4, X5, X6: the data, the trend, and the printed forecasts one year late."""
    fc = data.load("regression-forecast")
    fig, axes = plt.subplots(2, 2, figsize=(8.4, 5.6))
    fit_years = wide.loc[FIRST_YEAR:LAST_YEAR].index
    for ax, v in zip(axes.ravel(), ["x3", "x4", "x5", "x6"], strict=True):
        s = wide.loc[fit_years, v]
        f = trend_forecast(s, PRINTED_FORMS[v], horizon=6)
        fitted = trend_fitted(s, PRINTED_FORMS[v]).to_numpy()
        ax.plot(wide.index, wide[v], marker="o", ms=3, lw=0, color=PALETTE[0],
                label=i18n.t("observed", lang))
        ax.plot(list(fit_years) + f["index"].tolist(),
                np.r_[fitted, f["forecast"].to_numpy()], color="#777777", lw=1,
                label=i18n.t("trend", lang))
        p = fc[fc["variable"] == v]
        ax.plot(p["year"], p["value"], marker="D", ms=4, lw=0, color=PALETTE[1],
                label=i18n.t("printed_forecast", lang))
        ax.plot(p["year"] - 1, p["value"], marker="D", ms=4, lw=0, mfc="none",
                color=PALETTE[2], label=i18n.t("printed_forecast_true_year", lang))
        ax.set_title(wrap(i18n.t(VAR_LABEL[v], lang), 40), fontsize="small")
        _years_axis(ax, lang, label=False)
        ax.set_xlim(2012, 2027)
        recent = np.r_[wide.loc[2012:, v].to_numpy(), p["value"].to_numpy()]
        pad = 0.08 * (recent.max() - recent.min())
        ax.set_ylim(recent.min() - pad, recent.max() + pad)
    for ax in axes[1]:
        _years_axis(ax, lang)
    legend_below(fig, axes[0, 0], ncol=2, bottom=0.1)
    return fig


def plot_fan(
    history: pd.Series,
    scenarios: pd.DataFrame,
    drift: pd.DataFrame,
    check_2021: Mapping[str, float],
    alpha: float,
    lang: str,
    central: str = "realistic",
) -> plt.Figure:
    """The fan chart of GDP per capita: history, regression scenarios with the prediction
    interval of the central one, the drift benchmark's interval, the printed forecasts and the
    model's 2021 prediction (from 2000-2020) against the observed 2021 value."""
    fig, ax = plt.subplots(figsize=(8.0, 5.6))
    level = round(100 * (1 - alpha))
    pi = i18n.t("prediction_interval_level", lang).format(level=level)
    ax.plot(history.index, history / 1e6, color="#000000", marker="o", ms=3,
            label=i18n.t("observed", lang))
    names = list(dict.fromkeys(scenarios["scenario"]))
    mid = central if central in names else names[len(names) // 2]
    c = scenarios[scenarios["scenario"] == mid]
    x0, y0 = int(history.index[-1]), float(history.iloc[-1]) / 1e6
    ax.fill_between(c["year"], c["obs_lower"] / 1e6, c["obs_upper"] / 1e6, color=PALETTE[0],
                    alpha=0.25, lw=0, label=f"{i18n.t('regression_forecast', lang)}: {pi}")
    styles = ["--", "-", ":", "-."]
    for i, name in enumerate(names):
        s = scenarios[scenarios["scenario"] == name]
        ax.plot([x0, *s["year"]], [y0, *(s["forecast"] / 1e6)], color=PALETTE[0],
                ls=styles[i % len(styles)], lw=1.8 if name == mid else 1.1,
                label=f"{i18n.t('regression_forecast', lang)}: {scenario_name(name, lang)}")
    ax.fill_between(drift["index"], drift["lower"] / 1e6, drift["upper"] / 1e6,
                    color=PALETTE[2], alpha=0.15, lw=0)
    ax.plot([x0, *drift["index"]], [y0, *(drift["forecast"] / 1e6)], color=PALETTE[2],
            label=f"{i18n.t('drift_forecast', lang)}, {pi}")
    printed = data.load("regression-forecast").query("variable == 'y'")
    ax.plot(printed["year"], printed["value"] / 1e6, marker="D", ms=4, lw=0.8, ls=":",
            color=PALETTE[1], label=i18n.t("dissertation_forecast", lang))
    ax.errorbar([2021], [check_2021["forecast"] / 1e6],
                yerr=[[(check_2021["forecast"] - check_2021["lower"]) / 1e6],
                      [(check_2021["upper"] - check_2021["forecast"]) / 1e6]],
                fmt="s", ms=5, color=PALETTE[3], capsize=3,
                label=i18n.t("model_2021_check", lang))
    ax.set_ylabel(wrap(i18n.t("gdp_per_capita_mln_tenge", lang), 32))
    _years_axis(ax, lang)
    ax.set_xlim(2009.5, scenarios["year"].max() + 0.5)
    ax.legend(fontsize="x-small", loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2)
    fig.tight_layout()
    return fig


def audit_rows_table(rows: pd.DataFrame, lang: str) -> Styler:
    """Audit rows for display: headers and verdicts in ``lang``, without the columns that are
    the same on every row (chapter, source, official), numbers to 4 significant digits."""
    from digecon import audit

    shown = audit.translate(rows.reset_index(drop=True), lang)
    shown = shown.drop(columns=[i18n.t(k, lang) for k in ("chapter", "source", "official")])
    fmt = {i18n.t(k, lang): (lambda v: _fmt(float(f"{v:.6g}"))) for k in ("printed", "recomputed")}
    return show(shown).format(fmt).set_table_styles(
        [{"selector": "td:last-child", "props": [("min-width", "24em")]}], overwrite=False)
