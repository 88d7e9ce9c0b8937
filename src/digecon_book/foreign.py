"""Find words of another language on the pages of an edition.

An edition must show the reader one language. This checker reads every HTML page of an
edition and counts the visible strings that are not in the edition's language:

* **text it reads**: the text nodes of ``<body>`` and the attributes a reader sees or hears
  (``title``, ``alt``, ``aria-label``, ``placeholder``) plus ``<title>``, glued tables and the
  outputs of cells whose code is hidden (the audit tables) included; not code cells and what
  shown code prints (``pre``, ``code``, ``.cell_input`` and its cell's output), mathematics
  (``.math``, ``mjx-*``, KaTeX's ``.katex`` and MathML), scripts, styles, SVG, and elements
  that declare another language with a ``lang`` attribute (the language switcher's links);
* **latin**: in the kk and ru editions, Latin-script words that are not in the allowlist
  (acronyms and proper names drawn from the book's vocabulary: the abbreviations of
  ``data/glossary.csv`` and the Latin words its kk and ru names use, the English names of
  ``data/places.csv``, every word of ``references.bib``, and :data:`NAMES` — names of
  software, formats, licences, companies and statistics); single letters are symbols;
* **cyrillic**: in the en edition, Cyrillic words outside quotes («…», "…") — quoted source
  titles are kept in the original language — outside citations (links into the
  bibliography) and bibliography entries;
* **same**: text nodes of 40 characters or more that are identical in the kk and the ru
  edition of the same page (an untranslated paragraph shows up in both).

:func:`check_editions` returns ``{lang: {page: Counts}}``; the test
``tests/test_foreign.py`` asserts zero on every page outside a visible list of known
exceptions.

>>> words_not_in("Кітап EGDI туралы, see Python", "kk", {"EGDI", "Python"})
['see']
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

#: software, formats, licences and other names that are written in Latin in every language
NAMES = frozenset("""
digecon Python JavaScript Jupyter JupyterLab Binder Colab GitHub papermill pandas numpy NumPy
statsmodels pingouin seaborn matplotlib Sphinx MyST myst nb jupyter book sphinx design ipynb
PDF CSV JSON HTML CC BY ISO ISO3 UTC Unicode URL Excel Kaggle SHA UN OECD EAEU WEF DESI IMD
make test lang kk ru en venv bin lab Frictionless pip uv conda GDP ICT ITU IT R R2 OLS VAR SE
OCR
id ok py md pdf jupyter-book myst-nb sphinx-design post
""".split()) | frozenset(
    # companies and programmes the narrative names as they call themselves
    "BCG Amazon eBay Airbnb Tencent Alibaba SingPass Smart Nation eGov KPMG Evolution Index "
    "SPSS Huawei McKinsey IDF Eurasia GCI MyInfo Tracxn DigitEL QazTrade Scopus "
    # statistics written the same way in every language: tests, types, "min–max", "et al."
    "LM float Min max et al ANOVA "
    # the dissertation's symbols of the ICT efficiency variables (its Table 3)
    "ICTC ICTPS VIP ExpICTG ImpICTG "
    # encodings
    "UTF"
    .split())
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
CYRILLIC_WORD = re.compile(r"[\u0400-\u04FF][\u0400-\u04FF'’\-]*")
ROMAN = re.compile(r"[IVXLC]+")
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
SKIP_CLASSES = ("cell_input", "highlight", "math", "MathJax",
                "digecon-lang", "headerlink", "mjx-container", "katex", "katex-display")
SKIP_TAGS = ("script", "style", "pre", "code", "svg", "noscript", "kbd", "samp", "template",
             "math")
SEEN_ATTRS = ("title", "alt", "aria-label", "placeholder")
SAME_MIN = 40


@dataclass
class Counts:
    """Foreign strings found on one page, with a few examples for the report."""

    latin: int = 0
    cyrillic: int = 0
    same: int = 0
    examples: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.latin + self.cyrillic + self.same

    def note(self, kind: str, text: str) -> None:
        setattr(self, kind, getattr(self, kind) + 1)
        if len(self.examples) < 8:
            self.examples.append(f"{kind}: {text[:80]}")


def allowlist(root: Path) -> set[str]:
    """Latin words allowed in the kk and ru editions (see the module docstring)."""
    allowed = set(NAMES)
    glossary = root / "data" / "glossary.csv"
    if glossary.exists():
        with open(glossary, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                # the vocabulary's own choice: Latin words its kk and ru names use (EGDI…)
                for col in ("kk", "ru", "def_kk", "def_ru"):
                    allowed.update(LATIN_WORD.findall(row.get(col) or ""))
                if row.get("kind") == "abbr":  # and the acronyms of the abbreviations
                    allowed.update(w for w in LATIN_WORD.findall(row.get("en") or "")
                                   if w.isupper())
    places = root / "data" / "places.csv"
    if places.exists():
        with open(places, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                allowed.update(LATIN_WORD.findall(row.get("en") or ""))
                allowed.update(LATIN_WORD.findall(row.get("code") or ""))
    bib = root / "references.bib"
    if bib.exists():
        allowed.update(LATIN_WORD.findall(bib.read_text(encoding="utf-8")))
    return allowed


def _skipped(tag: Tag, lang: str, other_languages: bool = False) -> bool:
    if tag.name in SKIP_TAGS or tag.name.startswith("mjx-"):
        return True
    # citations and bibliography entries name sources as they were published
    if tag.name == "a" and "bibliography.html#" in str(tag.get("href", "")):
        return True
    if tag.get("role") == "doc-biblioentry" or "bibtex-citation" in (tag.get("class") or []):
        return True
    # what shown code prints is code; the outputs of cells whose code is hidden (glued tables,
    # the audit tables, the report) are what the reader reads, and are checked
    if "cell_output" in (tag.get("class") or []) and tag.parent is not None and \
            tag.parent.find("div", class_="cell_input", recursive=False) is not None:
        return True
    declared = tag.get("lang")
    if declared and declared.split("-")[0] != lang and not other_languages:
        return True
    classes = tag.get("class") or []
    return any(c in SKIP_CLASSES for c in classes)


def visible_strings(html: str, lang: str, other_languages: bool = False) -> list[str]:
    """The strings of a page a reader sees or hears (see the module docstring); with
    ``other_languages`` also those of elements that declare another language (a Kazakh name
    quoted in the Russian edition is still read by a Russian reader, in Russian number format).

    >>> visible_strings('<body><p>1,5 <code>x</code> <em lang="kk">2,5</em></p></body>', "ru")
    ['1,5']
    >>> visible_strings('<body><p>1,5 <em lang="kk">2,5</em></p></body>', "ru", True)
    ['1,5', '2,5']
    """
    soup = BeautifulSoup(html, "html.parser")
    out: list[str] = []
    if soup.title and soup.title.string:
        out.append(soup.title.string.strip())
    body = soup.body or soup

    def walk(node: Tag) -> None:
        for attr in SEEN_ATTRS:
            value = node.get(attr)
            if isinstance(value, str) and value.strip():
                out.append(value.strip())
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                text = " ".join(str(child).split())
                if text:
                    out.append(text)
            elif isinstance(child, Tag) and not _skipped(child, lang, other_languages):
                walk(child)

    walk(body)
    return out


def words_not_in(text: str, lang: str, allowed: set[str]) -> list[str]:
    """The words of ``text`` in another script than ``lang``'s, outside ``allowed``."""
    if lang == "en":
        return CYRILLIC_WORD.findall(QUOTED.sub(" ", text))
    # a single letter is a symbol (Y, X1, W = 0.96), not a word; XX (a century) is a number
    return [w for w in LATIN_WORD.findall(text)
            if len(w) > 1 and w not in allowed and w.strip("-'’") not in allowed
            and not ROMAN.fullmatch(w)]


