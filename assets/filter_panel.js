/* A page's filter panel (components.filter_panel, `details.filter-panel`) starts folded on a
   narrow screen; it is rendered open for wide ones. Once per rendered panel: the visitor's own
   choice then stands. */
(function () {
  "use strict";

  var NARROW = "(max-width: 991.98px)";

  function fold() {
    document.querySelectorAll("details.filter-panel:not([data-folded])").forEach(function (panel) {
      panel.dataset.folded = "1";
      if (window.matchMedia(NARROW).matches) panel.open = false;
    });
  }

  new MutationObserver(fold).observe(document.documentElement, { childList: true, subtree: true });
})();
