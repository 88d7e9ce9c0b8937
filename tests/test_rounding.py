"""Tests of digecon.methods.rounding with values worked out by hand."""

import pytest

from digecon.methods import rounding


def test_sum_bounds():
    # 5295.6 + 1656.1 + 1025.5 + 1159.3 = 9136.5, +-0.2
    lo, hi = rounding.sum_bounds([5295.6, 1656.1, 1025.5, 1159.3], 1)
    assert (lo, hi) == pytest.approx((9136.3, 9136.7))


def test_percent_change_bounds_singapore():
    # (5.925 - 5.885)/5.885 = 0.6797 %; (5.915 - 5.895)/5.895 = 0.3393 %
    lo, hi = rounding.percent_change_bounds(5.89, 5.92, 2)
    assert lo == pytest.approx(0.3393, abs=1e-3)
    assert hi == pytest.approx(0.6797, abs=1e-3)


def test_percent_change_bounds_contain_printed_2016():
    # Кесте 5, 2016: 2.226 -> 1.950; corners (1.9495/2.2265 - 1) = -12.441 %,
    # (1.9505/2.2255 - 1) = -12.357 %; printed -12,371
    lo, hi = rounding.percent_change_bounds(2.226, 1.950, 3)
    assert lo == pytest.approx(-12.441, abs=1e-3)
    assert hi == pytest.approx(-12.357, abs=1e-3)
    assert lo <= -12.371 <= hi


def test_printed_numbers():
    assert rounding.as_number("\u22121,5 %") == -1.5
    assert rounding.as_number("7 393,5") == 7393.5
    assert rounding.decimals_of("0,900") == 3
    with pytest.raises(ValueError, match="as_number: 'printed' is 'abc'"):
        rounding.as_number("abc")
