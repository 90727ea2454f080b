"""UK GDPR requests about one person: an officer finds them, downloads everything the
service holds about them, and erases them, leaving the records the partnership must keep."""

import json
import logging

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.db import models
from django.db.models import Q
from django.test import Client
from rest_framework.authtoken.models import Token

from evaluation.selectors.activity import activity_summary
from governance.models import Notification
from privacy.models import PrivacyRequest
from tests.factories import MembershipFactory, PanelMembershipFactory, UserFactory
from tests.factories_activities import ActivityFactory, InitiativeFactory
from tests.factories_issues import IssueFactory
from tests.factories_meetings import DecisionFactory, HeldMeetingFactory

NAME = ("Janet", "Quillfeather")
FULL_NAME = "Janet Quillfeather"
EMAIL = "janet.quillfeather@example.net"
USERNAME = "jquillfeather"


def _footprint(person, world, tag: str) -> dict:
    """Seats, an activity, an issue, an initiative, a notification, a token and sign-in
    records for `person`, each marked with `tag`."""
    zone = world.zones.a
    MembershipFactory(body=world.bodies.jag_b, user=person)
    PanelMembershipFactory(zone=zone, user=person)
    activity = ActivityFactory(zone=zone, logged_by=person, title=f"Litter pick {tag}")
    issue = IssueFactory(raised_by=person, raised_at=world.bodies.jag_a, title=f"Issue {tag}")
    initiative = InitiativeFactory(
        submitted_by=person,
        title=f"Initiative {tag}",
        contact_name=f"{person.first_name} {person.last_name}",
        contact_email=person.email,
        contact_phone="0116 496 0000",
    )
    Notification.objects.create(
        recipient=person, kind="meeting_reminder", subject=f"Reminder {tag}", message="Soon."
    )
    Token.objects.create(user=person)
    probe = {"username": person.username, "ip_address": "10.0.0.9", "user_agent": "probe"}
    AccessAttempt.objects.create(failures_since_start=2, **probe)
    AccessFailureLog.objects.create(**probe)
    AccessLog.objects.create(**probe)
    return {"activity": activity, "issue": issue, "initiative": initiative}


@pytest.fixture
def person(world):
    person = UserFactory(
        username=USERNAME,
        first_name=NAME[0],
        last_name=NAME[1],
        email=EMAIL,
        job_title="Lead",
        organisation=world.organisations.x,
    )
    person.footprint = _footprint(person, world, "of Janet")
    return person


@pytest.fixture
def other(world):
    other = UserFactory(
        username="okestrel",
        first_name="Owen",
        last_name="Kestrelby",
        email="owen@example.net",
        organisation=world.organisations.y,
    )
    _footprint(other, world, "of Owen")
    return other


def test_an_officer_finds_a_person_by_part_of_their_name(
    client_as, person, other, django_assert_num_queries
):
    client = client_as("officer")
    # Seven for any signed-in page (see tests/test_page_queries.py), two for the search:
    # how many match, and a page of them with their organisations.
    with django_assert_num_queries(9):
        response = client.get("/people/", {"q": "quillf"})
    body = response.content.decode()
    assert f'href="/people/{person.pk}/"' in body
    assert "Kestrelby" not in body
    assert "1 person matches" in body


def test_the_person_page_says_what_is_held(client_as, person, django_assert_num_queries):
    client = client_as("officer")
    # The person with every count in one query, and the requests handled.
    with django_assert_num_queries(9):
        response = client.get(f"/people/{person.pk}/")
    body = response.content.decode()
    assert '<h1 class="govuk-heading-l">Janet Quillfeather</h1>' in body
    assert 'Activities logged</dt><dd class="govuk-summary-list__value">1<' in body
    assert "Download their data" in body


