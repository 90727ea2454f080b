"""Delivery plans: milestones and their statuses; late ones flagged by the daily task and
shown as late on the pages even before it runs."""

import pytest
from django.conf import settings
from django.db import IntegrityError, transaction

from config.domain import DomainError
from peoplezones.models import Milestone
from peoplezones.selectors.plans import plan_progress, timeline
from peoplezones.services.plans import milestone_save, objective_save
from peoplezones.tasks import flag_late_milestones
from tests.factories_zones import KeyIssueFactory, MilestoneFactory, ObjectiveFactory, days

Status = Milestone.Status


@pytest.fixture
def objective(world):
    return ObjectiveFactory(zone=world.zones.a, title="Youth evenings")


def test_the_daily_task_marks_overdue_milestones_late_and_leaves_the_rest(objective):
    overdue = MilestoneFactory(objective=objective, due_on=days(-1), status=Status.ON_TRACK)
    at_risk = MilestoneFactory(objective=objective, due_on=days(-30), status=Status.AT_RISK)
    done = MilestoneFactory(
        objective=objective, due_on=days(-5), status=Status.DONE, completed_on=days(-6)
    )
    due_today = MilestoneFactory(objective=objective, due_on=days(0), status=Status.ON_TRACK)
    assert flag_late_milestones.delay().get() == 2
    statuses = {m.pk: m.status for m in Milestone.objects.all()}
    assert statuses == {
        overdue.pk: Status.LATE,
        at_risk.pk: Status.LATE,
        done.pk: Status.DONE,
        due_today.pk: Status.ON_TRACK,
    }
    assert overdue.history.latest().history_change_reason == "Past its due date and not done"
    # Running again changes nothing.
    assert flag_late_milestones.delay().get() == 0


def test_the_task_runs_every_day_from_beat():
    entries = [e for e in settings.CELERY_BEAT_SCHEDULE.values() if "milestones" in e["task"]]
    assert [e["task"] for e in entries] == ["peoplezones.tasks.flag_late_milestones"]


def test_pages_show_an_overdue_milestone_as_late_before_the_task_runs(client_as, objective):
    milestone = MilestoneFactory(
        objective=objective, title="Recruit youth leaders", due_on=days(-2)
    )
    assert milestone.status == Status.ON_TRACK
    assert milestone.shown_status_value == Status.LATE
    rows, overall = plan_progress(objective.zone)
    assert (overall.late, rows[0][1].late) == (1, 1)
    [(month, [shown])] = timeline(objective.zone)
    assert shown.shown_status == Status.LATE
    page = client_as("officer").get("/zones/zone-a/plan/timeline/").content.decode()
    assert "app-row--late" in page and ">Late</strong>" in page
    zone_page = client_as("officer").get("/zones/zone-a/").content.decode()
    assert "1 milestone past its due date" in zone_page


def test_saving_an_overdue_milestone_not_done_makes_it_late(world, objective):
    milestone = milestone_save(
        actor=world.people.officer,
        objective=objective,
        title="Agree the hall",
        due_on=days(-3),
        status=Status.ON_TRACK,
        owner_name="Community panel",
    )
    assert milestone.status == Status.LATE


def test_late_can_be_chosen_before_the_due_date(world, objective):
    milestone = milestone_save(
        actor=world.people.officer,
        objective=objective,
        title="Agree the hall",
        due_on=days(3),
        status=Status.LATE,
        owner_organisation=world.organisations.x,
    )
    assert (milestone.status, milestone.shown_status_value) == (Status.LATE, Status.LATE)


def test_a_done_milestone_keeps_the_date_it_was_done(world, objective):
    milestone = milestone_save(
        actor=world.people.officer,
        objective=objective,
        title="Agree the hall",
        due_on=days(-3),
        status=Status.DONE,
        owner_person=world.people.panel_a,
    )
    assert (milestone.status, milestone.completed_on) == (Status.DONE, days(0))
    reopened = milestone_save(
        actor=world.people.officer,
        objective=objective,
        milestone=milestone,
        title="Agree the hall",
        due_on=days(10),
        status=Status.ON_TRACK,
        owner_person=world.people.panel_a,
        completed_on=days(-1),
    )
    assert (reopened.status, reopened.completed_on) == (Status.ON_TRACK, None)


def test_a_milestone_needs_an_owner(world, objective):
    with pytest.raises(DomainError, match="owns"):
        milestone_save(
            actor=world.people.officer, objective=objective, title="No one", due_on=days(3)
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        MilestoneFactory(objective=objective, owner_name="")


def test_the_database_refuses_done_without_a_date(objective):
    with pytest.raises(IntegrityError), transaction.atomic():
        MilestoneFactory(objective=objective, status=Status.DONE, completed_on=None)


def test_progress_counts_each_status_as_people_see_it(objective):
    for status, due in [
        (Status.NOT_STARTED, 20),
        (Status.ON_TRACK, 10),
        (Status.ON_TRACK, -1),  # overdue: late
        (Status.AT_RISK, 5),
        (Status.LATE, -4),
    ]:
        MilestoneFactory(objective=objective, status=status, due_on=days(due))
    MilestoneFactory(
        objective=objective, status=Status.DONE, due_on=days(-9), completed_on=days(-9)
    )
    ObjectiveFactory(zone=objective.zone, title="Nothing yet")
    rows, overall = plan_progress(objective.zone)
    assert overall.counts == {
        "not_started": 1,
        "on_track": 1,
        "at_risk": 1,
        "late": 2,
        "done": 1,
    }
    assert (overall.total, overall.percent_done) == (6, 17)
    assert [(o.title, p.total) for o, p in rows] == [("Youth evenings", 6), ("Nothing yet", 0)]


def test_the_timeline_groups_milestones_by_month(objective):
    first = MilestoneFactory(objective=objective, due_on=days(0).replace(day=3))
    second = MilestoneFactory(objective=objective, due_on=days(0).replace(day=20))
    later = MilestoneFactory(objective=objective, due_on=days(70))
    months = timeline(objective.zone)
    assert [[m.pk for m in ms] for _, ms in months] == [[first.pk, second.pk], [later.pk]]
    assert months[0][0] == days(0).replace(day=1)


def test_objectives_take_key_issues_of_their_own_zone_only(world):
    other = KeyIssueFactory(zone=world.zones.b)
    with pytest.raises(DomainError, match="Choose key issues of Zone A"):
        objective_save(
            actor=world.people.officer, zone=world.zones.a, title="X", key_issues=[other]
        )
    own = KeyIssueFactory(zone=world.zones.a)
    first = objective_save(
        actor=world.people.officer, zone=world.zones.a, title="X", key_issues=[own]
    )
    second = objective_save(actor=world.people.officer, zone=world.zones.a, title="Y")
    assert list(first.key_issues.all()) == [own]
    assert second.position == first.position + 1
