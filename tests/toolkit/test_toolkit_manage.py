"""Officers' pages of the toolkit: writing, reviewing, publishing and unpublishing methods,
revisions, versions, and moderating feedback. Everyone else is refused."""

import pytest

from governance.dashboard import panels_for
from governance.selectors import roles_for
from tests.factories_toolkit import draft_method, feedback_on, published_method
from toolkit.models import Method, MethodChange, MethodFeedback

pytestmark = pytest.mark.django_db


def method_form(**overrides) -> dict:
    data = {
        "title": "Door-knocking survey",
        "summary": "Volunteers knock on doors to ask residents about their street.",
        "when_to_use": "Before setting priorities.",
        "keywords": "doorstep",
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
        "domains": ["safety"],
        "effort": "light",
        "cost": "none",
        "steps-TOTAL_FORMS": "3",
        "steps-INITIAL_FORMS": "0",
        "steps-MIN_NUM_FORMS": "0",
        "steps-MAX_NUM_FORMS": "20",
        "steps-0-title": "Plan the streets",
        "steps-0-detail": "Pick a hundred homes.",
        "steps-1-title": "",
        "steps-1-detail": "",
        "steps-2-title": "Knock and listen",
        "steps-2-detail": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("role", ["board", "body_member", "panel_a", "partner_x"])
def test_only_officers_reach_the_officers_pages(client_as, role, library):
    client = client_as(role)
    draft = library.hidden.draft
    for path in ["/toolkit/manage/", "/toolkit/manage/new/", f"/toolkit/manage/{draft.pk}/"]:
        assert client.get(path).status_code == 403
    response = client.post(f"/toolkit/manage/{draft.pk}/workflow/", {"action": "submit"})
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == Method.Status.DRAFT


def test_officer_writes_a_new_method_as_a_draft(client_as, world):
    client = client_as("officer")
    form = client.get("/toolkit/manage/new/")
    assert form.status_code == 200 and form.content.decode().count("<h1") == 1
    response = client.post("/toolkit/manage/new/", method_form())
    method = Method.objects.get(title="Door-knocking survey")
    assert response.status_code == 302 and response["Location"] == f"/toolkit/manage/{method.pk}/"
    assert method.status == Method.Status.DRAFT and method.created_by == world.people.officer
    assert [s.title for s in method.steps.all()] == ["Plan the streets", "Knock and listen"]
    assert client.get("/toolkit/methods/door-knocking-survey/").status_code == 404


def test_errors_are_summarised_and_shown_beside_each_field(client_as, world):
    client = client_as("officer")
    data = method_form(title="", domains=[], **{"steps-0-title": "", "steps-2-title": ""})
    response = client.post("/toolkit/manage/new/", data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body and "<title>Error:" in body
    assert "Enter a title" in body and "Select at least one resilience domain" in body
    assert not Method.objects.exists()


def test_a_method_without_steps_is_refused_with_a_reason(client_as, world):
    client = client_as("officer")
    data = method_form(**{"steps-0-title": "", "steps-0-detail": "", "steps-2-title": ""})
    body = client.post("/toolkit/manage/new/", data).content.decode()
    assert "Add at least one step to the guide" in body
    assert not Method.objects.exists()


def test_officer_sends_for_review_then_publishes_with_a_change_note(client_as, library):
    client = client_as("officer")
    draft = library.hidden.draft
    url = f"/toolkit/manage/{draft.pk}/workflow/"
    client.post(url, {"action": "submit"})
    draft.refresh_from_db()
    assert draft.status == Method.Status.IN_REVIEW

    refused = client.post(url, {"action": "publish", "publish-note": " "})
    assert refused.status_code == 400
    assert "Enter a change note" in refused.content.decode()
    draft.refresh_from_db()
    assert draft.status == Method.Status.IN_REVIEW

    client.post(url, {"action": "publish", "publish-note": "Checked with the lighting team."})
    draft.refresh_from_db()
    assert (draft.status, draft.version) == (Method.Status.PUBLISHED, 1)
    page = client.get(f"/toolkit/manage/{draft.pk}/").content.decode()
    assert "Checked with the lighting team." in page and "version 1" in page
    assert client_as("anonymous").get(draft.get_absolute_url()).status_code == 200


def test_an_illegal_action_is_refused_with_a_reason_and_changes_nothing(client_as, library):
    client = client_as("officer")
    draft = library.hidden.draft
    response = client.post(
        f"/toolkit/manage/{draft.pk}/workflow/", {"action": "unpublish", "unpublish-note": "x"}
    )
    assert response.status_code == 400
    assert "cannot be unpublished" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Method.Status.DRAFT


def test_changing_a_published_method_goes_through_a_revision(client_as, library):
    client = client_as("officer")
    live = library.audit
    edit = client.get(f"/toolkit/manage/{live.pk}/edit/")
    assert edit.status_code == 302 and edit["Location"] == f"/toolkit/manage/{live.pk}/"

    started = client.post(f"/toolkit/manage/{live.pk}/revise/")
    revision = live.__class__.objects.get(revision_of=live)
    assert started["Location"] == f"/toolkit/manage/{revision.pk}/edit/"
    form = client.get(started["Location"])
    assert 'value="Street-light audit"' in form.content.decode()

    data = method_form(title="Street-light audit (revised)")
    client.post(f"/toolkit/manage/{revision.pk}/edit/", data)
    assert "revised" not in client_as("anonymous").get(live.get_absolute_url()).content.decode()

    client = client_as("officer")
    client.post(f"/toolkit/manage/{revision.pk}/workflow/", {"action": "submit"})
    client.post(
        f"/toolkit/manage/{revision.pk}/workflow/",
        {"action": "publish", "publish-note": "Shorter guide."},
    )
    live.refresh_from_db()
    assert (live.title, live.version) == ("Street-light audit (revised)", 2)
    version = client.get(f"/toolkit/manage/{live.pk}/versions/1/")
    assert version.status_code == 200 and "Define the area" in version.content.decode()


def test_discarding_a_revision_keeps_the_published_text(client_as, library):
    client = client_as("officer")
    revision = library.hidden.revision
    response = client.post(f"/toolkit/manage/{revision.pk}/discard/")
    assert response["Location"] == f"/toolkit/manage/{library.walkabout.pk}/"
    assert not Method.objects.filter(pk=revision.pk).exists()


def test_officer_unpublishes_a_method_and_it_leaves_the_public_toolkit(client_as, library):
    client = client_as("officer")
    audit = library.audit
    client.post(
        f"/toolkit/manage/{audit.pk}/workflow/",
        {"action": "unpublish", "unpublish-note": "Being rewritten."},
    )
    assert client_as("anonymous").get(audit.get_absolute_url()).status_code == 404
    entry = MethodChange.objects.get(method=audit, action="unpublished")
    assert (entry.note, entry.actor) == (
        "Being rewritten.",
        library.officer.__class__.objects.get(username="officer"),
    )


def test_the_manage_list_shows_every_method_with_its_status(client_as, library):
    body = client_as("officer").get("/toolkit/manage/").content.decode()
    for title in ["Street-light audit", "Secret lighting draft", "Lighting in review"]:
        assert title in body
    assert "Walkabout revised lighting" not in body  # revisions show beside their method


def test_officer_moderates_feedback(client_as, library):
    pending = feedback_on(library.audit, how_it_went="Please approve me.")
    client = client_as("officer")
    queue = client.get("/toolkit/manage/feedback/").content.decode()
    assert "Please approve me." in queue
    response = client.post(f"/toolkit/manage/feedback/{pending.pk}/", {"decision": "approve"})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == MethodFeedback.Status.APPROVED
    assert "Please approve me." in client.get(library.audit.get_absolute_url()).content.decode()
    client.post(
        f"/toolkit/manage/feedback/{pending.pk}/", {"decision": "reject", "note": "Names someone."}
    )
    pending.refresh_from_db()
    assert (pending.status, pending.moderation_note) == ("rejected", "Names someone.")


def test_others_cannot_moderate(client_as, library):
    pending = feedback_on(library.audit)
    response = client_as("panel_a").post(
        f"/toolkit/manage/feedback/{pending.pk}/", {"decision": "approve"}
    )
    assert response.status_code == 403
    pending.refresh_from_db()
    assert pending.status == MethodFeedback.Status.PENDING


def test_dashboard_panel_tells_officers_what_waits_in_two_queries(
    rf, world, library, django_assert_num_queries
):
    feedback_on(library.audit)
    request = rf.get("/")
    request.user = world.people.officer
    roles = roles_for(world.people.officer)
    from toolkit.views.manage import dashboard_panel

    with django_assert_num_queries(2):
        assert dashboard_panel(request, roles) == {"in_review": 1, "pending_feedback": 1}
    published_method(library.officer)
    draft_method(library.officer)
    feedback_on(library.walkabout)
    with django_assert_num_queries(2):
        assert dashboard_panel(request, roles)["pending_feedback"] == 2
    request.user = world.people.board
    assert dashboard_panel(request, roles_for(world.people.board)) is None
    shown = [p["template"] for p in panels_for(request, roles)]
    assert "toolkit/_dashboard_panel.html" in shown


def test_everyone_signed_in_finds_the_toolkit_in_the_menu(client_as, world):
    body = client_as("panel_a").get("/toolkit/").content.decode()
    assert 'href="/toolkit/" aria-current="page"' in body


def test_the_start_page_points_signed_out_visitors_to_the_toolkit(client, db):
    assert 'href="/toolkit/"' in client.get("/").content.decode()
