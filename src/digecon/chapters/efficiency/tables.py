"""The efficiency chapter's tables: the analysis shown with headers in the reader's language.
"""

from __future__ import annotations

import pandas as pd

from digecon.chapters.efficiency.analysis import table5
from digecon.fmt import compact
from digecon.i18n import check_lang, t


def table5_display(k5: pd.DataFrame, lang: str):
    """:func:`table5` for display in ``lang``: vocabulary headers, rounded, compact."""
    check_lang(lang)
    shown = table5(k5).rename(columns={
        "year": t("year", lang), "usd_kzt_rate": t("usd_kzt_rate", lang),
        "ict_exports_mln_kzt": t("ict_exports_mln_kzt", lang),
        "ict_imports_mln_kzt": t("ict_imports_mln_kzt", lang),
        "efficiency": t("ict_efficiency_ratio", lang),
        "efficiency_growth_pct": f"{t('efficiency_growth_pct', lang)} · {t('printed', lang)}",
        "recomputed": f"{t('efficiency_growth_pct', lang)} · {t('recomputed', lang)}",
    })
    fmt = {c: "{:,.1f}" for c in shown.columns[2:4]}
    fmt[shown.columns[1]] = "{:.2f}"
    fmt[shown.columns[4]] = "{:.3f}"
    fmt[shown.columns[5]] = "{:.3f}"
    fmt[shown.columns[6]] = "{:.3f}"
    return compact(shown.style.format(fmt, na_rep="–").hide(axis="index"))


def variables_display(variables: pd.DataFrame, lang: str):
    """The variables of Кесте 3 (code, printed Kazakh name, unit) with headers in ``lang``."""
    import html

    check_lang(lang)
    shown = variables[["code", "name_kk", "unit"]].copy()
    # the printed Kazakh name, marked as Kazakh where the page is in another language
    shown["name_kk"] = [html.escape(v) if lang == "kk" else f'<span lang="kk">{html.escape(v)}'
                        "</span>" for v in shown["name_kk"]]
    shown["unit"] = [_UNITS.get(u, {}).get(lang, u) for u in shown["unit"]]
    shown = shown.rename(columns={
        "code": t("variable_code", lang), "name_kk": t("ict_efficiency_variable", lang),
        "unit": t("unit", lang)})
    return shown.style.hide(axis="index")


#: the units of Кесте 3 in the reader's language
_UNITS = {
    "bn KZT": {"kk": "млрд теңге", "ru": "млрд тенге", "en": "bn KZT"},
    "mln KZT": {"kk": "млн теңге", "ru": "млн тенге", "en": "mln KZT"},
    "mln USD": {"kk": "млн АҚШ доллары", "ru": "млн долларов США", "en": "mln USD"},
    "bn USD": {"kk": "млрд АҚШ доллары", "ru": "млрд долларов США", "en": "bn USD"},
}
