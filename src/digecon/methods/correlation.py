"""Correlations: r with its test, every pairwise r of a table, and the verbal strength of a link.

:func:`correlate` and :func:`correlation_matrix` are thin, tidy wrappers around pingouin's
``corr`` and ``pairwise_corr`` (the book reads r and p; pingouin also gives the confidence
interval and power); :func:`square` pivots the long table into the familiar matrix.

>>> correlate([1, 2, 3, 4], [2, 4, 5, 9])[["n", "r"]].round(4).to_dict("records")
[{'n': 4, 'r': 0.9648}]
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from digecon.methods._checks import (
    as_frame,
    as_series,
    check_choice,
    check_columns,
    check_varies,
    fail,
)

__all__ = ["STRENGTH_SCALE", "correlate", "correlation_matrix", "square", "strength_of_link"]

_METHODS = ("pearson", "spearman", "kendall")

#: Lower bounds of |r| for the verbal scale of the article's Таблица 4 (read off its labels:
#: 0.87 "very strong", 0.78-0.72 "strong", 0.66-0.52 "moderate", 0.48-0.33 "weak").
STRENGTH_SCALE: tuple[tuple[float, str], ...] = (
    (0.8, "very_strong"),
    (0.7, "strong"),
    (0.5, "moderate"),
    (0.0, "weak"),
)


def _vector(values: Sequence[float] | pd.Series | np.ndarray, name: str) -> np.ndarray:
    return as_series(values, "correlate", name, allow_missing=True).to_numpy()


def correlate(x: Sequence[float] | pd.Series | np.ndarray,
              y: Sequence[float] | pd.Series | np.ndarray,
              method: str = "pearson") -> pd.DataFrame:
    """Correlation of two paired series: one tidy row with ``method``, ``n``, ``r``, ``p_val``.

    Pairs with a missing value are dropped. ``method`` is ``pearson`` or ``spearman``.

    Parameters
    ----------
    x, y : array-like
        The paired values.
    method : {"pearson", "spearman"}
        The correlation coefficient.

    Returns
    -------
    pandas.DataFrame
        One row: ``method``, ``n`` (pairs used), ``r``, ``p_val``.

    Examples
    --------
    >>> correlate([1, 2, 3], [3, 2, 1], "spearman")["r"].item()
    -1.0
    """
    import pingouin as pg

    check_choice(method, ("pearson", "spearman"), "correlate", "method")
    a, b = _vector(x, "x"), _vector(y, "y")
    if len(a) != len(b):
        fail("correlate", "y", f"has {len(b)} values", f"expected {len(a)}, paired with 'x'")
    keep = ~(np.isnan(a) | np.isnan(b))
    a, b = a[keep], b[keep]
    if len(a) < 3:
        fail("correlate", "x", f"has {len(a)} complete pairs with 'y'", "at least 3 are needed")
    check_varies(a, "correlate", "x")
    check_varies(b, "correlate", "y")
    with warnings.catch_warnings():  # pingouin warns that power needs n > 4; we do not use it
        warnings.simplefilter("ignore", UserWarning)
        res = pg.corr(a, b, method=method)
    return pd.DataFrame({"method": [method], "n": [len(a)], "r": [float(res["r"].iloc[0])],
                         "p_val": [float(res["p_val"].iloc[0])]})


def correlation_matrix(df: pd.DataFrame, method: str = "pearson") -> pd.DataFrame:
    """Every pairwise correlation of the columns of ``df``, as a tidy long table.

    pingouin's ``pairwise_corr`` computes each pair once; this table lists both orders and
    the diagonal, so it pivots straight into the square matrix (:func:`square`).

    Parameters
    ----------
    df : pandas.DataFrame
        One column per variable (numbers, at least 3 rows, none constant).
    method : {"pearson", "spearman", "kendall"}

    Returns
    -------
    pandas.DataFrame
        ``x``, ``y``, ``r``, ``p``, ``n``: one row per ordered pair in the column order of
        ``df`` (the diagonal has ``r = 1`` and ``p`` NaN).

    Examples
    --------
    >>> d = pd.DataFrame({"a": [1.0, 2.0, 3.0, 4.0], "b": [2.0, 4.0, 5.0, 9.0]})
    >>> correlation_matrix(d).query("x == 'b' and y == 'a'")["r"].round(4).item()
    0.9648
    """
    import pingouin as pg

    func = "correlation_matrix"
    check_choice(method, _METHODS, func, "method")
    data = as_frame(df, None, func, min_rows=3)
    if data.shape[1] < 2:
        fail(func, "df", f"has {data.shape[1]} column", "at least 2 are needed to correlate")
    for c in data.columns:
        check_varies(data[c], func, c)
    with warnings.catch_warnings():  # pingouin's power and CI need n > 4; we read r and p only
        warnings.simplefilter("ignore", UserWarning)
        warnings.simplefilter("ignore", RuntimeWarning)
        pairs = pg.pairwise_corr(data, method=method)
    found = {}
    for row in pairs.itertuples(index=False):
        r, p = float(row.r), float(row.p_unc)
        found[(row.X, row.Y)] = found[(row.Y, row.X)] = (r, p)
    rows = []
    for a in data.columns:
        for b in data.columns:
            r, p = (1.0, float("nan")) if a == b else found[(a, b)]
            rows.append({"x": a, "y": b, "r": r, "p": p, "n": len(data)})
    return pd.DataFrame(rows)


def square(long: pd.DataFrame, value: str = "r") -> pd.DataFrame:
    """Pivot the long output of :func:`correlation_matrix` into a square matrix.

    Parameters
    ----------
    long : pandas.DataFrame
        The output of :func:`correlation_matrix`.
    value : str
        The column to spread (``r`` by default, or ``p_val``).

    Returns
    -------
    pandas.DataFrame
        A square matrix, variables on both axes.

    Examples
    --------
    >>> d = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [3.0, 2.0, 1.0]})
    >>> square(correlation_matrix(d)).to_numpy().tolist()
    [[1.0, -1.0], [-1.0, 1.0]]
    """
    check_columns(long, ["x", "y", value], "square", "long")
    order = list(dict.fromkeys(long["x"]))
    wide = long.pivot(index="x", columns="y", values=value)
    wide = wide.reindex(index=order, columns=order)
    wide.index.name = None
    wide.columns.name = None
    return wide


def strength_of_link(r: float | Sequence[float] | pd.Series,
                     scale: Sequence[tuple[float, str]] = STRENGTH_SCALE) -> pd.Series:
    """The verbal strength of a correlation: the first label whose lower bound |r| reaches.

    Parameters
    ----------
    r : float or array-like
        Correlation coefficients.
    scale : sequence of (float, str)
        Lower bounds of |r| and their labels, from the strongest down.

    Returns
    -------
    pandas.Series
        The label of each coefficient.

    Examples
    --------
    >>> strength_of_link([0.89, 0.78, 0.61, 0.33]).tolist()
    ['very_strong', 'strong', 'moderate', 'weak']
    """
    values = pd.Series(np.atleast_1d(np.asarray(r, dtype=float)))
    if values.isna().any() or (values.abs() > 1).any():
        fail("strength_of_link", "r", f"is {list(values)}", "expected numbers from -1 to 1")
    bounds = sorted(scale, key=lambda b: -b[0])

    def label(v: float) -> str:
        for bound, name in bounds:
            if abs(v) >= bound:
                return name
        return bounds[-1][1]

    return values.map(label).rename("strength")
