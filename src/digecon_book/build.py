"""Build the book: execute its notebooks with papermill (cached, in parallel), then Sphinx.

``python -m digecon_book.build`` (what ``make book`` runs) does three things:

1. **Stage** the book in ``_build/stage``: configuration, pages and static files are copied
   (only when they changed, so Sphinx's incremental build sees no change), and generated pages
   (the glossary, the execution-status page) are written from the library.
2. **Execute** every notebook listed in ``_toc.yml`` with papermill, in parallel across the
   cores, with a progress display. A notebook is executed again only when its *cache key*
   changed: the notebook itself, the library code, the lock file, and the data tables that
   notebook read the last time it ran (recorded through ``DIGECON_TRACE``). A notebook that
   fails stops the build: the notebook, the cell and the error are printed. The kernels are
   forks of one process that imported the libraries once (``digecon_book.kernels``).
3. **Render** the staged book with ``jupyter-book build`` (execution off, ``-W -n``) into a
   private folder, post-process the pages, and only then replace ``_build/html`` in one step.

One build runs at a time in a folder (a lock on ``_build/.lock``; a second build waits). A
build that fails or is interrupted (Ctrl-C) removes ``_build/html`` and exits non-zero with a
message, so a book that does not match the sources is never left looking finished.

>>> sorted(PARAMETER_TAGS)
['injected-parameters', 'parameters']
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import multiprocessing as mp
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata as importlib_metadata
from pathlib import Path

import yaml

from digecon_book.kernels import kernel_server
from digecon_book.sphinxrun import lean_imports

ROOT_FILES = ("_config.yml", "_toc.yml", "references.bib")
#: cells carrying these tags are collapsed in the HTML (papermill's parameters and injected cells)
PARAMETER_TAGS = ("parameters", "injected-parameters")
REPORTED_PACKAGES = (
    "pandas", "numpy", "statsmodels", "pingouin", "seaborn", "matplotlib", "papermill",
    "jupyter-book", "sphinx-design", "myst-nb",
)
SKIP_DIRS = {"_build", ".ipynb_checkpoints", "__pycache__"}


@dataclass
class Result:
    """What happened to one notebook in a build."""

    notebook: str
    status: str
    seconds: float = 0.0
    error: str = ""
    reads: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# the table of contents


def toc_documents(toc: Path) -> list[str]:
    """Every document listed in ``_toc.yml`` (paths without suffix, relative to the root).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "_toc.yml"
    >>> _ = p.write_text("format: jb-book\\nroot: book/intro\\nchapters:\\n- file: book/egov\\n")
    >>> toc_documents(p)
    ['book/intro', 'book/egov']
    """
    spec = yaml.safe_load(toc.read_text(encoding="utf-8"))
    docs: list[str] = [spec["root"]]

    def walk(items: Iterable[dict]) -> None:
        for item in items or []:
            if "file" in item:
                docs.append(str(item["file"]))
            walk(item.get("sections", []))
            for part in item.get("parts", []) or []:
                walk(part.get("chapters", []))

    walk(spec.get("chapters", []))
    for part in spec.get("parts", []) or []:
        walk(part.get("chapters", []))
    return [d.removesuffix(".ipynb").removesuffix(".md") for d in docs]


def toc_notebooks(root: Path) -> list[Path]:
    """The notebooks of ``_toc.yml``, in book order."""
    docs = toc_documents(root / "_toc.yml")
    return [root / f"{d}.ipynb" for d in docs if (root / f"{d}.ipynb").exists()]


def _rel(path: Path, root: Path) -> str:
    return path.resolve().relative_to(root.resolve()).as_posix()


# --------------------------------------------------------------------------------------------
# the cache key


def _digest(parts: Iterable[bytes]) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()


def library_files(root: Path) -> list[Path]:
    """Files whose change must re-execute every notebook: the library and the lock file."""
    files = sorted((root / "src" / "digecon").rglob("*.py"))
    lock = root / "requirements.lock"
    return files + ([lock] if lock.exists() else [])


def data_files(root: Path, reads: Sequence[str]) -> list[bytes]:
    """The bytes a notebook's result depends on for the tables it read (descriptor + CSV)."""
    from digecon.data import read_json

    pkg = read_json(root / "data" / "datapackage.json")
    by_name = {r["name"]: r for r in pkg["resources"]}
    out: list[bytes] = []
    for name in sorted(set(reads)):
        res = by_name.get(name)
        if res is None:  # the table is gone: the key must change
            out.append(f"missing:{name}".encode())
            continue
        out.append(json.dumps(res, sort_keys=True, ensure_ascii=False).encode())
        csv_path = root / "data" / res["path"]
        out.append(csv_path.read_bytes() if csv_path.exists() else b"missing")
    return out


def cache_key(notebook: Path, root: Path, reads: Sequence[str] | None) -> str:
    """Key of one notebook's execution; ``reads=None`` means "unknown: depend on all data"."""
    parts = [notebook.read_bytes()]
    parts += [p.read_bytes() for p in library_files(root)]
    if reads is None:
        parts += [p.read_bytes() for p in sorted((root / "data").glob("*")) if p.is_file()]
    else:
        parts += data_files(root, reads)
    return _digest(parts)


def stored_record(executed: Path) -> dict | None:
    """The ``digecon`` metadata a previous execution left in the staged notebook."""
    if not executed.exists():
        return None
    try:
        nb = json.loads(executed.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, OSError):
        return None
    return nb.get("metadata", {}).get("digecon")


def needs_run(source: Path, executed: Path, root: Path) -> bool:
    """True when the staged notebook is missing, failed, or its key no longer matches."""
    rec = stored_record(executed)
    if not rec or rec.get("status") != "ok":
        return True
    return rec.get("key") != cache_key(source, root, rec.get("reads"))


# --------------------------------------------------------------------------------------------
# execution


def package_versions() -> dict[str, str]:
    """Versions of the packages the status page reports."""
    out = {}
    for name in REPORTED_PACKAGES:
        try:
            out[name] = importlib_metadata.version(name)
        except importlib_metadata.PackageNotFoundError:
            out[name] = "-"
    return out


def _hide_parameter_cells(nb: dict) -> None:
    """Collapse the parameters cell in the HTML (``hide-input``): readers see what to change."""
    for cell in nb.get("cells", []):
        tags = cell.setdefault("metadata", {}).setdefault("tags", [])
        if set(PARAMETER_TAGS) & set(tags) and not {"remove-cell", "hide-input"} & set(tags):
            tags.append("hide-input")


#: environment of every kernel: the same hashing of strings (set order) on every run
KERNEL_ENV = {"PYTHONHASHSEED": "0"}


