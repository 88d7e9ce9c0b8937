"""Correlation helpers: Pearson / Spearman r with its test, and the verbal strength of a link.

>>> correlate([1, 2, 3, 4], [2, 4, 5, 9])[["n", "r"]].round(4).to_dict("records")
[{'n': 4, 'r': 0.9648}]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

__all__ = ["STRENGTH_SCALE", "correlate", "strength_of_link"]

#: Lower bounds of |r| for the verbal scale of the article's Таблица 4 (read off its labels:
#: 0.87 "very strong", 0.78-0.72 "strong", 0.66-0.52 "moderate", 0.48-0.33 "weak").
STRENGTH_SCALE: tuple[tuple[float, str], ...] = (
    (0.8, "very_strong"),
    (0.7, "strong"),
    (0.5, "moderate"),
    (0.0, "weak"),
)


def _vector(values: Sequence[float] | pd.Series | np.ndarray, name: str) -> np.ndarray:
    arr = pd.Series(values)
    if not pd.api.types.is_numeric_dtype(arr) or pd.api.types.is_bool_dtype(arr):
        raise ValueError(f"correlate: {name} must be numbers, got dtype {arr.dtype}")
    return arr.to_numpy(dtype=float)


def correlate(x: Sequence[float] | pd.Series | np.ndarray,
              y: Sequence[float] | pd.Series | np.ndarray,
              method: str = "pearson") -> pd.DataFrame:
    """Correlation of two paired series: one tidy row with ``method``, ``n``, ``r``, ``p_val``.

    Pairs with a missing value are dropped. ``method`` is ``pearson`` or ``spearman``.

    >>> correlate([1, 2, 3], [3, 2, 1], "spearman")["r"].item()
    -1.0
    """
    a, b = _vector(x, "x"), _vector(y, "y")
    if len(a) != len(b):
        raise ValueError(f"correlate: x has {len(a)} values and y has {len(b)}; "
                         f"expected paired series of equal length")
    keep = ~(np.isnan(a) | np.isnan(b))
    a, b = a[keep], b[keep]
    if len(a) < 3:
        raise ValueError(f"correlate: {len(a)} complete pairs; at least 3 are needed")
    if np.ptp(a) == 0 or np.ptp(b) == 0:
        raise ValueError("correlate: one series is constant, so r is undefined")
    if method == "pearson":
        r, p = stats.pearsonr(a, b)
    elif method == "spearman":
        r, p = stats.spearmanr(a, b)
    else:
        raise ValueError(f"correlate: unknown method {method!r}; expected 'pearson' or "
                         f"'spearman'")
    return pd.DataFrame({"method": [method], "n": [len(a)], "r": [float(r)],
                         "p_val": [float(p)]})


def strength_of_link(r: float | Sequence[float] | pd.Series,
                     scale: Sequence[tuple[float, str]] = STRENGTH_SCALE) -> pd.Series:
    """The verbal strength of a correlation: the first label whose lower bound |r| reaches.

    >>> strength_of_link([0.89, 0.78, 0.61, 0.33]).tolist()
    ['very_strong', 'strong', 'moderate', 'weak']
    """
    values = pd.Series(np.atleast_1d(np.asarray(r, dtype=float)))
    if values.isna().any() or (values.abs() > 1).any():
        raise ValueError(f"strength_of_link: r must be numbers in [-1, 1], got {list(values)}")
    bounds = sorted(scale, key=lambda b: -b[0])

    def label(v: float) -> str:
        for bound, name in bounds:
            if abs(v) >= bound:
                return name
        return bounds[-1][1]

    return values.map(label).rename("strength")
