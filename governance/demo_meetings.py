"""Demo data: for each body, a meeting last month (held, with attendance, minutes,
decisions and actions, some done and some overdue) and one next month (scheduled, its
agenda filled with what awaits the body). Every person here is invented."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from governance.demo import demo_person
from governance.models import Action, Body, Meeting, Membership, Organisation, User
from governance.services import meetings as services
from governance.services import membership_set

FIRST = ["Amira", "Ben", "Chloe", "Dev", "Ellie", "Femi", "Grace", "Harj", "Isla", "Kiran"]
LAST = ["Ashworth", "Blakemore", "Carrow", "Dunmore", "Ellery", "Fairholme", "Gellan", "Hartop"]
SEAT_ORGS = [
    "Leicestershire Police",
    "Leicestershire Fire and Rescue Service",
    "NHS Leicester, Leicestershire and Rutland Integrated Care Board",
    "Demo Homes Housing Association",
    "Voluntary Action LeicesterShire",
]
COUNCIL = {  # the council that supports each district body's secretariat
    "Leicester City": "Leicester City Council",
    "Rutland": "Rutland County Council",
    "Charnwood": "Charnwood Borough Council",
    "North West Leicestershire": "North West Leicestershire District Council",
}

# What each level's meetings talk about: (agenda item, minutes, decision, action).
BUSINESS = {
    Body.Level.JAG: [
        (
            "Anti-social behaviour hotspots",
            "Police reported a rise in youth-related ASB around the shops after dark.",
            "Agreed a joint patrol plan for the next six weeks.",
            "Arrange joint police and youth service patrols on Friday evenings.",
        ),
        (
            "Street lighting and environmental audit",
            "The walkabout found eight street lights out and two fly-tipping sites.",
            "The council will prioritise the lights on the footpath to the school.",
            "Report the eight defective street lights and confirm repair dates.",
        ),
    ],
    Body.Level.CSP: [
        (
            "Strategic assessment: emerging findings",
            "Neighbourhood crime is down; domestic abuse reports are up by a tenth.",
            "The partnership plan will add a domestic abuse strand.",
            "Draft the domestic abuse strand of the partnership plan.",
        ),
        (
            "Joint Action Group reports",
            "Each JAG reported its top three problems and what it is doing.",
            "JAGs to use the common reporting template from next quarter.",
            "Circulate the common JAG reporting template.",
        ),
    ],
    Body.Level.COUNTY: [
        (
            "District partnership plans",
            "Each district summarised its plan and where it needs county support.",
            "A shared rural crime action plan will be drafted.",
            "Draft a shared rural crime action plan for the districts.",
        ),
    ],
    Body.Level.SOG: [
        (
            "Escalations from the partnerships",
            "Members reviewed the issues escalated from the partnerships below.",
            "Two issues go to the board; the rest are answered below.",
            "Prepare the escalation report for the Strategic Partnership Board.",
        ),
        (
            "Performance against the Police and Crime Plan",
            "Road safety and rural crime are behind target.",
            "A deep dive on road safety comes to the next meeting.",
            "Bring a road safety deep dive to the next meeting.",
        ),
    ],
    Body.Level.SPB: [
        (
            "Budget arrangements for the next period",
            "The board reviewed the allocations proposed by the Senior Officers' Group.",
            "Allocations agreed subject to the review event in the new year.",
            "Publish the agreed allocations to all partnerships.",
        ),
    ],
}


def _month_day(base: date, months: int, day: int) -> date:
    """The given day of the month `months` away from `base`'s month."""
    month_index = base.month - 1 + months
    return date(base.year + month_index // 12, month_index % 12 + 1, day)


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _seats(body: Body, index: int, organisations: dict) -> list[Membership]:
    """Make sure the body has a chair, a secretariat and a few members."""
    roles = ["chair", "secretariat", "member", "member", "member"]
    council = organisations.get(COUNCIL.get(body.area, ""), organisations["Leicester City Council"])
    for number, role in enumerate(roles):
        if role == "chair" and body.memberships.filter(role="chair").exists():
            role = "vice_chair"
        first = FIRST[(index + number) % len(FIRST)]
        last = LAST[(index * 3 + number) % len(LAST)]
        username = f"demo-{body.slug}-{number + 1}"[:150]
        user = User.objects.filter(username=username).first() or demo_person(username, first, last)
        if not body.memberships.filter(user=user).exists():
            represents = (
                council
                if role == "secretariat"
                else organisations[SEAT_ORGS[(index + number) % len(SEAT_ORGS)]]
            )
            membership_set(body=body, user=user, role=role, organisation=represents)
    return list(body.memberships.select_related("user", "organisation"))


def _in_month(body: Body, day: date) -> bool:
    return Meeting.objects.filter(
        body=body, starts_at__year=day.year, starts_at__month=day.month
    ).exists()


def _held_meeting(body: Body, day: date, seats: list[Membership], officer: User) -> None:
    hour = 14 if body.level == Body.Level.JAG else 10
    meeting = services.meeting_create(
        actor=officer,
        body=body,
        starts_at=_at(day, hour),
        ends_at=_at(day, hour + 2),
        location=f"Committee room, {body.area}",
    )
    business = BUSINESS[body.level]
    items = [
        services.agenda_item_add(
            actor=officer,
            meeting=meeting,
            title=title,
            presenter=str(seats[(n + 2) % len(seats)].user),
        )
        for n, (title, *_rest) in enumerate(business)
    ]
    if body.level == Body.Level.JAG:
        items.append(
            services.agenda_item_add(
                actor=officer,
                meeting=meeting,
                title="Vulnerable adult at risk of exploitation: case review",
                detail="Named case; partners share what they know under the information "
                "sharing agreement.",
                is_confidential=True,
            )
        )
    services.meeting_transition(actor=officer, meeting=meeting, to_status="held")
    services.attendance_record(
        actor=officer,
        meeting=meeting,
        statuses={
            seat.user_id: "apologies" if n == len(seats) - 1 else "present"
            for n, seat in enumerate(seats)
        },
    )
    services.minutes_record(
        actor=officer,
        meeting=meeting,
        minutes="The chair welcomed members. The meeting was quorate. The minutes of the "
        "previous meeting were agreed as a true record.",
        item_minutes={
            item.pk: (
                business[n][1]
                if n < len(business)
                else "Partners agreed a safeguarding plan; details are held by the secretariat."
            )
            for n, item in enumerate(items)
        },
    )
    _decisions_and_actions(meeting, items, business, seats, officer, day)


def _decisions_and_actions(meeting, items, business, seats, officer, day) -> None:
    statuses = ["open", "done", "in_progress"]
    for n, item in enumerate(items):
        confidential = item.is_confidential
        decision = "A safeguarding plan was agreed." if confidential else business[n][2]
        services.decision_record(actor=officer, meeting=meeting, text=decision, agenda_item=item)
        owner = seats[(n + 2) % len(seats)]
        # The first action is overdue (due a week after the meeting), the second done,
        # the third in progress and due six weeks after the meeting.
        due = day + timedelta(days=7 if n % 3 != 2 else 45)
        action = services.action_create(
            actor=officer,
            meeting=meeting,
            description="Review the safeguarding plan with the lead agency."
            if confidential
            else business[n][3],
            due_date=due,
            owner_person=owner.user,
            owner_organisation=owner.organisation,
            agenda_item=item,
        )
        status = statuses[n % len(statuses)]
        if status != Action.Status.OPEN:
            services.action_update(
                actor=officer,
                action=action,
                status=status,
                progress="Completed and reported back." if status == "done" else "Under way.",
            )


def load(state: dict) -> None:
    """Load this part's demo data (safe to run again)."""
    officer = User.objects.get(username="officer")
    organisations = state.get("organisations") or {o.name: o for o in Organisation.objects.all()}
    today = timezone.localdate()
    for index, body in enumerate(state["bodies"].values()):
        seats = _seats(body, index, organisations)
        day = 3 + (index * 2) % 20
        last_month = _month_day(today, -1, day)
        if not _in_month(body, last_month):
            _held_meeting(body, last_month, seats, officer)
        next_month = _month_day(today, 1, day)
        if not _in_month(body, next_month):
            hour = 14 if body.level == Body.Level.JAG else 10
            services.meeting_create(
                actor=officer,
                body=body,
                starts_at=_at(next_month, hour),
                ends_at=_at(next_month, hour + 2),
                location=f"Committee room, {body.area}",
                online_url="https://meet.example.org/" + body.slug,
            )
