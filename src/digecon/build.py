"""Build the book: execute its notebooks with papermill (cached, in parallel), then Sphinx.

``python -m digecon.build`` (what ``make book`` runs) does three things:

1. **Stage** the book in ``_build/stage``: configuration, pages and static files are copied
   (only when they changed, so Sphinx's incremental build sees no change), and generated pages
   (the glossary, the execution-status page) are written from the library.
2. **Execute** every notebook listed in ``_toc.yml`` with papermill, in parallel across the
   cores, with a progress display. A notebook is executed again only when its *cache key*
   changed: the notebook itself, the library code, the lock file, and the data tables that
   notebook read the last time it ran (recorded through ``DIGECON_TRACE``). A notebook that
   fails stops the build: the cell and the error are printed and ``_build/html`` is removed,
   so nothing half-built can be published.
3. **Render** the staged book with ``jupyter-book build`` (execution off, ``-W -n``).

>>> sorted(LANG_TAGS)
['injected-parameters', 'parameters']
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing as mp
import os
import platform
import re
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata as importlib_metadata
from pathlib import Path

import yaml

ROOT_FILES = ("_config.yml", "_toc.yml", "references.bib")
#: cells carrying these tags are hidden in the HTML (papermill's parameters and injected cells)
LANG_TAGS = ("parameters", "injected-parameters")
#: notebooks executed after the others because they report on them
REPORT_NOTEBOOKS: tuple[str, ...] = ()
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
    """The notebooks of ``_toc.yml``, in book order (reports last)."""
    docs = toc_documents(root / "_toc.yml")
    found = [root / f"{d}.ipynb" for d in docs if (root / f"{d}.ipynb").exists()]
    return sorted(found, key=lambda p: _rel(p, root).removesuffix(".ipynb") in REPORT_NOTEBOOKS)


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
    pkg_path = root / "data" / "datapackage.json"
    pkg = json.loads(pkg_path.read_text(encoding="utf-8"))
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


def needs_run(source: Path, executed: Path, root: Path, extra: str = "") -> bool:
    """True when the staged notebook is missing, failed, or its key no longer matches."""
    rec = stored_record(executed)
    if not rec or rec.get("status") != "ok":
        return True
    return rec.get("key") != cache_key(source, root, rec.get("reads")) + extra


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
    for cell in nb.get("cells", []):
        tags = cell.setdefault("metadata", {}).setdefault("tags", [])
        if any(tag in tags for tag in LANG_TAGS) and "remove-cell" not in tags:
            tags.append("remove-cell")


def execute_one(source: str, output: str, root: str, extra: str = "") -> Result:
    """Execute one notebook with papermill (runs in a worker process)."""
    import papermill as pm
    from jupyter_client.manager import KernelManager

    src, out, base = Path(source), Path(output), Path(root)
    name = _rel(src, base)
    out.parent.mkdir(parents=True, exist_ok=True)
    # papermill writes to a private file first; the finished notebook replaces ``out`` in one
    # atomic step, so a reader (or a second build) never sees a half-written notebook
    partial = out.with_name(f".{out.stem}.{os.getpid()}.partial.ipynb")
    trace = tempfile.NamedTemporaryFile(prefix="digecon-trace-", suffix=".txt", delete=False)
    trace.close()
    os.environ["DIGECON_TRACE"] = trace.name
    # the kernel talks over Unix sockets in a private folder: kernels started at the same
    # moment by parallel builds cannot pick the same TCP ports and cross their messages
    sockets = tempfile.mkdtemp(prefix="digecon-kernel-")
    km = KernelManager(kernel_name="python3", transport="ipc", ip=os.path.join(sockets, "k"))
    start = time.perf_counter()
    error = ""
    try:
        pm.execute_notebook(
            str(src), str(partial), cwd=str(src.parent), kernel_name="python3", km=km,
            progress_bar=False, log_output=False, request_save_on_cell_execute=False,
            autosave_cell_every=0,
            # the kernel's own start-up chatter would scroll over the progress bar
            extra_arguments=["--IPKernelApp.log_level=ERROR"],
        )
        status = "ok"
    except Exception as exc:  # any failure is reported to the user below
        status = "failed"
        error = _describe_failure(exc, partial)
    finally:
        shutil.rmtree(sockets, ignore_errors=True)
    seconds = time.perf_counter() - start
    reads = sorted(set(Path(trace.name).read_text(encoding="utf-8").split()))
    os.unlink(trace.name)
    if partial.exists():
        nb = json.loads(partial.read_text(encoding="utf-8"))
        _hide_parameter_cells(nb)
        nb["metadata"]["digecon"] = {
            "status": status,
            "key": (cache_key(src, base, reads) + extra) if status == "ok" else "",
            "reads": reads,
            "seconds": round(seconds, 2),
            "executed_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "python": platform.python_version(),
            "packages": package_versions(),
        }
        partial.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        os.replace(partial, out)
    return Result(name, "executed" if status == "ok" else "failed", seconds, error, reads)


def _describe_failure(exc: Exception, output: Path) -> str:
    """The failing cell's source and the error, as a reader needs them."""
    lines = [f"{type(exc).__name__}: {exc}".strip()]
    if output.exists():
        nb = json.loads(output.read_text(encoding="utf-8"))
        for i, cell in enumerate(nb.get("cells", [])):
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error":
                    src = "".join(cell.get("source", ""))
                    lines = [
                        f"cell {i} failed:",
                        "    " + src.replace("\n", "\n    "),
                        f"{out.get('ename')}: {out.get('evalue')}",
                    ]
                    return "\n".join(lines)
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
    """Execute (or reuse) every notebook of the book into ``stage``; reports last."""
    notebooks = toc_notebooks(root)
    regular = [
        nb for nb in notebooks
        if _rel(nb, root).removesuffix(".ipynb") not in REPORT_NOTEBOOKS
    ]
    reports = [nb for nb in notebooks if nb not in regular]
    results = _execute_batch(root, stage, regular, jobs=jobs, force=force)
    if any(r.status == "failed" for r in results):
        return results
    # reports depend on the other notebooks' records
    extra = _digest(
        json.dumps(stored_record(stage / _rel(nb, root)), sort_keys=True).encode() for nb in regular
    )[:16]
    results += _execute_batch(root, stage, reports, jobs=jobs, force=force, extra=extra)
    return results


