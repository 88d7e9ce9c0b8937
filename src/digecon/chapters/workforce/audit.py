"""Audit of the ICT-workforce numbers: dissertation section 3.2, its survey, and article 004.

Checks the need for IT specialists, the structure of ICT costs by industry, the counts of
institutions and specialities, the survey shares, the repeated figures, article 004's
rankings against the UN E-Government Survey and its monotown table against its own text.

>>> frame = audit()
>>> set(frame["verdict"]) <= {"reproduces", "differs", "cannot be recomputed"}
True
"""

from __future__ import annotations

import pandas as pd

from digecon.audit import audit_frame, cannot, check, verbal
from digecon.data import load
from digecon.methods.growth import growth_rate

CHAPTER = "workforce"
DISS = "dissertation 001"
ART4 = "article 004"

# TVET IT specialities listed at line 3909 of the dissertation
TVET_SPECIALITIES = [
    "Телекоммуникациялық жабдықтар мен тұрмыстық техникаларға техникалық қызмет көрсету "
    "және жөндеу",
    "Автоматтандыру және басқару",
    "Есептеу техникасы аппараттық және бағдарламалық қамтамасыз ету",
    "Ақпараттық жүйелер",
    "Радиоэлектроника және байланыс",
    "Бағдарламалау",
]
# Article 004, Figure 1 (lines 139-185): agglomeration and smart cities as listed
AGGLOMERATIONS = ["Астана", "Алматы", "Шымкент", "Ақтөбе"]
SMART_CITIES = [
    "Алматы", "Астана", "Қарағанды", "Атырау", "Өскемен", "Ақтөбе", "Орал", "Қызылорда",
    "Талдықорған", "Көкшетау", "Қостанай", "Шымкент", "Түркістан", "Петропавл", "Тараз",
    "Ақтау", "Павлодар",
]  # fmt: skip
# the two oblasts the text (line 202) names as having no monotown
NO_MONOTOWN = ["Қызылорда облысы", "Солтүстік Қазақстан облысы"]


def _value(text: pd.DataFrame, fid: str) -> float:
    return float(text.loc[text["figure_id"] == fid, "value"].item())


def _need_rows(text: pd.DataFrame) -> list[dict[str, object]]:
    need = pd.Series(
        [_value(text, "d2152_it_need_2013"), _value(text, "d2152_it_need_2021")],
        index=[2013, 2021],
    )
    g = float(growth_rate(need, method="base")["change_pct"].iloc[-1])
    return [
        check(
            DISS,
            "text, line 2152",
            "growth of the need for IT specialists, '2020 over 2013' (%)",
            "63",
            g,
            why=(
                f"4 449 (2013) to 7 038 (2021) is +{g:.1f}%; the sentence also says 2020 but "
                "gives the 2021 figure"
            ),
        )
    ]


def _industry_rows(ind: pd.DataFrame) -> list[dict[str, object]]:
    rows = [
        cannot(
            DISS,
            f"text, line {int(r['line'])}",
            f"share of {r['industry'].replace('_', ' ')} in ICT costs (%)",
            r["printed"],
            "the source [101] gives no cost totals by industry",
        )
        for _, r in ind.iterrows()
    ]
    rows.append(
        check(
            DISS,
            "text, lines 3866-3875",
            "sum of the ten industry shares of ICT costs (%)",
            "100",
            float(ind["share_pct"].sum()),
            why="the implicit total is 100%; the printed shares add to 99.9 (rounding)",
        )
    )
    return rows


def _training_rows(text: pd.DataFrame) -> list[dict[str, object]]:
    n_listed = len(TVET_SPECIALITIES)
    return [
        check(
            DISS,
            "text, line 3909",
            "number of IT specialities in TVET, printed vs listed",
            "6",
            n_listed,
        ),
        check(
            DISS,
            "text, line 3850",
            "number of ICT specialities taught, line 3850 vs the list at line 3909",
            "5",
            n_listed,
            why="line 3850 says 5 specialities; line 3909 says 6 and lists 6",
        ),
        cannot(
            DISS,
            "text, line 3908",
            "TVET institutions training ICT specialists, 'more than 300'",
            "300",
            "a lower bound; consistent with the 318 of line 3850 (no list given)",
        ),
        cannot(
            DISS,
            "text, line 3908",
            "TVET institutions, 'more than 800'",
            "800",
            "a lower bound; the public (>450) and private (>300) counts add to more than 750, "
            "consistent but not a recomputation",
        ),
    ]


