"""The audit helpers: verdicts follow the printed precision."""

from __future__ import annotations

import math

import pytest

from digecon import audit


@pytest.mark.parametrize(
    ("printed", "recomputed", "verdict"),
    [
        ("0,4876", 0.48764, audit.REPRODUCES),   # |diff| = 0.00004 <= 0.00005
        ("0,4876", 0.48766, audit.DIFFERS),      # |diff| = 0.00006 > 0.00005
        ("24", 24.4, audit.REPRODUCES),          # ranks printed as integers: half a unit
        ("24", 25, audit.DIFFERS),
        ("12,5 %", 12.46, audit.REPRODUCES),
        ("1.6198", 1.6198, audit.REPRODUCES),
    ],
)
def test_verdict_by_printed_precision(printed, recomputed, verdict):
    assert audit.check("s", "l", "q", printed, recomputed)["verdict"] == verdict


def test_cannot_needs_a_reason():
    with pytest.raises(ValueError, match="say why"):
        audit.check("s", "l", "q", "1.0", None)
    row = audit.cannot("s", "l", "q", "0.93", "the source gives no series")
    assert row["verdict"] == audit.CANNOT and math.isnan(row["recomputed"])


def test_printed_text_must_be_a_number():
    with pytest.raises(ValueError, match="'printed' is 'abc'; expected a printed number"):
        audit.check("s", "l", "q", "abc", 1.0)


def test_collect_gathers_every_chapter_module(audit_rows):
    rows = audit_rows
    assert list(rows.columns) == audit.AUDIT_COLUMNS
    assert set(rows["verdict"]) <= set(audit.VERDICTS)
    assert "egov" in set(rows["chapter"])
    assert (rows.loc[rows["verdict"] == audit.CANNOT, "why"].str.len() > 0).all()
    assert (rows.loc[rows["verdict"] == audit.DIFFERS, "why"].str.len() > 0).all()


def test_translate_verdicts():
    rows = audit.audit_frame([audit.check("a", "T1", "x", "1.0", 2.0, why="w")], "egov")
    out = audit.translate(rows, "kk")
    assert out["Қорытынды"].tolist() == ["сәйкес келмейді"]
    assert out["Тарау"].tolist() == ["Электрондық үкімет және EGDI тренді"]
