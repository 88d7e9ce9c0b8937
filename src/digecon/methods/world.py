"""Totals, shares, changes and rounding bounds for the world-experience tables.

Helpers for the small descriptive tables of dissertation section 1.3 (Кесте 8: countries by
digital-evolution group; Кесте 10: internet users in Singapore; Кесте 11: Singapore R&D
spending by sector; Кесте 12: Russia's digital-economy indicators). Every function takes a
plain tidy table and returns a tidy ``DataFrame``, so a printed total or change can be set
beside the recomputed one. Printed numbers are rounded, so the helpers also give the interval
a recomputed value may take when every input is only known to its printed precision.

>>> long = pd.DataFrame({"item": ["a", "b"], "year": [2020, 2020], "value": [1.2, 3.4]})
>>> totals(long, by="year")["total"].round(1).tolist()
[4.6]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = [
    "change_between",
    "group_counts",
    "implied_denominator_growth",
    "percent_change_bounds",
    "point_changes",
    "shares",
    "sum_bounds",
    "totals",
]


def _need(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        have = list(frame.columns)
        raise ValueError(f"{what}: missing column(s) {missing}; the table has {have}")


def totals(
    frame: pd.DataFrame, by: str = "year", value: str = "value", decimals: int | None = None
) -> pd.DataFrame:
    r"""Sum of ``value`` for each ``by`` (e.g. the sector total of each year).

    With ``decimals`` (the printed precision of the parts) it also returns the rounding
    half-width of the sum, :math:`n \cdot 0.5 \cdot 10^{-d}` for :math:`n` parts: a printed
    total within that distance of the recomputed sum is consistent with the parts.

    >>> t = pd.DataFrame({"year": [2013] * 4, "value": [4315.4, 1319.4, 857.9, 900.9]})
    >>> totals(t, decimals=1).round(2).to_dict("records")
    [{'year': 2013, 'total': 7393.6, 'n_parts': 4, 'tolerance': 0.2}]
    """
    _need(frame, [by, value], "totals")
    if frame[value].isna().any():
        raise ValueError(f"totals: column {value!r} has missing values; drop or fill them first")
    out = frame.groupby(by, sort=True)[value].agg(total="sum", n_parts="count").reset_index()
    if decimals is not None:
        out["tolerance"] = out["n_parts"] * 0.5 * 10.0 ** (-decimals)
    return out


def sum_bounds(values: Sequence[float], decimals: int) -> tuple[float, float]:
    r"""Interval of the true sum of numbers each printed to ``decimals`` places.

    >>> sum_bounds([1.2, 3.4], 1)
    (4.5, 4.7)
    """
    arr = np.asarray(values, dtype=float)
    if arr.size == 0 or np.isnan(arr).any():
        raise ValueError("sum_bounds needs at least one value and no missing values")
    h = arr.size * 0.5 * 10.0 ** (-decimals)
    s = float(arr.sum())
    return round(s - h, 12), round(s + h, 12)


def shares(frame: pd.DataFrame, value: str = "value", by: str | None = None) -> pd.DataFrame:
    """Percent share of each row in the total (within each ``by`` group when given).

    >>> shares(pd.DataFrame({"value": [1.0, 3.0]}))["share_pct"].tolist()
    [25.0, 75.0]
    """
    _need(frame, [value] + ([by] if by else []), "shares")
    out = frame.copy()
    total = out.groupby(by)[value].transform("sum") if by else out[value].sum()
    if np.any(np.asarray(total) == 0):
        raise ValueError("shares: a group sums to 0; shares are undefined")
    out["share_pct"] = 100.0 * out[value] / total
    return out


def change_between(
    frame: pd.DataFrame,
    start: int,
    end: int,
    item: str = "indicator",
    year: str = "year",
    value: str = "value",
) -> pd.DataFrame:
    """Absolute and percent change of every item from year ``start`` to year ``end``.

    >>> t = pd.DataFrame({"indicator": ["pop"] * 2, "year": [2021, 2022], "value": [5.89, 5.92]})
    >>> change_between(t, 2021, 2022).round(3).to_dict("records")
    [{'indicator': 'pop', 'start': 5.89, 'end': 5.92, 'abs_change': 0.03, 'pct_change': 0.509}]
    """
    _need(frame, [item, year, value], "change_between")
    wide = frame.pivot(index=item, columns=year, values=value)
    for y in (start, end):
        if y not in wide.columns:
            raise ValueError(f"change_between: year {y} is not in the table; years are "
                             f"{sorted(wide.columns)}")
    a, b = wide[start], wide[end]
    if (a == 0).any():
        raise ValueError("change_between: a start value is 0; the percent change is undefined")
    out = pd.DataFrame({item: wide.index, "start": a.to_numpy(), "end": b.to_numpy()})
    out["abs_change"] = out["end"] - out["start"]
    out["pct_change"] = 100.0 * out["abs_change"] / out["start"]
    return out.reset_index(drop=True)


def point_changes(
    frame: pd.DataFrame, item: str = "indicator", year: str = "year", value: str = "value"
) -> pd.DataFrame:
    """Year-on-year change in percentage points of a table of percentages (tidy).

    >>> t = pd.DataFrame({"indicator": ["h"] * 3, "year": [2018, 2019, 2020],
    ...                   "value": [76.6, 76.9, 80.0]})
    >>> point_changes(t)["pp_change"].round(1).tolist()
    [nan, 0.3, 3.1]
    """
    _need(frame, [item, year, value], "point_changes")
    out = frame[[item, year, value]].sort_values([item, year]).reset_index(drop=True)
    out["pp_change"] = out.groupby(item)[value].diff()
    return out


def percent_change_bounds(start: float, end: float, decimals: int) -> tuple[float, float]:
    r"""Interval of :math:`100\,(b-a)/a` when :math:`a, b` are printed to ``decimals`` places.

    >>> lo, hi = percent_change_bounds(5.29, 5.35, 2)
    >>> round(lo, 3), round(hi, 3)
    (0.944, 1.325)
    """
    h = 0.5 * 10.0 ** (-decimals)
    if start - h <= 0:
        raise ValueError(f"start value {start} is too close to 0 for a percent change")
    corners = [100.0 * ((end + e) - (start + s)) / (start + s) for s in (-h, h) for e in (-h, h)]
    return min(corners), max(corners)


def implied_denominator_growth(
    numerator_growth_pct: float, share_before: float, share_after: float, decimals: int = 1
) -> pd.DataFrame:
    r"""Growth of a denominator (e.g. GDP) implied by the growth of a numerator and its shares.

    If spending grows by :math:`g` percent while its share in GDP goes from :math:`s_0` to
    :math:`s_1`, GDP grew by :math:`100\,[(1+g/100)\,s_0/s_1 - 1]` percent. With shares
    printed to ``decimals`` places the result lies in the returned ``low``-``high`` range.

    >>> implied_denominator_growth(19.3, 3.8, 3.7).round(2).to_dict("records")
    [{'implied_growth_pct': 22.52, 'low': 19.3, 'high': 25.84}]
    """
    if min(share_before, share_after) <= 0:
        raise ValueError("shares must be positive percentages")
    f = 1.0 + numerator_growth_pct / 100.0
    h = 0.5 * 10.0 ** (-decimals)
    point = 100.0 * (f * share_before / share_after - 1.0)
    low = 100.0 * (f * (share_before - h) / (share_after + h) - 1.0)
    high = 100.0 * (f * (share_before + h) / (share_after - h) - 1.0)
    return pd.DataFrame([{"implied_growth_pct": point, "low": low, "high": high}])


def group_counts(frame: pd.DataFrame, group: str = "group") -> pd.DataFrame:
    """Number of members listed in each group (e.g. countries per group of Кесте 8).

    >>> group_counts(pd.DataFrame({"group": ["a", "a", "b"]})).to_dict("records")
    [{'group': 'a', 'n': 2}, {'group': 'b', 'n': 1}]
    """
    _need(frame, [group], "group_counts")
    return frame.groupby(group, sort=False).size().reset_index(name="n")
