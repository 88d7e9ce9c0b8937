"""The built book in a real browser (Chromium driven by Playwright), page by page.

For every page of ``_toc.yml``: the language choice (tab-sets of sync group ``lang``) works,
persists to the next page and across a browser restart, and ``?lang=`` opens a language; a page
loads with no console error, no failed request and nothing from another host; its weight stays
within its budget (``tests/page_budgets.json``); images inside a language tab carry alt text in
that language; axe-core finds nothing serious or critical; chapter pages offer the notebook
download and the Binder and Colab launch buttons. Screenshots of every page in every language go
to ``_build/screenshots/<page>-<lang>.png``.

The pages come from the ``built_book`` fixture (``make book``). To test another build, set
``DIGECON_HTML`` to its ``_build/html`` folder (the repository is then its grandparent).
Without ``/usr/bin/chromium`` the tests skip locally and fail in CI (``CI`` set).
"""

from __future__ import annotations

import functools
import json
import os
import re
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest

from digecon.build import toc_documents

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("book")]

REPO = Path(__file__).resolve().parents[1]
HTML_OVERRIDE = os.environ.get("DIGECON_HTML")
ROOT = Path(HTML_OVERRIDE).resolve().parents[1] if HTML_OVERRIDE else REPO
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))  # Debian's; CHROMIUM overrides
AXE = REPO / "tools" / "node" / "node_modules" / "axe-core" / "axe.min.js"
BUDGETS = Path(__file__).with_name("page_budgets.json")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
LANGS = ("kk", "ru", "en")
LANG_LABELS = {"kk": "Қазақша", "ru": "Русский", "en": "English"}

DOCS = toc_documents(ROOT / "_toc.yml")
CHAPTERS = [d for d in DOCS if (ROOT / f"{d}.ipynb").exists()]

#: Hosts other than 127.0.0.1 a page may ask for at load, and why (none: MathJax and every
#: other asset are served by the book itself). Such requests would still be blocked in the
#: tests, as the book must read well offline; only their failure would not count as an error.
ALLOWED_HOSTS: dict[str, str] = {}

#: Console errors that are not the page's fault, and why (a regex on the message).
ALLOWED_CONSOLE: dict[str, str] = {
    # sphinx-thebe 0.3.1 (pulled in by jupyter-book 1) writes its inline configuration script
    # twice into every page; the second `const` declaration fails. Thebe (live code) is not
    # enabled in this book, so nothing depends on that script.
    r"Identifier 'THEBE_JS_URL' has already been declared": "sphinx-thebe duplicate config",
}

#: axe rules (impact serious/critical) tolerated, and why. Empty: the theme's ones are fixed
#: in book/_static/digecon.js (bibliography entries' ARIA role).
ALLOWED_AXE: dict[str, str] = {}

#: JavaScript: the language of every checked tab of sync group "lang" on the page
CHECKED_LANGS = """() => Array.from(document.querySelectorAll('.sd-tab-set > input:checked'))
  .map(i => i.nextElementSibling)
  .filter(l => l && l.getAttribute('data-sync-group') === 'lang')
  .map(l => l.getAttribute('data-sync-id'))"""

#: JavaScript: every image in the main content, with the language of the tab it is in
IMAGES = """() => {
  const main = document.querySelector('main') || document.body;
  return Array.from(main.querySelectorAll('img')).map(img => {
    let lang = null;
    for (let c = img.closest('.sd-tab-content'); c && !lang;
         c = c.parentElement ? c.parentElement.closest('.sd-tab-content') : null) {
      const label = c.previousElementSibling;
      if (label && label.getAttribute('data-sync-group') === 'lang') {
        lang = label.getAttribute('data-sync-id');
      }
    }
    return {src: img.getAttribute('src'), alt: img.getAttribute('alt'), lang: lang};
  });
}"""

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN = re.compile(r"[A-Za-z]")


def page_id(doc: str) -> str:
    return doc.removeprefix("book/").replace("/", "-")


# --------------------------------------------------------------------------------------------
# fixtures


def _require(path: Path, what: str) -> None:
    if path.exists():
        return
    message = f"{what} not found at {path}: run `make browser-deps` (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(message + " - required in CI")
    pytest.skip(message)


@pytest.fixture(scope="session")
def book_html(request) -> Path:
    """The HTML folder: DIGECON_HTML if set, else the repository's freshly built book."""
    if HTML_OVERRIDE:
        return Path(HTML_OVERRIDE).resolve()
    return request.getfixturevalue("built_book")


