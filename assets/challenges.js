/* /herausforderungen: the unsolved table's sort order, and the focus after the table re-renders.
 *
 * Clientside, so a click on a column heading costs one server request (the table), no more. The
 * sort order lives in a store that assets/url_state.js mirrors into the URL (`sortierung`).
 */
(function () {
  "use strict";

  var P = window.portalClientside; // assets/_portal_helpers.js
  var lastSort = null; // the column heading the visitor clicked, to focus again after re-render

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.challenges = {
    /* A heading's first click sorts ascending by its column, the next one descending. */
    sort: function (_clicks, current) {
      var click = P.sortClick(current);
      if (!click) return P.noUpdate();
      lastSort = click.key;
      return click.sort;
    },

    /* The filters back to "all": the defaults of the page's select controls, in URL order. */
    reset: function (clicks) {
      if (!clicks) throw window.dash_clientside.PreventUpdate;
      var el = document.getElementById("challenges-url-state");
      var spec = JSON.parse(el.getAttribute("data-url-state"));
      return spec
        .filter(function (p) {
          return p.id && p.prop === "value";
        })
        .map(function (p) {
          return p["default"];
        });
    },

    /* After a sort, the clicked heading is a new element: give it the focus back. */
    refocus: function () {
      var key = lastSort;
      lastSort = null;
      if (key) {
        window.requestAnimationFrame(function () {
          var button = document.querySelector('#challenges-unsolved [data-sort-key="' + key + '"]');
          if (button) button.focus();
        });
      }
      return P.noUpdate();
    },
  };
})();
