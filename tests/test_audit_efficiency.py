"""The section 1.2 audit gives the verdicts worked out by hand."""

import pytest

from digecon.chapters.efficiency.audit import audit
from tests.audit_helpers import (
    assert_audit_shape,
    assert_audit_text_translated,
    audit_row,
    translated_row,
)


@pytest.fixture(scope="module")
def frame():
    return audit()


def test_shape(frame):
    assert_audit_shape(frame, "efficiency")


def test_growth_2013_reproduces(frame):
    # (1.220 - 1.882)/1.882 = -35.18 %; printed -35,200 lies within the rounding interval
    r = audit_row(frame, "Кесте 5, line 415", "growth rate")
    assert r["verdict"] == "reproduces"
    assert r["recomputed"] == pytest.approx(-35.175, abs=1e-3)


def test_efficiencies_cannot_be_recomputed(frame):
    r = audit_row(frame, "Кесте 5, line 394", "ICT economic efficiency 2010")
    assert r["verdict"] == "cannot be recomputed"
    assert "image" in r["why"]


def test_pre_programme_total_is_a_copy_of_2010(frame):
    # 7102.27 + 12404.052 + 25617.098 + 24249.522 + 71962.704 + 23126.439 + 26312.104 = 190774.189
    r = audit_row(frame, "Кесте 5, line 443", "ICT exports 2010-2016")
    assert r["verdict"] == "differs"
    assert r["recomputed"] == pytest.approx(190774.189, abs=1e-3)


def test_post_programme_import_total_reproduces(frame):
    # 668626 + 790626.86 + 428986.2 + 785637.38 + 811885.37 = 3485761.81
    r = audit_row(frame, "Кесте 5, line 487", "ICT imports 2017-2021")
    assert r["verdict"] == "reproduces"


def test_text_2016_rate_differs(frame):
    r = audit_row(frame, "text, line 499", "2016")
    assert r["verdict"] == "differs"


def test_period_change_reproduces(frame):
    r = audit_row(frame, "text, line 514", "period efficiency")
    assert r["verdict"] == "reproduces"
    assert r["recomputed"] == pytest.approx(-49.181, abs=1e-3)


def test_individual_entrepreneurs_growth_differs(frame):
    # 22389 / 160540 - 1 = -86.05 %, printed +86,0
    r = audit_row(frame, "Кесте 6, line 584", "individual entrepreneurs")
    assert r["verdict"] == "differs"


def test_edms_mean_reproduces_and_formula5_differs(frame):
    assert audit_row(frame, "text, line 634", "mean EDMS")["verdict"] == "reproduces"
    r = audit_row(frame, "text, line 540", "formula (5)")
    assert r["verdict"] == "differs"  # 91.67 printed as 91
    assert r["recomputed"] == pytest.approx(91.667, abs=1e-3)


def test_group12_operations_differs(frame):
    # 10 h x 12 operations = 120, printed 360 (10 h x 36)
    r = audit_row(frame, "text, line 632", "group of 12")
    assert r["verdict"] == "differs"
    assert r["recomputed"] == 120


def test_every_row_reads_in_kazakh_and_russian(frame):
    assert_audit_text_translated(frame)


def test_hand_checked_translations(frame):
    # two templates joined: "read as ...; from the 3-decimal efficiencies ..."; the endings
    # follow the numbers (−29,786: алты-дан, −29,724: төрт-ке)
    total_2016 = "efficiency.t5.growth-of-efficiency-over-2010-2016-total-row-change"
    row = translated_row(frame, total_2016, "kk")
    assert row["why"] == ("2016 жылдың 2010 жылға қатынасы ретінде оқылды; үтірден кейін үш "
                          "таңбалы тиімділіктер бойынша 2,776 → 1,950; оларды дөңгелектеу "
                          "−29,786-дан −29,724-ке дейінгі мәнге жол береді")
    row = translated_row(frame, total_2016, "ru")
    assert row["quantity"] == "рост эффективности за 2010–2016 (итоговая строка), изменение, %"
    entrepreneurs = "efficiency.text.growth-2022-2021-of-individual-entrepreneurs"
    row = translated_row(frame, entrepreneurs, "ru")
    assert row == {"quantity": "рост 2022/2021: индивидуальные предприниматели, %",
                   "why": "по таблице 6 диссертации это снижение на 86,05 %, а не рост"}


