"""Glue writes what myst-nb reads, without importing myst-nb (fast kernels; Colab)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import matplotlib

matplotlib.use("Agg")

import pytest

SCRIPT = textwrap.dedent("""
    import sys, json
    sys.modules["myst_nb"] = None            # as if myst-nb were not installed
    import matplotlib; matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output
    from digecon import plots
    InteractiveShell.instance()
    plots.setup()
    def draw(lang):
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.plot([0, 1], [1, 0], label=lang)
        ax.legend()
        return fig
    with capture_output() as cap:
        plots.glue_figures("demo", draw, "ru")
        plots.glue_numbers({"n": 3})
        import pandas as pd                   # a plain table, pandas' Styler module not loaded
        plots.glue_tables("t", lambda lang: pd.DataFrame({"a": [1.5]}), "ru")
    out = [{"data": o.data, "metadata": o.metadata} for o in cap.outputs]
    print(json.dumps({"outputs": out,
                      "heavy": sorted(m for m in ("nbformat", "jsonschema", "rfc3987_syntax")
                                      if m in sys.modules)}))
""")


@pytest.fixture(scope="module")
def glued():
    import json

    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_glue_works_without_myst_nb(glued):
    names = [o["metadata"].get("scrapbook", {}).get("name") for o in glued["outputs"]]
    assert names == ["demo_kk", "demo_ru", "demo_en", None, "n", "t_kk", "t_ru", "t_en", None]
    prefix = "application/papermill.record/"
    for out in glued["outputs"][:3]:
        assert out["metadata"]["scrapbook"]["mime_prefix"] == prefix
        assert prefix + "image/svg+xml" in out["data"] or prefix + "image/png" in out["data"]
    assert glued["outputs"][4]["data"] == {prefix + "text/plain": "3"}


def test_the_shown_figure_is_the_glued_one_of_the_language(glued):
    ru, shown = glued["outputs"][1], glued["outputs"][3]
    prefix = "application/papermill.record/"
    assert {prefix + k: v for k, v in shown["data"].items()} == ru["data"]
    assert ">ru<" in shown["data"]["image/svg+xml"]  # text kept as text
    assert glued["outputs"][0]["data"] != ru["data"]


def test_glue_does_not_import_the_notebook_format_stack(glued):
    assert glued["heavy"] == []


def test_glue_matches_myst_nb(glued):
    myst_glue = pytest.importorskip("myst_nb.ext.glue")
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    from digecon import plots

    InteractiveShell.instance()
    with capture_output() as theirs:
        myst_glue.glue("n", 3, display=False)
    with capture_output() as ours:
        plots.glue("n", 3, display=False)
    assert [(o.data, o.metadata) for o in ours.outputs] == [
        (o.data, o.metadata) for o in theirs.outputs]


def test_a_dense_figure_is_glued_as_a_palette_png_at_twice_its_size():
    import base64
    import gzip
    import io

    import matplotlib.pyplot as plt
    import numpy as np
    from PIL import Image

    from digecon import plots

    rng = np.random.default_rng(1)
    fig, ax = plt.subplots(figsize=(5, 3))
    ax.scatter(rng.normal(size=20_000), rng.normal(size=20_000), s=2)
    svg_gz = len(gzip.compress(plots.svg_bytes(fig), 6))
    bundle, meta = plots.figure_bundle(fig)
    plt.close(fig)
    assert sorted(bundle) == ["image/png", "text/plain"]
    png = base64.b64decode(bundle["image/png"])
    assert len(png) < svg_gz
    image = Image.open(io.BytesIO(png))
    assert image.mode == "P"  # 256 colours
    assert meta["image/png"]["width"] * 2 == image.size[0]
    assert meta["digecon"]["format"] == "png"


def test_svg_is_deterministic_and_keeps_text():
    import matplotlib.pyplot as plt

    from digecon import plots

    def draw():
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.plot([0, 1], [1, 0], label="Қазақстан")
        ax.legend()
        return fig

    first, second = draw(), draw()
    a, b = plots.figure_bundle(first)[0], plots.figure_bundle(second)[0]
    plt.close(first)
    plt.close(second)
    assert a == b
    assert "Қазақстан" in a["image/svg+xml"] and "<metadata>" not in a["image/svg+xml"]


@pytest.mark.parametrize("outside", [False, True], ids=["fits", "legend-outside"])
@pytest.mark.parametrize("fmt", ["svg", "png"])
def test_a_laid_out_figure_is_drawn_once_per_image(monkeypatch, outside, fmt):
    """After ``tight_layout`` savefig would draw the figure to nothing first, and a legend
    outside the axes would cost a second measuring drawing: each image draws it once, and
    the legend outside is kept in the image."""
    import io

    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure
    from PIL import Image

    from digecon import plots

    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([0, 1], [1, 0], label="Қазақстан")
    fig.tight_layout()
    if outside:
        fig.legend(loc="upper left", bbox_to_anchor=(0.95, 1.0))
    draws = []
    real_draw = Figure.draw
    monkeypatch.setattr(Figure, "draw", lambda self, r: (draws.append(r), real_draw(self, r)))
    image = plots.svg_bytes(fig) if fmt == "svg" else plots.png_bytes(fig)
    assert len(draws) == 1
    assert fig.get_layout_engine() is not None  # the figure is left as it was
    if fmt == "png":  # the legend to the right makes the image wider than the figure
        wide = Image.open(io.BytesIO(image)).size[0] > 4 * 2 * plots.CSS_PX_PER_INCH
        assert wide == outside
    else:
        assert ("Қазақстан".encode() in image) == outside  # the legend, kept as text
    plt.close(fig)


def test_glued_tables_carry_the_same_html_ids_in_every_run():
    """pandas gives each styled table a random id (``T_3fa1c``); a glued table's id is its
    name and language, so two builds write the same pages."""
    import pandas as pd
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    from digecon import plots

    InteractiveShell.instance()

    def table(lang: str):
        return pd.DataFrame({"a": [1.5, 2.25]}).style.hide(axis="index")

    runs = []
    for _ in range(2):
        with capture_output() as cap:
            plots.glue_tables("demo", table, "kk")
        runs.append([o.data.get("text/html", "") for o in cap.outputs])
    assert runs[0] == runs[1]
    assert '<table id="T_demo_kk"' in runs[0][-1]
