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

from digecon.methods import efficiency as ef
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
    value as a ratio of sums (:func:`digecon.methods.efficiency.period_efficiency`), which
    :func:`period_from_table3` recomputes from the OCR of Table 3 in Appendix D; the mean is set
    beside it to show that the printed value is not an average of the years.
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


def table5_years(k5: pd.DataFrame) -> pd.DataFrame:
    """The yearly rows of Table 5, indexed by year (the two total rows left out)."""
    return k5.dropna(subset=["year"]).astype({"year": int}).set_index("year")


def table3_ocr(t3: pd.DataFrame) -> pd.DataFrame:
    """Table 3 as Appendix D's OCR reads it (resource ``diss-appendix-d-t3-ocr-printed``),
    wide: one row per year, one column per indicator, NaN where the OCR lost or misread a
    digit.

    >>> t3 = pd.DataFrame({"year": [2020, 2020], "column": ["rd_costs_bn_tenge", "column_6"],
    ...                    "ocr": ["1167", "2912"], "value": [116.7, 291.2], "line": [1, 1]})
    >>> table3_ocr(t3).loc[2020].tolist()
    [291.2, 116.7]
    """
    return t3.pivot(index="year", columns="column", values="value")


#: Table 3 cells the OCR misread, taken from their second print to recompute formula (4)
T3_FILLED = {(2010, "ict_exports_mln_usd"): "Table 5's exports over its rate",
             (2014, "ict_imports_mln_usd"): "Table 5's imports over its rate",
             (2018, "ict_exports_mln_usd"): "Table 5's exports over its rate",
             (2019, "innovative_products_mln_tenge"): "Appendix V's X2"}


def table3_filled(wide: pd.DataFrame, k5: pd.DataFrame, appendix: pd.DataFrame) -> pd.DataFrame:
    """:func:`table3_ocr` with the misread cells of :data:`T3_FILLED` taken from their second
    print: ICT trade from Table 5 (tenge over its rate, ``k5`` as :func:`table5_years` gives
    it), innovative products from Appendix V's X2 (``appendix``, resource
    ``regression-appendix-data``). The R&D costs of 2010 and 2017 have no second print and
    stay NaN."""
    out = wide.copy()
    x2 = appendix[appendix["variable"] == "x2"].set_index("year")["value"]
    for year, col in T3_FILLED:
        if col == "innovative_products_mln_tenge":
            out.at[year, col] = float(x2[year])
        else:
            tenge = col.replace("mln_usd", "mln_kzt")
            out.at[year, col] = float(k5.at[year, tenge] / k5.at[year, "usd_kzt_rate"])
    return out


def formula4_parts(t3: pd.DataFrame, k5: pd.DataFrame) -> pd.DataFrame:
    """Costs and results of formula (4), in million tenge, from Table 3 (wide) and Table 5's
    exchange rates: costs = ICT costs + R&D costs + ICT imports, results = innovative products
    + ICT exports + ICT products and services, the reading that gives Table 5's efficiencies
    at their printed precision.

    >>> t3 = pd.DataFrame({"ict_costs_bn_tenge": [1.0], "rd_costs_bn_tenge": [0.5],
    ...                    "ict_imports_mln_usd": [2.0], "innovative_products_mln_tenge": [900.0],
    ...                    "ict_exports_mln_usd": [1.0], "ict_products_services": [50.0]},
    ...                   index=[2020])
    >>> k5 = pd.DataFrame({"usd_kzt_rate": [250.0]}, index=[2020])
    >>> formula4_parts(t3, k5).loc[2020].tolist()
    [2000.0, 1200.0]
    """
    rate = k5["usd_kzt_rate"]
    costs = (t3["ict_costs_bn_tenge"] + t3["rd_costs_bn_tenge"]) * 1000 + (
        t3["ict_imports_mln_usd"] * rate)
    results = (t3["innovative_products_mln_tenge"] + t3["ict_exports_mln_usd"] * rate
               + t3["ict_products_services"])
    return pd.DataFrame({"costs": costs, "results": results})


def formula4_efficiency(t3: pd.DataFrame, k5: pd.DataFrame) -> pd.Series:
    """Formula (4) on Table 3, year by year: costs over results (:func:`formula4_parts`), the
    reading Table 5 prints (:func:`digecon.methods.efficiency.efficiency_ratio` with
    ``reading="input/output"``). NaN where a cell is unreadable.

    >>> t3 = pd.DataFrame({"ict_costs_bn_tenge": [1.0, None], "rd_costs_bn_tenge": [0.5, 1.0],
    ...                    "ict_imports_mln_usd": [2.0, 1.0],
    ...                    "innovative_products_mln_tenge": [900.0, 900.0],
    ...                    "ict_exports_mln_usd": [1.0, 1.0],
    ...                    "ict_products_services": [50.0, 50.0]},
    ...                   index=[2020, 2021])
    >>> k5 = pd.DataFrame({"usd_kzt_rate": [250.0, 250.0]}, index=[2020, 2021])
    >>> formula4_efficiency(t3, k5).round(4).tolist()
    [1.6667, nan]
    """
    parts = formula4_parts(t3, k5)
    known = parts.dropna()
    eff = pd.Series(ef.efficiency_ratio(known["results"], known["costs"],
                                        reading="input/output"), index=known.index)
    return eff.reindex(parts.index)


def period_from_table3(t3: pd.DataFrame, k5: pd.DataFrame) -> pd.DataFrame:
    """The efficiency of the two periods by their definition, the pooled ratio of sums
    (:func:`digecon.methods.efficiency.period_efficiency`), from Table 3 (``t3`` as
    :func:`table3_filled` gives it). A year whose costs the OCR lost (the R&D costs of 2010 and
    2017) takes its costs from Table 5's efficiency times its results.

    Returns ``period, years, recomputed, filled`` (the years whose costs were taken from
    Table 5).
    """
    parts = formula4_parts(t3, k5)
    missing = parts["costs"].isna()
    parts.loc[missing, "costs"] = k5.loc[missing[missing].index, "efficiency"] * parts.loc[
        missing, "results"]
    out = []
    for period, first, last in (("pre_program", 2010, 2016), ("post_program", 2017, 2021)):
        part = parts.loc[first:last]
        out.append({"period": period, "years": f"{first}-{last}",
                    "recomputed": ef.period_efficiency(part["results"], part["costs"],
                                                       reading="input/output"),
                    "filled": [int(y) for y in missing[missing].index if first <= y <= last]})
    return pd.DataFrame(out)
