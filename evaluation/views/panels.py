"""The evaluation's dashboard panel and its section of the zone page."""

from django.http import HttpRequest

from evaluation.models import BoardPack
from evaluation.permissions import can_edit_indicators_of_zone, can_view_zone_evaluation
from evaluation.selectors.packs import latest_published_pack


def dashboard_panel(request: HttpRequest, roles) -> dict | None:
    """Board members and officers: the latest published board pack; officers also the
    drafts waiting to be published. Two queries at most."""
    if not (roles.is_officer or roles.is_board_member):
        return None
    drafts = None
    if roles.is_officer:
        drafts = BoardPack.objects.filter(status=BoardPack.Status.DRAFT).count()
    return {"latest": latest_published_pack(), "drafts": drafts, "is_officer": roles.is_officer}


def zone_section(request: HttpRequest, zone) -> dict | None:
    """Links to the zone's evaluation for those who may read it. No query: the person's
    roles and core team places are read once per request already."""
    if not can_view_zone_evaluation(request.user, zone):
        return None
    return {"can_edit": can_edit_indicators_of_zone(request.user, zone)}
