"""The regression chapter's figures: ``plot_*(..., lang) -> Figure``.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from digecon import data, i18n
from digecon.chapters.regression.analysis import (
    FIRST_YEAR,
    LAST_YEAR,
    METHOD_LABEL,
    PRINTED_FORMS,
    SCHEME_LABEL,
    scenario_name,
)
from digecon.methods import regression as rg
from digecon.methods.trend import trend_fitted, trend_forecast
from digecon.plots import PALETTE, legend_below, wrap

#: the vocabulary key of each variable's axis label
VAR_LABEL = {
    "y": "gdp_per_capita_tenge", "x1": "var_x1_rd_organisations",
    "x2": "var_x2_innovative_products", "x3": "var_x3_computer_literacy",
    "x4": "var_x4_innovation_activity", "x5": "var_x5_rd_personnel",
    "x6": "var_x6_internet_users", "x7": "var_x7_rd_expenditure",
}


# ----------------------------------------------------------------------------- figures
def _years_axis(ax: plt.Axes, lang: str, label: bool = True) -> None:
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
    if label:
        ax.set_xlabel(i18n.t("year", lang))


def plot_gdp_check(check: pd.DataFrame, lang: str) -> plt.Figure:
    """Two panels: GDP per capita in tenge (Appendix V) and the implied tenge-per-dollar rate."""
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(8.0, 3.4))
    a1.plot(check["year"], check["y_tenge"] / 1e6, marker="o", ms=3, color=PALETTE[0])
    a1.set_ylabel(wrap(i18n.t("gdp_per_capita_mln_tenge", lang), 32))
    a2.plot(check["year"], check["implied_rate"], marker="o", ms=3, color=PALETTE[1])
    a2.set_ylabel(wrap(i18n.t("implied_rate", lang), 32))
    for ax, col, scale in ((a1, "y_tenge", 1e6), (a2, "implied_rate", 1.0)):
        row = check[check["year"] == 2009]
        if not row.empty:
            ax.scatter(row["year"], row[col] / scale, s=90, facecolors="none",
                       edgecolors="#000000", zorder=3)
        _years_axis(ax, lang)
    fig.tight_layout()
    return fig


def plot_population_check(pc: pd.DataFrame, lang: str) -> plt.Figure:
    """X3 and X6 as shares of the population implied by X6 and the World Bank's share."""
    fig, ax = plt.subplots(figsize=(7.0, 3.4))
    ax.plot(pc["year"], pc["x3_share_pct"], marker="o", ms=3, color=PALETTE[1],
            label=i18n.t("x3_share_pct", lang))
    ax.plot(pc["year"], pc["x6_share_pct"], marker="s", ms=3, color=PALETTE[0],
            label=i18n.t("x6_share_pct", lang))
    ax.axhline(100, color="#777777", lw=0.8, ls="--")
    ax.set_ylabel(i18n.t("share_pct", lang))
    _years_axis(ax, lang)
    ax.legend(loc="lower right", fontsize="small")
    fig.tight_layout()
    return fig


def plot_fit(model: rg.OLSTables, lang: str) -> plt.Figure:
    """Observed and fitted Y by year, and the standardised residuals with ±2 lines."""
    cw = model.casewise
    years = cw.index.to_numpy()
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(8.0, 3.4))
    a1.plot(years, cw["observed"] / 1e6, marker="o", ms=3, lw=0, color=PALETTE[0],
            label=i18n.t("observed", lang))
    a1.plot(years, cw["predicted"] / 1e6, color=PALETTE[1], label=i18n.t("fitted_value", lang))
    a1.set_ylabel(wrap(i18n.t("gdp_per_capita_mln_tenge", lang), 32))
    a1.legend(fontsize="small")
    a2.axhline(0, color="#777777", lw=0.8)
    for lvl in (-2, 2):
        a2.axhline(lvl, color="#777777", lw=0.8, ls="--")
    a2.bar(years, cw["std_residual"], color=PALETTE[2])
    a2.set_ylabel(i18n.t("std_residual", lang))
    for ax in (a1, a2):
        _years_axis(ax, lang)
    fig.tight_layout()
    return fig


def plot_evaluation(ev: rg.Evaluation, lang: str) -> plt.Figure:
    """Left: hold-out forecasts of each method against the observed years; right: MAPE."""
    errors, summary = ev.errors, ev.summary
    hold = errors[errors["scheme"] == "holdout"]
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(8.4, 4.2), width_ratios=[1, 1.2])
    first = hold.groupby("method")["origin"].first().iloc[0]
    test_years = [int(first) + int(h) for h in sorted(hold["horizon"].unique())]
    actual = hold.drop_duplicates("horizon").sort_values("horizon")["actual"].to_numpy()
    a1.plot(test_years, actual / 1e6, color="#000000", marker="o", ms=4, lw=1.5,
            label=i18n.t("observed", lang))
    methods = [m for m in METHOD_LABEL if m in set(summary["method"])]
    for i, m in enumerate(methods):
        sub = hold[hold["method"] == m].sort_values("horizon")
        a1.plot(test_years, sub["forecast"] / 1e6, marker="s", ms=3, color=PALETTE[i],
                label=i18n.t(METHOD_LABEL[m], lang))
    a1.set_xticks(test_years)
    a1.set_ylabel(wrap(i18n.t("gdp_per_capita_mln_tenge", lang), 28))
    a1.set_xlabel(i18n.t("year", lang))
    width = 0.38
    pos = np.arange(len(methods))
    bars = []
    for j, scheme in enumerate(["holdout", "rolling"]):
        s = summary[summary["scheme"] == scheme].set_index("method").reindex(methods)
        bars.append(a2.barh(pos + (j - 0.5) * width, s["mape"], height=width,
                            color=["#56B4E9", "#0072B2"][j],
                            label=i18n.t(SCHEME_LABEL[scheme], lang)))
    a2.set_yticks(pos, [wrap(i18n.t(METHOD_LABEL[m], lang), 20) for m in methods],
                  fontsize="small")
    a2.invert_yaxis()
    a2.set_xlabel(i18n.t("mape_pct", lang))
    h1, l1 = a1.get_legend_handles_labels()
    a1.legend(h1, l1, fontsize="x-small", loc="upper center", bbox_to_anchor=(0.5, -0.2),
              ncol=1)
    a2.legend(fontsize="x-small", loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=1)
    fig.tight_layout()
    return fig


