"""Printed numbers and their rounding: what a number printed to d decimals may really be.

A table prints rounded numbers, so a recomputed value is checked against an interval, not a
point: every input lies within ±0.5·10⁻ᵈ of its printed value. :func:`as_number` and
:func:`decimals_of` read a printed number (decimal comma, thin spaces, a trailing ``%``);
:func:`sum_bounds` and :func:`percent_change_bounds` give the interval of a sum and of a per
cent change of rounded inputs.

>>> as_number("0,4876"), decimals_of("0,4876")
(0.4876, 4)
>>> sum_bounds([1.2, 3.4], 1)
(4.5, 4.7)
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

import numpy as np

from digecon.methods._checks import as_array, fail
from digecon.methods.growth import percent_change

__all__ = ["as_number", "decimals_of", "percent_change_bounds", "sum_bounds"]


def _clean(printed: str | float | int) -> str:
    return str(printed).strip().replace(",", ".").replace("\u2212", "-").rstrip("%").strip()


def decimals_of(printed: str | float | int) -> int:
    """Number of decimals a printed number shows (``"0,4876"`` shows 4).

    Parameters
    ----------
    printed : str, float or int
        A number as printed.

    Returns
    -------
    int
        The decimals it shows.

    Examples
    --------
    >>> decimals_of("0,4876"), decimals_of("24"), decimals_of(2.5)
    (4, 0, 1)
    """
    try:
        exponent = Decimal(_clean(printed)).as_tuple().exponent
    except InvalidOperation:
        fail("decimals_of", "printed", f"is {printed!r}", "expected a printed number")
    return max(0, -int(exponent))


def as_number(printed: str | float | int) -> float:
    """Read a printed number, accepting a decimal comma, spaces and a trailing ``%``.

    Parameters
    ----------
    printed : str, float or int
        A number as printed (``"0,4876"``, ``"12,5 %"``).

    Returns
    -------
    float
        Its value.

    Examples
    --------
    >>> as_number("0,4876"), as_number("12,5 %")
    (0.4876, 12.5)
    """
    text = _clean(printed).replace(" ", "").replace("\u00a0", "").replace("\u2009", "")
    try:
        return float(text)
    except ValueError:
        fail("as_number", "printed", f"is {printed!r}", "expected a printed number")


def sum_bounds(values: Sequence[float], decimals: int) -> tuple[float, float]:
    r"""Interval of the true sum of numbers each printed to ``decimals`` places.

    With :math:`n` parts the sum is known to :math:`\pm n \cdot 0.5 \cdot 10^{-d}`.

    Parameters
    ----------
    values : sequence of float
        The printed parts.
    decimals : int
        The places they are printed to.

    Returns
    -------
    tuple of float
        The lowest and the highest true sum.

    Examples
    --------
    >>> sum_bounds([1.2, 3.4], 1)
    (4.5, 4.7)
    """
    arr = as_array(values, "sum_bounds", "values")
    if arr.size == 0:
        fail("sum_bounds", "values", "is empty", "expected at least one value")
    h = arr.size * 0.5 * 10.0 ** (-decimals)
    s = float(arr.sum())
    return round(s - h, 12), round(s + h, 12)


def percent_change_bounds(start: float, end: float, decimals: int) -> tuple[float, float]:
    r"""Interval of :func:`~digecon.methods.growth.percent_change` when ``start`` and ``end``
    are printed to ``decimals`` places.

    Each input lies within :math:`\pm 0.5\cdot 10^{-d}` of its printed value; the change is
    monotone in each input, so the extremes sit at the corners.

    Parameters
    ----------
    start, end : float
        The printed values.
    decimals : int
        The places they are printed to.

    Returns
    -------
    tuple of float
        The lowest and the highest percent change the rounded values allow.

    Examples
    --------
    >>> lo, hi = percent_change_bounds(2.776, 2.494, 3)  # Кесте 5, 2010 -> 2011
    >>> round(lo, 3), round(hi, 3)
    (-10.192, -10.124)
    """
    if decimals < 0:
        fail("percent_change_bounds", "decimals", f"is {decimals}", "expected 0 or more")
    h = 0.5 * 10.0 ** (-decimals)
    if start - h <= 0:
        fail("percent_change_bounds", "start", f"is {start}",
             "expected a value clearly above 0 at its printed precision")
    corners = [percent_change(start + s, end + e) for s in (-h, h) for e in (-h, h)]
    return float(np.min(corners)), float(np.max(corners))
