"""Pages of partner initiatives: offering, seeing, reviewing, deciding and withdrawing."""

import pytest

from peoplezones.models import Initiative, InitiativeZone
from peoplezones.services.initiatives import initiative_start_review
from tests.factories import UserFactory
from tests.factories_activities import (
    CoreTeamMemberFactory,
    InitiativeFactory,
    MilestoneFactory,
    ObjectiveFactory,
    initiative_post,
)

S = Initiative.Status


def body(response) -> str:
    return response.content.decode()


@pytest.fixture
def from_x(world):
    return InitiativeFactory(
        submitted_by=world.people.partner_x, zones=[world.zones.a], title="Fire initiative"
    )


@pytest.fixture
def from_y(world):
    return InitiativeFactory(
        submitted_by=world.people.partner_y, zones=[world.zones.a], title="Police initiative"
    )


def test_partner_offers_an_initiative_with_its_cost_up_front(client_as, world):
    client = client_as("partner_x")
    page = body(client.get("/initiatives/new/"))
    assert "the aim is no additional revenue cost" in page
    assert 'value="partner-x@example.org"' in page  # contact filled in from the account
    response = client.post("/initiatives/new/", initiative_post([world.zones.a, world.zones.b]))
    initiative = Initiative.objects.get()
    assert response["Location"] == f"/initiatives/{initiative.pk}/"
    assert initiative.organisation == world.organisations.x
    assert initiative.submitted_by == world.people.partner_x
    detail = body(client.get(response["Location"]))
    assert "No cost to the zone" in detail and "Submitted" in detail
    assert "Withdraw the initiative" in detail and "Start review" not in detail


def test_the_form_offers_only_active_zones_and_refuses_the_rest(client_as, world):
    world.zones.b.status = "closed"
    world.zones.b.save()
    client = client_as("partner_x")
    page = body(client.get("/initiatives/new/"))
    assert "Zone A" in page and "Zone B" not in page
    response = client.post("/initiatives/new/", initiative_post([world.zones.b]))
    assert response.status_code == 200 and "Choose only from the options listed" in body(response)
    assert not Initiative.objects.exists()


def test_form_errors_are_summarised_and_beside_their_fields(client_as, world):
    post = initiative_post([world.zones.a], title="", contact_email="not-an-email")
    post.update({"ends_on_0": "1", "ends_on_1": "1", "ends_on_2": "2000"})
    page = body(client_as("partner_x").post("/initiatives/new/", post))
    assert "There is a problem" in page
    assert page.count("Enter the name of the initiative") == 2
    assert page.count("Enter an email address in the correct format") == 2
    assert page.count("The end date must be the same as or after the start date") == 2


def test_officers_and_panel_members_do_not_offer_initiatives(client_as, world):
    for role in ("officer", "panel_a", "board", "body_member"):
        assert client_as(role).get("/initiatives/new/").status_code == 403, role


def test_a_partner_sees_only_their_organisations_submissions(client_as, world, from_x, from_y):
    client = client_as("partner_x")
    page = body(client.get("/initiatives/"))
    assert "Fire initiative" in page and "Police initiative" not in page
    assert client.get(f"/initiatives/{from_x.pk}/").status_code == 200
    assert client.get(f"/initiatives/{from_y.pk}/").status_code == 404
    assert client.get(f"/initiatives/{from_y.pk}/withdraw/").status_code == 404
    assert client.post(f"/initiatives/{from_y.pk}/withdraw/").status_code == 404
    assert Initiative.objects.get(pk=from_y.pk).status == S.SUBMITTED


def test_officers_see_every_initiative_and_filter_by_status(client_as, world, from_x, from_y):
    initiative_start_review(actor=world.people.officer, initiative=from_y)
    client = client_as("officer")
    page = body(client.get("/initiatives/"))
    assert "Fire initiative" in page and "Police initiative" in page
    page = body(client.get("/initiatives/?status=under_review"))
    assert "Police initiative" in page and "Fire initiative" not in page


