"""The public toolkit: anyone browses, searches and filters the published methods and reads
one; nothing unpublished ever shows."""

import re

import pytest
from django.test import Client

from tests.factories_toolkit import feedback_on, published_method

pytestmark = pytest.mark.django_db

HIDDEN_TITLES = [
    "Secret lighting draft",
    "Lighting in review",
    "Withdrawn lighting guide",
    "Walkabout revised lighting",
]


def titles(response) -> list[str]:
    return re.findall(r'app-method-list__title"><a [^>]*>([^<]+)</a>', response.content.decode())


def test_anyone_browses_every_published_method_by_title(client: Client, library):
    response = client.get("/toolkit/")
    assert response.status_code == 200
    assert titles(response) == [
        "Community walkabout",
        "Participatory budgeting",
        "Street-light audit",
    ]
    assert "3 methods" in response.content.decode()


def test_searching_lighting_finds_the_street_light_audit_first(client, library):
    response = client.get("/toolkit/", {"q": "lighting"})
    found = titles(response)
    assert found[0] == "Street-light audit"
    assert not set(found) & set(HIDDEN_TITLES)


def test_search_ranks_title_matches_above_matches_in_the_text(client, library):
    response = client.get("/toolkit/", {"q": "walkabout"})
    assert titles(response) == ["Community walkabout", "Street-light audit"]


def test_search_with_no_match_says_so(client, library):
    response = client.get("/toolkit/", {"q": "submarine"})
    assert titles(response) == []
    assert "No methods match" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"domain": "skills"}, ["Participatory budgeting"]),
        (
            {"domain": ["skills", "safety"]},
            ["Community walkabout", "Participatory budgeting", "Street-light audit"],
        ),
        ({"principle": "community_enabled"}, ["Community walkabout", "Street-light audit"]),
        ({"problem": "priorities"}, ["Participatory budgeting"]),
        ({"group": "medium"}, ["Community walkabout"]),
        ({"stage": "assessment"}, ["Street-light audit"]),
        ({"effort": "light"}, ["Street-light audit"]),
        ({"effort": ["light", "moderate"]}, ["Community walkabout", "Street-light audit"]),
        ({"cost": "high"}, ["Participatory budgeting"]),
        ({"domain": "resources", "cost": "low"}, ["Community walkabout"]),
        ({"domain": "skills", "effort": "light"}, []),
        ({"q": "residents", "domain": "skills"}, ["Participatory budgeting"]),
        (
            {"domain": "no-such-domain"},
            ["Community walkabout", "Participatory budgeting", "Street-light audit"],
        ),
    ],
)
def test_each_filter_narrows_the_list(client, library, query, expected):
    response = client.get("/toolkit/", query)
    assert response.status_code == 200
    assert sorted(titles(response)) == expected


def test_a_ticked_filter_stays_ticked_and_can_be_removed(client, library):
    body = client.get("/toolkit/", {"domain": ["skills", "safety"]}).content.decode()
    assert re.search(r'name="domain" type="checkbox" value="skills" checked', body)
    assert 'href="?domain=safety">Remove' in body


def test_the_filters_work_without_javascript(client, library):
    body = client.get("/toolkit/").content.decode()
    form = re.search(r'<form method="get" action="/toolkit/"[^>]*>(.*?)</form>', body, re.S)
    assert form, "the filters are a plain GET form"
    assert form.group(1).count('type="checkbox"') >= 20
    assert 'type="submit"' in form.group(1)
    assert "csrfmiddlewaretoken" not in body


@pytest.mark.parametrize("suffix", ["", "print/"])
def test_hidden_methods_are_missing_everywhere(client, library, suffix):
    hidden = library.hidden
    for method in (hidden.draft, hidden.in_review, hidden.unpublished):
        assert client.get(f"/toolkit/methods/{method.slug}/{suffix}").status_code == 404
        assert client.get(f"/toolkit/methods/{method.slug}.pdf").status_code == 404
        assert client.get(f"/toolkit/methods/{method.slug}/feedback/").status_code == 404
    # A revision shares its method's address: that address shows the published text.
    body = client.get(f"/toolkit/methods/{hidden.revision.slug}/{suffix}").content.decode()
    assert "Community walkabout" in body and "Walkabout revised lighting" not in body


def test_hidden_methods_are_not_in_the_list_or_search(client, library):
    for query in ({}, {"q": "lighting"}, {"q": "draft"}, {"q": "revised"}, {"q": "withdrawn"}):
        body = client.get("/toolkit/", query).content.decode()
        for title in HIDDEN_TITLES:
            assert title not in body


def test_related_methods_show_only_published_ones(client, library):
    method = published_method(
        library.officer,
        related=[library.audit, library.hidden.draft, library.hidden.unpublished],
    )
    body = client.get(method.get_absolute_url()).content.decode()
    related = body.split('id="related-heading"')[1]
    assert "Street-light audit" in related
    assert "Secret lighting draft" not in related and "Withdrawn" not in related


