"""A person signs in from the start page, reaches their dashboard and signs out again."""

import re

from playwright.sync_api import Page, expect

from tests.factories import PASSWORD

SERVICE_NAME = "Partnerships and People Zones"


def sign_in(page: Page, username: str, password: str) -> None:
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_officer_signs_in_from_the_start_page_and_signs_out(page: Page, server_url, world):
    page.goto(server_url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text(SERVICE_NAME)

    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    sign_in(page, world.people.officer.username, PASSWORD)

    expect(page.get_by_role("heading", level=1)).to_have_text("Your dashboard")
    expect(page.get_by_role("table", name="Active partnership bodies by level")).to_be_visible()
    menu = page.get_by_role("navigation", name="Menu")
    expect(menu.get_by_role("link", name="Administration")).to_be_visible()

    page.get_by_role("banner").get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    expect(page.get_by_role("alert")).to_contain_text("You have signed out.")

    page.goto(server_url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text(SERVICE_NAME)
    expect(page.get_by_role("banner").get_by_role("button", name="Sign out")).to_have_count(0)


def test_wrong_password_shows_the_error_summary_and_keeps_the_username(
    page: Page, server_url, world
):
    page.goto(server_url + "/accounts/login/")
    sign_in(page, world.people.officer.username, "not-the-password")

    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.get_by_role("alert")
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(summary.get_by_role("link", name=re.compile("Enter a correct username"))).to_be_visible()
    expect(summary).to_be_focused()
    expect(page.get_by_label("Username")).to_have_value(world.people.officer.username)
    expect(page.get_by_label("Password")).to_have_value("")


def test_empty_sign_in_shows_both_fields_in_the_error_state(page: Page, server_url):
    page.goto(server_url + "/accounts/login/")
    page.get_by_role("button", name="Sign in").click()

    summary = page.get_by_role("alert")
    expect(summary.get_by_role("link", name="Enter your username")).to_be_visible()
    expect(summary.get_by_role("link", name="Enter your password")).to_be_visible()
    # crispy-forms-gds styles only text inputs in error; templates/gds/field.html does the rest.
    for label in ("Username", "Password"):
        expect(page.get_by_label(label)).to_have_class(re.compile(r"\bgovuk-input--error\b"))
