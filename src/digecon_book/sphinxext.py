"""Sphinx extension of the book's editions: one language per build, and a way to the others.

Enabled by the configuration :mod:`digecon_book.editions` writes for each edition
(``digecon_edition = "kk"`` …). It

* puts a **language switcher** in the header of every page: server-rendered links to the same
  page in the other editions, each labelled in its own language, with ``lang``/``hreflang``,
  the current edition marked ``aria-current``; a small script remembers the reader's choice
  (``localStorage["digecon-lang"]``) for the root page;
* adds ``<link rel="alternate" hreflang>`` to the other editions in the head of every page;
* registers a **Kazakh search language** (whole words, no stemming: Sphinx has no Kazakh);
* loads the book's **message catalogs** for the extensions' own gettext domains
  (``booktheme``, ``exercise``, ``togglebutton``) from the edition's ``locale`` folder;
* numbers **exercises per chapter** (1, 2, … in every document), not across the book;
* marks every image ``loading="lazy"`` and puts solution titles in the language's order.

>>> switcher_html("book/egov", "ru", ("kk", "ru", "en"), "../")  # doctest: +ELLIPSIS
'<nav class="digecon-lang" aria-label="Тілдер · Языки · Languages">...'
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any, ClassVar

from sphinx.application import Sphinx
from sphinx.search import SearchLanguage

NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
#: the aria label of the switcher, in every language (a reader may not read the current one)
SWITCHER_LABEL = "Тілдер · Языки · Languages"
DOMAINS = ("booktheme", "exercise", "togglebutton")
HERE = Path(__file__).parent


#: English strings written into the theme's templates and scripts without gettext, by
#: attribute; :func:`localize_html` replaces them in every page of an edition
HARDCODED: dict[str, dict[str, str]] = {
    'title="Toggle primary sidebar"': {"kk": "Мазмұнды көрсету не жасыру",
                                       "ru": "Показать или скрыть оглавление"},
    'title="Toggle secondary sidebar"': {"kk": "Бет мазмұнын көрсету не жасыру",
                                         "ru": "Показать или скрыть содержание страницы"},
    'aria-label="Main"': {"kk": "Негізгі навигация", "ru": "Основная навигация"},
    'aria-label="Page"': {"kk": "Бет мазмұны", "ru": "Содержание страницы"},
    'aria-label="Toggle hidden content"': {"kk": "Жасырын мазмұнды көрсету не жасыру",
                                           "ru": "Показать или скрыть содержимое"},
    'alt="Binder logo"': {"kk": "Binder логотипі", "ru": "Логотип Binder"},
    'alt="Colab logo"': {"kk": "Colab логотипі", "ru": "Логотип Colab"},
}


def localize_html(html_dir: Path, lang: str) -> int:
    """Translate the :data:`HARDCODED` strings in every page of an edition; pages changed.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); _ = (d / "a.html").write_text('<nav aria-label="Main">')
    >>> localize_html(d, "ru"), (d / "a.html").read_text(encoding="utf-8")
    (1, '<nav aria-label="Основная навигация">')
    """
    changed = 0
    for page in html_dir.rglob("*.html"):
        text = new = page.read_text(encoding="utf-8")
        for source, targets in HARDCODED.items():
            if lang in targets and source in new:
                attr = source.split("=", 1)[0]
                new = new.replace(source, f'{attr}="{targets[lang]}"')
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed += 1
    return changed


class SearchKazakh(SearchLanguage):
    """Kazakh search: whole words (lower-cased), no stop words, no stemming."""

    lang = "kk"
    language_name = "Kazakh"
    js_stemmer_rawcode = ""
    js_stemmer_code = """
var Stemmer = function() {
  this.stemWord = function(w) { return w; };
};
"""
    stopwords: ClassVar[set[str]] = set()

    def stem(self, word: str) -> str:
        return word.lower()


def switcher_html(pagename: str, current: str, editions: tuple[str, ...], root: str) -> str:
    """The switcher's links from ``pagename`` of edition ``current`` (``root``: path to the
    edition's output folder, as Sphinx's ``pathto("", 1)`` gives it: ``"../"``, ``""``…)."""
    up = (root.rstrip("/") + "/" if root not in ("", "#", ".") else "") + "../"
    items = []
    for lang in editions:
        if lang == current:
            items.append(f'<li><a href="{up}{lang}/{pagename}.html" lang="{lang}" '
                         f'hreflang="{lang}" aria-current="page">{NAMES[lang]}</a></li>')
        else:
            items.append(f'<li><a href="{up}{lang}/{pagename}.html" lang="{lang}" '
                         f'hreflang="{lang}" data-digecon-lang="{lang}">{NAMES[lang]}</a></li>')
    return (f'<nav class="digecon-lang" aria-label="{SWITCHER_LABEL}"><ul>'
            + "".join(items) + "</ul></nav>")


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict,
                  doctree: Any) -> None:
    current = app.config.digecon_edition
    if not current:
        return
    editions = tuple(app.config.digecon_editions)
    root = context["pathto"]("", 1)  # the edition's output folder, relative to this page
    switcher = switcher_html(pagename, current, editions, root)
    context["digecon_switcher"] = switcher
    up = (root.rstrip("/") + "/" if root not in ("", "#", ".") else "") + "../"
    alternates = "".join(
        f'\n<link rel="alternate" hreflang="{lang}" href="{up}{lang}/{pagename}.html">'
        for lang in editions if lang != current
    )
    context["metatags"] = context.get("metatags", "") + alternates


def _add_catalogs(app: Sphinx) -> None:
    """The book's translations of the extensions' own domains, before the packages' ones."""
    locale = Path(app.srcdir) / "locale"
    for domain in DOMAINS:
        if (locale / app.config.language / "LC_MESSAGES" / f"{domain}.mo").exists():
            app.add_message_catalog(domain, str(locale))


