"""The People Zones demo: three zones with their plans, safe to load twice."""

from io import StringIO

import pytest
from django.core.management import call_command

from governance.models import User
from peoplezones import permissions
from peoplezones.models import (
    AmbitionStatement,
    Consultation,
    CoreTeamMember,
    Ingredient,
    KeyIssue,
    Milestone,
    Objective,
    Workshop,
    Zone,
    ZoneIngredient,
)
from peoplezones.selectors.zones import zones_with_coverage_gaps

PLAN_MODELS = (
    Workshop,
    KeyIssue,
    Consultation,
    AmbitionStatement,
    Objective,
    Milestone,
    CoreTeamMember,
    Ingredient,
    ZoneIngredient,
)


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=StringIO())


def counts() -> dict:
    return {model.__name__: model.objects.count() for model in PLAN_MODELS}


def test_loading_again_duplicates_nothing(demo):
    before = counts()
    call_command("seed_demo", stdout=StringIO())
    assert counts() == before
    assert all(before.values()), before


def test_every_zone_has_workshops_issues_consultations_a_plan_and_a_team(demo):
    for zone in Zone.objects.all():
        for related in ("workshops", "key_issues", "consultations", "objectives", "core_team"):
            assert getattr(zone, related).exists(), (zone, related)
        assert zone.ambition_statements.filter(status="approved").count() == 1
        assert zone.location and zone.latitude is not None


def test_coalvilles_published_ambition_replaced_an_older_version(demo):
    coalville = Zone.objects.get(slug="coalville")
    versions = {s.version: s for s in coalville.ambition_statements.all()}
    assert versions[1].status == "superseded"
    assert versions[2].status == "approved"
    assert versions[2].text == (
        "A community that has a strong identity where people are proud and feel safe."
    )
    assert versions[2].measure_list == [
        "A yearly residents' survey",
        "Drug-related crime",
        "Community activity",
    ]


def test_milestones_stand_in_every_status_some_late(demo):
    shown = {m.shown_status for m in Milestone.objects.with_shown_status()}
    assert shown == set(Milestone.Status.values)
    assert Milestone.objects.overdue().count() >= 3


def test_one_zone_has_a_coverage_gap(demo):
    assert [(z.slug, gaps) for z, gaps in zones_with_coverage_gaps()] == [
        ("coalville", ["Fire and rescue", "Local Area Co-ordinator"])
    ]


def test_the_fire_partner_is_on_the_new_parks_core_team(demo):
    fire = User.objects.get(username="fire-partner")
    new_parks = Zone.objects.get(slug="new-parks")
    assert permissions.is_core_team_member_of_zone(fire, new_parks)
    assert not permissions.is_core_team_member_of_zone(fire, Zone.objects.get(slug="coalville"))


def test_the_ingredients_are_the_domain_list_with_statuses_in_each_zone(demo):
    assert Ingredient.objects.count() == 8
    assert Ingredient.objects.first().name == "Consistent named local officers"
    statuses = set(ZoneIngredient.objects.values_list("status", flat=True))
    assert statuses == set(ZoneIngredient.Status.values)
