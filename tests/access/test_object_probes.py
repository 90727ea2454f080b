"""Every object of the service refuses people of the wrong zone, body or organisation, by
page and by API, on reading, editing and every action, and is left as it was.

The probes are the table in tests/access/probes.py; routes come from the resolver, so a new
route that reaches an object and has no probe fails here, as a new URL without a matrix row
fails tests/test_permission_matrix.py.
"""

import re
from itertools import groupby

import pytest
from django.apps import apps
from django.test import Client
from rest_framework.test import APIClient

from tests.access.probes import API, NOT_OWNED, PAGES, Probe
from tests.pages import fill, url_patterns

REFUSED = (403, 404)
OWNED_APPS = ("governance", "peoplezones", "evaluation", "toolkit")
# What someone might send to change an object or move it on; the probes must be refused
# before any of it is read, so it need not be valid for every form.
PAYLOAD = {
    "title": "Changed by a stranger",
    "name": "Changed by a stranger",
    "description": "Changed by a stranger",
    "reason": "Changed by a stranger",
    "response": "Changed by a stranger",
    "text": "Changed by a stranger",
    "note": "Changed by a stranger",
    "progress_note": "Changed by a stranger",
    "rag": "green",
    "status": "closed",
    "value": "99",
    "confirm": "yes",
    "id": "1",
    "escalate-reason": "Changed by a stranger",
    "resolve-decision": "Changed by a stranger",
    "return-decision": "Changed by a stranger",
    "decision": "Changed by a stranger",
}
PAGE_METHODS = {"read": ("get", "post"), "write": ("post",)}
API_METHODS = {
    "read": ("get", "put", "patch", "delete", "post"),
    "write": ("put", "patch", "delete", "post"),
}


def object_routes(api: bool) -> list[str]:
    """Routes whose path names one object (any argument but a format suffix)."""
    found = []
    for route, _name in url_patterns():
        if (
            route.startswith("admin/")
            or "(?P<format>" in route
            or route.startswith("api/v1/<drf_format")
        ):
            continue
        arguments = set(re.findall(r"<(?:\w+:)?(\w+)>", route)) - {"format"}
        if arguments and route.startswith("api/") == api:
            found.append(route)
    return found


def snapshot() -> dict[str, list]:
    """Every row of the service's own tables, many-to-many links included."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values_list())
        for model in apps.get_models(include_auto_created=True)
        # History rows come with the rows they record; the rows themselves are compared.
        if model._meta.app_label in OWNED_APPS and not model.__name__.startswith("Historical")
    }


def changed_tables(before: dict, after: dict) -> list[str]:
    return [label for label in before if before[label] != after[label]]


def _part(route: str) -> str:
    """The part of the service a route belongs to: its first word (after api/v1/^)."""
    return route.removeprefix("api/v1/^").split("/")[0]


class Prober:
    """Sends the probes and collects what went wrong, one line per refusal missed."""

    def __init__(self, world, clients: dict, officer, methods: dict):
        self.world, self.clients, self.officer, self.methods = world, clients, officer, methods
        self.problems: list[str] = []
        self._officer_answers: dict = {}
        self._rows = snapshot()

    def run_all(self, table: dict) -> None:
        """Every probe of the table, checking the tables after each part's routes (a
        snapshot per route would double the run's time)."""
        for part, rows in groupby(table.items(), key=lambda row: _part(row[0])):
            routes = []
            for route, probe in rows:
                self.run(route, probe)
                routes.append(route)
            self.check_unchanged(f"the probes of {part} ({', '.join(routes)})")

    def check_unchanged(self, what: str) -> None:
        before, self._rows = self._rows, snapshot()
        touched = changed_tables(before, self._rows)
        if touched:
            self.problems.append(f"{what} changed {touched}")

    def run(self, route: str, probe: Probe) -> None:
        path = fill(route, probe.values(self.world))
        if self.officer.get(path).status_code == 404:
            # Officers reach every object: a probe they cannot reach could never fail.
            self.problems.append(f"{route}: {path} reaches nothing, probe it with a real object")
        for group in ("read", "write"):
            for role in getattr(probe, group):
                self._probe(role, path, self.methods[group])
        if probe.told is not None:
            roles, words = probe.told
            for role in roles:
                self._probe(role, path, self.methods["write"], told=words)
        if probe.swap is not None:
            values, roles = probe.swap
            swapped = fill(route, values(self.world))
            for role in roles:
                self._probe(role, swapped, self.methods["read"])

    def _probe(self, role: str, path: str, methods, told: str = "") -> None:
        client = self.clients[role]
        for method in methods:
            response = self._send(client, method, path)
            status = response.status_code
            if status in REFUSED or (status == 405 and self._untaken(method, path)):
                continue
            if told and status == 400 and told in response.content.decode():
                continue
            self.problems.append(f"{role} {method.upper()} {path}: {status}")

    def _send(self, client, method: str, path: str):
        if method == "get":
            return client.get(path)
        if isinstance(client, APIClient):
            return getattr(client, method)(path, PAYLOAD, format="json")
        return getattr(client, method)(path, PAYLOAD)

    def _untaken(self, method: str, path: str) -> bool:
        """405 is fine where nobody may use that method: the view never ran."""
        key = (method, path)
        if key not in self._officer_answers:
            response = self._send(self.officer, method, path)
            self._officer_answers[key] = response.status_code
        return self._officer_answers[key] == 405


