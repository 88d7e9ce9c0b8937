"""Every figure of the book, in every language, is readable on a phone.

The chapters' code cells run here without a kernel, with ``plots.glue_figures`` replaced by a
recorder: each chart is drawn in kk, ru and en as the book draws it (``plots.draw_in``) and
measured: its size and its smallest text in CSS px as the book shows it (one px per point; on a
390 px phone a figure wider than the 358 px column keeps that width and scrolls sideways, see
``book/_static/digecon.css``), and, in kk and ru, any number written the English way (``0.25``
where a Kazakh or Russian reader writes ``0,25``) in its tick labels and texts.
"""

from __future__ import annotations

import builtins
import contextlib
import io
import json
import re
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

from digecon import plots
from digecon_book import build
from tests.conftest import ROOT

#: smallest text allowed on a phone, in CSS px
MIN_FONT_PX = 11.0
#: the largest figure: at most about 1.8 phone screens wide, within a 700 px desktop column
MAX_WIDTH_IN = 9.0
MAX_HEIGHT_IN = 7.0
#: a number with a decimal point, except in the name "Industry 4.0" (as the HTML test allows)
ENGLISH_DECIMAL = re.compile(r"(?<!Industry )(?<!Индустрия )\d\.\d")


def english_numbers(fig) -> list[str]:
    """The texts of a drawn figure, tick labels included, holding a number with a decimal
    point (mathematics left out)."""
    from matplotlib.text import Text

    texts = [t.get_text() for t in fig.findobj(Text) if t.get_visible()]
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            texts += [t.get_text() for t in axis.get_majorticklabels()]
            texts.append(axis.get_offset_text().get_text())
    return sorted({t for t in texts if ENGLISH_DECIMAL.search(t) and "$" not in t})


def _chart_metrics() -> list[dict]:
    """Run every chapter's code with a recording ``glue_figures``; one row per figure."""
    rows: list[dict] = []

    def record(name, draw, lang):
        for code in plots.LANGS:
            fig = plots.draw_in(draw, code)
            width, height = fig.get_size_inches()
            rows.append({"name": name, "lang": code, "width_in": float(width),
                         "height_in": float(height), "min_px": plots.min_font_px(fig),
                         "english": english_numbers(fig) if code != "en" else []})
            plt.close(fig)

    saved = plots.glue_figures, plots.glue_tables, plots.glue_numbers
    plots.glue_figures = record
    plots.glue_tables = lambda *args, **kwargs: None
    plots.glue_numbers = lambda *args, **kwargs: None
    try:
        for nb_path in build.toc_notebooks(ROOT):
            nb = json.loads(nb_path.read_text(encoding="utf-8"))
            namespace: dict = {"__name__": "__chapter__", "display": lambda *a, **k: None}
            with contextlib.chdir(nb_path.parent), contextlib.redirect_stdout(io.StringIO()):
                for cell in nb["cells"]:
                    if cell["cell_type"] != "code":
                        continue
                    source = "".join(cell["source"])
                    if "find_spec(\"digecon\")" in source:  # the Colab set-up cell
                        continue
                    exec(compile(source, f"{nb_path.name}", "exec"), namespace)
            plt.close("all")
    finally:
        plots.glue_figures, plots.glue_tables, plots.glue_numbers = saved
    return rows


def chart_problems(charts: list[dict]) -> list[str]:
    """What is wrong with the measured charts: a language missing, text too small on a phone,
    a figure too large or, in kk or ru, numbers written the English way."""
    problems = []
    names = {r["name"] for r in charts}
    if len(names) < 40:
        problems.append(f"only {len(names)} glued charts found, expected at least 40")
    for name in sorted(names):
        langs = sorted(r["lang"] for r in charts if r["name"] == name)
        if langs != ["en", "kk", "ru"]:
            problems.append(f"{name}: drawn in {langs}, not in kk, ru and en")
    problems += [f"{r['name']}_{r['lang']}: text of {r['min_px']:.1f} CSS px on a phone, "
                 f"below {MIN_FONT_PX}" for r in charts
                 if r["min_px"] < MIN_FONT_PX]
    problems += [f"{r['name']}_{r['lang']}: {r['width_in']:.1f} x {r['height_in']:.1f} in, "
                 f"larger than {MAX_WIDTH_IN} x {MAX_HEIGHT_IN} in" for r in charts
                 if r["width_in"] > MAX_WIDTH_IN or r["height_in"] > MAX_HEIGHT_IN]
    problems += [f"{r['name']}_{r['lang']}: numbers written the English way: "
                 f"{r['english'][:5]}" for r in charts if r.get("english")]
    return problems


def test_every_chart_in_every_language_is_drawn_readable_and_fits_the_page():
    """One test, so the chapters run and the charts are drawn once per test run (pytest-xdist
    may send the tests of a module to different workers, each with its own fixture)."""
    problems = chart_problems(_chart_metrics())
    assert not problems, "\n".join(problems)


def test_chart_problems_names_each_kind_of_problem():
    good = [{"name": f"c{i}", "lang": lang, "width_in": 6.0, "height_in": 4.0, "min_px": 12.0}
            for i in range(40) for lang in ("kk", "ru", "en")]
    assert chart_problems(good) == []
    bad = [dict(r) for r in good if not (r["name"] == "c1" and r["lang"] == "en")]
    bad[0]["min_px"] = 9.0
    bad[3]["width_in"] = 12.0
    bad[4]["english"] = ["0.25", "0.50"]
    found = chart_problems(bad)
    assert any(p.startswith("c1: drawn in ['kk', 'ru']") for p in found), found
    assert any(p.startswith("c0_kk: text of 9.0 CSS px") for p in found), found
    assert any(p.startswith("c1_kk: 12.0 x 4.0 in") for p in found), found
    assert any(p.startswith("c1_ru: numbers written the English way: ['0.25'") for p in found)
    assert len(found) == 4, found


def test_a_figure_drawn_in_kazakh_or_russian_writes_its_numbers_with_a_decimal_comma():
    def draw(lang):
        fig, ax = plt.subplots(figsize=(4, 3))
        bars = ax.bar(["a", "b"], [0.25, 12.5])
        ax.bar_label(bars, fmt="%.2f")
        ax.set_title("Индустрия 4.0")
        return fig

    for lang in ("kk", "ru"):
        fig = plots.draw_in(draw, lang)
        assert english_numbers(fig) == [], lang  # the title's "4.0" is a name
        labels = [t.get_text() for t in fig.axes[0].texts]
        assert labels == ["0,25", "12,50"], labels
        plt.close(fig)
    fig = plots.draw_in(draw, "en")
    assert {"0.25", "12.50"} <= set(english_numbers(fig))  # English figures stay as drawn
    plt.close(fig)


if __name__ == "__main__":  # print the measurements: python tests/test_figures.py
    sys.path.insert(0, str(ROOT))
    for row in sorted(_chart_metrics(), key=lambda r: r["min_px"]):
        builtins.print(f"{row['min_px']:5.1f} px  {row['width_in']:.1f}x{row['height_in']:.1f}"
                       f"  {row['name']}_{row['lang']}")
