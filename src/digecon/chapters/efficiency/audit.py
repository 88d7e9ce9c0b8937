"""Audit of dissertation section 1.2: the ICT efficiency method (Tables 3–7 and the text).

Recomputes every number section 1.2 prints that its own tables allow: the growth rates of
Table 5 (from the printed 3-decimal efficiencies, with their rounding interval), its totals,
the growth column of Table 6, the EDMS survey of Table 7 and formula 5, the service counts and
shares of the text. The efficiencies themselves come from Table 3, an image in the text;
Appendix D holds an OCR copy of that image, from which formula (4) recomputes Table 5's
yearly and period efficiencies (:func:`digecon.chapters.efficiency.analysis.formula4_efficiency`)
and whose cells are set against their other prints (Tables 5 and 17, Appendix V, article 000).

>>> a = audit()
>>> set(a["chapter"]) == {"efficiency"}
True
"""

from __future__ import annotations

import pandas as pd

from digecon.audit import audit_frame, cannot, check
from digecon.chapters.efficiency.analysis import (
    T3_FILLED,
    formula4_efficiency,
    formula4_parts,
    period_from_table3,
    table3_filled,
    table3_ocr,
    table5_years,
)
from digecon.data import load
from digecon.methods import efficiency as ef
from digecon.methods.growth import percent_change
from digecon.methods.rounding import percent_change_bounds

SOURCE = "dissertation 001"
CHAPTER = "efficiency"

# Printed numbers that are inputs of a computation rather than results (T1, T2, N, group
# sizes, hours in a working day); the audit uses them but does not check them.
INPUTS = {"e23", "e24", "e25", "e38", "e39", "e40", "e41", "e42", "e47", "e63", "e64", "e67"}


def _loc(table: str, line: int) -> str:
    return f"{table}, line {line}"


def _text(figs: pd.DataFrame, fid: str) -> tuple[str, str]:
    row = figs.loc[figs["id"] == fid].iloc[0]
    return row["printed"], f"text, line {int(row['line'])}"


def _growth_row(printed: str, location: str, quantity: str, cur: float, prev: float) -> dict:
    """A growth-rate check whose tolerance is the rounding interval of the two efficiencies."""
    value = percent_change(prev, cur)
    lo, hi = percent_change_bounds(prev, cur, 3)
    tol = max(hi - value, value - lo) + 0.5 * 10.0 ** -3
    return check(SOURCE, location, quantity, printed, value, tolerance=tol,
                 why=f"from the 3-decimal efficiencies {prev:.3f} -> {cur:.3f}; "
                     f"their rounding allows {lo:.3f} to {hi:.3f}")


