"""The signed-in person's notifications: listed newest first, marked read one by one or all."""

import pytest

from governance.models import Notification


def notify(user, subject, body=None):
    return Notification.objects.create(
        recipient=user,
        body=body,
        kind=Notification.Kind.MEETING_REMINDER,
        subject=subject,
        message="The agenda is on the meeting page.",
        url="/meetings/1/",
    )


@pytest.mark.parametrize("role", ["panel_a", "partner_x", "body_member"])
def test_everyone_signed_in_sees_only_their_own_notifications(client_as, world, role):
    person = getattr(world.people, role)
    notify(person, "Yours")
    notify(world.people.officer, "The officer's")
    page = client_as(role).get("/notifications/").content.decode()
    assert "Yours" in page and "The officer&#x27;s" not in page and "The officer's" not in page
    assert "You have 1 unread notification." in page


def test_a_notification_is_marked_read_and_others_stay_unread(client_as, world):
    person = world.people.body_member
    first, second = notify(person, "First"), notify(person, "Second")
    client = client_as("body_member")
    response = client.post("/notifications/read/", {"id": first.pk, "page": "1"})
    assert response.status_code == 302 and response["Location"] == "/notifications/?page=1"
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.is_read and not second.is_read


def test_mark_all_read_touches_only_ones_own(client_as, world):
    mine = [notify(world.people.body_member, f"N{n}") for n in range(3)]
    theirs = notify(world.people.board, "Board's")
    response = client_as("body_member").post("/notifications/read/", follow=True)
    assert "3 notifications marked read." in response.content.decode()
    assert all(Notification.objects.get(pk=n.pk).is_read for n in mine)
    theirs.refresh_from_db()
    assert not theirs.is_read


def test_one_cannot_mark_someone_elses_notification_read(client_as, world):
    theirs = notify(world.people.board, "Board's")
    client_as("body_member").post("/notifications/read/", {"id": theirs.pk})
    theirs.refresh_from_db()
    assert not theirs.is_read


def test_the_account_navigation_links_to_notifications(client_as, world):
    page = client_as("panel_a").get("/").content.decode()
    assert 'href="/notifications/"' in page
