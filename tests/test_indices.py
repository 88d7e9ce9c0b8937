"""Tests of digecon.methods.indices and digecon.methods.correlation with hand-worked values."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest

from digecon import data
from digecon.methods.correlation import correlate, strength_of_link
from digecon.methods.indices import (
    aggregate,
    competition_rank,
    composite_index,
    normalize,
    rank_share,
    rank_uncertainty,
    weights,
)


def frame(**cols):
    return pd.DataFrame(cols, index=[f"u{i}" for i in range(len(next(iter(cols.values()))))])


# --- normalization -----------------------------------------------------------------------------

def test_minmax_both_directions():
    # a = 1, 2, 5: min 1, span 4 -> 0, 1/4, 1
    # cost = 4, 2, 1 (lower is better): (4 - x) / 3 -> 0, 2/3, 1
    out = normalize(frame(a=[1.0, 2.0, 5.0], cost=[4.0, 2.0, 1.0]), "minmax", {"cost": False})
    assert out["a"].tolist() == pytest.approx([0.0, 0.25, 1.0])
    assert out["cost"].tolist() == pytest.approx([0.0, 2 / 3, 1.0])


def test_zscore_both_directions():
    # 1, 2, 3: mean 2, sample sd sqrt(((1)+0+(1))/2) = 1 -> -1, 0, 1; reversed for lower
    out = normalize(frame(a=[1.0, 2.0, 3.0], b=[1.0, 2.0, 3.0]), "zscore", [True, False])
    assert out["a"].tolist() == pytest.approx([-1.0, 0.0, 1.0])
    assert out["b"].tolist() == pytest.approx([1.0, 0.0, -1.0])


def test_distance_to_leader_both_directions():
    # higher: x / max = 2/8, 4/8, 8/8; lower: min / x = 2/2, 2/4, 2/8
    out = normalize(frame(a=[2.0, 4.0, 8.0], b=[2.0, 4.0, 8.0]), "distance_to_leader",
                    {"b": False})
    assert out["a"].tolist() == pytest.approx([0.25, 0.5, 1.0])
    assert out["b"].tolist() == pytest.approx([1.0, 0.5, 0.25])


def test_rank_normalization_ties():
    # 10, 30, 30, 20: 1 + number strictly worse -> 1, 3, 3, 2
    out = normalize(frame(a=[10.0, 30.0, 30.0, 20.0]), "rank")
    assert out["a"].tolist() == [1.0, 3.0, 3.0, 2.0]


# --- weights ------------------------------------------------------------------------------------

def test_equal_given_and_user_weights():
    assert weights(["a", "b", "c", "d"]).tolist() == [0.25] * 4
    desi = weights(["conn", "hc", "use", "integ", "dps"], [0.25, 0.25, 0.15, 0.20, 0.15])
    assert desi.sum() == pytest.approx(1.0)
    # user importance 2 : 1 : 1 -> 0.5, 0.25, 0.25
    assert weights(["a", "b", "c"], {"a": 2, "b": 1, "c": 1}, sum_to_one=False).tolist() == [
        0.5, 0.25, 0.25]


# --- aggregation --------------------------------------------------------------------------------

def test_arithmetic_aggregation():
    # 0.25 * 0.2 + 0.75 * 0.6 = 0.05 + 0.45 = 0.5
    out = aggregate(frame(a=[0.2], b=[0.6]), [0.25, 0.75], "arithmetic")
    assert out.iloc[0] == pytest.approx(0.5)


def test_geometric_aggregation():
    # 1 ** 0.5 * 4 ** 0.5 = 2;  2 ** 0.25 * 8 ** 0.75 = 2 ** (0.25 + 2.25) = 2 ** 2.5 = 5.656854
    assert aggregate(frame(a=[1.0], b=[4.0]), [0.5, 0.5], "geometric").iloc[0] == pytest.approx(2)
    out = aggregate(frame(a=[2.0], b=[8.0]), [0.25, 0.75], "geometric")
    assert out.iloc[0] == pytest.approx(5.656854, abs=1e-6)


def test_composite_index_min_max_equal_weights():
    # a = 1, 2, 3 -> 0, .5, 1;  b = 3, 2, 1 -> 0, .5, 1 reversed: 1, .5, 0
    # weights .75/.25: x = .25, y = .5, z = .75 -> ranks 3, 2, 1
    out = composite_index(frame(a=[1.0, 2.0, 3.0], b=[3.0, 2.0, 1.0]), weight=[0.75, 0.25])
    assert out["score"].tolist() == pytest.approx([0.25, 0.5, 0.75])
    assert out["rank"].tolist() == [3, 2, 1]


# --- ranking ------------------------------------------------------------------------------------

def test_competition_rank_1224():
    assert competition_rank([0.9, 0.8, 0.8, 0.7]).tolist() == [1, 2, 2, 4]
    # lower is better: 3, 1, 1, 2 -> 4, 1, 1, 3
    assert competition_rank([3.0, 1.0, 1.0, 2.0], higher_is_better=False).tolist() == [4, 1, 1, 3]


def test_mobile_internet_cost_lower_is_better():
    # Кесте 14, $ per GB: RUS .91, BLR 2.36, KAZ .49, KGZ .27, ARM 1.65 -> 3, 5, 2, 1, 4
    t = data.load("diss-eaeu-rankings-printed")
    cost = t.query("index == 'mobile_internet_cost' and measure == 'usd_per_gb'")
    ranks = competition_rank(cost.set_index("country")["value"], higher_is_better=False)
    assert ranks.to_dict() == {"RUS": 3, "BLR": 5, "KAZ": 2, "KGZ": 1, "ARM": 4}


def test_rank_share():
    # 10 * 36 / 190 = 1.894737
    assert rank_share(36, 190) == pytest.approx(1.894737, abs=1e-6)


# --- EGDI is the equal-weight mean of OSI, TII and HCI ------------------------------------------

def test_egdi_is_mean_of_components_kazakhstan_2024():
    un = data.load("un-egov-survey").query("iso3 == 'KAZ' and survey_year == 2024")
    comp = un.set_index("iso3")[["osi", "tii", "hci"]]
    out = composite_index(comp, normalization="none")
    # (0.93903 + 0.92353 + 0.84029) / 3 = 2.70285 / 3 = 0.90095; UN prints 0.90093
    assert out["score"].iloc[0] == pytest.approx(0.90095, abs=1e-5)
    assert out["score"].iloc[0] == pytest.approx(un["egdi"].item(), abs=5e-5)


def test_egdi_is_mean_of_components_2012_2024():
    un = data.load("un-egov-survey").query("survey_year >= 2012")
    comp = un[["osi", "tii", "hci"]].astype(float)
    score = aggregate(comp, None, "arithmetic")
    assert np.abs(score.to_numpy() - un["egdi"].astype(float).to_numpy()).max() < 1e-3


# --- bad input ----------------------------------------------------------------------------------

def test_missing_value_is_named():
    with pytest.raises(ValueError, match=r"composite_index: 'data' column 'b' is missing a value"):
        composite_index(frame(a=[1.0, 2.0], b=[1.0, np.nan]))


def test_wrong_length_weights():
    with pytest.raises(ValueError, match=r"'given' has 2 weights for 3 indicators"):
        weights(["a", "b", "c"], [0.5, 0.5])


def test_negative_weights():
    with pytest.raises(ValueError, match=r"weight of 'b' is negative \(-0.2\)"):
        weights(["a", "b"], [1.2, -0.2])


def test_weights_not_summing_to_one():
    with pytest.raises(ValueError, match=r"weights: 'given' sums to 0\.9; expected 1"):
        weights(["a", "b"], [0.5, 0.4])


def test_non_numeric_column():
    with pytest.raises(ValueError, match=r"normalize: 'data' column 'b' is not numeric"):
        normalize(frame(a=[1.0, 2.0], b=["x", "y"]))


def test_unknown_normalization_and_aggregation():
    with pytest.raises(ValueError, match=r"normalize: 'method' is 'log'; expected one of"):
        normalize(frame(a=[1.0, 2.0]), "log")
    with pytest.raises(ValueError, match=r"aggregate: 'method' is 'harmonic'; expected one of"):
        aggregate(frame(a=[1.0, 2.0]), None, "harmonic")


def test_geometric_needs_positive_values():
    with pytest.raises(ValueError, match=r"unit 'u0', indicator 'a' is 0"):
        composite_index(frame(a=[1.0, 2.0], b=[2.0, 1.0]), aggregation="geometric")


def test_constant_indicator_minmax():
    with pytest.raises(ValueError, match=r"indicator 'a' takes one value"):
        normalize(frame(a=[1.0, 1.0]), "minmax")


def test_directions_wrong_length():
    with pytest.raises(ValueError, match=r"'higher_is_better' has 1 entries for 2 indicators"):
        normalize(frame(a=[1.0, 2.0], b=[1.0, 3.0]), "minmax", [True])


# --- uncertainty --------------------------------------------------------------------------------

def test_rank_uncertainty_dominance_and_order():
    # u0 is best on every indicator, u2 worst on every one: their ranks never move
    df = frame(a=[3.0, 2.0, 1.0], b=[30.0, 10.0, 5.0], c=[0.9, 0.8, 0.1])
    out = rank_uncertainty(df, n=500, seed=7)
    assert out.loc[0, ["median_rank", "rank_p05", "rank_p95"]].tolist() == [1, 1, 1]
    assert out.loc[2, ["median_rank", "rank_p05", "rank_p95"]].tolist() == [3, 3, 3]
    assert (out["rank_p05"] <= out["median_rank"]).all()
    assert (out["median_rank"] <= out["rank_p95"]).all()
    assert out["n_draws"].eq(500).all()


def test_rank_uncertainty_seeded_and_fast():
    rng = np.random.default_rng(0)
    df = pd.DataFrame(rng.uniform(1, 10, size=(20, 6)), columns=list("abcdef"))
    start = time.perf_counter()
    one = rank_uncertainty(df, n=1000, seed=42)
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0
    assert one.equals(rank_uncertainty(df, n=1000, seed=42))
    assert len(one) == 20 and one["median_rank"].between(1, 20).all()


def test_rank_uncertainty_bad_n():
    with pytest.raises(ValueError, match=r"rank_uncertainty: 'n' is 0; expected a positive number"):
        rank_uncertainty(frame(a=[1.0, 2.0]), n=0)


# --- correlation --------------------------------------------------------------------------------

def test_pearson_hand_worked():
    # x - 2.5 = -1.5, -.5, .5, 1.5; y - 5 = -3, -1, 0, 4; sxy = 11, sxx = 5, syy = 26
    # r = 11 / sqrt(130) = 0.964764
    out = correlate([1, 2, 3, 4], [2, 4, 5, 9])
    assert out["r"].item() == pytest.approx(0.964764, abs=1e-6)
    assert out["n"].item() == 4


def test_correlate_bad_input():
    with pytest.raises(ValueError, match=r"correlate: 'y' has 2 values; expected 3"):
        correlate([1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match=r"correlate: 'method' is 'kendall'"):
        correlate([1, 2, 3], [1, 2, 4], "kendall")


def test_strength_labels_of_table_4():
    # the article's labels follow |r| >= .8 very strong, >= .7 strong, >= .5 moderate, else weak
    t = data.load("kz-region-grp-correlation-printed")
    assert strength_of_link(t["r"]).tolist() == t["strength"].tolist()