def _table5(rows: list[dict]) -> pd.Series:
    k5 = load("ict-efficiency-printed")
    years = k5.dropna(subset=["year"]).astype({"year": int}).set_index("year")
    eff = years["efficiency"]
    for _, r in years.iterrows():
        rows.append(_efficiency_row(r))
    for year in range(2011, 2022):
        r = years.loc[year]
        rows.append(_growth_row(f"{r['efficiency_growth_pct']:.3f}",
                                _loc("Кесте 5", int(r["line"])),
                                f"growth rate of ICT efficiency {year}, % change",
                                eff[year], eff[year - 1]))
    totals = k5[k5["row"] == "total"].set_index("period")
    pre, post = totals.loc["pre_program"], totals.loc["post_program"]
    for r, label in ((pre, "2010-2016"), (post, "2017-2021")):
        rows.append(_period_row(r, label, eff))
    rows.append(_growth_row(f"{pre['efficiency_growth_pct']:.3f}",
                            _loc("Кесте 5", int(pre["line"])),
                            "growth of efficiency over 2010-2016 (total row), % change",
                            eff[2016], eff[2010]))
    rows[-1]["why"] = "read as 2016 over 2010; " + rows[-1]["why"]
    rows.append(_growth_row(f"{post['efficiency_growth_pct']:.3f}",
                            _loc("Кесте 5", int(post["line"])),
                            "growth of efficiency over 2017-2021 (total row), % change",
                            eff[2021], eff[2017]))
    rows[-1]["why"] = "read as 2021 over 2017; " + rows[-1]["why"]
    post_years = years.loc[2017:2021]
    pre_years = years.loc[2010:2016]
    trade = (("ict_exports_mln_kzt", "ICT exports"), ("ict_imports_mln_kzt", "ICT imports"))
    for col, what in trade:
        rows.append(check(SOURCE, _loc("Кесте 5", int(post["line"])),
                          f"{what} 2017-2021, total, mln KZT", _fmt(post[col]),
                          post_years[col].sum()))
        rows.append(check(SOURCE, _loc("Кесте 5", int(pre["line"])),
                          f"{what} 2010-2016, total, mln KZT", _fmt(pre[col]),
                          pre_years[col].sum(),
                          why="the printed total row repeats the 2010 row (copy error); the "
                              "sum of 2010-2016 is recomputed"))
    rows.append(cannot(SOURCE, _loc("Кесте 5", int(pre["line"])),
                       "USD/KZT rate, 2010-2016 total row", f"{pre['usd_kzt_rate']:.2f}",
                       "a total of exchange rates has no meaning; the cell repeats the 2010 rate"))
    return eff


def _efficiency_row(r: pd.Series) -> dict:
    """Table 5's efficiency of one year recomputed by formula (4) from Table 3 as Appendix D's
    OCR reads it (Table 3 is an image in the text)."""
    year = int(r.name)
    k5 = _k5()
    t3 = _filled()
    eff = formula4_efficiency(t3, k5)
    loc, quantity = _loc("Кесте 5", int(r["line"])), f"ICT economic efficiency {year}"
    if pd.isna(eff[year]):
        return cannot(SOURCE, loc, quantity, f"{r['efficiency']:.3f}",
                      "computed by formula (4) from Table 3, an image in the text; the OCR of "
                      f"that image in Appendix D lost a digit of the {year} R&D costs")
    why = ("formula (4) on Table 3 as the OCR of its image in Appendix D reads it: costs (ICT "
           "costs + R&D costs + ICT imports) over results (innovative products + ICT exports "
           "+ ICT products and services), in mln tenge at Table 5's rate")
    filled = [f"{what} for the misread cell" for (y, _), what in T3_FILLED.items() if y == year]
    if filled:
        why += "; " + filled[0]
    return check(SOURCE, loc, quantity, f"{r['efficiency']:.3f}", float(eff[year]),
                 tolerance=float(formula4_tolerance(t3, k5)[year]), kind="method", why=why)


def _period_row(r: pd.Series, label: str, eff: pd.Series) -> dict:
    """A period's efficiency (Table 5's total row) by its definition, the pooled ratio of sums
    of formula (4) over Table 3 as Appendix D's OCR reads it (lines 502-511)."""
    t3, k5 = _filled(), _k5()
    period = period_from_table3(t3, k5).set_index("years").loc[label]
    first, last = int(label[:4]), int(label[-4:])
    parts = formula4_parts(t3, k5).loc[first:last]
    rate = k5.loc[first:last, "usd_kzt_rate"]
    value = float(period["recomputed"])
    known = parts.dropna()
    filled = list(period["filled"])
    spread = (0.0005 + 0.0005 * float(parts.loc[filled, "results"].sum()) / parts["results"].sum()
              + value * float((100 + 0.05 * rate[known.index]).sum()) / parts["costs"].sum()
              + value * float((0.1 + 0.05 * rate).sum()) / parts["results"].sum())
    years = " and ".join(str(y) for y in filled)
    return check(SOURCE, _loc("Кесте 5", int(r["line"])),
                 f"ICT economic efficiency of the period {label}", f"{r['efficiency']:.3f}",
                 value, tolerance=spread, kind="method",
                 why=f"pooled sum of costs over sum of results (lines 502-511) of Table 3 as the "
                     f"OCR of its image in Appendix D reads it, the costs of {years} (a digit of "
                     "the R&D costs lost by the OCR) taken as Table 5's efficiency times the "
                     f"results; the mean of the yearly values is "
                     f"{eff.loc[first:last].mean():.3f}")


