"""Warm kernels: one process imports the libraries once, and every notebook's kernel is a fork.

A Jupyter kernel started the usual way (``python -m ipykernel_launcher``) imports pandas,
matplotlib, statsmodels, pingouin and the book's own library before its first cell does any
work: about 2–3 CPU-seconds per notebook, most of a chapter's own cost. The build instead
starts one *kernel server* (``python -m digecon_book.kernels SOCKET``) that imports
:data:`PRELOAD` once and then waits on a Unix socket. For each notebook, papermill's kernel
manager (:class:`ForkedKernelManager`) asks the server for a kernel; the server forks, and the
child becomes an ordinary IPython kernel (``IPKernelApp``) on the connection file the manager
wrote. Papermill talks to it exactly as to any kernel: same messages, same interrupt (SIGINT to
its process group), same shutdown.

What the child inherits is only imported code, never data: the server loads no table, so a
notebook's trace of the tables it reads (``DIGECON_TRACE``) is complete. Settings a kernel reads
when its interpreter starts (``PYTHONHASHSEED``) are the server's, which the build starts with
the kernels' environment; the rest of the environment and the working folder are the
manager's, set in the child before the kernel starts.

Nothing outlives the build: the server stops when asked or when the build process dies, and a
kernel dies with the server (``PR_SET_PDEATHSIG``).

>>> request_line({"connection_file": "k.json", "argv": ["-f", "k.json"], "cwd": "/tmp", "env": {}})
b'{"argv": ["-f", "k.json"], "connection_file": "k.json", "cwd": "/tmp", "env": {}}\\n'
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import importlib
import importlib.util
import json
import os
import pkgutil
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from queue import Empty
from typing import Any

from jupyter_client.blocking.client import BlockingKernelClient
from jupyter_client.manager import KernelManager
from jupyter_client.utils import run_sync
from jupyter_core.utils import ensure_async

#: imported once by the server, so that no kernel imports them again: the chapters' libraries,
#: then what a kernel imports while it starts (its debugger, history, completer) and what the
#: chapters' tables and figures import on first use (measured: ``sys.modules`` of each kernel
#: at the end of its notebook, less the server's)
PRELOAD = (
    "numpy", "pandas", "scipy.stats", "matplotlib", "matplotlib.pyplot", "seaborn",
    "statsmodels.api", "statsmodels.formula.api", "pingouin", "IPython", "ipykernel.kernelapp",
    "ipykernel.ipkernel", "matplotlib_inline.backend_inline",
    "ipykernel.debugger", "IPython.core.completerlib", "IPython.core.debugger",
    "IPython.core.oinspect", "IPython.core.logger", "IPython.extensions.storemagic",
    "sqlite3", "tornado.queues", "tornado.locks", "tornado.platform.asyncio",
    "matplotlib.backends.backend_svg", "pandas.io.formats.html", "pandas.io.formats.string",
    "pandas.core.reshape.reshape", "statsmodels.stats.outliers_influence",
)
#: the library the chapters import: every module of these packages
PRELOAD_PACKAGES = ("digecon",)
#: what the server answers when it cannot fork a kernel
ERROR = "error"
#: the environment variable through which build workers find the server
ADDRESS_VARIABLE = "DIGECON_KERNEL_SERVER"
#: what ipykernel sets before the first import of matplotlib in a kernel; set before preloading
KERNEL_MPLBACKEND = "module://matplotlib_inline.backend_inline"


def request_line(request: Mapping[str, Any]) -> bytes:
    """One request to the server: a JSON object on one line (keys sorted)."""
    return (json.dumps(dict(request), sort_keys=True) + "\n").encode("utf-8")


def _die_with_parent(signum: int = signal.SIGTERM) -> None:
    """Ask Linux to send ``signum`` to this process when its parent dies (no-op elsewhere)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signum))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass


def remember_text_sizes() -> None:
    """Measure each text once per kernel: matplotlib measures a string again for every figure.

    Matplotlib keeps the sizes of texts per renderer, and each figure has renderers of its
    own, so the three languages' copies of a chart measure every tick label, title and legend
    entry again (about a quarter of a millisecond each, half of them repeats). The two
    measuring methods here, of the PNG renderer and of the text-to-path engine the SVG
    renderer uses, are pure: the size depends on the string, the font files its properties
    resolve to, the size and resolution and the hinting settings, all of which are in the
    key. Mathematical texts are measured as before. Only the build's kernels do this (it is
    installed by :func:`preload`); the images they write are the same.

    >>> remember_text_sizes(); remember_text_sizes()  # installed once, however often called
    >>> from matplotlib.textpath import TextToPath
    >>> TextToPath.get_text_width_height_descent.remembers
    True
    """
    import matplotlib as mpl
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import fontManager
    from matplotlib.textpath import TextToPath

    def remembering(measure: Any) -> Any:
        if getattr(measure, "remembers", False):
            return measure
        sizes: dict[tuple, tuple[float, float, float]] = {}

        def measured(self: Any, s: str, prop: Any, ismath: Any) -> Any:
            if ismath:
                return measure(self, s, prop, ismath)
            key = (s, tuple(fontManager._find_fonts_by_props(prop)),
                   prop.get_size_in_points(), getattr(self, "dpi", None),
                   mpl.rcParams["text.hinting"], mpl.rcParams["text.hinting_factor"],
                   mpl.rcParams["text.kerning_factor"])
            if key not in sizes:
                sizes[key] = measure(self, s, prop, ismath)
            return sizes[key]

        measured.remembers = True  # type: ignore[attr-defined]
        return measured

    for cls in (RendererAgg, TextToPath):
        cls.get_text_width_height_descent = remembering(cls.get_text_width_height_descent)


