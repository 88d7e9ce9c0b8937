"""The analysis of the chapter "E-commerce" (dissertation section 2.2, Tables 16-18).

Small functions take the book's tidy tables and return small wide frames (volumes, growth,
shares, the printed mentions of them); :mod:`.tables` and :mod:`.figures` show them in the
reader's language.

>>> from digecon.data import load
>>> wide = ecommerce_wide(load("ecommerce-printed"))
>>> round(float(wide.loc[2020, "ecommerce_total"]), 1)
960921.6
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from digecon.methods.growth import cagr, growth_rate

PRODUCTS = [
    "electronic_components",
    "computers_peripherals",
    "communication_equipment",
    "consumer_electronics",
]


CHANNELS = ["online_retail", "online_wholesale", "online_services"]


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
