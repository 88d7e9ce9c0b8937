"""Figures and tables in the reader's language.

A chapter draws each figure once per language and *glues* the three versions (myst-nb
``glue``) under the names ``<name>_kk``, ``<name>_ru`` and ``<name>_en``; the narrative tab of
each language pastes its own version with ``{glue:figure}``. In Jupyter the figure for the
notebook's ``lang`` parameter is shown, so a student who changes ``lang`` sees the change.

>>> import matplotlib.pyplot as plt
>>> figs = figures(lambda lang: plt.subplots()[0])
>>> sorted(figs)
['en', 'kk', 'ru']
"""

from __future__ import annotations

from collections.abc import Callable

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd

from digecon.i18n import LANGS, check_lang

#: colours used across the book (colour-blind safe, Okabe–Ito)
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
KAZ_COLOUR = "#0072B2"


def setup() -> None:
    """The book's plotting style: light, readable, small files (slow connections)."""
    import seaborn as sns

    sns.set_theme(style="whitegrid", context="notebook", palette=PALETTE)
    mpl.rcParams.update({
        "figure.figsize": (7.0, 3.8),
        "figure.dpi": 90,
        "savefig.dpi": 90,
        "axes.titleweight": "bold",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "legend.frameon": False,
    })
    # tables are glued as HTML: show them whole (audit "why" texts, every audit row)
    pd.set_option("display.max_colwidth", 400)
    pd.set_option("display.max_rows", 1000)
    pd.set_option("display.max_columns", 30)


def figures(draw: Callable[[str], plt.Figure]) -> dict[str, plt.Figure]:
    """Call ``draw(lang)`` for each language: ``{lang: figure}``."""
    return {lang: draw(lang) for lang in LANGS}


def glue_figures(name: str, draw: Callable[[str], plt.Figure], lang: str) -> None:
    """Draw a figure in every language, glue each as ``<name>_<lang>``, show the ``lang`` one."""
    from IPython.display import display
    from myst_nb import glue

    check_lang(lang)
    figs = figures(draw)
    for code, fig in figs.items():
        glue(f"{name}_{code}", fig, display=False)
    display(figs[lang])
    for fig in figs.values():
        plt.close(fig)


def glue_tables(
    name: str, make: Callable[[str], pd.DataFrame | pd.io.formats.style.Styler], lang: str
) -> None:
    """Build a table in every language, glue each as ``<name>_<lang>``, show the ``lang`` one."""
    from IPython.display import display
    from myst_nb import glue

    check_lang(lang)
    tables = {code: make(code) for code in LANGS}
    for code, table in tables.items():
        glue(f"{name}_{code}", table, display=False)
    display(tables[lang])


def glue_numbers(values: dict[str, object]) -> None:
    """Glue named numbers (and strings) for the narrative, without displaying them."""
    import numpy as np
    from myst_nb import glue

    for key, value in values.items():
        if isinstance(value, np.generic):  # numpy 2 reprs "np.float64(0.9)": glue plain numbers
            value = value.item()
        glue(key, value, display=False)
