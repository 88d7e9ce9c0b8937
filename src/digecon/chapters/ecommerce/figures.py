"""The ecommerce chapter's figures: ``plot_*(..., lang) -> Figure``.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import matplotlib.ticker as mticker
import numpy as np
import pandas as pd

from digecon.chapters.ecommerce.analysis import CHANNELS, PRODUCTS
from digecon.i18n import check_lang, t
from digecon.plots import PALETTE, wrap


def plot_ict_output(wide: pd.DataFrame, lang: str) -> plt.Figure:
    """Кесте 16: stacked product groups by year, and below, the sum of parts minus the total."""
    check_lang(lang)
    fig, (ax, ax2) = plt.subplots(
        2, 1, figsize=(7.0, 5.0), sharex=True, gridspec_kw={"height_ratios": [3, 1.2]}
    )
    years = wide.index.to_numpy()
    bottom = np.zeros(len(years))
    for colour, p in zip(PALETTE, PRODUCTS, strict=False):
        ax.bar(years, wide[p], bottom=bottom, color=colour, label=t(p, lang), width=0.7)
        bottom += wide[p].to_numpy()
    ax.plot(years, wide["ict_total"], "k_", markersize=22, mew=2, label=t("ict_total", lang))
    ax.set_ylabel(wrap(t("ict_output_mln_tenge", lang), 30), fontsize="small")
    ax.set_ylim(0, float(wide["ict_total"].max()) * 1.6)
    ax.legend(fontsize="x-small", loc="upper left", ncol=2)
    ax2.bar(years, wide["gap"], color=PALETTE[1], width=0.7)
    ax2.axhline(0, color="black", lw=0.8)
    ax2.set_title(t("components_gap", lang), fontsize="small", loc="left")
    ax2.set_xlabel(t("year", lang))
    ax2.set_xticks(years)
    fig.tight_layout()
    return fig


def plot_efficiency(table: pd.DataFrame, pooled: float, lang: str) -> plt.Figure:
    """Кесте 17: printed and recomputed efficiency by year, with the pooled ratio as a line."""
    check_lang(lang)
    fig, ax = plt.subplots()
    years = table.index.to_numpy()
    ax.bar(years - 0.18, table["printed"], width=0.36, color=PALETTE[0], label=t("printed", lang))
    ax.bar(years + 0.18, table["recomputed"], width=0.36, color=PALETTE[2],
           label=t("recomputed", lang))  # fmt: skip
    ax.axhline(pooled, color=PALETTE[1], ls="--", lw=1.5, label=t("pooled_efficiency", lang))
    ax.set_xticks(years)
    ax.set_xlabel(t("year", lang))
    ax.set_ylabel(t("economic_efficiency_pct", lang))
    ax.set_ylim(0, float(table[["printed", "recomputed"]].max().max()) * 1.5)
    ax.legend(fontsize="small", loc="upper left", ncol=2)
    fig.tight_layout()
    return fig


def plot_channels(wide: pd.DataFrame, lang: str) -> plt.Figure:
    """Кесте 18: the three online channels and their total, billion tenge, 2013-2020."""
    check_lang(lang)
    fig, ax = plt.subplots()
    years = wide.index.to_numpy()
    markers = ["o", "s", "^", "D"]
    for colour, m, c in zip(PALETTE, markers, [*CHANNELS, "ecommerce_total"], strict=False):
        lw = 2.5 if c == "ecommerce_total" else 1.6
        label = t(c, lang).rsplit(",", 1)[0]
        ax.plot(years, wide[c] / 1000, marker=m, color=colour, lw=lw, label=label)
    ax.set_xlabel(t("year", lang))
    ax.set_ylabel(t("volume_bn_tenge", lang))
    ax.set_xticks(years)
    ax.legend(fontsize="small")
    fig.tight_layout()
    return fig


def plot_growth(growth: pd.DataFrame, lang: str) -> plt.Figure:
    """Chain growth (%) of online retail and of all e-commerce by year, as paired bars."""
    check_lang(lang)
    g = growth.drop(index="cagr")
    years = np.asarray(g.index, dtype=float)
    fig, ax = plt.subplots()
    for off, colour, c in [
        (-0.18, PALETTE[0], "online_retail"),
        (0.18, PALETTE[3], "ecommerce_total"),
    ]:
        ax.bar(years + off, g[c], width=0.36, color=colour, label=t(c, lang).rsplit(",", 1)[0])
    ax.axhline(0, color="black", lw=0.8)
    ax.set_xticks(years)
    ax.set_xlabel(t("year", lang))
    ax.set_ylabel(t("growth_change_pct", lang))
    ax.legend(fontsize="small", loc="upper left")
    fig.tight_layout()
    return fig


def plot_share_retail(
    wide: pd.DataFrame, mentions: pd.DataFrame, targets: pd.Series, lang: str
) -> plt.Figure:
    """The e-commerce share of retail: Кесте 18, each text mention, and the programme targets."""
    check_lang(lang)
    fig, ax = plt.subplots()
    s = wide["ecommerce_share_retail"]
    ax.plot(s.index, s, marker="o", color=PALETTE[0], lw=2, label=t("table18", lang))
    markers = {2078: "D", 2338: "P", 2352: "X"}
    for line, grp in mentions.groupby("line"):
        label = t("text_line_n", lang).format(n=int(line))
        ax.scatter(grp["year"], grp["value"], marker=markers.get(int(line), "D"), s=70,
                   color=PALETTE[1], zorder=3, label=label)  # fmt: skip
    ax.scatter(targets.index, targets, marker="_", s=300, linewidths=2.5, color=PALETTE[2],
               zorder=3, label=t("programme_target", lang))  # fmt: skip
    ax.set_xlabel(t("year", lang))
    ax.set_ylabel(wrap(t("ecommerce_share_retail", lang), 38), fontsize="small")
    ax.set_xticks(range(int(s.index.min()), int(max(s.index.max(), targets.index.max())) + 1))
    ax.legend(fontsize="small", loc="upper left")
    fig.tight_layout()
    return fig


def plot_volumes(wide: pd.DataFrame, mentions: pd.DataFrame, lang: str) -> plt.Figure:
    """2019 and 2020 market size: the table's online retail and all channels beside the text."""
    check_lang(lang)
    fig, ax = plt.subplots()
    years = mentions["year"].to_numpy()
    retail = wide.loc[years, "online_retail"].to_numpy() / 1000
    total = wide.loc[years, "ecommerce_total"].to_numpy() / 1000
    ax.bar(years - 0.2, retail, width=0.35, color=PALETTE[0], label=t("online_retail_short", lang))
    ax.bar(years + 0.2, total, width=0.35, color=PALETTE[5], label=t("all_channels", lang))
    styles = {"mention_2078": ("D", PALETTE[1]), "mention_pwc": ("P", PALETTE[3]),
              "mention_kazpost": ("X", PALETTE[4])}  # fmt: skip
    for col, (m, colour) in styles.items():
        ax.scatter(years, mentions[col], marker=m, s=110, color=colour, edgecolor="black",
                   zorder=3, label=t(col, lang))  # fmt: skip
    ax.set_xticks(years, [str(int(y)) for y in years])
    ax.set_xlabel(t("year", lang))
    ax.set_ylabel(t("volume_bn_tenge", lang))
    ax.set_ylim(
        0, max(float(np.nanmax(mentions.drop(columns="year").to_numpy())), total.max()) * 1.45
    )
    ax.legend(fontsize="x-small", loc="upper left")
    fig.tight_layout()
    return fig


