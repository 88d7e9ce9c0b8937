"""Audit of the digitalization indices chapter: the EAEU in international rankings and the
regional digitalization index of Kazakhstan.

Sources: the dissertation (seed 001) Кесте 9, 13, 14, 15, 21, 22 and the text of section 2.1;
the article (seed 000) Таблица 1-4 and its text. World ranks cannot be recomputed from a handful
of countries; where the UN E-Government Survey gives the official rank it is shown beside the
printed one. EGDI scores are recomputed as the mean of OSI, TII and HCI.

>>> frame = audit()
>>> set(frame["verdict"]) <= {"reproduces", "differs", "cannot be recomputed"}
True
"""

from __future__ import annotations

import math

import pandas as pd

from digecon import data
from digecon.audit import (
    audit_frame,
    cannot,
    check,
    decimals_of,
    rank_check,
    row_key,
    tied_rank_range,
)
from digecon.methods.indices import aggregate, competition_rank, rank_share

CHAPTER = "indices"
DISS = "dissertation (seed 001)"
ART = "article (seed 000)"

#: the words for the article's Таблица 1 indicators and Таблица 2 series, and the DESI dimensions
WORDS = {
    "internet_coverage": "Internet coverage (%)", "internet_users": "Internet users (million)",
    "egov_services_online": "e-government services online (%)",
    "gdp": "GDP", "output": "output", "ict_spending": "ICT spending", "ict_output": "ICT output",
    "fixed_investment": "fixed investment", "internet_access": "Internet access",
    "connectivity": "connectivity", "human_capital": "human capital",
    "use_of_internet": "use of the Internet",
    "integration_of_digital_technology": "integration of digital technology",
    "digital_public_services": "digital public services",
}

NAMES = {
    "idi": "ICT Development Index", "desi": "DESI", "wdci": "IMD World Digital Competitiveness",
    "dei": "Digital Evolution Index", "nri": "Networked Readiness Index", "egdi": "EGDI",
    "epart": "E-Participation Index", "gci_connectivity": "Global Connectivity Index",
    "gii": "Global Innovation Index", "gci": "Global Competitiveness Index",
    "pi": "Prosperity Index", "hdi": "Human Development Index",
    "wgi": "Worldwide Governance Indicators", "internet_access": "Internet access index",
    "internet_development": "Internet development level", "internet_users": "Internet users",
    "mobile_users": "mobile phone users", "mobile_internet_cost": "mobile Internet cost per GB",
    "cybersecurity": "cybersecurity index", "doing_business": "Doing Business",
    "government_effectiveness": "WGI government effectiveness",
    "globalization": "KOF Globalization Index", "prosperity": "Prosperity Index",
    "social_mobility": "Social Mobility Index", "economic_freedom": "Index of Economic Freedom",
}


def _first_key(location: str, quantity: str) -> str:
    """The id a row had under the first wording of its quantity, so that a reworded quantity
    keeps its id (chapters and tests pick rows by id)."""
    return row_key(location, quantity)


def _cut(value: float, decimals: int) -> float:
    """Cut (truncate) a positive number to ``decimals`` places, as Кесте 22 does."""
    factor = 10.0**decimals
    return math.floor(value * factor + 1e-9) / factor


def _printed(value: float, decimals: int | None = None) -> str:
    """A transcribed number back as printed text (decimal comma)."""
    text = f"{value:.{decimals}f}" if decimals is not None else f"{value:g}"
    return text.replace(".", ",")


def _un() -> pd.DataFrame:
    return data.load("un-egov-survey")


def _official_rank(un: pd.DataFrame, iso3: str, year: int, col: str = "egdi_rank") -> float | None:
    row = un[(un["iso3"] == iso3) & (un["survey_year"] == year)]
    return None if row.empty else float(row[col].item())


def _egdi_mean(un: pd.DataFrame, iso3: str, year: int) -> tuple[float, float] | None:
    """EGDI recomputed as the equal-weight mean of OSI, TII, HCI; and the UN's EGDI."""
    row = un[(un["iso3"] == iso3) & (un["survey_year"] == year)]
    if row.empty:
        return None
    score = aggregate(row[["osi", "tii", "hci"]].astype(float), None, "arithmetic").item()
    return score, float(row["egdi"].item())


