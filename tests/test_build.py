"""The build pipeline: cache keys, parallel papermill execution, failures, staging."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from digecon_book import build

TOC = "format: jb-book\nroot: book/intro\nchapters:\n- file: book/a\n- file: book/b\n"


def tiny_book(tmp: Path, body_b: str = "x = 2") -> Path:
    """A two-notebook book with the library files the cache key reads."""
    (tmp / "book").mkdir(parents=True)
    (tmp / "data").mkdir()
    (tmp / "src" / "digecon").mkdir(parents=True)
    (tmp / "src" / "digecon" / "__init__.py").write_text("", encoding="utf-8")
    (tmp / "_toc.yml").write_text(TOC, encoding="utf-8")
    (tmp / "book" / "intro.md").write_text("# Intro\n", encoding="utf-8")
    (tmp / "data" / "datapackage.json").write_text('{"resources": []}', encoding="utf-8")
    for name, body in (("a", "x = 1"), ("b", body_b)):
        nb = nbformat.v4.new_notebook()
        params = nbformat.v4.new_code_cell('lang = "kk"')
        params.metadata["tags"] = ["parameters"]
        nb.cells = [params, nbformat.v4.new_code_cell(body)]
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                     "language": "python"}
        nbformat.write(nb, tmp / "book" / f"{name}.ipynb")
    return tmp


@pytest.mark.book
def test_cache_executes_only_what_changed(tmp_path):
    root = tiny_book(tmp_path)
    stage = root / "_build" / "stage"
    first = build.execute(root, stage, jobs=2)
    assert sorted(r.status for r in first) == ["executed", "executed"]
    second = build.execute(root, stage, jobs=2)
    assert sorted(r.status for r in second) == ["cached", "cached"]
    nb = nbformat.read(root / "book" / "b.ipynb", as_version=4)
    nb.cells[1].source = "x = 3"
    nbformat.write(nb, root / "book" / "b.ipynb")
    third = {r.notebook: r.status for r in build.execute(root, stage, jobs=2)}
    assert third == {"book/a.ipynb": "cached", "book/b.ipynb": "executed"}
    (root / "src" / "digecon" / "__init__.py").write_text("# changed\n", encoding="utf-8")
    fourth = {r.notebook: r.status for r in build.execute(root, stage, jobs=2)}
    assert set(fourth.values()) == {"executed"}


@pytest.mark.book
def test_parameter_cells_are_collapsed_and_records_stored(tmp_path):
    root = tiny_book(tmp_path)
    stage = root / "_build" / "stage"
    build.execute(root, stage, jobs=1)
    nb = json.loads((stage / "book" / "a.ipynb").read_text(encoding="utf-8"))
    # collapsed, not removed: the exercises ask readers to change these parameters
    tags = nb["cells"][0]["metadata"]["tags"]
    assert "hide-input" in tags and "remove-cell" not in tags
    rec = nb["metadata"]["digecon"]
    assert rec["status"] == "ok" and rec["python"].startswith("3.11")
    assert rec["packages"]["papermill"] != "-"


@pytest.mark.book
def test_a_failing_notebook_stops_the_build_and_shows_the_cell(tmp_path, capsys):
    root = tiny_book(tmp_path, body_b="raise ValueError('boom in b')")
    (root / "_build" / "html").mkdir(parents=True)
    (root / "_build" / "html" / "index.html").write_text("stale", encoding="utf-8")
    code = build.build(root, jobs=2)
    err = capsys.readouterr().err
    assert code == 1
    assert "FAILED book/b.ipynb" in err
    assert "raise ValueError('boom in b')" in err and "boom in b" in err
    assert not (root / "_build" / "html").exists(), "a failed build must leave nothing to publish"


def test_toc_documents_reads_parts(tmp_path):
    (tmp_path / "_toc.yml").write_text(
        "format: jb-book\nroot: book/intro\nparts:\n- caption: A\n  chapters:\n"
        "  - file: book/x\n    sections:\n    - file: book/y\n- caption: B\n  chapters:\n"
        "  - file: book/z.ipynb\n", encoding="utf-8")
    docs = build.toc_documents(tmp_path / "_toc.yml")
    assert docs == ["book/intro", "book/x", "book/y", "book/z"]


def test_cache_key_depends_on_the_data_a_notebook_read(tmp_path):
    root = tiny_book(tmp_path)
    pkg = {"resources": [{"name": "t1", "path": "t1.csv"}, {"name": "t2", "path": "t2.csv"}]}
    (root / "data" / "datapackage.json").write_text(json.dumps(pkg), encoding="utf-8")
    (root / "data" / "t1.csv").write_text("a\n1\n", encoding="utf-8")
    (root / "data" / "t2.csv").write_text("a\n1\n", encoding="utf-8")
    nb = root / "book" / "a.ipynb"
    key = build.cache_key(nb, root, ["t1"])
    (root / "data" / "t2.csv").write_text("a\n2\n", encoding="utf-8")
    assert build.cache_key(nb, root, ["t1"]) == key, "a table the notebook never read"
    (root / "data" / "t1.csv").write_text("a\n2\n", encoding="utf-8")
    assert build.cache_key(nb, root, ["t1"]) != key


def test_stage_copies_only_changed_files(tmp_path):
    root = tiny_book(tmp_path)
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    stage = root / "_build" / "stage"
    build.stage_sources(root, stage)
    target = stage / "book" / "intro.md"
    mtime = target.stat().st_mtime_ns
    build.stage_sources(root, stage)
    assert target.stat().st_mtime_ns == mtime
    shutil.rmtree(stage)


def _kernels(server: int | None = None) -> list:
    """Kernel processes started by this test process (children at any depth): launched ones
    (``ipykernel_launcher``) and forks of the kernel server ``server`` (the server excluded)."""
    import psutil

    found = []
    for proc in psutil.Process().children(recursive=True):
        try:
            line = " ".join(proc.cmdline())
            if "ipykernel" in line or ("digecon_book.kernels" in line and proc.pid != server):
                found.append(proc)
        except psutil.Error:  # ended while we looked
            pass
    return found


def _server_pid() -> int:
    import psutil

    return next(p.pid for p in psutil.Process().children()
                if "digecon_book.kernels" in " ".join(p.cmdline()))


@pytest.mark.book
@pytest.mark.parametrize("forked", [False, True], ids=["launched", "forked"])
def test_no_kernel_outlives_its_notebook(tmp_path, forked):
    from digecon_book.kernels import kernel_server

    root = tiny_book(tmp_path, body_b="raise ValueError('boom')")
    stage = root / "_build" / "stage" / "book"
    with kernel_server() if forked else contextlib.nullcontext():
        server = _server_pid() if forked else None
        for name, status in (("a", "executed"), ("b", "failed")):
            res = build.execute_one(str(root / "book" / f"{name}.ipynb"),
                                    str(stage / f"{name}.ipynb"), str(root))
            assert res.status == status
            assert _kernels(server) == [], f"a kernel still runs after {name}.ipynb {status}"


@pytest.mark.book
def test_a_forked_kernel_is_a_fork_of_the_server_and_ends_with_it(tmp_path):
    """The kernel of a notebook is a child of the kernel server (so it imported nothing
    itself), and stopping the server leaves no kernel behind even if one was not shut down."""
    import psutil

    from digecon_book.kernels import ForkedKernelManager, ReadyClient, kernel_server

    with kernel_server() as address:
        server = _server_pid()
        km = ForkedKernelManager(kernel_name="python3", transport="ipc",
                                 ip=os.path.join(os.path.dirname(address), "k"))
        km.start_kernel()
        kernel = km.provisioner.pid
        assert psutil.Process(kernel).ppid() == server
        client = km.client()
        # ready once the kernel answers (no 0.2 s wait for silence on IOPub): the status
        # messages of its kernel_info may come later, the client reads only its own replies
        assert isinstance(client, ReadyClient) and client.quiet < 0.2
        client.start_channels()
        client.wait_for_ready(timeout=60)
        client.execute("import sys; print('pandas' in sys.modules, sys.argv[0])")
        text = ""
        while True:
            msg = client.get_iopub_msg(timeout=60)
            if msg["msg_type"] == "stream":
                text += msg["content"]["text"]
            if (msg["msg_type"], msg["content"].get("execution_state")) == ("status", "idle") \
                    and msg["parent_header"].get("msg_type") == "execute_request":
                break
        # preloaded by the server, yet a kernel like a launched one (ipykernel_launcher)
        assert text.startswith("True ") and text.strip().endswith("ipykernel_launcher.py"), text
        client.stop_channels()
    # the server is gone, and the kernel it forked (never shut down) with it
    assert not psutil.pid_exists(server) or psutil.Process(server).status() == "zombie"
    _, alive = psutil.wait_procs([psutil.Process(kernel)] if psutil.pid_exists(kernel)
                                    else [], timeout=20)
    assert alive == []


SLOW = """import os, pathlib, time
pathlib.Path("started").write_text(str(os.getpid()))
time.sleep(300)"""


@pytest.mark.book
def test_ctrl_c_while_a_notebook_runs_stops_everything_and_removes_the_book(tmp_path):
    import psutil

    root = tiny_book(tmp_path, body_b=SLOW)
    html = root / "_build" / "html"
    html.mkdir(parents=True)
    (html / "index.html").write_text("the previous book", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "digecon_book.build", "--root", str(root)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    started = root / "book" / "started"
    deadline = time.monotonic() + 240
    while not started.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.5)
    assert started.exists(), proc.communicate(timeout=60)
    kernel = int(started.read_text())
    proc.send_signal(signal.SIGINT)  # Ctrl-C
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, out + err
    assert err.strip().endswith(
        "The build was interrupted: _build/html was removed, because it would not match the "
        "sources. Run `make book` again to build the book.")
    assert not html.exists()
    gone, _ = psutil.wait_procs([psutil.Process(kernel)] if psutil.pid_exists(kernel) else [],
                                timeout=20)
    assert not psutil.pid_exists(kernel) or gone, "the kernel of the interrupted notebook runs on"


DETERMINISM_CONFIG = """title: t
only_build_toc_files: true
execute:
  execute_notebooks: "off"
