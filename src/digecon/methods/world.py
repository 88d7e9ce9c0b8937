"""Totals, shares, changes and rounding bounds for the world-experience tables.

Helpers for the small descriptive tables of dissertation section 1.3 (Кесте 8: countries by
digital-evolution group; Кесте 10: internet users in Singapore; Кесте 11: Singapore R&D
spending by sector; Кесте 12: Russia's digital-economy indicators). Every function takes a
plain tidy table and returns a tidy ``DataFrame``, so a printed total or change can be set
beside the recomputed one. Printed numbers are rounded, so the helpers also give the interval
a recomputed value may take when every input is only known to its printed precision (the
general bounds are :mod:`digecon.methods.rounding`; shares are
:func:`digecon.methods.growth.shares`).

>>> long = pd.DataFrame({"item": ["a", "b"], "year": [2020, 2020], "value": [1.2, 3.4]})
>>> totals(long, by="year")["total"].round(1).tolist()
[4.6]
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from digecon.methods._checks import check_columns, fail
from digecon.methods.growth import percent_change

__all__ = [
    "change_between",
    "group_counts",
    "implied_denominator_growth",
    "point_changes",
    "totals",
]


def _need(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    check_columns(frame, columns, what, "frame")


def totals(
    frame: pd.DataFrame, by: str = "year", value: str = "value", decimals: int | None = None
) -> pd.DataFrame:
    r"""Sum of ``value`` for each ``by`` (e.g. the sector total of each year).

    With ``decimals`` (the printed precision of the parts) it also returns the rounding
    half-width of the sum, :math:`n \cdot 0.5 \cdot 10^{-d}` for :math:`n` parts: a printed
    total within that distance of the recomputed sum is consistent with the parts.

    Parameters
    ----------
    frame : pandas.DataFrame
        A tidy table of parts.
    by : str
        The column to total by.
    value : str
        The column summed.
    decimals : int, optional
        The printed precision of the parts.

    Returns
    -------
    pandas.DataFrame
        ``by``, ``total``, ``n_parts`` and, with ``decimals``, ``tolerance``.

    Examples
    --------
    >>> t = pd.DataFrame({"year": [2013] * 4, "value": [4315.4, 1319.4, 857.9, 900.9]})
    >>> totals(t, decimals=1).round(2).to_dict("records")
    [{'year': 2013, 'total': 7393.6, 'n_parts': 4, 'tolerance': 0.2}]
    """
    _need(frame, [by, value], "totals")
    if frame[value].isna().any():
        fail("totals", "frame", f"column {value!r} has missing values",
             "drop or fill missing values first")
    out = frame.groupby(by, sort=True)[value].agg(total="sum", n_parts="count").reset_index()
    if decimals is not None:
        out["tolerance"] = out["n_parts"] * 0.5 * 10.0 ** (-decimals)
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

    Parameters
    ----------
    frame : pandas.DataFrame
        A tidy table: one row per item and year.
    start, end : int
        The two years.
    item, year, value : str
        The column names.

    Returns
    -------
    pandas.DataFrame
        ``item, start, end, abs_change, pct_change``, one row per item.

    Examples
    --------
    >>> t = pd.DataFrame({"indicator": ["pop"] * 2, "year": [2021, 2022], "value": [5.89, 5.92]})
    >>> change_between(t, 2021, 2022).round(3).to_dict("records")
    [{'indicator': 'pop', 'start': 5.89, 'end': 5.92, 'abs_change': 0.03, 'pct_change': 0.509}]
    """
    _need(frame, [item, year, value], "change_between")
    wide = frame.pivot(index=item, columns=year, values=value)
    for y in (start, end):
        if y not in wide.columns:
            fail("change_between", "start" if y == start else "end", f"is {y}, not in the table",
                 f"expected one of the years {sorted(wide.columns)}")
    a, b = wide[start], wide[end]
    out = pd.DataFrame({item: wide.index, "start": a.to_numpy(), "end": b.to_numpy()})
    out["abs_change"] = out["end"] - out["start"]
    out["pct_change"] = percent_change(out["start"].to_numpy(), out["end"].to_numpy())
    return out.reset_index(drop=True)


def point_changes(
    frame: pd.DataFrame, item: str = "indicator", year: str = "year", value: str = "value"
) -> pd.DataFrame:
    """Year-on-year change in percentage points of a table of percentages (tidy).

    Parameters
    ----------
    frame : pandas.DataFrame
        A tidy table of percentages: one row per item and year.
    item, year, value : str
        The column names.

    Returns
    -------
    pandas.DataFrame
        The input rows with ``pp_change`` (NaN for each item's first year).

    Examples
    --------
    >>> t = pd.DataFrame({"indicator": ["h"] * 3, "year": [2018, 2019, 2020],
    ...                   "value": [76.6, 76.9, 80.0]})
    >>> point_changes(t)["pp_change"].round(1).tolist()
    [nan, 0.3, 3.1]
    """
    _need(frame, [item, year, value], "point_changes")
    out = frame[[item, year, value]].sort_values([item, year]).reset_index(drop=True)
    out["pp_change"] = out.groupby(item)[value].diff()
    return out


def implied_denominator_growth(
    numerator_growth_pct: float, share_before: float, share_after: float, decimals: int = 1
) -> pd.DataFrame:
    r"""Growth of a denominator (e.g. GDP) implied by the growth of a numerator and its shares.

    If spending grows by :math:`g` percent while its share in GDP goes from :math:`s_0` to
    :math:`s_1`, GDP grew by :math:`100\,[(1+g/100)\,s_0/s_1 - 1]` percent. With shares
    printed to ``decimals`` places the result lies in the returned ``low``-``high`` range.

    Parameters
    ----------
    numerator_growth_pct : float
        The growth of the numerator (e.g. spending), in per cent.
    share_before, share_after : float
        Its share in the denominator before and after, in per cent.
    decimals : int
        The printed precision of the shares.

    Returns
    -------
    pandas.DataFrame
        One row: ``implied_growth_pct``, ``low``, ``high``.

    Examples
    --------
    >>> implied_denominator_growth(19.3, 3.8, 3.7).round(2).to_dict("records")
    [{'implied_growth_pct': 22.52, 'low': 19.3, 'high': 25.84}]
    """
    if min(share_before, share_after) <= 0:
        fail("implied_denominator_growth", "share_before, share_after",
             f"are {share_before}, {share_after}", "expected positive percentages")
    f = 1.0 + numerator_growth_pct / 100.0
    h = 0.5 * 10.0 ** (-decimals)
    point = 100.0 * (f * share_before / share_after - 1.0)
    low = 100.0 * (f * (share_before - h) / (share_after + h) - 1.0)
    high = 100.0 * (f * (share_before + h) / (share_after - h) - 1.0)
    return pd.DataFrame([{"implied_growth_pct": point, "low": low, "high": high}])


def group_counts(frame: pd.DataFrame, group: str = "group") -> pd.DataFrame:
    """Number of members listed in each group (e.g. countries per group of Кесте 8).

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per member.
    group : str
        The column naming the group.

    Returns
    -------
    pandas.DataFrame
        ``group`` and ``n``, one row per group.

    Examples
    --------
    >>> group_counts(pd.DataFrame({"group": ["a", "a", "b"]})).to_dict("records")
    [{'group': 'a', 'n': 2}, {'group': 'b', 'n': 1}]
    """
    _need(frame, [group], "group_counts")
    return frame.groupby(group, sort=False).size().reset_index(name="n")
