"""The built editions in a real browser (Chromium driven by Playwright), page by page.

For every page of ``_toc.yml`` in each edition (``kk/``, ``ru/``, ``en/``): the page loads with
no console error, no failed request and nothing from another host; ``<html lang>`` is the
edition's; its weight stays within its budget (``tests/page_budgets.json``); its images carry
alt text in the edition's language; axe-core finds nothing serious or critical; on a 390 px
wide phone screen it does not scroll sideways and its title is on the first screen. The
language switcher keeps the page and the choice persists (also across a browser restart); the
root page sends the reader to the stored choice, else the browser's language, else Kazakh;
the former single book's links (``book/egov.html?lang=ru``) reach the right edition. Chapter
pages offer the notebook download and the Binder and Colab launch buttons. Screenshots at
390 px go to ``_build/screenshots/<lang>-<page>.png``.

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

from digecon_book.build import toc_documents

pytestmark = pytest.mark.browser

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
ALLOWED_CONSOLE: dict[str, str] = {}  # none (sphinx-thebe's duplicate inline configuration,
# which failed in every page, is dropped with the unused script: build.UNUSED_SCRIPTS)

#: axe rules (impact serious/critical) tolerated, and why. Empty: the theme's ones are fixed
#: in book/_static/digecon.js (bibliography entries' ARIA role).
ALLOWED_AXE: dict[str, str] = {}

#: JavaScript: every image in the main content
IMAGES = """() => {
  const main = document.querySelector('main') || document.body;
  return Array.from(main.querySelectorAll('img')).map(
    img => ({src: img.getAttribute('src'), alt: img.getAttribute('alt')}));
}"""

CYRILLIC = re.compile(r"[\u0400-\u04FF]")


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


def url(base: str, doc: str, query: str = "", lang: str | None = None) -> str:
    prefix = f"{lang}/" if lang else ""
    return f"{base}{prefix}{doc}.html" + (f"?{query}" if query else "")


EDITION_PAGES = [(lang, doc) for lang in LANGS for doc in DOCS]


def edition_id(item: tuple[str, str]) -> str:
    return f"{item[0]}-{page_id(item[1])}"


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


@pytest.mark.parametrize("item", EDITION_PAGES, ids=edition_id)
def test_page_loads_clean_light_and_accessible(browser, server, html_dir, item):
    lang, doc = item
    context = browser.new_context()
    page = context.new_page()
    load = Load(context, page)
    start = time.perf_counter()
    page.goto(url(server, doc, lang=lang), wait_until="load")
    try:
        page.wait_for_load_state("networkidle", timeout=3000)
    except Exception:  # pragma: no cover - a page that keeps polling still gets checked
        pass
    seconds = time.perf_counter() - start
    weight = load.bytes()
    images = page.evaluate(IMAGES)
    html_lang = page.evaluate("document.documentElement.lang")
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
    _record_weight(html_dir, f"{lang}/{doc}", doc, weight, seconds)
    assert html_lang == lang, f"{lang}/{doc}: <html lang={html_lang!r}>"

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
        elif "_images/" in (img["src"] or "") and not alt:
            problems.append(f"{img['src']}: empty alt")
        elif "_images/" in (img["src"] or "") and lang in ("kk", "ru") and not CYRILLIC.search(alt):
            problems.append(f"{img['src']}: alt not in Cyrillic: {alt!r}")
        elif "_images/" in (img["src"] or "") and lang == "en" and CYRILLIC.search(alt):
            problems.append(f"{img['src']}: alt not in English: {alt!r}")
    assert not problems, f"{lang}/{doc}: images without alt in the edition's language: {problems}"
    serious = [v for v in violations
               if v["impact"] in ("serious", "critical") and v["id"] not in ALLOWED_AXE]
    assert not serious, f"{doc}: axe violations (serious/critical): {serious}"


_weights_lock = threading.Lock()


def _record_weight(html_dir: Path, key: str, doc: str, weight: int, seconds: float) -> None:
    """Keep the measured weights (per edition) next to the screenshots (to revise budgets)."""
    path = html_dir.parent / "screenshots" / "page_weights.json"
    with _weights_lock:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        data[key] = {"bytes": weight, "load_s": round(seconds, 2), "budget": budget_for(doc)}
        path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------------------------
# phones, editions, the switcher, the root page and old links

#: JavaScript: how wide the page is, and where the page title's bottom edge lies. Sections
#: below the first screen are rendered only near it (content-visibility in digecon.css), and
#: a rendered one clips what overflows it: they are all rendered, unclipped, to be measured,
#: so content too wide for the phone still shows as a page wider than the screen.
WIDTH = """() => {
  const all = document.createElement('style');
  all.textContent = '.bd-article section { content-visibility: visible !important; }';
  document.head.appendChild(all);
  return {width: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
  title: (() => { const h = document.querySelector('.bd-article h1');
                  return h ? h.getBoundingClientRect().bottom + window.scrollY : 0; })()};
}"""


@pytest.mark.parametrize("item", EDITION_PAGES, ids=edition_id)
def test_phone_screen_no_sideways_scroll_and_screenshot(browser, server, screenshots, item):
    lang, doc = item
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    page = context.new_page()
    try:
        page.goto(url(server, doc, lang=lang), wait_until="load")
        page.screenshot(path=str(screenshots / f"{lang}-{page_id(doc)}.png"))
        measured = page.evaluate(WIDTH)
    finally:
        context.close()
    assert measured["width"] <= 390, f"{lang}/{doc}: the page is {measured['width']} px wide"
    assert 0 < measured["title"] <= 844, f"{lang}/{doc}: the title ends at {measured['title']} px"


#: JavaScript run before the page's own: records every element whose layout a script asks for
#: (its size, position or scroll extent) until ``window.__digeconDone`` is set
GEOMETRY_READS = """(() => {
  window.__digeconReads = [];
  const note = el => { if (!window.__digeconDone) window.__digeconReads.push(el); };
  const wrap = (proto, names) => names.forEach(name => {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    Object.defineProperty(proto, name, {configurable: true,
      get() { note(this); return d.get.call(this); }});
  });
  wrap(Element.prototype, ['scrollWidth', 'scrollHeight', 'clientWidth', 'clientHeight']);
  wrap(HTMLElement.prototype, ['offsetWidth', 'offsetHeight', 'offsetTop', 'offsetLeft']);
  for (const name of ['getBoundingClientRect', 'getClientRects']) {
    const f = Element.prototype[name];
    Element.prototype[name] = function () { note(this); return f.call(this); };
  }
})()"""

#: JavaScript: the sections of the article that start more than three screens below the top
#: (Chromium renders a content-visibility section when it is within one and a half screens of
#: the visible one), of the elements read at load those inside them, and which of those
#: sections have their content rendered
FAR_SECTIONS = """() => {
  window.__digeconDone = true;
  const far = Array.from(document.querySelectorAll('.bd-article > section > section'))
    .filter(s => s.getBoundingClientRect().top > 3 * window.innerHeight);
  const read = new Set(window.__digeconReads);
  const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '');
  return {
    sections: far.length,
    read: Array.from(read).filter(el => far.some(s => s.contains(el))).map(describe),
    rendered: far.filter(s => s.firstElementChild &&
      s.firstElementChild.checkVisibility({contentVisibilityAuto: true})).map(s => s.id),
  };
}"""


@pytest.mark.parametrize("doc", CHAPTERS or ["(none)"], ids=page_id)
def test_a_chapter_lays_out_only_its_first_screens_at_load(browser, server, doc):
    """At load on a phone, no script asks for the layout of anything in the sections below
    the first screen (the theme's and the book's passes over every scrolling box did, forcing
    the layout of the whole page in one long task: the main cost of Lighthouse's total
    blocking time), and the browser leaves those sections unrendered until the reader nears
    them (content-visibility). Scrolling boxes there are made focusable lazily (digecon.js)."""
    if doc == "(none)":
        pytest.skip("no chapter notebook in _toc.yml")
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    context.add_init_script(GEOMETRY_READS)
    page = context.new_page()
    try:
        page.goto(url(server, doc, lang="kk"), wait_until="load")
        page.wait_for_timeout(1500)  # the theme's and the book's later work (idle callbacks)
        found = page.evaluate(FAR_SECTIONS)
    finally:
        context.close()
    if not found["sections"]:
        pytest.skip(f"{doc}: no section below the first screen")
    assert not found["read"], (
        f"{doc}: scripts asked at load for the layout of content below the first screen: "
        f"{sorted(set(found['read']))[:10]}")
    assert not found["rendered"], (
        f"{doc}: sections below the first screen rendered at load: {found['rendered']}")


@pytest.mark.parametrize("doc", DOCS, ids=page_id)
def test_switcher_keeps_the_page_and_remembers_the_choice(browser, server, doc):
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(url(server, doc, lang="kk"), wait_until="load")
        current = page.locator('.digecon-lang a[aria-current="page"]')
        assert current.count() >= 1 and current.first.get_attribute("hreflang") == "kk"
        link = page.locator('.digecon-lang a[hreflang="ru"]').first
        assert link.inner_text().strip() == LANG_LABELS["ru"]
        link.click()
        page.wait_for_load_state("load")
        assert page.url.split("?")[0].split("#")[0] == url(server, doc, lang="ru"), page.url
        assert page.evaluate("document.documentElement.lang") == "ru"
        assert page.evaluate("localStorage.getItem('digecon-lang')") == "ru"
        alternates = page.evaluate(
            "Array.from(document.querySelectorAll('link[rel=alternate][hreflang]'))"
            ".map(l => l.hreflang).sort()")
        assert alternates == ["en", "kk"], alternates
        page.goto(server, wait_until="load")  # the root page follows the choice
        page.wait_for_url(f"{server}ru/book/**")
    finally:
        context.close()


@pytest.mark.parametrize(("locale", "expected"), [("ru-RU", "ru"), ("en-GB", "en"),
                                                   ("kk-KZ", "kk"), ("de-DE", "kk")])
def test_root_page_follows_the_browser_language_else_kazakh(browser, server, locale, expected):
    context = browser.new_context(locale=locale)
    page = context.new_page()
    try:
        page.goto(server, wait_until="load")
        page.wait_for_url(f"{server}{expected}/book/**")  # root, then the edition's index
        page.wait_for_load_state("load")
        assert page.evaluate("document.documentElement.lang") == expected
    finally:
        context.close()


def test_root_page_without_javascript_shows_three_links(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(server, wait_until="load")
        links = page.evaluate("Array.from(document.querySelectorAll('a[hreflang]'))"
                              ".map(a => [a.hreflang, a.textContent.trim()])")
    finally:
        context.close()
    assert links == [[lang, LANG_LABELS[lang]] for lang in LANGS], links


@pytest.mark.parametrize("lang", LANGS)
def test_old_links_reach_the_same_page_in_that_language(browser, server, lang):
    chapter = CHAPTERS[0] if CHAPTERS else DOCS[-1]
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    try:
        page.goto(url(server, chapter, f"lang={lang}"), wait_until="load")
        page.wait_for_url(url(server, chapter, lang=lang) + "*")
        page.goto(url(server, chapter), wait_until="load")  # no ?lang: the stored choice
        page.wait_for_url(url(server, chapter, lang=lang) + "*")
    finally:
        context.close()


def test_language_choice_survives_a_browser_restart(playwright_session, server, tmp_path):
    profile = tmp_path / "profile"

    def launch():
        return playwright_session.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, locale="kk-KZ")

    context = launch()
    page = context.new_page()
    page.goto(url(server, DOCS[0], lang="kk"), wait_until="load")
    page.locator('.digecon-lang a[hreflang="en"]').first.click()
    page.wait_for_load_state("load")
    context.close()
    context = launch()
    try:
        page = context.new_page()
        page.goto(server, wait_until="load")
        page.wait_for_url(f"{server}en/book/**")
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_search_finds_a_word_of_the_edition(browser, server, lang):
    word = {"kk": "цифрлық", "ru": "цифровой", "en": "digital"}[lang]
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"{server}{lang}/search.html?q={word}", wait_until="load")
        page.wait_for_selector("#search-results ul.search li", timeout=20000)
        found = page.locator("#search-results ul.search li").count()
        heading = page.locator("#search-results h2").first.inner_text()
    finally:
        context.close()
    assert found >= 1, f"{lang}: searching {word!r} found nothing"
    if lang != "en":
        assert CYRILLIC.search(heading), f"{lang}: search results heading {heading!r}"


# --------------------------------------------------------------------------------------------
# Colab / Binder / download


@pytest.mark.parametrize("doc", CHAPTERS or ["(none)"], ids=page_id)
def test_chapter_pages_have_download_and_launch_buttons(book_html, doc):
    if doc == "(none)":
        pytest.skip("no chapter notebook in _toc.yml")
    html_dir = book_html / "kk"
    html = (html_dir / f"{doc}.html").read_text(encoding="utf-8")
    name = f"{doc.rsplit('/', 1)[-1]}.ipynb"
    # the buttons open the generated student notebook (digecon_book.launch), not the source
    download = re.search(rf'href="((?![^"]*://)[^"]*notebooks/[^"]*{re.escape(name)})"', html)
    assert download, f"{doc}: no .ipynb download button to the student notebook"
    page_dir = (html_dir / doc).parent
    assert (page_dir / download.group(1)).resolve().exists(), f"{doc}: the .ipynb is missing"
    assert re.search(rf'href="https://mybinder\.org/v2/gh/[^"]+{re.escape(name)}"', html), (
        f"{doc}: no Binder launch button (launch_buttons in _config.yml)")
    assert re.search(rf'href="https://colab\.research\.google\.com/github/[^"]+{re.escape(name)}"',
                     html), f"{doc}: no Colab launch button (launch_buttons in _config.yml)"


# --------------------------------------------------------------------------------------------
# the reproducibility report: every row, filters, search, the CSV download


def test_reproducibility_report_filters_and_its_csv_matches(browser, server):
    import csv
    import io

    if "book/reproducibility" not in DOCS:
        pytest.skip("no reproducibility page in this build")
    page = browser.new_page(accept_downloads=True)
    page.goto(url(server, "book/reproducibility", lang="en"), wait_until="load")
    # the closed groups' rows are inserted in small steps while the page is idle
    page.wait_for_selector("#audit-report[data-complete]", state="attached", timeout=20000)
    rows = page.locator("#audit-report tbody tr")
    # every group starts closed (the first paint lays out no row; Lighthouse's blocking time
    # on this page fell from about 150 ms to 30 ms); labels follow the page's language
    groups = page.locator("#audit-report details.audit-group")
    assert groups.count() >= 7 and page.eval_on_selector_all(
        "#audit-report details.audit-group", "gs => gs.every(g => !g.open)")
    assert page.locator("#audit-report thead th").first.text_content() == "Chapter"
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
    assert link == "egov.html#egov-audit"  # a label: the same anchor in every edition
    # in Russian the same row reads in Russian
    page.goto(url(server, "book/reproducibility", "q=egov.t3.egdi-of-kazakhstan-2005", lang="ru"),
              wait_until="load")
    row = page.locator("#audit-egov\\.t3\\.egdi-of-kazakhstan-2005")
    assert "расходится" in row.inner_text() and page.locator(".audit-count").inner_text() == "1"
    page.close()
