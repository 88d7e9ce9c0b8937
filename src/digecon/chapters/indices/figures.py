"""The indices chapter's figures: ``plot_*(..., lang) -> Figure``.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from digecon import i18n
from digecon.chapters.indices.analysis import EAEU, short_place
from digecon.fmt import format_value, ticks_formatter
from digecon.methods.indices import rank_share
from digecon.plots import KAZ_COLOUR, PALETTE, hyphenate, legend_below, place_labels

LEADERS: tuple[str, ...] = ("DNK", "KOR", "EST", "SGP")


COUNTRY_COLOURS: dict[str, str] = {
    "KAZ": KAZ_COLOUR,
    "RUS": PALETTE[1],
    "BLR": PALETTE[2],
    "ARM": PALETTE[3],
    "KGZ": PALETTE[4],
}


CITY_COLOUR = PALETTE[1]


REGION_COLOUR = PALETTE[0]


def plot_egdi_lines(
    un: pd.DataFrame, lang: str, countries: Sequence[str] = EAEU, leaders: Sequence[str] = LEADERS
) -> plt.Figure:
    """EGDI of each EAEU member in every survey edition; the leaders as thin grey lines."""
    fig, ax = plt.subplots(figsize=(7.0, 4.6))
    for k, code in enumerate(leaders):
        d = un[un["iso3"] == code].sort_values("survey_year")
        ax.plot(
            d["survey_year"],
            d["egdi"],
            color="#BBBBBB",
            lw=1,
            zorder=1,
            label=i18n.t("leaders", lang) + ": " + ", ".join(i18n.place(c, lang) for c in leaders)
            if k == 0
            else None,
        )
    for code in countries:
        d = un[un["iso3"] == code].sort_values("survey_year")
        ax.plot(
            d["survey_year"],
            d["egdi"],
            marker="o",
            ms=3.5,
            lw=2.6 if code == "KAZ" else 1.5,
            color=COUNTRY_COLOURS.get(code),
            label=i18n.place(code, lang),
            zorder=3 if code == "KAZ" else 2,
        )
    ax.set_xlabel(i18n.t("survey_year", lang))
    ax.set_ylabel(i18n.t("egdi", lang))
    ax.set_ylim(0.2, 1)
    handles, names = ax.get_legend_handles_labels()
    # the EAEU members first, the leaders last
    order = [*range(1, len(handles)), 0] if leaders else list(range(len(handles)))
    ax.legend([handles[i] for i in order], [names[i] for i in order], fontsize="small",
              loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3)
    fig.tight_layout()
    return fig


def plot_components(un: pd.DataFrame, lang: str, countries: Sequence[str] = EAEU) -> plt.Figure:
    """Small multiples: OSI, TII, HCI and EPI of the EAEU members over the survey years."""
    keys = ["osi", "tii", "hci", "epi"]
    fig, axes = plt.subplots(2, 2, figsize=(7.5, 5.2), sharex=True, sharey=True)
    for ax, key in zip(axes.flat, keys, strict=True):
        for code in countries:
            d = un[un["iso3"] == code].sort_values("survey_year")
            ax.plot(
                d["survey_year"],
                d[key],
                marker="o",
                ms=2.5,
                lw=2.2 if code == "KAZ" else 1.2,
                color=COUNTRY_COLOURS.get(code),
                label=i18n.place(code, lang),
            )
        ax.set_title(i18n.t(key, lang), fontsize="medium")
        ax.set_ylim(0, 1.02)
    for ax in axes[1]:
        ax.set_xlabel(i18n.t("survey_year", lang))
    for ax in axes[:, 0]:
        ax.set_ylabel(i18n.t("index_value", lang))
    legend_below(fig, axes[0, 0], ncol=len(countries), bottom=0.06)
    return fig


def plot_rank_heatmap(ranks: pd.DataFrame, lang: str) -> plt.Figure:
    """Kazakhstan's ranks (Кесте 21) as 10 x rank / countries: one row per index, one column
    per year; the colour is the share (lower is better), the text the rank. Years without a
    printed rank stay blank."""
    d = ranks.dropna(subset=["rank"]).copy()
    d["share"] = rank_share(d["rank"].astype(float), d["n_countries"].astype(float))
    share = d.pivot(index="index", columns="year", values="share")
    rank = d.pivot(index="index", columns="year", values="rank")
    order = share.mean(axis=1).sort_values().index
    share, rank = share.loc[order], rank.loc[order]
    fig, ax = plt.subplots(figsize=(7.6, 0.9 + 0.42 * len(share)))
    im = ax.imshow(share.to_numpy(dtype=float), cmap="YlOrRd", vmin=0, vmax=10,
                   aspect="auto")
    for i in range(share.shape[0]):
        for j in range(share.shape[1]):
            if pd.notna(share.iat[i, j]):
                ax.text(j, i, f"{int(rank.iat[i, j])}", ha="center", va="center",
                        fontsize="small")
    ax.set_xticks(range(share.shape[1]), [str(c) for c in share.columns])
    ax.set_yticks(range(share.shape[0]), [i18n.t(f"ix_{k}", lang) for k in share.index],
                  fontsize="small")
    ax.set_xlabel(i18n.t("year", lang))
    ax.grid(False)
    bar = fig.colorbar(im, ax=ax, fraction=0.05, pad=0.03)
    bar.set_label(i18n.t("chart_score", lang), fontsize="small")
    fig.tight_layout()
    return fig


def plot_region_bars(regions: pd.DataFrame, national: float, lang: str) -> plt.Figure:
    """The 2023 regional digitalization index, ranked; cities in another colour; the printed
    national value and the regions' mean as vertical lines."""
    d = regions.sort_values("index", ascending=True, kind="stable")
    fig, ax = plt.subplots(figsize=(7.0, 5.6))
    colours = [CITY_COLOUR if u else REGION_COLOUR for u in d["urban"]]
    ax.barh([i18n.place(c, lang) for c in d["code"]], d["index"], color=colours)
    ax.axvline(national, color="black", ls="--", lw=1.2, label=i18n.t("national_value", lang))
    ax.axvline(
        d["index"].mean(), color="#555555", ls=":", lw=1.5, label=i18n.t("regions_mean", lang)
    )
    handles, _ = ax.get_legend_handles_labels()
    handles += [Patch(color=CITY_COLOUR, label=i18n.t("cities", lang)),
                Patch(color=REGION_COLOUR, label=i18n.t("other_regions", lang))]
    ax.set_xlabel(i18n.t("digitalization_index", lang))
    ax.tick_params(axis="y", labelsize="small")
    ax.legend(handles=handles, fontsize="small", loc="upper center", bbox_to_anchor=(0.35, -0.1),
              ncol=2)
    fig.tight_layout()
    return fig


