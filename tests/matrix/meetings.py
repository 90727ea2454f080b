"""Permission matrix rows: bodies, meetings, actions and notifications.

Governance pages are for officers and members of any body (officer, board, body_member);
panel members and partner staff without a seat get 403. Managing a body's meetings is for
officers and the body's chair, vice-chair or secretariat: the body_member chairs JAG A,
whose meetings are probed, while the board member is an ordinary SPB member and may only
read them. POST-only URLs answer 405 to a GET once the person is signed in.
"""

from datetime import timedelta

from django.utils import timezone

from tests.matrix import signed_in

READERS = ("officer", "board", "body_member")
MANAGERS = ("officer", "body_member")


def readers(outcome: str = "ok", anonymous: str = "login", **overrides) -> dict[str, str]:
    """`outcome` for governance readers, 403 for everyone else signed in."""
    table = signed_in("denied", anonymous)
    table.update(dict.fromkeys(READERS, outcome))
    table.update(overrides)
    return table


def managers(outcome: str = "ok") -> dict[str, str]:
    """`outcome` for whoever manages JAG A's meetings, 403 for everyone else signed in."""
    return readers("denied") | dict.fromkeys(MANAGERS, outcome)


body = lambda w: {"slug": w.bodies.jag_a.slug}  # noqa: E731
meeting = lambda w: {"pk": w.meeting.pk}  # noqa: E731
held = lambda w: {"pk": w.held_meeting.pk}  # noqa: E731
item = lambda w: {"pk": w.meeting.pk, "item_pk": w.agenda_item.pk}  # noqa: E731

ROWS: dict[str, tuple] = {
    "bodies/": (lambda w: {}, readers()),
    "bodies/<slug:slug>/": (body, readers()),
    "bodies/<slug:slug>/meetings.ics": (body, readers()),
    "bodies/<slug:slug>/meetings/new/": (body, managers()),
    "meetings/": (lambda w: {}, readers()),
    "meetings/<int:pk>/": (meeting, readers()),
    "meetings/<int:pk>/edit/": (meeting, managers()),
    "meetings/<int:pk>/status/": (meeting, managers()),
    "meetings/<int:pk>/agenda/print/": (meeting, readers()),
    "meetings/<int:pk>/agenda/fill/": (meeting, signed_in("method")),
    "meetings/<int:pk>/agenda/add/": (meeting, managers()),
    "meetings/<int:pk>/agenda/<int:item_pk>/edit/": (item, managers()),
    "meetings/<int:pk>/agenda/<int:item_pk>/move/": (item, signed_in("method")),
    "meetings/<int:pk>/agenda/<int:item_pk>/remove/": (item, managers()),
    "meetings/<int:pk>/attendance/": (held, managers()),
    "meetings/<int:pk>/minutes/": (held, managers()),
    "meetings/<int:pk>/minutes/print/": (held, readers()),
    "meetings/<int:pk>/decisions/add/": (held, managers()),
    "meetings/<int:pk>/actions/add/": (held, managers()),
    # The owner (body_member) and the managers update; the board member reads.
    "actions/<int:pk>/": (lambda w: {"pk": w.action.pk}, readers()),
    "notifications/": (lambda w: {}, signed_in()),
    "notifications/read/": (lambda w: {}, signed_in("method")),
}

API = "unauthorised"
FMT = "\\.(?P<format>[a-z0-9]+)/?$"


def _api(route: str, values, outcomes: dict) -> None:
    """A router route and its format-suffix twin."""
    ROWS[f"api/v1/^{route}/$"] = (values, outcomes)
    ROWS[f"api/v1/^{route}{FMT}"] = (lambda w: {**values(w), "format": "json"}, outcomes)


_api("bodies", lambda w: {}, readers(anonymous=API))
_api("bodies/(?P<pk>[^/.]+)", lambda w: {"pk": w.bodies.jag_a.pk}, readers(anonymous=API))
_api("meetings", lambda w: {}, readers(anonymous=API))
_api("meetings/(?P<pk>[^/.]+)", meeting, readers(anonymous=API))
_api("meetings/(?P<pk>[^/.]+)/status", meeting, readers("method", anonymous=API))
# Everyone signed in may list actions: people without a seat see only those they own.
_api("actions", lambda w: {}, signed_in(anonymous=API))
_api(
    "actions/(?P<pk>[^/.]+)",
    lambda w: {"pk": w.action.pk},
    readers(
        anonymous=API, **dict.fromkeys(("panel_a", "panel_b", "partner_x", "partner_y"), "missing")
    ),
)


def populate(world) -> None:
    """A coming meeting of JAG A with a confidential and an open agenda item, a held one
    with an action the body_member owns, and a notification for the body_member."""
    from governance.models import Notification
    from tests.factories_meetings import (
        ActionFactory,
        AgendaItemFactory,
        HeldMeetingFactory,
        MeetingFactory,
    )

    jag_a = world.bodies.jag_a
    world.meeting = MeetingFactory(body=jag_a)
    world.agenda_item = AgendaItemFactory(meeting=world.meeting, title="Open item")
    AgendaItemFactory(meeting=world.meeting, title="Secret item", is_confidential=True)
    world.held_meeting = HeldMeetingFactory(
        body=jag_a, starts_at=timezone.now() - timedelta(days=20)
    )
    world.action = ActionFactory(meeting=world.held_meeting, owner_person=world.people.body_member)
    Notification.objects.create(
        recipient=world.people.body_member,
        body=jag_a,
        kind=Notification.Kind.MEETING_REMINDER,
        subject="JAG A meets soon",
        message="Agenda on the meeting page.",
        url=world.meeting.get_absolute_url(),
    )
