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

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from digecon import data, i18n
from digecon.pages import tabs

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


def label(key: str) -> str:
    """A label of the page in the three languages, joined by " · ".

    >>> label("unit")
    'Өлшем бірлігі · Единица · Unit'
    """
    return " · ".join(LABELS[key])


def _inline(text: Any) -> str:
    """Text on one line, safe inside a Markdown table cell or heading."""
    out = " ".join(str(text).split())
    for char in ("\\", "|", "*", "_", "`", "<", ">", "[", "]"):
        out = out.replace(char, "\\" + char)
    return out


def _code(text: Any) -> str:
    """Inline code, escaping nothing (a file or column name)."""
    text = " ".join(str(text).split())
    fence = "``" if "`" in text else "`"
    return f"{fence}{text}{fence}".replace("|", "\\|")


def provenance(source: Mapping[str, Any]) -> str:
    """One source of a resource as a Markdown list item (seed file or official publisher).

    >>> provenance({"title": "t", "file": "002_x.txt", "table": "Кесте 3", "lines": [160, 190]})
    '- Бастапқы файл · Исходный файл · Seed file `002_x.txt`, кесте · таблица · table «Кесте 3», жолдар · строки · lines 160–190'
    >>> provenance({"title": "UN DESA, Survey", "publisher": "UN DESA", "edition": "2024",
    ...             "indicator": "EGDI"})
    '- Жариялаушы · Издатель · Publisher UN DESA, басылым · выпуск · edition 2024, көрсеткіш · показатель · indicator EGDI (UN DESA, Survey)'
    """  # noqa: E501
    parts: list[str] = []
    if source.get("file"):
        parts.append(f"{label('seed')} {_code(source['file'])}")
        if source.get("table"):
            parts.append(f"{label('table')} «{_inline(source['table'])}»")
        lines = source.get("lines")
        if isinstance(lines, list | tuple) and lines:
            span = f"{lines[0]}–{lines[-1]}" if len(lines) > 1 else f"{lines[0]}"
            parts.append(f"{label('lines')} {span}")
        elif lines:
            parts.append(f"{label('lines')} {_inline(lines)}")
        return "- " + ", ".join(parts)
    if source.get("publisher"):
        parts.append(f"{label('publisher')} {_inline(source['publisher'])}")
        if source.get("edition"):
            parts.append(f"{label('edition')} {_inline(source['edition'])}")
        if source.get("indicator"):
            parts.append(f"{label('indicator')} {_inline(source['indicator'])}")
        title = source.get("title")
        text = ", ".join(parts) + (f" ({_inline(title)})" if title else "")
        return "- " + text
    return "- " + _inline(source.get("title", "–"))


def columns_table(fields: list[Mapping[str, Any]], key: list[str] | str | None = None) -> str:
    """The columns of a resource: name, type, unit and description (a Markdown table).

    >>> print(columns_table([{"name": "year", "type": "integer", "description": "survey year"}]))
    | Баған · Столбец · Column | Түрі · Тип · Type | Өлшем бірлігі · Единица · Unit | Сипаттама · Описание · Description |
    |---|---|---|---|
    | `year` | integer | – | survey year |
    """  # noqa: E501
    keys = {key} if isinstance(key, str) else set(key or [])
    head = [label("column"), label("type"), label("unit"), label("description")]
    rows = ["| " + " | ".join(head) + " |", "|---|---|---|---|"]
    for f in fields:
        name = _code(f.get("name", "?")) + (" 🔑" if f.get("name") in keys else "")
        unit = _inline(f["unit"]) if f.get("unit") else "–"
        desc = _inline(f["description"]) if f.get("description") else "–"
        rows.append(f"| {name} | {_inline(f.get('type', 'string'))} | {unit} | {desc} |")
    return "\n".join(rows)


def _row_count(csv_path: Path) -> int | None:
    if not csv_path.exists():
        return None
    return max(0, len(data.read_csv_rows(csv_path)) - 1)  # a BOM is accepted


def resource_section(res: Mapping[str, Any], directory: Path) -> str:
    """The appendix section of one resource."""
    name, path = res["name"], res["path"]
    descriptions = res.get("descriptions") or {}
    fallback = res.get("description") or res.get("title") or name
    blocks = {lang: _inline(descriptions.get(lang) or fallback) for lang in i18n.LANGS}
    schema = res.get("schema") or {}
    rows = _row_count(directory / path)
    size = f", {rows} {label('rows')}" if rows is not None else ""
    out = [
        f"(data-{name})=",
        f"## {_inline(res.get('title') or name)}",
        "",
        f"{_code(name)} · {_code(path)}{size}",
        "",
        tabs(blocks),
        "",
        f"**{label('source')}**",
        "",
        *[provenance(s) for s in res.get("sources") or [{"title": "–"}]],
        "",
        # the columns in a closed dropdown: 60-odd tables would make a very long page
        f"````{{dropdown}} {label('columns')} ({len(schema.get('fields') or [])})",
        "",
        columns_table(schema.get("fields") or [], schema.get("primaryKey")),
        "````",
        "",
        f"{label('download')}: {{download}}`{path} <{STATIC_DATA}/{path}>`",
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


def data_appendix_page(directory: Path | None = None) -> str:
    """The data appendix (MyST Markdown): every resource of ``datapackage.json``."""
    directory = directory or data.data_dir()
    pkg = data.package(directory)
    lines = ["(data-appendix)=", f"# {label('title')}", "", tabs(INTRO), ""]
    for res in pkg["resources"]:
        lines.append(resource_section(res, directory))
    return "\n".join(lines).rstrip() + "\n"
