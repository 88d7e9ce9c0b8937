"""Bibliography and citations in the edition's language (a Sphinx extension).

sphinxcontrib-bibtex formats references with pybtex's ``plain`` style and citations with its
``author_year`` style, both with English words: "and", "et al.", "PhD thesis". This extension
registers the same styles with the words of each language and, when Sphinx starts, picks the
ones for its ``language`` setting (``kk``, ``ru`` or ``en``; others keep English):

* between two authors: «және» (kk), «и» (ru), "and" (en); three or more in a citation:
  «Киреева және т.б.», «Киреева и др.», "Kireyeva et al.";
* a thesis: «PhD диссертациясы», «диссертация на соискание степени PhD», "PhD thesis".

Enable it with ``extra_extensions: [digecon_book.bibstyle]`` in ``_config.yml``; a language
edition then only sets ``language``.

>>> WORDS["kk"]["et_al"], WORDS["ru"]["and"]
('және т.б.', ' и ')
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pybtex.plugin
from pybtex.richtext import Text
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.formatting.unsrt import date
from pybtex.style.template import field as bib_field
from pybtex.style.template import first_of, names, optional_field, sentence
from sphinxcontrib.bibtex.plugin import register_plugin
from sphinxcontrib.bibtex.style.referencing import PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

WORDS: dict[str, dict[str, str]] = {
    "kk": {"and": " және ", "last_and": " және ", "et_al": "және т.б.",
           "thesis": "PhD диссертациясы"},
    "ru": {"and": " и ", "last_and": " и ", "et_al": "и др.",
           "thesis": "диссертация на соискание степени PhD"},
    "en": {"and": " and ", "last_and": ", and ", "et_al": "et al.", "thesis": "PhD thesis"},
}


def formatting_style(lang: str) -> type[PlainStyle]:
    """pybtex's ``plain`` style with the conjunction and thesis type of ``lang``."""
    words = WORDS[lang]

    class Style(PlainStyle):
        def format_names(self, role, as_sentence=True):
            formatted = names(role, sep=", ", sep2=words["and"], last_sep=words["last_and"])
            return sentence[formatted] if as_sentence else formatted

        def get_phdthesis_template(self, e):
            return toplevel[
                sentence[self.format_names("author")],
                self.format_btitle(e, "title"),
                sentence[first_of[optional_field("type"), words["thesis"]],
                         bib_field("school"), optional_field("address"), date],
                sentence[optional_field("note")],
                self.format_web_refs(e),
            ]

    Style.__name__ = f"DigeconPlain_{lang}"
    return Style


def referencing_style(lang: str) -> type[AuthorYearReferenceStyle]:
    """sphinxcontrib-bibtex's ``author_year`` style with the words of ``lang``."""
    words = WORDS[lang]

    def make_person() -> PersonStyle:
        return PersonStyle(sep2=words["and"], last_sep=words["last_and"],
                           other=Text(" " + words["et_al"]))

    @dataclass
    class Style(AuthorYearReferenceStyle):
        person: PersonStyle = field(default_factory=make_person)

    Style.__name__ = f"DigeconAuthorYear_{lang}"
    return Style


for _lang in WORDS:
    pybtex.plugin.register_plugin("pybtex.style.formatting", f"digecon_{_lang}",
                                  formatting_style(_lang))
    register_plugin("sphinxcontrib.bibtex.style.referencing", f"author_year_{_lang}",
                    referencing_style(_lang))


def _choose(app, config) -> None:
    lang = (config.language or "en").split("_")[0]
    lang = lang if lang in WORDS else "en"
    if config.bibtex_reference_style == "author_year":
        config.bibtex_reference_style = f"author_year_{lang}"
    if config.bibtex_default_style == "plain":
        config.bibtex_default_style = f"digecon_{lang}"


def setup(app) -> dict:
    """Register the styles and choose them for the edition's ``language``."""
    app.setup_extension("sphinxcontrib.bibtex")
    app.connect("config-inited", _choose, priority=800)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
