"""Inventory of every number the sources print, and how each is accounted for.

Every number in every seed (tables and running text) is listed with its file, line, section and
context, and is either

* **audited** — an audit row (:func:`digecon.audit.collect`) names the same seed and line (its
  ``line``, or any line its location names: a list, a range, a repeat; see
  :func:`digecon.audit.lines_of`) and prints the same value, or names a printed table
  (``Кесте 17``) and prints a distinctive value (with decimals, or of four digits or more)
  found in that table's block of lines (its resources' ``sources``). A row does not reach a
  neighbouring line it does not name: a table cell the extraction splits onto its own line is
  audited by a row that names that line. When its value occurs twice on a line, the row takes
  the occurrence no exclusion rule explains (not the exponent of "R^2");
* **excluded** — with a stated reason, by a rule (a year, a reference number, a date, a legal
  act's number, list or heading numbering, a table/figure/formula number, a page, a bibliography
  entry, a name such as "Industry 4.0", an ordinal that is not a rank: a rank such as "30-шы
  орынға" is a claim) or by a row of ``data/inventory_exclusions.csv``;
* **unaccounted** — neither: the audit's remaining gap.

Coverage is the share audited or excluded, by source and by section. Run as a script to print
the coverage table: ``python -m digecon_book.inventory [seeds folder]``.

>>> numbers_in("В 2019 г. рост составил 12,5 % [68].")
[('2019', 2), ('12,5', 24), ('68', 32)]
"""

from __future__ import annotations

import os
import re
import sys
from functools import lru_cache
from pathlib import Path

import pandas as pd

from digecon import audit, data

SOURCES = {
    "000": "article on digitalization and regional development (seed 000)",
    "001": "dissertation (seed 001)",
    "002": "article on e-government and the EGDI (seed 002)",
    "003": "abstract on regional ICT (seed 003)",
    "004": "fragments on e-commerce, cities, literacy (seed 004)",
}

AUDITED, EXCLUDED, UNACCOUNTED = "audited", "excluded", "unaccounted"

# a number, its thousands grouped by spaces or (narrow) no-break spaces as printed ("5 537,1")
_DIGITS = r"(?>\d{1,3}(?:[ \u00a0\u202f]+\d{3}(?!\d))+|\d+)(?:[.,]\d+)?"
_PLAIN = r"\d+(?:[.,]\d+)?"


def _number_pattern(digits: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.,])[-−]?{digits}(?![\w]|[.,]\d)|(?<![\w.,])[-−]?{digits}"
                      r"(?=[%‰]|[a-zA-Zа-яА-ЯәғқңөұүһіӘҒҚҢӨҰҮҺІ-])")


_NUMBER = _number_pattern(_DIGITS)
# rows of the scanned appendix tables print decimal points and separate their cells by spaces:
# there, spaces do not group thousands
_UNGROUPED = _number_pattern(_PLAIN)
_POINT_DECIMAL = re.compile(r"\d\.\d")
_MONTHS = ("қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан|"
           "январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр|"
           "january|february|march|april|may|june|july|august|september|october|november|"
           "december")
_LEGAL = re.compile(r"(№|N\s?o|заң|закон|жарлы|указ|қаулы|постановлени|бұйрық|приказ|кодекс|"
                    r"бағдарлама.*бекіт|программ.*утвержд)", re.IGNORECASE)
_TABLE_NO = re.compile(r"(кесте|таблица|table|сурет|рисунок|figure|fig\.|қосымша|приложени|"
                       r"формула|formula|бөлім|раздел|section)", re.IGNORECASE)
_NAMES = re.compile(r"(индустрия|industry|industrie|web|веб|5g|4g|3g|2g|lte|g20|g7|covid|"
                    r"iso|ipv|wi-?fi|sdg|цур|ict|икт)\s*[-–]?\s*$", re.IGNORECASE)
# an ordinal followed by a place in a ranking ("30-шы орынға", "1-ое место") is a rank: a claim
_RANK_WORDS = re.compile(r"\s*-?\s*(ші|шы|ое|ый|е|й|м)?\s+(орын|орны|место|месте|мест|позици|"
                         r"place|rank)", re.IGNORECASE)
