import logging
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from tests.factories import PASSWORD


def sign_in(client, username, password=PASSWORD, **extra):
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR="10.0.0.5",
        **extra,
    )


def test_signing_in_lands_on_the_dashboard(client, world):
    response = sign_in(client, "officer")
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    page = client.get(reverse("dashboard"))
    assert "Your dashboard" in page.content.decode()


def test_wrong_password_is_refused_with_a_message_and_the_username_kept(client, world):
    response = sign_in(client, "officer", "not-the-password")
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert "Enter a correct username and password" in body
    assert 'value="officer"' in body
    assert "_auth_user_id" not in client.session


def test_empty_form_names_each_missing_field(client, world):
    body = client.post(reverse("login"), {}).content.decode()
    assert "Enter your username" in body
    assert "Enter your password" in body
    assert "<title>Error: Sign in" in body


def test_repeated_failures_lock_the_account_and_are_logged(client, world, caplog):
    caplog.set_level(logging.WARNING, logger="axes")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "officer", "wrong")
    response = sign_in(client, "officer")  # even the right password is refused now
    assert response.status_code == 429
    assert "You cannot sign in for now" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert any("Locking out" in record.getMessage() for record in caplog.records)


def test_lockout_is_per_account_and_address(client, world):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "officer", "wrong")
    response = sign_in(client, "board")
    assert response.status_code == 302


def test_signing_out_needs_a_post_and_confirms(client, world):
    client.force_login(world.people.officer)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"), follow=True)
    assert "You have signed out." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_pages_for_signed_in_people_send_visitors_to_sign_in(client, world):
    response = client.get(reverse("password_change"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_password_change_rejects_a_weak_password_next_to_the_field(client, world):
    client.force_login(world.people.officer)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "12345", "new_password2": "12345"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "This password is too short" in body
    assert 'href="#id_new_password2"' in body  # the error summary links to the field


def test_password_change_works_and_keeps_the_person_signed_in(client, world):
    client.force_login(world.people.officer)
    new = "a-much-longer-passphrase"
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response["Location"] == reverse("password_change_done")
    assert client.get(reverse("dashboard")).status_code == 200
    world.people.officer.refresh_from_db()
    assert world.people.officer.check_password(new)


def test_sessions_end_after_inactivity(client, world):
    sign_in(client, "officer")
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() + timedelta(seconds=5)
    )
    client.get(reverse("dashboard"))
    # Each request pushes the expiry on by the idle limit, 30 minutes by default...
    expires = Session.objects.get(session_key=key).expire_date
    assert abs((expires - timezone.now()).total_seconds() - 30 * 60) < 60
    # ...and once that passes without a request, the person has to sign in again.
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    response = client.get(reverse("password_change"))
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", ["board", "panel_a", "partner_x"])
def test_only_officers_reach_the_admin(client_as, role):
    client = client_as(role)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert "Only OPCC officers" in response.content.decode()


def test_officer_reaches_the_admin_without_a_staff_flag(client_as, world):
    assert not world.people.officer.is_staff
    response = client_as("officer").get("/admin/governance/body/")
    assert response.status_code == 200
    assert "JAG A" in response.content.decode()


def test_password_change_names_a_wrong_current_password_and_a_mismatch(client, world):
    client.force_login(world.people.officer)
    body = client.post(
        reverse("password_change"),
        {"old_password": "wrong", "new_password1": "one-long-pass", "new_password2": "another-one"},
    ).content.decode()
    assert "Your current password is not right" in body
    assert "The new passwords do not match" in body


def test_forms_do_not_steal_focus_from_the_skip_link(client, world):
    assert "autofocus" not in client.get(reverse("login")).content.decode()
    client.force_login(world.people.officer)
    assert "autofocus" not in client.get(reverse("password_change")).content.decode()
