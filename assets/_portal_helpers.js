/* Helpers the pages' clientside callbacks share, as window.portalClientside.
 *
 * Dash loads the files of assets/ in alphabetical order: the leading underscore puts this one
 * before the pages' scripts (challenges.js, curation.js, funding.js), which use it.
 */
(function () {
  "use strict";

  /* Dash's "leave this output as it is". */
  function noUpdate() {
    return window.dash_clientside.no_update;
  }

  /* The pattern-matching id (parsed) and value of the input that fired, or null. */
  function fired() {
    var ctx = window.dash_clientside.callback_context;
    var first = ctx && ctx.triggered && ctx.triggered[0];
    if (!first || !first.prop_id || first.prop_id.charAt(0) !== "{") return null;
    try {
      return { id: JSON.parse(first.prop_id.slice(0, first.prop_id.lastIndexOf("."))), value: first.value };
    } catch (e) {
      return null;
    }
  }

  /* A click on a sortable heading (components.sort_header): {key, sort} with the new sort order,
   * ascending by the heading's column at the first click, descending at the next; null if no
   * heading was clicked (headings that were just rendered fire too). */
  function sortClick(current) {
    var click = fired();
    if (!click || !click.value) return null;
    var key = click.id.key;
    return { key: key, sort: current === key ? "-" + key : key };
  }

  window.portalClientside = { noUpdate: noUpdate, fired: fired, sortClick: sortClick };
})();
