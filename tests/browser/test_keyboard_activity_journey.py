"""On a phone-sized screen, a panel member signs in, logs an activity with every field
filled, and corrects a mistake, using only the keyboard: Tab and Shift+Tab to move, Space
and Enter to act, arrow keys in a list, and typing. No clicks and no `fill`. At every stop
the focused element shows GOV.UK's yellow focus indicator."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from PIL import Image
from playwright.sync_api import Page, expect

from peoplezones.models import Activity
from tests.factories import PASSWORD
from tests.factories_toolkit import published_method
from tests.factories_zones import ObjectiveFactory

PHONE = {"width": 360, "height": 740}
MAX_STOPS = 80

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const label = el.labels && el.labels.length ? el.labels[0].innerText.trim() : "";
  return {
    tag: el.tagName.toLowerCase(), type: el.type || "", name: el.name || "", id: el.id,
    label, text: (el.innerText || "").trim().slice(0, 80), value: el.value || "",
  };
}"""

# GOV.UK's focus indicator is yellow (#fd0): an outline, a box shadow or a background on the
# element, or on the box drawn before a checkbox's or radio's label (the input is hidden).
FOCUS_VISIBLE = """() => {
  const el = document.activeElement;
  const yellow = "rgb(255, 221, 0)";
  const shows = (s) =>
    (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 && s.outlineColor === yellow)
    || s.boxShadow.includes(yellow) || s.backgroundColor === yellow;
  if ((el.type === "checkbox" || el.type === "radio") && el.labels.length) {
    return shows(getComputedStyle(el.labels[0], "::before"))
      || shows(getComputedStyle(el.labels[0], "::after"));
  }
  return shows(getComputedStyle(el));
}"""


class Keyboard:
    """Moves through a page with Tab as a keyboard user does, checking the focus shows."""

    def __init__(self, page: Page):
        self.page = page
        self.unseen: list[str] = []

    def focused(self) -> dict:
        return self.page.evaluate(FOCUSED) or {}

    def check_focus_shows(self) -> None:
        if not self.page.evaluate(FOCUS_VISIBLE):
            self.unseen.append(f"{self.page.url}: {self.focused()}")

    def tab_to(self, wanted, *, back: bool = False) -> dict:
        """Press Tab (or Shift+Tab) until the focused element is the one `wanted` picks."""
        stops = []
        for _ in range(MAX_STOPS):
            self.page.keyboard.press("Shift+Tab" if back else "Tab")
            focused = self.focused()
            if focused:
                self.check_focus_shows()
            if focused and wanted(focused):
                return focused
            stops.append(focused)
        raise AssertionError(
            f"{MAX_STOPS} presses of Tab did not reach it on {self.page.url}; stopped at:\n"
            + "\n".join(str(stop) for stop in stops[:40])
        )

    def to_field(self, name: str, **kwargs) -> dict:
        return self.tab_to(lambda f: f["name"] == name, **kwargs)

    def to_labelled(self, label: str) -> dict:
        return self.tab_to(lambda f: f["label"] == label)

    def to_link(self, text: str) -> dict:
        return self.tab_to(lambda f: f["tag"] == "a" and f["text"] == text)

    def to_button(self, text: str) -> dict:
        return self.tab_to(
            lambda f: (
                (f["tag"], f["text"]) == ("button", text)
                or (f["tag"], f["type"], f["value"]) == ("input", "submit", text)
            )
        )

    def replace(self, text: str) -> None:
        """Select what is in the focused field and type over it."""
        self.page.keyboard.press("Control+A")
        self.page.keyboard.type(text)


def test_panel_member_logs_an_activity_using_only_the_keyboard(
    page: Page, server_url, world, tmp_path
):
    zone = world.zones.a
    objective = ObjectiveFactory(zone=zone, title="Cleaner alleyways")
    method = published_method(title="Street walkabout")
    photo = tmp_path / "litter-pick.jpg"
    Image.new("RGB", (40, 30), (30, 120, 60)).save(photo, format="JPEG")
    day = timezone.localdate() - timedelta(days=1)

    page.set_viewport_size(PHONE)
    keys = Keyboard(page)
    page.goto(server_url + "/accounts/login/")
    keys.to_field("username")
    page.keyboard.type(world.people.panel_a.username)
    keys.to_field("password")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your dashboard")

    keys.to_link("Log an activity")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log an activity")

    # Sent with nothing filled in: the error summary takes the focus, and its first link
    # takes the keyboard to the field that needs it.
    keys.to_button("Log activity")
    page.keyboard.press("Enter")
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_be_focused()
    keys.check_focus_shows()
    keys.to_link("Enter a title for the activity")
    page.keyboard.press("Enter")
    expect(page.get_by_label("Title")).to_be_focused()
    page.keyboard.type("Litter pick on Aikman Avenue")

    keys.to_field("occurred_on_0")
    keys.replace(str(day.day))
    keys.to_field("occurred_on_1")
    keys.replace(str(day.month))
    keys.to_field("occurred_on_2")
    keys.replace(str(day.year))
    keys.to_field("description")
    page.keyboard.type("Twelve residents cleared the alleyways.")
    for domain in ("Resources", "Safety"):
        keys.to_labelled(domain)
        page.keyboard.press("Space")
    # Back up to a box ticked by mistake and untick it: Shift+Tab works too.
    keys.tab_to(lambda f: f["label"] == "Resources", back=True)
    page.keyboard.press("Space")
    keys.to_field("principles")
    page.keyboard.press("Space")
    keys.to_field("participants")
    keys.replace("12")
    keys.to_field("volunteer_hours")
    keys.replace("24.5")
    keys.to_field("method")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Toolkit method used (optional)")).to_have_value(str(method.pk))

    details = page.locator("details", has_text="In-kind resources, organisations")
    keys.tab_to(lambda f: f["tag"] == "summary")
    page.keyboard.press("Enter")
    expect(details).to_have_attribute("open", "")
    keys.to_field("in_kind_description")
    page.keyboard.type("The church hall lent its bins.")
    keys.to_field("in_kind_value")
    keys.replace("40")
    keys.to_labelled("Test Fire and Rescue")
    page.keyboard.press("Space")
    keys.to_field("other_organisations")
    page.keyboard.type("Aikman Avenue residents’ group")
    keys.to_field("objective")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Delivery plan objective it serves")).to_have_value(str(objective.pk))

    keys.to_field("photo")
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files(photo)
    keys.to_field("photo_consent")
    page.keyboard.press("Space")

    keys.to_button("Log activity")
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("is logged for Zone A")
    expect(page.get_by_role("heading", level=1)).to_have_text("Litter pick on Aikman Avenue")

    activity = Activity.objects.get(title="Litter pick on Aikman Avenue")
    assert activity.occurred_on == day
    assert [link.domain for link in activity.domain_links.all()] == ["safety"]
    assert activity.principle_links.count() == 1
    assert (activity.participants, activity.volunteer_hours) == (12, Decimal("24.5"))
    assert (activity.in_kind_value, activity.method, activity.objective) == (
        Decimal("40"),
        method,
        objective,
    )
    assert list(activity.organisations.all()) == [world.organisations.x]
    assert activity.other_organisations == "Aikman Avenue residents’ group"
    assert activity.photo
    assert not keys.unseen, "focus not visible at:\n" + "\n".join(keys.unseen)
