"""Checks of the book's house rules on notebook sources (used by the tests and by authors).

Every narrative block is a ``tab-set`` of sync group ``lang`` with one non-empty tab each for
``kk``, ``ru`` and ``en``; outside tab-sets a Markdown cell holds only headings (written in the
three languages, separated by " · "), targets and blank lines; numbers in the narrative are
glued, not typed.

>>> md = ("````{tab-set}\\n:sync-group: lang\\n```{tab-item} Қазақша\\n:sync: kk\\n"
...       "Сәлем\\n```\\n````")
>>> blocks = tab_sets(md)
>>> blocks[0]["group"], sorted(blocks[0]["tabs"])
('lang', ['kk'])
"""

from __future__ import annotations

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