@pytest.fixture(scope="session")
def html_dir(book_html: Path) -> Path:
    """The HTML folder, once Chromium and axe-core are known to be here."""
    _require(CHROMIUM, "Chromium")
    _require(AXE, "axe-core")
    return book_html


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def server(html_dir: Path) -> Iterator[str]:
    """A threaded HTTP server on 127.0.0.1 (a free port) serving the HTML; yields its URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=html_dir))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def playwright_session():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_session, html_dir):
    b = playwright_session.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield b
    b.close()


@pytest.fixture(scope="session")
def screenshots(html_dir: Path) -> Path:
    out = html_dir.parent / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    return out


def url(base: str, doc: str, query: str = "") -> str:
    return f"{base}{doc}.html" + (f"?{query}" if query else "")


def checked_langs(page) -> list[str]:
    return page.evaluate(CHECKED_LANGS)


# --------------------------------------------------------------------------------------------
# one load: errors, requests, hosts, weight, images, accessibility


class Load:
    """What happened while one page loaded (console errors, requests, bytes)."""

    def __init__(self, context, page) -> None:
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.foreign: list[str] = []
        self.responses: list = []
        context.route("**/*", self._route)
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self._error(f"page error: {exc}", ""))
        page.on("requestfailed", self._failed)
        page.on("response", self._response)

    def _route(self, route) -> None:
        request_url = route.request.url
        parsed = urlparse(request_url)
        if parsed.scheme in ("data", "blob") or parsed.hostname == "127.0.0.1":
            route.continue_()
            return
        self.foreign.append(request_url)
        route.abort()

    @staticmethod
    def _allowed_host(request_url: str) -> bool:
        return (urlparse(request_url).hostname or "") in ALLOWED_HOSTS

    def _console(self, msg) -> None:
        if msg.type == "error":
            self._error(msg.text, (msg.location or {}).get("url", ""))

    def _error(self, text: str, where: str) -> None:
        if any(re.search(pattern, text) for pattern in ALLOWED_CONSOLE):
            return
        if self._allowed_host(where):
            return
        if "net::ERR_FAILED" in text and any(self._allowed_host(u) for u in self.foreign):
            return  # the blocked request to an allowed host, reported again by the console
        self.errors.append(f"{text} ({where})" if where else text)

    def _failed(self, request) -> None:
        if not self._allowed_host(request.url):
            self.failed.append(f"{request.url}: {request.failure}")

    def _response(self, response) -> None:
        self.responses.append(response)
        if response.status >= 400:
            self.failed.append(f"{response.url}: HTTP {response.status}")

    def bytes(self) -> int:
        total = 0
        for response in self.responses:
            try:
                total += len(response.body())
            except Exception:  # redirects and aborted requests have no body
                continue
        return total


def budgets() -> dict:
    return json.loads(BUDGETS.read_text(encoding="utf-8"))


def budget_for(doc: str) -> int:
    spec = budgets()
    if doc in spec["pages"]:
        return int(spec["pages"][doc])
    key = "default_chapter" if doc in CHAPTERS else "default_page"
    return int(spec[key])


@pytest.mark.parametrize("doc", DOCS, ids=page_id)
def test_page_loads_clean_light_and_accessible(browser, server, html_dir, doc):
    context = browser.new_context()
    page = context.new_page()
    load = Load(context, page)
    start = time.perf_counter()
    page.goto(url(server, doc), wait_until="load")
    try:
        page.wait_for_load_state("networkidle", timeout=3000)
    except Exception:  # pragma: no cover - a page that keeps polling still gets checked
        pass
    seconds = time.perf_counter() - start
    weight = load.bytes()
    images = page.evaluate(IMAGES)
    errors, failed, foreign = list(load.errors), list(load.failed), list(load.foreign)
    # axe after the load checks: its stylesheet preload resolves the theme's `@import` against
    # the page and would add a 404 of its own (so preload is off). The rule "region" (impact
    # moderate, never failing here) is off: it costs a third of axe's time on long pages.
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        """async () => {
          const r = await axe.run(document, {resultTypes: ['violations'], preload: false,
                                             rules: {region: {enabled: false}}});
          return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                         nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
        }"""
    )
    context.close()
    _record_weight(html_dir, doc, weight, seconds)

    assert not errors, f"{doc}: console errors at load: {errors}"
    assert not failed, f"{doc}: failed requests at load: {failed}"
    unexpected = [u for u in foreign if not Load._allowed_host(u)]
    assert not unexpected, f"{doc}: requests to hosts other than 127.0.0.1: {unexpected}"
    limit = budget_for(doc)
    assert weight <= limit, (
        f"{doc}: page weight {weight:,} bytes is over its budget {limit:,} "
        f"(tests/page_budgets.json)"
    )
    problems = []
    for img in images:
        alt = (img["alt"] or "").strip()
        if img["alt"] is None:
            problems.append(f"{img['src']}: no alt attribute")
        elif img["lang"] and not alt:
            problems.append(f"{img['src']} ({img['lang']} tab): empty alt")
        elif img["lang"] in ("kk", "ru") and not CYRILLIC.search(alt):
            problems.append(f"{img['src']} ({img['lang']} tab): alt not in Cyrillic: {alt!r}")
        elif img["lang"] == "en" and not LATIN.search(alt):
            problems.append(f"{img['src']} (en tab): alt has no Latin letters: {alt!r}")
    assert not problems, f"{doc}: images without alt text in their tab's language: {problems}"
    serious = [v for v in violations
               if v["impact"] in ("serious", "critical") and v["id"] not in ALLOWED_AXE]
    assert not serious, f"{doc}: axe violations (serious/critical): {serious}"


_weights_lock = threading.Lock()


def _record_weight(html_dir: Path, doc: str, weight: int, seconds: float) -> None:
    """Keep the measured weights next to the screenshots (to revise the budgets)."""
    path = html_dir.parent / "screenshots" / "page_weights.json"
    with _weights_lock:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        data[doc] = {"bytes": weight, "load_s": round(seconds, 2), "budget": budget_for(doc)}
        path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------------------------
# languages


@pytest.mark.parametrize("doc", DOCS, ids=page_id)
def test_lang_query_opens_that_language_and_screenshots(browser, server, screenshots, doc):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        for lang in LANGS:
            page.goto(url(server, doc, f"lang={lang}"), wait_until="load")
            langs = checked_langs(page)
            assert set(langs) <= {lang}, f"{doc}?lang={lang}: tabs open in {sorted(set(langs))}"
            assert page.evaluate("document.documentElement.lang") == lang
            if doc in CHAPTERS:  # a full-page picture: load the lazy figures of this language
                page.evaluate("document.querySelectorAll('img[loading=lazy]')"
                              ".forEach(i => { if (i.offsetParent) i.loading = 'eager'; })")
                page.wait_for_load_state("networkidle")
            page.screenshot(path=str(screenshots / f"{page_id(doc)}-{lang}.png"),
                            full_page=doc in CHAPTERS)
    finally:
        context.close()


@pytest.mark.parametrize("doc", DOCS, ids=page_id)
def test_choosing_a_language_switches_every_tab_and_follows_to_the_next_page(
    browser, server, doc
):
    others = [d for d in DOCS if d != doc]
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(url(server, doc), wait_until="load")
        labels = page.locator(
            f'.sd-tab-set > label.sd-tab-label[data-sync-group="lang"][data-sync-id="ru"]'
            f':has-text("{LANG_LABELS["ru"]}")'
        )
        if labels.count() == 0:
            pytest.skip(f"{doc} has no language tabs")
        labels.first.click()
        langs = checked_langs(page)
        assert langs and set(langs) == {"ru"}, f"{doc}: after choosing Русский: {langs}"
        assert page.evaluate("document.documentElement.lang") == "ru"
        if others:
            nxt = others[(DOCS.index(doc)) % len(others)]
            page.goto(url(server, nxt), wait_until="load")
            langs = checked_langs(page)
            assert set(langs) <= {"ru"}, f"{doc} -> {nxt}: the choice did not follow: {langs}"
    finally:
        context.close()


def test_language_choice_survives_a_browser_restart(playwright_session, server, tmp_path):
    profile = tmp_path / "profile"

    def launch():
        return playwright_session.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)

    context = launch()
    page = context.new_page()
    chosen = None
    for doc in DOCS:
        page.goto(url(server, doc), wait_until="load")
        label = page.locator('.sd-tab-set > label.sd-tab-label[data-sync-id="ru"]'
                             '[data-sync-group="lang"]')
        if label.count():
            label.first.click()
            chosen = doc
            break
    context.close()
    if chosen is None:
        pytest.skip("no page of the book has language tabs")
    context = launch()
    try:
        page = context.new_page()
        for doc in DOCS:
            page.goto(url(server, doc), wait_until="load")
            langs = checked_langs(page)
            assert set(langs) <= {"ru"}, f"after a restart, {doc} opened in {sorted(set(langs))}"
    finally:
        context.close()


# --------------------------------------------------------------------------------------------
# Colab / Binder / download


@pytest.mark.parametrize("doc", CHAPTERS or ["(none)"], ids=page_id)
def test_chapter_pages_have_download_and_launch_buttons(book_html, doc):
    if doc == "(none)":
        pytest.skip("no chapter notebook in _toc.yml")
    html_dir = book_html
    html = (html_dir / f"{doc}.html").read_text(encoding="utf-8")
    name = f"{doc}.ipynb"
    assert f'_sources/{name}"' in html, f"{doc}: no .ipynb download button"
    assert re.search(rf'href="https://mybinder\.org/v2/gh/[^"]+{re.escape(name)}"', html), (
        f"{doc}: no Binder launch button (launch_buttons in _config.yml)")
    assert re.search(rf'href="https://colab\.research\.google\.com/github/[^"]+{re.escape(name)}"',
                     html), f"{doc}: no Colab launch button (launch_buttons in _config.yml)"
    assert (html_dir / "_sources" / name).exists(), f"{doc}: the .ipynb download is missing"


# --------------------------------------------------------------------------------------------
# the reproducibility report: every row, filters, search, the CSV download


def test_reproducibility_report_filters_and_its_csv_matches(browser, server):
    import csv
    import io

    if "book/reproducibility" not in DOCS:
        pytest.skip("no reproducibility page in this build")
    page = browser.new_page(accept_downloads=True)
    page.goto(url(server, "book/reproducibility", "lang=en"), wait_until="load")
    rows = page.locator("#audit-report tbody tr")
    # labels follow the page's language
    assert page.locator("#audit-report thead th").first.inner_text() == "Chapter"
    total = rows.count()
    count = page.locator("#audit-report .audit-count")
    assert count.inner_text() == str(total)
    # the CSV download holds exactly the rows of the table, in the same order
    with page.expect_download() as info:
        page.click("#audit-report a.audit-csv")
    download = info.value
    assert download.suggested_filename == "audit.csv"
    body = Path(download.path()).read_text(encoding="utf-8")
    table = list(csv.DictReader(io.StringIO(body)))
    ids = page.eval_on_selector_all("#audit-report tbody tr", "trs => trs.map(t => t.id)")
    assert [f"audit-{r['id']}" for r in table] == ids and len(ids) == total > 1000
    verdicts = page.eval_on_selector_all("#audit-report tbody tr",
                                         "trs => trs.map(t => t.dataset.verdict)")
    assert verdicts == [r["verdict"] for r in table]
    # filter: verdict "differs" shows the CSV's differing rows, all others hidden
    page.select_option("#audit-report select[data-filter=verdict]", "differs")
    differs = sum(r["verdict"] == "differs" for r in table)
    assert count.inner_text() == str(differs) == str(rows.locator("visible=true").count())
    # and severity "high" narrows it to the high rows
    page.select_option("#audit-report select[data-filter=severity]", "high")
    high = [r["id"] for r in table if r["severity"] == "high"]
    shown = page.eval_on_selector_all("#audit-report tbody tr:not([hidden])",
                                      "trs => trs.map(t => t.id.slice(6))")
    assert shown == high and len(high) >= 1
    # search: one row's id finds that row alone, whatever the other filters were reset to
    page.select_option("#audit-report select[data-filter=verdict]", "")
    page.select_option("#audit-report select[data-filter=severity]", "")
    page.select_option("#audit-report select[data-filter=chapter]", "egov")
    page.fill("#audit-report input[data-filter=q]", "egov.t3.egdi-of-kazakhstan-2005")
    shown = page.eval_on_selector_all("#audit-report tbody tr:not([hidden])",
                                      "trs => trs.map(t => t.id)")
    assert shown == ["audit-egov.t3.egdi-of-kazakhstan-2005"]
    # each row links to its chapter's audit section
    link = page.locator("#audit-egov\\.t3\\.egdi-of-kazakhstan-2005 a").first.get_attribute("href")
    assert link == "egov.html#what-the-sources-say-and-whether-it-holds"
    # in Russian the same row reads in Russian
    page.goto(url(server, "book/reproducibility", "lang=ru&q=egov.t3.egdi-of-kazakhstan-2005"),
              wait_until="load")
    row = page.locator("#audit-egov\\.t3\\.egdi-of-kazakhstan-2005")
    assert "расходится" in row.inner_text() and page.locator(".audit-count").inner_text() == "1"
    page.close()