def plot_region_tiles(
    regions: pd.DataFrame, lang: str, value: str = "index", cmap: str = "YlGnBu"
) -> plt.Figure:
    """A tile-grid map: one square per region at its ``kz-region-tiles`` position, coloured by
    ``value``, labelled with the short name and the value; cities have a thick frame."""
    from matplotlib.colors import Normalize
    from matplotlib.patches import Rectangle

    n_rows = int(regions["tile_row"].max()) + 1
    n_cols = int(regions["tile_col"].max()) + 1
    fig, ax = plt.subplots(figsize=(9.0, 6.6))
    norm = Normalize(vmin=float(regions[value].min()), vmax=float(regions[value].max()))
    colormap = plt.get_cmap(cmap)
    for r in regions.itertuples(index=False):
        x, y = float(r.tile_col), float(n_rows - 1 - r.tile_row)
        v = float(getattr(r, value))
        colour = colormap(norm(v))
        ax.add_patch(
            Rectangle(
                (x + 0.04, y + 0.04),
                0.92,
                0.92,
                facecolor=colour,
                edgecolor="black" if r.urban else "white",
                lw=2.2 if r.urban else 1.0,
            )
        )
        dark = norm(v) > 0.55
        # at least 9 pt, i.e. 12 CSS px: a long name is hyphenated over two lines instead of
        # getting a smaller font
        label = hyphenate(short_place(r.code, lang), 11)
        ax.text(
            x + 0.5,
            y + 0.6,
            label,
            ha="center",
            va="center",
            fontsize=9,
            linespacing=1.0,
            color="white" if dark else "black",
        )
        ax.text(
            x + 0.5,
            y + 0.2,
            format_value(round(v, 3), ".3f", lang),
            ha="center",
            va="center",
            fontsize=9.5,
            fontweight="bold",
            color="white" if dark else "black",
        )
    ax.set_xlim(0, n_cols)
    ax.set_ylim(0, n_rows)
    ax.set_aspect("equal")
    ax.axis("off")
    scalar = plt.cm.ScalarMappable(norm=norm, cmap=colormap)
    bar = fig.colorbar(scalar, ax=ax, fraction=0.035, pad=0.02)
    bar.set_label(i18n.t("digitalization_index" if value == "index" else "correlation_r", lang))
    bar.ax.yaxis.set_major_formatter(ticks_formatter(lang, 2))
    fig.tight_layout()
    return fig


