"""The analysis of the chapter "ICT workforce" (dissertation section 3.2, article 004).

Small functions read the transcribed running-text figures, the ICT-cost structure, the
monotown table and the regional digitalization index and return tidy frames;
:mod:`.figures` draws them in the reader's language.

>>> from digecon.data import load
>>> figures = workforce_figures(load("workforce-text-figures"))
>>> figures["d2152_it_need_2013"], figures["d2152_it_need_2021"]
(4449.0, 7038.0)
"""

from __future__ import annotations

import pandas as pd

from digecon.methods.growth import growth_rate

#: the 14 oblasts before the 2022 reform (article 004 counts monotowns in these)
OBLASTS_PRE2022 = [
    "KZ-AKM", "KZ-AKT", "KZ-ALM", "KZ-ATY", "KZ-ZAP", "KZ-ZHA", "KZ-KAR", "KZ-KUS", "KZ-KZY",
    "KZ-MAN", "KZ-PAV", "KZ-SEV", "KZ-VOS", "KZ-YUZ",
]  # fmt: skip


#: the 17 oblasts after the 2022 reform (Abai, Zhetisu and Ulytau added)
OBLASTS_2022 = [*OBLASTS_PRE2022, "KZ-ABY", "KZ-ZHT", "KZ-ULT"]


#: TVET IT specialities listed at line 3909 of the dissertation (six names)
TVET_SPECIALITIES_LISTED = 6


def workforce_figures(text: pd.DataFrame) -> dict[str, float]:
    """Every running-text figure of the workforce table as ``{figure_id: value}``."""
    if text["figure_id"].duplicated().any():
        dup = text.loc[text["figure_id"].duplicated(), "figure_id"].iloc[0]
        raise ValueError(f"workforce text figures: figure_id {dup!r} appears twice")
    return {str(k): float(v) for k, v in zip(text["figure_id"], text["value"], strict=True)}


def need_growth(figures: dict[str, float]) -> float:
    """Per cent growth of the need for IT specialists from 2013 to 2021 (line 2152).

    >>> round(need_growth({"d2152_it_need_2013": 4449.0, "d2152_it_need_2021": 7038.0}), 1)
    58.2
    """
    s = pd.Series([figures["d2152_it_need_2013"], figures["d2152_it_need_2021"]], [2013, 2021])
    return float(growth_rate(s, method="base")["change_pct"].iloc[-1])


def two_numbers(figures: dict[str, float]) -> pd.DataFrame:
    """Where the text gives two numbers for one thing: the quantity and both values.

    Columns ``quantity`` (a vocabulary key), ``first``, ``first_label`` (how to label it:
    a text line or "recomputed"/"listed"), ``second``, ``second_label``.

    >>> from digecon.data import load
    >>> pairs = two_numbers(workforce_figures(load("workforce-text-figures")))
    >>> pairs[["first", "second"]].round(1).values.tolist()
    [[63.0, 58.2], [5.0, 6.0], [318.0, 300.0]]
    """
    f = figures
    return pd.DataFrame(
        [
            ("need_growth_pct", f["d2152_it_need_growth"], 2152, need_growth(f), "recomputed"),
            ("ict_specialities_n", f["d3850_specialities"], 3850, f["d3909_specialities"], 3909),
            ("tvet_ict", f["d3850_tvet_ict"], 3850, f["d3908_tvet_ict"], 3908),
        ],
        columns=["quantity", "first", "first_label", "second", "second_label"],
    )  # fmt: skip


def institutions(figures: dict[str, float]) -> pd.Series:
    """The counts of institutions the text gives (some are lower bounds), by vocabulary key."""
    return pd.Series(
        {
            "universities_ict": figures["d3850_universities"],
            "tvet_ict": figures["d3850_tvet_ict"],
            "tvet_public": figures["d3908_tvet_public"],
            "tvet_private": figures["d3908_tvet_private"],
            "tvet_total": figures["d3908_tvet_total"],
        }
    )


def monotowns_by_region(mono: pd.DataFrame, borders: str = "pre2022") -> pd.Series:
    """Number of monotowns per oblast, zeros included, on the old (14) or new (17) map.

    >>> from digecon.data import load
    >>> m = load("monotowns-printed")
    >>> old, new = monotowns_by_region(m), monotowns_by_region(m, "2022")
    >>> int(old["KZ-KAR"]), int(new["KZ-KAR"]), int(new["KZ-ULT"]), len(old), len(new)
    (8, 5, 3, 14, 17)
    """
    if borders == "pre2022":
        col, regions = "region_code", OBLASTS_PRE2022
    elif borders == "2022":
        col, regions = "region_code_2022", OBLASTS_2022
    else:
        raise ValueError(
            f"monotowns_by_region: borders {borders!r} unknown; use 'pre2022' or '2022'"
        )
    counts = mono.groupby(col).size()
    unknown = sorted(set(counts.index) - set(regions))
    if unknown:
        raise ValueError(
            f"monotowns_by_region: region code {unknown[0]!r} not among {borders} oblasts"
        )
    return counts.reindex(regions, fill_value=0).astype(int).sort_values(ascending=False)


def survey_with_remainder(values: dict[str, float]) -> pd.Series:
    """Survey shares (per cent) plus the remainder to 100 that the source leaves unsaid.

    >>> survey_with_remainder({"a": 47.0, "b": 21.9, "c": 21.0}).round(1).tolist()
    [47.0, 21.9, 21.0, 10.1]
    """
    s = pd.Series(values, dtype="float64")
    rest = 100.0 - float(s.sum())
    if rest < -0.05:
        raise ValueError(f"survey shares add to {s.sum():.1f}, more than 100")
    s["rest"] = max(rest, 0.0)
    return s
