"""The analysis of the chapter "indices" (EAEU indices, regions of Kazakhstan).

Small functions take plain data and return tidy frames: the EGDI reproduced, Table 22 derived,
the regions, an own composite index and how its ranks move; :mod:`.tables` and
:mod:`.figures` show them with headers and place names in the reader's language.

>>> short_place("KZ-AKM", "kk"), short_place("KZ-AKM", "en"), short_place("KZ-ALA", "ru")
('Ақмола', 'Akmola', 'г. Алматы')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from digecon import i18n
from digecon.methods.indices import competition_rank, composite_index, rank_share, truncate

#: the five EAEU members and the four leaders stored with them in ``un-egov-survey``
EAEU: tuple[str, ...] = ("KAZ", "RUS", "BLR", "ARM", "KGZ")


COMPONENTS: tuple[str, ...] = ("osi", "tii", "hci")


def short_place(code: str, lang: str) -> str:
    """A short name for a tile or a point label: the region word dropped ("Ақмола облысы" ->
    "Ақмола"), cities kept recognisable ("Алматы қаласы" -> "Алматы қ.").

    >>> short_place("KZ-VOS", "ru"), short_place("KZ-ALA", "kk"), short_place("KZ-ABY", "ru")
    ('Восточно-Казахстанская', 'Алматы қ.', 'Абай')
    """
    name = i18n.place(code, lang)
    if lang == "kk":
        return name.replace(" облысы", "").replace(" қаласы", " қ.")
    if lang == "ru":
        return name.replace(" область", "").replace("область ", "")
    return name.replace(" Region", "")


def egdi_reproduction(un: pd.DataFrame) -> pd.DataFrame:
    """Per survey year, the largest |mean(OSI, TII, HCI) - EGDI| over the stored countries.

    >>> un = pd.DataFrame({"survey_year": [2024, 2024], "osi": [0.9, 0.6], "tii": [0.6, 0.6],
    ...                    "hci": [0.9, 0.6], "egdi": [0.8, 0.61]})
    >>> egdi_reproduction(un)["max_abs_diff"].round(4).tolist()
    [0.01]
    """
    frame = un.copy()
    frame["mean3"] = frame[list(COMPONENTS)].astype(float).mean(axis=1)
    frame["diff"] = (frame["mean3"] - frame["egdi"].astype(float)).abs()
    out = frame.groupby("survey_year", sort=True)["diff"].max().reset_index()
    return out.rename(columns={"diff": "max_abs_diff"})


def table22_derivation(ranks: pd.DataFrame, chart: pd.DataFrame) -> pd.DataFrame:
    """Кесте 22 rebuilt from Кесте 21: 10 x rank / countries ranked, truncated to the printed
    decimals. When Кесте 21 prints no rank for a year the next year's rank is used and
    ``rank_year`` says so. Columns: ``index, year, rank_year, rank, n_countries, exact,
    truncated, printed, matches``.

    >>> ranks = pd.DataFrame({"index": ["db"], "year": [2017], "rank": [36], "n_countries": [190]})
    >>> chart = pd.DataFrame({"index": ["db"], "year": [2017], "value": [1.8], "printed": ["1.8"]})
    >>> table22_derivation(ranks, chart)[["exact", "truncated", "matches"]].round(3).values.tolist()
    [[1.895, 1.8, True]]
    """
    by_key = ranks.set_index(["index", "year"])
    rows = []
    for r in chart.dropna(subset=["value"]).itertuples(index=False):
        year = int(r.year)
        src = by_key.loc[(r.index, year)]
        if pd.isna(src["rank"]):
            year = year + 1
            src = by_key.loc[(r.index, year)]
        printed = str(r.printed).replace(",", ".")
        decimals = len(printed.split(".")[1]) if "." in printed else 0
        exact = float(rank_share(float(src["rank"]), float(src["n_countries"])))
        cut = truncate(exact, decimals)
        rows.append(
            {
                "index": r.index,
                "year": int(r.year),
                "rank_year": year,
                "rank": int(src["rank"]),
                "n_countries": int(src["n_countries"]),
                "exact": exact,
                "truncated": cut,
                "printed": float(r.value),
                "matches": bool(abs(cut - float(r.value)) < 1e-9),
            }
        )
    return pd.DataFrame(rows)


def regions_frame(
    index_table: pd.DataFrame, tiles: pd.DataFrame, correlations: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The 20 regions of Таблица 3 (national row dropped) with tile positions, the urban flag
    and, when given, Таблица 4's r. Sorted by the index, highest first."""
    regions = index_table[index_table["code"] != "KAZ"][["code", "rank", "index"]]
    out = regions.merge(tiles, on="code", how="left", validate="one_to_one")
    if out["tile_row"].isna().any():
        missing = out.loc[out["tile_row"].isna(), "code"].tolist()
        raise ValueError(f"regions_frame: no tile position for {missing} in kz-region-tiles")
    if correlations is not None:
        out = out.merge(
            correlations[["code", "r", "strength"]], on="code", how="left", validate="one_to_one"
        )
    out["urban"] = out["urban"].astype(bool)
    return out.sort_values("index", ascending=False, kind="stable").reset_index(drop=True)


