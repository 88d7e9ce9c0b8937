"""Moving averages and sums, linear trends, trend models and trend forecasts.

The functions take plain data (a ``pandas.Series`` or anything array-like) and return tidy
``DataFrame`` s. :func:`trend_models` and :func:`trend_forecast` share the trend forms of
:data:`TREND_FORMS` (Excel's trend-line forms plus a logit trend for indices bounded in
(0, 1)); time is counted t = 1, 2, ... from the first period.

>>> egdi = pd.Series([0.4876, 0.5247, 0.6075], index=[2005, 2008, 2010])
>>> round(float(moving_sum(egdi, 3).loc[2008, "moving_sum"]), 4)
1.6198
>>> linear_trend([1.0, 2.0, 3.1])[["slope", "intercept"]].round(2).to_dict("records")
[{'slope': 1.05, 'intercept': -0.07}]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import statsmodels.api as sm

from digecon.methods._checks import (
    as_series,
    check_choice,
    check_count,
    check_probability,
    check_varies,
    fail,
)

__all__ = [
    "TREND_FORMS",
    "linear_trend",
    "moving_average",
    "moving_sum",
    "trend_fitted",
    "trend_forecast",
    "trend_models",
]

ArrayLike = pd.Series | np.ndarray | Sequence[float]


def _rolling(series: Any, window: int, centered: bool, how: str) -> pd.DataFrame:
    values = as_series(series, how, "series")
    window = check_count(window, how, "window")
    if window > len(values):
        fail(how, "window", f"is {window}, longer than the series ({len(values)} values)",
             f"expected at most {len(values)}")
    if centered and window % 2 == 0:
        fail(how, "window", f"is {window}, even",
             "a centred window must be odd; use centered=False for a trailing window")
    rolled = values.rolling(window, center=centered)
    result = rolled.sum() if how == "moving_sum" else rolled.mean()
    return pd.DataFrame(
        {"value": values, "window": int(window), how: result}, index=values.index
    )


def moving_sum(series: ArrayLike, window: int, *, centered: bool = True) -> pd.DataFrame:
    """Moving sum of ``window`` consecutive values (centred by default, else trailing).

    Returns a DataFrame with the input index and columns ``value``, ``window`` and
    ``moving_sum`` (NaN where the window is incomplete).

    Parameters
    ----------
    series : array-like
        The values, in time order (a Series keeps its index).
    window : int
        The number of consecutive values summed (at least 1).
    centered : bool
        Centre the window on each value (default) rather than end it there (trailing).

    Returns
    -------
    pandas.DataFrame
        The input index with columns ``value``, ``window`` and ``moving_sum`` (NaN where the
        window is incomplete).

    Examples
    --------
    >>> moving_sum([1, 2, 3, 4], 3)["moving_sum"].tolist()
    [nan, 6.0, 9.0, nan]
    >>> moving_sum([1, 2, 3, 4], 2, centered=False)["moving_sum"].tolist()
    [nan, 3.0, 5.0, 7.0]
    """
    return _rolling(series, window, centered, "moving_sum")


def moving_average(series: ArrayLike, window: int, *, centered: bool = True) -> pd.DataFrame:
    """Moving (arithmetic) mean of ``window`` consecutive values, centred by default.

    Returns a DataFrame with the input index and columns ``value``, ``window`` and
    ``moving_average`` (NaN where the window is incomplete).

    Parameters
    ----------
    series : array-like
        The values, in time order (a Series keeps its index).
    window : int
        The number of consecutive values averaged (at least 1).
    centered : bool
        Centre the window on each value (default) rather than end it there.

    Returns
    -------
    pandas.DataFrame
        The input index with columns ``value``, ``window`` and ``moving_average`` (NaN where
        the window is incomplete).

    Examples
    --------
    >>> moving_average([1, 2, 3, 4], 3)["moving_average"].tolist()
    [nan, 2.0, 3.0, nan]
    """
    return _rolling(series, window, centered, "moving_average")


def linear_trend(y: ArrayLike, x: ArrayLike | None = None) -> pd.DataFrame:
    """Least-squares line ``y = slope * x + intercept`` (``x`` defaults to 1, 2, ..., n).

    Parameters
    ----------
    y, x : array-like
        At least three points (a line through two has no error estimate); ``x`` must vary.

    Returns
    -------
    pandas.DataFrame
        One row: ``n``, ``slope``, ``intercept``, ``r2``, ``se_slope``, ``se_intercept``,
        ``p_slope``, ``sigma`` (residual standard error), ``df_resid``.

    Examples
    --------
    >>> linear_trend([2.0, 4.0, 6.5], x=[1, 2, 3])[["slope", "intercept", "n"]]
       slope  intercept  n
    0   2.25  -0.333333  3
    """
    yv = as_series(y, "linear_trend", "y", min_n=3).to_numpy()
    if x is None:
        xv = np.arange(1, len(yv) + 1, dtype=float)
    else:
        xv = as_series(x, "linear_trend", "x", min_n=3).to_numpy()
        if len(xv) != len(yv):
            fail("linear_trend", "x", f"has {len(xv)} values", f"expected {len(yv)}, like 'y'")
        check_varies(xv, "linear_trend", "x")
    res = sm.OLS(yv, sm.add_constant(xv, has_constant="add")).fit()
    return pd.DataFrame(
        {
            "n": [len(yv)],
            "slope": [float(res.params[1])],
            "intercept": [float(res.params[0])],
            "r2": [float(res.rsquared)],
            "se_slope": [float(res.bse[1])],
            "se_intercept": [float(res.bse[0])],
            "p_slope": [float(res.pvalues[1])],
            "sigma": [float(np.sqrt(res.scale))],
            "df_resid": [int(res.df_resid)],
        }
    )


#: The trend forms of :func:`trend_models` and :func:`trend_forecast`.
TREND_FORMS = ("linear", "log_linear", "quadratic", "power", "logit")
_LOG_FORMS = ("log_linear", "power")


def _time(s: pd.Series, func: str) -> np.ndarray:
    """t = 1, 2, ... counted from the first period (years apart for integer years)."""
    try:
        periods = np.asarray(s.index, dtype="float64")
    except (TypeError, ValueError):
        return np.arange(1, len(s) + 1, dtype=float)
    if not np.array_equal(periods, np.round(periods)):
        return np.arange(1, len(s) + 1, dtype=float)
    if np.any(np.diff(periods) <= 0):
        fail(func, "series", f"has the periods {list(s.index)}", "expected increasing periods")
    return periods - periods[0] + 1.0


#: The model formula of each trend form (statsmodels' formula API; ``y`` the data, ``t`` time).
FORMULAS = {
    "linear": "y ~ t",
    "log_linear": "np.log(y) ~ t",
    "quadratic": "y ~ t + I(t ** 2)",
    "power": "np.log(y) ~ np.log(t)",
    "logit": "np.log(y / (1 - y)) ~ t",
}


def _back(v: np.ndarray, form: str) -> np.ndarray:
    """Fitted-scale values back on the scale of ``y`` (a median for the transformed forms)."""
    if form in _LOG_FORMS:
        return np.exp(v)
    if form == "logit":
        return 1.0 / (1.0 + np.exp(-v))
    return v


def _trend_series(series: pd.Series, func: str, forms: list[str]) -> pd.Series:
    if not isinstance(series, pd.Series):
        fail(func, "series", f"is a {type(series).__name__}",
             "expected a pandas Series indexed by period (years)")
    for form in forms:
        check_choice(form, TREND_FORMS, func, "form")
    s = as_series(series, func, "series", min_n=4)
    check_varies(s, func, "series")
    if any(f in _LOG_FORMS for f in forms) and (s <= 0).any():
        fail(func, "series", f"is {float(s.min())} at {s.idxmin()!r}",
             "log-linear and power trends need positive values")
    if "logit" in forms and ((s <= 0) | (s >= 1)).any():
        bad = s[(s <= 0) | (s >= 1)]
        fail(func, "series", f"is {float(bad.iloc[0])} at {bad.index[0]!r}",
             "a logit trend needs values strictly between 0 and 1")
    return s


def _trend_fit(s: pd.Series, form: str, t: np.ndarray) -> Any:
    import statsmodels.formula.api as smf

    return smf.ols(FORMULAS[form], data=pd.DataFrame({"y": s.to_numpy(), "t": t})).fit()


def trend_models(
    series: pd.Series, forms: Sequence[str] = ("linear", "log_linear")
) -> pd.DataFrame:
    """Fit each trend form to a series on time t = 1, 2, ... (Excel's trend-line convention).

    Parameters
    ----------
    series : pandas.Series
        At least 4 values indexed by period; t counts the periods from the first
        (consecutive years give t = 1, ..., n).
    forms : sequence of str
        Any of :data:`TREND_FORMS`: ``linear`` y = a + b t; ``log_linear`` ln y = a + b t
        (Excel's *exponential* y = e^a e^(b t)); ``quadratic`` y = a + b t + c t²; ``power``
        ln y = a + b ln t (Excel's y = e^a t^b); ``logit`` ln(y / (1 − y)) = a + b t.

    Returns
    -------
    pandas.DataFrame
        One row per form: ``form, a, b, c, r_squared, se, n, t_first, index_first``, where
        r_squared and se are on the fitted scale (the log scale for log forms, as Excel
        reports).

    Examples
    --------
    >>> s = pd.Series([3.0, 5, 7, 9], index=[2000, 2001, 2002, 2003])
    >>> trend_models(s)[["form", "a", "b"]].round(3).to_dict("records")[0]
    {'form': 'linear', 'a': 1.0, 'b': 2.0}
    """
    forms = list(forms)
    s = _trend_series(series, "trend_models", forms)
    t = _time(s, "trend_models")
    rows = []
    for form in forms:
        res = _trend_fit(s, form, t)
        p = [*list(res.params), np.nan]
        rows.append({"form": form, "a": float(p[0]), "b": float(p[1]),
                     "c": float(p[2]) if form == "quadratic" else np.nan,
                     "r_squared": float(res.rsquared), "se": float(np.sqrt(res.scale)),
                     "n": len(s), "t_first": 1, "index_first": s.index[0]})
    return pd.DataFrame(rows)


def trend_fitted(series: pd.Series, form: str = "linear") -> pd.Series:
    """The fitted trend values of ``series`` in one form, on the scale of the data.

    Parameters
    ----------
    series : pandas.Series
        The values, indexed by year.
    form : str
        One of :data:`TREND_FORMS` (``linear`` by default).

    Returns
    -------
    pandas.Series
        The fitted values, with the index of ``series``, on the scale of the data.

    Examples
    --------
    >>> trend_fitted(pd.Series([3.0, 5, 7, 9.5], index=[2000, 2001, 2002, 2003])).round(2).tolist()
    [2.9, 5.05, 7.2, 9.35]
    """
    s = _trend_series(series, "trend_fitted", [form])
    t = _time(s, "trend_fitted")
    res = _trend_fit(s, form, t)
    return pd.Series(_back(res.fittedvalues.to_numpy(), form), index=s.index, name="fitted")


def trend_forecast(
    series: pd.Series,
    form: str = "linear",
    horizon: int = 5,
    alpha: float = 0.05,
    *,
    at: Sequence[float] | None = None,
) -> pd.DataFrame:
    """Forecast a series from a trend, with prediction and confidence intervals.

    The trend is fitted by OLS on the form's scale, with the formula of :data:`FORMULAS`
    (``statsmodels.formula.api.ols``); the intervals are
    statsmodels' ``get_prediction(...).summary_frame(alpha)`` on that scale, mapped back
    with exp (log forms) or the logistic function (``logit``, so forecast and interval stay
    inside (0, 1)). Back-transformed forecasts are medians, not means.

    Parameters
    ----------
    series : pandas.Series
        At least 4 values indexed by period (integer years; irregular survey years are
        fine). Time t counts the years from the first (t = 1, 2, ...).
    form : str
        One of :data:`TREND_FORMS` (see :func:`trend_models`).
    horizon : int
        Number of periods after the last to forecast (when ``at`` is None).
    alpha : float
        1 − the level of both intervals (0.05 gives 95 %).
    at : sequence of int, optional
        The periods (years) to forecast instead of the next ``horizon`` ones.

    Returns
    -------
    pandas.DataFrame
        One row per forecast period: ``index`` (the period), ``t``, ``form``, ``forecast``,
        ``lower`` and ``upper`` (the prediction interval for a new observation),
        ``mean_lower`` and ``mean_upper`` (the confidence interval of the trend line).

    Examples
    --------
    >>> s = pd.Series([3.0, 5, 7, 9.5], index=[2000, 2001, 2002, 2003])
    >>> trend_forecast(s, "linear", 2)[["index", "forecast"]].round(2).to_dict("records")
    [{'index': 2004, 'forecast': 11.5}, {'index': 2005, 'forecast': 13.6}]
    >>> egdi = pd.Series([0.5, 0.6, 0.7, 0.8], index=[2010, 2012, 2014, 2016])
    >>> f = trend_forecast(egdi, "logit", at=[2030]).iloc[0]
    >>> bool(0 < f["lower"] < f["forecast"] < f["upper"] < 1)
    True
    """
    func = "trend_forecast"
    s = _trend_series(series, func, [form])
    alpha = check_probability(alpha, func)
    t = _time(s, func)
    if at is None:
        horizon = check_count(horizon, func, "horizon")
        new_t = t[-1] + np.arange(1, horizon + 1, dtype=float)
        try:
            start = int(s.index[-1]) + 1
            index: list[Any] = list(range(start, start + horizon))
        except (TypeError, ValueError):
            index = [f"t+{h}" for h in range(1, horizon + 1)]
    else:
        future = as_series(list(at), func, "at").to_numpy()
        try:
            first = float(s.index[0])
        except (TypeError, ValueError):
            fail(func, "at", "is given for a series without numeric periods",
                 "index the series by year")
        new_t = future - first + 1.0
        if np.any(new_t <= 0):
            fail(func, "at", f"holds {list(at)}", f"expected periods after {s.index[0]!r}")
        index = [int(v) if float(v).is_integer() else v for v in future]
    res = _trend_fit(s, form, t)
    frame = res.get_prediction(pd.DataFrame({"t": new_t})).summary_frame(alpha=alpha)
    return pd.DataFrame({"index": index, "t": new_t.astype(int), "form": form,
                         "forecast": _back(frame["mean"].to_numpy(), form),
                         "lower": _back(frame["obs_ci_lower"].to_numpy(), form),
                         "upper": _back(frame["obs_ci_upper"].to_numpy(), form),
                         "mean_lower": _back(frame["mean_ci_lower"].to_numpy(), form),
                         "mean_upper": _back(frame["mean_ci_upper"].to_numpy(), form)})
