"""Roles, and who may call each callback and see each page (deny what is undeclared)."""

from __future__ import annotations

import re
from collections.abc import Callable
from fnmatch import fnmatchcase
from typing import Any
from urllib.parse import quote

import dash
from dash import dcc, html
from dash._callback import GLOBAL_CALLBACK_LIST
from flask import Response, abort, redirect, request

from dashboard.i18n import t

PUBLIC = "public"
LEADERSHIP = "leadership"
CURATOR = "curator"
ADMIN = "admin"
ROLES = (LEADERSHIP, CURATOR, ADMIN)  # each has every right of the ones before it
ROUTER_OUTPUT = ".._pages_content.children..._pages_store.data.."  # the Pages router
CALLBACK_PATH = "/_dash-update-component"

_callbacks: dict[str, str] = {ROUTER_OUTPUT: PUBLIC}
_pages: dict[str, str] = {}  # path template → access
# path template → exists(**path variables): whether a template page's address names something
_exists: dict[str, Callable[..., bool]] = {}


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


def register_page(
    module: str,
    *,
    path: str | None = None,
    path_template: str | None = None,
    access: str = PUBLIC,
    exists: Callable[..., bool] | None = None,
    **kwargs: Any,
) -> None:
    """`dash.register_page` that records who may see the page (its path or path template).

    `exists(**variables)` tells whether a template page's address names something (a solution
    id that is in the data): an address of nothing answers 404 like an address of no page.
    """
    if path is None and path_template is None:
        raise ValueError(f"{module}: give path or path_template")
    dash.register_page(module, path=path, path_template=path_template, **kwargs)
    for key in dict.fromkeys(p for p in (path_template, path) if p is not None):
        _pages[key] = access
    if exists is not None and path_template is not None:
        _exists[path_template] = exists


def callback_access(output: str) -> str | None:
    """Who may call the callback with this output key, or None when it is undeclared."""
    return _callbacks.get(output)


def declared_callbacks() -> dict[str, str]:
    return dict(_callbacks)


def declared_pages() -> dict[str, str]:
    """Every registered page's path (or template) and who may see it."""
    return dict(_pages)


def page_access(pathname: str) -> str:
    """Who may see `pathname`; paths of no page (the 404 page) are public.

    When several pages match (a path and a template), the strictest wins: the router's choice
    among them depends on its own ordering, so the guard must not rely on it.
    """
    path = "/" + pathname.strip("/")
    matching = [needed for template, needed in _pages.items() if _matches(template, path)]
    return max(matching, key=_strictness, default=PUBLIC)


def _strictness(needed: str) -> int:
    return 0 if needed == PUBLIC else 1 + ROLES.index(needed)


def _matches(template: str, path: str) -> bool:
    # As Dash's router matches (pages._parse_path_variables): a `<variable>` may span several
    # segments there, so it must here too, or a deeper path would be served but judged public.
    if "<" not in template:
        return template.strip("/") == path.strip("/")
    return fnmatchcase(path.strip("/"), re.sub("<.*?>", "*", template.strip("/")))


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


def is_page(pathname: str) -> bool:
    """True when `pathname` is one of the portal's pages (the 404 page does not count)."""
    path = "/" + pathname.strip("/")
    return any(
        _matches(template, path) and _names_something(template, path)
        for template in _pages
        if template != "/404"
    )


def _names_something(template: str, path: str) -> bool:
    """A template page's `exists` asked with the path's variables; other pages always do."""
    exists = _exists.get(template)
    if exists is None:
        return True
    names = re.findall("<(.*?)>", template)
    pattern = re.sub("<.*?>", "(.*)", re.escape(template.strip("/")))
    found = re.fullmatch(pattern, path.strip("/"))
    return bool(found) and exists(**dict(zip(names, found.groups(), strict=True)))


def protected(needed: str, path: str) -> Callable:
    """Decorate a protected page's `layout`: it checks the role itself (the router is public).

    A visitor without the role gets a page that sends the browser to the login (anonymous) or
    says that the role is missing (signed in) – never the protected content.
    """

    def decorator(layout: Callable) -> Callable:
        def guarded(**kwargs: Any) -> Any:
            role = current_role()
            if has_access(role, needed):
                return layout(**kwargs)
            return login_required_page(login_url(path)) if role is None else forbidden_page()

        guarded.required_role = needed  # type: ignore[attr-defined]
        guarded.__doc__ = layout.__doc__
        return guarded

    return decorator


def login_required_page(login_href: str) -> html.Div:
    """What a protected page shows an anonymous visitor: a way to the login, and a redirect."""
    return html.Div(
        [
            html.H1(t("auth_required_title")),
            html.P(t("auth_required_text")),
            dcc.Link(t("auth_login"), href=login_href),
            dcc.Location(id="login-redirect", href=login_href, refresh=True),
        ]
    )


def forbidden_page() -> html.Div:
    return html.Div([html.H1(t("auth_forbidden_title")), html.P(t("auth_forbidden_text"))])
