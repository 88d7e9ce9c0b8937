"""Per cent changes, growth rates, compound annual growth and shares.

Kazakh statistics speaks of *өсу қарқыны* (growth index: this year as a per cent of the
reference year, 100 = no change) and *өсім қарқыны* (growth rate: the per cent change,
index minus 100). :func:`percent_change` is the elementary step between two values;
:func:`growth_rate` applies it to a series, chained (on the previous period) or on a fixed
base period, and gives both the index and the change. :func:`cagr` is the compound annual
growth rate and :func:`shares` the part of a whole in per cent. The bounds a printed
(rounded) change may take are in :mod:`digecon.methods.rounding`; projections are in
:mod:`digecon.methods.forecast`.

>>> growth_rate(pd.Series([100.0, 110.0, 121.0], index=[2018, 2019, 2020]))["change_pct"].tolist()
[nan, 10.0, 10.0]
>>> round(cagr(100, 121, 2), 6)
10.0
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from digecon.methods._checks import as_array, as_series, check_choice, check_columns, fail

__all__ = ["cagr", "growth_rate", "percent_change", "shares"]

_METHODS = ("chain", "base")


def percent_change(
    start: float | Sequence[float] | np.ndarray | pd.Series,
    end: float | Sequence[float] | np.ndarray | pd.Series,
) -> float | np.ndarray:
    r"""Per cent change from ``start`` to ``end``: :math:`100\,(end - start) / start`.

    The elementary step of every growth rate in the book (темп прироста, өсім қарқыны).
    The arguments go in time order, earlier value first.

    Parameters
    ----------
    start, end : float or array-like
        The earlier and the later value (numbers or equal-length arrays); ``start`` must not
        be 0.

    Returns
    -------
    float or numpy.ndarray
        A float for two numbers, else an array.

    Examples
    --------
    Кесте 5 prints the efficiency growth of 2011 as −10,176 (2.776 in 2010, 2.494 in 2011):

    >>> round(percent_change(2.776, 2.494), 2)
    -10.16
    >>> percent_change([100.0, 50.0], [110.0, 25.0]).tolist()
    [10.0, -50.0]
    """
    a = as_array(start, "percent_change", "start")
    b = as_array(end, "percent_change", "end")
    if a.shape != b.shape:
        fail("percent_change", "end", f"has shape {b.shape}", f"expected {a.shape} like 'start'")
    if (a == 0).any():
        fail("percent_change", "start", "is 0", "a per cent change needs a non-zero start")
    out = 100.0 * (b - a) / a
    return float(out) if out.ndim == 0 else out


def growth_rate(
    series: pd.Series | Sequence[float],
    method: str = "chain",
    base: object | None = None,
) -> pd.DataFrame:
    """Growth of a series, chained or on a fixed base, as an index and as a per cent change.

    Parameters
    ----------
    series : pandas.Series or sequence of float
        Values indexed by period (years), each period once.
    method : {"chain", "base"}
        ``"chain"`` compares each period with the previous one; ``"base"`` compares each
        with the period ``base``.
    base : optional
        The base period of ``method="base"`` (the first period when None).

    Returns
    -------
    pandas.DataFrame
        One row per period: ``period``, ``value``, ``reference_period``,
        ``reference_value``, ``index_pct`` (өсу қарқыны, 100 × value / reference),
        ``change_pct`` (өсім қарқыны, index − 100, :func:`percent_change`) and ``method``.
        The first period of a chain has no reference (NaN).

    Examples
    --------
    >>> s = pd.Series([100.0, 110.0, 121.0], index=[2018, 2019, 2020])
    >>> growth_rate(s, method="base")["index_pct"].tolist()
    [100.0, 110.0, 121.0]
    """
    check_choice(method, _METHODS, "growth_rate", "method")
    s = as_series(series, "growth_rate", "series", allow_missing=True, unique_index=True)
    if method == "chain":
        if base is not None:
            fail("growth_rate", "base", f"is {base!r}", "it is only used with method='base'")
        ref_period = pd.Series([np.nan, *s.index[:-1]], index=s.index, dtype="object")
        ref_value = s.shift(1)
    else:
        base_period = s.index[0] if base is None else base
        if base_period not in s.index:
            fail("growth_rate", "base", f"is {base_period!r}, which is not a period of the series",
                 f"expected one of {list(s.index)}")
        ref_period = pd.Series([base_period] * len(s), index=s.index, dtype="object")
        ref_value = pd.Series(s.loc[base_period], index=s.index)
    bad = ref_value.notna() & (ref_value == 0)
    if bad.any():
        where = list(s.index[bad.to_numpy()])
        fail("growth_rate", "series", f"has the reference value 0 for period(s) {where}",
             "a growth rate needs a non-zero reference")
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

    Parameters
    ----------
    first, last : float
        The values at the start and at the end (both > 0).
    years : float
        The number of yearly steps between them (2013 to 2020 is 7).

    Returns
    -------
    float
        The compound annual growth rate, in per cent.

    Examples
    --------
    >>> round(cagr(28046.4, 476651.5, 7), 1)  # online retail 2013 -> 2020 (Кесте 18)
    49.9
    """
    for label, v in (("first", first), ("last", last), ("years", years)):
        if v is None or not np.isfinite(float(v)):
            fail("cagr", label, f"is {v!r}", "expected a finite number")
    if first <= 0:
        fail("cagr", "first", f"is {first!r}", "expected a positive value")
    if last < 0:
        fail("cagr", "last", f"is {last!r}", "expected a value of 0 or more")
    if years <= 0:
        fail("cagr", "years", f"is {years!r}", "expected a positive number of yearly steps")
    return 100.0 * ((last / first) ** (1.0 / years) - 1.0)


