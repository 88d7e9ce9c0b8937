"""Tests of the indices chapter audit: hand-checked verdicts of key rows."""

from __future__ import annotations

import re

import pytest

from digecon import data
from digecon.chapters.indices.audit import audit
from tests.audit_helpers import (
    assert_audit_shape,
    assert_audit_text_translated,
    audit_row,
    translated_row,
)


@pytest.fixture(scope="module")
def frame():
    return audit()


def test_shape_and_verdicts(frame):
    assert_audit_shape(frame, "indices")
    assert set(frame["verdict"]) == {"reproduces", "differs", "cannot be recomputed"}


def test_table22_is_ten_times_rank_share_cut(frame):
    # Doing Business 2017: 10 * 36 / 190 = 1.89 -> cut to 1.8 (rounding would give 1.9)
    r = audit_row(frame, "Кесте 22, line 2650", "Doing Business 2017")
    assert r["verdict"] == "reproduces" and r["recomputed"] == pytest.approx(1.8)
    # Prosperity 2020: 10 * 62 / 167 = 3.71 -> cut 3, printed 4
    r = audit_row(frame, "Кесте 22, line 2701", "Prosperity Index 2020")
    assert r["verdict"] == "differs" and r["recomputed"] == pytest.approx(3.0)


def test_egdi_2018_scores_of_table_14(frame):
    # Armenia 2018: UN EGDI 0.5944, printed 0.86
    r = audit_row(frame, "Кесте 14, line 1862", "EGDI 2018 score, ARM")
    assert r["verdict"] == "differs" and r["recomputed"] == pytest.approx(0.5944, abs=1e-4)
    # Belarus: (0.7361 + 0.6881 + 0.8681) / 3 = 0.7641 -> 0.76
    r = audit_row(frame, "Кесте 14, line 1859", "EGDI 2018 score, BLR")
    assert r["verdict"] == "reproduces"


def test_regional_index_mean_and_ties(frame):
    # sum of the 20 regional values = 2.719, mean 0.13595, printed national value 0.161
    r = audit_row(frame, "Таблица 3, line 89", "unweighted mean")
    assert r["recomputed"] == pytest.approx(0.13595) and r["verdict"] == "differs"
    # Aktobe and West Kazakhstan tie at 0.107 (printed precision): either may be 17 or 18, so
    # the printed 18 is right under the tie rule, not an error
    zap = frame.set_index("id").loc["indices.t3.rank-of-kz-zap-by-the-digitalization-index-2023"]
    assert zap["printed"] == 18 and zap["verdict"] == "reproduces"
    assert "any rank 17-18" in zap["why"]
    aby = frame.set_index("id").loc["indices.t4.rank-of-kz-aby-by-r"]
    assert aby["printed"] == 10 and aby["verdict"] == "reproduces" and "9-10" in aby["why"]


def test_desi_indicator_count(frame):
    r = audit_row(frame, "text, line 1705", "DESI indicators")
    assert r["printed"] == 32 and r["recomputed"] == 31 and r["verdict"] == "differs"


def test_correlations_without_series_cannot(frame):
    t4 = frame[frame["location"].str.startswith("Таблица 4")
               & frame["quantity"].str.startswith("Pearson")]
    assert len(t4) == 20 and (t4["verdict"] == "cannot be recomputed").all()
    t2 = frame[frame["location"].str.startswith("Таблица 2")]
    assert len(t2) == 8 and (t2["verdict"] == "cannot be recomputed").all()


def test_official_ranks_shown(frame):
    # Кесте 9 prints Armenia's EGDI 2022 rank 68; the UN's is 64
    r = audit_row(frame, "Кесте 9, line 1110", "EGDI 2022 rank, ARM")
    assert r["official"] == 64 and r["printed"] == 68


def test_every_text_has_kazakh_and_russian_wording(frame):
    assert_audit_text_translated(frame)


def test_english_texts_use_english_words_only(frame):
    # no Kazakh or Russian table names (Кесте 22, Таблица 3) or abbreviations in the English
    for column in ("quantity", "why"):
        foreign = [t for t in frame[column] if re.search("[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]", t)]
        assert not foreign, foreign[:3]
    assert not frame["quantity"].str.contains(r"\b[a-z]+_[a-z]+\b").any()  # no column names


