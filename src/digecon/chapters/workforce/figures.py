"""The workforce chapter's figures: ``plot_*(..., lang) -> Figure``.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from digecon.fmt import format_number
from digecon.i18n import check_lang, place, t
from digecon.plots import PALETTE, hyphenate, wrap


def plot_need_vs_supply(figures: dict[str, float], lang: str) -> plt.Figure:
    """The two figures of the need for IT specialists beside the yearly output of graduates."""
    check_lang(lang)
    fig, ax = plt.subplots(figsize=(7.0, 3.2))
    labels = [
        f"{t('ict_specialists_need', lang).split(',')[0]}, 2013",
        f"{t('ict_specialists_need', lang).split(',')[0]}, 2021",
        t("ict_trained_per_year", lang),
    ]
    values = [
        figures["d2152_it_need_2013"],
        figures["d2152_it_need_2021"],
        figures["d3927_ict_graduates"] * 1000,
    ]
    colours = [PALETTE[1], PALETTE[1], PALETTE[0]]
    ax.barh([wrap(x, 34) for x in labels], values, color=colours)
    for y, v in enumerate(values):
        ax.text(v, y, f" {v:,.0f}".replace(",", " "), va="center", fontsize="small")
    ax.set_xlim(0, max(values) * 1.2)
    ax.invert_yaxis()
    ax.set_xlabel(t("persons_count", lang))
    fig.tight_layout()
    return fig


def plot_two_numbers(pairs: pd.DataFrame, lang: str) -> plt.Figure:
    """One small panel per quantity: the two numbers the sources give, side by side."""
    check_lang(lang)
    fig, axes = plt.subplots(1, len(pairs), figsize=(7.5, 3.3))
    for ax, (_, r) in zip(np.atleast_1d(axes), pairs.iterrows(), strict=True):
        names = []
        for lab in (r["first_label"], r["second_label"]):
            if isinstance(lab, str):
                names.append(t(lab, lang))
            else:
                names.append(t("text_line_n", lang).format(n=int(lab)))
        ax.bar([wrap(n, 14) for n in names], [r["first"], r["second"]], color=PALETTE[:2])
        for x, v in enumerate([r["first"], r["second"]]):
            ax.text(x, v, f"{v:.3g}", ha="center", va="bottom", fontsize="small")
        ax.set_ylim(0, max(r["first"], r["second"]) * 1.2)
        ax.set_title(wrap(t(r["quantity"], lang), 24), fontsize="small")
        ax.tick_params(axis="x", labelsize="x-small")
    fig.tight_layout()
    return fig


def plot_institutions(counts: pd.Series, lang: str) -> plt.Figure:
    """Horizontal bars: universities and TVET institutions (hatched where a lower bound)."""
    check_lang(lang)
    fig, ax = plt.subplots(figsize=(7.0, 3.2))
    lower = {"tvet_public", "tvet_private", "tvet_total"}
    names = [wrap(t(k, lang), 36) for k in counts.index]
    colours = [
        PALETTE[0] if k in ("universities_ict", "tvet_ict") else "#BBBBBB" for k in counts.index
    ]
    bars = ax.barh(names, counts.to_numpy(), color=colours)
    for bar, key in zip(bars, counts.index, strict=True):
        if key in lower:
            bar.set_hatch("//")
    ax.invert_yaxis()
    ax.set_xlabel(t("institutions_count", lang))
    fig.tight_layout()
    return fig


def plot_costs_by_industry(ind: pd.DataFrame, lang: str) -> plt.Figure:
    """The printed shares of ICT costs by industry (lines 3866-3875), largest first."""
    check_lang(lang)
    d = ind.sort_values("share_pct")
    d = pd.concat([d[d["industry"] == "other"], d[d["industry"] != "other"]])
    fig, ax = plt.subplots(figsize=(7.0, 3.8))
    names = [t(f"ind_{k}", lang) for k in d["industry"]]
    colours = ["#BBBBBB" if k == "other" else PALETTE[0] for k in d["industry"]]
    ax.barh(names, d["share_pct"], color=colours)
    for y, v in enumerate(d["share_pct"]):
        ax.text(v, y, f" {v:.1f}", va="center", fontsize="x-small")
    ax.set_xlabel(t("ict_costs_share_pct", lang))
    ax.tick_params(axis="y", labelsize="small")
    fig.tight_layout()
    return fig


def plot_monotowns(old: pd.Series, new: pd.Series, lang: str) -> plt.Figure:
    """Monotowns per oblast on the 14-oblast map of the article and on the 2022 map."""
    check_lang(lang)
    fig, axes = plt.subplots(1, 2, figsize=(8.0, 4.6), sharex=True)
    for ax, counts, key in [(axes[0], old, "borders_pre2022"), (axes[1], new, "borders_2022")]:
        names = [place(c, lang) for c in counts.index]
        colours = [PALETTE[1] if v == 0 else PALETTE[0] for v in counts]
        ax.barh(names, counts.to_numpy(), color=colours)
        for y, v in enumerate(counts):
            ax.text(v, y, f" {v}", va="center", fontsize="x-small")
        ax.invert_yaxis()
        ax.set_title(wrap(t(key, lang), 30), fontsize="small")
        ax.set_xlabel(t("number_of_monotowns", lang))
        ax.tick_params(axis="y", labelsize="x-small")
    fig.tight_layout()
    return fig


def plot_divide_tiles(
    tiles: pd.DataFrame, monotowns: pd.Series, index: pd.Series, lang: str
) -> plt.Figure:
    """Two tile maps of the 2022 regions, one above the other: monotowns per region and the
    digitalization index. Names and values keep at least 8.5 pt (11 CSS px on a phone): the
    tiles are wider than tall, and long names are hyphenated (:func:`digecon.plots.hyphenate`).
    """
    check_lang(lang)
    fig, axes = plt.subplots(2, 1, figsize=(9.0, 7.0))
    panels = [
        (axes[0], monotowns.reindex(tiles["code"]), "number_of_monotowns", "Oranges", 0),
        (axes[1], index.reindex(tiles["code"]), "digital_index_2023", "Blues", 3),
    ]  # fmt: skip
    for ax, values, key, cmap_name, decimals in panels:
        cmap = plt.get_cmap(cmap_name)
        vmin, vmax = float(np.nanmin(values)), float(np.nanmax(values))
        for (_, tile), v in zip(tiles.iterrows(), values, strict=True):
            x, y = tile["tile_col"], -tile["tile_row"]
            level = 0.1 if vmax == vmin or np.isnan(v) else 0.1 + 0.8 * (v - vmin) / (vmax - vmin)
            colour = "#EEEEEE" if np.isnan(v) else cmap(level)
            ax.add_patch(plt.Rectangle((x, y), 0.95, 0.95, color=colour))
            name = place(tile["code"], lang).replace(" облысы", "").replace(" қаласы", "")
            name = name.replace(" Region", "").replace(" область", "").replace("область ", "")
            text_colour = "white" if level > 0.6 else "black"
            ax.text(x + 0.475, y + 0.64, hyphenate(name, 13), ha="center", va="center",
                    fontsize=8.5, linespacing=0.95, color=text_colour)  # fmt: skip
            if not np.isnan(v):
                ax.text(x + 0.475, y + 0.18, format_number(v, decimals, lang), ha="center",
                        va="center", fontsize=9.5, weight="bold", color=text_colour)  # fmt: skip
        ax.set_xlim(-0.05, 7.0)
        ax.set_ylim(-4.05, 1.0)
        ax.axis("off")
        ax.set_title(t(key, lang), fontsize="medium")
    fig.tight_layout()
    return fig


def plot_survey(ratings: pd.Series, reasons: pd.Series, lang: str) -> plt.Figure:
    """Two stacked 100 % bars: the 1-5 ratings and the reasons for leaving the public sector."""
    check_lang(lang)
    fig, axes = plt.subplots(2, 1, figsize=(8.5, 3.4))
    rating_names = [t("score_n", lang).format(n=k) if k != "rest" else t("score_rest", lang)
                    for k in ratings.index]  # fmt: skip
    reason_names = [t(f"reason_{k}", lang) for k in reasons.index]
    colours = [PALETTE[5], PALETTE[0], PALETTE[2], "#CCCCCC"]
    for ax, values, names, key in [
        (axes[0], ratings, rating_names, "survey_rating"),
        (axes[1], reasons, reason_names, "survey_reasons"),
    ]:
        left = 0.0
        for v, name, colour in zip(values, names, colours, strict=False):
            ax.barh([0], [v], left=left, color=colour, label=f"{name}")
            if v >= 6:
                ax.text(left + v / 2, 0, f"{v:.1f}", ha="center", va="center", fontsize="small")
            left += v
        ax.set_xlim(0, 100)
        ax.set_yticks([])
        ax.set_title(t(key, lang), fontsize="small", loc="left")
        ax.legend(fontsize="x-small", loc="center left", bbox_to_anchor=(1.01, 0.5))
    axes[1].set_xlabel(t("respondents_pct", lang))
    axes[0].set_xticklabels([])
    fig.tight_layout()
    return fig
