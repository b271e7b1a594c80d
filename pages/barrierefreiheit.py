"""`/barrierefreiheit`: Barrierefreiheit, from INSTANCE_DIR/legal/ or the shipped sample."""

from dashboard import access, components
from dashboard.i18n import t

access.register_page(__name__, path="/barrierefreiheit", title=lambda **_: t("accessibility"))


def layout(**_kwargs):
    return components.legal_page("barrierefreiheit")
