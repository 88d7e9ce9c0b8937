"""The concepts chapter's figures: ``plot_*(..., lang) -> Figure``.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from digecon.chapters.concepts.analysis import (
    APPROACH_END,
    GROUP_ORDER,
    MAP_NODES,
    PRESENT,
    SGP_LABELS,
    country_name,
    map_layout,
    russia_gdp_shares,
    short,
    wrap,
)
from digecon.i18n import check_lang, place, t
from digecon.plots import PALETTE, legend_below

#: the four industrial revolutions: vocabulary key, start, end. The dissertation dates the
#: third 1969-2010 (line 125) and names the steam engine, electrification and Industry 4.0
#: (lines 227-243, Сурет 1 is an image); the other years are the usual dating (1784: the
#: first mechanical loom; 1870: the first assembly line; 2011: "Industrie 4.0", Hannover).
REVOLUTIONS = (
    ("revolution_1", 1784, 1870),
    ("revolution_2", 1870, 1969),
    ("revolution_3", 1969, 2010),
    ("revolution_4", 2011, PRESENT),
)


MAP_EDGES = (
    ("digital_economy", "digitization"), ("digital_economy", "digitalization"),
    ("digital_economy", "digital_transformation"), ("digital_economy", "industry_4_0"),
    ("digital_economy", "digital_platform"), ("digitization", "digitalization"),
    ("digitalization", "digital_transformation"),
    ("industry_4_0", "internet_of_things"), ("industry_4_0", "artificial_intelligence"),
    ("industry_4_0", "big_data"), ("digital_platform", "big_data"),
    ("digital_platform", "cloud_computing"), ("digital_platform", "blockchain"),
    ("big_data", "e_government"), ("cloud_computing", "e_government"),
    ("cloud_computing", "e_commerce"), ("cloud_computing", "cybersecurity"),
    ("blockchain", "cybersecurity"),
)


RING_KEYS = {1: "map_concepts", 2: "map_technologies", 3: "map_applications"}


INDICATORS_SGP = ("population", "internet_users", "mobile_connections", "social_media_users")


INDICATORS_RUS = ("households_internet", "daily_internet_users", "egov_users", "ict_rd_share")


SECTORS = ("private", "higher_education", "government", "public_research_institutes")


def plot_evolution(k1: pd.DataFrame, lang: str) -> plt.Figure:
    """Timeline of the six approaches to the digital economy of Кесте 1."""
    check_lang(lang)
    rows = k1.sort_values(["period_start", "row"]).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(7.6, 3.4))
    for i, r in rows.iterrows():
        start, end = int(r["period_start"]), APPROACH_END[int(r["row"])]
        ax.barh(i, end - start + 1, left=start, color=PALETTE[i % len(PALETTE)], alpha=0.35)
        ax.text(start + 0.3, i, r[f"approach_{lang}"], va="center", fontsize="small")
    ax.set_yticks([])
    ax.invert_yaxis()
    ax.set_xlim(1989, PRESENT + 9)
    ax.set_xlabel(t("period_start_year", lang))
    ax.set_title(t("approach", lang), fontsize="medium")
    fig.tight_layout()
    return fig


def plot_revolutions(lang: str) -> plt.Figure:
    """Timeline of the four industrial revolutions, labels from the vocabulary."""
    check_lang(lang)
    fig, ax = plt.subplots(figsize=(7.6, 2.6))
    for i, (key, start, end) in enumerate(REVOLUTIONS):
        ax.barh(0, end - start, left=start, color=PALETTE[i], height=0.5)
        y = 0.45 if i % 2 == 0 else -0.45
        ax.annotate(
            wrap(t(key, lang), 24),
            xy=((start + end) / 2, 0),
            xytext=(start, y),
            fontsize="small",
            va="center",
            ha="left",
            arrowprops={"arrowstyle": "-", "color": "#999999", "lw": 0.8},
        )
        ax.text(start, -0.02, str(start), fontsize="x-small", ha="left", va="center", color="white")
    ax.set_ylim(-0.9, 0.9)
    ax.set_yticks([])
    ax.set_xlim(1770, PRESENT + 45)
    ax.set_xlabel(t("year", lang))
    ax.set_title(t("industrial_revolutions", lang), fontsize="medium")
    fig.tight_layout()
    return fig


def plot_concept_map(lang: str) -> plt.Figure:
    """Concept map: the digital economy, its concepts, technologies and applications."""
    check_lang(lang)
    pos = map_layout()
    colours = {0: PALETTE[7], 1: PALETTE[0], 2: PALETTE[2], 3: PALETTE[1]}
    fig, ax = plt.subplots(figsize=(7.6, 5.6))
    for a, b in MAP_EDGES:
        (x0, y0), (x1, y1) = pos[a], pos[b]
        ax.plot([x0, x1], [y0, y1], color="#BBBBBB", lw=1.0, zorder=1)
    for a, b in (("digitization", "digitalization"), ("digitalization", "digital_transformation")):
        (x0, y0), (x1, y1) = pos[a], pos[b]
        ax.annotate("", xy=(x1 - 0.75, y1), xytext=(x0 + 0.75, y0),
                    arrowprops={"arrowstyle": "->", "color": PALETTE[0], "lw": 1.6}, zorder=2)
    for name, (ring, x, y) in MAP_NODES.items():
        label = wrap(short(t(name, lang)), 13 if ring else 12)
        ax.text(
            x,
            y,
            label,
            ha="center",
            va="center",
            zorder=3,
            fontsize="medium" if ring == 0 else "small",
            color="white",
            fontweight="bold" if ring == 0 else "normal",
            bbox={"boxstyle": "round,pad=0.45", "fc": colours[ring], "ec": "none"},
        )
    for ring, key in RING_KEYS.items():
        ax.scatter([], [], color=colours[ring], marker="s", s=80, label=t(key, lang))
    ax.legend(loc="lower center", ncol=3, fontsize="small", bbox_to_anchor=(0.5, -0.1))
    ax.set_xlim(-4.1, 4.1)
    ax.set_ylim(-4.0, 2.9)
    ax.axis("off")
    ax.set_title(short(t("digital_economy", lang)).capitalize(), fontsize="medium")
    fig.tight_layout()
    return fig


def plot_groups(groups: pd.DataFrame, lang: str) -> plt.Figure:
    """Кесте 8 as a picture: one card per group listing its countries."""
    check_lang(lang)
    fig, axes = plt.subplots(1, 4, figsize=(8.6, 3.6))
    colours = (PALETTE[2], PALETTE[4], PALETTE[0], PALETTE[1])
    for ax, g, colour in zip(axes, GROUP_ORDER, colours, strict=True):
        members = groups[groups["group"] == g].sort_values("order")
        ax.set_facecolor("#F5F5F5")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.grid(False)
        for side in ("top", "right", "left", "bottom"):
            ax.spines[side].set_visible(False)
        ax.set_title(wrap(t(f"group_{g}", lang), 14), fontsize="small", color=colour)
        names = [country_name(c, lang) for c in members["code"]]
        y = 0.95
        for name in names:
            text = wrap(name, 20)
            ax.text(0.06, y, text, transform=ax.transAxes, fontsize="x-small", va="top")
            y -= 0.075 * (text.count("\n") + 1) + 0.01
        ax.text(
            0.94,
            0.03,
            f"n = {len(names)}",
            transform=ax.transAxes,
            ha="right",
            fontsize="small",
            color=colour,
            fontweight="bold",
        )
    fig.tight_layout()
    return fig


def _yearly_country_chart(
    fig: plt.Figure, ax: plt.Axes, years, ylabel: str, country: str, lang: str, *, ncol: int,
    bottom: float,
) -> plt.Figure:
    """Finish a one-country chart by year (Кесте 10-12): every year a tick, the axis labels,
    the country as the title and the legend below."""
    ax.set_xticks(list(years))
    ax.set_xlabel(t("year", lang))
    ax.set_ylabel(t(ylabel, lang))
    ax.set_title(place(country, lang), fontsize="medium")
    legend_below(fig, ax, ncol=ncol, bottom=bottom, fontsize="x-small")
    return fig


def plot_singapore_internet(levels: pd.DataFrame, lang: str) -> plt.Figure:
    """Кесте 10: Singapore's population, internet users, mobile connections, social media."""
    check_lang(lang)
    wide = levels.pivot(index="year", columns="indicator", values="value").sort_index()
    fig, ax = plt.subplots(figsize=(7.0, 3.8))
    for colour, ind in zip(PALETTE, INDICATORS_SGP, strict=False):
        ax.plot(wide.index, wide[ind], marker="o", color=colour, label=t(SGP_LABELS[ind], lang))
    return _yearly_country_chart(fig, ax, wide.index, "value", "SGP", lang, ncol=2, bottom=0.12)


