"""Demo data: issues at every stage of escalation, and two Police and Crime Plan
priorities routed to every body with mixed answers. Every detail is invented [demo].

Built through the services (so the trail, notifications and rules are the real ones), then
moved back in time, so the demo shows issues that have waited and deadlines that passed.
"""

from datetime import timedelta

from django.utils import timezone

from governance.models import Issue, IssueStep, Priority, PriorityAssignment, PriorityReport, User
from governance.services.issues import issue_escalate, issue_raise, issue_resolve, issue_return
from governance.services.priorities import assignment_acknowledge, assignment_report, priority_set

JAG, CSP, SOG, SPB = "new-parks-jag", "safer-leicester-partnership", "llr-sog", "llr-spb"
# The demo accounts (governance/demo.py) and the body each sits on.
SEATS = {"newparks-jag": JAG, "leicester-csp": CSP, "sog": SOG, "board": SPB}

# (title, category, urgency, confidential, description, [(days ago, move, actor, text)]).
# The first move is always the raise; an issue is only built once (looked up by title).
ISSUES = [
    (
        "Drug dealing from empty flats on Aikman Avenue",
        "drugs",
        "high",
        False,
        "Three empty council flats are being used to deal drugs. Residents report "
        "needles on the stairwell and young people being drawn in. Police have made "
        "arrests but the flats are reoccupied within days.",
        [
            (62, "raise", "newparks-jag", ""),
            (
                60,
                "escalate",
                "newparks-jag",
                "The JAG cannot secure the flats: it needs the city council's housing "
                "service and a closure order, which the partnership must agree.",
            ),
            (
                41,
                "escalate",
                "leicester-csp",
                "The same pattern is reported in two other estates; the housing policy "
                "on empty homes is set county-wide and needs senior officers.",
            ),
            (
                26,
                "escalate",
                "sog",
                "Needs a Board decision on funding for rapid refurbishment of empty homes.",
            ),
            (
                6,
                "resolve",
                "board",
                "The Board agrees a joint empty-homes protocol: the council will secure "
                "empty flats within 48 hours of a police report, police and the council "
                "will seek closure orders together, and £20,000 from the community safety "
                "fund pays for rapid refurbishment this year. New Parks JAG to report "
                "back on the Aikman Avenue flats at its next meeting.",
            ),
        ],
    ),
    (
        "Off-road bikes on the Western Park playing fields",
        "asb",
        "medium",
        False,
        "Off-road motorbikes ride across the playing fields most evenings. Two near "
        "misses with children reported this month.",
        [(3, "raise", "newparks-jag", "")],
    ),
    (
        "Street lights out along Ravensbridge Drive",
        "environment",
        "medium",
        False,
        "Twelve street lights have been out for six weeks. Residents feel unsafe walking "
        "home from the bus stop after dark.",
        [
            (16, "raise", "newparks-jag", ""),
            (
                11,
                "escalate",
                "newparks-jag",
                "The repair contract is managed city-wide; the JAG's requests have not "
                "been acted on.",
            ),
        ],
    ),
    (
        "Shop theft at the Tudor Road parade",
        "business",
        "medium",
        False,
        "Repeat shop theft at the parade, mostly daytime. Shopkeepers say they no longer "
        "report it.",
        [
            (30, "raise", "newparks-jag", ""),
            (27, "escalate", "newparks-jag", "Needs city-wide business crime resources."),
            (
                9,
                "return",
                "leicester-csp",
                "The partnership's business crime officer will attend the next JAG "
                "meeting. The JAG should start a shop watch radio scheme with the "
                "shopkeepers; the partnership will fund the radios.",
            ),
        ],
    ),
    (
        "Youth diversion funding ends in March",
        "resources",
        "high",
        False,
        "The city's youth diversion programme loses its grant in March. Partnerships "
        "across the city depend on it.",
        [
            (50, "raise", "leicester-csp", ""),
            (
                45,
                "escalate",
                "leicester-csp",
                "Funding beyond March needs a decision by the partner agencies together.",
            ),
        ],
    ),
    (
        "Vulnerable tenant's flat taken over by dealers",
        "safeguarding",
        "high",
        True,
        "A vulnerable tenant's flat appears to have been taken over by dealers "
        "(cuckooing). Details are held by the police and adult social care.",
        [
            (8, "raise", "newparks-jag", ""),
            (
                7,
                "escalate",
                "newparks-jag",
                "Needs a safeguarding strategy meeting led by the partnership.",
            ),
        ],
    ),
]

MOVES = {
    "escalate": lambda actor, issue, text: issue_escalate(actor=actor, issue=issue, reason=text),
    "resolve": lambda actor, issue, text: issue_resolve(actor=actor, issue=issue, decision=text),
    "return": lambda actor, issue, text: issue_return(actor=actor, issue=issue, decision=text),
}


