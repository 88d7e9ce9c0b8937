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