def plot_singapore_rd(rd: pd.DataFrame, lang: str) -> plt.Figure:
    """Кесте 11: R&D spending by sector (stacked bars) and the printed totals (dots)."""
    check_lang(lang)
    wide = rd.pivot(index="year", columns="sector", values="value").sort_index()
    fig, ax = plt.subplots(figsize=(7.0, 3.8))
    bottom = np.zeros(len(wide))
    for colour, sector in zip(PALETTE, SECTORS, strict=False):
        ax.bar(
            wide.index,
            wide[sector],
            bottom=bottom,
            color=colour,
            alpha=0.85,
            label=t(f"sector_{sector}", lang),
        )
        bottom += wide[sector].to_numpy()
    ax.scatter(
        wide.index, wide["total"], color="black", zorder=3, s=18, label=t("printed_total", lang)
    )
    return _yearly_country_chart(
        fig, ax, wide.index, "rd_spending_mln", "SGP", lang, ncol=3, bottom=0.12
    )


def plot_russia(ru: pd.DataFrame, lang: str) -> plt.Figure:
    """Кесте 12: four indicators of Russia's digital economy, 2013-2020 (percent)."""
    check_lang(lang)
    wide = ru.pivot(index="year", columns="indicator", values="value").sort_index()
    fig, ax = plt.subplots(figsize=(7.0, 4.4))
    for colour, ind in zip(PALETTE, INDICATORS_RUS, strict=False):
        ax.plot(
            wide.index, wide[ind], marker="o", color=colour, label=wrap(t(f"{ind}_pct", lang), 60)
        )
    ax.set_ylim(0, 100)
    return _yearly_country_chart(
        fig, ax, wide.index, "share_in_percent", "RUS", lang, ncol=1, bottom=0.26
    )


def plot_russia_gdp_shares(figs: pd.DataFrame, lang: str) -> plt.Figure:
    """Dot chart: one measure per row, the share of GDP the text prints for it."""
    check_lang(lang)
    tab = russia_gdp_shares(figs)
    fig, ax = plt.subplots(figsize=(7.0, 2.8))
    y = np.arange(len(tab))
    ax.hlines(y, 0, tab["value"], color="#CCCCCC")
    ax.scatter(tab["value"], y, color=PALETTE[0], s=50, zorder=3)
    for yi, v in zip(y, tab["value"], strict=True):
        ax.text(v + 0.08, yi, f"{v:g}", va="center", fontsize="small")
    ax.set_yticks(y, [wrap(t(k, lang), 40) for k in tab["key"]], fontsize="x-small")
    ax.invert_yaxis()
    ax.set_xlim(0, 5)
    ax.set_xlabel(t("pct_of_gdp", lang))
    ax.set_title(place("RUS", lang), fontsize="medium")
    fig.tight_layout()
    return fig
