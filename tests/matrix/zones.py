"""Permission matrix rows: zones and their plans (see tests/matrix/__init__.py).

Zone A is active; panel_a chairs its community panel and panel_b sits on zone B's. Officers
and board members see every zone, partner staff the active ones, a panel member only their
own (another zone is "missing"), and a body member with no zone role none. Only officers and
the zone's core team change its plans; the panel chair (or an officer) approves its ambition.
"""

from types import SimpleNamespace

from tests.factories_zones import (
    AmbitionStatementFactory,
    ConsultationFactory,
    CoreTeamMemberFactory,
    IngredientFactory,
    KeyIssueFactory,
    MilestoneFactory,
    ObjectiveFactory,
    WorkshopFactory,
    ZoneIngredientFactory,
)
from tests.matrix import signed_in

Z = "zones/<slug:slug>/"

# Reading zone A's pages, and changing them.
VIEW = {
    "anonymous": "login",
    "officer": "ok",
    "board": "ok",
    "body_member": "missing",
    "panel_a": "ok",
    "panel_b": "missing",
    "partner_x": "ok",
    "partner_y": "ok",
}
EDIT = {
    **VIEW,
    "board": "denied",
    "panel_a": "denied",
    "partner_x": "denied",
    "partner_y": "denied",
}
APPROVE = {**EDIT, "panel_a": "ok"}
API_VIEW = {**VIEW, "anonymous": "unauthorised"}
API_LIST = signed_in(anonymous="unauthorised")
API_POST_ONLY = signed_in("method", anonymous="unauthorised")


def zone(w) -> dict:
    return {"slug": w.zones.a.slug}


def with_pk(name: str):
    return lambda w: {"slug": w.zones.a.slug, "pk": getattr(w.plans, name).pk}


def version(w) -> dict:
    return {"slug": w.zones.a.slug, "version": w.plans.statement.version}


def api_rows(prefix: str, key: str, value, detail: dict) -> dict:
    """A router's list and detail routes, with and without a format suffix."""
    fmt = "\\.(?P<format>[a-z0-9]+)/?$"
    pattern = f"(?P<{key}>[^/.]+)"
    return {
        f"api/v1/^{prefix}/$": (lambda w: {}, API_LIST),
        f"api/v1/^{prefix}{fmt}": (lambda w: {"format": "json"}, API_LIST),
        f"api/v1/^{prefix}/{pattern}/$": (lambda w: {key: value(w)}, detail),
        f"api/v1/^{prefix}/{pattern}{fmt}": (
            lambda w: {key: value(w), "format": "json"},
            detail,
        ),
    }


def ambition_action(name: str) -> dict:
    base = f"api/v1/^ambition-statements/(?P<pk>[^/.]+)/{name}"
    pk = lambda w: w.plans.statement.pk  # noqa: E731
    return {
        f"{base}/$": (lambda w: {"pk": pk(w)}, API_POST_ONLY),
        f"{base}\\.(?P<format>[a-z0-9]+)/?$": (
            lambda w: {"pk": pk(w), "format": "json"},
            API_POST_ONLY,
        ),
    }


ROWS: dict[str, tuple] = {
    "zones/": (lambda w: {}, {**signed_in(), "body_member": "denied"}),
    "zones/new/": (lambda w: {}, {**signed_in("denied"), "officer": "ok"}),
    Z: (zone, VIEW),
    Z + "edit/": (zone, {**EDIT}),
    Z + "status/": (zone, {**EDIT}),
    Z + "workshops/": (zone, VIEW),
    Z + "workshops/new/": (zone, EDIT),
    Z + "workshops/<int:pk>/": (with_pk("workshop"), VIEW),
    Z + "workshops/<int:pk>/edit/": (with_pk("workshop"), EDIT),
    Z + "key-issues/": (zone, VIEW),
    Z + "key-issues/new/": (zone, EDIT),
    Z + "key-issues/<int:pk>/edit/": (with_pk("key_issue"), EDIT),
    Z + "consultations/": (zone, VIEW),
    Z + "consultations/new/": (zone, EDIT),
    Z + "consultations/<int:pk>/": (with_pk("consultation"), VIEW),
    Z + "consultations/<int:pk>/edit/": (with_pk("consultation"), EDIT),
    Z + "ambition/": (zone, VIEW),
    Z + "ambition/new/": (zone, EDIT),
    Z + "ambition/<int:version>/": (version, VIEW),
    Z + "ambition/<int:version>/edit/": (version, EDIT),
    Z + "ambition/<int:version>/consulted/": (version, EDIT),
    Z + "ambition/<int:version>/approve/": (version, APPROVE),
    Z + "ambition/<int:version>/redraft/": (version, signed_in("method")),
    Z + "plan/": (zone, VIEW),
    Z + "plan/timeline/": (zone, VIEW),
    Z + "plan/objectives/new/": (zone, EDIT),
    Z + "plan/objectives/<int:pk>/": (with_pk("objective"), VIEW),
    Z + "plan/objectives/<int:pk>/edit/": (with_pk("objective"), EDIT),
    Z + "plan/objectives/<int:pk>/milestones/new/": (with_pk("objective"), EDIT),
    Z + "plan/milestones/<int:pk>/edit/": (with_pk("milestone"), EDIT),
    Z + "core-team/": (zone, VIEW),
    Z + "core-team/new/": (zone, EDIT),
    Z + "core-team/<int:pk>/edit/": (with_pk("member"), EDIT),
    Z + "core-team/<int:pk>/remove/": (with_pk("member"), EDIT),
    Z + "ingredients/<int:pk>/": (with_pk("ingredient"), EDIT),
    **api_rows("zones", "slug", lambda w: w.zones.a.slug, API_VIEW),
    **api_rows("ambition-statements", "pk", lambda w: w.plans.statement.pk, API_VIEW),
    **api_rows("objectives", "pk", lambda w: w.plans.objective.pk, API_VIEW),
    **api_rows("milestones", "pk", lambda w: w.plans.milestone.pk, API_VIEW),
    **ambition_action("approve"),
    **ambition_action("consulted"),
    **ambition_action("redraft"),
}


def populate(world) -> None:
    """Zone A's plans: one of each model the admin shows. The core team member has no
    account, so no person of the world gains a core team role."""
    zone = world.zones.a
    workshop = WorkshopFactory(zone=zone)
    objective = ObjectiveFactory(zone=zone)
    ingredient = IngredientFactory(name="Consistent named local officers")
    world.plans = SimpleNamespace(
        workshop=workshop,
        consultation=ConsultationFactory(zone=zone),
        key_issue=KeyIssueFactory(zone=zone, source_workshop=workshop),
        statement=AmbitionStatementFactory(zone=zone, version=1),
        objective=objective,
        milestone=MilestoneFactory(objective=objective),
        member=CoreTeamMemberFactory(zone=zone, name="Demo Council Lead"),
        ingredient=ingredient,
        zone_ingredient=ZoneIngredientFactory(zone=zone, ingredient=ingredient),
    )