def _fmt(x: float) -> str:
    """The transcribed number as text, so that its printed decimals set the precision."""
    return repr(float(x))


def _text_table5(rows: list[dict], figs: pd.DataFrame, eff: pd.Series) -> None:
    g = {y: percent_change(eff[y - 1], eff[y]) for y in range(2011, 2022)}
    p, loc = _text(figs, "e01")
    rows.append(check(SOURCE, loc, "fall of ICT efficiency in 2013, %", p, -g[2013],
                      why="magnitude of the 2013 rate"))
    p, loc = _text(figs, "e02")
    rows.append(check(SOURCE, loc, "times costs exceed income in 2015", p, eff[2015],
                      why="the text reads the printed ratio as costs over income"))
    p, loc = _text(figs, "e03")
    rows.append(check(SOURCE, loc, "worsening of efficiency in 2015, %", p, g[2015]))
    p, loc = _text(figs, "e04")
    rows.append(check(SOURCE, loc, "growth rate of efficiency in 2016, %", p, g[2016],
                      why="Table 5 gives -12,371 for 2016; -29,4 is the 2019 rate (-29,417)"))
    p, loc = _text(figs, "e05")
    rows.append(check(SOURCE, loc, "improvement of efficiency in 2017, %", p, -g[2017],
                      why="34,669 truncated to 34,6 instead of rounded to 34,7"))
    p, loc = _text(figs, "e06")
    rows.append(check(SOURCE, loc, "worst (largest) efficiency value, 2010", p, eff.max(),
                      why=f"the largest value is in {int(eff.idxmax())}"))
    p, loc = _text(figs, "e07")
    rows.append(check(SOURCE, loc, "best (smallest) efficiency value, 2020", p, eff.min(),
                      why=f"the smallest value is in {int(eff.idxmin())}"))
    p, loc = _text(figs, "e08")
    best = min(g, key=g.get)
    rows.append(check(SOURCE, loc, "largest yearly improvement (fall of the ratio), %", p,
                      -g[best],
                      why=f"29,4 is the 2019 rate, but the largest fall is {best} "
                          f"({g[best]:.1f} %) and, after the programme, 2017 "
                          f"({g[2017]:.1f} %)"))
    p, loc = _text(figs, "e09")
    rows.append(check(SOURCE, loc, "efficiency change in 2020, %", p, -g[2020]))
    p, loc = _text(figs, "e10")
    rows.append(check(SOURCE, loc, "worsening of efficiency in 2021, %", p, g[2021]))
    before, after = 1.771, 0.900
    for fid in ("e11", "e13"):
        p, loc = _text(figs, fid)
        row = _growth_row(p, loc, "change of period efficiency 2017-2021 vs 2010-2016, %",
                          after, before)
        rows.append(row)
    p, loc = _text(figs, "e12")
    rows.append(check(SOURCE, loc, "improvement after the programme as worded, %", p,
                      -percent_change(before, after),
                      why="the same sentence prints -49,177; 49,28 matches neither"))


