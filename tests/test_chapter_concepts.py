"""Figures and display helpers of the chapter "concepts": labels from the vocabulary."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from digecon.chapters import concepts as charts
from digecon.data import load
from digecon.i18n import LANGS, place, t


@pytest.mark.parametrize("lang", LANGS)
def test_timelines(lang):
    fig = charts.plot_evolution(load("concepts-evolution-printed"), lang)
    ax = fig.axes[0]
    assert ax.get_xlabel() == t("period_start_year", lang)
    texts = {x.get_text() for x in ax.texts}
    assert t("approach", lang) == ax.get_title()
    assert len(texts) == 6
    plt.close(fig)
    fig = charts.plot_revolutions(lang)
    assert fig.axes[0].get_xlabel() == t("year", lang)
    assert fig.axes[0].get_title() == t("industrial_revolutions", lang)
    plt.close(fig)


@pytest.mark.parametrize("lang", LANGS)
def test_concept_map_nodes_in_language(lang):
    fig = charts.plot_concept_map(lang)
    labels = {" ".join(x.get_text().split()) for x in fig.axes[0].texts}
    for key in charts.MAP_NODES:
        assert charts.short(t(key, lang)) in labels
    legend = [x.get_text() for x in fig.axes[0].get_legend().get_texts()]
    assert legend == [t(k, lang) for k in charts.RING_KEYS.values()]
    plt.close(fig)


@pytest.mark.parametrize("lang", LANGS)
def test_world_figures(lang):
    fig = charts.plot_singapore_internet(load("singapore-internet-printed"), lang)
    assert fig.axes[0].get_title() == place("SGP", lang)
    assert fig.axes[0].get_xlabel() == t("year", lang)
    plt.close(fig)
    fig = charts.plot_singapore_rd(load("singapore-rd-printed"), lang)
    assert fig.axes[0].get_ylabel() == t("rd_spending_mln", lang)
    plt.close(fig)
    fig = charts.plot_russia(load("russia-digital-indicators-printed"), lang)
    assert fig.axes[0].get_title() == place("RUS", lang)
    plt.close(fig)
    fig = charts.plot_russia_gdp_shares(load("concepts-text-figures-printed"), lang)
    assert fig.axes[0].get_xlabel() == t("pct_of_gdp", lang)
    plt.close(fig)
    fig = charts.plot_groups(load("digital-evolution-groups-printed"), lang)
    titles = [" ".join(a.get_title().split()) for a in fig.axes]
    assert titles == [t(f"group_{g}", lang) for g in charts.GROUP_ORDER]
    plt.close(fig)


def test_groups_table_counts():
    tab = charts.groups_table(load("digital-evolution-groups-printed"),
                              load("digital-evolution-group-descriptions"), "en")
    assert tab[t("n_countries", "en")].tolist() == [8, 6, 11, 5]
    assert "Nordic countries" in tab[t("group_members", "en")].iloc[1]
    assert "Switzerland" not in " ".join(tab[t("group_members", "en")])


def test_singapore_changes_hand_checked():
    tab = charts.singapore_changes(load("singapore-internet-printed"),
                                   load("singapore-internet-change-printed")).set_index("indicator")
    # 5.35 - 5.29 = 0.06 mln = 60 thousand; 0.06 / 5.29 = 1.134 %
    assert tab.at["internet_users", "abs_recomputed"] == pytest.approx(60.0)
    assert tab.at["internet_users", "pct_recomputed"] == pytest.approx(1.1342, abs=1e-4)
    assert tab.at["internet_users", "abs_printed"] == 43


def test_rd_totals_hand_checked():
    tab = charts.rd_totals(load("singapore-rd-printed")).set_index("year")
    # 5469.4 + 1583.4 + 1027.9 + 1126.9 = 9207.6; 5295.6 + 1656.1 + 1025.5 + 1159.3 = 9136.5
    assert tab.at[2015, "recomputed"] == pytest.approx(9207.6)
    assert tab.at[2016, "recomputed"] == pytest.approx(9136.5)
    assert tab.at[2015, "printed"] == pytest.approx(tab.at[2016, "recomputed"])


def test_russia_gdp_shares():
    tab = charts.russia_gdp_shares(load("concepts-text-figures-printed"))
    assert tab["value"].tolist() == [2.42, 3.8, 3.7, 3.9]


@pytest.mark.parametrize("lang", LANGS)
def test_display_tables(lang):
    k1 = load("concepts-evolution-printed")
    assert list(charts.evolution_table(k1, lang).columns) == [
        t(k, lang) for k in ("approach", "representatives", "period", "content")]
    shown = charts.singapore_changes_display(
        charts.singapore_changes(load("singapore-internet-printed"),
                                 load("singapore-internet-change-printed")), lang)
    assert t("internet_users_mln", lang) in shown.iloc[:, 0].tolist()


def test_country_name_and_layout():
    assert charts.country_name("NORDIC", "kk") == t("nordic_countries", "kk")
    assert set(charts.map_layout()) == set(charts.MAP_NODES)
