"""Benchmark of the book's build and pages (``make bench``): writes ``_build/bench.json``.

On a temporary copy of the repository, from the ready environment:

a. the book executed and built from a cold cache (fresh ``_build``): ``python -m digecon.build``;
b. the baseline: plain ``jupyter-book build --all`` of the source book with
   ``execute_notebooks: force`` (jupyter-book executes every notebook itself, serially), and the
   ratio a/b;
c. a rebuild with nothing changed;
d. a rebuild after a trivial edit of one chapter (a space in a Markdown cell), with the number of
   notebooks it executed (from ``_build/executions.jsonl``);
e. the weight (bytes of every response) and load time (DOMContentLoaded and load, ms) of each
   page of the book in Chromium.

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

from digecon import appendix, build, pages  # noqa: E402

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


def timed(cmd: list[str], cwd: Path, env: dict[str, str], log: Path) -> tuple[float, int]:
    """Run ``cmd``, its output to ``log``; returns (seconds, exit code)."""
    start = time.perf_counter()
    with open(log, "w", encoding="utf-8") as fh:
        code = subprocess.call(cmd, cwd=cwd, env=env, stdout=fh, stderr=subprocess.STDOUT)
    seconds = time.perf_counter() - start
    if code != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        say(f"command failed ({code}): {' '.join(cmd)}\n{tail}")
    return seconds, code


def digecon_build(copy: Path, log: Path) -> tuple[float, int, dict]:
    seconds, code = timed([sys.executable, "-m", "digecon.build", "--root", str(copy)],
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
    def log_message(self, *args) -> None:
        pass


def page_metrics(html: Path, docs: list[str], chapters: set[str]) -> list[dict]:
    """Weight and load times of each page of each edition (kk/, ru/, en/) in Chromium
    (fresh context, so no cache)."""
    if not CHROMIUM.exists():
        say(f"no {CHROMIUM}: page weights and load times skipped")
        return []
    from playwright.sync_api import sync_playwright

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=html))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for doc in [f"{lang}/{d}" for lang in ("kk", "ru", "en") for d in docs]:
                context = browser.new_context()
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
                weight = 0
                for r in responses:
                    try:
                        weight += len(r.body())
                    except Exception:
                        continue
                rows.append({"page": doc, "chapter": doc[3:] in chapters, "bytes": weight,
                             "requests": len(responses), "dcl_ms": round(nav["dcl"]),
                             "load_ms": round(nav["load"])})
                context.close()
                say(f"page {doc}: {weight / 1e6:.2f} MB, load {nav['load']:.0f} ms")
            browser.close()
    finally:
        httpd.shutdown()
    return rows


def table(result: dict) -> str:
    b = result["builds"]
    lines = [
        "| Build | Time (s) | Notebooks executed |",
        "|---|---:|---:|",
        f"| (a) `python -m digecon.build`, cold cache, three editions | {b['cold']['seconds']:.1f} "
        f"| {b['cold']['executed']} |",
        f"| (b) `jupyter-book build --all`, `execute_notebooks: force` | "
        f"{b['baseline']['seconds']:.1f} | {b['baseline']['notebooks']} |",
        f"| (a)/(b) | {result['ratio_a_b']:.2f} | |",
        f"| (c) rebuild, nothing changed | {b['unchanged']['seconds']:.1f} "
        f"| {b['unchanged']['executed']} |",
        f"| (d) rebuild after editing `{b['one_chapter']['touched']}` "
        f"| {b['one_chapter']['seconds']:.1f} | {b['one_chapter']['executed']} |",
    ]
    if result["pages"]:
        lines += ["", "| Page | Weight (KB) | Requests | DOMContentLoaded (ms) | load (ms) |",
                  "|---|---:|---:|---:|---:|"]
        for row in result["pages"]:
            lines.append(f"| `{row['page']}` | {row['bytes'] / 1024:.0f} | {row['requests']} "
                         f"| {row['dcl_ms']} | {row['load_ms']} |")
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="repository to measure")
    parser.add_argument("--keep", action="store_true", help="keep the temporary copies")
    parser.add_argument("--skip-baseline", action="store_true",
                        help="do not run (b), the slow plain jupyter-book build")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    tmp = Path(tempfile.mkdtemp(prefix="digecon-bench-"))
    logs = root / "_build" / "bench-logs"
    logs.mkdir(parents=True, exist_ok=True)
    docs = build.toc_documents(root / "_toc.yml")
    chapters = {d for d in docs if (root / f"{d}.ipynb").exists()}
    try:
        say(f"copying {root} to {tmp}")
        copy = copy_repo(root, tmp / "book")

        say("(a) cold build: python -m digecon.build (executes every notebook)")
        sec_a, code, run = digecon_build(copy, logs / "a-cold.log")
        if code:
            return code
        say(f"(a) {sec_a:.1f} s, {len(run.get('executed', []))} notebooks executed")

        if args.skip_baseline:
            sec_b, code_b = float("nan"), 0
        else:
            say("(b) baseline: jupyter-book build --all with execute_notebooks: force")
            sec_b, code_b = baseline(copy_repo(root, tmp / "baseline"), logs / "b-baseline.log")
            say(f"(b) {sec_b:.1f} s (exit {code_b})")

        say("(c) rebuild, nothing changed")
        sec_c, code, run_c = digecon_build(copy, logs / "c-unchanged.log")
        if code:
            return code
        say(f"(c) {sec_c:.1f} s, {len(run_c.get('executed', []))} executed")

        touched = touch_one_chapter(copy)
        say(f"(d) rebuild after a trivial edit of {touched}")
        sec_d, code, run_d = digecon_build(copy, logs / "d-one-chapter.log")
        if code:
            return code
        say(f"(d) {sec_d:.1f} s, executed: {run_d.get('executed')}")

        say("(e) page weights and load times in Chromium")
        page_rows = page_metrics(copy / "_build" / "html", docs, chapters)

        result = {
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                        "platform": platform.platform()},
            "builds": {
                "cold": {"seconds": round(sec_a, 1), "executed": len(run.get("executed", []))},
                "baseline": {"seconds": round(sec_b, 1), "exit_code": code_b,
                             "notebooks": len(chapters)},
                "unchanged": {"seconds": round(sec_c, 1),
                              "executed": len(run_c.get("executed", []))},
                "one_chapter": {"seconds": round(sec_d, 1), "touched": touched,
                                "executed": len(run_d.get("executed", [])),
                                "executed_notebooks": run_d.get("executed", [])},
            },
            "ratio_a_b": round(sec_a / sec_b, 3) if sec_b == sec_b and sec_b else float("nan"),
            "pages": page_rows,
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
