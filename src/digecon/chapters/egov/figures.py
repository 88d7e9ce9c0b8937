"""The egov chapter's figures: ``plot_*(..., lang) -> Figure``.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import pandas as pd

from digecon.i18n import place, t
from digecon.plots import KAZ_COLOUR, LINESTYLES, MARKERS, PALETTE

COMPONENT_COLOURS = {"egdi": "#000000", "osi": PALETTE[0], "tii": PALETTE[1], "hci": PALETTE[2]}


def plot_egdi_countries(official: pd.DataFrame, lang: str, countries: Sequence[str]):
    """EGDI of several countries over the survey years (Kazakhstan drawn bold)."""
    fig, ax = plt.subplots()
    for i, code in enumerate(countries):
        d = official[official["iso3"] == code].sort_values("survey_year")
        bold = code == "KAZ"
        ax.plot(
            d["survey_year"],
            d["egdi"],
            marker="o" if bold else MARKERS[i % len(MARKERS)],
            ms=4 if not bold else 6,
            lw=2.8 if bold else 1.4,
            color=KAZ_COLOUR if bold else PALETTE[(i % 7) + 1],
            ls="-" if bold else LINESTYLES[(i // 7) % len(LINESTYLES)],
            label=place(code, lang),
            zorder=3 if bold else 2,
        )
    ax.set_xlabel(t("survey_year", lang))
    ax.set_ylabel(t("egdi", lang))
    ax.set_ylim(0, 1)
    ax.legend(ncol=5, fontsize="x-small", loc="upper center", bbox_to_anchor=(0.5, -0.18))
    fig.tight_layout()
    return fig


def plot_components(official: pd.DataFrame, lang: str, country: str = "KAZ"):
    """EGDI and its three components for one country."""
    d = official[official["iso3"] == country].sort_values("survey_year")
    fig, ax = plt.subplots()
    for comp in ("osi", "tii", "hci", "egdi"):
        ax.plot(
            d["survey_year"],
            d[comp],
            marker="o",
            ms=3,
            color=COMPONENT_COLOURS[comp],
            lw=2.4 if comp == "egdi" else 1.4,
            ls="-" if comp == "egdi" else "--",
            label=t(comp, lang),
        )
    ax.set_xlabel(t("survey_year", lang))
    ax.set_ylabel(t("index_value", lang))
    ax.set_title(place(country, lang))
    ax.set_ylim(0, 1.02)
    ax.legend(ncol=4, fontsize="small", loc="lower right")
    fig.tight_layout()
    return fig


def plot_printed_vs_official(lined: pd.DataFrame, lang: str):
    """Printed (article, Кесте 3) against official values: one panel per component.

    ``lined`` is the output of :func:`digecon.methods.egov.printed_vs_official`.
    """
    comps = ["egdi", "osi", "tii", "hci"]
    fig, axes = plt.subplots(1, 4, figsize=(8.0, 2.6), sharey=True)
    for ax, comp in zip(axes, comps, strict=True):
        d = lined[lined["component"] == comp].sort_values("year")
        ax.plot(
            d["year"], d["official"], marker="o", ms=3, color=PALETTE[0], label=t("official", lang)
        )
        ax.plot(
            d["year"],
            d["printed"],
            marker="s",
            ms=3,
            ls="--",
            color=PALETTE[1],
            label=t("printed", lang),
        )
        ax.set_title(t(comp, lang))
        ax.set_ylim(0, 1.02)
        ax.tick_params(axis="x", labelrotation=90, labelsize="small")
    axes[0].set_ylabel(t("index_value", lang))
    axes[0].legend(fontsize="x-small", loc="lower right")
    fig.tight_layout()
    return fig


def plot_moving(moving: pd.DataFrame, lang: str):
    """The article's "moving averages" beside the EGDI: they live on another scale (sums)."""
    fig, ax = plt.subplots()
    ax.plot(moving["t"], moving["egdi"], marker="o", color="#000000", label=t("egdi", lang))
    for col, colour in (("m3", PALETTE[0]), ("m5", PALETTE[1])):
        d = moving.dropna(subset=[col])
        ax.plot(d["t"], d[col], marker="s", ms=3, ls="--", color=colour, label=t(col, lang))
    ax.set_xlabel(t("t_index", lang))
    ax.set_ylabel(t("value", lang))
    ax.legend(fontsize="small", loc="upper left")
    fig.tight_layout()
    return fig


def plot_forecast(history: pd.DataFrame, forecast: pd.DataFrame, lang: str, country: str = "KAZ"):
    """Observed EGDI and a trend forecast with its prediction interval.

    ``history`` has ``survey_year`` and ``egdi``; ``forecast`` the columns of
    :func:`digecon.methods.trend.trend_forecast` (``index``, ``forecast``, ``lower``,
    ``upper``).
    """
    fig, ax = plt.subplots()
    ax.plot(
        history["survey_year"],
        history["egdi"],
        marker="o",
        color=KAZ_COLOUR,
        label=t("observed", lang),
    )
    ax.fill_between(
        forecast["index"],
        forecast["lower"],
        forecast["upper"],
        alpha=0.25,
        color=PALETTE[1],
        label=t("prediction_interval_95", lang),
    )
    ax.plot(
        forecast["index"],
        forecast["forecast"],
        ls="--",
        color=PALETTE[1],
        label=t("forecast", lang),
    )
    ax.set_xlabel(t("survey_year", lang))
    ax.set_ylabel(t("egdi", lang))
    ax.set_ylim(0, 1)
    ax.set_title(place(country, lang))
    ax.legend(fontsize="small", loc="lower right")
    fig.tight_layout()
    return fig


def plot_contributions(contrib: pd.DataFrame, lang: str):
    """Bars: how much each component added to the EGDI change (output of ``contributions``)."""
    fig, ax = plt.subplots(figsize=(6.0, 2.6))
    labels = [t(c, lang) for c in contrib["component"]]
    colours = [COMPONENT_COLOURS[c] for c in contrib["component"]]
    ax.barh(labels, contrib["contribution"], color=colours)
    ax.axvline(0, color="#333333", lw=0.8)
    ax.set_xlabel(t("egdi_change_contribution", lang))
    ax.invert_yaxis()
    fig.tight_layout()
    return fig
