"""Sign-in throttling: repeated failures for one username from one address lock that pair
out, the lockout is logged without the password, and an officer sees and lifts it in the
administration."""

import logging

from axes.models import AccessAttempt
from django.conf import settings

from tests.factories import PASSWORD

ADDRESS = "10.0.0.77"
WRONG = "not-the-password-zq9"


def _sign_in(client, password):
    return client.post(
        "/accounts/login/", {"username": "board", "password": password}, REMOTE_ADDR=ADDRESS
    )


def _lock_out(client):
    """AXES_FAILURE_LIMIT failures: the form comes back until the last, which locks."""
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _sign_in(client, WRONG).status_code == 200
    assert _sign_in(client, WRONG).status_code == 429


def test_the_lockout_page_says_why_and_the_log_names_username_and_address(client, world, caplog):
    caplog.set_level(logging.WARNING)
    _lock_out(client)
    response = _sign_in(client, PASSWORD)  # the right password, too late
    body = response.content.decode()
    assert response.status_code == 429
    assert "registration/locked_out.html" in [t.name for t in response.templates]
    assert "You cannot sign in for now" in body
    assert "too many failed attempts" in body
    assert "_auth_user_id" not in client.session
    locks = [r for r in caplog.records if "Locking out" in r.getMessage()]
    assert locks and all(r.levelno == logging.WARNING for r in locks)
    assert "board" in locks[0].getMessage() and ADDRESS in locks[0].getMessage()
    everything = "\n".join(r.getMessage() for r in caplog.records)
    assert WRONG not in everything and PASSWORD not in everything
    stored = AccessAttempt.objects.get(username="board", ip_address=ADDRESS)
    assert WRONG not in stored.post_data and PASSWORD not in stored.post_data


def test_an_officer_sees_the_lockout_in_the_administration_and_lifts_it(client_as, world):
    from django.test import Client

    person = Client()
    _lock_out(person)
    attempt = AccessAttempt.objects.get(username="board", ip_address=ADDRESS)
    officer = client_as("officer")
    listing = officer.get("/admin/axes/accessattempt/").content.decode()
    assert "board" in listing and ADDRESS in listing
    response = officer.post(
        f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"}, follow=True
    )
    assert response.status_code == 200
    assert not AccessAttempt.objects.filter(username="board").exists()
    assert _sign_in(person, PASSWORD).status_code == 302  # signed in again