def _execute_batch(
    root: Path, stage: Path, notebooks: list[Path], *, jobs: int | None, force: bool,
    extra: str = "",
) -> list[Result]:
    results: list[Result] = []
    todo = []
    for nb in notebooks:
        target = stage / _rel(nb, root)
        if force or needs_run(nb, target, root, extra):
            todo.append((nb, target))
        else:
            results.append(Result(_rel(nb, root), "cached"))
    if not todo:
        return results
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    bar = _progress(len(todo))
    # "spawn": fresh worker processes, not forks of this one (which runs tqdm's monitor thread)
    with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn")) as pool:
        futures = {
            pool.submit(execute_one, str(nb), str(target), str(root), extra): nb
            for nb, target in todo
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
    if bar is not None:
        bar.close()
    return results


# --------------------------------------------------------------------------------------------
# staging


def _copy_if_changed(src: Path, dst: Path) -> bool:
    if dst.exists() and dst.read_bytes() == src.read_bytes():
        return False
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dst)
    return True


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
    stage_mathjax(root, stage)
    data_target = stage / "book" / "_static" / "data"
    for path in sorted((root / "data").glob("*")):
        if path.is_file() and path.suffix in (".csv", ".json"):
            _copy_if_changed(path, data_target / path.name)


MATHJAX_FILES = ("tex-chtml.js", "output/chtml/fonts/woff-v2")


def stage_mathjax(root: Path, stage: Path) -> None:
    """Copy MathJax (installed from npm by ``tools/assets.sh``) into the book's static files."""
    config = root / "_config.yml"
    if not config.exists() or "mathjax_path" not in config.read_text(encoding="utf-8"):
        return
    source = root / "tools" / "node" / "node_modules" / "mathjax" / "es5"
    if not (source / MATHJAX_FILES[0]).exists():
        raise FileNotFoundError(
            f"MathJax not found in {source}: run `bash tools/assets.sh` (or `make venv`)"
        )
    target = stage / "book" / "_static" / "mathjax"
    for name in MATHJAX_FILES:
        src = source / name
        files = sorted(src.rglob("*")) if src.is_dir() else [src]
        for path in files:
            if path.is_file():
                _copy_if_changed(path, target / path.relative_to(source))


def write_generated_pages(root: Path, stage: Path) -> None:
    """Pages written from the library: the glossary and the execution status."""
    from digecon import appendix, pages

    _write_if_changed(stage / "book" / "glossary.md", pages.glossary_page())
    _write_if_changed(stage / "book" / "data.md", appendix.data_appendix_page())
    records = {}
    for nb in toc_notebooks(root):
        rel = _rel(nb, root)
        records[rel] = stored_record(stage / rel)
    _write_if_changed(stage / "book" / "status.md", pages.status_page(records))


