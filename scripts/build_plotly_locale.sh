#!/usr/bin/env bash
# Makes assets/plotly-locale-de.js from npm's plotly.js-locales (MIT): German modebar and dates.
# plotly.js picks up window.PlotlyLocales when it loads (dcc.Graph loads it lazily).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
(cd "$tmp" && npm pack --silent plotly.js-locales@3 >/dev/null && tar xzf plotly.js-locales-*.tgz)
{
  echo "/* plotly.js-locales $(node -p "require('$tmp/package/package.json').version") de, MIT licence */"
  echo "(function () {"
  echo "  var module = { exports: {} };"
  sed '1s/^.use strict.;$//' "$tmp/package/de.js"
  echo "  var locale = module.exports;"
  echo "  if (typeof window.Plotly !== 'undefined') { window.Plotly.register(locale); }"
  echo "  else { window.PlotlyLocales = window.PlotlyLocales || []; window.PlotlyLocales.push(locale); }"
  echo "})();"
} > assets/plotly-locale-de.js
rm -rf "$tmp"
