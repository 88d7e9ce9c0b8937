"""Rewrite the Kazakh table, figure and appendix names left in English audit texts.

One-off tool (issue 14): the English ``quantity``/``why`` texts of the audit modules named the
dissertation's tables as printed ("Кесте 8", "5-кесте", "Сурет 11", "Қосымша Д"). This rewrites
them in English ("Table 8", "Figure 11", "Appendix D") in ``src/digecon/chapters/<ch>/audit.py``
and, in lockstep, in the ``en`` column of ``data/audit_text_<ch>.csv``, so the catalogs still
match, and in the quantity and note columns of ``data/ecommerce_text_figures.csv`` (the
audit shows its quantities). Locations (``"Кесте 5, line 210"``) are left as they are: they
are localized for display by ``digecon.audit.localize_location``. The ids of rows whose
quantity changed are kept (``key=`` / ``KEPT_IDS`` in the modules).

Usage: ``python tools/audit_en_table_words.py`` (idempotent).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = ("concepts", "efficiency", "ecommerce", "egov", "regression", "workforce")

_RULES = (
    (re.compile(r"Қосымша Д"), "Appendix D"),
    (re.compile(r"Кесте (\d+)-(\d+)"), r"Tables \1–\2"),
    (re.compile(r"Кесте (\d+)/(\d+)"), r"Table \1/\2"),
    (re.compile(r"Кесте (\d+)"), r"Table \1"),
    (re.compile(r"(\d+)-кесте"), r"Table \1"),
    (re.compile(r"Сурет (\d+)"), r"Figure \1"),
)
#: a location (the place a number is printed), not a text: kept as written
_LOCATION = re.compile(r"(?:Кесте \d+|\d+-кесте|Сурет \d+)(?: \(second\))?, line")


def english(text: str) -> str:
    """``text`` with the Kazakh names of tables, figures and the appendix in English.

    >>> english("Кесте 8's row; the article's 2-кесте; Сурет 4; Қосымша Д Кесте 3")
    "Table 8's row; the article's Table 2; Figure 4; Appendix D Table 3"
    """
    for pattern, repl in _RULES:
        text = pattern.sub(repl, text)
    return text


def rewrite_source(source: str) -> str:
    """``english`` on every line of a module except locations and ``_loc(...)`` calls."""
    out = []
    for line in source.splitlines(keepends=True):
        if _LOCATION.search(line) or "_loc(\"" in line:
            out.append(line)
            continue
        out.append(english(line))
    return "".join(out)


def rewrite_catalog(text: str) -> str:
    """``english`` on the ``en`` column of a catalog (CSV with columns en, kk, ru)."""
    return rewrite_columns(text, ("en",))


def rewrite_columns(text: str, columns: tuple[str, ...]) -> str:
    """``english`` on ``columns`` of a CSV (the author's English words of a data table)."""
    rows = list(csv.reader(io.StringIO(text)))
    head, body = rows[0], rows[1:]
    cols = [head.index(c) for c in columns]
    for row in body:
        for col in cols:
            row[col] = english(row[col])
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([head, *body])
    return buf.getvalue()


def main() -> None:
    # the e-commerce text figures name their quantity and note in English (the audit shows them)
    figures = ROOT / "data" / "ecommerce_text_figures.csv"
    figures.write_text(rewrite_columns(figures.read_text(encoding="utf-8"), ("quantity", "note")),
                       encoding="utf-8")
    for ch in CHAPTERS:
        module = ROOT / "src" / "digecon" / "chapters" / ch / "audit.py"
        module.write_text(rewrite_source(module.read_text(encoding="utf-8")), encoding="utf-8")
        cat = ROOT / "data" / f"audit_text_{ch}.csv"
        cat.write_text(rewrite_catalog(cat.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main()
