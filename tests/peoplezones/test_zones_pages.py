"""The zone pages and their forms: each saves through its service, shows errors at the top and
beside the field, and a refused change tells the reason and changes nothing."""

import datetime

import pytest

from peoplezones.models import (
    AmbitionStatement,
    Consultation,
    CoreTeamMember,
    KeyIssue,
    Milestone,
    Objective,
    Workshop,
    Zone,
    ZoneIngredient,
)
from tests.factories_zones import (
    AmbitionStatementFactory,
    CoreTeamMemberFactory,
    IngredientFactory,
    KeyIssueFactory,
    MilestoneFactory,
    ObjectiveFactory,
    WorkshopFactory,
    days,
)


def date(name: str, day: datetime.date) -> dict:
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def text(response) -> str:
    return response.content.decode()


def assert_error_shown(response, message: str, *, beside_field: bool = True) -> None:
    page = text(response)
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    if beside_field:
        assert page.count(message) >= 2, "the error belongs in the summary and beside the field"
    else:
        assert message in page.split("govuk-error-summary__list")[1].split("</ul>")[0]


# Zones


def test_an_officer_proposes_a_zone_then_opens_it(client_as, world):
    client = client_as("officer")
    response = client.post(
        "/zones/new/",
        {
            "name": "Thringstone",
            "area_type": "county",
            "district": "North West Leicestershire",
            "csp": world.bodies.csp_a.pk,
            "jag": "",
            "location": "Thringstone (LE67)",
            "latitude": "52.75",
            "longitude": "-1.37",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/zones/thringstone/"
    zone = Zone.objects.get(slug="thringstone")
    assert (zone.status, zone.location) == ("proposed", "Thringstone (LE67)")
    response = client.post(
        "/zones/thringstone/status/", {"status": "active", **date("on", days(-1))}
    )
    assert response.status_code == 302
    zone.refresh_from_db()
    assert (zone.status, zone.opened_on) == ("active", days(-1))
    assert "Thringstone is now active." in text(client.get("/zones/thringstone/"))


def test_the_zone_form_asks_for_both_coordinates_or_neither(client_as, world):
    response = client_as("officer").post(
        "/zones/zone-a/edit/",
        {
            "name": "Zone A",
            "area_type": "city",
            "district": "Test",
            "csp": world.bodies.csp_a.pk,
            "latitude": "52.6",
        },
    )
    assert_error_shown(response, "Enter the longitude too, or neither")


def test_the_status_form_offers_only_the_allowed_moves_and_refuses_a_future_date(client_as, world):
    client = client_as("officer")
    page = text(client.get("/zones/zone-a/status/"))
    assert 'value="closed"' in page and 'value="proposed"' not in page
    response = client.post("/zones/zone-a/status/", {"status": "closed", **date("on", days(3))})
    assert_error_shown(response, "The date cannot be in the future.")
    assert Zone.objects.get(pk=world.zones.a.pk).status == "active"


# Workshops, key issues, consultations


def test_the_core_team_records_a_workshop_and_the_issues_it_found(client_as, world):
    client = client_as("officer")
    response = client.post(
        "/zones/zone-a/workshops/new/",
        {
            "title": "Launch workshop",
            **date("held_on", days(-7)),
            "attendees": "31",
            "organisations": [world.organisations.x.pk],
            "other_organisations": "Tenants' association",
            "notes": "Good turnout",
        },
    )
    workshop = Workshop.objects.get()
    assert response["Location"] == f"/zones/zone-a/workshops/{workshop.pk}/"
    assert list(workshop.organisations.all()) == [world.organisations.x]
    response = client.post(
        "/zones/zone-a/key-issues/new/",
        {
            "title": "Nowhere for young people",
            "theme": "safety",
            "status": "open",
            "source_workshop": workshop.pk,
        },
    )
    assert response["Location"] == "/zones/zone-a/key-issues/"
    assert KeyIssue.objects.get().source_workshop == workshop
    page = text(client.get(f"/zones/zone-a/workshops/{workshop.pk}/"))
    assert "Nowhere for young people" in page and "Test Fire and Rescue" in page


def test_a_workshop_needs_a_date_and_not_in_the_future(client_as, world):
    client = client_as("officer")
    response = client.post("/zones/zone-a/workshops/new/", {"attendees": "3"})
    assert_error_shown(response, "Enter the date")
    response = client.post(
        "/zones/zone-a/workshops/new/", {**date("held_on", days(2)), "attendees": "3"}
    )
    assert_error_shown(response, "A workshop&#x27;s date cannot be in the future.")
    assert not Workshop.objects.exists()


def test_a_key_issue_comes_from_a_workshop_or_a_consultation_not_both(client_as, world):
    workshop = WorkshopFactory(zone=world.zones.a)
    consultation = Consultation.objects.create(
        zone=world.zones.a, title="Survey", method="survey", starts_on=days(-9), ends_on=days(-8)
    )
    response = client_as("officer").post(
        "/zones/zone-a/key-issues/new/",
        {
            "title": "Litter",
            "theme": "resources",
            "status": "open",
            "source_workshop": workshop.pk,
            "source_consultation": consultation.pk,
        },
    )
    assert_error_shown(response, "Choose a workshop or a consultation as the source, not both")


def test_a_key_issue_cannot_claim_another_zones_workshop(client_as, world):
    other = WorkshopFactory(zone=world.zones.b)
    response = client_as("officer").post(
        "/zones/zone-a/key-issues/new/",
        {"title": "Litter", "theme": "resources", "status": "open", "source_workshop": other.pk},
    )
    assert response.status_code == 200 and not KeyIssue.objects.exists()


def test_a_consultation_links_key_issues_and_its_dates_must_be_in_order(client_as, world):
    issue = KeyIssueFactory(zone=world.zones.a, title="Dark footpaths")
    client = client_as("officer")
    fields = {"title": "Drop-in", "method": "drop_in", "respondents": "40", "findings": "Lights"}
    response = client.post(
        "/zones/zone-a/consultations/new/",
        {**fields, **date("starts_on", days(-3)), **date("ends_on", days(-5))},
    )
    assert_error_shown(response, "The end date must be on or after the start date")
    response = client.post(
        "/zones/zone-a/consultations/new/",
        {
            **fields,
            **date("starts_on", days(-5)),
            **date("ends_on", days(-3)),
            "key_issues": [issue.pk],
        },
    )
    consultation = Consultation.objects.get()
    assert list(consultation.key_issues.all()) == [issue]
    assert "Dark footpaths" in text(client.get(consultation.get_absolute_url()))


# Ambition statements


def test_the_ambition_statement_moves_through_its_versions_on_the_pages(client_as, world):
    officer, chair = client_as("officer"), None
    officer.post("/zones/zone-a/ambition/new/", {"text": "Proud and safe", "measures": "Survey"})
    officer.post("/zones/zone-a/ambition/1/consulted/", date("on", days(-3)))
    chair = client_as("panel_a")  # the panel's chair approves
    page = text(chair.get("/zones/zone-a/ambition/1/"))
    assert "Record the panel's approval" in page
    response = chair.post("/zones/zone-a/ambition/1/approve/", date("on", days(-1)))
    assert response["Location"] == "/zones/zone-a/ambition/1/"
    statement = AmbitionStatement.objects.get()
    assert (statement.status, statement.approved_by) == ("approved", world.people.panel_a)
    assert "Proud and safe" in text(chair.get("/zones/zone-a/"))


def test_an_illegal_move_on_the_pages_says_why_and_changes_nothing(client_as, world):
    AmbitionStatementFactory(
        zone=world.zones.a,
        version=1,
        status="approved",
        consulted_on=days(-5),
        approved_on=days(-4),
    )
    client = client_as("officer")
    response = client.post("/zones/zone-a/ambition/1/consulted/", date("on", days(-1)))
    # About the version, not the date: shown at the top of the page.
    assert_error_shown(
        response, "Version 1 is approved: it cannot be marked consulted on.", beside_field=False
    )
    response = client.post("/zones/zone-a/ambition/1/edit/", {"text": "Changed"})
    assert "only a draft can be changed" in text(response)
    response = client.post("/zones/zone-a/ambition/1/redraft/", follow=True)
    assert "it cannot be marked draft" in text(response)
    assert AmbitionStatement.objects.get().text != "Changed"


def test_superseded_versions_stay_viewable(client_as, world):
    AmbitionStatementFactory(
        zone=world.zones.a,
        version=1,
        text="Old words",
        status="superseded",
        consulted_on=days(-50),
        approved_on=days(-40),
    )
    AmbitionStatementFactory(
        zone=world.zones.a,
        version=2,
        text="New words",
        status="approved",
        consulted_on=days(-20),
        approved_on=days(-10),
    )
    client = client_as("panel_a")
    versions = text(client.get("/zones/zone-a/ambition/"))
    assert "Version 1" in versions and "Superseded" in versions
    old = text(client.get("/zones/zone-a/ambition/1/"))
    assert "Old words" in old and "This version was replaced" in old
    assert client.get("/zones/zone-a/ambition/3/").status_code == 404


def test_only_a_draft_offers_to_change_its_words(client_as, world):
    AmbitionStatementFactory(zone=world.zones.a, version=1, status="draft")
    page = text(client_as("officer").get("/zones/zone-a/ambition/1/"))
    assert "Change the draft" in page and "Record the panel" not in page
    assert "Change the draft" not in text(client_as("panel_a").get("/zones/zone-a/ambition/1/"))


# The delivery plan


def test_objectives_and_milestones_are_added_from_the_plan(client_as, world):
    client = client_as("officer")
    client.post(
        "/zones/zone-a/plan/objectives/new/", {"title": "Youth evenings", "theme": "safety"}
    )
    objective = Objective.objects.get()
    response = client.post(
        f"/zones/zone-a/plan/objectives/{objective.pk}/milestones/new/",
        {
            "title": "Hire the hall",
            **date("due_on", days(20)),
            "status": "on_track",
            "owner_organisation": world.organisations.x.pk,
        },
    )
    assert response["Location"] == objective.get_absolute_url()
    milestone = Milestone.objects.get()
    response = client.post(
        f"/zones/zone-a/plan/milestones/{milestone.pk}/edit/",
        {
            "title": "Hire the hall",
            **date("due_on", days(20)),
            "status": "done",
            "owner_organisation": world.organisations.x.pk,
        },
    )
    milestone.refresh_from_db()
    assert (milestone.status, milestone.completed_on) == ("done", days(0))
    plan = text(client.get("/zones/zone-a/plan/"))
    assert "Youth evenings" in plan and "1 of 1 milestone done" in plan


def test_a_milestone_without_an_owner_is_refused_beside_the_field(client_as, world):
    objective = ObjectiveFactory(zone=world.zones.a)
    response = client_as("officer").post(
        f"/zones/zone-a/plan/objectives/{objective.pk}/milestones/new/",
        {"title": "Hire the hall", **date("due_on", days(20)), "status": "on_track"},
    )
    assert_error_shown(response, "Choose who owns the milestone")
    assert "Constraint" not in text(response)


def test_milestones_of_another_zone_are_not_found(client_as, world):
    other = MilestoneFactory(objective=ObjectiveFactory(zone=world.zones.b))
    client = client_as("officer")
    assert client.get(f"/zones/zone-a/plan/milestones/{other.pk}/edit/").status_code == 404
    assert client.get(f"/zones/zone-a/plan/objectives/{other.objective.pk}/").status_code == 404


# Core team and ingredients


def test_the_core_team_is_managed_from_its_page(client_as, world):
    client = client_as("officer")
    response = client.post(
        "/zones/zone-a/core-team/new/",
        {"user": world.people.partner_x.pk, "role": "operational_lead"},
    )
    assert response["Location"] == "/zones/zone-a/core-team/"
    member = CoreTeamMember.objects.get()
    assert member.organisation == world.organisations.x
    response = client.post("/zones/zone-a/core-team/new/", {"role": "other"})
    assert_error_shown(response, "Choose a person with an account or give a name")
    assert "Remove Test" in text(client.get(f"/zones/zone-a/core-team/{member.pk}/remove/"))
    client.post(f"/zones/zone-a/core-team/{member.pk}/remove/")
    assert not CoreTeamMember.objects.exists()


def test_the_core_team_sets_an_ingredients_status_with_evidence(client, world):
    ingredient = IngredientFactory(name="Consistent named local officers")
    lead = CoreTeamMemberFactory(zone=world.zones.a, user=world.people.partner_y, name="")
    client.force_login(lead.user)
    response = client.post(
        f"/zones/zone-a/ingredients/{ingredient.pk}/", {"status": "integrated", "evidence": ""}
    )
    assert_error_shown(response, "Say what shows the ingredient is integrated")
    response = client.post(
        f"/zones/zone-a/ingredients/{ingredient.pk}/",
        {"status": "integrated", "evidence": "Named PCSO at every meeting"},
    )
    assert response["Location"] == "/zones/zone-a/#ingredients"
    entry = ZoneIngredient.objects.get()
    assert (entry.status, entry.evidence) == ("integrated", "Named PCSO at every meeting")
    page = text(client.get("/zones/zone-a/"))
    assert "Named PCSO at every meeting" in page and "1 integrated" in page


@pytest.mark.parametrize("status", ["integrated", "in_progress", "not_yet", "not_applicable"])
def test_each_ingredient_status_shows_on_the_checklist(client_as, world, status):
    ingredient = IngredientFactory(name="Quick visible wins")
    ZoneIngredient.objects.create(
        zone=world.zones.a, ingredient=ingredient, status=status, evidence="Shown"
    )
    page = text(client_as("panel_a").get("/zones/zone-a/"))
    label = ZoneIngredient.Status(status).label
    assert f">{label}</strong>" in page
    assert "Change<span" not in page.split("Braunstone Blues")[1]  # panel members only read


def test_a_retired_ingredient_shows_only_where_it_was_recorded(client_as, world):
    retired = IngredientFactory(name="Retired ingredient", is_active=False)
    ZoneIngredient.objects.create(zone=world.zones.a, ingredient=retired, status="in_progress")
    assert "Retired ingredient" in text(client_as("officer").get("/zones/zone-a/"))
    assert "Retired ingredient" not in text(client_as("officer").get("/zones/zone-b/"))


def test_pages_have_one_heading_and_breadcrumbs(client_as, world):
    objective = ObjectiveFactory(zone=world.zones.a)
    workshop = WorkshopFactory(zone=world.zones.a)
    client = client_as("officer")
    for path in [
        "/zones/",
        "/zones/zone-a/",
        "/zones/zone-a/plan/",
        "/zones/zone-a/plan/timeline/",
        f"/zones/zone-a/plan/objectives/{objective.pk}/",
        "/zones/zone-a/core-team/",
        "/zones/zone-a/workshops/",
        f"/zones/zone-a/workshops/{workshop.pk}/",
        "/zones/zone-a/key-issues/",
        "/zones/zone-a/consultations/",
        "/zones/zone-a/ambition/",
        "/zones/zone-a/workshops/new/",
    ]:
        page = text(client.get(path))
        assert page.count("<h1") == 1, path
        assert 'class="govuk-breadcrumbs"' in page, path
