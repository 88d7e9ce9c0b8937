// digecon book: small fixes to every page of every edition.
(function () {
  // An inline icon: without one the browser asks the server for /favicon.ico, which the book
  // does not have (a 404 in the console of every page, and a request outside the book's folder).
  if (document.head && !document.querySelector('link[rel~="icon"]')) {
    var icon = document.createElement("link");
    icon.rel = "icon";
    icon.href = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E" +
      "%3Crect width='16' height='16' rx='3' fill='%2300a3c4'/%3E%3C/svg%3E";
    document.head.appendChild(icon);
  }
  // Accessibility: docutils marks bibliography entries with the deprecated ARIA role
  // "doc-biblioentry" inside role="list", which screen readers cannot read as a list
  // (axe: aria-required-children, critical). Make the entries list items.
  function fixCitationRoles() {
    document.querySelectorAll('[role="list"] > [role="doc-biblioentry"]').forEach(function (el) {
      el.setAttribute("role", "listitem");
    });
  }
  // A box that scrolls (a wide table or code block, an output) must be reachable from the
  // keyboard to be scrolled (axe: scrollable-region-focusable). Whether a box scrolls is known
  // only after layout, and asking at load would force the layout of the whole page (sections
  // below the first screen are laid out only when the reader nears them: content-visibility
  // in digecon.css). So every such box starts focusable and is checked when it comes near the
  // screen, after the browser has laid it out anyway. This replaces the theme's own pass at
  // load over the same boxes (removed from its script by digecon_book.build.lighten_pages).
  var SCROLLERS = [".bd-article table", "pre", ".nboutput > .output_area", ".cell_output > .output",
                   ".jp-RenderedHTMLCommon", ".pst-scrollable-table-container"].join(", ");
  function setFocusable(box) {
    if (box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1) {
      box.setAttribute("tabindex", "0");
    } else if (box.getAttribute("tabindex") === "0") {
      box.removeAttribute("tabindex");
    }
  }
  function focusableScrollers() {
    var boxes = document.querySelectorAll(SCROLLERS);
    if (!boxes.length) return;
    if (!("IntersectionObserver" in window)) {
      boxes.forEach(setFocusable);
      window.addEventListener("resize", function () { boxes.forEach(setFocusable); });
      return;
    }
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (e.isIntersecting) setFocusable(e.target);
      });
    }, {rootMargin: "50% 0px"});
    boxes.forEach(function (box) {
      if (!box.hasAttribute("tabindex")) box.setAttribute("tabindex", "0");
      seen.observe(box);
    });
    window.addEventListener("resize", function () {  // look again at each as it is seen
      boxes.forEach(function (box) { seen.unobserve(box); seen.observe(box); });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    fixCitationRoles();
    focusableScrollers();
  });
})();

// The reproducibility report (#audit-report): filters by chapter, source, verdict and
// severity, and a search. Every row is in the page, in one collapsed group per chapter (a
// closed group costs nothing to lay out; its rows come as raw text, inserted here a few rows
// at a time while the browser is idle, so no long task keeps the reader waiting; the report
// is marked data-complete once every row is in); a filter, a search, a link to one row or
// opening a group first inserts whatever is left. A filter or a search opens the groups with
// matching rows and hides the others; with no filter the groups are as the page opened. The
// CSV link points to the file audit.csv beside the page.
(function () {
  var ROWS_PER_STEP = 8, STEP_MS = 4;
  function setup(root) {
    // the closed groups' rows come as raw text (the first paint does not build them)
    var pending = [];  // [group's body, a few rows' HTML], in the page's order
    root.querySelectorAll("script.audit-rows").forEach(function (s) {
      var tbody = s.parentNode.querySelector("tbody");
      var rows = s.textContent.split(/(?=<tr[\s>])/);
      for (var i = 0; i < rows.length; i += ROWS_PER_STEP) {
        pending.push([tbody, rows.slice(i, i + ROWS_PER_STEP).join("")]);
      }
      s.remove();
    });
    function insertOne() {
      var next = pending.shift();
      next[0].insertAdjacentHTML("beforeend", next[1]);
      if (!pending.length) root.setAttribute("data-complete", "");
    }
    function complete() { while (pending.length) insertOne(); }
    var later = window.requestIdleCallback || function (f) { return setTimeout(f, 1); };
    function step() {
      var until = performance.now() + STEP_MS;
      while (pending.length && performance.now() < until) insertOne();
      if (pending.length) later(step);
    }
    if (pending.length) later(step); else root.setAttribute("data-complete", "");
    var controls = root.querySelectorAll("[data-filter]");
    var groups = root.querySelectorAll("details.audit-group");
    var count = root.querySelector(".audit-count");
    var filtered = false;
    var initial = Array.prototype.map.call(groups, function (g) { return g.open; });
    function update() {
      complete();
      var want = {}, any = false;
      controls.forEach(function (c) {
        want[c.getAttribute("data-filter")] = c.value.trim();
        if (c.value.trim()) any = true;
      });
      var q = (want.q || "").toLowerCase();
      var shown = 0;
      groups.forEach(function (g, i) {
        var inGroup = 0, chapterOk = !want.chapter || g.getAttribute("data-chapter") === want.chapter;
        g.querySelectorAll("tbody tr").forEach(function (tr) {
          var ok = chapterOk && ["seed", "verdict", "severity"].every(function (k) {
            return !want[k] || tr.getAttribute("data-" + k) === want[k];
          });
          if (ok && q) ok = (tr.id + " " + tr.textContent).toLowerCase().indexOf(q) !== -1;
          tr.hidden = !ok;
          if (ok) inGroup += 1;
        });
        shown += inGroup;
        g.hidden = any && !inGroup;
        if (any) g.open = inGroup > 0;
        else if (filtered) g.open = initial[i];
      });
      filtered = any;
      if (count) count.textContent = String(shown);
    }
    controls.forEach(function (c) {
      c.addEventListener(c.tagName === "SELECT" ? "change" : "input", update);
    });
    groups.forEach(function (g) {  // a group the reader opens shows all its rows at once
      g.addEventListener("toggle", function () {
        var body = g.querySelector("tbody");
        if (g.open && pending.some(function (p) { return p[0] === body; })) complete();
      });
    });
    function reveal() {  // a link to one row (#audit-<id>) opens its group
      var id = decodeURIComponent(window.location.hash.slice(1));
      if (id) complete();
      var tr = id && document.getElementById(id);
      var g = tr && root.contains(tr) && tr.closest("details");
      if (g) { g.open = true; tr.scrollIntoView(); }
    }
    var params = new URLSearchParams(window.location.search);
    var given = false;
    controls.forEach(function (c) {
      var v = params.get(c.getAttribute("data-filter"));
      if (v) { c.value = v; given = true; }
    });
    if (given) update();
    reveal();
    window.addEventListener("hashchange", reveal);
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("#audit-report").forEach(setup);
  });
})();
