"""Multiple regression as SPSS prints it, stepwise selection, trend forecasts and their tests.

:func:`ols` fits ordinary least squares and returns the tables SPSS prints (model summary,
ANOVA, coefficients with collinearity statistics, excluded variables, residual statistics);
:func:`stepwise` selects regressors the way SPSS's *Stepwise* method does; :func:`collinearity`,
:func:`residual_diagnostics`, :func:`forecast_y`, :func:`scenarios` and :func:`evaluate`
(out-of-sample errors against naive benchmarks) complete the toolbox. Tolerance and VIF come
from statsmodels' ``variance_inflation_factor``; trends are :mod:`digecon.methods.trend`.
Every function takes plain pandas data and returns tidy ``DataFrame`` s.

statsmodels, scipy and pingouin are imported inside the functions, so importing this module
is fast.

>>> df = pd.DataFrame({"x": [1.0, 2, 3, 4, 5], "y": [2.0, 4.1, 5.9, 8.2, 9.8]})
>>> ols(df, "y", ["x"]).coefficients[["term", "b"]].round(2).to_dict("records")
[{'term': 'const', 'b': 0.09}, {'term': 'x', 'b': 1.97}]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from digecon.methods._checks import (
    as_frame,
    check_count,
    check_probability,
    check_varies,
    fail,
)
from digecon.methods.forecast import _drift_path
from digecon.methods.trend import trend_forecast

__all__ = [
    "OLSTables",
    "apply_equation",
    "collinearity",
    "evaluate",
    "forecast_y",
    "ols",
    "residual_diagnostics",
    "scenarios",
    "stepwise",
    "trend_regression_forecaster",
]


# ----------------------------------------------------------------------------- validation
def _numeric_frame(df: pd.DataFrame, columns: Sequence[str], where: str) -> pd.DataFrame:
    """The columns as a float frame (the package's one checker, :mod:`._checks`)."""
    return as_frame(df, columns, where)


def _check_design(data: pd.DataFrame, y: str, xs: Sequence[str], where: str) -> None:
    n, k = len(data), len(xs)
    if n < k + 2:
        fail(where, "df", f"has {n} observations",
             f"at least {k + 2} are needed for {k} regressor(s) and a constant")
    for c in [y, *xs]:
        check_varies(data[c], where, c)


# ----------------------------------------------------------------------------- OLS
@dataclass(frozen=True)
class OLSTables:
    """The tables of one fitted OLS model, as SPSS prints them (each a tidy ``DataFrame``).

    ``summary``: n, k, r, r_squared, adj_r_squared, se_estimate, durbin_watson (one row);
    ``anova``: source, sum_of_squares, df, mean_square, f, p; ``coefficients``: term, b, se,
    beta, t, p, ci_lower, ci_upper, zero_order, partial, part, tolerance, vif; ``excluded``:
    variable, beta_in, t, p, partial_correlation, tolerance, vif, min_tolerance;
    ``residual_statistics``: quantity, minimum, maximum, mean, std_deviation, n;
    ``casewise``: observed, predicted, residual, std_residual per row; ``results``: the
    statsmodels results (for :func:`forecast_y`); ``y`` and ``xs``: the names used.
    """

    summary: pd.DataFrame
    anova: pd.DataFrame
    coefficients: pd.DataFrame
    excluded: pd.DataFrame
    residual_statistics: pd.DataFrame
    casewise: pd.DataFrame
    results: Any
    y: str
    xs: tuple[str, ...]


def _fit(data: pd.DataFrame, y: str, xs: Sequence[str]) -> Any:
    import statsmodels.api as sm

    exog = sm.add_constant(data[list(xs)], has_constant="add")
    return sm.OLS(data[y], exog).fit()


def _tolerances(data: pd.DataFrame, xs: Sequence[str]) -> dict[str, float]:
    """Tolerance (1 / VIF) of each regressor among ``xs``: statsmodels'
    ``variance_inflation_factor`` on the design with a constant."""
    import statsmodels.api as sm
    from statsmodels.stats.outliers_influence import variance_inflation_factor

    xs = list(xs)
    exog = sm.add_constant(data[xs], has_constant="add").to_numpy()
    with np.errstate(divide="ignore"):
        return {x: 1.0 / variance_inflation_factor(exog, i + 1) for i, x in enumerate(xs)}


def ols(
    df: pd.DataFrame,
    y: str,
    xs: Sequence[str],
    candidates: Sequence[str] = (),
    alpha: float = 0.05,
) -> OLSTables:
    """Fit ``y`` on ``xs`` with a constant and return SPSS's tables (see :class:`OLSTables`).

    ``candidates`` not in ``xs`` fill the *excluded variables* table (what each would add).
    Beta is the standardised coefficient ``b * sd(x) / sd(y)``; the partial correlation is
    ``t / sqrt(t² + df_resid)``, the part (semi-partial) correlation ``t * sqrt((1 - R²) /
    df_resid)``; tolerance is ``1 - R²`` of a regressor on the others and VIF its inverse.

    Parameters
    ----------
    df : pandas.DataFrame
        The data, one row per case.
    y : str
        The response column.
    xs : sequence of str
        The regressors.
    candidates : sequence of str
        Variables left out, for the *excluded variables* table.
    alpha : float
        1 − level of the coefficients' confidence intervals.

    Returns
    -------
    OLSTables
        SPSS's tables as tidy frames (``summary``, ``anova``, ``coefficients``,
        ``excluded``, ``residual_statistics``, ``casewise``) and the statsmodels ``results``.

    Examples
    --------
    >>> df = pd.DataFrame({"x": [1.0, 2, 3, 4], "y": [1.0, 3, 2, 4]})
    >>> t = ols(df, "y", ["x"])
    >>> float(t.summary["r_squared"].iloc[0]), t.anova["df"].tolist()
    (0.64, [1, 2, 3])
    """
    where = "ols"
    xs = list(xs)
    if y in xs:
        fail(where, "xs", f"lists the response {y!r}", "expected regressors other than y")
    extra = [c for c in candidates if c not in xs and c != y]
    data = _numeric_frame(df, [y, *xs, *extra], where)
    _check_design(data, y, xs, where)
    res = _fit(data, y, xs)
    n, k = len(data), len(xs)
    dfr = int(res.df_resid)
    sd_y = data[y].std(ddof=1)
    from statsmodels.stats.stattools import durbin_watson

    r2 = float(res.rsquared)
    summary = pd.DataFrame([{
        "n": n, "k": k, "r": float(np.sqrt(r2)), "r_squared": r2,
        "adj_r_squared": float(res.rsquared_adj), "se_estimate": float(np.sqrt(res.scale)),
        "durbin_watson": float(durbin_watson(res.resid)),
    }])
    ss_reg, ss_res = float(res.ess), float(res.ssr)
    anova = pd.DataFrame({
        "source": ["regression", "residual", "total"],
        "sum_of_squares": [ss_reg, ss_res, ss_reg + ss_res],
        "df": [k, dfr, n - 1],
        "mean_square": [ss_reg / k, ss_res / dfr, np.nan],
        "f": [float(res.fvalue), np.nan, np.nan],
        "p": [float(res.f_pvalue), np.nan, np.nan],
    })
    ci = res.conf_int(alpha)
    tolerance = _tolerances(data, xs)
    rows = []
    for term in ["const", *xs]:
        t = float(res.tvalues[term])
        row = {
            "term": term, "b": float(res.params[term]), "se": float(res.bse[term]),
            "beta": np.nan, "t": t, "p": float(res.pvalues[term]),
            "ci_lower": float(ci.loc[term, 0]), "ci_upper": float(ci.loc[term, 1]),
            "zero_order": np.nan, "partial": np.nan, "part": np.nan,
            "tolerance": np.nan, "vif": np.nan,
        }
        if term != "const":
            tol = tolerance[term]
            row.update(
                beta=row["b"] * data[term].std(ddof=1) / sd_y,
                zero_order=float(np.corrcoef(data[term], data[y])[0, 1]),
                partial=t / np.sqrt(t * t + dfr),
                part=t * np.sqrt((1.0 - r2) / dfr),
                tolerance=tol,
                vif=1.0 / tol if tol > 0 else np.inf,
            )
        rows.append(row)
    coefficients = pd.DataFrame(rows)
    excluded = _excluded(data, y, xs, extra)
    pred, resid = res.fittedvalues, res.resid
    se = float(np.sqrt(res.scale))
    std_pred = (pred - pred.mean()) / pred.std(ddof=1)
    std_res = resid / se
    residual_statistics = pd.DataFrame([
        {"quantity": q, "minimum": float(s.min()), "maximum": float(s.max()),
         "mean": float(s.mean()), "std_deviation": float(s.std(ddof=1)), "n": n}
        for q, s in [("predicted", pred), ("residual", resid),
                     ("std_predicted", std_pred), ("std_residual", std_res)]
    ])
    casewise = pd.DataFrame({"observed": data[y], "predicted": pred, "residual": resid,
                             "std_residual": std_res})
    return OLSTables(summary, anova, coefficients, excluded, residual_statistics, casewise,
                     res, y, tuple(xs))


def _excluded(data: pd.DataFrame, y: str, xs: list[str], extra: list[str]) -> pd.DataFrame:
    rows = []
    sd_y = data[y].std(ddof=1)
    for c in extra:
        check_varies(data[c], "ols", c)
        tols = _tolerances(data, [*xs, c])
        tol = tols[c]
        row = {"variable": c, "beta_in": np.nan, "t": np.nan, "p": np.nan,
               "partial_correlation": np.nan, "tolerance": tol,
               "vif": 1.0 / tol if tol > 0 else np.inf, "min_tolerance": np.nan}
        if len(data) >= len(xs) + 3 and tol > 1e-10:
            res = _fit(data, y, [*xs, c])
            t = float(res.tvalues[c])
            dfr = res.df_resid
            row.update(beta_in=float(res.params[c]) * data[c].std(ddof=1) / sd_y, t=t,
                       p=float(res.pvalues[c]), partial_correlation=t / np.sqrt(t * t + dfr),
                       min_tolerance=min(tols.values()))
        rows.append(row)
    cols = ["variable", "beta_in", "t", "p", "partial_correlation", "tolerance", "vif",
            "min_tolerance"]
    return pd.DataFrame(rows, columns=cols)


# ----------------------------------------------------------------------------- stepwise
def stepwise(
    df: pd.DataFrame,
    y: str,
    candidates: Sequence[str],
    p_enter: float = 0.05,
    p_remove: float = 0.10,
    min_tolerance: float = 1e-4,
) -> pd.DataFrame:
    """SPSS *Stepwise* selection; returns the history of steps as a tidy table.

    At each step the candidate with the smallest p of its F-to-enter (the squared t of its
    coefficient when added) enters if that p is at most ``p_enter`` and its tolerance is at
    least ``min_tolerance``; then the variable in the model with the largest p of its
    F-to-remove leaves if that p exceeds ``p_remove`` (a removal is a step of its own). The
    selection stops when nothing enters or leaves.

    Parameters
    ----------
    df : pandas.DataFrame
        The data, one row per case.
    y : str
        The response column.
    candidates : sequence of str
        The variables that may enter.
    p_enter, p_remove : float
        SPSS's probabilities of F to enter and to remove (0.05 and 0.10).
    min_tolerance : float
        A variable whose tolerance would fall below this does not enter.

    Returns
    -------
    pandas.DataFrame
        The history, one row per step: ``step``, ``action`` (enter/remove), ``variable``,
        ``f`` (F-to-enter or F-to-remove), ``p``, ``r_squared``, ``adj_r_squared``, ``model``
        (the predictors after the step, comma-separated). The last row's ``model`` is the
        selection; ``result.attrs["selected"]`` holds it as a list (pandas keeps ``attrs``
        on a copy, not through every operation, so read it straight from the result).

    Examples
    --------

    >>> x1 = [-1.0, -1, -1, -1, 1, 1, 1, 1]
    >>> x2 = [-1.0, -1, 1, 1, -1, -1, 1, 1]
    >>> e = [-0.5, 0.5, 0.5, -0.5, 0.5, -0.5, -0.5, 0.5]
    >>> y = [10 + 3 * a + b + c for a, b, c in zip(x1, x2, e)]
    >>> stepwise(pd.DataFrame({"y": y, "x1": x1, "x2": x2}), "y", ["x1", "x2"]).attrs["selected"]
    ['x1', 'x2']
    """
    where = "stepwise"
    if not 0 < p_enter < p_remove < 1:
        fail(where, "p_enter, p_remove", f"are {p_enter}, {p_remove}",
             "expected 0 < p_enter < p_remove < 1 (else a variable could enter and leave forever)")
    candidates = list(candidates)
    if y in candidates:
        fail(where, "candidates", f"lists the response {y!r}", "expected regressors other than y")
    data = _numeric_frame(df, [y, *candidates], where)
    _check_design(data, y, candidates[:1], where)
    for c in candidates:
        check_varies(data[c], where, c)
    model: list[str] = []
    history: list[dict[str, object]] = []
    seen: set[tuple[str, ...]] = set()
    for _ in range(4 * len(candidates) + 4):
        best = None
        if len(data) >= len(model) + 3:
            for c in candidates:
                if c in model or _tolerances(data, [*model, c])[c] < min_tolerance:
                    continue
                res = _fit(data, y, [*model, c])
                p = float(res.pvalues[c])
                if best is None or p < best[1]:
                    best = (c, p, float(res.tvalues[c]) ** 2, res)
        if best is None or best[1] > p_enter:
            break
        model.append(best[0])
        res = best[3]
        history.append({"step": len(history) + 1, "action": "enter", "variable": best[0],
                        "f": best[2], "p": best[1], "r_squared": float(res.rsquared),
                        "adj_r_squared": float(res.rsquared_adj), "model": ", ".join(model)})
        while len(model) > 1:
            res = _fit(data, y, model)
            worst = max(model, key=lambda v: float(res.pvalues[v]))
            p = float(res.pvalues[worst])
            if p <= p_remove:
                break
            f = float(res.tvalues[worst]) ** 2
            model.remove(worst)
            res = _fit(data, y, model)
            history.append({"step": len(history) + 1, "action": "remove", "variable": worst,
                            "f": f, "p": p, "r_squared": float(res.rsquared),
                            "adj_r_squared": float(res.rsquared_adj), "model": ", ".join(model)})
        key = tuple(sorted(model))
        if key in seen:
            break
        seen.add(key)
    cols = ["step", "action", "variable", "f", "p", "r_squared", "adj_r_squared", "model"]
    out = pd.DataFrame(history, columns=cols)
    out.attrs["selected"] = list(model)
    return out


# ----------------------------------------------------------------------------- collinearity
def collinearity(df: pd.DataFrame, xs: Sequence[str]) -> pd.DataFrame:
    """Tolerance and VIF of each regressor, and SPSS's eigenvalues and condition indices.

    Returns a long table ``item, measure, value``: for each regressor the measures
    ``tolerance`` and ``vif``; for each dimension ``1..k+1`` of the design with a constant
    (columns scaled to unit length, not centred, as SPSS does) the ``eigenvalue`` and
    ``condition_index`` = sqrt(largest eigenvalue / eigenvalue); and the item ``model`` with
    the ``condition_number`` (the largest index).

    Parameters
    ----------
    df : pandas.DataFrame
        The data, one column per regressor.
    xs : sequence of str
        The regressors of the model.

    Returns
    -------
    pandas.DataFrame
        A long table ``item, measure, value`` (see above).

    Examples
    --------
    >>> df = pd.DataFrame({"a": [1.0, 2, 3, 4, 5], "b": [2.0, 1, 4, 3, 5]})
    >>> c = collinearity(df, ["a", "b"])
    >>> round(float(c.query("item == 'a' and measure == 'vif'")["value"].item()), 4)
    2.7778
    """
    where = "collinearity"
    xs = list(xs)
    data = _numeric_frame(df, xs, where)
    if len(data) < len(xs) + 2:
        fail(where, "df", f"has {len(data)} observations",
             f"at least {len(xs) + 2} are needed for {len(xs)} regressor(s)")
    for c in xs:
        check_varies(data[c], where, c)
    rows = []
    for c, tol in _tolerances(data, xs).items():
        rows += [(c, "tolerance", tol), (c, "vif", 1.0 / tol if tol > 0 else np.inf)]
    X = np.column_stack([np.ones(len(data)), data.to_numpy()])
    X = X / np.linalg.norm(X, axis=0)
    eig = np.sort(np.linalg.eigvalsh(X.T @ X))[::-1]
    eig = np.clip(eig, 0.0, None)
    index = np.sqrt(eig[0] / np.where(eig > 0, eig, np.nan))
    for i, (e, ci) in enumerate(zip(eig, index, strict=True), start=1):
        rows += [(f"dimension {i}", "eigenvalue", float(e)),
                 (f"dimension {i}", "condition_index", float(ci))]
    rows.append(("model", "condition_number", float(np.nanmax(index))))
    return pd.DataFrame(rows, columns=["item", "measure", "value"])


# ----------------------------------------------------------------------------- diagnostics
def residual_diagnostics(
    residuals: pd.Series | np.ndarray | Sequence[float],
    exog: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Tests on regression residuals: Shapiro-Wilk, Jarque-Bera, Durbin-Watson, Breusch-Pagan.

    Returns ``test, statistic, p, df, null`` (one row per test). Shapiro-Wilk uses
    ``pingouin.normality``; Jarque-Bera, Durbin-Watson and Breusch-Pagan come from
    statsmodels. Breusch-Pagan (the LM form, regressing squared residuals on ``exog`` with a
    constant) needs the regressors ``exog`` and is left out without them. Durbin-Watson has
    no p-value here (its bounds depend on the design): about 2 means no first-order
    autocorrelation.

    Parameters
    ----------
    residuals : array-like
        The residuals of a fitted model, in time order.
    exog : pandas.DataFrame, optional
        The regressors (for Breusch-Pagan; the test is left out without them).

    Returns
    -------
    pandas.DataFrame
        ``test, statistic, p, df, null``, one row per test.

    Examples
    --------
    >>> r = [0.5, -1.0, 0.2, 0.9, -0.4, -0.3, 0.8, -0.7]
    >>> residual_diagnostics(r)["test"].tolist()
    ['shapiro_wilk', 'jarque_bera', 'durbin_watson']
    """
    where = "residual_diagnostics"
    e = residuals if isinstance(residuals, pd.Series) else pd.Series(list(residuals))
    e = _numeric_frame(e.to_frame("residual"), ["residual"], where)["residual"]
    if len(e) < 3:
        fail(where, "residuals", f"has {len(e)} observations", "at least 3 are needed")
    check_varies(e, where, "residuals")
    import pingouin as pg
    from statsmodels.stats.stattools import durbin_watson, jarque_bera

    sw = pg.normality(e.to_numpy(), method="shapiro")
    jb, jb_p, _, _ = jarque_bera(e.to_numpy())
    rows = [
        {"test": "shapiro_wilk", "statistic": float(sw["W"].iloc[0]),
         "p": float(sw["pval"].iloc[0]), "df": np.nan, "null": "residuals are normal"},
        {"test": "jarque_bera", "statistic": float(jb), "p": float(jb_p), "df": 2.0,
         "null": "residuals are normal"},
        {"test": "durbin_watson", "statistic": float(durbin_watson(e.to_numpy())), "p": np.nan,
         "df": np.nan, "null": "no first-order autocorrelation (about 2)"},
    ]
    if exog is not None:
        import statsmodels.api as sm
        from statsmodels.stats.diagnostic import het_breuschpagan

        X = _numeric_frame(exog, list(exog.columns), where)
        if len(X) != len(e):
            fail(where, "exog", f"has {len(X)} rows", f"expected {len(e)}, one per residual")
        lm, lm_p, _, _ = het_breuschpagan(e.to_numpy(), sm.add_constant(X.to_numpy()))
        rows.append({"test": "breusch_pagan", "statistic": float(lm), "p": float(lm_p),
                     "df": float(X.shape[1]), "null": "residual variance is constant"})
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- forecasts
def forecast_y(model: OLSTables, future_X: pd.DataFrame, alpha: float = 0.05) -> pd.DataFrame:
    """Forecast the response of a fitted :func:`ols` model at new regressor values.

    Returns, per row of ``future_X`` (its index kept), ``forecast``, ``se_mean``, the
    confidence interval of the mean (``mean_lower``, ``mean_upper``) and the prediction
    interval for a new observation (``obs_lower``, ``obs_upper``) at level ``1 - alpha``,
    from statsmodels ``get_prediction``. This is the uncertainty of the regression alone; the
    uncertainty of forecast regressors comes on top.

    Parameters
    ----------
    model : OLSTables
        A model fitted by :func:`ols`.
    future_X : pandas.DataFrame
        The regressors' values to forecast at, one row per case.
    alpha : float
        1 − level of the intervals (0.05 gives 95 %).

    Returns
    -------
    pandas.DataFrame
        Per row of ``future_X``: ``forecast``, ``se_mean``, ``mean_lower``, ``mean_upper``,
        ``obs_lower`` and ``obs_upper``.

    Examples
    --------
    >>> df = pd.DataFrame({"x": [1.0, 2, 3, 4, 5], "y": [2.0, 4.1, 5.9, 8.2, 9.8]})
    >>> f = forecast_y(ols(df, "y", ["x"]), pd.DataFrame({"x": [6.0]}))
    >>> round(float(f["forecast"].iloc[0]), 2)
    11.9
    """
    where = "forecast_y"
    if not isinstance(model, OLSTables):
        fail(where, "model", f"is a {type(model).__name__}", "expected the result of ols()")
    alpha = check_probability(alpha, where)
    X = _numeric_frame(future_X, list(model.xs), where)
    import statsmodels.api as sm

    exog = sm.add_constant(X, has_constant="add")
    sf = model.results.get_prediction(exog).summary_frame(alpha=alpha)
    return pd.DataFrame({
        "forecast": sf["mean"].to_numpy(), "se_mean": sf["mean_se"].to_numpy(),
        "mean_lower": sf["mean_ci_lower"].to_numpy(), "mean_upper": sf["mean_ci_upper"].to_numpy(),
        "obs_lower": sf["obs_ci_lower"].to_numpy(), "obs_upper": sf["obs_ci_upper"].to_numpy(),
    }, index=X.index)


def apply_equation(
    X: pd.DataFrame, coefficients: Mapping[str, float], intercept: float = 0.0
) -> pd.Series:
    """Evaluate a printed linear equation ``intercept + sum(b * x)`` row by row.

    Parameters
    ----------
    X : pandas.DataFrame
        The regressors, one column per name of ``coefficients``.
    coefficients : mapping of str to float
        The printed coefficient of each regressor.
    intercept : float
        The printed constant.

    Returns
    -------
    pandas.Series
        ``intercept + sum(b * x)`` for each row of ``X`` (its index kept).

    Examples
    --------
    >>> apply_equation(pd.DataFrame({"a": [1.0, 2.0]}), {"a": 3.0}, intercept=1.0).tolist()
    [4.0, 7.0]
    """
    data = _numeric_frame(X, list(coefficients), "apply_equation")
    out = pd.Series(float(intercept), index=data.index)
    for name, b in coefficients.items():
        out = out + float(b) * data[name]
    return out


def scenarios(
    base: pd.DataFrame,
    multipliers: Mapping[str, float | Mapping[str, float]],
    model: OLSTables | None = None,
    anchor: Mapping[str, float] | pd.Series | None = None,
) -> pd.DataFrame:
    """Scale baseline regressor paths per scenario and, given a model, forecast the response.

    ``multipliers`` maps a scenario name to one factor for every column, or to a mapping
    column -> factor (columns not named keep factor 1). Without ``anchor`` the factor scales
    the level (``f * base``); with ``anchor`` (the last observed value of each column) it
    scales the change from it (``anchor + f * (base - anchor)``: 0.9 means the regressors
    grow 10 % less than their baseline path). Returns one row per scenario and row
    of ``base`` with the columns ``scenario``, the index of ``base`` (as column ``index``),
    the scaled regressors and, with ``model``, ``forecast``.

    Parameters
    ----------
    base : pandas.DataFrame
        The baseline regressor paths, one row per year.
    multipliers : mapping
        Scenario name -> one factor, or a mapping column -> factor.
    model : OLSTables, optional
        A model fitted by :func:`ols`; with it the response is forecast.
    anchor : mapping or pandas.Series, optional
        The last observed value of each column: the factor then scales the change from it.

    Returns
    -------
    pandas.DataFrame
        One row per scenario and row of ``base``: ``scenario``, ``index``, the scaled
        regressors and, with ``model``, ``forecast``.

    Examples
    --------
    >>> scenarios(pd.DataFrame({"x": [3.0]}), {"half": 0.5}, anchor={"x": 1.0})["x"].item()
    2.0

    >>> base = pd.DataFrame({"x": [1.0, 2.0]}, index=[2025, 2026])
    >>> s = scenarios(base, {"low": 0.5, "high": {"x": 2.0}})
    >>> s[["scenario", "index", "x"]].to_dict("records")[1:3]
    [{'scenario': 'low', 'index': 2026, 'x': 1.0}, {'scenario': 'high', 'index': 2025, 'x': 2.0}]
    """
    where = "scenarios"
    data = _numeric_frame(base, list(base.columns), where)
    if not multipliers:
        fail(where, "multipliers", "is empty", "expected a name -> multiplier mapping")
    frames = []
    for name, m in multipliers.items():
        factors = dict.fromkeys(data.columns, float(m)) if not isinstance(m, Mapping) else dict(m)
        unknown = [c for c in factors if c not in data.columns]
        if unknown:
            fail(where, "multipliers", f"scenario {name!r} scales {unknown[0]!r}",
                 f"that is not a column of base; expected one of {list(data.columns)}")
        scaled = data.copy()
        for c, f in factors.items():
            if anchor is None:
                scaled[c] = scaled[c] * float(f)
            else:
                if c not in anchor:
                    fail(where, "anchor", f"has no value for column {c!r}",
                         "expected one per column")
                a = float(anchor[c])
                scaled[c] = a + float(f) * (scaled[c] - a)
        if model is not None:
            scaled["forecast"] = forecast_y(model, scaled)["forecast"]
        scaled.insert(0, "index", scaled.index)
        scaled.insert(0, "scenario", name)
        frames.append(scaled.reset_index(drop=True))
    return pd.concat(frames, ignore_index=True)


def trend_regression_forecaster(
    data: pd.DataFrame,
    y: str,
    xs: Sequence[str],
    forms: Mapping[str, str] | None = None,
    exclude: Sequence[Any] = (),
) -> Callable[[pd.Series, int], np.ndarray]:
    """A forecaster for :func:`evaluate`: refit the regression, project its regressors by trends.

    For a training series (indexed by the rows of ``data``) the returned function fits ``y``
    on ``xs`` over those rows (leaving out the rows in ``exclude``), projects each regressor
    ``h`` steps ahead with :func:`digecon.methods.trend.trend_forecast` in its form
    (``forms[x]``, default ``linear``) fitted on the same rows, and forecasts ``y`` from the
    projected regressors: the honest way to test a regression that will be used with
    forecast regressors.

    Parameters
    ----------
    data : pandas.DataFrame
        The response and the regressors, one row per year.
    y : str
        The response column.
    xs : sequence of str
        The regressors.
    forms : mapping of str to str, optional
        The trend form of each regressor (``linear`` when not given).
    exclude : sequence
        Rows (years) left out of every fit.

    Returns
    -------
    callable
        ``f(train, h)``: the ``h`` forecasts of ``y`` after the training series ``train``.

    Examples
    --------
    >>> df = pd.DataFrame({"x": [1.0, 2, 3, 4, 5, 6], "y": [2.0, 4.1, 5.9, 8.2, 9.8, 12.1]})
    >>> f = trend_regression_forecaster(df, "y", ["x"])
    >>> f(df["y"].iloc[:5], 1).round(2).tolist()
    [11.91]
    """
    where = "trend_regression_forecaster"
    xs = list(xs)
    forms = dict(forms or {})
    unknown = [v for v in forms if v not in xs]
    if unknown:
        fail(where, "forms", f"gives a trend form for {unknown[0]!r}",
             f"that is not one of the regressors {xs}")
    frame = _numeric_frame(data, [y, *xs], where)

    def forecast(train: pd.Series, h: int) -> np.ndarray:
        rows = frame.loc[train.index]
        fit_rows = rows.drop(index=[r for r in exclude if r in rows.index])
        model = ols(fit_rows, y, xs)
        future = {
            x: trend_forecast(rows[x], forms.get(x, "linear"), horizon=h)["forecast"].to_numpy()
            for x in xs
        }
        return forecast_y(model, pd.DataFrame(future))["forecast"].to_numpy()

    return forecast


# ----------------------------------------------------------------------------- evaluation
Forecaster = Callable[[pd.Series, int], Sequence[float]]


def _naive(train: pd.Series, h: int) -> np.ndarray:
    return np.repeat(float(train.iloc[-1]), h)


def _drift(train: pd.Series, h: int) -> np.ndarray:
    return _drift_path(train.to_numpy(dtype=float), np.arange(1, h + 1, dtype=float), 0.05)[0]


def _linear_trend(train: pd.Series, h: int) -> np.ndarray:
    t = np.arange(1, len(train) + 1, dtype=float)
    b, a = np.polyfit(t, train.to_numpy(dtype=float), 1)
    return a + b * np.arange(len(train) + 1, len(train) + h + 1)


BENCHMARKS: dict[str, Forecaster] = {"naive": _naive, "drift": _drift,
                                     "linear_trend": _linear_trend}


class Evaluation(NamedTuple):
    """Out-of-sample errors (one row per method, scheme, origin, horizon) and their summary."""

    errors: pd.DataFrame
    summary: pd.DataFrame


def evaluate(
    y: pd.Series,
    k: int = 3,
    min_train: int = 5,
    forecasters: Mapping[str, Forecaster] | None = None,
) -> Evaluation:
    """Out-of-sample accuracy: hold out the last ``k`` values, and a rolling origin.

    *holdout*: train on all but the last ``k`` values and forecast horizons 1..k. *rolling*:
    for every origin from ``min_train`` to ``n - 1`` train on the first ``origin`` values and
    forecast up to ``k`` steps (as far as data remain). Methods: the benchmarks ``naive``
    (last value), ``drift`` (last value plus the average change) and ``linear_trend`` (OLS
    on time), plus any ``forecasters`` (``f(train, h) -> h forecasts``). ``errors`` has
    ``method, scheme, origin, horizon, actual, forecast, error`` (actual - forecast);
    ``summary`` has ``method, scheme, n, mae, rmse, mape`` (mape in percent).

    Parameters
    ----------
    y : pandas.Series
        The series to forecast, in time order.
    k : int
        The number of values held out, and the longest horizon.
    min_train : int
        The first origin of the rolling scheme (the shortest training sample).
    forecasters : mapping of str to callable, optional
        More methods to compare, ``f(train, h) -> h forecasts``.

    Returns
    -------
    Evaluation
        ``errors`` (one row per forecast) and ``summary`` (one row per method and scheme).

    Examples
    --------
    >>> y = pd.Series([1.0, 2, 3, 4, 5, 6, 7, 8], index=range(2000, 2008))
    >>> s = evaluate(y, k=2).summary
    >>> s.query("scheme == 'holdout'").set_index("method")["mae"].round(2).to_dict()
    {'drift': 0.0, 'linear_trend': 0.0, 'naive': 1.5}
    """
    where = "evaluate"
    k = check_count(k, where, "k")
    min_train = check_count(min_train, where, "min_train", minimum=2)
    if not isinstance(y, pd.Series):
        fail(where, "y", f"is a {type(y).__name__}", "expected a pandas Series")
    s = _numeric_frame(y.to_frame("value"), ["value"], where)["value"]
    n = len(s)
    if n < max(min_train, 2) + k:
        fail(where, "y", f"has {n} observations, too few to hold out {k}",
             f"at least {max(min_train, 2) + k} are needed ({max(min_train, 2)} for training)")
    methods = dict(BENCHMARKS)
    methods.update(forecasters or {})
    rows = []
    origins = [("holdout", n - k)] + [("rolling", o) for o in range(min_train, n)]
    for scheme, origin in origins:
        h = min(k, n - origin)
        train, test = s.iloc[:origin], s.iloc[origin:origin + h]
        for name, f in methods.items():
            fc = np.asarray(f(train, h), dtype=float)
            if fc.shape != (h,):
                fail(where, "forecasters", f"{name!r} returned {fc.shape} values for horizon {h}",
                     f"expected {h}")
            for i in range(h):
                rows.append({"method": name, "scheme": scheme, "origin": s.index[origin - 1],
                             "horizon": i + 1, "actual": float(test.iloc[i]),
                             "forecast": float(fc[i]), "error": float(test.iloc[i] - fc[i])})
    errors = pd.DataFrame(rows)
    pct = 100 * errors["error"].abs() / errors["actual"].abs().replace(0, np.nan)
    summary = (errors.assign(abs_error=errors["error"].abs(), sq=errors["error"] ** 2, pct=pct)
               .groupby(["method", "scheme"], sort=True)
               .agg(n=("error", "size"), mae=("abs_error", "mean"), rmse=("sq", "mean"),
                    mape=("pct", "mean"))
               .reset_index())
    summary["rmse"] = np.sqrt(summary["rmse"])
    return Evaluation(errors, summary)
