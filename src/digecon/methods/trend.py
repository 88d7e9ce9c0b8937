"""Moving averages and sums, linear trends, trend forecasts and correlation matrices.

The functions take plain data (a ``pandas.Series``, a ``DataFrame`` or anything array-like)
and return tidy ``DataFrame`` s. They check their input and say what was wrong, where and
what was expected.

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
from scipy import stats

__all__ = [
    "correlation_matrix",
    "linear_trend",
    "logit_trend_forecast",
    "moving_average",
    "moving_sum",
    "square",
    "trend_forecast",
]

ArrayLike = pd.Series | np.ndarray | Sequence[float]


def _numeric(values: Any, what: str, *, min_n: int = 1) -> pd.Series:
    """``values`` as a float Series (index kept), or a ValueError naming the bad element."""
    series = values.copy() if isinstance(values, pd.Series) else pd.Series(list(values))
    if isinstance(values, pd.DataFrame):
        raise ValueError(f"{what}: expected one column of numbers, got a DataFrame")
    converted = pd.to_numeric(series, errors="coerce")
    bad = converted.isna() & series.notna()
    if bad.any():
        label = series.index[bad.to_numpy().nonzero()[0][0]]
        raise ValueError(
            f"{what}: element {label!r} is {series[label]!r}, which is not a number"
        )
    if converted.isna().any():
        label = series.index[converted.isna().to_numpy().nonzero()[0][0]]
        raise ValueError(f"{what}: element {label!r} is missing (NaN); expected a number")
    if not np.isfinite(converted.to_numpy(dtype=float)).all():
        label = series.index[~np.isfinite(converted.to_numpy(dtype=float))][0]
        raise ValueError(f"{what}: element {label!r} is infinite; expected a finite number")
    if len(converted) < min_n:
        raise ValueError(f"{what}: {len(converted)} values; at least {min_n} are needed")
    return converted.astype(float)


def _rolling(series: Any, window: int, centered: bool, how: str) -> pd.DataFrame:
    values = _numeric(series, "series")
    if isinstance(window, bool) or not isinstance(window, int | np.integer) or window < 1:
        raise ValueError(f"window must be a positive integer, got {window!r}")
    if window > len(values):
        raise ValueError(
            f"window {window} is larger than the series ({len(values)} values)"
        )
    if centered and window % 2 == 0:
        raise ValueError(
            f"a centred window must be odd (got {window}); use centered=False for a "
            "trailing window"
        )
    rolled = values.rolling(window, center=centered)
    result = rolled.sum() if how == "moving_sum" else rolled.mean()
    return pd.DataFrame(
        {"value": values, "window": int(window), how: result}, index=values.index
    )


def moving_sum(series: ArrayLike, window: int, *, centered: bool = True) -> pd.DataFrame:
    """Moving sum of ``window`` consecutive values (centred by default, else trailing).

    Returns a DataFrame with the input index and columns ``value``, ``window`` and
    ``moving_sum`` (NaN where the window is incomplete).

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

    >>> moving_average([1, 2, 3, 4], 3)["moving_average"].tolist()
    [nan, 2.0, 3.0, nan]
    """
    return _rolling(series, window, centered, "moving_average")


def _xy(y: ArrayLike, x: ArrayLike | None, min_n: int = 3) -> tuple[np.ndarray, np.ndarray]:
    yv = _numeric(y, "y", min_n=min_n)
    if x is None:
        xv = pd.Series(np.arange(1, len(yv) + 1, dtype=float))
    else:
        xv = _numeric(x, "x", min_n=min_n)
    if len(xv) != len(yv):
        raise ValueError(f"x has {len(xv)} values and y has {len(yv)}; expected equal lengths")
    if np.ptp(xv.to_numpy()) == 0:
        raise ValueError("x is constant; a trend needs at least two distinct x values")
    return xv.to_numpy(dtype=float), yv.to_numpy(dtype=float)


def _fit(x: np.ndarray, y: np.ndarray) -> Any:
    return sm.OLS(y, sm.add_constant(x, has_constant="add")).fit()


def linear_trend(y: ArrayLike, x: ArrayLike | None = None) -> pd.DataFrame:
    """Least-squares line ``y = slope * x + intercept`` (``x`` defaults to 1, 2, ..., n).

    Returns one row: ``n``, ``slope``, ``intercept``, ``r2``, ``se_slope``,
    ``se_intercept``, ``p_slope``, ``sigma`` (residual standard error), ``df_resid``.
    At least three points are needed (a line through two has no error estimate).

    >>> linear_trend([2.0, 4.0, 6.5], x=[1, 2, 3])[["slope", "intercept", "n"]]
       slope  intercept  n
    0   2.25  -0.333333  3
    """
    xv, yv = _xy(y, x)
    res = _fit(xv, yv)
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


def _check_alpha(alpha: float) -> None:
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must lie strictly between 0 and 1, got {alpha!r}")


def trend_forecast(
    y: ArrayLike, x: ArrayLike | None, new_x: ArrayLike, alpha: float = 0.05
) -> pd.DataFrame:
    """Linear-trend forecast at ``new_x`` with confidence and prediction intervals.

    ``ci_*`` bound the fitted line (the mean), ``pi_*`` a new observation, both at level
    ``1 - alpha`` (statsmodels OLS ``get_prediction``).

    >>> f = trend_forecast([1.0, 2.0, 3.0, 4.2], [1, 2, 3, 4], [5])
    >>> f[["x", "forecast"]].round(2).to_dict("records")
    [{'x': 5.0, 'forecast': 5.2}]
    >>> bool(f.loc[0, "pi_lower"] < f.loc[0, "ci_lower"] < 5.2 < f.loc[0, "ci_upper"])
    True
    """
    _check_alpha(alpha)
    xv, yv = _xy(y, x)
    nx = _numeric(new_x, "new_x").to_numpy(dtype=float)
    res = _fit(xv, yv)
    frame = res.get_prediction(sm.add_constant(nx, has_constant="add")).summary_frame(alpha)
    return pd.DataFrame(
        {
            "x": nx,
            "forecast": frame["mean"].to_numpy(),
            "pi_lower": frame["obs_ci_lower"].to_numpy(),
            "pi_upper": frame["obs_ci_upper"].to_numpy(),
            "ci_lower": frame["mean_ci_lower"].to_numpy(),
            "ci_upper": frame["mean_ci_upper"].to_numpy(),
        }
    )


def logit_trend_forecast(
    y: ArrayLike, x: ArrayLike | None, new_x: ArrayLike, alpha: float = 0.05
) -> pd.DataFrame:
    """Trend forecast for an index bounded in (0, 1), fitted on the logit scale.

    The line is fitted to ``log(y / (1 - y))``; the forecast and both intervals are mapped
    back with the logistic function, so they stay inside (0, 1). (The back-transformed
    forecast is the median, not the mean, of the forecast distribution.)

    >>> f = logit_trend_forecast([0.5, 0.6, 0.7, 0.8], [1, 2, 3, 4], [10])
    >>> bool(0 < f.loc[0, "pi_lower"] < f.loc[0, "forecast"] < f.loc[0, "pi_upper"] < 1)
    True
    """
    yv = _numeric(y, "y", min_n=3)
    outside = (yv <= 0) | (yv >= 1)
    if outside.any():
        label = yv.index[outside.to_numpy().nonzero()[0][0]]
        raise ValueError(
            f"y: element {label!r} is {yv[label]!r}; a logit trend needs values strictly "
            "between 0 and 1"
        )
    logit = np.log(yv / (1 - yv))
    out = trend_forecast(logit, x if x is not None else None, new_x, alpha)
    for col in ("forecast", "pi_lower", "pi_upper", "ci_lower", "ci_upper"):
        out[col] = 1.0 / (1.0 + np.exp(-out[col]))
    return out


_METHODS = {"pearson": stats.pearsonr, "spearman": stats.spearmanr, "kendall": stats.kendalltau}


def correlation_matrix(df: pd.DataFrame, method: str = "pearson") -> pd.DataFrame:
    """Every pairwise correlation of the columns of ``df``, as a tidy long table.

    Columns ``x``, ``y``, ``r``, ``p``, ``n``, one row per ordered pair (the diagonal has
    ``r = 1`` and ``p`` NaN), in the column order of ``df``. Pivot it with :func:`square`.

    >>> d = pd.DataFrame({"a": [1.0, 2.0, 3.0, 4.0], "b": [2.0, 4.0, 5.0, 9.0]})
    >>> correlation_matrix(d).query("x == 'b' and y == 'a'")["r"].round(4).item()
    0.9648
    """
    if method not in _METHODS:
        raise ValueError(f"method {method!r} is unknown; expected one of {sorted(_METHODS)}")
    if not isinstance(df, pd.DataFrame):
        raise ValueError(f"expected a DataFrame with one column per variable, got {type(df)}")
    if df.shape[1] < 2:
        raise ValueError(f"need at least two columns to correlate, got {df.shape[1]}")
    cols = {c: _numeric(df[c], f"column {c!r}", min_n=3).to_numpy() for c in df.columns}
    for name, values in cols.items():
        if np.ptp(values) == 0:
            raise ValueError(f"column {name!r} is constant; its correlation is undefined")
    rows = []
    for a in df.columns:
        for b in df.columns:
            if a == b:
                r, p = 1.0, float("nan")
            else:
                result = _METHODS[method](cols[a], cols[b])
                r, p = float(result[0]), float(result[1])
            rows.append({"x": a, "y": b, "r": r, "p": p, "n": len(df)})
    return pd.DataFrame(rows)


def square(long: pd.DataFrame, value: str = "r") -> pd.DataFrame:
    """Pivot the long output of :func:`correlation_matrix` into a square matrix.

    >>> d = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [3.0, 2.0, 1.0]})
    >>> square(correlation_matrix(d)).to_numpy().tolist()
    [[1.0, -1.0], [-1.0, 1.0]]
    """
    missing = [c for c in ("x", "y", value) if c not in long.columns]
    if missing:
        raise ValueError(
            f"expected a long table with columns x, y and {value!r}; missing {missing}"
        )
    order = list(dict.fromkeys(long["x"]))
    wide = long.pivot(index="x", columns="y", values=value)
    wide = wide.reindex(index=order, columns=order)
    wide.index.name = None
    wide.columns.name = None
    return wide