def shares(
    df: pd.DataFrame,
    part: str | Sequence[str],
    whole: str | None = None,
    *,
    by: str | None = None,
) -> pd.DataFrame:
    """Each ``part`` column as a per cent of a whole, added as ``<part>_share_pct`` columns.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per unit (year, sector, country).
    part : str or sequence of str
        The column(s) whose share is wanted.
    whole : str, optional
        The column holding each row's total (e.g. ``ict_total``). When None the whole is the
        column's own sum: the share of each row in the column total.
    by : str, optional
        Without ``whole``: take the column total within each group of ``by`` (e.g. the
        share of each sector in its year's total).

    Returns
    -------
    pandas.DataFrame
        A copy of ``df`` with one ``<part>_share_pct`` column per part.

    Examples
    --------
    >>> df = pd.DataFrame({"retail": [25.0, 30.0], "total": [200.0, 300.0]})
    >>> shares(df, "retail", "total")["retail_share_pct"].tolist()
    [12.5, 10.0]
    >>> shares(df, "retail")["retail_share_pct"].round(2).tolist()
    [45.45, 54.55]
    >>> t = pd.DataFrame({"year": [2020, 2020, 2021], "value": [1.0, 3.0, 2.0]})
    >>> shares(t, "value", by="year")["value_share_pct"].tolist()
    [25.0, 75.0, 100.0]
    """
    parts = [part] if isinstance(part, str) else list(part)
    if not parts:
        fail("shares", "part", "is empty", "expected at least one column name")
    if whole is not None and by is not None:
        fail("shares", "by", f"is {by!r} while 'whole' is {whole!r}",
             "give a whole column or a grouping, not both")
    check_columns(df, [*parts, *(c for c in (whole, by) if c is not None)], "shares")
    out = df.copy()
    for p in parts:
        num = pd.to_numeric(df[p], errors="coerce").astype("float64")
        if whole is not None:
            den = pd.to_numeric(df[whole], errors="coerce").astype("float64")
            label = f"column {whole!r}"
        elif by is not None:
            den = num.groupby(df[by]).transform("sum")
            label = f"the sum of {p!r} within its {by!r}"
        else:
            den = pd.Series(num.sum(), index=df.index)
            label = f"the sum of {p!r}"
        zero = den.notna() & (den <= 0)
        if zero.any():
            row = df.index[zero.to_numpy()][0]
            fail("shares", whole or p, f"gives the whole ({label}) {den[row]!r} at row {row!r}",
                 "expected a positive total")
        out[f"{p}_share_pct"] = 100.0 * num / den
    return out
