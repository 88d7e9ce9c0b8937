"""The reproduction audit: printed value, recomputed value, official value, verdict.

Every chapter checks the numbers its sources print. One check is one row with the columns
of :data:`AUDIT_COLUMNS`; a chapter's audit is a tidy ``DataFrame`` of such rows, built by a
function ``audit()`` in each chapter's module ``digecon.chapters.<name>.audit``.
:func:`collect` gathers every chapter's rows into the book's reproducibility report, so a new
chapter only adds its name to ``digecon.chapters.NAMES``.

>>> row = check("article", "Table 5, line 210", "3-term moving sum, 2008", "1.6198", 1.61984)
>>> row["verdict"]
'reproduces'
"""

from __future__ import annotations

import hashlib
import importlib
import math
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from digecon.methods.rounding import as_number, decimals_of

AUDIT_COLUMNS = [
    "chapter",
    "source",
    "location",
    "quantity",
    "printed",
    "recomputed",
    "official",
    "verdict",
    "why",
    "id",
    "seed",
    "line",
    "kind",
    "severity",
    "trivial",
]
"""Columns of an audit row. The first nine are what a reader sees; ``id`` (stable, unique:
chapter + table + quantity), ``seed`` (the source's seed file number, ``"001"``), ``line`` (the
first seed line the location names), ``kind`` (one of :data:`KINDS`), ``severity`` (one of
:data:`SEVERITIES`, only on rows that differ) and ``trivial`` (the row compares a value with
itself) are for machines: the inventory, the filters of the report, the chapters' glue."""

MACHINE_COLUMNS = ["id", "seed", "line", "trivial"]

KINDS = ("arithmetic", "consistency", "method", "official", "verbal", "rank")
"""What a row checks: a sum, share, growth or mean (*arithmetic*); the same quantity printed in
two places (*consistency*); a formula applied as defined, units, numerator and denominator
(*method*); a printed value against official data (*official*); a verbal claim ("about",
"nearly", "doubled", see :func:`verbal`) (*verbal*); a rank or ranking statement (*rank*)."""

HIGH, MEDIUM, LOW = "high", "medium", "low"
SEVERITIES = (HIGH, MEDIUM, LOW)
"""How much a difference matters: *high* changes a conclusion the source draws; *medium* is a
wrong printed number; *low* is cosmetic (labels, numbering, a duplicated passage)."""

REPRODUCES = "reproduces"
DIFFERS = "differs"
CANNOT = "cannot be recomputed"
VERDICTS = (REPRODUCES, DIFFERS, CANNOT)


def check(
    source: str,
    location: str,
    quantity: str,
    printed: str | float | int,
    recomputed: float | None,
    official: float | None = None,
    *,
    decimals: int | None = None,
    tolerance: float | None = None,
    why: str = "",
    chapter: str = "",
    key: str | None = None,
    kind: str | None = None,
    severity: str | None = None,
    trivial: bool = False,
) -> dict[str, object]:
    """One audit row: does ``recomputed`` give ``printed`` at the precision it was printed?

    The verdict is *reproduces* when the recomputed value rounds to the printed one, that is
    when they differ by at most half a unit of the last printed decimal (or by ``tolerance``
    when given); *differs* otherwise; *cannot be recomputed* when ``recomputed`` is ``None``
    or NaN (then ``why`` must say what is missing).

    Pass ``printed`` as the string the source prints (``"0,4876"``) so that its precision is
    known, or give ``decimals``. ``key`` names the row within its chapter (default: built from
    ``location`` and ``quantity``, see :func:`row_key`); ``kind`` and ``severity`` default to
    :func:`infer_kind` and :func:`infer_severity`; ``trivial=True`` marks a row that compares a
    value with itself (the diagonal of a correlation matrix).

    >>> check("article", "Table 3", "EGDI 2005", "0,4876", 0.48125, official=0.48125)["verdict"]
    'differs'
    """
    value = as_number(printed)
    places = decimals if decimals is not None else decimals_of(printed)
    if recomputed is None or (isinstance(recomputed, float) and math.isnan(recomputed)):
        if not why:
            raise ValueError(f"{source}, {location}, {quantity}: say why it cannot be recomputed")
        verdict = CANNOT
        recomputed_value = float("nan")
    else:
        recomputed_value = float(recomputed)
        limit = tolerance if tolerance is not None else 0.5 * 10.0 ** (-places) + 1e-12
        verdict = REPRODUCES if abs(recomputed_value - value) <= limit else DIFFERS
    return _finish({
        "chapter": chapter,
        "source": source,
        "location": location,
        "quantity": quantity,
        "printed": value,
        "recomputed": recomputed_value,
        "official": float("nan") if official is None else float(official),
        "verdict": verdict,
        "why": why,
    }, key, kind, severity, trivial)


def cannot(
    source: str,
    location: str,
    quantity: str,
    printed: str | float | int | None,
    why: str,
    *,
    chapter: str = "",
    key: str | None = None,
    kind: str | None = None,
) -> dict[str, object]:
    """An audit row for a printed number that cannot be recomputed, with the reason.

    >>> cannot("article", "text, line 12", "Pearson r", "0.93", "no series given")["verdict"]
    'cannot be recomputed'
    """
    if not why:
        raise ValueError(f"{source}, {location}, {quantity}: say why it cannot be recomputed")
    value = float("nan") if printed is None else as_number(printed)
    return _finish({
        "chapter": chapter,
        "source": source,
        "location": location,
        "quantity": quantity,
        "printed": value,
        "recomputed": float("nan"),
        "official": float("nan"),
        "verdict": CANNOT,
        "why": why,
    }, key, kind, None, False)


_TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "h", "c", "ch", "sh", "sh", "", "y", "", "e", "iu", "ia", "a", "g", "q",
     "n", "o", "u", "u", "h", "i"], strict=True))
_TABLE_WORDS = re.compile(r"\b(кесте|таблица|table|tab\.)\s*", re.IGNORECASE)
_FIGURE_WORDS = re.compile(r"\b(сурет|рисунок|figure|fig\.)\s*", re.IGNORECASE)
_LINE = re.compile(r"\blines?\s+(\d+)", re.IGNORECASE)
_SEED = re.compile(r"(?<!\d)(00\d)(?!\d)")


def slug(text: str, limit: int = 48) -> str:
    """Lower-case ASCII words joined by ``-`` (Kazakh and Russian letters transliterated).

    >>> slug("Кесте 14: EGDI 2018 score, RUS")
    'keste-14-egdi-2018-score-rus'
    """
    out = "".join(_TRANSLIT.get(ch, ch) for ch in str(text).lower())
    out = re.sub(r"[^a-z0-9.]+", "-", out).replace(".", "-")
    return re.sub(r"-+", "-", out).strip("-")[:limit].rstrip("-")


def row_key(location: str, quantity: str) -> str:
    """A row's default key within its chapter: the table (or ``text``) and the quantity, without
    line numbers, so that a key survives a re-extraction that shifts lines.

    >>> row_key("Кесте 3, line 174", "EGDI 2005, printed")
    't3.egdi-2005-printed'
    >>> row_key("text, line 1129", "number of rankings")
    'text.number-of-rankings'
    """
    where = _LINE.sub("", str(location))
    where = re.sub(r"\(.*?\)", "", where)
    where = re.sub(r"(\d+)\s*-\s*(кесте|таблица)", r"t\1", where, flags=re.IGNORECASE)
    where = _TABLE_WORDS.sub("t", where)
    where = _FIGURE_WORDS.sub("fig", where)
    place = slug(where, 24).replace("-", "") or "text"
    name = slug(quantity, 10_000)
    if len(name) > 56:  # long quantities: a readable head and a hash of the whole
        digest = hashlib.sha1(name.encode()).hexdigest()[:6]
        name = f"{name[:48].rstrip('-')}-{digest}"
    return f"{place}.{name}"


def line_of(location: str) -> float:
    """The first seed line a location names (NaN when it names none).

    >>> line_of("5-кесте, line 213 (repeated line 236)"), line_of("Figure 2")
    (213.0, nan)
    """
    hit = _LINE.search(str(location))
    return float(hit.group(1)) if hit else float("nan")


_LINES = re.compile(r"\blines?\s+(\d+(?:\s*(?:[-–]|,|and)\s*\d+)*)", re.IGNORECASE)


def lines_of(location: str) -> list[int]:
    """Every seed line a location names, in order: single lines, lists (``lines 253, 288``)
    and ranges (``lines 3866-3870``, both ends included), repeats included.

    >>> lines_of("text, line 265 (repeated lines 253, 288)"), lines_of("text, lines 4070-4073")
    ([265, 253, 288], [4070, 4071, 4072, 4073])
    >>> lines_of("5-кесте, line 213 (repeated line 236)"), lines_of("Figure 2")
    ([213, 236], [])
    """
    out: list[int] = []
    for hit in _LINES.finditer(str(location)):
        for part in re.split(r"\s*(?:,|and)\s*", hit.group(1)):
            ends = [int(n) for n in re.split(r"\s*[-–]\s*", part)]
            out.extend(range(ends[0], ends[-1] + 1) if len(ends) == 2 else ends[:1])
    return out


def seed_of(source: str) -> str:
    """The seed file number (``"001"``) a source label names, or ``""``.

    >>> seed_of("dissertation (seed 001)"), seed_of("article 000")
    ('001', '000')
    """
    hit = _SEED.search(str(source))
    return hit.group(1) if hit else ""


_CONSISTENCY = re.compile(r"\b(vs|against|same|repeated|elsewhere|also prints|"
                          r"prints .* for the same|"
                          r"as printed in|agrees with|consisten|twice|"
                          r"the text (says|prints)|"
                          r"table prints|vs\.? (the )?(text|table))", re.IGNORECASE)
_METHOD = re.compile(r"\b(formula|method|defined|definition|numerator|denominator|unit|scale|"
                     r"weight|normali[sz])", re.IGNORECASE)
_VERBAL = re.compile(r"\b(about|nearly|almost|more than|less than|over|times|doubled|twice|"
                     r"claim|verbal|шамамен|около|почти|более|астам|есе|вдвое)\b", re.IGNORECASE)
_RANK = re.compile(r"\b(rank|place|ranks|ranking|position|орын|место)\b", re.IGNORECASE)
_COSMETIC = re.compile(r"\b(wrong label|swapped label|numbering|numbered|caption|heading|"
                       r"duplicate|typo|misprint|truncated|cut \(not rounded\)|"
                       r"differs in the last digits?)(?!\w)", re.IGNORECASE)