def _world_rank_row(source: str, location: str, quantity: str, printed: str,
                    official: float | None, extra: str = "") -> dict[str, object]:
    """A world rank. It needs every ranked country's score, so it cannot be recomputed from the
    scores; where the UN E-Government Survey publishes it (EGDI and EPI ranks of the nine
    countries held), the printed rank is checked against that official rank."""
    if official is not None:
        agree = "agrees with" if float(official) == float(printed) else "differs from"
        why = f"the printed rank {agree} the UN's published rank {official:g}"
        why += f"; {extra}" if extra else ""
        return check(source, location, quantity, printed, float(official), official=official,
                     kind="official", why=why)
    why = "a world rank needs the scores of every ranked country, and the source prints ranks only"
    if extra:
        why += f"; {extra}"
    return check(source, location, quantity, printed, None, why=why)


def _table9(un: pd.DataFrame) -> list[dict[str, object]]:
    t = data.load("diss-digital-rankings-printed")
    t15 = data.load("diss-eaeu-indices-printed").query("index == 'egdi'")
    rows = []
    for r in t.dropna(subset=["rank"]).itertuples():
        official = None
        extra = ""
        if r.index == "egdi":
            official = _official_rank(un, r.country, int(r.edition))
            other = t15[(t15["country"] == r.country) & (t15["year"] == r.edition)]
            if not other.empty and pd.notna(other["rank"].item()):
                same = int(other["rank"].item()) == int(r.rank)
                extra = (f"Table 15 prints {int(other['rank'].item())} for the same rank"
                         if not same else "Table 15 prints the same rank")
        elif r.index == "epart":
            official = _official_rank(un, r.country, int(r.edition), "epi_rank_computed")
        rows.append(_world_rank_row(DISS, f"Кесте 9, line {r.line}",
                                    f"{NAMES[r.index]} {r.edition} rank, {r.country}",
                                    str(int(r.rank)), official, extra))
    kz = t[t["country"] == "KAZ"]
    where = "text, line 1129"
    rows.append(check(DISS, where, "number of the 11 rankings of Table 9 that give Kazakhstan a "
                      "rank", "9", float(kz["rank"].notna().sum()),
                      key=_first_key(where, "number of the 11 rankings of Кесте 9 that give "
                                            "Kazakhstan a rank")))
    rows.append(check(DISS, where, "number of rankings (columns) in Table 9", "11",
                      float(t[["index", "edition"]].drop_duplicates().shape[0]),
                      key=_first_key(where, "number of rankings (columns) in Кесте 9")))
    return rows


def _table13_desi() -> list[dict[str, object]]:
    t13 = data.load("diss-index-methods-printed")
    desi = data.load("diss-desi-structure-printed")
    rows = [
        check(DISS, "text, line 1962", "number of international ratings described (rows of "
              "Table 13)", "16", float(len(t13)),
              key=_first_key("text, line 1962", "number of international ratings described (rows "
                                                "of Кесте 13)")),
        check(DISS, "text, line 1705", "number of DESI indicators: sum of the indicator counts "
              "of the five dimensions (8 + 4 + 7 + 8 + 4)", "32",
              float(desi["n_indicators"].sum()),
              why="the dimensions listed at lines 1700–1704 hold 8 + 4 + 7 + 8 + 4 = 31 "
                  "indicators, not 32"),
    ]
    for r in desi.itertuples():
        where = f"text, line {r.line_pct}"
        rows.append(check(DISS, where, f"DESI weight of {WORDS[r.dimension]}, percent (against "
                          f"the share at line {r.line})", _printed(r.weight_pct, 0),
                          100 * r.weight,
                          key=_first_key(where, f"DESI weight of {r.dimension}, per cent "
                                                f"(against the share at line {r.line})")))
    return rows