def plot_trend_shift(wide: pd.DataFrame, lang: str) -> plt.Figure:
    """For X3, X4, X5, X6: the data, the trend, and the printed forecasts one year late."""
    fc = data.load("regression-forecast")
    fig, axes = plt.subplots(2, 2, figsize=(8.4, 5.6))
    fit_years = wide.loc[FIRST_YEAR:LAST_YEAR].index
    for ax, v in zip(axes.ravel(), ["x3", "x4", "x5", "x6"], strict=True):
        s = wide.loc[fit_years, v]
        f = trend_forecast(s, PRINTED_FORMS[v], horizon=6)
        fitted = trend_fitted(s, PRINTED_FORMS[v]).to_numpy()
        ax.plot(wide.index, wide[v], marker="o", ms=3, lw=0, color=PALETTE[0],
                label=i18n.t("observed", lang))
        ax.plot(list(fit_years) + f["index"].tolist(),
                np.r_[fitted, f["forecast"].to_numpy()], color="#777777", lw=1,
                label=i18n.t("trend", lang))
        p = fc[fc["variable"] == v]
        ax.plot(p["year"], p["value"], marker="D", ms=4, lw=0, color=PALETTE[1],
                label=i18n.t("printed_forecast", lang))
        ax.plot(p["year"] - 1, p["value"], marker="D", ms=4, lw=0, mfc="none",
                color=PALETTE[2], label=i18n.t("printed_forecast_true_year", lang))
        ax.set_title(wrap(i18n.t(VAR_LABEL[v], lang), 40), fontsize="small")
        _years_axis(ax, lang, label=False)
        ax.set_xlim(2012, 2027)
        recent = np.r_[wide.loc[2012:, v].to_numpy(), p["value"].to_numpy()]
        pad = 0.08 * (recent.max() - recent.min())
        ax.set_ylim(recent.min() - pad, recent.max() + pad)
    for ax in axes[1]:
        _years_axis(ax, lang)
    legend_below(fig, axes[0, 0], ncol=2, bottom=0.1)
    return fig


def plot_fan(
    history: pd.Series,
    scenarios: pd.DataFrame,
    drift: pd.DataFrame,
    check_2021: Mapping[str, float],
    alpha: float,
    lang: str,
    central: str = "realistic",
) -> plt.Figure:
    """The fan chart of GDP per capita: history, regression scenarios with the prediction
    interval of the central one, the drift benchmark's interval, the printed forecasts and the
    model's 2021 prediction (from 2000-2020) against the observed 2021 value."""
    fig, ax = plt.subplots(figsize=(8.0, 5.6))
    level = round(100 * (1 - alpha))
    pi = i18n.t("prediction_interval_level", lang).format(level=level)
    ax.plot(history.index, history / 1e6, color="#000000", marker="o", ms=3,
            label=i18n.t("observed", lang))
    names = list(dict.fromkeys(scenarios["scenario"]))
    mid = central if central in names else names[len(names) // 2]
    c = scenarios[scenarios["scenario"] == mid]
    x0, y0 = int(history.index[-1]), float(history.iloc[-1]) / 1e6
    ax.fill_between(c["year"], c["obs_lower"] / 1e6, c["obs_upper"] / 1e6, color=PALETTE[0],
                    alpha=0.25, lw=0, label=f"{i18n.t('regression_forecast', lang)}: {pi}")
    styles = ["--", "-", ":", "-."]
    for i, name in enumerate(names):
        s = scenarios[scenarios["scenario"] == name]
        ax.plot([x0, *s["year"]], [y0, *(s["forecast"] / 1e6)], color=PALETTE[0],
                ls=styles[i % len(styles)], lw=1.8 if name == mid else 1.1,
                label=f"{i18n.t('regression_forecast', lang)}: {scenario_name(name, lang)}")
    ax.fill_between(drift["index"], drift["lower"] / 1e6, drift["upper"] / 1e6,
                    color=PALETTE[2], alpha=0.15, lw=0)
    ax.plot([x0, *drift["index"]], [y0, *(drift["forecast"] / 1e6)], color=PALETTE[2],
            label=f"{i18n.t('drift_forecast', lang)}, {pi}")
    printed = data.load("regression-forecast").query("variable == 'y'")
    ax.plot(printed["year"], printed["value"] / 1e6, marker="D", ms=4, lw=0.8, ls=":",
            color=PALETTE[1], label=i18n.t("dissertation_forecast", lang))
    ax.errorbar([2021], [check_2021["forecast"] / 1e6],
                yerr=[[(check_2021["forecast"] - check_2021["lower"]) / 1e6],
                      [(check_2021["upper"] - check_2021["forecast"]) / 1e6]],
                fmt="s", ms=5, color=PALETTE[3], capsize=3,
                label=i18n.t("model_2021_check", lang))
    ax.set_ylabel(wrap(i18n.t("gdp_per_capita_mln_tenge", lang), 32))
    _years_axis(ax, lang)
    ax.set_xlim(2009.5, scenarios["year"].max() + 0.5)
    ax.legend(fontsize="x-small", loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2)
    fig.tight_layout()
    return fig
