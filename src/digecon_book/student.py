"""Student notebooks: one plain notebook per chapter and language, made from the executed book.

The book's chapters are trilingual MyST notebooks: opened as they are in JupyterLab, Colab or
VS Code they show the raw source (tab-sets, ``{glue:text}`` roles, directives). The notebooks a
student opens from the book's launch and download buttons are generated instead, from the
notebooks the build executed (``_build/stage/book/<chapter>.ipynb``):

* Markdown cells hold one language, as plain CommonMark with ``$…$`` / ``$$…$$`` maths: glued
  numbers are the values of the run formatted as in the HTML, glued figures are cell
  attachments, glued tables inline HTML, citations "(Author, year)" with a reference list at
  the end, glossary terms and cross-references links to the HTML edition, exercises headings
  with the solution in ``<details>``;
* code cells are those of the source, the ``parameters`` cell visible and set to the language,
  the outputs of the run kept (figures and tables of the run's language are swapped for the
  glued version in the notebook's language);
* the first cell installs the library ``digecon`` and its data when it is missing (Colab) and
  does nothing when it is present (Binder, a local JupyterLab).

``python -m digecon_book.student`` writes them for a built book; :func:`write_student_notebooks`
is what the build calls.

>>> md = "(x)=\\n# A · B · C\\n```{exercise}\\n:label: e1\\nDo it.\\n```\\n"
>>> print(markdown_cell(md, "en", Context()))
# C
<BLANKLINE>
#### Exercise 1
<BLANKLINE>
Do it.
"""

from __future__ import annotations

import argparse
import base64
import copy
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from digecon.fmt import format_value
from digecon_book.trilingual import (
    _OPEN,
    LANGS,
    _close,
    _options_end,
    check_lang,
    glued_outputs,
    glued_values,
    pick,
    select_language,
    substitute_glue,
)

REPO_URL = "https://github.com/digecon-book/digital-economy-kz"
#: where the student notebooks of a language are, relative to the site root (the gh-pages
#: branch) and to the Binder image's home: the launch buttons open ``<SITE_PATH>/<ch>.ipynb``
SITE_PATH = "{lang}/notebooks"
#: the published book (GitHub Pages, branch gh-pages): editions at ``<PAGES_URL>/<lang>/``
PAGES_URL = "https://digecon-book.github.io/digital-economy-kz"

WORDS = {
    "exercise": {"kk": "Жаттығу", "ru": "Упражнение", "en": "Exercise"},
    "solution": {"kk": "Шешуі", "ru": "Решение", "en": "Solution"},
    "references": {"kk": "Әдебиеттер", "ru": "Литература", "en": "References"},
    "and": {"kk": "және", "ru": "и", "en": "and"},
    "et_al": {"kk": "т.б.", "ru": "и др.", "en": "et al."},
    "setup": {
        "kk": "Colab-та немесе таза Python-да кітаптың `digecon` кітапханасын орнатады "
              "(Binder мен жергілікті JupyterLab-та ештеңе істемейді).",
        "ru": "В Colab или чистом Python устанавливает библиотеку книги `digecon` "
              "(в Binder и локальном JupyterLab ничего не делает).",
        "en": "In Colab or a bare Python, installs the book's library `digecon` "
              "(in Binder and a local JupyterLab it does nothing).",
    },
}

#: the first cell of every student notebook; ``DIGECON_REPO`` may name another clone source
BOOTSTRAP = '''\
# {comment}
import importlib.util, os, subprocess, sys
if importlib.util.find_spec("digecon") is None:
    repo = os.environ.get("DIGECON_REPO", "{repo}")
    home = os.path.abspath("digital-economy-kz")
    if not os.path.isdir(home):
        subprocess.run(["git", "clone", "--quiet", "--depth", "1", repo, home], check=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "-e", home], check=True)
    sys.path.insert(0, os.path.join(home, "src"))  # the editable install counts from a restart'''

_TARGET = re.compile(r"^\s*\([\w.:-]+\)=\s*$")
_ROLE = re.compile(r"\{(?P<role>cite:p|cite:t|cite|term|ref|numref|doc)\}`(?P<body>[^`]+)`")
_HIDDEN_TAGS = {"remove-cell", "remove-input", "hide-input", "hide-cell"}
_PARAMETER_TAGS = {"parameters", "injected-parameters"}
_IMAGE_TYPES = ("image/png", "image/svg+xml", "image/jpeg")


