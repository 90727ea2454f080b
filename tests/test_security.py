import re

import pytest
from django.test import Client

from tests import test_permission_matrix
from tests.conftest import ROLES

# One row of every model the admin shows, so each admin URL can be filled (a fixture).
admin_objects = test_permission_matrix.admin_objects

PAGES = ["/", "/accounts/login/", "/accessibility/", "/cookies/"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_send_the_security_headers(client, db, path):
    response = client.get(path, secure=True)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_each_inline_script_carries_the_nonce_of_its_response(client, db):
    response = client.get("/accounts/login/")
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    scripts = re.findall(r"<script\b([^>]*)>", response.content.decode())
    assert scripts
    assert all(f'nonce="{nonce}"' in attrs or "src=" in attrs for attrs in scripts)
    assert (
        client.get("/accounts/login/")["Content-Security-Policy"]
        != response["Content-Security-Policy"]
    )


def test_forms_refuse_a_post_without_the_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"username": "officer", "password": "x"})
    assert response.status_code == 403


def test_cookies_are_http_only_and_sessions_are_secure_in_production():
    from config import settings as production

    assert production.SESSION_COOKIE_HTTPONLY
    assert production.SESSION_COOKIE_SECURE is (not production.DEBUG)
    assert production.CSRF_COOKIE_SECURE is (not production.DEBUG)


# Every page, every role ------------------------------------------------------------------

POST_FORM = re.compile(r"<form\b[^>]*method=\"post\"[^>]*>(.*?)</form>", re.S | re.I)


def _header_problems(response) -> list[str]:
    csp = response.get("Content-Security-Policy", "")
    problems = []
    if "frame-ancestors 'none'" not in csp:
        problems.append("no CSP with frame-ancestors 'none'")
    if not response.get("Strict-Transport-Security", "").startswith("max-age=31536000"):
        problems.append("no HSTS")
    if response.get("X-Content-Type-Options") != "nosniff":
        problems.append("no nosniff")
    if response.get("Referrer-Policy") != "same-origin":
        problems.append("no Referrer-Policy")
    return problems


@pytest.fixture
def populated(world):
    from tests.pages import populate

    return populate(world)


@pytest.mark.parametrize("role", ROLES)
def test_every_page_sends_the_security_headers_and_tokens_its_forms(role, populated, client_as):
    """Every page the role may open (API included) sends the headers, and every form on it
    that posts carries the CSRF token."""
    from tests.pages import pages_for

    client = client_as(role)
    problems = []
    pages = pages_for(role, populated, api=True)
    assert pages
    for _route, path in pages:
        response = client.get(path, secure=True)
        problems += [f"{path}: {p}" for p in _header_problems(response)]
        if "html" in response.get("Content-Type", "") and not response.streaming:
            for form in POST_FORM.findall(response.content.decode()):
                if 'name="csrfmiddlewaretoken"' not in form:
                    problems.append(f"{path}: a form posts without the CSRF token")
    assert not problems, f"{role}:\n" + "\n".join(problems)


def test_error_pages_and_static_files_send_the_security_headers(client_as, world):
    client = client_as("panel_a")
    missing = client.get("/no-such-page/", secure=True)
    denied = client.get("/meetings/", secure=True)
    static = client.get("/static/img/favicon.svg", secure=True)
    assert (missing.status_code, denied.status_code, static.status_code) == (404, 403, 200)
    for response in (missing, denied, static):
        assert _header_problems(response) == []
    assert "default-src 'none'" in static["Content-Security-Policy"]


# CSRF on every route ----------------------------------------------------------------------


def _every_route_and_path(world) -> tuple[list[tuple[str, str]], list[str]]:
    """(route, path) of every URL pattern, the admin's included; and the routes that have
    no row to fill them from (which fail the test that asks)."""
    from tests.pages import fill, url_patterns
    from tests.permission_matrix import EXPECTATIONS
    from tests.test_permission_matrix import admin_expectation, admin_model_for, table_key

    found, unlisted = [], []
    for route, name in url_patterns():
        model = admin_model_for(route)
        if model is not None:
            filled, values, _expected = admin_expectation(route, name, model)
        elif table_key(route) in EXPECTATIONS:
            make_values, _expected = EXPECTATIONS[table_key(route)]
            filled, values = route, make_values(world)
        else:
            unlisted.append(route)
            continue
        found.append((route, fill(filled, values)))
    return found, unlisted


def _row_counts() -> dict[str, int]:
    from django.apps import apps

    return {m._meta.label: m._base_manager.count() for m in apps.get_models()}


# Routes that refuse (403) without saying why in the body.
QUIET_REFUSALS = {
    # DRF renders its CSRF refusal into the Swagger page's own template, which has no place
    # for the reason.
    "api/docs/": "Swagger UI template",
}


def test_every_route_refuses_a_signed_in_post_without_the_csrf_token(admin_objects):
    """Forms, POST-only actions and the API under a session: a post without the token is
    refused (403, saying CSRF) whatever the route, and nothing is written."""
    world = admin_objects
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.people.officer)
    routes, unlisted = _every_route_and_path(world)
    assert not unlisted, f"routes the CSRF check cannot reach: {unlisted}"
    before = _row_counts()
    accepted = []
    for route, path in routes:
        response = client.post(path, {"title": "Forged", "reason": "Forged", "confirm": "on"})
        said = b"CSRF" in response.content or route in QUIET_REFUSALS
        if response.status_code != 403 or not said:
            accepted.append(f"{route} ({path}): {response.status_code}")
    assert not accepted, "posted without a CSRF token:\n" + "\n".join(accepted)
    assert _row_counts() == before


def test_the_api_takes_token_authentication_without_a_csrf_token(world):
    from rest_framework.authtoken.models import Token

    from tests.factories import PASSWORD

    client = Client(enforce_csrf_checks=True)
    response = client.post("/api/v1/auth/token/", {"username": "officer", "password": PASSWORD})
    assert response.status_code == 200
    key = response.json()["token"]
    assert Token.objects.get(user=world.people.officer).key == key
    # Past CSRF and authentication, to the view: /me/ only reads, so a POST is 405.
    reached = client.post("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {key}")
    assert reached.status_code == 405