def test_the_export_holds_the_persons_data_and_none_of_anothers(client_as, person, other):
    client = client_as("officer")
    response = client.post(f"/people/{person.pk}/export/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="personal-data-')
    data = json.loads(response.content)
    text = response.content.decode()
    assert data["account"]["email"] == EMAIL
    assert "password" not in data["account"]
    for label in (
        "governance.Membership",
        "peoplezones.PanelMembership",
        "peoplezones.Activity",
        "governance.Issue",
        "peoplezones.Initiative",
        "governance.Notification",
        "governance.HistoricalIssue",
    ):
        assert data["records"].get(label), f"the export has no {label}"
    for tag in ("Litter pick", "Issue", "Initiative", "Reminder"):
        assert f"{tag} of Janet" in text
    assert data["account_history"]
    assert data["login_attempts"]["attempts"][0]["username"] == USERNAME
    assert data["login_attempts"]["failures"] and data["login_attempts"]["sign_ins"]
    assert data["records"]["authtoken.Token"] == [
        {"created": Token.objects.get(user=person).created.isoformat()}
    ]
    # Nothing of the other person, and no secrets.
    for foreign in ("Owen", "Kestrelby", "owen@example.net", "okestrel", "of Owen"):
        assert foreign not in text
    assert Token.objects.get(user=person).key not in text
    assert person.password not in text
    request = PrivacyRequest.objects.get()
    assert (request.kind, request.subject, request.actor.username) == ("export", person, "officer")


def test_only_officers_may_export_or_erase(client_as, person):
    client = client_as("board")
    assert client.post(f"/people/{person.pk}/export/").status_code == 403
    response = client.post(f"/people/{person.pk}/erase/", {"reason": "x", "confirm": "on"})
    assert response.status_code == 403
    person.refresh_from_db()
    assert person.email == EMAIL and person.is_active
    assert not PrivacyRequest.objects.exists()


def test_erasure_needs_a_reason_and_a_confirmation(client_as, person, django_assert_num_queries):
    client = client_as("officer")
    with django_assert_num_queries(8):
        page = client.get(f"/people/{person.pk}/erase/")
    assert "Erasure cannot be undone" in page.content.decode()
    response = client.post(f"/people/{person.pk}/erase/", {"reason": ""})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Say why the person is erased" in body
    assert "Confirm that you understand erasure cannot be undone" in body
    person.refresh_from_db()
    assert person.email == EMAIL and person.is_active
    assert not PrivacyRequest.objects.exists()


def test_an_officer_cannot_erase_themselves(client_as, world):
    officer = world.people.officer
    response = client_as("officer").post(
        f"/people/{officer.pk}/erase/", {"reason": "Test", "confirm": "on"}
    )
    assert "You cannot erase your own account" in response.content.decode()
    officer.refresh_from_db()
    assert officer.is_active


def _text_columns():
    for model in apps.get_models():
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField)
        ]
        if fields and not model._meta.proxy:
            yield model, fields


def _traces(*values) -> list[str]:
    """Every table and column (history tables included) that still holds one of `values`."""
    found = []
    for model, fields in _text_columns():
        for field in fields:
            match = Q()
            for value in values:
                match |= Q(**{f"{field}__icontains": value})
            if model._base_manager.filter(match).exists():
                found.append(f"{model._meta.db_table}.{field}")
    return found


def test_erasure_leaves_no_trace_of_the_person_while_their_records_still_count(
    client_as, world, person, other, caplog
):
    zone_summary = activity_summary(zones=[world.zones.a]).totals
    meeting = HeldMeetingFactory(body=world.bodies.jag_a)
    decision = DecisionFactory(meeting=meeting, text=f"{FULL_NAME} to report back in March.")
    their_session = Client()
    their_session.force_login(person)
    assert _traces(FULL_NAME, EMAIL, USERNAME)  # the check can find them

    caplog.set_level(logging.WARNING, logger="privacy")
    client = client_as("officer")
    response = client.post(
        f"/people/{person.pk}/erase/",
        {"reason": f"Erasure request ER-7 from {FULL_NAME}", "confirm": "on"},
        follow=True,
    )
    assert "The person has been erased." in response.content.decode()

    assert _traces(FULL_NAME, EMAIL, USERNAME) == []
    person.refresh_from_db()
    assert str(person) == "Erased person"
    assert not person.is_active and not person.has_usable_password()
    assert not Token.objects.filter(user=person).exists()
    assert not Notification.objects.filter(recipient=person).exists()
    assert not person.memberships.exists() and not person.panel_memberships.exists()
    assert not AccessAttempt.objects.filter(username__in=[USERNAME, person.username]).exists()
    # Their session has ended.
    assert their_session.get("/notifications/").status_code == 302
    # The records the partnership keeps are still there, and still count.
    activity = person.footprint["activity"]
    activity.refresh_from_db()
    assert str(activity.logged_by) == "Erased person"
    assert activity_summary(zones=[world.zones.a]).totals == zone_summary
    decision.refresh_from_db()
    assert decision.text == "Erased person to report back in March."
    initiative = person.footprint["initiative"]
    initiative.refresh_from_db()
    assert (initiative.title, initiative.contact_phone) == ("Initiative of Janet", "")
    # The other person is untouched.
    other.refresh_from_db()
    assert (other.email, other.is_active) == ("owen@example.net", True)
    assert Token.objects.filter(user=other).exists()
    # Who erased whom and when is recorded, without the erased details.
    record = PrivacyRequest.objects.get(kind="erasure")
    assert (record.subject, record.actor) == (person, world.people.officer)
    assert record.reason == "Erasure request ER-7 from Erased person"
    logged = [r.getMessage() for r in caplog.records if r.name == "privacy.services"]
    assert logged == [f"Person #{person.pk} erased by officer (request #{record.pk})"]
    # The person's page now says so, and erasing again is not offered.
    page = client.get(f"/people/{person.pk}/").content.decode()
    assert "This person has been erased" in page
    assert f"/people/{person.pk}/erase/" not in page
