"""Tests of digecon.methods.growth with values worked out by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from digecon.methods.forecast import projection
from digecon.methods.growth import cagr, growth_rate, percent_change, shares


def test_chain_growth_hand_checked():
    # 200 -> 250 -> 225: chain index 125 % and 90 %; change +25 % and -10 %
    s = pd.Series([200.0, 250.0, 225.0], index=[2019, 2020, 2021])
    out = growth_rate(s)
    assert math.isnan(out["index_pct"].iloc[0])
    assert out["index_pct"].iloc[1:].tolist() == pytest.approx([125.0, 90.0])
    assert out["change_pct"].iloc[1:].tolist() == pytest.approx([25.0, -10.0])
    assert out["reference_period"].iloc[2] == 2020


def test_base_growth_on_named_base():
    # base 2020 (250): 200/250 = 80 %, 250/250 = 100 %, 225/250 = 90 %
    s = pd.Series([200.0, 250.0, 225.0], index=[2019, 2020, 2021])
    out = growth_rate(s, method="base", base=2020)
    assert out["index_pct"].tolist() == pytest.approx([80.0, 100.0, 90.0])
    assert out["change_pct"].tolist() == pytest.approx([-20.0, 0.0, -10.0])


def test_growth_on_kesté18_online_retail():
    # 2019 -> 2020 online retail: 476 651.5 / 206 253.9 = 2.31099 -> +131.10 %
    s = pd.Series([206253.9, 476651.5], index=[2019, 2020])
    assert growth_rate(s)["change_pct"].iloc[1] == pytest.approx(131.099, abs=1e-3)


def test_growth_rate_errors():
    with pytest.raises(ValueError, match="method"):
        growth_rate([1.0, 2.0], method="annual")
    with pytest.raises(ValueError, match="growth_rate: 'base' is 1999, which is not a period"):
        growth_rate(pd.Series([1.0, 2.0], index=[2000, 2001]), method="base", base=1999)
    with pytest.raises(ValueError, match="reference value 0"):
        growth_rate(pd.Series([0.0, 2.0], index=[2000, 2001]))
    with pytest.raises(ValueError, match="growth_rate: 'series' has 0 observations"):
        growth_rate(pd.Series([], dtype=float))
    with pytest.raises(ValueError, match="has the label 2000 twice"):
        growth_rate(pd.Series([1.0, 2.0], index=[2000, 2000]))
    with pytest.raises(ValueError, match="only used with method='base'"):
        growth_rate([1.0, 2.0], base=0)


def test_cagr_hand_checked():
    # 100 -> 121 in 2 steps: sqrt(1.21) = 1.1 -> 10 %
    assert cagr(100, 121, 2) == pytest.approx(10.0)
    # halving in one step: -50 %
    assert cagr(80, 40, 1) == pytest.approx(-50.0)
    # 2013 -> 2020 ICT output doubling in 7 years: 2 ** (1/7) = 1.104090 -> 10.409 %
    assert cagr(1, 2, 7) == pytest.approx(10.409, abs=1e-3)


def test_cagr_errors():
    with pytest.raises(ValueError, match="cagr: 'first' is 0; expected a positive value"):
        cagr(0, 10, 3)
    with pytest.raises(ValueError, match=r"cagr: 'years' is .*positive number of yearly steps"):
        cagr(1, 10, 0)
    with pytest.raises(ValueError, match=r"cagr: 'last' is .*0 or more"):
        cagr(1, -1, 2)
    with pytest.raises(ValueError, match="finite"):
        cagr(float("nan"), 1, 2)


def test_shares_row_whole_and_column_total():
    # electronic components 2020: 192.7 / 26 081.8 = 0.73883 %
    df = pd.DataFrame({"part": [192.7, 30.0], "whole": [26081.8, 120.0]})
    out = shares(df, "part", "whole")
    assert out["part_share_pct"].tolist() == pytest.approx([0.738830, 25.0], abs=1e-5)
    # column total: 1 + 3 = 4 -> 25 % and 75 %
    out2 = shares(pd.DataFrame({"a": [1.0, 3.0], "b": [2.0, 2.0]}), ["a", "b"])
    assert out2["a_share_pct"].tolist() == pytest.approx([25.0, 75.0])
    assert out2["b_share_pct"].tolist() == pytest.approx([50.0, 50.0])


def test_shares_errors():
    df = pd.DataFrame({"part": [1.0], "whole": [0.0]})
    with pytest.raises(ValueError, match="positive total"):
        shares(df, "part", "whole")
    with pytest.raises(ValueError, match="shares: 'df' has no column 'nope'"):
        shares(df, "nope", "whole")
    with pytest.raises(ValueError, match="expected a pandas DataFrame"):
        shares([1, 2], "part")  # type: ignore[arg-type]


def test_projection_naive_hand_checked():
    # y = 1, 2, 3: changes 1, 1 -> sigma = sqrt((1 + 1) / 2) = 1
    # h = 1: 3 +/- 1.959964 ; h = 4: se = 2 -> 3 +/- 3.919928
    s = pd.Series([1.0, 2.0, 3.0], index=[2018, 2019, 2020])
    out = projection(s, 4, method="naive")
    assert out["year"].tolist() == [2021, 2022, 2023, 2024]
    assert out["forecast"].tolist() == pytest.approx([3.0] * 4)
    assert out["lower"].iloc[0] == pytest.approx(3 - 1.959964, abs=1e-6)
    assert out["upper"].iloc[3] == pytest.approx(3 + 3.919928, abs=1e-6)


def test_projection_drift_hand_checked():
    # y = 1, 2, 4, 5: changes 1, 2, 1; mean 4/3; residuals -1/3, 2/3, -1/3; SS = 2/3
    # sigma^2 = (2/3) / 2 = 1/3; h = 1: se = sqrt(1/3) * sqrt(1 * (1 + 1/3)) = 2/3
    # forecast 5 + 4/3 = 6.33333; bounds 6.33333 -/+ 1.959964 * 2/3 = 5.02669, 7.63998
    s = pd.Series([1.0, 2.0, 4.0, 5.0], index=[2017, 2018, 2019, 2020])
    out = projection(s, 2, method="drift", alpha=0.05)
    assert out["forecast"].tolist() == pytest.approx([6.333333, 7.666667], abs=1e-6)
    assert out["lower"].iloc[0] == pytest.approx(5.026690, abs=1e-5)
    assert out["upper"].iloc[0] == pytest.approx(7.639976, abs=1e-5)
    assert out["level"].iloc[0] == pytest.approx(0.95)


def test_projection_log_linear_hand_checked():
    # ln y = 0, 1, 3 on x = 0, 1, 2 (years 2000-2002): b = Sxy/Sxx = 3/2 = 1.5,
    # a = 4/3 - 1.5 = -1/6; at x = 3: -1/6 + 4.5 = 4.333333 -> exp = 76.2339
    # residuals 1/6, -1/3, 1/6 -> SSE = 1/6, s^2 = SSE / (3 - 2) = 1/6
    # se_pred = s * sqrt(1 + 1/3 + (3 - 1)^2 / 2) = 0.408248 * 1.825742 = 0.745356
    # t(0.975, 1) = 12.706205 -> half-width 12.706205 * 0.745356 = 9.470646
    s = pd.Series(np.exp([0.0, 1.0, 3.0]), index=[2000, 2001, 2002])
    out = projection(s, 1)
    assert out["year"].item() == 2003
    assert out["forecast"].item() == pytest.approx(math.exp(4.333333), rel=1e-6)
    assert math.log(out["lower"].item()) == pytest.approx(4.333333 - 9.470646, abs=1e-5)
    assert math.log(out["upper"].item()) == pytest.approx(4.333333 + 9.470646, abs=1e-5)


def test_projection_exact_exponential_has_no_width():
    # y = 100 * 1.1 ** t exactly: forecast 100 * 1.1 ** 5 = 161.051, zero residuals
    s = pd.Series([100 * 1.1**t for t in range(5)], index=range(2016, 2021))
    out = projection(s, 1)
    assert out["forecast"].item() == pytest.approx(161.051, rel=1e-9)
    assert out["upper"].item() - out["lower"].item() == pytest.approx(0.0, abs=1e-6)


def test_projection_errors():
    s = pd.Series([1.0, 2.0, 3.0], index=[2018, 2019, 2020])
    with pytest.raises(ValueError, match="projection: 'method' is 'arima'"):
        projection(s, 1, method="arima")
    with pytest.raises(ValueError, match="at least 1"):
        projection(s, 0)
    with pytest.raises(ValueError, match=r"'years_ahead' is 1\.5; expected a whole number"):
        projection(s, 1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="alpha"):
        projection(s, 1, alpha=5)
    with pytest.raises(ValueError, match="positive values"):
        projection(pd.Series([1.0, 0.0, 3.0], index=[2018, 2019, 2020]), 1)
    with pytest.raises(ValueError, match="at least 3 are needed"):
        projection(pd.Series([1.0, 2.0], index=[2019, 2020]), 1)
    with pytest.raises(ValueError, match="consecutive years"):
        projection(pd.Series([1.0, 2.0, 3.0], index=[2016, 2018, 2020]), 1, method="naive")
    with pytest.raises(ValueError, match="expected increasing years"):
        projection(pd.Series([1.0, 2.0, 3.0], index=[2020, 2019, 2018]), 1)
    with pytest.raises(ValueError, match="integer years"):
        projection(pd.Series([1.0, 2.0, 3.0], index=["a", "b", "c"]), 1)
    with pytest.raises(ValueError, match="element 2019 is missing"):
        projection(pd.Series([1.0, np.nan, 3.0], index=[2018, 2019, 2020]), 1)


def test_percent_change_2015_of_table5():
    # (2.226 - 1.297) / 1.297 = 0.929 / 1.297 = 0.716268... -> 71.63 %; printed 71,635
    assert percent_change(1.297, 2.226) == pytest.approx(71.6268, abs=1e-3)
    # as an index ("темп роста"): 2.226 / 1.297 = 171.63 %
    s = pd.Series([1.297, 2.226], index=[2014, 2015])
    assert growth_rate(s)["index_pct"].iloc[1] == pytest.approx(171.6268, abs=1e-3)


def test_percent_change_period_table5():
    # (0.900 - 1.771)/1.771 = -0.871/1.771 = -0.491813 -> -49.18 %; printed -49,177
    assert percent_change(1.771, 0.900) == pytest.approx(-49.1813, abs=1e-3)


def test_percent_change_errors_name_function_and_argument():
    with pytest.raises(ValueError, match="percent_change: 'start' is 0"):
        percent_change(0.0, 1.0)
    with pytest.raises(ValueError, match="percent_change: 'end' has shape"):
        percent_change([1.0, 2.0], [1.0])


def test_growth_rate_of_efficiency_series():
    s = pd.Series([1.274, 1.090], index=[2017, 2018])
    out = growth_rate(s)
    # (1.090 - 1.274)/1.274 = -0.184/1.274 = -14.443 %
    assert math.isnan(out.loc[0, "change_pct"])
    assert out.loc[1, "change_pct"] == pytest.approx(-14.4427, abs=1e-3)


def test_shares_within_groups_karasai_2021():
    # 296700 + 160540 + 3749 = 460989; 296700/460989 = 64.36 %, 3749/460989 = 0.81 %
    t = pd.DataFrame({"year": [2021] * 3 + [2022], "value": [296700, 160540, 3749, 5.0]})
    s = shares(t, "value", by="year")["value_share_pct"].tolist()
    assert s[0] == pytest.approx(64.3616, abs=1e-3)
    assert s[2] == pytest.approx(0.8133, abs=1e-3)
    assert s[3] == pytest.approx(100.0)
    with pytest.raises(ValueError, match="shares: 'by'"):
        shares(t, "value", "year", by="year")
