"""More of everything: `grow(world, n)` adds n more of every object each role can see.

tests/test_query_budgets.py walks every page for every role on a small world
(`populate(world)` then `grow(world, 1, past_a_page=False)`: one of everything) and again
after `grow(world, 3)`, and expects the same number of queries: a page that reads once per
row fails there. So growth adds more of every object each role sees, for the same people,
and under the very objects the matrix probes (world.meeting gets more agenda items,
world.secret_issue a longer trail, zone A more of every part of its plan...), and with
`past_a_page` pushes each paginated list (meetings, issues, priorities, notifications,
activities, toolkit methods) past its first page.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from evaluation.models import BoardPack, Indicator, Measurement
from governance.models import (
    Body,
    InKindContribution,
    Issue,
    IssueStep,
    Meeting,
    Notification,
    PriorityReport,
    ReviewDirectionItem,
    ReviewPlan,
)
from governance.services.issues import issue_escalate, issue_raise, issue_return
from governance.services.priorities import assignment_acknowledge, assignment_report, priority_set
from peoplezones.models import (
    ActivityPrinciple,
    AmbitionStatement,
    InitiativeZone,
    Zone,
)
from peoplezones.services.initiatives import initiative_start_review
from tests.factories import (
    BodyFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    ZoneFactory,
)
from tests.factories_activities import ActivityFactory, InitiativeFactory
from tests.factories_meetings import (
    ActionFactory,
    AgendaItemFactory,
    AttendanceFactory,
    DecisionFactory,
    HeldMeetingFactory,
)
from tests.factories_reviews import (
    AllocationFactory,
    HeldReviewEventFactory,
    ReviewEventFactory,
    SpendFactory,
)
from tests.factories_toolkit import feedback_on, published_method
from tests.factories_zones import (
    ConsultationFactory,
    CoreTeamMemberFactory,
    IngredientFactory,
    KeyIssueFactory,
    MilestoneFactory,
    ObjectiveFactory,
    WorkshopFactory,
    ZoneIngredientFactory,
)
from toolkit.models import Method

# What a published method's text is made of, copied to bulk-made ones.
COPIED = (
    "summary",
    "when_to_use",
    "people_needed",
    "time_needed",
    "materials",
    "budget",
    "tips",
    "risks",
    "evidence_effect",
    "evidence_mechanism",
    "evidence_moderators",
    "evidence_implementation",
    "evidence_economic_cost",
    "evidence_strength",
    "effort",
    "cost",
)
PAST_A_PAGE = 26  # one more than the largest service page size (25), for paginated lists


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def grow(world, n: int = 3, *, past_a_page: bool = True):
    """Add `n` more of everything every role can see and, when asked, enough to push each
    paginated list past its first page; returns the world. Call after `populate(world)`,
    as often as wanted: each call adds its own, differently named objects."""
    world.growth = tag = getattr(world, "growth", 0) + 1
    bulk = PAST_A_PAGE if past_a_page else 0
    for part in (
        _organisations,
        _bodies,
        _meetings,
        _issues,
        _priorities,
        _zones,
        _reviews,
        _activities,
        _initiatives,
        _toolkit,
        _evaluation,
        _notifications,
    ):
        part(world, n, tag, bulk)
    return world


def _organisations(world, n, tag, bulk):
    world.grown_organisations = [
        OrganisationFactory(name=f"Grown partner {tag}.{i}", kind="voluntary") for i in range(n)
    ]


def _bodies(world, n, tag, bulk):
    """More JAGs under each CSP, and more members on every body the world's people sit on
    (other people, from other organisations)."""
    b = world.bodies
    for csp in (b.csp_a, b.csp_b):
        for i in range(n):
            BodyFactory(
                name=f"{csp.name} grown JAG {tag}.{i}",
                slug=f"{csp.slug}-grown-jag-{tag}-{i}",
                level=Body.Level.JAG,
                parent=csp,
            )
    for body in (b.spb, b.sog, b.csp_a, b.csp_b, b.jag_a, b.jag_b):
        for organisation in world.grown_organisations:
            MembershipFactory(body=body, user=UserFactory(organisation=organisation))


def _meetings(world, n, tag, bulk):
    """JAG A's probed meetings get more items, attendance, decisions and actions; JAG A and
    the board meet more often (enough for a second page of meetings)."""
    b, people = world.bodies, world.people
    for i in range(n):
        AgendaItemFactory(meeting=world.meeting, title=f"Grown item {i}")
        AgendaItemFactory(meeting=world.meeting, title=f"Grown secret {i}", is_confidential=True)
    held = world.held_meeting
    items = [AgendaItemFactory(meeting=held, title=f"Held item {i}") for i in range(n)]
    attendees = [UserFactory() for _ in range(n)]
    if tag == 1:
        attendees.append(people.body_member)
    for person in attendees:
        AttendanceFactory(meeting=held, person=person)
    for i, item in enumerate(items):
        DecisionFactory(meeting=held, agenda_item=item, text=f"Grown decision {i}")
        owners = (people.body_member, people.partner_x, people.partner_y, people.panel_a)
        for owner in owners:
            ActionFactory(meeting=held, agenda_item=item, owner_person=owner)
        ActionFactory(meeting=held, owner_person=None, owner_organisation=world.organisations.x)
    start = timezone.now() + datetime.timedelta(days=3)
    Meeting.objects.bulk_create(
        Meeting(
            body=body,
            starts_at=start + datetime.timedelta(days=i),
            ends_at=start + datetime.timedelta(days=i, hours=2),
            location="Grown hall",
        )
        for body in (b.jag_a, b.spb)
        for i in range(bulk)
    )
    for body in (b.jag_a, b.spb, b.csp_b):
        for i in range(n):
            meeting = HeldMeetingFactory(
                body=body, starts_at=timezone.now() - datetime.timedelta(days=40 + i)
            )
            AgendaItemFactory(meeting=meeting)
            ActionFactory(meeting=meeting, owner_person=people.body_member)


def _issues(world, n, tag, bulk):
    """More issues at JAG A (open, escalated and returned, with their trails), more
    confidential ones at JAG B, and a longer trail for the probed one; enough for a
    second page of issues."""
    b, people = world.bodies, world.people
    jag_b_chair = UserFactory()
    MembershipFactory(body=b.jag_b, user=jag_b_chair, role="chair")
    csp_a_member = UserFactory()
    MembershipFactory(body=b.csp_a, user=csp_a_member)
    for i in range(n):
        issue = issue_raise(
            actor=people.body_member,
            body=b.jag_a,
            title=f"Grown issue {i}",
            description="Still happening.",
            category="asb",
        )
        issue = issue_escalate(actor=people.body_member, issue=issue, reason="Needs the CSP")
        issue_return(actor=csp_a_member, issue=issue, decision="Handle locally")
        secret = issue_raise(
            actor=jag_b_chair,
            body=b.jag_b,
            title=f"Grown secret {i}",
            description="Safeguarding.",
            category="safeguarding",
            is_confidential=True,
        )
        issue_escalate(actor=jag_b_chair, issue=secret, reason="Needs CSP")
    now = timezone.now()
    plenty = Issue.objects.bulk_create(
        Issue(
            title=f"Grown open issue {i}",
            description="Again.",
            area="Test area",
            category="asb",
            raised_at=b.jag_a,
            raised_by=people.body_member,
            body=b.jag_a,
            arrived_at=now,
            created_at=now,
        )
        for i in range(bulk)
    )
    IssueStep.objects.bulk_create(
        IssueStep(
            issue=issue,
            action=IssueStep.Action.RAISED,
            actor=people.body_member,
            from_body=b.jag_a,
            to_body=b.jag_a,
            created_at=now,
        )
        for issue in plenty
    )
    csp_b_member = UserFactory()
    MembershipFactory(body=b.csp_b, user=csp_b_member)
    issue = world.secret_issue
    for _ in range(n):
        issue = issue_return(actor=csp_b_member, issue=issue, decision="Back to you")
        issue = issue_escalate(actor=jag_b_chair, issue=issue, reason="Still needs the CSP")
    world.secret_issue = issue


def _priorities(world, n, tag, bulk):
    """More board priorities routed everywhere, acknowledged and reported on by CSP B;
    more reports on the probed assignment; enough for a second page of priorities."""
    b, people = world.bodies, world.people
    csp_b_member = UserFactory()
    MembershipFactory(body=b.csp_b, user=csp_b_member)
    for i in range(n):
        priority = priority_set(
            actor=people.officer,
            setting_body=b.spb,
            title=f"Grown priority {i}",
            description="More.",
            rationale="More.",
            period_start=days(0),
            period_end=days(365),
            acknowledge_by=days(14),
        )
        for body in (b.csp_b, b.jag_a):
            assignment = priority.assignments.get(body=body)
            actor = csp_b_member if body == b.csp_b else people.body_member
            assignment_acknowledge(actor=actor, assignment=assignment, response="On it.")
            assignment_report(actor=actor, assignment=assignment, rag="green", text="Going.")
    for i in range(n):
        PriorityReport.objects.create(
            assignment=world.csp_b_assignment,
            rag="amber",
            text=f"Grown report {i}",
            reported_by=csp_b_member,
        )
    from tests.factories_issues import PriorityFactory

    for i in range(max(bulk - n, 0)):
        PriorityFactory(setting_body=b.sog, set_by=people.officer, title=f"Grown SOG {i}")


def _reviews(world, n, tag, bulk):
    """The probed event gets more allocations (to bodies and zones), spend, in-kind help,
    plans and direction items; more events, planned and held."""
    event, b = world.review_event, world.bodies
    zones = (world.zones.a, world.zones.b)
    allocations = [world.review_allocation]
    for i in range(n):
        allocations.append(AllocationFactory(event=event, body=b.csp_b, purpose=f"Grown {i}"))
        allocations.append(
            AllocationFactory(event=event, body=None, zone=zones[i % 2], purpose=f"Zone {i}")
        )
    for allocation in allocations:
        for _ in range(n):
            SpendFactory(allocation=allocation, recorded_by=world.people.officer)
    for i, organisation in enumerate(world.grown_organisations):
        InKindContribution.objects.create(
            event=event,
            organisation=organisation,
            body=b.csp_a if i % 2 else None,
            zone=None if i % 2 else world.zones.a,
            description=f"Grown help {i}",
            hours=Decimal("5.0"),
            estimated_value=Decimal("120.00"),
            recorded_by=world.people.officer,
        )
    planned = [(None, zone) for zone in world.grown_zones]
    if tag == 1:
        planned += [(b.csp_a, None), (b.csp_b, None), (None, zones[0]), (None, zones[1])]
    for position, (body, zone) in enumerate(planned):
        ReviewPlan.objects.create(
            event=event,
            body=body,
            zone=zone,
            name=str(body or zone),
            summary="The plan.",
            progress="Going well.",
            figures=[["Activities", "3"]],
            position=position,
            captured_at=timezone.now(),
        )
    for i in range(n):
        ReviewDirectionItem.objects.create(event=event, action="set", title=f"Set {tag}.{i}")
        ReviewDirectionItem.objects.create(
            event=event, action="retire", priority=world.priority, title=f"Retire {tag}.{i}"
        )
    for _ in range(n):
        ReviewEventFactory()
        held = HeldReviewEventFactory()
        AllocationFactory(event=held, body=b.csp_a)
        AllocationFactory(event=held, body=None, zone=world.zones.a)


def _zones(world, n, tag, bulk):
    """More zones (active and not) under the world's CSPs; zone A gets more of every part
    of its plan."""
    b = world.bodies
    world.grown_zones = [
        ZoneFactory(
            name=f"Grown zone {tag}.{i}", slug=f"grown-zone-{tag}-{i}", csp=b.csp_a, jag=b.jag_a
        )
        for i in range(n)
    ]
    ZoneFactory(
        name=f"Grown proposed zone {tag}",
        slug=f"grown-proposed-{tag}",
        csp=b.csp_b,
        status=Zone.Status.PROPOSED,
    )
    zone = world.zones.a
    for i in range(n):
        workshop = WorkshopFactory(zone=zone)
        workshop.organisations.add(*world.grown_organisations)
        consultation = ConsultationFactory(zone=zone)
        key_issue = KeyIssueFactory(zone=zone, source_workshop=workshop)
        KeyIssueFactory(zone=zone, source_workshop=None, source_consultation=consultation)
        consultation.key_issues.add(key_issue, world.plans.key_issue)
        objective = ObjectiveFactory(zone=zone)
        objective.key_issues.add(key_issue, world.plans.key_issue)
        for j in range(n):
            MilestoneFactory(objective=objective, owner_person=world.people.panel_a)
            MilestoneFactory(
                objective=objective,
                owner_organisation=world.grown_organisations[j],
                due_on=days(-5 - j),
            )
        MilestoneFactory(objective=world.plans.objective)
        world.plans.objective.key_issues.add(key_issue)
        CoreTeamMemberFactory(zone=zone, organisation=world.grown_organisations[i])
        ZoneIngredientFactory(zone=zone, ingredient=IngredientFactory(name=f"Grown {tag}.{i}"))
        for other in (world.zones.b, *world.grown_zones):
            WorkshopFactory(zone=other)
            ObjectiveFactory(zone=other)
    # Zone A keeps its one (probed) draft; the others have a history of versions.
    for other in [world.zones.b][: tag == 1] + world.grown_zones:
        for version, status in enumerate(("superseded", "approved", "draft"), 1):
            AmbitionStatement.objects.create(
                zone=other,
                version=version,
                text=f"Grown ambition {version}",
                status=status,
                consulted_on=days(-120) if status != "draft" else None,
                approved_on=days(-100) if status != "draft" else None,
            )


def _activities(world, n, tag, bulk):
    """More activities in zone A (by panel_a, enough for a second page) and zone B, each
    with domains, principles, organisations, an objective and a method; and the probed one
    gets more of each."""
    world.activity.organisations.add(*world.grown_organisations)
    if tag == 1:
        for domain in ("health", "skills", "resources"):
            world.activity.domain_links.create(domain=domain)
        for principle in ("community_enabled", "problem_solving"):
            ActivityPrinciple.objects.create(activity=world.activity, principle=principle)
    objective = world.plans.objective
    for i in range(n + bulk):
        activity = ActivityFactory(
            zone=world.zones.a,
            logged_by=world.people.panel_a,
            objective=objective,
            domains=["safety", "health"],
            verified_by=world.people.officer if i % 2 else None,
            verified_at=timezone.now() if i % 2 else None,
        )
        activity.organisations.add(*world.grown_organisations[: 1 + i % n])
        ActivityPrinciple.objects.create(activity=activity, principle="community_enabled")
    for zone in (world.zones.b, *world.grown_zones):
        for _ in range(n):
            ActivityFactory(zone=zone, logged_by=world.people.panel_b, domains=["skills"])


def _initiatives(world, n, tag, bulk):
    """More initiatives from both partners' organisations, in several zones; the probed
    ones are offered to more zones."""
    people, zones = world.people, (world.zones.a, world.zones.b, *world.grown_zones)
    for initiative in (world.initiative, world.initiative_in_review):
        for zone in [world.zones.b][: tag == 1] + world.grown_zones:
            InitiativeZone.objects.create(initiative=initiative, zone=zone)
    for i in range(n):
        InitiativeFactory(submitted_by=people.partner_x, zones=zones)
        InitiativeFactory(submitted_by=people.partner_y, zones=zones[: 1 + i])
        initiative_start_review(
            actor=people.officer,
            initiative=InitiativeFactory(submitted_by=people.partner_x, zones=zones),
        )


def _toolkit(world, n, tag, bulk):
    """More published methods (enough for a second page), related to the probed one, with
    more feedback on it."""
    published = world.toolkit.published
    officer = world.people.officer
    methods = [published_method(officer, title=f"Grown method {tag}.{i}") for i in range(n)]
    published.related.add(*methods)
    for method in methods:
        feedback_on(method, decision="approve")
    for _ in range(n):
        feedback_on(published, decision="approve")
        feedback_on(published)
    Method.objects.bulk_create(
        Method(
            **{field: getattr(published, field) for field in COPIED},
            title=f"Grown bulk method {tag}.{i}",
            slug=f"grown-bulk-method-{tag}-{i}",
            status="published",
            created_by=officer,
            version=1,
            first_published_at=published.first_published_at,
            published_at=published.published_at,
        )
        for i in range(bulk)
    )


def _evaluation(world, n, tag, bulk):
    """Zone A's statement gets more indicators with measurements; the probed indicator more
    measurements; more board packs, draft and published."""
    officer = world.people.officer
    indicator = world.evaluation_indicator
    for i in range(n):
        Measurement.objects.create(
            indicator=indicator,
            value=Decimal(45 + i),
            measured_on=days(-100 * tag - i - 1),
            entered_by=officer,
        )
        other = Indicator.objects.create(
            ambition_statement=indicator.ambition_statement,
            name=f"Grown indicator {tag}.{i}",
            domain="health",
            unit="%",
            direction="lower",
            baseline_value=Decimal(40),
            baseline_on=days(-365),
            target_value=Decimal(20),
            target_on=days(365),
            source="Grown survey",
            created_by=officer,
        )
        for j in range(n):
            Measurement.objects.create(
                indicator=other,
                value=Decimal(30 + j),
                measured_on=days(-10 * (j + 1)),
                entered_by=officer,
            )
    published = world.evaluation_published
    for i in range(n):
        BoardPack.objects.create(
            title=f"Grown draft {i}",
            content_html="<p>Draft</p>",
            generated_at=timezone.now(),
            created_by=officer,
            period_start=published.period_start,
            period_end=published.period_end,
        )
        pack = BoardPack(
            title=f"Grown published {i}",
            status=BoardPack.Status.PUBLISHED,
            content_html="<p>Published</p>",
            pdf=b"%PDF-1.7 grown stand-in",
            generated_at=timezone.now(),
            published_at=timezone.now(),
            published_by=officer,
            created_by=officer,
            period_start=published.period_start,
            period_end=published.period_end,
        )
        pack.content_hash = pack.computed_hash()
        pack.save()


def _notifications(world, n, tag, bulk):
    """More than a page of notifications, read and unread, for every person."""
    Notification.objects.bulk_create(
        Notification(
            recipient=person,
            body=world.bodies.jag_a if i % 2 else None,
            kind=Notification.Kind.MEETING_REMINDER,
            subject=f"Grown notice {i}",
            message="Something to know.",
            url=world.meeting.get_absolute_url(),
            read_at=timezone.now() if i % 3 == 0 else None,
        )
        for person in vars(world.people).values()
        for i in range(n + bulk)
    )
