"""Composite indices: normalize indicators, weight them, aggregate, rank, and test the ranks.

A composite index (EGDI, DESI, NRI, a regional digitalization index) is built in four steps,
each a small function here that takes plain data:

1. :func:`normalize` puts indicators measured in different units on one scale (min-max,
   z-score, distance to the leader, rank), turning lower-is-better indicators round;
2. :func:`weights` checks and completes a weighting (equal, given, user);
3. :func:`aggregate` combines the normalized indicators (arithmetic or geometric mean);
4. :func:`competition_rank` ranks units as the UN does: tied values share the best rank
   ("1224" ranking).

:func:`composite_index` runs the four steps and returns a tidy table; :func:`rank_uncertainty`
re-runs the index over random weightings and random normalization/aggregation choices and says
how firm each unit's rank is.

>>> data = pd.DataFrame({"osi": [0.9390, 0.7766], "tii": [0.9235, 0.9512],
...                      "hci": [0.8403, 0.8319]}, index=["KAZ", "RUS"])
>>> composite_index(data, normalization="none")[["unit", "score", "rank"]].round(4).to_dict("list")
{'unit': ['KAZ', 'RUS'], 'score': [0.9009, 0.8532], 'rank': [1, 2]}
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from digecon.methods._checks import as_frame, check_choice, fail

__all__ = [
    "AGGREGATIONS",
    "NORMALIZATIONS",
    "aggregate",
    "check_choices",
    "competition_rank",
    "composite_index",
    "normalize",
    "rank_share",
    "rank_uncertainty",
    "truncate",
    "weights",
]

NORMALIZATIONS = ("minmax", "zscore", "distance_to_leader", "rank", "none")
AGGREGATIONS = ("arithmetic", "geometric")

#: Normalization/aggregation pairs drawn by :func:`rank_uncertainty`. The geometric mean needs
#: strictly positive values, so it is paired only with the normalizations that give them.
DEFAULT_CHOICES = (
    ("minmax", "arithmetic"),
    ("zscore", "arithmetic"),
    ("distance_to_leader", "arithmetic"),
    ("rank", "arithmetic"),
    ("distance_to_leader", "geometric"),
    ("rank", "geometric"),
)


def _numeric_frame(data: pd.DataFrame, func: str, arg: str = "data") -> pd.DataFrame:
    """``data`` (units in rows, indicators in columns) as a float frame: the one checker."""
    return as_frame(data, None, func, arg)


def _directions(columns: Sequence[str], higher_is_better: object) -> np.ndarray:
    """Direction of each indicator as booleans (True = higher is better)."""
    cols = list(columns)
    if higher_is_better is None:
        return np.ones(len(cols), dtype=bool)
    if isinstance(higher_is_better, bool):
        return np.full(len(cols), higher_is_better)
    if isinstance(higher_is_better, Mapping):
        unknown = [k for k in higher_is_better if k not in cols]
        if unknown:
            fail("normalize", "higher_is_better", f"names {unknown[0]!r}, which is not a column",
                 f"expected some of {cols}")
        return np.array([bool(higher_is_better.get(c, True)) for c in cols])
    seq = list(higher_is_better)  # type: ignore[call-overload]
    if len(seq) != len(cols):
        fail("normalize", "higher_is_better", f"has {len(seq)} entries for {len(cols)} indicators",
             f"expected one per indicator {cols}")
    return np.array([bool(v) for v in seq])


def _normalize_array(x: np.ndarray, method: str, up: np.ndarray, cols: Sequence[str]) -> np.ndarray:
    """Normalize the columns of ``x`` (units x indicators); lower-is-better columns turned round."""
    if method == "none":
        return np.where(up, x, -x)
    if method == "minmax":
        lo, hi = x.min(axis=0), x.max(axis=0)
        span = hi - lo
        if (span == 0).any():
            c = cols[int(np.argmax(span == 0))]
            fail("normalize", "data", f"indicator {c!r} takes one value for every unit, so "
                 "max - min = 0 in min-max normalization",
                 "drop it or choose another normalization")
        return np.where(up, (x - lo) / span, (hi - x) / span)
    if method == "zscore":
        sd = x.std(axis=0, ddof=1) if x.shape[0] > 1 else np.zeros(x.shape[1])
        if (sd == 0).any():
            c = cols[int(np.argmax(sd == 0))]
            fail("normalize", "data", f"indicator {c!r} has standard deviation 0 (z-score)",
                 "expected at least two different values")
        z = (x - x.mean(axis=0)) / sd
        return np.where(up, z, -z)
    if method == "distance_to_leader":
        if (x <= 0).any():
            c = cols[int(np.argmax((x <= 0).any(axis=0)))]
            fail("normalize", "data", f"indicator {c!r} has a value <= 0 (distance to leader)",
                 "expected strictly positive values (value / leader's value)")
        return np.where(up, x / x.max(axis=0), x.min(axis=0) / x)
    if method == "rank":
        oriented = np.where(up, x, -x)
        # worst unit gets 1, best gets n; tied values share the lower score
        return (oriented[:, None, :] > oriented[None, :, :]).sum(axis=1) + 1.0
    fail("normalize", "method", f"is {method!r}", f"expected one of {NORMALIZATIONS}")


def normalize(
    data: pd.DataFrame,
    method: str = "minmax",
    higher_is_better: bool | Sequence[bool] | Mapping[str, bool] | None = None,
) -> pd.DataFrame:
    """Put every indicator (column) on a common scale where higher is better.

    ``minmax``: (x - min) / (max - min), for lower-is-better (max - x) / (max - min);
    ``zscore``: (x - mean) / sd (sample sd), sign flipped for lower-is-better;
    ``distance_to_leader``: x / max, or min / x for lower-is-better (values must be > 0);
    ``rank``: 1 + the number of units that are strictly worse (worst = 1, best = n);
    ``none``: the values as they are (sign flipped for lower-is-better).

    Parameters
    ----------
    data : pandas.DataFrame
        The indicators, one row per unit and one column per indicator.
    method : str
        One of ``NORMALIZATIONS`` (see above).
    higher_is_better : bool, sequence or mapping of bool, optional
        The direction of each indicator (all higher-is-better when not given).

    Returns
    -------
    pandas.DataFrame
        The normalized indicators, same shape, higher is better.

    Examples
    --------
    >>> df = pd.DataFrame({"a": [1.0, 2.0, 5.0], "cost": [4.0, 2.0, 1.0]}, index=list("xyz"))
    >>> normalize(df, "minmax", {"cost": False})
         a      cost
    x  0.00  0.000000
    y  0.25  0.666667
    z  1.00  1.000000
    """
    frame = _numeric_frame(data, "normalize")
    up = _directions(frame.columns, higher_is_better)
    values = _normalize_array(frame.to_numpy(), method, up, list(frame.columns))
    return pd.DataFrame(values, index=frame.index, columns=frame.columns)


def weights(
    indicators: Sequence[str],
    given: Sequence[float] | Mapping[str, float] | None = None,
    *,
    sum_to_one: bool = True,
    tol: float = 1e-6,
) -> pd.Series:
    """Check a weighting and return it as a Series indexed by indicator.

    ``given=None`` gives equal weights. Given weights (a sequence in column order or a mapping
    by name) must be one per indicator, finite and non-negative. With ``sum_to_one=True``
    (published weights, e.g. DESI's 0.25/0.25/0.15/0.20/0.15) they must sum to one; with
    ``sum_to_one=False`` (a user's importance scores) they are rescaled to sum to one.

    Parameters
    ----------
    indicators : sequence of str
        The indicators, in column order.
    given : sequence or mapping of float, optional
        The weights (equal when not given).
    sum_to_one : bool
        Require the weights to sum to one (else rescale them).
    tol : float
        The tolerance of that sum.

    Returns
    -------
    pandas.Series
        The weights, indexed by indicator, summing to one.

    Examples
    --------
    >>> weights(["a", "b", "c", "d"]).tolist()
    [0.25, 0.25, 0.25, 0.25]
    >>> weights(["a", "b"], [3, 1], sum_to_one=False).tolist()
    [0.75, 0.25]
    """
    names = list(indicators)
    if not names:
        fail("weights", "indicators", "is empty", "expected at least one indicator")
    if given is None:
        return pd.Series(np.full(len(names), 1.0 / len(names)), index=names, name="weight")
    if isinstance(given, Mapping):
        missing = [n for n in names if n not in given]
        extra = [k for k in given if k not in names]
        if missing or extra:
            fail("weights", "given", f"misses {missing} and names unknown {extra}",
                 f"expected one weight per indicator {names}")
        raw = [given[n] for n in names]
    else:
        raw = list(given)
        if len(raw) != len(names):
            fail("weights", "given", f"has {len(raw)} weights for {len(names)} indicators",
                 f"expected one weight per indicator {names}")
    try:
        w = np.array(raw, dtype=float)
    except (TypeError, ValueError):
        fail("weights", "given", f"is {raw!r}", "expected numbers")
    if not np.isfinite(w).all():
        i = int(np.argmax(~np.isfinite(w)))
        fail("weights", "given", f"weight of {names[i]!r} is {w[i]}", "expected a finite number")
    if (w < 0).any():
        i = int(np.argmax(w < 0))
        fail("weights", "given", f"weight of {names[i]!r} is negative ({w[i]})",
             "expected weights >= 0")
    total = w.sum()
    if total <= 0:
        fail("weights", "given", "is all zeros", "at least one weight must be positive")
    if sum_to_one:
        if abs(total - 1.0) > tol:
            fail("weights", "given", f"sums to {total:.6g}",
                 "expected 1 (pass sum_to_one=False to rescale a user's weights)")
    else:
        w = w / total
    return pd.Series(w, index=names, name="weight")


def aggregate(
    normalized: pd.DataFrame,
    weight: pd.Series | Sequence[float] | Mapping[str, float] | None = None,
    method: str = "arithmetic",
) -> pd.Series:
    """Weighted arithmetic or geometric mean of the normalized indicators of each unit.

    Arithmetic: sum(w * x); geometric: prod(x ** w), which needs every value > 0.
    Weights must sum to one (see :func:`weights`).

    Parameters
    ----------
    normalized : pandas.DataFrame
        Normalized indicators, one row per unit and one column per indicator.
    weight : array-like or mapping, optional
        The weights (equal when not given); see :func:`weights`.
    method : {"arithmetic", "geometric"}
        The weighted mean.

    Returns
    -------
    pandas.Series
        The score of each unit.

    Examples
    --------
    >>> df = pd.DataFrame({"a": [1.0, 4.0], "b": [4.0, 1.0]}, index=["x", "y"])
    >>> aggregate(df, [0.5, 0.5], "geometric").tolist()
    [2.0, 2.0]
    """
    frame = _numeric_frame(normalized, "aggregate", "normalized")
    w = weights(list(frame.columns), weight if not isinstance(weight, pd.Series)
                else weight.to_dict())
    x = frame.to_numpy()
    if method == "arithmetic":
        score = x @ w.to_numpy()
    elif method == "geometric":
        if (x <= 0).any():
            r, c = np.argwhere(x <= 0)[0]
            fail("aggregate", "normalized", f"unit {frame.index[r]!r}, indicator "
                 f"{frame.columns[c]!r} is {x[r, c]:g}", "the geometric mean needs values > 0 "
                 "(use distance_to_leader or rank normalization)")
        score = np.exp(np.log(x) @ w.to_numpy())
    else:
        fail("aggregate", "method", f"is {method!r}", f"expected one of {AGGREGATIONS}")
    return pd.Series(score, index=frame.index, name="score")


def competition_rank(values: pd.Series | Sequence[float], higher_is_better: bool = True,
                     decimals: int | None = None) -> pd.Series:
    """Rank with ties sharing the best rank ("1224" ranking, as the UN ranks EGDI).

    Rank = 1 + the number of units with a strictly better value. ``decimals`` rounds the
    values first (ties as printed).

    Parameters
    ----------
    values : pandas.Series or sequence of float
        The values to rank.
    higher_is_better : bool
        Whether the highest value ranks first.
    decimals : int, optional
        Round the values first, so that ties are those of the printed values.

    Returns
    -------
    pandas.Series
        The integer rank of each value (its index kept).

    Examples
    --------
    >>> competition_rank(pd.Series([0.9, 0.8, 0.8, 0.7], index=list("abcd"))).tolist()
    [1, 2, 2, 4]
    """
    s = pd.Series(values, dtype=float) if not isinstance(values, pd.Series) else values
    if not pd.api.types.is_numeric_dtype(s):
        fail("competition_rank", "values", f"has dtype {s.dtype}", "expected numbers")
    s = s.astype(float)
    if s.isna().any():
        fail("competition_rank", "values", f"is missing for {s.index[s.isna()][0]!r}",
             "expected a value for every unit")
    if decimals is not None:
        s = s.round(decimals)
    ranks = s.rank(method="min", ascending=not higher_is_better).astype(int)
    return ranks.rename("rank")


def rank_share(rank: float | pd.Series, n_ranked: float | pd.Series,
               scale: float = 10.0) -> float | pd.Series:
    """A rank as a share of the field: ``scale * rank / n_ranked`` (lower is better).

    The dissertation's Кесте 22 is this with scale 10: Kazakhstan's Doing Business rank 36
    of 190 gives 10 * 36 / 190 = 1.89.

    Parameters
    ----------
    rank : float or pandas.Series
        The rank (1 = best).
    n_ranked : float or pandas.Series
        The number of units ranked.
    scale : float
        The scale of the share (10 in Кесте 22).

    Returns
    -------
    float or pandas.Series
        ``scale * rank / n_ranked``.

    Examples
    --------
    >>> round(rank_share(36, 190), 3)
    1.895
    """
    n = np.asarray(n_ranked, dtype=float)
    if (n <= 0).any():
        fail("rank_share", "n_ranked", f"is {n_ranked!r}", "expected a number ranked above 0")
    return scale * rank / n_ranked


def truncate(value: float, decimals: int = 0) -> float:
    """Cut a number to ``decimals`` places without rounding (as the dissertation's Кесте 22
    and some of its EGDI scores do): 1.895 -> 1.8, -1.895 -> -1.8.

    Parameters
    ----------
    value : float
        The number.
    decimals : int
        The places kept.

    Returns
    -------
    float
        ``value`` cut (towards zero) to ``decimals`` places.

    Examples
    --------
    >>> truncate(1.8947, 1), truncate(3.71, 0), truncate(0.79686, 2)
    (1.8, 3.0, 0.79)
    """
    if int(decimals) < 0:
        fail("truncate", "decimals", f"is {decimals}", "expected 0 or more")
    factor = 10.0 ** int(decimals)
    sign = -1.0 if value < 0 else 1.0
    return sign * math.floor(abs(float(value)) * factor + 1e-9) / factor


def check_choices(normalization: str, aggregation: str) -> tuple[str, str]:
    """Check a normalization/aggregation pair before building an index.

    The geometric mean needs values > 0, which min-max (the worst unit gets 0) and z-scores
    (half the units are negative) do not give.

    Parameters
    ----------
    normalization : str
        One of ``NORMALIZATIONS``.
    aggregation : str
        One of ``AGGREGATIONS``.

    Returns
    -------
    tuple of str
        The pair, when it can be used; otherwise a ``ValueError`` says why.

    Examples
    --------
    >>> check_choices("rank", "geometric")
    ('rank', 'geometric')
    >>> check_choices("minmax", "geometric")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: check_choices: 'normalization' is 'minmax', which gives zero or negative values, ...
    """
    check_choice(normalization, NORMALIZATIONS, "check_choices", "normalization")
    check_choice(aggregation, AGGREGATIONS, "check_choices", "aggregation")
    if aggregation == "geometric" and normalization in ("minmax", "zscore"):
        fail(
            "check_choices", "normalization",
            f"is {normalization!r}, which gives zero or negative values, which the geometric "
            "mean cannot take", "use 'distance_to_leader' or 'rank' with 'geometric'"
        )
    return normalization, aggregation


def composite_index(
    data: pd.DataFrame,
    *,
    normalization: str = "minmax",
    weight: Sequence[float] | Mapping[str, float] | None = None,
    weights_sum_to_one: bool = True,
    aggregation: str = "arithmetic",
    higher_is_better: bool | Sequence[bool] | Mapping[str, bool] | None = None,
) -> pd.DataFrame:
    """Build a composite index: a tidy table with columns ``unit``, ``score``, ``rank``.

    Parameters
    ----------
    data : pandas.DataFrame
        The indicators, one row per unit and one column per indicator.
    normalization : str
        One of ``NORMALIZATIONS`` (see :func:`normalize`).
    weight : sequence or mapping of float, optional
        The weights (equal when not given).
    weights_sum_to_one : bool
        Whether the weights are published weights (must sum to one) or scores to rescale.
    aggregation : {"arithmetic", "geometric"}
        The weighted mean (see :func:`aggregate`).
    higher_is_better : bool, sequence or mapping of bool, optional
        The direction of each indicator (all higher-is-better when not given).

    Returns
    -------
    pandas.DataFrame
        ``unit``, ``score`` and ``rank`` (1 = best, ties share the best rank).

    Examples
    --------
    >>> df = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [3.0, 2.0, 1.0]}, index=list("xyz"))
    >>> composite_index(df, weight=[0.75, 0.25])["rank"].tolist()
    [3, 2, 1]
    """
    frame = _numeric_frame(data, "composite_index")
    normed = normalize(frame, normalization, higher_is_better)
    w = weights(list(frame.columns), weight, sum_to_one=weights_sum_to_one)
    score = aggregate(normed, w, aggregation)
    out = pd.DataFrame({"unit": frame.index, "score": score.to_numpy()})
    out["rank"] = competition_rank(out["score"].round(12)).to_numpy()
    return out


def rank_uncertainty(
    data: pd.DataFrame,
    n: int = 1000,
    seed: int | None = None,
    *,
    higher_is_better: bool | Sequence[bool] | Mapping[str, bool] | None = None,
    choices: Sequence[tuple[str, str]] = DEFAULT_CHOICES,
    concentration: float = 1.0,
) -> pd.DataFrame:
    """How firm is each unit's rank when the builder's choices change?

    Each of ``n`` draws takes weights from a Dirichlet distribution (all parameters equal to
    ``concentration``; 1 = uniform over all weightings) and one normalization/aggregation pair
    from ``choices``, then ranks the units ("1224" ranking). Returns a tidy table: ``unit``,
    ``base_rank`` (equal weights, min-max, arithmetic), ``median_rank``, ``rank_p05``,
    ``rank_p95`` (observed ranks at the 5th, 50th and 95th percentiles) and ``n_draws``.

    Parameters
    ----------
    data : pandas.DataFrame
        The indicators, one row per unit and one column per indicator.
    n : int
        The number of draws.
    seed : int, optional
        The seed of the random generator (for a reproducible result).
    higher_is_better : bool, sequence or mapping of bool, optional
        The direction of each indicator.
    choices : sequence of (str, str)
        The normalization/aggregation pairs drawn from.
    concentration : float
        The Dirichlet parameter of the weights (1 = uniform).

    Returns
    -------
    pandas.DataFrame
        ``unit``, ``base_rank``, ``median_rank``, ``rank_p05``, ``rank_p95`` and
        ``n_draws``, one row per unit.

    Examples
    --------
    >>> df = pd.DataFrame({"a": [3.0, 2.0, 1.0], "b": [3.0, 1.0, 2.0]}, index=list("xyz"))
    >>> out = rank_uncertainty(df, n=200, seed=1)
    >>> out[["unit", "median_rank", "rank_p05", "rank_p95"]].head(1).values.tolist()  # x wins
    [['x', 1, 1, 1]]
    """
    frame = _numeric_frame(data, "rank_uncertainty")
    if int(n) < 1:
        fail("rank_uncertainty", "n", f"is {n}", "expected a positive number of draws")
    if concentration <= 0:
        fail("rank_uncertainty", "concentration", f"is {concentration}", "expected a number > 0")
    if not choices:
        fail("rank_uncertainty", "choices", "is empty",
             "expected (normalization, aggregation) pairs")
    for norm, agg in choices:
        if norm not in NORMALIZATIONS or agg not in AGGREGATIONS:
            fail("rank_uncertainty", "choices", f"holds the unknown pair ({norm!r}, {agg!r})",
                 f"expected normalization in {NORMALIZATIONS}, aggregation in {AGGREGATIONS}")
    up = _directions(frame.columns, higher_is_better)
    x = frame.to_numpy()
    cols = list(frame.columns)
    m = x.shape[1]
    normed = {norm: _normalize_array(x, norm, up, cols) for norm in {c[0] for c in choices}}
    for norm, agg in choices:
        if agg == "geometric" and (normed[norm] <= 0).any():
            fail("rank_uncertainty", "choices", f"pairs {norm!r} with 'geometric', giving values "
                 "<= 0", "pair the geometric mean with distance_to_leader or rank")
    rng = np.random.default_rng(seed)
    draws = int(n)
    w = rng.dirichlet(np.full(m, float(concentration)), size=draws)  # draws x m
    pick = rng.integers(0, len(choices), size=draws)
    scores = np.empty((draws, x.shape[0]))
    for k, (norm, agg) in enumerate(choices):
        sel = pick == k
        if not sel.any():
            continue
        v = normed[norm]
        if agg == "arithmetic":
            scores[sel] = w[sel] @ v.T
        else:
            scores[sel] = np.exp(w[sel] @ np.log(v).T)
    scores = np.round(scores, 12)
    ranks = (scores[:, None, :] > scores[:, :, None]).sum(axis=2) + 1  # draws x units
    q = np.quantile(ranks, [0.05, 0.5, 0.95], axis=0, method="inverted_cdf")
    base = composite_index(frame, higher_is_better=higher_is_better)["rank"].to_numpy()
    return pd.DataFrame({
        "unit": frame.index,
        "base_rank": base,
        "median_rank": q[1].astype(int),
        "rank_p05": q[0].astype(int),
        "rank_p95": q[2].astype(int),
        "n_draws": draws,
    })