"""

FIGURE = """from digecon import plots
import matplotlib.pyplot as plt
%config InlineBackend.figure_formats = ["svg"]
plots.setup()
print({"kk", "ru", "en", "egdi", "osi", "tii", "hci"})  # order follows the string hashes
fig, ax = plt.subplots()
ax.plot([1, 2, 3], [3, 1, 2], label="a")
ax.legend()
plt.show()"""

#: what may differ between two executions: when they ran and how long they took
TIMING_KEYS = {"papermill", "execution"}


def _without_timing(path: Path | bytes) -> dict:
    text = path if isinstance(path, bytes) else path.read_bytes()
    nb = json.loads(text.decode("utf-8"))
    for meta in [nb["metadata"], *(cell["metadata"] for cell in nb["cells"])]:
        for key in TIMING_KEYS:
            meta.pop(key, None)
    for key in ("seconds", "executed_at"):
        nb["metadata"].get("digecon", {}).pop(key, None)  # student notebooks carry no record
    return nb


@pytest.mark.book
def test_two_builds_of_the_same_sources_are_byte_identical(tmp_path):
    root = tiny_book(tmp_path, body_b=FIGURE)
    (root / "_config.yml").write_text(DETERMINISM_CONFIG, encoding="utf-8")
    for name in ("a", "b"):  # a page needs a title
        nb = nbformat.read(root / "book" / f"{name}.ipynb", as_version=4)
        nb.cells.insert(0, nbformat.v4.new_markdown_cell(f"# Page {name}"))
        nbformat.write(nb, root / "book" / f"{name}.ipynb")
    html = root / "_build" / "html"
    snapshots = []
    for _ in range(2):
        assert build.build(root, jobs=2, force=True) == 0
        pages = {p.relative_to(html).as_posix(): p.read_bytes()
                 for p in sorted(html.rglob("*")) if p.is_file()}
        notebooks = {nb: _without_timing(root / "_build" / "stage" / "book" / nb)
                     for nb in ("a.ipynb", "b.ipynb")}
        snapshots.append((pages, notebooks))
        # the second build renders from scratch too (Sphinx's work folders of every edition)
        for work in ("render", "editions"):
            shutil.rmtree(root / "_build" / work, ignore_errors=True)
    (pages1, nbs1), (pages2, nbs2) = snapshots
    assert any(name.endswith(".svg") or b"<svg" in data for name, data in pages1.items())
    assert nbs1 == nbs2
    assert sorted(pages1) == sorted(pages2)
    # the notebooks offered for download record when they ran: compare them without that
    sources = sorted(name for name in pages1 if name.endswith(".ipynb"))
    assert sources == sorted(f"{lang}/{folder}/{nb}.ipynb" for lang in ("kk", "ru", "en")
                             for folder in ("_sources/book", "notebooks") for nb in ("a", "b"))
    for name in sources:
        assert _without_timing(pages1.pop(name)) == _without_timing(pages2.pop(name))
    differ = [name for name in pages1 if pages1[name] != pages2[name]]
    assert differ == [], f"pages that differ between two builds: {differ}"


def test_the_sphinx_process_loads_sphinx_once_without_the_iri_parsers(tmp_path):
    # digecon_book.sphinxrun imports Sphinx, jupyter-book and nbformat's jsonschema before
    # forking the editions, but not rfc3987_syntax (39 Lark grammars compiled at import)
    probe = (
        "import sys\n"
        "from digecon_book import sphinxrun\n"
        "done = sphinxrun.preload()\n"
        "print('jupyter_book.cli.main' in done, 'sphinx.application' in sys.modules,\n"
        "      'jsonschema' in sys.modules, sys.modules.get('rfc3987_syntax', 'absent'))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["True", "True", "True", "None"]


def test_pybtex_plugins_are_looked_up_once_and_the_book_styles_still_found():
    import pybtex.plugin

    from digecon_book import bibstyle, sphinxrun

    assert sphinxrun.cache_pybtex_plugins()
    plain = pybtex.plugin.find_plugin("pybtex.style.formatting", "plain")
    hits = pybtex.plugin._load_entry_point.cache_info().hits
    assert pybtex.plugin.find_plugin("pybtex.style.formatting", "plain") is plain
    assert pybtex.plugin._load_entry_point.cache_info().hits == hits + 1  # not scanned again
    style = pybtex.plugin.find_plugin("pybtex.style.formatting", "digecon_kk")
    assert style.__name__ == "DigeconPlain_kk" and issubclass(style, bibstyle.PlainStyle)
    with pytest.raises(pybtex.plugin.PluginNotFound):
        pybtex.plugin.find_plugin("pybtex.style.formatting", "no-such-style")


def test_kernels_measure_each_text_once_and_draw_the_same_images():
    # in a process of its own: the kernel server's preload changes matplotlib's classes
    probe = """