def plot_segments(shares: pd.DataFrame, text_goods: float, line: int, lang: str) -> plt.Figure:
    """Goods and services as parts of all e-commerce (100 % bars), with the text's goods share."""
    check_lang(lang)
    fig, ax = plt.subplots()
    years = shares.index.to_numpy()
    ax.bar(years, shares["ecom_goods"], color=PALETTE[0], label=t("ecom_goods", lang), width=0.7)
    ax.bar(years, shares["ecom_services"], bottom=shares["ecom_goods"], color=PALETTE[4],
           label=t("ecom_services", lang), width=0.7)  # fmt: skip
    ax.axhline(text_goods, color=PALETTE[1], ls="--", lw=2,
               label=t("text_line_n", lang).format(n=line))  # fmt: skip
    ax.set_ylim(0, 100)
    ax.set_xticks(years)
    ax.set_xlabel(t("year", lang))
    ax.set_ylabel(t("ecom_structure_pct", lang))
    ax.legend(fontsize="small", loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3)
    fig.tight_layout()
    return fig


def plot_projection(
    series: pd.Series, proj: pd.DataFrame, lang: str, *, ylabel_key: str = "volume_bn_tenge"
) -> plt.Figure:
    """History (observed) and a projection with its prediction interval, on a log scale."""
    check_lang(lang)
    fig, ax = plt.subplots()
    ax.plot(series.index, series, marker="o", color=PALETTE[0], lw=2, label=t("observed", lang))
    last = (series.index[-1], float(series.iloc[-1]))
    xs = [last[0], *proj["year"]]
    ax.plot(xs, [last[1], *proj["forecast"]], marker="o", ls="--", color=PALETTE[1],
            label=t("forecast", lang))  # fmt: skip
    level = round(100 * float(proj["level"].iloc[0]))
    band = t("prediction_interval_pct", lang).format(level=level)
    ax.fill_between(xs, [last[1], *proj["lower"]], [last[1], *proj["upper"]], color=PALETTE[1],
                    alpha=0.2, label=band)  # fmt: skip
    if (proj["lower"] > 0).all():
        ax.set_yscale("log")
        ax.yaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _: f"{v:g}"))
        ax.yaxis.set_minor_formatter(mticker.NullFormatter())
    ax.set_xticks(list(series.index) + list(proj["year"]))
    ax.tick_params(axis="x", labelrotation=45)
    ax.set_xlabel(t("year", lang))
    ax.set_ylabel(t(ylabel_key, lang))
    ax.legend(fontsize="small", loc="upper left")
    fig.tight_layout()
    return fig
