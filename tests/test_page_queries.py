"""Query counts of the service-wide pages, pinned: a page that starts reading more than it
needs, or reads once per row, fails here."""

import pytest

# (path, role): queries. A signed-in request reads the session and the user, the
# navigation reads the person's memberships and panel seats, and the session's idle timer
# is pushed on at the end (savepoint, update, release).
PINNED = {
    ("/accounts/login/", "anonymous"): 0,
    ("/accessibility/", "anonymous"): 0,
    ("/cookies/", "anonymous"): 0,
    ("/", "anonymous"): 0,
    ("/accessibility/", "board"): 7,
    ("/accounts/password/", "board"): 7,
    ("/accounts/password/done/", "panel_a"): 7,
    ("/api/v1/me/", "body_member"): 7,
    ("/api/v1/organisations/", "partner_x"): 7,  # no navigation; a count and one page
}


@pytest.mark.parametrize(("path", "role"), PINNED)
def test_page_query_count_is_pinned(path, role, client_as, django_assert_num_queries):
    client = client_as(role)
    with django_assert_num_queries(PINNED[path, role]):
        response = client.get(path)
    assert response.status_code == 200


def test_favicon_redirects_to_the_service_icon_without_a_query(
    client, db, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/img/favicon.svg"
