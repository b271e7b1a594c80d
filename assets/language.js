/* The language switch keeps the page's state: "English"/"Deutsch" leads to the same address with
 * its filters, only `lang` changed. The link's plain `?lang=…` stays the fallback without script. */
(function () {
  "use strict";

  function retarget(event) {
    var link = event.target && event.target.closest && event.target.closest(".portal-navbar a[hreflang]");
    if (!link) return;
    var url = new URL(window.location.href);
    url.searchParams.set("lang", link.getAttribute("hreflang"));
    link.setAttribute("href", url.pathname + url.search + url.hash);
  }

  // Before the click follows the link; on hover and focus too, so the status bar shows the target.
  ["click", "auxclick", "mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, retarget, true);
  });
})();
