"""The UI's German and English strings, one module an area; `dashboard.i18n` merges them."""
