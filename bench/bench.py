"""Benchmark of the book's build and pages (``make bench``): writes ``_build/bench.json``.

On a temporary copy of the repository, from the ready environment:

a. the book executed and built from a cold cache (fresh ``_build``):
   ``python -m digecon_book.build``;
b. the baseline: plain ``jupyter-book build --all`` of the source book with
   ``execute_notebooks: force`` (jupyter-book executes every notebook itself, serially), and the
   ratio a/b;
c. a rebuild with nothing changed;
d. a rebuild after a trivial edit of one chapter (a space in a Markdown cell), with the number of
   notebooks it executed (from ``_build/executions.jsonl``);
e. per edition (``_build/html/{kk,ru,en}`` when the book is built in editions, else the one
   book), each page served with gzip on 127.0.0.1 in Chromium: the bytes transferred (gzipped)
   at first load and after scrolling to the end, and load times;
f. Lighthouse (npm ``lighthouse``, mobile profile, Chromium from ``CHROMIUM``) of every chapter
   page: performance, largest contentful paint, accessibility.

Every build reports wall seconds and CPU seconds (user + system of the build and every process
it starts, kernels included, sampled from ``/proc``), and the peak memory of the whole process
tree (PSS, from ``/proc/<pid>/smaps_rollup``).

Prints a Markdown table, and writes it between ``<!-- bench:start -->`` and
``<!-- bench:end -->`` in README.md when the markers are there.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from digecon_book import appendix, build, pages  # noqa: E402

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))  # Debian's; CHROMIUM overrides
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
IGNORE = shutil.ignore_patterns(
    ".venv", "_build", ".git", "node", ".ruff_cache", "__pycache__", "*.egg-info",
    ".ipynb_checkpoints",
)
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
T0 = time.perf_counter()


def say(msg: str) -> None:
    print(f"[bench {time.perf_counter() - T0:6.0f} s] {msg}", flush=True)


def copy_repo(src: Path, dst: Path) -> Path:
    """A copy of the repository without its environment and build; npm assets are linked."""
    shutil.copytree(src, dst, ignore=IGNORE, symlinks=True)
    if (src / "tools" / "node").is_dir():  # MathJax and axe-core from npm
        (dst / "tools" / "node").symlink_to(src / "tools" / "node", target_is_directory=True)
    return dst


def env_for(copy: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["DIGECON_DATA"] = str(copy / "data")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(copy / "src"), env.get("PYTHONPATH")]))
    env.setdefault("MPLBACKEND", "Agg")
    return env



class TreeSampler(threading.Thread):
    """CPU seconds and peak PSS of a process and all its descendants, sampled from /proc."""

    def __init__(self, pid: int, every: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.members: set[int] = {pid}
        self.cpu: dict[int, float] = {}
        self.peak_pss_kb = 0
        self.done = threading.Event()
        self.tick = os.sysconf("SC_CLK_TCK")

    def _stat(self, pid: int) -> tuple[int, float] | None:
        try:
            text = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            return None
        fields = text.rsplit(")", 1)[1].split()
        return int(fields[1]), (int(fields[11]) + int(fields[12])) / self.tick

    def sample(self) -> None:
        stats = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                st = self._stat(int(entry))
                if st:
                    stats[int(entry)] = st
        changed = True
        while changed:  # descendants: a process whose parent is a member (once one, always)
            changed = False
            for pid, (ppid, _) in stats.items():
                if pid not in self.members and ppid in self.members:
                    self.members.add(pid)
                    changed = True
        pss = 0
        for pid in self.members & stats.keys():
            self.cpu[pid] = max(self.cpu.get(pid, 0.0), stats[pid][1])
            try:
                for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1])
                        break
            except OSError:
                continue
        self.peak_pss_kb = max(self.peak_pss_kb, pss)

    def run(self) -> None:
        while not self.done.is_set():
            self.sample()
            time.sleep(self.every)

    def stop(self) -> None:
        self.done.set()
        self.join()

    @property
    def cpu_seconds(self) -> float:
        return sum(self.cpu.values())

#: CPU seconds and peak PSS (MB) of the last command run by :func:`timed`
LAST: dict[str, float] = {}


def timed(cmd: list[str], cwd: Path, env: dict[str, str], log: Path) -> tuple[float, int]:
    """Run ``cmd``, its output to ``log``; returns (seconds, exit code). CPU seconds and peak
    memory of its whole process tree go to :data:`LAST`."""
    start = time.perf_counter()
    with open(log, "w", encoding="utf-8") as fh:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=fh, stderr=subprocess.STDOUT)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        code = proc.wait()
        sampler.sample()
        sampler.stop()
    seconds = time.perf_counter() - start
    LAST.update(cpu=round(sampler.cpu_seconds, 1), peak_pss_mb=round(sampler.peak_pss_kb / 1024))
    if code != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        say(f"command failed ({code}): {' '.join(cmd)}\n{tail}")
    return seconds, code


def digecon_build(copy: Path, log: Path) -> tuple[float, int, dict]:
    seconds, code = timed([sys.executable, "-m", "digecon_book.build", "--root", str(copy)],
                          copy, env_for(copy), log)
    runs = (copy / "_build" / "executions.jsonl").read_text(encoding="utf-8").splitlines()
    return seconds, code, json.loads(runs[-1]) if runs else {}


def baseline(copy: Path, log: Path) -> tuple[float, int]:
    """``jupyter-book build --all`` of the source book, executing every notebook itself."""
    book = copy / "book"
    # the pages the pipeline generates, and the CSVs the data appendix links to
    (book / "glossary.md").write_text(pages.glossary_page(), encoding="utf-8")
    records = {build._rel(nb, copy): None for nb in build.toc_notebooks(copy)}
    (book / "status.md").write_text(pages.status_page(records), encoding="utf-8")
    (book / "data.md").write_text(appendix.data_appendix_page(copy / "data"), encoding="utf-8")
    for csv in (copy / "data").glob("*"):
        if csv.is_file() and csv.suffix in (".csv", ".json"):
            target = book / "_static" / "data" / csv.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(csv, target)
    config = yaml.safe_load((copy / "_config.yml").read_text(encoding="utf-8"))
    config.setdefault("execute", {}).update(
        {"execute_notebooks": "force", "timeout": 1800, "allow_errors": False})
    (copy / "_config_force.yml").write_text(yaml.safe_dump(config, allow_unicode=True),
                                            encoding="utf-8")
    jb = Path(sys.executable).with_name("jupyter-book")
    cmd = [str(jb if jb.exists() else "jupyter-book"), "build", str(copy), "--all",
           "--config", str(copy / "_config_force.yml"), "--path-output", str(copy / "_jb")]
    return timed(cmd, copy, env_for(copy), log)


def touch_one_chapter(copy: Path) -> str | None:
    """Add a space to a Markdown cell of one chapter notebook; returns its path."""
    notebooks = build.toc_notebooks(copy)
    ordered = [nb for nb in notebooks if nb.stem != "reproducibility"] + notebooks
    for nb in ordered:
        data = json.loads(nb.read_text(encoding="utf-8"))
        for cell in data.get("cells", []):
            if cell.get("cell_type") == "markdown" and cell.get("source"):
                src = cell["source"]
                if isinstance(src, list):
                    src[-1] = src[-1] + " "
                else:
                    cell["source"] = src + " "
                nb.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                              encoding="utf-8")
                return build._rel(nb, copy)
    return None


class _Quiet(SimpleHTTPRequestHandler):
    """A static host: files sent gzipped when the browser accepts it (as Pages or nginx do)."""

    COMPRESS = (".html", ".css", ".js", ".svg", ".json", ".txt", ".xml", ".csv", ".map")

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if (path.suffix in self.COMPRESS and path.is_file()
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            import gzip as _gzip

            body = _gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            import io as _io

            return _io.BytesIO(body)
        return super().send_head()


def serve(html: Path) -> tuple[ThreadingHTTPServer, str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=html))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def editions(html: Path) -> dict[str, Path]:
    """``{edition: folder}``: kk, ru, en when built in editions, else the one book."""
    found = {e: html / e for e in ("kk", "ru", "en") if (html / e / "index.html").exists()}
    return found or {"book": html}


def lighthouse(html: Path, docs: list[str]) -> list[dict]:
    """Lighthouse (mobile profile) of each page, served with gzip; needs Chromium and npm."""
    # a folder of its own: in tools/node, Lighthouse's newer axe-core would replace the one
    # the browser tests pin (tools/browser-deps.sh), whose rules they were checked against
    prefix = ROOT / "tools" / "lighthouse"
    cli = prefix / "node_modules" / ".bin" / "lighthouse"
    if not CHROMIUM.exists():
        say(f"Lighthouse skipped: no Chromium at {CHROMIUM}")
        return []
    if not cli.exists():
        subprocess.call(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix",
                         str(prefix), "lighthouse@12"])
    if not cli.exists():
        say("Lighthouse skipped: npm could not install it")
        return []
    httpd, base = serve(html)
    rows = []
    try:
        for doc in docs:
            out = subprocess.run(
                [str(cli), f"{base}{doc}.html", "--output=json", "--quiet",
                 "--only-categories=performance,accessibility",
                 "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                capture_output=True, text=True, env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
                check=False)
            if out.returncode != 0:
                say(f"Lighthouse failed on {doc}: {out.stderr[-500:]}")
                continue
            report = json.loads(out.stdout)
            cats, audits = report["categories"], report["audits"]
            rows.append({
                "page": doc,
                "performance": round(100 * (cats["performance"]["score"] or 0)),
                "accessibility": round(100 * (cats["accessibility"]["score"] or 0)),
                "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
                "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
            })
            say(f"lighthouse {doc}: {rows[-1]}")
    finally:
        httpd.shutdown()
    return rows


def _transferred(responses: list) -> int:
    total = 0
    for r in responses:
        try:
            sizes = r.request.sizes()
            total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        except Exception:
            continue
    return total


def page_metrics(html: Path, docs: list[str], chapters: set[str]) -> list[dict]:
    """Bytes transferred (gzip) at first load and after scrolling to the end, and load times,
    of each page in Chromium (fresh context, so no cache)."""
    if not CHROMIUM.exists():
        say(f"no {CHROMIUM}: page weights and load times skipped")
        return []
    from playwright.sync_api import sync_playwright

    httpd, base = serve(html)
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for doc in docs:
                context = browser.new_context(viewport={"width": 390, "height": 844},
                                              device_scale_factor=3, is_mobile=True)
                context.route("**/*", lambda route: route.continue_()
                              if route.request.url.startswith((base, "data:", "blob:"))
                              else route.abort())
                page = context.new_page()
                responses: list = []
                page.on("response", lambda response, bucket=responses: bucket.append(response))
                page.goto(f"{base}{doc}.html", wait_until="load")
                try:
                    page.wait_for_load_state("networkidle", timeout=3000)
                except Exception:
                    pass
                nav = page.evaluate(
                    "() => { const n = performance.getEntriesByType('navigation')[0];"
                    " return {dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd}; }")
                first = _transferred(responses)
                first_requests = len(responses)
                page.evaluate("async () => { for (let y = 0; y < document.body.scrollHeight;"
                              " y += 600) { window.scrollTo(0, y);"
                              " await new Promise(r => setTimeout(r, 50)); } }")
                try:
                    page.wait_for_load_state("networkidle", timeout=5000)
                except Exception:
                    pass
                rows.append({"page": doc, "chapter": doc in chapters,
                             "gzip_first_bytes": first, "gzip_scrolled_bytes":
                             _transferred(responses), "requests": first_requests,
                             "dcl_ms": round(nav["dcl"]), "load_ms": round(nav["load"])})
                context.close()
                say(f"page {doc}: {first / 1024:.0f} KB gzip at load, "
                    f"{rows[-1]['gzip_scrolled_bytes'] / 1024:.0f} KB scrolled")
            browser.close()
    finally:
        httpd.shutdown()
    return rows


def table(result: dict) -> str:
    b = result["builds"]

    def row(label: str, key: str, executed: object) -> str:
        r = b[key]
        return (f"| {label} | {r['seconds']:.1f} | {r.get('cpu', float('nan')):.1f} "
                f"| {r.get('peak_pss_mb', '')} | {executed} |")

    lines = [
        "| Build | Wall (s) | CPU (s) | Peak PSS (MB) | Notebooks executed |",
        "|---|---:|---:|---:|---:|",
        row("(a) `python -m digecon_book.build`, cold cache", "cold", b["cold"]["executed"]),
        row("(b) `jupyter-book build --all`, `execute_notebooks: force`", "baseline",
            b["baseline"]["notebooks"]),
        f"| (a)/(b) | {result['ratio_a_b']:.2f} | {result.get('ratio_cpu_a_b', float('nan')):.2f}"
        " | | |",
        row("(c) rebuild, nothing changed", "unchanged", b["unchanged"]["executed"]),
        row(f"(d) rebuild after editing `{b['one_chapter']['touched']}`", "one_chapter",
            b["one_chapter"]["executed"]),
    ]
    if result["pages"]:
        lines += ["", "| Edition | Page | gzip at load (KB) | gzip scrolled (KB) | Requests "
                  "| DOMContentLoaded (ms) | load (ms) |", "|---|---|---:|---:|---:|---:|---:|"]
        for r in result["pages"]:
            lines.append(f"| {r['edition']} | `{r['page']}` | {r['gzip_first_bytes'] / 1024:.0f} "
                         f"| {r['gzip_scrolled_bytes'] / 1024:.0f} | {r['requests']} "
                         f"| {r['dcl_ms']} | {r['load_ms']} |")
    if result.get("lighthouse"):
        lines += ["", "| Edition | Page | Performance | LCP (ms) | FCP (ms) | Accessibility |",
                  "|---|---|---:|---:|---:|---:|"]
        for r in result["lighthouse"]:
            lines.append(f"| {r['edition']} | `{r['page']}` | {r['performance']} | {r['lcp_ms']} "
                         f"| {r['fcp_ms']} | {r['accessibility']} |")
    else:
        lines += ["", f"Lighthouse: not run ({result.get('lighthouse_note', 'no Chromium')})."]
    m = result["machine"]
    lines += ["", f"{m['cpus']} CPUs, Python {m['python']}, {result['date']}."]
    return "\n".join(lines)


def update_readme(readme: Path, text: str) -> bool:
    if not readme.exists():
        return False
    content = readme.read_text(encoding="utf-8")
    if START not in content or END not in content:
        return False
    head, rest = content.split(START, 1)
    _, tail = rest.split(END, 1)
    readme.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")
    return True


def pages_only(root: Path, only: list[str]) -> int:
    """(e) and (f) of the already built book of ``root``, printed as JSON lines."""
    docs = build.toc_documents(root / "_toc.yml")
    chapters = {d for d in docs if (root / f"{d}.ipynb").exists()}
    wanted = [d for d in docs if d in chapters and (not only or d in only)]
    for edition, folder in editions(root / "_build" / "html").items():
        for r in page_metrics(folder, wanted, chapters):
            print(json.dumps({"edition": edition, **r}), flush=True)
        for r in lighthouse(folder, wanted):
            print(json.dumps({"edition": edition, **r}), flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="repository to measure")
    parser.add_argument("--keep", action="store_true", help="keep the temporary copies")
    parser.add_argument("--skip-baseline", action="store_true",
                        help="do not run (b), the slow plain jupyter-book build")
    parser.add_argument("--pages-only", nargs="*", metavar="PAGE", default=None,
                        help="measure only the pages of the built _build/html (no builds, "
                             "README untouched): every chapter, or the PAGEs given "
                             "(e.g. book/egov)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.pages_only is not None:
        return pages_only(root, args.pages_only)
    tmp = Path(tempfile.mkdtemp(prefix="digecon-bench-"))
    logs = root / "_build" / "bench-logs"
    logs.mkdir(parents=True, exist_ok=True)
    docs = build.toc_documents(root / "_toc.yml")
    chapters = {d for d in docs if (root / f"{d}.ipynb").exists()}
    try:
        say(f"copying {root} to {tmp}")
        copy = copy_repo(root, tmp / "book")

        say("(a) cold build: python -m digecon_book.build (executes every notebook)")
        sec_a, code, run = digecon_build(copy, logs / "a-cold.log")
        usage_a = dict(LAST)
        if code:
            return code
        say(f"(a) {sec_a:.1f} s, {len(run.get('executed', []))} notebooks executed")

        if args.skip_baseline:
            sec_b, code_b = float("nan"), 0
            LAST.clear()
        else:
            say("(b) baseline: jupyter-book build --all with execute_notebooks: force")
            sec_b, code_b = baseline(copy_repo(root, tmp / "baseline"), logs / "b-baseline.log")
            say(f"(b) {sec_b:.1f} s (exit {code_b})")
        usage_b = dict(LAST)

        say("(c) rebuild, nothing changed")
        sec_c, code, run_c = digecon_build(copy, logs / "c-unchanged.log")
        usage_c = dict(LAST)
        if code:
            return code
        say(f"(c) {sec_c:.1f} s, {len(run_c.get('executed', []))} executed")

        touched = touch_one_chapter(copy)
        say(f"(d) rebuild after a trivial edit of {touched}")
        sec_d, code, run_d = digecon_build(copy, logs / "d-one-chapter.log")
        usage_d = dict(LAST)
        if code:
            return code
        say(f"(d) {sec_d:.1f} s, executed: {run_d.get('executed')}")

        page_rows, lighthouse_rows = [], []
        for edition, folder in editions(copy / "_build" / "html").items():
            say(f"(e) {edition}: bytes transferred (gzip) and load times in Chromium")
            for r in page_metrics(folder, docs, chapters):
                page_rows.append({"edition": edition, **r})
            say(f"(f) {edition}: Lighthouse, mobile, every chapter page")
            for r in lighthouse(folder, [d for d in docs if d in chapters]):
                lighthouse_rows.append({"edition": edition, **r})

        result = {
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                        "platform": platform.platform()},
            "builds": {
                "cold": {"seconds": round(sec_a, 1), **usage_a,
                         "executed": len(run.get("executed", []))},
                "baseline": {"seconds": round(sec_b, 1), **usage_b, "exit_code": code_b,
                             "notebooks": len(chapters)},
                "unchanged": {"seconds": round(sec_c, 1), **usage_c,
                              "executed": len(run_c.get("executed", []))},
                "one_chapter": {"seconds": round(sec_d, 1), **usage_d, "touched": touched,
                                "executed": len(run_d.get("executed", [])),
                                "executed_notebooks": run_d.get("executed", [])},
            },
            "ratio_a_b": round(sec_a / sec_b, 3) if sec_b == sec_b and sec_b else float("nan"),
            "ratio_cpu_a_b": (round(usage_a["cpu"] / usage_b["cpu"], 3)
                              if usage_b.get("cpu") else float("nan")),
            "pages": page_rows,
            "lighthouse": lighthouse_rows,
            "lighthouse_note": "" if lighthouse_rows else (
                f"no Chromium at {CHROMIUM}" if not CHROMIUM.exists() else "see the log"),
        }
        out = root / "_build" / "bench.json"
        out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
        text = table(result)
        print("\n" + text + "\n")
        say(f"wrote {out}")
        if update_readme(root / "README.md", text):
            say("updated the table in README.md")
        return 0
    finally:
        if args.keep:
            say(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
