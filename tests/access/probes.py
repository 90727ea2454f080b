"""Object-level probes: who must be refused each object of the service, route by route.

The permission matrix (tests/permission_matrix.py) checks one GET per role and route. This
table names, for every route that reaches one object (a body, meeting, issue, zone,
activity, initiative, indicator, pack, method…), the people of the WRONG body, zone or
organisation, who must meet 403 or 404 however they ask (tests/access/test_object_probes.py).
A route with an object in its path and no row here fails that test, as the matrix does.

Each row is a `Probe`:

  values  the path arguments, from the `access_world` fixture (objects of the matrix's
          populate: JAG A's meetings, a confidential issue at CSP B, CSP B's answer to an
          SPB priority, zone A's plans, activity and indicator, partner_x's initiatives…)
  read    people refused the object itself: probed with every method
  write   people who may read it (it is open to them by design) but not change it: probed
          with the writing methods only
  swap    (values, people): the same route with the parent the person DOES hold (their own
          zone or body) and a child object of the other one, e.g. zone B's slug with zone
          A's workshop, for zone B's core team: the child must not be reached through it.
  told    (people, words): people refused by a rule rather than by who they are (e.g.
          verifying an activity you logged yourself), answered 400 with the reason (words
          from it); the probe's payload is valid, so the 400 is the refusal, not a form
          error.

People: the roles of tests/conftest.py, plus jag_b_chair, csp_a_member and core_b
(tests/access/conftest.py).
"""

from collections.abc import Callable
from dataclasses import dataclass

WRONG_ZONE = ("panel_b", "core_b")  # zone B's panel member and core team member
WRONG_BODY = ("jag_b_chair", "csp_a_member")  # seats on bodies other than the owner's
NO_SEAT = ("panel_a", "partner_x")  # governance is closed to people without a seat
NOT_OFFICERS = ("board", "body_member", "panel_a", "partner_x")
PRIVACY_STRANGERS = ("board", "body_member", "panel_b", "partner_x")


@dataclass(frozen=True)
class Probe:
    values: Callable
    read: tuple[str, ...] = ()
    write: tuple[str, ...] = ()
    swap: tuple[Callable, tuple[str, ...]] | None = None
    told: tuple[tuple[str, ...], str] | None = None


def _obj(name: str, key: str = "pk") -> Callable:
    def values(w) -> dict:
        target = w
        for part in name.split("."):
            target = getattr(target, part)
        return {key: target.pk}

    return values


body_a = lambda w: {"slug": w.bodies.jag_a.slug}  # noqa: E731
spb = lambda w: {"slug": w.bodies.spb.slug}  # noqa: E731
meeting = _obj("meeting")
held = _obj("held_meeting")
item = lambda w: {"pk": w.meeting.pk, "item_pk": w.agenda_item.pk}  # noqa: E731
item_via_b = lambda w: {"pk": w.meeting_b.pk, "item_pk": w.agenda_item.pk}  # noqa: E731
issue = _obj("secret_issue")
priority = _obj("priority")
assignment = lambda w: {"priority_pk": w.priority.pk, "pk": w.csp_b_assignment.pk}  # noqa: E731
event = _obj("review_event")
allocation = _obj("review_allocation")
zone_a = lambda w: {"slug": w.zones.a.slug}  # noqa: E731
activity = _obj("activity")
submitted = _obj("initiative")
in_review = _obj("initiative_in_review")
indicator = _obj("evaluation_indicator")
measurement = _obj("evaluation_measurement")
draft_pack = _obj("evaluation_draft")
published_pack = _obj("evaluation_published")
draft_method = _obj("toolkit.draft")
feedback = _obj("toolkit.feedback")


def plan(name: str, slug_of: str = "a") -> Callable:
    """A zone A plan object under zone `slug_of`'s address."""
    return lambda w: {"slug": getattr(w.zones, slug_of).slug, "pk": getattr(w.plans, name).pk}