def test_tie_reason_in_kazakh_and_russian(frame):
    # Абай and Қостанай tie at r = 0,61: rank 9 or 10. Kazakh endings follow the number:
    # 9 (тоғыз) takes -дан, 10 (он) takes -ға
    kk = translated_row(frame, "indices.t4.rank-of-kz-aby-by-r", "kk")
    assert kk["quantity"] == "Абай облысы: r бойынша орны"
    assert kk["why"] == ("басылған дәлдікте мәні тағы бір өңірдің мәнімен бірдей: 9-дан 10-ға "
                         "дейінгі кез келген орын дұрыс")
    ru = translated_row(frame, "indices.t4.rank-of-kz-aby-by-r", "ru")
    assert ru["quantity"] == "область Абай: место по r"
    assert ru["why"].endswith("верно любое место с 9 по 10")
    # 17 (он жеті) takes -ден, 18 (он сегіз) takes -ге
    zap = translated_row(frame, "indices.t3.rank-of-kz-zap-by-the-digitalization-index-2023", "kk")
    assert zap["quantity"] == "Батыс Қазақстан облысы: 2023 жылғы цифрландыру индексі бойынша орны"
    assert "17-ден 18-ге дейінгі" in zap["why"]


def test_chart_value_reason_in_kazakh_and_russian(frame):
    # Кесте 22, Prosperity 2020: 10 x 62/167 = 3.71 cuts to 3 (үш: -ке), printed 4
    row = "indices.t22.prosperity-index-2020-chart-value-10-x-rank-coun-421b4b"
    kk = translated_row(frame, row, "kk")
    assert kk["quantity"].startswith("2020 жылғы Өркендеу индексі бойынша диаграмма мәні")
    assert kk["why"].startswith("10 × 62/167 = 3,71, қиғанда 3-ке тең; басылған 4 — ")
    ru = translated_row(frame, row, "ru")
    assert ru["quantity"].startswith("значение для диаграммы по индексу процветания, 2020 = ")
    assert ru["why"] == ("10 × 62/167 = 3,71, при усечении 3; напечатанное 4 — это округлённое "
                         "значение либо 10 × 62/149 = 4,16 при 149 странах 2017–2019 годов")


def test_national_mean_reason_in_kazakh_and_russian(frame):
    # 0,161 (… жүз алпыс бір) takes -ден
    row = "indices.t3.national-digitalization-index-2023-as-the-unweig-d3fcce"
    kk = translated_row(frame, row, "kk")
    assert kk["why"].startswith("20 өңірдің орташа мәні — 0,136; мәні 0,161-ден жоғары өңірлер "
                                "саны небәрі 3")
    ru = translated_row(frame, row, "ru")
    assert ru["quantity"] == ("национальный индекс цифровизации 2023 года как простое среднее "
                              "20 регионов")
    assert ru["why"].startswith("среднее 20 регионов — 0,136; выше 0,161 лежат лишь 3 из них")


def test_world_rank_reason_joins_its_parts(frame):
    # Armenia, EGDI 2022: printed 68 against the UN's 64, and Кесте 15 prints 84
    row = frame.set_index("id").loc["indices.t9.egdi-2022-rank-arm"]
    assert (row["recomputed"], row["official"], row["verdict"]) == (64, 64, "differs")
    assert row["kind"] == "official" and row["severity"] == "medium"
    kk = translated_row(frame, "indices.t9.egdi-2022-rank-arm", "kk")
    assert kk["quantity"] == "Армения: 2022 жылғы EGDI бойынша орны"
    assert kk["why"] == ("басылған орын БҰҰ жариялаған 64-орыннан өзгеше; 15-кестеде бұл "
                         "орын 84 деп берілген")
    ru = translated_row(frame, "indices.t9.egdi-2022-rank-arm", "ru")
    assert ru["quantity"] == "Армения: место по EGDI, 2022"
    assert ru["why"] == ("напечатанное место отличается от места 64, опубликованного ООН; в "
                         "таблице 15 это же место указано как 84")


