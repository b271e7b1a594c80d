"""Page state in the URL: parameters as the Pages router passes them, decoded and written back
the way assets/url_state.js does, so a layout, a callback and a download read one query alike."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, quote_plus, urlencode


@dataclass(frozen=True)
class UrlParam:
    """A value that lives in the URL as `?name=…`, mirrored by a control's property.

    Without a control (`component_id=None`) the value is set by links only, e.g. a page number.
    """

    name: str
    component_id: str | None
    default: Any = None
    kind: str = "text"  # text, int, list (repeated: ?tag=a&tag=b)
    push: bool = True  # a history entry (Back returns); False: replaceState only
    prop: str = "value"
    typing: bool = False  # a search box: a run of changes shares one history entry
    reset: bool = False  # back to its default when another parameter changes (a page number)
    keeps: bool = False  # a change of it leaves the `reset` ones as they are (a view toggle)


def query_value(value: Any, kind: str = "text", default: Any = None) -> Any:
    """A URL parameter as the layout receives it, decoded like assets/url_state.js does.

    A list comes as repeated parameters (`?tag=a&tag=b`); a single one arrives as a string.
    """
    if kind == "list":
        items = value if isinstance(value, list) else [value]
        return [str(v) for v in items if v not in (None, "")]
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None or value == "":
        return default
    if kind == "int":
        try:
            return int(value)
        except ValueError:
            return default
    return str(value)


def query_params(query: str | None) -> dict[str, str | list[str]]:
    """`q=a&tag=x&tag=y` → {"q": "a", "tag": ["x", "y"]}: a query as the Pages router passes it."""
    parsed = parse_qs((query or "").lstrip("?"), keep_blank_values=True)
    return {k: v[0] if len(v) == 1 else v for k, v in parsed.items()}


def url_values(params: list[UrlParam], query: dict[str, Any]) -> dict[str, Any]:
    """Every parameter's value from a parsed query (a layout's kwargs or `query_params`)."""
    return {p.name: query_value(query.get(p.name), p.kind, p.default) for p in params}


def url_query(params: list[UrlParam], values: dict[str, Any]) -> str:
    """The canonical query for `values`, as assets/url_state.js writes it (defaults left out)."""
    pairs = []
    for p in params:
        value = values.get(p.name)
        items = value if isinstance(value, list | tuple) else [value]
        items = [str(v) for v in items if v not in (None, "")]
        if p.kind != "list":
            items = [v for v in items[:1] if v != str(p.default if p.default is not None else "")]
        pairs += [(p.name, v) for v in items]
    return "&".join(f"{_encode(k)}={_encode(v)}" for k, v in pairs)


def _encode(text: str) -> str:
    return quote_plus(text, safe="!*'(),")


def first(value: Any) -> str:
    """One parameter as text, stripped: a repeated one's first value; missing → ""."""
    if isinstance(value, list | tuple):
        value = value[0] if value else ""
    return "" if value is None else str(value).strip()


def many(value: Any) -> list[str]:
    """A repeated parameter (`?tag=a&tag=b`) as its values; a single one as a list of one."""
    return query_value(value, "list")


def encode(values: dict[str, Any]) -> str:
    """A query string of the non-empty values, in the order given (repeated for lists)."""
    pairs = []
    for name, value in values.items():
        for item in value if isinstance(value, list | tuple) else [value]:
            if item not in (None, ""):
                pairs.append((name, str(item)))
    return urlencode(pairs)