def _table14(un: pd.DataFrame) -> list[dict[str, object]]:
    t = data.load("diss-eaeu-rankings-printed")
    rows = []
    for key, grp in t.groupby("index", sort=False):
        ranks = grp[grp["measure"] == "rank"].set_index("country")
        scores = grp[grp["measure"] == "score"].set_index("country")
        cost = grp[grp["measure"] == "usd_per_gb"].set_index("country")
        basis = scores if not scores.empty else cost
        extra_all = ""
        if not basis.empty:
            known = ranks["value"].dropna().index.intersection(basis["value"].dropna().index)
            by_rank = competition_rank(ranks.loc[known, "value"], higher_is_better=False)
            by_score = competition_rank(basis.loc[known, "value"],
                                        higher_is_better=basis is not cost)
            bad = [c for c in known if by_rank[c] != by_score[c]]
            extra_all = ("the order of the five by printed rank agrees with the order by the "
                         "printed values" if not bad else
                         "the order of the five by printed rank disagrees with the order by the "
                         f"printed values for {', '.join(bad)}")
        for r in ranks.dropna(subset=["value"]).itertuples():
            year = int(grp["year"].iloc[0])
            official = _official_rank(un, r.Index, year) if key == "egdi" else None
            rows.append(_world_rank_row(
                DISS, f"Кесте 14, line {r.line}",
                f"{NAMES[key]} {year} rank of {int(grp['n_countries'].iloc[0])}, {r.Index}",
                str(int(r.value)), official, extra_all))
        for r in scores.dropna(subset=["value"]).itertuples():
            year = int(grp["year"].iloc[0])
            quantity = f"{NAMES[key]} {year} score, {r.Index}"
            if key == "egdi":
                rec, off = _egdi_mean(un, r.Index, year)  # type: ignore[misc]
                rows.append(check(DISS, f"Кесте 14, line {r.line}", quantity + " (mean of OSI, "
                                  "TII, HCI)", r.printed, rec, official=off,
                                  why=_egdi_why(r.printed, rec)))
            else:
                rows.append(cannot(DISS, f"Кесте 14, line {r.line}", quantity, r.printed,
                                   "the table gives the score only, not the indicators it is "
                                   "built from", chapter=CHAPTER))
    return rows


def _egdi_why(printed: str, recomputed: float) -> str:
    d = decimals_of(printed)
    value = float(printed.replace(",", "."))
    if abs(round(recomputed, d) - value) < 1e-9:
        return ""
    if abs(_cut(recomputed, d) - value) < 1e-9:
        return f"the printed value is {recomputed:.4f} cut (not rounded) to {d} decimals"
    return f"the UN's EGDI is {recomputed:.4f}; the printed value matches neither rounding nor " \
           "cutting"


def _table15(un: pd.DataFrame) -> list[dict[str, object]]:
    t = data.load("diss-eaeu-indices-printed")
    t9 = data.load("diss-digital-rankings-printed").query("index == 'egdi'")
    t21 = data.load("diss-kz-ranks-printed")
    map21 = {"gci": "gci", "pi": "prosperity", "hdi": "hdi", "wgi": "government_effectiveness",
             "egdi": "egdi"}
    rows = []
    for r in t.dropna(subset=["rank"]).itertuples():
        official = _official_rank(un, r.country, int(r.year)) if r.index == "egdi" else None
        extra = ""
        if r.index == "egdi":
            other = t9[(t9["country"] == r.country) & (t9["edition"] == r.year)]
            if not other.empty and int(other["rank"].item()) != int(r.rank):
                extra = f"Table 9 prints {int(other['rank'].item())} for the same rank"
        if r.country == "KAZ":
            other = t21[(t21["index"] == map21[r.index]) & (t21["year"] == r.year)]
            if not other.empty and pd.notna(other["rank"].item()) and \
                    int(other["rank"].item()) != int(r.rank):
                extra = f"Table 21 prints {int(other['rank'].item())} for {r.year}"
        rows.append(_world_rank_row(DISS, f"Кесте 15, line {r.line}",
                                    f"{NAMES[r.index]} {r.year} rank, {r.country}",
                                    str(int(r.rank)), official, extra))
    kz = t[(t["country"] == "KAZ") & (t["index"] == "egdi")].set_index("year")["rank"]
    rows.append(check(DISS, "text, line 2065", "Kazakhstan's EGDI gain in places, 2020 to 2022",
                      "1", float(kz[2020] - kz[2022])))
    rows.append(check(DISS, "text, line 2065", "number of indices compared in Table 15", "5",
                      float(t["index"].nunique()),
                      key=_first_key("text, line 2065", "number of indices compared in Кесте 15")))
    return rows


