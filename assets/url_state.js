/* A page's state in the URL without re-rendering the page (see docs/stack.md, Dash Pages).
 *
 * A page declares its URL parameters with components.url_state / components.sync_url. Then:
 * - `portalUrl.write` runs as a clientside callback whenever one of the page's controls changes.
 *   It writes the URL with pushState (a committed choice: a facet, the sort) or replaceState
 *   (typing: a run of changes to a search box shares one history entry), only when the URL really
 *   differs, and puts the page's canonical query into the store `<page>-query`, which the page's
 *   server callback listens to. A parameter marked `reset` (the page number) goes back to its
 *   default when another one changes, in the same history entry (not when only a `keeps` one,
 *   such as the gallery's view toggle, changes).
 * - On Back/Forward (popstate) and on a dcc.Link within the page (pagination, "reset filters"),
 *   `restore` feeds the controls and the store from the URL and stops the event before the Pages
 *   router's Location sees it: the page follows the URL however many steps the visitor goes back,
 *   keeps its focus, and is never rendered twice.
 */
(function () {
  "use strict";

  var active = null; // {page, path, spec, focus, query}: the rendered page that mirrors the URL
  var lastValues = {}; // parameter name -> the control's value as write() last saw it
  var lastTyping = null; // name of the typing parameter the previous write changed alone
  var expected = null; // parameter name -> canonical value that restore() is feeding in

  function noUpdate() {
    return window.dash_clientside.no_update;
  }

  /* A value as the list of strings the URL holds for it; empty when it is the default. */
  function canonical(value, p) {
    var items = Array.isArray(value) ? value : [value];
    items = items
      .filter(function (v) {
        return v !== null && v !== undefined && v !== "";
      })
      .map(String);
    if (p.kind === "int") {
      items = items.map(function (v) {
        return parseInt(v, 10);
      });
      items = items.filter(function (v) {
        return !isNaN(v);
      }).map(String);
    }
    if (p.kind !== "list") items = items.slice(0, 1);
    var fallback = p["default"] === null || p["default"] === undefined ? "" : p["default"];
    if (items.length === 1 && p.kind !== "list" && items[0] === String(fallback)) return [];
    return items;
  }

  function same(a, b) {
    return a.join("\u0000") === b.join("\u0000");
  }

  function fromUrl(search, p) {
    var raw = search.getAll(p.name);
    if (p.kind === "list") return raw.filter(Boolean);
    var value = canonical(raw[0], p);
    if (!value.length) return p["default"];
    return p.kind === "int" ? parseInt(value[0], 10) : value[0];
  }

  function encode(text) {
    return encodeURIComponent(text).replace(/%20/g, "+").replace(/%2C/gi, ",");
  }

  /* The page's parameters in declaration order; `values(p)` gives each one's URL strings. */
  function queryOf(spec, values) {
    var pairs = [];
    spec.forEach(function (p) {
      values(p).forEach(function (v) {
        pairs.push(encode(p.name) + "=" + encode(v));
      });
    });
    return pairs.join("&");
  }

  function urlQuery(spec, search) {
    return queryOf(spec, function (p) {
      return canonical(fromUrl(search, p), p);
    });
  }

  /* The address for a page query: other parameters kept after it, the language left to its cookie. */
  function addressFor(query, spec, search) {
    var names = spec.map(function (p) {
      return p.name;
    });
    var others = [];
    search.forEach(function (value, name) {
      if (name !== "lang" && names.indexOf(name) < 0) others.push(encode(name) + "=" + encode(value));
    });
    var full = [query].concat(others).filter(Boolean).join("&");
    return window.location.pathname + (full ? "?" + full : "");
  }

  function setAddress(url, push) {
    if (url === window.location.pathname + window.location.search) return;
    if (push) window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }

  function triggeredNames(spec) {
    var ctx = window.dash_clientside.callback_context;
    var triggered = (ctx && ctx.triggered) || [];
    var names = [];
    triggered.forEach(function (t) {
      spec.forEach(function (p) {
        if (p.id && t.prop_id === p.id + "." + p.prop) names.push(p.name);
      });
    });
    return names;
  }

  function start(page, spec, focus, values) {
    lastTyping = null;
    expected = null;
    // The layout was built from this URL: only tidy it (canonical form), without a new entry.
    var search = new URLSearchParams(window.location.search);
    var query = queryOf(spec, function (p) {
      return p.id ? canonical(values[p.name], p) : canonical(fromUrl(search, p), p);
    });
    setAddress(addressFor(query, spec, search), false);
    active = { page: page, path: window.location.pathname, spec: spec, focus: focus, query: query };
  }

  /* True when this call only echoes values that restore() fed in. */
  function echoesRestore(spec, values) {
    if (!expected) return false;
    var names = triggeredNames(spec);
    var echo =
      names.length > 0 &&
      names.every(function (name) {
        var p = spec.filter(function (q) {
          return q.name === name;
        })[0];
        return name in expected && same(expected[name], canonical(values[name], p));
      });
    if (!echo) {
      expected = null; // the visitor changed something meanwhile: follow the visitor
      return false;
    }
    names.forEach(function (name) {
      delete expected[name];
    });
    if (!Object.keys(expected).length) expected = null;
    return true;
  }

  function write(page, spec, focus, args) {
    var values = {};
    var i = 0;
    spec.forEach(function (p) {
      if (p.id) values[p.name] = args[i++];
    });
    var initial = !triggeredNames(spec).length;
    if (initial || !active || active.page !== page) lastValues = {};
    Object.keys(values).forEach(function (name) {
      lastValues[name] = values[name];
    });
    if (initial || !active || active.page !== page) {
      start(page, spec, focus, values);
      return noUpdate();
    }
    if (echoesRestore(spec, values)) return noUpdate();

    var search = new URLSearchParams(window.location.search);
    var changed = spec.filter(function (p) {
      return p.id && !same(canonical(values[p.name], p), canonical(fromUrl(search, p), p));
    });
    if (!changed.length) return noUpdate();
    // A view toggle (`keeps`) changes how the results look, not which: the page number stays.
    var resets = changed.some(function (p) {
      return !p.keeps;
    });
    var query = queryOf(spec, function (p) {
      if (p.reset && resets && changed.indexOf(p) < 0) {
        if (p.id && canonical(values[p.name], p).length) {
          var props = {};
          props[p.prop] = p["default"];
          window.dash_clientside.set_props(p.id, props);
        }
        return [];
      }
      return p.id ? canonical(values[p.name], p) : canonical(fromUrl(search, p), p);
    });
    var typing = changed.length === 1 && changed[0].typing ? changed[0].name : null;
    var push = changed.some(function (p) {
      return p.push || p.typing;
    });
    if (typing && lastTyping === typing) push = false;
    lastTyping = typing;
    setAddress(addressFor(query, spec, search), push);
    active.query = query;
    return query;
  }

  function restore(event) {
    if (!active || active.path !== window.location.pathname) return;
    if (!document.getElementById(active.page + "-url-state")) return;
    if (!window.dash_clientside || !window.dash_clientside.set_props) return;
    // The page follows the URL itself; the router would render it again and lose the focus.
    event.stopImmediatePropagation();
    var search = new URLSearchParams(window.location.search);
    var query = urlQuery(active.spec, search);
    if (query === active.query) return; // only the hash moved (the skip link), or the same link
    active.query = query;
    lastTyping = null;
    expected = {};
    active.spec.forEach(function (p) {
      if (!p.id) return;
      var value = fromUrl(search, p);
      var wanted = canonical(value, p);
      if (same(wanted, canonical(lastValues[p.name], p))) return;
      expected[p.name] = wanted;
      var props = {};
      props[p.prop] = value;
      window.dash_clientside.set_props(p.id, props);
    });
    if (!Object.keys(expected).length) expected = null;
    window.dash_clientside.set_props(active.page + "-query", { data: query });
    if (event.type === "_dashprivate_pushstate" && active.focus) moveFocus(active.focus);
  }

  /* After an in-page link (a page of results), focus and show where the new content starts. */
  function moveFocus(id) {
    var target = document.getElementById(id);
    if (!target) return;
    target.focus({ preventScroll: true });
    // dcc.Link scrolls to the top right after this event; scroll to the target after it.
    window.setTimeout(function () {
      target.scrollIntoView({ block: "start" });
    }, 0);
  }

  window.portalUrl = { write: write, restore: restore };
  // Registered before Dash mounts its Location, so these run first and can stop the event.
  window.addEventListener("popstate", restore);
  window.addEventListener("_dashprivate_pushstate", restore);
})();
