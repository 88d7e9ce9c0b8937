"""The indices chapter's tables: the analysis shown with headers in the reader's language.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from pandas.io.formats.style import Styler

from digecon import i18n
from digecon.chapters.indices.analysis import table22_frame


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
    differs["location"] = [f"{audit.localize_source(s, lang)}: {audit.localize_location(w, lang)}"
                           for s, w in zip(differs["source"], differs["location"], strict=True)]
    out = audit.translate(differs, lang)
    out = out.drop(columns=[i18n.t(c, lang) for c in ("chapter", "verdict", "source")])
    return styled(out)


def table22_table(derivation: pd.DataFrame, lang: str) -> Styler:
    """Кесте 22's derivation (see :func:`table22_frame`) for display in ``lang``."""
    out = table22_frame(derivation, lang)
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
    """The audit overview for display: sources, tables and "text" in ``lang``."""
    from digecon import audit

    out = overview.copy()
    out["source"] = [i18n.t(f"src_{s}", lang) for s in out["source"]]
    out["source_table"] = [i18n.t(f"src_{s}", lang) if s in ("text", "conclusions")
                           else audit.localize_location(s, lang) for s in out["source_table"]]
    return styled(i18n.translate_frame(out, lang))
