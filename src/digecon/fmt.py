"""Numbers and words around numbers in the reader's language (``kk``, ``ru``, ``en``).

One place decides how a number looks in the book: in the prose (glued values), in tables and
on chart axes. The conventions:

* **Decimal mark**: comma in Kazakh and Russian (``0,996``), point in English (``0.996``).
* **Thousands**: numbers whose integer part has five digits or more are grouped, in Kazakh and
  Russian with a NARROW NO-BREAK SPACE (U+202F, ``9 136,5`` stays ``9136,5`` but ``190 774,19``),
  in English with a comma (``190,774.19``). Four-digit numbers are not grouped (the Russian
  typographic norm allows it, and it keeps years and counts such as ``1524`` intact); in English
  an explicit ``,`` in the format spec groups four-digit numbers too (``1,524``), as Python does.
  Years (integers below 10 000) therefore never get a separator.
* **Minus**: the typographic minus U+2212 in Kazakh and Russian (``−152 734,690``), the hyphen in
  English (as Python prints it).
* **Percent** (spec ``".1%"``): ``66,4 %`` in Kazakh and Russian and ``66.4 %`` in English, with a
  NO-BREAK SPACE (U+00A0) before the sign, as the book's English prose already writes
  ``{glue:text}`x:.1f` %``.
* **Missing** values (``None``, ``NaN``, ``pd.NA``) are shown as an em dash ``—``.
* With the empty spec, integral floats are shown as integers (``24.0`` → ``24``).

Words after numbers: :func:`kk_suffix` chooses the Kazakh case ending by the pronounced last word
of the number (``855,6`` is read "…бүтін оннан алты", so ``855,6-ға``), :func:`ru_plural` and
:func:`ru_count` make Russian nouns agree (``22 года``, ``27 моногородов``, ``2,5 процента``), and
:func:`expand_number_roles` applies all of it to MyST text with ``{glue:text}`` roles (what the
language editions use).

>>> format_value(9136.5, ",.1f", "ru"), format_value(190774.19, ",.2f", "en")
('9136,5', '190,774.19')
>>> format_value(0.664, ".1%", "kk")
'66,4\\xa0%'
>>> kk_suffix("855,6", "dat"), kk_suffix("0,996", "abl"), ru_count(22, "год")
('855,6-ға', '0,996-дан', '22 года')
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Callable, Mapping, Sequence

import pandas as pd

LANGS: tuple[str, ...] = ("kk", "ru", "en")
THIN = "\u202f"  # NARROW NO-BREAK SPACE: thousands separator in kk and ru
NBSP = "\u00a0"  # NO-BREAK SPACE: before "%"
MINUS = "\u2212"
DASH = "—"  # a missing value
EN_DASH = "–"  # ranges
GROUP_FROM = 10_000  # group thousands from five-digit numbers on


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: expected one of {LANGS}")
    return lang


def is_missing(value: object) -> bool:
    """True for ``None``, ``NaN``, ``pd.NA`` and ``NaT``.

    >>> is_missing(float("nan")), is_missing(None), is_missing(0)
    (True, True, False)
    """
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # lists and arrays are not missing values
        return False


def _group(digits: str, sep: str) -> str:
    """``"1234567"`` → ``"1 234 567"`` with ``sep``."""
    out = []
    while len(digits) > 3:
        out.append(digits[-3:])
        digits = digits[:-3]
    out.append(digits)
    return sep.join(reversed(out))


def _localize(text: str, lang: str, *, comma: bool) -> str:
    """Re-punctuate a number Python printed in English style (``-1,234.5``) for ``lang``."""
    m = re.fullmatch(r"([+-]?)([\d,]+)(\.\d+)?(e[+-]?\d+)?", text)
    if not m:
        return text
    sign, whole, frac, exp = m.group(1), m.group(2).replace(",", ""), m.group(3) or "", m.group(4)
    if lang == "en":
        sep = "," if (comma or int(whole) >= GROUP_FROM) else ""
        body = _group(whole, sep) if sep else whole
        return f"{sign}{body}{frac}{exp or ''}"
    body = _group(whole, THIN) if int(whole) >= GROUP_FROM else whole
    if frac:
        body += "," + frac[1:]
    if sign == "-":
        sign = MINUS
    if exp:
        body += f"·10^{int(exp[1:])}"
    return f"{sign}{body}"


def format_value(value: object, spec: str, lang: str) -> str:
    """A glued value as ``{glue:text}`name:spec``` shows it, in the conventions of ``lang``.

    ``spec`` is a Python format spec (``".3f"``, ``".1%"``, ``",.0f"``, ``"d"``) or ``""``.
    Strings and booleans are returned unchanged; missing values become ``—``.

    >>> [format_value(v, "", "ru") for v in (2024, 24.0, 12345, 0.5, None, "ИКТ")]
    ['2024', '24', '12\\u202f345', '0,5', '—', 'ИКТ']
    >>> format_value(-152734.69, ",.3f", "kk")
    '−152\\u202f734,690'
    >>> format_value(1524, ",d", "en"), format_value(1524, ",d", "ru")
    ('1,524', '1524')
    """
    _check_lang(lang)
    if isinstance(value, bool) or isinstance(value, str):
        return str(value)
    if is_missing(value):
        return DASH
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        value = value.item()  # numpy scalars print as "np.float64(...)" otherwise
    if not isinstance(value, numbers.Real):
        return str(value)
    spec = spec or ""
    if spec.endswith("%"):
        inner = spec[:-1] or ".0"
        number = format(float(value) * 100, inner + ("f" if inner[-1].isdigit() else ""))
        return _localize(number, lang, comma="," in inner) + NBSP + "%"
    if not spec:
        if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
            value = int(value)
        text = repr(value) if isinstance(value, float) else str(value)
        return _localize(text, lang, comma=False)
    if "d" in spec and isinstance(value, float):
        if not value.is_integer():
            raise ValueError(f"format spec {spec!r} needs an integer, got {value!r}")
        value = int(value)
    text = format(value, spec)
    return _localize(text, lang, comma="," in spec)


def format_number(x: object, decimals: int, lang: str) -> str:
    """``x`` with ``decimals`` decimals in ``lang``.

    >>> format_number(9136.54, 1, "kk"), format_number(9136.54, 1, "en")
    ('9136,5', '9136.5')
    """
    return format_value(x, f".{int(decimals)}f", lang)


def format_percent(x: object, decimals: int, lang: str, *, fraction: bool = True) -> str:
    """A percentage: ``x`` is a fraction (0.664) or, with ``fraction=False``, already in %.

    >>> format_percent(0.664, 1, "ru"), format_percent(66.4, 1, "en", fraction=False)
    ('66,4\\xa0%', '66.4\\xa0%')
    """
    if is_missing(x):
        return DASH
    value = float(x) if fraction else float(x) / 100  # type: ignore[arg-type]
    return format_value(value, f".{int(decimals)}%", lang)


def format_int(x: object, lang: str) -> str:
    """An integer (a rank, a count, a year), rounding a float.

    >>> format_int(24.0, "kk"), format_int(2024, "ru"), format_int(123456, "en")
    ('24', '2024', '123,456')
    """
    if is_missing(x):
        return DASH
    return format_value(round(float(x)), "d", lang)  # type: ignore[arg-type]


def format_range(a: object, b: object, lang: str, spec: str = "") -> str:
    """A range with an en dash and no spaces: ``2021–2022``, ``0,5–1,5``.

    >>> format_range(2021, 2022, "kk"), format_range(0.5, 1.5, "ru", ".1f")
    ('2021–2022', '0,5–1,5')
    """
    return f"{format_value(a, spec, lang)}{EN_DASH}{format_value(b, spec, lang)}"


def _auto_decimals(values: Sequence[float], cap: int = 4) -> int:
    """The fewest decimals (at most ``cap``) that show every value exactly."""
    for d in range(cap + 1):
        if all(abs(round(v, d) - v) < 1e-9 * max(1.0, abs(v)) for v in values):
            return d
    return cap


def format_cell(value: object, lang: str, decimals: int | None = None) -> str:
    """One table cell: missing → ``—``, integral numbers as integers, locale decimals.

    >>> format_cell(24.0, "ru"), format_cell(0.48100000001, "ru"), format_cell(float("nan"), "en")
    ('24', '0,481', '—')
    """
    if isinstance(value, bool) or isinstance(value, str):
        return str(value)
    if is_missing(value):
        return DASH
    if isinstance(value, numbers.Real):
        v = float(value)
        if decimals is None:
            decimals = 0 if v.is_integer() else _auto_decimals([v])
        if decimals == 0:
            return format_value(round(v), "d", lang)
        return format_value(v, f".{decimals}f", lang)
    return str(value)


def format_table(df: pd.DataFrame, lang: str, decimals: int | Mapping[str, int] | None = None,
                 ) -> pd.DataFrame:
    """A copy of ``df`` with every cell as display text in ``lang``.

    Missing values become ``—``. With ``decimals`` (a number, or ``{column: decimals}``) every
    number of a column gets that many decimals. By default whole numbers are shown as integers
    (ranks read with NaN are floats: ``24``, not ``24.000000``) and the other numbers of a column
    get the fewest decimals (at most 4) that show them all exactly. Text cells keep their words;
    a text cell that is a number printed in English style is re-punctuated.

    >>> df = pd.DataFrame({"rank": [24.0, None], "egdi": [0.481, 0.5], "who": ["a", "b"]})
    >>> format_table(df, "ru").to_dict("list")
    {'rank': ['24', '—'], 'egdi': ['0,481', '0,500'], 'who': ['a', 'b']}
    """
    _check_lang(lang)
    out = pd.DataFrame(index=df.index)
    for pos, col in enumerate(df.columns):
        series = df.iloc[:, pos]
        d = decimals.get(col) if isinstance(decimals, Mapping) else decimals
        nums = [float(v) for v in series
                if not isinstance(v, bool | str) and not is_missing(v)
                and isinstance(v, numbers.Real | float | int)]
        whole_as_int = d is None
        if d is None:
            fractional = [v for v in nums if not v.is_integer()]
            d = _auto_decimals(fractional) if fractional else 0
        out[pos] = [localize_text(v, lang) if isinstance(v, str)
                    else format_cell(v, lang, 0 if whole_as_int and _is_whole(v) else d)
                    for v in series]
    out.columns = df.columns
    return out


def _is_whole(value: object) -> bool:
    return (isinstance(value, numbers.Real) and not isinstance(value, bool)
            and not is_missing(value) and float(value).is_integer())


def localize_text(text: str, lang: str) -> str:
    """Re-punctuate numbers already printed in English style inside a short text.

    Used for table cells a ``Styler`` formatted: ``"9,136.500"`` → ``"9136,500"``.

    >>> localize_text("1,234,567.5", "ru"), localize_text("nan", "kk"), localize_text("x", "ru")
    ('1\\u202f234\\u202f567,5', '—', 'x')
    """
    _check_lang(lang)
    stripped = text.strip()
    if stripped.lower() in {"nan", "<na>", "none", "nat"}:
        return DASH
    if stripped.endswith("%"):
        core = stripped[:-1].rstrip()
        if re.fullmatch(r"[+-]?[\d,]+(\.\d+)?", core):
            return _localize(core, lang, comma="," in core) + NBSP + "%"
        return text
    if re.fullmatch(r"[+-]?[\d,]+(\.\d+)?", stripped):
        return _localize(stripped, lang, comma="," in stripped)
    return text


def localize_styler(styler, lang: str):
    """Make a pandas ``Styler`` display numbers in ``lang`` (and ``—`` for missing values).

    Cells the styler formats explicitly keep their format and are re-punctuated
    (:func:`localize_text`); cells in pandas' default format, and whole numbers printed with
    only zero decimals, are shown by :func:`format_cell` (``24``, not ``24.000000`` or
    ``24.000``). Uses the styler's per-cell display functions (pandas 2–3).
    """
    _check_lang(lang)
    data = styler.data
    precision = pd.get_option("styler.format.precision")

    def show(x: object, func: Callable[[object], object]) -> str:
        if isinstance(x, str):
            return localize_text(str(func(x)), lang)
        if is_missing(x):
            return DASH
        text = str(func(x))
        if isinstance(x, numbers.Real) and not isinstance(x, bool) and (
                text == f"{x:.{precision}f}" or text == str(x)
                or (_is_whole(x) and re.fullmatch(r"-?[\d,]+\.0+", text.strip()))):
            return format_cell(x, lang)  # pandas' default 24.000000, or 24.000 for a rank
        return localize_text(text, lang)

    for r in range(data.shape[0]):
        for c in range(data.shape[1]):
            func = styler._display_funcs[(r, c)]
            styler._display_funcs[(r, c)] = lambda x, f=func: show(x, f)
    return styler


def for_display(table, lang: str):
    """A DataFrame or ``Styler`` ready to show in ``lang`` (see :func:`format_table`)."""
    if isinstance(table, pd.DataFrame):
        return format_table(table, lang)
    if hasattr(table, "_display_funcs"):
        return localize_styler(table, lang)
    return table


def compact(styler):
    """A smaller font for wide tables (a pandas ``Styler``), so they fit a phone or a laptop.

    >>> compact(pd.DataFrame({"a": [1]}).style).table_styles[0]["selector"]
    'td, th'
    """
    return styler.set_table_styles(
        [{"selector": "td, th", "props": [("font-size", "0.8em"), ("padding", "0.2em 0.4em")]}],
        overwrite=False,
    )


def ticks_formatter(lang: str, decimals: int | None = None):
    """A matplotlib ``FuncFormatter`` for axis tick labels in ``lang``.

    >>> ticks_formatter("ru", 1)(1234.5, 0)
    '1234,5'
    """
    from matplotlib.ticker import FuncFormatter

    _check_lang(lang)

    def tick(x: float, _pos: int | None = None) -> str:
        if decimals is None:
            return format_cell(round(x, 6), lang)
        return format_number(x, decimals, lang)

    return FuncFormatter(tick)


# --------------------------------------------------------------------------- Kazakh grammar

KK_UNITS = ["нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"]
KK_TENS = ["", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"]
KK_POWERS = [(10**12, "триллион"), (10**9, "миллиард"), (10**6, "миллион"), (1000, "мың")]
# words that can follow a number and carry the ending instead of it
KK_UNIT_WORDS = {"%": "пайыз", "млн": "миллион", "млрд": "миллиард", "трлн": "триллион",
                 "мың": "мың", "тыс": "мың"}

BACK_VOWELS = set("аоұыяё")
FRONT_VOWELS = set("әеөүіэ")
VOWELS = BACK_VOWELS | FRONT_VOWELS | set("иую")
VOICELESS = set("кқпстфхцчшщбвгд")  # б, в, г, д at a word's end are pronounced voiceless
NASALS = set("мнң")

# case → (after a vowel or р/л/й/у/з/ж, after м/н/ң, after a voiceless consonant),
# each as (back, front)
KK_CASES: dict[str, tuple[tuple[str, str], tuple[str, str], tuple[str, str]]] = {
    "dat": (("ға", "ге"), ("ға", "ге"), ("қа", "ке")),
    "loc": (("да", "де"), ("да", "де"), ("та", "те")),
    "abl": (("дан", "ден"), ("нан", "нен"), ("тан", "тен")),
    "gen": (("дың", "дің"), ("ның", "нің"), ("тың", "тің")),
    "acc": (("ды", "ді"), ("ды", "ді"), ("ты", "ті")),
    "loc_attr": (("дағы", "дегі"), ("дағы", "дегі"), ("тағы", "тегі")),
    "ord": (("шы", "ші"), ("шы", "ші"), ("шы", "ші")),
}
# after a vowel the genitive and accusative differ from after р/л/й/у/з/ж
KK_AFTER_VOWEL = {"gen": ("ның", "нің"), "acc": ("ны", "ні")}
KK_SUFFIX_CASE = {form: case for case, groups in KK_CASES.items()
                  for pair in groups for form in pair}
KK_SUFFIX_CASE.update({form: case for case, pair in KK_AFTER_VOWEL.items() for form in pair})


def kk_int_last_word(n: int) -> str:
    """The last word of the Kazakh reading of the integer ``n``.

    >>> kk_int_last_word(855), kk_int_last_word(40), kk_int_last_word(2000)
    ('бес', 'қырық', 'мың')
    """
    n = abs(int(n))
    if n == 0:
        return "нөл"
    if n % 10:
        return KK_UNITS[n % 10]
    if n % 100:
        return KK_TENS[(n % 100) // 10]
    if n % 1000:
        return "жүз"
    for power, word in reversed(KK_POWERS):
        if n % (power * 1000) or power == 10**12:
            return word
    return "триллион"  # pragma: no cover


def kk_last_word(number: object) -> str:
    """The pronounced last word of a number as printed (``"855,6"``, ``"66,4 %"``, ``"5,46 млн"``).

    A decimal is read "…бүтін оннан алты": its last word is that of the digits after the comma.

    >>> kk_last_word("855,6"), kk_last_word("0,996"), kk_last_word("66,4 %"), kk_last_word(2.0)
    ('алты', 'алты', 'пайыз', 'екі')
    """
    if not isinstance(number, str):
        number = format_value(number, "", "kk")
    text = number.replace(NBSP, " ").replace(THIN, "").replace(" ", " ").strip()
    words = text.split()
    if words and words[-1] in KK_UNIT_WORDS:
        return KK_UNIT_WORDS[words[-1]]
    if text.endswith("%"):
        return "пайыз"
    digits = re.sub(r"[^\d,.]", "", words[0] if words else text)
    if not digits:
        raise ValueError(f"no number in {number!r}")
    whole, _, frac = digits.replace(".", ",").partition(",")
    if frac:
        return kk_int_last_word(int(frac))
    return kk_int_last_word(int(whole or 0))


def _kk_ending(word: str, case: str) -> str:
    word = word.lower()
    vowels = [ch for ch in word if ch in BACK_VOWELS | FRONT_VOWELS]
    back = (vowels[-1] in BACK_VOWELS) if vowels else True
    last = word[-1]
    if case not in KK_CASES:
        raise ValueError(f"unknown case {case!r}: expected one of {sorted(KK_CASES)}")
    groups = KK_CASES[case]
    if last in VOWELS - {"у"} and case in KK_AFTER_VOWEL:
        pair = KK_AFTER_VOWEL[case]
    elif last in NASALS:
        pair = groups[1]
    elif last in VOICELESS:
        pair = groups[2]
    else:
        pair = groups[0]
    return pair[0] if back else pair[1]


def kk_suffix(number: object, case: str, lang: str = "kk") -> str:
    """The number (as printed in ``lang``) with the Kazakh ``case`` ending after a hyphen.

    ``case`` is ``dat`` (-ға/-ге/-қа/-ке), ``loc`` (-да/-де/-та/-те), ``abl``
    (-дан/-ден/-тан/-тен/-нан/-нен), ``gen``, ``acc``, ``loc_attr`` (-дағы) or
    ``ord`` (ordinal -шы/-ші). A number ending in a unit word keeps it: ``"5,80 млн-ға"``.

    >>> kk_suffix(855.6, "dat"), kk_suffix(65, "ord"), kk_suffix("5,80 млн", "dat")
    ('855,6-ға', '65-ші', '5,80 млн-ға')
    """
    text = number if isinstance(number, str) else format_value(number, "", lang)
    return f"{text}-{_kk_ending(kk_last_word(text), case)}"


def kk_ordinal(n: int, noun: str | None = None) -> str:
    """A Kazakh ordinal with digits: ``65-ші``, or with a noun ``65-орын`` (the hyphen makes it
    ordinal, the noun then takes its own endings).

    >>> kk_ordinal(65), kk_ordinal(6), kk_ordinal(24, "орын")
    ('65-ші', '6-шы', '24-орын')
    """
    if noun:
        return f"{int(n)}-{noun}"
    return kk_suffix(str(int(n)), "ord")


# --------------------------------------------------------------------------- Russian grammar

RU_NOUNS: dict[str, tuple[str, str, str]] = {
    # nominative singular: (1, 2–4 = genitive singular, 5+ = genitive plural)
    "число": ("число", "числа", "чисел"),
    "год": ("год", "года", "лет"),
    "моногород": ("моногород", "моногорода", "моногородов"),
    "проверка": ("проверка", "проверки", "проверок"),
    "прогноз": ("прогноз", "прогноза", "прогнозов"),
    "страна": ("страна", "страны", "стран"),
    "регион": ("регион", "региона", "регионов"),
    "область": ("область", "области", "областей"),
    "вуз": ("вуз", "вуза", "вузов"),
    "организация": ("организация", "организации", "организаций"),
    "место": ("место", "места", "мест"),
    "подход": ("подход", "подхода", "подходов"),
    "раз": ("раз", "раза", "раз"),
    "минута": ("минута", "минуты", "минут"),
    "процент": ("процент", "процента", "процентов"),
    "строка": ("строка", "строки", "строк"),
    "значение": ("значение", "значения", "значений"),
    "показатель": ("показатель", "показателя", "показателей"),
    "индикатор": ("индикатор", "индикатора", "индикаторов"),
    "человек": ("человек", "человека", "человек"),
    "балл": ("балл", "балла", "баллов"),
    "пункт": ("пункт", "пункта", "пунктов"),
    "услуга": ("услуга", "услуги", "услуг"),
    "ответ": ("ответ", "ответа", "ответов"),
    "расхождение": ("расхождение", "расхождения", "расхождений"),
}
RU_FORM_NOUN = {form: noun for noun, forms in RU_NOUNS.items() for form in forms}
# prepositions after which a counted noun is in the genitive ("из 261 числа", "из 5 чисел")
RU_GENITIVE_PREPS = {"из", "от", "до", "около", "более", "менее", "свыше", "для", "без", "у",
                     "кроме", "среди", "вместо", "после", "с"}


def _ru_number(n: object) -> tuple[int, bool]:
    """(integer part, is a non-integer) of a number or a printed number."""
    if isinstance(n, str):
        text = n.replace(THIN, "").replace(NBSP, "").replace(" ", "").replace(MINUS, "-")
        m = re.search(r"-?\d+([.,]\d+)?", text)
        if not m:
            raise ValueError(f"no number in {n!r}")
        fractional = bool(m.group(1)) and int(m.group(1)[1:] or 0) != 0
        return abs(int(re.match(r"-?\d+", m.group(0)).group(0))), fractional  # type: ignore[union-attr]
    value = float(n)  # type: ignore[arg-type]
    return abs(int(value)), not value.is_integer()


def ru_plural(n: object, forms: Sequence[str]) -> str:
    """The Russian form agreeing with ``n``: ``forms`` = (1, 2–4, 5+), e.g. (число, числа, чисел).

    Non-integers take the second form (the genitive singular): ``2,5 процента``.

    >>> [ru_plural(k, ("число", "числа", "чисел")) for k in (1, 2, 5, 11, 21, 22, 111, 524)]
    ['число', 'числа', 'чисел', 'чисел', 'число', 'числа', 'чисел', 'числа']
    """
    one, few, many = forms
    whole, fractional = _ru_number(n)
    if fractional:
        return few
    if whole % 100 in (11, 12, 13, 14):
        return many
    if whole % 10 == 1:
        return one
    if whole % 10 in (2, 3, 4):
        return few
    return many


def ru_count(n: object, noun: str, *, case: str = "nom", lang: str = "ru") -> str:
    """``n`` printed in Russian with ``noun`` (nominative singular, a key of :data:`RU_NOUNS`)
    in the agreeing form; ``case="gen"`` after a preposition such as «из».

    >>> ru_count(22, "год"), ru_count(27, "моногород"), ru_count(2.5, "процент")
    ('22 года', '27 моногородов', '2,5 процента')
    >>> ru_count(261, "число", case="gen"), ru_count(5, "число", case="gen")
    ('261 числа', '5 чисел')
    """
    if noun not in RU_NOUNS:
        raise KeyError(f"no Russian noun {noun!r} in digecon.fmt.RU_NOUNS")
    text = n if isinstance(n, str) else format_value(n, "", lang)
    return f"{text} {ru_agree(n, noun, case=case)}"


def ru_agree(n: object, noun: str, *, case: str = "nom") -> str:
    """Only the agreeing form of ``noun`` after ``n`` (see :func:`ru_count`).

    >>> ru_agree(11, "год"), ru_agree(21, "год", case="gen")
    ('лет', 'года')
    """
    forms = RU_NOUNS[noun]
    if case == "nom":
        return ru_plural(n, forms)
    if case == "gen":
        whole, fractional = _ru_number(n)
        if fractional or (whole % 10 == 1 and whole % 100 != 11):
            return forms[1]
        return forms[2]
    raise ValueError(f"unknown case {case!r}: expected 'nom' or 'gen'")


# --------------------------------------------------------------------------- MyST text

GLUE_ROLE = re.compile(r"\{glue:text\}`(?P<name>[^`:]+)(?::(?P<spec>[^`]*))?`")
_KK_TAIL = re.compile(r"-(?P<suffix>[а-яәғқңөұүһі]+)(?![а-яәғқңөұүһіa-z])", re.IGNORECASE)
_KK_UNIT_AFTER = re.compile(r"(?P<gap>[ \u00a0\u202f]?)(?P<unit>%|млн|млрд|трлн|мың)(?=-)")
_RU_NEXT = re.compile(r"(?P<gap>[ \u00a0\n])(?P<word>[А-Яа-яЁё]+)")
_RU_PREV = re.compile(r"([А-Яа-яЁё]+)\s*$")


def expand_number_roles(markdown: str, values: Mapping[str, object], lang: str) -> str:
    """Replace every ``{glue:text}`name:spec``` in ``markdown`` by the value in ``lang``.

    Two conventions keep the words around numbers right for any value:

    * **Kazakh**: a case ending written with a hyphen right after the role (or after a unit
      written after it: ``%``, ``млн``, ``млрд``, ``трлн``, ``мың``) is re-chosen for the number
      shown: ``{glue:text}`x:.1f`-ге`` becomes ``855,6-ға``. Write the ending for the current
      value; any allomorph of the case will do. Words that are not endings (``-орын``) stay.
    * **Russian**: a noun of :data:`RU_NOUNS` right after the role, in any of its three counting
      forms, is made to agree: ``{glue:text}`n` чисел`` becomes ``524 числа``; after a
      preposition such as «из» the genitive is used (``из 261 числа``).

    Values missing from ``values`` raise ``KeyError``.

    >>> expand_number_roles("{glue:text}`a:.1f`-ге дейін", {"a": 855.6}, "kk")
    '855,6-ға дейін'
    >>> expand_number_roles("Проверено {glue:text}`n` чисел", {"n": 524}, "ru")
    'Проверено 524 числа'
    >>> expand_number_roles("{glue:text}`n` чисел", {"n": "–"}, "ru")  # no number: no change
    '– чисел'
    """
    _check_lang(lang)
    out: list[str] = []
    pos = 0
    for m in GLUE_ROLE.finditer(markdown):
        out.append(markdown[pos:m.start()])
        name, spec = m.group("name").strip(), (m.group("spec") or "").strip()
        if name not in values:
            raise KeyError(f"no glued value {name!r} for {m.group(0)}")
        text = format_value(values[name], spec, lang)
        pos = m.end()
        rest = markdown[pos:]
        if not any(ch.isdigit() for ch in text):  # "–" for a missing value: no number to agree
            out.append(text)
            continue
        if lang == "kk":
            unit = _KK_UNIT_AFTER.match(rest)
            head = text
            if unit:
                head = f"{text}{unit.group('gap')}{unit.group('unit')}"
                rest = rest[unit.end():]
            tail = _KK_TAIL.match(rest)
            if tail and tail.group("suffix").lower() in KK_SUFFIX_CASE:
                case = KK_SUFFIX_CASE[tail.group("suffix").lower()]
                text = f"{head}-{_kk_ending(kk_last_word(head), case)}"
                pos = m.end() + (unit.end() if unit else 0) + tail.end()
            elif unit:
                text = head
                pos = m.end() + unit.end()
        elif lang == "ru":
            nxt = _RU_NEXT.match(rest)
            if nxt and nxt.group("word").lower() in RU_FORM_NOUN:
                word = nxt.group("word")
                noun = RU_FORM_NOUN[word.lower()]
                prev = _RU_PREV.search(markdown[:m.start()])
                case = "gen" if prev and prev.group(1).lower() in RU_GENITIVE_PREPS else "nom"
                form = ru_agree(text, noun, case=case)
                if word[0].isupper():
                    form = form[0].upper() + form[1:]
                text = f"{text}{nxt.group('gap')}{form}"
                pos = m.end() + nxt.end()
        out.append(text)
    out.append(markdown[pos:])
    return "".join(out)


def phrases(value: object, spec: str, make: Callable[[str, str], str]) -> dict[str, str]:
    """``{lang: make(formatted value, lang)}`` for gluing a ready-made phrase per language.

    >>> phrases(22, "d", lambda s, lang: ru_count(s, "год") if lang == "ru" else s)["ru"]
    '22 года'
    """
    return {lang: make(format_value(value, spec, lang), lang) for lang in LANGS}
