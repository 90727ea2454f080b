"""Issue pages: the list, raising an issue, the issue page and its moves, for each role."""

import pytest

from governance.models import Issue, IssueStep
from governance.services.issues import issue_escalate, issue_raise, issue_resolve
from tests.factories import MembershipFactory, UserFactory
from tests.factories_issues import IssueFactory, age


@pytest.fixture
def csp_member(world):
    user = UserFactory(username="csp-a-member")
    MembershipFactory(body=world.bodies.csp_a, user=user)
    return user


def raise_issue(world, body=None, actor=None, **extra):
    fields = {"title": "Dumped waste", "description": "Every week.", "category": "environment"}
    return issue_raise(
        actor=actor or world.people.body_member,
        body=body or world.bodies.jag_a,
        **{**fields, **extra},
    )


def confidential_at_jag_b(world):
    chair = UserFactory()
    MembershipFactory(body=world.bodies.jag_b, user=chair)
    return raise_issue(
        world, body=world.bodies.jag_b, actor=chair, title="Named family", is_confidential=True
    )


# The list ---------------------------------------------------------------------------------


def test_list_shows_open_issues_with_where_they_sit(client_as, world):
    raise_issue(world, title="Off-road bikes")
    body = client_as("officer").get("/issues/").content.decode()
    assert '<h1 class="govuk-heading-l">Issues</h1>' in body
    assert "Off-road bikes" in body and "JAG A" in body


@pytest.mark.parametrize("role", ["panel_a", "partner_x"])
def test_list_is_refused_to_people_without_a_seat(client_as, role):
    assert client_as(role).get("/issues/").status_code == 403


def test_confidential_issues_are_listed_only_for_those_who_may_see_them(client_as, world):
    confidential_at_jag_b(world)
    assert "Named family" in client_as("officer").get("/issues/").content.decode()
    assert "Named family" in client_as("board").get("/issues/").content.decode()
    assert "Named family" not in client_as("body_member").get("/issues/").content.decode()


def test_list_filters_by_body_status_category_and_age(client_as, world):
    at_csp = issue_escalate(
        actor=world.people.body_member, issue=raise_issue(world, title="Lights out"), reason="r"
    )
    raise_issue(world, title="Shop theft", category="business")
    age(raise_issue(world, title="Old problem"), 40)
    issue_resolve(
        actor=csp_member, issue=raise_issue(world, title="Fixed one"), decision="d"
    ) if False else None
    done = issue_resolve(
        actor=world.people.body_member, issue=raise_issue(world, title="Fixed one"), decision="d"
    )
    client = client_as("officer")

    def titles(query):
        page = client.get("/issues/?" + query).context["page"]
        return {issue.title for issue in page.object_list}

    assert titles("") == {"Lights out", "Shop theft", "Old problem"}
    assert titles("body=csp-a") == {at_csp.title}
    assert titles("category=business") == {"Shop theft"}
    assert titles("stale=on") == {"Old problem"}
    assert titles("status=resolved") == {done.title}
    assert titles("status=all") == {"Lights out", "Shop theft", "Old problem", "Fixed one"}


def test_stale_issues_are_flagged_in_the_list(client_as, world, settings):
    settings.ISSUE_STALE_DAYS = 10
    age(raise_issue(world, title="Old problem"), 11)
    assert "Waiting 11 days" in client_as("officer").get("/issues/").content.decode()


def test_list_pages_through_many_issues_keeping_the_filters(client_as, world):
    for n in range(30):
        IssueFactory(raised_at=world.bodies.jag_a, title=f"Issue {n:02}")
    client = client_as("officer")
    first = client.get("/issues/?category=asb")
    assert len(first.context["page"].object_list) == 25
    assert 'href="?category=asb&amp;page=2"' in first.content.decode()
    second = client.get("/issues/?category=asb&page=2")
    assert len(second.context["page"].object_list) == 5


def test_members_are_offered_to_raise_an_issue_at_their_body(client_as):
    body = client_as("body_member").get("/issues/").content.decode()
    assert 'href="/bodies/jag-a/issues/new/"' in body
    assert "/issues/new/" not in client_as("officer").get("/issues/").content.decode()


# Issue list query count: session, user, memberships, panel seats (4); the areas and the
# bodies of the area for the filter; count and page; the session's idle timer (3).
LIST_QUERIES = 11


def test_issue_list_queries_are_pinned_and_do_not_grow(client_as, world, django_assert_num_queries):
    client = client_as("body_member")
    raise_issue(world)
    with django_assert_num_queries(LIST_QUERIES):
        assert client.get("/issues/").status_code == 200
    for n in range(20):
        issue = IssueFactory(raised_at=world.bodies.jag_a, is_confidential=n % 2 == 0)
        age(issue, n * 3)
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get("/issues/")
    assert len(response.context["page"].object_list) == 21


