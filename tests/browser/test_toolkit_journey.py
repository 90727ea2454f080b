"""A visitor who is not signed in finds the toolkit from the start page, searches for
"lighting", opens the street-light audit and prints it; another, without JavaScript,
narrows the library with the filters."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from toolkit import demo


@pytest.fixture
def toolkit(world):
    """The ten methods, the hidden draft and some feedback, as the demo loads them."""
    demo.load({})


def test_visitor_searches_for_lighting_opens_the_street_light_audit_and_prints_it(
    page: Page, server_url, toolkit
):
    # Count calls to window.print instead of opening the browser's print dialog.
    page.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    page.goto(server_url + "/")
    page.get_by_role("link", name=re.compile("toolkit of methods")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Toolkit")

    page.get_by_label("Search the toolkit").fill("lighting")
    page.get_by_role("button", name="Search", exact=True).click()
    results = page.get_by_role("list", name=re.compile(r"methods? found"))
    expect(results.get_by_role("heading", level=3).first).to_have_text("Street-light audit")
    expect(page.get_by_text("Community café drop-in")).to_have_count(0)

    results.get_by_role("link", name="Street-light audit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Street-light audit")
    expect(page.get_by_role("heading", name="Step by step")).to_be_visible()
    expect(page.get_by_text("Strength of evidence").first).to_be_visible()

    page.get_by_role("link", name=re.compile("^Print this method")).click()
    expect(page).to_have_url(re.compile(r"/toolkit/methods/street-light-audit/print/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Street-light audit")
    print_button = page.get_by_role("button", name="Print this page")
    expect(print_button).to_be_visible()
    print_button.click()
    assert page.evaluate("window.__printed") == 1

    page.emulate_media(media="print")
    for chrome in (".govuk-service-navigation", ".govuk-footer", ".govuk-breadcrumbs"):
        expect(page.locator(chrome)).to_be_hidden()
    expect(print_button).to_be_hidden()
    expect(page.get_by_role("heading", name="Step by step")).to_be_visible()
    expect(page.locator(".app-print-doc__steps li")).to_have_count(9)
    columns = page.locator(".app-print-doc__columns").first
    assert columns.evaluate("el => getComputedStyle(el).display") == "flex"
    # The printed page carries the method's address, for people reading it on paper.
    expect(page.locator(".app-print-doc__footer")).to_contain_text(
        "/toolkit/methods/street-light-audit/"
    )
    printed = page.pdf(prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", printed)) == 1, "it prints on one sheet"

    pdf = page.request.get(server_url + "/toolkit/methods/street-light-audit.pdf")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")


def test_visitor_without_javascript_filters_the_library(browser: Browser, server_url, toolkit):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(server_url + "/toolkit/")
    expect(page.get_by_role("heading", level=2, name="10 methods")).to_be_visible()

    page.locator("summary", has_text="Problem").click()  # opens the folded filter
    page.get_by_label("Choosing what works").check()
    page.locator("summary", has_text="Cost").click()
    page.get_by_label("No cost").check()
    page.get_by_role("button", name="Apply filters").click()

    expect(page).to_have_url(re.compile(r"problem=what_works"))
    found = page.locator(".app-method-list__title")
    expect(found).to_have_text(
        ["EMMIE evidence check", "Problem analysis triangle", "SARA problem solving"]
    )
    expect(page.get_by_label("Choosing what works")).to_be_checked()
    # Nothing on a 360 px screen needs sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()