def infer_kind(row: dict[str, object]) -> str:
    """The kind of a row when its module does not say: rank, verbal, official, consistency,
    method, else arithmetic (first rule that matches the quantity or the reason).

    >>> infer_kind({"quantity": "EGDI 2018 rank, KAZ", "why": "", "official": float("nan")})
    'rank'
    >>> infer_kind({"quantity": "EGDI 2005", "why": "", "official": 0.51})
    'official'
    """
    quantity, why = str(row.get("quantity", "")), str(row.get("why", ""))
    official = row.get("official")
    if _RANK.search(quantity):
        return "rank"
    if _VERBAL.search(quantity):
        return "verbal"
    if isinstance(official, float) and not math.isnan(official):
        return "official"
    if _CONSISTENCY.search(quantity) or _CONSISTENCY.search(why):
        return "consistency"
    if _METHOD.search(quantity):
        return "method"
    return "arithmetic"


def infer_severity(row: dict[str, object]) -> str:
    """The severity of a differing row when its module does not say: *low* when the reason
    names a cosmetic slip (label, numbering, caption, duplicate), else *medium* (a wrong printed
    number). *High* is never inferred: a module says it, naming the conclusion that changes.

    >>> infer_severity({"why": "the caption's year label is wrong", "quantity": "x"})
    'low'
    >>> infer_severity({"why": "the sum is 101.3", "quantity": "total"})
    'medium'
    """
    text = f"{row.get('quantity', '')} {row.get('why', '')}"
    return LOW if _COSMETIC.search(text) else MEDIUM


HIGH_SEVERITY: dict[str, str] = {
    # id: the conclusion of the source that the difference changes
    "egov.t3.egdi-of-kazakhstan-2005": "the article's EGDI path of Kazakhstan 2005-2018 "
    "(Кесте 3) is not the UN's: the growth it analyses is not the published one",
    "egov.t3.egdi-of-kazakhstan-2008": "as for 2005: the printed EGDI series is not the UN's",
    "egov.t3.egdi-of-kazakhstan-2010": "as for 2005: the printed EGDI series is not the UN's",
    "egov.t3.egdi-of-kazakhstan-2018": "the printed 2018 jump (0.8775) is 0.118 above the UN "
    "value; the 2016-2018 leap the article reads does not exist in the UN data",
    "egov.text.forecast-of-egdi-for-2026": "the 'forecast for 2026' is the trend line at an "
    "already observed year and on a summed scale: there is no 2026 forecast",
    "ecommerce.t17.ict-economic-efficiency-2016-2021-total": "a sum of yearly percentages "
    "reported as the period's efficiency (42.8 % against 7.05 %)",
    "ecommerce.text.e-commerce-market-2019-over-700-bn-tenge": "the market size the text "
    "builds on is 1.6 times the dissertation's own table",
    "ecommerce.text.growth-of-the-e-commerce-market-in-2019-times": "the growth the text "
    "reports (1.8 times) is not in the table (1.43 or 1.10)",
    "efficiency.text.largest-yearly-improvement-fall-of-the-ratio": "the year named as the "
    "largest improvement is not the largest",
    "efficiency.text.growth-2022-2021-of-individual-entrepreneurs": "a fall of 86 % is reported "
    "as a rise",
    "regression.text.pessimistic-gdp-per-capita-2026-tenge": "the scenario range the "
    "conclusion quotes does not follow from the printed bounds",
    "regression.text.optimistic-gdp-per-capita-2026-tenge": "the scenario range the conclusion "
    "quotes does not follow from the printed bounds",
}
"""Rows whose difference changes a conclusion the source draws, with that conclusion. Only
these are *high*; :func:`audit_frame` applies them and a test checks every id exists."""


def _finish(row: dict[str, object], key: str | None, kind: str | None, severity: str | None,
            trivial: bool) -> dict[str, object]:
    """Add the machine columns to a row from :func:`check` / :func:`cannot`."""
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {KINDS}")
    if severity is not None and severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r}; expected one of {SEVERITIES}")
    row["id"] = key if key is not None else row_key(str(row["location"]), str(row["quantity"]))
    row["seed"] = seed_of(str(row["source"]))
    row["line"] = line_of(str(row["location"]))
    row["kind"] = kind if kind is not None else infer_kind(row)
    if row["verdict"] == DIFFERS and not trivial:
        row["severity"] = severity if severity is not None else infer_severity(row)
    else:
        row["severity"] = ""
    row["trivial"] = bool(trivial)
    return row


def audit_frame(rows: Iterable[dict[str, object]], chapter: str) -> pd.DataFrame:
    """Turn rows from :func:`check` / :func:`cannot` into a chapter's audit table.

    >>> audit_frame([check("a", "T1", "x", "1.0", 1.02)], "demo")["verdict"].tolist()
    ['reproduces']
    """
    frame = pd.DataFrame(list(rows), columns=AUDIT_COLUMNS)
    frame["chapter"] = chapter
    bad = frame.loc[~frame["verdict"].isin(VERDICTS), "verdict"]
    if not bad.empty:
        raise ValueError(f"unknown verdict {bad.iloc[0]!r}; expected one of {VERDICTS}")
    frame["id"] = _unique_ids(frame, chapter)
    frame["trivial"] = frame["trivial"].fillna(False).astype(bool)
    frame["severity"] = frame["severity"].fillna("")
    high = frame["id"].isin(HIGH_SEVERITY) & (frame["verdict"] == DIFFERS)
    frame.loc[high, "severity"] = HIGH
    return frame.reset_index(drop=True)


