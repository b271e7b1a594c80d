/* Filter state in the URL without re-rendering the page (see PITFALLS.md, Pages router).
 *
 * A page declares its URL parameters in a hidden element `[data-url-state]` (JSON: name, id, prop,
 * default, kind, push). `portalUrl.write` runs as a clientside callback whenever a control changes
 * and writes the URL with replaceState (typing) or pushState (a committed choice), only when it
 * really differs. On Back/Forward, the popstate listener feeds the controls from the URL, so the
 * page follows however many steps the visitor goes back.
 */
(function () {
  "use strict";

  function isDefault(value, p) {
    if (value === null || value === undefined || value === "") return true;
    if (Array.isArray(value)) return value.length === 0;
    return String(value) === String(p["default"]);
  }

  function encode(value) {
    return Array.isArray(value) ? value.join(",") : String(value);
  }

  function decode(raw, p) {
    if (raw === null || raw === "") return p.kind === "list" ? [] : p["default"];
    if (p.kind === "list") return raw.split(",").filter(Boolean);
    if (p.kind === "int") {
      var n = parseInt(raw, 10);
      return isNaN(n) ? p["default"] : n;
    }
    return raw;
  }

  function write(spec, values) {
    var params = new URLSearchParams(window.location.search);
    var push = false;
    spec.forEach(function (p, i) {
      var before = params.get(p.name);
      if (isDefault(values[i], p)) params["delete"](p.name);
      else params.set(p.name, encode(values[i]));
      if (params.get(p.name) !== before && p.push) push = true;
    });
    params["delete"]("lang");
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "");
    if (url !== window.location.pathname + window.location.search) {
      if (push) window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    }
    return query;
  }

  function restore() {
    var el = document.querySelector("[data-url-state]");
    if (!el || !window.dash_clientside || !window.dash_clientside.set_props) return;
    var spec = JSON.parse(el.getAttribute("data-url-state"));
    var params = new URLSearchParams(window.location.search);
    spec.forEach(function (p) {
      var props = {};
      props[p.prop] = decode(params.get(p.name), p);
      window.dash_clientside.set_props(p.id, props);
    });
  }

  window.portalUrl = { write: write, decode: decode };
  window.addEventListener("popstate", restore);
})();
