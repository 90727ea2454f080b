"""Hostile input that gave server errors on People Zones pages and API (found by
tests/fuzz/): each is now refused with a clear answer and nothing saved."""

from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from peoplezones.models import Activity, Initiative
from tests.factories_activities import activity_post
from tests.fuzz.checks import misplaced_errors
from tests.pages import populate


def test_an_organisation_key_too_large_for_the_database_is_refused_beside_the_field(
    client_as, world
):
    # On SQLite the ORM raised OverflowError for a key beyond 64 bits: a server error.
    response = client_as("panel_a").post(
        "/zones/zone-a/activities/new/",
        activity_post(organisations=["999999999999999999999"]),
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose only from the options listed" in html
    assert misplaced_errors(html) == []
    assert not Activity.objects.exists()


def test_an_initiative_address_that_is_not_a_number_is_not_found(world):
    populate(world)
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=world.people.officer)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    before = list(Initiative.objects.values_list("pk", "status"))

    for path in ("/api/v1/initiatives/x/", "/api/v1/initiatives/x°/accept/"):
        response = client.post(path, {}) if "accept" in path else client.get(path)
        assert response.status_code == 404, path

    assert list(Initiative.objects.values_list("pk", "status")) == before