def _unique_ids(frame: pd.DataFrame, chapter: str) -> list[str]:
    """``chapter.key``; keys that repeat get the seed line (``.l2349``), then the printed value
    (``.v1-7``), so that every id is unique and depends only on the row itself."""
    ids = [f"{chapter}.{key}" for key in frame["id"]]
    for extra in ("line", "printed"):
        seen = pd.Series(ids).duplicated(keep=False)
        if not seen.any():
            break
        for i in seen[seen].index:
            value = frame.at[i, extra]
            if extra == "line":
                tag = f"l{int(value)}" if pd.notna(value) else "l0"
            else:
                tag = "v" + slug(f"{value:g}" if pd.notna(value) else "na")
            ids[i] = f"{ids[i]}.{tag}"
    repeated = pd.Series(ids)[pd.Series(ids).duplicated()]
    if not repeated.empty:
        raise ValueError(f"audit rows with the same id {repeated.iloc[0]!r}: give them a key")
    return ids


def summary(frame: pd.DataFrame) -> pd.DataFrame:
    """Count verdicts per chapter (a tidy table: chapter, verdict, n).

    >>> summary(audit_frame([check("a", "T1", "x", "1.0", 1.0)], "demo")).to_dict("records")
    [{'chapter': 'demo', 'verdict': 'reproduces', 'n': 1}]
    """
    return frame.groupby(["chapter", "verdict"], sort=True).size().reset_index(name="n")


def collect() -> pd.DataFrame:
    """Every chapter's audit rows: ``audit()`` of each ``digecon.chapters.<name>.audit``.

    >>> set(collect()["verdict"]) <= set(VERDICTS)
    True
    """
    from digecon.chapters import NAMES

    frames = [importlib.import_module(f"digecon.chapters.{name}.audit").audit()
              for name in sorted(NAMES)]
    if not frames:
        return pd.DataFrame(columns=AUDIT_COLUMNS)
    return pd.concat(frames, ignore_index=True)


#: the sources, named in the reader's language (by the number of their seed file)
SOURCE_NAMES: dict[str, dict[str, str]] = {
    "000": {"kk": "Накипова және т.б. мақаласы", "ru": "статья Накиповой и др.",
            "en": "article by Nakipova et al."},
    "001": {"kk": "диссертация", "ru": "диссертация", "en": "dissertation"},
    "002": {"kk": "Доскеева мен Уласбектің мақаласы", "ru": "статья Доскеевой и Уласбек",
            "en": "article by Doskeeva and Ulasbek"},
    "003": {"kk": "Киреева және т.б. мақаласының аңдатпасы",
            "ru": "аннотация статьи Киреевой и др.", "en": "abstract by Kireyeva et al."},
    "004": {"kk": "электрондық сауда туралы үзінділер",
            "ru": "фрагменты об электронной коммерции", "en": "fragments on e-commerce"},
}


def localize_source(source: str, lang: str) -> str:
    """The source of an audit row named in ``lang`` (recognised by its seed number).

    >>> localize_source("dissertation (seed 001)", "kk"), localize_source("article 000", "en")
    ('диссертация', 'article by Nakipova et al.')
    """
    m = re.search(r"\b(00\d)(?:_|\b)", str(source))
    if m and m.group(1) in SOURCE_NAMES:
        return SOURCE_NAMES[m.group(1)][lang]
    return str(source)


_PLACE_WORDS = {
    "table": {"kk": "{n}-кесте", "ru": "таблица {n}", "en": "Table {n}"},
    "figure": {"kk": "{n}-сурет", "ru": "рисунок {n}", "en": "Figure {n}"},
    "line": {"kk": "{n}-жол", "ru": "строка {n}", "en": "line {n}"},
    "lines": {"kk": "{n}-жолдар", "ru": "строки {n}", "en": "lines {n}"},
    "repeated": {"kk": "{n}-жолда қайталанады", "ru": "повтор в строке {n}",
                 "en": "repeated line {n}"},
    "repeated_many": {"kk": "{n}-жолдарда қайталанады", "ru": "повтор в строках {n}",
                      "en": "repeated lines {n}"},
    "text": {"kk": "мәтін", "ru": "текст", "en": "text"},
    "conclusions": {"kk": "қорытынды", "ru": "заключение", "en": "conclusions"},
    "second": {"kk": "екінші", "ru": "вторая", "en": "second"},
    "appendix": {"kk": "{n} қосымшасы", "ru": "приложение {n}", "en": "Appendix {n}"},
}
#: the dissertation's appendix letters as English writes them (Appendix D for «Қосымша Д»)
_APPENDIX_LATIN = {"А": "A", "Б": "B", "В": "V", "Г": "G", "Ғ": "Gh", "Д": "D", "Е": "E"}


def localize_location(location: str, lang: str) -> str:
    """Where in the source a number is printed, in ``lang`` (tables, figures, lines, text).

    >>> localize_location("Кесте 10, line 1175", "ru")
    'таблица 10, строка 1175'
    >>> localize_location("3-кесте, line 160 (repeated line 175)", "kk")
    '3-кесте, 160-жол (175-жолда қайталанады)'
    >>> localize_location("text, lines 800-802", "en")
    'text, lines 800–802'
    >>> localize_location("Қосымша Д, line 4651", "en")
    'Appendix D, line 4651'
    >>> localize_location("Қосымша Д, Кесте 3 (OCR '1502.9'), line 4695", "kk")
    'Д қосымшасы, 3-кесте (OCR «1502.9»), 4695-жол'
    """
    w = _PLACE_WORDS
    text = str(location)
    text = re.sub(r"(?:Кесте|Таблица|Table)\s+(\d+)|(\d+)-кесте",
                  lambda m: w["table"][lang].format(n=m.group(1) or m.group(2)), text)
    text = re.sub(r"Сурет\s+(\d+)", lambda m: w["figure"][lang].format(n=m.group(1)), text)
    text = re.sub(r"Қосымша\s+([А-ЯҒ])\b", lambda m: w["appendix"][lang].format(
        n=_APPENDIX_LATIN.get(m.group(1), m.group(1)) if lang == "en" else m.group(1)), text)
    text = re.sub(r"repeated lines ([\d, ]+\d)",
                  lambda m: w["repeated_many"][lang].format(n=m.group(1)), text)
    text = re.sub(r"repeated line (\d+)", lambda m: w["repeated"][lang].format(n=m.group(1)),
                  text)
    text = re.sub(r"\blines (\d+)\s*[-–]\s*(\d+)",
                  lambda m: w["lines"][lang].format(n=f"{m.group(1)}–{m.group(2)}"), text)
    text = re.sub(r"\bline (\d+)", lambda m: w["line"][lang].format(n=m.group(1)), text)
    text = re.sub(r"^text\b", w["text"][lang], text)
    text = re.sub(r"^conclusions\b", w["conclusions"][lang], text)
    if lang in ("kk", "ru"):  # a source's print, quoted as printed, in the language's quotes
        text = re.sub(r"'([^']*)'", r"«\1»", text)
    return re.sub(r"\(second\)", f"({w['second'][lang]})", text)