def _survey_rows(text: pd.DataFrame) -> list[dict[str, object]]:
    pub, priv = _value(text, "d4070_survey_public"), _value(text, "d4071_survey_private")
    scores = sum(_value(text, f) for f in ("d4064_score3", "d4065_score4", "d4066_score5"))
    reasons = sum(
        _value(text, f)
        for f in ("d4073_survey_pay_gap", "d4073_survey_discipline", "d4073_survey_motivation")
    )
    rows = [
        check(
            DISS,
            "text, lines 4070-4071",
            "IT respondents in public plus private sector (%)",
            "100",
            pub + priv,
            why="the implicit total is 100%",
        )
    ]
    survey = text[text["topic"] == "survey"]
    for _, r in survey.iterrows():
        why = (
            "the number of respondents and the answers are not given (Appendix D holds only "
            "chart data of other sections)"
        )
        if r["conflict_group"] == "survey_scores":
            why += f"; the shares of scores 3-5 add to {scores:.1f}, so 1-2 got {100 - scores:.1f}"
        if r["conflict_group"] == "survey_reasons":
            why += f"; the three reasons add to {reasons:.1f}"
        rows.append(
            cannot(
                DISS, f"text, line {int(r['line'])}", r["quantity"] + " (%)", f"{r['value']:g}", why
            )
        )
    return rows


def _repeat_rows(text: pd.DataFrame) -> list[dict[str, object]]:
    pairs = [
        ("d4009_placed_2019", "d3943_placed_2019", "job seekers placed 2019 (thousand)"),
        (
            "d4009_permanent_2019",
            "d3943_permanent_2019",
            "placed in permanent jobs 2019 (thousand)",
        ),
        ("d4083_automation_2036", "d3839_automation_2036", "work processes automated by 2036 (%)"),
    ]
    rows = []
    for later, first, q in pairs:
        r = text.loc[text["figure_id"] == later].iloc[0]
        line0 = int(text.loc[text["figure_id"] == first, "line"].item())
        rows.append(
            check(
                DISS,
                f"text, line {int(r['line'])}",
                f"{q}, repeat of line {line0}",
                f"{r['value']:g}",
                _value(text, first),
            )
        )
    return rows


def _ranking_rows(text: pd.DataFrame) -> list[dict[str, object]]:
    un = load("un-egov-survey")
    kaz = un[(un["iso3"] == "KAZ") & (un["survey_year"] == 2022)].iloc[0]
    egdi_rank, epi_rank = float(kaz["egdi_rank"]), float(kaz["epi_rank_computed"])
    return [
        check(
            ART4,
            "text, line 410",
            "Kazakhstan's EGDI rank among 193 countries",
            "28",
            egdi_rank,
            official=egdi_rank,
            why="matches the UN E-Government Survey 2022 (the article gives no edition)",
        ),
        check(
            ART4,
            "text, line 412",
            "Kazakhstan's e-participation rank",
            "15",
            epi_rank,
            official=epi_rank,
            why="matches the UN E-Government Survey 2022 EPI rank (no edition given)",
        ),
        cannot(
            ART4,
            "text, line 410",
            "Kazakhstan's cybersecurity rank",
            "31",
            "no index, edition or series given (ITU Global Cybersecurity Index?)",
        ),
        cannot(
            ART4,
            "text, line 416",
            "Kazakhstan's rank for digitalisation speed, Digital Intelligence Index",
            "20",
            "no series or edition given",
        ),
    ]


def _monotown_rows(mono: pd.DataFrame, text: pd.DataFrame) -> list[dict[str, object]]:
    per_region = mono.groupby("region_code").size()
    n_regions = int(per_region.size)
    return [
        check(ART4, "Сурет 1, line 113", "number of monotowns (figure vs table)", "27", len(mono)),
        check(ART4, "text, line 200", "number of monotowns (text vs table)", "27", len(mono)),
        check(ART4, "text, line 200", "oblasts with monotowns (text vs table)", "12", n_regions),
        check(
            ART4,
            "text, line 206",
            "monotowns in Karaganda oblast (text vs table)",
            "8",
            int(per_region["KZ-KAR"]),
        ),
        check(
            ART4,
            "text, line 198",
            "number of oblasts, vs the 12 with and 2 without monotowns",
            "17",
            n_regions + len(NO_MONOTOWN),
            why=(
                "the table and the text's lists use the 14 oblasts before the 2022 reform; with "
                "17 oblasts, Zhezkazgan, Satbayev and Karazhal are in Ulytau, Tekeli in Zhetisu "
                f"and Kurchatov in Abai, which gives "
                f"{mono['region_code_2022'].nunique()} oblasts with monotowns and "
                "'South Kazakhstan' (line 210) is Turkistan"
            ),
        ),
        check(ART4, "Сурет 1, line 143", "agglomeration cities, printed vs listed", "4",
              len(AGGLOMERATIONS)),
        check(ART4, "Сурет 1, line 165", "smart cities, printed vs listed", "17",
              len(SMART_CITIES)),
    ]  # fmt: skip


