"""Figures and display helpers of the chapter "efficiency": labels from the vocabulary."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from digecon import audit
from digecon.chapters import efficiency as charts
from digecon.chapters.efficiency import audit as efficiency_audit
from digecon.data import load
from digecon.i18n import LANGS, t
from digecon.methods import efficiency as ef


@pytest.fixture(scope="module")
def k5():
    return load("ict-efficiency-printed")


def _unwrap(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", LANGS)
def test_readings_figure_labels(k5, lang):
    fig = charts.plot_readings(k5, lang)
    left, right = fig.axes[:2]
    assert left.get_xlabel() == t("year", lang)
    assert left.get_ylabel() == t("ict_efficiency_ratio", lang)
    assert left.get_title() == t("reading_input_output", lang)
    assert right.get_title() == t("reading_output_input", lang)
    plt.close(fig)


@pytest.mark.parametrize("lang", LANGS)
def test_growth_and_sensitivity_labels(k5, lang):
    fig = charts.plot_growth(k5, lang)
    assert _unwrap(fig.axes[0].get_ylabel()) == t("efficiency_growth_pct", lang)
    plt.close(fig)
    fig = charts.plot_sensitivity(k5, 10, lang)
    assert _unwrap(fig.axes[0].get_xlabel()) == t("break_even_pct", lang)
    assert fig.axes[0].get_title() == t("input_cost", lang)
    assert fig.axes[1].get_title() == t("input_result", lang)
    plt.close(fig)


@pytest.mark.parametrize("lang", LANGS)
def test_karasai_and_edms_labels(lang):
    fig = charts.plot_karasai(load("karasai-eservices-printed"), lang)
    assert _unwrap(fig.axes[0].get_ylabel()) == t("registered_taxpayers", lang)
    plt.close(fig)
    fig = charts.plot_edms(load("edms-survey-printed"), lang)
    assert fig.axes[0].get_ylabel() == t("edms_efficiency_pct", lang)
    plt.close(fig)


def test_sensitivity_rejects_bad_shift(k5):
    with pytest.raises(ValueError, match="positive"):
        charts.plot_sensitivity(k5, 0, "en")


def test_yearly_efficiency_and_table5(k5):
    eff = charts.yearly_efficiency(k5)
    assert list(eff.index) == list(range(2010, 2022))
    tab = charts.table5(k5).set_index("year")
    # 100 (2.494 - 2.776) / 2.776 = -10.1585 (printed -10.176 from unrounded values)
    assert tab.at[2011, "recomputed"] == pytest.approx(-10.1585, abs=1e-4)
    assert tab.at[2015, "recomputed"] == pytest.approx(71.6268, abs=1e-4)


def test_period_comparison_means(k5):
    p = charts.period_comparison(k5).set_index("period")
    # (2.776 + 2.494 + 1.882 + 1.220 + 1.297 + 2.226 + 1.950) / 7 = 1.97786
    assert p.at["pre_program", "mean_of_years"] == pytest.approx(1.977857, abs=1e-6)
    assert p.at["post_program", "mean_of_years"] == pytest.approx(0.942, abs=1e-9)
    assert p.at["pre_program", "printed"] == pytest.approx(1.771)


def test_both_readings_flip_every_verdict(k5):
    r = ef.both_readings(charts.yearly_efficiency(k5)).set_index("year")
    assert r.at[2010, "verdict_text"] == "not effective"
    assert r.at[2010, "verdict_formula_3"] == "effective"
    assert r.at[2020, "verdict_text"] == "effective"
    assert r.at[2020, "inverse"] == pytest.approx(1 / 0.739)
    assert not r["readings_agree"].any()


def test_only_2018_flips_at_ten_percent(k5):
    grid = ef.sensitivity(charts.yearly_efficiency(k5), shifts_pct=[-10, 10])
    assert sorted(set(grid.loc[grid["flips"], "unit"])) == [2018]


def test_check_years():
    eff = pd.Series([1.0, 2.0], index=[2010, 2021])
    assert charts.check_years((2010, 2021), eff) == (2010, 2021)
    with pytest.raises(ValueError, match="not in"):
        charts.check_years((2009, 2021), eff)
    with pytest.raises(ValueError, match="forward"):
        charts.check_years((2021, 2010), eff)


@pytest.mark.parametrize("lang", LANGS)
def test_display_tables(k5, lang):
    html = charts.table5_display(k5, lang).to_html()
    assert t("ict_efficiency_ratio", lang) in html
    audit_html = audit.checked_table(efficiency_audit.audit(), lang).to_html()
    assert t("verdict", lang) in audit_html
    assert t("cannot_be_recomputed", lang) not in audit_html
    assert t("variable_code", lang) in charts.variables_display(
        load("efficiency-variables-printed"), lang).to_html()


def test_table3_ocr_and_formula4():
    from digecon.chapters.efficiency import analysis as an

    k5 = an.table5_years(load("ict-efficiency-printed"))
    wide = an.table3_ocr(load("diss-appendix-d-t3-ocr-printed"))
    assert wide.shape == (12, 7)
    assert wide.isna().sum().sum() == 7  # cells the OCR lost or misread
    filled = an.table3_filled(wide, k5, load("regression-appendix-data"))
    # the 2014 imports, misread as '20902', from Table 5: 535 813.94 / 179.19
    assert filled.at[2014, "ict_imports_mln_usd"] == pytest.approx(535813.94 / 179.19)
    eff = an.formula4_efficiency(filled, k5)
    assert eff.isna().tolist() == [y in (2010, 2017) for y in eff.index]
    gap = (eff - k5["efficiency"]).dropna().abs()
    assert len(gap) == 10 and gap.max() < 0.0005
    periods = an.period_from_table3(filled, k5).set_index("period")
    assert periods.at["pre_program", "recomputed"] == pytest.approx(1.771, abs=5e-4)
    assert periods.at["post_program", "recomputed"] == pytest.approx(0.900, abs=5e-4)
    assert periods.at["pre_program", "filled"] == [2010]
