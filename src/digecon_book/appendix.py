"""The data appendix: every table of ``data/datapackage.json``, described for the reader.

The build writes the page returned by :func:`data_appendix_page` as ``book/data.md`` of the
staged book. For each resource it gives the title, the description in the three languages (a
tab-set of sync group ``lang``), where the numbers come from (seed file, table and lines, or
publisher, edition and indicator), the columns with their types and units, and a link to
download the CSV. The build copies every CSV to ``book/_static/data/<file>`` of the stage, so the
link is ``{download}`` of ``_static/data/<file>`` relative to the page.

>>> page = data_appendix_page()
>>> page.splitlines()[0]
'(data-appendix)='
>>> "{download}" in page and ":sync-group: lang" in page
True
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from digecon import data, i18n
from digecon_book.pages import tabs

#: where the build puts the CSV files, relative to the appendix page (``book/data.md``)
STATIC_DATA = "_static/data"

#: labels of the page, in the order kk · ru · en (a generated page, like the glossary)
LABELS: dict[str, tuple[str, str, str]] = {
    "title": ("Деректер қосымшасы", "Приложение: данные", "Data appendix"),
    "source": ("Дереккөз", "Источник", "Source"),
    "columns": ("Бағандар", "Столбцы", "Columns"),
    "column": ("Баған", "Столбец", "Column"),
    "type": ("Түрі", "Тип", "Type"),
    "unit": ("Өлшем бірлігі", "Единица", "Unit"),
    "description": ("Сипаттама", "Описание", "Description"),
    "download": ("Жүктеп алу", "Скачать", "Download"),
    "rows": ("жол", "строк", "rows"),
    "key": ("Кілт", "Ключ", "Key"),
    "seed": ("Бастапқы файл", "Исходный файл", "Seed file"),
    "table": ("кесте", "таблица", "table"),
    "lines": ("жолдар", "строки", "lines"),
    "publisher": ("Жариялаушы", "Издатель", "Publisher"),
    "edition": ("басылым", "выпуск", "edition"),
    "indicator": ("көрсеткіш", "показатель", "indicator"),
}

INTRO = {
    "kk": "Кітаптағы әр сан осы кестелерден алынады. Әр кесте — бір CSV файлы (UTF-8, үтірмен "
    "бөлінген, ондық бөлгіш — нүкте); оның сипаттамасы `data/datapackage.json` файлында "
    "(Frictionless Data). Төменде әр кестенің мазмұны, дереккөзі, бағандары мен өлшем "
    "бірліктері және жүктеп алу сілтемесі берілген.",
    "ru": "Каждое число книги берётся из этих таблиц. Каждая таблица — один CSV-файл (UTF-8, "
    "разделитель — запятая, десятичный знак — точка), описанный в `data/datapackage.json` "
    "(Frictionless Data). Ниже для каждой таблицы даны её содержание, источник, столбцы с "
    "типами и единицами измерения и ссылка для скачивания.",
    "en": "Every number in the book comes from these tables. Each table is one CSV file (UTF-8, "
    "comma-separated, a point as the decimal mark) described in `data/datapackage.json` "
    "(Frictionless Data). Below, each table's content, source, columns with their types "
    "and units, and a download link.",
}


#: field types in the reader's language (kk, ru, en)
TYPE_NAMES: dict[str, tuple[str, str, str]] = {
    "integer": ("бүтін сан", "целое число", "integer"),
    "number": ("сан", "число", "number"),
    "string": ("мәтін", "текст", "text"),
    "boolean": ("логикалық", "логический", "boolean"),
}

#: the commonest units in the reader's language; a field may give its own ``units`` instead
UNIT_NAMES: dict[str, tuple[str, str, str]] = {
    "index, 0-1": ("индекс, 0–1", "индекс, 0–1", "index, 0–1"),
    "rank": ("орын", "место", "rank"),
    "%": ("%", "%", "%"),
    "percent": ("%", "%", "%"),
    "million tenge": ("млн теңге", "млн тенге", "million tenge"),
    "mln KZT": ("млн теңге", "млн тенге", "million tenge"),
    "operations": ("операция", "операций", "operations"),
    "minutes": ("минут", "минут", "minutes"),
    "index points": ("индекс ұпайы", "пункты индекса", "index points"),
    "year": ("жыл", "год", "year"),
    "KZT per USD": ("1 АҚШ долларына теңге", "тенге за доллар США", "KZT per USD"),
    "ratio": ("қатынас", "отношение", "ratio"),
    "taxpayers": ("салық төлеуші", "налогоплательщиков", "taxpayers"),
    "people": ("адам", "человек", "people"),
    "% of population": ("халықтың %-ы", "% населения", "% of population"),
    "current US$": ("ағымдағы АҚШ доллары", "текущие доллары США", "current US$"),
    "coefficient": ("коэффициент", "коэффициент", "coefficient"),
    "economies": ("ел", "стран", "economies"),
    "countries": ("ел", "стран", "countries"),
    "share": ("үлес", "доля", "share"),
    "mln dollars (printed 'млн долл')": ("млн доллар", "млн долларов", "mln dollars"),
    "tenths of the ranked field (lower is better)": (
        "рейтингтегі елдердің ондық үлесі (аз болған сайын жақсы)",
        "десятые доли списка рейтинга (меньше — лучше)",
        "tenths of the ranked field (lower is better)"),
    "unit of the variable (see regression-variables)": (
        "айнымалының бірлігі (`regression-variables` кестесін қараңыз)",
        "единица переменной (см. таблицу `regression-variables`)",
        "unit of the variable (see `regression-variables`)"),
    "see abs_unit": ("`abs_unit` бағанын қараңыз", "см. столбец `abs_unit`",
                     "see `abs_unit`"),
}

#: the seeds' names of their parts that are not a numbered table (kk, ru, en)
PART_NAMES: dict[str, tuple[str, str, str]] = {
    "abstract": ("аңдатпа", "аннотация", "abstract"),
    "running text": ("негізгі мәтін", "основной текст", "running text"),
    "text": ("мәтін", "текст", "text"),
    "text list": ("мәтіндегі тізім", "список в тексте", "list in the text"),
    "text of section 1.2": ("1.2-бөлімнің мәтіні", "текст раздела 1.2", "text of section 1.2"),
    "text of section 2.4": ("2.4-бөлімнің мәтіні", "текст раздела 2.4", "text of section 2.4"),
    "text of sections 1.1 and 1.3": ("1.1 және 1.3-бөлімдердің мәтіні",
                                     "текст разделов 1.1 и 1.3", "text of sections 1.1 and 1.3"),
    "text, DESI dimensions": ("мәтін, DESI өлшемдері", "текст, измерения DESI",
                              "text, DESI dimensions"),
    "text, DESI weights in per cent": ("мәтін, DESI салмақтары (пайызбен)",
                                       "текст, веса DESI (в процентах)",
                                       "text, DESI weights in per cent"),
    "text, list of variables": ("мәтін, айнымалылар тізімі", "текст, список переменных",
                                "text, list of variables"),
    "text, section 2.2": ("мәтін, 2.2-бөлім", "текст, раздел 2.2", "text, section 2.2"),
    "text, section 3.2 and recommendations": ("мәтін, 3.2-бөлім және ұсыныстар",
                                              "текст, раздел 3.2 и рекомендации",
                                              "text, section 3.2 and recommendations"),
    "text and Сурет 1": ("мәтін және 1-сурет", "текст и рисунок 1", "text and Figure 1"),
    "Қосымша Д, chart data of Figures 4, 24, 28-31": (
        "Д қосымшасы, 4, 24, 28–31-суреттердің диаграмма деректері",
        "приложение Д, данные диаграмм рисунков 4, 24, 28–31",
        "Appendix D, chart data of Figures 4, 24, 28–31"),
    "Қосымша Д, chart data of internet users": (
        "Д қосымшасы, интернет пайдаланушылар диаграммасының деректері",
        "приложение Д, данные диаграммы пользователей интернета",
        "Appendix D, chart data of internet users"),
    "text on Рисунок 1": ("1-суреттегі мәтін", "текст на рисунке 1", "text on Figure 1"),
}
#: how a table, figure and appendix of a seed are named in the reader's language
_PART_WORDS = {
    "table": ("{n}-кесте", "таблица {n}", "Table {n}"),
    "figure": ("{n}-сурет", "рисунок {n}", "Figure {n}"),
    "appendix": ("{n} қосымшасы", "приложение {n}", "Appendix {n}"),
    "(first)": ("(бірінші)", "(первая)", "(first)"),
    "(second)": ("(екінші)", "(вторая)", "(second)"),
    "(second printing, identical values)": ("(екінші рет басылған, мәндері бірдей)",
                                            "(напечатана второй раз, значения те же)",
                                            "(second printing, identical values)"),
    "(OCR of an image)": ("(кескіннің танылған мәтіні)", "(распознанный текст изображения)",
                          "(OCR of an image)"),
    ", header": (", тақырып жолы", ", заголовок", ", header"),
}
#: Kazakh appendix letters in Latin (the English edition's "Appendix D")
_APPENDIX_LATIN = {"А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E"}


def part_name(name: str, lang: str) -> str:
    """The part of a seed a source names (``"Кесте 3"``, ``"text of section 1.2"``) in ``lang``.

    >>> part_name("Кесте 5 (second printing, identical values)", "ru")
    'таблица 5 (напечатана второй раз, значения те же)'
    >>> part_name("Қосымша Д, Кесте 3 (OCR of an image)", "en"), part_name("2-кесте", "kk")
    ('Appendix D, Table 3 (OCR of an image)', '2-кесте')
    >>> part_name("text of section 1.2", "kk")
    '1.2-бөлімнің мәтіні'
    """
    i = i18n.LANGS.index(i18n.check_lang(lang))
    if name in PART_NAMES:
        return PART_NAMES[name][i]
    w = _PART_WORDS
    out = re.sub(r"(?:Кесте|Таблица|Table)\s+(\d+)|(\d+)-кесте|(\d+) Кесте",
                 lambda m: w["table"][i].format(n=m.group(1) or m.group(2) or m.group(3)), name)
    out = re.sub(r"(?:Сурет|Рисунок|Figure)\s+(\d+)|(\d+) Сурет",
                 lambda m: w["figure"][i].format(n=m.group(1) or m.group(2)), out)
    out = re.sub(r"Қосымша ([А-ЯӘҒ])", lambda m: w["appendix"][i].format(
        n=_APPENDIX_LATIN.get(m.group(1), m.group(1)) if lang == "en" else m.group(1)), out)
    for key in ("(first)", "(second)", "(second printing, identical values)",
                "(OCR of an image)", ", header"):
        out = out.replace(key, w[key][i])
    return out


_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_KAZAKH = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
#: a quotation (of the seed or of a value) inside a description
_QUOTE = re.compile(r"«[^»]*»|‘[^’]*’|„[^“]*“|“[^”]*”|'[^'\s][^']*'")
#: a value or name as the data write it: a Latin word starting lower-case (snake_case, x3..x6,
#: places.csv, alpha-3) or the code pattern KZ-xxx; in kk and ru prose these are code
_IDENT = re.compile(r"(?<![\w`])(?:KZ-xxx|[a-z][A-Za-z0-9]*(?:(?:\.\.|[_.\-])[A-Za-z0-9]+)*)"
                    r"(?![\w])")


def _other_lang(text: str, lang: str) -> str | None:
    """The language of a quotation in another script than ``lang``'s (None: same language)."""
    if lang == "en":
        if _CYRILLIC.search(text):
            return "kk" if _KAZAKH.search(text) else "ru"
        return None
    if lang == "ru" and _KAZAKH.search(text):
        return "kk"
    if text.startswith("«") and re.search(r"[A-Za-z]", text) and not _CYRILLIC.search(text):
        return "en"  # a name quoted as published («Web Measure Index»)
    return None