def test_figure4_chart_data_in_appendix_d(frame):
    # the text's 8 % of paper reporting is Figure 4's chart data (0.08) in Appendix D
    r = audit_row(frame, "text, line 596", "share of paper reporting")
    assert r["verdict"] == "reproduces" and r["recomputed"] == pytest.approx(8.0)
    r = audit_row(frame, "Қосымша Д, line 4637", "share of electronic documents")
    assert r["recomputed"] == pytest.approx(0.92) and r["verdict"] == "reproduces"
    r = audit_row(frame, "Қосымша Д, line 4643", "individual entrepreneurs using e-services")
    assert r["printed"] == r["recomputed"] == 160540


def test_table3_ocr_trade_agrees_with_table5(frame):
    # 2011 imports: Table 5's 347 152.17 mln tenge at 146.62 tenge per USD = 2 367.7 mln USD,
    # which the OCR reads as '23677'
    r = audit_row(frame, "Қосымша Д, Кесте 3 (OCR '23677'), line 4696",
                  "ICT goods imports 2011")
    assert r["recomputed"] == pytest.approx(347152.17 / 146.62)
    assert r["printed"] == 2367.7 and r["verdict"] == "reproduces"


def test_table3_ocr_costs_2014_follow_from_the_text_total(frame):
    # 2 484 856.4 - (388 928.5 - 168 080.8) - 375 600.4 - (Table 17, 2016-2020) = 237 079.4
    r = audit_row(frame, "Қосымша Д, Кесте 3 (OCR '237.1'), line 4699", "ICT costs 2014")
    t17 = 269526.7 + 349943.6 + 305217.4 + 337712.7 + 388928.5
    assert r["recomputed"] == pytest.approx((2484856.4 - 220847.7 - 375600.4 - t17) / 1000)
    assert r["verdict"] == "reproduces"


def test_innovative_products_appendix_v_differs_in_2015_2016_2021(frame):
    rows = frame[frame["quantity"].str.startswith("volume of innovative products")]
    big = rows[rows["severity"] == "medium"]
    assert sorted(int(q.split()[4].rstrip(",")) for q in big["quantity"]) == [2015, 2016, 2021]
    r = big[big["quantity"].str.contains("2015")].iloc[0]
    assert r["printed"] == 377196.7 and r["recomputed"] == 585395.1
    # Table 3's value gives Table 5's efficiency 2.226 by formula (4); Appendix V's does not
    assert "formula (4) gives 2.226 with Table 3's value and 1.465 with Appendix V's" in r["why"]
    # the last-digit differences (2012-2014) are low: the OCR may misread a digit
    assert set(rows.loc[rows["verdict"] == "differs", "severity"]) == {"medium", "low"}
    assert (rows["verdict"] == "differs").sum() == 6


def test_table5_efficiencies_recomputed_from_the_ocr_of_table3(frame):
    rows = frame[frame["quantity"].str.match(r"ICT economic efficiency \d{4}$")]
    assert len(rows) == 12
    # the R&D costs of 2010 and 2017 lost a digit in the OCR: those two cannot be recomputed
    cannot = rows[rows["verdict"] == "cannot be recomputed"]["quantity"].str[-4:].tolist()
    assert cannot == ["2010", "2017"]
    assert (rows["verdict"] != "differs").all()
    # 2011 by hand: (214.2 + 58.7) bn + 2 367.7 mln USD x 146.62 over
    # 235 962.7 + 84.6 x 146.62 + 277.3 (mln tenge)
    r = audit_row(frame, "Кесте 5, line 401", "ICT economic efficiency 2011")
    costs = (214.2 + 58.7) * 1000 + 2367.7 * 146.62
    results = 235962.7 + 84.6 * 146.62 + 277.3
    assert r["recomputed"] == pytest.approx(costs / results)
    assert abs(r["recomputed"] - 2.494) < 0.0005 and r["verdict"] == "reproduces"
    # a period by its definition, the pooled ratio of sums: 1.771 and 0.900 reproduce
    for line, printed in ((443, 1.771), (487, 0.900)):
        r = frame[(frame["location"] == f"Кесте 5, line {line}")
                  & frame["quantity"].str.startswith("ICT economic efficiency of the period")]
        assert r["verdict"].item() == "reproduces" and r["printed"].item() == printed


def test_rd_costs_implied_by_formula4(frame):
    r = audit_row(frame, "Қосымша Д, Кесте 3 (OCR '739'), line 4698", "R&D costs 2013")
    # 1.220 x results - imports - ICT costs, in bn tenge
    results = 578263.1 + 159.4 * 152.13 + 434.6
    assert r["recomputed"] == pytest.approx((1.220 * results - 2896.2 * 152.13) / 1000 - 220.8)
    assert r["printed"] == 73.9 and r["verdict"] == "reproduces"