def _dissertation_text(un: pd.DataFrame) -> list[dict[str, object]]:
    rows = []
    for iso3, year, printed, what in [("DNK", 2022, "0,97", "Denmark"),
                                      ("KOR", 2022, "0,95", "Republic of Korea"),
                                      ("KAZ", 2020, "0,83", "Kazakhstan"),
                                      ("KAZ", 2022, "0,86", "Kazakhstan")]:
        rec, off = _egdi_mean(un, iso3, year)  # type: ignore[misc]
        rows.append(check(DISS, "text, line 1129", f"EGDI {year}, {iso3} (mean of OSI, TII, HCI)",
                          printed, rec, official=off, why=_egdi_why(printed, rec),
                          key=_first_key("text, line 1129", f"EGDI {year}, {what} (mean of OSI, "
                                                            "TII, HCI)")))
    for iso3, printed in [("KAZ", "28"), ("RUS", "42")]:
        rows.append(_world_rank_row(DISS, "text, line 1129", f"EGDI 2022 rank, {iso3}", printed,
                                    _official_rank(un, iso3, 2022)))
    rows.append(_world_rank_row(DISS, "text, line 2065", "EGDI 2022 rank, KAZ", "28",
                                _official_rank(un, "KAZ", 2022)))
    for quantity, printed in [("Digital Evolution Index rank by momentum of 90 economies, KAZ",
                               "20"), ("digital skills rank of 134 countries, 2021, KAZ", "43")]:
        rows.append(cannot(DISS, "text, line 2067", quantity, printed,
                           "a world rank; the source gives no scores", chapter=CHAPTER))
    return rows


# Кесте 21 years -> UN survey edition behind them (no survey in 2017 and 2019)
_EDITION = {2017: 2016, 2018: 2018, 2019: 2018, 2020: 2020}


def _table21_22(un: pd.DataFrame) -> list[dict[str, object]]:
    ranks = data.load("diss-kz-ranks-printed")
    scores = data.load("diss-kz-scores-printed")
    chart = data.load("diss-kz-chart-scores-printed")
    rows = []
    for r in ranks.dropna(subset=["rank"]).itertuples():
        official = None
        extra = ""
        if r.index == "egdi":
            official = _official_rank(un, "KAZ", _EDITION[int(r.year)])
            if int(r.year) in (2017, 2019):
                extra = (f"there was no survey in {r.year}, so the rank is that of the "
                         f"{_EDITION[int(r.year)]} survey")
        rows.append(_world_rank_row(DISS, f"Кесте 21, line {r.line}",
                                    f"{NAMES[r.index]} {r.year} rank of {int(r.n_countries)}, "
                                    "KAZ", str(int(r.rank)), official, extra))
    for r in scores.itertuples():
        quantity = f"{NAMES[r.index]} score 2020, KAZ"
        printed = _printed(r.score)
        if r.index == "egdi":
            rec, off = _egdi_mean(un, "KAZ", 2020)  # type: ignore[misc]
            rows.append(check(DISS, f"Кесте 21, line {r.line}", quantity + " (mean of OSI, TII, "
                              "HCI)", "0,8375", rec, official=off))
        else:
            why = "the table gives the score only, not the indicators it is built from"
            if r.index in ("doing_business", "social_mobility"):
                twin = "gci" if r.index == "doing_business" else "prosperity"
                why += f"; the same value is printed for {NAMES[twin]}, so one of them is " \
                       "probably copied"
            rows.append(cannot(DISS, f"Кесте 21, line {r.line}", quantity, printed, why,
                               chapter=CHAPTER))
    # Кесте 22 = 10 * rank / countries ranked (Кесте 21), cut to the printed decimals
    by_key = ranks.set_index(["index", "year"])
    for r in chart.dropna(subset=["value"]).itertuples():
        quantity = (f"{NAMES[r.index]} {r.year} chart value = 10 × rank / countries ranked, cut "
                    "to the printed decimals")
        location = f"Кесте 22, line {r.line}"
        key = _first_key(location, quantity.replace("×", "x"))
        src = by_key.loc[(r.index, r.year)]
        if pd.isna(src["rank"]):
            later = by_key.loc[(r.index, r.year + 1)]
            value = rank_share(float(later["rank"]), float(later["n_countries"]))
            rows.append(cannot(DISS, location, quantity, r.printed,
                               f"Table 21 prints no {r.year} rank ('-'); {r.printed} equals "
                               f"10 × {int(later['rank'])}/{int(later['n_countries'])} = "
                               f"{value:.2f} cut, the {r.year + 1} rank", chapter=CHAPTER,
                               key=key))
            continue
        value = float(rank_share(float(src["rank"]), float(src["n_countries"])))
        rec = _cut(value, decimals_of(r.printed))
        why = ""
        if abs(rec - float(r.printed)) > 1e-9:
            why = (f"10 × {int(src['rank'])}/{int(src['n_countries'])} = {value:.2f} cuts to "
                   f"{rec:g}; the printed {r.printed} is the rounded value, or 10 × "
                   f"{int(src['rank'])}/149 = {rank_share(float(src['rank']), 149.0):.2f} with "
                   "the 149 countries of 2017–2019")
        rows.append(check(DISS, location, quantity, r.printed, rec, why=why, key=key))
    return rows