@dataclass
class Context:
    """What converting one chapter needs besides its Markdown."""

    values: dict[str, object] = field(default_factory=dict)
    #: glued outputs that are not plain values (figures, tables): ``{name: mime bundle}``
    glued: dict[str, dict] = field(default_factory=dict)
    bib: dict[str, dict] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    #: headings of the labels (trilingual): the text of a ``{ref}`` that gives none
    titles: dict[str, str] = field(default_factory=dict)
    edition_url: str = "."
    strict: bool = True
    formatter: object = None
    exercises: int = 0
    cited: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# references and labels


def read_bibliography(path: Path, lang: str = "en") -> dict[str, dict]:
    """``{key: {"authors": [last names], "year", "title", "where"}}`` from a BibTeX file,
    its trilingual fields in ``lang`` (:func:`~digecon_book.trilingual.select_bibtex`)."""
    from pybtex.database import parse_string

    from digecon_book.trilingual import select_bibtex

    text = select_bibtex(path.read_text(encoding="utf-8"), lang)
    out: dict[str, dict] = {}
    for key, entry in parse_string(text, "bibtex").entries.items():
        people = entry.persons.get("author", [])
        names = [" ".join(p.last_names) or str(p) for p in people]
        names = [n.strip("{}") for n in names]
        f = entry.fields
        out[key] = {
            "authors": names,
            "year": str(f.get("year", "")),
            "title": str(f.get("title", "")).replace("{", "").replace("}", ""),
            "where": str(f.get("journal", f.get("school", f.get("publisher", "")))),
            "doi": str(f.get("doi", "")),
        }
    return out


def _authors(names: list[str], lang: str) -> str:
    if not names:
        return "?"
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} {WORDS['and'][lang]} {names[1]}"
    return f"{names[0]} {WORDS['et_al'][lang]}"


def labels_in(folder: Path, titles: dict[str, str] | None = None) -> dict[str, str]:
    """``{label: document}`` for every MyST target ``(label)=`` of the pages under ``folder``.

    ``titles``, when given, receives ``{label: heading}`` for targets placed on a heading (the
    text a ``{ref}`` without its own text shows, trilingual).
    """
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".md":
            texts = [path.read_text(encoding="utf-8")]
        elif path.suffix == ".ipynb" and ".ipynb_checkpoints" not in path.parts:
            nb = json.loads(path.read_text(encoding="utf-8"))
            texts = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]
        else:
            continue
        doc = path.relative_to(folder.parent).with_suffix("").as_posix()
        for text in texts:
            for m in re.finditer(r"^\s*\(([\w.:-]+)\)=\s*\n(?:#+\s+(.+))?", text, re.M):
                found.setdefault(m.group(1), doc)
                if titles is not None and m.group(2):
                    titles.setdefault(m.group(1), m.group(2).strip())
    return found


def glossary_anchor(term: str) -> str:
    """The id Sphinx gives a glossary term when it can be spelled in ASCII, else ``""``.

    Sphinx numbers the ids of terms it cannot spell in ASCII (``term-0``, ``term-1``…), so a
    Kazakh or Russian term links to the glossary page without an anchor.

    >>> glossary_anchor("digital economy"), glossary_anchor("цифрлық экономика")
    ('term-digital-economy', '')
    """
    if not term.isascii():
        return ""
    text = unicodedata.normalize("NFKD", term).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return f"term-{text}" if text else ""


# --------------------------------------------------------------------------------------------
# Markdown


