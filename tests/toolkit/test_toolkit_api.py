"""The toolkit API: published methods for anyone, writing and publishing for officers, and
feedback that waits for moderation."""

import pytest
from rest_framework.test import APIClient

from tests.factories_toolkit import feedback_on, published_method
from toolkit.models import Method, MethodFeedback

pytestmark = pytest.mark.django_db

METHODS = "/api/v1/toolkit/methods/"
FEEDBACK = "/api/v1/toolkit/feedback/"


def api_as(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def new_method(**overrides) -> dict:
    data = {
        "title": "Door-knocking survey",
        "summary": "Volunteers knock on doors to ask residents about their street.",
        "when_to_use": "Before setting priorities.",
        "steps": [{"title": "Plan the streets", "detail": "Pick 100 homes."}],
        "people_needed": "Pairs of volunteers.",
        "time_needed": "Two evenings.",
        "materials": "",
        "budget": "None.",
        "tips": "Wear a badge.",
        "risks": "Safety: always in pairs.",
        "evidence_effect": "Not evaluated.",
        "evidence_mechanism": "Hears people who never come to meetings.",
        "evidence_moderators": "Works best with local volunteers.",
        "evidence_implementation": "Needs a route plan.",
        "evidence_economic_cost": "Volunteer time.",
        "evidence_strength": "practice",
        "effort": "light",
        "cost": "none",
        "domains": ["safety", "health"],
        "problems": ["priorities"],
        "related": ["street-light-audit"],
    }
    data.update(overrides)
    return data


def test_anyone_reads_the_published_methods_and_nothing_else(library):
    response = api_as().get(METHODS)
    assert response.status_code == 200
    slugs = [item["slug"] for item in response.json()["results"]]
    assert slugs == ["community-walkabout", "participatory-budgeting", "street-light-audit"]
    audit = response.json()["results"][2]
    assert audit["domains"] == ["safety"] and audit["status"] == "published"
    assert audit["url"] == "http://testserver/toolkit/methods/street-light-audit/"
    assert len(audit["steps"]) == 9 and audit["steps"][0]["title"].startswith("Define the area")


def test_the_api_filters_and_searches_like_the_pages(library):
    client = api_as()
    assert [m["slug"] for m in client.get(METHODS, {"domain": "skills"}).json()["results"]] == [
        "participatory-budgeting"
    ]
    found = client.get(METHODS, {"q": "lighting"}).json()["results"]
    assert found[0]["slug"] == "street-light-audit"
    assert not {m["title"] for m in found} & {"Secret lighting draft", "Lighting in review"}


@pytest.mark.parametrize("state", ["draft", "in_review", "unpublished"])
def test_hidden_methods_are_missing_for_everyone_even_officers(library, state, world):
    method = getattr(library.hidden, state)
    for user in (None, world.people.officer, world.people.partner_x):
        assert api_as(user).get(f"{METHODS}{method.slug}/").status_code == 404


def test_a_method_shows_approved_feedback_and_only_published_related_methods(library):
    feedback_on(library.audit, how_it_went="Public words.", decision="approve")
    feedback_on(library.audit, how_it_went="Private words.")
    data = api_as().get(f"{METHODS}street-light-audit/").json()
    assert data["feedback"]["count"] == 1
    assert [item["how_it_went"] for item in data["feedback"]["latest"]] == ["Public words."]
    assert "usage" in data


def test_only_officers_write(library, world):
    assert api_as().post(METHODS, new_method(), format="json").status_code == 401
    partner = api_as(world.people.partner_x)
    assert partner.post(METHODS, new_method(), format="json").status_code == 403
    assert partner.post(f"{METHODS}street-light-audit/unpublish/", {"note": "x"}).status_code == 403
    assert not Method.objects.filter(title="Door-knocking survey").exists()


def test_officer_drafts_then_publishes_through_the_api(library, world):
    officer = api_as(world.people.officer)
    created = officer.post(METHODS, new_method(), format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["status"] == "draft"
    slug = created.json()["slug"]
    assert api_as().get(f"{METHODS}{slug}/").status_code == 404

    changed = officer.patch(f"{METHODS}{slug}/", {"title": "Doorstep survey"}, format="json")
    assert changed.status_code == 200 and changed.json()["title"] == "Doorstep survey"
    method = Method.objects.get(slug=slug)
    assert method.tag_values("domain") == ["health", "safety"]  # untouched by the PATCH
    assert method.steps.count() == 1

    refused = officer.post(f"{METHODS}{slug}/publish/", {"note": "Ready."}, format="json")
    assert refused.status_code == 400 and "sent for review" in refused.json()["detail"][0]
    assert officer.post(f"{METHODS}{slug}/submit/").status_code == 200
    no_note = officer.post(f"{METHODS}{slug}/publish/", {}, format="json")
    assert no_note.status_code == 400 and "note" in no_note.json()
    published = officer.post(f"{METHODS}{slug}/publish/", {"note": "Ready."}, format="json")
    assert published.status_code == 200 and published.json()["version"] == 1
    public = api_as().get(f"{METHODS}{slug}/").json()
    assert public["related"] == ["street-light-audit"]


def test_a_published_method_is_not_changed_in_place(library, world):
    officer = api_as(world.people.officer)
    response = officer.patch(f"{METHODS}street-light-audit/", {"title": "X"}, format="json")
    assert response.status_code == 400
    assert "revision" in response.json()["detail"][0]
    library.audit.refresh_from_db()
    assert library.audit.title == "Street-light audit"


def test_officer_unpublishes_with_a_reason(library, world):
    officer = api_as(world.people.officer)
    assert officer.post(f"{METHODS}street-light-audit/unpublish/", {}).status_code == 400
    response = officer.post(f"{METHODS}street-light-audit/unpublish/", {"note": "Outdated."})
    assert response.status_code == 200 and response.json()["status"] == "unpublished"
    assert api_as().get(f"{METHODS}street-light-audit/").status_code == 404


def test_anyone_sends_feedback_that_waits_for_moderation(library):
    response = api_as().post(
        FEEDBACK,
        {"method": "street-light-audit", "rating": 5, "how_it_went": "Lights fixed fast."},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["status"] == "pending"
    assert MethodFeedback.objects.get().submitted_by is None
    data = api_as().get(f"{METHODS}street-light-audit/").json()
    assert data["feedback"]["count"] == 0


def test_feedback_on_a_hidden_method_is_refused(library):
    response = api_as().post(
        FEEDBACK,
        {"method": library.hidden.draft.slug, "rating": 5, "how_it_went": "Hmm."},
        format="json",
    )
    assert response.status_code == 400 and "method" in response.json()
    assert not MethodFeedback.objects.exists()


def test_the_method_list_reads_a_fixed_number_of_queries(library, django_assert_num_queries):
    published_method(library.officer, related=[library.audit])
    # Count, page, steps, tags, relations and their methods.
    with django_assert_num_queries(6):
        api_as().get(METHODS)
    feedback_on(library.audit, decision="approve")
    for _ in range(3):
        published_method(library.officer, related=[library.audit, library.walkabout])
    with django_assert_num_queries(6):
        assert len(api_as().get(METHODS).json()["results"]) == 7
