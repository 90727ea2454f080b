"""The editorial workflow and feedback moderation, tested through the services."""

import pytest
from django.core.exceptions import PermissionDenied

from config.domain import DomainError
from tests.factories import UserFactory
from tests.factories_toolkit import (
    draft_method,
    feedback_on,
    method_content,
    published_method,
    toolkit_officer,
)
from toolkit import services
from toolkit.models import Method, MethodChange, MethodFeedback

pytestmark = pytest.mark.django_db

Status = Method.Status
Action = MethodChange.Action


def test_a_new_method_is_a_draft_with_a_readable_address_and_a_log_entry():
    officer = toolkit_officer()
    method = draft_method(officer, title="Street-light audit")
    assert (method.status, method.slug, method.version) == (Status.DRAFT, "street-light-audit", 0)
    assert [step.title for step in method.steps.all()] == ["Meet", "Act"]
    assert method.tag_values("domain") == ["safety"]
    change = method.changes.get()
    assert (change.action, change.actor) == (Action.CREATED, officer)


def test_a_second_method_with_the_same_title_gets_its_own_address():
    draft_method(title="Asset mapping")
    assert draft_method(title="Asset mapping").slug == "asset-mapping-2"


def test_only_officers_write_methods():
    with pytest.raises(PermissionDenied):
        services.method_create(actor=UserFactory(), content=method_content())
    assert not Method.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"steps": []}, "steps"),
        ({"tags": {"domain": []}}, "domains"),
        ({"tags": {"domain": ["safety"], "problem": ["not-a-problem"]}}, None),
        ({"evidence_strength": "excellent"}, "evidence_strength"),
    ],
)
def test_incomplete_content_is_refused_naming_the_field(overrides, field):
    with pytest.raises(DomainError) as refused:
        services.method_create(actor=toolkit_officer(), content=method_content(**overrides))
    assert refused.value.field == field
    assert not Method.objects.exists()


def test_draft_goes_to_review_and_is_published_as_version_one_with_its_note():
    officer = toolkit_officer()
    method = draft_method(officer)
    method = services.method_submit(actor=officer, method=method)
    assert method.status == Status.IN_REVIEW
    method = services.method_publish(actor=officer, method=method, note="Ready for use.")
    assert (method.status, method.version) == (Status.PUBLISHED, 1)
    assert method.published_at is not None and method.first_published_at == method.published_at
    version = method.changes.get(action=Action.PUBLISHED)
    assert (version.version, version.note, version.actor) == (1, "Ready for use.", officer)
    assert version.snapshot["title"] == method.title
    assert version.snapshot["steps"] == [
        ["Meet", "Meet residents."],
        ["Act", "Do what was agreed."],
    ]


def test_publishing_needs_a_change_note_and_changes_nothing_without_one():
    officer = toolkit_officer()
    method = services.method_submit(actor=officer, method=draft_method(officer))
    with pytest.raises(DomainError) as refused:
        services.method_publish(actor=officer, method=method, note="   ")
    assert refused.value.field == "note"
    method.refresh_from_db()
    assert (method.status, method.version) == (Status.IN_REVIEW, 0)
    assert not method.changes.filter(action=Action.PUBLISHED).exists()


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (Status.DRAFT, "publish"),
        (Status.DRAFT, "unpublish"),
        (Status.DRAFT, "return"),
        (Status.IN_REVIEW, "submit"),
        (Status.PUBLISHED, "submit"),
        (Status.PUBLISHED, "publish"),
    ],
)
def test_illegal_transitions_are_refused_and_change_nothing(status, action):
    officer = toolkit_officer()
    method = published_method(officer) if status == Status.PUBLISHED else draft_method(officer)
    if status == Status.IN_REVIEW:
        method = services.method_submit(actor=officer, method=method)
    entries = method.changes.count()
    with pytest.raises(DomainError):
        services.WORKFLOW[action](officer, method, "A note.")
    method.refresh_from_db()
    assert method.status == status
    assert method.changes.count() == entries


def test_returning_to_draft_needs_a_note_saying_what_to_change():
    officer = toolkit_officer()
    method = services.method_submit(actor=officer, method=draft_method(officer))
    with pytest.raises(DomainError):
        services.method_return(actor=officer, method=method, note="")
    method = services.method_return(actor=officer, method=method, note="Add the evidence.")
    assert method.status == Status.DRAFT
    assert method.changes.filter(action=Action.RETURNED, note="Add the evidence.").exists()


