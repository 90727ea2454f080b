import re

import pytest
from django.test import Client

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
