// digecon book: keep <html lang> in step with the reader's language (tabs of sync group "lang"),
// so that screen readers and search in the page use the right language.
(function () {
  var KEY = "sphinx-design-tab-id-lang";
  var known = { kk: "kk", ru: "ru", en: "en" };
  function current() {
    var fromUrl = new URLSearchParams(window.location.search).get("lang");
    if (fromUrl && known[fromUrl]) return fromUrl;
    try { return window.localStorage.getItem(KEY) || "kk"; } catch (e) { return "kk"; }
  }
  function apply(lang) { document.documentElement.setAttribute("lang", known[lang] || "kk"); }
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
  document.addEventListener("DOMContentLoaded", function () {
    apply(current());
    fixCitationRoles();
    document.querySelectorAll('.sd-tab-set input[type="radio"]').forEach(function (input) {
      input.addEventListener("change", function () {
        var label = input.nextElementSibling;
        var id = label && label.getAttribute("data-sync-id");
        if (id && known[id]) apply(id);
      });
    });
  });
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
      var dict = words[lang] || words.en;
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
