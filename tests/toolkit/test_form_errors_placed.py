"""A refused toolkit form says what is wrong in the error summary, each entry linking to its
field, and beside the field (found by tests/fuzz/test_forms.py)."""

from django.test import Client

from tests.fuzz.checks import misplaced_errors
from toolkit.models import Method, MethodFeedback


def test_feedback_without_a_rating_links_to_the_first_rating(library):
    # The summary linked to #id_rating, which no element has: radios are id_rating_1 and on.
    response = Client().post(
        "/toolkit/methods/street-light-audit/feedback/", {"how_it_went": "Went well."}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="#id_rating_1"' in html and 'id="id_rating_1"' in html
    assert misplaced_errors(html) == []
    assert not MethodFeedback.objects.exists()


def test_a_step_without_its_title_is_listed_in_the_summary(officer):
    client = Client()
    client.force_login(officer)
    response = client.post(
        "/toolkit/manage/new/",
        {
            "title": "",
            "steps-TOTAL_FORMS": "1",
            "steps-INITIAL_FORMS": "0",
            "steps-MIN_NUM_FORMS": "0",
            "steps-MAX_NUM_FORMS": "20",
            "steps-0-title": "",
            "steps-0-detail": "Knock on doors.",
        },
    )

    assert response.status_code == 200
    html = response.content.decode()
    # It was shown beside the step only, not in the summary at the top.
    assert '<a href="#id_steps-0-title">Enter a short title for this step</a>' in html
    assert misplaced_errors(html) == []
    assert not Method.objects.exists()


def test_tampered_step_counts_are_reported_beside_the_steps(officer):
    client = Client()
    client.force_login(officer)
    response = client.post("/toolkit/manage/new/", {"title": "Door knocking"})

    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="#steps-errors"' in html and 'id="steps-errors"' in html
    assert misplaced_errors(html) == []
    assert not Method.objects.exists()
