"""Permission matrix rows: issues, priorities and the alignment view.

Governance pages are for officers and members of any body (here officer, board and
body_member); panel members and partner staff without a seat get 403. The probed objects
are chosen so each row also checks a rule: the issue is a confidential one raised at JAG B
(the body_member sits on JAG A, so it does not exist for them), and the assignment is CSP
B's answer to a board priority (open to every reader; only CSP B's members act on it).
"""

from datetime import timedelta

from django.utils import timezone

from tests.matrix import signed_in

READERS = ("officer", "board", "body_member")


def readers(outcome: str = "ok", anonymous: str = "login", **overrides) -> dict[str, str]:
    """`outcome` for governance readers, 403 for everyone else signed in."""
    table = signed_in("denied", anonymous)
    table.update(dict.fromkeys(READERS, outcome))
    table.update(overrides)
    return table


def everyone_signed_in(outcome: str, anonymous: str = "login") -> dict[str, str]:
    return signed_in(outcome, anonymous)


issue = lambda w: {"pk": w.secret_issue.pk}  # noqa: E731
priority = lambda w: {"pk": w.priority.pk}  # noqa: E731
assignment = lambda w: {"priority_pk": w.priority.pk, "pk": w.csp_b_assignment.pk}  # noqa: E731

ROWS: dict[str, tuple] = {
    "issues/": (lambda w: {}, readers()),
    "issues/<int:pk>/": (issue, readers(body_member="missing")),
    "issues/<int:pk>/escalate/": (issue, everyone_signed_in("method", "method")),
    "issues/<int:pk>/resolve/": (issue, everyone_signed_in("method", "method")),
    "issues/<int:pk>/return/": (issue, everyone_signed_in("method", "method")),
    "bodies/<slug:slug>/issues/new/": (
        lambda w: {"slug": w.bodies.jag_a.slug},
        readers("denied", body_member="ok"),
    ),
    "priorities/": (lambda w: {}, readers()),
    # Officers choose between the SOG and the SPB; the board member has one board.
    "priorities/new/": (lambda w: {}, readers(board="redirect", body_member="denied")),
    "priorities/new/<slug:slug>/": (
        lambda w: {"slug": w.bodies.spb.slug},
        readers(body_member="denied"),
    ),
    "priorities/<int:pk>/": (priority, readers()),
    "priorities/<int:pk>/retire/": (priority, everyone_signed_in("method", "method")),
    "priorities/<int:priority_pk>/assignments/<int:pk>/": (assignment, readers()),
    "priorities/<int:priority_pk>/assignments/<int:pk>/acknowledge/": (
        assignment,
        everyone_signed_in("method", "method"),
    ),
    "priorities/<int:priority_pk>/assignments/<int:pk>/report/": (
        assignment,
        everyone_signed_in("method", "method"),
    ),
    "alignment/": (lambda w: {}, readers(body_member="denied")),
}

API = "unauthorised"
FMT = "\\.(?P<format>[a-z0-9]+)/?$"


def _api(route: str, values, outcomes: dict) -> None:
    """A router route and its format-suffix twin."""
    ROWS[f"api/v1/^{route}/$"] = (values, outcomes)
    ROWS[f"api/v1/^{route}{FMT}"] = (lambda w: {**values(w), "format": "json"}, outcomes)


_api("issues", lambda w: {}, readers(anonymous=API))
_api("issues/(?P<pk>[^/.]+)", issue, readers(anonymous=API, body_member="missing"))
_api("issues/(?P<pk>[^/.]+)/trail", issue, readers(anonymous=API, body_member="missing"))
for move in ("escalate", "resolve", "return"):
    _api(f"issues/(?P<pk>[^/.]+)/{move}", issue, readers("method", anonymous=API))
_api("priorities", lambda w: {}, readers(anonymous=API))
_api("priorities/(?P<pk>[^/.]+)", priority, readers(anonymous=API))
_api("priorities/(?P<pk>[^/.]+)/assignments", priority, readers(anonymous=API))
_api("priorities/(?P<pk>[^/.]+)/retire", priority, readers("method", anonymous=API))
_api("priority-assignments", lambda w: {}, readers(anonymous=API))
api_assignment = lambda w: {"pk": w.csp_b_assignment.pk}  # noqa: E731
_api(
    "priority-assignments/(?P<pk>[^/.]+)",
    api_assignment,
    readers(anonymous=API),
)
_api(
    "priority-assignments/(?P<pk>[^/.]+)/reports",
    api_assignment,
    readers(anonymous=API),
)
for move in ("acknowledge", "report"):
    _api(
        f"priority-assignments/(?P<pk>[^/.]+)/{move}",
        api_assignment,
        readers("method", anonymous=API),
    )


def populate(world) -> None:
    """A confidential issue escalated from JAG B, a public one at JAG A, and a board
    priority routed everywhere, acknowledged and reported on by CSP B."""
    from governance.services.issues import issue_escalate, issue_raise
    from governance.services.priorities import (
        assignment_acknowledge,
        assignment_report,
        priority_set,
    )
    from tests.factories import MembershipFactory, UserFactory

    b, people = world.bodies, world.people
    jag_b_chair, csp_b_member = UserFactory(), UserFactory()
    MembershipFactory(body=b.jag_b, user=jag_b_chair, role="chair")
    MembershipFactory(body=b.csp_b, user=csp_b_member)
    world.issue = issue_raise(
        actor=people.body_member,
        body=b.jag_a,
        title="Dumped waste",
        description="Every week.",
        category="environment",
    )
    secret = issue_raise(
        actor=jag_b_chair,
        body=b.jag_b,
        title="Named family",
        description="Safeguarding concern.",
        category="safeguarding",
        is_confidential=True,
    )
    world.secret_issue = issue_escalate(actor=jag_b_chair, issue=secret, reason="Needs CSP")
    today = timezone.localdate()
    world.priority = priority_set(
        actor=people.officer,
        setting_body=b.spb,
        title="Reduce serious violence",
        description="Night-time economy.",
        rationale="Strategic assessment.",
        period_start=today,
        period_end=today + timedelta(days=365),
        acknowledge_by=today + timedelta(days=14),
    )
    world.csp_b_assignment = world.priority.assignments.get(body=b.csp_b)
    assignment_acknowledge(
        actor=csp_b_member, assignment=world.csp_b_assignment, response="Task the JAGs."
    )
    assignment_report(
        actor=csp_b_member, assignment=world.csp_b_assignment, rag="amber", text="Started."
    )
