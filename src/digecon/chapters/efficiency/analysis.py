"""The analysis of the chapter "efficiency" (dissertation section 1.2).

Small functions take the transcribed tables (``digecon.data.load``) and return tidy frames:
the yearly efficiency ratios, Table 5 rebuilt, the comparison of the two periods; they are
tested by hand. :mod:`.tables` and :mod:`.figures` show them in the reader's language.

>>> import pandas as pd
>>> k5 = pd.DataFrame({"period": ["pre_program", "pre_program"], "row": ["2010", "total"],
...                    "year": [2010, None], "efficiency": [2.776, 1.771]})
>>> yearly_efficiency(k5).to_dict()
{2010: 2.776}
"""

from __future__ import annotations

import pandas as pd

from digecon.methods.growth import growth_rate


def yearly_efficiency(k5: pd.DataFrame) -> pd.Series:
    """The yearly efficiencies of Кесте 5 (total rows dropped), indexed by year."""
    years = k5.dropna(subset=["year"]).copy()
    years["year"] = years["year"].astype(int)
    return years.set_index("year")["efficiency"].sort_index()


def table5(k5: pd.DataFrame) -> pd.DataFrame:
    """Кесте 5 rebuilt: the yearly rows with the growth rate recomputed beside the printed one.

    >>> k5 = pd.DataFrame({"period": ["pre_program"] * 2, "row": ["2010", "2011"],
    ...                    "year": [2010, 2011], "usd_kzt_rate": [147.35, 146.62],
    ...                    "ict_exports_mln_kzt": [1.0, 2.0], "ict_imports_mln_kzt": [3.0, 4.0],
    ...                    "efficiency": [2.776, 2.494], "efficiency_growth_pct": [None, -10.176]})
    >>> table5(k5)["recomputed"].round(2).tolist()
    [nan, -10.16]
    """
    years = k5.dropna(subset=["year"]).copy()
    years["year"] = years["year"].astype(int)
    years = years.sort_values("year")
    growth = growth_rate(years.set_index("year")["efficiency"])
    out = years[
        [
            "year",
            "usd_kzt_rate",
            "ict_exports_mln_kzt",
            "ict_imports_mln_kzt",
            "efficiency",
            "efficiency_growth_pct",
        ]
    ].reset_index(drop=True)
    out["recomputed"] = growth["change_pct"].to_numpy()
    return out


def period_comparison(k5: pd.DataFrame) -> pd.DataFrame:
    """Printed period efficiencies beside the mean of the yearly values, per period.

    Returns ``period, printed, mean_of_years, years``; the dissertation defines the period
    value as a ratio of sums (:func:`digecon.methods.efficiency.period_efficiency`), which needs the
    Кесте 3/4 values the text does not carry, so only the mean can be set beside it.
    """
    totals = k5[k5["row"] == "total"].set_index("period")["efficiency"]
    years = k5.dropna(subset=["year"])
    rows = []
    for period, part in years.groupby("period", sort=False):
        rows.append(
            {
                "period": period,
                "printed": float(totals[period]),
                "mean_of_years": float(part["efficiency"].mean()),
                "years": f"{int(part['year'].min())}-{int(part['year'].max())}",
            }
        )
    return pd.DataFrame(rows)


def check_years(years: tuple[int, int], efficiency: pd.Series) -> tuple[int, int]:
    """Validate the chapter's ``years`` parameter: two years of Кесте 5, the first earlier.

    >>> check_years((2010, 2021), pd.Series([1.0, 2.0], index=[2010, 2021]))
    (2010, 2021)
    """
    if len(years) != 2:
        raise ValueError(f"years must be a pair (start, end); got {years!r}")
    start, end = int(years[0]), int(years[1])
    have = sorted(int(y) for y in efficiency.index)
    for y in (start, end):
        if y not in have:
            raise ValueError(f"year {y} is not in Кесте 5; choose from {have[0]}-{have[-1]}")
    if start >= end:
        raise ValueError(f"years must run forward: {start} is not before {end}")
    return start, end
