"""The workforce audit: hand-checked rows of section 3.2, the survey and article 004."""

from __future__ import annotations

import pytest

from digecon.chapters.workforce.audit import audit
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
    assert_audit_shape(frame, "workforce")


def test_need_for_it_specialists(frame):
    # 7 038 / 4 449 - 1 = 0.58193 -> +58.2 %, printed 63 %
    r = audit_row(frame, "text, line 2152", "growth of the need for IT specialists")
    assert r["recomputed"] == pytest.approx(58.193, abs=1e-3)
    assert r["verdict"] == "differs"


def test_industry_shares_and_specialities(frame):
    # 31.1 + 12.9 + 8.8 + 8.8 + 8.4 + 8 + 7.2 + 5.6 + 0.3 + 8.8 = 99.9
    r = audit_row(frame, "text, lines 3866-3875", "sum of the ten industry shares")
    assert r["recomputed"] == pytest.approx(99.9)
    assert r["verdict"] == "reproduces"
    r = audit_row(frame, "text, line 3850", "number of ICT specialities")
    assert (r["printed"], r["recomputed"], r["verdict"]) == (5.0, 6.0, "differs")


def test_rankings_against_un_2022(frame):
    r = audit_row(frame, "text, line 410", "Kazakhstan's EGDI rank")
    assert (r["recomputed"], r["official"], r["verdict"]) == (28.0, 28.0, "reproduces")
    r = audit_row(frame, "text, line 412", "Kazakhstan's e-participation rank")
    assert r["official"] == 15.0


def test_monotowns(frame):
    # Karaganda: Balkhash, Zhezkazgan, Karazhal, Saran, Satbayev, Temirtau, Shakhtinsk, Abay
    r = audit_row(frame, "text, line 206", "monotowns in Karaganda oblast")
    assert r["recomputed"] == 8 and r["verdict"] == "reproduces"
    # 12 oblasts with + Kyzylorda + North Kazakhstan = 14, printed 17
    r = audit_row(frame, "text, line 198", "number of oblasts")
    assert (r["printed"], r["recomputed"], r["verdict"]) == (17.0, 14.0, "differs")


def test_every_row_reads_in_kazakh_and_russian(frame):
    assert_audit_text_translated(frame)


def test_hand_checked_translations(frame):
    # an industry named by a part line inside the "share of ... in ICT costs" template
    mining = "workforce.text.share-of-mining-in-ict-costs"
    assert translated_row(frame, mining, "kk")["quantity"] == (
        "АКТ шығындарындағы үлес: тау-кен өндіру өнеркәсібі (%)")
    assert translated_row(frame, mining, "ru") == {
        "quantity": "доля в затратах на ИКТ: горнодобывающая промышленность (%)",
        "why": "источник [101] не даёт итогов затрат по отраслям"}
    # thousands with a thin space, and Kazakh endings after them (тоғыз-дан, сегіз-ге)
    need = "workforce.text.growth-of-the-need-for-it-specialists-2020-over-2013"
    assert translated_row(frame, need, "kk")["why"].startswith(
        "4\u202f449-дан (2013) 7\u202f038-ге (2021) дейін — +58,2 %")


def test_section32_figures_against_the_dissertations_tables(frame):
    from digecon.data import load

    app = load("regression-appendix-data").pivot(index="year", columns="variable",
                                                 values="value")
    by_id = frame.set_index("id")
    # line 4001: innovation activity +1.5 points 2017 over 2015 (Appendix V X4: 8.1 -> 9.6)
    r = by_id.loc["workforce.text.rise-of-the-innovation-activity-of-enterprises-2-05a191"]
    assert r["recomputed"] == pytest.approx(app.at[2017, "x4"] - app.at[2015, "x4"]) == 1.5
    assert r["verdict"] == "reproduces"
    # innovative products 2015: the text prints 377 196.7, Appendix V's X2 is 585 395.1
    r = by_id.loc["workforce.text.innovative-products-2015-vs-appendix-v-x2-mln-tenge"]
    assert r["recomputed"] == pytest.approx(app.at[2015, "x2"]) and r["printed"] == 377196.7
    assert (r["verdict"], r["severity"]) == ("differs", "medium")
    assert "matches no year" in r["why"]
    # line 4068: R&D spending 61.7 and 69.3 bn tenge are X7 of 2013 and 2015
    r = by_id.loc["workforce.text.r-d-spending-69-3-bn-tenge-vs-appendix-v-x7"]
    assert r["recomputed"] == pytest.approx(app.at[2015, "x7"] / 1000)
    assert r["why"].endswith("in 2015") and r["verdict"] == "reproduces"
    # line 3966: NRI 2017 rank 39 as Table 19 prints it
    nri = load("diss-egov-kz-printed").query("indicator == 'nri_rank' and year == 2017")
    r = by_id.loc["workforce.text.wef-networked-readiness-index-rank-2017-vs-table-19"]
    assert r["recomputed"] == nri["rank"].item() == 39
    kk = translated_row(frame, "workforce.text.innovative-products-2015-vs-appendix-v-x2-mln-tenge",
                        "kk")
    assert kk["quantity"] == ("инновациялық өнімдер, 2015, В қосымшасымен салыстырғанда "
                              "(X2, млн теңге)")