def test_method_page_shows_everything_a_volunteer_needs(client, library):
    response = client.get("/toolkit/methods/street-light-audit/")
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count("<h1") == 1
    assert '<main class="govuk-main-wrapper" id="main-content" role="main">' in body
    assert (
        '<meta name="description" content="Residents and partners check the street lights' in body
    )
    for heading in [
        "When to use it",
        "Step by step",
        "What you need",
        "Tips",
        "Risks and how to avoid them",
        "Evidence",
        "Where it has been used",
        "What people who used it say",
        "Related methods",
    ]:
        assert f">{heading}</h2>" in body
    for emmie in ["Effect", "Mechanism", "Moderators", "Implementation", "Economic cost"]:
        assert f'<dt class="govuk-summary-list__key">{emmie}</dt>' in body
    assert "How we rate the strength of evidence" in body
    assert body.count('class="app-steps__step"') == 9
    assert 'href="/toolkit/methods/street-light-audit/print/"' in body
    assert 'href="/toolkit/methods/street-light-audit.pdf"' in body


def test_feedback_shows_only_once_approved(client, library):
    method = library.audit
    feedback_on(method, how_it_went="Pending words stay hidden.")
    feedback_on(method, how_it_went="Rejected words stay hidden.", decision="reject")
    feedback_on(method, how_it_went="Approved words are public.", decision="approve", rating=5)
    body = client.get(method.get_absolute_url()).content.decode()
    assert "Approved words are public." in body
    assert "Pending words" not in body and "Rejected words" not in body
    assert "1 person told us how it went" in body and "5.0 out of 5" in body


def test_print_view_is_one_printable_page(client, library):
    response = client.get("/toolkit/methods/street-light-audit/print/")
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count("<h1") == 1
    assert 'class="app-print-doc"' in body
    assert "app-print-button" in body and "window.print()" in body
    assert "http://127.0.0.1:8000/toolkit/methods/street-light-audit/" in body


def test_pdf_is_drawn_once_and_then_served_from_the_cache(client, library, monkeypatch):
    from toolkit.views import public

    calls = []
    original = public.render_pdf
    monkeypatch.setattr(public, "render_pdf", lambda *a, **k: calls.append(1) or original(*a, **k))
    first = client.get("/toolkit/methods/street-light-audit.pdf")
    second = client.get("/toolkit/methods/street-light-audit.pdf")
    assert first.status_code == second.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    assert first.content.startswith(b"%PDF") and second.content == first.content
    assert 'filename="street-light-audit.pdf"' in first["Content-Disposition"]
    assert len(calls) == 1
    assert "public" in first["Cache-Control"]
    again = client.get("/toolkit/methods/street-light-audit.pdf", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and len(calls) == 1


def test_anonymous_pages_are_cacheable_and_answer_304_when_unchanged(client, library):
    for path in [
        "/toolkit/",
        "/toolkit/methods/street-light-audit/",
        "/toolkit/methods/street-light-audit/print/",
    ]:
        response = client.get(path)
        assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
        assert "Cookie" in response["Vary"]
        assert not response.cookies
        again = client.get(path, HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304
        # A 304 keeps the page's own policy: a new nonce would break its scripts.
        assert "Content-Security-Policy" not in again


def test_a_changed_page_gets_a_new_etag(client, library):
    first = client.get(library.audit.get_absolute_url())
    feedback_on(library.audit, how_it_went="New approved feedback.", decision="approve")
    second = client.get(library.audit.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200 and second["ETag"] != first["ETag"]


def test_signed_in_pages_are_never_kept_in_a_shared_cache(client_as, library):
    client = client_as("officer")
    for path in ["/toolkit/", "/toolkit/methods/street-light-audit/"]:
        response = client.get(path)
        assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
        assert "ETag" not in response
    body = client.get("/toolkit/methods/street-light-audit/").content.decode()
    assert "Manage this method" in body


def test_anyone_may_send_feedback_which_waits_for_moderation(client, library):
    from toolkit.models import MethodFeedback

    form = client.get("/toolkit/methods/street-light-audit/feedback/")
    assert "no-cache" in form["Cache-Control"] or "no-store" in form["Cache-Control"]
    response = client.post(
        "/toolkit/methods/street-light-audit/feedback/",
        {"rating": "4", "how_it_went": "We fixed nine lights.", "would_change": "", "zone": ""},
    )
    assert response.status_code == 302
    assert response["Location"] == "/toolkit/methods/street-light-audit/feedback/sent/"
    feedback = MethodFeedback.objects.get()
    assert (feedback.status, feedback.submitted_by, feedback.rating) == ("pending", None, 4)
    assert (
        "We fixed nine lights."
        not in client.get("/toolkit/methods/street-light-audit/").content.decode()
    )


def test_feedback_from_a_robot_is_dropped_silently(client, library):
    from toolkit.models import MethodFeedback

    response = client.post(
        "/toolkit/methods/street-light-audit/feedback/",
        {"rating": "5", "how_it_went": "Buy cheap watches", "website": "http://spam.example"},
    )
    assert response.status_code == 302
    assert not MethodFeedback.objects.exists()


def test_incomplete_feedback_is_shown_again_with_its_errors(client, library):
    response = client.post("/toolkit/methods/street-light-audit/feedback/", {"how_it_went": ""})
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert "Choose how well it worked" in body and "Say how it went" in body
    assert "<title>Error:" in body


def test_signed_in_feedback_records_who_sent_it(client_as, library, world):
    from toolkit.models import MethodFeedback

    client = client_as("panel_a")
    client.post(
        "/toolkit/methods/street-light-audit/feedback/",
        {"rating": "3", "how_it_went": "It went fine.", "zone": world.zones.a.slug},
    )
    feedback = MethodFeedback.objects.get()
    assert (feedback.submitted_by, feedback.zone) == (world.people.panel_a, world.zones.a)
