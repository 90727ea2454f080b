"""Core team coverage (seed para 8): local authority, police, fire and health in every zone,
and the Local Area Co-ordinator in county zones; gaps flagged on the zone page and on the
officers' dashboard."""

import pytest
from django.test import RequestFactory

from config.domain import DomainError
from governance.models import Organisation
from governance.selectors import roles_for
from peoplezones.models import CoreTeamMember, Zone
from peoplezones.selectors.plans import core_team_list
from peoplezones.selectors.zones import (
    annotated_coverage,
    coverage_of,
    zone_list,
    zones_with_coverage_gaps,
)
from peoplezones.services.plans import core_team_member_remove, core_team_member_save
from peoplezones.views.zone_sections import officer_panel
from tests.factories import OrganisationFactory, UserFactory, ZoneFactory
from tests.factories_zones import CoreTeamMemberFactory, full_team

LAC = CoreTeamMember.Role.LOCAL_AREA_COORDINATOR


def coverage(zone):
    return coverage_of(zone, core_team_list(zone))


def test_a_city_zone_with_the_four_agencies_has_no_gap(world):
    full_team(world.zones.a, lac=False)
    assert coverage(world.zones.a).gaps == []
    assert [label for label, _ in coverage(world.zones.a).rows] == [
        "Local authority",
        "Police",
        "Fire and rescue",
        "Health",
    ]


@pytest.mark.parametrize("missing", ["local_authority", "police", "fire", "health"])
def test_each_missing_agency_is_a_gap(world, missing):
    for member in full_team(world.zones.a, lac=False):
        if member.organisation.kind == missing:
            member.delete()
    label = Organisation.Kind(missing).label
    assert coverage(world.zones.a).gaps == [label]


def test_a_county_zone_also_needs_its_local_area_coordinator(world):
    county = ZoneFactory(csp=world.bodies.csp_a, area_type=Zone.AreaType.COUNTY)
    full_team(county, lac=False)
    assert coverage(county).gaps == ["Local Area Co-ordinator"]
    CoreTeamMemberFactory(zone=county, role=LAC, organisation=None, name="Demo LAC")
    assert coverage(county).gaps == []
    # A city zone never asks for one.
    full_team(world.zones.a, lac=False)
    assert "Local Area Co-ordinator" not in [label for label, _ in coverage(world.zones.a).rows]


def test_an_agency_counts_through_the_organisation_a_member_represents(world):
    """Someone with an account represents their employer unless another is given."""
    member = core_team_member_save(
        actor=world.people.officer,
        zone=world.zones.a,
        role="operational_lead",
        user=world.people.partner_x,
    )
    assert member.organisation == world.organisations.x
    fire = dict(coverage(world.zones.a).agencies)["Fire and rescue"]
    assert fire is True


def test_the_list_annotations_agree_with_the_zone_page(world):
    full_team(world.zones.a, lac=False)
    CoreTeamMemberFactory(
        zone=world.zones.b, organisation=OrganisationFactory(name="Police B", kind="police")
    )
    zones = {z.slug: z for z in zone_list(with_coverage=True)}
    for zone in (world.zones.a, world.zones.b):
        assert annotated_coverage(zones[zone.slug]) == coverage(zone)


def test_zones_with_gaps_leave_out_closed_zones(world):
    full_team(world.zones.a, lac=False)
    ZoneFactory(csp=world.bodies.csp_a, status=Zone.Status.CLOSED, name="Closed zone")
    assert [(z.name, gaps) for z, gaps in zones_with_coverage_gaps()] == [
        ("Zone B", ["Local authority", "Police", "Fire and rescue", "Health"])
    ]


def test_the_zone_page_flags_a_gap(client_as, world):
    full_team(world.zones.a, lac=False)
    page = client_as("officer").get("/zones/zone-b/").content.decode()
    assert "Coverage gap: the core team needs Local authority and Police" in page
    assert "Coverage gap" not in client_as("officer").get("/zones/zone-a/").content.decode()


def panel_for(user):
    request = RequestFactory().get("/")
    request.user = user
    return officer_panel(request, roles_for(user))


def test_the_dashboard_panel_lists_zones_with_gaps_for_officers_only(client_as, world):
    full_team(world.zones.a, lac=False)
    panel = panel_for(world.people.officer)
    assert [zone.name for zone, _ in panel["gaps"]] == ["Zone B"]
    assert panel_for(world.people.board) is None
    page = client_as("officer").get("/").content.decode()
    assert "People Zones needing attention" in page and "Zone B" in page
    assert "People Zones needing attention" not in client_as("board").get("/").content.decode()


def test_the_dashboard_panel_reads_in_one_query_however_many_zones(
    world, django_assert_num_queries
):
    officer = world.people.officer
    roles_for(officer)
    with django_assert_num_queries(1):
        panel_for(officer)
    for n in range(4):
        zone = ZoneFactory(csp=world.bodies.csp_b, area_type="county")
        full_team(zone, lac=n % 2 == 0)
    with django_assert_num_queries(1):
        panel = panel_for(officer)
    # Zones A and B have no team; two of the four county zones lack their co-ordinator.
    assert len(panel["gaps"]) == 4


def test_a_member_needs_an_account_or_a_name_and_sits_once(world):
    with pytest.raises(DomainError, match="account or give a name"):
        core_team_member_save(
            actor=world.people.officer, zone=world.zones.a, role="other", name=" "
        )
    person = UserFactory()
    core_team_member_save(actor=world.people.officer, zone=world.zones.a, role="other", user=person)
    with pytest.raises(DomainError, match="already on the core team"):
        core_team_member_save(
            actor=world.people.officer, zone=world.zones.a, role="other", user=person
        )


def test_removing_a_member_keeps_their_time_in_the_history(world):
    member = CoreTeamMemberFactory(zone=world.zones.a, name="Demo Lead")
    pk = member.pk
    core_team_member_remove(actor=world.people.officer, member=member)
    assert not world.zones.a.core_team.exists()
    record = CoreTeamMember.history.filter(id=pk).latest()
    assert (record.history_type, record.history_user) == ("-", world.people.officer)
