"""iCalendar (RFC 5545) feeds of a body's meetings, and the signed links calendar apps
subscribe with: a calendar app cannot sign in, so the link itself names the person and the
body, signed with the service's secret key."""

from collections.abc import Iterable
from datetime import UTC, datetime

from django.conf import settings
from django.core import signing
from django.utils import timezone

from governance.models import Body, Meeting

FEED_SALT = "governance.meetings.ics"
PRODID = "-//OPCC Partnerships//Meetings//EN"


def feed_token(*, user, body: Body) -> str:
    """A token that lets a calendar app read this body's feed as this person."""
    return signing.dumps({"u": user.pk, "b": body.pk}, salt=FEED_SALT, compress=True)


def feed_token_user_id(token: str, *, body: Body) -> int | None:
    """The person a token was made for, if it is genuine and made for this body."""
    try:
        data = signing.loads(token, salt=FEED_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("b") != body.pk:
        return None
    return data.get("u")


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545
    3.1), never splitting a character."""
    parts, current = [], b""
    for char in line:
        encoded = char.encode()
        limit = 75 if not parts else 74  # continuation lines start with a space
        if len(current) + len(encoded) > limit:
            parts.append(current.decode())
            current = b""
        current += encoded
    parts.append(current.decode())
    return "\r\n ".join(parts)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _event(meeting: Meeting, stamp: datetime, agenda: list[str]) -> list[str]:
    url = f"{settings.SITE_URL}{meeting.get_absolute_url()}"
    description = [f"Meeting of {meeting.body.name}.", f"Agenda and papers: {url}"]
    if meeting.online_url:
        description.append(f"Join online: {meeting.online_url}")
    if agenda:
        numbered = [f"{number}. {title}" for number, title in enumerate(agenda, start=1)]
        description.append("Agenda:\n" + "\n".join(numbered))
    if meeting.is_cancelled and meeting.status_reason:
        description.insert(0, f"Cancelled: {meeting.status_reason}")
    lines = [
        "BEGIN:VEVENT",
        f"UID:meeting-{meeting.pk}@{settings.SITE_URL.split('://')[-1].split('/')[0]}",
        f"DTSTAMP:{_utc(stamp)}",
        f"DTSTART:{_utc(meeting.starts_at)}",
        f"DTEND:{_utc(meeting.ends_at)}",
        f"SUMMARY:{_escape(meeting.display_title)}",
        f"LOCATION:{_escape(meeting.location or 'Online')}",
        f"URL:{url}",
        f"DESCRIPTION:{_escape(chr(10).join(description))}",
        f"STATUS:{'CANCELLED' if meeting.is_cancelled else 'CONFIRMED'}",
        "END:VEVENT",
    ]
    return lines


def calendar(*, body: Body, meetings: Iterable[Meeting], agendas: dict[int, list[str]]) -> str:
    """The feed: one event per meeting. `agendas` holds the titles of the items anyone may
    see, by meeting: confidential items never go into a feed."""
    stamp = timezone.now()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(body.name)} meetings",
    ]
    for meeting in meetings:
        lines.extend(_event(meeting, stamp, agendas.get(meeting.pk, [])))
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
