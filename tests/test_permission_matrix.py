"""Walk every URL pattern of the service for every role and compare what each role gets
with the expectation table in tests/permission_matrix.py."""

from datetime import timedelta

import pytest
from django.contrib import admin
from django.urls import resolve
from django.utils import timezone

from tests.conftest import ROLES
from tests.pages import fill, populate, url_patterns
from tests.permission_matrix import (
    ADMIN_MODEL_RULES,
    ADMIN_OFFICER_EXCEPTIONS,
    APP_INDEX,
    EXPECTATIONS,
    officers,
)


def table_key(route: str) -> str:
    return APP_INDEX if route.startswith("admin/^(?P<app_label>") else route


def admin_model_for(route: str):
    for model in admin.site._registry:
        if route.startswith(f"admin/{model._meta.app_label}/{model._meta.model_name}/"):
            return model
    return None


def admin_expectation(route: str, name: str, model):
    """Path values and outcomes for a per-model admin URL."""
    obj = model._default_manager.order_by("pk").first()
    assert obj is not None, f"the matrix needs one {model._meta.label} to probe {route}"
    values = {"object_id": obj.pk, "id": obj.pk}
    if "history/([^/]+)" in route:
        record = obj.history.order_by("pk").first()
        route = route.replace("^([^/]+)/history/([^/]+)/$", f"{obj.pk}/history/{record.pk}/")
    kind = None if name in (None, "admin:None") else name.rsplit("_", 1)[-1]
    if name and name.endswith("simple_history"):
        kind = "simple_history"
    if name and name.endswith("password_change"):
        kind = "password_change"
    outcome = ADMIN_OFFICER_EXCEPTIONS.get(name, ADMIN_MODEL_RULES[kind])
    return route, values, officers(outcome)


@pytest.fixture
def admin_objects(world):
    """One row of every model the admin shows, so each of its object pages can be probed."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django_celery_beat.models import (
        ClockedSchedule,
        CrontabSchedule,
        IntervalSchedule,
        PeriodicTask,
        SolarSchedule,
    )
    from django_celery_results.models import GroupResult, TaskResult
    from rest_framework.authtoken.models import Token

    interval = IntervalSchedule.objects.create(every=1, period=IntervalSchedule.DAYS)
    CrontabSchedule.objects.create(minute="0", hour="6")
    SolarSchedule.objects.create(event="sunrise", latitude=52.63, longitude=-1.13)
    ClockedSchedule.objects.create(clocked_time=timezone.now() + timedelta(days=1))
    PeriodicTask.objects.create(name="probe", task="celery.backend_cleanup", interval=interval)
    TaskResult.objects.create(task_id="probe-task")
    GroupResult.objects.create(group_id="probe-group")
    Token.objects.create(user=world.people.officer)
    probe = {"username": "probe", "ip_address": "127.0.0.1", "user_agent": "probe"}
    AccessAttempt.objects.create(failures_since_start=1, **probe)
    AccessLog.objects.create(**probe)
    AccessFailureLog.objects.create(**probe)
    return populate(world)


def outcome_of(client, path: str) -> str:
    response = client.get(path)
    # The admin sends people without access to its own login view first; follow that hop.
    while response.status_code in (301, 302) and response["Location"].startswith("/admin/login/"):
        response = client.get(response["Location"])
    status = response.status_code
    if status in (301, 302):
        return "login" if response["Location"].startswith("/accounts/login/") else "redirect"
    return {200: "ok", 401: "unauthorised", 403: "denied", 404: "missing", 405: "method"}.get(
        status, str(status)
    )


@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_each_role_as_the_table_says(role, admin_objects, client_as):
    client = client_as(role)
    world = admin_objects
    unlisted, wrong = [], []
    for route, name in url_patterns():
        model = admin_model_for(route)
        if model is not None:
            route_filled, values, expected = admin_expectation(route, name, model)
        elif table_key(route) in EXPECTATIONS:
            make_values, expected = EXPECTATIONS[table_key(route)]
            route_filled, values = route, make_values(world)
        else:
            unlisted.append(route)
            continue
        path = fill(route_filled, values)
        if not route.startswith("admin/(?P<url>"):
            reached = resolve(path).route.replace("^", "")
            assert reached == route.replace("^", ""), f"{path} does not reach {route}"
        got = outcome_of(client, path)
        if got != expected[role]:
            wrong.append(f"{path}: expected {expected[role]}, got {got}")
    assert not unlisted, f"URL patterns missing from tests/permission_matrix.py: {unlisted}"
    assert not wrong, f"{role}:\n" + "\n".join(wrong)
