"""Figures, tables and data helpers of the chapter "indices" (EAEU indices, regions of Kazakhstan).

Every drawing function takes plain data and a language code and returns a matplotlib
``Figure`` whose labels come from :mod:`digecon.i18n`; every table function returns a
``DataFrame`` with headers (and place names) in that language.

>>> short_place("KZ-AKM", "kk"), short_place("KZ-AKM", "en"), short_place("KZ-ALA", "ru")
('Ақмола', 'Akmola', 'г. Алматы')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch
from pandas.io.formats.style import Styler

from digecon import i18n
from digecon.methods.indices import competition_rank, composite_index, rank_share, truncate
from digecon.plots import KAZ_COLOUR, PALETTE, legend_below, wrap

#: the five EAEU members and the four leaders stored with them in ``un-egov-survey``
EAEU: tuple[str, ...] = ("KAZ", "RUS", "BLR", "ARM", "KGZ")
LEADERS: tuple[str, ...] = ("DNK", "KOR", "EST", "SGP")
COMPONENTS: tuple[str, ...] = ("osi", "tii", "hci")
COUNTRY_COLOURS: dict[str, str] = {
    "KAZ": KAZ_COLOUR,
    "RUS": PALETTE[1],
    "BLR": PALETTE[2],
    "ARM": PALETTE[3],
    "KGZ": PALETTE[4],
}
CITY_COLOUR = PALETTE[1]
REGION_COLOUR = PALETTE[0]


# --------------------------------------------------------------------------- data helpers


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
    world ranks (which cannot be recomputed) how many agree with the UN's published rank.

    Columns: ``source`` ("dissertation" or "article"), ``source_table`` ("Кесте 9", "text",
    ...), ``reproduces``, ``differs``, ``cannot_be_recomputed``, ``un_rank_agrees``,
    ``un_rank_differs``.
    """
    frame = rows.copy()
    frame["source"] = frame["source"].str.split(" ").str[0]
    frame["source_table"] = frame["location"].str.extract(
        r"^((?:Кесте|Таблица) \d+|text|conclusions)")[0]
    has_official = frame["official"].notna() & (frame["verdict"] == "cannot be recomputed")
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


# --------------------------------------------------------------------------- tables


def _fmt(value: object) -> str:
    """A cell as text: numbers without trailing zeros (at most 4 decimals), "–" for missing."""
    if isinstance(value, (bool, np.bool_)):
        return str(value)
    if isinstance(value, (int, float, np.integer, np.floating)):
        return "–" if pd.isna(value) else f"{round(float(value), 4):g}"
    return str(value)


def styled(frame: pd.DataFrame) -> Styler:
    """A table for the page: no row numbers, numbers without trailing zeros.

    >>> styled(pd.DataFrame({"a": [0.25, 32.0]})).to_html().count("0.25")
    1
    """
    return (frame.style.hide(axis="index").format(_fmt)
            .set_table_attributes('class="dataframe"'))


def audit_differs_table(rows: pd.DataFrame, lang: str) -> Styler:
    """The audit rows whose verdict is *differs*, without the columns that are the same for all
    (chapter, verdict), headers in ``lang``."""
    from digecon import audit

    differs = rows[rows["verdict"] == audit.DIFFERS].copy()
    differs["location"] = differs["source"] + ": " + differs["location"]
    out = audit.translate(differs, lang)
    out = out.drop(columns=[i18n.t(c, lang) for c in ("chapter", "verdict", "source")])
    return styled(out)


def _cell22(r: pd.Series) -> str:
    text = f"{int(r['rank'])}/{int(r['n_countries'])} → {r['truncated']:g}"
    if r["rank_year"] != r["year"]:
        text = f"({text})*"
    if not r["matches"]:
        text += f" ≠ {r['printed']:g}"
    return text


def table22_frame(derivation: pd.DataFrame) -> pd.DataFrame:
    """Кесте 22's derivation as a wide table: one row per index, one column per year, each
    cell "rank/countries → truncated value" ("≠ printed" added when the print differs; in
    brackets with a star when the rank is the next year's).

    >>> d = pd.DataFrame({"index": ["x"], "year": [2020], "rank_year": [2020], "rank": [62],
    ...                   "n_countries": [167], "truncated": [3.0], "printed": [4.0],
    ...                   "matches": [False]})
    >>> table22_frame(d).loc[0, 2020]
    '62/167 → 3 ≠ 4'
    """
    cells = derivation.assign(cell=derivation.apply(_cell22, axis=1))
    wide = cells.pivot(index="index", columns="year", values="cell")
    order = list(dict.fromkeys(derivation["index"]))
    return wide.loc[order].reset_index().rename_axis(columns=None).fillna("–")


