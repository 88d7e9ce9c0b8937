"""Figures and tables in the reader's language.

A chapter draws each figure once per language and *glues* the three versions under the names
``<name>_kk``, ``<name>_ru`` and ``<name>_en``; the narrative tab of each language pastes its
own version with ``{glue:figure}``. In Jupyter the figure for the notebook's ``lang`` parameter
is shown, so a student who changes ``lang`` sees the change.

Gluing writes the display bundle myst-nb reads (a ``display_data`` output whose metadata holds
``{"scrapbook": {"name": ..., "mime_prefix": ...}}``) with IPython alone: a kernel never imports
myst-nb (whose import pulls nbformat, jsonschema and its format checkers, seconds of CPU in every
kernel), and glue works in Colab or any Jupyter without myst-nb installed.

Each figure is rendered once per language, as SVG with its text kept as text, or as a
256-colour PNG at twice the display resolution when that is lighter; the displayed copy
reuses the rendered image.

>>> import matplotlib.pyplot as plt
>>> figs = figures(lambda lang: plt.subplots()[0])
>>> sorted(figs)
['en', 'kk', 'ru']
"""

from __future__ import annotations

import base64
import gzip
import io
import itertools
import re
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.layout_engine import PlaceHolderLayoutEngine

from digecon.i18n import LANGS, check_lang

#: colours used across the book (colour-blind safe, Okabe–Ito, with black last)
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
KAZ_COLOUR = "#0072B2"
#: line styles cycled with the palette: beyond eight lines the ninth differs by its dashes
LINESTYLES = ["-", "--", "-.", ":"]
#: markers for many-line charts (with the palette, each line differs in two ways)
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
#: the prefix myst-nb gives glued outputs that are not displayed where they are glued
GLUE_PREFIX = "application/papermill.record/"
#: CSS pixels per inch: an SVG of ``w`` inches is ``96 * w`` px wide, a point is 4/3 px
CSS_PX_PER_INCH = 96
#: width of a figure on a 390 px phone screen (the page's text column)
PHONE_WIDTH_PX = 358
#: an SVG whose gzipped size is above this is also rendered as PNG, and the lighter is kept
SVG_CHECK_BYTES = 24_000


