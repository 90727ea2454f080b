"""On a phone, the New Parks panel member logs an activity touching two resilience domains
and finds it on their zone's page."""

from playwright.sync_api import Page, expect

from tests.browser.test_sign_in_journey import sign_in
from tests.factories import PASSWORD

PHONE = {"width": 360, "height": 740}


def no_sideways_scroll(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_panel_member_logs_an_activity_on_a_phone_and_sees_it_on_the_zone_page(
    page: Page, server_url, world
):
    page.set_viewport_size(PHONE)
    page.goto(server_url + "/accounts/login/")
    sign_in(page, world.people.panel_a.username, PASSWORD)

    page.get_by_role("link", name="Log an activity").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Log an activity")
    assert no_sideways_scroll(page)
    # The date is already today's; the counts start at 0.
    expect(page.get_by_label("Day")).not_to_have_value("")
    page.get_by_label("Title").fill("Litter pick on Aikman Avenue")
    page.get_by_label("What happened").fill("Twelve residents cleared the alleyways.")
    page.get_by_role("checkbox", name="Safety", exact=True).check()
    page.get_by_role("checkbox", name="Resources", exact=True).check()
    page.get_by_label("Number of participants").fill("12")
    page.get_by_label("Volunteer hours").fill("24")
    page.get_by_role("button", name="Log activity").click()

    expect(page.get_by_role("alert")).to_contain_text("is logged for Zone A")
    expect(page.get_by_role("heading", level=1)).to_have_text("Litter pick on Aikman Avenue")
    assert no_sideways_scroll(page)

    page.goto(server_url + "/zones/zone-a/")
    section = page.locator("section", has=page.get_by_role("heading", name="Recent activities"))
    item = section.locator("li.app-activity-list__item", has_text="Litter pick on Aikman Avenue")
    expect(item).to_be_visible()
    expect(item.get_by_role("list", name="Resilience domains")).to_contain_text("Resources")
    expect(item.get_by_role("list", name="Resilience domains")).to_contain_text("Safety")
    assert no_sideways_scroll(page)


def test_a_missing_domain_is_shown_at_the_top_and_beside_the_checkboxes(
    page: Page, server_url, world
):
    page.set_viewport_size(PHONE)
    page.goto(server_url + "/accounts/login/")
    sign_in(page, world.people.panel_a.username, PASSWORD)
    page.goto(server_url + "/zones/zone-a/activities/new/")
    page.get_by_label("Title").fill("Coffee morning")
    page.get_by_label("What happened").fill("Twenty residents came.")
    page.get_by_role("button", name="Log activity").click()

    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    summary.get_by_role("link", name="Select at least one resilience domain").click()
    expect(page.get_by_label("Skills")).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value("Coffee morning")
