"""Every form of the service, for every role that sees it, fed hostile input.

The forms are found the way a person finds them: by opening every page the role may open
(tests/pages.py) and reading each `<form method="post">` on it. Each distinct (action,
role) is then posted, by Hypothesis, the form as shown and then the form with one to three
fields made hostile (empty, blank, very long, control characters and NUL, right-to-left
overrides, emoji, out-of-range and malformed numbers and dates, choices it does not offer,
left out, sent twice, garbage files). For each answer:

- never a server error;
- a refusal re-shows the form (200) with the GOV.UK error summary, whose links go to ids on
  the page, and each message beside its field inside a form group marked in error; or it
  is a 4xx that is not a bare 400;
- a refusal wrote nothing (writes rolled back inside the request do not count; the
  session's idle timer and the sign-in throttle's failure record are bookkeeping).

Every example runs inside a savepoint that is rolled back, so one form's accepted
submission (a delete, a publish) does not change the pages the next form is found on.

Bounded for CI: FUZZ_EXAMPLES (default 4) generated submissions per form, derandomised so
each run posts the same ones. FUZZ_EXAMPLES=50 hunts deeper locally.
"""

import os
import traceback

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, Phase, example, given, settings

from tests.conftest import ROLES
from tests.fuzz.checks import misplaced_errors, tables_written
from tests.fuzz.forms import Form, forms_on
from tests.fuzz.values import submissions
from tests.pages import pages_for, populate

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "4"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    phases=(Phase.explicit, Phase.generate),
    suppress_health_check=list(HealthCheck),
)


def discover(client, role, world) -> list[Form]:
    """One form per distinct action among the POST forms on every page `role` may open."""
    found: dict[str, Form] = {}
    for _route, path in pages_for(role, world):
        response = client.get(path)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for form in forms_on(path, response.content.decode()):
            found.setdefault(form.action, form)
    return list(found.values())


def answer_problems(response, queries) -> list[str]:
    status = response.status_code
    written = tables_written(queries)
    if status >= 500:
        return [f"server error {status}"]
    if 300 <= status < 400:
        return []
    if status < 300 and "html" not in response.get("Content-Type", ""):
        return []  # accepted: a download (e.g. a person's data export) in place of a page
    if status == 200:
        html = response.content.decode()
        if "govuk-error-summary" not in html and written:
            return []  # accepted, and the page shown in place of a redirect
        problems = misplaced_errors(html)
        if written:
            problems.append(f"refused, yet wrote to {sorted(written)}")
        return problems
    problems = []
    if status == 400:
        problems.append("a bare 400 in place of the form with its errors")
    if written:
        problems.append(f"answered {status}, yet wrote to {sorted(written)}")
    return problems


def short(data: dict) -> dict:
    def cut(value):
        if isinstance(value, list):
            return [cut(v) for v in value]
        if isinstance(value, str) and len(value) > 60:
            return value[:40] + f"…({len(value)} chars)"
        return value

    return {k: cut(v) for k, v in data.items() if k != "csrfmiddlewaretoken"}


def fuzz(client, form: Form) -> None:
    @FUZZ
    @example(form.valid_values())
    @given(submissions(form))
    def post(data):
        cookies = client.cookies
        client.cookies = type(cookies)(cookies)
        try:
            with transaction.atomic():
                with CaptureQueriesContext(connection) as queries:
                    response = client.post(form.action, data)
                problems = answer_problems(response, queries.captured_queries)
                transaction.set_rollback(True)
        finally:
            client.cookies = cookies
        assert not problems, (
            f"POST {form.action} {short(data)} → {response.status_code}: {problems}"
        )

    post()


@pytest.mark.parametrize("role", ROLES)
def test_every_form_refuses_hostile_input_next_to_the_field(role, world, client_as):
    populate(world)
    client = client_as(role)
    forms = discover(client, role, world)
    assert forms, f"no form found on any page {role} may open"
    failures = []
    for form in forms:
        try:
            fuzz(client, form)
        except Exception as error:  # noqa: BLE001 - every form is tried; all are reported
            lines = traceback.format_exception_only(error)
            where = traceback.extract_tb(error.__traceback__)[-1]
            failures.append(
                f"{form.action} (found on {form.page}): {''.join(lines).strip()}\n"
                f"    at {where.filename}:{where.lineno}"
            )
    assert not failures, f"{len(failures)} of {len(forms)} forms failed:\n" + "\n".join(failures)
