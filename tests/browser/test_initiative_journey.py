"""The fire partner offers an initiative; the officer takes it under review and accepts it
into the zone's delivery plan; the partner sees the decision."""

from playwright.sync_api import Page, expect

from tests.browser.test_sign_in_journey import sign_in
from tests.factories import PASSWORD
from tests.factories_activities import ObjectiveFactory


def sign_out(page: Page) -> None:
    page.get_by_role("banner").get_by_role("button", name="Sign out").click()


def test_partner_offers_officer_accepts_into_the_plan_partner_sees_the_decision(
    page: Page, server_url, world
):
    ObjectiveFactory(zone=world.zones.a, title="Safer homes for older residents")
    page.goto(server_url + "/accounts/login/")
    sign_in(page, world.people.partner_x.username, PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Initiatives").click()
    page.get_by_role("link", name="Offer an initiative").click()
    page.get_by_label("Zone A").check()
    page.get_by_label("Name of the initiative").fill("Safe and Well visits")
    page.get_by_label("What it involves").fill("Home fire safety checks with advice on falls.")
    page.get_by_label("Who it is for").fill("Older residents living alone")
    page.get_by_label("What your organisation offers").fill("A crew one day a month")
    page.get_by_label("Cost to the zone, in pounds").fill("0")
    start = page.get_by_role("group", name="Start date")
    start.get_by_label("Day").fill("1")
    start.get_by_label("Month").fill("6")
    start.get_by_label("Year").fill("2030")
    page.get_by_role("button", name="Submit initiative").click()
    expect(page.get_by_role("alert")).to_contain_text("“Safe and Well visits” is submitted")
    expect(page.get_by_text("No cost to the zone")).to_be_visible()
    sign_out(page)

    sign_in(page, world.people.officer.username, PASSWORD)
    page.get_by_role("link", name="Safe and Well visits").first.click()
    page.get_by_role("button", name="Start review").click()
    expect(page.get_by_role("alert")).to_contain_text("under review")
    page.get_by_role("link", name="Accept into the delivery plan").click()
    page.get_by_label("Safer homes for older residents").check()
    page.get_by_label("Note to the organisation (optional)").fill("Welcome: start in June.")
    page.get_by_role("button", name="Accept initiative").click()
    expect(page.get_by_role("alert")).to_contain_text("accepted into the delivery plan")
    sign_out(page)

    sign_in(page, world.people.partner_x.username, PASSWORD)
    panel = page.locator("section", has=page.get_by_role("heading", name="initiatives"))
    expect(panel.get_by_text("Accepted")).to_be_visible()
    panel.get_by_role("link", name="Safe and Well visits").click()
    expect(page.get_by_role("heading", name="Decision")).to_be_visible()
    expect(page.get_by_text("Note: Welcome: start in June.")).to_be_visible()
    expect(page.get_by_role("link", name="Safer homes for older residents")).to_be_visible()
