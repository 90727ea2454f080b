"""The toolkit's demo content: the ten methods of DOMAIN.md, published and complete, one
draft that stays hidden, feedback in both states; loading twice changes nothing."""

import pytest

from governance import demo as governance_demo
from peoplezones import demo as peoplezones_demo
from toolkit import demo
from toolkit.models import Method, MethodChange, MethodFeedback

pytestmark = pytest.mark.django_db

TEN = {
    "community-walkabout",
    "pact-meeting",
    "asset-mapping",
    "street-light-audit",
    "participatory-budgeting",
    "appreciative-inquiry",
    "community-conversations",
    "sara",
    "problem-analysis-triangle",
    "emmie-check",
}


def load() -> dict:
    state: dict = {}
    for loader in (governance_demo.load, peoplezones_demo.load, demo.load):
        loader(state)
    return state


def counts() -> dict:
    return {m.__name__: m.objects.count() for m in (Method, MethodChange, MethodFeedback)}


def test_the_ten_methods_are_published_in_full_and_the_draft_is_not(client):
    state = load()
    assert set(Method.objects.published().values_list("slug", flat=True)) == TEN
    assert set(state["methods"]) == TEN | {"community-cafe-drop-in"}
    for method in Method.objects.published().prefetch_related("steps", "tags", "relations"):
        assert method.steps.count() >= 5, method.slug
        assert len(method.tip_list) >= 3 and len(method.risk_list) >= 3, method.slug
        assert all(
            len(getattr(method, f"evidence_{part}")) > 40 for part in ("effect", "mechanism")
        ), method.slug
        assert method.relations.exists(), method.slug
        assert method.changes.filter(action="published", version=1).exists()
    draft = Method.objects.get(slug="community-cafe-drop-in")
    assert draft.status == Method.Status.DRAFT
    assert client.get("/toolkit/methods/community-cafe-drop-in/").status_code == 404
    assert MethodFeedback.objects.filter(status="approved").exists()
    assert MethodFeedback.objects.filter(status="pending").exists()


def test_loading_again_duplicates_nothing():
    load()
    before = counts()
    load()
    assert counts() == before
