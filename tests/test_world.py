"""Tests of digecon.methods.world with values worked out by hand."""

import pandas as pd
import pytest

from digecon.methods import world


def test_totals_singapore_2013():
    # 4315.4 + 1319.4 + 857.9 + 900.9 = 7393.6 (printed 7 393,5); 4 parts x 0.05 = 0.2
    t = pd.DataFrame({"year": [2013] * 4, "value": [4315.4, 1319.4, 857.9, 900.9]})
    out = world.totals(t, decimals=1).iloc[0]
    assert out["total"] == pytest.approx(7393.6)
    assert out["tolerance"] == pytest.approx(0.2)
    assert abs(out["total"] - 7393.5) <= out["tolerance"]


def test_totals_rejects_missing():
    with pytest.raises(ValueError, match="missing"):
        world.totals(pd.DataFrame({"year": [1], "value": [None]}))
    with pytest.raises(ValueError, match="totals: 'frame' has no column 'year'"):
        world.totals(pd.DataFrame({"yr": [1]}))


def test_change_between_singapore_internet():
    t = pd.DataFrame({"indicator": ["users", "users"], "year": [2021, 2022],
                      "value": [5.29, 5.35]})
    out = world.change_between(t, 2021, 2022).iloc[0]
    # 5.35 - 5.29 = 0.06 mln = 60 thousand (printed +43 thousand); 0.06/5.29 = 1.134 %
    assert out["abs_change"] == pytest.approx(0.06)
    assert out["pct_change"] == pytest.approx(1.1342, abs=1e-3)
    with pytest.raises(ValueError, match="change_between: 'start' is 2020"):
        world.change_between(t, 2020, 2022)


def test_point_changes_russia_households():
    t = pd.DataFrame({"indicator": ["h"] * 4, "year": [2016, 2017, 2018, 2019],
                      "value": [74.8, 76.3, 76.6, 76.9]})
    # 76.3 - 74.8 = 1.5; 76.6 - 76.3 = 0.3; 76.9 - 76.6 = 0.3
    pp = world.point_changes(t)["pp_change"].tolist()[1:]
    assert pp == pytest.approx([1.5, 0.3, 0.3])


def test_implied_denominator_growth_russia():
    # 1.193 * 3.8 / 3.7 = 1.22524 -> 22.52 %
    out = world.implied_denominator_growth(19.3, 3.8, 3.7).iloc[0]
    assert out["implied_growth_pct"] == pytest.approx(22.524, abs=1e-3)
    assert out["low"] <= 22 <= out["high"]
    with pytest.raises(ValueError, match="positive"):
        world.implied_denominator_growth(19.3, 0, 3.7)


def test_group_counts():
    t = pd.DataFrame({"group": ["leaders"] * 8 + ["watch_out"] * 5})
    out = world.group_counts(t).set_index("group")["n"]
    assert out["leaders"] == 8 and out["watch_out"] == 5
