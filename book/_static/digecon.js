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
  document.addEventListener("DOMContentLoaded", function () {
    apply(current());
    document.querySelectorAll('.sd-tab-set input[type="radio"]').forEach(function (input) {
      input.addEventListener("change", function () {
        var label = input.nextElementSibling;
        var id = label && label.getAttribute("data-sync-id");
        if (id && known[id]) apply(id);
      });
    });
  });
})();
