"""Audit of section 2.4: the stepwise regression of GDP per capita and its forecasts.

The model is refitted from Appendix V (resource ``regression-appendix-data``, years 2000-2020:
SPSS's ANOVA has 20 total degrees of freedom, so 21 years, and the chart data under the
appendix stop at 2020). Every number printed in Tables 25–31 and in the text is set beside the
recomputed one.

>>> a = audit()
>>> set(a["verdict"]) <= {"reproduces", "differs", "cannot be recomputed"}
True
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from digecon import data
from digecon.audit import as_number, audit_frame, cannot, check, decimals_of
from digecon.chapters.regression.analysis import FIRST_YEAR, sample

# the trend forms whose printed forecasts Table 29 (second) shows (Figures 28-31 are images)
from digecon.chapters.regression.analysis import PRINTED_FORMS as TREND_FORM
from digecon.methods import regression as rg
from digecon.methods.trend import trend_forecast

CHAPTER = "regression"
SOURCE = "001_e89e1252d3bc2daa.txt"
STEPS = {1: ["x4"], 2: ["x4", "x3"], 3: ["x4", "x3", "x6"], 4: ["x4", "x3", "x6", "x5"]}
CANDIDATES = ["x1", "x2", "x3", "x4", "x5", "x6", "x7"]
# the Excel trend-line labels that reproduce every printed forecast digit for digit
# (inferred from the printed forecasts; the least-squares fits rounded to 3-5 digits)
EXCEL_LABEL = {
    "x3": "y = 0.0012t² + 0.4256t + 7.405",
    "x4": "y = 0.0155t² + 0.1713t + 1.5659",
    "x5": "y = 14864e^(0.0233t)",
    "x6": "y = 0.0271t^2.0864",
}
PRINTED_EQUATION = {"x3": 109869.120, "x4": 189882.725, "x5": -60.967, "x6": 73210.701}
PRINTED_INTERCEPT = -152734.690
QUANTITY = {
    "r": "multiple correlation R", "r_squared": "R squared", "adj_r_squared": "adjusted R squared",
    "se_estimate": "standard error of the estimate", "durbin_watson": "Durbin-Watson statistic",
    "sum_of_squares": "sum of squares", "df": "degrees of freedom", "mean_square": "mean square",
    "f": "F statistic", "p": "significance (p)", "beta_in": "beta in", "t": "t statistic",
    "partial_correlation": "partial correlation", "tolerance": "tolerance", "vif": "VIF",
    "b": "coefficient B", "se": "standard error of B", "beta": "standardised coefficient beta",
    "zero_order": "zero-order correlation", "partial": "partial correlation",
    "part": "part (semi-partial) correlation", "minimum": "minimum", "maximum": "maximum",
    "mean": "mean", "std_deviation": "standard deviation",
}


def _truncates(printed: str, value: float) -> bool:
    """True when ``printed`` is ``value`` cut (not rounded) at the printed decimals."""
    places = decimals_of(printed)
    cut = math.trunc(value * 10**places) / 10**places
    return abs(cut - as_number(printed)) < 0.5 * 10**-places and not math.isclose(
        round(value, places), as_number(printed))


def _row(location: str, quantity: str, printed: str, value: float | None, why: str = "",
         tolerance: float | None = None):
    if not why and value is not None and _truncates(printed, value):
        why = "the printed value is the recomputed one truncated, not rounded"
    return check(SOURCE, location, quantity, printed, value, why=why, tolerance=tolerance,
                 chapter=CHAPTER)


def _model_rows(fits: dict[int, rg.OLSTables]) -> list[dict[str, object]]:
    rows = []
    for r in data.load("regression-model-summary").itertuples():
        value = float(fits[r.step].summary[r.statistic].iloc[0])
        rows.append(_row(f"Кесте 25, line {r.line}", f"model {r.step}: {QUANTITY[r.statistic]}",
                         r.printed, value))
    for r in data.load("regression-anova").itertuples():
        a = fits[r.step].anova.set_index("source")
        value = float(a.loc[r.source, r.statistic])
        tol, why = None, ""
        if r.statistic in ("sum_of_squares", "mean_square"):
            # the total SS is 2.9e13, where a double resolves about 0.004; SPSS's residual SS
            # is total minus regression SS, so it carries that absolute rounding error
            tol = 1e-14 * float(a.loc["total", "sum_of_squares"])
            if r.statistic == "mean_square":
                tol /= float(a.loc[r.source, "df"])
            why = ("printed to 0.001 on numbers up to 2.9e13 (17 significant digits, more than "
                   "a double holds); agreement is judged to 1e-14 of the total sum of squares")
        rows.append(_row(f"Кесте 26, line {r.line}",
                         f"model {r.step}, {r.source}: {QUANTITY[r.statistic]}",
                         r.printed, value, why, tol))
    for r in data.load("regression-excluded").itertuples():
        ex = fits[r.step].excluded.set_index("variable")
        rows.append(_row(f"Кесте 27, line {r.line}",
                         f"model {r.step}, excluded {r.variable.upper()}: {QUANTITY[r.statistic]}",
                         r.printed, float(ex.loc[r.variable, r.statistic])))
    for r in data.load("regression-coefficients").itertuples():
        co = fits[r.step].coefficients.set_index("term")
        term = "constant" if r.term == "const" else r.term.upper()
        rows.append(_row(f"Кесте 28, line {r.line}",
                         f"model {r.step}, {term}: {QUANTITY[r.statistic]}",
                         r.printed, float(co.loc[r.term, r.statistic])))
    rs = fits[4].residual_statistics.set_index("quantity")
    for r in data.load("regression-residual-stats").itertuples():
        value = float(rs.loc[r.quantity, r.statistic])
        tol, why = None, ""
        if r.statistic in ("minimum", "maximum") and r.quantity in ("predicted", "residual"):
            # SPSS keeps casewise values in single precision: 172716.000 and 3776123.500 are
            # float32 numbers (spacing 0.0156 and 0.25 there)
            tol = max(0.5 * 10.0 ** -decimals_of(r.printed),
                      float(np.spacing(np.float32(abs(value)))))
            why = ("SPSS saves casewise predicted values and residuals in single precision "
                   "(float32), so the printed extremes agree only to the float32 spacing")
        rows.append(_row(f"Кесте 29, line {r.line}",
                         f"final model: {QUANTITY[r.statistic]} of {r.quantity.replace('_', ' ')}",
                         r.printed, value, why, tol))
    return rows


def _trend_paths(wide: pd.DataFrame) -> dict[str, pd.Series]:
    """Trend values at t = 22..26 (t = 1 is 2000), labelled with the printed years 2022-2026.

    t = 22 is 2021, the first year after the data, but the dissertation prints it as 2022:
    every printed "year" is one year later than the trend step it shows.
    """
    out = {}
    for v, form in TREND_FORM.items():
        f = trend_forecast(wide[v], form, horizon=5)
        out[v] = pd.Series(f["forecast"].to_numpy(), index=range(2022, 2027))
    return out


def _forecast_rows(wide: pd.DataFrame) -> list[dict[str, object]]:
    rows = []
    fc = data.load("regression-forecast")
    printed_x = fc.pivot(index="year", columns="variable", values="value")
    paths = _trend_paths(wide)
    y_eq = rg.apply_equation(printed_x[list(PRINTED_EQUATION)], PRINTED_EQUATION,
                             PRINTED_INTERCEPT)
    for r in fc.itertuples():
        loc = f"Кесте 29 (second), line {r.line}"
        if r.variable == "y":
            rows.append(_row(loc, f"forecast of Y (GDP per capita) for {r.year} from the printed "
                             "equation and printed regressor forecasts", r.printed,
                             float(y_eq.loc[r.year])))
            continue
        value = float(paths[r.variable].loc[r.year])
        why = (f"the printed forecasts follow the Excel trend line {EXCEL_LABEL[r.variable]} "
               f"(t = 1 for {FIRST_YEAR}; the printed {r.year} is t = {r.year - 2000}, i.e. "
               f"{r.year - 1}), whose coefficients are the least-squares ones rounded to 3-5 "
               "digits; that label reproduces the printed value exactly, the unrounded fit "
               "differs in the last digits")
        rows.append(_row(loc, f"{TREND_FORM[r.variable].replace('_', '-')} trend forecast of "
                         f"{r.variable.upper()} for {r.year}", r.printed, value, why))
    return rows


def _error_rows(wide: pd.DataFrame) -> tuple[list[dict[str, object]], dict[str, float]]:
    from scipy import stats

    rows = []
    fc = data.load("regression-forecast").pivot(index="year", columns="variable", values="value")
    tcrit = float(stats.t.ppf(0.975, 24))
    margins = {}
    err = data.load("regression-forecast-errors").set_index(["variable", "statistic"])
    for v in ["x3", "x4", "x5", "x6"]:
        pooled = np.r_[wide[v].to_numpy(), fc[v].to_numpy()]
        sd = float(np.std(pooled, ddof=1))
        margins[v] = tcrit * sd
        r = err.loc[(v, "standard_error")]
        rows.append(_row(
            f"Кесте 30, line {r['line']}", f"'standard error' of {v.upper()}", r["printed"], sd,
            "reproduces as the sample standard deviation of the 26 values 2000-2020 plus the "
            "five printed forecasts: it measures the spread of the series, not the error of a "
            "forecast"))
        r = err.loc[(v, "marginal_error")]
        rows.append(_row(
            f"Кесте 30, line {r['line']}", f"'marginal error' of {v.upper()}", r["printed"],
            margins[v], "t(0.975, 24) = 2.0639 times that standard deviation (24 = 26 - 2)"))
    return rows, margins


def _interval_rows(margins: dict[str, float]) -> list[dict[str, object]]:
    rows = []
    fc = data.load("regression-forecast").pivot(index="year", columns="variable", values="value")
    for r in data.load("regression-forecast-intervals").itertuples():
        centre = float(fc.loc[r.year, r.variable])
        sign = -1 if r.bound == "lower" else 1
        value = centre + sign * margins[r.variable]
        why = ""
        if r.variable == "x5" and r.bound == "upper" and r.year > 2022:
            why = ("the printed upper bound is the forecast plus the previous year's lower "
                   "bound (a spreadsheet reference slipped one row), not plus the marginal "
                   "error 8334.51")
        rows.append(_row(f"Кесте 31, line {r.line}",
                         f"95% {r.bound} bound of {r.variable.upper()} for {r.year}",
                         r.printed, value, why))
    return rows


def _text_rows(fits: dict[int, rg.OLSTables], margins: dict[str, float]) -> list[dict]:
    rows = []
    tf = data.load("regression-text-figures").set_index("key")
    final = fits[4].coefficients.set_index("term")["b"]
    fc = data.load("regression-forecast").pivot(index="year", columns="variable", values="value")

    def loc(key: str) -> str:
        return f"text, line {tf.loc[key, 'line']}"

    rows.append(_row(loc("adj_r_squared_step4"), "adjusted R squared of the final model",
                     tf.loc["adj_r_squared_step4", "printed"],
                     float(fits[4].summary["adj_r_squared"].iloc[0])))
    rows.append(_row(loc("f_step4"), "F statistic of the final model",
                     tf.loc["f_step4", "printed"], float(fits[4].anova["f"].iloc[0])))
    for eq in ("eq1", "eq2"):
        for term in ["const", "x3", "x4", "x5", "x6"]:
            key = f"{eq}_{term}"
            name = "intercept" if term == "const" else f"coefficient of {term.upper()}"
            rows.append(_row(loc(key), f"final equation: {name}", tf.loc[key, "printed"],
                             float(final[term])))
    for term in ["x4", "x3", "x6", "x5"]:
        key = f"effect_{term}"
        b = abs(float(final[term]))
        why = ""
        if round(b) != tf.loc[key, "value"]:
            why = f"B = {b:.3f} is truncated, not rounded, in the text"
        rows.append(_row(loc(key), f"interpreted effect of {term.upper()} (tenge per unit)",
                         tf.loc[key, "printed"], b, why))
    x26 = fc.loc[2026]
    realistic = float(rg.apply_equation(fc.loc[[2026]], PRINTED_EQUATION,
                                        PRINTED_INTERCEPT).iloc[0])
    rows.append(_row(loc("scenario_realistic_2026"), "realistic GDP per capita 2026 (tenge)",
                     tf.loc["scenario_realistic_2026", "printed"], realistic,
                     "the table's 5214766.86 is truncated to one decimal in the text"))
    lower = {v: x26[v] - margins[v] for v in PRINTED_EQUATION}
    upper = {v: x26[v] + margins[v] for v in PRINTED_EQUATION}
    pess = {v: (upper if PRINTED_EQUATION[v] < 0 else lower)[v] for v in PRINTED_EQUATION}
    opt = {v: (lower if PRINTED_EQUATION[v] < 0 else upper)[v] for v in PRINTED_EQUATION}
    for key, path, name in (("scenario_pessimistic_2026", pess, "pessimistic"),
                            ("scenario_optimistic_2026", opt, "optimistic")):
        value = float(rg.apply_equation(pd.DataFrame([path]), PRINTED_EQUATION,
                                        PRINTED_INTERCEPT).iloc[0])
        rows.append(_row(
            loc(key), f"{name} GDP per capita 2026 (tenge)", tf.loc[key, "printed"], value,
            "recomputed with every regressor at the Table 31 bound that moves Y the "
            f"{'down' if name == 'pessimistic' else 'up'} way (X5 has a negative coefficient); "
            "no combination of the printed bounds gives the printed scenario, and the text "
            "does not say how it was built (Figure 32 is an image)"))
    return rows


GDP_VINTAGE_TOLERANCE = 0.05
"""How far (as a share) the dissertation's GDP per capita in tenge may lie from the World Bank's
US$ value times the source's own exchange rate: statistics are revised between releases, and the
national and World Bank per-capita figures use different population estimates; the reference
data's note allows a few percent ("a paper that cites an older vintage may differ by a few percent
without being wrong")."""


