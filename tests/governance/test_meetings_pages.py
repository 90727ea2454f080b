"""Pages of bodies and meetings: what each role sees, and managing a meeting through forms."""

from datetime import timedelta

import pytest
from django.utils import timezone

from governance.models import Action, Attendance, Decision, Meeting
from tests.factories import MembershipFactory, UserFactory
from tests.factories_meetings import (
    ActionFactory,
    AgendaItemFactory,
    HeldMeetingFactory,
    MeetingFactory,
)


@pytest.fixture
def jag_b_meeting(world):
    """A coming meeting of JAG B (the body_member sits on JAG A, not here)."""
    meeting = MeetingFactory(body=world.bodies.jag_b, title="JAG B business meeting")
    AgendaItemFactory(meeting=meeting, title="Street drinking")
    AgendaItemFactory(meeting=meeting, title="Named family case review", is_confidential=True)
    ActionFactory(
        meeting=HeldMeetingFactory(body=world.bodies.jag_b),
        description="Safeguarding referral",
        is_confidential=True,
        due_date=timezone.localdate() - timedelta(days=1),
    )
    return meeting


def text(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


# Bodies ----------------------------------------------------------------------------------
def test_body_list_shows_the_tree_with_levels_and_next_meetings(client_as, world):
    MeetingFactory(body=world.bodies.csp_a, starts_at=timezone.now() + timedelta(days=3))
    page = text(client_as("board").get("/bodies/"))
    assert (
        page.index("Test SPB") < page.index("Test SOG") < page.index("CSP A") < page.index("JAG A")
    )
    assert "next meeting" in page and "no meeting scheduled" in page
    assert page.count("<h1") == 1


def test_body_page_shows_place_in_tree_members_meetings_and_actions(client_as, world):
    jag_a = world.bodies.jag_a
    coming = MeetingFactory(body=jag_a, title="Spring meeting")
    HeldMeetingFactory(body=jag_a, title="Winter meeting")
    ActionFactory(
        meeting__body=jag_a,
        description="Fix the lights",
        due_date=timezone.localdate() - timedelta(days=1),
    )
    page = text(client_as("body_member").get(f"/bodies/{jag_a.slug}/"))
    assert 'href="/bodies/csp-a/"' in page  # reports to
    assert "Test Police" in page and "Chair" in page  # a member, their organisation and role
    assert "Spring meeting" in page and "Winter meeting" in page
    assert "Overdue action: Fix the lights" in page  # what awaits the body
    assert f'href="/meetings/{coming.pk}/"' in page
    assert "Schedule a meeting" in page  # the chair manages meetings
    assert "meetings.ics?token=" in page


def test_body_page_offers_scheduling_only_to_managers(client_as, world):
    page = text(client_as("board").get(f"/bodies/{world.bodies.jag_a.slug}/"))
    assert "Schedule a meeting" not in page


def test_confidential_items_of_a_body_are_hidden_from_members_of_other_bodies(
    client_as, world, jag_b_meeting
):
    body_page = text(client_as("body_member").get("/bodies/jag-b/"))
    meeting_page = text(client_as("body_member").get(f"/meetings/{jag_b_meeting.pk}/"))
    printed = text(client_as("body_member").get(f"/meetings/{jag_b_meeting.pk}/agenda/print/"))
    for page in (body_page, meeting_page, printed):
        assert "Named family case review" not in page
        assert "Safeguarding referral" not in page
    assert "Street drinking" in meeting_page and "Street drinking" in printed
    assert "1 confidential item is shown only to" in meeting_page


@pytest.mark.parametrize("role", ["officer", "board"])
def test_officers_and_board_members_see_every_confidential_item(client_as, role, jag_b_meeting):
    page = text(client_as(role).get(f"/meetings/{jag_b_meeting.pk}/"))
    assert "Named family case review" in page and "Safeguarding referral" in page
    assert "Confidential" in page


@pytest.mark.parametrize("role", ["panel_a", "partner_x"])
def test_panel_members_and_partners_without_a_seat_are_refused(client_as, role, jag_b_meeting):
    for path in ("/bodies/", "/bodies/jag-b/", f"/meetings/{jag_b_meeting.pk}/"):
        assert client_as(role).get(path).status_code == 403


def test_print_views_carry_no_navigation(client_as, world):
    meeting = HeldMeetingFactory(body=world.bodies.jag_a, minutes="Quorate.")
    for path in (f"/meetings/{meeting.pk}/agenda/print/", f"/meetings/{meeting.pk}/minutes/print/"):
        page = text(client_as("board").get(path))
        assert "govuk-service-navigation" not in page and "govuk-footer" not in page
        assert page.count("<h1") == 1
    assert "Quorate." in page


# Managing a meeting through its pages ----------------------------------------------------
def test_the_chair_schedules_a_meeting_and_its_agenda_is_filled(client_as, world):
    client = client_as("body_member")
    day = timezone.localdate() + timedelta(days=20)
    response = client.post(
        "/bodies/jag-a/meetings/new/",
        {
            "date_0": day.day,
            "date_1": day.month,
            "date_2": day.year,
            "start_time": "18:30",
            "end_time": "20:00",
            "location": "Library meeting room",
        },
    )
    meeting = Meeting.objects.get(body=world.bodies.jag_a)
    assert response.status_code == 302 and response["Location"] == f"/meetings/{meeting.pk}/"
    assert timezone.localtime(meeting.starts_at).strftime("%H:%M") == "18:30"
    assert meeting.agenda_items.filter(source_key="standing:aob").exists()
    assert meeting.created_by == world.people.body_member


def test_scheduling_errors_are_summarised_and_shown_by_each_field(client_as, world):
    response = client_as("officer").post(
        "/bodies/jag-a/meetings/new/", {"start_time": "18:30", "end_time": "17:00"}
    )
    page = text(response)
    assert "govuk-error-summary" in page
    assert "Enter the date" in page
    assert "Enter a place or an online meeting link" in page
    assert "The end time must be after the start time" in page
    assert page.startswith("<!DOCTYPE html>") and "<title>Error: " in page
    assert not Meeting.objects.exists()


def test_an_ordinary_member_cannot_manage_meetings(client, world):
    member = MembershipFactory(body=world.bodies.jag_a).user
    client.force_login(member)
    meeting = MeetingFactory(body=world.bodies.jag_a)
    assert client.get(f"/meetings/{meeting.pk}/").status_code == 200
    assert client.get(f"/meetings/{meeting.pk}/edit/").status_code == 403
    assert client.post(f"/meetings/{meeting.pk}/agenda/fill/").status_code == 403
    assert client.post("/bodies/jag-a/meetings/new/", {}).status_code == 403


def test_a_refused_status_change_is_shown_and_changes_nothing(client_as, world):
    meeting = MeetingFactory(body=world.bodies.jag_a)
    client = client_as("body_member")
    page = text(client.post(f"/meetings/{meeting.pk}/status/", {"status": "held"}))
    assert "cannot be marked held before it starts" in page
    page = text(client.post(f"/meetings/{meeting.pk}/status/", {"status": "cancelled"}))
    assert "Say why the meeting is cancelled" in page
    meeting.refresh_from_db()
    assert meeting.is_scheduled
    response = client.post(
        f"/meetings/{meeting.pk}/status/", {"status": "cancelled", "reason": "Clash"}
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.is_cancelled and meeting.status_reason == "Clash"


def test_a_held_meeting_offers_no_status_change(client_as, world):
    meeting = HeldMeetingFactory(body=world.bodies.jag_a)
    page = text(client_as("officer").get(f"/meetings/{meeting.pk}/status/"))
    assert "its record stands" in page and 'type="radio"' not in page


def test_agenda_is_filled_again_and_edited_from_the_meeting_page(client_as, world):
    client = client_as("body_member")
    meeting = MeetingFactory(body=world.bodies.jag_a)
    response = client.post(f"/meetings/{meeting.pk}/agenda/fill/", follow=True)
    assert "4 new items added to the agenda." in text(response)
    response = client.post(f"/meetings/{meeting.pk}/agenda/fill/", follow=True)
    assert "Nothing new awaits the body" in text(response)
    response = client.post(
        f"/meetings/{meeting.pk}/agenda/add/", {"title": "Knife crime", "presenter": "Police"}
    )
    assert response.status_code == 302
    item = meeting.agenda_items.get(title="Knife crime")
    client.post(f"/meetings/{meeting.pk}/agenda/{item.pk}/move/", {"up": "1"})
    item.refresh_from_db()
    assert item.position == 3
    client.post(f"/meetings/{meeting.pk}/agenda/{item.pk}/remove/")
    assert not meeting.agenda_items.filter(title="Knife crime").exists()


def test_attendance_minutes_decisions_and_actions_are_recorded(client_as, world):
    client = client_as("body_member")
    meeting = HeldMeetingFactory(body=world.bodies.jag_a)
    item = AgendaItemFactory(meeting=meeting, title="Lighting")
    chair = world.people.body_member
    page = text(client.get(f"/meetings/{meeting.pk}/attendance/"))
    assert f'name="person_{chair.pk}"' in page
    client.post(f"/meetings/{meeting.pk}/attendance/", {f"person_{chair.pk}": "present"})
    assert Attendance.objects.get(meeting=meeting, person=chair).status == "present"

    client.post(
        f"/meetings/{meeting.pk}/minutes/", {"minutes": "Quorate.", f"item_{item.pk}": "Noted."}
    )
    client.post(
        f"/meetings/{meeting.pk}/decisions/add/", {"text": "Lights first", "agenda_item": item.pk}
    )
    due = timezone.localdate() + timedelta(days=14)
    response = client.post(
        f"/meetings/{meeting.pk}/actions/add/",
        {
            "description": "Report the lights",
            "owner_person": chair.pk,
            "due_date_0": due.day,
            "due_date_1": due.month,
            "due_date_2": due.year,
        },
    )
    assert response.status_code == 302
    page = text(client.get(f"/meetings/{meeting.pk}/"))
    assert "Quorate" in page and "Noted." in page and "Lights first" in page
    assert Decision.objects.get(meeting=meeting).agenda_item == item
    assert Action.objects.get(meeting=meeting).owner_person == chair


def test_an_action_without_an_owner_is_refused_next_to_the_field(client_as, world):
    meeting = HeldMeetingFactory(body=world.bodies.jag_a)
    page = text(
        client_as("officer").post(
            f"/meetings/{meeting.pk}/actions/add/", {"description": "Someone do something"}
        )
    )
    assert "Choose who owns the action" in page and "Enter the due date" in page
    assert not Action.objects.exists()


def test_attendance_before_the_meeting_starts_is_refused_with_the_reason(client_as, world):
    meeting = MeetingFactory(body=world.bodies.jag_a)
    chair = world.people.body_member
    page = text(
        client_as("officer").post(
            f"/meetings/{meeting.pk}/attendance/", {f"person_{chair.pk}": "present"}
        )
    )
    assert "once it has started" in page
    assert not Attendance.objects.exists()


# Actions ---------------------------------------------------------------------------------
def test_the_owner_of_an_action_updates_it(client, world):
    owner = UserFactory(organisation=world.organisations.x)
    MembershipFactory(body=world.bodies.jag_b, user=owner)
    action = ActionFactory(meeting__body=world.bodies.jag_a, owner_person=owner)
    client.force_login(owner)
    response = client.post(
        f"/actions/{action.pk}/", {"status": "in_progress", "progress": "Quotes requested"}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "in_progress" and action.progress == "Quotes requested"


def test_a_reader_who_does_not_own_an_action_cannot_update_it(client_as, world):
    action = ActionFactory(meeting__body=world.bodies.jag_a)
    client = client_as("board")
    page = text(client.get(f"/actions/{action.pk}/"))
    assert 'type="radio"' not in page
    assert client.post(f"/actions/{action.pk}/", {"status": "done"}).status_code == 403
    action.refresh_from_db()
    assert action.status == "open"


def test_an_illegal_action_move_is_refused_on_the_page(client_as, world):
    action = ActionFactory(meeting__body=world.bodies.jag_a, status="done")
    page = text(client_as("officer").post(f"/actions/{action.pk}/", {"status": "in_progress"}))
    assert "Select a valid choice" in page  # only reopening is offered
    action.refresh_from_db()
    assert action.status == "done"


def test_a_confidential_action_of_another_body_does_not_exist_for_a_reader(client_as, world):
    action = ActionFactory(meeting__body=world.bodies.jag_b, is_confidential=True)
    assert client_as("body_member").get(f"/actions/{action.pk}/").status_code == 404
    assert client_as("board").get(f"/actions/{action.pk}/").status_code == 200


# The list of meetings --------------------------------------------------------------------
def test_meeting_list_shows_coming_or_past_meetings_and_filters_to_own_bodies(client_as, world):
    MeetingFactory(body=world.bodies.jag_a, title="Coming JAG A")
    MeetingFactory(body=world.bodies.jag_b, title="Coming JAG B")
    HeldMeetingFactory(body=world.bodies.jag_a, title="Past JAG A")
    client = client_as("body_member")
    page = text(client.get("/meetings/"))
    assert "Coming JAG A" in page and "Coming JAG B" in page and "Past JAG A" not in page
    page = text(client.get("/meetings/?mine=1"))
    assert "Coming JAG A" in page and "Coming JAG B" not in page
    page = text(client.get("/meetings/?when=past"))
    assert "Past JAG A" in page and "Coming JAG A" not in page


def test_meeting_list_shows_one_bodys_past_meetings(client_as, world):
    HeldMeetingFactory(body=world.bodies.jag_a, title="Past JAG A")
    HeldMeetingFactory(body=world.bodies.jag_b, title="Past JAG B")
    page = text(client_as("board").get("/meetings/?when=past&body=jag-a"))
    assert "Past JAG A" in page and "Past JAG B" not in page
    assert "when=upcoming&amp;body=jag-a" in page
    assert client_as("board").get("/meetings/?body=no-such-body").status_code == 404


def test_body_page_offers_members_to_raise_an_issue_and_boards_to_set_priorities(client_as, world):
    page = client_as("body_member").get(f"/bodies/{world.bodies.jag_a.slug}/").content.decode()
    assert f"/bodies/{world.bodies.jag_a.slug}/issues/new/" in page
    assert "Set a priority here" not in page
    other = client_as("body_member").get(f"/bodies/{world.bodies.jag_b.slug}/").content.decode()
    assert "Raise an issue here" not in other
    board = client_as("board").get(f"/bodies/{world.bodies.spb.slug}/").content.decode()
    assert f"/priorities/new/{world.bodies.spb.slug}/" in board
