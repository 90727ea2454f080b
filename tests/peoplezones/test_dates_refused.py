"""Dates typed into a form that are partial, impossible or implausible are refused next to
the field, with nothing saved (found by tests/fuzz/test_forms.py)."""

import pytest

from peoplezones.models import AmbitionStatement
from peoplezones.services.plans import ambition_draft_start
from tests.fuzz.checks import misplaced_errors


@pytest.fixture
def draft(world):
    return ambition_draft_start(
        actor=world.people.officer, zone=world.zones.a, text="Words.", measures=""
    )


def post_consulted(client_as, draft, day, month, year):
    url = f"/zones/zone-a/ambition/{draft.version}/consulted/"
    return client_as("officer").post(url, {"on_0": day, "on_1": month, "on_2": year})


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        # A day without its month and year was taken as no date: a server error.
        ("5", "", "", "Enter the month"),
        ("", "", "2026", "Enter the day of the month"),
        ("31", "2", "2026", "Enter a real date"),  # was "day is out of range for month"
        ("1", "1", "99999999999999999999", "Enter a real date"),  # was a server error
        ("1", "1", "0001", "Enter a year between 1900 and 2100"),
        ("1", "1", "26", "Enter a year between 1900 and 2100"),  # was 1 January 0026
    ],
)
def test_a_date_that_is_not_a_real_date_is_refused_next_to_it(
    world, client_as, draft, day, month, year, message
):
    response = post_consulted(client_as, draft, day, month, year)

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert misplaced_errors(html) == []
    draft.refresh_from_db()
    assert (draft.status, draft.consulted_on) == (AmbitionStatement.Status.DRAFT, None)