def roles_of(table: dict) -> set[str]:
    roles = set()
    for probe in table.values():
        roles.update(probe.read, probe.write, probe.swap[1] if probe.swap else ())
        roles.update(probe.told[0] if probe.told else ())
    return roles


def signed_in_clients(world, roles) -> dict:
    clients = {}
    for role in roles:
        clients[role] = Client(raise_request_exception=False)
        clients[role].force_login(getattr(world.people, role))
    return clients


def check_listed(table: dict, api: bool) -> None:
    routes = object_routes(api)
    unlisted = [r for r in routes if r not in table and r not in NOT_OWNED]
    assert not unlisted, f"object routes without a probe in tests/access/probes.py: {unlisted}"
    stale = [r for r in table if r not in routes]
    assert not stale, f"probes for routes that no longer exist: {stale}"


def test_every_object_page_refuses_the_wrong_zone_body_and_organisation(access_world):
    check_listed(PAGES, api=False)
    clients = signed_in_clients(access_world, roles_of(PAGES) | {"officer"})
    prober = Prober(access_world, clients, clients["officer"], PAGE_METHODS)
    prober.run_all(PAGES)
    assert not prober.problems, "\n".join(prober.problems)


def test_every_object_in_the_api_refuses_the_wrong_zone_body_and_organisation(access_world, api_as):
    check_listed(API, api=True)
    clients = {role: api_as(role) for role in roles_of(API) | {"officer"}}
    prober = Prober(access_world, clients, clients["officer"], API_METHODS)
    prober.run_all(API)
    assert not prober.problems, "\n".join(prober.problems)


@pytest.mark.parametrize("table", [PAGES, API], ids=["pages", "api"])
def test_every_probe_names_someone_to_refuse(table):
    empty = [route for route, probe in table.items() if not (probe.read or probe.write)]
    assert not empty, f"probes that refuse nobody: {empty}"


def test_the_probes_notice_a_changed_row_and_a_new_link(access_world):
    """The probes' own check: a change nobody asked for, or a many-to-many link, shows."""
    from peoplezones.models import Activity

    before = snapshot()
    Activity.objects.filter(pk=access_world.activity.pk).update(title="Changed")
    access_world.activity.organisations.add(access_world.organisations.y)
    touched = changed_tables(before, snapshot())
    assert "peoplezones.Activity" in touched
    assert "peoplezones.Activity_organisations" in touched
