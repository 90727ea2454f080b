"""The chair of a JAG schedules a meeting, finds its agenda filled, adds an item, prints
the agenda; after the meeting they record it as held with attendance and an action, and
the action is carried forward to the next meeting."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.browser.test_sign_in_journey import sign_in
from tests.factories import PASSWORD
from tests.factories_meetings import MeetingFactory


def test_the_chair_schedules_a_meeting_and_prints_its_agenda(page: Page, server_url, world):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(server_url + "/accounts/login/")
    sign_in(page, world.people.body_member.username, PASSWORD)
    page.goto(server_url + "/bodies/jag-a/")
    page.get_by_role("link", name="Schedule a meeting").click()

    day = timezone.localdate() + timedelta(days=21)
    page.get_by_label("Day").fill(str(day.day))
    page.get_by_label("Month").fill(str(day.month))
    page.get_by_label("Year").fill(str(day.year))
    page.get_by_label("Start time").fill("18:30")
    page.get_by_label("End time").fill("20:00")
    page.get_by_label("Place").fill("Community centre")
    page.get_by_role("button", name="Schedule meeting").click()

    expect(page.get_by_role("alert")).to_contain_text("Meeting scheduled")
    agenda = page.locator(".app-agenda")
    expect(agenda).to_contain_text("Welcome, introductions and apologies")
    expect(agenda).to_contain_text("Any other business")

    page.get_by_role("link", name="Add an item").click()
    page.get_by_label("Title").fill("Knife crime awareness week")
    page.get_by_role("button", name="Add item").click()
    expect(agenda.locator("li").nth(-2)).to_contain_text("Knife crime awareness week")

    page.get_by_role("link", name="Print the agenda").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Agenda")
    expect(page.locator(".govuk-service-navigation")).to_have_count(0)
    expect(page.get_by_text("Knife crime awareness week")).to_be_visible()


def test_a_held_meeting_is_recorded_and_its_action_carried_forward(page: Page, server_url, world):
    past = MeetingFactory(body=world.bodies.jag_a, starts_at=timezone.now() - timedelta(hours=3))
    MeetingFactory(body=world.bodies.jag_a, title="Next meeting")
    page.goto(server_url + "/accounts/login/")
    sign_in(page, world.people.body_member.username, PASSWORD)
    page.goto(f"{server_url}/meetings/{past.pk}/")

    page.get_by_role("link", name="Mark as held or cancel").click()
    page.get_by_label("Held: the meeting took place").check()
    page.get_by_role("button", name="Change status").click()
    expect(page.get_by_role("alert")).to_contain_text("Meeting status changed")

    page.get_by_role("link", name="Record attendance").click()
    page.get_by_role("group", name=str(world.people.body_member)).get_by_label("Present").check()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.locator(".app-quorum")).to_contain_text("Quorate")

    page.get_by_role("link", name="Record an action").click()
    page.get_by_label("Action", exact=True).fill("Ask the council for a street light audit")
    page.get_by_label("Owner (person)").select_option(label=str(world.people.body_member))
    due = timezone.localdate() + timedelta(days=14)
    page.get_by_label("Day").fill(str(due.day))
    page.get_by_label("Month").fill(str(due.month))
    page.get_by_label("Year").fill(str(due.year))
    page.get_by_role("button", name="Record action").click()
    expect(page.get_by_role("table", name="Actions agreed, soonest due first")).to_contain_text(
        "street light audit"
    )

    page.goto(server_url + "/meetings/?mine=1")
    page.get_by_role("link", name="Next meeting").click()
    carried = page.get_by_role("table", name="Actions from earlier meetings not yet done")
    expect(carried).to_contain_text("Ask the council for a street light audit")
