"""The workforce chapter: its analysis, tables and figures (its audit is ``.audit``)."""

from digecon.chapters.workforce.analysis import (
    OBLASTS_2022,
    OBLASTS_PRE2022,
    TVET_SPECIALITIES_LISTED,
    institutions,
    monotowns_by_region,
    need_growth,
    survey_with_remainder,
    two_numbers,
    workforce_figures,
)
from digecon.chapters.workforce.figures import (
    plot_costs_by_industry,
    plot_divide_tiles,
    plot_institutions,
    plot_monotowns,
    plot_need_vs_supply,
    plot_survey,
    plot_two_numbers,
)

__all__ = [
    "OBLASTS_2022",
    "OBLASTS_PRE2022",
    "TVET_SPECIALITIES_LISTED",
    "institutions",
    "monotowns_by_region",
    "need_growth",
    "plot_costs_by_industry",
    "plot_divide_tiles",
    "plot_institutions",
    "plot_monotowns",
    "plot_need_vs_supply",
    "plot_survey",
    "plot_two_numbers",
    "survey_with_remainder",
    "two_numbers",
    "workforce_figures",
]