def _gdp_per_capita_official_rows() -> list[dict[str, object]]:
    """Appendix V's GDP per capita (Y, tenge) against the official World Bank series (current
    US$) converted at the exchange rate the dissertation itself prints in Table 5 (2010-2021);
    earlier years have no printed rate, and the book holds no official series in tenge.

    >>> rows = _gdp_per_capita_official_rows()
    >>> len(rows), rows[0]["kind"]
    (12, 'official')
    """
    appendix = data.load("regression-appendix-data").query("variable == 'y'").set_index("year")
    rates = data.load("ict-efficiency-printed").dropna(subset=["year"]).drop_duplicates("year")
    usd = data.load("gdp-per-capita-kaz").set_index("year")["gdp_per_capita_current_usd"]
    rows = []
    for r in rates.itertuples():
        year = int(r.year)
        if year not in appendix.index or year not in usd.index:
            continue
        printed = float(appendix.at[year, "value"])
        official = float(usd[year]) * float(r.usd_kzt_rate)
        gap = 100 * (printed / official - 1)
        why = (f"World Bank {usd[year]:,.2f} US$ × {r.usd_kzt_rate:g} tenge per US$ (Table 5, "
               f"line {int(r.line)}) = {official:,.0f} tenge; the printed value is "
               f"{abs(gap):.1f} % {'above' if gap >= 0 else 'below'} it")
        rows.append(check(SOURCE, f"Қосымша В, line {int(appendix.at[year, 'line'])}",
                          f"GDP per capita {year} (tenge) against the World Bank's US$ value at "
                          "the Table 5 exchange rate", f"{printed:.1f}", official,
                          official=official, tolerance=GDP_VINTAGE_TOLERANCE * official,
                          kind="official", chapter=CHAPTER, why=why))
    return rows


