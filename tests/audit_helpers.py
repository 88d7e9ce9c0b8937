"""Helpers shared by the per-chapter audit tests (``tests/test_audit_*.py``).

A chapter's audit test builds the chapter's audit table once (a module-scoped ``frame``
fixture), checks its shape with :func:`assert_audit_shape` and picks the hand-checked rows
with :func:`audit_row`.
"""

from __future__ import annotations

import pandas as pd

from digecon.audit import AUDIT_COLUMNS, REPRODUCES, VERDICTS


def audit_row(frame: pd.DataFrame, location: str, quantity_part: str) -> pd.Series:
    """The one audit row at ``location`` whose quantity contains ``quantity_part`` (literally).

    Fails the test unless exactly one row matches.
    """
    hit = frame[(frame["location"] == location)
                & frame["quantity"].str.contains(quantity_part, regex=False)]
    assert len(hit) == 1, (location, quantity_part, len(hit))
    return hit.iloc[0]


def assert_audit_shape(frame: pd.DataFrame, chapter: str) -> None:
    """A chapter's audit table: the audit columns, only ``chapter``'s rows, known verdicts, and
    a reason (``why``) on every row that does not reproduce (*differs* or *cannot*)."""
    assert list(frame.columns) == AUDIT_COLUMNS
    assert set(frame["chapter"]) == {chapter}
    assert set(frame["verdict"]) <= set(VERDICTS)
    explained = frame["why"].str.len() > 0
    unexplained = frame[(frame["verdict"] != REPRODUCES) & ~explained]
    assert unexplained.empty, unexplained[["location", "quantity", "verdict"]].to_string()


def assert_audit_text_translated(frame: pd.DataFrame) -> None:
    """Every ``quantity`` and ``why`` of ``frame`` has Kazakh and Russian wording in its
    chapter's catalog (``data/audit_text_<chapter>.csv``); the failure lists the missing texts."""
    from digecon import audit_text

    for lang in ("kk", "ru"):
        missing = audit_text.untranslated(frame, lang)
        assert missing.empty, f"{lang}: {len(missing)} texts lack a catalog line:\n" + "\n".join(
            f"  {column}: {en}" for column, en in zip(missing["column"], missing["en"],
                                                        strict=True))


def translated_row(frame: pd.DataFrame, row_id: str, lang: str) -> dict[str, str]:
    """The ``quantity`` and ``why`` of the row ``row_id`` as :func:`digecon.audit.translate`
    shows them in ``lang``."""
    from digecon import audit, i18n

    row = frame[frame["id"] == row_id]
    assert len(row) == 1, (row_id, len(row))
    shown = audit.translate(row, lang).iloc[0]
    return {column: shown[i18n.t(column, lang)] for column in ("quantity", "why")}
