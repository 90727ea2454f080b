"""The accessibility statement has the parts the 2018 accessibility regulations ask for,
in GOV.UK's order, names who runs the service, and says how to get help."""

import re

from django.test import override_settings

SECTIONS = [
    "Accessibility statement for Partnerships and People Zones",
    "How accessible this service is",
    "Feedback and contact information",
    "Reporting accessibility problems with this service",
    "Enforcement procedure",
    "Technical information about this service’s accessibility",
    "Compliance status",
    "Non-accessible content",
    "Non-compliance with the accessibility regulations",
    "Disproportionate burden",
    "Content that’s not within the scope of the accessibility regulations",
    "What we’re doing to improve accessibility",
    "Preparation of this accessibility statement",
]


def headings(html: str) -> list[str]:
    return [
        re.sub(r"\s+", " ", h).strip()
        for h in re.findall(r"<h[1-4][^>]*>(.*?)</h[1-4]>", html, re.S)
    ]


def statement(client) -> str:
    response = client.get("/accessibility/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_statement_has_every_required_section_in_order(client, db):
    found = headings(statement(client))
    assert [h for h in found if h in SECTIONS] == SECTIONS
    assert found.count(SECTIONS[0]) == 1


@override_settings(ORGANISATION_NAME="Office of the Police and Crime Commissioner for Rutland")
def test_the_statement_names_the_organisation_that_runs_the_service(client, db):
    html = statement(client)
    assert "run by the Office of the Police and Crime Commissioner for Rutland" in html
    assert "Leicestershire" not in html.split("<main", 1)[1]


def test_compliance_status_and_reasons_are_stated_against_wcag_22_aa(client, db):
    html = statement(client)
    assert "This service is partially compliant with the" in html
    assert "Web Content Accessibility Guidelines version 2.2</a> AA standard" in html
    # Each non-compliance names the success criterion it fails and what people can use instead.
    assert "1.3.1 (Info and Relationships)" in html
    assert "2.5.8 (Target Size (Minimum))" in html
    assert (
        "We are not claiming that fixing any part of this service would be a disproportionate "
        "burden" in html
    )


def test_enforcement_names_the_ehrc_eass_and_northern_irelands_commission(client, db):
    html = statement(client)
    assert "Equality and Human Rights Commission (EHRC)" in html
    assert 'href="https://www.equalityadvisoryservice.com/"' in html
    assert 'href="https://www.equalityni.org/Home"' in html


def test_how_and_when_it_was_tested_and_reviewed(client, db):
    html = statement(client)
    assert "This statement was prepared on 27 November 2026" in html
    assert "It was last reviewed on 28 November 2026" in html
    assert "This service was last tested on 28 November 2026" in html
    assert "axe-core" in html and "using only a keyboard" in html


def test_without_a_contact_address_people_are_sent_to_the_organisation(client, db):
    html = statement(client)
    assert "mailto:" not in html
    assert "get back to you within 10 working days" in html


@override_settings(ACCESSIBILITY_CONTACT_EMAIL="access@opcc.example")
def test_a_configured_contact_address_is_offered_for_formats_and_problems(client, db):
    html = statement(client)
    assert html.count('href="mailto:access@opcc.example"') == 2