_PAGE = re.compile(r"^\s*(б|бет|с|стр|p|pp|pages?)\.?(?!\w)", re.IGNORECASE)
_REFS_HEADINGS = re.compile(r"^\s*(ЛИТЕРАТУРА|REFERENCES|ПАЙДАЛАНЫЛҒАН ӘДЕБИЕТ|СПИСОК ЛИТЕРАТУРЫ|"
                            r"ӘДЕБИЕТТЕР|НОРМАТИВТІК СІЛТЕМЕЛЕР)", re.IGNORECASE)
_HEADINGS = re.compile(
    r"^\s*(?:\[bookmark: _Toc\d+\])?\s*("
    r"\d\.\d\s+\S.*|Қосымша\s+[А-ЯӘA-Z].*|ҚОРЫТЫНДЫ|ЗАКЛЮЧЕНИЕ|CONCLUSION|КІРІСПЕ|ВВЕДЕНИЕ|"
    r"INTRODUCTION|АҢДАТПА|Аңдатпа|АННОТАЦИЯ|Аннотация|ANNOTATION|Annotation|ABSTRACT|Abstract|"
    r"ЗЕРТТЕУДІҢ НЕГІЗГІ БӨЛІМІ|ОСНОВНАЯ ЧАСТЬ|ЛИТЕРАТУРА|REFERENCES|НОРМАТИВТІК СІЛТЕМЕЛЕР|"
    r"Материалы и методы|Результаты.*|Обсуждение.*|Заключение|Введение)\s*$")


_OPENINGS = (
    # the dissertation's front matter runs its headings into the first sentence
    ("Диссертациялық жұмыста келесі анықтамалар", "АНЫҚТАМАЛАР"),
    ("АКТ – Ақпараттық-Коммуникациялық", "БЕЛГІЛЕУЛЕР МЕН ҚЫСҚАРТУЛАР"),
    ("Диссертациялық зерттеудің өзектілігі", "КІРІСПЕ"),
)


def numbers_in(text: str) -> list[tuple[str, int]]:
    """The numbers in a line of text, with their start column. A number printed with its
    thousands grouped by spaces is one number, its spaces made single ordinary spaces.

    >>> numbers_in("Кесте 14: 0,75 және 2,5 есе")
    [('14', 6), ('0,75', 10), ('2,5', 20)]
    >>> numbers_in("2020 жылы 1 715 500,1млн, 5\u00a0 537,1 және 24 жыл")
    [('2020', 0), ('1 715 500,1', 10), ('5 537,1', 26), ('24', 40)]
    >>> [n for n, _ in numbers_in("2013 2208 739 578 263.1")]  # a scanned row: cells
    ['2013', '2208', '739', '578', '263.1']
    """
    return [(re.sub(r"\s+", " ", m.group(0)), m.start()) for m in _pattern(text).finditer(text)]


def _pattern(text: str) -> re.Pattern[str]:
    return _UNGROUPED if _POINT_DECIMAL.search(text) else _NUMBER


def _value(number: str) -> float:
    return float(re.sub(r"\s+", "", number).replace(",", ".").replace("−", "-"))


def seeds_dir() -> Path:
    """The seeds folder: ``$DIGECON_SEEDS`` or ``../shared/seeds`` beside the project."""
    if os.environ.get("DIGECON_SEEDS"):
        return Path(os.environ["DIGECON_SEEDS"])
    here = data.data_dir().resolve()
    for folder in [here, *here.parents]:
        if (folder / "shared" / "seeds").is_dir():
            return folder / "shared" / "seeds"
    return here.parent.parent / "shared" / "seeds"


