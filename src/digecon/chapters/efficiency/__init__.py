"""The efficiency chapter: its analysis, tables and figures (its audit is ``.audit``)."""

from digecon.chapters.efficiency.analysis import (
    check_years,
    period_comparison,
    table5,
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
    "check_years",
    "period_comparison",
    "plot_edms",
    "plot_growth",
    "plot_karasai",
    "plot_readings",
    "plot_sensitivity",
    "table5",
    "table5_display",
    "variables_display",
    "yearly_efficiency",
]
