"""One term per concept per language: find rejected variants in the narrative.

``data/term_variants.csv`` lists, for each language, the glossary's term (``preferred``) and the
variants the book does not use (``rejected``, a regular expression matched at the start of a
word, ignoring case when written in lower case, so that any ending matches: ``ғаламтор`` finds
«ғаламторға»). :func:`notebook_term_problems` checks every language tab of a chapter against the
variants of that language; :func:`glossary_term_problems` checks the labels and definitions of
``data/glossary.csv``, which appear in figures and tables.

>>> term_problems("Кесте 10 бойынша ғаламторға қосылған үйлер", "kk")
["'ғаламторға': write 'интернет' (internet), not 'ғаламтор'"]
>>> term_problems("Сурет күлгін түспен", "kk")
[]
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from digecon import data
from digecon_book import lint

_LETTER = r"A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі"
_STRIP = [
    re.compile(r"\{(?:glue|glue:\w+|cite|cite:p|cite:t|ref|numref|doc|eq|download)\}`[^`]*`"),
    re.compile(r"(?<![}\w])`[^`]*`"),  # inline code (role text such as {term}`x` is kept)
    re.compile(r"\$\$.*?\$\$|\$[^$\n]*\$", re.S),
    re.compile(r"^\s*(?:`{3,}|:{3,}).*$|^\s*:(?!alt:)[\w-]+:.*$", re.M),  # fences and options
]


@lru_cache(maxsize=1)
def variants() -> pd.DataFrame:
    """The rejected variants (``data/term_variants.csv``)."""
    return data.load("term-variants")


def _pattern(rejected: str) -> re.Pattern[str]:
    flags = re.IGNORECASE if rejected == rejected.lower() else 0
    return re.compile(rf"(?<![{_LETTER}]){rejected}[{_LETTER}]*", flags)


def visible_text(markdown: str) -> str:
    """The words of a tab a reader sees: without glue and citation roles, code and maths.

    >>> visible_text("Текст {glue:text}`x:.1f` и `код`, $a_b$ и {term}`ИКТ`")
    'Текст   и  ,   и {term}`ИКТ`'
    """
    for pattern in _STRIP:
        markdown = pattern.sub(" ", markdown)
    return markdown


def term_problems(text: str, lang: str) -> list[str]:
    """Rejected variants of language ``lang`` found in ``text`` (one message per match)."""
    out = []
    rows = variants()
    for row in rows[rows["lang"] == lang].itertuples(index=False):
        for m in _pattern(row.rejected).finditer(visible_text(text)):
            out.append(f"{m.group(0)!r}: write {row.preferred!r} ({row.key}), not "
                       f"{row.rejected!r}")
    return out


def notebook_term_problems(path: Path) -> list[str]:
    """Rejected variants in the language tabs of one chapter notebook."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    problems = []
    for idx, cell in enumerate(nb.get("cells", [])):
        if cell["cell_type"] != "markdown":
            continue
        text = "".join(cell["source"])
        for block in lint.tab_sets(text):
            for lang, body in block["tabs"].items():
                for problem in term_problems(body, lang):
                    problems.append(f"{Path(path).name}, cell {idx} [{lang}]: {problem}")
        for line in lint.outside_tab_sets(text):  # headings "kk · ru · en"
            parts = line.lstrip("#").split(" · ")
            if line.startswith("#") and len(parts) == 3:
                for lang, part in zip(("kk", "ru", "en"), parts, strict=True):
                    for problem in term_problems(part, lang):
                        problems.append(f"{Path(path).name}, cell {idx} heading [{lang}]: "
                                        f"{problem}")
    return problems


def glossary_term_problems() -> list[str]:
    """Rejected variants in the labels and definitions of ``data/glossary.csv``."""
    vocab = data.load("glossary")
    problems = []
    for row in vocab.itertuples(index=False):
        for lang in ("kk", "ru", "en"):
            for col in (lang, f"def_{lang}"):
                value = getattr(row, col)
                if isinstance(value, str):
                    problems += [f"glossary {row.key} ({col}): {p}"
                                 for p in term_problems(value, lang)]
    return problems
