"""Tests of digecon.methods.efficiency with values worked out by hand."""


import pandas as pd
import pytest

from digecon.methods import efficiency as ef


def test_efficiency_ratio_both_readings():
    # result 150, cost 120: output/input = 1.25, input/output = 120/150 = 0.8
    assert ef.efficiency_ratio(150.0, 120.0) == pytest.approx(1.25)
    assert ef.efficiency_ratio(150.0, 120.0, reading="input/output") == pytest.approx(0.8)


def test_efficiency_ratio_rejects_bad_input():
    with pytest.raises(ValueError, match=r"'cost' has the value 0\.0; expected positive"):
        ef.efficiency_ratio(1.0, 0.0)
    with pytest.raises(ValueError, match="reading"):
        ef.efficiency_ratio(1.0, 1.0, reading="output-input")
    with pytest.raises(ValueError, match="shape"):
        ef.efficiency_ratio([1.0, 2.0], [1.0])


def test_verdict_depends_on_reading():
    # Кесте 5, 2019: 0.769 is "effective" only when the ratio is costs over result
    assert ef.verdict(0.769, reading="input/output") == "effective"
    assert ef.verdict(0.769, reading="output/input") == "not effective"


def test_period_efficiency_pooled_vs_mean():
    # pooled: (10 + 30) / (20 + 10) = 1.3333; mean of 0.5 and 3 = 1.75
    assert ef.period_efficiency([10, 30], [20, 10]) == pytest.approx(4 / 3)
    assert ef.period_efficiency([10, 30], [20, 10], how="mean") == pytest.approx(1.75)


def test_relative_efficiency_and_payback():
    # costs 800 -> 650 saves 150 a year for 2000 -> 2600 capital (600 extra): 150/600 = 0.25
    assert ef.relative_efficiency_coefficient(800, 650, 2000, 2600) == pytest.approx(0.25)
    assert ef.payback_period(800, 650, 2000, 2600) == pytest.approx(4.0)
    with pytest.raises(ValueError, match="extra capital"):
        ef.relative_efficiency_coefficient(800, 650, 2000, 2000)


def test_time_saving_efficiency_formula5():
    # 100 (60 - 5)/60 = 91.666...; N cancels
    assert ef.time_saving_efficiency(60, 5, 100) == pytest.approx(91.6667, abs=1e-4)
    assert ef.time_saving_efficiency(60, 5, 1) == pytest.approx(91.6667, abs=1e-4)
    # literal precedence: 100 (60*100 - 5*100/60*100) = 100 (6000 - 833.33) = 516666.7
    assert ef.time_saving_efficiency(60, 5, 100, reading="as_printed") == pytest.approx(
        516666.67, abs=0.01)
    with pytest.raises(ValueError, match="positive"):
        ef.time_saving_efficiency(0, 5)


def test_survey_efficiency_table7():
    survey = pd.DataFrame({
        "group": ["group_38", "group_12", "total"], "respondents": [38, 12, 50],
        "operations_before": [10, 12, 22], "minutes_before": [60, 60, 120],
        "operations_after": [3, 3, 6], "minutes_after": [5, 5, 10]})
    out = ef.survey_efficiency(survey).set_index(["group", "reading"])["efficiency_pct"]
    # author: (10-3)/10 = 70 %, (12-3)/12 = 75 %, mean 72.5 %, weighted (38*70+12*75)/50 = 71.2 %
    assert out[("group_38", "count_drop")] == pytest.approx(70.0)
    assert out[("group_12", "count_drop")] == pytest.approx(75.0)
    assert out[("mean", "count_drop")] == pytest.approx(72.5)
    assert out[("weighted_mean", "count_drop")] == pytest.approx(71.2)
    # per operation: 6 min -> 5/3 min is 1 - (5/3)/6 = 72.22 %; 5 min -> 5/3 min is 66.67 %
    assert out[("group_38", "time_per_operation")] == pytest.approx(72.2222, abs=1e-4)
    assert out[("group_12", "time_per_operation")] == pytest.approx(66.6667, abs=1e-4)
    with pytest.raises(ValueError, match="survey_efficiency: 'survey' has no column"):
        ef.survey_efficiency(survey.drop(columns="minutes_after"))


def test_e_service_share():
    # 580 / 723 = 0.80221 -> 80.22 %
    assert ef.e_service_share(580, 723) == pytest.approx(80.2213, abs=1e-4)
    with pytest.raises(ValueError, match="'electronic' is 800; expected a number from 0"):
        ef.e_service_share(800, 723)


def test_sensitivity_grid_2018():
    grid = ef.sensitivity(pd.Series([1.090], index=[2018]), shifts_pct=[-5, 5])
    assert len(grid) == 4  # 1 unit x 2 inputs x 2 shifts
    cost = grid[(grid["input"] == "cost")].set_index("shift_pct")
    # 1.090 * 0.95 = 1.0355 still above 1 (not effective); break-even 1/1.090 - 1 = -8.26 %
    assert cost.loc[-5.0, "shifted"] == pytest.approx(1.0355)
    assert not cost.loc[-5.0, "flips"]
    assert cost.loc[-5.0, "break_even_pct"] == pytest.approx(-8.2569, abs=1e-3)
    result = grid[(grid["input"] == "result")].set_index("shift_pct")
    # result +5 %: 1.090 / 1.05 = 1.0381; break-even: the result must grow by 9 %
    assert result.loc[5.0, "shifted"] == pytest.approx(1.038095, abs=1e-6)
    assert result.loc[5.0, "break_even_pct"] == pytest.approx(9.0)
    with pytest.raises(ValueError, match=r"'shifts_pct' is .*; expected shifts above -100"):
        ef.sensitivity(pd.Series([1.0]), shifts_pct=[-100])
