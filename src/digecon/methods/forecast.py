"""Honest short-horizon forecasts of an annual series: projections and the drift benchmark.

:func:`projection` extrapolates a short annual series with a prediction interval: a
log-linear trend fitted by OLS (statsmodels), or the naive and drift benchmarks that any
trend should be compared with. :func:`drift_forecast` is the drift (random walk with drift)
forecast itself, written out by hand because the book teaches it (Hyndman and
Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed., section 5.5); the drift
benchmark of :func:`digecon.methods.regression.evaluate` and ``projection(method="drift")``
both use it. Trend forecasts with other forms are :func:`digecon.methods.trend.trend_forecast`.

>>> s = pd.Series([1.0, 2.0, 4.0, 5.0], index=[2017, 2018, 2019, 2020])
>>> drift_forecast(s, 1)[["index", "forecast"]].round(4).to_dict("records")
[{'index': 2021, 'forecast': 6.3333}]
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from digecon.methods._checks import (
    as_series,
    check_choice,
    check_count,
    check_probability,
    fail,
)

__all__ = ["drift_forecast", "projection"]

_PROJECTIONS = ("log-linear", "naive", "drift")


def _years(series: pd.Series, func: str, *, consecutive: bool) -> np.ndarray:
    """The integer years of the index (increasing; consecutive when asked)."""
    try:
        years = np.asarray(series.index, dtype="int64")
    except (TypeError, ValueError):
        fail(func, "series", f"is indexed by {list(series.index)[:3]}...",
             "expected integer years")
    if not np.array_equal(years, np.asarray(series.index, dtype="float64")):
        fail(func, "series", f"is indexed by {list(series.index)}", "expected integer years")
    if np.any(np.diff(years) <= 0):
        fail(func, "series", f"has the years {list(years)}", "expected increasing years")
    if consecutive and np.any(np.diff(years) != 1):
        fail(func, "series", f"has the years {list(years)}", "expected consecutive years")
    return years


def _drift_path(values: np.ndarray, h: np.ndarray, alpha: float) -> tuple[np.ndarray, ...]:
    """Forecast and bounds of the drift method ``h`` steps after the last of ``values``."""
    changes = np.diff(values)
    n = len(values)
    slope = float(changes.mean())
    sigma = float(changes.std(ddof=1))
    forecast = float(values[-1]) + slope * h
    half = float(stats.norm.ppf(1 - alpha / 2)) * sigma * np.sqrt(h * (1 + h / (n - 1)))
    return forecast, forecast - half, forecast + half


def drift_forecast(series: pd.Series, horizon: int = 5, alpha: float = 0.05) -> pd.DataFrame:
    """The drift (random walk with drift) forecast with its prediction interval.

    Hand-written because the book teaches it: the forecast is the last value plus ``h``
    times the average yearly change; the interval is
    ``forecast ± z · σ · sqrt(h · (1 + h / (T − 1)))`` with σ the standard deviation of the
    changes about their mean, T the number of values and z the normal quantile (Hyndman and
    Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed., section 5.5).

    Parameters
    ----------
    series : pandas.Series
        At least 3 values indexed by consecutive integer years.
    horizon : int
        Number of years to forecast (at least 1).
    alpha : float
        1 − the level of the prediction interval (0.05 gives 95 %).

    Returns
    -------
    pandas.DataFrame
        One row per year ahead: ``index`` (the year), ``h``, ``forecast``, ``lower``,
        ``upper``.

    Examples
    --------
    >>> s = pd.Series([1.0, 2.0, 4.0, 5.0], index=[2000, 2001, 2002, 2003])
    >>> f = drift_forecast(s, 2)
    >>> f[["index", "forecast"]].to_dict("records")
    [{'index': 2004, 'forecast': 6.333333333333333}, {'index': 2005, 'forecast': 7.666666666666666}]
    """
    func = "drift_forecast"
    horizon = check_count(horizon, func, "horizon")
    alpha = check_probability(alpha, func)
    if not isinstance(series, pd.Series):
        fail(func, "series", f"is a {type(series).__name__}", "expected a Series indexed by year")
    s = as_series(series, func, "series", min_n=3)
    years = _years(s, func, consecutive=True)
    h = np.arange(1, horizon + 1, dtype=float)
    forecast, lower, upper = _drift_path(s.to_numpy(), h, alpha)
    return pd.DataFrame({"index": years[-1] + h.astype(int), "h": h.astype(int),
                         "forecast": forecast, "lower": lower, "upper": upper})


def projection(
    series: pd.Series,
    years_ahead: int,
    method: str = "log-linear",
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Forecast an annual series ``years_ahead`` years on, with a ``1 − alpha`` prediction interval.

    ``series`` is indexed by integer years (increasing), without missing values. Methods:

    * ``"log-linear"``: OLS of ln(value) on the year (statsmodels); the forecast is
      exp(fitted) (a median forecast) and the bounds are exp of the OLS prediction interval
      for a new observation (``get_prediction(...).summary_frame(alpha)``, Student t with
      n − 2 degrees of freedom). Needs at least 3 positive values.
    * ``"naive"``: the last value; standard error σ√h with σ² the mean squared year-on-year
      change (random walk). Needs consecutive years.
    * ``"drift"``: :func:`drift_forecast`. Needs consecutive years.

    Normal quantiles are used for naive and drift.

    Parameters
    ----------
    series : pandas.Series
        Annual values indexed by integer years (increasing), without missing values.
    years_ahead : int
        How many years beyond the last one to forecast (at least 1).
    method : {"log-linear", "naive", "drift"}
        The projection method (see above).
    alpha : float
        1 − level of the prediction interval (0.05 gives 95 %).

    Returns
    -------
    pandas.DataFrame
        ``year``, ``horizon``, ``method``, ``forecast``, ``lower``, ``upper`` and ``level``
        (1 − alpha), one row per year ahead.

    Examples
    --------
    >>> s = pd.Series([1.0, 2.0, 4.0, 5.0], index=[2017, 2018, 2019, 2020])
    >>> projection(s, 1, method="drift")[["year", "forecast"]].values.round(4).tolist()
    [[2021.0, 6.3333]]
    """
    func = "projection"
    check_choice(method, _PROJECTIONS, func, "method")
    years_ahead = check_count(years_ahead, func, "years_ahead")
    alpha = check_probability(alpha, func)
    if not isinstance(series, pd.Series):
        fail(func, "series", f"is a {type(series).__name__}", "expected a Series indexed by year")
    s = as_series(series, func, "series", unique_index=True)
    years = _years(s, func, consecutive=False)
    y = s.to_numpy(dtype="float64")
    last_year = int(years[-1])
    horizon = np.arange(1, years_ahead + 1)
    future = last_year + horizon

    if method == "log-linear":
        import statsmodels.api as sm

        if len(y) < 3:
            fail(func, "series", f"has {len(y)} observations",
                 "at least 3 are needed for a log-linear trend")
        if np.any(y <= 0):
            bad = list(years[y <= 0])
            fail(func, "series", f"is not positive in year(s) {bad}",
                 "a log-linear trend needs positive values")
        X = sm.add_constant(years.astype("float64"))
        fit = sm.OLS(np.log(y), X).fit()
        frame = fit.get_prediction(sm.add_constant(future.astype("float64"), has_constant="add"))
        sf = frame.summary_frame(alpha=alpha)
        forecast = np.exp(sf["mean"].to_numpy())
        lower = np.exp(sf["obs_ci_lower"].to_numpy())
        upper = np.exp(sf["obs_ci_upper"].to_numpy())
    else:
        need = 3 if method == "drift" else 2
        if len(y) < need:
            fail(func, "series", f"has {len(y)} observations",
                 f"at least {need} are needed for the {method} method")
        if np.any(np.diff(years) != 1):
            fail(func, "series", f"has the years {list(years)}",
                 f"the {method} method needs consecutive years")
        if method == "naive":
            z = stats.norm.ppf(1 - alpha / 2)
            sigma = np.sqrt(np.mean(np.diff(y) ** 2))
            forecast = np.full(years_ahead, y[-1])
            se = sigma * np.sqrt(horizon)
            lower, upper = forecast - z * se, forecast + z * se
        else:
            forecast, lower, upper = _drift_path(y, horizon.astype(float), alpha)
    return pd.DataFrame(
        {
            "year": future,
            "horizon": horizon,
            "method": method,
            "forecast": forecast,
            "lower": lower,
            "upper": upper,
            "level": 1 - alpha,
        }
    )
