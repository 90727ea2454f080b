"""Schemathesis against the API as its own schema (/api/schema/) describes it, in-process
through the WSGI application, once per role with that person's API token and once signed
out: every operation, reads and writes, with valid and schema-breaking inputs.

Checks, per answer: never a server error (schemathesis' not_a_server_error); a refusal of
the input (400) is a JSON object naming the fields at fault (or `detail` /
`non_field_errors`), not a page. Status-code conformance is not checked: the schema
documents each operation's success codes only, not the 400/401/403/404 every operation
also gives.

Path parameters are drawn from the objects tests/pages.py `populate` creates (the first
few of the viewset's model, by its lookup field), mixed with generated ones, so the
operations reach real objects and not only 404. Every example runs in a savepoint rolled
back afterwards, so one accepted write does not change what the next request finds.

Bounded for CI: FUZZ_API_EXAMPLES (default 3) per operation and identity, derandomised.
"""

import functools
import json
import os
import traceback

import pytest
import schemathesis
from django.core.signals import got_request_exception, request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from django.urls import resolve
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok

from tests.conftest import ROLES
from tests.pages import populate

EXAMPLES = int(os.environ.get("FUZZ_API_EXAMPLES", "3"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    phases=(Phase.explicit, Phase.generate),
    suppress_health_check=list(HealthCheck),
)
# Keys a 400 may use for what is not one field's fault.
GENERAL_KEYS = {"detail", "non_field_errors"}


@pytest.fixture
def in_process():
    """Requests through the WSGI handler inside the test's transaction: as Django's test
    client does, keep the handler from closing the connection around each request, and
    collect the exceptions behind any 500."""
    errors = []

    def record(sender, request=None, **kwargs):
        errors.append(traceback.format_exc())

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    got_request_exception.connect(record)
    try:
        yield errors
    finally:
        got_request_exception.disconnect(record)
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def real_values(path: str, name: str) -> list:
    """The first few lookup values of the model behind the viewset serving `path`."""
    probe = path.replace("{" + name + "}", "1")
    try:
        view = resolve(probe).func
    except Exception:  # noqa: BLE001 - a path Django does not resolve has no real values
        return []
    cls = getattr(view, "cls", None)
    if cls is None:
        return []
    queryset = getattr(cls, "queryset", None)
    model = queryset.model if queryset is not None else None
    if model is None:
        serializer = getattr(cls, "serializer_class", None)
        model = getattr(getattr(serializer, "Meta", None), "model", None)
    if model is None:
        return []
    lookup = getattr(cls, "lookup_field", "pk")
    return list(model._default_manager.order_by("pk").values_list(lookup, flat=True)[:4])


def cases(operation):
    """Valid and schema-breaking cases for `operation`, path parameters often real."""
    modes = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]
    strategies = [operation.as_strategy(generation_mode=mode) for mode in modes]
    names = [p.name for p in operation.path_parameters]
    if len(names) == 1:
        for value in real_values(operation.path, names[0]):
            for mode in modes:
                strategies.insert(
                    0,
                    operation.as_strategy(generation_mode=mode, path_parameters={names[0]: value}),
                )
    return st.one_of(*strategies)


def answer_problems(response) -> list[str]:
    if response.status_code != 400:
        return []
    try:
        body = json.loads(response.content)
    except ValueError:
        return ["a 400 that is not JSON"]
    if not isinstance(body, dict) or not body:
        return [f"a 400 whose body names no field: {body!r}"[:300]]
    return []


@functools.cache
def api_schema():
    """The schema as /api/schema/ serves it, read once through the WSGI application."""
    return schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


def run_operation(operation, headers, errors, examples: int) -> None:
    @settings(FUZZ, max_examples=examples)
    @given(cases(operation))
    def call(case):
        del errors[:]
        with transaction.atomic():
            response = case.call(headers=headers)
            transaction.set_rollback(True)
        detail = f"\n{errors[-1]}" if errors else ""
        case.validate_response(response, checks=[not_a_server_error], headers=headers)
        problems = answer_problems(response)
        assert not problems, (
            f"{case.method} {case.formatted_path} query={case.query} body={case.body!r:.300}"
            f" → {response.status_code}: {problems}{detail}"
        )

    call()


@pytest.mark.parametrize("role", ROLES)
def test_api_never_fails_and_names_the_field_it_refuses(role, world, in_process):
    populate(world)
    headers = {}
    if role != "anonymous":
        token, _ = Token.objects.get_or_create(user=getattr(world.people, role))
        headers["Authorization"] = f"Token {token.key}"
    failures, count = [], 0
    for result in api_schema().get_all_operations():
        count += 1
        if not isinstance(result, Ok):
            failures.append(f"an operation the schema describes wrongly: {result.err()}")
            continue
        operation = result.ok()
        # Signed out, an operation that needs a sign-in answers 401 before reading its
        # input: one example is enough. Those open to anyone (security lists {}) get all.
        open_to_anyone = {} in operation.definition.raw.get("security", [{}])
        examples = EXAMPLES if role != "anonymous" or open_to_anyone else 1
        try:
            run_operation(operation, headers, in_process, examples)
        except Exception as error:  # noqa: BLE001 - every operation is tried; all reported
            text = "".join(traceback.format_exception_only(error)).strip()
            if in_process:
                text += "\n" + in_process[-1][-1500:]
            failures.append(f"{operation.method.upper()} {operation.path}: {text[:3000]}")
    assert count > 50, f"the schema lists only {count} operations"
    assert not failures, f"{len(failures)} of {count} operations failed for {role}:\n" + (
        "\n".join(failures)
    )