def _karasai(rows: list[dict], figs: pd.DataFrame) -> None:
    k6 = load("karasai-eservices-printed")
    wide = k6.pivot(index="taxpayer", columns="year", values="registered").astype(float)
    growth = load("karasai-eservices-growth-printed").set_index("taxpayer")
    for taxpayer, r in growth.iterrows():
        value = 100.0 * (wide.loc[taxpayer, 2022] / wide.loc[taxpayer, 2021] - 1.0)
        why = ""
        if taxpayer == "individual_entrepreneurs":
            why = ("22 389 against 160 540 is a fall of 86.05 %: the sign is lost and 86.05 rounds "
                   "to 86.1; 160 540 (2021) is out of line with 8 099 (2020), yet Figure 4's "
                   "shares use it")
            value = abs(value)
        rows.append(check(SOURCE, _loc("Кесте 6", int(r["line"])),
                          f"growth 2022/2021 of {taxpayer.replace('_', ' ')}, %", r["printed"],
                          value, why=why))
    p, loc = _text(figs, "e35")
    v = 100.0 * (wide.loc["individual_entrepreneurs", 2022]
                 / wide.loc["individual_entrepreneurs", 2021] - 1.0)
    rows.append(check(SOURCE, loc, "growth 2022/2021 of individual entrepreneurs, %", p, v,
                      why="Table 6 gives a fall of 86.05 %, not a rise"))
    shares = 100.0 * wide[2021] / wide[2021].sum()
    for fid, key in (("e44", "individuals"), ("e45", "individual_entrepreneurs"),
                     ("e46", "legal_entities")):
        p, loc = _text(figs, fid)
        rows.append(check(SOURCE, loc, f"share of {key.replace('_', ' ')} among e-service "
                          "users, 2021, %", p, shares[key],
                          why="recomputed from the 2021 column of Table 6 (Figure 4 is an image)"))
    p, loc = _text(figs, "e43")
    pie = _figure4_chart().set_index("series")["value"]
    rows.append(check(SOURCE, loc, "share of paper reporting, 2021, %", p, 100 * pie["paper"],
                      kind="consistency", key="text.share-of-paper-reporting-2021",
                      why="Figure 4 is an image; its chart data in Appendix D (line 4637) give "
                          "paper documents 0.08 and electronic 0.92; the diagram at line 545 "
                          "counts 4 paper services of 44 (9.1 %), a different quantity"))
    # The service diagram (lines 545-551) and the text.
    counts = {"e28": 24 + 3, "e29": 16 + 1, "e27": 27 + 17}
    names = {"e27": "services analysed (27 tax + 17 customs)",
             "e28": "tax-block services (24 electronic + 3 paper)",
             "e29": "customs-block services (16 electronic + 1 paper)"}
    for fid, value in counts.items():
        p, loc = _text(figs, fid)
        rows.append(check(SOURCE, loc, names[fid], p, value))
    for fid in ("e34", "e78"):
        p, loc = _text(figs, fid)
        rows.append(check(SOURCE, loc, "e-government services used by the office", p, 44,
                          why="lines 541-551 count 44 services (27 + 17); 42 elsewhere"))


