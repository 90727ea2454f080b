"""The issues API: the same rules as the pages. What a person may not see answers 404; a
refused move 400 naming the problem, or 403 with the reason when the person may not act
there at all; and nothing changes."""

import pytest
from rest_framework.test import APIClient

from governance.models import Issue
from governance.services.issues import issue_escalate, issue_raise
from tests.factories import MembershipFactory, UserFactory
from tests.factories_issues import IssueFactory, age


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def csp_member(world):
    user = UserFactory(username="csp-a-member")
    MembershipFactory(body=world.bodies.csp_a, user=user)
    return user


def as_(api, person):
    api.force_authenticate(person)
    return api


def raise_issue(world, **extra):
    fields = {"title": "Dumped waste", "description": "Every week.", "category": "asb", **extra}
    return issue_raise(actor=world.people.body_member, body=world.bodies.jag_a, **fields)


def test_a_member_raises_an_issue_at_their_body(api, world):
    response = as_(api, world.people.body_member).post(
        "/api/v1/issues/",
        {
            "body": world.bodies.jag_a.pk,
            "title": "Off-road bikes",
            "description": "Every evening.",
            "category": "asb",
            "urgency": "high",
        },
        format="json",
    )
    assert response.status_code == 201
    data = response.json()
    assert data["status"] == "raised" and data["body"]["slug"] == "jag-a"
    assert data["raised_at"]["id"] == world.bodies.jag_a.pk and data["is_stale"] is False
    assert Issue.objects.get().urgency == "high"


