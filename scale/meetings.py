"""Five years of meetings of every body of one area: monthly JAGs, quarterly CSP, SOG and
SPB; agendas, minutes, decisions, attendance at the recent ones, and the actions agreed."""

from datetime import UTC, datetime, timedelta

from django.utils import timezone

from governance.models import Action, AgendaItem, Attendance, Decision, Meeting
from scale.people import Area
from scale.writer import Writer

STANDING = [
    ("standing:apologies", "Welcome, introductions and apologies"),
    ("standing:minutes", "Minutes of the last meeting and matters arising"),
    ("standing:actions", "Review of outstanding actions"),
]
TOPICS = [
    "Hotspot report from the neighbourhood policing team",
    "Anti-social behaviour around the shopping parade",
    "Update from the housing provider on empty homes",
    "Youth diversion activities for the school holidays",
    "Partnership plan: progress against this year's priorities",
    "Funding bids and the community safety fund",
    "Fly-tipping and environmental crime",
    "Serious violence duty: local needs assessment",
]
ACTIONS = [
    "Share the hotspot map with partners",
    "Arrange a joint patrol of the park",
    "Write to the landlord about the empty flats",
    "Report back on the youth club pilot",
    "Bring the funding bid to the next meeting",
]


def _month_start(today, offset: int) -> datetime:
    month = today.year * 12 + today.month - 1 + offset
    return datetime(month // 12, month % 12 + 1, 1, tzinfo=UTC)


def build(w: Writer, area: Area) -> None:
    knobs, rng = area.knobs, area.rng
    now = timezone.now()
    today = timezone.localdate()
    recent = now - timedelta(days=183)
    last_year = now - timedelta(days=365)
    for body in area.bodies:
        monthly = any(body in js for js in area.jags)
        step = 1 if monthly else 3
        members = area.members[body]
        day = 3 + body % 20
        for offset in range(-knobs.months, 3, step):
            starts = _month_start(today, offset) + timedelta(days=day, hours=9 + body % 6)
            future = starts > now
            cancelled = not future and rng.random() < 0.03
            status = "scheduled" if future else ("cancelled" if cancelled else "held")
            meeting = w.add(
                Meeting, body_id=body, starts_at=starts, ends_at=starts + timedelta(hours=2),
                location=f"Committee room {1 + body % 4}, {area.district[body]}",
                status=status, status_reason="Not quorate." if cancelled else "",
                minutes="The meeting noted the reports and agreed the actions below."
                if status == "held" else "",
                minutes_recorded_at=starts + timedelta(days=3) if status == "held" else None,
                created_by_id=area.officers[0], created_at=starts - timedelta(days=30),
            )  # fmt: skip
            position = 0
            for key, title in STANDING:
                position += 1
                w.add(
                    AgendaItem, meeting_id=meeting, position=position, kind="standing",
                    title=title, source_key=key,
                )  # fmt: skip
            items = []
            for topic in rng.sample(TOPICS, 2):
                position += 1
                items.append(
                    w.add(
                        AgendaItem,
                        meeting_id=meeting,
                        position=position,
                        kind="other",
                        title=topic,
                        presenter="Partnership lead",
                        minutes="Discussed; see actions." if status == "held" else "",
                        is_confidential=rng.random() < 0.1,
                    )  # fmt: skip
                )
            w.add(
                AgendaItem, meeting_id=meeting, position=position + 1, kind="standing",
                title="Any other business", source_key="standing:aob",
            )  # fmt: skip
            if status != "held":
                continue
            if starts > last_year:
                w.add(
                    Decision, meeting_id=meeting, agenda_item_id=items[0],
                    text="Agreed to fund the youth diversion programme for another quarter.",
                    created_at=starts,
                )  # fmt: skip
            if starts > recent:
                for user in members:
                    w.add(
                        Attendance, meeting_id=meeting, person_id=user,
                        organisation_id=area.org_of.get(user),
                        status=rng.choice(["present", "present", "present", "apologies"]),
                    )  # fmt: skip
            for i in range(2):
                due = (starts + timedelta(days=28 + 14 * i)).date()
                age = (today - due).days
                if age > 45 or (age > 0 and rng.random() < 0.6):
                    status_a = "done" if rng.random() < 0.9 else "dropped"
                    completed = datetime.combine(due, datetime.min.time(), tzinfo=UTC)
                else:
                    status_a, completed = rng.choice(["open", "in_progress"]), None
                owner = rng.choice(members)
                w.add(
                    Action, body_id=body, meeting_id=meeting, agenda_item_id=items[i],
                    description=rng.choice(ACTIONS), owner_person_id=owner,
                    owner_organisation_id=area.org_of.get(owner), due_date=due,
                    status=status_a, completed_at=completed, created_at=starts,
                    progress="Done as agreed." if completed else "",
                )  # fmt: skip
