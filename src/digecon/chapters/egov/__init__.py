"""The egov chapter: its analysis, tables and figures (its audit is ``.audit``)."""

from digecon.chapters.egov.figures import (
    COMPONENT_COLOURS,
    plot_components,
    plot_contributions,
    plot_egdi_countries,
    plot_forecast,
    plot_moving,
    plot_printed_vs_official,
)

__all__ = [
    "COMPONENT_COLOURS",
    "plot_components",
    "plot_contributions",
    "plot_egdi_countries",
    "plot_forecast",
    "plot_moving",
    "plot_printed_vs_official",
]