def preload() -> list[str]:
    """Import :data:`PRELOAD` and every module of :data:`PRELOAD_PACKAGES` (those installed).

    Returns the names imported. The book's library modules load no data when imported.
    """
    from digecon_book.sphinxrun import lean_imports

    lean_imports()
    os.environ.setdefault("MPLBACKEND", KERNEL_MPLBACKEND)
    # the debugger's warning about frozen modules, which ipykernel silences the same way
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    done = []
    names = list(PRELOAD)
    for package in PRELOAD_PACKAGES:
        try:
            mod = importlib.import_module(package)
        except ImportError:
            continue
        names += [info.name for info in pkgutil.walk_packages(mod.__path__, f"{package}.")]
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # a module that cannot be imported here is imported by the kernel
            continue
        done.append(name)
    remember_text_sizes()
    return done


# --------------------------------------------------------------------------------------------
# the server


def _become_kernel(request: dict) -> None:
    """In the forked child: become an IPython kernel on the request's connection file."""
    _die_with_parent(signal.SIGTERM)
    os.setsid()  # its own process group: an interrupt reaches the kernel and what it starts
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    from ipykernel.kernelapp import IPKernelApp

    # the kernel watches its parent, the server (as a launched kernel watches JPY_PARENT_PID,
    # which ipykernel reads when it is imported, here before the environment was set)
    launcher = importlib.util.find_spec("ipykernel_launcher")
    sys.argv = [launcher.origin if launcher and launcher.origin else "ipykernel_launcher",
                *request["argv"], f"--IPKernelApp.parent_handle={os.getppid()}"]
    IPKernelApp.launch_instance()


def serve(address: str) -> None:
    """Listen on ``address`` (a Unix socket path), preload, and fork a kernel per request.

    A request is one line of JSON (:func:`request_line`); the answer is the kernel's process
    id, or ``error: …``. The line ``stop`` ends the server and every kernel it started.
    """
    _die_with_parent(signal.SIGTERM)
    # as ipykernel_launcher does: the folder the server started in is not on a kernel's path
    # (IPython puts the kernel's own working folder there, as "")
    if sys.path and sys.path[0] in ("", os.getcwd()):
        del sys.path[0]
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(address)
    listener.listen(16)  # requests wait here while the libraries are imported
    preload()
    children: set[int] = set()

    def reap(*_: object) -> None:
        for pid in list(children):
            with contextlib.suppress(ChildProcessError):
                if os.waitpid(pid, os.WNOHANG)[0] == pid:
                    children.discard(pid)

    def stop(*_: object) -> None:
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
        # at once: an interpreter's orderly exit, freeing every preloaded module, takes a
        # third of a second, for which the build would wait (nothing here needs flushing)
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the build decides when the server stops
    parent = os.getppid()
    while True:
        ready, _, _ = select.select([listener], [], [], 1.0)
        reap()
        if os.getppid() != parent:
            stop()
        if not ready:
            continue
        conn, _ = listener.accept()
        with conn:
            line = conn.makefile("rb").readline().decode("utf-8").strip()
            if line == "stop":
                conn.sendall(b"ok\n")
                stop()
            try:
                request = json.loads(line)
                pid = os.fork()
            except Exception as exc:
                conn.sendall(f"{ERROR}: {exc}\n".encode())
                continue
            if pid == 0:  # the child: never return to this loop
                code = 0
                try:
                    listener.close()
                    conn.close()
                    _become_kernel(request)
                except BaseException:
                    code = 1
                finally:
                    os._exit(code)
            children.add(pid)
            conn.sendall(f"{pid}\n".encode())


