/* /admin/kuratierung: what the curation board does in the browser, without a server request.
 *
 * Sorting and the status buttons write into controls that assets/url_state.js mirrors into the
 * URL; ticking rows, "select all on this page", closing the panel and giving the focus back.
 */
(function () {
  "use strict";

  var P = window.portalClientside; // assets/_portal_helpers.js
  var lastSort = null; // the column heading clicked, to focus again after the table re-renders
  // The row whose panel just closed: a save's table refresh may land after the panel is gone.
  var opener = null; // {sid, until}

  var noUpdate = P.noUpdate;

  function triggeredIds() {
    var ctx = window.dash_clientside.callback_context;
    return ((ctx && ctx.triggered) || []).map(function (t) {
      return t.prop_id;
    });
  }

  function focusOpener(sid) {
    var buttons = document.querySelectorAll("[data-open-solution]");
    for (var i = 0; i < buttons.length; i++) {
      if (buttons[i].getAttribute("data-open-solution") === sid) {
        buttons[i].focus();
        return;
      }
    }
    var heading = document.getElementById("curation-results-heading");
    if (heading) heading.focus();
  }

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.curation = {
    /* A heading's first click sorts ascending by its column, the next one descending. */
    sort: function (_clicks, current) {
      var click = P.sortClick(current);
      if (!click) return noUpdate();
      lastSort = click.key;
      return click.sort;
    },

    /* After a sort the clicked heading is a new element: give it the focus back. */
    refocusSort: function () {
      var key = lastSort;
      lastSort = null;
      window.requestAnimationFrame(function () {
        if (key) {
          var button = document.querySelector('#curation-table [data-sort-key="' + key + '"]');
          if (button) button.focus();
        } else if (opener && Date.now() < opener.until && document.activeElement === document.body) {
          focusOpener(opener.sid);
        }
      });
      return noUpdate();
    },

    /* A status button filters by its status (the status select, and so the URL, follows). */
    chooseStatus: function () {
      var click = P.fired();
      if (!click || !click.value) return noUpdate();
      return click.id.status;
    },

    /* Ticks: "all on this page" ticks or clears every row; a row ticks "all" when it is the last. */
    select: function (all, rows) {
      rows = rows || [];
      var byAll = triggeredIds().indexOf("curation-select-all.value") >= 0 && triggeredIds().length === 1;
      if (byAll) {
        rows = rows.map(function () {
          return !!all;
        });
      }
      var count = rows.filter(Boolean).length;
      var everything = rows.length > 0 && count === rows.length;
      var label = document.getElementById("curation-selected");
      var text = "";
      if (label) {
        if (count === 0) text = label.getAttribute("data-none");
        else if (count === 1) text = label.getAttribute("data-one");
        else text = label.getAttribute("data-many").replace("{}", String(count));
      }
      return [byAll ? rows : noUpdate(), byAll || everything === !!all ? noUpdate() : everything, text];
    },

    /* Every filter back to "all"; the sort order and the page size stay. */
    reset: function (clicks) {
      if (!clicks) throw window.dash_clientside.PreventUpdate;
      return ["alle", "alle", "alle", "alle", "alle", ""];
    },

    /* After a refused bulk move: the board anew at its current versions, the ticks kept. */
    reload: function (clicks, refresh) {
      if (!clicks) throw window.dash_clientside.PreventUpdate;
      return [{ n: ((refresh && refresh.n) || 0) + 1, keep: true }, null];
    },

    close: function (clicks) {
      if (!clicks) throw window.dash_clientside.PreventUpdate;
      return false;
    },

    /* The panel closed: the focus goes back to the row's "Öffnen" button (re-rendered meanwhile
     * if something was saved), not to the top of the page. */
    refocusOpener: function (isOpen, seen) {
      if (isOpen || !seen || !seen.sid) return noUpdate();
      var tries = 0;
      function attempt() {
        tries += 1;
        // The panel leaves the page once closed, and only then hands the focus back.
        var panel = document.querySelector(".curation-panel");
        if (panel && tries < 50) {
          window.setTimeout(attempt, 100);
          return;
        }
        opener = { sid: seen.sid, until: Date.now() + 3000 };
        var active = document.activeElement;
        var inPanel = panel && active && panel.contains(active);
        if (active && active !== document.body && document.body.contains(active) && !inPanel) return;
        focusOpener(seen.sid);
      }
      window.setTimeout(attempt, 100);
      return noUpdate();
    },
  };

  /* "Vorherige"/"Nächste" in the panel: the next solution's panel is new content; the focus goes
   * to the same button there (or, at an end of the list, to the other one), not to the page. */
  var stepped = null; // {direction, from: the button clicked, until}
  document.addEventListener(
    "click",
    function (event) {
      var button = event.target && event.target.closest && event.target.closest("[data-step]");
      // Kept a few seconds only: a step refused (unsaved changes) must not move the focus later.
      if (button) stepped = { direction: button.getAttribute("data-step"), from: button, until: Date.now() + 5000 };
    },
    true
  );
  new MutationObserver(function () {
    if (!stepped) return;
    if (Date.now() > stepped.until) {
      stepped = null;
      return;
    }
    var body = document.getElementById("curation-detail-body");
    var target = body && body.querySelector('[data-step="' + stepped.direction + '"]');
    if (!target || target === stepped.from) return;
    if (target.disabled) target = body.querySelector("[data-step]:not([disabled])") || target;
    stepped = null;
    target.focus();
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
