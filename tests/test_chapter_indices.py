"""Tests of the chapter "indices": figure labels in every language and hand-checked data helpers."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from digecon import data, i18n
from digecon.chapters import indices as charts
from digecon.chapters.indices import audit as indices_audit
from digecon.methods import indices

LANGS = i18n.LANGS


@pytest.fixture(scope="module")
def un():
    return data.load("un-egov-survey")


@pytest.fixture(scope="module")
def ranks21():
    return data.load("diss-kz-ranks-printed")


@pytest.fixture(scope="module")
def t22(ranks21):
    return charts.table22_derivation(ranks21, data.load("diss-kz-chart-scores-printed"))


@pytest.fixture(scope="module")
def regions():
    return charts.regions_frame(data.load("kz-region-digital-index-printed"),
                                data.load("kz-region-tiles"),
                                data.load("kz-region-grp-correlation-printed"))


# ----------------------------------------------------------------------------- data helpers

def test_short_place_names():
    assert charts.short_place("KZ-KAR", "kk") == "Қарағанды"
    assert charts.short_place("KZ-KAR", "en") == "Karaganda"
    assert charts.short_place("KZ-ULT", "ru") == "Улытау"
    assert charts.short_place("KZ-AST", "kk") == "Астана қ."
    # a city and the region around it stay distinguishable
    for lang in LANGS:
        assert charts.short_place("KZ-ALA", lang) != charts.short_place("KZ-ALM", lang)


def test_egdi_is_the_mean_of_its_components(un):
    repro = charts.egdi_reproduction(un).set_index("survey_year")["max_abs_diff"]
    assert repro.loc[2012:].max() < 1e-4
    assert repro.loc[[2008, 2010]].max() == pytest.approx(0.0023, abs=1e-4)


def test_table22_derivation(t22):
    assert len(t22) == 38
    assert int(t22["matches"].sum()) == 37
    db17 = t22[(t22["index"] == "doing_business") & (t22["year"] == 2017)].iloc[0]
    assert db17["exact"] == pytest.approx(10 * 36 / 190)  # 1.8947...
    assert db17["truncated"] == pytest.approx(1.8) and db17["matches"]
    pros = t22[(t22["index"] == "prosperity") & (t22["year"] == 2020)].iloc[0]
    assert pros["exact"] == pytest.approx(10 * 62 / 167)  # 3.71
    assert pros["truncated"] == 3.0 and pros["printed"] == 4.0 and not pros["matches"]
    sm19 = t22[(t22["index"] == "social_mobility") & (t22["year"] == 2019)].iloc[0]
    assert sm19["rank_year"] == 2020 and sm19["matches"]


def test_table22_frame_cells(t22):
    wide = charts.table22_frame(t22).set_index("index")
    assert wide.loc["doing_business", 2017] == "36/190 → 1.8"
    assert wide.loc["prosperity", 2020] == "62/167 → 3 ≠ 4"
    assert wide.loc["social_mobility", 2019] == "(38/82 → 4.6)*"
    assert wide.loc["social_mobility", 2017] == "–"


def test_regions_frame_and_urban_divide(regions):
    assert len(regions) == 20 and "KAZ" not in set(regions["code"])
    assert regions.iloc[0]["code"] == "KZ-ALA" and regions.iloc[-1]["code"] == "KZ-ALM"
    assert set(regions.loc[regions["urban"], "code"]) == {"KZ-ALA", "KZ-AST", "KZ-SHY"}
    d = charts.urban_divide(regions)
    # hand-checked: (0.209 + 0.199 + 0.143) / 3 = 0.18367
    assert d["mean_urban"] == pytest.approx((0.209 + 0.199 + 0.143) / 3)
    assert d["ratio"] == pytest.approx(d["mean_urban"] / d["mean_other"])
    assert d["max_min_ratio"] == pytest.approx(0.209 / 0.097)
    assert regions["index"].mean() == pytest.approx(0.136, abs=5e-4)


def test_urban_divide_needs_both_groups():
    with pytest.raises(ValueError, match="at least one city"):
        charts.urban_divide(pd.DataFrame({"index": [0.1], "urban": [True]}))


def test_own_index_reproduces_egdi_without_normalization(un):
    out = charts.own_index(un, 2024, normalization="none")
    assert (out["score"] - out["egdi"]).abs().max() < 1e-4
    assert out["rank"].tolist() == out["egdi_rank"].tolist() == [1, 2, 3, 4, 5]
    assert out.iloc[0]["unit"] == "KAZ"


def test_own_index_minmax_hand_checked(un):
    out = charts.own_index(un, 2024, weights={"osi": 1, "tii": 1, "hci": 1}).set_index("unit")
    comp = charts.country_components(un, 2024)
    mm = (comp - comp.min()) / (comp.max() - comp.min())
    expected = mm[["osi", "tii", "hci"]].mean(axis=1)
    assert out["score"].to_dict() == pytest.approx(expected.to_dict())


def test_own_index_bad_year_and_unit(un):
    with pytest.raises(ValueError, match="not an EGDI survey year"):
        charts.own_index(un, 2023)
    with pytest.raises(ValueError, match="no UN E-Government Survey data"):
        charts.own_index(un, 2024, units=["KAZ", "FRA"])


def test_check_choices():
    assert indices.check_choices("distance_to_leader", "geometric") == ("distance_to_leader",
                                                                        "geometric")
    with pytest.raises(ValueError, match="geometric mean"):
        indices.check_choices("zscore", "geometric")
    with pytest.raises(ValueError, match="check_choices: 'normalization' is 'maxmin'"):
        indices.check_choices("maxmin", "arithmetic")


def test_truncate():
    assert indices.truncate(3.713, 0) == 3.0
    assert indices.truncate(0.79686, 2) == 0.79
    assert indices.truncate(-1.895, 1) == -1.8
    with pytest.raises(ValueError):
        indices.truncate(1.0, -1)


def test_edition_shift_of_table9(un):
    shift = charts.edition_shift(data.load("diss-digital-rankings-printed"), un)
    arm = shift[shift["country"] == "ARM"].set_index("edition")
    assert arm.loc[2020, "printed_rank"] == arm.loc[2020, "un_rank_previous"] == 87
    assert arm.loc[2022, "printed_rank"] == arm.loc[2022, "un_rank_previous"] == 68
    assert (shift["printed_rank"] != shift["un_rank_same"]).all()


def test_audit_overview_counts():
    rows = indices_audit.audit()
    overview = charts.audit_overview(rows)
    total = overview[["reproduces", "differs", "cannot_be_recomputed"]].to_numpy().sum()
    assert total == len(rows)
    t22 = overview[overview["source_table"] == "Кесте 22"].iloc[0]
    assert (t22["reproduces"], t22["differs"], t22["cannot_be_recomputed"]) == (36, 1, 1)
    row = charts.audit_row(rows, "Кесте 14, line 1862", "EGDI 2018 score, ARM")
    assert row["printed"] == 0.86 and row["official"] == pytest.approx(0.5944)


# ----------------------------------------------------------------------------- tables

@pytest.mark.parametrize("lang", LANGS)
def test_tables_have_headers_in_language(lang, t22, regions, un):
    desi = charts.desi_table(data.load("diss-desi-structure-printed"), lang).data
    assert desi.columns.tolist() == [i18n.t("desi_dimension", lang), i18n.t("weight", lang),
                                     i18n.t("n_indicators", lang)]
    assert desi.iloc[-1, 2] == 31 and desi.iloc[-1, 1] == pytest.approx(1.0)
    tab22 = charts.table22_table(t22, lang).data
    assert tab22.columns[0] == i18n.t("index_name", lang)
    reg = charts.regions_r_table(regions, lang).data
    assert reg.columns.tolist()[:2] == [i18n.t("region", lang), i18n.t("digitalization_index",
                                                                       lang)]
    assert reg.iloc[0, 0] == i18n.place("KZ-ALA", lang)
    own = charts.own_index_table(charts.own_index(un, 2024), lang).data
    assert own.columns[0] == i18n.t("country", lang)


# ----------------------------------------------------------------------------- figures

def _labels(fig):
    ax = fig.axes[0]
    return ax.get_xlabel(), ax.get_ylabel()


@pytest.mark.parametrize("lang", LANGS)
def test_figures_are_labelled_in_language(lang, un, ranks21, regions):
    fig = charts.plot_egdi_lines(un, lang)
    assert _labels(fig) == (i18n.t("survey_year", lang), i18n.t("egdi", lang))
    assert i18n.place("KAZ", lang) in [t.get_text() for t in fig.axes[0].get_legend().texts]
    plt.close(fig)

    fig = charts.plot_components(un, lang)
    assert [ax.get_title() for ax in fig.axes] == [i18n.t(k, lang)
                                                   for k in ("osi", "tii", "hci", "epi")]
    plt.close(fig)

    fig = charts.plot_rank_heatmap(ranks21, lang)
    assert fig.axes[0].get_xlabel() == i18n.t("year", lang)
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert i18n.t("ix_egdi", lang) in ticks and len(ticks) == 10
    plt.close(fig)

    fig = charts.plot_region_bars(regions, 0.161, lang)
    assert fig.axes[0].get_xlabel() == i18n.t("digitalization_index", lang)
    plt.close(fig)

    fig = charts.plot_region_tiles(regions, lang)
    texts = [t.get_text() for t in fig.axes[0].texts]
    # Almaty's 0.209, written with the decimal mark of the language
    assert ("0.209" if lang == "en" else "0,209") in texts and len(fig.axes[0].patches) == 20
    assert any(charts.short_place("KZ-KAR", lang).split()[0][:6] in t for t in texts)
    plt.close(fig)

    fig = charts.plot_index_vs_r(regions, lang)
    assert _labels(fig) == (i18n.t("digitalization_index", lang), i18n.t("correlation_r", lang))
    names = [t.get_text() for t in fig.axes[0].texts]
    assert sorted(names) == sorted(charts.short_place(c, lang) for c in regions["code"])
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in fig.axes[0].texts]
    overlaps = sum(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    assert overlaps == 0, f"{overlaps} region names overlap"
    plt.close(fig)

    result = charts.own_index(un, 2024)
    fig = charts.plot_own_index(result, lang, normalization="minmax", aggregation="arithmetic",
                                year=2024)
    assert fig.axes[0].get_xlabel() == i18n.t("own_score", lang)
    assert i18n.t("norm_minmax", lang) in fig.axes[0].get_title()
    plt.close(fig)

    comp = charts.country_components(un, 2024)[["osi", "tii", "hci"]]
    robust = indices.rank_uncertainty(comp, n=200, seed=1)
    fig = charts.plot_rank_uncertainty(robust, lang, own_rank=result.set_index("unit")["rank"])
    assert fig.axes[0].get_xlabel() == i18n.t("rank", lang)
    legend = [t.get_text() for t in fig.axes[0].get_legend().texts]
    assert legend == [i18n.t("rank_interval_5_95", lang), i18n.t("median_rank", lang),
                      i18n.t("own_rank", lang)]
    plt.close(fig)