def _ask(address: str, line: bytes, timeout: float = 120.0) -> str:
    """Send one request line to the server at ``address``; its one-line answer.

    A server that is still starting (its socket not yet there) is waited for.
    """
    deadline = time.monotonic() + timeout
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(timeout)
        while True:
            try:
                conn.connect(address)
                break
            except (FileNotFoundError, ConnectionRefusedError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        conn.sendall(line)
        return conn.makefile("rb").readline().decode("utf-8").strip()


@contextlib.contextmanager
def kernel_server(env: Mapping[str, str] | None = None) -> Iterator[str]:
    """Run a kernel server for the duration of the block; yields its address.

    The address is also put in ``os.environ[ADDRESS_VARIABLE]``, which the build's workers
    inherit. ``env`` is added to the server's environment (the kernels' start-up settings).
    """
    folder = tempfile.mkdtemp(prefix="digecon-kernels-")
    address = os.path.join(folder, "server")
    proc = subprocess.Popen(
        [sys.executable, "-m", "digecon_book.kernels", address],
        env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL,
    )
    previous = os.environ.get(ADDRESS_VARIABLE)
    os.environ[ADDRESS_VARIABLE] = address
    try:
        yield address
    finally:
        if previous is None:
            os.environ.pop(ADDRESS_VARIABLE, None)
        else:
            os.environ[ADDRESS_VARIABLE] = previous
        with contextlib.suppress(OSError):
            _ask(address, b"stop\n", timeout=5.0)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        with contextlib.suppress(OSError):
            os.unlink(address)
        with contextlib.suppress(OSError):
            os.rmdir(folder)


# --------------------------------------------------------------------------------------------
# the kernel manager's side


class ForkedProcess:
    """A kernel forked by the server, handled like the ``Popen`` of a local kernel.

    It is not this process's child, so it is watched through a Linux *pidfd*.
    """

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        try:
            self._fd: int | None = os.pidfd_open(pid)
        except (OSError, AttributeError):  # already gone, or no pidfd: poll by signal 0
            self._fd = None

    def _alive(self, timeout: float = 0.0) -> bool:
        if self._fd is not None:
            return not select.select([self._fd], [], [], timeout)[0]
        deadline = time.monotonic() + timeout
        while True:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                return False
            if time.monotonic() >= deadline:
                return True
            time.sleep(0.05)

    def poll(self) -> int | None:
        """``None`` while the kernel runs, then 0."""
        if self.returncode is None and not self._alive():
            self.returncode = 0
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """Wait until the kernel has ended (at most ``timeout`` seconds)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            left = 1.0 if deadline is None else deadline - time.monotonic()
            if left <= 0:
                raise subprocess.TimeoutExpired(f"kernel {self.pid}", timeout or 0)
            self._alive(min(left, 1.0))
        return 0

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


class ReadyClient(BlockingKernelClient):
    """A kernel client that is ready as soon as the kernel answers.

    jupyter_client's ``wait_for_ready`` ends by reading IOPub until it has been silent for
    0.2 s: idle time at every kernel start. The messages it drops are the kernel's status
    around ``kernel_info``, and a notebook client reads only the replies to its own requests,
    so this one takes what IOPub already holds and goes on.
    """

    #: how long IOPub must be silent after the reply (jupyter_client waits 0.2 s)
    quiet = 0.005

    async def _async_wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                msg = await ensure_async(self.shell_channel.get_msg(timeout=1))
            except Empty:
                msg = None
            if msg is not None and msg["msg_type"] == "kernel_info_reply":
                try:  # IOPub is connected once the kernel's status reaches it; else ask again
                    await ensure_async(self.iopub_channel.get_msg(timeout=0.2))
                except Empty:
                    pass
                else:
                    self._handle_kernel_info_reply(msg)
                    break
            if not await ensure_async(self._async_is_alive()):
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:.0f} seconds")
        while True:
            try:
                await ensure_async(self.iopub_channel.get_msg(timeout=self.quiet))
            except Empty:
                break

    wait_for_ready = run_sync(_async_wait_for_ready)


class ForkedKernelManager(KernelManager):
    """A kernel manager whose kernels are forks of the kernel server at ``$DIGECON_KERNEL_SERVER``.

    Without a server (or for a kernel that is not ipykernel) it starts kernels the usual way.
    Its clients are :class:`ReadyClient`, and a killed kernel is waited for in steps of 5 ms
    (jupyter_client polls every 0.1 s).
    """

    client_class = "digecon_book.kernels.ReadyClient"

    async def _async_wait(self, pollinterval: float = 0.005) -> None:
        while await self._async_is_alive():
            await asyncio.sleep(pollinterval)

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
        address = os.environ.get(ADDRESS_VARIABLE)
        marker = "ipykernel_launcher"
        if not address or marker not in kernel_cmd or self.provisioner is None:
            return await super()._async_launch_kernel(kernel_cmd, **kw)
        argv = kernel_cmd[kernel_cmd.index(marker) + 1:]
        env = dict(kw.get("env") or os.environ)
        cwd = str(kw.get("cwd") or os.getcwd())
        answer = _ask(address, request_line(
            {"connection_file": self.connection_file, "argv": argv, "cwd": cwd, "env": env}))
        if not answer.isdigit():
            raise RuntimeError(f"the kernel server could not start a kernel: {answer}")
        pid = int(answer)
        prov = self.provisioner
        prov.process = ForkedProcess(pid)  # type: ignore[attr-defined]
        prov.pid = pid  # type: ignore[attr-defined]
        prov.pgid = pid  # type: ignore[attr-defined]  # the kernel leads its own group
        prov.cwd = cwd  # type: ignore[attr-defined]
        self._reconcile_connection_info(prov.connection_info)  # type: ignore[attr-defined]


if __name__ == "__main__":
    serve(sys.argv[1])
