"""Mathematics rendered at build time with KaTeX: no page loads a maths engine.

A Sphinx extension (``sphinx.extra_extensions: [digecon_book.katex]``). Sphinx writes each
formula as MathJax would (``<span class="math">\\(...\\)</span>``, ``<div class="math">``),
but no MathJax script; when the build has finished, every formula of every page goes to ONE
``node`` process running KaTeX (from npm, installed by ``tools/assets.sh`` into
``tools/node``), and the pages get KaTeX's HTML and MathML in place of the TeX, with
``katex.min.css`` and its woff2 fonts served from ``_static/katex``.

>>> tex_of(r'<span class="math notranslate nohighlight">\\(a &lt; b\\)</span>')
[('a < b', False)]
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

NODE_SCRIPT = r"""
const katex = require(process.argv[1]);
let input = "";
process.stdin.on("data", (d) => { input += d; });
process.stdin.on("end", () => {
  const out = JSON.parse(input).map(([tex, display]) => katex.renderToString(tex, {
    displayMode: display, throwOnError: false, strict: "ignore", output: "htmlAndMathml",
  }));
  process.stdout.write(JSON.stringify(out));
});
"""
INLINE = re.compile(r'<span class="math notranslate nohighlight">\\\((.*?)\\\)</span>', re.S)
BLOCK = re.compile(r'(<div class="math notranslate nohighlight"[^>]*>)\s*(.*?)\s*</div>', re.S)
#: the theme lays out ``div.math`` as a reversed flex row (for MathJax): a display formula
#: takes the whole row, centred, and scrolls sideways when wider than a phone
EXTRA_CSS = (
    "\ndiv.math>.katex-display{flex-grow:1;margin:.5em 0;overflow-x:auto;overflow-y:hidden;"
    "padding:.2em 0}\n"
)
ENGINE = re.compile(r'<script[^>]*src="[^"]*(?:mathjax|tex-chtml|tex-mml|katex)[^"]*"[^>]*>'
                    r'</script>\s*', re.I)


def _block_tex(body: str) -> str:
    body = body.strip()
    if body.startswith("\\[") and body.endswith("\\]"):
        body = body[2:-2]
    return html.unescape(body.strip())


def tex_of(page: str) -> list[tuple[str, bool]]:
    """Every formula of a page as (TeX, display?), in page order (inline ones first)."""
    found = [(html.unescape(m.group(1)), False) for m in INLINE.finditer(page)]
    found += [(_block_tex(m.group(2)), True) for m in BLOCK.finditer(page)]
    return found


def find_katex(start: Path) -> Path | None:
    """The npm ``katex`` package: ``DIGECON_KATEX`` or ``tools/node`` above ``start``."""
    env = os.environ.get("DIGECON_KATEX")
    if env:
        return Path(env)
    for folder in [start, *start.parents]:
        candidate = folder / "tools" / "node" / "node_modules" / "katex"
        if (candidate / "dist" / "katex.min.css").exists():
            return candidate
    return None


def render_all(formulas: list[tuple[str, bool]], katex_dir: Path) -> list[str]:
    """Render every formula in one ``node`` process; returns HTML strings in order."""
    if not formulas:
        return []
    proc = subprocess.run(
        ["node", "-e", NODE_SCRIPT, str((katex_dir / "dist" / "katex.min.js").resolve())],
        input=json.dumps(formulas), capture_output=True, text=True, check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"KaTeX failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout)


def rewrite_pages(html_dir: Path, katex_dir: Path, only: Iterable[Path] | None = None) -> int:
    """Replace TeX by KaTeX's output in every page (or the pages ``only`` names: those Sphinx
    wrote in this build; the others were rewritten when they were written); returns the
    number of formulas."""
    pages = {}
    for page in sorted(html_dir.rglob("*.html") if only is None else set(only)):
        if not page.exists():
            continue
        text = page.read_text(encoding="utf-8")
        if 'class="math notranslate' in text or ENGINE.search(text):
            pages[page] = text
    keys: dict[tuple[str, bool], int] = {}
    for text in pages.values():
        for formula in tex_of(text):
            keys.setdefault(formula, len(keys))
    rendered = render_all(list(keys), katex_dir)
    for page, text in pages.items():
        has_math = 'class="math notranslate' in text
        text = INLINE.sub(lambda m: rendered[keys[(html.unescape(m.group(1)), False)]], text)
        text = BLOCK.sub(
            lambda m: m.group(1).replace("math notranslate nohighlight", "math")
            + rendered[keys[(_block_tex(m.group(2)), True)]] + "</div>", text)
        text = ENGINE.sub("", text)
        if has_math and "katex.min.css" not in text:
            rel = os.path.relpath(html_dir / "_static" / "katex" / "katex.min.css", page.parent)
            text = text.replace("</head>", f'<link rel="stylesheet" href="{rel}" />\n</head>', 1)
        page.write_text(text, encoding="utf-8")
    static = html_dir / "_static" / "katex"
    (static / "fonts").mkdir(parents=True, exist_ok=True)
    css = (katex_dir / "dist" / "katex.min.css").read_text(encoding="utf-8") + EXTRA_CSS
    (static / "katex.min.css").write_text(css, encoding="utf-8")
    for font in (katex_dir / "dist" / "fonts").glob("*.woff2"):
        shutil.copy2(font, static / "fonts" / font.name)
    shutil.rmtree(html_dir / "_static" / "mathjax", ignore_errors=True)
    return len(keys)


def _config_inited(app, config) -> None:
    config.html_math_renderer = "katex"


def _build_finished(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    katex_dir = find_katex(Path(app.srcdir).resolve())
    if katex_dir is None:
        raise FileNotFoundError("KaTeX not found: run `bash tools/assets.sh` (or `make venv`)")
    rewrite_pages(Path(app.outdir), katex_dir, written_pages(app))


def written_pages(app) -> list[Path]:
    """The pages Sphinx wrote in this build (recorded by :func:`_record_page`)."""
    return sorted(getattr(app, "digecon_written", set()))


def _record_page(app, pagename, templatename, context, doctree) -> None:
    if not hasattr(app, "digecon_written"):
        app.digecon_written = set()
    app.digecon_written.add(Path(app.builder.get_outfilename(pagename)))


def setup(app) -> dict:
    """Sphinx entry point: Sphinx writes TeX (as for MathJax), KaTeX renders it at the end."""
    from sphinx.ext.mathjax import html_visit_displaymath, html_visit_math

    app.add_html_math_renderer("katex", (html_visit_math, None),
                               (html_visit_displaymath, None))
    app.connect("config-inited", _config_inited, priority=900)
    app.connect("build-finished", _build_finished)
    app.connect("html-page-context", _record_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
