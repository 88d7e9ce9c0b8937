"""The e-commerce audit: hand-checked rows of Кесте 16-18 and the running text."""

from __future__ import annotations

import pytest

from digecon.chapters.ecommerce.audit import audit
from tests.audit_helpers import (
    assert_audit_shape,
    assert_audit_text_translated,
    audit_row,
    translated_row,
)


@pytest.fixture(scope="module")
def frame():
    return audit()


def test_shape_and_chapter(frame):
    assert_audit_shape(frame, "ecommerce")
    assert set(frame["verdict"]) == {"reproduces", "differs", "cannot be recomputed"}


def test_table16_totals(frame):
    # 2016: 159.8 + 3 210.9 + 9 046.5 + 10 386.8 = 22 804.0 (as printed)
    r = audit_row(frame, "Кесте 16, line 2197", "ICT output total 2016")
    assert r["recomputed"] == pytest.approx(22804.0)
    assert r["verdict"] == "reproduces"
    # 2018: 112.3 + 3 638.3 + 5 886.3 + 12 973.4 = 22 610.3, printed 22 509.3 (101.0 less)
    r = audit_row(frame, "Кесте 16, line 2197", "ICT output total 2018")
    assert r["recomputed"] == pytest.approx(22610.3)
    assert r["verdict"] == "differs"
    # 2021: 223.7 + 11 132.1 + 10 426.7 + 3 212.2 = 24 994.7, printed 24 794;7
    r = audit_row(frame, "Кесте 16, line 2197", "ICT output total 2021")
    assert r["recomputed"] == pytest.approx(24994.7)
    assert r["printed"] == pytest.approx(24794.7)


def test_table17_efficiency_is_truncated(frame):
    # 2016: 22 804.0 / 269 526.7 x 100 = 8.4608 -> rounds to 8.5; printed 8.4 (truncated)
    r = audit_row(frame, "Кесте 17, line 2223", "ICT economic efficiency 2016")
    assert r["recomputed"] == pytest.approx(8.4608, abs=1e-4)
    assert r["verdict"] == "differs"
    assert "truncated" in r["why"]
    # 2020: 26 081.8 / 388 928.5 x 100 = 6.7061 -> 6.7 as printed
    r = audit_row(frame, "Кесте 17, line 2243", "ICT economic efficiency 2020")
    assert r["verdict"] == "reproduces"
    # total: 147 708.1 / 2 094 454.3 x 100 = 7.0523, printed 42.8 = 8.4+6.0+7.3+8.9+6.7+5.5
    r = audit_row(frame, "Кесте 17, line 2256", "ICT economic efficiency 2016-2021")
    assert r["recomputed"] == pytest.approx(7.0523, abs=1e-4)
    assert r["verdict"] == "differs"


def test_ict_costs_text(frame):
    # 310 668.2 / 2 484 856.4 = 12.50% -> 13 as printed
    r = audit_row(frame, "text, line 2148", "share of government bodies")
    assert r["recomputed"] == pytest.approx(12.5025, abs=1e-4)
    # 2018 vs 2017: 305 217.4 / 349 943.6 - 1 = -12.781% -> 'fell 12.8%'
    r = audit_row(frame, "text, line 2774", "fall of ICT costs in 2018")
    assert r["recomputed"] == pytest.approx(12.781, abs=1e-3)
    assert r["verdict"] == "reproduces"
    # 696 732.9 / 2 484 856.4 = 28.04%, printed 42.5
    r = audit_row(frame, "text, line 2148", "share of information technologies")
    assert r["recomputed"] == pytest.approx(28.039, abs=1e-3)
    assert r["verdict"] == "differs"


def test_text_versus_table18(frame):
    # 2019 online retail growth 206 253.9 / 144 606.0 = 1.4263, text says 1.8 times
    r = audit_row(frame, "text, line 2078", "growth of the e-commerce market in 2019")
    assert r["recomputed"] == pytest.approx(1.4263, abs=1e-4)
    assert r["verdict"] == "differs"
    # 2020 share of retail: text 9.7, table 4.1
    r = audit_row(frame, "text, line 2338", "e-commerce share of retail 2020, text")
    assert (r["printed"], r["recomputed"], r["verdict"]) == (9.7, 4.1, "differs")
    # 2020 all channels 476 651.5 + 275 105.4 + 209 164.7 = 960 921.6 = 960.9 bn ('over 900')
    r = audit_row(frame, "text, line 2352", "e-commerce market 2020 (Kazpost)")
    assert r["recomputed"] == pytest.approx(960.9216)
    assert r["verdict"] == "reproduces"


def test_noncash_conflict_and_internet_ratio(frame):
    r = audit_row(frame, "text, line 2265", "non-cash payments 2020")
    assert (r["printed"], r["recomputed"], r["verdict"]) == (35.3, 7.4, "differs")
    # ITU/WB Kazakhstan 92.30 / 76.43 - 1 = 0.2076 -> 0.21
    r = audit_row(frame, "text, line 2741", "relative value 2022 on 2017")
    assert r["recomputed"] == pytest.approx(0.2076, abs=1e-4)
    assert r["verdict"] == "reproduces"