def test_panel_members_see_only_accepted_initiatives_for_their_zone(client_as, world, from_x):
    client = client_as("panel_a")
    assert client.get(f"/initiatives/{from_x.pk}/").status_code == 404
    from_x.status = S.ACCEPTED
    from_x.reviewer = from_x.decided_by = world.people.officer
    from_x.review_started_at = from_x.decided_at = from_x.submitted_at
    from_x.save()
    assert client.get(f"/initiatives/{from_x.pk}/").status_code == 200
    assert client_as("panel_b").get(f"/initiatives/{from_x.pk}/").status_code == 404
    assert client.get("/initiatives/").status_code == 403


def test_officer_reviews_accepts_into_the_plan_and_the_partner_reads_the_decision(
    client_as, world, from_x
):
    objective = ObjectiveFactory(zone=world.zones.a, title="Safer homes")
    officer = client_as("officer")
    assert "Start review" in body(officer.get(f"/initiatives/{from_x.pk}/"))
    officer.post(f"/initiatives/{from_x.pk}/review/")
    assert Initiative.objects.get(pk=from_x.pk).status == S.UNDER_REVIEW
    form = body(officer.get(f"/initiatives/{from_x.pk}/accept/"))
    assert "Safer homes" in form and "Add a new milestone for this initiative" in form
    response = officer.post(
        f"/initiatives/{from_x.pk}/accept/",
        {f"objective_{world.zones.a.pk}": objective.pk, f"milestone_{world.zones.a.pk}": "new"},
    )
    assert response.status_code == 302
    link = InitiativeZone.objects.get(initiative=from_x)
    assert link.objective == objective and link.milestone.title == "Fire initiative"
    page = body(client_as("partner_x").get(f"/initiatives/{from_x.pk}/"))
    assert "Accepted" in page and "Safer homes" in page
    assert "Withdraw the initiative" not in page


def test_accept_form_refuses_a_milestone_of_another_objective(client_as, world, from_x):
    chosen = ObjectiveFactory(zone=world.zones.a, title="Chosen")
    other = MilestoneFactory(objective=ObjectiveFactory(zone=world.zones.a), title="Elsewhere")
    initiative_start_review(actor=world.people.officer, initiative=from_x)
    response = client_as("officer").post(
        f"/initiatives/{from_x.pk}/accept/",
        {f"objective_{world.zones.a.pk}": chosen.pk, f"milestone_{world.zones.a.pk}": other.pk},
    )
    assert response.status_code == 200
    assert "Choose a milestone of “Chosen”, or add a new one" in body(response)
    assert Initiative.objects.get(pk=from_x.pk).status == S.UNDER_REVIEW


def test_accept_page_says_when_a_zone_has_no_plan_yet(client_as, world, from_x):
    initiative_start_review(actor=world.people.officer, initiative=from_x)
    page = body(client_as("officer").get(f"/initiatives/{from_x.pk}/accept/"))
    assert "this zone has no objectives yet" in page
    assert "/zones/zone-a/plan/objectives/new/" in page


def test_deciding_before_review_sends_the_reviewer_back_with_the_reason(client_as, world, from_x):
    client = client_as("officer")
    response = client.get(f"/initiatives/{from_x.pk}/decline/", follow=True)
    assert "take it under review first" in body(response)
    response = client.post(f"/initiatives/{from_x.pk}/decline/", {"reason": "No"}, follow=True)
    assert Initiative.objects.get(pk=from_x.pk).status == S.SUBMITTED


