"""Tables and figures of the chapter "E-commerce" (dissertation section 2.2, Кесте 16-18).

Data-prep helpers take the book's tidy tables and return small wide frames; figure functions
take those frames and a language code and return a matplotlib ``Figure`` whose every label
comes from :mod:`digecon.i18n`.

>>> from digecon.data import load
>>> wide = ecommerce_wide(load("ecommerce-printed"))
>>> round(float(wide.loc[2020, "ecommerce_total"]), 1)
960921.6
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import matplotlib.ticker as mticker
import numpy as np
import pandas as pd

from digecon.i18n import check_lang, t
from digecon.methods.growth import cagr, growth_rate
from digecon.plots import PALETTE, wrap  # also read as ecommerce_charts.wrap (tests)

PRODUCTS = [
    "electronic_components",
    "computers_peripherals",
    "communication_equipment",
    "consumer_electronics",
]
CHANNELS = ["online_retail", "online_wholesale", "online_services"]


# ------------------------------------------------------------------------------------------
# data preparation


def ict_output_wide(out16: pd.DataFrame) -> pd.DataFrame:
    """Кесте 16 by year: the four product groups, the printed total, their sum and the gap.

    >>> from digecon.data import load
    >>> w = ict_output_wide(load("ict-output-printed"))
    >>> round(float(w.loc[2018, "gap"]), 1), round(float(w.loc[2021, "gap"]), 1)
    (101.0, 200.0)
    """
    wide = out16.pivot(index="year", columns="product", values="output_mln_tenge")
    missing = [c for c in [*PRODUCTS, "ict_total"] if c not in wide.columns]
    if missing:
        raise ValueError(f"ict_output_wide: product {missing[0]!r} missing from Кесте 16 data")
    out = wide[[*PRODUCTS, "ict_total"]].copy()
    out["components_sum"] = out[PRODUCTS].sum(axis=1)
    out["gap"] = out["components_sum"] - out["ict_total"]
    out.index = out.index.astype(int)
    return out


def efficiency_table(eff: pd.DataFrame) -> pd.DataFrame:
    """Кесте 17 by year: printed efficiency, output / costs × 100 recomputed, and rounding.

    ``truncated`` is True where the printed value equals the recomputed one cut (not rounded)
    to one decimal and differs from it rounded.

    >>> from digecon.data import load
    >>> e = efficiency_table(load("ict-sector-efficiency-printed"))
    >>> round(float(e.loc[2016, "recomputed"]), 4), bool(e.loc[2016, "truncated"])
    (8.4608, True)
    """
    years = eff[eff["period"] != "total"].copy()
    years["year"] = years["period"].astype(int)
    years = years.set_index("year")
    out = pd.DataFrame(index=years.index)
    out["ict_costs_mln_tenge"] = years["ict_costs_mln_tenge"]
    out["ict_output_mln_tenge"] = years["ict_output_mln_tenge"]
    out["printed"] = years["efficiency_pct"]
    out["recomputed"] = 100.0 * years["ict_output_mln_tenge"] / years["ict_costs_mln_tenge"]
    rounded = out["recomputed"].round(1)
    cut = np.floor(out["recomputed"] * 10 + 1e-9) / 10
    out["truncated"] = np.isclose(out["printed"], cut) & ~np.isclose(out["printed"], rounded)
    return out


def pooled_efficiency(eff: pd.DataFrame) -> float:
    """Total output over total costs of Кесте 17, in per cent (the meaningful "total").

    >>> from digecon.data import load
    >>> round(pooled_efficiency(load("ict-sector-efficiency-printed")), 2)
    7.05
    """
    e = efficiency_table(eff)
    return float(100.0 * e["ict_output_mln_tenge"].sum() / e["ict_costs_mln_tenge"].sum())


def ecommerce_wide(ec: pd.DataFrame) -> pd.DataFrame:
    """Кесте 18 by year (one column per indicator) plus ``ecommerce_total`` of the channels."""
    wide = ec.pivot(index="year", columns="indicator", values="value")
    missing = [c for c in CHANNELS if c not in wide.columns]
    if missing:
        raise ValueError(f"ecommerce_wide: indicator {missing[0]!r} missing from Кесте 18 data")
    wide["ecommerce_total"] = wide[CHANNELS].sum(axis=1)
    wide.index = wide.index.astype(int)
    return wide


def growth_summary(wide: pd.DataFrame) -> pd.DataFrame:
    """Chain growth (%) of each channel and of the total, by year, with the CAGR in a last row.

    Rows are years (the first has no growth) and ``"cagr"``; columns are the channels and
    ``ecommerce_total``.

    >>> from digecon.data import load
    >>> g = growth_summary(ecommerce_wide(load("ecommerce-printed")))
    >>> r = g["online_retail"]
    >>> round(float(r[2020]), 1), round(float(r["cagr"]), 1)
    (131.1, 49.9)
    """
    cols = [*CHANNELS, "ecommerce_total"]
    out = {}
    first, last = int(wide.index.min()), int(wide.index.max())
    for c in cols:
        g = growth_rate(wide[c]).set_index("period")["change_pct"]
        g.loc["cagr"] = cagr(float(wide.loc[first, c]), float(wide.loc[last, c]), last - first)
        out[c] = g
    return pd.DataFrame(out).drop(index=first)


def segment_shares(wide: pd.DataFrame) -> pd.DataFrame:
    """Goods (online retail + wholesale) and services as a per cent of all e-commerce, by year.

    >>> from digecon.data import load
    >>> s = segment_shares(ecommerce_wide(load("ecommerce-printed")))
    >>> round(float(s.loc[2020, "ecom_goods"]), 1)
    78.2
    """
    goods = wide["online_retail"] + wide["online_wholesale"]
    total = wide["ecommerce_total"]
    return pd.DataFrame(
        {
            "ecom_goods": 100.0 * goods / total,
            "ecom_services": 100.0 * wide["online_services"] / total,
        }
    )


def _fig_value(text: pd.DataFrame, fid: str) -> float:
    hit = text.loc[text["figure_id"] == fid, "value"]
    if len(hit) != 1:
        raise ValueError(f"ecommerce text figures: expected one row {fid!r}, found {len(hit)}")
    return float(hit.item())


def share_mentions(text: pd.DataFrame) -> pd.DataFrame:
    """Every running-text mention of the e-commerce share of retail that has a year.

    Columns ``year``, ``line``, ``value``, ``figure_id``.

    >>> from digecon.data import load
    >>> m = share_mentions(load("ecommerce-text-figures"))
    >>> m[["year", "value"]].values.tolist()
    [[2018.0, 2.9], [2019.0, 3.7], [2019.0, 3.8], [2020.0, 9.0], [2020.0, 9.7]]
    """
    rows = text[(text["conflict_group"] == "ecom_share_retail") & text["year"].notna()]
    out = rows[["year", "line", "value", "figure_id"]].copy()
    out["year"] = out["year"].astype(float)
    return out.sort_values(["year", "value"]).reset_index(drop=True)


def share_targets(text: pd.DataFrame) -> pd.Series:
    """The Digital Kazakhstan targets for the e-commerce share of retail (line 2349), by year."""
    rows = text[text["figure_id"].str.startswith("d2349_target_share")]
    return pd.Series(rows["value"].to_numpy(float), index=rows["year"].astype(int).to_numpy())


def volume_mentions(text: pd.DataFrame) -> pd.DataFrame:
    """Text figures for the size of the e-commerce market (billion tenge) and what they imply.

    The PwC sentence (line 2353) gives "over 1 trillion tenge" in 2021, up 75 % on 2020 and
    threefold on 2019: 1 000 / 1.75 and 1 000 / 3 are the 2020 and 2019 levels it implies.

    >>> from digecon.data import load
    >>> v = volume_mentions(load("ecommerce-text-figures"))
    >>> v.round(1).values.tolist()
    [[2019.0, 700.0, 333.3, nan], [2020.0, nan, 571.4, 900.0]]
    """
    pwc = _fig_value(text, "d2353_pwc_volume_2021")
    return pd.DataFrame(
        {
            "year": [2019, 2020],
            "mention_2078": [_fig_value(text, "d2078_market_volume"), np.nan],
            "mention_pwc": [
                pwc / _fig_value(text, "d2353_pwc_growth_2019"),
                pwc / (1 + _fig_value(text, "d2353_pwc_growth_2020") / 100),
            ],
            "mention_kazpost": [np.nan, _fig_value(text, "d2352_kazpost_volume")],
        }
    )


# ------------------------------------------------------------------------------------------
# figures


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


# ------------------------------------------------------------------------------------------
# tables for display


def _short(key: str, lang: str) -> str:
    """A vocabulary label without its unit (the part after the last comma)."""
    return t(key, lang).rsplit(",", 1)[0]


def table16(wide: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Кесте 16 rebuilt for display: products, printed total, sum of parts and the gap."""
    check_lang(lang)
    cols = [*PRODUCTS, "ict_total", "components_sum", "gap"]
    out = wide[cols].round(1).T
    keys = {**{c: c for c in cols}, "gap": "components_gap"}
    out.index = [t(keys[c], lang) for c in cols]
    out.columns = [str(y) for y in out.columns]
    out.columns.name = t("year", lang)
    return out