def _other_rows(text: pd.DataFrame, done: set[str]) -> list[dict[str, object]]:
    reasons = {
        "target": "a programme target, not a measured value",
        "forecast": "a forecast quoted from another study; no series or model given",
        "more_than": "a lower bound quoted without a series",
        "about": "an approximate figure quoted without a series",
    }
    rows = []
    for _, r in text[~text["figure_id"].isin(done)].iterrows():
        why = reasons.get(r["qualifier"], "the source gives no series behind this figure")
        source = ART4 if r["source_file"].startswith("004") else DISS
        rows.append(
            cannot(source, f"text, line {int(r['line'])}", r["quantity"], f"{r['value']:g}", why)
        )
    return rows


def _section32_rows() -> list[dict[str, object]]:
    """Section 3.2 from line 3963 on: the sums, complements, ratios and repeats it prints."""
    return [
        check(DISS, "text, line 3963", "startup owners reporting no income, complement of 26 % (%)",
              "74", 100 - 26),
        check(DISS, "text, line 3981", "enterprises analysed, mining (39) plus manufacturing (566)",
              "605", 39 + 566),
        check(DISS, "text, line 3982",
              "deposits needing full replacement, complement of 21 % and 56 % (%)", "23",
              100 - 21 - 56),
        check(DISS, "text, line 4001", "growth of innovative product exports 2015-2017 (times)",
              "2.6", 83655.6 / 31427.8, severity="low", kind="arithmetic",
              why="83 655.6 / 31 427.8 = 2.66, which rounds to 2.7: the printed 2.6 is truncated"),
        verbal(DISS, "text, line 4007", "Astana Hub grants, 'slightly more than 391 million'",
               "391", 391.2, why="the same line prints the grants as 391.2 million tenge"),
        verbal(DISS, "text, line 4007", "IT market investment, 'more than 18 billion'", "18",
               18.3, why="the same line prints the investment as 18.3 billion tenge"),
        check(DISS, "text, line 4011",
              "length of the three road sections, 42 + 295 + 134 km (km)", "471", 42 + 295 + 134),
        check(DISS, "text, line 4012", "public services provided electronically, 580 of 723 (%)",
              "80.2", 100 * 580 / 723),
        check(DISS, "text, line 4009",
              "public services provided electronically (%), vs 580 of 723 at line 4012", "80",
              100 * 580 / 723, kind="consistency"),
        check(DISS, "text, line 4014",
              "public services available online (%), vs 580 of 723 at line 4012", "80",
              100 * 580 / 723, kind="consistency"),
        check(DISS, "text, line 4017", "schools with 4 Mbit/s or faster, 6336 of 7014 (%)", "90",
              100 * 6336 / 7014),
        check(DISS, "text, line 4020",
              "places gained in the Global Cybersecurity Index, from 82nd to 40th", "42", 82 - 40),
        check(DISS, "text, line 4041", "foreign trade 2018 as a percentage of 2010 (%)", "102.6",
              100 * 93489.7 / 91397.5,
              why="93 489.7 / 91 397.5 million US dollars is 102.3 %, not 102.6 %"),
        check(DISS, "text, line 4045",
              "share of the 2015 export fall due to real volume, complement of 68 % (%)", "32",
              100 - 68,
              why="the two shares add to 100 %; the decomposition method is not given"),
        check(DISS, "text, line 4105",
              "manufacturing enterprises at Industry 2.0, 'more than 80 %', vs line 3981 (%)", "80",
              80, kind="consistency", why="the conclusions repeat the survey of line 3981"),
        check(DISS, "text, line 4105",
              "mining enterprises at Industry 2.0, vs line 3981 (%)", "60", 60, kind="consistency",
              why="the conclusions repeat the survey of line 3981"),
        verbal(DISS, "text, line 3775",
               "public services provided electronically, 'more than 80 %' (580 services) (%)",
               "80", 100 * 580 / 723, rule="more than",
               why="580 of the 723 services of line 4012 are 80.2 %"),
        cannot(DISS, "text, line 4068", "R&D spending of Russia (% of GDP)", "-1.13",
               "no series is given; the minus sign is a typo, a share of GDP cannot be negative"),
    ]  # fmt: skip