def test_unpublishing_needs_a_reason_and_republishing_makes_version_two():
    officer = toolkit_officer()
    method = published_method(officer)
    with pytest.raises(DomainError):
        services.method_unpublish(actor=officer, method=method, note="")
    method = services.method_unpublish(actor=officer, method=method, note="Out of date.")
    assert method.status == Status.UNPUBLISHED
    method = services.method_submit(actor=officer, method=method)
    method = services.method_publish(actor=officer, method=method, note="Back again.")
    assert (method.status, method.version) == (Status.PUBLISHED, 2)
    assert method.changes.get(version=2).changed_fields == []


def test_a_published_method_cannot_be_edited_in_place():
    officer = toolkit_officer()
    method = published_method(officer, title="Original")
    with pytest.raises(DomainError) as refused:
        services.method_update(actor=officer, method=method, content=method_content("Changed"))
    assert "revision" in refused.value.message
    method.refresh_from_db()
    assert method.title == "Original"


def test_a_revision_stays_hidden_until_published_then_replaces_the_content():
    officer = toolkit_officer()
    live = published_method(officer, title="Original", keywords="old")
    revision = services.method_revision_start(actor=officer, method=live)
    assert services.method_revision_start(actor=officer, method=live) == revision
    assert (revision.revision_of, revision.status, revision.slug) == (live, Status.DRAFT, live.slug)
    content = method_content("Better title", steps=[("One step", "Only this.")])
    revision = services.method_update(actor=officer, method=revision, content=content)
    live.refresh_from_db()
    assert live.title == "Original" and Method.objects.published().get() == live

    revision = services.method_submit(actor=officer, method=revision)
    live = services.method_publish(actor=officer, method=revision, note="Clearer title.")

    assert not Method.objects.filter(pk=revision.pk).exists()
    assert (live.title, live.version, live.slug) == ("Better title", 2, "original")
    assert [step.title for step in live.steps.all()] == ["One step"]
    version = live.changes.get(version=2)
    assert {"Title", "Steps", "Other words people search for"} <= set(version.changed_fields)
    assert live.changes.get(version=1).snapshot["title"] == "Original"


def test_an_open_revision_blocks_direct_edits_of_an_unpublished_method():
    officer = toolkit_officer()
    live = published_method(officer)
    services.method_revision_start(actor=officer, method=live)
    live = services.method_unpublish(actor=officer, method=live, note="Pause.")
    with pytest.raises(DomainError):
        services.method_update(actor=officer, method=live, content=method_content())
    with pytest.raises(DomainError):
        services.method_submit(actor=officer, method=live)


def test_discarding_a_revision_leaves_the_published_method_as_it_was():
    officer = toolkit_officer()
    live = published_method(officer, title="Kept")
    revision = services.method_revision_start(actor=officer, method=live)
    services.method_update(actor=officer, method=revision, content=method_content("Dropped"))
    services.method_revision_discard(actor=officer, revision=revision)
    live.refresh_from_db()
    assert live.title == "Kept" and not hasattr(live, "revision")
    assert live.changes.filter(action=Action.REVISION_DISCARDED).exists()


def test_edits_record_what_changed():
    officer = toolkit_officer()
    method = draft_method(officer, title="Before")
    content = method_content("After", tags={"domain": ["safety", "skills"]})
    services.method_update(actor=officer, method=method, content=content)
    edit = method.changes.get(action=Action.EDITED)
    assert edit.changed_fields == ["Title", "Resilience domains"]


def test_related_methods_never_include_the_method_itself():
    officer = toolkit_officer()
    method = draft_method(officer)
    with pytest.raises(DomainError):
        services.method_update(
            actor=officer, method=method, content=method_content(related=[method])
        )


def test_feedback_is_pending_until_an_officer_approves_it():
    method = published_method()
    feedback = feedback_on(method)
    assert feedback.status == MethodFeedback.Status.PENDING
    officer = toolkit_officer()
    feedback = services.feedback_moderate(actor=officer, feedback=feedback, decision="approve")
    assert (feedback.status, feedback.moderated_by) == (MethodFeedback.Status.APPROVED, officer)


def test_feedback_on_a_draft_is_refused():
    with pytest.raises(DomainError):
        feedback_on(draft_method())
    assert not MethodFeedback.objects.exists()


def test_only_officers_moderate_and_a_decision_cannot_be_made_twice():
    feedback = feedback_on(published_method())
    with pytest.raises(PermissionDenied):
        services.feedback_moderate(actor=UserFactory(), feedback=feedback, decision="approve")
    officer = toolkit_officer()
    services.feedback_moderate(actor=officer, feedback=feedback, decision="reject")
    with pytest.raises(DomainError):
        services.feedback_moderate(actor=officer, feedback=feedback, decision="reject")
    # Approved feedback can still be taken down.
    services.feedback_moderate(actor=officer, feedback=feedback, decision="approve")
    feedback = services.feedback_moderate(actor=officer, feedback=feedback, decision="reject")
    assert feedback.status == MethodFeedback.Status.REJECTED