def version(slug_of: str = "a") -> Callable:
    return lambda w: {"slug": getattr(w.zones, slug_of).slug, "version": w.plans.statement.version}


def zone_child(value: Callable) -> Probe:
    """A zone A page about one of its objects: closed to zone B's people, whether they ask
    under zone A's address or under their own zone's."""
    return Probe(value, read=WRONG_ZONE)


def zone_child_swapped(name: str) -> Probe:
    """As zone_child, and zone B's core team (who edit zone B) must not reach zone A's object
    through zone B's address."""
    return Probe(plan(name), read=WRONG_ZONE, swap=(plan(name, "b"), ("core_b", "panel_b")))


ZONE_EDIT = Probe(zone_a, read=WRONG_ZONE + ("body_member",), write=("board", "partner_x"))
GOV_READ = Probe(body_a, read=NO_SEAT)  # governance pages open to every reader by design
# The confidential issue sits at CSP B, having come from JAG B: JAG A and CSP A know nothing
# of it; JAG B's chair reads it (their body is in its trail) but may not move it.
ISSUE_STRANGERS = ("body_member", "csp_a_member")
# People who may read the object but may not act on it: refused with 403 and the reason.
ISSUE_ACTORS_NOT = ("jag_b_chair",)
# CSP B's answer to the SPB priority is open to every reader; only CSP B's members act.
ASSIGNMENT_ACTORS_NOT = WRONG_BODY + ("body_member", "board")

