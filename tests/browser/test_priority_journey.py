"""A priority goes down the partnership and the answers come back up: the officer sets it
at the board, the JAG chair acknowledges it and reports, the officer sees the roll-up."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.browser.test_escalation_journey import sign_in, sign_out


def fill_date(page: Page, legend: str, day) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def test_a_priority_is_set_acknowledged_reported_and_rolled_up(page: Page, server_url, world):
    today = timezone.localdate()

    # The officer sets a priority at the board, routed to every body below.
    sign_in(page, server_url, world.people.officer.username)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Priorities").click()
    page.get_by_role("link", name="Set a priority").click()
    page.get_by_role("link", name="Test SPB").click()
    page.get_by_label("Title").fill("Violence against women and girls at night")
    page.get_by_label("Description").fill("Safer venues and routes home.")
    page.get_by_label("Rationale").fill("Women feel least safe after dark.")
    page.get_by_label("Police and Crime Plan theme").select_option(
        label="Violence against women and girls"
    )
    fill_date(page, "Start of the period", today)
    fill_date(page, "End of the period", today + timedelta(days=365))
    fill_date(page, "Acknowledge by", today + timedelta(days=14))
    expect(page.get_by_label("Every body below")).to_be_checked()
    page.get_by_role("button", name="Set priority").click()
    expect(page.get_by_role("alert")).to_contain_text("Priority set and routed to 5 bodies.")
    sign_out(page)

    # The JAG chair finds it on the dashboard, acknowledges it and reports.
    sign_in(page, server_url, world.people.body_member.username)
    page.get_by_role("link", name="Violence against women and girls at night").click()
    page.get_by_label("What will your body do?").fill("Walk the late-night routes with residents.")
    page.get_by_role("button", name="Acknowledge priority").click()
    expect(page.get_by_role("alert")).to_contain_text("Priority acknowledged.")
    page.get_by_label("Green: on track").check()
    page.get_by_label("What has happened since the last report?").fill("Two walks done.")
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_role("alert")).to_contain_text("Report sent.")
    expect(page.locator(".app-trail")).to_contain_text("Two walks done.")
    sign_out(page)

    # The officer sees the roll-up.
    sign_in(page, server_url, world.people.officer.username)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Priorities").click()
    page.get_by_role("link", name="Violence against women and girls at night").click()
    rollup = page.locator(".app-rollup")
    expect(rollup).to_contain_text("5 bodies routed to")
    expect(rollup).to_contain_text("1 acknowledged")
    expect(rollup).to_contain_text("1 reporting")
    row = page.get_by_role("row", name=re.compile(r"^JAG A JAG "))
    expect(row).to_contain_text("Reporting")
    expect(row).to_contain_text("Walk the late-night routes")
    expect(row).to_contain_text("Green")
