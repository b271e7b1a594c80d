"""`/leichte-sprache`: the portal explained in Leichte Sprache, from INSTANCE_DIR/legal/ or the
shipped sample (marked as such)."""

from dashboard import access, components
from dashboard.i18n import t

access.register_page(__name__, path="/leichte-sprache", title=lambda **_: t("easy_language"))


def layout(**_kwargs):
    return components.legal_page("leichte-sprache")
