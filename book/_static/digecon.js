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
