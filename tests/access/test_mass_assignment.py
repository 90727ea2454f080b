"""Mass assignment: what a panel member, partner or body member sends beside the form's own
fields (zone, organisation, body, status, verification, author, id) is ignored. The record
lands in the sender's own zone, organisation or body with its normal first status, and no
other record is touched."""

import pytest

from governance.models import Issue, PriorityAssignment, PriorityReport
from peoplezones.models import Activity, Initiative
from tests.factories_activities import activity_post, initiative_post
from toolkit.models import MethodFeedback


def stranger_fields(world, **extra) -> dict:
    """Fields no form offers, pointing at zone B, organisation Y, JAG B and other people."""
    w, p = world, world.people
    return {
        "zone": w.zones.b.pk,
        "zone_id": w.zones.b.pk,
        "organisation": w.organisations.y.pk,
        "organisation_id": w.organisations.y.pk,
        "body": w.bodies.jag_b.pk,
        "status": "accepted",
        "verified": "true",
        "is_verified": "true",
        "verified_by": p.officer.pk,
        "verified_at": "2020-01-01T00:00:00Z",
        "created_by": p.officer.pk,
        "logged_by": p.panel_b.pk,
        "submitted_by": p.partner_y.pk,
        "decided_by": p.officer.pk,
        "raised_by": p.jag_b_chair.pk,
        "raised_at": w.bodies.jag_b.pk,
        "reported_by": p.officer.pk,
        "id": w.activity.pk,
        "pk": w.activity.pk,
        **extra,
    }


def json_strangers(world, **extra) -> dict:
    """The same for a JSON API write: slugs where the API names things by slug."""
    fields = stranger_fields(world, **extra)
    fields.update(zone=world.zones.b.slug, verified=True, is_verified=True)
    return fields


@pytest.fixture
def activity_before(access_world):
    return Activity.objects.values().get(pk=access_world.activity.pk)


def test_logging_an_activity_ignores_zone_author_verification_and_id(
    access_world, client, activity_before
):
    w = access_world
    client.force_login(w.people.panel_a)
    data = {**activity_post(title="Mass assigned"), **stranger_fields(w)}
    response = client.post(f"/zones/{w.zones.a.slug}/activities/new/", data)
    assert response.status_code == 302
    logged = Activity.objects.get(title="Mass assigned")
    assert (logged.zone, logged.logged_by) == (w.zones.a, w.people.panel_a)
    assert (logged.verified_by, logged.verified_at) == (None, None)
    assert logged.pk != w.activity.pk
    assert Activity.objects.values().get(pk=w.activity.pk) == activity_before


def test_editing_an_activity_keeps_its_zone_author_and_verification(
    access_world, client, activity_before
):
    w = access_world
    client.force_login(w.people.panel_a)
    data = {**activity_post(title="Edited"), **stranger_fields(w, id=0, pk=0)}
    response = client.post(f"/activities/{w.activity.pk}/edit/", data)
    assert response.status_code == 302
    edited = Activity.objects.get(pk=w.activity.pk)
    assert edited.title == "Edited"
    assert (edited.zone, edited.logged_by, edited.verified_by) == (
        w.zones.a,
        w.people.panel_a,
        None,
    )


