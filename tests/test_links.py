"""Internal links of the built book: every local href/src of every HTML page points to a file.

Links to other pages are checked for the file only (their ``#fragment`` is not followed); links
inside the same page (``href="#id"``) must name an element of that page. Set ``DIGECON_HTML``
to check another build than the one ``built_book`` makes.
"""

from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

pytestmark = pytest.mark.book  # it reads the built book (DIGECON_HTML or a build)

SKIP_DIRS = {"_static", "_sources", "_downloads", "_images"}
ATTRS = {"href", "src"}


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id",) or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif name in ATTRS:
                self.links.append((tag, value))


@pytest.fixture(scope="module")
def html(request) -> Path:
    env = os.environ.get("DIGECON_HTML")
    return Path(env).resolve() if env else request.getfixturevalue("built_book")


def pages(html: Path) -> list[Path]:
    return sorted(
        p for p in html.rglob("*.html")
        if not SKIP_DIRS.intersection(p.relative_to(html).parts)
    )


def broken_links(page: Path, html: Path) -> list[str]:
    """The local links of ``page`` whose target does not exist."""
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    broken = []
    for tag, link in parser.links:
        parts = urlsplit(link)
        if parts.scheme or parts.netloc or link.startswith(("javascript:", "//")):
            continue  # external, mailto:, data:, ...
        if not parts.path:
            fragment = unquote(parts.fragment)
            if fragment and fragment not in parser.ids:
                broken.append(f"<{tag}> #{fragment}: no such anchor in the page")
            continue
        target = (page.parent / unquote(parts.path)).resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            broken.append(f"<{tag}> {link}: {target} does not exist")
        elif html.resolve() not in target.parents and target != html.resolve():
            broken.append(f"<{tag}> {link}: points outside the book")
    return broken


def test_every_local_link_points_to_an_existing_file(html):
    found = pages(html)
    assert found, f"no HTML pages in {html}"
    problems = {}
    for page in found:
        broken = broken_links(page, html)
        if broken:
            problems[page.relative_to(html).as_posix()] = broken
    assert not problems, "broken internal links:\n" + "\n".join(
        f"{page}:\n  " + "\n  ".join(items[:20]) for page, items in problems.items()
    )


def test_the_link_checker_finds_a_broken_link(tmp_path):
    (tmp_path / "a.html").write_text(
        '<a href="b.html#x">ok</a><a href="missing.html">bad</a><a href="#top">bad</a>'
        '<a href="#here" id="here">ok</a><img src="https://example.org/x.png">',
        encoding="utf-8",
    )
    (tmp_path / "b.html").write_text("<p>b</p>", encoding="utf-8")
    broken = broken_links(tmp_path / "a.html", tmp_path)
    assert len(broken) == 2 and "missing.html" in broken[0] and "#top" in broken[1]
