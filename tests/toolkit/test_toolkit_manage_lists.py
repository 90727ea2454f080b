"""Officers' lists of the toolkit a page at a time: every method, filtered by title and
status, and the feedback moderation queue; each reads a fixed number of queries however
many methods and pieces of feedback there are."""

import datetime

import pytest
from django.utils import timezone

from tests.factories_toolkit import feedback_on
from toolkit.models import Method, MethodFeedback
from toolkit.views.manage import PER_PAGE

pytestmark = pytest.mark.django_db

# Seven for any signed-in page (see tests/test_page_queries.py); the methods counted, a page
# of them with their revisions and feedback waiting, methods in review, feedback waiting.
LIST = 7 + 4
# Seven; how much feedback is in each status, a page of it with methods, zones and people.
QUEUE = 7 + 2
COPIED = ["summary", "when_to_use", "people_needed", "time_needed", "budget", "tips", "risks"]
COPIED += ["evidence_effect", "evidence_mechanism", "evidence_moderators"]
COPIED += ["evidence_implementation", "evidence_economic_cost", "evidence_strength"]
COPIED += ["effort", "cost"]


def many_methods(library, count: int, *, title: str = "Bulk method", status: str = "draft"):
    """`count` more methods, each with feedback waiting."""
    model = library.audit
    methods = Method.objects.bulk_create(
        Method(
            **{name: getattr(model, name) for name in COPIED},
            title=f"{title} {number:03}",
            slug=f"{title.lower().replace(' ', '-')}-{number}",
            status=status,
            created_by=library.officer,
        )
        for number in range(count)
    )
    MethodFeedback.objects.bulk_create(
        MethodFeedback(method=method, rating=3, how_it_went=f"Waiting {method.title}")
        for method in Method.objects.filter(title__startswith=title)
    )
    return methods


def test_the_manage_list_is_paginated_with_the_count(client_as, library):
    many_methods(library, PER_PAGE)  # 6 of the library's, 25 more: two pages
    client = client_as("officer")
    first = client.get("/toolkit/manage/").content.decode()
    assert "31 methods" in first
    assert first.count('class="govuk-table__row"') == 1 + PER_PAGE
    assert "Page 1 of 2" in first and 'href="?page=2"' in first
    assert "Bulk method 000" in first and "Walkabout revised lighting" not in first
    second = client.get("/toolkit/manage/", {"page": 2}).content.decode()
    assert second.count('class="govuk-table__row"') == 1 + 6
    assert "Street-light audit" in second and "Bulk method 000" not in second
    # A page past the end shows the last one, not an error.
    assert client.get("/toolkit/manage/", {"page": 99}).status_code == 200


def test_the_manage_list_filters_by_title_and_status(client_as, library):
    client = client_as("officer")
    lighting = client.get("/toolkit/manage/", {"q": "light"}).content.decode()
    for title in ["Street-light audit", "Secret lighting draft", "Lighting in review"]:
        assert title in lighting
    assert "Community walkabout" not in lighting and "4 methods found" in lighting
    drafts = client.get("/toolkit/manage/", {"status": "draft", "page": 1}).content.decode()
    # A published method shows under the status of its revision in progress.
    assert "Secret lighting draft" in drafts and "Community walkabout" in drafts
    assert "Street-light audit" not in drafts and "2 methods found" in drafts
    both = client.get("/toolkit/manage/", {"q": "lighting  review", "status": "in_review"})
    assert "1 method found" in both.content.decode()
    none = client.get("/toolkit/manage/", {"q": "no such words"}).content.decode()
    assert "No methods found" in none and "Clear filters" in none


def test_the_manage_list_ignores_a_status_it_does_not_know(client_as, library):
    body = client_as("officer").get("/toolkit/manage/", {"status": "retired"}).content.decode()
    assert "6 methods" in body


def test_the_manage_list_keeps_the_filters_when_paging(client_as, library):
    many_methods(library, PER_PAGE + 1, title="Paged lighting")
    body = client_as("officer").get("/toolkit/manage/", {"q": "paged"}).content.decode()
    assert "26 methods found" in body
    assert 'href="?q=paged&amp;page=2"' in body