def _span(text: str, lang: str) -> str:
    """Raw HTML ``<span lang=…>`` around words of another language (safe in a table cell)."""
    return f'<span lang="{lang}">{html.escape(text).replace("|", "&#124;")}</span>'


def described(text: Any, lang: str | None) -> str:
    """A description or unit on one line in ``lang``: values as code, quotations of another
    language marked with ``lang`` (so a reader's tools and the foreign-string check know).

    In kk and ru, a Latin word starting lower-case is a value or name as the data write it
    (``rank``, ``group_38``, ``places.csv``) and a quoted Latin value (``'total'``) too: both
    are shown as code. A quotation in another script (the seed's ‘Барлығы’ in English) is
    marked with its language. ``text`` may itself mark code with backticks.

    >>> described("год или 'total' для строки «Барлығы»", "ru")
    'год или `total` для строки <span lang="kk">«Барлығы»</span>'
    >>> described("жыл немесе 'total', rank (орын), «Web Index»", "kk")
    'жыл немесе `total`, `rank` (орын), <span lang="en">«Web Index»</span>'
    >>> described("year, or ‘total’ for the printed ‘Барлығы’ row", "en")
    'year, or ‘total’ for the printed <span lang="kk">‘Барлығы’</span> row'
    """
    if lang is None:
        return _inline(text)
    text = " ".join(str(text).split())
    out: list[str] = []
    pos = 0
    pattern = re.compile(r"`[^`]+`|" + _QUOTE.pattern)
    for m in pattern.finditer(text):
        out.append(_plain(text[pos:m.start()], lang))
        piece = m.group(0)
        if piece.startswith("`"):
            out.append(_code(piece[1:-1]))
        elif (other := _other_lang(piece, lang)) is not None:
            out.append(_span(piece, other))
        elif lang != "en" and not _CYRILLIC.search(piece) and piece[0] in "'„“":
            out.append(_code(piece[1:-1]))
        else:
            out.append(_plain(piece, lang))
        pos = m.end()
    out.append(_plain(text[pos:], lang))
    return "".join(out)


