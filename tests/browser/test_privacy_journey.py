"""An officer finds a person under Personal data, is stopped by the erasure form until they
give a reason and confirm, and then erases them."""

import os

from playwright.sync_api import Page, expect

from tests.browser.test_sign_in_journey import sign_in
from tests.factories import PASSWORD, UserFactory

SHOTS = os.environ.get("SCREENSHOT_DIR")


def _shot(page: Page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_officer_erases_a_person_after_confirming(page: Page, server_url, world):
    person = UserFactory(first_name="Janet", last_name="Quillfeather", email="jq@example.net")
    page.goto(server_url + "/accounts/login/")
    sign_in(page, world.people.officer.username, PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Personal data").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("People and their data")
    page.get_by_label("Name, username or email address").fill("quillfeather")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Janet Quillfeather").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Janet Quillfeather")
    _shot(page, "privacy-person")

    page.get_by_role("link", name="Erase this person").click()
    page.get_by_role("button", name="Erase this person").click()
    summary = page.get_by_role("alert")
    expect(summary.get_by_role("link", name="Say why the person is erased")).to_be_visible()
    _shot(page, "privacy-erase-error")

    page.get_by_label("Why is this person erased?").fill("Request ER-7")
    page.get_by_label("I understand that erasure cannot be undone").check()
    page.get_by_role("button", name="Erase this person").click()
    expect(page.get_by_role("alert")).to_contain_text("The person has been erased.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Erased person")
    _shot(page, "privacy-erased")
    person.refresh_from_db()
    assert not person.is_active
