"""Small helpers for the e-government chapter: EGDI from its components, rank changes,
printed values lined up against the UN's official ones, and which official value a printed
number actually is.

The UN E-Government Development Index (EGDI) is the equal-weight mean of the Online Service
Index (OSI), the Telecommunication Infrastructure Index (TII) and the Human Capital Index (HCI).

>>> round(float(egdi_from_components(0.93903, 0.92353, 0.84029).iloc[0]), 5)
0.90095
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from digecon.methods._checks import as_series, fail
from digecon.methods.rounding import as_number, decimals_of

__all__ = [
    "COMPONENTS",
    "contributions",
    "egdi_from_components",
    "match_official",
    "printed_vs_official",
    "rank_change",
]

COMPONENTS: tuple[str, ...] = ("egdi", "osi", "tii", "hci")


def _values(x: object, what: str, func: str = "egdi_from_components") -> pd.Series:
    values = x if isinstance(x, pd.Series) else np.atleast_1d(np.asarray(x, dtype=object))
    return as_series(values, func, what, allow_missing=True)


def egdi_from_components(osi: object, tii: object, hci: object) -> pd.Series:
    """EGDI as the equal-weight mean of OSI, TII and HCI (scalars, arrays or aligned Series).

    Components must lie in [0, 1]; missing components give NaN.

    Parameters
    ----------
    osi, tii, hci : float, array-like or pandas.Series
        The three components, in [0, 1].

    Returns
    -------
    pandas.Series
        The EGDI of each case.

    Examples
    --------
    >>> egdi_from_components([0.3, 0.6], [0.6, 0.6], [0.9, 0.9]).round(2).tolist()
    [0.6, 0.7]
    """
    parts = [_values(v, name) for v, name in ((osi, "osi"), (tii, "tii"), (hci, "hci"))]
    lengths = {len(p) for p in parts}
    if len(lengths) != 1:
        fail("egdi_from_components", "osi, tii, hci", f"have lengths {[len(p) for p in parts]}",
             "expected equal lengths")
    index = parts[0].index
    values = [p.to_numpy() for p in parts]
    for name, v in zip(("osi", "tii", "hci"), values, strict=True):
        bad = (v < 0) | (v > 1)
        if bad.any():
            i = int(bad.nonzero()[0][0])
            fail("egdi_from_components", name, f"element {index[i]!r} is {float(v[i])!r}",
                 "expected a value from 0 to 1")
    return pd.Series(np.mean(values, axis=0), index=index, name="egdi")


def rank_change(ranks: pd.Series, *, base: int | None = None) -> pd.DataFrame:
    """Places gained between ranks (index = year): ``base_rank - rank``, + = moved up.

    Without ``base`` each year is compared with the previous one; with ``base`` every year
    is compared with that year.

    Parameters
    ----------
    ranks : pandas.Series
        Ranks indexed by year.
    base : int, optional
        A year to compare every year with (else the previous year).

    Returns
    -------
    pandas.DataFrame
        ``year, rank, base_year, base_rank, places_gained`` (+ = moved up).

    Examples
    --------
    >>> r = pd.Series([46, 38, 29], index=[2010, 2012, 2020])
    >>> rank_change(r, base=2010)["places_gained"].tolist()
    [0, 8, 17]
    >>> rank_change(r)["places_gained"].tolist()
    [8, 9]
    """
    if not isinstance(ranks, pd.Series):
        fail("rank_change", "ranks", f"is a {type(ranks).__name__}",
             "expected a Series indexed by year")
    values = _values(ranks, "ranks", "rank_change")
    if values.isna().any():
        fail("rank_change", "ranks", f"has no rank in year {values.index[values.isna()][0]!r}",
             "expected a rank for every year")
    if (values < 1).any():
        fail("rank_change", "ranks", f"holds the rank {values[values < 1].iloc[0]!r}, below 1",
             "expected ranks of 1 or more")
    values = values.sort_index()
    if base is not None:
        if base not in values.index:
            fail("rank_change", "base", f"is {base!r}, a year not in the ranks",
                 f"expected one of {list(values.index)}")
        base_years = pd.Series(base, index=values.index)
    else:
        if len(values) < 2:
            fail("rank_change", "ranks", f"has {len(values)} year",
                 "at least 2 are needed to compare")
        base_years = pd.Series(values.index[:-1], index=values.index[1:])
        values = values.iloc[1:]
    base_rank = ranks.sort_index().reindex(base_years.to_numpy()).to_numpy()
    return pd.DataFrame(
        {
            "year": values.index.to_numpy(),
            "rank": values.to_numpy().astype(int),
            "base_year": base_years.to_numpy(),
            "base_rank": base_rank.astype(int),
            "places_gained": (base_rank - values.to_numpy()).astype(int),
        }
    )


def printed_vs_official(
    printed: pd.DataFrame,
    official: pd.DataFrame,
    components: Sequence[str] = COMPONENTS,
    *,
    year: str = "year",
    official_year: str = "survey_year",
) -> pd.DataFrame:
    """Line up printed and official values by year and component (tidy, long).

    ``printed`` has a ``year`` column and one column per component; ``official`` the same
    for one country with ``survey_year``. Returns ``year, component, printed, official, diff``
    (``diff = printed - official``; NaN where the official file has no such year).

    Parameters
    ----------
    printed : pandas.DataFrame
        Printed values: a ``year`` column and one column per component.
    official : pandas.DataFrame
        One country's official values, with ``survey_year``.
    components : sequence of str
        The components compared.
    year, official_year : str
        The year columns of the two frames.

    Returns
    -------
    pandas.DataFrame
        ``year, component, printed, official, diff``.

    Examples
    --------
    >>> p = pd.DataFrame({"year": [2024], "egdi": [0.9009]})
    >>> o = pd.DataFrame({"survey_year": [2024], "egdi": [0.90093]})
    >>> printed_vs_official(p, o, ["egdi"]).round(5).to_dict("records")
    [{'year': 2024, 'component': 'egdi', 'printed': 0.9009, 'official': 0.90093, 'diff': -3e-05}]
    """
    for frame, key, what in ((printed, year, "printed"), (official, official_year, "official")):
        missing = [c for c in [key, *components] if c not in frame.columns]
        if missing:
            fail("printed_vs_official", what, f"has no column(s) {missing}",
                 f"its columns are {list(frame.columns)}")
    if official[official_year].duplicated().any():
        fail("printed_vs_official", "official", "has a survey year twice",
             "pass the rows of one country only")
    off = official.set_index(official_year)
    rows = []
    for _, row in printed.iterrows():
        y = int(row[year])
        for comp in components:
            p = float(row[comp]) if pd.notna(row[comp]) else float("nan")
            o = float(off.loc[y, comp]) if y in off.index else float("nan")
            rows.append({"year": y, "component": comp, "printed": p, "official": o,
                         "diff": p - o})
    return pd.DataFrame(rows)


def match_official(
    printed: str | float,
    official: pd.DataFrame,
    columns: Sequence[str] = ("egdi", "osi", "tii", "hci", "epi"),
    *,
    decimals: int | None = None,
    id_columns: Sequence[str] = ("iso3", "survey_year"),
) -> pd.DataFrame:
    """Which official values does a printed number equal, at its printed precision?

    An official value matches when it rounds (or truncates) to the printed number. Pass the
    number as printed (``"0,9021"``) so the precision is known. Returns one row per match:
    the id columns, ``component``, ``official``, ``rule`` (``rounded`` or ``truncated``).

    Parameters
    ----------
    printed : str or float
        The number as printed (a string keeps its precision).
    official : pandas.DataFrame
        The official values, with the id columns.
    columns : sequence of str
        The components compared.
    decimals : int, optional
        The printed precision, when ``printed`` is a number.
    id_columns : sequence of str
        The columns that name a case.

    Returns
    -------
    pandas.DataFrame
        The id columns, ``component``, ``official`` and ``rule``, one row per match.

    Examples
    --------
    >>> o = pd.DataFrame({"iso3": ["KAZ"], "survey_year": [2022], "tii": [0.7520],
    ...                   "hci": [0.90210]})
    >>> match_official("0,9021", o, ["tii", "hci"])[["survey_year", "component"]].values.tolist()
    [[2022, 'hci']]
    """
    value = as_number(printed)
    places = decimals if decimals is not None else decimals_of(printed)
    missing = [c for c in [*id_columns, *columns] if c not in official.columns]
    if missing:
        fail("match_official", "official", f"has no column(s) {missing}",
             f"its columns are {list(official.columns)}")
    scale = 10.0**places
    rows = []
    for _, row in official.iterrows():
        for comp in columns:
            o = row[comp]
            if pd.isna(o):
                continue
            o = float(o)
            if abs(o - value) <= 0.5 / scale + 1e-12:
                rule = "rounded"
            elif abs(np.floor(o * scale + 1e-9) / scale - value) < 1e-12:
                rule = "truncated"
            else:
                continue
            rows.append({**{c: row[c] for c in id_columns}, "component": comp,
                         "official": o, "rule": rule})
    return pd.DataFrame(rows, columns=[*id_columns, "component", "official", "rule"])


def contributions(official: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    """Split the change of the EGDI between two surveys into its components' shares.

    Because the EGDI is the equal-weight mean of OSI, TII and HCI, its change is exactly
    :math:`\\Delta EGDI = (\\Delta OSI + \\Delta TII + \\Delta HCI)/3`. ``official`` holds one
    country's rows (``survey_year`` and the four columns). Returns ``component, start, end,
    change, contribution`` (contribution = change / 3, so the three add up to the EGDI change).

    Parameters
    ----------
    official : pandas.DataFrame
        One country's rows: ``survey_year``, ``egdi``, ``osi``, ``tii``, ``hci``.
    start, end : int
        The two survey years.

    Returns
    -------
    pandas.DataFrame
        ``component, start, end, change, contribution``, one row per component.

    Examples
    --------
    >>> o = pd.DataFrame({"survey_year": [2005, 2024], "egdi": [0.4, 0.7],
    ...                   "osi": [0.3, 0.9], "tii": [0.1, 0.4], "hci": [0.8, 0.8]})
    >>> contributions(o, 2005, 2024)["contribution"].round(2).tolist()
    [0.2, 0.1, 0.0]
    """
    rows = official.set_index("survey_year")
    for year in (start, end):
        if year not in rows.index:
            fail("contributions", "start" if year == start else "end",
                 f"is {year}, not a survey year", f"expected one of {sorted(rows.index.tolist())}")
    out = []
    for comp in ("osi", "tii", "hci"):
        a, b = float(rows.at[start, comp]), float(rows.at[end, comp])
        out.append(
            {"component": comp, "start": a, "end": b, "change": b - a, "contribution": (b - a) / 3}
        )
    return pd.DataFrame(out)