def _article(un: pd.DataFrame) -> list[dict[str, object]]:
    rows = [
        _world_rank_row(ART, "text, line 44", "EGDI 2024 rank of 193, KAZ", "24",
                        _official_rank(un, "KAZ", 2024)),
        cannot(ART, "text, line 44", "OSI 2024 world rank, KAZ", "10",
               "a world rank; the stored UN data hold OSI values for nine countries, not ranks",
               chapter=CHAPTER),
    ]
    t1 = data.load("kz-digital-indicators-printed").set_index(["indicator", "year"])["value"]
    for indicator, year, printed in [("internet_coverage", 2020, "79"),
                                     ("internet_coverage", 2024, "92,3"),
                                     ("internet_users", 2024, "18,5"),
                                     ("internet_coverage", 2025, "92,9"),
                                     ("internet_users", 2025, "18,8"),
                                     ("egov_services_online", 2020, "60,2"),
                                     ("egov_services_online", 2025, "93,5")]:
        rows.append(check(ART, "text, line 46", f"{WORDS[indicator]}, {year}: text vs Table 1",
                          printed, float(t1[(indicator, year)]),
                          key=_first_key("text, line 46",
                                         f"{indicator} {year}: text against Таблица 1")))
    # Таблица 2: the correlations themselves and their repetition in the text (line 69)
    t2 = data.load("kz-digital-correlations-printed")
    for r in t2.itertuples():
        where = f"Таблица 2, line {r.line}"
        rows.append(cannot(ART, where,
                           f"Pearson r of {WORDS[r.factor]} with {WORDS[r.outcome]}", r.printed,
                           "the article gives neither the series (GDP, output, ICT output, "
                           "investment, Internet access) nor the years behind the correlation",
                           chapter=CHAPTER,
                           key=_first_key(where, f"Pearson r of {r.factor} with {r.outcome}")))
    r2 = t2.set_index(["outcome", "factor"])["r"]
    for outcome, factor, printed in [("gdp", "ict_output", "0,99"),
                                     ("output", "ict_output", "0,96"),
                                     ("gdp", "internet_access", "0,93"),
                                     ("output", "internet_access", "0,87"),
                                     ("gdp", "fixed_investment", "0,92"),
                                     ("gdp", "ict_spending", "0,89"),
                                     ("output", "fixed_investment", "0,84"),
                                     ("output", "ict_spending", "0,81")]:
        rows.append(check(ART, "text, line 69", f"Pearson r of {WORDS[factor]} with "
                          f"{WORDS[outcome]}: text vs Table 2", printed,
                          float(r2[(outcome, factor)]),
                          key=_first_key("text, line 69", f"Pearson r of {factor} with "
                                                          f"{outcome}: text against Таблица 2")))
    for end, pick, printed, why in [("lower", "smallest", "0,8", ""),
                                    ("upper", "largest", "0,9",
                                     "0.96 and 0.99 lie above the stated range 0.8–0.9")]:
        value = t2["r"].min() if end == "lower" else t2["r"].max()
        rows.append(check(ART, "text, line 69", f"{end} end of the stated range of the "
                          f"correlations ({pick} r in Table 2)", printed, float(value), why=why,
                          key=_first_key("text, line 69", f"{end} end of the stated range of "
                                         f"the correlations ({pick} r in Таблица 2)")))
    # Таблица 3: ranks, national value, text
    t3 = data.load("kz-region-digital-index-printed")
    regions = t3[t3["code"] != "KAZ"].set_index("code")
    ranks = tied_rank_range(regions["index"], decimals=3)
    for code, r in regions.iterrows():
        rows.append(rank_check(ART, f"Таблица 3, line {r['line']}", f"rank of {code} by the "
                               "digitalization index 2023", str(int(r["rank"])),
                               int(ranks.at[code, "best"]), int(ranks.at[code, "worst"])))
        rows.append(cannot(ART, f"Таблица 3, line {r['line']}", f"digitalization index 2023, "
                           f"{code}", r["printed"], "computed in source [9] (Varavin et al. 2025) "
                           "from indicators the article does not give", chapter=CHAPTER))
    national = t3[t3["code"] == "KAZ"].iloc[0]
    mean = float(regions["index"].mean())
    above = int((regions["index"] > national["index"]).sum())
    rows.append(check(ART, f"Таблица 3, line {national['line']}", "national digitalization "
                      "index 2023 as the unweighted mean of the 20 regions", national["printed"],
                      mean, why=f"the 20 regions average {mean:.3f}; only {above} of them lie "
                      "above 0.161, so the national value is not their mean (weights or a "
                      "national calculation are not given)"))
    idx = t3.set_index("code")["index"]
    for code, printed in [("KAZ", "0,161"), ("KZ-ALA", "0,209"), ("KZ-AST", "0,199"),
                          ("KZ-KAR", "0,181"), ("KZ-ALM", "0,097"), ("KZ-MAN", "0,100"),
                          ("KZ-AKT", "0,107"), ("KZ-ZAP", "0,107"), ("KZ-YUZ", "0,108")]:
        rows.append(check(ART, "text, line 113", f"digitalization index 2023, {code}: text vs "
                          "Table 3", printed, float(idx[code]),
                          key=_first_key("text, line 113", f"digitalization index 2023, {code}: "
                                                           "text against Таблица 3")))
    # Таблица 4: per-region correlations and their order
    t4 = data.load("kz-region-grp-correlation-printed").set_index("code")
    order = tied_rank_range(t4["r"], decimals=2)
    for code, r in t4.iterrows():
        rows.append(rank_check(ART, f"Таблица 4, line {r['line']}", f"rank of {code} by r",
                               str(int(r["rank"])), int(order.at[code, "best"]),
                               int(order.at[code, "worst"])))
        rows.append(cannot(ART, f"Таблица 4, line {r['line']}", "Pearson r of the "
                           f"digitalization index with GRP per capita, {code}", r["printed"],
                           "a correlation within one region needs a series of its index and GRP "
                           "per capita over several years; the article prints one 2023 index "
                           "value per region and no GRP", chapter=CHAPTER))
    return rows


