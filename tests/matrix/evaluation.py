"""Permission matrix rows: evaluation (see tests/matrix/__init__.py).

Officers and board members read every zone's evaluation; panel_a reads zone A's (a panel
member of one zone is taken from the cross-zone pages to their own), panel_b gets 404 for
zone A; a body member with no board seat, panel or core team place, and partner staff, get
403 everywhere. Only officers (and a zone's core team, tested in tests/evaluation/) write
indicators and measurements; only officers manage board packs; officers and board members
read the published ones.
"""

from decimal import Decimal

from django.utils import timezone

from tests.matrix import signed_in

API = "unauthorised"
FMT = "\\.(?P<format>[a-z0-9]+)/?$"
READERS = ("officer", "board", "panel_a", "panel_b")


def _outcomes(allowed: dict[str, str], anonymous: str = "login") -> dict[str, str]:
    """403 for every signed-in role not listed."""
    return {**signed_in("denied", anonymous), **allowed}


EVERY_READER = dict.fromkeys(READERS, "ok")
ACROSS_ZONES = {"officer": "ok", "board": "ok", "panel_a": "redirect", "panel_b": "redirect"}
ZONE_A = {"officer": "ok", "board": "ok", "panel_a": "ok", "panel_b": "missing"}
WRITE_ZONE_A = {"officer": "ok", "panel_b": "missing"}
OFFICER = {"officer": "ok"}
BOARD = {"officer": "ok", "board": "ok"}

zone_a = lambda w: {"slug": w.zones.a.slug}  # noqa: E731
indicator = lambda w: {"pk": w.evaluation_indicator.pk}  # noqa: E731
measurement = lambda w: {"pk": w.evaluation_measurement.pk}  # noqa: E731
draft = lambda w: {"pk": w.evaluation_draft.pk}  # noqa: E731
published = lambda w: {"pk": w.evaluation_published.pk}  # noqa: E731
E = "evaluation/"

ROWS: dict[str, tuple] = {
    E: (lambda w: {}, _outcomes(EVERY_READER)),
    f"{E}summary/": (lambda w: {}, _outcomes(ACROSS_ZONES)),
    f"{E}realisation/": (lambda w: {}, _outcomes(ACROSS_ZONES)),
    f"{E}zones/<slug:slug>/summary/": (zone_a, _outcomes(ZONE_A)),
    f"{E}zones/<slug:slug>/profile/": (zone_a, _outcomes(ZONE_A)),
    f"{E}zones/<slug:slug>/realisation/": (zone_a, _outcomes(ZONE_A)),
    f"{E}zones/<slug:slug>/indicators/": (zone_a, _outcomes(ZONE_A)),
    f"{E}zones/<slug:slug>/indicators/new/": (zone_a, _outcomes(WRITE_ZONE_A)),
    f"{E}indicators/<int:pk>/": (indicator, _outcomes(ZONE_A)),
    f"{E}indicators/<int:pk>/edit/": (indicator, _outcomes(WRITE_ZONE_A)),
    f"{E}indicators/<int:pk>/measurements/new/": (indicator, _outcomes(WRITE_ZONE_A)),
    f"{E}measurements/<int:pk>/edit/": (measurement, _outcomes(WRITE_ZONE_A)),
    f"{E}measurements/<int:pk>/delete/": (measurement, _outcomes(WRITE_ZONE_A)),
    f"{E}export/": (lambda w: {}, _outcomes(EVERY_READER)),
    f"{E}export/<slug:dataset>.csv": (lambda w: {"dataset": "activities"}, _outcomes(EVERY_READER)),
    f"{E}export/<slug:dataset>.xlsx": (
        lambda w: {"dataset": "measurements"},
        _outcomes(EVERY_READER),
    ),
    f"{E}packs/": (lambda w: {}, _outcomes(OFFICER)),
    f"{E}packs/new/": (lambda w: {}, _outcomes(OFFICER)),
    f"{E}packs/<int:pk>/": (draft, _outcomes(OFFICER)),
    f"{E}packs/<int:pk>/edit/": (draft, _outcomes(OFFICER)),
    f"{E}packs/<int:pk>/regenerate/": (draft, _outcomes({"officer": "method"})),
    f"{E}packs/<int:pk>/publish/": (draft, _outcomes(OFFICER)),
    f"{E}packs/<int:pk>/withdraw/": (published, _outcomes(OFFICER)),
    f"{E}packs/<int:pk>/delete/": (draft, _outcomes(OFFICER)),
    f"{E}packs/<int:pk>/pack.pdf": (published, _outcomes(OFFICER)),
    f"{E}reports/": (lambda w: {}, _outcomes(BOARD)),
    f"{E}reports/<int:pk>/": (published, _outcomes(BOARD)),
    f"{E}reports/<int:pk>/pack.pdf": (published, _outcomes(BOARD)),
}


def _api(route: str, values, allowed: dict[str, str]) -> None:
    """A router route and its format-suffix twin."""
    outcomes = _outcomes(allowed, anonymous=API)
    ROWS[f"api/v1/^{route}/$"] = (values, outcomes)
    ROWS[f"api/v1/^{route}{FMT}"] = (lambda w: {**values(w), "format": "json"}, outcomes)


PK = "(?P<pk>[^/.]+)"
_api("indicators", lambda w: {}, EVERY_READER)
_api(f"indicators/{PK}", indicator, ZONE_A)
_api("measurements", lambda w: {}, EVERY_READER)
_api(f"measurements/{PK}", measurement, ZONE_A)
_api("activity-summary", lambda w: {}, EVERY_READER)
_api("realisation", lambda w: {}, EVERY_READER)
_api("board-packs", lambda w: {}, BOARD)
_api(f"board-packs/{PK}", published, BOARD)
_api(f"board-packs/{PK}/pdf", published, BOARD)


def populate(world) -> None:
    """Zone A's indicator and measurement, a draft board pack and a published one (first
    the draft: the admin probes the first pack, and a draft may be changed and deleted).
    The packs are made directly: their stored documents are stand-ins, not rendered."""
    from evaluation.models import BoardPack, Indicator, Measurement
    from tests.factories_zones import AmbitionStatementFactory

    zone, officer = world.zones.a, world.people.officer
    statement = zone.ambition_statements.order_by("-version").first()
    statement = statement or AmbitionStatementFactory(zone=zone, version=1)
    today = timezone.localdate()
    world.evaluation_indicator = Indicator.objects.create(
        ambition_statement=statement,
        name="Matrix indicator",
        domain="safety",
        unit="%",
        direction="higher",
        baseline_value=Decimal(40),
        baseline_on=today.replace(year=today.year - 1),
        target_value=Decimal(60),
        target_on=today.replace(year=today.year + 1),
        source="Matrix survey",
        created_by=officer,
    )
    world.evaluation_measurement = Measurement.objects.create(
        indicator=world.evaluation_indicator,
        value=Decimal(50),
        measured_on=today,
        entered_by=officer,
    )
    period = {"period_start": today.replace(day=1), "period_end": today}
    world.evaluation_draft = BoardPack.objects.create(
        title="Matrix draft",
        content_html="<p>Draft</p>",
        generated_at=timezone.now(),
        created_by=officer,
        **period,
    )
    pack = BoardPack(
        title="Matrix published",
        status=BoardPack.Status.PUBLISHED,
        content_html="<p>Published</p>",
        pdf=b"%PDF-1.7 matrix stand-in",
        generated_at=timezone.now(),
        published_at=timezone.now(),
        published_by=officer,
        created_by=officer,
        **period,
    )
    pack.content_hash = pack.computed_hash()
    pack.save()
    world.evaluation_published = pack
