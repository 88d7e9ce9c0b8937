"""Figures and display tables of the chapter "concepts" (dissertation sections 1.1 and 1.3).

Timelines of the digital-economy concept (Кесте 1) and of the industrial revolutions, a concept
map of the platforms and technologies, and the world-experience tables (Кесте 8, 10, 11, 12)
rebuilt and charted. Labels come from the vocabulary (:func:`digecon.i18n.t`) and place names
from :func:`digecon.i18n.place`; nothing is typed.

>>> short("cloud computing (cloud technologies)")
'cloud computing'
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from digecon import plots
from digecon.i18n import check_lang, place, t
from digecon.methods import world
from digecon.plots import PALETTE, legend_below

#: where each approach of Кесте 1 ends, read from its printed period (``period_kk``):
#: "90-шы жж. XX ғ. - 2000-шы жж." -> 2009, "2000-ы жж." -> 2009, "2010-ы жж" -> 2019,
#: "2016 ж. - қазіргі уақыт" -> the dissertation's year (2023), "2017-2018 жж" -> 2018.
PRESENT = 2023
APPROACH_END = {1: 2009, 2: 2009, 3: 2019, 4: PRESENT, 5: PRESENT, 6: 2018}

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

#: the concept map: node key (a glossary term) -> (ring, x, y); ring 0 is the centre,
#: 1 the concepts, 2 the technologies, 3 the applications.
MAP_NODES = {
    "digital_economy": (0, 0.0, 0.7),
    "digitization": (1, -2.5, 2.3), "digitalization": (1, 0.0, 2.3),
    "digital_transformation": (1, 2.5, 2.3),
    "industry_4_0": (1, -2.0, -0.6), "digital_platform": (1, 2.0, -0.6),
    "internet_of_things": (2, -3.4, -2.0), "artificial_intelligence": (2, -1.9, -2.0),
    "big_data": (2, -0.4, -2.0), "cloud_computing": (2, 1.3, -2.0), "blockchain": (2, 3.1, -2.0),
    "e_government": (3, -1.6, -3.5), "e_commerce": (3, 0.8, -3.5), "cybersecurity": (3, 3.0, -3.5),
}
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

GROUP_ORDER = ("leaders", "stall_out", "break_out", "watch_out")
INDICATORS_SGP = ("population", "internet_users", "mobile_connections", "social_media_users")
#: the vocabulary label of each Кесте 10 indicator
SGP_LABELS = {
    "population": "population_mln",
    "internet_users": "internet_users_mln",
    "mobile_connections": "mobile_connections_mln",
    "social_media_users": "social_media_users_mln",
}
INDICATORS_RUS = ("households_internet", "daily_internet_users", "egov_users", "ict_rd_share")
SECTORS = ("private", "higher_education", "government", "public_research_institutes")


def short(term: str) -> str:
    """A glossary name without its parenthesised gloss, for a compact label."""
    return term.split(" (")[0].strip()


def wrap(text: str, width: int = 18) -> str:
    """:func:`digecon.plots.wrap` that keeps long words whole (a term is never split).

    >>> wrap("digital transformation", 10)
    'digital\\ntransformation'
    """
    return plots.wrap(text, width, break_long_words=False)


def country_name(code: str, lang: str) -> str:
    """A place name, or the vocabulary's name for a grouping the places table lacks.

    >>> country_name("NORDIC", "en"), country_name("SGP", "ru")
    ('Nordic countries', 'Сингапур')
    """
    if code == "NORDIC":
        return t("nordic_countries", lang)
    return place(code, lang)


# --------------------------------------------------------------------------- section 1.1


def evolution_table(k1: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Кесте 1 for display: approach, representatives, period and content in ``lang``.

    The content is the printed Kazakh text for ``kk`` and the transcribers' summary for
    ``ru``/``en``; the period is printed for ``kk`` and given as start year otherwise.
    """
    check_lang(lang)
    approach = k1[f"approach_{lang}"]
    content = k1["content_kk"] if lang == "kk" else k1[f"summary_{lang}"]
    period = (
        k1["period_kk"]
        if lang == "kk"
        else [
            f"{int(s)}–{APPROACH_END[int(r)] if APPROACH_END[int(r)] != PRESENT else '…'}"
            for s, r in zip(k1["period_start"], k1["row"], strict=True)
        ]
    )
    out = pd.DataFrame(
        {
            t("approach", lang): approach.to_numpy(),
            t("representatives", lang): k1["representatives_kk"].fillna("—").to_numpy(),
            t("period", lang): [" ".join(str(p).split()) for p in period],
            t("content", lang): content.to_numpy(),
        }
    )
    return out


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


def map_layout() -> dict[str, tuple[float, float]]:
    """Positions of the concept-map nodes: concepts above, technologies and uses below.

    >>> pos = map_layout()
    >>> pos["digital_economy"]
    (0.0, 0.7)
    >>> sorted(set(MAP_NODES) - set(pos))
    []
    """
    return {name: (x, y) for name, (_, x, y) in MAP_NODES.items()}


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


