"""The analysis of the chapter "regression": data checks, fits and forecasts.

The chapter refits the dissertation's stepwise regression of GDP per capita (section 2.4,
Appendix V), questions its data, diagnoses the model, tests its forecasts out of sample and
forecasts properly. This module holds the chapter's data preparation (small functions that
return tidy frames, tested in ``tests/test_chapter_regression.py``); :mod:`.tables` and
:mod:`.figures` show them in the reader's language.

>>> wide = appendix_wide()
>>> int(wide.index[0]), int(wide.index[-1]), len(wide)
(2000, 2021, 22)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from digecon import data, i18n
from digecon.methods import regression as rg
from digecon.methods.trend import TREND_FORMS, trend_forecast, trend_models

#: the final model's regressors in the order they entered
FINAL_XS = ["x4", "x3", "x6", "x5"]


#: the years the dissertation fitted its model on
FIRST_YEAR = 2000


LAST_YEAR = 2020


#: the trend forms the dissertation used for its regressor forecasts
PRINTED_FORMS = {"x3": "quadratic", "x4": "quadratic", "x5": "log_linear", "x6": "power"}


METHOD_LABEL = {"naive": "naive_forecast", "drift": "drift_forecast",
                "linear_trend": "linear_trend_forecast", "regression": "regression_forecast_method"}


SCHEME_LABEL = {"holdout": "holdout_scheme", "rolling": "rolling_scheme"}


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
    counts["table"] = [i18n.t("source_text", lang) if s == "text"
                       else audit.localize_location(s, lang) for s in counts["table"]]
    keys = {audit.REPRODUCES: "reproduces", audit.DIFFERS: "differs",
            audit.CANNOT: "cannot_be_recomputed"}
    counts = counts.rename(columns=keys)
    return i18n.translate_frame(counts, lang, columns={"table": "audit_source_table"})