def _ago(days: int):
    return timezone.now() - timedelta(days=days, hours=3)


def _build_issue(bodies: dict, people: dict, spec: tuple) -> Issue:
    title, category, urgency, confidential, description, moves = spec
    days, _, raiser, _ = moves[0]
    origin = bodies[SEATS[raiser]]
    issue = issue_raise(
        actor=people[raiser],
        body=origin,
        title=title,
        description=description,
        category=category,
        urgency=urgency,
        is_confidential=confidential,
    )
    when = {issue.steps.get().pk: _ago(days)}
    for days, move, actor, text in moves[1:]:
        issue = MOVES[move](people[actor], issue, text)
        when[issue.steps.order_by("-pk").first().pk] = _ago(days)
    for pk, moment in when.items():
        IssueStep.objects.filter(pk=pk).update(created_at=moment)
    last = max(when.values())
    Issue.objects.filter(pk=issue.pk).update(
        created_at=_ago(days=moves[0][0]),
        arrived_at=last,
        decided_at=last if issue.decided_at else None,
    )
    return issue


PRIORITIES = [
    (
        "Violence against women and girls in the night-time economy",
        Priority.Theme.VAWG,
        "Make the city and town centres safer for women and girls at night: licensed "
        "premises trained to spot and act on predatory behaviour, safe spaces, and "
        "visible patrols at closing time.",
        "Women's feeling of safety after dark is the lowest of any group in the residents' "
        "survey, and reports of spiking rose last year.",
        40,  # set this many days ago
        -12,  # acknowledge by: days from today (negative: the deadline has passed)
        {
            SOG: ("Senior officers will align licensing and patrol plans.", ["green"]),
            CSP: ("Fund Ask for Angela training for all city-centre venues.", ["amber"]),
            JAG: ("Walk the New Parks late-night routes with residents.", ["green", "amber"]),
        },
    ),
    (
        "Burglary and vehicle crime in neighbourhood hotspots",
        Priority.Theme.NEIGHBOURHOOD,
        "Target the hotspot streets each partnership identifies: target hardening, "
        "street lighting, and named officers residents know.",
        "Neighbourhood crime is the residents' first concern in every district survey.",
        5,
        10,
        {CSP: ("Hotspot list to every JAG this month; target hardening fund.", [])},
    ),
]


def _build_priority(bodies: dict, people: dict, spec: tuple) -> Priority:
    title, theme, description, rationale, set_days_ago, ack_in, answers = spec
    today = timezone.localdate()
    start = today - timedelta(days=set_days_ago)
    priority = priority_set(
        actor=people["officer"],
        setting_body=bodies[SPB],
        title=title,
        description=description,
        rationale=rationale,
        theme=theme,
        period_start=start,
        period_end=start + timedelta(days=365),
        acknowledge_by=today + timedelta(days=max(ack_in, 0)),
    )
    Priority.objects.filter(pk=priority.pk).update(
        created_at=_ago(set_days_ago), acknowledge_by=today + timedelta(days=ack_in)
    )
    for slug, (response, rags) in answers.items():
        _answer(priority, bodies[slug], people, response, rags, set_days_ago)
    return priority


def _answer(priority, body, people, response, rags, set_days_ago) -> None:
    assignment = priority.assignments.get(body=body)
    actor = next(people[name] for name, slug in SEATS.items() if slug == body.slug)
    assignment = assignment_acknowledge(actor=actor, assignment=assignment, response=response)
    acknowledged = _ago(max(set_days_ago - 4, 0))
    PriorityAssignment.objects.filter(pk=assignment.pk).update(acknowledged_at=acknowledged)
    for n, rag in enumerate(rags):
        report = assignment_report(
            actor=actor,
            assignment=assignment,
            rag=rag,
            text=f"Report {n + 1}: work under way as planned; "
            + ("on track." if rag == "green" else "some partners slow to commit staff."),
        )
        moment = _ago(max(set_days_ago - 10 - 12 * n, 0))
        PriorityReport.objects.filter(pk=report.pk).update(created_at=moment)
        PriorityAssignment.objects.filter(pk=assignment.pk).update(last_reported_at=moment)


def load(state: dict) -> None:
    """Load the demo issues and priorities (skips what already exists)."""
    bodies = state["bodies"]
    people = {
        user.username: user
        for user in User.objects.filter(
            username__in=["officer", "board", "sog", "leicester-csp", "newparks-jag"]
        )
    }
    issues = []
    for spec in ISSUES:
        existing = Issue.objects.filter(title=spec[0]).first()
        issues.append(existing or _build_issue(bodies, people, spec))
    priorities = []
    for spec in PRIORITIES:
        existing = Priority.objects.filter(title=spec[0]).first()
        priorities.append(existing or _build_priority(bodies, people, spec))
    state.update(issues=issues, priorities=priorities)
