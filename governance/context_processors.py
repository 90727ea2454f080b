from django.conf import settings

from governance.navigation import items_for
from governance.selectors import roles_for


def navigation(request) -> dict:
    """Service name, the person's roles and the navigation they may use."""
    roles = roles_for(getattr(request, "user", None))
    return {
        "service_name": settings.SERVICE_NAME,
        "organisation_name": settings.ORGANISATION_NAME,
        "roles": roles,
        "navigation": items_for(roles, request.path),
    }