PAGES: dict[str, Probe] = {
    # Bodies and meetings (JAG A: body_member chairs it; board sits on the SPB).
    "bodies/<slug:slug>/": GOV_READ,
    "bodies/<slug:slug>/meetings.ics": GOV_READ,
    "bodies/<slug:slug>/meetings/new/": Probe(body_a, read=WRONG_BODY + ("board",)),
    "bodies/<slug:slug>/issues/new/": Probe(body_a, read=WRONG_BODY + ("board",) + NO_SEAT),
    "meetings/<int:pk>/": Probe(meeting, read=NO_SEAT),
    "meetings/<int:pk>/edit/": Probe(meeting, read=WRONG_BODY + ("board",) + NO_SEAT),
    "meetings/<int:pk>/status/": Probe(meeting, read=WRONG_BODY + ("board",)),
    "meetings/<int:pk>/agenda/print/": Probe(meeting, read=NO_SEAT),
    "meetings/<int:pk>/agenda/fill/": Probe(meeting, read=WRONG_BODY + ("board",)),
    "meetings/<int:pk>/agenda/add/": Probe(meeting, read=WRONG_BODY + ("board",)),
    "meetings/<int:pk>/agenda/<int:item_pk>/edit/": Probe(
        item, read=WRONG_BODY + ("board",), swap=(item_via_b, ("jag_b_chair",))
    ),
    "meetings/<int:pk>/agenda/<int:item_pk>/move/": Probe(
        item, read=WRONG_BODY, swap=(item_via_b, ("jag_b_chair",))
    ),
    "meetings/<int:pk>/agenda/<int:item_pk>/remove/": Probe(
        item, read=WRONG_BODY, swap=(item_via_b, ("jag_b_chair",))
    ),
    "meetings/<int:pk>/attendance/": Probe(held, read=WRONG_BODY + ("board",)),
    "meetings/<int:pk>/minutes/": Probe(held, read=WRONG_BODY + ("board",)),
    "meetings/<int:pk>/minutes/print/": Probe(held, read=NO_SEAT),
    "meetings/<int:pk>/decisions/add/": Probe(held, read=WRONG_BODY + ("board",)),
    "meetings/<int:pk>/actions/add/": Probe(held, read=WRONG_BODY + ("board",)),
    # The action is body_member's; the board member and other bodies' chairs read it only.
    "actions/<int:pk>/": Probe(_obj("action"), read=NO_SEAT, write=WRONG_BODY + ("board",)),
    # A confidential issue escalated from JAG B to CSP B: JAG A and CSP A know nothing of
    # it; JAG B's chair, whose body it passed through, reads it but may not act on it.
    "issues/<int:pk>/": Probe(issue, read=("body_member", "csp_a_member") + NO_SEAT),
    "issues/<int:pk>/escalate/": Probe(issue, read=ISSUE_STRANGERS, write=ISSUE_ACTORS_NOT),
    "issues/<int:pk>/resolve/": Probe(issue, read=ISSUE_STRANGERS, write=ISSUE_ACTORS_NOT),
    "issues/<int:pk>/return/": Probe(issue, read=ISSUE_STRANGERS, write=ISSUE_ACTORS_NOT),
    # An SPB priority: every reader may read it; only the SPB's members and officers act.
    "priorities/new/<slug:slug>/": Probe(spb, read=WRONG_BODY + ("body_member",)),
    "priorities/<int:pk>/": Probe(priority, read=NO_SEAT),
    "priorities/<int:pk>/retire/": Probe(priority, read=WRONG_BODY + ("body_member",)),
    # CSP B's answer: open to every reader; only CSP B's members acknowledge and report.
    "priorities/<int:priority_pk>/assignments/<int:pk>/": Probe(assignment, read=NO_SEAT),
    "priorities/<int:priority_pk>/assignments/<int:pk>/acknowledge/": Probe(
        assignment, read=NO_SEAT, write=ASSIGNMENT_ACTORS_NOT
    ),
    "priorities/<int:priority_pk>/assignments/<int:pk>/report/": Probe(
        assignment, read=NO_SEAT, write=ASSIGNMENT_ACTORS_NOT
    ),
    # Review events are the partnership's, run by officers; readers may look, not touch.
    "reviews/<int:pk>/": Probe(event, read=NO_SEAT),
    "reviews/<int:pk>/edit/": Probe(event, read=NOT_OFFICERS),
    "reviews/<int:pk>/status/<slug:transition>/": Probe(
        lambda w: {**event(w), "transition": "cancel"}, read=NOT_OFFICERS
    ),
    "reviews/<int:pk>/direction/": Probe(event, read=NOT_OFFICERS),
    "reviews/<int:pk>/allocations/new/": Probe(event, read=NOT_OFFICERS),
    "reviews/allocations/<int:pk>/spend/": Probe(allocation, read=NOT_OFFICERS + ("csp_a_member",)),
    "reviews/<int:pk>/in-kind/new/": Probe(event, read=NOT_OFFICERS),
    "reviews/<int:pk>/pack/": Probe(event, read=NO_SEAT),
    "reviews/<int:pk>/pack.pdf": Probe(event, read=NO_SEAT),
    "reviews/<int:pk>/pack/compile/": Probe(event, read=NOT_OFFICERS),
    # Zone A and its plans: zone B's panel and core team, and a body member with no zone
    # role, never see them; the board and partner staff read but do not change them.
    "zones/<slug:slug>/": Probe(zone_a, read=WRONG_ZONE + ("body_member",)),
    "zones/<slug:slug>/edit/": ZONE_EDIT,
    "zones/<slug:slug>/status/": ZONE_EDIT,
    "zones/<slug:slug>/workshops/": zone_child(zone_a),
    "zones/<slug:slug>/workshops/new/": ZONE_EDIT,
    "zones/<slug:slug>/workshops/<int:pk>/": zone_child_swapped("workshop"),
    "zones/<slug:slug>/workshops/<int:pk>/edit/": zone_child_swapped("workshop"),
    "zones/<slug:slug>/key-issues/": zone_child(zone_a),
    "zones/<slug:slug>/key-issues/new/": ZONE_EDIT,
    "zones/<slug:slug>/key-issues/<int:pk>/edit/": zone_child_swapped("key_issue"),
    "zones/<slug:slug>/consultations/": zone_child(zone_a),
    "zones/<slug:slug>/consultations/new/": ZONE_EDIT,
    "zones/<slug:slug>/consultations/<int:pk>/": zone_child_swapped("consultation"),
    "zones/<slug:slug>/consultations/<int:pk>/edit/": zone_child_swapped("consultation"),
    "zones/<slug:slug>/ambition/": zone_child(zone_a),
    "zones/<slug:slug>/ambition/new/": ZONE_EDIT,
    "zones/<slug:slug>/ambition/<int:version>/": zone_child(version()),
    "zones/<slug:slug>/ambition/<int:version>/edit/": Probe(
        version(), read=WRONG_ZONE, write=("board", "partner_x", "panel_a")
    ),
    "zones/<slug:slug>/ambition/<int:version>/consulted/": Probe(
        version(), read=WRONG_ZONE, write=("board", "partner_x", "panel_a")
    ),
    "zones/<slug:slug>/ambition/<int:version>/approve/": Probe(
        version(), read=WRONG_ZONE, write=("board", "partner_x")
    ),
    "zones/<slug:slug>/ambition/<int:version>/redraft/": Probe(
        version(), read=WRONG_ZONE, write=("board", "partner_x", "panel_a")
    ),
    "zones/<slug:slug>/plan/": zone_child(zone_a),
    "zones/<slug:slug>/plan/timeline/": zone_child(zone_a),
    "zones/<slug:slug>/plan/objectives/new/": ZONE_EDIT,
    "zones/<slug:slug>/plan/objectives/<int:pk>/": zone_child_swapped("objective"),
    "zones/<slug:slug>/plan/objectives/<int:pk>/edit/": zone_child_swapped("objective"),
    "zones/<slug:slug>/plan/objectives/<int:pk>/milestones/new/": zone_child_swapped("objective"),
    "zones/<slug:slug>/plan/milestones/<int:pk>/edit/": zone_child_swapped("milestone"),
    "zones/<slug:slug>/core-team/": zone_child(zone_a),
    "zones/<slug:slug>/core-team/new/": ZONE_EDIT,
    "zones/<slug:slug>/core-team/<int:pk>/edit/": zone_child_swapped("member"),
    "zones/<slug:slug>/core-team/<int:pk>/remove/": zone_child_swapped("member"),
    # The ingredient is shared by every zone; zone A's entry for it is what is probed.
    "zones/<slug:slug>/ingredients/<int:pk>/": Probe(
        plan("ingredient"), read=WRONG_ZONE, write=("board", "partner_x", "panel_a")
    ),
    # Zone A's activities, logged by panel_a.
    "zones/<slug:slug>/activities/": Probe(zone_a, read=WRONG_ZONE + ("partner_x",)),
    "zones/<slug:slug>/activities/new/": Probe(zone_a, read=WRONG_ZONE + ("partner_x", "board")),
    "activities/<int:pk>/": Probe(activity, read=WRONG_ZONE + ("partner_x", "body_member")),
    "activities/<int:pk>/edit/": Probe(activity, read=WRONG_ZONE, write=("board",)),
    "activities/<int:pk>/verify/": Probe(activity, read=WRONG_ZONE, write=("board",)),
    "activities/<int:pk>/photo/": Probe(activity, read=WRONG_ZONE + ("partner_x",)),
    # partner_x's initiatives for zone A: another organisation, zone B's core team and
    # zone A's panel (it is not accepted yet) never see them.
    "initiatives/<int:pk>/": Probe(submitted, read=("partner_y", "core_b", "panel_a")),
    "initiatives/<int:pk>/review/": Probe(submitted, read=("partner_y", "core_b", "panel_a")),
    "initiatives/<int:pk>/accept/": Probe(in_review, read=("partner_y", "core_b")),
    "initiatives/<int:pk>/decline/": Probe(in_review, read=("partner_y", "core_b")),
    "initiatives/<int:pk>/withdraw/": Probe(submitted, read=("partner_y", "core_b")),
    # Zone A's evaluation.
    "evaluation/zones/<slug:slug>/summary/": zone_child(zone_a),
    "evaluation/zones/<slug:slug>/profile/": zone_child(zone_a),
    "evaluation/zones/<slug:slug>/realisation/": zone_child(zone_a),
    "evaluation/zones/<slug:slug>/indicators/": zone_child(zone_a),
    "evaluation/zones/<slug:slug>/indicators/new/": Probe(zone_a, read=WRONG_ZONE + ("panel_a",)),
    "evaluation/indicators/<int:pk>/": zone_child(indicator),
    "evaluation/indicators/<int:pk>/edit/": Probe(indicator, read=WRONG_ZONE, write=("panel_a",)),
    "evaluation/indicators/<int:pk>/measurements/new/": Probe(
        indicator, read=WRONG_ZONE, write=("panel_a", "board")
    ),
    "evaluation/measurements/<int:pk>/edit/": Probe(
        measurement, read=WRONG_ZONE, write=("panel_a", "board")
    ),
    "evaluation/measurements/<int:pk>/delete/": Probe(
        measurement, read=WRONG_ZONE, write=("panel_a", "board")
    ),
    # Board packs: officers make them; board members read the published ones.
    "evaluation/packs/<int:pk>/": Probe(draft_pack, read=NOT_OFFICERS),
    "evaluation/packs/<int:pk>/edit/": Probe(draft_pack, read=NOT_OFFICERS),
    "evaluation/packs/<int:pk>/regenerate/": Probe(draft_pack, read=NOT_OFFICERS),
    "evaluation/packs/<int:pk>/publish/": Probe(draft_pack, read=NOT_OFFICERS),
    "evaluation/packs/<int:pk>/withdraw/": Probe(published_pack, read=NOT_OFFICERS),
    "evaluation/packs/<int:pk>/delete/": Probe(draft_pack, read=NOT_OFFICERS),
    "evaluation/packs/<int:pk>/pack.pdf": Probe(published_pack, read=NOT_OFFICERS),
    "evaluation/reports/<int:pk>/": Probe(published_pack, read=("body_member",) + NO_SEAT),
    "evaluation/reports/<int:pk>/pack.pdf": Probe(published_pack, read=("body_member",) + NO_SEAT),
    # The toolkit's editorial pages: officers only.
    "toolkit/manage/<int:pk>/": Probe(draft_method, read=NOT_OFFICERS),
    "toolkit/manage/<int:pk>/edit/": Probe(draft_method, read=NOT_OFFICERS),
    "toolkit/manage/<int:pk>/workflow/": Probe(draft_method, read=NOT_OFFICERS),
    "toolkit/manage/<int:pk>/revise/": Probe(draft_method, read=NOT_OFFICERS),
    "toolkit/manage/<int:pk>/discard/": Probe(draft_method, read=NOT_OFFICERS),
    "toolkit/manage/<int:pk>/versions/<int:number>/": Probe(
        lambda w: {"pk": w.toolkit.published.pk, "number": 1}, read=NOT_OFFICERS
    ),
    "toolkit/manage/feedback/<int:pk>/": Probe(feedback, read=NOT_OFFICERS),
    # One person's data (UK GDPR requests): OPCC officers only; panel_a's is probed.
    "people/<int:pk>/": Probe(_obj("people.panel_a"), read=PRIVACY_STRANGERS),
    "people/<int:pk>/export/": Probe(_obj("people.panel_a"), read=PRIVACY_STRANGERS),
    "people/<int:pk>/erase/": Probe(_obj("people.panel_a"), read=PRIVACY_STRANGERS),
}