@pytest.mark.parametrize("path", ["/toolkit/manage/", "/toolkit/manage/?q=method&status=draft"])
def test_the_manage_list_query_count_is_pinned_and_does_not_grow(
    path, client_as, library, django_assert_num_queries
):
    client = client_as("officer")
    many_methods(library, 1)
    with django_assert_num_queries(LIST):
        assert client.get(path).status_code == 200
    many_methods(library, 3 * PER_PAGE, title="More method")
    with django_assert_num_queries(LIST):
        assert client.get(path).status_code == 200
    with django_assert_num_queries(LIST):
        assert client.get(path + ("&" if "?" in path else "?") + "page=2").status_code == 200


def _waiting(library, count: int) -> list[MethodFeedback]:
    """`count` pieces of feedback on the audit, submitted a day apart, oldest first."""
    start = timezone.now() - datetime.timedelta(days=count)
    return MethodFeedback.objects.bulk_create(
        MethodFeedback(
            method=library.audit,
            rating=4,
            how_it_went=f"Waiting number {number:03}.",
            submitted_at=start + datetime.timedelta(days=number),
        )
        for number in range(count)
    )


def test_the_feedback_queue_pages_oldest_first_and_shows_the_total(client_as, library):
    _waiting(library, 130)  # more than the 100 the queue used to stop at
    feedback_on(library.audit, decision="approve")
    client = client_as("officer")
    first = client.get("/toolkit/manage/feedback/").content.decode()
    assert "130 waiting for moderation" in first
    assert "Waiting (130)" in first and "Approved (1)" in first
    assert "Waiting number 000." in first and f"Waiting number {PER_PAGE - 1:03}." in first
    assert f"Waiting number {PER_PAGE:03}." not in first
    assert "Page 1 of 6" in first and 'href="?status=pending&amp;page=2"' in first
    last = client.get("/toolkit/manage/feedback/", {"status": "pending", "page": 6})
    assert "Waiting number 129." in last.content.decode()
    approved = client.get("/toolkit/manage/feedback/", {"status": "approved"}).content.decode()
    assert "1 approved, newest first" in approved and "Waiting number" not in approved


def test_moderating_returns_to_the_same_page_of_the_queue(client_as, library):
    waiting = _waiting(library, PER_PAGE + 5)
    client = client_as("officer")
    item = waiting[PER_PAGE + 1]
    page = client.get("/toolkit/manage/feedback/", {"page": 2}).content.decode()
    assert '<input type="hidden" name="page" value="2">' in page
    response = client.post(
        f"/toolkit/manage/feedback/{item.pk}/",
        {"decision": "reject", "status": "pending", "page": "2"},
    )
    assert response["Location"] == "/toolkit/manage/feedback/?status=pending&page=2"
    item.refresh_from_db()
    assert item.status == "rejected"
    # A status or page that is not one goes back to the start of the queue.
    response = client.post(
        f"/toolkit/manage/feedback/{waiting[0].pk}/",
        {"decision": "approve", "status": "x\r\nSet-Cookie: a=b", "page": "2x"},
    )
    assert response["Location"] == "/toolkit/manage/feedback/"


@pytest.mark.parametrize("status", ["pending", "approved"])
def test_the_feedback_queue_query_count_is_pinned_and_does_not_grow(
    status, client_as, library, django_assert_num_queries
):
    client = client_as("officer")
    feedback_on(library.audit, decision="approve", zone=None)
    _waiting(library, 1)
    with django_assert_num_queries(QUEUE):
        assert client.get("/toolkit/manage/feedback/", {"status": status}).status_code == 200
    _waiting(library, 3 * PER_PAGE)
    for _ in range(PER_PAGE + 1):
        feedback_on(library.walkabout, decision="approve", actor=library.officer)
    for page in (1, 2):
        with django_assert_num_queries(QUEUE):
            response = client.get("/toolkit/manage/feedback/", {"status": status, "page": page})
        assert response.status_code == 200