def table22_table(derivation: pd.DataFrame, lang: str) -> Styler:
    """Кесте 22's derivation (see :func:`table22_frame`) for display in ``lang``."""
    out = table22_frame(derivation)
    out["index"] = [i18n.t(f"ix_{k}", lang) for k in out["index"]]
    out.columns = [str(c) for c in out.columns]
    return styled(i18n.translate_frame(out, lang, columns={"index": "index_name"}))


def desi_table(desi: pd.DataFrame, lang: str) -> Styler:
    """DESI's five dimensions, weights and indicator counts, with a total row."""
    out = desi[["dimension", "weight", "n_indicators"]].copy()
    out["dimension"] = [i18n.t(f"desi_{d}", lang) for d in out["dimension"]]
    total = pd.DataFrame({"dimension": [i18n.t("sector_total", lang)],
                          "weight": [out["weight"].sum()],
                          "n_indicators": [out["n_indicators"].sum()]})
    out = pd.concat([out, total], ignore_index=True)
    return styled(i18n.translate_frame(out, lang, columns={"dimension": "desi_dimension"}))


def own_index_table(result: pd.DataFrame, lang: str) -> Styler:
    """The student's index for display: country, score, rank, UN EGDI and its rank."""
    out = result[["unit", "score", "rank", "egdi", "egdi_rank"]].copy()
    return styled(i18n.translate_frame(out, lang, places_in=["unit"], columns={
        "unit": "country", "score": "own_score", "rank": "own_rank",
        "egdi_rank": "egdi_rank_among"}))


def regions_r_table(regions: pd.DataFrame, lang: str) -> Styler:
    """Таблица 3's index and Таблица 4's r per region, with the verbal strength of the link."""
    out = regions[["code", "index", "r", "strength"]].copy()
    out["strength"] = [i18n.t(f"link_{s}", lang) for s in out["strength"]]
    out["index"] = [f"{v:.3f}" for v in out["index"]]  # as printed: three decimals
    out["r"] = [f"{v:.2f}" for v in out["r"]]  # as printed: two decimals
    return styled(i18n.translate_frame(out, lang, places_in=["code"], columns={
        "code": "region", "index": "digitalization_index", "r": "correlation_r",
        "strength": "strength_of_link"}))


def edition_shift_table(shift: pd.DataFrame, lang: str) -> Styler:
    """Кесте 9's shifted EGDI ranks for display."""
    return styled(i18n.translate_frame(shift, lang, places_in=["country"]))


def audit_overview_table(overview: pd.DataFrame, lang: str) -> Styler:
    """The audit overview for display: sources and "text" in ``lang``."""
    out = overview.copy()
    out["source"] = [i18n.t(f"src_{s}", lang) for s in out["source"]]
    out["source_table"] = [i18n.t(f"src_{s}", lang) if s in ("text", "conclusions") else s
                           for s in out["source_table"]]
    return styled(i18n.translate_frame(out, lang))


# --------------------------------------------------------------------------- figures


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
    fig, ax = plt.subplots(figsize=(8.0, 5.4))
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
        label = wrap(short_place(r.code, lang), 13, break_long_words=False)
        longest = max(len(line) for line in label.splitlines())
        ax.text(
            x + 0.5,
            y + 0.58,
            label,
            ha="center",
            va="center",
            fontsize=min(7.0, 7.0 * 13 / longest),  # long one-word names get a smaller font
            color="white" if dark else "black",
        )
        ax.text(
            x + 0.5,
            y + 0.2,
            f"{v:.3f}",
            ha="center",
            va="center",
            fontsize=7.5,
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
    fig.tight_layout()
    return fig


def plot_index_vs_r(regions: pd.DataFrame, lang: str) -> plt.Figure:
    """Each region's 2023 index (Таблица 3) against its printed r with GRP (Таблица 4)."""
    fig, ax = plt.subplots(figsize=(7.0, 4.4))
    colours = [CITY_COLOUR if u else REGION_COLOUR for u in regions["urban"]]
    ax.scatter(regions["index"], regions["r"], c=colours, s=36, zorder=3)
    for r in regions.itertuples(index=False):
        ax.annotate(
            short_place(r.code, lang),
            (r.index, r.r),
            fontsize=6.5,
            xytext=(3, 2),
            textcoords="offset points",
        )
    ax.scatter([], [], color=CITY_COLOUR, label=i18n.t("cities", lang))
    ax.scatter([], [], color=REGION_COLOUR, label=i18n.t("other_regions", lang))
    ax.set_xlabel(i18n.t("digitalization_index", lang))
    ax.set_ylabel(i18n.t("correlation_r", lang))
    ax.legend(fontsize="small", loc="upper left")
    fig.tight_layout()
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