def _roles(text: str, lang: str, ctx: Context) -> str:
    def one(m: re.Match[str]) -> str:
        role, body = m["role"], m["body"]
        if role.startswith("cite"):
            keys = [k.strip() for k in body.split(",") if k.strip()]
            parts = []
            for key in keys:
                entry = ctx.bib.get(key)
                if entry is None:
                    if ctx.strict:
                        raise KeyError(f"{{cite}}`{key}` is not in references.bib")
                    parts.append((key, ""))
                    continue
                if key not in ctx.cited:
                    ctx.cited.append(key)
                parts.append((_authors(entry["authors"], lang), entry["year"]))
            if role == "cite:t":
                return "; ".join(f"{a} ({y})" for a, y in parts)
            return "(" + "; ".join(f"{a}, {y}" for a, y in parts) + ")"
        tm = re.match(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>\s*$", body, re.S)
        shown, target = (tm["text"], tm["target"]) if tm else (body, body)
        if role == "term":
            anchor = glossary_anchor(target)
            url = f"{ctx.edition_url}/book/glossary.html" + (f"#{anchor}" if anchor else "")
            return f"[{shown}]({url})"
        # ref, numref, doc: a link to the page of the HTML edition
        doc = ctx.labels.get(target, target if role == "doc" else "")
        if not tm and target in ctx.titles:
            shown = pick(ctx.titles[target], lang)
        if not doc:
            return shown
        url = f"{ctx.edition_url}/{doc}.html" + ("" if role == "doc" else f"#{target}")
        return f"[{shown}]({url})"

    return _ROLE.sub(one, text)


def _html_block(html: str) -> str:
    """Raw HTML that stays one CommonMark HTML block (no blank line inside)."""
    return "\n".join(ln for ln in html.splitlines() if ln.strip())


def _glued_block(name: str, alt: str, ctx: Context, attachments: dict) -> list[str]:
    bundle = ctx.glued.get(name)
    if bundle is None:
        if name in ctx.values:
            return [str(ctx.values[name])]
        if ctx.strict:
            raise KeyError(f"{{glue}} `{name}` is used in the text but no cell glued it")
        return []
    for mime in _IMAGE_TYPES:
        if mime in bundle:
            ext = {"image/png": "png", "image/svg+xml": "svg", "image/jpeg": "jpg"}[mime]
            fname = f"{name}.{ext}"
            data = bundle[mime]
            if isinstance(data, list):
                data = "".join(data)
            if mime == "image/svg+xml":  # attachments hold base64, SVG outputs hold text
                data = base64.b64encode(data.encode("utf-8")).decode("ascii")
            attachments[fname] = {mime: data}
            alt = alt.replace("[", "(").replace("]", ")").replace("\n", " ")
            return [f"![{alt}](attachment:{fname})"]
    if "text/html" in bundle:
        html = bundle["text/html"]
        return [_html_block("".join(html) if isinstance(html, list) else html)]
    text = bundle.get("text/plain", "")
    return ["```", "".join(text) if isinstance(text, list) else text, "```"]


def _convert(lines: list[str], lang: str, ctx: Context, attachments: dict) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _OPEN.match(line)
        if not m:
            if not _TARGET.match(line):
                out.append(line)
            i += 1
            continue
        end = _close(lines, i, m["fence"])
        body = lines[i + 1 : end]
        k = _options_end(body)
        options = {}
        for opt in body[:k]:
            om = re.match(r"^\s*:([\w-]+):\s*(.*)$", opt)
            if om:
                options[om[1]] = om[2]
        content = _convert(body[k:], lang, ctx, attachments)
        name, arg = m["name"], m["arg"].strip()
        i = end + 1
        if name in ("glue:figure", "glue:", "glue", "glue:any"):
            out += ["", *_glued_block(arg, options.get("alt", arg), ctx, attachments), ""]
            caption = "\n".join(content).strip()
            if caption:
                out += [f"*{caption}*", ""]
        elif name == "exercise":
            ctx.exercises += 1
            title = f"{WORDS['exercise'][lang]} {ctx.exercises}" + (f": {arg}" if arg else "")
            out += ["", f"#### {title}", "", *content, ""]
        elif name == "solution":
            out += ["", "<details>", f"<summary>{WORDS['solution'][lang]}</summary>", "",
                    *content, "", "</details>", ""]
        elif name == "dropdown":
            # collapsed as in the HTML: a disclosure the reader opens
            out += ["", "<details>", f"<summary>{arg or '…'}</summary>", "", *content, "",
                    "</details>", ""]
        elif name in ("math",):
            out += ["", "$$", *content, "$$", ""]
        elif name in ("code-cell", "code-block", "code", "sourcecode"):
            out += ["```" + arg, *body[k:], "```"]
        elif name in ("tab-set", "tab-item", "div", "grid", "grid-item", "card"):
            out += content
        else:  # admonitions (note, tip, warning, admonition, …): a block quote
            head = arg if name == "admonition" else (name.capitalize() + (f": {arg}" if arg
                                                                            else ""))
            quoted = [f"**{head}**", "", *content]
            out += ["", *[("> " + q) if q.strip() else ">" for q in quoted], ""]
    return out


def markdown_cell(
    markdown: str, lang: str, ctx: Context, attachments: dict | None = None
) -> str:
    """One trilingual Markdown cell as plain CommonMark in ``lang`` (see the module doc)."""
    check_lang(lang)
    text = select_language(markdown, lang)
    if ctx.strict:  # the book's rules (digecon.fmt) unless the context names a formatter
        text = substitute_glue(text, ctx.values, lang, ctx.formatter)
    else:
        values = dict(ctx.values)
        for key in re.findall(r"\{glue:text\}`([^`:]+)", text):
            values.setdefault(key.strip(), "…")
        fmt = ctx.formatter or format_value
        text = substitute_glue(text, values, lang, lambda v, s, lg: (
            "…" if v == "…" else fmt(v, s, lg)))
    lines = _convert(text.splitlines(), lang, ctx, attachments if attachments is not None
                     else {})
    text = _roles("\n".join(lines), lang, ctx)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return text


# --------------------------------------------------------------------------------------------
# code cells


def _glued_outputs(nb: dict) -> dict[str, dict]:
    """Glued figures and tables (not plain values): ``{name: mime bundle}``."""
    return {name: data for name, data in glued_outputs(nb).items()
            if set(data) - {"text/plain"}}


def _same(a: dict, b: dict) -> bool:
    keys = [k for k in (*_IMAGE_TYPES, "text/html") if k in a]
    return bool(keys) and all(a.get(k) == b.get(k) for k in keys)


def _outputs(cell: dict, lang: str, glued: dict[str, dict], run_lang: str) -> list[dict]:
    """The cell's outputs without glue-only ones; the run's figures swapped for ``lang``'s."""
    kept = []
    for o in cell.get("outputs", []) or []:
        if o.get("metadata", {}).get("scrapbook"):
            continue
        o = copy.deepcopy(o)
        if lang != run_lang and o.get("output_type") in ("display_data", "execute_result"):
            for name, bundle in glued.items():
                if name.endswith(f"_{run_lang}") and _same(o.get("data", {}), bundle):
                    other = glued.get(name[: -len(run_lang)] + lang)
                    if other is not None:
                        o["data"] = copy.deepcopy(other)
                    break
        kept.append(o)
    return kept


def _code_cell(cell: dict, lang: str, glued: dict[str, dict], run_lang: str) -> dict:
    tags = list(cell.get("metadata", {}).get("tags", []))
    source = "".join(cell.get("source", ""))
    meta: dict = {}
    if _PARAMETER_TAGS & set(tags):
        source = re.sub(r'(?m)^(lang\s*=\s*)["\'][a-z]{2}["\']', rf'\g<1>"{lang}"', source)
        tags = [t for t in tags if t not in _HIDDEN_TAGS]
    elif _HIDDEN_TAGS & set(tags):
        meta["jupyter"] = {"source_hidden": True}
    # outputs the book does not show (figures the narrative pastes itself) are left out too
    outputs = [] if "remove-output" in tags else _outputs(cell, lang, glued, run_lang)
    tags = [t for t in tags if t not in _HIDDEN_TAGS | {"remove-output"}]  # layout of the book
    if tags:
        meta["tags"] = tags
    return {
        "cell_type": "code",
        "execution_count": cell.get("execution_count"),
        "metadata": meta,
        "outputs": outputs,
        "source": source,
    }


def _is_bootstrap(cell: dict) -> bool:
    return cell["cell_type"] == "code" and 'find_spec("digecon")' in "".join(cell["source"])


def bootstrap_cell(lang: str, repo: str = REPO_URL) -> dict:
    """The first cell: install ``digecon`` when it is missing (Colab), else nothing."""
    return {
        "cell_type": "code", "id": "install-digecon", "execution_count": None, "metadata": {},
        "outputs": [],
        "source": BOOTSTRAP.replace("{comment}", WORDS["setup"][lang]).replace("{repo}", repo),
    }


# --------------------------------------------------------------------------------------------
# the notebook


def _run_lang(nb: dict) -> str:
    for cell in nb.get("cells", []):
        tags = set(cell.get("metadata", {}).get("tags", []))
        if cell["cell_type"] == "code" and _PARAMETER_TAGS & tags:
            m = re.search(r'(?m)^lang\s*=\s*["\']([a-z]{2})["\']', "".join(cell["source"]))
            if m:
                return m.group(1)
    return "kk"


def student_notebook(
    executed: dict, lang: str, *, edition_url: str, bib: dict[str, dict] | None = None,
    labels: dict[str, str] | None = None, strict: bool = True,
    titles: dict[str, str] | None = None,
) -> dict:
    """The student notebook of ``lang`` made from one executed trilingual chapter.

    ``edition_url`` is the root of the HTML edition of ``lang`` (absolute, or relative to the
    notebook) that glossary terms and cross-references link to; ``bib`` the references
    (:func:`read_bibliography`), ``labels`` the pages of the MyST targets (:func:`labels_in`).
    ``strict=False`` accepts a notebook that was not executed (glued numbers become "…").
    """
    check_lang(lang)
    ctx = Context(
        values=glued_values(executed), glued=_glued_outputs(executed), bib=bib or {},
        labels=labels or {}, titles=titles or {}, edition_url=edition_url.rstrip("/"),
        strict=strict,
    )
    run_lang = _run_lang(executed)
    cells: list[dict] = [bootstrap_cell(lang)]
    for cell in executed.get("cells", []):
        if cell["cell_type"] == "markdown":
            attachments: dict = {}
            text = markdown_cell("".join(cell["source"]), lang, ctx, attachments)
            if not text.strip():
                continue
            new = {"cell_type": "markdown", "id": cell.get("id"), "metadata": {}, "source": text}
            if attachments:
                new["attachments"] = attachments
            cells.append(new)
        elif cell["cell_type"] == "code":
            if _is_bootstrap(cell) or "injected-parameters" in cell.get("metadata", {}).get(
                    "tags", []):
                continue
            cells.append({"id": cell.get("id"), **_code_cell(cell, lang, ctx.glued, run_lang)})
        else:
            cells.append({"cell_type": "raw", "metadata": {}, "source": "".join(cell["source"])})
    if ctx.cited:
        refs = [f"## {WORDS['references'][lang]}", ""]
        for key in ctx.cited:
            e = ctx.bib[key]
            authors = ", ".join(e["authors"])
            where = f" {e['where']}." if e["where"] else ""
            doi = f" https://doi.org/{e['doi']}" if e["doi"] else ""
            refs.append(f"- {authors} ({e['year']}). {e['title']}.{where}{doi}")
        cells.append({"cell_type": "markdown", "metadata": {}, "source": "\n".join(refs)})
    meta = executed.get("metadata", {})
    metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": meta.get("language_info", {"name": "python"}),
        "colab": {"provenance": []},
    }
    seen: set[str] = set()
    for n, c in enumerate(cells):  # nbformat 4.5: every cell has a unique id
        c["source"] = _split(c["source"])
        cid = c.pop("id", None) or f"cell-{n}"
        while cid in seen:
            cid = f"{cid}-{n}"
        seen.add(cid)
        c["id"] = cid
    return {"cells": cells, "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}


def _split(text: str) -> list[str]:
    """Notebook JSON stores sources as lists of lines."""
    return text.splitlines(keepends=True)


def notebook_dir(out_html: Path, lang: str) -> Path:
    """Where the student notebooks of ``lang`` go: in the edition when there are editions
    (``<out>/<lang>/notebooks``), else ``<out>/notebooks/<lang>``."""
    if (out_html / lang).is_dir():
        return out_html / lang / "notebooks"
    return out_html / "notebooks" / lang


def _references(root: Path, langs: list[str]) -> tuple[dict, dict, dict]:
    """What the notebooks of a book link to: its bibliography in each language, and the pages
    and headings of its MyST targets (``root`` is the book's root or its staged copy)."""
    bib_path = root / "references.bib"
    bibs = {lang: read_bibliography(bib_path, lang) if bib_path.exists() else {}
            for lang in langs}
    titles: dict[str, str] = {}
    labels = labels_in(root / "book", titles)
    return bibs, labels, titles


def write_student_notebooks(
    stage: Path, out_html: Path, langs: Iterable[str] = LANGS, *,
    edition_url: str | None = None, strict: bool = True,
) -> list[Path]:
    """Write the student notebook of every executed chapter of ``stage`` in every language.

    ``stage`` is the staged book (``_build/stage``: ``book/<chapter>.ipynb`` executed by
    papermill, ``references.bib``); ``out_html`` the HTML output (``_build/html``). Each
    notebook goes to :func:`notebook_dir` as ``<chapter>.ipynb``; links point at the edition
    (``edition_url`` with ``{lang}`` filled in; by default the published edition,
    ``<PAGES_URL>/<lang>``, or the published book when there are no editions). Returns the
    files written.
    """
    langs = list(langs)
    bibs, labels, titles = _references(stage, langs)
    written = []
    for lang in langs:
        target = notebook_dir(out_html, lang)
        target.mkdir(parents=True, exist_ok=True)
        if edition_url is not None:
            url = edition_url.format(lang=lang)
        else:  # absolute: the notebook is read in Colab, Binder or after a download
            url = f"{PAGES_URL}/{lang}" if target.parent.name == lang else PAGES_URL
        for source in sorted((stage / "book").glob("*.ipynb")):
            nb = json.loads(source.read_text(encoding="utf-8"))
            if strict and nb.get("metadata", {}).get("digecon", {}).get("status") != "ok":
                continue
            student = student_notebook(nb, lang, edition_url=url, bib=bibs[lang], labels=labels,
                                       titles=titles, strict=strict)
            path = target / source.name
            path.write_text(json.dumps(student, ensure_ascii=False, indent=1) + "\n",
                            encoding="utf-8")
            written.append(path)
    return written


def binder_notebooks(root: Path, langs: Iterable[str] = LANGS, *,
                     pages_url: str = PAGES_URL, site_path: str = SITE_PATH) -> list[Path]:
    """Put the student notebooks into a Binder image (``postBuild``), at the site's paths.

    Each is downloaded from the published book (with the outputs of the book's run); when the
    site cannot be reached it is made from the unexecuted source instead (no outputs, glued
    numbers shown as "…"; running the notebook fills in the figures).
    """
    from urllib.request import urlopen

    langs = list(langs)
    bibs, labels, titles = _references(root, langs)
    written = []
    online = True  # after one failed download, make the rest from the sources
    for lang in langs:
        rel = site_path.format(lang=lang)
        target = root / rel
        target.mkdir(parents=True, exist_ok=True)
        for source in sorted((root / "book").glob("*.ipynb")):
            path = target / source.name
            try:
                if not online:
                    raise OSError("the published book is unreachable")
                with urlopen(f"{pages_url}/{rel}/{source.name}", timeout=30) as resp:
                    student = json.loads(resp.read().decode("utf-8"))
            except (OSError, ValueError):
                online = False
                nb = json.loads(source.read_text(encoding="utf-8"))
                student = student_notebook(nb, lang, edition_url=f"{pages_url}/{lang}",
                                           bib=bibs[lang], labels=labels, titles=titles,
                                           strict=False)
            path.write_text(json.dumps(student, ensure_ascii=False, indent=1) + "\n",
                            encoding="utf-8")
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m digecon_book.student",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--stage", type=Path, default=Path("_build/stage"))
    parser.add_argument("--out", type=Path, default=Path("_build/html"))
    parser.add_argument("--lang", action="append", choices=LANGS)
    parser.add_argument("--edition-url", default=None,
                        help="root of the HTML edition, {lang} filled in (default: relative)")
    parser.add_argument("--unexecuted", action="store_true",
                        help="sources not executed: glued numbers become '…'")
    parser.add_argument("--binder", type=Path, metavar="ROOT",
                        help="Binder's postBuild: fetch (or make) the notebooks into ROOT")
    args = parser.parse_args(argv)
    if args.binder:
        paths = binder_notebooks(args.binder, args.lang or LANGS)
        print(f"{len(paths)} student notebooks in {args.binder}")
        return 0
    paths = write_student_notebooks(args.stage, args.out, args.lang or LANGS,
                                    edition_url=args.edition_url, strict=not args.unexecuted)
    print(f"{len(paths)} student notebooks written under {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