def _conclusions() -> list[dict[str, object]]:
    """The dissertation's conclusions (ҚОРЫТЫНДЫ, lines 4088-4110) quote EAEU comparisons that
    the body of the dissertation never prints: nothing to check them against."""
    why_index = ("the conclusions quote this index value from source [144]; no section of the "
                 "dissertation prints it, and the book holds no official series of the index")
    why_industry = ("industrial production growth quoted in the conclusions only (no year, no "
                    "source); the body of the dissertation prints no such figure to compare")
    where = "conclusions, line 4107"
    rows = [cannot(DISS, where, f"digital economy development index, {code}", printed, why_index,
                   chapter=CHAPTER, key=_first_key(where, "digital economy development index "
                                                          f"(ЦЭДИ), {code}"))
            for code, printed in (("KAZ", "0,1927"), ("RUS", "0,3396"), ("BLR", "0,4642"))]
    rows += [cannot(DISS, "conclusions, line 4104", f"industrial production growth, {code} (%)",
                    printed, why_industry, chapter=CHAPTER)
             for code, printed in (("ARM", "6,7"), ("BLR", "6,8"), ("KAZ", "4,8"), ("RUS", "3"))]
    return rows


def _table14_internet_users() -> list[dict[str, object]]:
    """Table 14's share of internet users in 2017 against the official ITU/World Bank series."""
    t = data.load("diss-eaeu-rankings-printed").query("measure == 'users_pct'")
    iu = data.load("internet-users").pivot(index="iso3", columns="year",
                                             values="internet_users_pct")
    rows = []
    for r in t.itertuples():
        official = float(iu.loc[r.country, 2017])
        d = decimals_of(str(r.printed))
        same = [int(y) for y in iu.columns if round(float(iu.loc[r.country, y]), d) == r.value]
        why = f"the ITU/World Bank series gives {official:.2f} % for 2017"
        why += (f"; the printed value is its {same[0]} value" if same
                else "; the printed value matches no year of it")
        rows.append(check(DISS, f"Кесте 14, line {r.line}",
                          f"internet users 2017, {r.country} (% of population)",
                          str(r.printed), official, official=official, kind="official",
                          why=why))
    return rows