def setup() -> None:
    """The book's plotting style: light, colour-blind safe, distinct lines beyond eight."""
    import seaborn as sns
    from cycler import cycler

    sns.set_theme(style="whitegrid", context="notebook", palette=PALETTE)
    # nine or more lines: colour and line style together keep every line distinct
    styles = [style for style in LINESTYLES for _ in PALETTE]
    colours = PALETTE * len(LINESTYLES)
    mpl.rcParams.update({
        "figure.figsize": (7.0, 3.8),
        "figure.dpi": 96,
        "savefig.dpi": 2 * CSS_PX_PER_INCH,
        "axes.titleweight": "bold",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.prop_cycle": cycler(color=colours, linestyle=styles),
        "legend.frameon": False,
        "lines.linewidth": 2.0,
        # SVG: text stays text (light, crisp, searchable), same bytes for the same figure
        # (element ids from a fixed salt; dates follow SOURCE_DATE_EPOCH, set by the build)
        "svg.fonttype": "none",
        "svg.hashsalt": "digecon",
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


_VOWELS = set("aeiouyаәеёиоөуұүыіэюя")


def _syllable_cut(word: str, width: int) -> int | None:
    """Where to break ``word``: between two syllables (V|CV, or VC|C…V in a cluster of
    consonants), as near the middle as possible and within ``width``."""
    vowels = [i for i, ch in enumerate(word) if ch.lower() in _VOWELS]
    cuts = []
    for a, b in itertools.pairwise(vowels):
        if b - a < 2:
            continue
        cut = a + 1 if b - a == 2 else a + 2
        while cut < b and word[cut].lower() in "ьъй":
            cut += 1
        cuts.append(cut)
    fitting = [c for c in cuts if c <= width]
    return min(fitting, key=lambda c: abs(c - len(word) / 2)) if fitting else None


def hyphenate(text: str, width: int) -> str:
    r"""``text`` wrapped at ``width`` characters, a word longer than that broken with a hyphen
    between two syllables near its middle (V|CV, or VC|C in a cluster of consonants), for labels
    in small boxes that must keep their font size.

    >>> hyphenate("Карагандинская", 11)
    'Караган-\nдинская'
    >>> hyphenate("Северо-Казахстанская", 11), hyphenate("г. Алматы", 11)
    ('Северо-\nКазах-\nстанская', 'г. Алматы')
    """
    words = []
    for word in text.split():
        parts = [part + "-" for part in word.split("-")]
        parts[-1] = parts[-1][:-1]
        for part in parts:
            while len(part) > width:
                cut = _syllable_cut(part, width)
                if cut is None:
                    break
                words.append(part[:cut] + "-")
                part = part[cut:]
            words.append(part)
    lines: list[str] = []
    for piece in words:  # join pieces back into lines of at most ``width``
        glue = "" if lines and lines[-1].endswith("-") else " "
        if lines and len(lines[-1]) + len(glue.strip()) + len(piece) + (glue == " ") <= width \
                and not lines[-1].endswith("-"):
            lines[-1] += glue + piece
        else:
            lines.append(piece)
    return "\n".join(lines)


#: where :func:`place_labels` tries a label around its point: offset in points, alignment
LABEL_POSITIONS = [(4, 3, "left", "bottom"), (4, -3, "left", "top"), (-4, 3, "right", "bottom"),
                   (-4, -3, "right", "top"), (0, 6, "center", "bottom"), (0, -6, "center", "top"),
                   (8, 0, "left", "center"), (-8, 0, "right", "center")]


def place_labels(ax: plt.Axes, xs: Any, ys: Any, labels: Any, *, fontsize: float = 8.5,
                 **kwargs: Any) -> list[mpl.text.Annotation]:
    """Label the points ``(xs, ys)`` of ``ax`` so that the labels do not overlap.

    Greedy: each label takes the first of :data:`LABEL_POSITIONS` around its point where it
    overlaps no label placed before, no other point and stays inside the axes; when none is
    free it takes the free-most one. Call it after the layout is final (``tight_layout``),
    since it measures the labels on the figure as drawn.

    >>> fig, ax = plt.subplots(figsize=(4, 3))
    >>> _ = ax.scatter([0, 0.01], [0, 0.01])
    >>> a, b = place_labels(ax, [0, 0.01], [0, 0.01], ["first", "second"])
    >>> r = fig.canvas.get_renderer()
    >>> bool(a.get_window_extent(r).overlaps(b.get_window_extent(r)))
    False
    >>> plt.close(fig)
    """
    import numpy as np

    renderer = ax.figure.canvas.get_renderer()
    points = ax.transData.transform(np.column_stack([np.asarray(xs, float),
                                                     np.asarray(ys, float)]))
    frame = ax.get_window_extent(renderer)
    placed: list[Any] = []
    out = []
    for i, ((x, y), label) in enumerate(zip(zip(xs, ys, strict=True), labels, strict=True)):
        best, best_cost = None, None
        for dx, dy, ha, va in LABEL_POSITIONS:
            text = ax.annotate(str(label), (x, y), xytext=(dx, dy), textcoords="offset points",
                               ha=ha, va=va, fontsize=fontsize, **kwargs)
            box = text.get_window_extent(renderer)
            cost = sum(box.overlaps(other) for other in placed) * 10
            cost += sum(box.contains(px, py) for j, (px, py) in enumerate(points) if j != i)
            cost += 0 if (frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1)) \
                else 5
            if best_cost is None or cost < best_cost:
                if best is not None:
                    best.remove()
                best, best_cost = text, cost
            else:
                text.remove()
            if cost == 0:
                break
        assert best is not None
        placed.append(best.get_window_extent(renderer))
        out.append(best)
    return out


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
    """Call ``draw(lang)`` for each language: ``{lang: figure}``, numbers in that language."""
    return {lang: draw_in(draw, lang) for lang in LANGS}


# --------------------------------------------------------------------------------------------
# numbers in the reader's language


def number_in(text: str, lang: str) -> str:
    """``text`` in ``lang``'s way of writing numbers when it is a number alone, as a tick or a
    bar label prints it (``0.25``, ``−1.5``, `` 12.9``, ``20%``); any other text, and a number
    already written in ``lang`` (with a comma), is returned as it is.

    >>> number_in("−0.25", "kk"), number_in(" 12.9", "ru"), number_in("0.25", "en")
    ('−0,25', ' 12,9', '0.25')
    >>> number_in("0,5", "ru"), number_in("Индустрия 4.0", "ru"), number_in("2005", "kk")
    ('0,5', 'Индустрия 4.0', '2005')
    """
    from digecon import fmt

    check_lang(lang)
    core = text.strip()
    if lang == "en" or not core or "," in core or "$" in core:
        return text
    plain = core.replace("\N{MINUS SIGN}", "-")
    if not re.fullmatch(r"[+-]?\d+(\.\d+)?\s*%?", plain):
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    return lead + fmt.localize_text(plain, lang) + trail


class _NumbersIn(mpl.ticker.Formatter):
    """A tick formatter that writes the labels of ``inner`` (its choice of ticks and decimals)
    as ``lang`` writes numbers."""

    def __init__(self, inner: mpl.ticker.Formatter, lang: str) -> None:
        self.inner, self.lang = inner, lang

    def set_axis(self, axis: Any) -> None:
        super().set_axis(axis)
        self.inner.set_axis(axis)

    def set_locs(self, locs: Any) -> None:
        self.inner.set_locs(locs)

    def __call__(self, x: float, pos: int | None = None) -> str:
        return number_in(self.inner(x, pos), self.lang)

    def format_ticks(self, values: Any) -> list[str]:
        return [number_in(label, self.lang) for label in self.inner.format_ticks(values)]

    def get_offset(self) -> str:
        return number_in(self.inner.get_offset(), self.lang)

    def format_data_short(self, value: float) -> str:
        return number_in(self.inner.format_data_short(value), self.lang)


def in_language(fig: plt.Figure, lang: str) -> plt.Figure:
    """Write the numbers of a drawn figure as ``lang`` writes them (:func:`number_in`): its
    tick labels, whatever chose them, and its texts that are a number alone (bar labels,
    annotations). English figures are left as drawn. Returns ``fig``.

    >>> fig, ax = plt.subplots(); _ = ax.plot([0, 1], [0, 0.5]); _ = ax.text(0, 0.4, "0.45")
    >>> fig = in_language(fig, "kk"); fig.canvas.draw()
    >>> [t.get_text() for t in ax.get_yticklabels()][1:4], ax.texts[0].get_text()
    (['0,0', '0,1', '0,2'], '0,45')
    >>> plt.close(fig)
    """
    check_lang(lang)
    if lang == "en":
        return fig
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            formatter = axis.get_major_formatter()
            if not isinstance(formatter, _NumbersIn):
                axis.set_major_formatter(_NumbersIn(formatter, lang))
    for text in fig.findobj(mpl.text.Text):
        shown = text.get_text()
        if number_in(shown, lang) != shown:
            text.set_text(number_in(shown, lang))
    return fig


def draw_in(draw: Callable[[str], plt.Figure], lang: str) -> plt.Figure:
    """``draw(lang)``, its numbers written in ``lang`` (:func:`in_language`): how every glued
    figure is drawn."""
    return in_language(draw(lang), lang)


# --------------------------------------------------------------------------------------------
# legibility


def css_width_px(fig: plt.Figure) -> int:
    """The width a figure is shown at, in CSS px: its natural SVG width, ``96 * inches``.

    A page column narrower than that on a phone does not shrink the figure: it scrolls sideways
    in its frame (``book/_static/digecon.css``), so its text keeps its size in px.

    >>> fig = plt.figure(figsize=(6.4, 4.0)); css_width_px(fig)
    614
    >>> plt.close(fig)
    """
    return round(float(fig.get_size_inches()[0]) * CSS_PX_PER_INCH)


def min_font_px(fig: plt.Figure, display_width_px: float | None = None) -> float:
    """The smallest visible text of ``fig`` in CSS px when the figure is shown
    ``display_width_px`` wide (default: :func:`css_width_px`, how the book shows it).

    >>> fig, ax = plt.subplots(figsize=(6.0, 4.0))
    >>> _ = ax.set_title("t", fontsize=12), ax.set_xticks([]), ax.set_yticks([])
    >>> min_font_px(fig), round(min_font_px(fig, PHONE_WIDTH_PX), 1)  # 432 pt shown 358 px
    (16.0, 9.9)
    >>> plt.close(fig)
    """
    width_in = float(fig.get_size_inches()[0])
    shown = css_width_px(fig) if display_width_px is None else display_width_px
    px_per_pt = shown / (width_in * 72)
    sizes = [t.get_fontsize() for t in fig.findobj(mpl.text.Text)
             if t.get_visible() and t.get_text().strip()]
    return min(sizes) * px_per_pt if sizes else float("inf")


# --------------------------------------------------------------------------------------------
# images


def _save_args(fig: plt.Figure) -> dict[str, Any]:
    """The ``savefig`` arguments that keep every text of ``fig`` in the image.

    Most figures fit their own box (nothing to add). When some text or a legend lies outside,
    the box around everything, measured here once, is passed as ``bbox_inches``: with
    ``"tight"`` matplotlib would draw the whole figure once more to measure it again.

    >>> fig, ax = plt.subplots(figsize=(3, 2)); _ = ax.plot([0, 1]); fig.tight_layout()
    >>> _save_args(fig)
    {}
    >>> _ = fig.legend(["a line"], loc="upper left", bbox_to_anchor=(0.9, 1.0))
    >>> sorted(_save_args(fig))
    ['bbox_inches']
    >>> plt.close(fig)
    """
    bbox = fig.get_tightbbox(fig.canvas.get_renderer())
    width, height = fig.get_size_inches()
    slack = 0.02
    if (bbox.x0 < -slack or bbox.y0 < -slack or bbox.x1 > width + slack
            or bbox.y1 > height + slack):
        return {"bbox_inches": bbox.padded(0.05)}
    return {}


@contextmanager
def _laid_out(fig: plt.Figure) -> Iterator[None]:
    """Save ``fig`` as it is laid out, drawing it once.

    ``fig.tight_layout()`` leaves a placeholder layout engine on the figure, and ``savefig``
    draws any figure with a layout engine once to nothing before drawing it into the file.
    The layout is final when a chart function returns, so that first drawing only costs time.
    """
    engine = fig.get_layout_engine()
    if not isinstance(engine, PlaceHolderLayoutEngine):
        yield
        return
    with mpl.rc_context({"figure.autolayout": False, "figure.constrained_layout.use": False}):
        fig.set_layout_engine(None)
    try:
        yield
    finally:
        fig.set_layout_engine(engine)


def svg_bytes(fig: plt.Figure) -> bytes:
    """The figure as SVG with text as text; no date, so equal figures give equal bytes.

    >>> fig, ax = plt.subplots(); _ = ax.plot([0, 1])
    >>> svg_bytes(fig) == svg_bytes(fig), b"<dc:date>" in svg_bytes(fig)
    (True, False)
    >>> plt.close(fig)
    """
    buf = io.BytesIO()
    with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": "digecon"}):
        with _laid_out(fig):
            fig.savefig(buf, format="svg", metadata={"Date": None}, **_save_args(fig))
    return buf.getvalue()


def png_bytes(fig: plt.Figure, scale: int = 2) -> bytes:
    """The figure as a 256-colour PNG at ``scale`` times its CSS width (crisp on
    high-density screens; see :func:`css_width_px`).

    >>> fig = plt.figure(figsize=(2, 1))
    >>> from PIL import Image; import io
    >>> Image.open(io.BytesIO(png_bytes(fig))).size
    (384, 192)
    >>> plt.close(fig)
    """
    from PIL import Image

    buf = io.BytesIO()
    with _laid_out(fig):
        fig.savefig(buf, format="png", dpi=scale * CSS_PX_PER_INCH, **_save_args(fig))
    image = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    out = io.BytesIO()
    image.quantize(256, method=Image.Quantize.MEDIANCUT).save(out, format="PNG", optimize=True)
    return out.getvalue()


def figure_bundle(fig: plt.Figure) -> tuple[dict[str, Any], dict[str, Any]]:
    """The lighter of SVG and palette PNG (gzipped, as a server sends them), as a display
    bundle and its metadata (the PNG's CSS width, its alt text ``text/plain``).

    >>> fig, ax = plt.subplots(figsize=(4, 3)); _ = ax.plot([0, 1], [1, 0])
    >>> bundle, meta = figure_bundle(fig)
    >>> sorted(bundle)
    ['image/svg+xml', 'text/plain']
    >>> plt.close(fig)
    """
    width, height = fig.get_size_inches()
    svg = svg_bytes(fig)
    svg_gz = len(gzip.compress(svg, 6))
    text = f"<Figure size {width * 100:.0f}x{height * 100:.0f} with {len(fig.axes)} Axes>"
    meta: dict[str, Any] = {"digecon": {
        "width_in": round(float(width), 2), "height_in": round(float(height), 2),
        "min_font_px_phone": round(min_font_px(fig), 1),
    }}
    if svg_gz > SVG_CHECK_BYTES:
        png = png_bytes(fig)
        if len(png) < svg_gz:
            from PIL import Image

            meta["image/png"] = {"width": Image.open(io.BytesIO(png)).size[0] // 2}
            meta["digecon"]["format"] = "png"
            return {"image/png": base64.b64encode(png).decode("ascii"), "text/plain": text}, meta
    meta["digecon"]["format"] = "svg"
    body = re.sub(r"^<\?xml[^>]*>\s*(<!DOCTYPE[^>]*>\s*)?", "", svg.decode("utf-8"))
    body = re.sub(r"\s*<metadata>.*?</metadata>", "", body, count=1, flags=re.S)
    points = re.search(r'<svg[^>]* width="([0-9.]+)pt"', body)
    meta["image/svg+xml"] = {
        "width": round(float(points.group(1)) * 4 / 3) if points else css_width_px(fig)}
    return {"image/svg+xml": body, "text/plain": text}, meta


# --------------------------------------------------------------------------------------------
# glue


def glue_bundle(name: str, bundle: dict[str, Any], metadata: dict[str, Any] | None = None,
                *, display: bool = False) -> None:
    """Glue a ready display bundle under ``name`` (what ``myst_nb.glue`` writes).

    Without IPython (a plain Python script) there is nowhere to glue to: nothing happens.
    """
    try:
        from IPython.display import display as ipy_display
    except ImportError:  # pragma: no cover - IPython is there in every Jupyter
        return
    prefix = "" if display else GLUE_PREFIX
    meta = dict(metadata or {})
    meta["scrapbook"] = {"name": name, "mime_prefix": prefix}
    ipy_display({prefix + k: v for k, v in bundle.items()}, raw=True, metadata=meta)


def glue(name: str, value: object, display: bool = False) -> None:
    """Glue ``value``'s display bundle (its HTML, text, image...) under ``name``."""
    try:
        from IPython.core.formatters import format_display_data
    except ImportError:  # pragma: no cover
        print(value)
        return
    bundle, metadata = format_display_data(value)
    glue_bundle(name, bundle, metadata, display=display)


def _show(obj: object, *, raw: bool = False, metadata: dict | None = None) -> None:
    try:
        from IPython.display import display
    except ImportError:  # pragma: no cover
        print(obj)
        return
    display(obj, raw=raw, metadata=metadata)


def glue_figures(name: str, draw: Callable[[str], plt.Figure], lang: str) -> None:
    """Draw a figure in every language, glue each as ``<name>_<lang>``, show the ``lang`` one.

    Each figure is rendered once (SVG or PNG, see :func:`figure_bundle`); the shown copy is
    the same image as the glued one of ``lang``.
    """
    check_lang(lang)
    shown: tuple[dict, dict] | None = None
    for code in LANGS:
        fig = draw_in(draw, code)
        try:
            bundle, meta = figure_bundle(fig)
        finally:
            plt.close(fig)
        glue_bundle(f"{name}_{code}", bundle, meta)
        if code == lang:
            shown = (bundle, meta)
    assert shown is not None
    _show(shown[0], raw=True, metadata=shown[1])


def glue_tables(
    name: str, make: Callable[[str], pd.DataFrame | pd.io.formats.style.Styler], lang: str
) -> None:
    """Build a table in every language, glue each as ``<name>_<lang>``, show the ``lang`` one.

    Each table's numbers are shown in its language's conventions by
    :func:`digecon.fmt.for_display`: decimal comma in kk/ru, ``—`` for missing values, whole
    numbers (ranks, years, counts) without ``.000000``.
    """
    from digecon import fmt

    check_lang(lang)
    tables = {code: fmt.for_display(make(code), code) for code in LANGS}
    for code, table in tables.items():
        if hasattr(table, "set_uuid"):  # a Styler: the same HTML ids in every build
            table.set_uuid(f"{name}_{code}")
        glue(f"{name}_{code}", table, display=False)
    _show(tables[lang])


def glue_numbers(values: dict[str, object]) -> None:
    """Glue named numbers (and strings) for the narrative, without displaying them."""
    import numpy as np

    for key, value in values.items():
        if isinstance(value, np.generic):  # numpy 2 reprs "np.float64(0.9)": glue plain numbers
            value = value.item()
        glue(key, value, display=False)
