"""The efficiency chapter's figures: ``plot_*(..., lang) -> Figure``.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from digecon.chapters.efficiency.analysis import table5, yearly_efficiency
from digecon.i18n import check_lang, t
from digecon.methods import efficiency as ef
from digecon.plots import PALETTE, legend_below, wrap

PROGRAMME_YEAR = 2017  # "Цифрлық Қазақстан" adopted in December 2017 (Кесте 5 splits here)


def _programme_line(ax, lang: str) -> None:
    ax.axvline(PROGRAMME_YEAR - 0.5, color="#777777", ls=":", lw=1.2)
    ax.annotate(
        wrap(t("programme_start", lang), 18),
        xy=(PROGRAMME_YEAR - 0.4, 0.97),
        xycoords=("data", "axes fraction"),
        fontsize="x-small",
        va="top",
        color="#555555",
    )


def _year_ticks(ax, years) -> None:
    years = sorted(int(y) for y in years)
    ax.set_xticks([y for y in years if y % 2 == 0])


def plot_readings(k5: pd.DataFrame, lang: str) -> plt.Figure:
    """Кесте 5's printed efficiencies judged under the two readings of the ratio.

    Both panels show the same printed numbers. Left: read as costs per unit of result, the
    way the text reads them (below 1 is effective). Right: read as result over costs, what
    formula (3) defines (above 1 is effective). Every year's verdict flips between the panels.
    """
    check_lang(lang)
    eff = yearly_efficiency(k5)
    fig, axes = plt.subplots(1, 2, figsize=(8.6, 3.8), sharey=True)
    for ax, key in ((axes[0], "reading_input_output"), (axes[1], "reading_output_input")):
        good = eff < 1 if key == "reading_input_output" else eff > 1
        ax.plot(eff.index, eff.to_numpy(), color="#888888", lw=1.2, zorder=2)
        ax.scatter(
            eff.index[good],
            eff[good],
            color=PALETTE[2],
            s=36,
            zorder=3,
            label=t("efficiency_effective", lang),
        )
        ax.scatter(
            eff.index[~good],
            eff[~good],
            color=PALETTE[1],
            marker="s",
            s=30,
            zorder=3,
            label=t("efficiency_not_effective", lang),
        )
        ax.axhline(1.0, color="black", lw=0.8, ls="--", label=t("efficiency_threshold", lang))
        _programme_line(ax, lang)
        _year_ticks(ax, eff.index)
        ax.set_title(t(key, lang), fontsize="medium")
        ax.set_xlabel(t("year", lang))
    axes[0].set_ylabel(t("ict_efficiency_ratio", lang))
    legend_below(fig, axes[0], ncol=3, bottom=0.08)
    return fig


def plot_growth(k5: pd.DataFrame, lang: str) -> plt.Figure:
    """Growth rate of the efficiency each year: recomputed (bars) and printed (dots)."""
    check_lang(lang)
    tab = table5(k5).dropna(subset=["recomputed"])
    fig, ax = plt.subplots(figsize=(7.0, 3.6))
    colours = [PALETTE[2] if v < 0 else PALETTE[1] for v in tab["recomputed"]]
    ax.bar(tab["year"], tab["recomputed"], color=colours, alpha=0.75, label=t("recomputed", lang))
    ax.scatter(
        tab["year"],
        tab["efficiency_growth_pct"],
        color="black",
        s=14,
        zorder=3,
        label=t("printed", lang),
    )
    ax.axhline(0, color="black", lw=0.6)
    _programme_line(ax, lang)
    ax.set_xticks(list(tab["year"]))
    ax.tick_params(axis="x", labelsize="small")
    ax.set_xlabel(t("year", lang))
    ax.set_ylabel(wrap(t("efficiency_growth_pct", lang), 28))
    ax.legend(fontsize="small", loc="upper left")
    fig.tight_layout()
    return fig


def plot_sensitivity(k5: pd.DataFrame, shift_pct: float, lang: str) -> plt.Figure:
    """How far one input must move to flip each year's verdict (the break-even change).

    Bars give :func:`digecon.methods.efficiency.sensitivity`'s ``break_even_pct`` for the cost
    (left) and the result (right); the shaded band is the tested range ``±shift_pct``. A bar
    that ends inside the band belongs to a year whose verdict flips within that range.
    """
    check_lang(lang)
    if shift_pct <= 0:
        raise ValueError(f"shift_pct must be a positive percentage; got {shift_pct}")
    eff = yearly_efficiency(k5)
    grid = ef.sensitivity(eff, shifts_pct=[-shift_pct, shift_pct], reading="input/output")
    fig, axes = plt.subplots(1, 2, figsize=(8.6, 4.2), sharey=True)
    for ax, inp, key in ((axes[0], "cost", "input_cost"), (axes[1], "result", "input_result")):
        part = grid[grid["input"] == inp].drop_duplicates("unit")
        be = part.set_index("unit")["break_even_pct"]
        flips = be.abs() <= shift_pct
        ax.axvspan(-shift_pct, shift_pct, color="#DDDDDD", label=t("tested_shift", lang))
        ax.barh(be.index[flips], be[flips], color=PALETTE[1], label=t("verdict_flips", lang))
        ax.barh(be.index[~flips], be[~flips], color=PALETTE[5], label=t("verdict_holds", lang))
        ax.axvline(0, color="black", lw=0.6)
        ax.set_title(t(key, lang), fontsize="medium")
        ax.set_xlabel(wrap(t("break_even_pct", lang), 40))
        ax.set_yticks(list(be.index))
        ax.invert_yaxis()
    axes[0].set_ylabel(t("year", lang))
    legend_below(fig, axes[0], ncol=3, bottom=0.07)
    return fig


def plot_karasai(k6: pd.DataFrame, lang: str) -> plt.Figure:
    """Кесте 6: taxpayers registered for e-services each year, by kind (log scale)."""
    check_lang(lang)
    wide = k6.pivot(index="year", columns="taxpayer", values="registered").sort_index()
    fig, ax = plt.subplots(figsize=(7.0, 3.6))
    for colour, name in zip(
        PALETTE, ("individuals", "individual_entrepreneurs", "legal_entities"), strict=False
    ):
        ax.plot(wide.index, wide[name], marker="o", color=colour, label=t(f"taxpayer_{name}", lang))
    ax.set_yscale("log")
    ax.set_xticks(list(wide.index))
    ax.set_xlabel(t("year", lang))
    ax.set_ylabel(wrap(t("registered_taxpayers", lang), 26))
    fig.legend(loc="lower center", ncol=3, fontsize="small")
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    return fig


def plot_edms(survey: pd.DataFrame, lang: str) -> plt.Figure:
    """Кесте 7: EDMS efficiency of each group and the two means, under both readings."""
    check_lang(lang)
    res = ef.survey_efficiency(survey)
    order = [
        ("group_38", "edms_group_38"),
        ("group_12", "edms_group_12"),
        ("mean", "mean_unweighted"),
        ("weighted_mean", "mean_weighted"),
    ]
    readings = [
        ("count_drop", "reading_count_drop"),
        ("time_per_operation", "reading_time_per_operation"),
    ]
    x = np.arange(len(order))
    width = 0.38
    fig, ax = plt.subplots(figsize=(7.0, 3.6))
    for i, (reading, key) in enumerate(readings):
        part = res[res["reading"] == reading].set_index("group")["efficiency_pct"]
        vals = [part[g] for g, _ in order]
        bars = ax.bar(x + (i - 0.5) * width, vals, width, color=PALETTE[i], label=t(key, lang))
        ax.bar_label(bars, fmt="%.1f", fontsize="x-small", padding=1)
    ax.set_xticks(x, [wrap(t(k, lang), 16) for _, k in order], fontsize="small")
    ax.set_ylim(0, 100)
    ax.set_ylabel(t("edms_efficiency_pct", lang))
    fig.legend(loc="lower center", ncol=2, fontsize="small")
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    return fig
