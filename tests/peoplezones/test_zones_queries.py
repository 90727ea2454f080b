"""Query counts of the zones pages, pinned, and proven not to grow with what a zone holds."""

import pytest

from peoplezones.models import Zone
from tests.factories import OrganisationFactory, UserFactory, ZoneFactory
from tests.factories_zones import (
    AmbitionStatementFactory,
    ConsultationFactory,
    CoreTeamMemberFactory,
    IngredientFactory,
    KeyIssueFactory,
    MilestoneFactory,
    ObjectiveFactory,
    WorkshopFactory,
    ZoneIngredientFactory,
    days,
    full_team,
)


def fill(zone, n: int) -> None:
    """Give the zone n of everything a zone page shows, and its owners, names and links."""
    organisation = OrganisationFactory(name=f"Owner org {zone.slug}")
    owner = UserFactory(organisation=organisation)
    full_team(zone)
    for i in range(n):
        workshop = WorkshopFactory(zone=zone)
        workshop.organisations.add(organisation)
        consultation = ConsultationFactory(zone=zone)
        issue = KeyIssueFactory(zone=zone, source_workshop=workshop)
        consultation.key_issues.add(issue)
        objective = ObjectiveFactory(zone=zone)
        objective.key_issues.add(issue)
        MilestoneFactory(objective=objective, owner_person=owner, owner_organisation=organisation)
        MilestoneFactory(objective=objective, due_on=days(-3 - i))  # late
        MilestoneFactory(objective=objective, status="done", completed_on=days(-1))
        CoreTeamMemberFactory(zone=zone, user=UserFactory(), name="")
        ZoneIngredientFactory(zone=zone, ingredient=IngredientFactory())
        IngredientFactory()
    versions = zone.ambition_statements
    versions.filter(status="approved").update(status="superseded", superseded_on=days(-8))
    for i in range(n):
        AmbitionStatementFactory(
            zone=zone,
            version=versions.count() + 1,
            status="approved" if i == n - 1 else "superseded",
            consulted_on=days(-9),
            approved_on=days(-8),
        )


# (path, role): queries. Every signed-in page costs 7 (session, user, the person's
# memberships and panel seats for the navigation, and the session's idle timer: savepoint,
# update, release); partner staff and panel members add one read of their core team places.
# The zone page then reads the zone (1), the ambition statement (1), the plan's progress and
# its late milestones (2), the core team (1), the open key issues (1), the ingredients
# checklist (2), and the activities and initiatives sections (2).
PINNED = {
    ("/zones/", "officer"): 9,  # + count, page of zones with coverage
    ("/zones/", "partner_x"): 10,
    ("/zones/", "panel_a"): 10,
    ("/zones/zone-a/", "officer"): 17,
    ("/zones/zone-a/", "board"): 17,
    ("/zones/zone-a/", "panel_a"): 18,
    ("/zones/zone-a/", "partner_x"): 17,
    ("/zones/zone-a/plan/", "officer"): 13,
    ("/zones/zone-a/plan/timeline/", "board"): 10,
    ("/zones/zone-a/core-team/", "officer"): 9,
    ("/zones/zone-a/workshops/", "officer"): 10,
    ("/zones/zone-a/key-issues/", "officer"): 9,
    ("/zones/zone-a/consultations/", "officer"): 10,
    ("/zones/zone-a/ambition/", "officer"): 9,
    ("/zones/zone-a/ambition/1/", "partner_x"): 10,
}


@pytest.mark.parametrize(("path", "role"), PINNED)
def test_query_count_is_pinned_and_does_not_grow(
    path, role, client_as, world, django_assert_num_queries
):
    fill(world.zones.a, 1)
    client = client_as(role)
    with django_assert_num_queries(PINNED[path, role]):
        assert client.get(path).status_code == 200
    fill(world.zones.a, 5)
    for _ in range(3):
        ZoneFactory(csp=world.bodies.csp_b, status=Zone.Status.ACTIVE)
    client = client_as(role)
    with django_assert_num_queries(PINNED[path, role]):
        assert client.get(path).status_code == 200
