"""Roles, and who may call each callback and see each page (deny what is undeclared)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import dash
from dash._callback import GLOBAL_CALLBACK_LIST
from flask import Response, abort, redirect, request

PUBLIC = "public"
LEADERSHIP = "leadership"
CURATOR = "curator"
ADMIN = "admin"
ROLES = (LEADERSHIP, CURATOR, ADMIN)  # each has every right of the ones before it
ROUTER_OUTPUT = ".._pages_content.children..._pages_store.data.."  # the Pages router
CALLBACK_PATH = "/_dash-update-component"

_callbacks: dict[str, str] = {ROUTER_OUTPUT: PUBLIC}
_pages: dict[str, str] = {}  # path template → access


def has_access(role: str | None, needed: str) -> bool:
    """True when `role` (None: anonymous) may use something that needs `needed`."""
    if needed == PUBLIC:
        return True
    if role not in ROLES:
        return False
    return ROLES.index(role) >= ROLES.index(needed)


def current_role() -> str | None:
    """The signed-in user's role, or None for an anonymous visitor."""
    try:
        from flask_login import current_user
    except ImportError:  # pragma: no cover - flask-login is a dependency
        return None
    user = current_user
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return getattr(user, "role", None)


def callback(*args: Any, access: str, **kwargs: Any) -> Callable:
    """`dash.callback` that also declares who may call it; the guard refuses everyone else."""
    if access != PUBLIC and access not in ROLES:
        raise ValueError(f"unknown access {access!r}; use PUBLIC or one of {ROLES}")

    def decorator(fn: Callable) -> Callable:
        before = len(GLOBAL_CALLBACK_LIST)
        registered = dash.callback(*args, **kwargs)(fn)
        for entry in GLOBAL_CALLBACK_LIST[before:]:
            _callbacks[entry["output"]] = access
        return registered

    return decorator


def clientside_callback(*args: Any, **kwargs: Any) -> None:
    """A callback that runs in the browser only; never reaches the server, so needs no access."""
    dash.clientside_callback(*args, **kwargs)


def register_page(module: str, *, path: str, access: str = PUBLIC, **kwargs: Any) -> None:
    """`dash.register_page` that records who may see the page."""
    dash.register_page(module, path=path, **kwargs)
    _pages[path] = access


def callback_access(output: str) -> str | None:
    """Who may call the callback with this output key, or None when it is undeclared."""
    return _callbacks.get(output)


def declared_callbacks() -> dict[str, str]:
    return dict(_callbacks)


def page_access(pathname: str) -> str:
    """Who may see `pathname`; paths of no page (the 404 page) are public."""
    path = "/" + pathname.strip("/")
    for template, needed in _pages.items():
        if _matches(template, path):
            return needed
    return PUBLIC


def _matches(template: str, path: str) -> bool:
    t_parts = template.strip("/").split("/")
    p_parts = path.strip("/").split("/")
    if len(t_parts) != len(p_parts):
        return False
    return all(t.startswith("<") or t == p for t, p in zip(t_parts, p_parts, strict=True))


def login_url(next_path: str) -> str:
    return "/login?next=" + quote(next_path, safe="/")


def guard() -> Response | None:
    """before_request: refuse callbacks and pages the visitor may not use, before any code runs."""
    path = request.path
    role = current_role()
    if path.startswith("/_mcp"):
        abort(403)
    if path == CALLBACK_PATH:
        body = request.get_json(silent=True)
        output = body.get("output") if isinstance(body, dict) else None
        needed = callback_access(output) if isinstance(output, str) else None
        if needed is None or not has_access(role, needed):
            abort(401 if role is None else 403)
        return None
    if request.method == "GET" and not has_access(role, page_access(path)):
        if role is None:
            return redirect(login_url(request.full_path.rstrip("?")))
        abort(403)
    return None
