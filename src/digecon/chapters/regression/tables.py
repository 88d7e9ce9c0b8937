"""The regression chapter's tables: the analysis shown with headers in the reader's language.
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
from pandas.io.formats.style import Styler

from digecon import data, i18n
from digecon.chapters.regression.analysis import FINAL_XS, METHOD_LABEL, SCHEME_LABEL, scenario_name
from digecon.methods import regression as rg

TEST_LABEL = {"shapiro_wilk": "shapiro_wilk", "jarque_bera": "jarque_bera",
              "durbin_watson": "durbin_watson_test", "breusch_pagan": "breusch_pagan"}


NULL_LABEL = {"shapiro_wilk": "null_normal", "jarque_bera": "null_normal",
              "durbin_watson": "null_no_autocorrelation", "breusch_pagan": "null_homoscedastic"}


def variables_table(lang: str) -> pd.DataFrame:
    """The variables: symbol, name and unit in ``lang``, and the Appendix V header as printed."""
    v = data.load("regression-variables")
    out = pd.DataFrame({
        "variable_code": v["symbol"],
        "name_in_text": v[f"name_{lang}"],
        "unit": v[f"unit_{lang}"],
        # the header as printed in Kazakh, marked as Kazakh on a page in another language
        "appendix_header": [h if lang == "kk" or not isinstance(h, str)
                            else f'<span lang="kk">{html.escape(h)}</span>'
                            for h in v["appendix_header_kk"]],
    })
    return i18n.translate_frame(out, lang)


# ----------------------------------------------------------------------------- tables
def _fmt(value: object) -> str:
    """A display number: thousands separated, integers without decimals, NaN as a dash.

    >>> _fmt(189882.725), _fmt(21.0), _fmt(float("nan")), _fmt("X4")
    ('189,882.725', '21', '–', 'X4')
    """
    if isinstance(value, float | np.floating):
        if np.isnan(value):
            return "–"
        if float(value).is_integer():
            return f"{float(value):,.0f}"
        return f"{float(value):,}"
    if isinstance(value, int | np.integer) and not isinstance(value, bool):
        return f"{int(value)}" if 1900 <= int(value) <= 2100 else f"{int(value):,}"
    return str(value)


def show(frame: pd.DataFrame) -> Styler:
    """A table for display: no index, numbers formatted by :func:`_fmt`, a compact font."""
    return (frame.style.hide(axis="index").format(_fmt)
            .set_table_styles([{"selector": "td, th",
                                "props": [("font-size", "0.85em"), ("padding", "0.2em 0.5em")]}],
                              overwrite=False))


def steps_table(steps: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The stepwise history for display: step, action, variable, F, p, R², adj. R², model."""
    out = steps.copy()
    out["action"] = [i18n.t(f"action_{a}", lang) for a in out["action"]]
    out["variable"] = out["variable"].str.upper()
    out["model"] = out["model"].str.upper()
    out = out.drop(columns="adj_r_squared").round({"f": 2, "p": 4, "r_squared": 3})
    return i18n.translate_frame(out, lang, columns={
        "variable": "variable_code", "f": "f_to_enter", "p": "significance_p",
        "r_squared": "r_squared_short", "model": "predictors"})


def coefficients_table(model: rg.OLSTables, lang: str) -> pd.DataFrame:
    """The final model's coefficients with t, p, beta, zero-order r, tolerance and VIF."""
    c = model.coefficients
    out = pd.DataFrame({
        "term": [i18n.t("constant", lang) if t == "const" else t.upper() for t in c["term"]],
        "b": c["b"].round(3), "se": c["se"].round(3), "beta": c["beta"].round(3),
        "t": c["t"].round(3), "p": c["p"].round(4), "zero_order": c["zero_order"].round(3),
        "tolerance": c["tolerance"].round(3), "vif": c["vif"].round(2),
    })
    return i18n.translate_frame(out, lang, columns={
        "term": "variable_code", "b": "coefficient_b", "se": "std_error_b",
        "beta": "beta_standardized", "t": "t_statistic", "p": "significance_p",
        "zero_order": "zero_order_correlation", "vif": "vif_short"})


