"""Checks of the book's house rules on notebook sources (used by the tests and by authors).

Every narrative block is a ``tab-set`` of sync group ``lang`` with one non-empty tab each for
``kk``, ``ru`` and ``en``; outside tab-sets a Markdown cell holds only headings (written in the
three languages, separated by " · "), targets and blank lines; numbers in the narrative are
glued, not typed; hidden code cells present what visible cells computed and do no analysis
(:func:`hidden_cell_problems`).

>>> md = ("````{tab-set}\\n:sync-group: lang\\n```{tab-item} Қазақша\\n:sync: kk\\n"
...       "Сәлем\\n```\\n````")
>>> blocks = tab_sets(md)
>>> blocks[0]["group"], sorted(blocks[0]["tabs"])
('lang', ['kk'])
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

_OPEN = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[\w:-]+)\}(?P<arg>.*)$")


def _block(lines: list[str], start: int, fence: str) -> int:
    """Index of the line closing the fence opened at ``start``."""
    for j in range(start + 1, len(lines)):
        if lines[j].strip() == fence:
            return j
    raise ValueError(f"fence {fence!r} opened at line {start + 1} is never closed")


def _walk(lines: list[str], name: str):
    """Yield ``(start, end, None)`` for each top-level ``{name}`` block and
    ``(i, i, line)`` for each line outside such blocks."""
    i = 0
    while i < len(lines):
        m = _OPEN.match(lines[i].strip())
        if m and m["name"] == name:
            end = _block(lines, i, m["fence"])
            yield i, end, None
            i = end + 1
            continue
        yield i, i, lines[i]
        i += 1


def _option(lines: list[str], option: str) -> str | None:
    """The value of a directive option such as ``:sync:`` among ``lines``."""
    return next((ln.split(":", 2)[2].strip() for ln in lines
                 if ln.strip().startswith(f":{option}:")), None)


def tab_sets(markdown: str) -> list[dict]:
    """Every tab-set of a Markdown text: its sync group and ``{sync_id: body}``."""
    lines = markdown.splitlines()
    out = []
    for start, end, line in _walk(lines, "tab-set"):
        if line is not None:
            continue
        body = lines[start + 1 : end]
        tabs: dict[str, str] = {}
        for k, k_end, item_line in _walk(body, "tab-item"):
            if item_line is None:
                item = body[k + 1 : k_end]
                text = "\n".join(ln for ln in item if not ln.strip().startswith(":sync"))
                tabs[_option(item, "sync") or ""] = text.strip()
        out.append({"group": _option(body, "sync-group"), "tabs": tabs, "line": start + 1})
    return out


def outside_tab_sets(markdown: str) -> list[str]:
    """Lines of a Markdown text that are not inside any tab-set."""
    return [line for _, _, line in _walk(markdown.splitlines(), "tab-set") if line is not None]


_GLUE = re.compile(r"\{glue(:\w+)?\}`[^`]*`|\{(term|ref|cite|cite:p|cite:t|doc|numref|eq)\}`[^`]*`")
_CODE = re.compile(r"`[^`]*`")
_MATH = re.compile(r"\$\$.*?\$\$|\$[^$]*\$", re.S)
_DECIMAL = re.compile(r"(?<![\w.,])\d+[.,]\d+(?![\w.,]*\d)")


def typed_decimals(text: str) -> list[str]:
    """Decimal numbers typed into narrative text (glued values, code and maths excluded).

    >>> typed_decimals("EGDI reached {glue:text}`egdi:.3f`, up from 0,4876 in $x_{0.5}$.")
    ['0,4876']
    """
    lines = [ln for ln in text.splitlines() if not re.match(r"^\s*(:\w+:|```|````)", ln)]
    cleaned = _MATH.sub(" ", _CODE.sub(" ", _GLUE.sub(" ", "\n".join(lines))))
    return _DECIMAL.findall(cleaned)


def notebook_problems(path: Path) -> list[str]:
    """House-rule problems of one notebook (an empty list when it keeps them all)."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    problems = []
    name = Path(path).name
    cells = nb.get("cells", [])
    code = [c for c in cells if c["cell_type"] == "code"]
    if any(c.get("outputs") for c in code) or any(c.get("execution_count") for c in code):
        problems.append(f"{name}: committed with outputs")
    params = [c for c in code if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(params) != 1 or "lang" not in "".join(params[0]["source"] if params else ""):
        problems.append(f"{name}: needs exactly one 'parameters' cell that sets lang")
    n_sets = 0
    for idx, cell in enumerate(cells):
        if cell["cell_type"] != "markdown":
            continue
        text = "".join(cell["source"])
        try:
            sets = tab_sets(text)
            rest = outside_tab_sets(text)
        except ValueError as err:
            problems.append(f"{name}, cell {idx}: {err}")
            continue
        for block in sets:
            n_sets += 1
            where = f"{name}, cell {idx}, line {block['line']}"
            if block["group"] != "lang":
                problems.append(f"{where}: tab-set without ':sync-group: lang'")
            for lang in ("kk", "ru", "en"):
                if not block["tabs"].get(lang):
                    problems.append(f"{where}: no (or empty) ':sync: {lang}' tab")
            for lang, body in block["tabs"].items():
                for number in typed_decimals(body):
                    problems.append(f"{where} [{lang}]: number {number} typed, not glued")
        for line in rest:
            s = line.strip()
            if not s or re.match(r"^\(.+\)=$", s) or s.startswith("<!--") or s.startswith("+++"):
                continue
            if s.startswith("#"):
                if s.count(" · ") != 2:
                    problems.append(f"{name}, cell {idx}: heading not in three languages: {s}")
                continue
            problems.append(f"{name}, cell {idx}: narrative outside a language tab-set: {s[:60]}")
    if n_sets == 0:
        problems.append(f"{name}: no language tab-set at all")
    return problems


# --- Hidden cells hold presentation only ----------------------------------------------------
#
# A reader of the HTML sees a chapter's code cells, so the analysis the chapter teaches must be
# there. A cell hidden from the reader (tag ``remove-cell``, ``remove-input`` or ``hide-input``)
# may only *present* what visible cells computed. The rule, checked on the cell's syntax tree:
#
# - statements allowed: imports; parameter checks (any call of a ``check*`` function, such as
#   ``i18n.check_lang(lang)`` or ``checks.check_int(...)``, also in a ``for`` loop, and a guard
#   ``if ...: raise ...``); ``name = ...`` of a look-up (below), of a check or of a data load
#   (``data.load(...)``, optionally followed by look-ups or ``.set_index(...)``); a call of a
#   presentation function (``plots.glue*``, ``plots.setup``, ``display``, ``print``, ``HTML``)
#   whose arguments are look-ups or draw (below); ``if``/``for`` on a look-up around these;
# - arguments and values are *look-ups*: names, literals, ``x.attr``, ``x[key]``, ``x.at[i, c]``,
#   lists, tuples and dicts of look-ups, ``int``/``float``/``round``/``len``/``str`` of a look-up,
#   f-strings, one value per language (``{f"x_{c}": i18n.place(p, c) for c in i18n.LANGS}``)
#   and ``lambda code: f(...)`` where ``f`` draws or formats (``figures.*``, ``tables.*``,
#   ``fmt.*``, ``i18n.*``, ``plots.*``, ``audit.translate``/``rows_table``/``checked_table``),
#   optionally styled (``.style.hide(...)``, ``.format(...)``);
# - anything else is analysis: arithmetic, comparisons, loops, comprehensions, definitions,
#   calls of methods or of analysis functions. Put it in a visible cell (a short one, calling
#   the library) and glue the result by name.
#
# The first code cell (the bootstrap that installs the library in Colab) is exempt.

HIDDEN_TAGS = ("remove-cell", "remove-input", "hide-input")
_PRESENT_CALLS = {"plots.glue_numbers", "plots.glue_figures", "plots.glue_tables", "plots.glue",
                  "plots.glue_bundle",
                  "plots.setup", "display", "glue", "print", "HTML"}
_CONVERSIONS = {"int", "float", "round", "len", "str"}
_DRAW_PREFIXES = ("figures.", "tables.", "fmt.", "i18n.", "plots.")
_DRAW_CALLS = {"audit.translate", "audit.rows_table", "audit.checked_table", "audit.plot_verdicts",
               "audit.report_html", "audit.report_csv", "HTML",
               # the reproducibility page's coverage tables (and their empty form without seeds)
               "inventory.coverage_table", "inventory.pd.DataFrame"}
_STYLE_METHODS = {"hide", "format", "set_caption", "set_properties", "set_table_styles"}
_LOADS = {"data.load", "load"}


def _dotted(node: ast.AST) -> str | None:
    """``a.b.c`` for a chain of names and attributes, else None."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        head = _dotted(node.value)
        return f"{head}.{node.attr}" if head else None
    return None


def _lookup(node: ast.AST, draw: bool = False) -> bool:
    """Whether an expression only looks up, converts or (inside a lambda) draws or formats."""
    if isinstance(node, (ast.Constant, ast.Name)):
        return True
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return isinstance(node.operand, ast.Constant)
    if isinstance(node, ast.Attribute):
        return _lookup(node.value, draw)
    if isinstance(node, ast.Subscript):
        return _lookup(node.value, draw) and _lookup(node.slice, draw)
    if isinstance(node, ast.Starred):
        return _lookup(node.value, draw)
    if isinstance(node, (ast.Tuple, ast.List)):
        return all(_lookup(e, draw) for e in node.elts)
    if isinstance(node, ast.Dict):
        return all(k is None or _lookup(k, draw) for k in node.keys) and all(
            _lookup(v, draw) for v in node.values)
    if isinstance(node, ast.Lambda):
        return _lookup(node.body, draw=True)
    if isinstance(node, ast.JoinedStr):
        return all(_lookup(v.value if isinstance(v, ast.FormattedValue) else v, draw)
                   for v in node.values)
    if isinstance(node, (ast.DictComp, ast.ListComp)):
        # one value per language: ``{f"x_{c}": i18n.place(p, c) for c in i18n.LANGS}``
        parts = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
        return all(not g.ifs and _lookup(g.target) and _lookup(g.iter)
                   for g in node.generators) and all(_lookup(e, draw=True) for e in parts)
    if isinstance(node, ast.Call):
        name = _dotted(node.func) or ""
        args = [*node.args, *(k.value for k in node.keywords)]
        if name in _CONVERSIONS:
            ok = True
        elif draw and (name.startswith(_DRAW_PREFIXES) or name in _DRAW_CALLS):
            ok = True
        elif (draw and isinstance(node.func, ast.Attribute)
              and node.func.attr in _STYLE_METHODS):
            ok = _lookup(node.func.value, draw)
        else:
            ok = False
        return ok and all(_lookup(a, draw) for a in args)
    return False


def _loads(node: ast.AST) -> bool:
    """Whether an expression loads a data set (``data.load(...)``), then looks up or indexes."""
    if isinstance(node, ast.Call):
        if (_dotted(node.func) or "") in _LOADS:
            return all(isinstance(a, ast.Constant) for a in node.args)
        if isinstance(node.func, ast.Attribute) and node.func.attr == "set_index":
            return _loads(node.func.value) and all(_lookup(a) for a in node.args)
        return False
    if isinstance(node, ast.Subscript):
        return _loads(node.value) and _lookup(node.slice)
    return False


def _checks(node: ast.AST) -> bool:
    """Whether an expression calls a parameter checker (``checks.check_int(...)``,
    ``analysis.check_years(...)``): validating the reader's parameters is not analysis."""
    return isinstance(node, ast.Call) and (_dotted(node.func) or "").split(".")[-1].startswith(
        "check")


def _presents(stmt: ast.stmt) -> bool:
    """Whether one statement of a hidden cell is presentation (see the rule above)."""
    if isinstance(stmt, (ast.Import, ast.ImportFrom)):
        return True
    if isinstance(stmt, ast.If):
        if not stmt.orelse and all(isinstance(s, ast.Raise) for s in stmt.body):
            return True  # a parameter guard
        return _lookup(stmt.test) and all(_presents(s) for s in [*stmt.body, *stmt.orelse])
    if isinstance(stmt, ast.For):
        body_checks = all(isinstance(s, ast.Expr) and _checks(s.value) for s in stmt.body)
        return not stmt.orelse and _lookup(stmt.target) and (body_checks or (
            _lookup(stmt.iter) and all(_presents(s) for s in stmt.body)))
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        call = stmt.value
        name = _dotted(call.func) or ""
        if _checks(call):
            return True
        if name in _PRESENT_CALLS:
            args = [*call.args, *(k.value for k in call.keywords)]
            return all(_lookup(a, draw=True) for a in args)
        return False
    if isinstance(stmt, ast.Assign):
        return _checks(stmt.value) or _lookup(stmt.value) or _loads(stmt.value)
    return False


def hidden_analysis(source: str) -> list[str]:
    """Statements of a hidden cell that do analysis (the rule above), as source lines.

    >>> hidden_analysis('plots.glue_numbers({"n": len(rows), "r2": fit["r2"]})')
    []
    >>> hidden_analysis('plots.glue_numbers({"fc": fit["a"] + 9 * fit["b"]})')
    ['plots.glue_numbers({"fc": fit["a"] + 9 * fit["b"]})']
    >>> hidden_analysis('rows = chapter_audit.audit()')
    ['rows = chapter_audit.audit()']
    """
    lines = [ln for ln in source.splitlines() if not ln.lstrip().startswith(("%", "!"))]
    tree = ast.parse("\n".join(lines))
    return [ast.get_source_segment("\n".join(lines), s) or ast.dump(s)
            for s in tree.body if not _presents(s)]


def hidden_cell_problems(path: Path) -> list[str]:
    """Hidden code cells of a notebook that do analysis (see :func:`hidden_analysis`)."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    problems = []
    code = [(i, c) for i, c in enumerate(nb.get("cells", [])) if c["cell_type"] == "code"]
    for idx, cell in code[1:]:
        tags = cell.get("metadata", {}).get("tags", [])
        if not any(t in HIDDEN_TAGS for t in tags):
            continue
        for stmt in hidden_analysis("".join(cell["source"])):
            first = stmt.splitlines()[0][:70]
            problems.append(f"{Path(path).name}, cell {idx} ({cell.get('id')}): hidden cell does "
                            f"analysis, show it in a visible cell: {first}")
    return problems
