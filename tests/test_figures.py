"""Every figure of the book, in every language, is readable on a phone.

The chapters' code cells run here without a kernel, with ``plots.glue_figures`` replaced by a
recorder: each chart is drawn in kk, ru and en and measured: its size and its smallest text in
CSS px as the book shows it (one px per point; on a 390 px phone a figure wider than the
358 px column keeps that width and scrolls sideways, see ``book/_static/digecon.css``).
"""

from __future__ import annotations

import builtins
import contextlib
import io
import json
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from digecon import plots
from digecon_book import build
from tests.conftest import ROOT

#: smallest text allowed on a phone, in CSS px
MIN_FONT_PX = 11.0
#: the largest figure: at most about 1.8 phone screens wide, within a 700 px desktop column
MAX_WIDTH_IN = 9.0
MAX_HEIGHT_IN = 7.0


def _chart_metrics() -> list[dict]:
    """Run every chapter's code with a recording ``glue_figures``; one row per figure."""
    rows: list[dict] = []

    def record(name, draw, lang):
        for code in plots.LANGS:
            fig = draw(code)
            width, height = fig.get_size_inches()
            rows.append({"name": name, "lang": code, "width_in": float(width),
                         "height_in": float(height), "min_px": plots.min_font_px(fig)})
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


@pytest.fixture(scope="module")
def charts() -> list[dict]:
    return _chart_metrics()


def test_every_glued_chart_is_drawn_in_three_languages(charts):
    names = {r["name"] for r in charts}
    assert len(names) >= 40
    for name in names:
        assert sorted(r["lang"] for r in charts if r["name"] == name) == ["en", "kk", "ru"], name


def test_text_is_readable_at_phone_width(charts):
    small = [f"{r['name']}_{r['lang']}: {r['min_px']:.1f} px" for r in charts
             if r["min_px"] < MIN_FONT_PX]
    assert not small, f"text below {MIN_FONT_PX} CSS px on a phone:\n" + "\n".join(small)


def test_figure_sizes_fit_the_page(charts):
    wrong = [f"{r['name']}_{r['lang']}: {r['width_in']:.1f} x {r['height_in']:.1f} in"
             for r in charts if r["width_in"] > MAX_WIDTH_IN or r["height_in"] > MAX_HEIGHT_IN]
    assert not wrong, "\n".join(wrong)


if __name__ == "__main__":  # print the measurements: python tests/test_figures.py
    sys.path.insert(0, str(ROOT))
    for row in sorted(_chart_metrics(), key=lambda r: r["min_px"]):
        builtins.print(f"{row['min_px']:5.1f} px  {row['width_in']:.1f}x{row['height_in']:.1f}"
                       f"  {row['name']}_{row['lang']}")
