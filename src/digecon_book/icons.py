"""The theme's few icons as inline SVG: no page downloads an icon font.

A Sphinx extension (``sphinx.extra_extensions: [digecon_book.icons]``). When the build has
finished, each empty icon element of every page (``<i class="fa-solid fa-bars"></i>``,
``<span class="theme-switch fa-solid fa-sun fa-lg" data-mode="light"></span>``) gets an inline
``<svg>`` drawn from the icon's path in the theme's own Font Awesome script, and loses its
Font Awesome classes (its other classes and attributes stay); the Font Awesome ``@font-face``
rules, icon class rules and web fonts are dropped from the output.

>>> icon_classes('<i class="fab fa-github"></i><span class="x fa-solid fa-bars fa-lg"></span>')
[('fab', 'github'), ('fas', 'bars')]
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable
from pathlib import Path

from digecon_book.katex import _record_page, written_pages

ICON = re.compile(r'<(i|span) class="([^"]*\bfa(?:-solid|-regular|-brands|s|r|b)\b[^"]*)"'
                  r'([^>]*)></\1>')
PACK = {"fa-solid": "fas", "fas": "fas", "fa-brands": "fab", "fab": "fab",
        "fa-regular": "far", "far": "far"}
#: modifier classes of Font Awesome (sizes, widths, animations), not icon names
MODIFIERS = {"lg", "xl", "2xl", "sm", "xs", "fw", "spin", "pulse", "border", "inverse"}
FONT_FACE = re.compile(r'@font-face\{[^}]*fontawesome[^}]*\}', re.I)
#: the theme's CSS-drawn icons (admonition titles, download links...): Font Awesome code
#: points become Unicode symbols of the system font (an unknown one becomes nothing)
SYMBOLS = {"f058": "2713", "f05a": "2139", "f071": "26A0", "f06a": "21", "f057": "2715",
           "f0eb": "2736", "f019": "2913", "f104": "2039", "f105": "203A", "f35d": "2197",
           "f010": "2715", "f064": "21EA", "f0f3": "2022", "f303": "270E", "f107": "2304",
           "f304": "270E"}
CODE_POINT = re.compile(r'[\ue000-\uf8ff]|\\(f[0-9a-f]{3})\b')


def _symbol(m: re.Match) -> str:
    code = m.group(1) or f"{ord(m.group(0)):04x}"
    return f"\\{SYMBOLS[code]} " if code in SYMBOLS else ""


FA_FONT_VAR = re.compile(r'(--fa-font-(?:solid|regular|brands)):[^;}]*')
FA_FAMILY = re.compile(r'font-family:\s*"?Font Awesome\\? 6 (?:Free|Brands)"?')
ICON_RULES = re.compile(r'(?:\.fa-[a-z0-9-]+:{1,2}(?:before|after),?)+\{content:"[^"]*"\}')


def _parse(classes: str) -> tuple[str, str, list[str]] | None:
    """(pack, icon name, the other classes) of an icon element's class attribute."""
    pack, name, rest = None, None, []
    for cls in classes.split():
        if cls in PACK:
            pack = PACK[cls]
        elif cls.startswith("fa-") and cls[3:] not in MODIFIERS and name is None:
            name = cls[3:]
        elif not cls.startswith("fa-"):
            rest.append(cls)
    return (pack, name, rest) if pack and name else None


def icon_classes(page: str) -> list[tuple[str, str]]:
    """The (pack, name) of every Font Awesome icon element in ``page``."""
    found = (_parse(m.group(2)) for m in ICON.finditer(page))
    return [(p[0], p[1]) for p in found if p]


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
                f'<svg aria-hidden="true" focusable="false" '
                f'viewBox="0 0 {w} {h}" width="1em" height="1em" fill="currentColor">'
                f'<path d="{d}"/></svg>')
    return out


def rewrite_pages(html_dir: Path, only: Iterable[Path] | None = None) -> int:
    """Inline every icon, drop the icon fonts; returns the number of icons replaced. With
    ``only``, just those pages (the ones Sphinx wrote in this build) are rewritten."""
    script = html_dir / "_static" / "scripts" / "fontawesome.js"
    if not script.exists():
        return 0
    names = html_dir.rglob("*.html") if only is None else (p for p in set(only) if p.exists())
    pages = {p: p.read_text(encoding="utf-8") for p in names}
    wanted = {icon for text in pages.values() for icon in icon_classes(text)}
    svgs = icon_paths(script.read_text(encoding="utf-8"), wanted)
    count = 0
    for page, text in pages.items():
        def swap(m: re.Match) -> str:
            nonlocal count
            parsed = _parse(m.group(2))
            svg = svgs.get(parsed[:2]) if parsed else None
            if svg is None:
                return m.group(0)
            count += 1
            tag, classes = m.group(1), " ".join([*parsed[2], "digecon-icon"])
            return f'<{tag} class="{classes}"{m.group(3)}>{svg}</{tag}>'
        new = ICON.sub(swap, text)
        if new != text:
            page.write_text(new, encoding="utf-8")
    for css in (html_dir / "_static").rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        new = ICON_RULES.sub("", FONT_FACE.sub("", text))
        new = CODE_POINT.sub(_symbol, new)
        new = FA_FONT_VAR.sub(r"\1:normal 700 1em/1 system-ui,sans-serif", new)
        new = FA_FAMILY.sub("font-family:inherit", new)
        if new != text:
            css.write_text(new, encoding="utf-8")
    shutil.rmtree(html_dir / "_static" / "vendor" / "fontawesome", ignore_errors=True)
    return count


def _build_finished(app, exception) -> None:
    if exception is None and app.builder.format == "html":
        rewrite_pages(Path(app.outdir), written_pages(app))


def setup(app) -> dict:
    """Sphinx entry point."""
    app.connect("build-finished", _build_finished)
    app.connect("html-page-context", _record_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
