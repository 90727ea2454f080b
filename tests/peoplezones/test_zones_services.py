"""Zones open and close over time: every allowed move, every refused one, and their dates."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from config.domain import DomainError
from peoplezones.models import Zone
from peoplezones.services.zones import ZONE_TRANSITIONS, zone_create, zone_status_change
from tests.factories import ZoneFactory
from tests.factories_zones import days

Status = Zone.Status


def test_a_new_zone_is_proposed_with_a_slug_from_its_name(world):
    zone = zone_create(
        actor=world.people.officer,
        name="Thringstone & Whitwick",
        area_type="county",
        district="North West Leicestershire",
        csp=world.bodies.csp_a,
        jag=None,
        location="Thringstone and Whitwick (LE67)",
    )
    assert (zone.status, zone.slug, zone.location) == (
        Status.PROPOSED,
        "thringstone-whitwick",
        "Thringstone and Whitwick (LE67)",
    )
    assert zone.history.latest().history_user == world.people.officer


def test_a_zone_never_takes_a_slug_that_is_a_page_or_another_zone(world):
    fields = {"area_type": "city", "district": "Leicester", "csp": world.bodies.csp_a}
    named_new = zone_create(actor=world.people.officer, name="New", **fields)
    again = zone_create(actor=world.people.officer, name="Zone A", **fields)
    assert named_new.slug != "new"
    assert again.slug == "zone-a-2"


@pytest.mark.parametrize(
    ("start", "to"),
    [(a, b) for a in Status for b in Status if b in ZONE_TRANSITIONS[a]],
)
def test_every_allowed_move_records_its_date(world, start, to):
    zone = ZoneFactory(csp=world.bodies.csp_a, status=start, opened_on=None)
    if start == Status.CLOSED:
        zone.opened_on, zone.closed_on = days(-400), days(-100)
        zone.save()
    moved = zone_status_change(actor=world.people.officer, zone=zone, status=to, on=days(-10))
    assert moved.status == to
    if to == Status.ACTIVE:
        assert moved.closed_on is None
        assert moved.opened_on == (days(-400) if start == Status.CLOSED else days(-10))
    else:
        assert moved.closed_on == days(-10)


@pytest.mark.parametrize(
    ("start", "to"),
    [(a, b) for a in Status for b in Status if b not in ZONE_TRANSITIONS[a]],
)
def test_every_other_move_is_refused_and_changes_nothing(world, start, to):
    zone = ZoneFactory(csp=world.bodies.csp_a, status=start)
    with pytest.raises(DomainError) as refused:
        zone_status_change(actor=world.people.officer, zone=zone, status=to)
    assert refused.value.field == "status"
    zone.refresh_from_db()
    assert zone.status == start


def test_a_zone_cannot_close_before_it_opened_nor_in_the_future(world):
    zone = ZoneFactory(csp=world.bodies.csp_a, opened_on=days(-30))
    with pytest.raises(DomainError, match="before the day it opened"):
        zone_status_change(actor=world.people.officer, zone=zone, status="closed", on=days(-31))
    with pytest.raises(DomainError, match="future"):
        zone_status_change(actor=world.people.officer, zone=zone, status="closed", on=days(1))
    zone.refresh_from_db()
    assert (zone.status, zone.closed_on) == (Status.ACTIVE, None)


def test_a_zone_cannot_reopen_before_it_closed(world):
    zone = ZoneFactory(
        csp=world.bodies.csp_a, status=Status.CLOSED, opened_on=days(-90), closed_on=days(-10)
    )
    with pytest.raises(DomainError, match="before the day it closed"):
        zone_status_change(actor=world.people.officer, zone=zone, status="active", on=days(-11))


def test_the_database_refuses_half_a_point_and_closing_before_opening(world):
    zone = world.zones.a
    with pytest.raises(IntegrityError), transaction.atomic():
        Zone.objects.filter(pk=zone.pk).update(latitude=52.6)
    with pytest.raises(IntegrityError), transaction.atomic():
        Zone.objects.filter(pk=zone.pk).update(
            opened_on=datetime.date(2020, 1, 2), closed_on=datetime.date(2020, 1, 1)
        )