def translate(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The audit table for display in language ``lang``: headers, verdicts, chapter names, kinds
    and severities; the machine columns (:data:`MACHINE_COLUMNS`) are left out.

    >>> rows = audit_frame([check("a", "T1", "x", "1.0", 1.0)], "egov")
    >>> translate(rows, "ru").columns[0], translate(rows, "ru")["Вердикт"].item()
    ('Глава', 'воспроизводится')
    """
    from digecon import i18n
    from digecon.audit_text import localize_rows

    out = localize_rows(frame, lang)
    out = out.drop(columns=[c for c in MACHINE_COLUMNS if c in out.columns])
    verdict_keys = {REPRODUCES: "reproduces", DIFFERS: "differs", CANNOT: "cannot_be_recomputed"}
    out["verdict"] = [i18n.t(verdict_keys[v], lang) for v in out["verdict"]]
    out["chapter"] = [_chapter_name(c, lang) for c in out["chapter"]]
    if "source" in out.columns:
        out["source"] = [localize_source(v, lang) for v in out["source"]]
    if "location" in out.columns:
        out["location"] = [localize_location(v, lang) for v in out["location"]]
    if "kind" in out.columns:
        out["kind"] = [i18n.t(f"kind_{k}", lang) if k else "" for k in out["kind"]]
    if "severity" in out.columns:
        out["severity"] = [i18n.t(f"severity_{k}", lang) if k else "" for k in out["severity"]]
    header = {"kind": "audit_kind", "severity": "audit_severity", "id": "audit_id"}
    return out.rename(columns={c: i18n.t(header.get(c, c), lang) for c in out.columns})


def checked_table(rows: pd.DataFrame, lang: str):
    """The rows that could be checked (verdict reproduces or differs), for display in ``lang``.

    Drops the chapter, source and official columns (the same for every row of one chapter) and
    formats the numbers; returns a pandas ``Styler``.

    >>> rows = audit_frame([check("a", "T1", "x", "1.0", 1.0)], "egov")
    >>> "воспроизводится" in checked_table(rows, "ru").to_html()
    True
    """
    from digecon import i18n
    from digecon.fmt import compact

    part = rows[rows["verdict"] != CANNOT].reset_index(drop=True)
    shown = translate(part, lang)
    shown = shown.drop(columns=[i18n.t(k, lang) for k in ("chapter", "source", "official")])
    return compact(shown.style.format(precision=3, na_rep="–").hide(axis="index"))


def rows_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A chapter's audit rows for display in ``lang``: translated, no chapter column, rounded.

    >>> rows = audit_frame([check("a", "T1", "x", "1.0", 1.0)], "egov")
    >>> rows_table(rows, "en").columns[0]
    'Source'
    """
    from digecon import i18n

    out = translate(rows, lang).drop(columns=i18n.t("chapter", lang)).reset_index(drop=True)
    for key in ("printed", "recomputed", "official"):
        out[i18n.t(key, lang)] = out[i18n.t(key, lang)].round(3)
    out.index = out.index + 1
    return out


def _chapter_name(chapter: str, lang: str) -> str:
    from digecon import i18n

    try:
        return i18n.t(f"chapter_{chapter}", lang)
    except KeyError:
        return chapter


def plot_verdicts(frame: pd.DataFrame, lang: str):
    """A horizontal stacked bar chart: verdict counts per chapter, labelled in ``lang``."""
    import matplotlib.pyplot as plt

    from digecon import i18n

    counts = summary(frame).pivot(index="chapter", columns="verdict", values="n")
    counts = counts.reindex(columns=list(VERDICTS)).fillna(0)
    counts.index = [_chapter_name(c, lang) for c in counts.index]
    colours = {REPRODUCES: "#009E73", DIFFERS: "#D55E00", CANNOT: "#999999"}
    keys = {REPRODUCES: "reproduces", DIFFERS: "differs", CANNOT: "cannot_be_recomputed"}
    fig, ax = plt.subplots(figsize=(7.0, 0.5 + 0.45 * len(counts)))
    left = pd.Series(0.0, index=counts.index)
    for verdict in VERDICTS:
        ax.barh(counts.index, counts[verdict], left=left, color=colours[verdict],
                label=i18n.t(keys[verdict], lang))
        left = left + counts[verdict]
    ax.set_xlabel(i18n.t("number_of_checks", lang))
    ax.invert_yaxis()
    ax.legend(loc="lower right", fontsize="small")
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- verbal claims

VERBAL_WORDS: dict[str, tuple[str, ...]] = {
    "about": ("about", "approximately", "around", "roughly", "шамамен", "шамасында", "около",
              "примерно", "приблизительно"),
    "nearly": ("nearly", "almost", "жуық", "дерлік", "қарай", "почти", "без малого"),
    "more than": ("more than", "over", "above", "exceeds", "астам", "артық", "асады", "более",
                  "свыше", "больше"),
    "less than": ("less than", "under", "below", "кем", "аз", "менее", "меньше"),
    "doubled": ("doubled", "twice", "екі есе", "вдвое", "в два раза", "в 2 раза"),
}
"""The words of a verbal claim, by rule (English, Kazakh, Russian)."""

ABOUT = 0.05
"""*About X* admits ±5 % of X: what rounding to two significant figures can hide (a value of
10-99 written to the unit errs by at most 0.5/10 = 5 %); the sources write "about" before
numbers of one or two significant figures (about 0.3, about 700, about 45 %)."""

NEARLY = 0.10
"""*Nearly X* admits values below X by at most 10 % (0.9 X to X): "nearly three times" is 2.7
to 3, so 2.55 is not nearly three times. Above X it admits only what is still X at two
significant figures (:func:`nearly_ceiling`): 30.3 is "nearly 30 %", 3.1 is not "nearly three
times" but "more than three times"."""


def nearly_ceiling(claimed: float) -> float:
    """The largest value still written ``claimed`` at two significant figures: the upper end of
    *nearly* ``claimed`` (half a unit of the second significant digit above it).

    Two significant figures, as for :data:`ABOUT`: the precision at which the sources write the
    numbers they qualify (nearly 30 %, nearly 3 times, nearly 90 %). The claim's own printed
    precision would be far looser for a small number ("3" to the unit reaches 3.49, which is
    "more than three times").

    >>> nearly_ceiling(30), nearly_ceiling(3), nearly_ceiling(90), nearly_ceiling(0.5)
    (30.5, 3.05, 90.5, 0.505)
    """
    if claimed == 0:
        return 0.0
    digit = 10.0 ** (math.floor(math.log10(abs(claimed))) - 1)
    return round(claimed + 0.5 * digit, 12)

DOUBLED = (1.9, 2.1)
"""*Doubled* is a ratio of 1.9 to 2.1 (*about* two with a little more room, as growth is often
rounded to "two-fold"); *more than doubled* is a ratio strictly above 2."""


def claim_holds(rule: str, claimed: float, actual: float, decimals: int | None = None) -> bool:
    """Does ``actual`` bear out the verbal claim *rule* ``claimed``? The written tolerance rules:

    * ``"exact"``: ``actual`` rounds to ``claimed`` at ``decimals`` (the printed precision;
      by default the decimals ``claimed`` shows);
    * ``"about"``: within ±5 % of ``claimed`` (:data:`ABOUT`) or exact at the printed precision;
    * ``"nearly"``: from 10 % below ``claimed`` (:data:`NEARLY`, inclusive) up to ``claimed``
      read at two significant figures (:func:`nearly_ceiling`, exclusive): a value that is still
      ``claimed`` at two significant figures holds (30.3 for "nearly 30 %"), one above it does
      not (it is "more than"), and the claim's own precision does not widen it ("3 times" to the
      unit would admit 3.4);
    * ``"more than"``: strictly above ``claimed``; ``"less than"``: strictly below;
    * ``"doubled"``: ``actual`` (a ratio) within 1.9-2.1 (:data:`DOUBLED`); ``claimed`` is ignored.

    >>> claim_holds("about", 700, 690), claim_holds("about", 700, 436)
    (True, False)
    >>> claim_holds("nearly", 3, 2.55), claim_holds("nearly", 3, 2.8)
    (False, True)
    >>> [claim_holds("nearly", 30, x) for x in (26.9, 27, 29.6, 30.3, 30.5, 31)]
    [False, True, True, True, False, False]
    >>> claim_holds("nearly", 3, 3.04), claim_holds("nearly", 3, 3.1)
    (True, False)
    >>> claim_holds("more than", 2, 2.2), claim_holds("more than", 700, 700)
    (True, False)
    >>> claim_holds("doubled", 2, 1.95), claim_holds("doubled", 2, 2.55)
    (True, False)
    """
    if decimals is None:
        decimals = decimals_of(repr(float(claimed))) if float(claimed) % 1 else 0
    half = 0.5 * 10.0 ** (-decimals) + 1e-12
    exact = abs(actual - claimed) <= half
    if rule == "exact":
        return exact
    if rule == "about":
        return exact or abs(actual - claimed) <= ABOUT * abs(claimed) + 1e-12
    if rule == "nearly":
        return (1 - NEARLY) * claimed - 1e-12 <= actual < nearly_ceiling(claimed)
    if rule == "more than":
        return actual > claimed
    if rule == "less than":
        return actual < claimed
    if rule == "doubled":
        return DOUBLED[0] <= actual <= DOUBLED[1]
    raise ValueError(f"unknown verbal rule {rule!r}; expected exact or one of {list(VERBAL_WORDS)}")


def rule_of(words: str) -> str:
    """The verbal rule a phrase uses (``"exact"`` when it uses none); *more than* wins over
    *doubled* ("more than doubled" is a ratio above 2).

    >>> rule_of("nearly 3 times"), rule_of("екі есе өсті"), rule_of("более 900 млрд")
    ('nearly', 'doubled', 'more than')
    """
    text = f" {words.lower()} "
    for rule in ("more than", "less than", "nearly", "about", "doubled"):
        for word in VERBAL_WORDS[rule]:
            if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text):
                return rule
    return "exact"


