"""The toolkit method an activity used: chosen when logging it (page and API), published
methods only, shown on the activity, and counted on the method's toolkit page by zone and
month (learning from use)."""

import datetime
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from config.domain import DomainError
from peoplezones.demo_activities import METHODS_USED
from peoplezones.models import Activity
from peoplezones.services.activities import ActivityDetails, activity_log
from tests.factories_activities import ActivityFactory, activity_post
from tests.factories_toolkit import draft_method, published_method, toolkit_officer
from tests.peoplezones.test_activities_pages import FORM_QUERIES, LIST_QUERIES
from toolkit.models import Method
from toolkit.selectors import method_usage
from toolkit.services import method_revision_start, method_unpublish

REFUSED = "Choose a method that is published in the toolkit."
JSON = "application/json"  # the API, signed in by session as the pages are


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def audit(db):
    return published_method(title="Street-light audit")


def body(response) -> str:
    return response.content.decode()


def api_activity(**overrides) -> dict:
    return {
        "zone": "zone-a",
        "title": "Walk after dark",
        "occurred_on": str(timezone.localdate()),
        "description": "Eight residents walked the estate and noted broken lights.",
        "domains": ["safety"],
        **overrides,
    }


def unpublished(title: str) -> Method:
    method = published_method(title=title)
    return method_unpublish(actor=toolkit_officer(), method=method, note="Out of date.")


# The log form


def test_the_form_offers_published_methods_only_with_a_link_to_the_toolkit(client_as, world, audit):
    draft_method(title="Half-written method")
    unpublished("Withdrawn method")
    page = body(client_as("panel_a").get("/zones/zone-a/activities/new/"))
    assert "Toolkit method used (optional)" in page
    assert f'<option value="{audit.pk}">Street-light audit</option>' in page
    assert "Half-written method" not in page and "Withdrawn method" not in page
    assert '<option value="" selected>No toolkit method</option>' in page
    assert 'href="/toolkit/" target="_blank" rel="noopener noreferrer"' in page


def test_panel_member_logs_an_activity_with_the_method_it_used(client_as, world, audit):
    client = client_as("panel_a")
    response = client.post("/zones/zone-a/activities/new/", activity_post(method=audit.pk))
    activity = Activity.objects.get()
    assert response.status_code == 302 and response["Location"] == activity.get_absolute_url()
    assert activity.method == audit
    assert activity.history.latest().method_id == audit.pk


def test_a_method_is_optional(client_as, world, audit):
    client_as("panel_a").post("/zones/zone-a/activities/new/", activity_post(method=""))
    assert Activity.objects.get().method is None


@pytest.mark.parametrize("state", ["draft", "unpublished", "revision"])
def test_a_method_not_published_is_refused_beside_the_field(client_as, world, audit, state):
    method = {
        "draft": lambda: draft_method(title="Half-written"),
        "unpublished": lambda: unpublished("Withdrawn"),
        "revision": lambda: method_revision_start(actor=toolkit_officer(), method=audit),
    }[state]()
    response = client_as("panel_a").post(
        "/zones/zone-a/activities/new/", activity_post(method=method.pk)
    )
    page = body(response)
    assert response.status_code == 200 and "There is a problem" in page
    assert page.count(REFUSED) == 2  # in the summary and beside the field
    assert 'href="#id_method"' in page  # the summary leads to the field
    assert not Activity.objects.exists()


def test_the_service_refuses_a_method_that_is_not_published(world):
    details = ActivityDetails(
        title="Walk",
        occurred_on=timezone.localdate(),
        description="We walked.",
        domains=["safety"],
        method=unpublished("Withdrawn"),
    )
    with pytest.raises(DomainError) as refused:
        activity_log(actor=world.people.panel_a, zone=world.zones.a, details=details)
    assert (refused.value.message, refused.value.field) == (REFUSED, "method")
    assert not Activity.objects.exists()


