"""The one input checker of :mod:`digecon.methods`: every method checks its arguments here.

Every message has one shape: the method, the argument, what was wrong, what was expected,

    growth_rate: 'series' has 2 observations; at least 3 are needed

so a student who passes the wrong thing reads which call, which argument and how to fix it.
All checks raise :class:`ValueError`.

>>> as_series([1, 2], "growth_rate", "series", min_n=3)
Traceback (most recent call last):
...
ValueError: growth_rate: 'series' has 2 observations; at least 3 are needed
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

import numpy as np
import pandas as pd

__all__ = [
    "as_array",
    "as_frame",
    "as_series",
    "check_choice",
    "check_columns",
    "check_count",
    "check_probability",
    "check_varies",
    "fail",
]


def _plain(value: Any) -> Any:
    """A numpy scalar as the Python number it holds (so messages print 2021, not np.int64)."""
    return value.item() if isinstance(value, np.generic) else value


def fail(func: str, arg: str, problem: str, expected: str = "") -> NoReturn:
    """Raise the house-style error: ``"<func>: '<arg>' <problem>; <expected>"``.

    >>> fail("cagr", "years", "is 0", "expected a positive number of yearly steps")
    Traceback (most recent call last):
    ...
    ValueError: cagr: 'years' is 0; expected a positive number of yearly steps
    """
    message = f"{func}: '{arg}' {problem}"
    raise ValueError(f"{message}; {expected}" if expected else message)


def check_choice(value: Any, choices: Iterable[Any], func: str, arg: str) -> Any:
    """``value`` if it is one of ``choices``.

    >>> check_choice("chain", ("chain", "base"), "growth_rate", "method")
    'chain'
    """
    options = tuple(choices)
    if value not in options:
        fail(func, arg, f"is {_plain(value)!r}", f"expected one of {options}")
    return value


def check_count(value: Any, func: str, arg: str, minimum: int = 1) -> int:
    """``value`` as an ``int`` if it is a whole number of at least ``minimum`` (not a bool).

    >>> check_count(3, "projection", "years_ahead")
    3
    """
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        fail(func, arg, f"is {value!r}", f"expected a whole number of at least {minimum}")
    if value < minimum:
        fail(func, arg, f"is {value}", f"expected at least {minimum}")
    return int(value)


def check_probability(value: Any, func: str, arg: str = "alpha") -> float:
    """``value`` if it lies strictly between 0 and 1 (a significance level, e.g. 0.05).

    >>> check_probability(0.05, "trend_forecast")
    0.05
    """
    try:
        number = float(value)
    except (TypeError, ValueError):
        fail(func, arg, f"is {value!r}", "expected a number between 0 and 1 (e.g. 0.05)")
    if not 0 < number < 1:
        fail(func, arg, f"is {value!r}", "expected a number between 0 and 1 (e.g. 0.05)")
    return number


def check_columns(frame: Any, columns: Sequence[str], func: str, arg: str = "df") -> None:
    """Check that ``frame`` is a DataFrame holding every name in ``columns``.

    >>> check_columns(pd.DataFrame({"a": [1]}), ["a", "b"], "totals")
    Traceback (most recent call last):
    ...
    ValueError: totals: 'df' has no column 'b'; its columns are ['a']
    """
    if not isinstance(frame, pd.DataFrame):
        fail(func, arg, f"is a {type(frame).__name__}", "expected a pandas DataFrame")
    for c in columns:
        if c not in frame.columns:
            fail(func, arg, f"has no column {c!r}", f"its columns are {list(frame.columns)}")


def check_varies(values: Any, func: str, arg: str) -> None:
    """Check that ``values`` take at least two different values.

    >>> check_varies([2.0, 2.0], "linear_trend", "y")
    Traceback (most recent call last):
    ...
    ValueError: linear_trend: 'y' is constant (2.0); expected values that vary
    """
    arr = np.asarray(values, dtype=float)
    if arr.size and np.ptp(arr) == 0:
        fail(func, arg, f"is constant ({float(arr.flat[0])!r})", "expected values that vary")


def as_series(
    values: Any,
    func: str,
    arg: str,
    *,
    min_n: int = 1,
    allow_missing: bool = False,
    unique_index: bool = False,
) -> pd.Series:
    """``values`` (a Series, list or array) as a float Series, its index kept.

    Refuses a DataFrame, elements that are not numbers, infinite values, missing values
    (unless ``allow_missing``), repeated index labels (with ``unique_index``) and fewer than
    ``min_n`` observations; the message names the first offending element.

    >>> as_series(pd.Series([1, "x"], index=[2020, 2021]), "moving_sum", "series")
    Traceback (most recent call last):
    ...
    ValueError: moving_sum: 'series' element 2021 is 'x'; expected a number
    """
    if isinstance(values, pd.DataFrame):
        fail(func, arg, "is a DataFrame", "expected one column of numbers (a Series)")
    if isinstance(values, pd.Series):
        series = values.copy()
    else:
        series = pd.Series(np.atleast_1d(np.asarray(values, dtype=object)) if np.ndim(values) == 0
                           else list(values))
    if pd.api.types.is_bool_dtype(series):
        fail(func, arg, "holds True/False values", "expected numbers")
    converted = pd.to_numeric(series, errors="coerce")
    bad = converted.isna() & series.notna()
    if bad.any():
        label = series.index[bad.to_numpy().nonzero()[0][0]]
        fail(func, arg, f"element {_plain(label)!r} is {_plain(series[label])!r}",
             "expected a number")
    converted = converted.astype("float64")
    if not allow_missing and converted.isna().any():
        label = series.index[converted.isna().to_numpy().nonzero()[0][0]]
        fail(func, arg, f"element {_plain(label)!r} is missing (NaN)",
             "expected a number; drop or fill missing values first")
    if np.isinf(converted.to_numpy()).any():
        label = series.index[np.isinf(converted.to_numpy()).nonzero()[0][0]]
        fail(func, arg, f"element {_plain(label)!r} is infinite", "expected a finite number")
    if unique_index and converted.index.has_duplicates:
        label = converted.index[converted.index.duplicated()][0]
        fail(func, arg, f"has the label {_plain(label)!r} twice", "expected each period once")
    n = int(converted.notna().sum())
    if n < min_n:
        fail(func, arg, f"has {n} observation{'s' if n != 1 else ''}",
             f"at least {min_n} {'is' if min_n == 1 else 'are'} needed")
    return converted


def as_array(values: Any, func: str, arg: str) -> np.ndarray:
    """``values`` (a number or array-like) as a float array without missing values.

    >>> as_array([1.0, None], "efficiency_ratio", "cost")
    Traceback (most recent call last):
    ...
    ValueError: efficiency_ratio: 'cost' element 1 is missing (NaN); expected a number
    """
    try:
        arr = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        fail(func, arg, f"is {values!r}", "expected numbers")
    if np.isnan(arr).any():
        where = int(np.flatnonzero(np.isnan(arr))[0])
        fail(func, arg, f"element {where} is missing (NaN)" if arr.ndim else "is missing (NaN)",
             "expected a number")
    return arr


def as_frame(
    df: Any,
    columns: Sequence[str] | None,
    func: str,
    arg: str = "df",
    *,
    min_rows: int = 1,
) -> pd.DataFrame:
    """The ``columns`` of ``df`` (all columns when None) as a float frame, index kept.

    Refuses a missing column, a column named twice, a column that is not numeric and a
    missing value; the message names the column and the row.

    >>> as_frame(pd.DataFrame({"y": [1.0, None]}), ["y"], "ols")
    Traceback (most recent call last):
    ...
    ValueError: ols: 'df' column 'y' is missing a value at row 1; drop or fill missing values first
    """
    if isinstance(df, pd.Series):
        df = df.to_frame()
    if not isinstance(df, pd.DataFrame):
        fail(func, arg, f"is a {type(df).__name__}", "expected a pandas DataFrame")
    names = list(df.columns) if columns is None else list(columns)
    if not names:
        fail(func, arg, "has no columns to use", "expected at least one column name")
    if len(set(names)) != len(names):
        twice = next(c for c in names if names.count(c) > 1)
        fail(func, arg, f"column {twice!r} is named twice", "expected each column once")
    check_columns(df, names, func, arg)
    out = {}
    for c in names:
        col = df[c]
        if not pd.api.types.is_numeric_dtype(col) or pd.api.types.is_bool_dtype(col):
            example = next((v for v in col if not isinstance(v, int | float | np.number)),
                           col.iloc[0] if len(col) else None)
            fail(func, arg, f"column {c!r} is not numeric (dtype {col.dtype}, e.g. {example!r})",
                 "expected numbers")
        values = col.astype("float64")
        if values.isna().any():
            label = values.index[values.isna().to_numpy()][0]
            fail(func, arg, f"column {c!r} is missing a value at row {_plain(label)!r}",
                 "drop or fill missing values first")
        out[c] = values
    frame = pd.DataFrame(out, index=df.index)
    if len(frame) < min_rows:
        fail(func, arg, f"has {len(frame)} rows", f"at least {min_rows} are needed")
    return frame
