"""The analysis of the chapter "concepts" (dissertation sections 1.1 and 1.3).

The data behind the timelines of the digital-economy concept (Table 1) and of the industrial
revolutions, the layout of the concept map, and the world-experience tables (Tables 8, 10, 11,
12) rebuilt as tidy frames; :mod:`.tables` and :mod:`.figures` show them. Labels come from the
vocabulary (:func:`digecon.i18n.t`); nothing is typed.

>>> short("cloud computing (cloud technologies)")
'cloud computing'
"""

from __future__ import annotations

import pandas as pd

from digecon import plots
from digecon.i18n import place, t
from digecon.methods import world

#: where each approach of Кесте 1 ends, read from its printed period (``period_kk``):
#: "90-шы жж. XX ғ. - 2000-шы жж." -> 2009, "2000-ы жж." -> 2009, "2010-ы жж" -> 2019,
#: "2016 ж. - қазіргі уақыт" -> the dissertation's year (2023), "2017-2018 жж" -> 2018.
PRESENT = 2023


APPROACH_END = {1: 2009, 2: 2009, 3: 2019, 4: PRESENT, 5: PRESENT, 6: 2018}


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


GROUP_ORDER = ("leaders", "stall_out", "break_out", "watch_out")


#: the vocabulary label of each Кесте 10 indicator
SGP_LABELS = {
    "population": "population_mln",
    "internet_users": "internet_users_mln",
    "mobile_connections": "mobile_connections_mln",
    "social_media_users": "social_media_users_mln",
}


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


def map_layout() -> dict[str, tuple[float, float]]:
    """Positions of the concept-map nodes: concepts above, technologies and uses below.

    >>> pos = map_layout()
    >>> pos["digital_economy"]
    (0.0, 0.7)
    >>> sorted(set(MAP_NODES) - set(pos))
    []
    """
    return {name: (x, y) for name, (_, x, y) in MAP_NODES.items()}


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
