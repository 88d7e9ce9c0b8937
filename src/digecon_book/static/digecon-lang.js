// digecon book: remember the edition the reader reads, for the root page and old links.
(function () {
  var KEY = "digecon-lang";
  var lang = document.documentElement.getAttribute("lang");
  try {
    if (lang) window.localStorage.setItem(KEY, lang);
    document.querySelectorAll("[data-digecon-lang]").forEach(function (a) {
      a.addEventListener("click", function () {
        window.localStorage.setItem(KEY, a.getAttribute("data-digecon-lang"));
        // keep the place on the page: the same section in the other edition
        if (window.location.hash && a.href.indexOf("#") < 0) a.href += window.location.hash;
      });
    });
  } catch (e) { /* storage disabled: the links still work */ }
})();
