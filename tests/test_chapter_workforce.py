"""Tests of digecon.chapters.workforce: hand-checked data preparation, labelled figures."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from digecon.chapters import workforce as wc
from digecon.data import load
from digecon.i18n import LANGS, place, t


@pytest.fixture(scope="module")
def figs():
    return wc.workforce_figures(load("workforce-text-figures"))


def test_need_growth(figs):
    # 7 038 / 4 449 = 1.58193 -> +58.2 %, the text prints 63 %
    assert wc.need_growth(figs) == pytest.approx(58.193, abs=1e-3)
    pairs = wc.two_numbers(figs).set_index("quantity")
    assert pairs.loc["need_growth_pct", "first"] == 63
    spec = pairs.loc["ict_specialities_n"]
    assert (spec["first"], spec["second"]) == (5, 6)
    assert pairs.loc["tvet_ict", "first"] == 318


def test_monotowns_by_region():
    m = load("monotowns-printed")
    old, new = wc.monotowns_by_region(m), wc.monotowns_by_region(m, "2022")
    assert old.sum() == new.sum() == 27
    # Karaganda 8 before 2022: Zhezkazgan, Karazhal, Satbayev moved to Ulytau
    assert (old["KZ-KAR"], new["KZ-KAR"], new["KZ-ULT"]) == (8, 5, 3)
    assert (old == 0).sum() == 2  # Kyzylorda and North Kazakhstan
    assert (old > 0).sum() == 12
    with pytest.raises(ValueError, match="borders"):
        wc.monotowns_by_region(m, "1997")


def test_survey_remainder(figs):
    r = wc.survey_with_remainder({"3": 23.6, "4": 45.3, "5": 24.3})
    assert r["rest"] == pytest.approx(6.8)
    with pytest.raises(ValueError, match="more than 100"):
        wc.survey_with_remainder({"a": 80.0, "b": 30.0})


@pytest.mark.parametrize("lang", LANGS)
def test_figures_are_labelled(figs, lang):
    m = load("monotowns-printed")
    old, new = wc.monotowns_by_region(m), wc.monotowns_by_region(m, "2022")
    ind = load("ict-costs-by-industry-printed")
    tiles = load("kz-region-tiles")
    index = load("kz-region-digital-index-printed").set_index("code")["index"]

    fig = wc.plot_need_vs_supply(figs, lang)
    assert fig.axes[0].get_xlabel() == t("persons_count", lang)
    plt.close(fig)
    fig = wc.plot_institutions(wc.institutions(figs), lang)
    assert fig.axes[0].get_xlabel() == t("institutions_count", lang)
    plt.close(fig)
    fig = wc.plot_costs_by_industry(ind, lang)
    assert fig.axes[0].get_xlabel() == t("ict_costs_share_pct", lang)
    ticks = [x.get_text() for x in fig.axes[0].get_yticklabels()]
    assert t("ind_trade", lang) in ticks
    plt.close(fig)
    fig = wc.plot_monotowns(old, new, lang)
    assert all(ax.get_xlabel() == t("number_of_monotowns", lang) for ax in fig.axes)
    ticks = [x.get_text() for x in fig.axes[0].get_yticklabels()]
    assert ticks[0] == place("KZ-KAR", lang)
    plt.close(fig)
    fig = wc.plot_two_numbers(wc.two_numbers(figs), lang)
    assert len(fig.axes) == 3
    plt.close(fig)
    fig = wc.plot_divide_tiles(tiles, new, index, lang)
    titles = [ax.get_title().replace("\n", " ") for ax in fig.axes]
    assert titles == [t("number_of_monotowns", lang), t("digital_index_2023", lang)]
    plt.close(fig)
    ratings = wc.survey_with_remainder({"3": 23.6, "4": 45.3, "5": 24.3})
    reasons = wc.survey_with_remainder({"pay": 47, "discipline": 21.9, "motivation": 21})
    fig = wc.plot_survey(ratings, reasons, lang)
    assert fig.axes[1].get_xlabel() == t("respondents_pct", lang)
    plt.close(fig)
