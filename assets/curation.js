/* /admin/kuratierung: what the curation board does in the browser, without a server request.
 *
 * Sorting and the status buttons write into controls that assets/url_state.js mirrors into the
 * URL; ticking rows, "select all on this page", closing the panel and giving the focus back.
 */
(function () {
  "use strict";

  var P = window.portalClientside; // assets/_portal_helpers.js
  var lastSort = null; // the column heading clicked, to focus again after the table re-renders
  var DEFAULT_ORDER = "neu"; // the board's default `sortierung` (new ones first, oldest first)
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
        if (key === DEFAULT_ORDER) {
          // Its button is gone with the default order: the results' heading takes the focus.
          var heading = document.getElementById("curation-results-heading");
          if (heading) heading.focus();
        } else if (key) {
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

    /* "Zur Standardreihenfolge": the new ones first, oldest first (the URL drops `sortierung`). */
    defaultOrder: function (clicks) {
      if (!clicks) throw window.dash_clientside.PreventUpdate;
      lastSort = DEFAULT_ORDER;
      return DEFAULT_ORDER;
    },

    /* "Noch nicht von mir bewertet": the rating filter to that choice, or back to all. */
    notMine: function (clicks, current) {
      if (!clicks) throw window.dash_clientside.PreventUpdate;
      return current === "nicht-von-mir" ? "alle" : "nicht-von-mir";
    },

    /* The panel moved to a row on another page of the board: the URL names that page, and the
     * board follows it as it follows Back (assets/url_state.js), the focus staying in the panel. */
    gotoPage: function (goto) {
      if (!goto || !goto.page) return noUpdate();
      var search = new URLSearchParams(window.location.search);
      if (parseInt(search.get("seite") || "1", 10) === goto.page) return noUpdate();
      if (goto.page === 1) search.delete("seite");
      else search.set("seite", String(goto.page));
      var query = search.toString();
      window.history.pushState(null, "", window.location.pathname + (query ? "?" + query : ""));
      window.dispatchEvent(new PopStateEvent("popstate", { state: null }));
      return noUpdate();
    },

    /* After the consent the button is gone: the focus moves to the player. */
    focusPlayer: function () {
      var tries = 0;
      (function focus() {
        var frame = document.getElementById("curation-video-frame");
        if (frame) frame.focus();
        else if (++tries < 60) window.requestAnimationFrame(focus);
      })();
      return noUpdate();
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
   * to the same button there (or, at an end of the list, to the other one), not to the page.
   * After "Speichern & weiter" and the keys J/K it goes to the new solution's heading, which a
   * screen reader reads (the feedback above says what was saved). */
  var stepped = null; // {direction, from: the button clicked, until}
  var advancing = null; // {from: the solution shown, until}: the heading gets the focus
  var ARMED = 30000; // ms: a slow first answer still moves the focus; another action disarms

  function shownSolution() {
    var heading = document.getElementById("curation-detail-heading");
    return heading ? heading.getAttribute("data-solution") : null;
  }

  function advanceFocus() {
    advancing = { from: shownSolution(), until: Date.now() + ARMED };
  }

  document.addEventListener(
    "click",
    function (event) {
      var target = event.target && event.target.closest ? event.target : null;
      var button = target && target.closest("[data-step]");
      // Kept a few seconds only: a step refused (unsaved changes) must not move the focus later.
      if (button) stepped = { direction: button.getAttribute("data-step"), from: button, until: Date.now() + 5000 };
      if (target && target.closest("[data-save-next]")) advanceFocus();
      else if (!keyClick) advancing = null;
      // "Aktuellen Stand laden" leaves with its notice: the focus goes to the heading.
      var reload = target && target.closest("#curation-detail-reload");
      reloading = reload ? { button: reload, until: Date.now() + ARMED } : null;
    },
    true
  );
  var reloading = null; // {button, until}
  new MutationObserver(function () {
    if (reloading) {
      if (Date.now() > reloading.until) reloading = null;
      else if (!document.body.contains(reloading.button)) {
        var title = document.getElementById("curation-detail-heading");
        reloading = null;
        if (title) title.focus();
      }
    }
    if (advancing) {
      if (Date.now() > advancing.until) {
        advancing = null;
      } else {
        var heading = document.getElementById("curation-detail-heading");
        var now = heading && heading.getAttribute("data-solution");
        if (heading && now && now !== advancing.from) {
          advancing = null;
          stepped = null;
          heading.focus();
          return;
        }
      }
    }
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

  /* The panel's keys (WCAG 2.1.4: active only while the focus is in the panel, never while
   * typing into a field): J or Alt+↓ the next solution, K or Alt+↑ the previous one, 1–5 rates
   * the criterion in focus (else the first one without a score) and moves on to the next one
   * (after the last: to the status), Ctrl+Enter "Speichern & weiter". Escape closes the panel
   * (Bootstrap's offcanvas). The keys are listed in the panel. */
  var keyClick = false; // a click made by a key: it arms the focus itself

  function typing(element) {
    if (!element || !element.tagName) return false;
    if (element.isContentEditable) return true;
    var tag = element.tagName.toLowerCase();
    if (tag === "textarea" || tag === "select") return true;
    if (tag !== "input") return false;
    var type = (element.getAttribute("type") || "text").toLowerCase();
    return ["radio", "checkbox", "button", "submit", "reset", "range", "color", "file"].indexOf(type) < 0;
  }

  function press(button) {
    if (!button || button.disabled) return;
    keyClick = true;
    try {
      button.click();
    } finally {
      keyClick = false;
    }
  }

  function rate(panel, digit, active) {
    var groups = Array.prototype.slice.call(panel.querySelectorAll("[data-criterion]"));
    if (!groups.length) return false;
    var index = -1;
    groups.forEach(function (group, i) {
      if (group.contains(active)) index = i;
    });
    if (index < 0) {
      index = 0;
      for (var i = 0; i < groups.length; i++) {
        if (!groups[i].querySelector("input:checked")) {
          index = i;
          break;
        }
      }
    }
    var radio = groups[index].querySelector('input[type="radio"][value="' + digit + '"]');
    if (!radio) return false;
    if (!radio.checked) radio.click();
    var next = groups[index + 1];
    if (next) {
      (next.querySelector("input:checked") || next.querySelector('input[type="radio"]')).focus();
    } else {
      var status = document.getElementById("curation-detail-status");
      if (status) status.focus();
    }
    return true;
  }

  document.addEventListener("keydown", function (event) {
    var panel = document.querySelector(".curation-panel");
    var active = document.activeElement;
    if (!panel || !active || !panel.contains(active) || event.defaultPrevented) return;
    var body = document.getElementById("curation-detail-body");
    if (!body) return;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.altKey) {
      var save = body.querySelector("[data-save-next]");
      if (!save) return;
      event.preventDefault();
      advanceFocus();
      press(save);
      return;
    }
    if (typing(active) || event.ctrlKey || event.metaKey || event.isComposing) return;
    var key = event.key;
    var direction = null;
    if (event.altKey) {
      if (key === "ArrowDown") direction = "next";
      else if (key === "ArrowUp") direction = "prev";
    } else if (!event.shiftKey && (key === "j" || key === "J")) {
      direction = "next";
    } else if (!event.shiftKey && (key === "k" || key === "K")) {
      direction = "prev";
    }
    if (direction) {
      var step = body.querySelector('[data-step="' + direction + '"]');
      event.preventDefault();
      if (!step || step.disabled) return;
      advanceFocus();
      press(step);
      stepped = null; // the heading gets the focus, not the button
      return;
    }
    if (!event.altKey && !event.shiftKey && /^[1-5]$/.test(key) && rate(body, key, active)) {
      event.preventDefault();
    }
  });
})();
