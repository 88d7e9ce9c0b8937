"""Tests of digecon.methods.regression against certified and hand-worked values."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from digecon.methods import regression as rg
from digecon.methods.forecast import drift_forecast
from digecon.methods.trend import trend_forecast, trend_models


# --------------------------------------------------------------------------- Longley (NIST)
@pytest.fixture(scope="module")
def longley() -> pd.DataFrame:
    from statsmodels.datasets import longley as ds

    return ds.load_pandas().data


LONGLEY_X = ["GNPDEFL", "GNP", "UNEMP", "ARMED", "POP", "YEAR"]
# NIST StRD certified values for the Longley data (Employed on six regressors)
NIST_B = {
    "const": (-3482258.63459582, 890420.383607373),
    "GNPDEFL": (15.0618722713733, 84.9149257747669),
    "GNP": (-0.358191792925910e-01, 0.334910077722432e-01),
    "UNEMP": (-2.02022980381683, 0.488399681651699),
    "ARMED": (-1.03322686717359, 0.214274163161675),
    "POP": (-0.511041056535807e-01, 0.226073200069370),
    "YEAR": (1829.15146461355, 455.478499142212),
}


def test_ols_longley_certified_coefficients(longley):
    t = rg.ols(longley, "TOTEMP", LONGLEY_X)
    coef = t.coefficients.set_index("term")
    for term, (b, se) in NIST_B.items():
        assert coef.loc[term, "b"] == pytest.approx(b, rel=1e-7)
        assert coef.loc[term, "se"] == pytest.approx(se, rel=1e-7)


def test_ols_longley_certified_anova_and_fit(longley):
    t = rg.ols(longley, "TOTEMP", LONGLEY_X)
    s = t.summary.iloc[0]
    assert s["se_estimate"] == pytest.approx(304.854073561965, rel=1e-8)
    assert s["r_squared"] == pytest.approx(0.995479004577296, rel=1e-10)
    a = t.anova.set_index("source")
    assert a.loc["regression", "sum_of_squares"] == pytest.approx(184172401.944494, rel=1e-9)
    assert a.loc["residual", "sum_of_squares"] == pytest.approx(836424.055505915, rel=1e-8)
    assert a.loc["regression", "mean_square"] == pytest.approx(30695400.3240823, rel=1e-9)
    assert a.loc["residual", "mean_square"] == pytest.approx(92936.0061673238, rel=1e-8)
    assert a.loc["regression", "f"] == pytest.approx(330.285339234588, rel=1e-8)
    assert a["df"].tolist() == [6, 9, 15]


# --------------------------------------------------------------------------- a small exact case
@pytest.fixture
def orthogonal() -> pd.DataFrame:
    # 2^3 design, columns orthogonal and centred; y = 10 + 3 x1 + x2 + 0.5 x1x2x3.
    x1 = [-1.0, -1, -1, -1, 1, 1, 1, 1]
    x2 = [-1.0, -1, 1, 1, -1, -1, 1, 1]
    x3 = [-1.0, 1, -1, 1, -1, 1, -1, 1]
    e = [0.5 * a * b * c for a, b, c in zip(x1, x2, x3, strict=True)]
    y = [10 + 3 * a + b + c for a, b, c in zip(x1, x2, e, strict=True)]
    return pd.DataFrame({"y": y, "x1": x1, "x2": x2, "x3": x3})


def test_ols_orthogonal_by_hand(orthogonal):
    # SST = 8 * (9 + 1 + 0.25) = 82; with x1, x2: SSR = 8*9 + 8*1 = 80, SSE = 2, df 5
    # MSE = 0.4, SE = sqrt(0.4); se(b) = sqrt(0.4 / 8) = 0.2236; t(x1) = 3 / 0.2236 = 13.416
    # beta(x1) = 3 * sd(x1) / sd(y) = 3 * sqrt(8/7) / sqrt(82/7) = 3 * sqrt(8/82) = 0.93704
    # partial r(x1) = t / sqrt(t^2 + 5) = sqrt(180 / 185); tolerance 1 (orthogonal)
    t = rg.ols(orthogonal, "y", ["x1", "x2"], candidates=["x3"])
    s = t.summary.iloc[0]
    assert s["r_squared"] == pytest.approx(80 / 82)
    assert s["adj_r_squared"] == pytest.approx(1 - (2 / 5) / (82 / 7))
    assert s["se_estimate"] == pytest.approx(math.sqrt(0.4))
    c = t.coefficients.set_index("term")
    assert c.loc["const", "b"] == pytest.approx(10)
    assert c.loc["x1", "se"] == pytest.approx(math.sqrt(0.05))
    assert c.loc["x1", "t"] == pytest.approx(3 / math.sqrt(0.05))
    assert c.loc["x1", "beta"] == pytest.approx(3 * math.sqrt(8 / 82))
    assert c.loc["x1", "partial"] == pytest.approx(math.sqrt(180 / 185))
    assert c.loc["x1", "vif"] == pytest.approx(1.0)
    # x3 is orthogonal to everything: beta in 0, tolerance 1
    ex = t.excluded.set_index("variable")
    assert ex.loc["x3", "beta_in"] == pytest.approx(0, abs=1e-12)
    assert ex.loc["x3", "tolerance"] == pytest.approx(1.0)
    # residuals are 0.5 * x1x2x3 = +-0.5; SPSS's std residual = 0.5 / sqrt(0.4) = 0.7906
    r = t.residual_statistics.set_index("quantity")
    assert r.loc["residual", "maximum"] == pytest.approx(0.5)
    assert r.loc["std_residual", "maximum"] == pytest.approx(0.5 / math.sqrt(0.4))
    assert r.loc["std_predicted", "std_deviation"] == pytest.approx(1.0)


def test_stepwise_orthogonal_by_hand(orthogonal):
    # step 1: x1 alone SSR 72, SSE 10 on 6 df -> F = 72 / (10/6) = 43.2 (x2: 0.65, x3: 0)
    # step 2: x2 adds SSR 8, SSE 2 on 5 df -> F = 8 / 0.4 = 20; x3 adds nothing -> stop
    h = rg.stepwise(orthogonal, "y", ["x1", "x2", "x3"])
    assert h["variable"].tolist() == ["x1", "x2"]
    assert h["action"].tolist() == ["enter", "enter"]
    assert h["f"].tolist() == pytest.approx([43.2, 20.0])
    assert h["r_squared"].tolist() == pytest.approx([72 / 82, 80 / 82])
    assert h.attrs["selected"] == ["x1", "x2"]


HALD = pd.DataFrame({
    "x1": [7, 1, 11, 11, 7, 11, 3, 1, 2, 21, 1, 11, 10],
    "x2": [26, 29, 56, 31, 52, 55, 71, 31, 54, 47, 40, 66, 68],
    "x3": [6, 15, 8, 8, 6, 9, 17, 22, 18, 4, 23, 9, 8],
    "x4": [60, 52, 20, 47, 33, 22, 6, 44, 22, 26, 34, 12, 12],
    "y": [78.5, 74.3, 104.3, 87.6, 95.9, 109.2, 102.7, 72.5, 93.1, 115.9, 83.8, 113.3, 109.4],
}).astype(float)


def test_stepwise_hald_enters_and_removes():
    # Hald cement data (Draper & Smith; Montgomery): x4 enters (t = -4.77), x1 (t = 10.40),
    # x2 (t = 2.24, p = 0.052), then x4 leaves (t = -1.37, p = 0.205): y = 52.58 + 1.468 x1
    # + 0.662 x2 with R^2 = 0.9787 (R^2 path 0.6745, 0.9725, 0.9823, 0.9787).
    h = rg.stepwise(HALD, "y", ["x1", "x2", "x3", "x4"], p_enter=0.10, p_remove=0.15)
    assert list(zip(h["action"], h["variable"], strict=True)) == [
        ("enter", "x4"), ("enter", "x1"), ("enter", "x2"), ("remove", "x4")]
    assert h["r_squared"].round(4).tolist() == [0.6745, 0.9725, 0.9823, 0.9787]
    assert math.sqrt(h["f"].iloc[0]) == pytest.approx(4.77, abs=0.005)
    assert h["p"].iloc[2] == pytest.approx(0.052, abs=0.0005)
    assert h.attrs["selected"] == ["x1", "x2"]
    b = rg.ols(HALD, "y", ["x1", "x2"]).coefficients.set_index("term")["b"]
    assert b.round(3).tolist() == [52.577, 1.468, 0.662]


def test_stepwise_default_thresholds_stop_before_x2():
    # with p_enter = 0.05, x2 (p = 0.052) does not enter: the model is x4, x1
    h = rg.stepwise(HALD, "y", ["x1", "x2", "x3", "x4"])
    assert h.attrs["selected"] == ["x4", "x1"]


# --------------------------------------------------------------------------- collinearity
def test_collinearity_by_hand():
    # r(a, b) = 8 / sqrt(10 * 10) = 0.8 -> tolerance 0.36, VIF 2.7778
    df = pd.DataFrame({"a": [1.0, 2, 3, 4, 5], "b": [2.0, 1, 4, 3, 5]})
    c = rg.collinearity(df, ["a", "b"]).set_index(["item", "measure"])["value"]
    assert c[("a", "tolerance")] == pytest.approx(0.36)
    assert c[("b", "vif")] == pytest.approx(1 / 0.36)
    # three dimensions (constant, a, b); the first condition index is 1
    assert c[("dimension 1", "condition_index")] == pytest.approx(1.0)
    assert c[("model", "condition_number")] == pytest.approx(c[("dimension 3", "condition_index")])
    # eigenvalues of the scaled cross-product matrix sum to its trace, 3
    eig = [c[(f"dimension {i}", "eigenvalue")] for i in (1, 2, 3)]
    assert sum(eig) == pytest.approx(3.0)


# --------------------------------------------------------------------------- diagnostics
def test_residual_diagnostics_by_hand():
    # e = -2..2: skewness 0, m2 = 2, m4 = 6.8, kurtosis 1.7 -> JB = 5/6 * 1.69/4 = 0.352083
    # DW = sum of squared differences / sum of squares = 4 / 10 = 0.4
    d = rg.residual_diagnostics([-2.0, -1, 0, 1, 2]).set_index("test")
    assert d.loc["jarque_bera", "statistic"] == pytest.approx(5 / 6 * 1.69 / 4)
    assert d.loc["durbin_watson", "statistic"] == pytest.approx(0.4)
    assert 0 < d.loc["shapiro_wilk", "statistic"] <= 1


def test_residual_diagnostics_breusch_pagan_by_hand():
    # e = +-sqrt(x): e^2 = x exactly, so the auxiliary R^2 is 1 and LM = n * R^2 = 8
    x = np.arange(1.0, 9.0)
    e = pd.Series([(-1) ** i * math.sqrt(v) for i, v in enumerate(x)])
    d = rg.residual_diagnostics(e, pd.DataFrame({"x": x})).set_index("test")
    assert d.loc["breusch_pagan", "statistic"] == pytest.approx(8.0)
    assert d.loc["breusch_pagan", "df"] == 1


# --------------------------------------------------------------------------- trends, forecasts
def test_trend_models_exact_forms():
    t = np.arange(1, 7, dtype=float)
    s_exp = pd.Series(2 * np.exp(0.1 * t), index=range(2000, 2006))
    s_quad = pd.Series(1 + 0.5 * t + 0.25 * t * t, index=range(2000, 2006))
    s_pow = pd.Series(3 * t**1.5, index=range(2000, 2006))
    m = trend_models(s_exp, ["log_linear"]).iloc[0]
    assert (m["a"], m["b"]) == pytest.approx((math.log(2), 0.1))
    q = trend_models(s_quad, ["quadratic"]).iloc[0]
    assert (q["a"], q["b"], q["c"]) == pytest.approx((1, 0.5, 0.25))
    p = trend_models(s_pow, ["power"]).iloc[0]
    assert (p["a"], p["b"]) == pytest.approx((math.log(3), 1.5))
    f = trend_forecast(s_exp, "log_linear", 1)
    assert f["index"].tolist() == [2006]
    assert f["forecast"].iloc[0] == pytest.approx(2 * math.exp(0.7))


def test_forecast_y_prediction_interval_by_hand():
    # y = 0.09 + 1.97 x; SSE = 0.091, s^2 = 0.091/3; at x = 6: forecast 11.91,
    # se_pred = s * sqrt(1 + 1/5 + 9/10); t(0.975, 3) = 3.182446 -> half width 0.80317
    df = pd.DataFrame({"x": [1.0, 2, 3, 4, 5], "y": [2.0, 4.1, 5.9, 8.2, 9.8]})
    f = rg.forecast_y(rg.ols(df, "y", ["x"]), pd.DataFrame({"x": [6.0]}, index=[2026])).loc[2026]
    half = 3.182446 * math.sqrt(0.091 / 3 * 2.1)
    assert f["forecast"] == pytest.approx(11.91)
    assert f["obs_lower"] == pytest.approx(11.91 - half, abs=1e-5)
    assert f["obs_upper"] == pytest.approx(11.91 + half, abs=1e-5)
    assert f["mean_upper"] - f["forecast"] == pytest.approx(
        3.182446 * math.sqrt(0.091 / 3 * 1.1), abs=1e-5)


def test_scenarios_and_apply_equation():
    base = pd.DataFrame({"a": [1.0, 2.0], "b": [10.0, 20.0]}, index=[2025, 2026])
    s = rg.scenarios(base, {"low": {"a": 0.5}, "high": 2.0})
    low = s.query("scenario == 'low'")
    assert low["a"].tolist() == [0.5, 1.0] and low["b"].tolist() == [10.0, 20.0]
    assert s.query("scenario == 'high'")["b"].tolist() == [20.0, 40.0]
    # 1 + 2*a - 0.1*b: 2025 -> 1 + 2 - 1 = 2; 2026 -> 1 + 4 - 2 = 3
    assert rg.apply_equation(base, {"a": 2, "b": -0.1}, 1).tolist() == pytest.approx([2, 3])


def test_evaluate_by_hand():
    # y = 1, 2, 4, 7, 11; hold out 11: naive 7 (error 4), drift 7 + 6/3 = 9 (error 2),
    # trend on t=1..4 slope 2, intercept -1.5 -> 8.5 (error 2.5).
    # rolling from 3: origin 3 forecasts 7 as naive 4, drift 5.5, trend 5.3333.
    y = pd.Series([1.0, 2, 4, 7, 11], index=range(2000, 2005))
    ev = rg.evaluate(y, k=1, min_train=3)
    hold = ev.errors.query("scheme == 'holdout'").set_index("method")["error"]
    assert hold.to_dict() == pytest.approx({"naive": 4, "drift": 2, "linear_trend": 2.5})
    roll = ev.summary.query("scheme == 'rolling'").set_index("method")
    assert roll.loc["naive", "mae"] == pytest.approx(3.5)
    assert roll.loc["naive", "rmse"] == pytest.approx(math.sqrt(12.5))
    assert roll.loc["naive", "mape"] == pytest.approx(50 * (3 / 7 + 4 / 11))
    assert roll.loc["linear_trend", "mae"] == pytest.approx((7 - 16 / 3 + 2.5) / 2)
    assert set(ev.errors["origin"]) == {2002, 2003}


def test_evaluate_custom_forecaster():
    y = pd.Series([1.0, 2, 4, 7, 11], index=range(2000, 2005))
    ev = rg.evaluate(y, k=1, min_train=3, forecasters={"oracle": lambda tr, h: [11.0] * h})
    assert ev.errors.query("method == 'oracle' and scheme == 'holdout'")["error"].item() == 0


# --------------------------------------------------------------------------- bad input
def test_too_few_observations():
    df = pd.DataFrame({"y": [1.0, 2.0], "x": [1.0, 3.0]})
    with pytest.raises(ValueError, match="at least 3 are needed"):
        rg.ols(df, "y", ["x"])
    with pytest.raises(ValueError, match="too few to hold out 2"):
        rg.evaluate(pd.Series([1.0, 2, 3]), k=2, min_train=2)
    with pytest.raises(ValueError, match="trend_models: 'series' has 3 observations; at least 4"):
        trend_models(pd.Series([1.0, 2, 3]))


def test_constant_column():
    df = pd.DataFrame({"y": [1.0, 2, 3, 5], "x": [2.0, 2, 2, 2]})
    with pytest.raises(ValueError, match="'x' is constant"):
        rg.ols(df, "y", ["x"])
    with pytest.raises(ValueError, match="constant"):
        rg.stepwise(df.assign(z=[1.0, 3, 2, 4]), "y", ["z", "x"])


def test_missing_values():
    df = pd.DataFrame({"y": [1.0, 2, 3, 5], "x": [1.0, np.nan, 2, 4]})
    with pytest.raises(ValueError, match="is missing a value at row 1"):
        rg.ols(df, "y", ["x"])


def test_non_numeric():
    df = pd.DataFrame({"y": [1.0, 2, 3, 5], "x": ["1", "2", "3", "4"]})
    with pytest.raises(ValueError, match="'x' is not numeric"):
        rg.ols(df, "y", ["x"])
    with pytest.raises(ValueError, match="not numeric"):
        rg.residual_diagnostics(["a", "b", "c"])


def test_other_bad_arguments():
    df = pd.DataFrame({"y": [1.0, 2, 3, 5], "x": [1.0, 3, 2, 4]})
    with pytest.raises(ValueError, match="has no column 'z'"):
        rg.ols(df, "y", ["z"])
    with pytest.raises(ValueError, match="expected 0 < p_enter < p_remove < 1"):
        rg.stepwise(df, "y", ["x"], p_enter=0.1, p_remove=0.05)
    with pytest.raises(ValueError, match="positive values"):
        trend_models(pd.Series([1.0, -2, 3, 4]), ["log_linear"])
    with pytest.raises(ValueError, match="forecast_y: 'df' has no column 'x'"):
        rg.forecast_y(rg.ols(df, "y", ["x"]), pd.DataFrame({"w": [1.0]}))
    with pytest.raises(ValueError, match="not a column of base"):
        rg.scenarios(pd.DataFrame({"a": [1.0]}), {"s": {"b": 2.0}})


def test_drift_forecast_by_hand():
    # changes 1, 2, 1: mean 4/3, sd sqrt(1/3); h = 1: half-width z * sd * sqrt(1 + 1/3)
    s = pd.Series([1.0, 2.0, 4.0, 5.0], index=[2000, 2001, 2002, 2003])
    f = drift_forecast(s, 2, alpha=0.05)
    assert f["forecast"].tolist() == pytest.approx([5 + 4 / 3, 5 + 8 / 3])
    half = 1.959964 * math.sqrt(1 / 3) * math.sqrt(1 + 1 / 3)
    assert float(f["upper"].iloc[0] - f["forecast"].iloc[0]) == pytest.approx(half, rel=1e-5)
    assert f["index"].tolist() == [2004, 2005]
    with pytest.raises(ValueError, match="horizon"):
        drift_forecast(s, 0)


def test_trend_regression_forecaster_matches_a_manual_fit():
    df = pd.DataFrame({"x": [1.0, 2, 3, 4, 5, 6], "z": [2.0, 1, 4, 3, 6, 5],
                       "y": [2.0, 4.1, 5.9, 8.2, 9.8, 12.1]}, index=range(2000, 2006))
    f = rg.trend_regression_forecaster(df, "y", ["x", "z"])
    train = df["y"].iloc[:5]
    m = rg.ols(df.iloc[:5], "y", ["x", "z"])
    xf = pd.DataFrame({v: trend_forecast(df[v].iloc[:5], "linear", 2)["forecast"]
                       for v in ["x", "z"]})
    assert f(train, 2) == pytest.approx(rg.forecast_y(m, xf)["forecast"].to_numpy())
    # leaving a year out of the fit changes the forecast
    g = rg.trend_regression_forecaster(df, "y", ["x", "z"], exclude=[2001])
    assert g(train, 2)[0] != pytest.approx(f(train, 2)[0])
    with pytest.raises(ValueError, match="not one of the regressors"):
        rg.trend_regression_forecaster(df, "y", ["x"], forms={"z": "linear"})


def test_scenarios_with_anchor():
    base = pd.DataFrame({"a": [3.0, 5.0]}, index=[2022, 2023])
    s = rg.scenarios(base, {"half": 0.5}, anchor={"a": 1.0})
    assert s["a"].tolist() == [2.0, 3.0]
    with pytest.raises(ValueError, match="'anchor' has no value for column"):
        rg.scenarios(base, {"half": 0.5}, anchor={"b": 1.0})