def render(stage: Path, out_root: Path, *, strict: bool = True, builder: str = "html") -> int:
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
    """
    from digecon_book import editions

    work = stage.parent / "editions"
    codes = editions.build_editions(stage, work, strict=strict, builder=builder)
    failed = {lang: code for lang, code in codes.items() if code != 0}
    if failed:
        return next(iter(failed.values()))
    site = out_root / "_build" / builder
    fresh = site.with_name(f".{builder}-new-{os.getpid()}")
    shutil.rmtree(fresh, ignore_errors=True)
    editions.assemble(work, fresh)
    lighten_pages(fresh)
    old = site.with_name(f".{builder}-old-{os.getpid()}")
    if site.exists():
        os.replace(site, old)
    os.replace(fresh, site)
    shutil.rmtree(old, ignore_errors=True)
    return 0


#: scripts every page loads that a reader on a slow connection does not need:
#: Font Awesome's SVG-replacement script (1.5 MB; the theme's CSS already draws the icons with
#: the Font Awesome web fonts) and, outside the search page, the search index and its tools
#: (the search box sends the reader to search.html, which loads them itself).
HEAVY_SCRIPTS = (r"_static/scripts/fontawesome\.js",)
SEARCH_SCRIPTS = (r"_static/searchtools\.js", r"_static/language_data\.js", r"searchindex\.js")


def lighten_pages(html_dir: Path) -> int:
    """Drop scripts a page does not need (see :data:`HEAVY_SCRIPTS`); returns pages changed.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.html").write_text('<script defer src="_static/scripts/fontawesome.js?x=1">'
    ...                               '</script><script src="searchindex.js"></script>')
    >>> lighten_pages(d), (d / "a.html").read_text()
    (1, '')
    """
    changed = 0
    for page in html_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        patterns = HEAVY_SCRIPTS + (SEARCH_SCRIPTS if page.name != "search.html" else ())
        if 'class="math' not in text:  # MathJax (1.2 MB) only where there is mathematics
            patterns += (r"_static/mathjax/tex-chtml\.js",)
        new = text
        for pattern in patterns:
            new = re.sub(r'<script[^>]*src="(\.\./)*' + pattern + r'[^"]*"[^>]*></script>\n?',
                         "", new)
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed += 1
    return changed


def lazy_images(html_dir: Path) -> int:
    """Mark every image ``loading="lazy"``: figures in hidden language tabs are then not
    downloaded until the reader opens that tab (light pages on slow connections).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.html").write_text('<img src="x.png">')
    >>> lazy_images(d), (d / "a.html").read_text()
    (1, '<img loading="lazy" src="x.png">')
    """
    changed = 0
    for page in html_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        new = re.sub(r"<img (?![^>]*\bloading=)", '<img loading="lazy" ', text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed += 1
    return changed


def build(
    root: Path, *, jobs: int | None = None, force: bool = False, strict: bool = True,
    render_html: bool = True,
) -> int:
    """Stage, execute and render the book; returns a process exit code."""
    stage = root / "_build" / "stage"
    html = root / "_build" / "html"
    t0 = time.perf_counter()
    stage_sources(root, stage)
    results = execute(root, stage, jobs=jobs, force=force)
    failed = [r for r in results if r.status == "failed"]
    ran = sum(r.status == "executed" for r in results)
    cached = sum(r.status == "cached" for r in results)
    print(f"notebooks: {ran} executed, {cached} cached, {len(failed)} failed", flush=True)
    _write_run_log(root, results)
    if failed:
        for r in failed:
            print(f"\nFAILED {r.notebook}\n{r.error}", file=sys.stderr)
        shutil.rmtree(html, ignore_errors=True)
        print("\nThe book was not built: fix the notebook above and run `make book` again.",
              file=sys.stderr)
        return 1
    write_generated_pages(root, stage)
    if not render_html:
        return 0
    code = render(stage, root, strict=strict)
    if code != 0:
        shutil.rmtree(html, ignore_errors=True)
        print("\nThe strict build failed (warnings are errors): see the messages above.",
              file=sys.stderr)
        return code
    print(f"\nBuilt in {time.perf_counter() - t0:.0f} s. Open {html / 'index.html'}")
    return 0


def preview(root: Path, chapter: str, *, strict: bool = True) -> int:
    """Execute and render one chapter alone (with the glossary and bibliography).

    For authors: ``python -m digecon.build --preview egov`` builds
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
    from digecon import appendix, pages

    _write_if_changed(stage / "book" / "glossary.md", pages.glossary_page())
    _write_if_changed(stage / "book" / "data.md", appendix.data_appendix_page())
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
        prog="python -m digecon.build", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root")
    parser.add_argument("--jobs", type=int, default=None,
                        help="parallel notebooks (default: cores)")
    parser.add_argument("--force", action="store_true", help="execute every notebook again")
    parser.add_argument("--no-strict", action="store_true", help="do not turn warnings into errors")
    parser.add_argument("--execute-only", action="store_true", help="execute, do not render HTML")
    parser.add_argument("--preview", metavar="CHAPTER", help="build one chapter alone (authors)")
    args = parser.parse_args(argv)
    if args.preview:
        return preview(args.root.resolve(), args.preview, strict=not args.no_strict)
    return build(
        args.root.resolve(), jobs=args.jobs, force=args.force, strict=not args.no_strict,
        render_html=not args.execute_only,
    )


if __name__ == "__main__":
    raise SystemExit(main())