def execute_one(source: str, output: str, root: str) -> Result:
    """Execute one notebook with papermill (runs in a worker process).

    The kernel is shut down when the notebook has run (or failed, or was interrupted).
    """
    import papermill as pm

    from digecon_book.kernels import ForkedKernelManager

    src, out, base = Path(source), Path(output), Path(root)
    name = _rel(src, base)
    out.parent.mkdir(parents=True, exist_ok=True)
    # papermill writes to a private file first; the finished notebook replaces ``out`` in one
    # atomic step, so a reader (or a second build) never sees a half-written notebook
    partial = out.with_name(f".{out.stem}.{os.getpid()}.partial.ipynb")
    trace = tempfile.NamedTemporaryFile(prefix="digecon-trace-", suffix=".txt", delete=False)
    trace.close()
    os.environ["DIGECON_TRACE"] = trace.name
    os.environ.update(KERNEL_ENV)
    os.environ.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(base))
    # the kernel talks over Unix sockets in a private folder: kernels started at the same
    # moment by parallel builds cannot pick the same TCP ports and cross their messages
    sockets = tempfile.mkdtemp(prefix="digecon-kernel-")
    # a fork of the build's kernel server when there is one (see ``digecon_book.kernels``)
    km = ForkedKernelManager(kernel_name="python3", transport="ipc",
                             ip=os.path.join(sockets, "k"))
    start = time.perf_counter()
    error = ""
    try:
        pm.execute_notebook(
            str(src), str(partial), cwd=str(src.parent), kernel_name="python3", km=km,
            progress_bar=False, log_output=False, request_save_on_cell_execute=False,
            autosave_cell_every=0,
            # the kernel's own start-up chatter would scroll over the progress bar; a build
            # keeps no command history (each kernel would write it to one SQLite file)
            extra_arguments=["--IPKernelApp.log_level=ERROR", "--HistoryManager.enabled=False"],
        )
        status = "ok"
    except Exception as exc:  # any failure is reported to the user below
        status = "failed"
        error = describe_failure(exc, name)
    except BaseException:  # interrupted: leave no partial notebook or trace behind
        partial.unlink(missing_ok=True)
        Path(trace.name).unlink(missing_ok=True)
        raise
    finally:
        # papermill leaves a kernel it did not start itself running: stop it here
        _shutdown_kernel(km)
        shutil.rmtree(sockets, ignore_errors=True)
    seconds = time.perf_counter() - start
    reads = sorted(set(Path(trace.name).read_text(encoding="utf-8").split()))
    os.unlink(trace.name)
    if partial.exists():
        nb = json.loads(partial.read_text(encoding="utf-8"))
        _hide_parameter_cells(nb)
        nb["metadata"]["digecon"] = {
            "status": status,
            "key": cache_key(src, base, reads) if status == "ok" else "",
            "reads": reads,
            "seconds": round(seconds, 2),
            "executed_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "python": platform.python_version(),
            "packages": package_versions(),
        }
        partial.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        os.replace(partial, out)
    return Result(name, "executed" if status == "ok" else "failed", seconds, error, reads)


def _shutdown_kernel(km) -> None:
    try:
        if km.has_kernel:
            km.shutdown_kernel(now=True)
        km.cleanup_resources()
    except Exception:  # a kernel that is already gone is fine
        pass


#: what to tell the reader to fix, by the kind of error a notebook raised
FIXES = {
    "DataError": "fix the data file named in the error (see CONTRIBUTING.md, \"Bad inputs\")",
    "ParameterError": "fix the parameter named in the error in the notebook's parameters cell",
    "ModuleNotFoundError": "run `make venv` (a package is missing from .venv)",
}


def describe_failure(exc: BaseException, notebook: str) -> str:
    """The failing notebook, cell, error and what to fix, from papermill's exception.

    >>> from papermill.exceptions import PapermillExecutionError
    >>> err = PapermillExecutionError(3, 2, "load('x')", "DataError", "x.csv, row 2: ...", [])
    >>> print(describe_failure(err, "book/egov.ipynb"))
    book/egov.ipynb, cell 3 (execution count 2):
        load('x')
    DataError: x.csv, row 2: ...
    To fix it: fix the data file named in the error (see CONTRIBUTING.md, "Bad inputs").
    """
    from papermill.exceptions import PapermillExecutionError

    if isinstance(exc, PapermillExecutionError):
        fix = FIXES.get(exc.ename, f"fix cell {exc.cell_index} of {notebook}")
        return "\n".join([
            f"{notebook}, cell {exc.cell_index} (execution count {exc.exec_count}):",
            "    " + exc.source.replace("\n", "\n    "),
            f"{exc.ename}: {exc.evalue}",
            f"To fix it: {fix}.",
        ])
    lines = [f"{notebook} could not be executed: {type(exc).__name__}: {exc}".strip()]
    lines.append(traceback.format_exc(limit=3))
    return "\n".join(lines)


def _progress(total: int):
    try:
        from tqdm import tqdm

        return tqdm(total=total, unit="nb", desc="executing", file=sys.stdout, ncols=80)
    except ImportError:  # pragma: no cover
        return None


def execute(
    root: Path, stage: Path, *, jobs: int | None = None, force: bool = False
) -> list[Result]:
    """Execute (or reuse) every notebook of the book into ``stage``."""
    return _execute_batch(root, stage, toc_notebooks(root), jobs=jobs, force=force)


def _execute_batch(
    root: Path, stage: Path, notebooks: list[Path], *, jobs: int | None, force: bool
) -> list[Result]:
    results: list[Result] = []
    todo = []
    for nb in notebooks:
        target = stage / _rel(nb, root)
        if force or needs_run(nb, target, root):
            todo.append((nb, target))
        else:
            results.append(Result(_rel(nb, root), "cached"))
    if not todo:
        return results
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    todo = longest_first(todo)
    # one process imports the libraries once; each notebook's kernel is a fork of it
    server_env = {**KERNEL_ENV, "SOURCE_DATE_EPOCH": source_date_epoch(root)}
    with kernel_server(server_env):
        results += _run_pool(todo, root, workers)
    return results


def expected_seconds(source: Path, executed: Path) -> float:
    """How long ``source`` is expected to run: the seconds of its last run when ``executed``
    records them, else one second per 3,000 characters of code (the chapters that compute and
    draw the most are the longest).

    >>> import tempfile, json, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.ipynb").write_text(json.dumps({"cells": [
    ...     {"cell_type": "code", "source": ["x = 1\\n" * 1000]}]}))
    >>> expected_seconds(d / "a.ipynb", d / "none.ipynb")
    2.0
    >>> _ = (d / "b.ipynb").write_text(json.dumps({"metadata": {"digecon": {"seconds": 4.5}}}))
    >>> expected_seconds(d / "a.ipynb", d / "b.ipynb")
    4.5
    """
    try:
        seconds = json.loads(executed.read_text(encoding="utf-8"))["metadata"]["digecon"][
            "seconds"]
        return float(seconds)
    except (OSError, ValueError, KeyError, TypeError):
        pass
    nb = json.loads(source.read_text(encoding="utf-8"))
    code = sum(len("".join(c.get("source", ""))) for c in nb.get("cells", [])
               if c.get("cell_type") == "code")
    return code / 3000


