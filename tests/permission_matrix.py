"""The role × URL expectation table walked by tests/test_permission_matrix.py.

Every URL pattern of the service needs a row here: a pattern without one fails the test,
so each part that adds a URL adds its row in tests/matrix/<part>.py. Keys are the
pattern's route as Django's resolver spells it. Each row gives the path arguments (a
function of the `world` fixture) and the outcome of a GET for each role:

  ok        200
  login     redirected to the sign-in page
  denied    403
  redirect  redirected elsewhere
  unauthorised  401 (the API, asking for credentials)
  missing   404
  method    405 (the URL takes another method, e.g. POST only)
"""

from tests.matrix import (
    activities,
    evaluation,
    everyone,
    issues,
    meetings,
    no_args,
    officers,
    privacy,
    reviews,
    signed_in,
    toolkit,
    zones,
)

APP_INDEX = "admin/<app_label>/"


EXPECTATIONS: dict[str, tuple] = {
    # Service-wide pages
    "health/live": (no_args, everyone()),
    "health/ready": (no_args, everyone()),
    "favicon.ico": (no_args, everyone("redirect")),
    "accessibility/": (no_args, everyone()),
    "cookies/": (no_args, everyone()),
    "": (no_args, everyone()),
    # Accounts
    "accounts/login/": (no_args, {**signed_in("redirect"), "anonymous": "ok"}),
    "accounts/logout/": (no_args, everyone("method")),
    "accounts/password/": (no_args, signed_in()),
    "accounts/password/done/": (no_args, signed_in()),
    # API
    "api/v1/": (no_args, signed_in(anonymous="unauthorised")),
    "api/v1/<drf_format_suffix:format>": (
        lambda w: {"format": ".json"},
        signed_in(anonymous="unauthorised"),
    ),
    "api/v1/auth/token/": (no_args, everyone("method")),
    "api/v1/me/": (no_args, signed_in(anonymous="unauthorised")),
    "api/v1/^organisations/$": (no_args, signed_in(anonymous="unauthorised")),
    "api/v1/^organisations\\.(?P<format>[a-z0-9]+)/?$": (
        lambda w: {"format": "json"},
        signed_in(anonymous="unauthorised"),
    ),
    "api/v1/^organisations/(?P<pk>[^/.]+)/$": (
        lambda w: {"pk": w.organisations.x.pk},
        signed_in(anonymous="unauthorised"),
    ),
    "api/v1/^organisations/(?P<pk>[^/.]+)\\.(?P<format>[a-z0-9]+)/?$": (
        lambda w: {"pk": w.organisations.x.pk, "format": "json"},
        signed_in(anonymous="unauthorised"),
    ),
    "api/schema/": (no_args, everyone()),
    "api/docs/": (no_args, everyone()),
    # Administration: the site's own views. Per-model admin URLs follow ADMIN_MODEL_RULES.
    "admin/": (no_args, officers()),
    "admin/login/": (no_args, officers("redirect")),
    # Admin logout sends anyone without admin access back to the admin index.
    "admin/logout/": (no_args, officers("method", anonymous="redirect", others="redirect")),
    "admin/password_change/": (no_args, officers()),
    "admin/password_change/done/": (no_args, officers()),
    "admin/autocomplete/": (no_args, officers("denied")),
    "admin/jsi18n/": (no_args, officers()),
    # One app's index; its pattern lists the registered apps, so it goes by this stable key.
    APP_INDEX: (lambda w: {"app_label": "governance"}, officers()),
    "admin/r/<path:content_type_id>/<path:object_id>/": (
        lambda w: {"content_type_id": _content_type_id(w.organisations.x), "object_id": 0},
        officers("missing"),
    ),
    "admin/(?P<url>.*)$": (lambda w: {"url": "no-such-page/"}, officers("missing")),
}

PARTS = (meetings, issues, reviews, zones, activities, toolkit, evaluation)
PARTS += (privacy,)
for part in PARTS:
    EXPECTATIONS.update(part.ROWS)

# Officer outcomes for the per-model admin URLs, by the last part of the URL name.
ADMIN_MODEL_RULES = {
    "changelist": "ok",
    "add": "ok",
    "change": "ok",
    "history": "ok",
    "delete": "ok",
    "simple_history": "ok",
    "password_change": "ok",
    None: "redirect",  # <object_id>/ on its own redirects to the change page
}

# Admin pages that are deliberately closed even to officers: logs nobody may forge, and
# task results that only workers write.
ADMIN_OFFICER_EXCEPTIONS = {
    "admin:axes_accessattempt_add": "denied",
    "admin:axes_accesslog_add": "denied",
    "admin:axes_accessfailurelog_add": "denied",
    # Only outbox.services writes the outbox: the admin reads it.
    "admin:outbox_message_add": "denied",
    "admin:outbox_message_delete": "denied",
}


def _content_type_id(obj) -> int:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk
