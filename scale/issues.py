"""Issues raised by the JAGs of one area with their escalation trails, and the priorities
set at the top, routed to every body below with acknowledgements and reports."""

from datetime import timedelta

from django.utils import timezone

from governance.models import Issue, IssueStep, Priority, PriorityAssignment, PriorityReport
from governance.models.issues import ISSUE_CATEGORIES
from scale.people import Area
from scale.writer import Writer

CATEGORIES = [value for value, _ in ISSUE_CATEGORIES]
THEMES = [value for value, _ in Priority.Theme.choices]
PROBLEMS = [
    "Drug dealing from empty flats",
    "Motorbikes ridden on the playing fields",
    "Repeated fires in the bin stores",
    "Shoplifting at the parade",
    "Young people gathering at the bus station",
    "Cuckooing of vulnerable tenants",
    "Speeding outside the primary school",
    "Rough sleeping in the car park",
]
REASONS = {
    "escalated": "It needs partners and decisions beyond this body.",
    "returned": "Direction: use the existing closure powers and report back.",
    "resolved": "Resolved: partners agreed a joint plan and the problem has eased.",
}


def _issue(w: Writer, area: Area, jag: int, csp: int, raised, rng, now) -> None:
    sog, spb = area.sog, area.spb
    r = rng.random()
    if r < 0.5:
        plan = [("resolved", jag)]
    elif r < 0.75:
        plan = [("escalated", csp), ("resolved", csp)]
    elif r < 0.85:
        plan = [("escalated", csp), ("escalated", sog), ("resolved", sog)]
    elif r < 0.9:
        plan = [("escalated", csp), ("escalated", sog), ("escalated", spb), ("resolved", spb)]
    else:
        plan = [("escalated", csp), ("returned", jag), ("resolved", jag)]
    if rng.random() < 0.02:  # stalled: waits at a body long past the stale mark
        plan = plan[: rng.randrange(len(plan))]
    title = f"{rng.choice(PROBLEMS)} ({area.district[jag].split(',')[0]})"
    raiser = rng.choice(area.members[jag])
    state = {
        "body": jag, "came_from": None, "status": "raised", "arrived_at": raised,
        "decision": "", "decided_at": None, "decided_by_body_id": None,
    }  # fmt: skip
    steps = [("raised", raiser, jag, jag, "", raised)]
    at = raised
    for action, target in plan:
        at = at + timedelta(days=rng.randrange(3, 45), hours=rng.randrange(8))
        if at > now:
            break
        here = state["body"]
        actor = rng.choice(area.members[here])
        text = REASONS[action]
        if action == "escalated":
            steps.append((action, actor, here, target, text, at))
            state.update(body=target, came_from=here, status="escalated", arrived_at=at)
        elif action == "returned":
            steps.append((action, actor, here, target, text, at))
            state.update(
                body=target, came_from=None, status="returned", arrived_at=at,
                decision=text, decided_at=at, decided_by_body_id=here,
            )  # fmt: skip
        else:
            steps.append((action, actor, here, here, text, at))
            state.update(status="resolved", decision=text, decided_at=at, decided_by_body_id=here)
    issue = w.add(
        Issue, title=title, category=rng.choice(CATEGORIES),
        description="Residents and partners report the problem repeatedly; the JAG "
        "has tried the usual responses without lasting effect.",
        area=area.district[jag], urgency=rng.choice(["low", "medium", "medium", "high"]),
        is_confidential=rng.random() < 0.1, raised_at_id=jag, raised_by_id=raiser,
        body_id=state["body"], came_from_id=state["came_from"], status=state["status"],
        arrived_at=state["arrived_at"], decision=state["decision"],
        decided_at=state["decided_at"], decided_by_body_id=state["decided_by_body_id"],
        created_at=raised,
    )  # fmt: skip
    for action, actor, from_body, to_body, text, at in steps:
        w.add(
            IssueStep, issue_id=issue, action=action, actor_id=actor, from_body_id=from_body,
            to_body_id=to_body, text=text, created_at=at,
        )  # fmt: skip


def build_issues(w: Writer, area: Area) -> None:
    knobs, rng = area.knobs, area.rng
    now = timezone.now()
    span = knobs.years * 365 * 24 * 3600
    per_jag = knobs.issues_per_jag_year * knobs.years
    for c, jags in enumerate(area.jags):
        for jag in jags:
            for _ in range(per_jag):
                raised = now - timedelta(seconds=rng.randrange(span))
                _issue(w, area, jag, area.csps[c], raised, rng, now)


def build_priorities(w: Writer, area: Area) -> None:
    knobs, rng = area.knobs, area.rng
    now = timezone.now()
    today = timezone.localdate()
    jags = [j for js in area.jags for j in js]
    for year in range(knobs.years):
        current = year == knobs.years - 1
        for n in range(knobs.priorities_per_year):
            start = today - timedelta(days=365 * (knobs.years - 1 - year) + 200 - 30 * n)
            end = start + timedelta(days=364)
            setter = area.spb if n % 2 == 0 else area.sog
            set_at = timezone.make_aware(
                timezone.datetime.combine(start - timedelta(days=14), timezone.datetime.min.time())
            )
            theme = THEMES[n % len(THEMES)]
            priority = w.add(
                Priority, title=f"{Priority.Theme(theme).label} in {area.name}, year {year + 1}",
                description="Partners act together on this priority across the area.",
                rationale="The strategic assessment shows it rising in most districts.",
                theme=theme, period_start=start, period_end=end,
                acknowledge_by=start + timedelta(days=28), setting_body_id=setter,
                set_by_id=area.members[setter][0],
                status="active" if current else "retired",
                retired_at=None if current else set_at + timedelta(days=380),
                created_at=set_at,
            )  # fmt: skip
            below = ([area.sog] if setter == area.spb else []) + area.csps + jags
            for body in below:
                r = rng.random()
                if current and start + timedelta(days=28) > today:
                    status = "awaiting" if r < 0.5 else "acknowledged"
                elif current:
                    status = (
                        "awaiting" if r < 0.08 else ("acknowledged" if r < 0.25 else "reporting")
                    )
                else:
                    status = "reporting"
                acknowledged = None
                if status != "awaiting":
                    acknowledged = set_at + timedelta(days=14 + rng.randrange(1, 35))
                    acknowledged = min(acknowledged, now - timedelta(hours=1))
                reports = []
                if status == "reporting":
                    for months in (4, 8, 11):
                        at = acknowledged + timedelta(days=30 * months - 60)
                        if at < now:
                            reports.append((at, rng.choice(["green", "green", "amber", "red"])))
                    if not reports:
                        reports.append((now - timedelta(hours=2), "amber"))
                member = area.members[body][0]
                assignment = w.add(
                    PriorityAssignment, priority_id=priority, body_id=body, status=status,
                    acknowledged_at=acknowledged,
                    acknowledged_by_id=member if acknowledged else None,
                    response="We will add it to our partnership plan and report each quarter."
                    if acknowledged else "",
                    last_reported_at=reports[-1][0] if reports else None,
                    last_rag=reports[-1][1] if reports else "", created_at=set_at,
                )  # fmt: skip
                for at, rag in reports:
                    w.add(
                        PriorityReport, assignment_id=assignment, rag=rag, reported_by_id=member,
                        text="Joint patrols and two community events this quarter.",
                        created_at=at,
                    )  # fmt: skip
