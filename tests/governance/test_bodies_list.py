"""The bodies page by police force area: one area is the whole tree as before; several are
paged a whole tree at a time, filtered by area, level and name, in a fixed number of
queries however many areas there are."""

import re

import pytest

from governance.models import Body
from governance.selectors import bodies as selectors
from tests.factories import BodyFactory

# Session, user, memberships, panel seats (4); the areas; the bodies of each area; the
# page's bodies with their member counts; their next meetings; the idle timer (3).
BODIES_QUERIES = 11


def add_area(name: str, csps: int = 2, jags: int = 2) -> Body:
    """A police force area: its SPB, SOG, CSPs and JAGs."""
    slug = name.lower().replace(" ", "-")
    spb = BodyFactory(name=f"{name} SPB", slug=f"{slug}-spb", level=Body.Level.SPB, area=name)
    sog = BodyFactory(name=f"{name} SOG", slug=f"{slug}-sog", level=Body.Level.SOG, parent=spb)
    for c in range(csps):
        csp = BodyFactory(
            name=f"{name} CSP {c}", slug=f"{slug}-csp-{c}", level=Body.Level.CSP, parent=sog
        )
        for j in range(jags):
            BodyFactory(
                name=f"{name} JAG {c}.{j}",
                slug=f"{slug}-jag-{c}-{j}",
                level=Body.Level.JAG,
                parent=csp,
            )
    return spb


def slugs(response) -> set[str]:
    return set(re.findall(r'href="/bodies/([\w-]+)/"', response.content.decode()))


def text(response) -> str:
    """The page's words, without tags, spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


ONE_AREA = {"test-spb", "test-sog", "csp-a", "csp-b", "jag-a", "jag-b"}


def test_one_area_is_the_whole_tree_without_filters_or_pages(client_as, world):
    response = client_as("body_member").get("/bodies/")
    body = response.content.decode()
    assert slugs(response) == ONE_AREA
    assert "Filter bodies" not in body and "govuk-pagination" not in body
    # Nested as before: the SOG's list sits inside the SPB's item.
    assert body.count('<ul class="govuk-list app-body-tree">') == 5


@pytest.fixture
def areas(world, monkeypatch):
    """Three more areas of eight bodies, and room for one area a page."""
    monkeypatch.setattr(selectors, "BODIES_PER_PAGE", 8)
    return [add_area(name) for name in ("Avon", "Kent", "Wessex")]


def test_several_areas_are_paged_a_whole_tree_at_a_time(client_as, world, areas):
    client = client_as("officer")
    first = client.get("/bodies/")
    # Areas by name: Avon, Kent, Test area (the world's, six bodies), Wessex.
    assert slugs(first) == {"avon-spb", "avon-sog", "avon-csp-0", "avon-csp-1"} | {
        f"avon-jag-{c}-{j}" for c in range(2) for j in range(2)
    }
    assert "30 bodies in 4 areas. Showing area 1, its whole tree." in text(first)
    assert 'href="?page=2"' in first.content.decode()
    third = client.get("/bodies/?page=3")
    assert slugs(third) == ONE_AREA
    assert {s.split("-")[0] for s in slugs(client.get("/bodies/?page=4"))} == {"wessex"}


def test_small_areas_share_a_page(client_as, world, monkeypatch):
    monkeypatch.setattr(selectors, "BODIES_PER_PAGE", 20)
    add_area("Avon", csps=1, jags=1)
    add_area("Kent", csps=1, jags=1)
    response = client_as("officer").get("/bodies/")
    assert {"avon-spb", "kent-spb", "test-spb"} <= slugs(response)
    assert "Showing" not in response.content.decode()


def test_filter_by_area_shows_only_that_areas_tree(client_as, world, areas):
    response = client_as("officer").get("/bodies/?area=kent-spb")
    assert {s.split("-")[0] for s in slugs(response)} == {"kent"}
    body = response.content.decode()
    assert '<option value="kent-spb" selected>Kent</option>' in body
    assert "8 bodies in Kent." in text(response) and "Show every area" in body


def test_filter_by_level_and_name_is_a_flat_list(client_as, world, areas):
    client = client_as("officer")
    jags = slugs(client.get("/bodies/?level=1&area=avon-spb"))
    assert jags == {f"avon-jag-{c}-{j}" for c in range(2) for j in range(2)}
    assert slugs(client.get("/bodies/?name=csp+1")) == {"avon-csp-1", "kent-csp-1", "wessex-csp-1"}
    assert "No body matches" in client.get("/bodies/?name=nowhere").content.decode()


def test_a_flat_list_pages_too(client_as, world, areas, monkeypatch):
    monkeypatch.setattr(selectors, "FLAT_PER_PAGE", 5)
    client = client_as("officer")
    first, second = client.get("/bodies/?level=1"), client.get("/bodies/?level=1&page=2")
    assert len(slugs(first)) == 5 and not slugs(first) & slugs(second)
    assert 'href="?level=1&amp;page=2"' in first.content.decode()


def test_a_nonsense_filter_shows_every_area(client_as, world, areas):
    response = client_as("officer").get("/bodies/?area=nowhere&level=9")
    assert "avon-spb" in slugs(response)


@pytest.mark.parametrize("path", ["/bodies/", "/bodies/?area=test-spb", "/bodies/?level=1"])
def test_the_query_count_is_the_same_with_one_area_or_many(
    path, client_as, world, django_assert_num_queries
):
    client = client_as("officer")
    with django_assert_num_queries(BODIES_QUERIES):
        assert client.get(path).status_code == 200
    for name in ("Avon", "Kent", "Wessex", "Dyfed"):
        add_area(name, csps=3, jags=3)
    with django_assert_num_queries(BODIES_QUERIES):
        assert client.get(path).status_code == 200
