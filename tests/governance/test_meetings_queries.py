"""Query counts of the bodies and meetings pages, pinned, and the same with more data: a
page that starts reading once per row fails here."""

from datetime import timedelta

import pytest
from django.utils import timezone

from governance.models import Body, Notification
from governance.selectors.meetings import meetings_dashboard_panel, minutes_dashboard_panel
from governance.selectors.people import roles_for
from tests.factories import BodyFactory, MembershipFactory, UserFactory
from tests.factories_issues import AssignmentFactory, IssueFactory, PriorityFactory
from tests.factories_meetings import (
    ActionFactory,
    AgendaItemFactory,
    AttendanceFactory,
    DecisionFactory,
    HeldMeetingFactory,
    MeetingFactory,
)

# Every signed-in page: session, user, memberships, panel seats (4), then the session's idle
# timer pushed on (3).
BASE = 7


def grow(world, meeting=None, held=None) -> None:
    """More of everything the pages show, at JAG A and elsewhere."""
    jag_a = world.bodies.jag_a
    for n in range(3):
        body = BodyFactory(level=Body.Level.JAG, parent=world.bodies.csp_a)
        MembershipFactory.create_batch(2, body=body)
        MeetingFactory(body=body)
        seat = MembershipFactory(body=jag_a, organisation=world.organisations.x)
        IssueFactory(raised_at=jag_a, is_confidential=n == 0)
        AssignmentFactory(priority=PriorityFactory(setting_body=world.bodies.spb), body=jag_a)
        past = HeldMeetingFactory(body=jag_a, starts_at=timezone.now() - timedelta(days=40 + n))
        ActionFactory(
            meeting=past,
            owner_person=seat.user,
            owner_organisation=world.organisations.y,
            due_date=timezone.localdate() - timedelta(days=1),
        )
        MeetingFactory(body=jag_a, starts_at=timezone.now() + timedelta(days=30 + n))
        for target in filter(None, (meeting, held)):
            item = AgendaItemFactory(meeting=target, is_confidential=n == 1)
            DecisionFactory(meeting=target, agenda_item=item)
            ActionFactory(meeting=target, agenda_item=item, owner_person=seat.user)
            AttendanceFactory(meeting=target, person=seat.user, organisation=seat.organisation)


def pin(client, path, expected, django_assert_num_queries):
    with django_assert_num_queries(expected):
        response = client.get(path)
    assert response.status_code == 200


@pytest.mark.parametrize("role", ["officer", "body_member"])
def test_body_list_queries(role, client_as, world, django_assert_num_queries):
    client = client_as(role)
    # The areas (each SPB), how many bodies each has, the page's bodies with their member
    # counts, and their next meetings.
    pin(client, "/bodies/", BASE + 4, django_assert_num_queries)
    grow(world)
    pin(client, "/bodies/", BASE + 4, django_assert_num_queries)


# Body page: the body, its children, members, outstanding actions, the last held meeting,
# issues sitting there, answers to issues it raised, priorities awaiting it, coming and
# past meetings.
BODY_PAGE = BASE + 10


@pytest.mark.parametrize("role", ["board", "body_member"])
def test_body_page_queries(role, client_as, world, django_assert_num_queries):
    client = client_as(role)
    path = f"/bodies/{world.bodies.jag_a.slug}/"
    pin(client, path, BODY_PAGE, django_assert_num_queries)
    grow(world)
    pin(client, path, BODY_PAGE, django_assert_num_queries)


# Meeting page: the meeting with its body, agenda items, decisions, actions, seats,
# attendance and the actions carried forward.
MEETING_PAGE = BASE + 7


@pytest.mark.parametrize(
    "path",
    [
        "/meetings/{pk}/",
        "/meetings/{pk}/agenda/print/",
        "/meetings/{pk}/minutes/print/",
    ],
)
def test_meeting_page_and_print_views_queries(path, client_as, world, django_assert_num_queries):
    meeting = HeldMeetingFactory(body=world.bodies.jag_a)
    client = client_as("body_member")
    path = path.format(pk=meeting.pk)
    pin(client, path, MEETING_PAGE, django_assert_num_queries)
    grow(world, held=meeting)
    pin(client, path, MEETING_PAGE, django_assert_num_queries)


def test_meeting_list_queries(client_as, world, django_assert_num_queries):
    client = client_as("board")
    MeetingFactory(body=world.bodies.jag_a)
    # A count and one page of meetings with their bodies.
    pin(client, "/meetings/", BASE + 2, django_assert_num_queries)
    grow(world)
    pin(client, "/meetings/", BASE + 2, django_assert_num_queries)


def test_notifications_page_queries(client_as, world, django_assert_num_queries):
    client = client_as("body_member")

    def notify(n):
        for _ in range(n):
            Notification.objects.create(
                recipient=world.people.body_member,
                body=world.bodies.jag_a,
                kind=Notification.Kind.MEETING_REMINDER,
                subject="JAG A meets soon",
                message="See the agenda.",
            )

    notify(1)
    # A count, one page with its bodies, and the unread count.
    pin(client, "/notifications/", BASE + 3, django_assert_num_queries)
    notify(30)
    pin(client, "/notifications/", BASE + 3, django_assert_num_queries)


def test_calendar_feed_queries(client_as, world, django_assert_num_queries):
    meeting = MeetingFactory(body=world.bodies.jag_a)
    client = client_as("board")
    path = "/bodies/jag-a/meetings.ics"
    # The body, its meetings, and their agenda items (no session save: no template).
    pin(client, path, 4 + 3 + 3, django_assert_num_queries)
    grow(world, meeting=meeting)
    pin(client, path, 4 + 3 + 3, django_assert_num_queries)


@pytest.mark.parametrize(
    ("panel", "expected"), [(meetings_dashboard_panel, 2), (minutes_dashboard_panel, 1)]
)
def test_dashboard_panels_read_a_fixed_number_of_queries(
    panel, expected, rf, world, django_assert_num_queries
):
    officer = world.people.officer
    MembershipFactory(body=world.bodies.jag_a, user=officer)
    request = rf.get("/")
    request.user = officer
    roles = roles_for(officer)
    with django_assert_num_queries(expected):
        panel(request, roles)
    for _ in range(4):
        HeldMeetingFactory(body=world.bodies.jag_a)
        MeetingFactory(body=world.bodies.jag_a)
        ActionFactory(meeting__body=world.bodies.jag_a, owner_person=officer)
    with django_assert_num_queries(expected):
        data = panel(request, roles)
    assert any(data.values())


def test_meetings_panel_is_for_governance_people_only(rf, world):
    request = rf.get("/")
    for role in ("panel_a", "partner_x"):
        request.user = getattr(world.people, role)
        assert meetings_dashboard_panel(request, roles_for(request.user)) is None
        assert minutes_dashboard_panel(request, roles_for(request.user)) is None
    request.user = UserFactory()
    assert meetings_dashboard_panel(request, roles_for(request.user)) is None
