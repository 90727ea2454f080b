"""Ambition realisation: indicator progress, milestones done and objectives served,
averaged as the page says, in five queries for any number of zones."""

from decimal import Decimal

from evaluation.selectors.realisation import realisation_for_zones, serving_activities
from tests.factories import ZoneFactory
from tests.factories_activities import ActivityFactory
from tests.factories_evaluation import (
    IndicatorFactory,
    MeasurementFactory,
    approved_statement,
    days,
)
from tests.factories_zones import MilestoneFactory, ObjectiveFactory

D = Decimal


def build(zone):
    """Two measured indicators (50 % and 60 %), one unmeasured; 1 of 4 milestones done;
    one of two objectives served since the statement was approved."""
    statement = approved_statement(zone, approved_on=days(-200))
    higher = IndicatorFactory(ambition_statement=statement, name="Feeling safe")
    MeasurementFactory(indicator=higher, value=D(45), measured_on=days(-60))
    MeasurementFactory(indicator=higher, value=D(50), measured_on=days(-10))
    lower = IndicatorFactory(
        ambition_statement=statement,
        name="Loneliness",
        domain="health",
        direction="lower",
        baseline_value=D(30),
        target_value=D(20),
    )
    MeasurementFactory(indicator=lower, value=D(24), measured_on=days(-5))
    IndicatorFactory(ambition_statement=statement, name="Not yet", domain="skills")
    served, idle = ObjectiveFactory(zone=zone), ObjectiveFactory(zone=zone)
    MilestoneFactory(objective=served, status="done", completed_on=days(-20), due_on=days(-19))
    MilestoneFactory(objective=served, due_on=days(-3))  # late
    MilestoneFactory(objective=idle)
    MilestoneFactory(objective=idle)
    ActivityFactory(
        zone=zone, objective=served, occurred_on=days(-30), participants=9, volunteer_hours=D("3.5")
    )
    ActivityFactory(zone=zone, objective=served, occurred_on=days(-250))  # before approval
    ActivityFactory(zone=zone, objective=None, occurred_on=days(-30))  # served no objective
    return statement


def test_realisation_is_the_plain_average_of_its_three_parts(world):
    statement = build(world.zones.a)
    (r,) = realisation_for_zones([world.zones.a])
    assert r.statement == statement
    parts = {part.label: part for part in r.parts}
    assert parts["Indicator progress"].share == D("0.55")  # (50 % + 60 %) / 2
    assert parts["Indicator progress"].detail == "2 of 3 indicators measured"
    assert parts["Milestones done"].share == D("0.25")
    assert (r.milestones_total, r.milestones_done, r.milestones_late) == (4, 1, 1)
    assert parts["Objectives served"].share == D("0.5")
    assert r.score == (D("0.55") + D("0.25") + D("0.5")) / 3
    assert r.score_percent == 43
    assert r.left_out == []


def test_only_activities_since_approval_and_linked_to_an_objective_served_the_plan(world):
    build(world.zones.a)
    (r,) = realisation_for_zones([world.zones.a])
    totals = r.activity_totals
    assert (totals.activities, totals.participants, totals.volunteer_hours) == (1, 9, D("3.5"))
    assert [a.occurred_on for a in serving_activities(r)] == [days(-30)]


def test_parts_with_nothing_to_measure_are_left_out_and_named(world):
    statement = approved_statement(world.zones.a)
    indicator = IndicatorFactory(ambition_statement=statement)
    MeasurementFactory(indicator=indicator, value=D(55))  # 75 %
    (r,) = realisation_for_zones([world.zones.a])
    assert r.score == D("0.75")
    assert r.left_out == ["Milestones done", "Objectives served"]


def test_a_zone_without_an_ambition_statement_has_no_realisation(world):
    (r,) = realisation_for_zones([world.zones.b])
    assert r.statement is None and r.score is None and r.indicators == []


def test_realisation_as_at_a_past_date_reads_the_measurements_up_to_then(world):
    build(world.zones.a)
    (r,) = realisation_for_zones([world.zones.a], on=days(-30))
    measured = {row.indicator.name: row.progress for row in r.measured}
    assert list(measured) == ["Feeling safe"]  # loneliness was first measured later
    assert measured["Feeling safe"].percent == 25  # 45 on day -60
    assert r.milestones_done == 0  # done on day -20


def test_realisation_takes_five_queries_for_any_number_of_zones(world, django_assert_num_queries):
    build(world.zones.a)
    zones = [world.zones.a, world.zones.b]
    with django_assert_num_queries(5):
        realisation_for_zones(zones)
    for _ in range(3):
        zone = ZoneFactory(csp=world.bodies.csp_a)
        build(zone)
        zones.append(zone)
    with django_assert_num_queries(5):
        results = realisation_for_zones(zones)
    assert [r.score_percent for r in results[2:]] == [43, 43, 43]