def diagnostics_table(diag: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Residual tests for display: test, statistic, p, null hypothesis."""
    out = pd.DataFrame({
        "test_name": [i18n.t(TEST_LABEL[t], lang) for t in diag["test"]],
        "statistic": diag["statistic"].round(3),
        "p": diag["p"].round(3),
        "null_hypothesis": [i18n.t(NULL_LABEL[t], lang) for t in diag["test"]],
    })
    return i18n.translate_frame(out, lang, columns={"p": "significance_p"})


def fit_comparison_table(fits: pd.DataFrame, lang: str) -> pd.DataFrame:
    """:func:`fit_comparison` for display."""
    out = fits.assign(specification=[i18n.t(s, lang) for s in fits["specification"]],
                      r_squared=fits["r_squared"].round(3))
    return i18n.translate_frame(out, lang, columns={"n": "observations",
                                                   "r_squared": "r_squared_short"})


def evaluation_table(summary: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Out-of-sample accuracy for display: scheme, method, n, MAE, RMSE, MAPE."""
    out = summary.sort_values(["scheme", "mape"]).copy()
    out["scheme"] = [i18n.t(SCHEME_LABEL[s], lang) for s in out["scheme"]]
    out["method"] = [i18n.t(METHOD_LABEL[m], lang) for m in out["method"]]
    out = out.round({"mae": 0, "rmse": 0, "mape": 1})
    return i18n.translate_frame(out[["scheme", "method", "n", "mae", "rmse", "mape"]], lang,
                                columns={"scheme": "evaluation_scheme", "n": "n_forecasts",
                                         "mae": "mae_tenge", "rmse": "rmse_tenge",
                                         "mape": "mape_pct"})


def interval_table(ic: pd.DataFrame, lang: str) -> pd.DataFrame:
    """:func:`interval_check` for display (without the ratio)."""
    out = ic[["variable", "printed_margin", "proper_margin"]].round(3)
    return i18n.translate_frame(out, lang, columns={"variable": "variable_code"})


def trend_check_table(tc: pd.DataFrame, lang: str) -> pd.DataFrame:
    """:func:`trend_check` for display (only the printed first year, with 2021 observed)."""
    out = tc[tc["printed_year"] == tc["printed_year"].min()]
    return i18n.translate_frame(out, lang, columns={"variable": "variable_code"})


def scenario_table(sc: pd.DataFrame, lang: str) -> pd.DataFrame:
    """:func:`scenario_forecasts` at its last year, for display (tenge, rounded)."""
    last = sc[sc["year"] == sc["year"].max()].drop(columns="year")
    last["scenario"] = [scenario_name(s, lang) for s in last["scenario"]]
    for c in FINAL_XS:
        last[c] = last[c].round(2 if c != "x5" else 0)
    for c in ["forecast", "obs_lower", "obs_upper"]:
        last[c] = last[c].round(0)
    last = last.rename(columns={c: c.upper() for c in FINAL_XS})
    return i18n.translate_frame(last, lang, columns={
        "scenario": "scenario_label", "forecast": "regression_forecast",
        "obs_lower": "prediction_lower", "obs_upper": "prediction_upper"})


def audit_rows_table(rows: pd.DataFrame, lang: str) -> Styler:
    """Audit rows for display: headers and verdicts in ``lang``, without the columns that are
    the same on every row (chapter, source, official), numbers to 4 significant digits."""
    from digecon import audit

    shown = audit.translate(rows.reset_index(drop=True), lang)
    shown = shown.drop(columns=[i18n.t(k, lang) for k in ("chapter", "source", "official")])
    fmt = {i18n.t(k, lang): (lambda v: _fmt(float(f"{v:.6g}"))) for k in ("printed", "recomputed")}
    return show(shown).format(fmt).set_table_styles(
        [{"selector": "td:last-child", "props": [("min-width", "24em")]}], overwrite=False)


def audit_summary(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Verdict counts per printed table of the source (Кесте 25 ..., Appendix V and the text)."""
    from digecon import audit

    table = rows["location"].str.extract(r"^(Кесте \d+(?: \(second\))?|Қосымша [А-Я]|text)")[0]
    table = table.str.replace(" (second)", " (2)", regex=False)
    counts = (rows.assign(table=table).groupby(["table", "verdict"]).size()
              .unstack(fill_value=0).reindex(columns=list(audit.VERDICTS), fill_value=0))
    order = sorted(counts.index, key=lambda s: (s == "text", s))
    counts = counts.loc[order].reset_index()
    counts.columns.name = None
    counts["table"] = [i18n.t("source_text", lang) if s == "text"
                       else audit.localize_location(s, lang) for s in counts["table"]]
    keys = {audit.REPRODUCES: "reproduces", audit.DIFFERS: "differs",
            audit.CANNOT: "cannot_be_recomputed"}
    counts = counts.rename(columns=keys)
    return i18n.translate_frame(counts, lang, columns={"table": "audit_source_table"})