A = "api/v1/^"
PK = "(?P<pk>[^/.]+)"
OWN = "/$"
api_body = lambda w: {"pk": w.bodies.jag_a.pk}  # noqa: E731
api_assignment = _obj("csp_b_assignment")
statement = _obj("plans.statement")
published_method = lambda w: {"slug": w.toolkit.published.slug}  # noqa: E731
ZONE_API = Probe(statement, read=WRONG_ZONE + ("body_member",), write=("board", "partner_x"))

API: dict[str, Probe] = {
    f"{A}bodies/{PK}/$": Probe(api_body, read=NO_SEAT, write=WRONG_BODY + ("body_member",)),
    f"{A}meetings/{PK}/$": Probe(meeting, read=NO_SEAT, write=WRONG_BODY + ("board",)),
    f"{A}meetings/{PK}/status/$": Probe(meeting, read=NO_SEAT + WRONG_BODY + ("board",)),
    f"{A}actions/{PK}/$": Probe(
        _obj("action"), read=NO_SEAT + ("panel_b",), write=WRONG_BODY + ("board",)
    ),
    f"{A}issues/{PK}/$": Probe(issue, read=("body_member", "csp_a_member") + NO_SEAT),
    f"{A}issues/{PK}/trail/$": Probe(issue, read=("body_member", "csp_a_member") + NO_SEAT),
    f"{A}issues/{PK}/escalate/$": Probe(issue, read=ISSUE_STRANGERS, write=ISSUE_ACTORS_NOT),
    f"{A}issues/{PK}/resolve/$": Probe(issue, read=ISSUE_STRANGERS, write=ISSUE_ACTORS_NOT),
    f"{A}issues/{PK}/return/$": Probe(issue, read=ISSUE_STRANGERS, write=ISSUE_ACTORS_NOT),
    f"{A}priorities/{PK}/$": Probe(priority, read=NO_SEAT, write=WRONG_BODY + ("body_member",)),
    f"{A}priorities/{PK}/assignments/$": Probe(
        priority, read=NO_SEAT, write=WRONG_BODY + ("body_member",)
    ),
    f"{A}priorities/{PK}/retire/$": Probe(
        priority, read=NO_SEAT, write=WRONG_BODY + ("body_member",)
    ),
    f"{A}priority-assignments/{PK}/$": Probe(
        api_assignment, read=NO_SEAT, write=WRONG_BODY + ("board", "body_member")
    ),
    f"{A}priority-assignments/{PK}/reports/$": Probe(
        api_assignment, read=NO_SEAT, write=WRONG_BODY + ("board", "body_member")
    ),
    f"{A}priority-assignments/{PK}/acknowledge/$": Probe(
        api_assignment, read=NO_SEAT, write=ASSIGNMENT_ACTORS_NOT
    ),
    f"{A}priority-assignments/{PK}/report/$": Probe(
        api_assignment, read=NO_SEAT, write=ASSIGNMENT_ACTORS_NOT
    ),
    f"{A}review-events/{PK}/$": Probe(event, read=NO_SEAT, write=("board", "body_member")),
    f"{A}review-events/{PK}/allocations/$": Probe(event, read=NOT_OFFICERS),
    f"{A}review-events/{PK}/status/$": Probe(event, read=NOT_OFFICERS),
    f"{A}review-events/{PK}/in-kind/$": Probe(event, read=NOT_OFFICERS),
    f"{A}review-allocations/{PK}/spend/$": Probe(allocation, read=NOT_OFFICERS + ("csp_a_member",)),
    f"{A}zones/(?P<slug>[^/.]+)/$": Probe(
        zone_a, read=WRONG_ZONE + ("body_member",), write=("board", "partner_x", "panel_a")
    ),
    f"{A}ambition-statements/{PK}/$": ZONE_API,
    f"{A}ambition-statements/{PK}/approve/$": Probe(
        statement, read=WRONG_ZONE + ("body_member", "board", "partner_x")
    ),
    f"{A}ambition-statements/{PK}/consulted/$": Probe(
        statement, read=WRONG_ZONE + ("body_member", "board", "partner_x", "panel_a")
    ),
    f"{A}ambition-statements/{PK}/redraft/$": Probe(
        statement, read=WRONG_ZONE + ("body_member", "board", "partner_x", "panel_a")
    ),
    f"{A}objectives/{PK}/$": Probe(
        _obj("plans.objective"), read=WRONG_ZONE + ("body_member",), write=("board", "partner_x")
    ),
    f"{A}milestones/{PK}/$": Probe(
        _obj("plans.milestone"), read=WRONG_ZONE + ("body_member",), write=("board", "partner_x")
    ),
    f"{A}activities/{PK}/$": Probe(activity, read=WRONG_ZONE + ("partner_x",), write=("board",)),
    f"{A}activities/{PK}/photo/$": Probe(activity, read=WRONG_ZONE + ("partner_x",)),
    f"{A}activities/{PK}/verify/$": Probe(
        activity,
        read=WRONG_ZONE,
        write=("board",),
        told=(("panel_a",), "verify an activity you logged yourself"),
    ),
    f"{A}initiatives/{PK}/$": Probe(submitted, read=("partner_y", "core_b", "panel_a")),
    f"{A}initiatives/{PK}/review/$": Probe(submitted, read=("partner_y", "core_b", "panel_a")),
    f"{A}initiatives/{PK}/accept/$": Probe(in_review, read=("partner_y", "core_b")),
    f"{A}initiatives/{PK}/decline/$": Probe(in_review, read=("partner_y", "core_b")),
    f"{A}initiatives/{PK}/withdraw/$": Probe(submitted, read=("partner_y", "core_b")),
    f"{A}indicators/{PK}/$": Probe(indicator, read=WRONG_ZONE, write=("panel_a", "board")),
    f"{A}measurements/{PK}/$": Probe(measurement, read=WRONG_ZONE, write=("panel_a", "board")),
    f"{A}board-packs/{PK}/$": Probe(
        published_pack, read=("body_member", "panel_a", "partner_x"), write=("board",)
    ),
    f"{A}board-packs/{PK}/pdf/$": Probe(
        published_pack, read=("body_member", "panel_a", "partner_x"), write=("board",)
    ),
    # Published methods are public; only officers change them or move them on.
    f"{A}toolkit/methods/(?P<slug>[^/.]+)/$": Probe(published_method, write=NOT_OFFICERS),
    f"{A}toolkit/methods/(?P<slug>[^/.]+)/publish/$": Probe(published_method, write=NOT_OFFICERS),
    f"{A}toolkit/methods/(?P<slug>[^/.]+)/return/$": Probe(published_method, write=NOT_OFFICERS),
    f"{A}toolkit/methods/(?P<slug>[^/.]+)/submit/$": Probe(published_method, write=NOT_OFFICERS),
    f"{A}toolkit/methods/(?P<slug>[^/.]+)/unpublish/$": Probe(published_method, write=NOT_OFFICERS),
}

# Routes with an argument in their path that reach nothing owned by a zone, body or
# organisation, and why.
NOT_OWNED: dict[str, str] = {
    f"{A}organisations/{PK}/$": "the directory of partner organisations, read-only for all",
    "api/v1/<drf_format_suffix:format>": "the API root in another format",
    "toolkit/methods/<slug:slug>/": "a published method is public (a draft answers 404)",
    "toolkit/methods/<slug:slug>/print/": "a published method is public",
    "toolkit/methods/<slug:slug>.pdf": "a published method is public",
    "toolkit/methods/<slug:slug>/feedback/": "anyone may comment on a published method",
    "toolkit/methods/<slug:slug>/feedback/sent/": "the thank-you page after feedback",
    "evaluation/export/<slug:dataset>.csv": "a dataset name; rows are scoped to the reader",
    "evaluation/export/<slug:dataset>.xlsx": "a dataset name; rows are scoped to the reader",
    "admin/(?P<url>.*)$": "the admin, for officers (tests/test_permission_matrix.py)",
}