# Raising ----------------------------------------------------------------------------------


def test_member_raises_an_issue_from_the_form(client_as, world):
    client = client_as("body_member")
    assert client.get("/bodies/jag-a/issues/new/").status_code == 200
    response = client.post(
        "/bodies/jag-a/issues/new/",
        {
            "title": "Off-road bikes",
            "description": "Every evening on the fields.",
            "category": "asb",
            "urgency": "high",
            "is_confidential": "on",
        },
    )
    issue = Issue.objects.get()
    assert response.status_code == 302 and response["Location"] == issue.get_absolute_url()
    assert (issue.urgency, issue.is_confidential, issue.raised_at) == (
        "high",
        True,
        world.bodies.jag_a,
    )
    assert issue.raised_by == world.people.body_member
    assert "Issue raised at JAG A." in client.get(response["Location"]).content.decode()


def test_an_incomplete_issue_shows_the_error_summary(client_as):
    response = client_as("body_member").post("/bodies/jag-a/issues/new/", {"urgency": "low"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    for message in ("Enter a title for the issue", "Describe the issue", "Choose a category"):
        assert message in body
    assert body.startswith("<!DOCTYPE html>") and "<title>Error: " in body
    assert not Issue.objects.exists()


@pytest.mark.parametrize("role", ["officer", "board"])
def test_only_members_of_the_body_may_raise_there(client_as, role):
    client = client_as(role)
    assert client.get("/bodies/jag-a/issues/new/").status_code == 403
    fields = {"title": "t", "description": "d", "category": "asb", "urgency": "low"}
    assert client.post("/bodies/jag-a/issues/new/", fields).status_code == 403
    assert not Issue.objects.exists()


def test_raising_at_an_unknown_body_is_not_found(client_as):
    assert client_as("body_member").get("/bodies/nowhere/issues/new/").status_code == 404


# The issue page ---------------------------------------------------------------------------


def test_the_page_shows_the_whole_trail(client_as, world, csp_member):
    issue = issue_escalate(
        actor=world.people.body_member, issue=raise_issue(world), reason="Needs the council"
    )
    body = client_as("board").get(issue.get_absolute_url()).content.decode()
    assert "Raised at JAG A" in body
    assert "Escalated from JAG A to CSP A" in body and "Needs the council" in body


def test_members_where_it_sits_get_the_moves_its_place_allows(client_as, world, csp_member):
    issue = raise_issue(world)
    body = client_as("body_member").get(issue.get_absolute_url()).content.decode()
    assert f'action="/issues/{issue.pk}/escalate/"' in body
    assert f'action="/issues/{issue.pk}/resolve/"' in body
    assert "/return/" not in body  # raised here: nowhere to return it to
    issue_escalate(actor=world.people.body_member, issue=issue, reason="r")
    client = client_as("anonymous")
    client.force_login(csp_member)
    body = client.get(issue.get_absolute_url()).content.decode()
    for move in ("escalate", "resolve", "return"):
        assert f'action="/issues/{issue.pk}/{move}/"' in body
    assert "Return it to JAG A" in body and "Escalate it to Test SOG" in body


@pytest.mark.parametrize("role", ["officer", "board"])
def test_readers_who_do_not_sit_there_get_no_forms(client_as, world, role):
    issue = raise_issue(world)
    body = client_as(role).get(issue.get_absolute_url()).content.decode()
    assert "Only its members can resolve it, escalate it or return it." in body
    assert '<form method="post" action="/issues/' not in body


def test_a_resolved_issue_shows_the_decision_and_no_forms(client_as, world):
    issue = issue_resolve(
        actor=world.people.body_member, issue=raise_issue(world), decision="Council will clear it"
    )
    body = client_as("body_member").get(issue.get_absolute_url()).content.decode()
    assert "Decision of JAG A" in body and "Council will clear it" in body
    assert "Act on this issue" not in body and "Only its members" not in body


def test_a_confidential_issue_does_not_exist_for_those_who_may_not_see_it(client_as, world):
    issue = confidential_at_jag_b(world)
    assert client_as("body_member").get(issue.get_absolute_url()).status_code == 404
    assert client_as("board").get(issue.get_absolute_url()).status_code == 200
    assert client_as("officer").get(issue.get_absolute_url()).status_code == 200


def test_a_confidential_issue_is_seen_by_every_body_it_passed_through(client_as, world):
    issue = raise_issue(world, is_confidential=True)
    csp_b_member = UserFactory()
    MembershipFactory(body=world.bodies.csp_b, user=csp_b_member)
    issue_escalate(actor=world.people.body_member, issue=issue, reason="r")
    client = client_as("anonymous")
    client.force_login(csp_b_member)
    assert client.get(issue.get_absolute_url()).status_code == 404
    csp_a_member = UserFactory()
    MembershipFactory(body=world.bodies.csp_a, user=csp_a_member)
    client.force_login(csp_a_member)
    assert client.get(issue.get_absolute_url()).status_code == 200
    # JAG A raised it and still sees it after it has moved on.
    assert client_as("body_member").get(issue.get_absolute_url()).status_code == 200


# Issue page query count: session, user, memberships, panel seats (4); the issue with its
# bodies; its steps with their people and bodies; the session's idle timer (3).
DETAIL_QUERIES = 9


def test_issue_page_queries_are_pinned_and_do_not_grow(client_as, world, django_assert_num_queries):
    client = client_as("body_member")
    issue = raise_issue(world)
    with django_assert_num_queries(DETAIL_QUERIES):
        assert client.get(issue.get_absolute_url()).status_code == 200
    for n in range(10):
        actor = UserFactory()
        IssueStep.objects.create(
            issue=issue,
            action="returned" if n % 2 else "escalated",
            actor=actor,
            from_body=world.bodies.csp_a if n % 2 else world.bodies.jag_a,
            to_body=world.bodies.jag_a if n % 2 else world.bodies.csp_a,
            text=f"Step {n}",
        )
    with django_assert_num_queries(DETAIL_QUERIES):
        body = client.get(issue.get_absolute_url()).content.decode()
    assert "Step 9" in body


# Moves from the page ----------------------------------------------------------------------


def test_escalating_from_the_page(client_as, world):
    issue = raise_issue(world)
    client = client_as("body_member")
    response = client.post(f"/issues/{issue.pk}/escalate/", {"escalate-reason": "Too big"})
    assert response.status_code == 302
    issue.refresh_from_db()
    assert (issue.body, issue.status) == (world.bodies.csp_a, Issue.Status.ESCALATED)
    assert "Issue escalated to CSP A." in client.get(response["Location"]).content.decode()


def test_resolving_and_returning_from_the_page(client_as, world, csp_member):
    issue = issue_escalate(actor=world.people.body_member, issue=raise_issue(world), reason="r")
    client = client_as("anonymous")
    client.force_login(csp_member)
    response = client.post(f"/issues/{issue.pk}/return/", {"return-decision": "Do it yourselves"})
    assert response.status_code == 302
    issue.refresh_from_db()
    assert (issue.body, issue.status, issue.decision) == (
        world.bodies.jag_a,
        Issue.Status.RETURNED,
        "Do it yourselves",
    )
    client = client_as("body_member")
    response = client.post(f"/issues/{issue.pk}/resolve/", {"resolve-decision": "Done"})
    assert response.status_code == 302
    issue.refresh_from_db()
    assert issue.status == Issue.Status.RESOLVED


def test_a_move_without_its_text_shows_the_error(client_as, world):
    issue = raise_issue(world)
    response = client_as("body_member").post(f"/issues/{issue.pk}/escalate/", {})
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body and "Enter the reason for escalating" in body
    assert Issue.objects.get(pk=issue.pk).status == Issue.Status.RAISED


def test_a_member_of_another_body_is_refused_with_the_reason(client_as, world):
    issue = issue_escalate(actor=world.people.body_member, issue=raise_issue(world), reason="r")
    client = client_as("body_member")
    response = client.post(f"/issues/{issue.pk}/resolve/", {"resolve-decision": "Mine now"})
    assert response.status_code == 403
    assert "This issue is at CSP A: only its members can act on it." in response.content.decode()
    issue.refresh_from_db()
    assert (issue.status, issue.body) == (Issue.Status.ESCALATED, world.bodies.csp_a)
    assert issue.steps.count() == 2


def test_returning_an_issue_from_where_it_was_raised_is_refused(client_as, world):
    issue = raise_issue(world)
    response = client_as("body_member").post(
        f"/issues/{issue.pk}/return/", {"return-decision": "x"}
    )
    assert response.status_code == 400
    assert "there is no body below to return it to" in response.content.decode()
    assert Issue.objects.get(pk=issue.pk).status == Issue.Status.RAISED


def test_acting_on_a_resolved_issue_is_refused(client_as, world):
    issue = issue_resolve(actor=world.people.body_member, issue=raise_issue(world), decision="d")
    response = client_as("body_member").post(
        f"/issues/{issue.pk}/escalate/", {"escalate-reason": "Reopen"}
    )
    assert response.status_code == 400
    assert "This issue is resolved: it can no longer change." in response.content.decode()
    assert issue.steps.count() == 2


def test_moves_are_post_only_and_hidden_issues_are_not_found(client_as, world):
    issue = confidential_at_jag_b(world)
    client = client_as("body_member")
    assert client.get(f"/issues/{issue.pk}/escalate/").status_code == 405
    response = client.post(f"/issues/{issue.pk}/escalate/", {"escalate-reason": "r"})
    assert response.status_code == 404
    assert client_as("anonymous").post(f"/issues/{issue.pk}/escalate/").status_code == 302