def _sections(lines: list[str]) -> list[str]:
    """The section each line belongs to, by the headings of the dissertation and articles."""
    current, out = "front matter", []
    for line in lines:
        hit = _HEADINGS.match(line)
        opening = next((name for start, name in _OPENINGS if line.strip().startswith(start)), "")
        if opening:
            current = opening
        elif hit and len(line) < 200:
            title = hit.group(1).strip()
            number = re.match(r"\d\.\d", title)
            current = number.group(0) if number else " ".join(title.split()[:2])
            current = current.upper() if not number else current
        out.append(current)
    return out


def _rule(line: str, number: str, start: int, section: str) -> str:
    """The reason a number needs no check, or ``""``."""
    before = line[max(0, start - 40):start]
    raw = _pattern(line).match(line, start)
    end = raw.end() if raw else start + len(number)
    after = line[end:end + 25]
    value = _value(number)
    if _REFS_HEADINGS.match(section) or section in {"ЛИТЕРАТУРА", "REFERENCES",
                                                    "НОРМАТИВТІК СІЛТЕМЕЛЕР"}:
        return "bibliography or normative references (volumes, pages, years)"
    if _HEADINGS.match(line) and len(line) < 200:
        return "heading numbering"
    if re.search(r"\[[\d,;\s–-]*$", before) and re.match(r"[\d,;\s–-]*\]", after):
        return "reference number"
    if re.search(r"\d\s*/\s*$", before) and re.fullmatch(r"\d+", number):
        return "the number of countries ranked (the N of a rank printed as rank/N)"
    if re.search(r"(?:^|\s)\(?$", before) and re.match(r"\)\s*$", after) and "=" in line:
        return "formula number"
    if re.match(r"^\s*$", line[:start]) and re.match(r"[.)]\s", after):
        return "list numbering"
    if "." not in number and "," not in number and re.match(rf"\s*({_MONTHS})", after,
                                                             re.IGNORECASE):
        return "a date (day of a month)"
    if re.search(r"(№|N\s?o\.?)\s*$", before) or (_LEGAL.search(before[-25:])
                                                   and re.match(r"\s*(жылғы|года|г\.)", after)):
        return "a legal act's number or date"
    if _TABLE_NO.search(before[-12:]) or re.match(r"\s*-?\s*(кесте|сурет|суретте|кестеде|"
                                                  r"кестеден|қосымша|формула|бөлім)", after,
                                                  re.IGNORECASE):
        return "a table, figure, formula or section number"
    if number == "2" and re.search(r"\bR\s*\^\s*$", before):
        return "part of a name (R^2, the coefficient of determination)"
    if _NAMES.search(before[-12:]) or re.match(r"\s*-?G\b", after):
        return "part of a name (Industry 4.0, 5G)"
    if re.match(r"\s*-?(ші|шы|ое|ый)\b", after) and not _RANK_WORDS.match(after):
        return "an ordinal that is not a rank (a step, a list item, a revolution, a decade)"
    if _PAGE.match(after) or re.search(r"(б|с|p|pp|стр)\.\s*$", before):
        return "a page number"
    if "." not in number and "," not in number and 1990 <= abs(value) <= 2035:
        return "a year"
    if re.search(r"(doi|issn|isbn|orcid|удк|мрнти|ғтаxр|https?://|www\.)", line, re.IGNORECASE):
        return "an identifier (DOI, ISSN, UDC, address)"
    return ""