def verbal(
    source: str,
    location: str,
    quantity: str,
    printed: str | float | int,
    actual: float,
    *,
    rule: str | None = None,
    why: str = "",
    **extra: object,
) -> dict[str, object]:
    """An audit row for a verbal claim, judged by :func:`claim_holds`; the rule is read from
    the quoted words in ``quantity`` unless given.

    >>> verbal("d", "text, line 2338", "growth of the share, 'nearly 3 times'", "3",
    ...        9.7 / 3.8, why="2.55 is not nearly 3")["verdict"]
    'differs'
    """
    rule = rule if rule is not None else rule_of(quantity)
    row = check(source, location, quantity, printed, actual, kind="verbal", why=why,
                **extra)  # type: ignore[arg-type]
    holds = claim_holds(rule, as_number(printed), float(actual), decimals_of(printed))
    row["verdict"] = REPRODUCES if holds else DIFFERS
    if not holds and not row["why"]:
        row["why"] = f"'{rule}' {printed}: {float(actual):.4g} does not bear it out"
    row["why"] = f"[{rule}] {row['why']}".strip()
    row["severity"] = "" if holds else (extra.get("severity") or infer_severity(row))
    return row


# --------------------------------------------------------------------------- ranks with ties

def tied_rank_range(values: pd.Series, decimals: int, higher_is_better: bool = True
                    ) -> pd.DataFrame:
    """For each unit, the ranks it may take when ties at the printed precision are broken
    either way: ``best`` = 1 + units strictly better, ``worst`` = units better or equal.

    A printed rank anywhere in ``best..worst`` is right (the tie rule): regions that print the
    same value to the printed decimals can be ordered either way by their unrounded values.

    >>> tied_rank_range(pd.Series([0.107, 0.107, 0.2], index=["a", "b", "c"]), 3,
    ...                 higher_is_better=False).to_dict("index")
    {'a': {'best': 1, 'worst': 2}, 'b': {'best': 1, 'worst': 2}, 'c': {'best': 3, 'worst': 3}}
    """
    s = pd.Series(values, dtype=float).round(decimals)
    sign = 1.0 if higher_is_better else -1.0
    best = [int((sign * s > sign * v).sum()) + 1 for v in s]
    worst = [int((sign * s >= sign * v).sum()) for v in s]
    return pd.DataFrame({"best": best, "worst": worst}, index=s.index)


