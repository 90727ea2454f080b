"""An issue travels up the partnership and its answer comes back down: the JAG chair
raises it and escalates it, a CSP member and a SOG member escalate it further, the board
member resolves it, and the JAG chair sees the decision on the dashboard and the issue."""

from playwright.sync_api import Page, expect

from tests.factories import PASSWORD, MembershipFactory, UserFactory

DECISION = "The board funds a joint empty-homes team; the council secures the flats in 48 hours."


def sign_in(page: Page, server_url: str, username: str) -> None:
    page.goto(server_url + "/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your dashboard")


def sign_out(page: Page) -> None:
    page.get_by_role("banner").get_by_role("button", name="Sign out").click()


def escalate_from_dashboard(page: Page, reason: str, to: str) -> None:
    page.get_by_role("link", name="Drug dealing from empty flats").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Drug dealing from empty flats")
    page.get_by_label("Why are you escalating it?").fill(reason)
    page.get_by_role("button", name="Escalate issue").click()
    expect(page.get_by_role("alert")).to_contain_text(f"Issue escalated to {to}.")


def test_an_issue_goes_up_to_the_board_and_the_decision_comes_back_down(
    page: Page, server_url, world
):
    csp_member = UserFactory(username="csp-member")
    MembershipFactory(body=world.bodies.csp_a, user=csp_member)
    sog_member = UserFactory(username="sog-member")
    MembershipFactory(body=world.bodies.sog, user=sog_member)

    # The JAG chair raises the issue at the JAG and escalates it.
    sign_in(page, server_url, world.people.body_member.username)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Issues").click()
    page.get_by_role("link", name="Raise an issue at JAG A").click()
    page.get_by_label("Title").fill("Drug dealing from empty flats")
    page.get_by_label("Description").fill("Three empty flats used for dealing.")
    page.get_by_label("Category").select_option(label="Drugs and exploitation")
    page.get_by_label("High").check()
    page.get_by_role("button", name="Raise issue").click()
    expect(page.get_by_role("alert")).to_contain_text("Issue raised at JAG A.")
    page.get_by_label("Why are you escalating it?").fill("Needs the council's housing team.")
    page.get_by_role("button", name="Escalate issue").click()
    expect(page.get_by_role("alert")).to_contain_text("Issue escalated to CSP A.")
    expect(page.get_by_text("This issue is at CSP A.")).to_be_visible()
    sign_out(page)

    # A CSP member finds it waiting on the dashboard and escalates it to the SOG.
    sign_in(page, server_url, "csp-member")
    escalate_from_dashboard(
        page, "The same in other estates: a senior officers' matter.", "Test SOG"
    )
    sign_out(page)

    # A SOG member escalates it to the board.
    sign_in(page, server_url, "sog-member")
    escalate_from_dashboard(page, "Needs board funding.", "Test SPB")
    sign_out(page)

    # The board member resolves it.
    sign_in(page, server_url, world.people.board.username)
    page.get_by_role("link", name="Drug dealing from empty flats").first.click()
    expect(page.get_by_role("button", name="Escalate issue")).to_have_count(0)
    page.get_by_label("Decision", exact=True).fill(DECISION)
    page.get_by_role("button", name="Resolve issue").click()
    expect(page.get_by_role("alert")).to_contain_text("Issue resolved.")
    sign_out(page)

    # The JAG chair sees the decision on the dashboard and on the issue page.
    sign_in(page, server_url, world.people.body_member.username)
    answers = page.locator("h3", has_text="Answers to issues your bodies raised")
    expect(answers).to_be_visible()
    expect(page.get_by_text("Decision of Test SPB")).to_be_visible()
    page.get_by_role("link", name="Drug dealing from empty flats").first.click()
    expect(page.get_by_text("Resolved", exact=True).first).to_be_visible()
    expect(page.locator(".app-issue-decision")).to_contain_text(DECISION)
    trail = page.locator(".app-trail")
    for step in (
        "Raised at JAG A",
        "Escalated from JAG A to CSP A",
        "Escalated from CSP A to Test SOG",
        "Escalated from Test SOG to Test SPB",
        "Resolved at Test SPB",
    ):
        expect(trail).to_contain_text(step)
