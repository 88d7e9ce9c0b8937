"""Economic efficiency of digitalisation: the stepwise method of dissertation section 1.2.

The dissertation (seed ``001``, section 1.2, Сурет 3) builds its method in five steps:

1. gather the indicators of the ICT sector (Кесте 3: ICT costs, ICT products and services,
   R&D costs, innovative output, ICT exports and imports);
2. compute the economic efficiency, effect over costs (formulas 1-4, :func:`efficiency_ratio`),
   its year-on-year growth rate, "тиімділік қарқыны" (the per cent change,
   :func:`digecon.methods.growth.percent_change`; for a series
   :func:`digecon.methods.growth.growth_rate`), the efficiency of a whole period
   (:func:`period_efficiency`) and the comparative efficiency of capital investment
   (:func:`relative_efficiency_coefficient`, :func:`payback_period`);
3. compute the time-saving efficiency of an electronic document management system (EDMS),
   formula 5 (:func:`time_saving_efficiency`, :func:`survey_efficiency`) and the share of
   public services delivered electronically, formula 6 (:func:`e_service_share`);
4. illustrate the economic and social effects (a diagram, no formula);
5. rank Kazakhstan by digitalisation indices within the EAEU (section 2.2, another module).

Where the printed results depend on how a ratio is read, both readings are implemented and
the docstring says which one the formula defines. :func:`sensitivity` shows how far an input
has to move before the verdict "effective / not effective" flips.

>>> round(efficiency_ratio(120.0, 100.0), 2)
1.2
>>> verdict(1.2), verdict(1.2, reading="input/output")
('effective', 'not effective')
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import product
from typing import Literal

import numpy as np
import pandas as pd

from digecon.methods._checks import as_array, check_choice, fail

__all__ = [
    "READINGS",
    "both_readings",
    "e_service_share",
    "efficiency_ratio",
    "payback_period",
    "period_efficiency",
    "relative_efficiency_coefficient",
    "sensitivity",
    "survey_efficiency",
    "time_saving_efficiency",
    "verdict",
]

Reading = Literal["output/input", "input/output"]
READINGS: tuple[str, str] = ("output/input", "input/output")


def _check_reading(reading: str, func: str = "efficiency_ratio") -> None:
    check_choice(reading, READINGS, func, "reading")


def _as_array(values: object, name: str, func: str = "efficiency") -> np.ndarray:
    return as_array(values, func, name)


def _scalar_or_array(arr: np.ndarray) -> float | np.ndarray:
    return float(arr) if arr.ndim == 0 else arr


def efficiency_ratio(
    result: float | Sequence[float] | np.ndarray | pd.Series,
    cost: float | Sequence[float] | np.ndarray | pd.Series,
    reading: Reading = "output/input",
) -> float | np.ndarray:
    r"""Economic efficiency, formulas (1)-(3) of section 1.2.

    The formula the dissertation defines (lines 288, 292 and 355-360) is effect over costs,

    .. math:: \mathit{ЭТ} = \frac{\mathit{ЭӘ}}{\mathit{Ш}}, \qquad
              E = \frac{R}{TC},

    ``reading="output/input"``: above 1 the effect exceeds the costs. The numbers printed
    in Кесте 5 behave as the inverse, costs per unit of result (``reading="input/output"``,
    :math:`TC/R`): the text calls 2,776 the worst value and 0,739 the best, and reads 2,226 as
    "costs exceed income 2.2 times".

    Parameters
    ----------
    result, cost : float or array-like
        The effect (result) and the costs.
    reading : {"output/input", "input/output"}
        Result over costs (the defined formula) or costs over result (how Кесте 5 reads).

    Returns
    -------
    float or numpy.ndarray
        The efficiency: a float for two numbers, else an array.

    Examples
    --------
    >>> efficiency_ratio(100.0, 80.0)
    1.25
    >>> efficiency_ratio([100.0, 50.0], [80.0, 100.0], reading="input/output").tolist()
    [0.8, 2.0]
    """
    _check_reading(reading, "efficiency_ratio")
    r = _as_array(result, "result", "efficiency_ratio")
    c = _as_array(cost, "cost", "efficiency_ratio")
    if r.shape != c.shape:
        fail("efficiency_ratio", "cost", f"has shape {c.shape}",
             f"expected {r.shape} like 'result'")
    num, den, den_name = (r, c, "cost") if reading == "output/input" else (c, r, "result")
    if (den <= 0).any():
        fail("efficiency_ratio", den_name, f"has the value {float(den.min())}",
             "expected positive values (it is the divisor)")
    return _scalar_or_array(num / den)


def both_readings(printed: pd.Series, threshold: float = 1.0) -> pd.DataFrame:
    r"""The printed efficiencies of Кесте 5 under the two readings of the ratio.

    ``printed`` is indexed by year. Returns columns

    * ``printed``: the number as printed;
    * ``verdict_formula_3``: the verdict when the printed number is what formula (3) defines,
      result over costs :math:`R/TC` (above ``threshold`` is effective; the section says so
      itself, lines 369-370: below 1 the effect is smaller than the costs);
    * ``verdict_text``: the verdict when the number is costs over result :math:`TC/R`, the
      way the text reads Кесте 5 (2,776 "worst", 0,739 "best");
    * ``inverse``: :math:`1/x`, the value formula (3) would give if the text's reading is
      right;
    * ``readings_agree``: whether the two verdicts coincide (they never do away from 1).

    Parameters
    ----------
    printed : pandas.Series
        The printed efficiencies, indexed by year.
    threshold : float
        The efficiency at which effect and costs are equal.

    Returns
    -------
    pandas.DataFrame
        ``year``, ``printed``, ``verdict_formula_3``, ``verdict_text``, ``inverse`` and
        ``readings_agree``, one row per year.

    Examples
    --------
    >>> both_readings(pd.Series([2.0, 0.8], index=[2010, 2020]))["verdict_formula_3"].tolist()
    ['effective', 'not effective']
    """
    if not isinstance(printed, pd.Series):
        fail("both_readings", "printed", f"is a {type(printed).__name__}",
             "expected a pandas Series indexed by year")
    values = _as_array(printed.to_numpy(), "printed", "both_readings")
    if (values <= 0).any():
        fail("both_readings", "printed", "holds a value of 0 or less", "expected positive ratios")
    out = pd.DataFrame(
        {
            "year": printed.index.to_numpy(),
            "printed": values,
            "verdict_formula_3": [verdict(v, "output/input", threshold) for v in values],
            "verdict_text": [verdict(v, "input/output", threshold) for v in values],
            "inverse": 1.0 / values,
        }
    )
    out["readings_agree"] = out["verdict_formula_3"] == out["verdict_text"]
    return out


def verdict(
    efficiency: float, reading: Reading = "output/input", threshold: float = 1.0
) -> str:
    """'effective' when the effect covers the costs, else 'not effective'.

    Under ``output/input`` (the defined formula) efficiency above ``threshold`` is effective;
    under ``input/output`` (how Кесте 5 is read in the text) efficiency below it is.

    Parameters
    ----------
    efficiency : float
        An efficiency value.
    reading : {"output/input", "input/output"}
        How the value is read.
    threshold : float
        The efficiency at which effect and costs are equal.

    Returns
    -------
    str
        ``"effective"`` or ``"not effective"``.

    Examples
    --------
    >>> verdict(0.739, reading="input/output")
    'effective'
    """
    _check_reading(reading, "verdict")
    if not np.isfinite(efficiency):
        fail("verdict", "efficiency", f"is {efficiency!r}", "expected a finite number")
    good = efficiency > threshold if reading == "output/input" else efficiency < threshold
    return "effective" if good else "not effective"


def period_efficiency(
    results: Sequence[float] | np.ndarray | pd.Series,
    costs: Sequence[float] | np.ndarray | pd.Series,
    reading: Reading = "output/input",
    how: Literal["pooled", "mean"] = "pooled",
) -> float:
    r"""Efficiency of a whole period (lines 502-511).

    The dissertation defines it pooled, the sum of results over the sum of costs of the
    years :math:`i` of the period,

    .. math:: E_{period} = \frac{\sum_i R_i}{\sum_i TC_i},

    (``how="pooled"``); ``how="mean"`` gives the arithmetic mean of the yearly ratios,
    which is not the same thing.

    Parameters
    ----------
    results, costs : array-like
        The results and the costs of the years of the period.
    reading : {"output/input", "input/output"}
        Result over costs, or costs over result.
    how : {"pooled", "mean"}
        Ratio of the sums (the definition) or mean of the yearly ratios.

    Returns
    -------
    float
        The efficiency of the period.

    Examples
    --------
    >>> period_efficiency([100.0, 300.0], [100.0, 100.0])
    2.0
    >>> period_efficiency([100.0, 300.0], [50.0, 300.0], how="mean")
    1.5
    """
    r = _as_array(results, "results", "period_efficiency")
    c = _as_array(costs, "costs", "period_efficiency")
    if r.shape != c.shape or r.ndim != 1 or r.size == 0:
        fail("period_efficiency", "costs", f"has shape {c.shape} beside results {r.shape}",
             "expected two equal-length, non-empty lists")
    if how == "pooled":
        return float(efficiency_ratio(r.sum(), c.sum(), reading))
    if how == "mean":
        return float(np.mean(efficiency_ratio(r, c, reading)))
    fail("period_efficiency", "how", f"is {how!r}", "expected 'pooled' or 'mean'")


def relative_efficiency_coefficient(
    cost_before: float, cost_after: float, capital_before: float, capital_after: float
) -> float:
    r"""Comparative (relative) economic-efficiency coefficient of capital investment.

    Step 2 (lines 350 and 354) asks for "күрделі салымдардың салыстырмалы экономикалық
    тиімділік коэффициенті" without printing it; this is the standard textbook formula it
    names (коэффициент сравнительной экономической эффективности капитальных вложений):
    the running-cost saving bought by each unit of additional capital,

    .. math:: E_c = \frac{C_1 - C_2}{K_2 - K_1},

    with :math:`C` the annual running costs and :math:`K` the capital investment of the
    variant without (1) and with (2) the digital technology. The variant with more capital is
    preferred when :math:`E_c` exceeds the normative coefficient :math:`E_n`.

    Parameters
    ----------
    cost_before, cost_after : float
        Annual running costs without (C1) and with (C2) the technology.
    capital_before, capital_after : float
        Capital investment without (K1) and with (K2) it.

    Returns
    -------
    float
        The coefficient :math:`E_c`.

    Examples
    --------
    >>> relative_efficiency_coefficient(500.0, 400.0, 1000.0, 1500.0)
    0.2
    """
    extra_capital = capital_after - capital_before
    if extra_capital == 0:
        fail("relative_efficiency_coefficient", "capital_after", "equals capital_before",
             "the coefficient needs extra capital")
    return (cost_before - cost_after) / extra_capital


def payback_period(
    cost_before: float, cost_after: float, capital_before: float, capital_after: float
) -> float:
    r"""Payback period of the additional capital, :math:`T = (K_2-K_1)/(C_1-C_2) = 1/E_c`.

    Parameters
    ----------
    cost_before, cost_after : float
        Annual running costs without (C1) and with (C2) the technology.
    capital_before, capital_after : float
        Capital investment without (K1) and with (K2) it.

    Returns
    -------
    float
        The years the saving takes to repay the additional capital.

    Examples
    --------
    >>> payback_period(500.0, 400.0, 1000.0, 1500.0)
    5.0
    """
    saving = cost_before - cost_after
    if saving == 0:
        fail("payback_period", "cost_after", "equals cost_before",
             "a payback needs a saving (otherwise it is infinite)")
    return (capital_after - capital_before) / saving


def time_saving_efficiency(
    t_before: float,
    t_after: float,
    n: float = 1.0,
    reading: Literal["intended", "as_printed"] = "intended",
) -> float:
    r"""Economic efficiency of automation from the time an operation takes, formula (5).

    The formula is printed (line 538) as ``E = 100 * (T1 * N - T2 * N / T1 * N)``. Its intended
    reading, the share of working time saved, is

    .. math:: E = 100\,\frac{T_1 N - T_2 N}{T_1 N} = 100\left(1 - \frac{T_2}{T_1}\right),

    where the number of operations :math:`N` cancels (``reading="intended"``). Read with the
    usual operator precedence, the printed line is :math:`100\,(T_1N - T_2N^2/T_1)`
    (``reading="as_printed"``), which is not a percentage. Line 540 gives 91 % for
    :math:`T_1 = 60`, :math:`T_2 = 5` (the intended reading gives 91.67).

    Parameters
    ----------
    t_before, t_after : float
        Minutes an operation takes before (T1) and after (T2) automation.
    n : float
        The number of operations (N).
    reading : {"intended", "as_printed"}
        The formula as meant, or as printed.

    Returns
    -------
    float
        The efficiency (a percentage under the intended reading).

    Examples
    --------
    >>> round(time_saving_efficiency(60, 5, 100), 2)
    91.67
    >>> round(time_saving_efficiency(60, 5, 100, reading="as_printed"), 1)
    516666.7
    """
    if t_before <= 0 or t_after < 0 or n <= 0:
        fail("time_saving_efficiency", "t_before, t_after, n",
             f"are {t_before}, {t_after}, {n}", "expected positive times and N")
    if reading == "intended":
        return 100.0 * (t_before * n - t_after * n) / (t_before * n)
    if reading == "as_printed":
        return 100.0 * (t_before * n - t_after * n / t_before * n)
    fail("time_saving_efficiency", "reading", f"is {reading!r}",
         "expected 'intended' or 'as_printed'")


def survey_efficiency(survey: pd.DataFrame) -> pd.DataFrame:
    r"""EDMS efficiency of each respondent group of Кесте 7, under two readings.

    ``survey`` has columns ``group, respondents, operations_before, minutes_before,
    operations_after, minutes_after`` (one row per group; a ``total`` row is ignored).

    * ``count_drop`` is the author's computation (lines 629-633): the drop in the number of
      operations, :math:`100\,(n_1 - n_2)/n_1`, with :math:`n_1` operations counted in
      :math:`T_1` minutes and :math:`n_2` in :math:`T_2` minutes (10 -> 3 gives 70 %).
    * ``time_per_operation`` is formula (5) applied per operation, the time saved on one
      operation: :math:`100\,(1 - (T_2/n_2)/(T_1/n_1))`.

    Returns one row per group and reading plus two summary rows per reading: the unweighted
    mean over groups (what line 634 prints) and the mean weighted by respondents.

    Parameters
    ----------
    survey : pandas.DataFrame
        Кесте 7: ``group, respondents, operations_before, minutes_before, operations_after,
        minutes_after``.

    Returns
    -------
    pandas.DataFrame
        ``group``, ``respondents``, ``reading``, ``efficiency_pct``, one row per group and
        reading, plus the summary rows.

    Examples
    --------
    >>> s = pd.DataFrame({"group": ["a"], "respondents": [1], "operations_before": [10],
    ...                   "minutes_before": [60], "operations_after": [3], "minutes_after": [5]})
    >>> survey_efficiency(s).query("group == 'a'")["efficiency_pct"].round(2).tolist()
    [70.0, 72.22]
    """
    need = ["group", "respondents", "operations_before", "minutes_before",
            "operations_after", "minutes_after"]
    missing = [c for c in need if c not in survey.columns]
    if missing:
        fail("survey_efficiency", "survey", f"has no column(s) {missing}", f"expected {need}")
    rows = survey[survey["group"] != "total"]
    if rows.empty:
        fail("survey_efficiency", "survey", "has no respondent groups (only a total row)",
             "expected one row per group")
    out = []
    for _, g in rows.iterrows():
        n1, t1 = float(g["operations_before"]), float(g["minutes_before"])
        n2, t2 = float(g["operations_after"]), float(g["minutes_after"])
        if min(n1, t1, n2, t2) <= 0:
            fail("survey_efficiency", "survey",
                 f"group {g['group']!r} has a count or time of 0 or less",
                 "expected positive operations and minutes")
        out.append((g["group"], float(g["respondents"]), "count_drop", 100.0 * (n1 - n2) / n1))
        out.append((g["group"], float(g["respondents"]), "time_per_operation",
                    100.0 * (1.0 - (t2 / n2) / (t1 / n1))))
    frame = pd.DataFrame(out, columns=["group", "respondents", "reading", "efficiency_pct"])
    summary = []
    for reading, part in frame.groupby("reading", sort=False):
        summary.append(("mean", part["respondents"].sum(), reading, part["efficiency_pct"].mean()))
        weighted = np.average(part["efficiency_pct"], weights=part["respondents"])
        summary.append(("weighted_mean", part["respondents"].sum(), reading, float(weighted)))
    return pd.concat([frame, pd.DataFrame(summary, columns=frame.columns)], ignore_index=True)


def e_service_share(electronic: float, total: float) -> float:
    r"""Share of public services delivered electronically, formula (6): :math:`A = B/C\cdot 100`.

    Line 645: 580 of 723 services is 80.2 %.

    Parameters
    ----------
    electronic : float
        Services delivered electronically (B).
    total : float
        All public services (C).

    Returns
    -------
    float
        The share, in per cent.

    Examples
    --------
    >>> round(e_service_share(580, 723), 1)
    80.2
    """
    if total <= 0:
        fail("e_service_share", "total", f"is {total}", "expected a positive number of services")
    if electronic < 0 or electronic > total:
        fail("e_service_share", "electronic", f"is {electronic}",
             f"expected a number from 0 to the total ({total})")
    return 100.0 * electronic / total


def sensitivity(
    efficiency: pd.Series,
    shifts_pct: Sequence[float] = (-10.0, -5.0, 5.0, 10.0),
    reading: Reading = "input/output",
    threshold: float = 1.0,
) -> pd.DataFrame:
    r"""How the efficiency verdict moves when the result or the cost moves by :math:`\pm x\%`.

    ``efficiency`` holds printed efficiency values (index: year or unit). Efficiency is a
    ratio, so moving the numerator by :math:`x\%` multiplies it by :math:`1+x/100` and moving
    the denominator divides it by that. Under ``input/output`` (Кесте 5) cost is the
    numerator; under ``output/input`` the result is.

    Returns a tidy grid with columns ``unit, input, shift_pct, efficiency, shifted,
    verdict, shifted_verdict, flips`` and, per unit and input, ``break_even_pct``, the move
    of that input alone that brings the efficiency exactly to ``threshold``.

    Parameters
    ----------
    efficiency : pandas.Series
        The printed efficiencies (index: year or unit).
    shifts_pct : sequence of float
        The moves of each input, in per cent.
    reading : {"input/output", "output/input"}
        Which input is the numerator (cost under ``input/output``).
    threshold : float
        The efficiency at which the verdict changes.

    Returns
    -------
    pandas.DataFrame
        ``unit, input, shift_pct, efficiency, shifted, verdict, shifted_verdict, flips`` and
        ``break_even_pct``, one row per unit, input and shift.

    Examples
    --------
    >>> g = sensitivity(pd.Series([1.09], index=[2018]), shifts_pct=[-10])
    >>> g[["input", "shifted", "shifted_verdict", "flips"]].round(3).values.tolist()
    [['cost', 0.981, 'effective', True], ['result', 1.211, 'not effective', False]]
    """
    _check_reading(reading, "sensitivity")
    if not isinstance(efficiency, pd.Series):
        fail("sensitivity", "efficiency", f"is a {type(efficiency).__name__}",
             "expected a pandas Series")
    values = _as_array(efficiency.to_numpy(), "efficiency", "sensitivity")
    if (values <= 0).any():
        fail("sensitivity", "efficiency", "holds a value of 0 or less", "expected positive ratios")
    shifts = [float(s) for s in shifts_pct]
    if any(s <= -100 for s in shifts):
        fail("sensitivity", "shifts_pct", f"is {shifts}", "expected shifts above -100 %")
    numerator = "cost" if reading == "input/output" else "result"
    rows = []
    for (unit, value), inp, s in product(zip(efficiency.index, values, strict=True),
                                         ("cost", "result"), shifts):
        factor = 1.0 + s / 100.0
        shifted = value * factor if inp == numerator else value / factor
        be = threshold / value if inp == numerator else value / threshold
        rows.append({
            "unit": unit, "input": inp, "shift_pct": s, "efficiency": value,
            "shifted": shifted, "verdict": verdict(value, reading, threshold),
            "shifted_verdict": verdict(shifted, reading, threshold),
            "break_even_pct": 100.0 * (be - 1.0),
        })
    grid = pd.DataFrame(rows)
    grid["flips"] = grid["verdict"] != grid["shifted_verdict"]
    return grid[["unit", "input", "shift_pct", "efficiency", "shifted", "verdict",
                 "shifted_verdict", "flips", "break_even_pct"]]