def check_page(html: str, lang: str, allowed: set[str], other: str | None = None) -> Counts:
    """Counts of one page of the ``lang`` edition (``other``: the same page of the edition
    to compare long text nodes with: ru for kk, kk for ru)."""
    counts = Counts()
    strings = visible_strings(html, lang)
    for text in strings:
        for word in words_not_in(text, lang, allowed):
            counts.note("cyrillic" if lang == "en" else "latin", f"{word} | {text}")
    if other is not None:
        theirs = {s for s in visible_strings(other, "ru" if lang == "kk" else "kk")
                  if len(s) >= SAME_MIN}
        for text in strings:
            if len(text) >= SAME_MIN and text in theirs and re.search(r"[^\W\d_]{3}", text):
                counts.note("same", text)
    return counts


def check_editions(
    site: Path, root: Path, langs: Iterable[str] = ("kk", "ru", "en")
) -> dict[str, dict[str, Counts]]:
    """``{lang: {page: Counts}}`` over every page of every edition under ``site``."""
    allowed = allowlist(root)
    report: dict[str, dict[str, Counts]] = {}
    for lang in langs:
        pages: dict[str, Counts] = {}
        for page in sorted((site / lang).rglob("*.html")):
            rel = page.relative_to(site / lang).as_posix()
            if rel.startswith(("_static/", "_sources/")):
                continue
            other = None
            if lang in ("kk", "ru"):
                twin = site / ("ru" if lang == "kk" else "kk") / rel
                other = twin.read_text(encoding="utf-8") if twin.exists() else None
            pages[rel] = check_page(page.read_text(encoding="utf-8"), lang, allowed, other)
        report[lang] = pages
    return report


def format_report(report: dict[str, dict[str, Counts]]) -> str:
    """The counts per page, one line each, with examples (for test failures and authors)."""
    lines = []
    for lang, pages in report.items():
        for page, c in pages.items():
            if c.total:
                lines.append(f"{lang}/{page}: latin {c.latin}, cyrillic {c.cyrillic}, "
                             f"same {c.same}")
                lines.extend(f"    {e}" for e in c.examples)
    return "\n".join(lines)