def plot_index_vs_r(regions: pd.DataFrame, lang: str) -> plt.Figure:
    """Each region's 2023 index (table 3 of the article) against its printed r with GRP
    (table 4); the names are placed so that none overlaps (:func:`digecon.plots.place_labels`)."""
    fig, ax = plt.subplots(figsize=(9.0, 6.2))
    colours = [CITY_COLOUR if u else REGION_COLOUR for u in regions["urban"]]
    ax.scatter(regions["index"], regions["r"], c=colours, s=40, zorder=3)
    ax.scatter([], [], color=CITY_COLOUR, label=i18n.t("cities", lang))
    ax.scatter([], [], color=REGION_COLOUR, label=i18n.t("other_regions", lang))
    ax.set_xlabel(i18n.t("digitalization_index", lang))
    ax.set_ylabel(i18n.t("correlation_r", lang))
    ax.legend(loc="lower right")
    ax.xaxis.set_major_formatter(ticks_formatter(lang, 2))
    ax.yaxis.set_major_formatter(ticks_formatter(lang, 1))
    ax.margins(x=0.12, y=0.08)  # room for the names at the edges
    fig.tight_layout()
    place_labels(ax, regions["index"], regions["r"],
                 [short_place(c, lang) for c in regions["code"]], fontsize=9)
    return fig


def _choice_title(normalization: str, aggregation: str, year: int, lang: str) -> str:
    return (
        f"{i18n.t('normalization', lang)}: {i18n.t(f'norm_{normalization}', lang)}; "
        f"{i18n.t('aggregation', lang)}: {i18n.t(f'agg_{aggregation}', lang)}; {year}"
    )


def plot_own_index(
    result: pd.DataFrame, lang: str, *, normalization: str, aggregation: str, year: int
) -> plt.Figure:
    """The student's index as a ranked bar chart (best on top)."""
    d = result.sort_values("score", ascending=True, kind="stable")
    fig, ax = plt.subplots(figsize=(7.0, 0.9 + 0.5 * len(d)))
    ax.barh(
        [i18n.place(c, lang) for c in d["unit"]],
        d["score"],
        color=[COUNTRY_COLOURS.get(c, PALETTE[5]) for c in d["unit"]],
    )
    for y, (s, rk) in enumerate(zip(d["score"], d["rank"], strict=True)):
        ax.text(s, y, f"  {int(rk)}", va="center", fontsize="small")
    ax.set_xlabel(i18n.t("own_score", lang))
    ax.set_title(_choice_title(normalization, aggregation, year, lang), fontsize="small")
    fig.tight_layout()
    return fig


def plot_rank_uncertainty(
    uncertainty: pd.DataFrame, lang: str, own_rank: pd.Series | None = None
) -> plt.Figure:
    """Dot-and-whisker chart: median rank and the 5-95 % interval of ranks per unit over random
    weightings and methods; ``own_rank`` (indexed by unit) as a hollow diamond."""
    d = uncertainty.sort_values(["median_rank", "rank_p05"], ascending=False, kind="stable")
    names = [i18n.place(c, lang) for c in d["unit"]]
    y = np.arange(len(d))
    fig, ax = plt.subplots(figsize=(7.0, 0.9 + 0.5 * len(d)))
    ax.hlines(
        y,
        d["rank_p05"],
        d["rank_p95"],
        color="#888888",
        lw=3,
        label=i18n.t("rank_interval_5_95", lang),
    )
    ax.plot(d["median_rank"], y, "o", color=KAZ_COLOUR, ms=8, label=i18n.t("median_rank", lang))
    if own_rank is not None:
        ax.plot(
            [own_rank[u] for u in d["unit"]],
            y,
            "D",
            mfc="none",
            mec=PALETTE[1],
            ms=9,
            mew=1.6,
            label=i18n.t("own_rank", lang),
        )
    ax.set_yticks(y, names)
    n = int(d["rank_p95"].max())
    ax.set_xticks(range(1, n + 1))
    ax.set_xlim(0.5, n + 0.5)
    ax.set_xlabel(i18n.t("rank", lang))
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.tight_layout()
    return fig
