from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from governance.models import Body, Membership, Organisation, User
from governance.selectors import roles_for
from peoplezones.models import PanelMembership, Zone

DEMO_ACCOUNTS = {
    # username: the role labels that person sees on their dashboard
    "officer": ["OPCC officer"],
    "board": ["Board member", "Body member"],
    "sog": ["Body member"],
    "leicester-csp": ["Body member"],
    "newparks-jag": ["Body member"],
    "newparks-panel": ["Community panel member"],
    "coalville-panel": ["Community panel member"],
    "fire-partner": ["Partner agency staff"],
}


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=StringIO())


def counts():
    models = (Organisation, User, Body, Membership, Zone, PanelMembership)
    return {model.__name__: model.objects.count() for model in models}


def test_seed_demo_can_run_again_without_duplicating_anything(demo):
    before = counts()
    call_command("seed_demo", stdout=StringIO())
    assert counts() == before


def test_every_demo_account_signs_in_with_the_demo_password(demo, client):
    for username in DEMO_ACCOUNTS:
        credentials = {"username": username, "password": settings.DEMO_PASSWORD}
        response = client.post("/accounts/login/", credentials)
        assert response.status_code == 302, username
        assert client.get("/").context["roles"].labels == DEMO_ACCOUNTS[username]
        client.post("/accounts/logout/")


@pytest.mark.parametrize("username,labels", DEMO_ACCOUNTS.items())
def test_each_demo_account_holds_its_role(demo, username, labels):
    assert roles_for(User.objects.get(username=username)).labels == labels


def test_the_llr_partnership_is_shaped_as_in_the_domain_notes(demo):
    assert Body.objects.filter(level=Body.Level.CSP).count() == 8
    assert Body.objects.filter(level=Body.Level.JAG).count() >= 5
    assert Body.objects.get(level=Body.Level.SPB).parent is None
    assert Body.objects.get(name="New Parks JAG").parent.name == "Safer Leicester Partnership"
    assert Body.objects.get(name="Bell Foundry JAG").parent.name == "Charnwood CSP"
    assert Body.objects.get(name="Coalville JAG").parent.name == "North West Leicestershire CSP"
    # The county board sits between the district CSPs and the SOG.
    charnwood = Body.objects.get(name="Charnwood CSP")
    assert charnwood.parent.level == Body.Level.COUNTY
    assert charnwood.parent.parent.level == Body.Level.SOG
    assert set(Zone.objects.values_list("name", flat=True)) == {
        "New Parks",
        "Bell Foundry Estate",
        "Coalville",
    }
    for body in Body.objects.exclude(parent=None):
        assert body.parent.level > body.level


def test_the_demo_chair_chairs_new_parks_jag(demo):
    seat = Membership.objects.get(user__username="newparks-jag")
    assert (seat.body.name, seat.role) == ("New Parks JAG", Membership.Role.CHAIR)
    panel = PanelMembership.objects.get(user__username="coalville-panel")
    assert panel.zone.name == "Coalville"