def longest_first(todo: list[tuple[Path, Path]]) -> list[tuple[Path, Path]]:
    """``(notebook, target)`` pairs, the longest expected first: two workers then end
    together, instead of one running the last long chapter alone while the other core idles."""
    return sorted(todo, key=lambda pair: -expected_seconds(*pair))


def _run_pool(todo: list[tuple[Path, Path]], root: Path, workers: int) -> list[Result]:
    """Execute ``todo`` (notebook, target) pairs in ``workers`` processes, showing progress."""
    results: list[Result] = []
    bar = _progress(len(todo))
    # "spawn": fresh worker processes, not forks of this one (which runs tqdm's monitor thread)
    # papermill's nbformat validates with jsonschema: without the IRI checker's parsers
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"),
                               initializer=lean_imports)
    try:
        futures = {
            pool.submit(execute_one, str(nb), str(target), str(root)): nb for nb, target in todo
        }
        for fut in as_completed(futures):
            res = fut.result()
            results.append(res)
            msg = f"{res.notebook}: {res.status} in {res.seconds:.1f} s"
            if bar is not None:
                bar.write(msg)
                bar.update(1)
            else:  # pragma: no cover
                print(msg, flush=True)
    except BaseException:
        _stop_workers(pool)
        raise
    finally:
        # every notebook is done and its kernel gone: the workers end while the build goes on
        # (an interpreter's orderly exit takes a fifth of a second)
        pool.shutdown(wait=False, cancel_futures=True)
        if bar is not None:
            bar.close()
    return results


def _stop_workers(pool: ProcessPoolExecutor, grace: float = 15.0) -> None:
    """Stop the pool after an interrupt: no new notebook starts, a running one is interrupted
    (SIGINT, as Ctrl-C in a terminal already did) so that its kernel is shut down, and a worker
    still alive after ``grace`` seconds is terminated."""
    procs = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:  # a terminal's Ctrl-C reached the workers too: let them clean up
        proc.join(2.0 / max(1, len(procs)))
    for proc in procs:
        if proc.is_alive():
            os.kill(proc.pid, signal.SIGINT)
    deadline = time.monotonic() + grace
    for proc in procs:
        proc.join(max(0.0, deadline - time.monotonic()))
        if proc.is_alive():
            proc.terminate()


# --------------------------------------------------------------------------------------------
# staging


def _copy_if_changed(src: Path, dst: Path) -> bool:
    if dst.exists() and dst.read_bytes() == src.read_bytes():
        return False
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dst)
    return True


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _write_if_changed(dst: Path, text: str) -> bool:
    if dst.exists() and dst.read_text(encoding="utf-8") == text:
        return False
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text(text, encoding="utf-8")
    return True


def stage_sources(root: Path, stage: Path) -> None:
    """Copy configuration, pages and static files (not notebooks) into ``stage``."""
    for name in ROOT_FILES:
        if (root / name).exists():
            _copy_if_changed(root / name, stage / name)
    book = root / "book"
    for path in sorted(book.rglob("*")):
        if path.is_dir() or SKIP_DIRS.intersection(path.relative_to(book).parts):
            continue
        if path.suffix == ".ipynb":
            continue
        _copy_if_changed(path, stage / "book" / path.relative_to(book))
    data_target = stage / "book" / "_static" / "data"
    for path in sorted((root / "data").glob("*")):
        if path.is_file() and path.suffix in (".csv", ".json"):
            _copy_if_changed(path, data_target / path.name)


def write_generated_pages(root: Path, stage: Path) -> None:
    """Pages written from the library: the glossary and the execution status."""
    from digecon_book import appendix, pages

    _write_if_changed(stage / "book" / "glossary.md", pages.glossary_page())
    _write_if_changed(stage / "book" / "data.md", appendix.data_appendix_page())
    records = {}
    for nb in toc_notebooks(root):
        rel = _rel(nb, root)
        records[rel] = stored_record(stage / rel)
    _write_if_changed(stage / "book" / "status.md", pages.status_page(records))


def render(stage: Path, out_root: Path, *, strict: bool = True, builder: str = "html",
           sphinx: subprocess.Popen | None = None) -> int:
    """Build the three language editions of the staged book; returns 0 or the failing code.

    Contract (what :func:`build` and :func:`preview` rely on):

    * ``stage`` is the executed, trilingual staged book (notebooks with outputs, generated
      pages). It is only read.
    * The Sphinx work of each edition lives in ``stage.parent / "editions"``:
      ``stage-<lang>/`` (the edition's staged sources) and ``<lang>/`` (its Sphinx output with
      the ``.doctrees`` environment). Both are kept between builds, so an unchanged page is not
      read again and one edited chapter is re-read alone in each edition.
    * On success the finished site is written to ``out_root / "_build" / builder``:
      ``<lang>/`` per edition, ``index.html`` (sends the reader to their language) and
      ``book/<page>.html`` redirect pages for the former single book's links. The site is
      assembled in a sibling folder and swapped in by renaming, so a reader never sees a
      half-written site. On failure nothing under ``out_root`` is changed.
    * ``sphinx``, if given, is a process of ``editions.start_sphinx`` to build with.
    """
    from digecon_book import editions

    work = stage.parent / "editions"
    site = out_root / "_build" / builder
    fresh = site.with_name(f".{builder}-new-{os.getpid()}")
    shutil.rmtree(fresh, ignore_errors=True)
    # each edition's process stages it, builds it and finishes its part of the site
    with phase("editions (staged, built by Sphinx, finished)"):
        codes = editions.build_editions(stage, work, strict=strict, builder=builder,
                                        sphinx=sphinx, finish="digecon_book.build:finish_edition",
                                        site=fresh)
    failed = {lang: code for lang, code in codes.items() if code != 0}
    if failed:
        shutil.rmtree(fresh, ignore_errors=True)
        return next(iter(failed.values()))
    editions.site_root(fresh)
    old = site.with_name(f".{builder}-old-{os.getpid()}")
    if site.exists():
        os.replace(site, old)
    os.replace(fresh, site)
    shutil.rmtree(old, ignore_errors=True)
    return 0


