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
  // A wide table scrolls in its own box on a narrow screen (digecon.css): a keyboard user
  // must be able to reach it to scroll it (axe: scrollable-region-focusable).
  function focusableScrollers() {
    document.querySelectorAll(".bd-article table").forEach(function (t) {
      if (t.scrollWidth > t.clientWidth + 1) {
        t.setAttribute("tabindex", "0");
      } else if (t.getAttribute("tabindex") === "0") {
        t.removeAttribute("tabindex");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    fixCitationRoles();
    focusableScrollers();
  });
  window.addEventListener("resize", focusableScrollers);
})();

// The reproducibility report (#audit-report): labels in the page's language, filters by
// chapter, source, verdict and severity, a search, and the whole audit as a CSV download (the
// CSV is embedded once in the page). Every row is in the page; this only hides rows.
(function () {
  function setup(root) {
    var controls = root.querySelectorAll("[data-filter]");
    var rows = root.querySelectorAll("tbody tr");
    var count = root.querySelector(".audit-count");
    var words = JSON.parse(root.querySelector("script.audit-labels").textContent);
    function relabel() {
      var lang = document.documentElement.getAttribute("lang") || "kk";
      var dict = words[lang] || words[Object.keys(words)[0]];
      root.querySelectorAll("[data-l]").forEach(function (el) {
        var text = dict[el.getAttribute("data-l")];
        if (text) el.textContent = text;
      });
    }
    function update() {
      var want = {};
      controls.forEach(function (c) { want[c.getAttribute("data-filter")] = c.value.trim(); });
      var q = (want.q || "").toLowerCase();
      var shown = 0;
      rows.forEach(function (tr) {
        var ok = ["chapter", "seed", "verdict", "severity"].every(function (k) {
          return !want[k] || tr.getAttribute("data-" + k) === want[k];
        });
        if (ok && q) ok = (tr.id + " " + tr.textContent).toLowerCase().indexOf(q) !== -1;
        tr.hidden = !ok;
        if (ok) shown += 1;
      });
      if (count) count.textContent = String(shown);
    }
    controls.forEach(function (c) {
      c.addEventListener(c.tagName === "SELECT" ? "change" : "input", update);
    });
    var link = root.querySelector("a.audit-csv");
    var data = root.querySelector("script.audit-data");
    if (link && data) {
      var blob = new Blob([data.textContent], { type: "text/csv;charset=utf-8" });
      link.href = URL.createObjectURL(blob);
    }
    var params = new URLSearchParams(window.location.search);
    controls.forEach(function (c) {
      var v = params.get(c.getAttribute("data-filter"));
      if (v) c.value = v;
    });
    relabel();
    new MutationObserver(relabel).observe(document.documentElement,
      { attributes: true, attributeFilter: ["lang"] });
    update();
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("#audit-report").forEach(setup);
  });
})();