def test_the_api_keeps_an_activity_in_its_zone_and_unverified(access_world, api_as):
    w = access_world
    client = api_as("panel_a")
    response = client.patch(
        f"/api/v1/activities/{w.activity.pk}/",
        json_strangers(w, title="Patched", id=w.activity.pk + 100),
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["id"] == w.activity.pk
    patched = Activity.objects.get(pk=w.activity.pk)
    assert (patched.title, patched.zone, patched.logged_by) == (
        "Patched",
        w.zones.a,
        w.people.panel_a,
    )
    assert patched.verified_by is None and patched.verified_at is None
    # Logging: a zone the panel member does not sit on is refused, not silently moved.
    new = {
        "zone": w.zones.b.slug,
        "title": "Elsewhere",
        "occurred_on": str(w.activity.occurred_on),
        "description": "d",
        "domains": ["safety"],
        "participants": 3,
        "volunteer_hours": "1",
    }
    response = client.post("/api/v1/activities/", new, format="json")
    assert response.status_code == 400 and "zone" in response.json()
    assert not Activity.objects.filter(title="Elsewhere").exists()


def test_offering_an_initiative_lands_in_your_organisation_as_submitted(access_world, client):
    w = access_world
    client.force_login(w.people.partner_x)
    data = {**initiative_post([w.zones.a], title="Mass assigned"), **stranger_fields(w)}
    data["zone"] = w.zones.b.pk  # beside the form's own `zones`
    response = client.post("/initiatives/new/", data)
    assert response.status_code == 302
    offered = Initiative.objects.get(title="Mass assigned")
    assert (offered.organisation, offered.submitted_by) == (w.organisations.x, w.people.partner_x)
    assert offered.status == Initiative.Status.SUBMITTED
    assert offered.decided_by is None and offered.reviewer is None
    assert [link.zone for link in offered.zone_links.all()] == [w.zones.a]


def test_the_api_takes_an_initiative_as_submitted_by_your_organisation(access_world, api_as):
    w = access_world
    start = w.activity.occurred_on.replace(year=w.activity.occurred_on.year + 1)
    data = {
        "title": "Through the API",
        "description": "d",
        "audience": "a",
        "resources_offered": "r",
        "cost_to_zone": "0",
        "starts_on": str(start),
        "contact_name": "Sam",
        "contact_email": "sam@example.org",
        "zones": [w.zones.a.slug],
        **json_strangers(w, status="accepted", organisation="Test Police"),
    }
    data.pop("zone")
    response = api_as("partner_x").post("/api/v1/initiatives/", data, format="json")
    assert response.status_code == 201, response.json()
    offered = Initiative.objects.get(title="Through the API")
    assert (offered.organisation, offered.submitted_by) == (w.organisations.x, w.people.partner_x)
    assert offered.status == Initiative.Status.SUBMITTED


def test_withdrawing_an_initiative_only_withdraws_it(access_world, client, api_as):
    w = access_world
    client.force_login(w.people.partner_x)
    extra = stranger_fields(w, status="accepted")
    assert client.post(f"/initiatives/{w.initiative.pk}/withdraw/", extra).status_code == 302
    withdrawn = Initiative.objects.get(pk=w.initiative.pk)
    assert withdrawn.status == Initiative.Status.WITHDRAWN
    assert withdrawn.organisation == w.organisations.x


def test_raising_an_issue_puts_it_at_your_body_as_raised(access_world, client):
    w = access_world
    client.force_login(w.people.body_member)
    data = {
        "title": "Mass assigned",
        "description": "Every evening.",
        "area": "The fields",
        "category": "asb",
        "urgency": "high",
        **stranger_fields(w, status="resolved", decided_by_body=w.bodies.spb.pk),
    }
    response = client.post(f"/bodies/{w.bodies.jag_a.slug}/issues/new/", data)
    assert response.status_code == 302
    raised = Issue.objects.get(title="Mass assigned")
    assert (raised.body, raised.raised_at) == (w.bodies.jag_a, w.bodies.jag_a)
    assert raised.raised_by == w.people.body_member
    assert raised.status == Issue.Status.RAISED and raised.decided_by_body is None


def test_the_api_raises_an_issue_at_the_named_body_as_raised(access_world, api_as):
    w = access_world
    data = {
        **json_strangers(w, status="resolved", decision="Done", decided_by_body=w.bodies.spb.pk),
        "body": w.bodies.jag_a.pk,
        "title": "Through the API",
        "description": "Every evening.",
        "category": "asb",
    }
    response = api_as("body_member").post("/api/v1/issues/", data, format="json")
    assert response.status_code == 201, response.json()
    raised = Issue.objects.get(title="Through the API")
    assert (raised.body, raised.raised_at, raised.raised_by) == (
        w.bodies.jag_a,
        w.bodies.jag_a,
        w.people.body_member,
    )
    assert (raised.status, raised.decision, raised.decided_by_body) == ("raised", "", None)


def test_acknowledging_and_reporting_stay_with_your_bodys_assignment(access_world, client):
    w = access_world
    mine = w.priority.assignments.get(body=w.bodies.jag_a)
    theirs = PriorityAssignment.objects.values().get(pk=w.csp_b_assignment.pk)
    theirs_reports = PriorityReport.objects.filter(assignment=w.csp_b_assignment).count()
    base = f"/priorities/{w.priority.pk}/assignments/{mine.pk}"
    extra = stranger_fields(
        w, body=w.bodies.csp_b.pk, assignment=w.csp_b_assignment.pk, status="reporting"
    )
    client.force_login(w.people.body_member)
    response = client.post(f"{base}/acknowledge/", {"response": "We will.", **extra})
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.status == PriorityAssignment.Status.ACKNOWLEDGED
    response = client.post(f"{base}/report/", {"rag": "green", "text": "Done.", **extra})
    assert response.status_code == 302
    report = PriorityReport.objects.get(assignment__body=w.bodies.jag_a)
    assert (report.assignment_id, report.reported_by) == (mine.pk, w.people.body_member)
    assert PriorityAssignment.objects.values().get(pk=w.csp_b_assignment.pk) == theirs
    assert PriorityReport.objects.filter(assignment=w.csp_b_assignment).count() == theirs_reports


@pytest.mark.parametrize("role", ["anonymous", "partner_x"])
def test_feedback_waits_for_moderation_on_the_method_it_was_sent_for(access_world, client, role):
    w = access_world
    if role != "anonymous":
        client.force_login(w.people.partner_x)
    method, other = w.toolkit.published, w.toolkit.draft
    data = {
        "rating": "4",
        "how_it_went": "Mass assigned",
        **stranger_fields(w, status="approved", method=other.pk, zone=""),
    }
    response = client.post(f"/toolkit/methods/{method.slug}/feedback/", data)
    assert response.status_code == 302
    sent = MethodFeedback.objects.get(how_it_went="Mass assigned")
    assert sent.method == method and sent.status == MethodFeedback.Status.PENDING
    expected = None if role == "anonymous" else w.people.partner_x
    assert sent.submitted_by == expected


def test_feedback_through_the_api_waits_for_moderation(access_world, api_as):
    w = access_world
    data = {
        "method": w.toolkit.published.slug,
        "rating": 4,
        "how_it_went": "Through the API",
        **json_strangers(w, status="approved", zone=None),
    }
    response = api_as("partner_x").post("/api/v1/toolkit/feedback/", data, format="json")
    assert response.status_code == 201, response.json()
    sent = MethodFeedback.objects.get(how_it_went="Through the API")
    assert sent.status == MethodFeedback.Status.PENDING
    assert sent.submitted_by == w.people.partner_x