#: the figures of section 2.4 that plot X3-X6, whose chart data Appendix D prints
CHART_FIGURES = {"x3": 28, "x4": 29, "x5": 30, "x6": 31}


def _appendix_d_chart_rows() -> list[dict[str, object]]:
    """The chart data of Figures 28-31 in Appendix D (X3-X6, 2000-2020) against the same
    cells of Appendix V, the data the model is fitted on."""
    charts = data.load("diss-appendix-d-charts-printed")
    appendix = data.load("regression-appendix-data").set_index(["variable", "year"])
    rows = []
    for r in charts[charts["series"].isin(CHART_FIGURES)].itertuples():
        cell = appendix.loc[(r.series, r.year)]
        value = float(cell["value"])
        rows.append(check(
            SOURCE, f"Қосымша Д, line {r.line}",
            f"X{r.series[1:]} {r.year}, chart data of Figure {r.figure} (Appendix D) vs "
            "Appendix V", f"{r.value:g}", value, kind="consistency", chapter=CHAPTER,
            why=f"Appendix V prints {value:g} (line {int(cell['line'])})"))
    return rows


def fits() -> dict[int, rg.OLSTables]:
    """The four stepwise models refitted on 2000-2020, with every other candidate excluded."""
    wide = sample()
    return {step: rg.ols(wide, "y", xs, candidates=CANDIDATES) for step, xs in STEPS.items()}


def audit() -> pd.DataFrame:
    """Every printed number of section 2.4 beside its recomputation."""
    wide = sample()
    models = fits()
    rows = _model_rows(models)
    rows += _forecast_rows(wide)
    err_rows, margins = _error_rows(wide)
    rows += err_rows
    rows += _interval_rows(margins)
    rows += _text_rows(models, margins)
    rows += _appendix_d_chart_rows()
    rows.append(cannot(
        SOURCE, "text, line 3636", "confidence level of the scenarios (percent)", "95",
        "the scenario band of Figure 32 is an image and its construction is not described",
        chapter=CHAPTER))
    rows += _gdp_per_capita_official_rows()
    return audit_frame(rows, chapter=CHAPTER)
