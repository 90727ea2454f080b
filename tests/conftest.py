"""Fixtures shared by the whole suite: a small partnership with one person per role."""

from types import SimpleNamespace

import pytest

from governance.models import Body, Organisation
from tests.factories import (
    BodyFactory,
    MembershipFactory,
    OrganisationFactory,
    PanelMembershipFactory,
    UserFactory,
    ZoneFactory,
)
from tests.workers import make_worker  # noqa: F401 - a fixture for every test

ROLES = [
    "anonymous",
    "officer",
    "board",
    "body_member",
    "panel_a",
    "panel_b",
    "partner_x",
    "partner_y",
]


@pytest.fixture
def world(db):
    """One person for each role, and the bodies and zones they belong to.

    SPB ← SOG ← CSP A ← JAG A, and SOG ← CSP B ← JAG B; zone A sits under CSP A and JAG A,
    zone B under CSP B and JAG B.
    """
    opcc = OrganisationFactory(name="Test OPCC", kind=Organisation.Kind.OPCC)
    org_x = OrganisationFactory(name="Test Fire and Rescue", kind=Organisation.Kind.FIRE)
    org_y = OrganisationFactory(name="Test Police", kind=Organisation.Kind.POLICE)
    spb = BodyFactory(name="Test SPB", slug="test-spb", level=Body.Level.SPB)
    sog = BodyFactory(name="Test SOG", slug="test-sog", level=Body.Level.SOG, parent=spb)
    csp_a = BodyFactory(name="CSP A", slug="csp-a", level=Body.Level.CSP, parent=sog)
    csp_b = BodyFactory(name="CSP B", slug="csp-b", level=Body.Level.CSP, parent=sog)
    jag_a = BodyFactory(name="JAG A", slug="jag-a", level=Body.Level.JAG, parent=csp_a)
    jag_b = BodyFactory(name="JAG B", slug="jag-b", level=Body.Level.JAG, parent=csp_b)
    zone_a = ZoneFactory(name="Zone A", slug="zone-a", csp=csp_a, jag=jag_a)
    zone_b = ZoneFactory(name="Zone B", slug="zone-b", csp=csp_b, jag=jag_b)

    people = {
        "officer": UserFactory(username="officer", organisation=opcc),
        "board": UserFactory(username="board"),
        "body_member": UserFactory(username="body-member"),
        "panel_a": UserFactory(username="panel-a"),
        "panel_b": UserFactory(username="panel-b"),
        "partner_x": UserFactory(username="partner-x", organisation=org_x),
        "partner_y": UserFactory(username="partner-y", organisation=org_y),
    }
    MembershipFactory(body=spb, user=people["board"], organisation=org_y)
    MembershipFactory(body=jag_a, user=people["body_member"], role="chair", organisation=org_y)
    PanelMembershipFactory(zone=zone_a, user=people["panel_a"], is_chair=True)
    PanelMembershipFactory(zone=zone_b, user=people["panel_b"])

    return SimpleNamespace(
        organisations=SimpleNamespace(opcc=opcc, x=org_x, y=org_y),
        bodies=SimpleNamespace(
            spb=spb, sog=sog, csp_a=csp_a, csp_b=csp_b, jag_a=jag_a, jag_b=jag_b
        ),
        zones=SimpleNamespace(a=zone_a, b=zone_b),
        people=SimpleNamespace(**people),
    )


@pytest.fixture
def client_as(client, world):
    """A test client signed in as the person holding `role` ("anonymous": signed out)."""

    def sign_in(role: str):
        client.logout()
        if role != "anonymous":
            client.force_login(getattr(world.people, role))
        return client

    return sign_in