def table17(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Кесте 17 rebuilt for display: costs, output, printed and recomputed efficiency."""
    check_lang(lang)
    out = table[["ict_costs_mln_tenge", "ict_output_mln_tenge", "printed", "recomputed"]].copy()
    out["recomputed"] = out["recomputed"].round(3)
    out.columns = [
        t("ict_costs_mln_tenge", lang),
        t("ict_output_mln_tenge", lang),
        f"{_short('economic_efficiency_pct', lang)}: {t('printed', lang).lower()}, %",
        f"{_short('economic_efficiency_pct', lang)}: {t('recomputed', lang).lower()}, %",
    ]
    out.index.name = t("year", lang)
    return out


def table18(wide: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Кесте 18 for display: the three channels, their total and the two shares."""
    check_lang(lang)
    cols = [*CHANNELS, "ecommerce_total", "ecommerce_share_retail", "ecommerce_share_wholesale"]
    out = wide[cols].round(1).copy()
    out.columns = [t(c, lang) for c in cols]
    out.index.name = t("year", lang)
    return out


def growth_table(growth: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Chain growth (%) by year and the CAGR row, for display in ``lang``.

    >>> from digecon.data import load
    >>> g = growth_table(growth_summary(ecommerce_wide(load("ecommerce-printed"))), "en")
    >>> g.index[-1]
    'Compound annual growth rate, %'
    """
    check_lang(lang)
    out = growth.round(1).copy()
    out.columns = [_short(c, lang) for c in out.columns]
    out.index = [t("cagr_pct", lang) if i == "cagr" else str(i) for i in out.index]
    out.index.name = t("growth_change_pct", lang)
    return out


def projection_table(proj: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A projection (billion tenge) for display: year, forecast, lower and upper bounds."""
    check_lang(lang)
    out = proj[["year", "forecast", "lower", "upper"]].round(1).copy()
    out.columns = [t("year", lang), t("forecast", lang), t("prediction_lower", lang),
                   t("prediction_upper", lang)]  # fmt: skip
    return out.set_index(t("year", lang))


def audit_display(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A chapter's audit rows for display: translated, without the chapter column, rounded.

    >>> from digecon.audits.ecommerce import audit
    >>> audit_display(audit().head(2), "en").columns[0]
    'Source'
    """
    from digecon.audit import translate

    out = translate(rows, lang).drop(columns=t("chapter", lang)).reset_index(drop=True)
    for key in ("printed", "recomputed", "official"):
        out[t(key, lang)] = out[t(key, lang)].round(3)
    out.index = out.index + 1
    return out