def _plain(text: str, lang: str) -> str:
    if lang == "en":
        return _escaped(text)
    out, pos = [], 0
    for m in _IDENT.finditer(text):
        out.append(_escaped(text[pos:m.start()]))
        out.append(_code(m.group(0)))
        pos = m.end()
    out.append(_escaped(text[pos:]))
    return "".join(out)


def label(key: str, lang: str | None = None) -> str:
    """A label of the page in ``lang``, or in the three languages joined by " · ".

    >>> label("unit"), label("unit", "kk")
    ('Өлшем бірлігі · Единица · Unit', 'Өлшем бірлігі')
    """
    if lang is None:
        return " · ".join(LABELS[key])
    return LABELS[key][i18n.LANGS.index(i18n.check_lang(lang))]


def in_lang(field: Mapping[str, Any], key: str, lang: str | None,
            names: Mapping[str, tuple[str, str, str]] | None = None) -> str | None:
    """``field[key]`` in ``lang``: from ``field[key + "s"][lang]`` (e.g. ``descriptions``),
    else from ``names`` (a table of translations), else the value as written.

    >>> in_lang({"unit": "rank"}, "unit", "ru", UNIT_NAMES)
    'место'
    >>> in_lang({"description": "year", "descriptions": {"kk": "жыл"}}, "description", "kk")
    'жыл'
    """
    value = field.get(key)
    if lang is None:
        return value
    own = (field.get(key + "s") or {}).get(lang)
    if own:
        return own
    if names and value in names:
        return names[value][i18n.LANGS.index(lang)]
    return value


