"""Three editions of the book, one per language, from one execution.

The build executes every notebook once into ``_build/stage`` (trilingual, as in the source).
This module makes, for each language, a staged copy ``_build/stage-<lang>`` in which every
trilingual block, title and caption keeps only that language (:mod:`digecon_book.trilingual`),
glued numbers are written in the language's typography, and the Sphinx configuration names
the language (interface catalogs, search, numbering). Each staged copy is then built by its
own ``jupyter-book build``, the three in parallel (forked from one process that imports Sphinx
once, :mod:`digecon_book.sphinxrun`), and the editions are assembled as
``_build/html/<lang>/`` with a root page that sends the reader to their language and
redirect pages for the links of the former single mixed book (``book/egov.html?lang=ru``).

Files are written only when their content changed, so Sphinx's incremental build of an
edition re-reads only the pages whose source changed.

>>> sorted(EDITION_NAMES)
['en', 'kk', 'ru']
>>> edition_config({"title": "Кітап · Книга · Book", "sphinx": {"config": {}}}, "ru")["title"]
'Книга'
"""

from __future__ import annotations

import copy
import inspect
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

from digecon_book import trilingual
from digecon_book.trilingual import LANGS, pick, select_language, substitute_glue

#: each edition's name in its own language (the switcher and the root page show these)
EDITION_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
#: Sphinx's search language per edition ("kk" is registered by digecon_book.sphinxext)
SEARCH_LANGUAGE = {"kk": "kk", "ru": "ru", "en": "en"}
#: interface strings set through configuration values (not message catalogs)
CONFIG_STRINGS = {
    "kk": {"toc_title": "Мазмұны", "author": "digecon кітабының авторлары",
           "numfig_format": {"exercise": "%s-жаттығу"},
           "search_bar_text": "Кітаптан іздеу…",
           "code_show": "Кодты көрсету", "code_hide": "Кодты жасыру",
           "togglebutton_hint": "Көрсету үшін басыңыз",
           "togglebutton_hint_hide": "Жасыру үшін басыңыз",
           "footer": "CC BY 4.0 · <a href='{url}'>бастапқы код</a>"},
    "ru": {"toc_title": "Содержание", "author": "авторы книги digecon",
           "numfig_format": {"exercise": "Упражнение %s"},
           "search_bar_text": "Поиск по книге…",
           "code_show": "Показать код", "code_hide": "Скрыть код",
           "togglebutton_hint": "Нажмите, чтобы показать",
           "togglebutton_hint_hide": "Нажмите, чтобы скрыть",
           "footer": "CC BY 4.0 · <a href='{url}'>исходный код</a>"},
    "en": {"toc_title": "Contents", "author": "the digecon book authors",
           "numfig_format": {"exercise": "Exercise %s"},
           "search_bar_text": "Search this book…",
           "code_show": "Show code", "code_hide": "Hide code",
           "togglebutton_hint": "Click to show",
           "togglebutton_hint_hide": "Click to hide",
           "footer": "CC BY 4.0 · <a href='{url}'>source</a>"},
}
#: generated pages whose library function may accept ``lang`` (else the trilingual page is
#: narrowed with select_language)
GENERATED = {
    "book/glossary.md": ("digecon_book.pages", "glossary_page"),
    "book/data.md": ("digecon_book.appendix", "data_appendix_page"),
}
LOCALE = Path(__file__).with_name("locale")


# --------------------------------------------------------------------------------------------
# one language out of each kind of staged file


def _call_with_lang(fn: Callable[..., str], lang: str) -> str | None:
    """``fn(lang=lang)`` when ``fn`` takes a ``lang`` argument, else ``None``.

    >>> _call_with_lang(lambda lang=None: f"page {lang}", "kk"), _call_with_lang(lambda: "x", "kk")
    ('page kk', None)
    """
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return None
    if "lang" not in params:
        return None
    return fn(lang=lang)