def test_raising_at_a_body_you_do_not_sit_on_answers_400_naming_the_body(api, world):
    response = as_(api, world.people.officer).post(
        "/api/v1/issues/",
        {"body": world.bodies.jag_a.pk, "title": "t", "description": "d", "category": "asb"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"body": ["Only members of JAG A can raise an issue there."]}
    assert not Issue.objects.exists()


def test_an_incomplete_issue_names_the_missing_fields(api, world):
    response = as_(api, world.people.body_member).post(
        "/api/v1/issues/", {"body": world.bodies.jag_a.pk}, format="json"
    )
    assert response.status_code == 400
    assert {"title", "description", "category"} <= set(response.json())


def test_escalate_return_and_resolve_as_post_sub_routes(api, world, csp_member):
    issue = raise_issue(world)
    response = as_(api, world.people.body_member).post(
        f"/api/v1/issues/{issue.pk}/escalate/", {"reason": "Too big"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["body"]["slug"] == "csp-a"
    assert response.json()["came_from"]["slug"] == "jag-a"
    response = as_(api, csp_member).post(
        f"/api/v1/issues/{issue.pk}/return/", {"decision": "Use the JAG budget"}, format="json"
    )
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["body"]["slug"]) == ("returned", "jag-a")
    response = as_(api, world.people.body_member).post(
        f"/api/v1/issues/{issue.pk}/resolve/", {"decision": "Done"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["decision"] == "Done" and response.json()["status"] == "resolved"


def test_the_trail_lists_every_step(api, world):
    issue = issue_escalate(actor=world.people.body_member, issue=raise_issue(world), reason="r")
    trail = as_(api, world.people.board).get(f"/api/v1/issues/{issue.pk}/trail/").json()
    assert [(s["action"], s["from_body"]["slug"], s["to_body"]["slug"]) for s in trail] == [
        ("raised", "jag-a", "jag-a"),
        ("escalated", "jag-a", "csp-a"),
    ]
    assert trail[1]["text"] == "r"


@pytest.mark.parametrize(
    ("route", "payload", "message"),
    [
        ("resolve", {"decision": "d"}, "This issue is at CSP A: only its members can act on it."),
        ("escalate", {"reason": "r"}, "This issue is at CSP A: only its members can act on it."),
    ],
)
def test_acting_on_an_issue_not_at_your_body_answers_403(api, world, route, payload, message):
    issue = issue_escalate(actor=world.people.body_member, issue=raise_issue(world), reason="r")
    response = as_(api, world.people.body_member).post(
        f"/api/v1/issues/{issue.pk}/{route}/", payload, format="json"
    )
    assert response.status_code == 403
    assert response.json() == {"detail": message}
    issue.refresh_from_db()
    assert (issue.status, issue.body) == ("escalated", world.bodies.csp_a)


def test_returning_from_the_raising_body_and_acting_on_a_closed_issue_answer_400(api, world):
    issue = raise_issue(world)
    client = as_(api, world.people.body_member)
    response = client.post(f"/api/v1/issues/{issue.pk}/return/", {"decision": "d"}, format="json")
    assert response.status_code == 400
    assert "there is no body below to return it to" in response.json()["detail"][0]
    client.post(f"/api/v1/issues/{issue.pk}/resolve/", {"decision": "d"}, format="json")
    response = client.post(f"/api/v1/issues/{issue.pk}/escalate/", {"reason": "r"}, format="json")
    assert response.json() == {"detail": ["This issue is resolved: it can no longer change."]}
    assert Issue.objects.get(pk=issue.pk).steps.count() == 2


def test_escalating_from_the_top_answers_400(api, world):
    spb_issue = issue_raise(
        actor=world.people.board, body=world.bodies.spb, title="t", description="d", category="asb"
    )
    response = as_(api, world.people.board).post(
        f"/api/v1/issues/{spb_issue.pk}/escalate/", {"reason": "r"}, format="json"
    )
    assert response.status_code == 400
    assert "top of the partnership" in response.json()["detail"][0]


def test_a_move_without_its_text_names_the_field(api, world):
    issue = raise_issue(world)
    response = as_(api, world.people.body_member).post(
        f"/api/v1/issues/{issue.pk}/escalate/", {}, format="json"
    )
    assert response.status_code == 400 and "reason" in response.json()


def test_confidential_issues_are_hidden_from_those_who_may_not_see_them(api, world):
    chair = UserFactory()
    MembershipFactory(body=world.bodies.jag_b, user=chair)
    secret = issue_raise(
        actor=chair,
        body=world.bodies.jag_b,
        title="Named family",
        description="d",
        category="safeguarding",
        is_confidential=True,
    )
    raise_issue(world)
    client = as_(api, world.people.body_member)
    assert [i["title"] for i in client.get("/api/v1/issues/").json()["results"]] == ["Dumped waste"]
    assert client.get(f"/api/v1/issues/{secret.pk}/").status_code == 404
    assert client.get(f"/api/v1/issues/{secret.pk}/trail/").status_code == 404
    response = client.post(f"/api/v1/issues/{secret.pk}/escalate/", {"reason": "r"})
    assert response.status_code == 404
    assert as_(api, world.people.board).get(f"/api/v1/issues/{secret.pk}/").status_code == 200


@pytest.mark.parametrize("role", ["panel_a", "partner_x"])
def test_people_without_a_seat_are_refused(api, world, role):
    assert as_(api, getattr(world.people, role)).get("/api/v1/issues/").status_code == 403


def test_the_list_filters_like_the_page(api, world, settings):
    settings.ISSUE_STALE_DAYS = 10
    age(raise_issue(world, title="Old"), 11)
    escalated = issue_escalate(
        actor=world.people.body_member, issue=raise_issue(world, title="Up"), reason="r"
    )
    client = as_(api, world.people.officer)

    def titles(query):
        return {i["title"] for i in client.get(f"/api/v1/issues/?{query}").json()["results"]}

    assert titles("") == {"Old", "Up"}
    assert titles("stale=true") == {"Old"}
    assert titles(f"body={escalated.body_id}") == {"Up"}
    assert titles("status=resolved") == set()


def test_the_issue_list_reads_a_fixed_number_of_queries(api, world, django_assert_num_queries):
    client = as_(api, world.people.body_member)
    raise_issue(world)
    client.get("/api/v1/issues/")  # reads the person's roles once, kept on the user
    with django_assert_num_queries(2):  # count and page
        client.get("/api/v1/issues/")
    for _ in range(10):
        IssueFactory(raised_at=world.bodies.jag_a)
    with django_assert_num_queries(2):
        assert len(client.get("/api/v1/issues/").json()["results"]) == 11


def test_the_schema_documents_the_moves(api, world):
    schema = as_(api, world.people.officer).get("/api/schema/?format=json").json()
    paths = schema["paths"]
    for move in ("escalate", "resolve", "return"):
        assert "post" in paths[f"/api/v1/issues/{{id}}/{move}/"]
    assert "get" in paths["/api/v1/issues/{id}/trail/"]
    for route in ("acknowledge", "report"):
        assert "post" in paths[f"/api/v1/priority-assignments/{{id}}/{route}/"]
    assert "post" in paths["/api/v1/priorities/"]
    assert "get" in paths["/api/v1/priorities/{id}/assignments/"]