_label = label


def _inline(text: Any) -> str:
    """Text on one line, safe inside a Markdown table cell or heading."""
    return _escaped(" ".join(str(text).split()))


def _escaped(out: str) -> str:
    """``out`` with the Markdown characters escaped (spaces kept as they are)."""
    for char in ("\\", "|", "*", "_", "`", "<", ">", "[", "]"):
        out = out.replace(char, "\\" + char)
    return out


def _code(text: Any) -> str:
    """Inline code, escaping nothing (a file or column name)."""
    text = " ".join(str(text).split())
    fence = "``" if "`" in text else "`"
    return f"{fence}{text}{fence}".replace("|", "\\|")


def provenance(source: Mapping[str, Any], lang: str | None = None) -> str:
    """One source of a resource as a Markdown list item (seed file or official publisher).

    >>> provenance({"title": "t", "file": "002_x.txt", "table": "Кесте 3", "lines": [160, 190]})
    '- Бастапқы файл · Исходный файл · Seed file `002_x.txt`, кесте · таблица · table «Кесте 3», жолдар · строки · lines 160–190'
    >>> provenance({"title": "UN DESA, Survey", "publisher": "UN DESA", "edition": "2024",
    ...             "indicator": "EGDI"})
    '- Жариялаушы · Издатель · Publisher UN DESA, басылым · выпуск · edition 2024, көрсеткіш · показатель · indicator EGDI (UN DESA, Survey)'
    """  # noqa: E501
    parts: list[str] = []

    def label(key: str) -> str:  # the page's labels in ``lang``
        return _label(key, lang)

    if source.get("file"):
        parts.append(f"{label('seed')} {_code(source['file'])}")
        if source.get("table") and lang is None:
            parts.append(f"{label('table')} «{_inline(source['table'])}»")
        elif source.get("table"):  # the part of the seed, named in the reader's language
            parts.append(described(part_name(source["table"], lang), lang))
        lines = source.get("lines")
        if isinstance(lines, list | tuple) and lines:
            span = f"{lines[0]}–{lines[-1]}" if len(lines) > 1 else f"{lines[0]}"
            parts.append(f"{label('lines')} {span}")
        elif lines:
            parts.append(f"{label('lines')} {_inline(lines)}")
        return "- " + ", ".join(parts)

    def published(value: Any) -> str:  # a publication's own words, in its language (English)
        return _span(" ".join(str(value).split()), "en") if lang in ("kk", "ru") else \
            _inline(value)

    if source.get("publisher"):
        parts.append(f"{label('publisher')} {published(source['publisher'])}")
        if source.get("edition"):
            parts.append(f"{label('edition')} {published(source['edition'])}")
        if source.get("indicator"):
            parts.append(f"{label('indicator')} {published(source['indicator'])}")
        title = source.get("title")
        text = ", ".join(parts) + (f" ({published(title)})" if title else "")
        return "- " + text
    title = in_lang(source, "title", lang) or "–"
    return "- " + described(title, lang)