# --------------------------------------------------------------------------- section 1.3


def groups_table(groups: pd.DataFrame, descriptions: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Кесте 8 rebuilt: each group, its countries in ``lang``, their count, the description."""
    check_lang(lang)
    desc = descriptions.set_index("group")
    rows = []
    for g in GROUP_ORDER:
        members = groups[groups["group"] == g].sort_values("order")
        rows.append(
            {
                t("digital_evolution_group", lang): t(f"group_{g}", lang),
                t("group_members", lang): ", ".join(country_name(c, lang) for c in members["code"]),
                t("n_countries", lang): len(members),
                t("group_description", lang): desc.at[g, f"description_{lang}"],
            }
        )
    return pd.DataFrame(rows)


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


def singapore_changes(levels: pd.DataFrame, printed: pd.DataFrame) -> pd.DataFrame:
    """Кесте 10's change column: printed beside recomputed from the printed levels.

    Returns ``indicator, start, end, abs_printed, abs_recomputed`` (thousands) and
    ``pct_printed, pct_recomputed``.

    >>> lv = pd.DataFrame({"indicator": ["x", "x"], "year": [2021, 2022], "value": [5.29, 5.35]})
    >>> pr = pd.DataFrame({"indicator": ["x"], "abs_change": [43], "pct_change": [0.5]})
    >>> singapore_changes(lv, pr)[["abs_recomputed", "pct_recomputed"]].round(2).values.tolist()
    [[60.0, 1.13]]
    """
    change = world.change_between(levels, 2021, 2022).set_index("indicator")
    pr = printed.set_index("indicator")
    rows = []
    for ind in pr.index:
        c = change.loc[ind]
        rows.append(
            {
                "indicator": ind,
                "start": c["start"],
                "end": c["end"],
                "abs_printed": float(pr.at[ind, "abs_change"]),
                "abs_recomputed": 1000.0 * c["abs_change"],
                "pct_printed": float(pr.at[ind, "pct_change"]),
                "pct_recomputed": c["pct_change"],
            }
        )
    return pd.DataFrame(rows)


def singapore_changes_display(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """:func:`singapore_changes` with headers and indicator names in ``lang``."""
    check_lang(lang)
    return pd.DataFrame(
        {
            short(t("indicator", lang)).capitalize(): [
                t(SGP_LABELS[i], lang) for i in table["indicator"]
            ],
            "2021": table["start"].round(2),
            "2022": table["end"].round(2),
            f"{t('abs_change', lang)} · {t('printed', lang)}": table["abs_printed"].round(0),
            f"{t('abs_change', lang)} · {t('recomputed', lang)}": table["abs_recomputed"].round(0),
            f"{t('pct_change', lang)} · {t('printed', lang)}": table["pct_printed"].round(1),
            f"{t('pct_change', lang)} · {t('recomputed', lang)}": table["pct_recomputed"].round(2),
        }
    )


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


def rd_totals(rd: pd.DataFrame) -> pd.DataFrame:
    """Кесте 11: the printed total of each year beside the sum of its four sectors.

    >>> rd = pd.DataFrame({"sector": ["a", "b", "total"], "year": [2015] * 3,
    ...                    "value": [1.0, 2.0, 4.0]})
    >>> rd_totals(rd).to_dict("records")
    [{'year': 2015, 'printed': 4.0, 'recomputed': 3.0, 'difference': 1.0}]
    """
    parts = rd[rd["sector"] != "total"]
    sums = world.totals(parts, by="year").set_index("year")["total"]
    printed = rd[rd["sector"] == "total"].set_index("year")["value"]
    out = pd.DataFrame(
        {
            "year": printed.index.astype(int),
            "printed": printed.to_numpy(),
            "recomputed": sums.reindex(printed.index).to_numpy(),
        }
    )
    out["difference"] = (out["printed"] - out["recomputed"]).round(6)
    return out


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


def russia_gdp_shares(figs: pd.DataFrame) -> pd.DataFrame:
    """The four figures the text gives for Russia's digital economy relative to GDP.

    ``figs`` is the resource ``concepts-text-figures-printed``; returns ``key, line, value``
    with ``key`` a vocabulary label naming the measure.
    """
    ids = {
        "c67": "ru_de_raec",
        "c73": "ru_de_issek_2020",
        "c74": "ru_de_issek_2021",
        "c75": "ru_de_ref53",
    }
    part = figs[figs["id"].isin(ids)].set_index("id").loc[list(ids)]
    return pd.DataFrame(
        {
            "key": [ids[i] for i in part.index],
            "line": part["line"].astype(int).to_numpy(),
            "value": part["value"].astype(float).to_numpy(),
        }
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
