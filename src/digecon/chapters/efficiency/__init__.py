"""The efficiency chapter: its analysis, tables and figures (its audit is ``.audit``)."""

from digecon.chapters.efficiency.analysis import (
    T3_FILLED,
    check_years,
    formula4_efficiency,
    formula4_parts,
    period_comparison,
    period_from_table3,
    table3_filled,
    table3_ocr,
    table5,
    table5_years,
    yearly_efficiency,
)
from digecon.chapters.efficiency.figures import (
    PROGRAMME_YEAR,
    plot_edms,
    plot_growth,
    plot_karasai,
    plot_readings,
    plot_sensitivity,
)
from digecon.chapters.efficiency.tables import (
    table5_display,
    variables_display,
)

__all__ = [
    "PROGRAMME_YEAR",
    "T3_FILLED",
    "check_years",
    "formula4_efficiency",
    "formula4_parts",
    "period_comparison",
    "period_from_table3",
    "plot_edms",
    "plot_growth",
    "plot_karasai",
    "plot_readings",
    "plot_sensitivity",
    "table3_filled",
    "table3_ocr",
    "table5",
    "table5_display",
    "table5_years",
    "variables_display",
    "yearly_efficiency",
]