def test_log_form_reads_the_methods_once_however_many_there_are(
    client_as, world, django_assert_num_queries
):
    client = client_as("panel_a")
    published_method()
    with django_assert_num_queries(FORM_QUERIES):
        assert client.get("/zones/zone-a/activities/new/").status_code == 200
    for _ in range(5):
        published_method()
    draft_method()
    with django_assert_num_queries(FORM_QUERIES):
        page = body(client.get("/zones/zone-a/activities/new/"))
    select = re.search(r'<select name="method".*?</select>', page, re.S).group()
    assert select.count("<option value=") == 7  # six methods and "No toolkit method"


# Showing it


def test_the_activity_page_links_the_method_to_its_toolkit_page(client_as, world, audit):
    activity = ActivityFactory(zone=world.zones.a, method=audit)
    page = body(client_as("board").get(activity.get_absolute_url()))
    assert "Toolkit method used" in page
    link = f'<a class="govuk-link" href="/toolkit/methods/{audit.slug}/">Street-light audit</a>'
    assert link in page
    none = ActivityFactory(zone=world.zones.a)
    assert "None chosen" in body(client_as("board").get(none.get_absolute_url()))


def test_a_withdrawn_method_is_named_but_not_linked(client_as, world):
    method = unpublished("Withdrawn method")
    activity = ActivityFactory(zone=world.zones.a, method=method)
    page = body(client_as("officer").get(activity.get_absolute_url()))
    assert "Withdrawn method (no longer in the toolkit)" in page
    assert f"/toolkit/methods/{method.slug}/" not in page


def test_the_list_names_the_method_without_reading_more(
    client_as, world, audit, django_assert_num_queries
):
    client = client_as("panel_a")
    ActivityFactory(zone=world.zones.a, method=audit)
    with django_assert_num_queries(LIST_QUERIES):
        page = body(client.get("/zones/zone-a/activities/"))
    assert "Toolkit method: Street-light audit" in page
    for n in range(4):
        ActivityFactory(zone=world.zones.a, method=published_method(title=f"Method {n}"))
    with django_assert_num_queries(LIST_QUERIES):
        page = body(client.get("/zones/zone-a/activities/"))
    assert page.count("Toolkit method: ") == 5


def test_lists_leave_the_methods_long_texts_in_the_database(client_as, world, audit):
    ActivityFactory(zone=world.zones.a, method=audit)
    with CaptureQueriesContext(connection) as queries:
        client_as("panel_a").get("/zones/zone-a/activities/")
    listing = next(q["sql"] for q in queries if "toolkit_method" in q["sql"])
    assert '"toolkit_method"."title"' in listing
    assert '"toolkit_method"."evidence_effect"' not in listing


# Changing it


def test_its_author_changes_the_method_or_removes_it(client_as, world, audit):
    client = client_as("panel_a")
    client.post("/zones/zone-a/activities/new/", activity_post(method=audit.pk))
    activity = Activity.objects.get()
    other = published_method(title="Community walkabout")
    page = body(client.get(f"/activities/{activity.pk}/edit/"))
    assert f'<option value="{audit.pk}" selected>Street-light audit</option>' in page
    client.post(f"/activities/{activity.pk}/edit/", activity_post(method=other.pk))
    assert Activity.objects.get().method == other
    client.post(f"/activities/{activity.pk}/edit/", activity_post(method=""))
    assert Activity.objects.get().method is None


def test_a_method_withdrawn_since_stays_when_its_author_corrects_something_else(
    client_as, world, audit
):
    client = client_as("panel_a")
    client.post("/zones/zone-a/activities/new/", activity_post(method=audit.pk))
    activity = Activity.objects.get()
    method_unpublish(actor=toolkit_officer(), method=audit, note="Being rewritten.")
    page = body(client.get(f"/activities/{activity.pk}/edit/"))
    assert f'<option value="{audit.pk}" selected>Street-light audit</option>' in page
    response = client.post(
        f"/activities/{activity.pk}/edit/", activity_post(title="Corrected", method=audit.pk)
    )
    assert response.status_code == 302
    assert (Activity.objects.get().title, Activity.objects.get().method) == ("Corrected", audit)
    patch = client_as("panel_a").patch(
        f"/api/v1/activities/{activity.pk}/", {"title": "Again"}, content_type=JSON
    )
    assert patch.status_code == 200, patch.json()
    assert patch.json()["method"] == audit.slug
    # Another activity cannot choose it any more.
    response = client.post("/zones/zone-a/activities/new/", activity_post(method=audit.pk))
    assert REFUSED in body(response) and Activity.objects.count() == 1