def urban_divide(regions: pd.DataFrame) -> dict[str, float]:
    """Mean index of the cities (urban) and of the other regions, their ratio and gap.

    >>> df = pd.DataFrame({"index": [0.2, 0.1, 0.1], "urban": [True, False, False]})
    >>> {k: round(v, 3) for k, v in urban_divide(df).items()}["ratio"]
    2.0
    """
    urban = regions.loc[regions["urban"].astype(bool), "index"]
    other = regions.loc[~regions["urban"].astype(bool), "index"]
    if urban.empty or other.empty:
        raise ValueError("urban_divide: need at least one city and one other region")
    return {
        "mean_urban": float(urban.mean()),
        "mean_other": float(other.mean()),
        "ratio": float(urban.mean() / other.mean()),
        "gap": float(urban.mean() - other.mean()),
        "n_urban": float(len(urban)),
        "n_other": float(len(other)),
        "max_min_ratio": float(regions["index"].max() / regions["index"].min()),
    }


def country_components(un: pd.DataFrame, year: int, units: Sequence[str] = EAEU) -> pd.DataFrame:
    """OSI, TII, HCI (and the UN's EGDI) of ``units`` in survey ``year``, indexed by ISO3."""
    years = sorted(int(y) for y in un["survey_year"].unique())
    if int(year) not in years:
        raise ValueError(f"year {year} is not an EGDI survey year; choose one of {years}")
    rows = un[(un["survey_year"] == int(year))].set_index("iso3")
    unknown = [u for u in units if u not in rows.index]
    if unknown:
        raise ValueError(
            f"no UN E-Government Survey data for {unknown} in {year}; stored "
            f"countries are {sorted(rows.index)}"
        )
    return rows.loc[list(units), [*COMPONENTS, "egdi"]].astype(float)


def own_index(
    un: pd.DataFrame,
    year: int,
    units: Sequence[str] = EAEU,
    weights: Sequence[float] | Mapping[str, float] | None = None,
    normalization: str = "minmax",
    aggregation: str = "arithmetic",
) -> pd.DataFrame:
    """A student's index of ``units`` from OSI, TII and HCI, beside the UN's EGDI.

    Weights are importance scores, rescaled to sum to one. Columns: ``unit, score, rank,
    egdi, egdi_rank`` (EGDI rank among ``units``), sorted by rank.

    >>> from digecon import data
    >>> out = own_index(data.load("un-egov-survey"), 2024, normalization="none")
    >>> bool((out["score"].round(3) == out["egdi"].round(3)).all())
    True
    """
    comp = country_components(un, year, units)
    result = composite_index(
        comp[list(COMPONENTS)],
        normalization=normalization,
        weight=weights,
        weights_sum_to_one=False,
        aggregation=aggregation,
    )
    result["egdi"] = comp["egdi"].to_numpy()
    result["egdi_rank"] = competition_rank(comp["egdi"]).to_numpy()
    return result.sort_values(["rank", "unit"]).reset_index(drop=True)


