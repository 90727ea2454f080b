"""On a phone, the panel chair approves the ambition statement and reads the zone page;
the zone page prints as a report."""

import re

from playwright.sync_api import Page, expect

from peoplezones.models import AmbitionStatement
from tests.browser.test_sign_in_journey import sign_in
from tests.factories import PASSWORD
from tests.factories_zones import (
    AmbitionStatementFactory,
    MilestoneFactory,
    ObjectiveFactory,
    days,
    full_team,
)


def test_the_panel_chair_approves_the_ambition_on_a_phone(page: Page, server_url, world):
    zone = world.zones.a
    full_team(zone, lac=False)
    objective = ObjectiveFactory(zone=zone, title="Youth evenings")
    MilestoneFactory(objective=objective, title="Recruit youth leaders", due_on=days(-3))
    AmbitionStatementFactory(
        zone=zone,
        version=1,
        text="Neighbours who know each other and streets where everyone feels safe.",
        status="consulted",
        consulted_on=days(-10),
    )
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(server_url + "/zones/zone-a/ambition/1/")
    sign_in(page, world.people.panel_a.username, PASSWORD)

    page.get_by_role("link", name="Record the panel's approval").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Approve version 1")
    page.get_by_label("Day").fill(str(days(-1).day))
    page.get_by_label("Month").fill(str(days(-1).month))
    page.get_by_label("Year").fill(str(days(-1).year))
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("alert")).to_contain_text("Version 1 is approved")
    assert AmbitionStatement.objects.get().status == "approved"
    page.get_by_role("link", name="Zone A").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Zone A")
    expect(page.locator("#ambition-heading + blockquote")).to_contain_text("feels safe")
    expect(page.get_by_text("1 milestone past its due date")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the zone page scrolls sideways on a phone ({width}px)"


def test_the_zone_page_prints_without_its_navigation(page: Page, server_url, world):
    page.goto(server_url + "/accounts/login/")
    sign_in(page, world.people.board.username, PASSWORD)
    page.goto(server_url + "/zones/zone-a/")
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Zone A")).to_be_hidden()
    expect(page.get_by_text(re.compile(r"^Printed from .* on "))).to_be_visible()
    expect(page.get_by_role("heading", name="Braunstone Blues ingredients")).to_be_visible()
