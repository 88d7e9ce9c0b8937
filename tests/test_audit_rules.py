"""The audit row schema (ids, kinds, severities) and the written rules for verbal claims and
tied ranks."""

from __future__ import annotations

import pandas as pd
import pytest

from digecon import audit


@pytest.fixture
def rows(audit_rows) -> pd.DataFrame:
    return audit_rows


def test_every_row_has_a_unique_id_kind_and_seed_line(rows):
    assert rows["id"].is_unique
    assert rows["id"].str.match(r"^[a-z]+\.[a-z0-9]+\.[a-z0-9.-]+$").all(), rows["id"].head()
    assert (rows["id"].str.split(".").str[0] == rows["chapter"]).all()
    assert set(rows["kind"]) <= set(audit.KINDS)
    assert rows["seed"].isin(["000", "001", "002", "003", "004"]).all()
    assert rows["line"].notna().all()


def test_ids_are_stable(rows):
    # the same rows in another order, or rebuilt, get the same ids: an id depends only on its row
    again = audit.collect()
    assert again["id"].tolist() == rows["id"].tolist()
    from digecon.chapters.egov import audit as egov
    shuffled = egov.audit().sample(frac=1.0, random_state=3)
    rebuilt = audit.audit_frame(shuffled.drop(columns=["id"]).assign(
        id=[audit.row_key(loc, q) for loc, q in zip(shuffled["location"], shuffled["quantity"],
                                                    strict=True)]).to_dict("records"), "egov")
    assert sorted(rebuilt["id"]) == sorted(rows.loc[rows["chapter"] == "egov", "id"])
    # an id does not contain the seed line, so a shifted extraction keeps it
    assert audit.row_key("Кесте 3, line 174", "EGDI 2005") == audit.row_key(
        "Кесте 3, line 180", "EGDI 2005") == "t3.egdi-2005"


def test_severity_on_exactly_the_rows_that_differ(rows):
    differs = rows["verdict"] == audit.DIFFERS
    assert rows.loc[differs, "severity"].isin(audit.SEVERITIES).all()
    assert (rows.loc[~differs, "severity"] == "").all()
    assert set(audit.HIGH_SEVERITY) <= set(rows.loc[differs, "id"]), (
        set(audit.HIGH_SEVERITY) - set(rows.loc[differs, "id"]))
    assert (rows.loc[rows["id"].isin(audit.HIGH_SEVERITY), "severity"] == audit.HIGH).all()


def test_truncation_is_low_and_a_wrong_number_medium():
    cut = audit.check("s", "T1, line 3", "x", "8,4", 8.4607, why="the printed value is "
                      "truncated, not rounded")
    wrong = audit.check("s", "T1, line 4", "y", "42,5", 28.0, why="no base gives 42.5 %")
    assert (cut["severity"], wrong["severity"]) == ("low", "medium")
    with pytest.raises(ValueError, match="unknown severity"):
        audit.check("s", "T1", "z", "1", 2.0, why="w", severity="huge")


def test_a_diagonal_correlation_is_trivial_not_evidence(rows):
    diag = rows[rows["quantity"].str.match(r"correlation of (\S+) \(\w+\) with \1 ")]
    assert len(diag) == 4 and diag["trivial"].all()
    assert not rows.loc[~rows.index.isin(diag.index), "trivial"].any()


@pytest.mark.parametrize(
    ("words", "claimed", "actual", "holds"),
    [
        ("about 700", 700, 666, True),          # -4.9 %: within 5 %
        ("about 700", 700, 660, False),         # -5.7 %
        ("шамамен 0,3", 0.3, 0.7, False),
        ("около 45 %", 45, 46.9, True),
        ("nearly 3 times", 3, 2.55, False),     # the dissertation's 9.7 / 3.8
        ("nearly 3 times", 3, 2.75, True),
        ("nearly 3 times", 3, 3.04, True),      # 3.0 at two significant figures
        ("nearly 3 times", 3, 3.1, False),      # above: "more than 3 times", not "nearly"
        ("nearly 3 times", 3, 3.4, False),      # "3" to the unit would admit it: not the rule
        ("nearly 30 %", 30, 29.6, True),
        ("nearly 30 %", 30, 30.3, True),        # still 30 at two significant figures
        ("nearly 30 %", 30, 26.9, False),       # more than 10 % below
        ("почти 90 %", 90, 90.4, True),         # 90 at two significant figures
        ("почти 90 %", 90, 90.6, False),        # 91: above, not "nearly"
        ("90 %-ға жуық", 90, 85, True),
        ("more than 900", 900, 960.9, True),
        ("over 700", 700, 436.0, False),
        ("более 900", 900, 900, False),         # strictly above
        ("астам 300", 300, 300.5, True),
        ("екі есе өсті", 2, 1.93, True),
        ("doubled", 2, 2.55, False),
        ("вдвое", 2, 1.85, False),
        ("more than doubled", 2, 2.2, True),
    ],
)
def test_verbal_tolerance_rules(words, claimed, actual, holds):
    assert audit.claim_holds(audit.rule_of(words), claimed, actual) is holds


def test_nearly_three_times_row_now_differs(rows):
    row = rows[rows["quantity"].str.contains("'nearly 3 times'")].iloc[0]
    assert row["printed"] == 3 and row["recomputed"] == pytest.approx(9.7 / 3.8)
    assert row["verdict"] == audit.DIFFERS and row["kind"] == "verbal"


@pytest.mark.parametrize(
    ("values", "decimals", "printed", "verdict"),
    [
        ([0.1071, 0.1068, 0.2], 3, {"a": 2, "b": 1, "c": 3}, "reproduces"),  # tie 0.107: either
        ([0.1071, 0.1068, 0.2], 3, {"a": 1, "b": 2, "c": 3}, "reproduces"),
        ([0.1071, 0.1068, 0.2], 4, {"a": 1, "b": 2, "c": 3}, "differs"),     # no tie at 4 dp
        ([0.5, 0.4, 0.3], 2, {"a": 2, "b": 1, "c": 3}, "differs"),
    ],
)
def test_tie_rule_for_ranks(values, decimals, printed, verdict):
    # lower value is better, as in the article's Таблица 3 ordering
    ranges = audit.tied_rank_range(pd.Series(values, index=list("abc")), decimals,
                                   higher_is_better=False)
    got = [audit.rank_check("s", "T, line 1", f"rank of {k}", str(p), int(ranges.at[k, "best"]),
                            int(ranges.at[k, "worst"]))["verdict"] for k, p in printed.items()]
    assert (verdict in got) and (set(got) <= {"reproduces", verdict})


def test_every_audit_id_a_chapter_names_exists(rows):
    import json
    import re
    from pathlib import Path

    named = set()
    for path in sorted(Path(__file__).resolve().parents[1].glob("book/*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                named |= set(re.findall(r'"((?:egov|indices|ecommerce|regression|efficiency|'
                                        r'concepts|workforce)\.[a-z0-9][a-z0-9.-]+)"',
                                        "".join(cell["source"])))
    prefixes = {n for n in named if n.endswith((".", "-"))}
    assert len(named - prefixes) >= 8, named
    assert named - prefixes <= set(rows["id"]), named - prefixes - set(rows["id"])
    for prefix in prefixes:  # a prefix selects rows
        assert rows["id"].str.startswith(prefix).sum() >= 2, prefix