def edition_shift(
    table9: pd.DataFrame,
    un: pd.DataFrame,
    countries: Sequence[str] = ("ARM", "KGZ"),
    editions: Sequence[int] = (2020, 2022),
) -> pd.DataFrame:
    """Кесте 9's EGDI ranks beside the UN's rank of the same and of the previous edition."""
    years = sorted(int(y) for y in un["survey_year"].unique())
    official = un.set_index(["iso3", "survey_year"])["egdi_rank"]
    rows = []
    for code in countries:
        for year in editions:
            hit = table9[
                (table9["country"] == code)
                & (table9["index"] == "egdi")
                & (table9["edition"] == year)
            ]
            previous = years[years.index(int(year)) - 1]
            rows.append(
                {
                    "country": code,
                    "edition": int(year),
                    "printed_rank": int(hit["rank"].item()),
                    "un_rank_same": int(official[(code, int(year))]),
                    "un_rank_previous": int(official[(code, previous)]),
                }
            )
    return pd.DataFrame(rows)


def audit_overview(rows: pd.DataFrame) -> pd.DataFrame:
    """Verdict counts per source and table (Кесте 9, ..., Таблица 4, text, conclusions), and for
    the world ranks the UN survey publishes (checked against it) how many agree with it.

    Columns: ``source`` ("dissertation" or "article"), ``source_table`` ("Кесте 9", "text",
    ...), ``reproduces``, ``differs``, ``cannot_be_recomputed``, ``un_rank_agrees``,
    ``un_rank_differs``.
    """
    frame = rows.copy()
    frame["source"] = frame["source"].str.split(" ").str[0]
    frame["source_table"] = frame["location"].str.extract(
        r"^((?:Кесте|Таблица) \d+|text|conclusions)")[0]
    has_official = frame["official"].notna() & frame["quantity"].str.contains(" rank")
    frame["un_rank_agrees"] = has_official & (frame["official"] == frame["printed"])
    frame["un_rank_differs"] = has_official & (frame["official"] != frame["printed"])
    out = (
        frame.groupby(["source", "source_table"], sort=False)
        .agg(
            reproduces=("verdict", lambda v: int((v == "reproduces").sum())),
            differs=("verdict", lambda v: int((v == "differs").sum())),
            cannot_be_recomputed=("verdict", lambda v: int((v == "cannot be recomputed").sum())),
            un_rank_agrees=("un_rank_agrees", "sum"),
            un_rank_differs=("un_rank_differs", "sum"),
        )
        .reset_index()
    )
    return out


def audit_row(rows: pd.DataFrame, location: str, contains: str) -> pd.Series:
    """The single audit row at ``location`` whose quantity contains ``contains``."""
    hit = rows[
        (rows["location"] == location) & rows["quantity"].str.contains(contains, regex=False)
    ]
    if len(hit) != 1:
        raise ValueError(
            f"audit_row: {len(hit)} rows at {location!r} contain {contains!r}; expected exactly one"
        )
    return hit.iloc[0]


def _cell22(r: pd.Series, lang: str = "en") -> str:
    from digecon.fmt import format_value

    def num(x: object) -> str:  # 1.8 in English, 1,8 in kk and ru
        return format_value(float(f"{float(x):g}"), "", lang)

    text = f"{int(r['rank'])}/{int(r['n_countries'])} → {num(r['truncated'])}"
    if r["rank_year"] != r["year"]:
        text = f"({text})*"
    if not r["matches"]:
        text += f" ≠ {num(r['printed'])}"
    return text


def table22_frame(derivation: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Кесте 22's derivation as a wide table: one row per index, one column per year, each
    cell "rank/countries → truncated value" ("≠ printed" added when the print differs; in
    brackets with a star when the rank is the next year's); numbers in the conventions of
    ``lang``.

    >>> d = pd.DataFrame({"index": ["x"], "year": [2020], "rank_year": [2020], "rank": [62],
    ...                   "n_countries": [167], "truncated": [3.0], "printed": [4.0],
    ...                   "matches": [False]})
    >>> table22_frame(d).loc[0, 2020]
    '62/167 → 3 ≠ 4'
    >>> table22_frame(d.assign(truncated=[1.8]), "kk").loc[0, 2020]
    '62/167 → 1,8 ≠ 4'
    """
    cells = derivation.assign(cell=derivation.apply(_cell22, axis=1, lang=lang))
    wide = cells.pivot(index="index", columns="year", values="cell")
    order = list(dict.fromkeys(derivation["index"]))
    return wide.loc[order].reset_index().rename_axis(columns=None).fillna("–")
