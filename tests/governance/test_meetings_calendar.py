"""The iCalendar feed of a body's meetings, read back as a calendar app would, and the
signed subscription links that let a calendar app read it without signing in."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from governance import ical
from tests.factories_meetings import AgendaItemFactory, HeldMeetingFactory, MeetingFactory


def parse(feed: str) -> list[dict]:
    """The components of an iCalendar text: unfold (RFC 5545 3.1), split each content line
    into name and value, unescape text values. Returns one dict per VEVENT, plus the
    calendar's own properties under "VCALENDAR"."""
    assert feed.endswith("\r\n")
    raw = feed.split("\r\n")[:-1]
    for line in raw:
        assert len(line.encode()) <= 75, f"line not folded: {line!r}"
        assert "\n" not in line
    unfolded: list[str] = []
    for line in raw:
        if line.startswith(" "):
            unfolded[-1] += line[1:]
        else:
            unfolded.append(line)
    calendar, events, current = {}, [], None
    for line in unfolded:
        name, _, value = line.partition(":")
        value = (
            value.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")
        )
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            current[name] = value
        else:
            calendar[name] = value
    assert unfolded[0] == "BEGIN:VCALENDAR" and unfolded[-1] == "END:VCALENDAR"
    return [{"VCALENDAR": calendar}, *events]


def utc(value: str) -> datetime:
    return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


@pytest.fixture
def meetings(world):
    jag_a = world.bodies.jag_a
    coming = MeetingFactory(
        body=jag_a,
        title="Spring meeting; with commas, semicolons and a very long title that must fold",
        location="Room 1, Town Hall\nHigh Street",
        online_url="https://meet.example.org/jag-a",
    )
    AgendaItemFactory(meeting=coming, title="Street lighting, again")
    AgendaItemFactory(meeting=coming, title="Named victim case", is_confidential=True)
    cancelled = MeetingFactory(
        body=jag_a,
        status="cancelled",
        status_reason="Not quorate",
        location="",
        online_url="https://x.example.org",
    )
    held = HeldMeetingFactory(body=jag_a)
    MeetingFactory(body=world.bodies.jag_b, title="Another body's meeting")
    HeldMeetingFactory(body=jag_a, starts_at=timezone.now() - timedelta(days=500))
    return {"coming": coming, "cancelled": cancelled, "held": held}


def test_the_feed_is_valid_icalendar_with_one_event_per_meeting(client_as, world, meetings):
    response = client_as("board").get("/bodies/jag-a/meetings.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar, *events = parse(response.content.decode())
    assert calendar["VCALENDAR"]["VERSION"] == "2.0"
    assert calendar["VCALENDAR"]["PRODID"]
    assert len(events) == 3  # the body's own, within the last year
    by_uid = {event["UID"]: event for event in events}
    coming = meetings["coming"]
    event = by_uid[f"meeting-{coming.pk}@127.0.0.1:8000"]
    assert event["SUMMARY"] == coming.title
    assert event["LOCATION"] == "Room 1, Town Hall\nHigh Street"
    assert utc(event["DTSTART"]) == coming.starts_at.replace(microsecond=0)
    assert utc(event["DTEND"]) == coming.ends_at.replace(microsecond=0)
    assert utc(event["DTSTAMP"]) <= timezone.now()
    assert event["URL"] == f"http://127.0.0.1:8000/meetings/{coming.pk}/"
    assert event["STATUS"] == "CONFIRMED"
    assert "1. Street lighting, again" in event["DESCRIPTION"]
    assert "https://meet.example.org/jag-a" in event["DESCRIPTION"]
    cancelled = by_uid[f"meeting-{meetings['cancelled'].pk}@127.0.0.1:8000"]
    assert cancelled["STATUS"] == "CANCELLED" and cancelled["LOCATION"] == "Online"
    assert cancelled["DESCRIPTION"].startswith("Cancelled: Not quorate")


def test_the_feed_never_holds_confidential_items_even_for_those_who_may_see_them(
    client_as, world, meetings
):
    feed = client_as("body_member").get("/bodies/jag-a/meetings.ics").content.decode()
    assert "Named victim case" not in feed.replace("\r\n ", "")


def test_a_subscription_link_works_without_signing_in(client, world, meetings):
    token = ical.feed_token(user=world.people.body_member, body=world.bodies.jag_a)
    response = client.get(f"/bodies/jag-a/meetings.ics?token={token}")
    assert response.status_code == 200
    assert len(parse(response.content.decode())) == 4


def test_a_subscription_link_is_bound_to_its_body_and_cannot_be_forged(client, world, meetings):
    token = ical.feed_token(user=world.people.body_member, body=world.bodies.jag_a)
    assert client.get(f"/bodies/jag-b/meetings.ics?token={token}").status_code == 403
    assert client.get(f"/bodies/jag-a/meetings.ics?token={token[:-2]}xx").status_code == 403
    assert client.get("/bodies/jag-a/meetings.ics?token=nonsense").status_code == 403


def test_a_subscription_link_stops_when_its_person_loses_access(client, world, meetings):
    panel = ical.feed_token(user=world.people.panel_a, body=world.bodies.jag_a)
    assert client.get(f"/bodies/jag-a/meetings.ics?token={panel}").status_code == 403
    member = world.people.body_member
    token = ical.feed_token(user=member, body=world.bodies.jag_a)
    member.is_active = False
    member.save()
    assert client.get(f"/bodies/jag-a/meetings.ics?token={token}").status_code == 403


def test_the_body_page_offers_the_subscription_link_for_the_reader(client_as, world):
    page = client_as("body_member").get("/bodies/jag-a/").content.decode()
    token = page.split("meetings.ics?token=")[1].split('"')[0]
    assert ical.feed_token_user_id(token, body=world.bodies.jag_a) == world.people.body_member.pk


def test_long_lines_fold_without_splitting_a_character():
    line = "SUMMARY:" + "é" * 100
    folded = ical._fold(line)
    parts = folded.split("\r\n ")
    assert all(len(part.encode()) <= 75 for part in parts)
    assert "".join(parts) == line
