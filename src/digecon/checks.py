"""Checks of a chapter's parameters, called at the top of every chapter.

A reader (or ``papermill -p country XXX``) can set any value in a chapter's ``parameters`` cell.
Each check returns the value when it is valid and otherwise raises :class:`ParameterError` with
one paragraph that names the parameter, the value, what is allowed and how to fix it, e.g.::

    ParameterError: parameter 'country' = 'XXX' is not a country of the data; choose one of:
    ARM, BLR, ...; to fix it, edit the chapter's parameters cell (or the value given to
    papermill -p)

>>> check_choice("method", "drift", ["log-linear", "drift", "naive"])
'drift'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

__all__ = [
    "ParameterError",
    "check_choice",
    "check_choices",
    "check_fraction",
    "check_int",
    "check_number",
]

_HOW = "to fix it, edit the chapter's parameters cell (or the value given to papermill -p)"


class ParameterError(ValueError):
    """A chapter parameter has a value the chapter cannot use."""


def _show(values: Iterable[Any]) -> str:
    return ", ".join(str(v) for v in values)


def check_choice(name: str, value: Any, allowed: Iterable[Any], what: str = "") -> Any:
    """Return ``value`` if it is one of ``allowed``; else name the parameter and the choices.

    ``what`` says what the allowed values are ("a country of the data").

    >>> check_choice("country", "XXX", ["KAZ", "RUS"], what="a country of the data")
    Traceback (most recent call last):
    ...
    digecon.checks.ParameterError: parameter 'country' = 'XXX' is not a country of the data; \
choose one of: KAZ, RUS; to fix it, edit ...
    """
    choices = list(dict.fromkeys(allowed))
    if value not in choices:
        raise ParameterError(
            f"parameter {name!r} = {value!r} is not {what or 'an allowed value'}; "
            f"choose one of: {_show(sorted(choices, key=str))}; {_HOW}"
        )
    return value


def check_choices(
    name: str, values: Sequence[Any], allowed: Iterable[Any], what: str = "", minimum: int = 1
) -> list[Any]:
    """Return ``values`` as a list if every one is in ``allowed`` (and there are ``minimum``).

    >>> check_choices("peers", ["RUS", "FRA"], ["KAZ", "RUS"], what="a country of the data")
    Traceback (most recent call last):
    ...
    digecon.checks.ParameterError: parameter 'peers' contains 'FRA', which is not a country ...
    """
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise ParameterError(
            f"parameter {name!r} = {values!r} must be a list, e.g. [{values!r}]; {_HOW}"
        )
    values = list(values)
    choices = list(dict.fromkeys(allowed))
    for v in values:
        if v not in choices:
            raise ParameterError(
                f"parameter {name!r} contains {v!r}, which is not "
                f"{what or 'an allowed value'}; choose from: {_show(sorted(choices, key=str))}; "
                f"{_HOW}"
            )
    if len(values) < minimum:
        raise ParameterError(
            f"parameter {name!r} = {values!r} needs at least {minimum} value(s); {_HOW}"
        )
    return values


def check_int(name: str, value: Any, low: int | None = None, high: int | None = None) -> int:
    """Return ``value`` if it is a whole number within ``[low, high]``.

    >>> check_int("horizon", 3, 1, 10)
    3
    >>> check_int("horizon", 0, 1, 10)
    Traceback (most recent call last):
    ...
    digecon.checks.ParameterError: parameter 'horizon' = 0 must be a whole number from 1 to 10; ...
    """
    return int(_check_range(name, value, low, high, whole=True))


def check_number(
    name: str, value: Any, low: float | None = None, high: float | None = None
) -> float:
    """Return ``value`` if it is a number within ``[low, high]``.

    >>> check_number("t1_minutes", -1, low=0)
    Traceback (most recent call last):
    ...
    digecon.checks.ParameterError: parameter 't1_minutes' = -1 must be a number of at least 0; ...
    """
    return float(_check_range(name, value, low, high, whole=False))


def check_fraction(name: str, value: Any) -> float:
    """Return ``value`` if it lies strictly between 0 and 1 (a significance level ``alpha``).

    >>> check_fraction("alpha", 5)
    Traceback (most recent call last):
    ...
    digecon.checks.ParameterError: parameter 'alpha' = 5 must be a number strictly between 0 ...
    """
    ok = isinstance(value, int | float) and not isinstance(value, bool) and 0 < value < 1
    if not ok:
        raise ParameterError(
            f"parameter {name!r} = {value!r} must be a number strictly between 0 and 1 "
            f"(e.g. 0.05 for a 95 % interval); {_HOW}"
        )
    return float(value)


def _check_range(name: str, value: Any, low: Any, high: Any, *, whole: bool) -> Any:
    kind = "a whole number" if whole else "a number"
    if low is not None and high is not None:
        bounds = f" from {low} to {high}"
    elif low is not None:
        bounds = f" of at least {low}"
    elif high is not None:
        bounds = f" of at most {high}"
    else:
        bounds = ""
    is_num = isinstance(value, int | float) and not isinstance(value, bool)
    if whole and is_num and value != int(value):
        is_num = False
    if (
        not is_num
        or (low is not None and value < low)
        or (high is not None and value > high)
    ):
        raise ParameterError(f"parameter {name!r} = {value!r} must be {kind}{bounds}; {_HOW}")
    return value
