"""Figures of the EGDI chapter follow the reader's language; the decomposition is exact."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest

from digecon import data, i18n
from digecon.chapters import egov as charts
from digecon.methods import egov


@pytest.fixture(scope="module")
def survey():
    return data.load("un-egov-survey")


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_labels_follow_language(survey, lang):
    fig = charts.plot_egdi_countries(survey, lang, ["KAZ", "RUS"])
    ax = fig.axes[0]
    assert ax.get_xlabel() == i18n.t("survey_year", lang)
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert texts == [i18n.place("KAZ", lang), i18n.place("RUS", lang)]
    fig2 = charts.plot_components(survey, lang)
    assert fig2.axes[0].get_title() == i18n.place("KAZ", lang)


def test_contributions_add_up_to_the_egdi_change(survey):
    kaz = survey[survey["iso3"] == "KAZ"]
    c = egov.contributions(kaz, 2005, 2024)
    # hand-check: OSI 0.45000 -> 0.93903 adds (0.93903 - 0.45000) / 3 = 0.16301
    assert c.set_index("component").at["osi", "contribution"] == pytest.approx(0.163010, abs=1e-6)
    # official EGDI 2005 0.48125 -> 2024 0.90093: change 0.41968 (mean rule holds to 1e-5)
    assert c["contribution"].sum() == pytest.approx(0.90093 - 0.48125, abs=2e-5)


def test_contributions_unknown_year(survey):
    with pytest.raises(ValueError, match="contributions: 'start' is 2007, not a survey year"):
        egov.contributions(survey[survey["iso3"] == "KAZ"], 2007, 2024)


def test_printed_vs_official_panel(survey):
    printed = data.load("egdi-components-printed")
    lined = egov.printed_vs_official(printed, survey[survey["iso3"] == "KAZ"])
    fig = charts.plot_printed_vs_official(lined, "kk")
    assert [a.get_title() for a in fig.axes] == ["EGDI", "OSI", "TII", "HCI"]
    assert fig.axes[0].get_legend().get_texts()[0].get_text() == i18n.t("official", "kk")
    # every panel draws the official line and the printed line of its component, year by year
    for ax, comp in zip(fig.axes, ["egdi", "osi", "tii", "hci"], strict=True):
        official, printed_line = ax.get_lines()
        d = lined[lined["component"] == comp].sort_values("year")
        assert list(official.get_xdata()) == d["year"].tolist()
        assert list(printed_line.get_ydata()) == pytest.approx(d["printed"].tolist(), nan_ok=True)
    # hand-check: the printed 2024 EGDI of Кесте 3 is 0,9009, the official 0.90093
    egdi_2024 = fig.axes[0].get_lines()[1].get_ydata()[-1]
    assert egdi_2024 == pytest.approx(0.9009)
