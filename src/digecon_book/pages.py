"""Pages the build writes from the library: the glossary and the execution status.

Both are MyST Markdown. The glossary uses Sphinx's ``{glossary}`` directive, so that chapters
link a term with ``{term}`digital economy``` in any of the three languages; each entry's
definition is given in the three languages, each in a block the reader's language choice shows.

>>> "```{glossary}" in glossary_page()
True
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from digecon import fmt, i18n

TAB_HEAD = "````{tab-set}\n:sync-group: lang\n"


def tabs(blocks: Mapping[str, str]) -> str:
    """A synced language tab-set from ``{lang: markdown}`` (all three languages required).

    >>> print(tabs({"kk": "Сәлем", "ru": "Привет", "en": "Hello"}).splitlines()[4])
    :sync: kk
    """
    missing = [lang for lang in i18n.LANGS if not blocks.get(lang, "").strip()]
    if missing:
        raise ValueError(f"tab-set is missing the language(s) {missing}")
    out = [TAB_HEAD]
    for lang in i18n.LANGS:
        out.append(f"```{{tab-item}} {i18n.LANG_NAMES[lang]}\n:sync: {lang}\n{blocks[lang]}\n```\n")
    out.append("````\n")
    return "\n".join(out)


def _escape(text: str) -> str:
    return " ".join(str(text).split())


GLOSSARY_TITLE = {"kk": "Глоссарий", "ru": "Глоссарий", "en": "Glossary"}
GLOSSARY_INTRO = {
    "kk": "Кітаптағы терминдер мен қысқартулар қазақ әліпбиінің ретімен берілген; әр терминнің "
          "орысша және ағылшынша атауы анықтамасының алдында көрсетілген.",
    "ru": "Термины и сокращения книги даны в порядке русского алфавита; перед определением "
          "каждого термина указаны его казахское и английское названия.",
    "en": "The book's terms and abbreviations in alphabetical order; before each definition "
          "the term's Kazakh and Russian names are given.",
}
TRANSLATION_LABEL = {
    "kk": {"kk": "қаз.", "ru": "орыс.", "en": "ағыл."},
    "ru": {"kk": "каз.", "ru": "рус.", "en": "англ."},
    "en": {"kk": "Kazakh", "ru": "Russian", "en": "English"},
}


def glossary_page(lang: str | None = None) -> str:
    """The glossary page: every term and abbreviation.

    Without ``lang``: one page for the three languages (entries named in all three, the
    definition in each language's tab). With ``lang`` (a language edition): the title, the
    introduction and the definitions in that language, the entries sorted by its alphabet
    (:func:`digecon.i18n.alphabet_key`), and the other two names shown as translations.

    >>> page = glossary_page("kk")
    >>> page.splitlines()[1], "ағыл." in page, "**ru**" in page
    ('# Глоссарий', True, False)
    """
    if lang is not None:
        return _glossary_page_in(i18n.check_lang(lang))
    head = tabs({
        "kk": "Кітаптағы әр термин үш тілде берілген: қазақша, орысша, ағылшынша. "
              "Анықтама таңдалған тілде көрсетіледі.",
        "ru": "Каждый термин книги дан на трёх языках: казахском, русском и "
              "английском. Определение показано на выбранном языке.",
        "en": "Every term of the book is given in three languages: Kazakh, Russian "
              "and English. The definition is shown in the language you chose.",
    })
    lines = ["(glossary-page)=", "# Глоссарий · Глоссарий · Glossary", "", head, "",
             "```{glossary}", ":sorted:", ""]
    seen: set[str] = set()
    for row in i18n.terms().itertuples(index=False):
        names = []
        for lang in ("en", "ru", "kk"):
            name = _escape(getattr(row, lang))
            folded = name.lower()
            if folded in seen or not name:
                continue
            seen.add(folded)
            names.append(name)
        if not names:
            continue
        lines.extend(names)
        for lang in i18n.LANGS:
            definition = _escape(getattr(row, f"def_{lang}") or "")
            if definition:
                lines.append(f"  **{lang}** · {definition}")
                lines.append("")
        lines.append("")
    lines.append("```")
    return "\n".join(lines) + "\n"


def foreign_name(name: str, lang: str) -> str:
    """A name in another language than the page's, in italics with its ``lang`` (raw HTML).

    >>> foreign_name("R&D", "en")
    '<em lang="en">R&amp;D</em>'
    """
    return f'<em lang="{lang}">{html.escape(_escape(name))}</em>'


def _glossary_page_in(lang: str) -> str:
    lines = ["(glossary-page)=", f"# {GLOSSARY_TITLE[lang]}", "", GLOSSARY_INTRO[lang], "",
             "```{glossary}", ""]
    seen: set[str] = set()
    others = [code for code in i18n.LANGS if code != lang]
    for row in i18n.terms(lang).itertuples(index=False):
        name = _escape(getattr(row, lang))
        if not name or name.lower() in seen:
            continue
        seen.add(name.lower())
        lines.append(name)
        # the other names are in their own language: marked so (for screen readers, hyphenation
        # and the foreign-string check), in italics as before
        names = [f"{TRANSLATION_LABEL[lang][code]}: {foreign_name(getattr(row, code), code)}"
                 for code in others if _escape(getattr(row, code))]
        definition = _escape(getattr(row, f"def_{lang}") or "")
        body = " · ".join(names)
        if definition:
            body = f"{body}. {definition}" if body else definition
        lines.append(f"  {body}" if body else "  —")
        lines.append("")
    lines.append("```")
    return "\n".join(lines) + "\n"


def status_page(records: Mapping[str, Mapping | None]) -> str:
    """The execution-status page from the records the build stored in each notebook."""
    head = {
        "kk": "Әр тарау papermill арқылы орындалды; кестеде соңғы "
              "орындалудың нәтижесі, ұзақтығы және Python мен пакеттердің нұсқалары берілген.",
        "ru": "Каждая глава выполнена papermill; в таблице — результат "
              "последнего запуска, его длительность и версии Python и пакетов.",
        "en": "Every chapter was executed by papermill; the table gives the "
              "result of its last run, how long it took, and the Python and package versions.",
    }
    blocks = {}
    for lang in i18n.LANGS:
        cols = [i18n.t(k, lang) for k in ("notebook", "status", "run_time_s", "executed_at",
                                            "python")]
        rows = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
        packages: dict[str, str] = {}
        for nb, rec in records.items():
            if not rec:
                rows.append(f"| `{nb}` | – | – | – | – |")
                continue
            status = i18n.t("ok" if rec.get("status") == "ok" else "failed", lang)
            rows.append(
                f"| `{nb}` | {status} | {fmt.format_number(rec.get('seconds', 0), 1, lang)} "
                f"| {rec.get('executed_at', '')}"
                f" | {rec.get('python', '')} |"
            )
            packages.update(rec.get("packages", {}))
        pkg = ", ".join(f"{k} {v}" for k, v in sorted(packages.items()))
        blocks[lang] = head[lang] + "\n\n" + "\n".join(rows) + (
            f"\n\n{i18n.t('packages', lang)}: {pkg}" if pkg else "")
    return ("(status-page)=\n# Орындалу күйі · Статус выполнения · Execution status\n\n"
            + tabs(blocks))
