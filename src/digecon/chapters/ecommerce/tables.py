"""The ecommerce chapter's tables: the analysis shown with headers in the reader's language.
"""

from __future__ import annotations

import pandas as pd

from digecon.chapters.ecommerce.analysis import CHANNELS, PRODUCTS
from digecon.i18n import check_lang, t


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

    >>> from digecon.chapters.ecommerce.analysis import ecommerce_wide, growth_summary
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
