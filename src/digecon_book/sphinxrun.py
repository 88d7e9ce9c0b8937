"""Build the book's editions from one Python process: import Sphinx once, fork per edition.

``jupyter-book build`` run three times (one per edition) imports jupyter-book, Sphinx, the
theme, myst-nb and every extension three times over, and nbformat's schema validator with its
format checkers (``rfc3987_syntax`` builds dozens of parsers at import). Here one process
imports them once (:func:`preload`), without the IRI format checker nothing in the book needs
(:func:`lean_imports`), then forks one child per edition; each child runs
``jupyter-book build`` in-process, its output going to the edition's log file. The children
share the imported modules (copy-on-write), so the editions cost their own reading and
writing only.

``python -m digecon_book.sphinxrun LOG -- ARGS… [++ LOG -- ARGS…]`` runs the builds whose
``jupyter-book`` arguments follow each ``LOG --``; each log ends with the line
``sphinxrun: exit <code>``, and the process exits with the first non-zero code.
``python -m digecon_book.sphinxrun --stdin`` imports first and then reads the jobs from one
line of JSON on its standard input (:func:`jobs_from`): the build starts it before the
notebooks run, so Sphinx is imported while they execute.

>>> split_jobs(["a.log", "--", "build", "x", "++", "b.log", "--", "build", "y"])
[('a.log', ['build', 'x']), ('b.log', ['build', 'y'])]
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import json
import os
import signal
import sys
import traceback
from collections.abc import Sequence
from typing import IO

#: modules a build imports, loaded once before forking (absent ones are skipped)
PRELOAD = (
    "jupyter_book.cli.main", "jupyter_book.sphinx", "jupyter_book.config",
    "sphinx.application", "sphinx.builders.html", "sphinx.environment", "sphinx.search",
    "docutils.parsers.rst", "nbformat", "jsonschema", "myst_parser", "myst_parser.sphinx_ext",
    "myst_nb", "myst_nb.sphinx_ext", "myst_nb.core.render", "sphinx_book_theme",
    "pydata_sphinx_theme", "sphinx_design", "sphinx_exercise", "sphinx_togglebutton",
    "sphinx_copybutton", "sphinx_comments", "sphinx_external_toc", "sphinx_jupyterbook_latex",
    "sphinx_multitoc_numbering", "sphinx_thebe", "sphinxcontrib.bibtex", "pybtex",
    "digecon_book.sphinxext", "digecon_book.bibstyle", "digecon_book.katex",
    "digecon_book.icons", "digecon_book.launch", "pygments.lexers.python",
    "pygments.formatters.html",
)
#: how much a process started early (``--stdin``) yields the processors to the build's other
#: work (``nice``): its imports are not needed until every notebook has run, while the kernel
#: server's are needed at once. Its edition builds inherit it, which on a quiet machine, with
#: nothing else to run, costs nothing.
EARLY_NICENESS = 10
#: optional format checkers of jsonschema that nothing in the book validates with, and that
#: cost seconds of CPU at import (``rfc3987_syntax`` compiles 39 Lark grammars)
UNUSED_FORMAT_CHECKERS = ("rfc3987_syntax",)


def lean_imports() -> None:
    """Keep :data:`UNUSED_FORMAT_CHECKERS` from being imported in this process (jsonschema
    imports them only if it can; the formats they check are then not checked).

    ``tests/test_build.py`` checks that a preloaded build process has jsonschema without it.
    """
    for name in UNUSED_FORMAT_CHECKERS:
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]


def cache_pybtex_plugins() -> bool:
    """Look each pybtex plugin up once per process, not once per citation.

    pybtex finds a plugin (a style, a name format, a label style) by scanning every installed
    package's entry points, about 20 ms each time; sphinxcontrib-bibtex asks for them for each
    citation, which made up a tenth of an edition's Sphinx time. The installed plugins do not
    change while a build runs, so the answer is remembered (failures are not). Returns whether
    pybtex is installed.
    """
    try:
        import pybtex.plugin as plugin
    except ImportError:  # pragma: no cover
        return False
    if not hasattr(plugin._load_entry_point, "cache_info"):
        plugin._load_entry_point = functools.cache(plugin._load_entry_point)
    return True


def preload() -> list[str]:
    """Import :data:`PRELOAD` (those installed); returns the modules imported."""
    lean_imports()
    done = []
    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:
            continue
        done.append(name)
    cache_pybtex_plugins()
    return done


def split_jobs(argv: Sequence[str]) -> list[tuple[str, list[str]]]:
    """``LOG -- ARGS… ++ LOG -- ARGS…`` as ``[(log, args), …]``."""
    jobs: list[tuple[str, list[str]]] = []
    part: list[str] = []
    for item in [*argv, "++"]:
        if item != "++":
            part.append(item)
            continue
        if part:
            if len(part) < 2 or part[1] != "--":
                raise ValueError(f"expected LOG -- ARGS…, got {part!r}")
            jobs.append((part[0], part[2:]))
        part = []
    return jobs


#: a step run in a build's own process, before or after ``jupyter-book build``:
#: ``["module:function", {keyword: value, ...}]`` (JSON, so paths are strings)
Step = tuple[str, dict]


def run_step(step: Step) -> object:
    """Call ``module:function`` of ``step`` with its keywords (paths as given, strings).

    >>> run_step(("posixpath:basename", {"p": "/a/b.txt"}))
    'b.txt'
    """
    module, _, name = step[0].partition(":")
    return getattr(importlib.import_module(module), name)(**step[1])


def _jupyter_book(args: list[str]) -> int:
    import click
    from jupyter_book.cli.main import main as jupyter_book

    try:
        jupyter_book.main(args=args, prog_name="jupyter-book", standalone_mode=False)
    except click.ClickException as err:  # a bad argument: the message and code of the CLI
        err.show()
        return err.exit_code
    except SystemExit as done:
        code = done.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0


def _run_in_child(log: str, args: list[str], before: Sequence[Step] = (),
                  after: Sequence[Step] = ()) -> int:
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.close(fd)
    try:
        for step in before:
            run_step(step)
        code = _jupyter_book(args)
        if code == 0:
            for step in after:
                run_step(step)
        return code
    except Exception:
        traceback.print_exc()
        return 1


def run(jobs: Sequence[tuple]) -> dict[str, int]:
    """Fork one child per job, all at once; ``{log: exit code}``.

    A job is ``(log, args)``, or ``(log, args, before, after)`` with lists of steps
    (:data:`Step`) the child runs before the build and after it succeeded (the editions are
    staged and finished this way, in parallel).
    """
    preload()
    sys.stdout.flush()
    sys.stderr.flush()
    children: dict[int, str] = {}
    for log, args, *steps in jobs:
        pid = os.fork()
        if pid == 0:  # the child: one edition, then leave without running the parent's exit
            code = 1
            try:
                code = _run_in_child(log, args, *steps)
            finally:
                # the last line of the log: what the parent of this process reads back
                print(f"sphinxrun: exit {code}", flush=True)
                exit_now(code)
        children[pid] = log
    codes: dict[str, int] = {}
    while children:
        pid, status = os.wait()
        if pid in children:
            codes[children.pop(pid)] = os.waitstatus_to_exitcode(status)
    return codes


def jobs_from(stream: IO[str]) -> list[tuple]:
    """The jobs of one line of JSON, ``[[LOG, [ARGS…]] or [LOG, [ARGS…], BEFORE, AFTER], …]``;
    none at the end of the stream.

    >>> import io
    >>> jobs_from(io.StringIO('[["a.log", ["build", "x"]]]\\n')), jobs_from(io.StringIO(""))
    ([('a.log', ['build', 'x'])], [])
    """
    line = stream.readline()
    if not line.strip():
        return []
    return [(str(log), [str(a) for a in args],
             *([[(str(f), dict(kw)) for f, kw in group] for group in steps]))
            for log, args, *steps in json.loads(line)]


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--stdin"]:
        # started early (while the notebooks run): import now, then wait for the jobs; a
        # Ctrl-C meanwhile is the build's to handle (it closes our input: no jobs)
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        # and gently: the notebooks wait for the kernel server's imports, not for these
        with contextlib.suppress(OSError, AttributeError):
            os.nice(EARLY_NICENESS)
        preload()
        jobs = jobs_from(sys.stdin)
        signal.signal(signal.SIGINT, previous)
    else:
        jobs = split_jobs(args)
    codes = run(jobs) if jobs else {}
    return next((c for c in codes.values() if c != 0), 0)


def exit_now(code: int) -> None:
    """End this process at once with ``code``, its output flushed: an orderly interpreter
    exit, freeing every module Sphinx imported, takes a third of a second that the build
    would wait for (and a forked edition build must not run its parent's exit)."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    exit_now(main())
