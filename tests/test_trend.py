"""Tests of digecon.methods.trend; expected values worked out by hand in the comments."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from digecon.methods.correlation import correlation_matrix, square
from digecon.methods.trend import (
    linear_trend,
    moving_average,
    moving_sum,
    trend_forecast,
)

# The article's EGDI column (seed 002, 5-кесте), T = 1..10
EGDI = pd.Series(
    [0.4876, 0.5247, 0.6075, 0.6259, 0.7129, 0.7597, 0.8775, 0.8375, 0.8628, 0.9009],
    index=range(1, 11),
)


def test_moving_sum_centred_matches_printed_m3() -> None:
    out = moving_sum(EGDI, 3)
    # T=2: 0.4876 + 0.5247 + 0.6075 = 1.6198 ; T=9: 0.8375 + 0.8628 + 0.9009 = 2.6012
    assert out.loc[2, "moving_sum"] == pytest.approx(1.6198)
    assert out.loc[9, "moving_sum"] == pytest.approx(2.6012)
    assert math.isnan(out.loc[1, "moving_sum"]) and math.isnan(out.loc[10, "moving_sum"])
    assert list(out.columns) == ["value", "window", "moving_sum"]


def test_moving_sum_m5_and_mean() -> None:
    # T=3: 0.4876+0.5247+0.6075+0.6259+0.7129 = 2.9586; mean 0.59172
    assert moving_sum(EGDI, 5).loc[3, "moving_sum"] == pytest.approx(2.9586)
    assert moving_average(EGDI, 5).loc[3, "moving_average"] == pytest.approx(0.59172)
    # only T = 3..8 have a full centred window of 5
    assert moving_sum(EGDI, 5)["moving_sum"].notna().sum() == 6


def test_moving_trailing() -> None:
    # trailing window 2 on 1, 2, 4: [nan, 1.5, 3.0]
    out = moving_average([1, 2, 4], 2, centered=False)["moving_average"].tolist()
    assert math.isnan(out[0]) and out[1:] == [1.5, 3.0]


@pytest.mark.parametrize(
    ("series", "window", "centered", "message"),
    [
        ([1, 2, 3], 4, True, "longer than the series"),
        ([1, 2, 3, 4], 2, True, "centred window must be odd"),
        ([1, 2, 3], 0, True, "moving_sum: 'window' is 0; expected at least 1"),
        ([1, 2, 3], 1.5, True, "expected a whole number"),
        ([1, float("nan"), 3], 3, True, "missing"),
        ([1, "x", 3], 3, True, "element 1 is 'x'; expected a number"),
    ],
)
def test_moving_errors(series, window, centered, message) -> None:
    with pytest.raises(ValueError, match=message):
        moving_sum(series, window, centered=centered)


def test_linear_trend_hand_example() -> None:
    # x = 1,2,3,4 ; y = 1,3,4,4 : xbar 2.5, ybar 3, Sxy = (-1.5)(-2)+(-0.5)(0)+(0.5)(1)+(1.5)(1)
    # = 5, Sxx = 5 -> slope 1, intercept 0.5. Fitted 1.5, 2.5, 3.5, 4.5; residuals
    # -0.5, 0.5, 0.5, -0.5 -> SSE 1, SST = 4+0+1+1 = 6 -> R² = 5/6; sigma = sqrt(1/2)
    # se_slope = sigma / sqrt(Sxx) = 0.70711 / 2.23607 = 0.31623
    out = linear_trend([1, 3, 4, 4])
    row = out.iloc[0]
    assert row["slope"] == pytest.approx(1.0)
    assert row["intercept"] == pytest.approx(0.5)
    assert row["r2"] == pytest.approx(5 / 6)
    assert row["sigma"] == pytest.approx(math.sqrt(0.5))
    assert row["se_slope"] == pytest.approx(0.316228, rel=1e-5)
    assert row["n"] == 4 and row["df_resid"] == 2
    assert len(out) == 1


def test_linear_trend_article_m5() -> None:
    # m5 at T = 3..8 (sums): slope 0.2597, intercept 2.2177, R² 0.9903 as printed;
    # hand: xbar 5.5, ybar = 21.8751/6 = 3.64585; Sxy = 4.5442 (sum (x-5.5)(y-ybar)),
    # Sxx = 17.5 -> slope 0.25967; intercept 3.64585 - 5.5*0.25967 = 2.2177
    m5 = [2.9586, 3.2307, 3.5835, 3.8135, 4.0504, 4.2384]
    row = linear_trend(m5, [3, 4, 5, 6, 7, 8]).iloc[0]
    assert round(row["slope"], 4) == 0.2597
    assert round(row["intercept"], 4) == 2.2177
    assert round(row["r2"], 4) == 0.9903


def test_linear_trend_errors() -> None:
    with pytest.raises(ValueError, match="at least 3"):
        linear_trend([1.0, 2.0])
    with pytest.raises(ValueError, match="linear_trend: 'x' has 4 values; expected 3"):
        linear_trend([1.0, 2.0, 3.0], [1, 2, 3, 4])
    with pytest.raises(ValueError, match="constant"):
        linear_trend([1.0, 2.0, 3.0], [1, 1, 1])
    with pytest.raises(ValueError, match="element 1 is 'a'"):
        linear_trend([1.0, "a", 3.0])


def test_trend_forecast_intervals_by_hand() -> None:
    # same data as above: slope 1, intercept 0.5, sigma² = 0.5, n = 4, Sxx = 5, t(0.975, 2)
    # = 4.302653. At x0 = 5: forecast 5.5; se_mean = sigma*sqrt(1/4 + (5-2.5)²/5)
    # = 0.707107*sqrt(1.5) = 0.866025 ; se_obs = sigma*sqrt(1 + 1.5) = 1.118034
    out = trend_forecast(pd.Series([1.0, 3, 4, 4], index=[1, 2, 3, 4]), at=[5])
    row = out.iloc[0]
    t = 4.302653
    assert row["index"] == 5
    assert row["forecast"] == pytest.approx(5.5)
    assert row["mean_upper"] - row["forecast"] == pytest.approx(t * 0.866025, rel=1e-5)
    assert row["upper"] - row["forecast"] == pytest.approx(t * 1.118034, rel=1e-5)
    assert row["forecast"] - row["lower"] == pytest.approx(t * 1.118034, rel=1e-5)
    # the same line on years: 2011..2014 forecast at 2015 is the same number
    years = trend_forecast(pd.Series([1.0, 3, 4, 4], index=[2011, 2012, 2013, 2014]), horizon=1)
    assert years.loc[0, "index"] == 2015
    assert years.loc[0, "forecast"] == pytest.approx(5.5)


def test_trend_forecast_bad_alpha() -> None:
    with pytest.raises(ValueError, match=r"trend_forecast: 'alpha' is 1\.5"):
        trend_forecast(pd.Series([1.0, 2, 3, 5]), at=[4], alpha=1.5)
    with pytest.raises(ValueError, match="trend_forecast: 'form' is 'cubic'"):
        trend_forecast(pd.Series([1.0, 2, 3, 5]), "cubic")


def test_logit_trend_stays_in_unit_interval() -> None:
    # logit(0.5)=0, logit(0.6)=0.405465, logit(0.7)=0.847298, logit(0.8)=1.386294
    # are not exactly linear; far ahead a linear trend of y itself would exceed 1
    y = pd.Series([0.5, 0.6, 0.7, 0.8], index=[1, 2, 3, 4])
    lin = trend_forecast(y, at=[10]).iloc[0]
    assert lin["forecast"] == pytest.approx(1.4)  # slope 0.1, intercept 0.4: 0.4 + 1.0
    out = trend_forecast(y, "logit", at=[10]).iloc[0]
    for col in ("forecast", "lower", "upper", "mean_lower", "mean_upper"):
        assert 0 < out[col] < 1
    # logit fit: slope = sum((x-2.5)*l)/5 with l the logits above:
    # (-1.5*0 - 0.5*0.405465 + 0.5*0.847298 + 1.5*1.386294)/5 = 2.300858/5 = 0.460172
    # intercept = mean(l) - 2.5*slope = 0.659764 - 1.150429 = -0.490665
    # at x=10: 4.111051 -> expit = 0.983864
    assert out["forecast"] == pytest.approx(0.983864, abs=1e-5)


def test_logit_trend_rejects_bounds() -> None:
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        trend_forecast(pd.Series([0.5, 1.0, 0.7, 0.8]), "logit", at=[4])


def test_correlation_matrix_by_hand() -> None:
    # a = 1,2,3,4 ; b = 2,4,5,9 : Sab = 11, Saa = 5, Sbb = 26 -> r = 11/sqrt(130) = 0.964764
    d = pd.DataFrame({"a": [1.0, 2.0, 3.0, 4.0], "b": [2.0, 4.0, 5.0, 9.0]})
    long = correlation_matrix(d)
    assert len(long) == 4
    ab = long.query("x == 'a' and y == 'b'").iloc[0]
    assert ab["r"] == pytest.approx(0.964764, abs=1e-6)
    assert ab["n"] == 4
    # two-sided p with t = r*sqrt(2)/sqrt(1-r²) = 0.964764*1.414214/0.263176 = 5.18424, df 2
    # -> p = 0.035236
    assert ab["p"] == pytest.approx(0.035236, abs=1e-5)
    sq = square(long)
    assert sq.loc["b", "a"] == pytest.approx(0.964764, abs=1e-6)
    assert sq.loc["a", "a"] == 1.0
    # spearman: ranks identical -> 1
    assert square(correlation_matrix(d, "spearman")).loc["a", "b"] == pytest.approx(1.0)


def test_correlation_errors() -> None:
    d = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [1.0, 1.0, 1.0]})
    with pytest.raises(ValueError, match="constant"):
        correlation_matrix(d)
    with pytest.raises(ValueError, match="method"):
        correlation_matrix(d, method="foo")
    with pytest.raises(ValueError, match="correlation_matrix: 'df' has 1 column; at least 2"):
        correlation_matrix(d[["a"]])
    with pytest.raises(ValueError, match="column 'a' is missing a value at row 1"):
        correlation_matrix(pd.DataFrame({"a": [1.0, np.nan, 3.0], "b": [1.0, 2.0, 4.0]}))
    with pytest.raises(ValueError, match="at least 3"):
        correlation_matrix(pd.DataFrame({"a": [1.0, 2.0], "b": [1.0, 3.0]}))
    with pytest.raises(ValueError, match="square: 'long' has no column 'y'"):
        square(pd.DataFrame({"x": ["a"], "r": [1.0]}))
