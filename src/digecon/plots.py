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

import textwrap
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


def wrap(text: str, width: int = 34, *, break_long_words: bool = True) -> str:
    r"""Break a label into lines of at most ``width`` characters (for axis labels and titles).

    A word longer than ``width`` is split unless ``break_long_words`` is false (then it gets a
    line of its own). A text with no words comes back unchanged.

    >>> wrap("Growth rate of economic efficiency, %", 20)
    'Growth rate of\neconomic efficiency,\n%'
    >>> wrap("digital transformation", 10, break_long_words=False)
    'digital\ntransformation'
    >>> wrap("digital transformation", 10)
    'digital tr\nansformati\non'
    """
    return "\n".join(textwrap.wrap(text, width, break_long_words=break_long_words)) or text


def legend_below(
    fig: plt.Figure, ax: plt.Axes, *, ncol: int, bottom: float, fontsize: str = "small"
) -> None:
    """One legend for the whole figure, centred below the panels, with the entries of ``ax``.

    The panels are laid out (``tight_layout``) in the figure above the lowest ``bottom``
    fraction of its height, which the legend takes. Give ``ax`` the panel that holds every
    entry, so that panels drawing the same series do not repeat them in the legend.

    >>> fig, axes = plt.subplots(1, 2)
    >>> for ax in axes:
    ...     _ = ax.plot([0, 1], [0, 1], label="a")
    >>> legend_below(fig, axes[0], ncol=3, bottom=0.1)
    >>> [text.get_text() for text in fig.legends[0].get_texts()]
    ['a']
    >>> plt.close(fig)
    """
    handles, labels = ax.get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=ncol, fontsize=fontsize)
    fig.tight_layout(rect=(0, bottom, 1, 1))


def figures(draw: Callable[[str], plt.Figure]) -> dict[str, plt.Figure]:
    """Call ``draw(lang)`` for each language: ``{lang: figure}``."""
    return {lang: draw(lang) for lang in LANGS}


def _glue(name: str, value: object) -> None:
    """Glue ``value`` for the book (myst-nb) without showing it; nothing without myst-nb.

    In a kernel without the book's build tools (Colab, a student's Python) the glued values
    have no reader, so there is nothing to do.
    """
    try:
        from myst_nb import glue
    except ImportError:
        return
    glue(name, value, display=False)


def glue_figures(name: str, draw: Callable[[str], plt.Figure], lang: str) -> None:
    """Draw a figure in every language, glue each as ``<name>_<lang>``, show the ``lang`` one."""
    from IPython.display import display

    check_lang(lang)
    figs = figures(draw)
    for code, fig in figs.items():
        _glue(f"{name}_{code}", fig)
    display(figs[lang])
    for fig in figs.values():
        plt.close(fig)


def glue_tables(
    name: str, make: Callable[[str], pd.DataFrame | pd.io.formats.style.Styler], lang: str
) -> None:
    """Build a table in every language, glue each as ``<name>_<lang>``, show the ``lang`` one."""
    from IPython.display import display

    check_lang(lang)
    tables = {code: make(code) for code in LANGS}
    for code, table in tables.items():
        _glue(f"{name}_{code}", table)
    display(tables[lang])


def glue_numbers(values: dict[str, object]) -> None:
    """Glue named numbers (and strings) for the narrative, without displaying them."""
    import numpy as np

    for key, value in values.items():
        if isinstance(value, np.generic):  # numpy 2 reprs "np.float64(0.9)": glue plain numbers
            value = value.item()
        _glue(key, value)
