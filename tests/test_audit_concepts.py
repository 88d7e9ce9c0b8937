"""The sections 1.1/1.3 audit gives the verdicts worked out by hand."""

import pytest

from digecon.chapters.concepts.audit import audit
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
    assert_audit_shape(frame, "concepts")


def test_singapore_internet_change_differs(frame):
    # 5.35 - 5.29 = 0.06 mln = 60 thousand, printed +43 thousand
    r = audit_row(frame, "Кесте 10, line 1184", "thousands")
    assert r["verdict"] == "differs"
    assert r["recomputed"] == pytest.approx(60.0)


def test_singapore_social_media_change_reproduces(frame):
    # 0.34 / 4.96 = 6.85 % -> 6,9
    assert audit_row(frame, "Кесте 10, line 1202", "%")["verdict"] == "reproduces"


def test_penetration_differs(frame):
    # 5.35 / 5.92 = 90.37 %, printed 92,0
    r = audit_row(frame, "text, line 1145", "penetration")
    assert r["verdict"] == "differs"
    assert r["recomputed"] == pytest.approx(90.3716, abs=1e-3)


def test_singapore_rd_totals(frame):
    rd = frame[frame["location"] == "Кесте 11, line 1268"].set_index("quantity")["verdict"]
    # 2013: 7393.6 vs 7393.5 within +-0.2; 2015: 9207.6 vs 9136.5
    assert rd[rd.index.str.endswith("2013, mln")].item() == "reproduces"
    assert rd[rd.index.str.endswith("2015, mln")].item() == "differs"


def test_russia_household_access(frame):
    # 80.0 - 76.9 = 3.1 p.p.
    assert audit_row(frame, "text, line 1390", "2020 vs 2019")["verdict"] == "reproduces"
    # (1.5 + 0.3 + 0.3)/3 = 0.7, printed "about 0,3"
    assert audit_row(frame, "text, line 1390", "mean yearly")["verdict"] == "differs"


def test_cited_numbers_cannot(frame):
    r = audit_row(frame, "text, line 244", "BCG")
    assert r["verdict"] == "cannot be recomputed"


def test_every_row_reads_in_kazakh_and_russian(frame):
    assert_audit_text_translated(frame)


def test_hand_checked_translations(frame):
    # a template: the number keeps its own Kazakh endings (алпыс бес-тен, алты-ға)
    row = translated_row(frame, "concepts.t10.change-2022-2021-of-social-media-users", "kk")
    assert row == {"quantity": "2022/2021 өзгерісі: әлеуметтік желі пайдаланушылары, %",
                   "why": "деңгейлерді дөңгелектеу 6,65-тен 7,06-ға дейінгі мәнге жол береді"}
    row = translated_row(frame, "concepts.t10.change-2022-2021-of-social-media-users", "ru")
    assert row["why"] == "округление уровней допускает от 6,65 до 7,06"
    # the source's table is named as the reader's language does; thousands get a thin space
    rd_2015 = "concepts.t11.singapore-r-d-spending-total-of-four-sectors-2015-mln"
    row = translated_row(frame, rd_2015, "ru")
    assert row["quantity"] == "расходы Сингапура на НИОКР, сумма четырёх секторов, 2015, млн"
    assert row["why"].startswith("сумма секторов за 2015 г. — 9\u202f207,6 (9\u202f207,68")
    row = translated_row(frame, "concepts.text.internet-penetration-in-singapore-early-2022", "kk")
    assert row["why"].startswith("диссертацияның 10-кестесі бойынша 5,92 млн-ның 5,35 млн-ы")