def rank_check(source: str, location: str, quantity: str, printed: str | int,
               best: int, worst: int, **extra: object) -> dict[str, object]:
    """A printed rank checked under the tie rule: it reproduces when it lies in ``best..worst``.

    >>> rank_check("a", "Таблица 3, line 99", "rank of X", "18", 17, 18)["verdict"]
    'reproduces'
    """
    rank = int(as_number(printed))
    nearest = min(max(rank, best), worst)
    row = check(source, location, quantity, str(rank), float(nearest), kind="rank",
                **extra)  # type: ignore[arg-type]
    if best != worst:
        tie = (f"tied at the printed precision with {worst - best} other unit(s): any rank "
               f"{best}-{worst} is right")
        row["why"] = f"{row['why']}; {tie}" if row["why"] else tie
    return row


# --------------------------------------------------------------------------- the report page

REPORT_COLUMNS = ["chapter", "source", "location", "quantity", "printed", "recomputed",
                  "official", "verdict", "severity", "kind", "why"]


def section_anchor(chapter: str, book: Path | None = None) -> str:
    """The HTML id of the chapter section that discusses its audit: the label
    ``(<chapter>-audit)=`` placed before that section's heading, the same anchor in every
    language edition (``""`` if the chapter has none).

    >>> section_anchor("egov")
    'egov-audit'
    """
    import json

    from digecon import data

    folder = book or data.data_dir().parent / "book"
    path = folder / f"{chapter}.ipynb"
    if not path.exists():
        return ""
    label = f"({chapter}-audit)="
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] == "markdown" and any(
            line.strip() == label for line in "".join(cell["source"]).splitlines()
        ):
            return f"{chapter}-audit"
    return ""


def report_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """The audit rows in the report's order: grouped by chapter (chapters in the order they
    first appear, rows keep their order inside a chapter). The page and its CSV share it.

    >>> f = pd.DataFrame({"chapter": ["b", "a", "b"], "id": [1, 2, 3]})
    >>> report_rows(f)["id"].tolist()
    [1, 3, 2]
    """
    order = {c: i for i, c in enumerate(dict.fromkeys(frame["chapter"]))}
    return frame.sort_values("chapter", key=lambda s: s.map(order), kind="stable")


def report_csv(frame: pd.DataFrame) -> str:
    """The whole audit as CSV (every column), the rows in the order of :func:`report_html`:
    the file the report's "CSV" link downloads (``audit.csv`` beside the page).

    >>> rows = audit_frame([check("s 001", "T1, line 2", "x", "1.0", 2.0, why="w")], "egov")
    >>> report_csv(rows).splitlines()[0].split(",")[:3]
    ['chapter', 'source', 'location']
    """
    import io

    buffer = io.StringIO()
    report_rows(frame).to_csv(buffer, index=False, float_format="%.10g")
    return buffer.getvalue()