#: the article's words that make its "Internet coverage" a share of people (text, line 46)
_PEOPLE = ("the text gives the coverage in people (92.3 % = 18.5 million), so it is the share of "
           "the population using the Internet")


def _internet_users_why(series: pd.Series, year: int, printed: str) -> str:
    """The official share of ``year`` and the year of the series the printed value equals."""
    d = decimals_of(printed)
    value = float(printed.replace(",", "."))
    same = [int(y) for y in series.index if round(float(series[y]), d) == value]
    why = f"the ITU/World Bank series gives {float(series[year]):.2f} % for {year}"
    return why + (f"; the printed value is its {same[0]} value" if same
                  else "; the printed value matches no year of it")


def _article_internet_official() -> list[dict[str, object]]:
    """Article 000's "Internet coverage" of Таблица 1 (line 53) and of the text (line 46) against
    the official ITU/World Bank share of internet users of Kazakhstan. The text counts it in
    people (92.3 % = 18.5 million), so it is the users' share; the table does not say whether
    its years are those of the data or of the report quoted ([13]): the check takes the printed
    year, and the reason names the year of the series the printed value equals."""
    iu = data.load("internet-users").query("iso3 == 'KAZ'").set_index("year")[
        "internet_users_pct"]
    t1 = data.load("kz-digital-indicators-printed").query("indicator == 'internet_coverage'")
    last = int(iu.index.max())
    rows = []
    places = [(f"Таблица 1, line {int(r.line)}", int(r.year), str(r.printed).rstrip("%"))
              for r in t1.itertuples()] + [("text, line 46", 2020, "79")]
    for where, year, printed in places:
        quantity = f"Internet coverage {year} (% of population) against the official share of " \
                   "internet users"
        if year in iu.index:
            off = float(iu[year])
            rows.append(check(ART, where, quantity, printed, off, official=off, kind="official",
                              why=f"{_PEOPLE}; {_internet_users_why(iu, year, printed)}"))
        else:
            same = _internet_users_why(iu, last, printed).split("; ")[1]
            rows.append(cannot(ART, where, quantity, printed,
                               f"the official series held ends in {last}; {same}",
                               chapter=CHAPTER, kind="official"))
    return rows