import matplotlib; matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath
from digecon import plots
from digecon_book import kernels

def chart(title):
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([2019, 2020, 2021], [0.5, 0.25, 0.75], label="Қазақстан")
    ax.set_title(title); ax.set_xlabel("$x^2$ жыл"); ax.legend(); fig.tight_layout()
    return fig

from matplotlib.backends.backend_agg import RendererAgg
before = [plots.svg_bytes(chart(t)) + plots.png_bytes(chart(t)) for t in ("a", "ә")]
own = TextToPath.get_text_width_height_descent, RendererAgg.get_text_width_height_descent
calls = []
def counted(self, s, prop, ismath):
    calls.append(s)
    return (len(s), 1.0, 0.5)
TextToPath.get_text_width_height_descent = counted
kernels.remember_text_sizes()
one = TextToPath.get_text_width_height_descent
nine, ten = FontProperties(size=9), FontProperties(size=10)
sizes = [one(TextToPath(), "0,5", nine, False), one(TextToPath(), "0,5", nine.copy(), False),
         one(TextToPath(), "0,5", ten, False), one(TextToPath(), "$x$", nine, True),
         one(TextToPath(), "$x$", nine, True)]
print(calls == ["0,5", "0,5", "$x$", "$x$"], sizes[0] == sizes[1] == (3, 1.0, 0.5))
TextToPath.get_text_width_height_descent, RendererAgg.get_text_width_height_descent = own
kernels.remember_text_sizes()  # now remembering what matplotlib measures
after = [plots.svg_bytes(chart(t)) + plots.png_bytes(chart(t)) for t in ("a", "ә")]
remembering = all(getattr(cls.get_text_width_height_descent, "remembers", False)
                  for cls in (TextToPath, RendererAgg))