def report_html(frame: pd.DataFrame, lang: str = "en", csv_href: str = "audit.csv") -> str:
    """Every audit row, in one collapsed group per chapter, which a reader can filter and
    search (by the small script in ``book/_static/digecon.js``): selects for chapter, source,
    verdict and severity, a search box, a count of the rows shown, and a "CSV" link to the
    whole audit (``csv_href``, the file :func:`report_csv` writes: every column, the same rows
    in the same order). The page stays light: the rows are written once, server-side, in
    ``lang``, and a chapter's rows are laid out only when its group is opened (every group
    starts closed, with its count of rows; a filter or a search opens the groups that have
    matching rows); the rows travel as raw text the script inserts once the page is shown
    (the browser does not build them while the page is first drawn). Each
    row links to the chapter section that discusses it and has the anchor ``#audit-<id>``.
    Sources and locations are written in ``lang`` (:func:`localize_source`,
    :func:`localize_location`).

    >>> rows = audit_frame([check("s 001", "T1, line 2", "x", "1.0", 2.0, why="w")], "egov")
    >>> html = report_html(rows)
    >>> 'data-verdict="differs"' in html and 'id="audit-egov.t1.x"' in html
    True
    >>> 'href="audit.csv"' in html and "text/csv" not in html
    True
    """
    from html import escape

    from digecon import i18n
    from digecon.audit_text import catalog, localize_number, say

    verdict_keys = {REPRODUCES: "reproduces", DIFFERS: "differs", CANNOT: "cannot_be_recomputed"}
    header_keys = {"kind": "audit_kind", "severity": "audit_severity", "seed": "source"}
    frame = report_rows(frame)
    chapters = list(dict.fromkeys(frame["chapter"]))
    names = {c: _chapter_name(c, lang) for c in chapters}
    anchors = {c: section_anchor(c) for c in chapters}

    def label(key: str) -> str:
        return escape(i18n.t(key, lang))

    def options(name: str, values: list[str], text) -> str:
        opts = "".join(f'<option value="{escape(v)}">{escape(text(v))}</option>'
                       for v in values)
        return (f'<label>{label(header_keys.get(name, name))} <select data-filter="{name}">'
                f'<option value="">*</option>{opts}</select></label>')

    seeds = sorted(s for s in frame["seed"].unique() if s)
    controls = (
        '<div class="audit-controls">'
        + options("chapter", sorted(chapters), names.get)
        + options("seed", seeds, lambda v: localize_source(f"seed {v}", lang))
        + options("verdict", list(VERDICTS), lambda v: i18n.t(verdict_keys[v], lang))
        + options("severity", list(SEVERITIES), lambda v: i18n.t(f"severity_{v}", lang))
        + f'<label>{label("audit_search")} <input type="search" data-filter="q"></label>'
        + f' <span class="audit-count" aria-live="polite">{len(frame)}</span> / {len(frame)}'
        + f' · <a class="audit-csv" href="{escape(csv_href)}" download="audit.csv">CSV</a>'
        + "</div>"
    )
    head = "".join(f"<th>{label(header_keys.get(c, c))}</th>" for c in REPORT_COLUMNS)
    small = {f"{col}_{v}": i18n.t(f"{col}_{v}", lang)
             for col, values in (("severity", SEVERITIES), ("kind", KINDS)) for v in values}
    verdicts = {v: i18n.t(k, lang) for v, k in verdict_keys.items()}
    groups: dict[str, list[str]] = {c: [] for c in chapters}
    for r in frame.itertuples(index=False):
        row = r._asdict()
        cells = []
        for col in REPORT_COLUMNS:
            value = row[col]
            if col == "chapter":
                target = f"{value}.html" + (f"#{anchors[value]}" if anchors.get(value) else "")
                text = f'<a href="{escape(target)}">{escape(names[value])}</a>'
            elif col == "verdict":
                text = escape(verdicts[str(value)])
            elif col in ("severity", "kind"):
                text = escape(small.get(f"{col}_{value}", str(value))) if value else ""
            elif col in ("printed", "recomputed", "official"):
                text = "" if pd.isna(value) else localize_number(f"{float(value):.6g}", lang)
            elif col in ("quantity", "why"):
                text = escape(say(str(value), lang, catalog(row["chapter"])))
            elif col == "source":
                text = escape(localize_source(value, lang))
            elif col == "location":
                text = escape(localize_location(value, lang))
            else:
                text = escape(str(value))
            cells.append(f"<td>{text}</td>")
        flag = ' data-trivial="1"' if row["trivial"] else ""
        groups[row["chapter"]].append(
            f'<tr id="audit-{escape(str(row["id"]))}" '
            f'data-seed="{escape(str(row["seed"]))}" data-verdict="{escape(str(row["verdict"]))}" '
            f'data-severity="{escape(str(row["severity"]))}"{flag}>' + "".join(cells) + "</tr>")
    def group(chapter: str, trs: list[str]) -> str:
        # every group closed, its rows raw text (not parsed into elements with the page, nor
        # laid out at its first paint): the script inserts them while the browser is idle
        rows = "".join(trs)
        if "</script" in rows.lower() or "<!--" in rows:
            raise ValueError("an audit text contains '</script' or '<!--'")
        tbody = f'<tbody></tbody><script type="text/html" class="audit-rows">{rows}</script>'
        return (f'<details class="audit-group" data-chapter="{escape(chapter)}">'
                f'<summary>{escape(names[chapter])} '
                f'<span class="audit-n">({len(trs)})</span></summary>'
                f'<div class="audit-scroll"><table class="audit-table"><thead><tr>{head}</tr>'
                f'</thead>{tbody}</table></div></details>')

    body = "".join(group(c, trs) for c, trs in groups.items())
    return f'<div id="audit-report" class="audit-report">{controls}{body}</div>'
