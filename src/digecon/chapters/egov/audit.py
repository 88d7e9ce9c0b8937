"""Audit of the e-government numbers: the article on e-government in Kazakhstan (seed 002,
Doskeeva & Ulasbek) and the dissertation's Tables 19–20 with the text around them (seed 001).

Every printed number of those tables is one row: checked against the official UN
E-Government Survey figures (``un-egov-survey``) and recomputed with :mod:`digecon.methods.trend`
and :mod:`digecon.methods.egov` where the source gives what is needed, or marked as impossible
to recompute, with the reason.

>>> a = audit()
>>> sorted(set(a["verdict"])) == sorted(["reproduces", "differs", "cannot be recomputed"])
True
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from digecon.audit import audit_frame, cannot, check
from digecon.data import load
from digecon.methods.correlation import correlation_matrix
from digecon.methods.egov import egdi_from_components, match_official, rank_change
from digecon.methods.trend import linear_trend, moving_average, moving_sum

CHAPTER = "egov"
ARTICLE = "article: Doskeeva & Ulasbek, e-government in Kazakhstan (seed 002)"
DISS = "dissertation (seed 001)"

NAMES = {"egdi": "EGDI", "osi": "OSI", "tii": "TII", "hci": "HCI", "epi": "EPI"}
VAR = {"egdi": "Y (EGDI)", "osi": "X1 (OSI)", "tii": "X2 (TII)", "hci": "X3 (HCI)"}

# lines of the seed files
K1_LINE = {"egdi": 97, "epi": 99}
K2_LINE = {"networked_readiness_index": 117, "usage_subindex": 118, "readiness_subindex": 119}
K3_FIRST = 169  # 2005 row of Table 3
K4_LINE = {"egdi": 190, "osi": 192, "tii": 193, "hci": 194}
K5_FIRST, K5_REPEAT = 210, 233  # 2005 row of Table 5 and of its second printing
K19_EGDI, K19_NRI = 2406, 2435  # first cell of each row of Table 19
K20_FIRST = {"WLD": 2470, "KAZ": 2479, "KGZ": 2488, "ARM": 2497, "BLR": 2506, "RUS": 2515,
             "EAEU": 2524}
# the UN's published EPI rank counts tied values once (reference README): Kazakhstan
PUBLISHED_EPI_RANK = {2005: 31, 2012: 2}
# edition whose value a dissertation column holds (no UN survey in 2006 or 2021)
DISS_EDITION = {2006: 2005, 2021: 2022}


def _fmt(value: float, places: int, mark: str = ",") -> str:
    return f"{value:.{places}f}".replace(".", mark)


def _matches(printed: str, official: pd.DataFrame, skip: tuple[str, int, str]) -> str:
    """Which official (country, edition, index) a printed value equals, in words."""
    hits = match_official(printed, official)
    hits = hits[~((hits["iso3"] == skip[0]) & (hits["survey_year"] == skip[1])
                  & (hits["component"] == skip[2]))]
    if hits.empty:
        return "it matches no value in the official file (nine countries, every edition)"
    words = [f"{h.iso3} {h.survey_year} {NAMES[h.component]} ({h.official:.5f}, {h.rule})"
             for h in hits.itertuples()]
    return "it equals the official " + "; ".join(words)


def _table1(kaz: pd.DataFrame) -> list[dict[str, object]]:
    rows = []
    for r in load("egov-ranks-printed").itertuples():
        year, index, printed = int(r.year), r.index, str(r.rank)
        where = f"Кесте 1, line {K1_LINE[index]}"
        if index == "egdi":
            off = int(kaz.loc[year, "egdi_rank"])
            rows.append(check(ARTICLE, where, f"EGDI world rank of Kazakhstan, {year}", printed,
                              off, official=off, why="" if off == r.rank else
                              f"the UN's {year} rank is {off}"))
            continue
        computed = int(kaz.loc[year, "epi_rank_computed"])
        if year in PUBLISHED_EPI_RANK:
            pub = PUBLISHED_EPI_RANK[year]
            rows.append(check(
                ARTICLE, where, f"EPI world rank of Kazakhstan, {year}", printed, pub,
                official=pub,
                why=f"equals the UN's published rank {pub}, which counts tied EPI values once; "
                    f"a competition rank (1 + countries with a strictly higher EPI) is {computed}"))
        else:
            rows.append(check(ARTICLE, where, f"EPI world rank of Kazakhstan, {year}", printed,
                              computed, official=computed,
                              why="" if computed == r.rank else f"the UN's rank is {computed}"))
    return rows


def _table2() -> list[dict[str, object]]:
    diss = load("diss-egov-kz-printed").query("indicator == 'nri_rank'").set_index("year")["rank"]
    label = {"networked_readiness_index": "WEF Networked Readiness Index rank",
             "usage_subindex": "WEF NRI usage sub-index rank",
             "readiness_subindex": "WEF NRI readiness sub-index rank"}
    rows = []
    for r in load("wef-nri-printed").itertuples():
        why = ("no official WEF Networked Readiness Index file in the reference folder, so the "
               "rank cannot be checked here")
        if r.indicator == "networked_readiness_index" and int(r.year) in diss.index:
            other = int(diss[int(r.year)])
            same = "the same" if other == r.rank else f"{other}, not {r.rank}"
            why += f"; the dissertation's Table 19 prints {same} for {r.year}"
        rows.append(cannot(ARTICLE, f"2-кесте, line {K2_LINE[r.indicator]}",
                           f"{label[r.indicator]} of Kazakhstan, {r.year}", str(r.rank), why))
    return rows


def _table3(kaz: pd.DataFrame, every: pd.DataFrame) -> list[dict[str, object]]:
    t3 = load("egdi-components-printed")
    rows = []
    special = {
        (2020, "osi"): "the 2020 OSI, TII and HCI repeat the printed 2018 values",
        (2020, "tii"): "the 2020 OSI, TII and HCI repeat the printed 2018 values",
        (2020, "hci"): "the 2020 OSI, TII and HCI repeat the printed 2018 values",
        (2022, "tii"): "TII and HCI of 2022 are swapped",
        (2022, "hci"): "TII and HCI of 2022 are swapped",
    }
    for i, r in enumerate(t3.itertuples()):
        year = int(r.year)
        line = K3_FIRST + i
        marks = {c: "," for c in NAMES} if r.decimal_mark == "comma" else {c: "." for c in NAMES}
        if r.decimal_mark == "mixed":
            marks["egdi"] = ","
        for comp in ("egdi", "osi", "tii", "hci"):
            value = float(getattr(r, comp))
            printed = _fmt(value, 4, marks[comp])
            off = float(kaz.loc[year, comp])
            why = ""
            if abs(off - value) > 0.00005 + 1e-12:
                why = f"official {year} {NAMES[comp]} is {off:.5f}; "
                if (year, comp) in special:
                    why += special[(year, comp)] + "; "
                why += _matches(printed, every, ("KAZ", year, comp))
            rows.append(check(ARTICLE, f"Кесте 3, line {line}",
                              f"{NAMES[comp]} of Kazakhstan, {year}", printed, off,
                              official=off, why=why))
        mean = float(egdi_from_components(r.osi, r.tii, r.hci).iloc[0])
        printed = _fmt(float(r.egdi), 4, marks["egdi"])
        why = ""
        if abs(mean - r.egdi) > 0.00005 + 1e-12:
            why = (f"the printed EGDI is not the mean of the printed OSI, TII and HCI "
                   f"({mean:.4f}); the official EGDI is the mean of the official components")
            if year == 2018:
                why += ("; the printed 2018 components average 0.8375, the official 2020 EGDI, "
                        "while the printed 2018 EGDI 0.8775 matches nothing")
            if year == 2024:
                why += ("; the printed OSI 0.9299 (official 0.93903) pulls the mean down: with "
                        "the official OSI the mean is 0.9009, as printed")
        elif year == 2020:
            why = ("holds only because the 2020 components repeat the printed 2018 ones, whose "
                   "mean happens to equal the official 2020 EGDI 0.8375")
        rows.append(check(ARTICLE, f"Кесте 3, line {line}",
                          f"EGDI {year} as the mean of the printed OSI, TII and HCI", printed,
                          mean, official=float(kaz.loc[year, "egdi"]), why=why))
    return rows


def _table4(kaz: pd.DataFrame) -> list[dict[str, object]]:
    t3 = load("egdi-components-printed").set_index("year")[["egdi", "osi", "tii", "hci"]]
    ours = correlation_matrix(t3).set_index(["x", "y"])["r"]
    off = kaz.loc[list(t3.index), ["egdi", "osi", "tii", "hci"]]
    official_r = correlation_matrix(off).set_index(["x", "y"])["r"]
    rows = []
    for r in load("egdi-correlation-printed").itertuples():
        value = float(ours[(r.row_var, r.col_var)])
        printed = _fmt(float(r.r), 3)
        why = ""
        if abs(value - r.r) > 0.0005 + 1e-12:
            why = (f"Pearson r of the printed Table 3 columns (2005-2024, n = 10) is {value:.3f}; "
                   "no subset of the ten years, nor the table with the 2022 TII/HCI swapped "
                   "back, gives the printed matrix; on the official KAZ values r = "
                   f"{float(official_r[(r.row_var, r.col_var)]):.3f}")
        diagonal = r.row_var == r.col_var
        if diagonal:
            why = "trivial: the diagonal of the matrix, a variable correlated with itself"
        rows.append(check(ARTICLE, f"4-кесте, line {K4_LINE[r.row_var]}",
                          f"correlation of {VAR[r.row_var]} with {VAR[r.col_var]}, 2005-2024",
                          printed, value, why=why, trivial=diagonal))
    return rows


def _trend_fit(t5: pd.DataFrame) -> pd.DataFrame:
    sums = moving_sum(t5.set_index("t")["egdi"], 5)["moving_sum"].dropna()
    return linear_trend(sums.to_numpy(), sums.index.to_numpy())


def _table5(kaz: pd.DataFrame) -> list[dict[str, object]]:
    t5 = load("egdi-moving-printed")
    egdi = t5.set_index("t")["egdi"]
    s3 = moving_sum(egdi, 3)["moving_sum"]
    s5 = moving_sum(egdi, 5)["moving_sum"]
    a3 = moving_average(egdi, 3)["moving_average"]
    a5 = moving_average(egdi, 5)["moving_average"]
    fit = _trend_fit(t5).iloc[0]
    rows = []
    for i, r in enumerate(t5.itertuples()):
        year, t = int(r.year), int(r.t)
        where = f"5-кесте, line {K5_FIRST + i} (repeated line {K5_REPEAT + i})"
        off = float(kaz.loc[year, "egdi"])
        why = "" if abs(off - r.egdi) <= 0.00005 + 1e-12 else (
            f"same value as Table 3; official {year} EGDI is {off:.5f}")
        rows.append(check(ARTICLE, where, f"EGDI of Kazakhstan, {year} (T = {t})",
                          _fmt(float(r.egdi), 4), off, official=off, why=why))
        if pd.notna(r.m3):
            rows.append(check(
                ARTICLE, where, f"column m=3 at T = {t} ({year}) as a centred 3-term moving sum",
                _fmt(float(r.m3), 4), float(s3[t]),
                why=f"labelled a 3-level arithmetic mean, but it is the moving sum; the mean "
                    f"would be {float(a3[t]):.4f}"))
        if pd.notna(r.m5):
            printed = "4,555" if t == 9 else _fmt(float(r.m5), 4)
            if pd.notna(s5[t]):
                rows.append(check(
                    ARTICLE, where,
                    f"column m=5 at T = {t} ({year}) as a centred 5-term moving sum",
                    printed, float(s5[t]),
                    why=f"labelled a 5-level arithmetic mean, but it is the moving sum; the mean "
                        f"would be {float(a5[t]):.4f}"))
            else:
                value = float(fit["intercept"] + fit["slope"] * t)
                rounded = 0.2597 * t + 2.2177
                ok = abs(value - r.m5) <= 0.5 * 10.0 ** -(len(printed.split(",")[1])) + 1e-12
                why = (f"no centred 5-term sum exists at T = {t}: the value is the trend line "
                       f"y = 0.2597x + 2.2177 at x = {t} ({rounded:.4f} with the rounded "
                       f"coefficients, {value:.4f} with the fitted ones), i.e. the 'forecast' "
                       f"the text gives for {2016 + t}; on the EGDI scale it is "
                       f"{value / 5:.3f}")
                if not ok:
                    why = "the printed value comes from the rounded coefficients; " + why
                rows.append(check(ARTICLE, where,
                                  f"column m=5 at T = {t} ({year}): trend value at x = {t}",
                                  printed, value, why=why))
    return rows


def _article_text(kaz: pd.DataFrame) -> list[dict[str, object]]:
    t5 = load("egdi-moving-printed")
    fit = _trend_fit(t5).iloc[0]
    shifted = linear_trend(
        moving_sum(t5["egdi"], 5)["moving_sum"].dropna().to_numpy()).iloc[0]
    text = load("egov-text-figures-printed").set_index("id")
    epi = kaz["epi_rank_computed"]
    rows = []

    def where(key: str) -> str:
        r = text.loc[key]
        also = f" (repeated lines {r.also_lines.replace(';', ', ')})" if pd.notna(
            r.also_lines) else ""
        return f"text, line {r.line}{also}"

    def printed(key: str) -> str:
        return str(text.loc[key, "printed"])

    no_rank = "the official file gives OSI and TII values, not their world ranks"
    rows.append(cannot(ARTICLE, where("osi_rank_2024"), "OSI world rank of Kazakhstan, 2024",
                       printed("osi_rank_2024"),
                       f"{no_rank}; Kazakhstan's 2024 OSI is {kaz.loc[2024, 'osi']:.4f}, below "
                       "Denmark, Korea, Estonia and Singapore in the file, consistent with a "
                       "top-10 place"))
    tii_why = (f"{no_rank}; Kazakhstan's TII rose from {kaz.loc[2020, 'tii']:.4f} (2020) to "
               f"{kaz.loc[2024, 'tii']:.4f} (2024)")
    rows.append(cannot(ARTICLE, where("tii_rank_2024"), "TII world rank of Kazakhstan, 2024",
                       printed("tii_rank_2024"), tii_why))
    rows.append(cannot(ARTICLE, where("tii_rank_gain_2020_2024"),
                       "places gained by TII rank, 2020-2024",
                       printed("tii_rank_gain_2020_2024"), tii_why))
    rows.append(check(ARTICLE, where("epi_rank_2024"), "EPI world rank of Kazakhstan, 2024",
                      printed("epi_rank_2024"), int(epi[2024]), official=int(epi[2024])))
    recent = ", ".join(f"{y}: {int(epi[y])}" for y in (2014, 2016, 2018, 2020, 2022, 2024))
    rows.append(cannot(ARTICLE, where("epi_top_n"),
                       "Kazakhstan 'consistently' in the EPI top 30", printed("epi_top_n"),
                       f"a claim, not a computed number; the official EPI ranks ({recent}) put "
                       "Kazakhstan in the top 30 in 2014 and 2020-2024 only, not in 2016 or 2018"))
    rows.append(cannot(ARTICLE, where("wef_rank_2019"), "WEF rank of Kazakhstan, 2019",
                       printed("wef_rank_2019"),
                       "no official WEF file in the reference folder; agrees with Table 2 "
                       "(NRI 2019 = 55) but the dissertation's Table 19 prints 60 for 2019"))
    rows.append(cannot(ARTICLE, where("r2_threshold"), "minimum acceptable R² of a trend",
                       printed("r2_threshold"),
                       "a rule of thumb the authors state, not a result"))
    rows.append(check(
        ARTICLE, where("trend_slope"), "slope of the linear trend fitted to the m=5 column",
        printed("trend_slope"), float(fit["slope"]),
        why="refit: OLS of the six centred 5-term sums on T = 3..8"))
    rows.append(check(
        ARTICLE, where("trend_intercept"),
        "intercept of the linear trend fitted to the m=5 column", printed("trend_intercept"),
        float(fit["intercept"]),
        why=f"reproduces with x = T of the table (3..8); with x = 1..6, the points' order "
            f"in the chart, the intercept would be {float(shifted['intercept']):.4f}"))
    rows.append(check(ARTICLE, where("trend_r2"), "R² of the linear trend fitted to the m=5 column",
                      printed("trend_r2"), float(fit["r2"]),
                      why="R² of the fit to the 5-term moving sums (n = 6)"))
    official_2024 = float(kaz.loc[2024, "egdi"])
    year_of_t = dict(zip(t5["t"].astype(int), t5["year"].astype(int), strict=True))
    for key, x, year in (("forecast_2025", 9, 2025), ("forecast_2026", 10, 2026)):
        value = float(fit["intercept"] + fit["slope"] * x)
        rounded = 0.2597 * x + 2.2177
        why = (f"not a forecast for {year}: it is the trend line at x = T = {x}, which the "
               f"table assigns to {year_of_t[x]} (a survey year already observed), and it "
               f"is on the scale of a 5-term SUM; as an EGDI "
               f"it would be {value / 5:.3f} (official 2024 EGDI {official_2024:.4f}); "
               f"fitted coefficients give {value:.4f}, the rounded equation {rounded:.4f}")
        rows.append(check(ARTICLE, where(key), f"'forecast' of EGDI for {year}",
                          printed(key), value, why=why))
    rows.append(check(ARTICLE, where("forecast_horizon"), "forecast horizon ('2 years')",
                      printed("forecast_horizon"), 2.0,
                      why="the trend is extended two steps (x = 9, 10) past the fitted x = 3..8;"
                          " a step of T is one biennial survey, and T = 9, 10 are 2022 and 2024 "
                          "in the table, not 2025 and 2026"))
    return rows


def _diss_table19(kaz: pd.DataFrame) -> list[dict[str, object]]:
    t19 = load("diss-egov-kz-printed")
    art = load("wef-nri-printed").query("indicator == 'networked_readiness_index'")
    art = art.set_index("year")["rank"]
    rows = []
    egdi = t19.query("indicator == 'egdi_rank'").reset_index(drop=True)
    for i, r in egdi.iterrows():
        year = int(r["year"])
        edition = DISS_EDITION.get(year, year)
        off = int(kaz.loc[edition, "egdi_rank"])
        why = "" if edition == year else (
            f"there is no UN survey in {year}; the value is the {edition} edition's rank")
        if off != r["rank"]:
            why = f"the UN's {edition} rank is {off}"
        rows.append(check(DISS, f"Кесте 19, line {K19_EGDI + i}",
                          f"EGDI world rank of Kazakhstan, column {year}", str(r["rank"]), off,
                          official=off, why=why))
    nri = t19.query("indicator == 'nri_rank'").reset_index(drop=True)
    for i, r in nri.iterrows():
        year = int(r["year"])
        why = "no official WEF Network Readiness Index file in the reference folder"
        if year in art.index:
            other = int(art[year])
            why += ("; the article's Table 2 prints the same" if other == r["rank"] else
                    f"; the article's Table 2 prints {other} for {year}")
        if year in (2017, 2018):
            why += "; the WEF published no NRI for 2017-2018 (the 2016 rank repeated?)"
        rows.append(cannot(DISS, f"Кесте 19, line {K19_NRI + i}",
                           f"Network Readiness Index rank of Kazakhstan, {year}",
                           str(r["rank"]), why))
    return rows


def _diss_table20(survey: pd.DataFrame) -> list[dict[str, object]]:
    t20 = load("diss-egdi-eaeu-printed")
    years = [2010, 2012, 2014, 2016, 2018, 2020]
    ranks = survey.pivot(index="survey_year", columns="iso3", values="egdi_rank")
    eaeu5 = ["KAZ", "KGZ", "ARM", "BLR", "RUS"]
    rows = []
    for r in t20.itertuples():
        code, year = r.code, int(r.year)
        offset = years.index(year) if r.measure != "change_2010_2020" else 6
        where = f"Кесте 20, line {K20_FIRST[code] + offset}"
        if code == "WLD":
            rows.append(cannot(
                DISS, where, f"number of countries in the EGDI ranking, {year}"
                if r.measure == "countries_total" else "change in the number of countries",
                None if r.measure != "countries_total" else r.printed,
                "the official file holds nine countries, not the size of the ranking (193 UN "
                "members from 2012; the 2010 survey covered the 192 members of the time)"))
        elif code == "EAEU":
            if r.measure == "rank":
                mean = float(ranks.loc[year, eaeu5].mean())
                median = float(ranks.loc[year, eaeu5].median())
                rows.append(cannot(
                    DISS, where, f"EGDI rank of the EAEU as a whole, {year}", r.printed,
                    "the source does not say how an EAEU rank is formed; it is neither the mean "
                    f"({mean:.1f}) nor the median ({median:.0f}) of the five members' ranks"))
            else:
                printed_ranks = t20.query("code == 'EAEU' and measure == 'rank'")
                s = printed_ranks.set_index("year")["value"].astype(int)
                change = rank_change(s, base=2010).set_index("year").loc[2020, "places_gained"]
                rows.append(check(DISS, where, "change of the EAEU rank, 2010 to 2020",
                                  r.printed, float(change),
                                  why="recomputed from the printed EAEU ranks (58 - 36)"))
        elif r.measure == "rank":
            off = int(ranks.loc[year, code])
            rows.append(check(DISS, where, f"EGDI world rank of {code}, {year}", r.printed, off,
                              official=off, why="" if off == r.value else
                              f"the UN's {year} rank is {off}"))
        else:
            change = rank_change(ranks[code], base=2010).set_index("year")
            value = float(change.loc[2020, "places_gained"])
            rows.append(check(DISS, where, f"places gained by {code} in EGDI rank, 2010 to 2020",
                              r.printed, value, official=value,
                              why="" if value == r.value else "official ranks give "
                              f"{value:+.0f}"))
    return rows


def _diss_text(kaz: pd.DataFrame, survey: pd.DataFrame) -> list[dict[str, object]]:
    text = load("diss-egov-text-printed").set_index("id")
    rows = []

    def where(key: str) -> str:
        return f"text, line {text.loc[key, 'line']}"

    def val(key: str) -> float:
        return float(text.loc[key, "value"])

    no_census = "the official file holds nine countries, not all 193 UN members"
    rows.append(cannot(DISS, where("countries_surveyed"), "countries in the UN e-government "
                       "report", text.loc["countries_surveyed", "printed"], no_census))
    rows.append(cannot(DISS, where("countries_un_members"), "UN member states ranked by EGDI",
                       text.loc["countries_un_members", "printed"], no_census))
    rows.append(cannot(DISS, where("share_high_egdi"),
                       "share of UN members with EGDI between 0.5 and 1 ('two thirds')",
                       val("share_high_egdi"), no_census + "; the edition is not named"))
    for key, label in (("egdi_high_lower", "lower bound of the EGDI range 0.5-1"),
                       ("egdi_high_upper", "upper bound of the EGDI range 0.5-1"),
                       ("index_min", "minimum of a normalised index"),
                       ("index_max", "maximum of a normalised index")):
        rows.append(cannot(DISS, where(key), label, text.loc[key, "printed"],
                           "a definition (UN DESA's scale and group thresholds), not a result"))
    weights = survey["egdi"] / survey[["osi", "tii", "hci"]].sum(axis=1)
    rows.append(check(DISS, where("egdi_weight"), "weight of each component in the EGDI",
                      1 / 3, float(weights.median()), decimals=3,
                      why="median of EGDI / (OSI + TII + HCI) over the official file "
                          f"(range {weights.min():.4f}-{weights.max():.4f})"))
    for key, label in (("osi_example_score", "OSI example: score of country x"),
                       ("osi_example_min", "OSI example: lowest score"),
                       ("osi_example_max", "OSI example: highest score")):
        rows.append(cannot(DISS, where(key), label, text.loc[key, "printed"],
                           "an illustrative input of the UN's OSI example, not a result"))
    ratio = (val("osi_example_score") - val("osi_example_min")) / (
        val("osi_example_max") - val("osi_example_min"))
    rows.append(check(DISS, where("osi_example_value"),
                      "OSI example: (114 - 0) / (153 - 0), on a 0-100 scale",
                      text.loc["osi_example_value", "printed"], 100 * ratio,
                      why=f"printed '074.51' is 100 × {ratio:.4f}; the UN's example gives "
                          "0.7451 (the index is on a 0-1 scale)"))
    rows.append(cannot(DISS, where("egov_idea_year"), "year the e-government idea was announced",
                       text.loc["egov_idea_year", "printed"], "a historical date, no data"))
    rows.append(cannot(DISS, where("egov_stages"), "stages of e-government development",
                       val("egov_stages"), "a description, no data"))
    rows.append(cannot(DISS, where("service_minutes"),
                       "minutes to register a legal entity or a birth online",
                       text.loc["service_minutes", "printed"], "no service-time data"))
    return rows


def audit() -> pd.DataFrame:
    """Every e-government number printed in seed 002 and the dissertation's Tables 19–20."""
    survey = load("un-egov-survey")
    kaz = survey.query("iso3 == 'KAZ'").set_index("survey_year")
    rows = [
        *_table1(kaz),
        *_table2(),
        *_table3(kaz, survey),
        *_table4(kaz),
        *_table5(kaz),
        *_article_text(kaz),
        *_diss_table19(kaz),
        *_diss_table20(survey),
        *_diss_text(kaz, survey),
    ]
    frame = audit_frame(rows, chapter=CHAPTER)
    assert np.isfinite(frame["printed"].fillna(0)).all()
    return frame