def _edms(rows: list[dict], figs: pd.DataFrame) -> None:
    survey = load("edms-survey-printed").set_index("group")
    groups = survey.drop(index="total")
    total = survey.loc["total"]
    line = int(total["line"])
    columns = (("respondents", "respondents"), ("operations_before", "operations before"),
               ("minutes_before", "minutes before"), ("operations_after", "operations after"),
               ("minutes_after", "minutes after"))
    # the extraction prints each cell of Table 7 on its own line, from the row's first line
    for cell, (col, what) in enumerate(columns):
        why = "" if col in ("respondents", "operations_before", "operations_after") else (
            "a sum of the two groups' time windows, which has no meaning of its own")
        rows.append(check(SOURCE, _loc("Кесте 7", line + cell), f"total {what}",
                          str(int(total[col])), float(groups[col].sum()), why=why))
    res = ef.survey_efficiency(survey.reset_index())
    get = res.set_index(["group", "reading"])["efficiency_pct"]
    p, loc = _text(figs, "e52")
    rows.append(check(SOURCE, loc, "EDMS efficiency, group of 38, % (drop in operation count)", p,
                      get[("group_38", "count_drop")],
                      why="time per operation falls by 72.2 % (6 -> 1.67 min)"))
    p, loc = _text(figs, "e54")
    rows.append(check(SOURCE, loc, "EDMS efficiency, group of 12, % (drop in operation count)", p,
                      get[("group_12", "count_drop")],
                      why="time per operation falls by 66.7 % (5 -> 1.67 min)"))
    for fid in ("e55", "e68", "e79"):
        p, loc = _text(figs, fid)
        rows.append(check(SOURCE, loc, "mean EDMS efficiency over the two groups, %", p,
                          get[("mean", "count_drop")],
                          why="unweighted mean of 70 and 75; weighted by respondents 71.2 %; "
                              "time-per-operation reading 69.4 % (weighted 70.9 %)"))
    p, loc = _text(figs, "e26")
    rows.append(check(SOURCE, loc, "formula (5) with T1 = 60, T2 = 5, %", p,
                      ef.time_saving_efficiency(60, 5, 100),
                      why="100 (1 - 5/60) = 91.67: truncated to 91 instead of rounded to 92"))
    arithmetic = {
        "e37": (38 + 12, "staff = respondents 38 + 12", ""),
        "e48": (10 * 10, "operations per day before, group of 38 (10 h x 10)", ""),
        "e49": (60 // 5, "5-minute slots in an hour", ""),
        "e50": (12 * 3, "services per hour after, group of 38 (12 x 3)", ""),
        "e51": (36 * 10, "services per day after, group of 38 (36 x 10)", ""),
        "e53": (10 * 12, "operations per day before, group of 12 (10 h x 12)",
                "the text multiplies 10 h by 36 (the after-rate) instead of by 12"),
        "e69": (360 + 360, "services per 10-hour day after, both groups", ""),
        "e70": ((10 + 12) * 10, "operations per 10-hour day before, both groups", ""),
        "e71": (720 - 220, "extra services per day", ""),
    }
    for fid, (value, quantity, why) in arithmetic.items():
        p, loc = _text(figs, fid)
        rows.append(check(SOURCE, loc, quantity, p, value, why=why))


def _figure4_chart() -> pd.DataFrame:
    """Figure 4's chart data as Appendix D prints them (two pies, 2021)."""
    charts = load("diss-appendix-d-charts-printed")
    return charts[charts["figure"] == 4]


def _appendix_d_figure4_rows(figs: pd.DataFrame) -> list[dict]:
    """Figure 4's chart data in Appendix D (lines 4637 and 4643) against the text that reads
    the figure (line 596) and Table 6, whose 2021 column the second pie plots."""
    pie = _figure4_chart().set_index("series")
    text_share = float(figs.loc[figs["id"] == "e43", "value"].iloc[0])
    k6 = load("karasai-eservices-printed").query("year == 2021").set_index("taxpayer")
    paper = pie.loc["paper"]
    rows = [
        check(SOURCE, f"Қосымша Д, line {int(paper['line'])}",
              "share of paper documents 2021, Appendix D chart data of Figure 4, vs the text "
              "(share of 1)", paper["printed"], text_share / 100, kind="consistency",
              why=f"the text reads {text_share:g} % off Figure 4 (line 596)"),
        check(SOURCE, f"Қосымша Д, line {int(pie.loc['electronic', 'line'])}",
              "share of electronic documents 2021, Appendix D chart data of Figure 4 (share of 1)",
              pie.loc["electronic", "printed"], 1 - float(paper["value"]), kind="arithmetic",
              why=f"the two shares of the pie add to 1: 1 - {paper['printed']}"),
    ]
    for taxpayer in ("legal_entities", "individuals", "individual_entrepreneurs"):
        r = pie.loc[taxpayer]
        rows.append(check(SOURCE, f"Қосымша Д, line {int(r['line'])}",
                          f"{taxpayer.replace('_', ' ')} using e-services 2021, Appendix D chart "
                          "data of Figure 4 vs Table 6", r["printed"],
                          float(k6.loc[taxpayer, "registered"]), kind="consistency"))
    return rows


#: the columns of Table 3 as Appendix D's OCR gives them, and their names in the audit
T3_COLUMNS = {"ict_costs_bn_tenge": "ICT costs", "innovative_products_mln_tenge":
              "volume of innovative products", "ict_exports_mln_usd": "ICT goods exports",
              "ict_imports_mln_usd": "ICT goods imports"}


def _t3_loc(r: pd.Series) -> str:
    """Where an OCR cell of Table 3 is, naming what the OCR reads (the inventory matches it)."""
    return f"Қосымша Д, Кесте 3 (OCR '{r['ocr']}'), line {int(r['line'])}"


def _k5() -> pd.DataFrame:
    return table5_years(load("ict-efficiency-printed"))


def _ocr() -> pd.DataFrame:
    return table3_ocr(load("diss-appendix-d-t3-ocr-printed"))


def _filled() -> pd.DataFrame:
    return table3_filled(_ocr(), _k5(), load("regression-appendix-data"))


def formula4_tolerance(t3: pd.DataFrame, k5: pd.DataFrame) -> pd.Series:
    """How far formula (4) on Table 3 may fall from Table 5's printed efficiency: half a unit
    of its third decimal, plus the effect of Table 3's own rounding (0.05 bn tenge for ICT and
    R&D costs, 0.05 mln for the other cells, trade at Table 5's rate).

    >>> round(float(formula4_tolerance(_ocr(), _k5())[2020]), 5)
    0.00058
    """
    parts = formula4_parts(t3, k5)
    rate = k5["usd_kzt_rate"]
    eff = parts["costs"] / parts["results"]
    d_costs = 2 * 50.0 + 0.05 * rate
    d_results = 0.05 + 0.05 * rate + 0.05
    return 0.0005 + eff * (d_costs / parts["costs"] + d_results / parts["results"])


def implied_cost_cell(year: int, column: str) -> tuple[float, float]:
    """The ICT costs or R&D costs (bn tenge) of ``year`` that formula (4) with Table 5's
    printed efficiency implies, the other cells taken from Table 3, and how far the rounding
    of the efficiency and of the other cells lets it move (bn tenge).

    >>> value, spread = implied_cost_cell(2013, "rd_costs_bn_tenge")
    >>> round(value, 1), round(spread, 2)
    (74.2, 0.4)
    """
    t3, k5 = _filled(), _k5()
    parts = formula4_parts(t3, k5)
    rate = float(k5.at[year, "usd_kzt_rate"])
    other = "rd_costs_bn_tenge" if column == "ict_costs_bn_tenge" else "ict_costs_bn_tenge"
    results = float(parts.at[year, "results"])
    printed = float(k5.at[year, "efficiency"])
    imports = float(t3.at[year, "ict_imports_mln_usd"]) * rate
    value = (printed * results - imports) / 1000 - float(t3.at[year, other])
    spread = (0.0005 * results + printed * (0.1 + 0.05 * rate) + 50 + 0.05 * rate) / 1000 + 0.05
    return value, spread


def _appendix_d_table3_cost_rows() -> list[dict]:
    """R&D costs (every readable year) and ICT costs of 2011 and 2012, which nothing else
    prints, against the value formula (4) and Table 5's efficiency imply."""
    t3 = load("diss-appendix-d-t3-ocr-printed").dropna(subset=["value"])
    cells = t3[(t3["column"] == "rd_costs_bn_tenge")
               | ((t3["column"] == "ict_costs_bn_tenge") & t3["year"].isin([2011, 2012]))]
    rows = []
    for _, r in cells.iterrows():
        year, col = int(r["year"]), str(r["column"])
        value, spread = implied_cost_cell(year, col)
        name = "R&D costs" if col == "rd_costs_bn_tenge" else "ICT costs"
        rows.append(check(SOURCE, _t3_loc(r),
                          f"{name} {year}, Table 3 (OCR of Appendix D) vs the value formula (4) "
                          "and Table 5's efficiency imply (bn tenge)", f"{float(r['value']):.1f}",
                          value, tolerance=spread, kind="method",
                          why=f"the rounding of the efficiency and of the other cells allows "
                              f"{value - spread:.1f} to {value + spread:.1f}"))
    return rows


def _appendix_d_table3_rows() -> list[dict]:
    """The OCR of Table 3's image in Appendix D (lines 4695-4712), cell by cell, against the
    same quantity printed elsewhere: ICT trade in USD against Table 5's tenge over its rate,
    ICT costs against Table 17, article 000 and the text of section 2.2 (line 2148), the
    volume of innovative products against Appendix V's X2."""
    t3 = load("diss-appendix-d-t3-ocr-printed").dropna(subset=["value"])
    k5 = (load("ict-efficiency-printed").dropna(subset=["year"]).astype({"year": int})
          .set_index("year"))
    wide = _ocr()
    eff = formula4_efficiency(wide, k5)
    costs = load("ict-costs-mentions")
    t17 = costs[costs["table"] == "Кесте 17"].set_index("year")["ict_costs_mln_tenge"]
    art = costs[costs["source_file"].str.startswith("000")].set_index("year")
    # line 2148: 2013-2020 total 2 484 856.4 and increase 2020 over 2013 of 168 080.8
    implied_2013 = float(t17[2020]) - 168080.8
    implied_2014 = (2484856.4 - implied_2013 - float(art.at[2015, "ict_costs_mln_tenge"])
                    - float(t17.loc[2016:2020].sum()))
    x2 = load("regression-appendix-data").query("variable == 'x2'").set_index("year")["value"]
    rows = []
    for _, r in t3[t3["column"].isin(T3_COLUMNS)].iterrows():
        year, col, value = int(r["year"]), str(r["column"]), float(r["value"])
        name, printed, kind, severity = T3_COLUMNS[col], f"{value:.1f}", "consistency", None
        if col in ("ict_exports_mln_usd", "ict_imports_mln_usd"):
            tenge = k5.at[year, col.replace("mln_usd", "mln_kzt")]
            rate = k5.at[year, "usd_kzt_rate"]
            other, unit = tenge / rate, "mln USD"
            quantity = f"{name} {year}, Table 3 (OCR of Appendix D) vs Table 5 over its rate"
            why = f"Table 5 prints {tenge:,.2f} mln tenge at {rate:.2f} tenge per USD"
        elif col == "ict_costs_bn_tenge":
            unit = "bn tenge"
            if year in t17.index:
                other, where = float(t17[year]) / 1000, "Table 17"
            elif year in (2010, 2015):
                other = float(art.at[year, "ict_costs_mln_tenge"]) / 1000
                where = "article 000 (line 60)"
            elif year == 2013:
                other, where = implied_2013 / 1000, "the text's increase 2020 over 2013 (line 2148)"
            elif year == 2014:
                other = implied_2014 / 1000
                where = "the text's 2013-2020 total less the other years (line 2148)"
            else:
                continue
            quantity = f"{name} {year}, Table 3 (OCR of Appendix D) vs {where}"
            why = f"{where} gives {other:,.2f} bn tenge"
        else:
            other, unit = float(x2[year]), "mln tenge"
            quantity = f"{name} {year}, Table 3 (OCR of Appendix D) vs Appendix V (X2)"
            why = f"Appendix V prints X2 = {other:,.1f}"
            if abs(other - value) > 0.15:
                swapped = wide.loc[year].copy()
                swapped["innovative_products_mln_tenge"] = other
                alt = float(formula4_efficiency(swapped.to_frame().T, k5.loc[[year]]).iloc[0])
                why += (f"; Table 5 prints the efficiency {k5.at[year, 'efficiency']:.3f}, "
                        f"formula (4) gives {eff[year]:.3f} with Table 3's value and {alt:.3f} "
                        "with Appendix V's: Appendix V's X2, a candidate regressor of section "
                        "2.4, is the one in error")
                severity = "medium"
            elif abs(other - value) > 0.01:
                why += "; differs in the last digit (the OCR may misread one)"
                severity = "low"
        rows.append(check(SOURCE, _t3_loc(r), f"{quantity} ({unit})", printed, other,
                          kind=kind, severity=severity, why=why))
    return rows


def _other_text(rows: list[dict], figs: pd.DataFrame) -> None:
    sums = {"e15": (1 + 1 + 5, "target indicators not met 2018-2020 (1 + 1 + 5)"),
            "e19": (3 + 4 + 10, "indicators not met 2018-2020 (3 + 4 + 10)"),
            "e66": (740 - 723, "reduction in public services (740 - 723)")}
    for fid, (value, quantity) in sums.items():
        p, loc = _text(figs, fid)
        rows.append(check(SOURCE, loc, quantity, p, value))
    p, loc = _text(figs, "e65")
    rows.append(check(SOURCE, loc, "share of public services provided electronically, % "
                      "(formula 6)", p, ef.e_service_share(580, 723)))
    variables = load("efficiency-variables-printed")
    p, loc = _text(figs, "e80")
    rows.append(check(SOURCE, loc, "indicators defined with symbols under Table 3", p,
                      len(variables),
                      why="Table 3 defines 6 symbols; step 1 (line 323) names a 7th indicator, "
                          "the average wage of ICT specialists, which has no symbol",
                      # the id of the first wording, which named the table «Кесте 3»
                      key="text.indicators-defined-with-symbols-under-keste-3"))


def audit() -> pd.DataFrame:
    """Every number of section 1.2 recomputed, or the reason it cannot be."""
    figs = load("efficiency-text-figures-printed")
    rows: list[dict] = []
    eff = _table5(rows)
    _text_table5(rows, figs, eff)
    _karasai(rows, figs)
    _edms(rows, figs)
    _other_text(rows, figs)
    rows += _appendix_d_figure4_rows(figs)
    rows += _appendix_d_table3_rows()
    rows += _appendix_d_table3_cost_rows()
    rows.append(check(SOURCE, "text, line 545", "public services used, vs the two groups "
                      "listed at line 551 (24 + 3 and 16 + 1)", "44", 24 + 3 + 16 + 1))
    for _, f in figs.iterrows():
        loc = f"text, line {int(f['line'])}"
        if f["id"] in INPUTS or f["id"] in _CHECKED:
            continue
        ref = f["cited_ref"] if isinstance(f["cited_ref"], str) and f["cited_ref"] else ""
        why = (f"cited from reference {ref}; the dissertation gives no data to recompute it"
               if ref else "stated without data or a series to recompute it")
        rows.append(cannot(SOURCE, loc, f["quantity"], f["printed"], why))
    return audit_frame(rows, chapter=CHAPTER)


_CHECKED = {
    "e01", "e02", "e03", "e04", "e05", "e06", "e07", "e08", "e09", "e10", "e11", "e12", "e13",
    "e15", "e19", "e26", "e27", "e28", "e29", "e34", "e35", "e37", "e43", "e44", "e45", "e46",
    "e48", "e49", "e50", "e51", "e52", "e53", "e54", "e55", "e65", "e66", "e68", "e69", "e70",
    "e71", "e78", "e79", "e80",
}
# e16-e18 and e20-e22 are the parts of the sums e15 and e19; e30-e33 the parts of e28, e29;
# They are the parts of checked sums, not results of their own.
_CHECKED |= {"e16", "e17", "e18", "e20", "e21", "e22", "e30", "e31", "e32", "e33"}