def finish_edition(stage: str | Path, work: str | Path, site: str | Path, lang: str) -> None:
    """Make ``site/<lang>`` from the Sphinx output of one edition in ``work``: copied and
    localized, the glued files beside their pages, static files refreshed, pages lightened
    (:func:`lighten_pages`), styles bundled (:func:`bundle_styles`) and the student notebooks
    that the launch and download buttons open written to ``site/<lang>/notebooks``.

    The build runs it in each edition's own process, the editions in parallel.
    """
    from digecon_book import editions
    from digecon_book.student import write_student_notebooks

    stage, work, site = Path(stage), Path(work), Path(site)
    editions.copy_edition(work, site, lang)
    edition = site / lang
    write_glued_files(stage, edition)
    refresh_static(edition, static_sources(stage))
    lighten_pages(edition)
    bundle_styles(edition)
    write_student_notebooks(stage, site, [lang])


def static_sources(stage: Path) -> list[Path]:
    """The folders whose files Sphinx copies into an edition's ``_static``: the book's
    (``html_static_path`` in ``_config.yml``) and the editions extension's."""
    return [stage / "book" / "_static", Path(__file__).parent / "static"]


def refresh_static(edition: Path, sources: Sequence[Path]) -> int:
    """Copy into ``edition/_static`` each file of ``sources`` that differs from the copy
    there; returns the files copied. Sphinx copies static files only when some page is
    rebuilt: after an edit of ``digecon.css`` or ``digecon.js`` alone it reports "no targets
    are out of date" and keeps the old copies.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); (d / "src").mkdir()
    >>> (d / "ed" / "_static").mkdir(parents=True)
    >>> _ = (d / "src" / "a.css").write_text("new")
    >>> _ = (d / "ed" / "_static" / "a.css").write_text("old")
    >>> refresh_static(d / "ed", [d / "src"]), (d / "ed" / "_static" / "a.css").read_text()
    (1, 'new')
    >>> refresh_static(d / "ed", [d / "src"])
    0
    """
    copied = 0
    for source in sources:
        if not source.is_dir():
            continue
        for src in source.rglob("*"):
            dst = edition / "_static" / src.relative_to(source)
            if src.is_file() and dst.is_file() and src.read_bytes() != dst.read_bytes():
                shutil.copyfile(src, dst)
                copied += 1
    return copied


#: files the pages link to, glued by their notebook: (notebook, glue name, mime, file name);
#: the file is written beside the page in every edition (the reproducibility report's CSV)
GLUED_FILES = (("book/reproducibility.ipynb", "audit_csv", "text/csv", "audit.csv"),)


def glued_output(nb: dict, name: str, mime: str) -> str | None:
    """The ``mime`` content glued as ``name`` in an executed notebook (``None`` if absent).

    >>> out = {"output_type": "display_data", "metadata": {"scrapbook": {"name": "n"}},
    ...        "data": {"application/papermill.record/text/csv": ["a,b\\n", "1,2\\n"]}}
    >>> glued_output({"cells": [{"cell_type": "code", "outputs": [out]}]}, "n", "text/csv")
    'a,b\\n1,2\\n'
    """
    for cell in nb.get("cells", []):
        for out in cell.get("outputs", []):
            if out.get("metadata", {}).get("scrapbook", {}).get("name") != name:
                continue
            for key in (f"application/papermill.record/{mime}", mime):
                if key in out.get("data", {}):
                    value = out["data"][key]
                    return "".join(value) if isinstance(value, list) else value
    return None


def write_glued_files(stage: Path, edition: Path) -> int:
    """Write each :data:`GLUED_FILES` file beside its page in ``edition``; returns how many."""
    written = 0
    for notebook, name, mime, filename in GLUED_FILES:
        path = stage / notebook
        if not path.exists() or not (edition / notebook).parent.is_dir():
            continue
        text = glued_output(json.loads(path.read_text(encoding="utf-8")), name, mime)
        if text is None:
            continue
        (edition / Path(notebook).parent / filename).write_text(text, encoding="utf-8")
        written += 1
    return written


#: scripts every page loads that a reader on a slow connection does not need:
#: Font Awesome's SVG-replacement script (1.5 MB; the theme's CSS already draws the icons with
#: the Font Awesome web fonts) and, outside the search page, the search index and its tools
#: (the search box sends the reader to search.html, which loads them itself).
HEAVY_SCRIPTS = (r"_static/scripts/fontawesome\.js",)
SEARCH_SCRIPTS = (r"_static/searchtools\.js", r"_static/language_data\.js", r"searchindex\.js")
#: scripts of extensions that have nothing to do in the book, each with what a page would
#: contain for it to be kept and the inline settings dropped with it: sphinx-design's tab
#: syncing (the book has no tabs, tests/test_book.py) and sphinx-thebe, which jupyter-book
#: adds to every page though live code is not enabled (no launch button calls initThebe).
UNUSED_SCRIPTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (r"_static/design-tabs\.js", "sd-tab-set", ()),
    (r"_static/sphinx-thebe\.js", "initThebe",
     (r"[ \t]*<script>const THEBE_JS_URL[^<]*</script>\n?",
      r"[ \t]*<script type=\"text/x-thebe-config\">.*?</script>\n?")),
)
#: pydata-sphinx-theme's pass over every code block and output at the load event
#: (``addTabStopsToScrollableElements``): it reads the size of each, which forces the layout
#: of the whole page in one long task (sections below the first screen included), and runs
#: again after every change to the page. ``book/_static/digecon.js`` makes the same boxes
#: focusable lazily; :func:`lighten_pages` removes the theme's call.
THEME_SCRIPT = "_static/scripts/pydata-sphinx-theme.js"
THEME_TABSTOPS = re.compile(
    r'"complete"===document\.readyState\?(\w+)\(\):window\.addEventListener\("load",\1\)')
#: what replaces the theme's call (an expression, so the surrounding code stays valid)
THEME_TABSTOPS_GONE = "0/*digecon: tab stops set lazily by digecon.js*/"


#: the theme's preloads of its own two scripts: they raise those deferred scripts to high
#: priority, so on a slow connection they take bandwidth from the page and its stylesheet
#: before the first paint (Lighthouse counts them as blocking it); without the preload they
#: load at the low priority of any deferred script, in time for the reader's first click
SCRIPT_PRELOAD = re.compile(r'[ \t]*<link rel="preload" as="script" href="[^"]*"\s*/?>\n?')


def _script_tag(pattern: str) -> str:
    return r'<script[^>]*src="(\.\./)*' + pattern + r'[^"]*"[^>]*></script>\n?'


