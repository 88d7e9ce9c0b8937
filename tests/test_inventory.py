"""The inventory of printed numbers: extraction, exclusion rules, matching to audit rows."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from digecon_book import inventory as inv


@pytest.mark.parametrize(
    ("line", "number", "reason"),
    [
        ("Кесте 14 – ЕАЭО елдерінің орындары", "14", "a table, figure, formula or section number"),
        ("өсім 2019 жылы байқалды", "2019", "a year"),
        ("дереккөз бойынша [68] өсті", "68", "reference number"),
        ("2018 жылғы 7 мамырдағы Жарлығы", "7", "a date (day of a month)"),
        ("Индустрия 4.0 тұжырымдамасы", "4.0", "part of a name (Industry 4.0, 5G)"),
        ("1-ші қадам. Цифрландырудың тиімділігі", "1",
         "an ordinal that is not a rank (a step, a list item, a revolution, a decade)"),
        ("рейтингінде 30-шы орынға ие болу міндетін белгіледі", "30", ""),  # a rank: a claim
        ("(DESI) бойынша 1-ші орында. Үй шаруашылықтарының", "1", ""),
        ("3. Сату мамандары;", "3", "list numbering"),
        ("үлесі 12,5 % құрады", "12,5", ""),        # a claim: no exclusion
        ("ЭТ = Н / Ш * 100,     (10)", "10", "formula number"),
        ("\t36/190", "190", "the number of countries ranked (the N of a rank printed as rank/N)"),
        ("\t36/190", "36", ""),                    # the rank itself is a claim
        ("трендтердің R^2 мәні 0,50-ден кем", "2",
         "part of a name (R^2, the coefficient of determination)"),
    ],
)
def test_exclusion_rules(line, number, reason):
    start = next(s for n, s in inv.numbers_in(line) if n == number)
    assert inv._rule(line, number, start, "2.2") == reason


def test_numbers_in_keeps_decimal_commas_and_signs():
    assert [n for n, _ in inv.numbers_in("−12,3 және 0,75, ал 5G")] == ["−12,3", "0,75", "5"]


@pytest.fixture(scope="module")
def table(_collected_audit):
    if not inv.seeds_dir().exists():
        pytest.skip("the seeds folder ../shared/seeds is not beside the project")
    return inv.inventory(rows=_collected_audit.copy())


def test_every_number_has_a_status_and_every_exclusion_a_reason(table):
    assert set(table["status"]) <= {inv.AUDITED, inv.EXCLUDED, inv.UNACCOUNTED}
    assert (table.loc[table["status"] == inv.EXCLUDED, "reason"].str.len() > 0).all()
    assert (table.loc[table["status"] == inv.AUDITED, "audit_id"].str.len() > 0).all()
    assert set(table["source"]) == {"000", "001", "002", "003", "004"}


def test_audited_numbers_match_their_rows(table, audit_rows):
    rows = audit_rows.set_index("id")
    hit = table[table["status"] == inv.AUDITED]
    printed = rows.loc[hit["audit_id"], "printed"].to_numpy()
    # a cell of an OCR'd image matches what its row says the OCR reads ("OCR '23677'")
    read = [{abs(inv._value(n)) for cell in re.findall(r"OCR '([^']+)'", loc) for n in cell.split()}
            for loc in rows.loc[hit["audit_id"], "location"]]
    same = abs(abs(hit["value"].to_numpy()) - abs(printed)) < 1e-6
    ocr = [abs(v) in r for v, r in zip(hit["value"], read, strict=True)]
    assert (same | ocr).all()
    # the OCR of Appendix D's Table 3: '23677' (2011 imports, 2 367.7 mln USD) is audited
    cell = table[(table["line"] == 4696) & (table["number"] == "23677")]
    assert (cell["status"] == inv.AUDITED).all() and len(cell) == 1
    assert rows.loc[cell["audit_id"].item(), "printed"] == 2367.7
    # a known row: the article's 2005 EGDI of Kazakhstan (Кесте 3) is in the inventory as audited
    egdi = table[(table["source"] == "002") & (table["number"] == "0,4876")]
    assert (egdi["status"] == inv.AUDITED).any()


def test_hand_exclusions_point_at_printed_numbers(table):
    manual = inv.exclusions()
    for r in manual.itertuples():
        at = table[(table["source"] == str(r.seed).zfill(3)) & (table["line"] == r.line)
                   & (table["number"] == str(r.number))]
        assert len(at) >= 1 and (at["status"] == inv.EXCLUDED).all(), r


def test_coverage_adds_up(table):
    cov = inv.coverage(table, ["source", "section"])
    assert (cov["n"] == cov["audited"] + cov["excluded"] + cov["unaccounted"]).all()
    assert cov["n"].sum() == len(table)
    assert cov["coverage"].between(0, 1).all()


def test_chart_series_lines_match_only_their_own_rows(tmp_path):
    """A line of chart data (a whole series) is audited only by rows naming it; a cell the OCR
    read without its decimal point matches the row that names what the OCR reads."""
    from digecon.audit import audit_frame, check

    series_a = "\t".join(["0.36", "0.75", *(f"1.{i:02d}" for i in range(20))])
    series_b = "\t".join(["1.38", "0.75", *(f"2.{i:02d}" for i in range(20))])
    ocr = "2011 2142 23677"
    (tmp_path / "009_demo.txt").write_text(f"{series_a}\n{series_b}\n{ocr}\n", encoding="utf-8")
    rows = audit_frame([
        check("demo 009", "chart, line 2", "series B, second cell", "0.75", 0.75),
        check("demo 009", "Кесте 3 (OCR '23677'), line 3", "imports 2011", "2367.7", 2367.7),
    ], "demo")
    table = inv.inventory(tmp_path, rows=rows).set_index(["line", "number"])["status"]
    assert table[(2, "0.75")] == inv.AUDITED
    assert table[(1, "0.75")] == inv.UNACCOUNTED  # the neighbouring series' equal value
    assert table[(3, "23677")] == inv.AUDITED
    assert table[(3, "2142")] == inv.UNACCOUNTED


def _rows(*rows: tuple[str, float, str]) -> pd.DataFrame:
    """Audit rows of a synthetic seed 009: (location, printed, id)."""
    from digecon import audit

    return pd.DataFrame([{"seed": "009", "location": loc, "line": audit.line_of(loc),
                          "printed": printed, "id": rid} for loc, printed, rid in rows])


def test_a_row_audits_only_the_lines_it_names(tmp_path):
    # a row reaches the lines its location names (a line, a repeat, a range), not a neighbour
    # that happens to print the same value: the dissertation's line 2079 prints "20" (companies
    # without a computer) two lines after the row of line 2077 ("growth above 20 %")
    (tmp_path / "009_synthetic.txt").write_text(
        "growth above 20 % a year\n"          # 1: the row's line
        "smartphones 54 %\n"                  # 2
        "20 % of companies lack a computer\n"  # 3: same value, another claim
        "growth above 20 % (repeated)\n"      # 4: named as a repeat
        "ten shares sum to 100\n"             # 5: named by a range
        "the public sector 39,6; 100 in all\n"  # 6: end of the range
        "R^2=0,99; a forecast for 2 years\n",  # 7: the row takes the 2 that no rule explains
        encoding="utf-8")
    rows = _rows(("text, line 1 (repeated line 4)", 20.0, "x.growth"),
                 ("text, lines 5-6", 100.0, "x.sum"), ("text, line 7", 2.0, "x.horizon"))
    table = inv.inventory(tmp_path, rows=rows)
    seven = table[table["line"] == 7].set_index("number")
    assert seven["audit_id"].tolist() == ["", "", "x.horizon"]  # R^2's 2, 0,99, the years
    assert seven["reason"].iloc[0].startswith("part of a name (R^2")
    table = table.set_index(["line", "number"])
    assert table.loc[(1, "20"), "audit_id"] == table.loc[(4, "20"), "audit_id"] == "x.growth"
    assert table.loc[(3, "20"), "status"] == inv.UNACCOUNTED  # within two lines, not named
    assert table.loc[(5, "100"), "audit_id"] == table.loc[(6, "100"), "audit_id"] == "x.sum"


def test_line_2079s_20_is_not_audited_by_the_row_of_line_2077(table):
    at = table[(table["source"] == "001") & (table["line"] == 2079) & (table["number"] == "20")]
    assert len(at) == 1 and at["status"].iloc[0] == inv.EXCLUDED, at
    assert at["audit_id"].iloc[0] == "" and "quoted without a series" in at["reason"].iloc[0]


def test_ranks_are_not_swallowed_by_the_ordinal_rule(table):
    # line 75: a target rank (30th by 2025) is excluded with its own reason, not as a name;
    # line 1132: Denmark's DESI rank (1st) is an audit row
    def at(line, number):
        hit = table[(table["source"] == "001") & (table["line"] == line)
                    & (table["number"] == number)]
        assert len(hit) == 1, hit
        return hit.iloc[0]

    target = at(75, "30")
    assert target["status"] == inv.EXCLUDED and target["reason"].startswith("a target rank")
    rank_row = "concepts.text.denmark-s-rank-in-desi-2021-among-the-27-eu-members"
    assert at(1132, "1")["audit_id"] == rank_row
    # no number the ordinal rule excludes is followed by a place in a ranking
    import re

    ordinals = table[table["reason"].str.startswith("an ordinal that is not a rank")]
    assert len(ordinals) >= 10
    assert not any(re.search(rf"(?<![\d,.]){re.escape(n)}\s*-?(?:ші|шы)\s+(?:орын|орны)", c)
                   for n, c in zip(ordinals["number"], ordinals["context"], strict=True))
