"""Permission matrix rows: activities and partner initiatives (see tests/matrix/__init__.py).

The probes check the rules as well as the doors: the activity was logged in zone A by
panel_a (panel_b, of zone B, gets 404), the initiatives come from partner_x's organisation
(partner_y's gets 404), and one of them is under review so officers reach its decision
pages.
"""

from tests.matrix import signed_in

SEE_ZONE_A = {"officer": "ok", "board": "ok", "panel_a": "ok"}  # who reads zone A's activities
INITIATIVE = {"officer": "ok", "partner_x": "ok"}  # who sees partner_x's submission


def _missing_except(allowed: dict[str, str], anonymous: str = "login") -> dict[str, str]:
    """404 for every signed-in role not listed."""
    return {**signed_in("missing", anonymous), **allowed}


def _denied_except(allowed: dict[str, str], anonymous: str = "login") -> dict[str, str]:
    return {**signed_in("denied", anonymous), **allowed}


zone_a = lambda w: {"slug": w.zones.a.slug}  # noqa: E731
activity = lambda w: {"pk": w.activity.pk}  # noqa: E731
submitted = lambda w: {"pk": w.initiative.pk}  # noqa: E731
in_review = lambda w: {"pk": w.initiative_in_review.pk}  # noqa: E731
POST_ONLY = signed_in("method")

ROWS: dict[str, tuple] = {
    # A panel member is taken to their own zone's list.
    "activities/": (
        lambda w: {},
        _denied_except(
            {"officer": "ok", "board": "ok", "panel_a": "redirect", "panel_b": "redirect"}
        ),
    ),
    "zones/<slug:slug>/activities/": (zone_a, _missing_except(SEE_ZONE_A)),
    "zones/<slug:slug>/activities/new/": (
        zone_a,
        _missing_except({"officer": "denied", "board": "denied", "panel_a": "ok"}),
    ),
    "activities/<int:pk>/": (activity, _missing_except(SEE_ZONE_A)),
    "activities/<int:pk>/edit/": (
        activity,
        _missing_except({"officer": "denied", "board": "denied", "panel_a": "ok"}),
    ),
    "activities/<int:pk>/verify/": (activity, POST_ONLY),
    # The probe has no photo: those who may see the activity learn so, others nothing.
    "activities/<int:pk>/photo/": (activity, _missing_except({})),
    "initiatives/": (
        lambda w: {},
        _denied_except({"officer": "ok", "partner_x": "ok", "partner_y": "ok"}),
    ),
    "initiatives/new/": (lambda w: {}, _denied_except({"partner_x": "ok", "partner_y": "ok"})),
    "initiatives/<int:pk>/": (submitted, _missing_except(INITIATIVE)),
    "initiatives/<int:pk>/review/": (submitted, POST_ONLY),
    "initiatives/<int:pk>/accept/": (
        in_review,
        _missing_except({"officer": "ok", "partner_x": "denied"}),
    ),
    "initiatives/<int:pk>/decline/": (
        in_review,
        _missing_except({"officer": "ok", "partner_x": "denied"}),
    ),
    "initiatives/<int:pk>/withdraw/": (
        submitted,
        _missing_except({"officer": "denied", "partner_x": "ok"}),
    ),
}

API = "unauthorised"
FMT = "\\.(?P<format>[a-z0-9]+)/?$"


def _api(route: str, values, outcomes: dict) -> None:
    """A router route and its format-suffix twin."""
    ROWS[f"api/v1/^{route}/$"] = (values, outcomes)
    ROWS[f"api/v1/^{route}{FMT}"] = (lambda w: {**values(w), "format": "json"}, outcomes)


API_POST_ONLY = signed_in("method", API)
PK = "(?P<pk>[^/.]+)"
_api("activities", lambda w: {}, signed_in("ok", API))  # each reads the zones they may
_api(f"activities/{PK}", activity, _missing_except(SEE_ZONE_A, API))
_api(f"activities/{PK}/photo", activity, _missing_except({}, API))
_api(f"activities/{PK}/verify", activity, API_POST_ONLY)
_api("initiatives", lambda w: {}, signed_in("ok", API))
_api(f"initiatives/{PK}", submitted, _missing_except(INITIATIVE, API))
for move in ("review", "accept", "decline", "withdraw"):
    _api(f"initiatives/{PK}/{move}", submitted, API_POST_ONLY)


def populate(world) -> None:
    """An activity panel_a logged in zone A; a submitted initiative and one under review
    from partner_x's organisation, for zone A."""
    from peoplezones.services.initiatives import initiative_start_review
    from tests.factories_activities import ActivityFactory, InitiativeFactory

    world.activity = ActivityFactory(zone=world.zones.a, logged_by=world.people.panel_a)
    world.initiative = InitiativeFactory(submitted_by=world.people.partner_x, zones=[world.zones.a])
    world.initiative_in_review = initiative_start_review(
        actor=world.people.officer,
        initiative=InitiativeFactory(submitted_by=world.people.partner_x, zones=[world.zones.a]),
    )
