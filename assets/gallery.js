/* The gallery's filter panel starts folded on a narrow screen (it is rendered open for wide ones). */
(function () {
  "use strict";

  var NARROW = "(max-width: 991.98px)";

  function fold() {
    var panel = document.getElementById("gallery-filter-panel");
    if (!panel || panel.dataset.folded) return;
    panel.dataset.folded = "1"; // once per rendered page: the visitor's own choice then stands
    if (window.matchMedia(NARROW).matches) panel.open = false;
  }

  new MutationObserver(fold).observe(document.documentElement, { childList: true, subtree: true });
})();
