"""Tests of digecon.chapters.ecommerce: hand-checked data preparation, labelled figures."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from digecon.chapters import ecommerce as ch
from digecon.data import load
from digecon.i18n import LANGS, t
from digecon.methods.forecast import projection


@pytest.fixture(scope="module")
def tables():
    ec = load("ecommerce-printed")
    text = load("ecommerce-text-figures")
    return {
        "w16": ch.ict_output_wide(load("ict-output-printed")),
        "eff": load("ict-sector-efficiency-printed"),
        "wide": ch.ecommerce_wide(ec),
        "text": text,
    }


def test_table16_gaps(tables):
    w = tables["w16"]
    # 2018: 112.3 + 3 638.3 + 5 886.3 + 12 973.4 = 22 610.3 vs printed 22 509.3
    assert w.loc[2018, "components_sum"] == pytest.approx(22610.3)
    assert w.loc[2018, "gap"] == pytest.approx(101.0)
    # 2021: 223.7 + 11 132.1 + 10 426.7 + 3 212.2 = 24 994.7 vs printed 24 794.7
    assert w.loc[2021, "gap"] == pytest.approx(200.0)
    assert w.loc[2016, "gap"] == pytest.approx(0.0, abs=1e-6)


def test_table17_truncation_and_pooled(tables):
    e = ch.efficiency_table(tables["eff"])
    # 2019: 30 273.8 / 337 712.7 = 8.964 %, printed 8.9 (truncated, rounds to 9.0)
    assert e.loc[2019, "recomputed"] == pytest.approx(8.9644, abs=1e-4)
    assert bool(e.loc[2019, "truncated"])
    assert not bool(e.loc[2020, "truncated"])  # 6.706 -> 6.7 either way
    # 147 708.1 / 2 094 454.3 = 7.052 %
    assert ch.pooled_efficiency(tables["eff"]) == pytest.approx(7.0523, abs=1e-4)


def test_ecommerce_total_growth_and_segments(tables):
    wide = tables["wide"]
    # 2019: 206 253.9 + 108 603.2 + 121 153.7 = 436 010.8
    assert wide.loc[2019, "ecommerce_total"] == pytest.approx(436010.8)
    g = ch.growth_summary(wide)
    # 436 010.8 / 395 585.8 = 1.1022 -> +10.2 %
    assert g.loc[2019, "ecommerce_total"] == pytest.approx(10.219, abs=1e-3)
    # (476 651.5 / 28 046.4) ** (1/7) - 1 = 49.9 %
    assert g.loc["cagr", "online_retail"] == pytest.approx(49.886, abs=1e-3)
    s = ch.segment_shares(wide)
    # 2020 goods: (476 651.5 + 275 105.4) / 960 921.6 = 78.23 %
    assert s.loc[2020, "ecom_goods"] == pytest.approx(78.23, abs=0.01)
    assert (s.sum(axis=1) - 100).abs().max() < 1e-9


def test_text_mentions(tables):
    m = ch.share_mentions(tables["text"])
    assert sorted(m["value"]) == [2.9, 3.7, 3.8, 9.0, 9.7]
    v = ch.volume_mentions(tables["text"]).set_index("year")
    # PwC: over 1 000 bn in 2021, +75 % on 2020 and 3x on 2019
    assert v.loc[2020, "mention_pwc"] == pytest.approx(571.43, abs=0.01)
    assert v.loc[2019, "mention_pwc"] == pytest.approx(333.33, abs=0.01)
    assert ch.share_targets(tables["text"]).to_dict() == {2019: 1.7, 2020: 2.0, 2022: 2.6}


def test_wrap():
    from digecon.plots import wrap

    assert wrap("abc def", 3) == "abc\ndef"


@pytest.mark.parametrize("lang", LANGS)
def test_figures_are_labelled(tables, lang):
    wide, text = tables["wide"], tables["text"]
    e = ch.efficiency_table(tables["eff"])
    s = wide["online_retail"] / 1000
    cases = [
        (ch.plot_ict_output(tables["w16"], lang), "year"),
        (ch.plot_efficiency(e, 7.05, lang), "economic_efficiency_pct"),
        (ch.plot_channels(wide, lang), "volume_bn_tenge"),
        (ch.plot_growth(ch.growth_summary(wide), lang), "growth_change_pct"),
        (ch.plot_volumes(wide, ch.volume_mentions(text), lang), "volume_bn_tenge"),
        (ch.plot_segments(ch.segment_shares(wide), 68, 2346, lang), "ecom_structure_pct"),
        (ch.plot_projection(s, projection(s, 2), lang), "volume_bn_tenge"),
    ]
    for fig, key in cases:
        labels = [ax.get_ylabel() for ax in fig.axes] + [ax.get_xlabel() for ax in fig.axes]
        assert t(key, lang) in labels or any(t(key, lang) in x.replace("\n", " ") for x in labels)
        assert isinstance(fig, plt.Figure)
        plt.close(fig)
    fig = ch.plot_share_retail(
        wide, ch.share_mentions(text), ch.share_targets(text), lang
    )
    ax = fig.axes[0]
    assert ax.get_xlabel() == t("year", lang)
    assert ax.get_ylabel().replace("\n", " ") == t("ecommerce_share_retail", lang)
    legend = [x.get_text() for x in ax.get_legend().get_texts()]
    assert t("programme_target", lang) in legend
    assert t("text_line_n", lang).format(n=2338) in legend
    plt.close(fig)