# The API


def test_api_logs_an_activity_with_the_method_by_slug(client_as, world, audit):
    response = client_as("panel_a").post(
        "/api/v1/activities/", api_activity(method=audit.slug), content_type=JSON
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    assert (data["method"], data["method_title"]) == (audit.slug, "Street-light audit")
    assert Activity.objects.get().method == audit
    listed = client_as("officer").get("/api/v1/activities/").json()["results"]
    assert listed[0]["method"] == audit.slug


def test_api_logs_an_activity_without_a_method(client_as, world):
    response = client_as("panel_a").post("/api/v1/activities/", api_activity(), content_type=JSON)
    assert response.status_code == 201 and response.json()["method"] is None


@pytest.mark.parametrize("state", ["draft", "unpublished", "unknown"])
def test_api_refuses_a_method_not_published_naming_the_field(client_as, world, state):
    slug = {
        "draft": lambda: draft_method(title="Half-written").slug,
        "unpublished": lambda: unpublished("Withdrawn").slug,
        "unknown": lambda: "no-such-method",
    }[state]()
    response = client_as("panel_a").post(
        "/api/v1/activities/", api_activity(method=slug), content_type=JSON
    )
    assert response.status_code == 400
    assert response.json() == {"method": [REFUSED]}
    assert not Activity.objects.exists()


def test_api_list_reads_no_more_with_methods(client_as, world, django_assert_num_queries):
    client = client_as("officer")
    ActivityFactory(zone=world.zones.a, method=published_method())
    client.get("/api/v1/activities/")  # the first request reads what later ones keep
    with CaptureQueriesContext(connection) as first:
        client.get("/api/v1/activities/")
    for _ in range(4):
        ActivityFactory(zone=world.zones.b, method=published_method())
    with django_assert_num_queries(len(first)):
        assert len(client.get("/api/v1/activities/").json()["results"]) == 5


# Learning from use


def test_the_toolkit_page_counts_activities_logged_with_it_by_zone_and_month(
    client_as, client, world, audit
):
    today = timezone.localdate()
    month = today.replace(day=1)
    last_month = (month - datetime.timedelta(days=1)).replace(day=1)
    panel = client_as("panel_a")
    panel.post("/zones/zone-a/activities/new/", activity_post(method=audit.pk, day=today))
    panel.post("/zones/zone-a/activities/new/", activity_post(method=audit.pk, day=last_month))
    panel.post("/zones/zone-a/activities/new/", activity_post(day=today))  # no method
    client_as("panel_b").post(
        "/api/v1/activities/",
        api_activity(zone="zone-b", method=audit.slug, occurred_on=str(today)),
        content_type=JSON,
    )
    usage = method_usage(audit)
    assert [(zone.name, zone.months) for zone in usage.zones] == [
        ("Zone A", [(last_month, 1), (month, 1)]),
        ("Zone B", [(month, 1)]),
    ]
    client.logout()
    page = body(client.get(audit.get_absolute_url()))
    assert "3 activities</strong> that used this method, in 2 zones" in page
    assert "Litter pick on Aikman Avenue" not in page  # counts only, never what or who


# Demo data


def test_demo_activities_use_published_methods_and_loading_again_changes_nothing(db):
    call_command("seed_demo", stdout=StringIO())
    used = Activity.objects.filter(method__isnull=False)
    assert used.count() == len(METHODS_USED)
    assert used.count() * 4 >= Activity.objects.count()  # a good share: a quarter or more
    assert not used.exclude(method__status="published").exists()
    assert used.values("method").distinct().count() >= 8
    assert used.values("zone").distinct().count() == 3
    # A database loaded before activities recorded their method gets them on the next load.
    first = dict(used.values_list("title", "method__slug"))
    Activity.objects.filter(title="Alleyway gating survey").update(method=None)
    before = Activity.objects.count()
    call_command("seed_demo", stdout=StringIO())
    assert Activity.objects.count() == before
    assert dict(used.values_list("title", "method__slug")) == first == METHODS_USED
