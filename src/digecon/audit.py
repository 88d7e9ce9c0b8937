"""The reproduction audit: printed value, recomputed value, official value, verdict.

Every chapter checks the numbers its sources print. One check is one row with the columns
of :data:`AUDIT_COLUMNS`; a chapter's audit is a tidy ``DataFrame`` of such rows, built by a
function ``audit()`` in a module of :mod:`digecon.audits`. :func:`collect` gathers every
chapter's rows into the book's reproducibility report, so a new chapter only adds a module.

>>> row = check("article", "Table 5, line 210", "3-term moving sum, 2008", "1.6198", 1.61984)
>>> row["verdict"]
'reproduces'
"""

from __future__ import annotations

import importlib
import math
import pkgutil
from collections.abc import Iterable

import pandas as pd

from digecon.methods.rounding import as_number, decimals_of

AUDIT_COLUMNS = [
    "chapter",
    "source",
    "location",
    "quantity",
    "printed",
    "recomputed",
    "official",
    "verdict",
    "why",
]

REPRODUCES = "reproduces"
DIFFERS = "differs"
CANNOT = "cannot be recomputed"
VERDICTS = (REPRODUCES, DIFFERS, CANNOT)


def check(
    source: str,
    location: str,
    quantity: str,
    printed: str | float | int,
    recomputed: float | None,
    official: float | None = None,
    *,
    decimals: int | None = None,
    tolerance: float | None = None,
    why: str = "",
    chapter: str = "",
) -> dict[str, object]:
    """One audit row: does ``recomputed`` give ``printed`` at the precision it was printed?

    The verdict is *reproduces* when the recomputed value rounds to the printed one, that is
    when they differ by at most half a unit of the last printed decimal (or by ``tolerance``
    when given); *differs* otherwise; *cannot be recomputed* when ``recomputed`` is ``None``
    or NaN (then ``why`` must say what is missing).

    Pass ``printed`` as the string the source prints (``"0,4876"``) so that its precision is
    known, or give ``decimals``.

    >>> check("article", "Table 3", "EGDI 2005", "0,4876", 0.48125, official=0.48125)["verdict"]
    'differs'
    """
    value = as_number(printed)
    places = decimals if decimals is not None else decimals_of(printed)
    if recomputed is None or (isinstance(recomputed, float) and math.isnan(recomputed)):
        if not why:
            raise ValueError(f"{source}, {location}, {quantity}: say why it cannot be recomputed")
        verdict = CANNOT
        recomputed_value = float("nan")
    else:
        recomputed_value = float(recomputed)
        limit = tolerance if tolerance is not None else 0.5 * 10.0 ** (-places) + 1e-12
        verdict = REPRODUCES if abs(recomputed_value - value) <= limit else DIFFERS
    return {
        "chapter": chapter,
        "source": source,
        "location": location,
        "quantity": quantity,
        "printed": value,
        "recomputed": recomputed_value,
        "official": float("nan") if official is None else float(official),
        "verdict": verdict,
        "why": why,
    }


def cannot(
    source: str,
    location: str,
    quantity: str,
    printed: str | float | int | None,
    why: str,
    *,
    chapter: str = "",
) -> dict[str, object]:
    """An audit row for a printed number that cannot be recomputed, with the reason.

    >>> cannot("article", "text, line 12", "Pearson r", "0.93", "no series given")["verdict"]
    'cannot be recomputed'
    """
    if not why:
        raise ValueError(f"{source}, {location}, {quantity}: say why it cannot be recomputed")
    value = float("nan") if printed is None else as_number(printed)
    return {
        "chapter": chapter,
        "source": source,
        "location": location,
        "quantity": quantity,
        "printed": value,
        "recomputed": float("nan"),
        "official": float("nan"),
        "verdict": CANNOT,
        "why": why,
    }