def _five_member_ranks(un: pd.DataFrame) -> list[dict[str, object]]:
    """Section 2.2 (lines 2763-2768) places Kazakhstan among the five EAEU members by six
    indices (3rd by IDI, NRI and DAI, 1st by EGDI and EPART, 2nd by GCI) without naming an
    edition. EGDI and EPART are checked against the UN survey's 2022 edition, the latest the
    dissertation uses (Table 15, line 2065), with the other editions named in the reason; IDI
    and NRI against the ranks Table 14 prints, GCI against Table 15; DAI has no values printed
    (Table 24 is an image)."""
    five = ["RUS", "BLR", "KAZ", "KGZ", "ARM"]
    rows = []
    for line, name, col, printed in [(2766, "EGDI", "egdi", "1"),
                                     (2767, "E-Participation Index", "epi", "1")]:
        where = f"text, line {line}"
        ranks = {}
        for year in (2018, 2020, 2022):
            scores = un[un["survey_year"] == year].set_index("iso3").loc[five, col]
            ranks[year] = tied_rank_range(scores, 4).loc["KAZ"]
        best, worst = int(ranks[2022]["best"]), int(ranks[2022]["worst"])
        others = " and ".join(f"{int(ranks[y]['best'])} in {y}" for y in (2018, 2020))
        rows.append(rank_check(
            DISS, where, f"Kazakhstan's place among the five EAEU members by {name}", printed,
            best, worst, official=float(best),
            why=f"in the UN survey of 2022 Kazakhstan is number {best} of the five (the source "
                f"names no edition; it is number {others})"))
    t14 = data.load("diss-eaeu-rankings-printed").query("measure == 'rank'")
    for line, key, printed in [(2763, "idi", "3"), (2764, "nri", "3")]:
        ranks = t14[t14["index"] == key].set_index("country")["value"].dropna()
        order = tied_rank_range(ranks, 0, higher_is_better=False).loc["KAZ"]
        rows.append(rank_check(
            DISS, f"text, line {line}",
            f"Kazakhstan's place among the EAEU members by {NAMES[key]} (against Table 14)",
            printed, int(order["best"]), int(order["worst"]),
            why=f"Table 14 ranks {len(ranks)} of the five members in "
                f"{int(t14[t14['index'] == key]['year'].iloc[0])}"))
    gci = data.load("diss-eaeu-indices-printed").query("index == 'gci' and year == 2019")
    ranks = gci.set_index("country")["rank"].dropna()
    order = tied_rank_range(ranks, 0, higher_is_better=False).loc["KAZ"]
    rows.append(rank_check(
        DISS, "text, line 2768",
        "Kazakhstan's place among the EAEU members by GCI (against Table 15, 2019)", "2",
        int(order["best"]), int(order["worst"]),
        why=f"Table 15 ranks {len(ranks)} of the five members in 2019; in Table 13 GCI is also "
            "Huawei's Global Connectivity Index"))
    rows.append(cannot(DISS, "text, line 3658",
                       "Kazakhstan's place among the EAEU members by the mean of six indices", "2",
                       "the six indices' values are in Table 24, printed only as an image (not "
                       "transcribed)", chapter=CHAPTER, kind="rank"))
    rows.append(cannot(DISS, "text, line 2765",
                       "Kazakhstan's place among the five EAEU members by DAI", "3",
                       "the DAI values are in Table 24, printed only as an image (not "
                       "transcribed)", chapter=CHAPTER, kind="rank"))
    return rows


def audit() -> pd.DataFrame:
    """Every printed index, rank, score and correlation of the chapter, checked."""
    un = _un()
    rows: list[dict[str, object]] = []
    rows += _table9(un)
    rows += _table13_desi()
    rows += _table14(un)
    rows += _table15(un)
    rows += _dissertation_text(un)
    rows += _table21_22(un)
    rows += _article(un)
    rows += _conclusions()
    rows += _table14_internet_users()
    rows += _article_internet_official()
    rows += _five_member_ranks(un)
    return audit_frame(rows, chapter=CHAPTER)
