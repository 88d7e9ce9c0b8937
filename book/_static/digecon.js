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

// The reproducibility report (#audit-report): filters by chapter, source, verdict and
// severity, and a search. Every row is in the page, in one collapsed group per chapter (a
// closed group costs nothing to lay out; its rows come as raw text inserted here); a filter
// or a search opens the groups with matching rows and hides the others; with no filter the
// groups are as the page opened. The CSV link points to the file audit.csv beside the page.
(function () {
  function setup(root) {
    // the closed groups' rows come as raw text (the first paint does not build them)
    root.querySelectorAll("script.audit-rows").forEach(function (s) {
      var tbody = s.parentNode.querySelector("tbody");
      tbody.insertAdjacentHTML("beforeend", s.textContent);
      s.remove();
    });
    var controls = root.querySelectorAll("[data-filter]");
    var groups = root.querySelectorAll("details.audit-group");
    var count = root.querySelector(".audit-count");
    var filtered = false;
    var initial = Array.prototype.map.call(groups, function (g) { return g.open; });
    function update() {
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
    function reveal() {  // a link to one row (#audit-<id>) opens its group
      var id = decodeURIComponent(window.location.hash.slice(1));
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