@lru_cache(maxsize=1)
def table_blocks() -> dict[tuple[str, str], set[int]]:
    """The seed lines of every printed table the data package transcribes, by (seed, table):
    ``("001", "Кесте 17")`` gives the lines its resources name as their source."""
    import json

    package = json.loads((data.data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    blocks: dict[tuple[str, str], set[int]] = {}
    for resource in package.get("resources", []):
        for src in resource.get("sources", []):
            label = re.match(r"(Кесте \d+|Table \d+)", str(src.get("table", "")))
            if label and src.get("file") and len(src.get("lines", [])) == 2:
                first, last = (int(n) for n in src["lines"])
                key = (str(src["file"])[:3], label.group(1))
                blocks.setdefault(key, set()).update(range(first, last + 1))
    return blocks


def _audit_index(
    rows: pd.DataFrame | None = None,
) -> dict[tuple[str, int], list[tuple[float, str, bool]]]:
    """(seed, line) -> (printed, id, wide) of the audit rows naming that line; ``wide`` marks a
    line reached only because the row names the printed table whose block holds it."""
    rows = audit.collect() if rows is None else rows
    blocks = table_blocks()
    index: dict[tuple[str, int], list[tuple[float, str, bool]]] = {}
    for r in rows.itertuples():
        lines = {int(r.line), *audit.lines_of(str(r.location))}
        # a cell of an OCR'd image whose decimal point the OCR lost: the row names what the
        # OCR reads ("OCR '23677'" for 2 367.7; "OCR '578 263.1'" for a cell split in two)
        read = [_value(n) for cell in re.findall(r"OCR '([^']+)'", str(r.location))
                for n in cell.split()]
        for ln in lines:
            for value in [float(r.printed), *read]:
                index.setdefault((str(r.seed), ln), []).append((value, str(r.id), False))
        table = re.match(r"(Кесте \d+|Table \d+)", str(r.location))
        for ln in blocks.get((str(r.seed), table.group(1)), set()) - lines if table else ():
            index.setdefault((str(r.seed), ln), []).append((float(r.printed), str(r.id), True))
    return index


def _distinctive(number: str) -> bool:
    """A printed number too specific to equal another cell of its table by chance: one with
    decimals or of four digits or more (``"0,75"``, ``"3 210,9"``, ``"1524"``, not ``"100"``).

    >>> [_distinctive(n) for n in ("0,75", "3 210,9", "1524", "100", "36")]
    [True, True, True, False, False]
    """
    return bool(re.search(r"[.,]\d", number)) or abs(_value(number)) >= 1000


def _matches(value: float, printed: float) -> bool:
    if pd.isna(printed):
        return False
    return abs(abs(value) - abs(printed)) <= 1e-9 * max(1.0, abs(value))


@lru_cache(maxsize=1)
def exclusions() -> pd.DataFrame:
    """Hand-written exclusions: ``data/inventory_exclusions.csv`` (seed, line, number, reason)."""
    return data.load("inventory-exclusions")



def inventory(directory: Path | None = None, rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every printed number: source, file, line, section, number, value, context, status,
    reason (for exclusions) and audit_id (for audited numbers). A tidy DataFrame. ``rows``: the
    audit (default :func:`digecon.audit.collect`)."""
    folder = directory or seeds_dir()
    index = _audit_index(rows)
    manual = {(str(r.seed).zfill(3), int(r.line), str(r.number)): str(r.reason)
              for r in exclusions().itertuples()}
    records = []
    for path in sorted(folder.glob("*.txt")):
        seed = path.name[:3]
        lines = path.read_text(encoding="utf-8").splitlines()
        sections = _sections(lines)
        for no, (line, section) in enumerate(zip(lines, sections, strict=True), start=1):
            found = numbers_in(line)
            hits = [[i for p, i, wide in index.get((seed, no), [])
                     if _matches(_value(number), p) and (not wide or _distinctive(number))]
                    for number, _ in found]
            rules = [_rule(line, number, start, section) if ids else ""
                     for (number, start), ids in zip(found, hits, strict=True)]
            for k, ((number, start), ids) in enumerate(zip(found, hits, strict=True)):
                # a row takes, on its line, the occurrence of its value that no rule explains:
                # in "R^2 = 0,99 ... a forecast for 2 years" the row of the 2 years does not
                # take R^2's exponent
                if rules[k]:
                    ids = [i for i in ids if not any(
                        i in other and not rules[j] for j, other in enumerate(hits) if j != k)]
                audit_id = ids[0] if ids else ""
                reason = "" if audit_id else (manual.get((seed, no, number))
                                              or rules[k] or _rule(line, number, start, section))
                status = AUDITED if audit_id else EXCLUDED if reason else UNACCOUNTED
                records.append({
                    "source": seed, "file": path.name, "line": no, "section": section,
                    "number": number, "value": _value(number),
                    "context": line[max(0, start - 50):start + len(number) + 50].strip(),
                    "in_table": "\t" in line or (len(found) >= 4 and len(line) < 120),
                    "status": status, "reason": reason, "audit_id": audit_id,
                })
    return pd.DataFrame.from_records(records)


_APPENDIX_LATIN = {"А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E"}
_SECTION_WORDS = {
    "КІРІСПЕ": {"kk": "кіріспе", "ru": "введение", "en": "introduction"},
    "ҚОРЫТЫНДЫ": {"kk": "қорытынды", "ru": "заключение", "en": "conclusions"},
    "front matter": {"kk": "титул бөлігі", "ru": "титульная часть", "en": "front matter"},
    # the abstract in each of the three languages, the reference lists, the main part
    "АҢДАТПА": {"kk": "аңдатпа (қазақша)", "ru": "аннотация на казахском",
                "en": "abstract in Kazakh"},
    "АННОТАЦИЯ": {"kk": "аңдатпа (орысша)", "ru": "аннотация на русском",
                  "en": "abstract in Russian"},
    "ABSTRACT": {"kk": "аңдатпа (ағылшынша)", "ru": "аннотация на английском",
                 "en": "abstract in English"},
    "ANNOTATION": {"kk": "аңдатпа (ағылшынша)", "ru": "аннотация на английском",
                   "en": "abstract in English"},
    "ЛИТЕРАТУРА": {"kk": "әдебиеттер тізімі", "ru": "список литературы", "en": "references"},
    "REFERENCES": {"kk": "әдебиеттер тізімі", "ru": "список литературы", "en": "references"},
    "НОРМАТИВТІК СІЛТЕМЕЛЕР": {"kk": "нормативтік сілтемелер", "ru": "нормативные ссылки",
                               "en": "normative references"},
    "ЗЕРТТЕУДІҢ НЕГІЗГІ": {"kk": "зерттеудің негізгі бөлімі", "ru": "основная часть",
                           "en": "main part"},
}


def section_name(section: str, lang: str) -> str:
    """A section of the dissertation named in ``lang`` (as the inventory's ``section`` holds it).

    >>> section_name("ҚОСЫМША Д", "kk"), section_name("ҚОСЫМША Д", "en"), section_name("2.2", "ru")
    ('Д қосымшасы', 'appendix D', 'раздел 2.2')
    """
    m = re.fullmatch(r"ҚОСЫМША (\w)", section)
    if m:
        letter = m.group(1)
        return {"kk": f"{letter} қосымшасы", "ru": f"приложение {letter}",
                "en": f"appendix {_APPENDIX_LATIN.get(letter, letter)}"}[lang]
    if re.fullmatch(r"\d+(\.\d+)*", section):
        return {"kk": f"{section}-бөлім", "ru": f"раздел {section}",
                "en": f"section {section}"}[lang]
    return _SECTION_WORDS.get(section, {}).get(lang, section)


def coverage(inv: pd.DataFrame, by: list[str] | None = None) -> pd.DataFrame:
    """Share of printed numbers audited, excluded, unaccounted, by ``by`` (default source).

    Columns: the ``by`` keys, ``n``, ``audited``, ``excluded``, ``unaccounted``, ``coverage``
    (audited + excluded over n) and ``audited_of_checkable`` (audited over n - excluded).
    """
    by = by or ["source"]
    counts = inv.groupby([*by, "status"]).size().unstack(fill_value=0)
    for col in (AUDITED, EXCLUDED, UNACCOUNTED):
        if col not in counts:
            counts[col] = 0
    counts["n"] = counts[[AUDITED, EXCLUDED, UNACCOUNTED]].sum(axis=1)
    counts["coverage"] = (counts[AUDITED] + counts[EXCLUDED]) / counts["n"]
    checkable = counts["n"] - counts[EXCLUDED]
    counts["audited_of_checkable"] = counts[AUDITED] / checkable.where(checkable > 0)
    return counts[["n", AUDITED, EXCLUDED, UNACCOUNTED, "coverage", "audited_of_checkable"]
                  ].reset_index()


#: the coverage table's headers (kk, ru, en)
COVERAGE_HEADERS: dict[str, tuple[str, str, str]] = {
    "source": ("Дереккөз", "Источник", "Source"),
    "section": ("Бөлім", "Раздел", "Section"),
    "n": ("Басылған сандар", "Напечатано чисел", "Printed numbers"),
    AUDITED: ("Тексерілген", "Проверено", "Audited"),
    EXCLUDED: ("Себебімен шығарылған", "Исключено с причиной", "Excluded with a reason"),
    UNACCOUNTED: ("Қамтылмаған", "Не учтено", "Not accounted for"),
    "coverage": ("Қамту", "Охват", "Coverage"),
    "audited_of_checkable": ("Тексерілетіндердің тексерілгені", "Проверено из проверяемых",
                             "Audited of the checkable"),
}


def coverage_table(cov: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A :func:`coverage` table for the reader of ``lang``: headers, sources and sections
    named in that language, shares as percentages in its format.

    >>> cov = pd.DataFrame({"source": ["001"], "section": ["2.4"], "n": [457], "audited": [261],
    ...                     "excluded": [113], "unaccounted": [83], "coverage": [0.818],
    ...                     "audited_of_checkable": [0.7587]})
    >>> coverage_table(cov, "ru").iloc[0].tolist()
    ['диссертация', 'раздел 2.4', '457', '261', '113', '83', '82\xa0%', '76\xa0%']
    """
    from digecon import fmt

    i = ("kk", "ru", "en").index(lang)
    out = pd.DataFrame(index=cov.index)
    for col in cov.columns:
        values = cov[col]
        if col == "source":
            shown = [audit.SOURCE_NAMES.get(str(v), {}).get(lang, str(v)) for v in values]
        elif col == "section":
            shown = [section_name(str(v), lang) for v in values]
        elif col in ("coverage", "audited_of_checkable"):
            shown = [fmt.format_percent(v, 0, lang) for v in values]
        else:
            shown = [fmt.format_cell(v, lang) for v in values]
        out[COVERAGE_HEADERS.get(col, (col, col, col))[i]] = shown
    return out.reset_index(drop=True)


def plot_coverage(inv: pd.DataFrame, path: Path | None = None):
    """A stacked bar per source: audited, excluded with a reason, unaccounted."""
    import matplotlib.pyplot as plt

    cov = coverage(inv).set_index("source")
    fig, ax = plt.subplots(figsize=(7.0, 2.8))
    left = pd.Series(0.0, index=cov.index)
    colours = {AUDITED: "#009E73", EXCLUDED: "#999999", UNACCOUNTED: "#D55E00"}
    labels = {AUDITED: "audited", EXCLUDED: "excluded (stated reason)",
              UNACCOUNTED: "not yet accounted for"}
    names = [f"seed {s}" for s in cov.index]
    for status in (AUDITED, EXCLUDED, UNACCOUNTED):
        ax.barh(names, cov[status], left=left, color=colours[status], label=labels[status])
        left = left + cov[status]
    ax.set_xlabel("printed numbers")
    ax.invert_yaxis()
    ax.legend(loc="lower right", fontsize="small")
    ax.set_title("Every printed number in the sources: audited, excluded, or not yet")
    fig.tight_layout()
    if path is not None:
        fig.savefig(path, dpi=120)
    return fig


def main(argv: list[str] | None = None) -> int:
    """Print coverage by source and by section; ``--figure PATH`` writes the README figure."""
    args = list(sys.argv[1:] if argv is None else argv)
    figure = None
    if "--figure" in args:
        figure = Path(args[args.index("--figure") + 1])
        del args[args.index("--figure"):args.index("--figure") + 2]
    inv = inventory(Path(args[0]) if args else None)
    pd.set_option("display.width", 160)
    print(coverage(inv).to_string(index=False))
    print(coverage(inv, ["source", "section"]).to_string(index=False))
    if figure is not None:
        import matplotlib

        matplotlib.use("Agg")
        plot_coverage(inv, figure)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