def columns_table(fields: list[Mapping[str, Any]], key: list[str] | str | None = None,
                  lang: str | None = None) -> str:
    """The columns of a resource: name, type, unit and description (a Markdown table).

    >>> print(columns_table([{"name": "year", "type": "integer", "description": "survey year"}]))
    | Баған · Столбец · Column | Түрі · Тип · Type | Өлшем бірлігі · Единица · Unit | Сипаттама · Описание · Description |
    |---|---|---|---|
    | `year` | integer | – | survey year |
    """  # noqa: E501
    keys = {key} if isinstance(key, str) else set(key or [])
    head = [label("column", lang), label("type", lang), label("unit", lang),
            label("description", lang)]
    rows = ["| " + " | ".join(head) + " |", "|---|---|---|---|"]
    for f in fields:
        name = _code(f.get("name", "?")) + (" 🔑" if f.get("name") in keys else "")
        unit = described(in_lang(f, "unit", lang, UNIT_NAMES), lang) if f.get("unit") else "–"
        desc = described(in_lang(f, "description", lang), lang) if f.get("description") else "–"
        kind = f.get("type", "string")
        if lang is not None:
            kind = in_lang({"type": kind}, "type", lang, TYPE_NAMES) or kind
        rows.append(f"| {name} | {_inline(kind)} | {unit} | {desc} |")
    return "\n".join(rows)


def _row_count(csv_path: Path) -> int | None:
    if not csv_path.exists():
        return None
    return max(0, len(data.read_csv_rows(csv_path)) - 1)  # a BOM is accepted


def resource_section(res: Mapping[str, Any], directory: Path, lang: str | None = None) -> str:
    """The appendix section of one resource (in ``lang``, or in the three languages)."""
    name, path = res["name"], res["path"]
    descriptions = res.get("descriptions") or {}
    fallback = res.get("description") or res.get("title") or name
    blocks = {lang: _inline(descriptions.get(lang) or fallback) for lang in i18n.LANGS}
    schema = res.get("schema") or {}
    rows = _row_count(directory / path)
    size = f", {rows} {label('rows', lang)}" if rows is not None else ""
    title = in_lang(res, "title", lang) or name
    out = [
        f"(data-{name})=",
        f"## {_inline(title)}",
        "",
        f"{_code(name)} · {_code(path)}{size}",
        "",
        tabs(blocks) if lang is None else described(descriptions.get(lang) or fallback, lang),
        "",
        f"**{label('source', lang)}**",
        "",
        *[provenance(s, lang) for s in res.get("sources") or [{"title": "–"}]],
        "",
        # the columns in a closed dropdown: 60-odd tables would make a very long page
        f"````{{dropdown}} {label('columns', lang)} ({len(schema.get('fields') or [])})",
        "",
        columns_table(schema.get("fields") or [], schema.get("primaryKey"), lang),
        "````",
        "",
        f"{label('download', lang)}: {{download}}`{path} <{STATIC_DATA}/{path}>`",
        "",
    ]
    return "\n".join(out)


def download_targets(directory: Path | None = None) -> list[str]:
    """The download targets of the page, relative to ``book/`` (one per resource).

    >>> all(t.startswith("_static/data/") for t in download_targets())
    True
    """
    pkg = data.package(directory)
    return [f"{STATIC_DATA}/{res['path']}" for res in pkg["resources"]]


def data_appendix_page(directory: Path | None = None, lang: str | None = None) -> str:
    """The data appendix (MyST Markdown): every resource of ``datapackage.json``.

    Without ``lang`` the page is trilingual; with ``lang`` (a language edition) every label,
    description, type and unit is in that language: a field's ``descriptions`` / ``units`` and
    a resource's ``titles`` (``{"kk": ..., "ru": ..., "en": ...}`` in ``datapackage.json``) are
    used where given, else the tables :data:`TYPE_NAMES` and :data:`UNIT_NAMES`.

    >>> page = data_appendix_page(lang="ru")
    >>> page.splitlines()[1], "Өлшем бірлігі" in page
    ('# Приложение: данные', False)
    """
    directory = directory or data.data_dir()
    pkg = data.package(directory)
    intro = tabs(INTRO) if lang is None else INTRO[i18n.check_lang(lang)]
    lines = ["(data-appendix)=", f"# {label('title', lang)}", "", intro, ""]
    for res in pkg["resources"]:
        lines.append(resource_section(res, directory, lang))
    return "\n".join(lines).rstrip() + "\n"
