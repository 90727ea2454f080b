"""Who may see and change what in People Zones, role by role."""

import pytest

from governance.selectors import roles_for
from peoplezones import permissions
from peoplezones.models import Zone
from tests.factories import OrganisationFactory, UserFactory, ZoneFactory
from tests.factories_zones import (
    CoreTeamMemberFactory,
    IngredientFactory,
    MilestoneFactory,
    ObjectiveFactory,
    days,
)


@pytest.fixture
def core_member(world):
    """A council officer on zone A's core team."""
    council = OrganisationFactory(name="Test Council", kind="local_authority")
    person = UserFactory(username="core-a", organisation=council)
    CoreTeamMemberFactory(zone=world.zones.a, user=person, organisation=council, name="")
    return person


def zone_names(client) -> list[str]:
    response = client.get("/zones/")
    return (
        [zone.name for zone, _ in response.context["zones"]] if response.status_code == 200 else []
    )


def test_the_new_parks_panel_member_cannot_see_another_zone(client_as, world):
    client = client_as("panel_a")
    assert client.get("/zones/zone-a/").status_code == 200
    for path in ["", "plan/", "plan/timeline/", "ambition/", "core-team/", "key-issues/"]:
        assert client.get(f"/zones/zone-b/{path}").status_code == 404, path
    assert zone_names(client) == ["Zone A"]


@pytest.mark.parametrize(
    ("role", "seen"),
    [
        ("officer", ["Closed zone", "Proposed zone", "Zone A", "Zone B"]),
        ("board", ["Closed zone", "Proposed zone", "Zone A", "Zone B"]),
        ("panel_a", ["Zone A"]),
        ("panel_b", ["Zone B"]),
        ("partner_x", ["Zone A", "Zone B"]),
    ],
)
def test_each_role_lists_the_zones_it_may_see(client_as, world, role, seen):
    ZoneFactory(name="Proposed zone", csp=world.bodies.csp_a, status=Zone.Status.PROPOSED)
    ZoneFactory(name="Closed zone", csp=world.bodies.csp_a, status=Zone.Status.CLOSED)
    assert zone_names(client_as(role)) == seen


def test_partners_read_active_zones_only(client_as, world):
    proposed = ZoneFactory(csp=world.bodies.csp_a, status=Zone.Status.PROPOSED)
    client = client_as("partner_x")
    assert client.get("/zones/zone-a/").status_code == 200
    assert client.get(f"/zones/{proposed.slug}/").status_code == 404
    assert client_as("board").get(f"/zones/{proposed.slug}/").status_code == 200


def test_people_without_a_zone_role_see_no_zones(client_as, world):
    client = client_as("body_member")
    assert client.get("/zones/").status_code == 403
    assert client.get("/zones/zone-a/").status_code == 404
    assert client_as("anonymous").get("/zones/zone-a/").status_code == 302


def test_the_core_team_sees_and_edits_its_own_zone_only(client, world, core_member):
    client.force_login(core_member)
    assert client.get("/zones/zone-a/workshops/new/").status_code == 200
    # As partner staff they read the other active zone, but may not change it.
    assert client.get("/zones/zone-b/").status_code == 200
    assert client.get("/zones/zone-b/workshops/new/").status_code == 403
    assert zone_names(client) == ["Zone A", "Zone B"]
    page = client.get("/zones/zone-a/").content.decode()
    assert "Manage the core team" in page


def test_a_core_team_member_of_a_proposed_zone_sees_it(client, world, core_member):
    Zone.objects.filter(pk=world.zones.a.pk).update(status=Zone.Status.PROPOSED)
    client.force_login(core_member)
    assert client.get("/zones/zone-a/").status_code == 200


