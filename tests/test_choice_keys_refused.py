"""A choice of several records (checkboxes) given a key too large for the database is
refused beside the field: on SQLite the ORM raised OverflowError, a server error (found by
tests/fuzz/test_forms.py). One form of each app that offers such a choice."""

import pytest

from governance.models import ReviewEvent
from peoplezones.models import Consultation, Initiative, Objective, Workshop
from tests.fuzz.checks import misplaced_errors
from tests.pages import pages_for, populate
from toolkit.models import Method

HUGE = "999999999999999999999"


@pytest.mark.parametrize(
    ("role", "route", "field", "model"),
    [
        ("officer", "reviews/<int:pk>/direction/", "retire", ReviewEvent),
        ("partner_x", "initiatives/new/", "zones", Initiative),
        ("officer", "toolkit/manage/new/", "related", Method),
        ("officer", "zones/<slug:slug>/workshops/new/", "organisations", Workshop),
        ("officer", "zones/<slug:slug>/consultations/new/", "key_issues", Consultation),
        ("officer", "zones/<slug:slug>/plan/objectives/new/", "key_issues", Objective),
    ],
)
def test_a_key_too_large_for_the_database_is_a_choice_not_offered(
    client_as, world, role, route, field, model
):
    populate(world)
    path = dict(pages_for(role, world))[route]
    before = model.objects.count()

    response = client_as(role).post(path, {field: [HUGE]})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose only from the options listed" in html
    assert misplaced_errors(html) == []
    assert model.objects.count() == before
