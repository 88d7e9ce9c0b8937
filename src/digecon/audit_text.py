"""The audit's words in the reader's language: the ``quantity`` and ``why`` of every row.

An audit row is written once, in English, by the chapter's ``audit.py``. Its Kazakh and Russian
wording comes from the chapter's catalog ``data/audit_text_<chapter>.csv`` (columns ``en``,
``kk``, ``ru``), so the words live in the data package beside the vocabulary, not in code.

A catalog line is either the exact English text or a **template** with named placeholders:

* ``{a}`` stands for a number (``0.34``, ``2018``, ``-1.5``, ``9,136.5``, ``0,4876``); in kk and
  ru it is printed with a decimal comma (a number the source printed with a comma stays as
  printed). A Kazakh case ending written after it with a hyphen is re-chosen for the number
  (``{a}-ге`` gives ``855,6-ға``), as in the narrative (:func:`digecon.fmt.expand_number_roles`);
* ``{a:code}`` stands for a country or region code (``KAZ``, ``KZ-AST``), printed as the place's
  name in the reader's language (:func:`digecon.i18n.place`);
* ``{a:text}`` stands for any words, themselves looked up in the same catalog (a line whose
  ``en`` is exactly those words), so a long sentence can be assembled from parts.

The first matching line wins; exact lines are tried before templates.

>>> say("EGDI 2020 rank, KAZ", "ru", [("EGDI {y} rank, {c:code}", "", "ранг EGDI {y}, {c:code}")])
'ранг EGDI 2020, Казахстан'
>>> say("rounding allows 0.34 to 0.68", "kk",
...     [("rounding allows {a} to {b}", "дөңгелектеу {a}-ден {b}-ге дейін мүмкін етеді", "")])
'дөңгелектеу 0,34-тен 0,68-ге дейін мүмкін етеді'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

import pandas as pd

#: a number as the audit's English text writes it (or quotes the source)
NUMBER = r"[-+−]?\d+(?:[.,]\d+)*(?:e[-+]?\d+)?"
_PLACEHOLDER = re.compile(r"\{(\w+)(?::(code|text))?\}")
_CODE = r"[A-Z]{3}|KZ-[A-Z]{3}|[A-Z]{2}"


def localize_number(text: str, lang: str) -> str:
    """A number from the audit's English text, printed in ``lang``.

    >>> [localize_number(x, "ru") for x in ("0.34", "0,4876", "-1.5", "9,136.5", "2018")]
    ['0,34', '0,4876', '−1,5', '9\\u202f136,5', '2018']
    >>> localize_number("0.34", "en")
    '0.34'
    """
    if lang == "en":
        return text
    sign, body = "", text
    if body[:1] in "-−+":
        sign, body = ("−" if body[0] in "-−" else "+"), body[1:]
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", body):  # English thousands: 9,136.5
        whole, _, frac = body.partition(".")
        body = whole.replace(",", "\u202f") + ("," + frac if frac else "")
    elif "," not in body:  # 0.34 -> 0,34 (a comma means the source's own print: kept)
        body = body.replace(".", ",")
    return sign + body


@functools.cache
def _compiled(en: str) -> tuple[re.Pattern[str], tuple[tuple[str, str], ...]]:
    parts, names, pos = [], [], 0
    for m in _PLACEHOLDER.finditer(en):
        parts.append(re.escape(en[pos:m.start()]))
        name, kind = m.group(1), m.group(2) or "number"
        pattern = {"number": NUMBER, "code": _CODE, "text": ".+?"}[kind]
        parts.append(f"(?P<{name}>{pattern})")
        names.append((name, kind))
        pos = m.end()
    parts.append(re.escape(en[pos:]))
    return re.compile("".join(parts) + r"\Z"), tuple(names)


def _fill(template: str, values: dict[str, str], kinds: dict[str, str], lang: str,
          catalog: Sequence[tuple[str, str, str]], used: set[str] | None = None) -> str | None:
    from digecon import fmt, i18n

    shown: dict[str, str] = {}
    for name, value in values.items():
        kind = kinds[name]
        if kind == "code":
            try:
                shown[name] = i18n.place(value, lang)
            except KeyError:
                shown[name] = value
        elif kind == "text":
            inner = say(value, lang, catalog, strict=True, used=used)
            if inner is None:
                return None
            shown[name] = inner
        else:
            shown[name] = localize_number(value, lang)
    out = _PLACEHOLDER.sub(lambda m: "\0" + m.group(1) + "\0", template)
    if lang == "kk":  # re-choose the case ending written after a number for this number
        def ending(m: re.Match[str]) -> str:
            name, suffix = m.group(1), m.group(2)
            case = fmt.KK_SUFFIX_CASE.get(suffix)
            if case is None:  # not a case ending (-орын): kept
                return m.group(0)
            return f"\0{name}\0-{fmt.kk_suffix(shown[name], case).rsplit('-', 1)[1]}"

        out = re.sub(r"\0(\w+)\0-([а-яәғқңөұүһі]+)", lambda m: ending(m)
                     if kinds.get(m.group(1)) == "number" else m.group(0), out)
    return re.sub(r"\0(\w+)\0", lambda m: shown[m.group(1)], out)


def say(text: str, lang: str, catalog: Sequence[tuple[str, str, str]], *,
        strict: bool = False, used: set[str] | None = None) -> str | None:
    """``text`` (the audit's English) in ``lang`` by ``catalog`` lines ``(en, kk, ru)``.

    Returns ``text`` unchanged in English, for an empty text, or when no line matches
    (``None`` instead when ``strict``), so a missing line shows up in :func:`untranslated`.
    ``used``, when given, collects the ``en`` of every line the translation took (a template
    and the lines of its nested ``{t:text}`` parts), for :func:`unused_lines`.

    >>> say("a b", "kk", [("a b", "а б", "а б")]), say("c", "kk", [("a b", "а б", "а б")])
    ('а б', 'c')
    """
    if lang == "en" or not text:
        return text
    column = {"kk": 1, "ru": 2}[lang]
    exact = _exact(tuple(catalog), column)
    if text in exact:
        if used is not None:
            used.add(text)
        return exact[text]
    for line in catalog:
        if "{" not in line[0] or not line[column]:
            continue
        pattern, names = _compiled(line[0])
        m = pattern.match(text)
        if m:
            parts: set[str] | None = set() if used is not None else None
            filled = _fill(line[column], m.groupdict(), dict(names), lang, catalog, parts)
            if filled is not None:
                if used is not None and parts is not None:
                    used |= parts | {line[0]}
                return filled
    return None if strict else text


@functools.lru_cache(maxsize=64)
def _exact(catalog: tuple[tuple[str, str, str], ...], column: int) -> dict[str, str]:
    return {line[0]: line[column] for line in catalog if "{" not in line[0] and line[column]}


@functools.cache
def catalog(chapter: str) -> tuple[tuple[str, str, str], ...]:
    """The lines ``(en, kk, ru)`` of ``data/audit_text_<chapter>.csv`` (none if it is absent).

    >>> all(len(line) == 3 for line in catalog("egov"))
    True
    """
    from digecon import data

    try:
        frame = data.load(f"audit-text-{chapter}")
    except KeyError:
        return ()
    frame = frame.fillna("")
    return tuple(zip(frame["en"], frame["kk"], frame["ru"], strict=True))


def localize_rows(frame: pd.DataFrame, lang: str,
                  columns: Iterable[str] = ("quantity", "why")) -> pd.DataFrame:
    """``frame`` (audit rows with a ``chapter`` column) with ``columns`` in ``lang``.

    >>> rows = pd.DataFrame({"chapter": ["egov"], "quantity": [""], "why": [""]})
    >>> localize_rows(rows, "kk")["quantity"].tolist()
    ['']
    """
    out = frame.copy()
    if lang == "en":
        return out
    for column in columns:
        if column in out.columns:
            out[column] = [say(str(text), lang, catalog(chapter)) if isinstance(text, str)
                           else text for chapter, text in zip(out["chapter"], out[column],
                                                               strict=True)]
    return out


def untranslated(frame: pd.DataFrame, lang: str,
                 columns: Iterable[str] = ("quantity", "why")) -> pd.DataFrame:
    """The rows' texts that no catalog line puts into ``lang``: ``chapter, column, en``.

    >>> rows = pd.DataFrame({"chapter": ["egov"], "quantity": ["no such words"], "why": [""]})
    >>> untranslated(rows, "kk")["en"].tolist()
    ['no such words']
    """
    missing = []
    for column in columns:
        for chapter, text in zip(frame["chapter"], frame[column], strict=True):
            if isinstance(text, str) and text and say(text, lang, catalog(chapter),
                                                      strict=True) is None:
                missing.append((chapter, column, text))
    return pd.DataFrame(missing, columns=["chapter", "column", "en"]).drop_duplicates()


def unused_lines(frame: pd.DataFrame,
                 catalogs: dict[str, Sequence[tuple[str, str, str]]] | None = None,
                 columns: Iterable[str] = ("quantity", "why")) -> pd.DataFrame:
    """The catalog lines no audit text of ``frame`` takes, in Kazakh or Russian: ``chapter,
    en``. ``catalogs`` maps a chapter to its lines (default: every chapter's
    :func:`catalog`). A line shadowed by an earlier one that matches the same texts is unused.

    >>> lines = [("no series", "қатар жоқ", "ряда нет"), ("old words", "ескі", "старое")]
    >>> rows = pd.DataFrame({"chapter": ["x"], "quantity": ["no series"], "why": [""]})
    >>> unused_lines(rows, {"x": lines})["en"].tolist()
    ['old words']
    """
    if catalogs is None:
        from digecon.chapters import NAMES

        catalogs = {chapter: catalog(chapter) for chapter in NAMES}
    used: dict[str, set[str]] = {chapter: set() for chapter in catalogs}
    for column in columns:
        if column not in frame.columns:
            continue
        for chapter, text in zip(frame["chapter"], frame[column], strict=True):
            if chapter in catalogs and isinstance(text, str) and text:
                for lang in ("kk", "ru"):
                    say(text, lang, catalogs[chapter], used=used[chapter])
    unused = [(chapter, line[0]) for chapter, lines in catalogs.items() for line in lines
              if line[0] not in used[chapter]]
    return pd.DataFrame(unused, columns=["chapter", "en"])
