"""Query counts of the public toolkit pages, pinned, and proven not to grow with the data:
more methods, steps, tags, related methods and feedback read in the same few queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories_toolkit import feedback_on, published_method
from toolkit.search import on_postgresql
from toolkit.selectors import activity_link_ready

pytestmark = pytest.mark.django_db

# Anonymous visitors: no session, no user, no navigation reads.
LIST = 3  # count, page of methods, their resilience domains
# The method, its steps, its tags, related methods, feedback totals and latest feedback;
# one more for where it was used, once activities record their method.
METHOD = 6 + (1 if activity_link_ready() else 0)
PRINT = 3  # the method, its steps, its tags


def more_data(library, rounds: int = 3) -> None:
    """Add methods that match every query below, with related methods and feedback."""
    officer = library.officer
    for number in range(rounds):
        other = published_method(
            officer,
            title=f"Lighting method {number}",
            tags={"domain": ["safety", "skills"], "problem": ["public_spaces"]},
            steps=[(f"Step {n}", "Do it.") for n in range(6)],
            related=[library.audit, library.walkabout],
        )
        feedback_on(other, decision="approve")
        feedback_on(library.audit, decision="approve")
        feedback_on(library.audit)


PAGES = [
    ("/toolkit/", LIST),
    ("/toolkit/?q=lighting", LIST),
    ("/toolkit/?q=lighting&domain=safety&problem=public_spaces&effort=light", LIST),
    ("/toolkit/methods/street-light-audit/", METHOD),
    ("/toolkit/methods/street-light-audit/print/", PRINT),
]


@pytest.mark.parametrize(("path", "queries"), PAGES)
def test_public_page_query_count_is_pinned_and_does_not_grow(
    path, queries, client, library, django_assert_num_queries
):
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200
    more_data(library)
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200


def test_search_on_postgresql_reads_the_stored_vector(client, library):
    if not on_postgresql():
        pytest.skip("full-text search with stored vectors is PostgreSQL's; SQLite matches words")
    library.audit.refresh_from_db()
    assert library.audit.search_vector  # kept by the services that save a method
    with CaptureQueriesContext(connection) as queries:
        client.get("/toolkit/", {"q": "lighting"})
    search = [q["sql"] for q in queries.captured_queries if "search_vector" in q["sql"]]
    assert search, "the search reads the stored vector"
    assert not any("to_tsvector" in sql for sql in search), "no vector is built per row"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'toolkit_method_search_gin'"
        )
        assert "gin (search_vector)" in cursor.fetchone()[0]