def quiet_theme_script(path: Path) -> bool:
    """Remove the theme's layout-forcing pass at load (:data:`THEME_TABSTOPS`) from its
    script at ``path``; ``False`` when it was already gone. A theme whose script no longer
    has that pass in the expected form stops the build (so the pages are looked at again).

    >>> import tempfile, pathlib
    >>> js = pathlib.Path(tempfile.mkdtemp()) / "t.js"
    >>> _ = js.write_text('function I(){const e=()=>{document.querySelectorAll(["pre"].join())'
    ...                   '.forEach(e=>{e.tabIndex=e.scrollWidth>e.clientWidth?0:-1})};e()}f(),'
    ...                   '"complete"===document.readyState?I():window.addEventListener("load",I)')
    >>> quiet_theme_script(js), quiet_theme_script(js), js.read_text()[-52:]
    (True, False, 'f(),0/*digecon: tab stops set lazily by digecon.js*/')
    """
    text = path.read_text(encoding="utf-8")
    m = THEME_TABSTOPS.search(text)
    if m is None:
        if THEME_TABSTOPS_GONE in text:
            return False
        raise RuntimeError(f"{path}: the theme's tab-stop pass at load was not found; "
                           "pydata-sphinx-theme changed (see THEME_TABSTOPS in build.py)")
    body = re.search(r"function " + re.escape(m.group(1)) + r"\(\)\{(.{0,400})", text)
    if not body or "scrollWidth" not in body.group(1) or '"pre"' not in body.group(1):
        raise RuntimeError(f"{path}: {m.group(1)}() is not the theme's tab-stop pass; "
                           "pydata-sphinx-theme changed (see THEME_TABSTOPS in build.py)")
    path.write_text(text[:m.start()] + THEME_TABSTOPS_GONE + text[m.end():], encoding="utf-8")
    return True


def lighten_pages(html_dir: Path) -> int:
    """Drop scripts a page does not need (:data:`HEAVY_SCRIPTS`, :data:`SEARCH_SCRIPTS`
    outside the search page, :data:`UNUSED_SCRIPTS`), the preloads of scripts
    (:data:`SCRIPT_PRELOAD`) and the theme's layout-forcing pass at load
    (:func:`quiet_theme_script`); returns pages changed.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.html").write_text('<script defer src="_static/scripts/fontawesome.js?x=1">'
    ...                               '</script><script src="searchindex.js"></script>'
    ...                               '<script defer src="_static/design-tabs.js"></script>'
    ...                               '<link rel="preload" as="script" href="_static/x.js" />')
    >>> lighten_pages(d), (d / "a.html").read_text()
    (1, '')
    """
    for script in html_dir.rglob(Path(THEME_SCRIPT).name):
        if script.parent.as_posix().endswith(str(Path(THEME_SCRIPT).parent)):
            quiet_theme_script(script)
    changed = 0
    for page in html_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        patterns = HEAVY_SCRIPTS + (SEARCH_SCRIPTS if page.name != "search.html" else ())
        new = text
        for pattern in patterns:
            new = re.sub(_script_tag(pattern), "", new)
        new = SCRIPT_PRELOAD.sub("", new)
        for pattern, needed, inline in UNUSED_SCRIPTS:
            if needed not in new:
                new = re.sub(_script_tag(pattern), "", new)
                for extra in inline:
                    new = re.sub(extra, "", new, flags=re.DOTALL)
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed += 1
    return changed


#: a stylesheet link in a page's head (Sphinx and the theme write these two forms)
STYLESHEET = re.compile(
    r'[ \t]*<link (?=[^>]*rel="stylesheet")(?=[^>]*href="([^"]+\.css)(?:\?[^"]*)?")[^>]*/?>\n?')
#: an external script without ``async``/``defer``; ``documentation_options.js`` stays as it is
#: (inline scripts after it set ``DOCUMENTATION_OPTIONS.pagename``)
BLOCKING_SCRIPT = re.compile(
    r'<script (?![^>]*\b(?:async|defer)\b)(?![^>]*documentation_options\.js)([^>]*\bsrc=)')
OPTIONS_SCRIPT = re.compile(
    r'<script [^>]*src="[^"]*documentation_options\.js[^"]*"[^>]*></script>')
CSS_URL = re.compile(r'url\(\s*(["\']?)(?!data:|https?:|/|#)([^)"\']+)\1\s*\)')
CSS_IMPORT = re.compile(r'@import\s+(?:url\()?["\']([^"\']+)["\']\)?\s*;')


def _inline_css(path: Path, bundle_dir: Path, seen: set[Path]) -> str:
    """``path``'s rules with its ``@import`` inlined and ``url()`` relative to ``bundle_dir``."""
    path = path.resolve()
    if path in seen or not path.exists():
        return ""
    seen.add(path)
    text = path.read_text(encoding="utf-8")

    def imported(m: re.Match) -> str:
        return _inline_css(path.parent / m.group(1).split("?")[0], bundle_dir, seen)

    def rebased(m: re.Match) -> str:
        target = os.path.relpath(path.parent / m.group(2), bundle_dir)
        return f'url("{Path(target).as_posix()}")'

    text = CSS_URL.sub(rebased, text)
    return CSS_IMPORT.sub(imported, text)


def _css_blocks(css: str) -> list[tuple[str, str | None]]:
    """Top-level pieces of ``css``: ``(prelude, body)`` for each ``prelude { body }`` and
    ``(statement, None)`` for a statement ending in ``;``. Strings and comments are kept
    whole (a brace inside them does not count).

    >>> _css_blocks('@charset "x";a{b:c}@media p{i{j:k}}')
    [('@charset "x";', None), ('a', 'b:c'), ('@media p', 'i{j:k}')]
    """
    out: list[tuple[str, str | None]] = []
    i, n, start, depth, open_at = 0, len(css), 0, 0, -1
    while i < n:
        ch = css[i]
        if ch == "/" and css.startswith("/*", i):
            end = css.find("*/", i + 2)
            i = n if end < 0 else end + 2
            if depth == 0:
                start = i  # a comment outside any rule is dropped
            continue
        if ch in "\"'":
            j = i + 1
            while j < n and css[j] != ch:
                j += 2 if css[j] == "\\" else 1
            i = j + 1
            continue
        if ch == "{":
            if depth == 0:
                open_at = i
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                out.append((css[start:open_at].strip(), css[open_at + 1:i]))
                start = i + 1
        elif ch == ";" and depth == 0:
            out.append((css[start:i + 1].strip(), None))
            start = i + 1
        i += 1
    return out


#: class and id names in a selector (not those inside attribute selectors or strings)
_SELECTOR_NAMES = re.compile(r"[.#](-?[A-Za-z_][\w-]*)")


