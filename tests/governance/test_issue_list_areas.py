"""The issue list's body filter offers one area's bodies at a time, never every body of
England and Wales: choose the area, apply, then choose the body."""

import re

from tests.factories_issues import IssueFactory
from tests.governance.test_bodies_list import add_area

# Session, user, memberships, panel seats (4); the areas; the area's bodies; count and
# page; the idle timer (3).
LIST_QUERIES = 11


def options(response, name: str) -> list[str]:
    body = response.content.decode()
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', body, re.S)
    return re.findall(r'<option value="([^"]*)"', select.group(1)) if select else []


def titles(response) -> set[str]:
    return {issue.title for issue in response.context["page"].object_list}


def test_with_one_area_its_bodies_are_offered_and_no_area_asked(client_as, world):
    response = client_as("officer").get("/issues/")
    assert options(response, "area") == []
    assert options(response, "body") == [
        "", "test-spb", "test-sog", "csp-a", "csp-b", "jag-a", "jag-b"
    ]  # fmt: skip


def test_with_several_areas_the_body_is_chosen_within_the_area(client_as, world):
    kent = add_area("Kent")
    IssueFactory(raised_at=world.bodies.jag_a, title="At home")
    kent_jag = kent.children.get().children.first().children.first()
    IssueFactory(raised_at=kent_jag, title="In Kent")
    client = client_as("officer")
    first = client.get("/issues/")
    assert options(first, "area") == ["", "kent-spb", "test-spb"]
    assert options(first, "body") == []
    assert "choose its area and apply the filters" in first.content.decode()
    assert titles(first) == {"At home", "In Kent"}
    in_kent = client.get("/issues/?area=kent-spb")
    assert titles(in_kent) == {"In Kent"}
    assert all(slug == "" or slug.startswith("kent-") for slug in options(in_kent, "body"))
    assert len(options(in_kent, "body")) == 9
    assert titles(client.get(f"/issues/?area=kent-spb&body={kent_jag.slug}")) == {"In Kent"}
    assert titles(client.get("/issues/?area=kent-spb&body=kent-sog")) == set()


def test_a_link_to_one_body_finds_its_area(client_as, world):
    add_area("Kent")
    IssueFactory(raised_at=world.bodies.jag_a, title="At JAG A")
    response = client_as("officer").get("/issues/?body=jag-a")
    assert titles(response) == {"At JAG A"}
    assert '<option value="jag-a" selected>' in response.content.decode()
    assert "csp-b" in options(response, "body") and "kent-spb" not in options(response, "body")


def test_changing_the_area_drops_a_body_of_the_old_one(client_as, world):
    add_area("Kent")
    IssueFactory(raised_at=world.bodies.jag_a, title="At JAG A")
    response = client_as("officer").get("/issues/?area=kent-spb&body=jag-a")
    assert titles(response) == set()
    assert "jag-a" not in options(response, "body")


def test_the_query_count_is_the_same_with_one_area_or_many(
    client_as, world, django_assert_num_queries
):
    client = client_as("body_member")
    IssueFactory(raised_at=world.bodies.jag_a)
    for path in ("/issues/", "/issues/?body=jag-a"):
        with django_assert_num_queries(LIST_QUERIES):
            assert client.get(path).status_code == 200
    for name in ("Avon", "Kent", "Wessex"):
        add_area(name, csps=3, jags=3)
    for path in ("/issues/?area=test-spb", "/issues/?body=jag-a"):
        with django_assert_num_queries(LIST_QUERIES):
            assert client.get(path).status_code == 200
