"""Permission matrix rows: reviews (see tests/matrix/__init__.py).

Officers manage review events; members of any body (board members included) read them;
panel members and partner staff without a seat are refused."""

import datetime
from decimal import Decimal

from django.utils import timezone

from tests.matrix import signed_in

API = "unauthorised"
FMT = "\\.(?P<format>[a-z0-9]+)/?$"
OFFICER = "officer"
READERS = ("officer", "board", "body_member")


def readers(outcome: str = "ok", anonymous: str = "login") -> dict[str, str]:
    return {**signed_in("denied", anonymous), **dict.fromkeys(READERS, outcome)}


def officers_only(outcome: str = "ok", anonymous: str = "login") -> dict[str, str]:
    return {**signed_in("denied", anonymous), OFFICER: outcome}


def event(w) -> dict:
    return {"pk": w.review_event.pk}


def allocation(w) -> dict:
    return {"pk": w.review_allocation.pk}


ROWS: dict[str, tuple] = {
    "reviews/": (lambda w: {}, readers()),
    "reviews/new/": (lambda w: {}, officers_only()),
    "reviews/<int:pk>/": (event, readers()),
    "reviews/<int:pk>/edit/": (event, officers_only()),
    "reviews/<int:pk>/status/<slug:transition>/": (
        lambda w: {**event(w), "transition": "cancel"},
        officers_only(),
    ),
    "reviews/<int:pk>/direction/": (event, officers_only()),
    "reviews/<int:pk>/allocations/new/": (event, officers_only()),
    "reviews/allocations/<int:pk>/spend/": (allocation, officers_only()),
    "reviews/<int:pk>/in-kind/new/": (event, officers_only()),
    "reviews/<int:pk>/pack/": (event, readers()),
    "reviews/<int:pk>/pack.pdf": (event, readers()),
    "reviews/<int:pk>/pack/compile/": (event, officers_only()),
}


def _api(route: str, values, outcomes: dict) -> None:
    """A router route and its format-suffix twin."""
    ROWS[f"api/v1/^{route}/$"] = (values, outcomes)
    ROWS[f"api/v1/^{route}{FMT}"] = (lambda w: {**values(w), "format": "json"}, outcomes)


EVENT_ROUTE = "review-events/(?P<pk>[^/.]+)"
_api("review-events", lambda w: {}, readers(anonymous=API))
_api(EVENT_ROUTE, event, readers(anonymous=API))
# POST-only actions: readers pass the permission check and meet 405 for a GET.
for action in ("status", "allocations", "in-kind"):
    _api(f"{EVENT_ROUTE}/{action}", event, readers("method", anonymous=API))
_api("review-allocations/(?P<pk>[^/.]+)/spend", allocation, readers("method", anonymous=API))


def populate(world) -> None:
    """Create the objects this part's rows probe, as attributes of the world."""
    from governance.models import Allocation, ReviewEvent

    today = timezone.localdate()
    world.review_event = ReviewEvent.objects.create(
        period="2001-01",
        title="Matrix review event",
        date=today + datetime.timedelta(days=30),
    )
    world.review_allocation = Allocation.objects.create(
        event=world.review_event,
        body=world.bodies.csp_a,
        amount=Decimal("100.00"),
        purpose="Matrix allocation",
        funding_source=Allocation.FundingSource.OTHER,
    )
