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
  var unchipped = null; // the chip list a removed chip left: focus the new one (or the heading)

  var noUpdate = P.noUpdate;

  window.dash_clientside = window.dash_clientside || {};
  var ALL = "alle"; // a select's "all" value (pages/funding.py ALL_VALUE)

  /* The clicked point's key: customdata is [name, key] on bars, [param, key] on tiles. */
  function pointKey(click) {
    var point = click && click.points && click.points[0];
    var data = point && point.customdata;
    return Array.isArray(data) ? data[data.length - 1] : data;
  }

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.funding = {
    /* A click on a district of the map filters the page by that district (its AGS). */
    district: function (click) {
      var point = click && click.points && click.points[0];
      return point && point.location ? point.location : noUpdate();
    },

    /* A leading district beside the map: the same filter, by button. */
    leader: function () {
      var click = P.fired();
      if (!click || !click.value) return noUpdate();
      return click.id.ags;
    },

    /* A click on a bar filters the page by it (field, Bezirk, band). */
    bar: function (click) {
      var key = pointKey(click);
      return key ? key : noUpdate();
    },

    /* A click on a treemap tile sets its filter: the field, then the association. */
    drill: function (click) {
      var point = click && click.points && click.points[0];
      var data = point && point.customdata;
      if (!Array.isArray(data) || !data[0] || !data[1]) return [noUpdate(), noUpdate()];
      return data[0] === "feld" ? [data[1], noUpdate()] : [noUpdate(), data[1]];
    },

    /* "Aufschlüsseln" beside the treemap (keyboard, screen readers): "feld=KJF", "verband=…". */
    drillTo: function (clicks, choice) {
      if (!clicks || !choice || choice.indexOf("=") < 0) return [noUpdate(), noUpdate()];
      drilledFrom = treeBlock();
      var parts = choice.split("=");
      return parts[0] === "feld" ? [parts[1], noUpdate()] : [noUpdate(), parts[1]];
    },

    /* A step of the breadcrumb: all fields (clears field and association) or the field. */
    crumb: function () {
      var click = P.fired();
      if (!click || !click.value) return [noUpdate(), noUpdate()];
      drilledFrom = treeBlock();
      return click.id.level === 0 ? [ALL, ALL] : [noUpdate(), ALL];
    },

    /* A chip's button removes its filter; the focus goes to the chips that are left. */
    unchip: function () {
      var click = P.fired();
      var names = filterNames();
      if (!click || !click.value) return names.map(noUpdate);
      unchipped = chipList() || "none";
      return names.map(function (name) {
        return name === click.id.param ? ALL : noUpdate();
      });
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
      return filterNames().map(function () {
        return ALL;
      });
    },
  };

  /* The filters' URL names in the order of the page's filter selects (its URL spec). */
  function filterNames() {
    var el = document.getElementById("funding-url-state");
    var spec = JSON.parse(el.getAttribute("data-url-state"));
    return spec
      .filter(function (p) {
        return p.id && p.prop === "value" && p.id !== "funding-map-metric";
      })
      .map(function (p) {
        return p.name;
      });
  }

  function chipList() {
    return document.querySelector("#funding-chips .funding-chip-list");
  }

  function refocusChips() {
    var list = chipList();
    if (!unchipped || list === unchipped || (!list && unchipped === "none")) return;
    var target = list ? list.querySelector(".funding-chip") : document.getElementById("funding-filters-heading");
    if (!target) return;
    unchipped = null;
    if (!target.hasAttribute("tabindex") && target.tagName === "H2") target.setAttribute("tabindex", "-1");
    target.focus();
  }

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
    refocusChips();
    if (!lastSort) return;
    var button = document.querySelector('#funding-grants [data-sort-key="' + lastSort + '"]');
    if (button && document.activeElement !== button) {
      lastSort = null;
      button.focus();
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