def prune_css(css: str, words: set[str]) -> str:
    """``css`` without the style rules none of whose selectors can match: a selector is kept
    when every class and id it names occurs in ``words`` (the words of the pages and of their
    scripts, which may add classes). At-rules other than ``@media``/``@supports``/``@layer``
    (fonts, keyframes, imports) are kept as they are.

    >>> prune_css(".a{x:1}.b,.c{y:2}@media p{.d{z:3}}@font-face{f:1}.a:not(.d){}", {"a", "c"})
    '.a{x:1}.b,.c{y:2}@font-face{f:1}.a:not(.d){}'
    """
    kept: list[str] = []
    for prelude, body in _css_blocks(css):
        if body is None:
            kept.append(prelude)
        elif prelude.startswith(("@media", "@supports", "@layer", "@container")):
            inner = prune_css(body, words)
            if inner.strip():
                kept.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            kept.append(f"{prelude}{{{body}}}")
        else:
            # names inside :not(…), attribute selectors and strings do not have to exist
            bare = re.sub(r":not\([^)]*\)|\[[^\]]*\]|\"[^\"]*\"|'[^']*'", "", prelude)
            selectors = bare.split(",")
            if any(all(name in words for name in _SELECTOR_NAMES.findall(sel))
                   for sel in selectors):
                kept.append(f"{prelude}{{{body}}}")
    return "".join(kept)


def bundle_styles(edition: Path) -> int:
    """One stylesheet per edition: the stylesheets every page of ``edition`` links (the
    theme's, the extensions', the book's; ``@import`` inlined) concatenated in their order,
    without the rules no page can use (:func:`prune_css`), into
    ``_static/digecon-bundle.css``, linked once instead (one render-blocking request
    instead of a dozen and a chained import); every script deferred but
    ``documentation_options.js``, whose few settings are written into the page, so none
    blocks the first paint. Returns the pages changed.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); (d / "_static").mkdir()
    >>> _ = (d / "_static" / "a.css").write_text('@import "b.css"; p{}')
    >>> _ = (d / "_static" / "b.css").write_text("i{background:url(x.png)}")
    >>> _ = (d / "p.html").write_text('<head><link rel="stylesheet" href="_static/a.css?v=1" />'
    ...                               '<script src="_static/j.js"></script></head>')
    >>> bundle_styles(d), (d / "_static" / "digecon-bundle.css").read_text()
    (1, 'i{background:url("x.png")}p{}')
    >>> print((d / "p.html").read_text())  # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
    <head><link rel="stylesheet" href="_static/digecon-bundle.css?v=..." /><script defer
    src="_static/j.js"></script></head>
    """
    pages = {p: p.read_text(encoding="utf-8") for p in sorted(edition.rglob("*.html"))}
    heads = {p: t.split("</head>", 1)[0] for p, t in pages.items()}

    def sheets(page: Path) -> list[str]:  # each linked stylesheet, relative to the edition
        return [os.path.relpath((page.parent / m.group(1)).resolve(), edition.resolve())
                for m in STYLESHEET.finditer(heads[page])]

    lists = [found for found in map(sheets, pages) if found]  # pages with no styles: skip
    # every stylesheet any page links, in page order (a page's extra one, KaTeX's, comes
    # after the common ones as it does in that page); unused rules are pruned below
    common = list(dict.fromkeys(sheet for found in lists for sheet in found))
    if not common:
        return 0
    static = edition / "_static"
    seen: set[Path] = set()
    css = "\n".join(_inline_css(edition / s, static, seen) for s in common)
    # only the rules the edition's pages can use: words of every page and every script
    texts = [*pages.values(), *(p.read_text(encoding="utf-8", errors="replace")
                                for p in static.rglob("*.js"))]
    words = {w for text in texts for w in re.findall(r"-?[A-Za-z_][\w-]*", text)}
    css = prune_css(css, words)
    (static / "digecon-bundle.css").write_text(css, encoding="utf-8")
    version = hashlib.sha256(css.encode()).hexdigest()[:8]
    options_js = static / "documentation_options.js"
    options = options_js.read_text(encoding="utf-8").strip() if options_js.exists() else None
    if options is not None and "</" in options:
        options = None
    changed = 0
    for page, text in pages.items():
        head, rest = text.split("</head>", 1) if "</head>" in text else (text, None)
        href = Path(os.path.relpath(static / "digecon-bundle.css", page.parent)).as_posix()
        first = True

        def swap(m: re.Match, page: Path = page, href: str = href) -> str:
            nonlocal first
            rel = os.path.relpath((page.parent / m.group(1)).resolve(), edition.resolve())
            if rel not in common:
                return m.group(0)
            if first:
                first = False
                return f'<link rel="stylesheet" href="{href}?v={version}" />'
            return ""

        head = BLOCKING_SCRIPT.sub(r"<script defer \1", STYLESHEET.sub(swap, head))
        if options is not None:  # a dozen settings: in the page rather than one more request
            head = OPTIONS_SCRIPT.sub(lambda m: f"<script>{options}</script>", head)
        new = head if rest is None else f"{head}</head>{rest}"
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed += 1
    return changed


@contextmanager
def phase(name: str):
    """Print how long a step of the build took, in wall and CPU seconds of this process (its
    children's CPU too once they have ended), when ``DIGECON_TIMINGS`` is set."""
    if not os.environ.get("DIGECON_TIMINGS"):
        yield
        return
    t0, c0 = time.perf_counter(), _cpu()
    try:
        yield
    finally:
        print(f"  [{name}: {time.perf_counter() - t0:.2f} s wall, {_cpu() - c0:.2f} s CPU]",
              flush=True)


def _cpu() -> float:
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


# --------------------------------------------------------------------------------------------
# one build at a time, published in one step


class BuildError(RuntimeError):
    """The build cannot go on; the message says why and what to do."""


@contextmanager
def build_lock(build_dir: Path, *, timeout: float | None = None, poll: float = 0.5):
    """Hold ``<build_dir>/.lock`` (an ``fcntl`` lock) while one build runs in this folder.

    A second build waits, saying so once; with ``timeout`` (seconds) it stops after that long
    with :class:`BuildError`. The lock goes with the process, even when it is killed.

    >>> import tempfile, pathlib
    >>> with build_lock(pathlib.Path(tempfile.mkdtemp())) as lock:
    ...     lock.name.endswith(".lock")
    True
    """
    build_dir.mkdir(parents=True, exist_ok=True)
    path = build_dir / ".lock"
    fh = open(path, "a+", encoding="utf-8")  # held for the whole block
    try:
        start = time.monotonic()
        told = False
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                fh.seek(0)
                holder = fh.read().strip() or "?"
                waited = time.monotonic() - start
                if timeout is not None and waited >= timeout:
                    raise BuildError(
                        f"another build is running in this folder (pid {holder}) and did not "
                        f"finish within {timeout:.0f} s; wait for it (or stop it), then run "
                        "`make book` again"
                    ) from None
                if not told:
                    print(f"another build is running in this folder (pid {holder}); waiting…",
                          file=sys.stderr, flush=True)
                    told = True
                time.sleep(poll)
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()}\n")
        fh.flush()
        yield fh
    finally:
        fh.close()  # closing the file releases the lock


