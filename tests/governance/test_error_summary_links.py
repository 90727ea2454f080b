"""Every link of an error summary on the issue and priority assignment pages leads to an
element of the page: radios to their first option (id_<name>_1), as the shared summary in
templates/gds/layout/error_summary.html does."""

import re

import pytest

from governance.services.priorities import assignment_acknowledge
from tests.governance.test_issues_pages import raise_issue
from tests.governance.test_priorities_pages import set_priority


def summary_targets(html: str) -> list[str]:
    summaries = re.findall(r'<div class="govuk-error-summary".*?</ul>', html, re.S)
    assert summaries, "no error summary on the page"
    return [target for s in summaries for target in re.findall(r'href="#([^"]+)"', s)]


def assert_every_link_lands(response) -> list[str]:
    html = response.content.decode()
    targets = summary_targets(html)
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    assert targets and all(target in ids for target in targets), (targets, ids)
    return targets


@pytest.fixture
def assignment(world):
    return set_priority(world).assignments.get(body=world.bodies.jag_a)


def test_a_report_without_a_rag_links_to_the_first_radio(client_as, world, assignment):
    assignment_acknowledge(actor=world.people.body_member, assignment=assignment, response="r")
    url = f"{assignment.get_absolute_url()}report/"
    response = client_as("body_member").post(url, {})
    assert response.status_code == 400
    assert assert_every_link_lands(response) == ["id_rag_1", "id_text"]


def test_an_empty_acknowledgement_links_to_its_text_box(client_as, world, assignment):
    url = f"{assignment.get_absolute_url()}acknowledge/"
    response = client_as("body_member").post(url, {})
    assert response.status_code == 400
    assert assert_every_link_lands(response) == ["id_response"]


@pytest.mark.parametrize(
    ("move", "target"),
    [("resolve", "id_resolve-decision"), ("escalate", "id_escalate-reason")],
)
def test_an_empty_issue_move_links_to_its_text_box(move, target, client_as, world):
    issue = raise_issue(world)
    response = client_as("body_member").post(f"/issues/{issue.pk}/{move}/", {})
    assert response.status_code == 400
    assert assert_every_link_lands(response) == [target]