def _restore_global_numbers(app: Sphinx, env: Any, docnames: list[str]) -> None:
    """Put back the book-wide numbers Sphinx assigned last time (kept aside by
    :func:`_number_exercises_per_document`): Sphinx compares its new numbers with these to
    find the pages to write again, and would find every page with an exercise changed if it
    saw the per-document numbers (one edited chapter would rewrite every chapter)."""
    kept = getattr(env, "digecon_global_fignumbers", None)
    if kept is not None:
        env.toc_fignumbers = copy.deepcopy(kept)


def _number_exercises_per_document(app: Sphinx, env: Any) -> list[str]:
    """Renumber exercises 1, 2, … inside each document (Sphinx counts across the book)."""
    env.digecon_global_fignumbers = copy.deepcopy(env.toc_fignumbers)
    for figtypes in env.toc_fignumbers.values():
        numbers = figtypes.get("exercise")
        if not numbers:
            continue
        ordered = sorted(numbers.items(), key=lambda kv: kv[1])
        figtypes["exercise"] = {key: (i,) for i, (key, _) in enumerate(ordered, start=1)}
    return []


#: sphinx-exercise titles a solution "<Solution to> <Exercise> <n>" in every language; in
#: Kazakh and Russian the words go the other way round or decline ("1-жаттығудың шешімі",
#: "Решение упражнения 1"): the title is rewritten around the link to the exercise
SOLUTION_TITLES = {
    "kk": (r"Шешімі:(<a [^>]*>) Жаттығу (\d+)((?: \([^<]*\))?)</a>",
           r"\1\2-жаттығудың шешімі\3</a>"),
    "ru": (r"Решение к(<a [^>]*>) Упражнение (\d+)((?: \([^<]*\))?)</a>",
           r"\1Решение упражнения \2\3</a>"),
}


def rewrite_body(body: str, lang: str) -> str:
    """Lazy images, and solution titles in the edition's word order.

    >>> rewrite_body('<img src="a.png">Шешімі:<a href="#x"> Жаттығу 2</a>', "kk")
    '<img loading="lazy" src="a.png"><a href="#x">2-жаттығудың шешімі</a>'
    >>> rewrite_body('Решение к<a href="#x"> Упражнение 1 (вес TII)</a>', "ru")
    '<a href="#x">Решение упражнения 1 (вес TII)</a>'
    """
    body = re.sub(r"<img (?![^>]*\bloading=)", '<img loading="lazy" ', body)
    if lang in SOLUTION_TITLES:
        pattern, repl = SOLUTION_TITLES[lang]
        body = re.sub(pattern, repl, body)
    return body


def _rewrite_body(app: Sphinx, pagename: str, templatename: str, context: dict,
                  doctree: Any) -> None:
    body = context.get("body")
    if isinstance(body, str):
        context["body"] = rewrite_body(body, app.config.language)


def _config_inited(app: Sphinx, config: Any) -> None:
    templates = str(HERE / "templates")
    if templates not in config.templates_path:
        config.templates_path.append(templates)
    static = str(HERE / "static")
    if static not in config.html_static_path:
        config.html_static_path.append(static)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("digecon_edition", "", "html")
    app.add_config_value("digecon_editions", ["kk", "ru", "en"], "html")
    app.add_config_value("digecon_tools_digest", "", "html")
    app.add_search_language(SearchKazakh)
    app.connect("config-inited", _config_inited)
    app.connect("builder-inited", _add_catalogs)
    app.connect("html-page-context", _page_context)
    app.connect("html-page-context", _rewrite_body)
    # after the toctree collector (priority 500) has assigned the figure numbers
    app.connect("env-get-updated", _number_exercises_per_document, priority=900)
    app.connect("env-before-read-docs", _restore_global_numbers)
    app.add_js_file("digecon-lang.js", loading_method="defer")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