def test_decline_needs_a_reason(client_as, world, from_x):
    initiative_start_review(actor=world.people.officer, initiative=from_x)
    client = client_as("officer")
    response = client.post(f"/initiatives/{from_x.pk}/decline/", {"reason": ""})
    assert body(response).count("Say why the initiative is declined") == 2
    client.post(f"/initiatives/{from_x.pk}/decline/", {"reason": "Already covered."})
    declined = Initiative.objects.get(pk=from_x.pk)
    assert declined.status == S.DECLINED and declined.decision_reason == "Already covered."
    page = body(client_as("partner_x").get(f"/initiatives/{from_x.pk}/"))
    assert "Reason: Already covered." in page


def test_partner_withdraws_before_a_decision_and_not_after(client_as, world, from_x):
    client = client_as("partner_x")
    assert "cannot be undone" in body(client.get(f"/initiatives/{from_x.pk}/withdraw/"))
    client.post(f"/initiatives/{from_x.pk}/withdraw/")
    assert Initiative.objects.get(pk=from_x.pk).status == S.WITHDRAWN
    response = client.post(f"/initiatives/{from_x.pk}/withdraw/", follow=True)
    assert "already been decided or withdrawn" in body(response)


def test_core_team_reviews_its_zones_initiatives(client_as, world, from_x):
    core = UserFactory(username="core")
    CoreTeamMemberFactory(zone=world.zones.a, user=core)
    client = client_as("anonymous")
    client.force_login(core)
    assert "Fire initiative" in body(client.get("/initiatives/"))
    client.post(f"/initiatives/{from_x.pk}/review/")
    assert Initiative.objects.get(pk=from_x.pk).status == S.UNDER_REVIEW


def test_submitters_cannot_decide_their_own_initiative(client_as, world, from_x):
    client = client_as("partner_x")
    assert client.post(f"/initiatives/{from_x.pk}/review/").status_code == 403
    assert client.get(f"/initiatives/{from_x.pk}/accept/").status_code == 403
    assert client.post(f"/initiatives/{from_x.pk}/decline/", {"reason": "x"}).status_code == 403


# Query counts: session, user, memberships, panel seats (4), the page's reads, then the
# session's idle timer (3).
LIST_QUERIES = {"officer": 11, "partner_x": 12}  # + zones, count, page, zone links (+ seats)


@pytest.mark.parametrize("role", LIST_QUERIES)
def test_initiative_list_queries_are_pinned_and_do_not_grow(
    role, client_as, world, django_assert_num_queries
):
    client = client_as(role)
    InitiativeFactory(submitted_by=world.people.partner_x, zones=[world.zones.a])
    with django_assert_num_queries(LIST_QUERIES[role]):
        assert client.get("/initiatives/").status_code == 200
    for _ in range(5):
        InitiativeFactory(submitted_by=world.people.partner_x, zones=[world.zones.a, world.zones.b])
        InitiativeFactory(submitted_by=world.people.partner_y, zones=[world.zones.b])
    with django_assert_num_queries(LIST_QUERIES[role]):
        assert client.get("/initiatives/").status_code == 200


def test_a_panel_member_gets_no_link_into_another_zone_s_plan(client_as, world):
    from peoplezones.services.initiatives import Placement, initiative_accept

    initiative = InitiativeFactory(
        submitted_by=world.people.partner_x, zones=[world.zones.a, world.zones.b]
    )
    ours = ObjectiveFactory(zone=world.zones.a, title="Our objective")
    theirs = ObjectiveFactory(zone=world.zones.b, title="Their objective")
    officer = world.people.officer
    initiative_start_review(actor=officer, initiative=initiative)
    initiative_accept(
        actor=officer,
        initiative=initiative,
        placements=[Placement(world.zones.a, ours), Placement(world.zones.b, theirs)],
    )
    page = body(client_as("panel_a").get(f"/initiatives/{initiative.pk}/"))
    assert f'href="{ours.get_absolute_url()}"' in page
    assert "Their objective" in page and f'href="{theirs.get_absolute_url()}"' not in page
    officer_page = body(client_as("officer").get(f"/initiatives/{initiative.pk}/"))
    assert f'href="{theirs.get_absolute_url()}"' in officer_page