print(remembering and before == after)
"""
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["True", "True", "True"]


def test_sphinxrun_forks_one_build_per_job_and_reports_each_exit_code(tmp_path):
    # two "builds" through the same entry point: one fails (no such source folder), one
    # prints the help; each log ends with its child's exit status
    from digecon_book import sphinxrun

    bad, ok = tmp_path / "bad.log", tmp_path / "ok.log"
    code = subprocess.run(
        [sys.executable, "-m", "digecon_book.sphinxrun",
         str(bad), "--", "build", str(tmp_path / "missing"),
         "++", str(ok), "--", "build", "--help"], check=False).returncode
    assert code != 0
    assert bad.read_text(encoding="utf-8").rstrip().endswith("sphinxrun: exit 2")
    assert ok.read_text(encoding="utf-8").rstrip().endswith("sphinxrun: exit 0")
    assert "--path-output" in ok.read_text(encoding="utf-8")
    assert sphinxrun.split_jobs(["a", "--", "x"]) == [("a", ["x"])]


def test_sphinxrun_runs_each_jobs_steps_before_and_after_a_successful_build(tmp_path):
    """An edition is staged before its build and finished after it, in its own process; a
    failed build is not finished. Steps here copy a file, so each leaves a trace."""
    seed = tmp_path / "seed.txt"
    seed.write_text("x", encoding="utf-8")

    def copy(name: str) -> list:
        return [["shutil:copyfile", {"src": str(seed), "dst": str(tmp_path / name)}]]

    jobs = [[str(tmp_path / "bad.log"), ["build", str(tmp_path / "missing")],
             copy("bad-before"), copy("bad-after")],
            [str(tmp_path / "ok.log"), ["build", "--help"], copy("ok-before"), copy("ok-after")]]
    subprocess.run([sys.executable, "-m", "digecon_book.sphinxrun", "--stdin"],
                   input=json.dumps(jobs) + "\n", text=True, check=False)
    done = sorted(p.name for p in tmp_path.iterdir() if "-" in p.name)
    assert done == ["bad-before", "ok-after", "ok-before"]


def test_the_longest_notebooks_run_first(tmp_path):
    """Two workers end together when the longest chapters start first: the last run's
    seconds when known, else the length of the code."""
    def notebook(name: str, code: str, seconds: float | None = None) -> Path:
        nb = {"cells": [{"cell_type": "code", "source": [code]}], "metadata": {}}
        if seconds is not None:
            nb["metadata"]["digecon"] = {"seconds": seconds}
        path = tmp_path / f"{name}.ipynb"
        path.write_text(json.dumps(nb), encoding="utf-8")
        return path

    short, long_, ran = (notebook("short", "x = 1\n"), notebook("long", "x = 1\n" * 5000),
                         notebook("ran", "x = 1\n"))
    record = notebook("ran-before", "", seconds=100.0)
    todo = [(short, tmp_path / "no-record.ipynb"), (long_, tmp_path / "no-record.ipynb"),
            (ran, record)]
    assert [nb.name for nb, _ in build.longest_first(todo)] == [
        "ran.ipynb", "long.ipynb", "short.ipynb"]
