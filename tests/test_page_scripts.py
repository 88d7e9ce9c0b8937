"""What the pages' scripts do at load (issue 16: Lighthouse's total blocking time).

The theme's script makes every code block and output focusable at the load event by reading
the size of each, which forces the layout of the whole page in one long task; the book drops
that pass (:func:`digecon_book.build.quiet_theme_script`) and does the same lazily in
``book/_static/digecon.js``. Scripts of extensions the book does not use are dropped
(:data:`digecon_book.build.UNUSED_SCRIPTS`). ``tests/test_browser.py`` checks in Chromium that
no script asks for the layout of what lies below the first screens at load.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pydata_sphinx_theme
import pytest

from digecon_book import build

THEME_JS = (Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
            / "static" / "scripts" / "pydata-sphinx-theme.js")
LANGS = ("kk", "ru", "en")
#: an external script that blocks the parser (no ``defer``, ``async`` or module type)
BLOCKING = re.compile(r'<script (?![^>]*\b(?:defer|async)\b)(?![^>]*type="module")[^>]*\bsrc=')


def test_the_installed_theme_script_loses_its_load_time_pass_and_stays_valid(tmp_path):
    js = tmp_path / "pydata-sphinx-theme.js"
    shutil.copyfile(THEME_JS, js)
    before = js.read_text(encoding="utf-8")
    assert build.THEME_TABSTOPS.search(before), "the theme has the pass this build removes"
    assert build.quiet_theme_script(js) is True
    after = js.read_text(encoding="utf-8")
    assert not build.THEME_TABSTOPS.search(after)
    assert build.THEME_TABSTOPS_GONE in after
    assert len(before) - len(after) < 100, "only the call is removed, nothing else"
    assert build.quiet_theme_script(js) is False  # a second pass changes nothing
    if shutil.which("node"):
        check = subprocess.run(["node", "--check", str(js)], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr


def test_a_theme_script_without_the_expected_pass_stops_the_build(tmp_path):
    js = tmp_path / "pydata-sphinx-theme.js"
    js.write_text('"complete"===document.readyState?X():window.addEventListener("load",X)'
                  "function X(){console.log(1)}", encoding="utf-8")
    with pytest.raises(RuntimeError, match="not the theme's tab-stop pass"):
        build.quiet_theme_script(js)
    js.write_text("(()=>{})();", encoding="utf-8")
    with pytest.raises(RuntimeError, match="was not found"):
        build.quiet_theme_script(js)


def test_unused_extension_scripts_are_dropped_only_where_nothing_needs_them(tmp_path):
    tags = ('<script defer src="../_static/design-tabs.js?v=1"></script>\n'
            '<script async="async" src="../_static/sphinx-thebe.js?v=2"></script>\n'
            '<script>const THEBE_JS_URL = "x"; const thebe_selector = ".cell"</script>\n'
            '<script defer src="../_static/togglebutton.js?v=3"></script>\n')
    config = '<script type="text/x-thebe-config">\n{ requestKernel: true }\n</script>\n'
    plain = tmp_path / "book" / "plain.html"
    plain.parent.mkdir()
    plain.write_text(f"<head>{tags}</head><body><p>text</p>{config}</body>", encoding="utf-8")
    tabs = tmp_path / "book" / "tabs.html"
    tabs.write_text(f'<head>{tags}</head><body><div class="sd-tab-set"></div>'
                    f'<button onclick="initThebe()"></button>{config}</body>', encoding="utf-8")
    assert build.lighten_pages(tmp_path) == 1
    text = plain.read_text(encoding="utf-8")
    assert "design-tabs" not in text and "thebe" not in text.lower()
    assert "togglebutton.js" in text  # the solutions' dropdowns need it
    assert tabs.read_text(encoding="utf-8").count("thebe") >= 3  # untouched


@pytest.mark.book
def test_built_pages_load_no_unused_or_blocking_script_and_no_layout_pass(built_book):
    for lang in LANGS:
        theme = built_book / lang / build.THEME_SCRIPT
        text = theme.read_text(encoding="utf-8")
        assert not build.THEME_TABSTOPS.search(text), f"{theme}: the load-time pass is back"
        assert build.THEME_TABSTOPS_GONE in text
        lazy = (built_book / lang / "_static" / "digecon.js").read_text(encoding="utf-8")
        assert "IntersectionObserver" in lazy and "SCROLLERS" in lazy, "lazy tab stops"
        bundle = (built_book / lang / "_static" / "digecon-bundle.css").read_text("utf-8")
        assert re.search(r"\.bd-article\s*>\s*section\s*>\s*section\s*\{[^}]*"
                         r"content-visibility:\s*auto", bundle), f"{lang}: sections render late"
    pages = 0
    for page in built_book.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if "<head" not in html:
            continue
        pages += 1
        head = html.split("</head>", 1)[0]
        assert not BLOCKING.search(head), f"{page}: a script blocks the first paint"
        assert 'rel="preload" as="script"' not in head, f"{page}: a script raised to high priority"
        assert "design-tabs.js" not in html and "sphinx-thebe.js" not in html, page
        assert "THEBE_JS_URL" not in html and "x-thebe-config" not in html, page
    assert pages > 30
