import pytest
from rest_framework.test import APIClient

from tests.factories import PASSWORD


@pytest.fixture
def api():
    return APIClient()


def test_token_for_username_and_password(api, world):
    response = api.post(
        "/api/v1/auth/token/", {"username": "partner-x", "password": PASSWORD}, format="json"
    )
    assert response.status_code == 200
    token = response.json()["token"]
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    me = api.get("/api/v1/me/").json()
    assert me["username"] == "partner-x"
    assert me["organisation"]["name"] == "Test Fire and Rescue"
    assert me["roles"] == ["Partner agency staff"]


def test_token_refused_for_a_wrong_password_naming_the_problem(api, world):
    response = api.post(
        "/api/v1/auth/token/", {"username": "partner-x", "password": "nope"}, format="json"
    )
    assert response.status_code == 400
    assert "non_field_errors" in response.json()
    assert "token" not in response.json()


def test_token_request_without_a_password_names_the_field(api, world):
    response = api.post("/api/v1/auth/token/", {"username": "partner-x"}, format="json")
    assert response.status_code == 400
    assert "password" in response.json()


def test_api_needs_credentials(api, world):
    response = api.get("/api/v1/me/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert api.get("/api/v1/me/").status_code == 401


def test_me_lists_body_memberships_and_panels(api, world):
    api.force_authenticate(world.people.body_member)
    me = api.get("/api/v1/me/").json()
    assert me["memberships"] == [
        {"body_id": world.bodies.jag_a.pk, "body": "JAG A", "level": "JAG", "role": "chair"}
    ]
    api.force_authenticate(world.people.panel_a)
    assert api.get("/api/v1/me/").json()["panel_zone_ids"] == [world.zones.a.pk]


def test_organisations_are_read_only(api, world):
    api.force_authenticate(world.people.officer)
    names = [o["name"] for o in api.get("/api/v1/organisations/").json()["results"]]
    assert names == ["Test Fire and Rescue", "Test OPCC", "Test Police"]
    response = api.post("/api/v1/organisations/", {"name": "New", "kind": "other"}, format="json")
    assert response.status_code == 405


def test_schema_describes_the_api_in_openapi_3(client, db):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/auth/token/", "/api/v1/me/", "/api/v1/organisations/"} <= set(schema["paths"])
    assert "tokenAuth" in schema["components"]["securitySchemes"]


def test_interactive_docs_load_their_assets_from_the_service(client, db):
    body = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in body
    assert "cdn" not in body.lower()