def _exchange(new: Path, target: Path) -> None:
    """Put the folder ``new`` at ``target`` in one step; the old ``target`` ends at ``new``.

    On Linux ``renameat2(RENAME_EXCHANGE)`` swaps the two names atomically, so ``target`` never
    stops existing; elsewhere the old folder is renamed aside first (a moment without it).
    """
    if not target.exists():
        os.rename(new, target)
        return
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = getattr(libc, "renameat2", None)
        if renameat2 is not None:
            at_fdcwd, rename_exchange = -100, 2
            if renameat2(at_fdcwd, os.fsencode(new), at_fdcwd, os.fsencode(target),
                         rename_exchange) == 0:
                return
    aside = new.with_name(new.name + ".old")
    os.rename(target, aside)
    os.rename(new, target)
    os.rename(aside, new)


def publish(built: Path, html: Path) -> None:
    """Replace the published book ``html`` by the finished ``built`` folder in one step.

    The previous book is kept aside as ``.html-previous`` (removed when the next build starts),
    so that a reader walking through it at this moment does not see folders vanish.
    """
    _exchange(built, html)
    previous = html.with_name(".html-previous")
    shutil.rmtree(previous, ignore_errors=True)
    if built.exists():
        os.rename(built, previous)


def withdraw(html: Path) -> bool:
    """Remove the published book (renamed away first, so it disappears in one step)."""
    if not html.exists():
        return False
    gone = html.with_name(f".html-withdrawn-{os.getpid()}")
    os.rename(html, gone)
    shutil.rmtree(gone, ignore_errors=True)
    return True


def source_date_epoch(root: Path) -> str:
    """The commit time of ``root`` (seconds), for tools that stamp dates into their output."""
    try:
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"],
                             capture_output=True, text=True, timeout=10)
        stamp = out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        stamp = ""
    return stamp if stamp.isdigit() else "0"


# --------------------------------------------------------------------------------------------
# warnings of the strict build, mapped back to the sources

_WARNING_AT = re.compile(
    r"^(?P<colour>(?:\x1b\[[0-9;]*m)*)(?P<path>/[^:\n]*?\.(?:ipynb|md))(?::(?P<line>\d+))?"
    r"(?P<rest>:.*)$"
)


def map_warning(line: str, stage: Path, root: Path) -> str:
    """Point a Sphinx warning about a staged file at the source notebook and cell.

    myst-nb numbers the lines of a notebook's cell ``i`` from ``(i + 1) * 10000``; the staged
    copy has the cells of the source notebook, in the same order. Sphinx's colour codes (it
    colours warnings even into a pipe) are kept.

    >>> import tempfile, pathlib, json
    >>> root = pathlib.Path(tempfile.mkdtemp()); stage = root / "_build" / "stage"
    >>> (root / "book").mkdir()
    >>> cells = [{"cell_type": "code", "source": "", "metadata": {}}] * 4 + [
    ...     {"cell_type": "markdown", "source": "", "metadata": {}}]
    >>> _ = (root / "book" / "egov.ipynb").write_text(json.dumps({"cells": cells}))
    >>> print(map_warning(f"{stage}/book/egov.ipynb:50025: WARNING: undefined label", stage, root))
    book/egov.ipynb, cell 4 (markdown), line 25: WARNING: undefined label
    """
    end = line[len(line.rstrip("\r\n")):]
    m = _WARNING_AT.match(line.rstrip("\r\n"))
    if not m:
        return line
    try:
        rel = Path(m["path"]).resolve().relative_to(stage.resolve()).as_posix()
    except ValueError:
        return line
    parts = Path(rel).parts
    for i in range(len(parts)):  # a staged edition may sit in a subfolder (kk/book/x.ipynb)
        if (root / Path(*parts[i:])).is_file():
            rel = Path(*parts[i:]).as_posix()
            break
    source = root / rel
    where = rel if source.is_file() else f"{rel} (generated by the build)"
    lineno = int(m["line"]) if m["line"] else None
    if rel.endswith(".ipynb") and lineno is not None and lineno >= 10000:
        index, in_cell = divmod(lineno, 10000)
        index -= 1
        kind = "?"
        try:
            cells = json.loads(source.read_text(encoding="utf-8"))["cells"]
            kind = cells[index]["cell_type"]
        except (OSError, ValueError, KeyError, IndexError):
            pass
        return f"{m['colour']}{where}, cell {index} ({kind}), line {in_cell}{m['rest']}{end}"
    at = f":{lineno}" if lineno is not None else ""
    return f"{m['colour']}{where}{at}{m['rest']}{end}"


@contextmanager
def _warnings_mapped(stage: Path, root: Path):
    """While the block runs, lines this process and its children write to stderr (Sphinx's
    warnings) pass through :func:`map_warning` on their way to the terminal."""
    sys.stderr.flush()
    saved = os.dup(2)
    out_fd = os.dup(saved)
    read_fd, write_fd = os.pipe()
    os.dup2(write_fd, 2)
    os.close(write_fd)

    def pump() -> None:
        with os.fdopen(read_fd, "r", encoding="utf-8", errors="replace") as src, \
                os.fdopen(out_fd, "w", encoding="utf-8") as dst:
            for line in src:
                dst.write(map_warning(line, stage, root))
                dst.flush()

    thread = threading.Thread(target=pump, daemon=True)
    thread.start()
    try:
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)
        thread.join(timeout=10)


# --------------------------------------------------------------------------------------------
# the build