def test_every_row_reads_in_kazakh_and_russian(frame):
    assert_audit_text_translated(frame)


def test_hand_checked_translations(frame):
    # Table 18 is named as each language names the dissertation's table; the quoted "over 700"
    # is quoted in the reader's language
    market = "ecommerce.text.e-commerce-market-2019-over-700-bn-tenge"
    assert translated_row(frame, market, "kk") == {
        "quantity": "электрондық сауда нарығы, 2019, «700-ден астам» (млрд теңге)",
        "why": "[астам] диссертацияның 18-кестесі: онлайн бөлшек сауда 206,3, барлық үш арна "
               "436,0 млрд теңге, 700-ден әлдеқайда төмен"}
    share = "ecommerce.text.e-commerce-share-of-retail-2018-text-vs-keste-18"
    assert translated_row(frame, share, "ru") == {
        "quantity": "доля электронной торговли в рознице, 2018, текст и таблица 18 диссертации (%)",
        "why": "в таблице 18 диссертации за 2018 г. напечатано 1,4 "
               "(текст ссылается на источник [68])"}
    efficiency = "ecommerce.t17.ict-economic-efficiency-2016-output-ict-costs-x-100"
    assert translated_row(frame, efficiency, "kk")["why"] == (
        "басылған мән дөңгелектелмей, қиылған: 8,461 дөңгелектегенде 8,5 болады")


def test_internet_growth_claims_against_the_official_series(frame):
    from digecon import data

    kaz = data.load("internet-users").query("iso3 == 'KAZ'").set_index("year")[
        "internet_users_pct"]
    # line 2769: 'nearly 30 %' over 7 years; 2015-2022 is +30.3 %, still 30 at two significant
    # figures, so "nearly 30 %" holds (the rise in points, +21.5, is below 27)
    r = audit_row(frame, "text, line 2769", "over the last 7 years")
    assert r["recomputed"] == pytest.approx(100 * (kaz[2022] / kaz[2015] - 1))
    assert 30 < r["recomputed"] < 30.5 and kaz[2022] - kaz[2015] < 27
    assert (r["verdict"], r["severity"], r["kind"]) == ("reproduces", "", "official")
    assert "«почти 30 %» допускает от 27 до 30" in translated_row(frame, r["id"], "ru")["why"]
    # line 2818: 'grew by 80 %' since 2000 beside 'about 76 %' in 2021: the official 2021 mean
    # of the four is 86.2 %, Appendix D prints 0.6-1.97 % for 2000: a rise of 84.9 points
    r = audit_row(frame, "text, line 2818", "since 2000")
    assert r["recomputed"] == pytest.approx(84.87, abs=0.01)
    assert (r["verdict"], r["severity"]) == ("differs", "medium")
    assert r["recomputed"] > 80 * 1.05  # outside 'about 80'
    ru = translated_row(frame, r["id"], "ru")
    assert ru["quantity"].endswith("«около 80 %» (п. п.)")
    assert "рост на 84,9 п. п." in ru["why"]


def test_internet_target_of_2022_beside_the_official_share(frame):
    r = audit_row(frame, "text, line 2137", "target for 2022")
    assert r["printed"] == pytest.approx(82.3) and r["verdict"] == "cannot be recomputed"
    assert r["official"] == pytest.approx(92.30) and r["official"] > r["printed"]
    assert r["kind"] == "official"


def test_figure24_reading_of_the_text(frame):
    # line 2831 says Armenia led in 2000 with 2.02 %; the chart data give Armenia 0.36 % in
    # 2000 (Belarus leads with 1.38 %) and 2.02 % in 2001, when Armenia does lead
    r = audit_row(frame, "text, line 2831; Қосымша Д, line 4661", "ARM 2000")
    assert r["recomputed"] == pytest.approx(0.36) and r["verdict"] == "differs"
    assert r["severity"] == "low" and "BLR" in r["why"] and "2001" in r["why"]
    r = audit_row(frame, "text, line 2831; Қосымша Д, line 4662", "BLR 2018")
    assert r["recomputed"] == pytest.approx(0.75) and r["verdict"] == "reproduces"


def test_figure23_text_against_its_own_chart_data(frame):
    rows = frame[frame["quantity"].str.contains("Figure 23 chart data")]
    level = rows[rows["quantity"].str.contains("about 76")].iloc[0]
    # mean of 2021: Russia 87, Belarus 86, Armenia 77.3, Kazakhstan 89
    assert level["recomputed"] == pytest.approx((87 + 86 + 77.3 + 89) / 4)
    assert level["verdict"] == "differs" and level["severity"] == "medium"
    # 'grew by 80 %' since 2000: the chart gives a 65-fold rise (Belarus's row starts in 2003)
    rise = rows[rows["quantity"].str.contains("80 %")].iloc[0]
    start = (1.97 + 1.3 + 0.6) / 3
    assert rise["recomputed"] == pytest.approx(100 * ((87 + 86 + 77.3 + 89) / 4 / start - 1))
    assert rise["verdict"] == "differs" and "83.5 percentage points" in rise["why"]
