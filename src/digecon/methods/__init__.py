"""The book's reusable methods: each named once, each returning a tidy ``DataFrame``.

This package is what a chapter calls to compute something. It depends only on numpy, pandas,
scipy, statsmodels and pingouin, never on chapter code (``digecon.chapters``) or on the
authoring tools (build, lint, pages); ``tests/test_layout.py`` holds it to that. Every method
checks its input with the one checker :mod:`digecon.methods._checks`, whose messages name the
method, the argument, what was wrong and what was expected.

Import a module (``from digecon.methods import growth``) or a method by its one name
(``from digecon.methods import growth_rate``).

================  ==========================================================================
module            methods
================  ==========================================================================
``growth``        :func:`percent_change` (one step, start → end), :func:`growth_rate` (a
                  series, chained or on a base: index and change), :func:`cagr`,
                  :func:`shares` (of a whole column, of the column total, or within groups)
``forecast``      :func:`drift_forecast` (the drift benchmark with its interval, taught by
                  hand), :func:`projection` (log-linear, naive or drift, with an interval)
``trend``         :func:`moving_sum`, :func:`moving_average`, :func:`linear_trend`,
                  :func:`trend_models`, :func:`trend_fitted`, :func:`trend_forecast` (the
                  forms of :data:`TREND_FORMS` as statsmodels formulas, logit included)
``regression``    :func:`ols` (SPSS's tables), :func:`stepwise`, :func:`collinearity`,
                  :func:`residual_diagnostics`, :func:`forecast_y`, :func:`apply_equation`,
                  :func:`scenarios`, :func:`trend_regression_forecaster`, :func:`evaluate`
``correlation``   :func:`correlate`, :func:`correlation_matrix` (pingouin), :func:`square`,
                  :func:`strength_of_link`
``indices``       :func:`normalize`, :func:`weights`, :func:`aggregate`,
                  :func:`competition_rank`, :func:`composite_index`, :func:`rank_uncertainty`,
                  :func:`rank_share`, :func:`truncate`, :func:`check_choices`
``efficiency``    :func:`efficiency_ratio`, :func:`verdict`, :func:`both_readings`,
                  :func:`period_efficiency`, :func:`relative_efficiency_coefficient`,
                  :func:`payback_period`, :func:`time_saving_efficiency`,
                  :func:`survey_efficiency`, :func:`e_service_share`, :func:`sensitivity`
``egov``          :func:`egdi_from_components`, :func:`contributions`, :func:`rank_change`,
                  :func:`printed_vs_official`, :func:`match_official`
``world``         :func:`totals`, :func:`change_between`, :func:`point_changes`,
                  :func:`implied_denominator_growth`, :func:`group_counts`
``rounding``      :func:`as_number`, :func:`decimals_of` (printed numbers),
                  :func:`sum_bounds`, :func:`percent_change_bounds` (what rounded inputs allow)
================  ==========================================================================

>>> from digecon.methods import growth_rate, percent_change
>>> round(percent_change(2.776, 2.494), 2)
-10.16
"""

from __future__ import annotations

import importlib
from typing import Any

#: the method modules, in the order of the table above
MODULES = ("growth", "forecast", "trend", "regression", "correlation", "indices", "efficiency",
           "egov", "world", "rounding")


def _index() -> dict[str, str]:
    """Public name -> the module that defines it (each name is defined once)."""
    names: dict[str, str] = {}
    for module in MODULES:
        for name in importlib.import_module(f"{__name__}.{module}").__all__:
            names[name] = module
    return names


def __getattr__(name: str) -> Any:
    """``digecon.methods.<module>`` or ``digecon.methods.<method>``, imported on first use."""
    if name in MODULES:
        return importlib.import_module(f"{__name__}.{name}")
    module = _index().get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


def __dir__() -> list[str]:
    return sorted([*MODULES, *_index()])
