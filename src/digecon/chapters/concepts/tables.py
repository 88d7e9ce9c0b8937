"""The concepts chapter's tables: the analysis shown with headers in the reader's language.
"""

from __future__ import annotations

import html

import pandas as pd

from digecon.chapters.concepts.analysis import (
    APPROACH_END,
    GROUP_ORDER,
    PRESENT,
    SGP_LABELS,
    country_name,
    short,
)
from digecon.i18n import check_lang, t


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
            # the names as the Kazakh source prints them, marked as Kazakh in ru and en
            t("representatives", lang): [
                f'<span lang="kk">{html.escape(r)}</span>' if lang != "kk" and isinstance(r, str)
                else (r if isinstance(r, str) else "—") for r in k1["representatives_kk"]],
            t("period", lang): [" ".join(str(p).split()) for p in period],
            t("content", lang): content.to_numpy(),
        }
    )
    return out


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
