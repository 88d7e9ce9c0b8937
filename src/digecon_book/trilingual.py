"""One trilingual source, one language out: the conventions of the book's sources in one place.

The notebooks carry every narrative block in Kazakh, Russian and English:

* a **tab-set** of sync group ``lang`` with one ``tab-item`` per language (``:sync: kk|ru|en``);
* a **title** (headings, toc captions, the book title) as ``"Қазақша · Русский · English"``,
  the three names in that order, separated by :data:`SEP`;
* a **glued number** as ``{glue:text}`name:spec``` (myst-nb), its value stored in the
  executed notebook.

This module picks one language out of such a source. The HTML editions and the student
notebooks are both made with it, so the two always agree.

>>> pick("Кіріспе · Введение · Introduction", "ru")
'Введение'
>>> md = ("# Кіріспе · Введение · Introduction\\n````{tab-set}\\n:sync-group: lang\\n\\n"
...       "```{tab-item} Қазақша\\n:sync: kk\\nСәлем\\n```\\n\\n"
...       "```{tab-item} English\\n:sync: en\\nHello\\n```\\n````\\n")
>>> print(select_language(md, "en"))
# Introduction
Hello
<BLANKLINE>
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

LANGS = ("kk", "ru", "en")
#: the separator of the three names in a trilingual title
SEP = " · "

_OPEN = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|:{3,})\{(?P<name>[\w:-]+)\}(?P<arg>.*)$")
_HEADING = re.compile(r"^(?P<hashes>#{1,6}\s+)(?P<text>.+?)\s*$")
_GLUE_TEXT = re.compile(r"\{glue:text\}`(?P<key>[^`:]+)(?::(?P<spec>[^`]*))?`")


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is one of the book's languages, else raise a clear error.

    >>> check_lang("kk")
    'kk'
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: the book's languages are {', '.join(LANGS)}")
    return lang


def is_trilingual(text: str) -> bool:
    """True when ``text`` is a trilingual title ``"kk · ru · en"``.

    >>> is_trilingual("Тараулар · Главы · Chapters"), is_trilingual("EGDI")
    (True, False)
    """
    return len(text.split(SEP)) == len(LANGS)


def pick(text: str, lang: str) -> str:
    """The ``lang`` part of a trilingual title; any other text comes back unchanged.

    >>> pick("Тараулар · Главы · Chapters", "kk")
    'Тараулар'
    >>> pick("EGDI", "en")
    'EGDI'
    """
    check_lang(lang)
    parts = text.split(SEP)
    if len(parts) != len(LANGS):
        return text
    return parts[LANGS.index(lang)].strip()


_BIB_FIELD = re.compile(r"^(?P<head>\s*\w+\s*=\s*)\{(?P<body>.*)\}(?P<tail>,?\s*)$")


def select_bibtex(text: str, lang: str) -> str:
    """Keep only ``lang`` in the trilingual fields of a BibTeX file (``{kk · ru · en}``, one
    field a line, as in ``references.bib``); other fields are left as they are.

    >>> print(select_bibtex("  author = {{А · Авторы не названы · U}},\\n", "ru"), end="")
      author = {{Авторы не названы}},
    """
    check_lang(lang)
    out = []
    for line in text.splitlines(keepends=True):
        m = _BIB_FIELD.match(line.rstrip("\n"))
        if m:
            body = m["body"]
            braced = body.startswith("{") and body.endswith("}")
            inner = body[1:-1] if braced else body
            if is_trilingual(inner):
                inner = pick(inner, lang)
                body = "{" + inner + "}" if braced else inner
                line = f"{m['head']}{{{body}}}{m['tail']}" + ("\n" if line.endswith("\n") else "")
        out.append(line)
    return "".join(out)


def _close(lines: list[str], start: int, fence: str) -> int:
    """Index of the line that closes the fence opened at ``start``."""
    for j in range(start + 1, len(lines)):
        if lines[j].strip() == fence:
            return j
    raise ValueError(f"fence {fence!r} opened at line {start + 1} is never closed")


def _options_end(body: list[str]) -> int:
    """Index of the first line of a directive body after its ``:option:`` lines."""
    i = 0
    while i < len(body) and re.match(r"^\s*:[\w-]+:", body[i]):
        i += 1
    return i


def tab_items(block: list[str]) -> dict[str, list[str]]:
    """The tab-items of a tab-set's body lines, as ``{sync id: content lines}``."""
    items: dict[str, list[str]] = {}
    i = 0
    while i < len(block):
        m = _OPEN.match(block[i])
        if m and m["name"] == "tab-item":
            end = _close(block, i, m["fence"])
            body = block[i + 1 : end]
            sync = next((ln.split(":", 2)[2].strip() for ln in body[: _options_end(body)]
                         if ln.strip().startswith(":sync:")), "")
            content = body[_options_end(body):]
            while content and not content[0].strip():
                content = content[1:]
            items[sync] = content
            i = end + 1
            continue
        i += 1
    return items


