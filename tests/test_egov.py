"""Tests of digecon.methods.egov; expected values worked out by hand in the comments."""

from __future__ import annotations

import pandas as pd
import pytest

from digecon.data import load
from digecon.methods.egov import (
    egdi_from_components,
    match_official,
    printed_vs_official,
    rank_change,
)


def test_egdi_from_components_official_2022() -> None:
    # official KAZ 2022: (0.93440 + 0.75200 + 0.90210) / 3 = 2.58850 / 3 = 0.862833 -> 0.8628
    out = egdi_from_components(0.93440, 0.75200, 0.90210)
    assert out.iloc[0] == pytest.approx(0.862833, abs=1e-6)
    assert out.name == "egdi"


def test_egdi_from_components_series_keeps_index() -> None:
    osi = pd.Series([0.3, 0.9], index=[2005, 2024])
    out = egdi_from_components(osi, osi, pd.Series([0.6, 0.6], index=[2005, 2024]))
    # (0.3+0.3+0.6)/3 = 0.4 ; (0.9+0.9+0.6)/3 = 0.8
    assert out.loc[2005] == pytest.approx(0.4) and out.loc[2024] == pytest.approx(0.8)


def test_egdi_from_components_errors() -> None:
    with pytest.raises(ValueError, match=r"'osi' element 0 is 1\.2; expected a value from 0 to 1"):
        egdi_from_components(1.2, 0.5, 0.5)
    with pytest.raises(ValueError, match="expected equal"):
        egdi_from_components([0.1, 0.2], [0.1], [0.1])
    with pytest.raises(ValueError, match="element 0 is 'a'; expected a number"):
        egdi_from_components("a", 0.5, 0.5)


def test_rank_change_dissertation_table20() -> None:
    # Armenia 110 (2010) -> 68 (2020): 110 - 68 = +42 places, as Кесте 20 prints
    arm = pd.Series([110, 94, 61, 87, 87, 68], index=[2010, 2012, 2014, 2016, 2018, 2020])
    out = rank_change(arm, base=2010).set_index("year")
    assert out.loc[2020, "places_gained"] == 42
    assert out.loc[2016, "places_gained"] == 23  # 110 - 87
    step = rank_change(arm).set_index("year")
    assert step.loc[2016, "places_gained"] == -26  # 61 -> 87 is a fall of 26
    assert step.loc[2016, "base_year"] == 2014


def test_rank_change_errors() -> None:
    with pytest.raises(ValueError, match="rank_change: 'base' is 2000"):
        rank_change(pd.Series([3, 2], index=[2010, 2012]), base=2000)
    with pytest.raises(ValueError, match="Series"):
        rank_change([3, 2])
    with pytest.raises(ValueError, match="at least 2 are needed to compare"):
        rank_change(pd.Series([3], index=[2010]))
    with pytest.raises(ValueError, match="below 1"):
        rank_change(pd.Series([0, 2], index=[2010, 2012]))


def test_printed_vs_official() -> None:
    printed = pd.DataFrame({"year": [2022, 2030], "tii": [0.9021, 0.5]})
    official = pd.DataFrame({"survey_year": [2022], "tii": [0.75200]})
    out = printed_vs_official(printed, official, ["tii"])
    # 0.9021 - 0.7520 = 0.1501 ; 2030 has no official value
    assert out.loc[0, "diff"] == pytest.approx(0.1501)
    assert pd.isna(out.loc[1, "official"])
    assert list(out.columns) == ["year", "component", "printed", "official", "diff"]
    with pytest.raises(ValueError, match="has no column"):
        printed_vs_official(printed, official, ["osi"])
    with pytest.raises(ValueError, match="twice"):
        printed_vs_official(printed, pd.concat([official, official]), ["tii"])


def test_match_official_finds_swapped_2022_components() -> None:
    survey = load("un-egov-survey")
    # printed 2022 HCI 0,7520 is the official 2022 TII 0.75200 of Kazakhstan
    hits = match_official("0,7520", survey)
    assert hits[["iso3", "survey_year", "component"]].values.tolist() == [["KAZ", 2022, "tii"]]
    # printed 2024 OSI 0.9299 matches nothing (official 0.93903)
    assert match_official("0.9299", survey).empty
    # 0.90093 (KAZ 2024 EGDI) rounds to 0.901 at 3 decimals and truncates to 0.900
    kaz24 = survey.query("iso3 == 'KAZ' and survey_year == 2024")
    assert match_official("0.900", kaz24, ["egdi"])["rule"].tolist() == ["truncated"]
    assert match_official("0.901", kaz24, ["egdi"])["rule"].tolist() == ["rounded"]
    # 0.86810 (KAZ 2018 OSI) truncated to 2 decimals is 0.86; rounded it is 0.87
    kaz = survey.query("iso3 == 'KAZ' and survey_year == 2018")
    assert match_official("0.86", kaz, ["osi"])["rule"].tolist() == ["truncated"]
    assert match_official("0.87", kaz, ["osi"])["rule"].tolist() == ["rounded"]