def test_a_closed_zone_is_read_only_for_its_core_team_but_not_for_officers(
    client, client_as, world, core_member
):
    Zone.objects.filter(pk=world.zones.a.pk).update(status=Zone.Status.CLOSED)
    client.force_login(core_member)
    assert client.get("/zones/zone-a/").status_code == 200
    assert client.get("/zones/zone-a/workshops/new/").status_code == 403
    assert client_as("officer").get("/zones/zone-a/workshops/new/").status_code == 200


@pytest.mark.parametrize(
    ("role", "status"),
    [("officer", 200), ("board", 403), ("panel_a", 403), ("partner_x", 403), ("panel_b", 404)],
)
def test_only_officers_and_the_core_team_edit_a_zones_plans(client_as, world, role, status):
    objective = ObjectiveFactory(zone=world.zones.a)
    ingredient = IngredientFactory()
    client = client_as(role)
    for path in [
        "workshops/new/",
        "key-issues/new/",
        "consultations/new/",
        "ambition/new/",
        "plan/objectives/new/",
        f"plan/objectives/{objective.pk}/milestones/new/",
        "core-team/new/",
        f"ingredients/{ingredient.pk}/",
    ]:
        assert client.get(f"/zones/zone-a/{path}").status_code == status, path


def test_only_officers_manage_the_zones_themselves(client, client_as, world, core_member):
    assert client_as("officer").get("/zones/new/").status_code == 200
    client.force_login(core_member)
    for path in ["/zones/new/", "/zones/zone-a/edit/", "/zones/zone-a/status/"]:
        assert client.get(path).status_code == 403, path


def test_the_panel_chair_approves_but_a_panel_member_does_not(world):
    zone_a, zone_b = world.zones.a, world.zones.b
    assert permissions.can_approve_ambition(world.people.panel_a, zone_a)  # chair of A
    assert not permissions.can_approve_ambition(world.people.panel_a, zone_b)
    assert not permissions.can_approve_ambition(world.people.panel_b, zone_b)  # not chair
    assert permissions.can_approve_ambition(world.people.officer, zone_b)
    assert not permissions.can_approve_ambition(world.people.partner_x, zone_a)


def test_partners_see_no_volunteer_names(client_as, world):
    volunteer = world.people.panel_a
    objective = ObjectiveFactory(zone=world.zones.a)
    MilestoneFactory(objective=objective, owner_person=volunteer, owner_name="", due_on=days(-3))
    CoreTeamMemberFactory(zone=world.zones.a, organisation=None, name="Volunteer Vera")
    CoreTeamMemberFactory(zone=world.zones.a, name="Council Colin")
    name = str(volunteer)
    officer_view = client_as("officer").get("/zones/zone-a/").content.decode()
    assert name in officer_view and "Volunteer Vera" in officer_view
    for path in ["/zones/zone-a/", "/zones/zone-a/plan/", "/zones/zone-a/core-team/"]:
        page = client_as("partner_x").get(path).content.decode()
        assert name not in page and "Volunteer Vera" not in page, path
        assert "A community volunteer" in page, path
    assert (
        "Council Colin" in client_as("partner_x").get("/zones/zone-a/core-team/").content.decode()
    )


def test_core_team_zones_are_read_once_per_user(world, core_member, django_assert_num_queries):
    zone = world.zones.a
    roles_for(core_member)
    with django_assert_num_queries(1):
        assert permissions.is_core_team_member_of_zone(core_member, zone)
        assert not permissions.is_core_team_member_of_zone(core_member, world.zones.b)
        assert permissions.can_edit_zone_content(core_member, zone)
    assert not permissions.is_core_team_member_of_zone(world.people.partner_x, zone)


def test_a_volunteer_on_the_core_team_sees_only_their_zone(client, world):
    volunteer = UserFactory(username="community-lead")
    CoreTeamMemberFactory(
        zone=world.zones.a, user=volunteer, organisation=None, role="community_lead"
    )
    client.force_login(volunteer)
    assert zone_names(client) == ["Zone A"]
    assert client.get("/zones/zone-a/key-issues/new/").status_code == 200
    assert client.get("/zones/zone-b/").status_code == 404
