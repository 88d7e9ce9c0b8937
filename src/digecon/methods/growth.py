"""Growth rates, compound annual growth, shares and honest trend projections.

Kazakh statistics speaks of *өсу қарқыны* (growth index: this year as a per cent of the
reference year, 100 = no change) and *өсім қарқыны* (growth rate: the per cent change,
index minus 100). :func:`growth_rate` gives both, chained (on the previous period) or on a
fixed base period. :func:`cagr` is the compound annual growth rate, :func:`shares` the part
of a whole in per cent, and :func:`projection` extrapolates a short annual series with a
prediction interval: a log-linear trend fitted by OLS (statsmodels), or the naive and drift
benchmarks that any trend should be compared with.

>>> growth_rate(pd.Series([100.0, 110.0, 121.0], index=[2018, 2019, 2020]))["change_pct"].tolist()
[nan, 10.0, 10.0]
>>> round(cagr(100, 121, 2), 6)
10.0
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

__all__ = ["cagr", "growth_rate", "projection", "shares"]

_METHODS = ("chain", "base")
_PROJECTIONS = ("log-linear", "naive", "drift")


def _as_series(series: pd.Series | Sequence[float], name: str) -> pd.Series:
    if isinstance(series, pd.DataFrame):
        raise ValueError(f"{name}: expected a Series or a sequence of numbers, got a DataFrame")
    s = pd.Series(series, dtype="float64") if not isinstance(series, pd.Series) else series
    try:
        s = s.astype("float64")
    except (TypeError, ValueError) as err:
        raise ValueError(f"{name}: values must be numbers ({err})") from None
    if s.empty:
        raise ValueError(f"{name}: the series is empty; expected at least one value")
    if s.index.has_duplicates:
        dup = s.index[s.index.duplicated()][0]
        raise ValueError(f"{name}: period {dup!r} appears twice; expected unique periods")
    return s


def growth_rate(
    series: pd.Series | Sequence[float],
    method: str = "chain",
    base: object | None = None,
) -> pd.DataFrame:
    """Growth of a series, chained or on a fixed base, as an index and as a per cent change.

    ``series`` is indexed by period (years). ``method="chain"`` compares each period with the
    previous one; ``method="base"`` compares each with the period ``base`` (the first period
    when ``base`` is None). Returns one row per period with ``period``, ``value``,
    ``reference_period``, ``reference_value``, ``index_pct`` (өсу қарқыны, 100 × value /
    reference) and ``change_pct`` (өсім қарқыны, index − 100). The first period of a chain
    has no reference (NaN).

    >>> s = pd.Series([100.0, 110.0, 121.0], index=[2018, 2019, 2020])
    >>> growth_rate(s, method="base")["index_pct"].tolist()
    [100.0, 110.0, 121.0]
    """
    if method not in _METHODS:
        raise ValueError(f"growth_rate: method {method!r} is unknown; expected one of {_METHODS}")
    s = _as_series(series, "growth_rate")
    if method == "chain":
        if base is not None:
            raise ValueError("growth_rate: 'base' is only used with method='base'")
        ref_period = pd.Series([np.nan, *s.index[:-1]], index=s.index, dtype="object")
        ref_value = s.shift(1)
    else:
        base_period = s.index[0] if base is None else base
        if base_period not in s.index:
            raise ValueError(
                f"growth_rate: base period {base_period!r} is not in the series "
                f"(periods {list(s.index)})"
            )
        ref_period = pd.Series([base_period] * len(s), index=s.index, dtype="object")
        ref_value = pd.Series(s.loc[base_period], index=s.index)
    bad = ref_value.notna() & (ref_value == 0)
    if bad.any():
        where = list(s.index[bad.to_numpy()])
        raise ValueError(f"growth_rate: reference value is 0 for period(s) {where}; cannot divide")
    index_pct = 100.0 * s / ref_value
    return pd.DataFrame(
        {
            "period": list(s.index),
            "value": s.to_numpy(),
            "reference_period": ref_period.to_numpy(),
            "reference_value": ref_value.to_numpy(),
            "index_pct": index_pct.to_numpy(),
            "change_pct": (index_pct - 100.0).to_numpy(),
            "method": method,
        }
    )


def cagr(first: float, last: float, years: float) -> float:
    """Compound annual growth rate in per cent: ``100 × ((last / first) ** (1 / years) − 1)``.

    ``years`` is the number of yearly steps between the two values (2013 to 2020 is 7).

    >>> round(cagr(28046.4, 476651.5, 7), 1)  # online retail 2013 -> 2020 (Кесте 18)
    49.9
    """
    for label, v in (("first", first), ("last", last), ("years", years)):
        if v is None or not np.isfinite(float(v)):
            raise ValueError(f"cagr: {label} must be a finite number, got {v!r}")
    if first <= 0:
        raise ValueError(f"cagr: first value must be positive, got {first!r}")
    if last < 0:
        raise ValueError(f"cagr: last value must not be negative, got {last!r}")
    if years <= 0:
        raise ValueError(f"cagr: years must be positive (number of yearly steps), got {years!r}")
    return 100.0 * ((last / first) ** (1.0 / years) - 1.0)


def shares(df: pd.DataFrame, part: str | Sequence[str], whole: str | None = None) -> pd.DataFrame:
    """Each ``part`` column as a per cent of ``whole``, added as ``<part>_share_pct`` columns.

    ``whole`` names the column holding the total of each row; when it is None the whole is
    the column's own sum (the share of each row in the column total).

    >>> df = pd.DataFrame({"retail": [25.0, 30.0], "total": [200.0, 300.0]})
    >>> shares(df, "retail", "total")["retail_share_pct"].tolist()
    [12.5, 10.0]
    >>> shares(df, "retail")["retail_share_pct"].round(2).tolist()
    [45.45, 54.55]
    """
    if not isinstance(df, pd.DataFrame):
        raise ValueError(f"shares: expected a DataFrame, got {type(df).__name__}")
    parts = [part] if isinstance(part, str) else list(part)
    if not parts:
        raise ValueError("shares: give at least one part column")
    missing = [c for c in [*parts, *([whole] if whole else [])] if c not in df.columns]
    if missing:
        raise ValueError(f"shares: column {missing[0]!r} not found; columns are {list(df.columns)}")
    out = df.copy()
    for p in parts:
        num = pd.to_numeric(df[p], errors="coerce").astype("float64")
        if whole is None:
            den = pd.Series(num.sum(), index=df.index)
            label = f"the sum of {p!r}"
        else:
            den = pd.to_numeric(df[whole], errors="coerce").astype("float64")
            label = f"column {whole!r}"
        zero = den.notna() & (den <= 0)
        if zero.any():
            row = df.index[zero.to_numpy()][0]
            raise ValueError(
                f"shares: the whole ({label}) is {den[row]!r} at row {row!r}; expected a "
                "positive total"
            )
        out[f"{p}_share_pct"] = 100.0 * num / den
    return out


def projection(
    series: pd.Series,
    years_ahead: int,
    method: str = "log-linear",
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Forecast an annual series ``years_ahead`` years on, with a ``1 − alpha`` prediction interval.

    ``series`` is indexed by integer years (increasing). Methods:

    * ``"log-linear"``: OLS of ln(value) on the year (statsmodels); the forecast is
      exp(fitted) (a median forecast) and the bounds are exp of the OLS prediction interval
      for a new observation (``get_prediction(...).summary_frame(alpha)``, Student t with
      n − 2 degrees of freedom). Needs at least 3 positive values.
    * ``"naive"``: the last value; standard error σ√h with σ² the mean squared year-on-year
      change (random walk). Needs consecutive years.
    * ``"drift"``: the last value plus h times the mean yearly change; standard error
      σ√(h(1 + h/(T−1))) with σ² the variance of the changes about their mean (T values).
      Needs consecutive years.

    Normal quantiles are used for naive and drift. Returns ``year``, ``horizon``,
    ``method``, ``forecast``, ``lower``, ``upper`` and ``level`` (1 − alpha).

    >>> s = pd.Series([1.0, 2.0, 4.0, 5.0], index=[2017, 2018, 2019, 2020])
    >>> projection(s, 1, method="drift")[["year", "forecast"]].values.round(4).tolist()
    [[2021.0, 6.3333]]
    """
    if method not in _PROJECTIONS:
        raise ValueError(
            f"projection: method {method!r} is unknown; expected one of {_PROJECTIONS}"
        )
    if isinstance(years_ahead, bool) or not isinstance(years_ahead, (int, np.integer)):
        raise ValueError(f"projection: years_ahead must be a positive integer, got {years_ahead!r}")
    if years_ahead < 1:
        raise ValueError(f"projection: years_ahead must be at least 1, got {years_ahead}")
    if not 0 < alpha < 1:
        raise ValueError(f"projection: alpha must be between 0 and 1 (e.g. 0.05), got {alpha!r}")
    s = _as_series(series, "projection")
    if s.isna().any():
        raise ValueError(
            f"projection: missing value in year(s) {list(s.index[s.isna().to_numpy()])}; "
            "drop or fill them first"
        )
    try:
        years = np.asarray(s.index, dtype="int64")
    except (TypeError, ValueError):
        raise ValueError(
            f"projection: the index must hold integer years, got {list(s.index)[:3]}..."
        ) from None
    if not np.array_equal(years, np.asarray(s.index, dtype="float64")):
        raise ValueError(f"projection: the index must hold integer years, got {list(s.index)}")
    if np.any(np.diff(years) <= 0):
        raise ValueError(f"projection: years must increase, got {list(years)}")
    y = s.to_numpy(dtype="float64")
    last_year = int(years[-1])
    horizon = np.arange(1, years_ahead + 1)
    future = last_year + horizon

    if method == "log-linear":
        import statsmodels.api as sm

        if len(y) < 3:
            raise ValueError(f"projection: log-linear needs at least 3 values, got {len(y)}")
        if np.any(y <= 0):
            bad = list(years[y <= 0])
            raise ValueError(f"projection: log-linear needs positive values; year(s) {bad} are not")
        X = sm.add_constant(years.astype("float64"))
        fit = sm.OLS(np.log(y), X).fit()
        frame = fit.get_prediction(sm.add_constant(future.astype("float64"), has_constant="add"))
        sf = frame.summary_frame(alpha=alpha)
        forecast = np.exp(sf["mean"].to_numpy())
        lower = np.exp(sf["obs_ci_lower"].to_numpy())
        upper = np.exp(sf["obs_ci_upper"].to_numpy())
    else:
        if len(y) < 2 or (method == "drift" and len(y) < 3):
            need = 3 if method == "drift" else 2
            raise ValueError(f"projection: {method} needs at least {need} values, got {len(y)}")
        if np.any(np.diff(years) != 1):
            raise ValueError(f"projection: {method} needs consecutive years, got {list(years)}")
        d = np.diff(y)
        z = stats.norm.ppf(1 - alpha / 2)
        if method == "naive":
            sigma = np.sqrt(np.mean(d**2))
            forecast = np.full(years_ahead, y[-1])
            se = sigma * np.sqrt(horizon)
        else:
            t = len(y)
            slope = d.mean()
            sigma = np.sqrt(np.sum((d - slope) ** 2) / (len(d) - 1))
            forecast = y[-1] + horizon * slope
            se = sigma * np.sqrt(horizon * (1 + horizon / (t - 1)))
        lower, upper = forecast - z * se, forecast + z * se
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