def edition_notebook(nb: dict, lang: str, fmt: trilingual.Formatter | None = None) -> dict:
    """An executed trilingual notebook with its Markdown in ``lang`` and numbers filled in.

    >>> nb = {"cells": [{"cell_type": "markdown", "metadata": {},
    ...        "source": "# А · Б · C\\nx = {glue:text}`v:.1f`"},
    ...       {"cell_type": "code", "metadata": {}, "source": "", "outputs": [
    ...        {"output_type": "display_data", "metadata": {"scrapbook": {"name": "v"}},
    ...         "data": {"text/plain": "2.25"}}]}], "metadata": {}}
    >>> edition_notebook(nb, "en")["cells"][0]["source"]
    '# C\\nx = 2.2'
    """
    values = trilingual.glued_values(nb)
    out = copy.deepcopy(nb)
    for cell in out.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        src = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        cell["source"] = substitute_glue(select_language(src, lang), values, lang, fmt)
    out.setdefault("metadata", {})["language_edition"] = lang
    return out


def edition_toc(toc: dict, lang: str) -> dict:
    """``_toc.yml`` with every trilingual caption and title in ``lang``.

    >>> edition_toc({"parts": [{"caption": "Тараулар · Главы · Chapters"}]}, "kk")
    {'parts': [{'caption': 'Тараулар'}]}
    """

    def walk(node: object) -> object:
        if isinstance(node, dict):
            return {k: (pick(v, lang) if k in ("caption", "title") and isinstance(v, str)
                        else walk(v)) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return walk(toc)  # type: ignore[return-value]


def edition_config(config: dict, lang: str, locale_dir: Path | None = None) -> dict:
    """``_config.yml`` for the ``lang`` edition: title, language, search, catalogs, numbering."""
    trilingual.check_lang(lang)
    cfg = copy.deepcopy(config)
    cfg["title"] = pick(str(cfg.get("title", "")), lang)
    strings = CONFIG_STRINGS[lang]
    cfg["author"] = strings["author"]
    url = cfg.get("repository", {}).get("url", "")
    cfg.setdefault("html", {})["extra_footer"] = strings["footer"].format(url=url)
    sphinx = cfg.setdefault("sphinx", {})
    exts = sphinx.setdefault("extra_extensions", [])
    if "digecon_book.sphinxext" not in exts:
        exts.append("digecon_book.sphinxext")
    conf = sphinx.setdefault("config", {})
    conf["language"] = lang
    conf["html_search_language"] = SEARCH_LANGUAGE[lang]
    conf["locale_dirs"] = [str(locale_dir)] if locale_dir else ["locale"]
    conf["gettext_compact"] = False
    conf["numfig_format"] = dict(strings["numfig_format"])
    conf["togglebutton_hint"] = strings["togglebutton_hint"]
    conf["togglebutton_hint_hide"] = strings["togglebutton_hint_hide"]
    options = conf.setdefault("html_theme_options", {})
    options["article_header_end"] = ["digecon-switcher.html", "article-header-buttons.html"]
    options["toc_title"] = strings["toc_title"]
    options["search_bar_text"] = strings["search_bar_text"]
    conf["nb_code_prompt_show"] = strings["code_show"]
    conf["nb_code_prompt_hide"] = strings["code_hide"]
    conf["digecon_edition"] = lang
    if "digecon_book.launch" in exts:
        # the launch and download buttons open this edition's student notebooks (launch.py)
        conf["digecon_notebook_lang"] = lang
        conf["digecon_notebooks_dir"] = "notebooks"
        conf["digecon_notebooks_site_path"] = "{lang}/notebooks"
    # a change of the extension, its templates or the catalogs rewrites every page
    conf["digecon_tools_digest"] = tools_digest()
    conf["digecon_editions"] = list(LANGS)
    return cfg


def tools_digest() -> str:
    """Digest of the files that shape every page besides its source (this package's Sphinx
    extension, templates, static files and catalogs): Sphinx rewrites all pages when it changes.

    >>> len(tools_digest())
    16
    """
    import hashlib

    here = Path(__file__).parent
    files = [here / "sphinxext.py", Path(__file__)]
    for folder in ("templates", "static", "locale"):
        files += sorted(p for p in (here / folder).rglob("*") if p.is_file())
    h = hashlib.sha256()
    for path in files:
        h.update(path.relative_to(here).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


# --------------------------------------------------------------------------------------------
# staging


def _write_if_changed(dst: Path, data: bytes) -> bool:
    if dst.exists() and dst.read_bytes() == data:
        return False
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(f".{dst.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, dst)
    return True


def _link_or_copy_if_changed(src: Path, dst: Path) -> bool:
    if dst.exists():
        s, d = src.stat(), dst.stat()
        if (s.st_ino == d.st_ino and s.st_dev == d.st_dev) or (
            s.st_size == d.st_size and src.read_bytes() == dst.read_bytes()
        ):
            return False
        dst.unlink()
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)
    return True


def stage_edition(stage: Path, target: Path, lang: str) -> list[str]:
    """Write the ``lang`` edition of the staged book ``stage`` into ``target``.

    Returns the files (relative paths) that were written because they changed; files of a
    previous staging that no longer exist in ``stage`` are removed.
    """
    trilingual.check_lang(lang)
    fmt = None  # the book's rules: digecon.fmt, numbers and the words around them
    changed: list[str] = []
    seen: set[str] = set()
    for src in sorted(stage.rglob("*")):
        rel = src.relative_to(stage)
        if src.is_dir() or rel.parts[0] in ("_build", "locale") or src.name.endswith(".tmp"):
            continue
        key = rel.as_posix()
        seen.add(key)
        dst = target / rel
        data = _edition_bytes(src, key, lang, fmt, target)
        wrote = (_link_or_copy_if_changed(src, dst) if data is None
                 else _write_if_changed(dst, data))
        if wrote:
            changed.append(key)
    for key in stage_locale(target / "locale", lang):
        seen.add(f"locale/{key}")
    for old in sorted(target.rglob("*"), reverse=True):
        rel = old.relative_to(target)
        if rel.parts[0] == "_build" or old.is_dir():
            continue
        if rel.as_posix() not in seen:
            old.unlink()
    return changed


def _edition_bytes(
    src: Path, key: str, lang: str, fmt: trilingual.Formatter, target_root: Path
) -> bytes | None:
    """The ``lang`` content of one staged file, or ``None`` when it is copied unchanged."""
    if key == "_config.yml":
        cfg = yaml.safe_load(src.read_text(encoding="utf-8"))
        return _yaml(edition_config(cfg, lang, (target_root / "locale").resolve()))
    if key == "_toc.yml":
        toc = yaml.safe_load(src.read_text(encoding="utf-8"))
        return _yaml(edition_toc(toc, lang))
    if key == "references.bib":
        return trilingual.select_bibtex(src.read_text(encoding="utf-8"), lang).encode()
    if key.startswith("book/_static/"):
        return None
    if src.suffix == ".ipynb":
        nb = json.loads(src.read_text(encoding="utf-8"))
        text = json.dumps(edition_notebook(nb, lang, fmt), ensure_ascii=False, indent=1)
        return (text + "\n").encode()
    if src.suffix == ".md":
        if key in GENERATED:
            module, name = GENERATED[key]
            fn = getattr(__import__(module, fromlist=[name]), name)
            own = _call_with_lang(fn, lang)
            if own is not None:
                return select_language(own, lang).encode()
        return select_language(src.read_text(encoding="utf-8"), lang).encode()
    return None


def _yaml(data: dict) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200).encode()


def stage_locale(target: Path, lang: str) -> list[str]:
    """Compile the book's message catalogs for ``lang`` (``.po`` → ``.mo``) into ``target``.

    The ``.po`` files live in ``src/digecon_book/locale/<lang>/LC_MESSAGES``; Sphinx reads
    the project ``sphinx`` catalog from ``locale_dirs`` and the extension's hook adds the
    other domains (``booktheme``, ``exercise``, ``togglebutton``). Returns the written names.
    """
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    out: list[str] = []
    folder = LOCALE / lang / "LC_MESSAGES"
    for po in sorted(folder.glob("*.po")) if folder.exists() else []:
        with open(po, "rb") as fh:
            catalog = read_po(fh, locale=lang)
        buf = io.BytesIO()
        write_mo(buf, catalog)
        rel = f"{lang}/LC_MESSAGES/{po.stem}.mo"
        _write_if_changed(target / rel, buf.getvalue())
        out.append(rel)
        if po.stem == "sphinx":
            js = f"{lang}/LC_MESSAGES/sphinx.js"
            _write_if_changed(target / js, js_catalog(catalog, lang).encode())
            out.append(js)
    return out


def js_catalog(catalog: object, lang: str) -> str:
    """Sphinx's ``translations.js`` for a catalog (what ``sphinx.js`` in a locale dir is).

    Sphinx uses the first ``sphinx.js`` it finds, so the strings of Sphinx's own catalog for
    ``lang`` (when it has one) are kept and the book's strings are laid over them.
    """
    import sphinx

    messages: dict[str, object] = {}
    plural = "0" if lang == "kk" else "(n != 1)"
    shipped = Path(sphinx.__file__).parent / "locale" / lang / "LC_MESSAGES" / "sphinx.js"
    if shipped.exists():
        text = shipped.read_text(encoding="utf-8")
        data = json.loads(text[text.index("(") + 1 : text.rindex(")")])
        messages.update({k: v for k, v in data.get("messages", {}).items() if v})
        plural = data.get("plural_expr", plural)
    for msg in catalog:  # type: ignore[attr-defined]
        if msg.id and msg.string and isinstance(msg.id, str):
            messages[msg.id] = msg.string
    body = json.dumps({"messages": messages, "plural_expr": plural, "locale": lang},
                      ensure_ascii=False, sort_keys=True)
    return f"Documentation.addTranslations({body});\n"


# --------------------------------------------------------------------------------------------
# building and assembling


def build_command(stage: Path, work: Path, *, strict: bool, builder: str = "html") -> list[str]:
    """The ``jupyter-book build`` command of one edition."""
    jb = Path(sys.executable).with_name("jupyter-book")
    cmd = [str(jb if jb.exists() else "jupyter-book"), "build", str(stage),
           "--path-output", str(work), "--builder", builder]
    if strict:
        cmd += ["-W", "-n", "--keep-going"]
    return cmd


def start_sphinx() -> subprocess.Popen:
    """Start the process that builds the editions now, so that it imports Sphinx and its
    extensions while the notebooks run; :func:`build_editions` gives it the jobs later, and
    :func:`stop_sphinx` ends it if the build stops before."""
    return subprocess.Popen([sys.executable, "-m", "digecon_book.sphinxrun", "--stdin"],
                            stdin=subprocess.PIPE, text=True)


def stop_sphinx(proc: subprocess.Popen | None) -> None:
    """End a process of :func:`start_sphinx` that was given no jobs (it builds nothing)."""
    if proc is None or proc.poll() is not None:
        return
    try:
        if proc.stdin is not None:
            proc.stdin.close()  # end of the stream: no jobs
        proc.wait(10)
    except (OSError, subprocess.TimeoutExpired):
        proc.kill()
        proc.wait()


def stage_step(stage: str, target: str, lang: str) -> int:
    """:func:`stage_edition` as a step of the edition's build process (paths as strings);
    prints and returns how many staged files changed."""
    changed = stage_edition(Path(stage), Path(target), lang)
    print(f"edition {lang}: {len(changed)} staged file(s) changed", flush=True)
    return len(changed)


def build_editions(
    stage: Path, work: Path, *, langs: tuple[str, ...] = LANGS, strict: bool = True,
    builder: str = "html", sphinx: subprocess.Popen | None = None,
    finish: str | None = None, site: Path | None = None,
) -> dict[str, int]:
    """Stage and build each edition in parallel; ``{lang: exit code}``.

    ``work/stage-<lang>`` holds the staged edition and ``work/<lang>`` its Sphinx output
    (``_build/html`` and the ``.doctrees`` environment), both kept between builds. ``sphinx``
    is a process of :func:`start_sphinx` to build them with (else one is started here).
    Each edition is staged in its own build process; when ``finish`` names a function
    (``"module:function"``), that process then calls it with ``stage``, ``work``, ``site``
    and ``lang`` (the build makes ``site/<lang>`` so, the editions in parallel).
    """
    # one process imports Sphinx and the extensions once and forks a build per edition
    # (digecon_book.sphinxrun), instead of one jupyter-book process per edition
    logs: dict[str, Path] = {}
    jobs: list[tuple] = []
    for lang in langs:
        logs[lang] = work / f"{lang}.log"
        logs[lang].parent.mkdir(parents=True, exist_ok=True)
        args = build_command(work / f"stage-{lang}", work / lang, strict=strict,
                             builder=builder)[1:]
        print("+ jupyter-book", " ".join(args), flush=True)
        before = [("digecon_book.editions:stage_step",
                   {"stage": str(stage), "target": str(work / f"stage-{lang}"), "lang": lang})]
        after = [] if finish is None or site is None else [
            (finish, {"stage": str(stage), "work": str(work), "site": str(site), "lang": lang})]
        jobs.append((str(logs[lang]), args, before, after))
    proc = sphinx if sphinx is not None and sphinx.poll() is None else start_sphinx()
    try:
        assert proc.stdin is not None
        proc.stdin.write(json.dumps(jobs) + "\n")
        proc.stdin.close()
        code = proc.wait()
    except BaseException:
        stop_sphinx(proc)
        raise
    codes = {}
    for lang, log in logs.items():
        text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
        staged = next((line for line in text.splitlines() if line.startswith("edition ")), "")
        if staged:
            print(staged, flush=True)
        # each child ends its log with its exit status (digecon_book.sphinxrun)
        status = text.rstrip().rsplit("\n", 1)[-1]
        codes[lang] = int(status.split()[-1]) if status.startswith("sphinxrun: exit") else (
            code or 1)
    for lang, code in codes.items():
        if code != 0:
            text = logs[lang].read_text(encoding="utf-8", errors="replace")
            print(f"\n--- edition {lang} failed (exit {code}); its build log ends:\n"
                  f"{text[-8000:]}", file=sys.stderr, flush=True)
    return codes


def root_page(pages: list[str]) -> str:
    """``index.html`` of the site: stored choice, else browser language, else Kazakh."""
    links = "\n".join(
        f'    <li><a href="{lang}/index.html" hreflang="{lang}" lang="{lang}">'
        f"{EDITION_NAMES[lang]}</a></li>" for lang in LANGS
    )
    return _REDIRECT.format(
        title="Цифрлық экономика · Цифровая экономика · Digital economy",
        links=links, target="index.html", up="",
    )


def redirect_page(page: str) -> str:
    """A page at the former address ``book/<page>.html`` sending to the reader's edition."""
    depth = page.count("/")
    up = "../" * depth
    links = "\n".join(
        f'    <li><a href="{up}{lang}/{page}.html" hreflang="{lang}" lang="{lang}">'
        f"{EDITION_NAMES[lang]}</a></li>" for lang in LANGS
    )
    return _REDIRECT.format(title=page, links=links, target=f"{page}.html", up=up)


_REDIRECT = """<!DOCTYPE html>
<html lang="kk">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="data:,">
<script>
(function () {{
  var langs = ["kk", "ru", "en"], lang = null;
  var asked = new URLSearchParams(window.location.search).get("lang");
  if (langs.indexOf(asked) >= 0) lang = asked;
  if (!lang) {{ try {{ var s = window.localStorage.getItem("digecon-lang");
    if (langs.indexOf(s) >= 0) lang = s; }} catch (e) {{}} }}
  if (!lang) {{ var pref = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < pref.length && !lang; i++) {{
      var code = String(pref[i]).toLowerCase().split("-")[0];
      if (langs.indexOf(code) >= 0) lang = code; }} }}
  window.location.replace("{up}" + (lang || "kk") + "/{target}" + window.location.hash);
}})();
</script>
<style>body{{font-family:system-ui,sans-serif;margin:2rem;line-height:1.6}}</style>
</head>
<body>
<main>
  <h1>Қазақстан мен ЕАЭО цифрлық экономикасы</h1>
  <p lang="ru">Цифровая экономика Казахстана и ЕАЭС</p>
  <p lang="en">Digital Economy of Kazakhstan and the EAEU</p>
  <ul>
{links}
  </ul>
</main>
</body>
</html>
"""


def copy_edition(work: Path, site: Path, lang: str) -> None:
    """Copy the Sphinx output of the ``lang`` edition into ``site/<lang>``, localized."""
    from digecon_book.sphinxext import localize_html

    shutil.copytree(work / lang / "_build" / "html", site / lang, dirs_exist_ok=True)
    localize_html(site / lang, lang)


def site_root(site: Path, *, langs: tuple[str, ...] = LANGS) -> None:
    """The root page and the redirect pages of the former single book, beside the editions
    already in ``site``."""
    (site / "index.html").write_text(root_page([]), encoding="utf-8")
    first = site / langs[0]
    for page in sorted(first.rglob("*.html")):
        rel = page.relative_to(first).as_posix()
        if not rel.startswith("book/"):
            continue
        target = site / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(redirect_page(rel.removesuffix(".html")), encoding="utf-8")

