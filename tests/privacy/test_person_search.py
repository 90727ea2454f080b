"""Finding a person among thousands of accounts: a search, a page of matches at a time,
never the whole table; the same few queries however many people match."""

import re

import pytest

from privacy.views import PER_PAGE
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Seven for any signed-in page (see tests/test_page_queries.py); how many match, a page.
SEARCH = 7 + 2
EMPTY = 7
PERSON_LINK = re.compile(r'href="/people/\d+/"')


def people(world, count: int, surname: str = "Harrowgate") -> None:
    for number in range(count):
        UserFactory(
            username=f"{surname.lower()}{number:03}",
            first_name=f"Person{number:03}",
            last_name=surname,
            email=f"p{number:03}@{surname.lower()}.example.net",
            organisation=world.organisations.x if number % 2 else None,
        )


def test_nobody_is_listed_until_an_officer_searches(client_as, world, django_assert_num_queries):
    people(world, 3)
    client = client_as("officer")
    with django_assert_num_queries(EMPTY):
        body = client.get("/people/").content.decode()
    assert "Harrowgate" not in body and "<table" not in body
    blank = client.get("/people/", {"q": "   "}).content.decode()
    assert "Harrowgate" not in blank and "<table" not in blank


def test_matches_come_a_page_at_a_time_with_the_total(client_as, world):
    people(world, PER_PAGE + 5)
    client = client_as("officer")
    first = client.get("/people/", {"q": "harrowgate"}).content.decode()
    assert f"{PER_PAGE + 5} people match “harrowgate”" in first
    assert len(PERSON_LINK.findall(first)) == PER_PAGE
    assert "Person000 Harrowgate" in first and f"Person{PER_PAGE:03} Harrowgate" not in first
    assert "Page 1 of 2" in first and 'href="?q=harrowgate&amp;page=2"' in first
    assert "Search for more of their name" in first
    second = client.get("/people/", {"q": "harrowgate", "page": 2}).content.decode()
    assert len(PERSON_LINK.findall(second)) == 5
    assert f"Person{PER_PAGE + 4:03} Harrowgate" in second


def test_every_word_must_match_name_username_or_email(client_as, world):
    people(world, 3)
    people(world, 2, surname="Pendlebury")
    client = client_as("officer")
    body = client.get("/people/", {"q": "person001 harrowgate"}).content.decode()
    assert "1 person matches" in body and "Person001 Harrowgate" in body
    by_email = client.get("/people/", {"q": "pendlebury.example"}).content.decode()
    assert "2 people match" in by_email and "Harrowgate" not in by_email


def test_the_search_reads_the_same_queries_however_many_match(
    client_as, world, django_assert_num_queries
):
    people(world, 1)
    client = client_as("officer")
    with django_assert_num_queries(SEARCH):
        assert client.get("/people/", {"q": "harrowgate"}).status_code == 200
    people(world, 2 * PER_PAGE, surname="Harrowgates")
    for page in (1, 2, 3):
        with django_assert_num_queries(SEARCH):
            response = client.get("/people/", {"q": "harrowgate", "page": page})
        assert response.status_code == 200
    assert "Page 3 of 3" in response.content.decode()


@pytest.mark.parametrize("role", ["board", "panel_a", "partner_x"])
def test_only_officers_search_for_people(client_as, world, role):
    assert client_as(role).get("/people/", {"q": "a"}).status_code == 403
    anonymous = client_as("anonymous").get("/people/", {"q": "a"})
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
