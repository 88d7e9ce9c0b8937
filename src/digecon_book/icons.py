"""The theme's few icons as inline SVG: no page downloads an icon font.

A Sphinx extension (``sphinx.extra_extensions: [digecon_book.icons]``). When the build has
finished, each ``<i class="fa-solid fa-bars"></i>`` of every page becomes an inline ``<svg>``
drawn from the icon's path in the theme's own Font Awesome script, and the Font Awesome
``@font-face`` rules and web fonts are dropped from the output.

>>> icon_classes('<i class="fab fa-github"></i><i class="fa-solid fa-bars fa-lg"></i>')
[('fab', 'github'), ('fas', 'bars')]
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ICON = re.compile(r'<i class="(fa-solid|fas|fa-brands|fab|fa-regular|far)'
                  r' fa-([a-z0-9-]+)((?: fa-[a-z0-9-]+)*)"(?: [^>]*)?></i>')
PACK = {"fa-solid": "fas", "fas": "fas", "fa-brands": "fab", "fab": "fab",
        "fa-regular": "far", "far": "far"}
FONT_FACE = re.compile(r'@font-face\{[^}]*fontawesome[^}]*\}', re.I)


def icon_classes(page: str) -> list[tuple[str, str]]:
    """The (pack, name) of every Font Awesome icon element in ``page``."""
    return [(PACK[m.group(1)], m.group(2)) for m in ICON.finditer(page)]


def icon_paths(script: str, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """SVG elements of the ``wanted`` icons, read from Font Awesome's ``fontawesome.js``."""
    bounds = {}
    for pack in ("fab", "far", "fas"):
        at = script.find(f'("{pack}",')
        if at >= 0:
            bounds[pack] = at
    order = sorted(bounds, key=bounds.get)
    out = {}
    for pack, name in wanted:
        if pack not in bounds:
            continue
        i = order.index(pack)
        segment = script[bounds[order[i - 1]] if i else 0: bounds[pack]]
        m = re.search(r'(?<![\w-])"?' + re.escape(name)
                      + r'"?:\[(\d+),(\d+),\[[^\]]*\],"[0-9a-f]*","([^"]+)"\]', segment)
        if m:
            w, h, d = m.groups()
            out[(pack, name)] = (
                f'<svg class="digecon-icon" aria-hidden="true" focusable="false" '
                f'viewBox="0 0 {w} {h}" width="1em" height="1em" fill="currentColor">'
                f'<path d="{d}"/></svg>')
    return out


def rewrite_pages(html_dir: Path) -> int:
    """Inline every icon, drop the icon fonts; returns the number of icons replaced."""
    script = html_dir / "_static" / "scripts" / "fontawesome.js"
    if not script.exists():
        return 0
    pages = {p: p.read_text(encoding="utf-8") for p in html_dir.rglob("*.html")}
    wanted = {icon for text in pages.values() for icon in icon_classes(text)}
    svgs = icon_paths(script.read_text(encoding="utf-8"), wanted)
    count = 0
    for page, text in pages.items():
        def swap(m: re.Match) -> str:
            nonlocal count
            svg = svgs.get((PACK[m.group(1)], m.group(2)))
            if svg is None:
                return m.group(0)
            count += 1
            return svg
        new = ICON.sub(swap, text)
        if new != text:
            page.write_text(new, encoding="utf-8")
    for css in (html_dir / "_static").rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        new = FONT_FACE.sub("", text)
        if new != text:
            css.write_text(new, encoding="utf-8")
    shutil.rmtree(html_dir / "_static" / "vendor" / "fontawesome", ignore_errors=True)
    return count


def _build_finished(app, exception) -> None:
    if exception is None and app.builder.format == "html":
        rewrite_pages(Path(app.outdir))


def setup(app) -> dict:
    """Sphinx entry point."""
    app.connect("build-finished", _build_finished)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