def _section32_tables_rows() -> list[dict[str, object]]:
    """Section 3.2 quotes values that the dissertation's own tables print: innovation activity,
    R&D organisations, innovative products and R&D spending (Appendix V, the regression's X4,
    X1, X2, X7), the NRI rank (Table 19) and the cybersecurity rank (Table 14). Where the text
    names no year, the year is the one whose appendix value the printed figure equals."""
    app = load("regression-appendix-data").pivot(index="year", columns="variable",
                                                  values="value")
    rows = [
        check(DISS, "text, line 4001", "rise of the innovation activity of enterprises, 2017 over "
              "2015, vs Appendix V (X4, points)", "1,5", float(app.at[2017, "x4"] -
                                                               app.at[2015, "x4"]),
              kind="consistency"),
    ]
    for year, printed in [(2015, "390"), (2017, "386")]:
        rows.append(check(DISS, "text, line 4001", f"organisations performing R&D {year}, vs "
                          "Appendix V (X1)", printed, float(app.at[year, "x1"]),
                          kind="consistency"))
    for year, printed in [(2015, "377196,7"), (2020, "1715500,1")]:
        value = float(app.at[year, "x2"])
        same = [int(y) for y in app.index if abs(app.at[y, "x2"] - float(
            printed.replace(",", "."))) < 0.05]
        why = "" if abs(value - float(printed.replace(",", "."))) < 0.05 else (
            f"Appendix V prints {value:,.1f} million tenge for {year}; "
            + ("the printed value matches no year of it" if not same
               else f"the printed value is its {same[0]} value"))
        rows.append(check(DISS, "text, line 4001", f"innovative products {year}, vs Appendix V "
                          "(X2, mln tenge)", printed, value, kind="consistency", why=why))
    x7 = app["x7"] / 1000
    for printed in ("61,7", "69,3"):
        years = [int(y) for y in x7.index if round(float(x7[y]), 1) == float(
            printed.replace(",", "."))]
        rows.append(check(DISS, "text, line 4068", f"R&D spending {printed.replace(',', '.')} "
                          "bn tenge, vs Appendix V (X7)", printed,
                          float(x7[years[0]]) if years else None, kind="consistency",
                          why=(f"the text names no year: Appendix V's X7 is {x7[years[0]]:.2f} bn "
                               f"tenge in {years[0]}") if years else
                          "the text names no year, and no year of Appendix V's X7 gives it"))
    nri = load("diss-egov-kz-printed").query("indicator == 'nri_rank'").set_index("year")["rank"]
    rows.append(check(DISS, "text, line 3966", "WEF Networked Readiness Index rank 2017, vs Table "
                      "19", "39", float(nri[2017]), kind="consistency"))
    cyber = load("diss-eaeu-rankings-printed").query(
        "index == 'cybersecurity' and measure == 'rank' and country == 'KAZ'")
    rows.append(check(DISS, "text, line 4020", "Global Cybersecurity Index rank 2017, vs Table "
                      "14", "82", float(cyber["value"].item()), kind="consistency"))
    rows.append(cannot(DISS, "text, line 4020", "Global Cybersecurity Index rank 2018/2019, KAZ",
                       "40", "the book holds no Global Cybersecurity Index series; Table 14 "
                       "prints the 2017 edition only", kind="rank"))
    return rows


def audit() -> pd.DataFrame:
    """Every recomputable ICT-workforce number, one row each, and a reason for the rest."""
    text = load("workforce-text-figures")
    ind = load("ict-costs-by-industry-printed")
    mono = load("monotowns-printed")
    done = {
        "d2152_it_need_growth",
        "d3850_specialities",
        "d3909_specialities",
        "d3908_tvet_ict",
        "d3908_tvet_total",
        "d4009_placed_2019",
        "d4009_permanent_2019",
        "d4083_automation_2036",
        "a004_egdi_rank",
        "a004_epart_rank",
        "a004_cyber_rank",
        "a004_dii_rank",
        "a004_monotowns",
        "a004_monotowns_text",
        "a004_oblasts",
        "a004_oblasts_with",
        "a004_karaganda",
        "a004_agglomerations",
        "a004_smart_cities",
    }
    done |= set(text.loc[text["topic"] == "survey", "figure_id"])
    rows = [
        *_need_rows(text),
        *_industry_rows(ind),
        *_training_rows(text),
        *_survey_rows(text),
        *_repeat_rows(text),
        *_ranking_rows(text),
        *_monotown_rows(mono, text),
        *_other_rows(text, done),
        *_section32_rows(),
        *_section32_tables_rows(),
    ]
    return audit_frame(rows, chapter=CHAPTER)
