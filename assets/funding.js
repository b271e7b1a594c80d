/* /foerderung: map and treemap clicks, the breadcrumb, the table's sort order, the reset.
 *
 * Clientside: a click changes a control or a store; assets/url_state.js writes the URL and the
 * page's server callbacks answer the change.
 */
(function () {
  "use strict";

  var P = window.portalClientside; // assets/_portal_helpers.js
  var lastSort = null; // the column heading the visitor clicked, to focus again after re-render
  var drilledFrom = null; // the treemap block a keyboard drill or a breadcrumb step left

  var noUpdate = P.noUpdate;

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.funding = {
    /* A click on a district of the map filters the page by that district (its AGS). */
    district: function (click) {
      var point = click && click.points && click.points[0];
      return point && point.location ? point.location : noUpdate();
    },

    /* A click on a tile of the treemap: one level deeper ("" = "Sonstige", recipients: none). */
    drill: function (click, current) {
      var point = click && click.points && click.points[0];
      var key = point && point.customdata;
      if (Array.isArray(key)) key = key[0];
      var path = current ? current.split("/") : [];
      if (!key || path.length >= 2) return noUpdate();
      return path.concat([key]).join("/");
    },

    /* "Öffnen" beside the treemap (keyboard and screen readers): the chosen tile's level. */
    drillTo: function (clicks, key, current) {
      var path = current ? current.split("/") : [];
      if (!clicks || !key || key === "alle" || path.length >= 2) return noUpdate();
      drilledFrom = treeBlock();
      return path.concat([key]).join("/");
    },

    /* A step of the breadcrumb: back to that level. */
    crumb: function () {
      var click = P.fired();
      if (!click || !click.value) return noUpdate();
      drilledFrom = treeBlock();
      return click.id.path;
    },

    /* A heading's first click sorts ascending by its column, the next one descending. */
    sort: function (_clicks, current) {
      var click = P.sortClick(current);
      if (!click) return noUpdate();
      lastSort = click.key;
      return click.sort;
    },

    /* The filters back to "all": the defaults of the page's select controls, in URL order. */
    reset: function (clicks) {
      if (!clicks) throw window.dash_clientside.PreventUpdate;
      var el = document.getElementById("funding-url-state");
      var spec = JSON.parse(el.getAttribute("data-url-state"));
      return spec
        .filter(function (p) {
          return p.id && p.prop === "value" && p.id !== "funding-map-metric";
        })
        .map(function (p) {
          return p["default"];
        });
    },
  };

  function treeBlock() {
    return document.querySelector("#funding-tree > *");
  }

  /* After a keyboard drill or a breadcrumb step the treemap block is new: focus its control
   * (the next level's choice, else the breadcrumb's first step), not the top of the page. */
  function refocusTree() {
    var block = treeBlock();
    if (!drilledFrom || !block || block === drilledFrom) return;
    drilledFrom = null;
    var target = block.querySelector("#funding-drill-select") || block.querySelector(".funding-breadcrumb button");
    if (target) target.focus();
  }

  /* After a sort, the clicked heading is a new element: give it the focus back. */
  new MutationObserver(function () {
    refocusTree();
    if (!lastSort) return;
    var button = document.querySelector('#funding-grants [data-sort-key="' + lastSort + '"]');
    if (button && document.activeElement !== button) {
      lastSort = null;
      button.focus();
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