def select_language(markdown: str, lang: str) -> str:
    """Keep only ``lang`` in a trilingual Markdown cell.

    Tab-sets of sync group ``lang`` become the content of the ``lang`` tab (no tab bar), and
    trilingual headings keep their ``lang`` name. Other text is left as it is.
    """
    check_lang(lang)
    lines = markdown.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        m = _OPEN.match(lines[i])
        if m and m["name"] == "tab-set":
            end = _close(lines, i, m["fence"])
            body = lines[i + 1 : end]
            group = next((ln.split(":", 2)[2].strip() for ln in body[: _options_end(body)]
                          if ln.strip().startswith(":sync-group:")), None)
            if group == "lang":
                items = tab_items(body)
                if lang not in items:
                    raise ValueError(f"tab-set at line {i + 1} has no {lang!r} tab")
                content = items[lang]
                while content and not content[-1].strip():
                    content = content[:-1]
                out.extend(content)
                i = end + 1
                continue
        h = _HEADING.match(lines[i])
        if h and is_trilingual(h["text"]):
            out.append(h["hashes"] + pick(h["text"], lang))
        else:
            out.append(lines[i])
        i += 1
    return "\n".join(out) + ("\n" if markdown.endswith("\n") else "")


def glued_outputs(notebook: dict) -> dict[str, dict]:
    """Every glued output of an executed notebook as ``{name: mime bundle}``.

    myst-nb stores an undisplayed value under mime types prefixed ``application/papermill.record/``
    (its ``scrapbook`` metadata names the prefix); the prefix is taken off here.

    >>> out = {"metadata": {"scrapbook": {"name": "n", "mime_prefix": "p/"}},
    ...        "data": {"p/text/plain": "3"}}
    >>> glued_outputs({"cells": [{"cell_type": "code", "outputs": [out]}]})
    {'n': {'text/plain': '3'}}
    """
    found: dict[str, dict] = {}
    for cell in notebook.get("cells", []):
        for output in cell.get("outputs", []) or []:
            scrap = output.get("metadata", {}).get("scrapbook", {})
            if not scrap.get("name"):
                continue
            prefix = scrap.get("mime_prefix", "")
            found[scrap["name"]] = {
                (k[len(prefix):] if prefix and k.startswith(prefix) else k): v
                for k, v in output.get("data", {}).items()
            }
    return found


def glued_values(notebook: dict) -> dict[str, object]:
    """The values glued by an executed notebook (myst-nb ``glue``), as Python objects.

    Only plain values are returned (numbers, strings): figures and tables stay glued outputs.

    >>> nb = {"cells": [{"cell_type": "code", "outputs": [{"output_type": "display_data",
    ...       "metadata": {"scrapbook": {"name": "x"}}, "data": {"text/plain": "0.5"}}]}]}
    >>> glued_values(nb)
    {'x': 0.5}
    >>> nb["cells"][0]["outputs"][0] = {"output_type": "display_data", "metadata": {"scrapbook":
    ...     {"name": "y", "mime_prefix": "application/papermill.record/"}},
    ...     "data": {"application/papermill.record/text/plain": "'KAZ'"}}
    >>> glued_values(nb)
    {'y': 'KAZ'}
    """
    values: dict[str, object] = {}
    for name, data in glued_outputs(notebook).items():
        if set(data) - {"text/plain"}:
            continue
        text = "".join(data.get("text/plain", ""))
        try:
            values[name] = ast.literal_eval(text)
        except (SyntaxError, ValueError):
            values[name] = text
    return values


def plain_format(value: object, spec: str, lang: str) -> str:
    """Format a glued value as myst-nb does (the language is ignored).

    >>> plain_format(0.65432, ".3f", "en"), plain_format("KAZ", "", "en")
    ('0.654', 'KAZ')
    """
    if not spec:
        return str(value)
    kind = spec[-1]
    if kind in "bcdoxX":
        value = int(value)  # type: ignore[call-overload]
    elif kind in "eEfFgGn%":
        value = float(value)  # type: ignore[arg-type]
    return format(value, spec)


Formatter = Callable[[object, str, str], str]


def substitute_glue(
    markdown: str, values: dict[str, object], lang: str, formatter: Formatter | None = None
) -> str:
    """Replace every ``{glue:text}`name:spec``` by its value, written for ``lang``.

    Without ``formatter`` the book's own rules apply (:func:`digecon.fmt.expand_number_roles`):
    the language's number format, and the words around a number made to agree with it (Kazakh
    case endings, Russian counted nouns). ``formatter(value, spec, lang)`` formats each value
    instead, leaving the words alone. A name that no cell glued raises ``KeyError`` naming it.

    >>> substitute_glue("EGDI {glue:text}`e:.2f`", {"e": 0.815}, "ru")
    'EGDI 0,81'
    >>> substitute_glue("{glue:text}`n` чисел", {"n": 524}, "ru")
    '524 числа'
    >>> substitute_glue("EGDI {glue:text}`e:.2f`", {"e": 0.815}, "ru", plain_format)
    'EGDI 0.81'
    """
    if formatter is None:
        from digecon.fmt import expand_number_roles

        return expand_number_roles(markdown, values, lang)

    def one(m: re.Match[str]) -> str:
        key = m["key"].strip()
        if key not in values:
            raise KeyError(f"{{glue:text}}`{key}` is used in the text but no cell glued {key!r}")
        return formatter(values[key], m["spec"] or "", lang)

    return _GLUE_TEXT.sub(one, markdown)