def build(
    root: Path, *, jobs: int | None = None, force: bool = False, strict: bool = True,
    render_html: bool = True, lock_timeout: float | None = None,
) -> int:
    """Stage, execute and render the book; returns a process exit code.

    ``_build/html`` is replaced only by a complete, post-processed book. When anything fails,
    or the build is interrupted, ``_build/html`` is removed and the exit code is non-zero.
    """
    build_dir = root / "_build"
    html = build_dir / "html"
    try:
        with build_lock(build_dir, timeout=lock_timeout):
            return _build_locked(root, jobs=jobs, force=force, strict=strict,
                                 render_html=render_html)
    except BuildError as err:
        print(f"\n{err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        # Sphinx may have been stopped half-way through writing: its folder cannot be trusted
        shutil.rmtree(build_dir / "render", ignore_errors=True)
        removed = withdraw(html)
        print("\nThe build was interrupted"
              + (": _build/html was removed, because it would not match the sources"
                 if removed else "") + ". Run `make book` again to build the book.",
              file=sys.stderr)
        return 130
    except Exception:
        removed = withdraw(html)
        print("\nThe build failed with the error below"
              + ("; _build/html was removed, because it would not match the sources"
                 if removed else "") + ".", file=sys.stderr)
        raise


def _fail(html: Path, message: str) -> int:
    removed = withdraw(html)
    note = " The previous _build/html was removed: it did not match the sources." if removed else ""
    print(f"\n{message}{note}", file=sys.stderr)
    return 1


def _build_locked(
    root: Path, *, jobs: int | None, force: bool, strict: bool, render_html: bool
) -> int:
    from digecon_book import digest  # nothing read by the build changed: stop at once
    inputs = digest.inputs_digest(root)
    if not force and render_html and digest.up_to_date(root, inputs):
        print("nothing changed since the last build (_build/html is up to date)")
        _write_run_log(root, [Result(_rel(nb, root), "cached") for nb in toc_notebooks(root)])
        return 0
    from digecon_book import editions

    # Sphinx imports in its own process while the notebooks run (on the other core)
    sphinx = editions.start_sphinx() if render_html else None
    try:
        return _execute_and_render(root, inputs, jobs=jobs, force=force, strict=strict,
                                   render_html=render_html, sphinx=sphinx)
    finally:
        editions.stop_sphinx(sphinx)


def _execute_and_render(
    root: Path, inputs: str, *, jobs: int | None, force: bool, strict: bool,
    render_html: bool, sphinx: subprocess.Popen | None,
) -> int:
    from digecon.data import DataError, read_json
    from digecon_book import digest

    stage = root / "_build" / "stage"
    html = root / "_build" / "html"
    t0 = time.perf_counter()
    os.environ.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(root))
    for leftover in (root / "_build").glob(".html-*"):  # of a build that was killed
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        descriptor = root / "data" / "datapackage.json"
        if descriptor.exists():  # one message now, not one per notebook later
            read_json(descriptor)
        with phase("stage"):
            stage_sources(root, stage)
        with phase("execute"):
            results = execute(root, stage, jobs=jobs, force=force)
    except (DataError, FileNotFoundError) as err:
        return _fail(html, f"The book was not built: {err}")
    failed = [r for r in results if r.status == "failed"]
    ran = sum(r.status == "executed" for r in results)
    cached = sum(r.status == "cached" for r in results)
    print(f"notebooks: {ran} executed, {cached} cached, {len(failed)} failed", flush=True)
    _write_run_log(root, results)
    if failed:
        for r in failed:
            print(f"\nFAILED {r.error}", file=sys.stderr)
        names = ", ".join(r.notebook for r in failed)
        return _fail(html, f"The book was not built: {names} failed. Fix what is said "
                           "above, then run `make book` again.")
    try:
        with phase("generated pages"):
            write_generated_pages(root, stage)
    except DataError as err:
        return _fail(html, f"The book was not built: {err}")
    if not render_html:
        if ran and withdraw(html):
            print("_build/html was removed: it does not show the notebooks executed now. "
                  "Run `make book` to build it again.", file=sys.stderr)
        return 0
    work = root / "_build" / "render"  # Sphinx's own folder, kept for incremental builds
    with _warnings_mapped(stage, root):
        code = render(stage, work, strict=strict, sphinx=sphinx)
    if code != 0:
        # the next build must read every page again, or it would not repeat these warnings
        shutil.rmtree(work, ignore_errors=True)
        return _fail(html, "The strict build failed (warnings are errors): see the messages "
                           "above, each names the source file and cell to fix.")
    built = root / "_build" / f".html-{os.getpid()}"
    shutil.rmtree(built, ignore_errors=True)
    with phase("copy site"):
        # hard links: the rendered site is never written to again (the next build renders a
        # fresh one and only unlinks this one)
        shutil.copytree(work / "_build" / "html", built, copy_function=_link_or_copy)
    # the notebooks the launch and download buttons open, written with each edition
    notebooks = sorted(built.glob("*/notebooks/*.ipynb"))
    print(f"{len(notebooks)} student notebooks written", flush=True)
    with phase("publish"):
        publish(built, html)
    digest.record(root, inputs)
    print(f"\nBuilt in {time.perf_counter() - t0:.0f} s. Open {html / 'index.html'}")
    return 0


def preview(root: Path, chapter: str, *, strict: bool = True) -> int:
    """Execute and render one chapter alone (with the glossary and bibliography).

    For authors: ``python -m digecon_book.build --preview egov`` builds
    ``_build/preview-egov/_build/html`` without touching the main build.
    """
    out = root / "_build" / f"preview-{chapter}"
    stage = out / "stage"
    source = root / "book" / f"{chapter}.ipynb"
    if not source.exists():
        raise FileNotFoundError(f"no chapter notebook {source}")
    stage_sources(root, stage)
    toc = (
        f"format: jb-book\nroot: book/{chapter}\nchapters:\n"
        "- file: book/data\n- file: book/glossary\n- file: book/bibliography\n"
    )
    _write_if_changed(stage / "_toc.yml", toc)
    res = execute_one(str(source), str(stage / "book" / f"{chapter}.ipynb"), str(root))
    print(f"{res.notebook}: {res.status} in {res.seconds:.1f} s", flush=True)
    if res.status == "failed":
        print(res.error, file=sys.stderr)
        return 1
    from digecon_book import appendix, pages

    _write_if_changed(stage / "book" / "glossary.md", pages.glossary_page())
    _write_if_changed(stage / "book" / "data.md", appendix.data_appendix_page())
    with _warnings_mapped(stage, root):
        return render(stage, out, strict=strict)


def _write_run_log(root: Path, results: list[Result]) -> None:
    """Append this build's execution counts to ``_build/executions.jsonl`` (tests read it)."""
    log = root / "_build" / "executions.jsonl"
    log.parent.mkdir(parents=True, exist_ok=True)
    entry = {
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
        "executed": sorted(r.notebook for r in results if r.status == "executed"),
        "cached": sorted(r.notebook for r in results if r.status == "cached"),
        "failed": sorted(r.notebook for r in results if r.status == "failed"),
    }
    with open(log, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m digecon_book.build", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root")
    parser.add_argument("--jobs", type=int, default=None,
                        help="parallel notebooks (default: cores)")
    parser.add_argument("--force", action="store_true", help="execute every notebook again")
    parser.add_argument("--no-strict", action="store_true", help="do not turn warnings into errors")
    parser.add_argument("--execute-only", action="store_true", help="execute, do not render HTML")
    parser.add_argument("--preview", metavar="CHAPTER", help="build one chapter alone (authors)")
    parser.add_argument("--lock-timeout", type=float, default=None, metavar="SECONDS",
                        help="stop instead of waiting longer for another build in this folder")
    args = parser.parse_args(argv)
    if args.preview:
        return preview(args.root.resolve(), args.preview, strict=not args.no_strict)
    return build(
        args.root.resolve(), jobs=args.jobs, force=args.force, strict=not args.no_strict,
        render_html=not args.execute_only, lock_timeout=args.lock_timeout,
    )


if __name__ == "__main__":
    raise SystemExit(main())