def test_published_world_ranks_are_checked_against_the_un(frame):
    # every printed EGDI/EPI rank the UN survey publishes is a check, not "cannot be recomputed"
    ranked = frame[frame["official"].notna() & frame["quantity"].str.contains(" rank")]
    assert len(ranked) == 51 and (ranked["verdict"] != "cannot be recomputed").all()
    assert (ranked["recomputed"] == ranked["official"]).all()
    differ = ranked[ranked["verdict"] == "differs"]
    # Table 9: Armenia and Kyrgyzstan 2020 and 2022, Estonia's EPI 2016; Table 15: Armenia 2022
    assert sorted(differ["id"].str.replace("indices.", "")) == [
        "t15.egdi-2022-rank-arm", "t9.e-participation-index-2016-rank-est",
        "t9.egdi-2020-rank-arm", "t9.egdi-2020-rank-kgz", "t9.egdi-2022-rank-arm",
        "t9.egdi-2022-rank-kgz"]
    # a world rank without a published UN rank still cannot be recomputed
    nri = frame.set_index("id").loc["indices.t14.networked-readiness-index-2021-rank-of-130-kaz"]
    assert nri["verdict"] == "cannot be recomputed"


def test_article_internet_coverage_against_the_official_share(frame):
    # Таблица 1 of article 000: 79, 83, 90, 92.9 % for 2020-2023; ITU/World Bank: 85.94, 90.92,
    # 92.30, 92.88. The 2020 value is the official 2018 one (78.90 rounds to 79)
    iu = data.load("internet-users").query("iso3 == 'KAZ'").set_index("year")["internet_users_pct"]
    rows = frame[frame["quantity"].str.contains("against the official share")]
    t1 = rows[rows["location"] == "Таблица 1, line 53"]
    t1 = t1.set_index(t1["quantity"].str[18:22])
    assert t1.loc["2020", "recomputed"] == pytest.approx(iu[2020])
    assert t1.loc["2020", "verdict"] == "differs" and "its 2018 value" in t1.loc["2020", "why"]
    assert round(iu[2018]) == 79
    assert t1.loc["2023", "verdict"] == "reproduces"
    assert [t1.loc[y, "verdict"] for y in ("2021", "2022")] == ["differs", "differs"]
    # 2024 and 2025 lie beyond the series held: they equal its 2022 and 2023 values
    assert t1.loc["2024", "verdict"] == "cannot be recomputed"
    assert t1.loc["2024", "why"].endswith("its 2022 value") and round(iu[2022], 1) == 92.3
    text = rows[rows["location"] == "text, line 46"].iloc[0]
    assert text["printed"] == 79 and text["verdict"] == "differs" and text["kind"] == "official"
    ru = translated_row(frame, text["id"], "ru")
    assert ru["quantity"].startswith("интернет-покрытие за 2020 год (% населения)")
    assert "ряд МСЭ/Всемирного банка даёт 85,94 % за 2020 год" in ru["why"]


def test_kazakhstan_among_the_five_members(frame):
    # lines 2763-2768: 3rd by IDI and NRI (Table 14), 1st by EGDI and EPART (UN 2022), 2nd by GCI
    by_id = frame.set_index("id")
    rows = frame[frame["quantity"].str.startswith("Kazakhstan's place among the")]
    assert sorted(rows["line"].astype(int)) == [*range(2763, 2769), 3658]
    egdi = by_id.loc["indices.text.kazakhstan-s-place-among-the-five-eaeu-members-by-egdi"]
    un = data.load("un-egov-survey").query("survey_year == 2022 and iso3 in "
                                            "['KAZ', 'RUS', 'BLR', 'ARM', 'KGZ']")
    assert un.set_index("iso3")["egdi"].idxmax() == "KAZ"
    assert (egdi["printed"], egdi["recomputed"], egdi["verdict"]) == (1, 1, "reproduces")
    assert "number 3 in 2018" in egdi["why"]  # Russia and Belarus led in 2018
    idi = rows[rows["line"] == 2763].iloc[0]
    assert (idi["recomputed"], idi["verdict"]) == (3, "reproduces")
    kk = translated_row(frame, egdi.name, "kk")
    assert kk["quantity"] == "Қазақстанның ЕАЭО-ның бес мүшесі ішіндегі EGDI бойынша орны"
    assert (rows.loc[rows["line"] == 2765, "verdict"] == "cannot be recomputed").all()


def test_region_names_in_russian(frame):
    assert translated_row(frame, "indices.t4.rank-of-kz-zht-by-r", "ru")["quantity"] == (
        "область Жетысу: место по r")