def audit_frame(rows: Iterable[dict[str, object]], chapter: str) -> pd.DataFrame:
    """Turn rows from :func:`check` / :func:`cannot` into a chapter's audit table.

    >>> audit_frame([check("a", "T1", "x", "1.0", 1.02)], "demo")["verdict"].tolist()
    ['reproduces']
    """
    frame = pd.DataFrame(list(rows), columns=AUDIT_COLUMNS)
    frame["chapter"] = chapter
    bad = frame.loc[~frame["verdict"].isin(VERDICTS), "verdict"]
    if not bad.empty:
        raise ValueError(f"unknown verdict {bad.iloc[0]!r}; expected one of {VERDICTS}")
    return frame.reset_index(drop=True)


def summary(frame: pd.DataFrame) -> pd.DataFrame:
    """Count verdicts per chapter (a tidy table: chapter, verdict, n).

    >>> summary(audit_frame([check("a", "T1", "x", "1.0", 1.0)], "demo")).to_dict("records")
    [{'chapter': 'demo', 'verdict': 'reproduces', 'n': 1}]
    """
    return frame.groupby(["chapter", "verdict"], sort=True).size().reset_index(name="n")


def collect() -> pd.DataFrame:
    """Every chapter's audit rows: each module of :mod:`digecon.audits` that defines ``audit()``.

    >>> set(collect()["verdict"]) <= set(VERDICTS)
    True
    """
    from digecon import audits

    frames = []
    for info in sorted(pkgutil.iter_modules(audits.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"digecon.audits.{info.name}")
        if hasattr(module, "audit"):
            frames.append(module.audit())
    if not frames:
        return pd.DataFrame(columns=AUDIT_COLUMNS)
    return pd.concat(frames, ignore_index=True)


def translate(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The audit table for display in language ``lang``: headers, verdicts, chapter names.

    >>> rows = audit_frame([check("a", "T1", "x", "1.0", 1.0)], "egov")
    >>> translate(rows, "ru").columns[0], translate(rows, "ru")["Вердикт"].item()
    ('Глава', 'воспроизводится')
    """
    from digecon import i18n

    out = frame.copy()
    verdict_keys = {REPRODUCES: "reproduces", DIFFERS: "differs", CANNOT: "cannot_be_recomputed"}
    out["verdict"] = [i18n.t(verdict_keys[v], lang) for v in out["verdict"]]
    out["chapter"] = [_chapter_name(c, lang) for c in out["chapter"]]
    return out.rename(columns={c: i18n.t(c, lang) for c in out.columns})


def _chapter_name(chapter: str, lang: str) -> str:
    from digecon import i18n

    try:
        return i18n.t(f"chapter_{chapter}", lang)
    except KeyError:
        return chapter


def plot_verdicts(frame: pd.DataFrame, lang: str):
    """A horizontal stacked bar chart: verdict counts per chapter, labelled in ``lang``."""
    import matplotlib.pyplot as plt

    from digecon import i18n

    counts = summary(frame).pivot(index="chapter", columns="verdict", values="n")
    counts = counts.reindex(columns=list(VERDICTS)).fillna(0)
    counts.index = [_chapter_name(c, lang) for c in counts.index]
    colours = {REPRODUCES: "#009E73", DIFFERS: "#D55E00", CANNOT: "#999999"}
    keys = {REPRODUCES: "reproduces", DIFFERS: "differs", CANNOT: "cannot_be_recomputed"}
    fig, ax = plt.subplots(figsize=(7.0, 0.5 + 0.45 * len(counts)))
    left = pd.Series(0.0, index=counts.index)
    for verdict in VERDICTS:
        ax.barh(counts.index, counts[verdict], left=left, color=colours[verdict],
                label=i18n.t(keys[verdict], lang))
        left = left + counts[verdict]
    ax.set_xlabel(i18n.t("number_of_checks", lang))
    ax.invert_yaxis()
    ax.legend(loc="lower right", fontsize="small")
    fig.tight_layout()
    return fig
