"""A board pack from draft to the board: the officer drafts one for all of LLR, reads it and
publishes it; the board member finds the latest pack, reads it and downloads its PDF, which
is the one stored when it was published."""

from pathlib import Path

from playwright.sync_api import Page, expect

from evaluation.models import BoardPack
from tests.browser.test_escalation_journey import sign_in, sign_out
from tests.factories_evaluation import days, pack_world


def fill_date(page: Page, legend: str, day) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def test_the_board_member_opens_the_latest_pack_and_downloads_its_pdf(
    page: Page, server_url, world
):
    pack_world(world)

    # The officer drafts the pack, checks it and publishes it.
    sign_in(page, server_url, world.people.officer.username)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Evaluation").click()
    page.get_by_role("link", name="Board packs: draft and publish").click()
    page.get_by_role("link", name="Draft a board pack").click()
    page.get_by_label("Title").fill("Partnership and People Zones: report to the Board")
    page.get_by_label("All of Leicester, Leicestershire and Rutland").check()
    fill_date(page, "Start of the period", days(-90))
    fill_date(page, "End of the period", days(0))
    page.get_by_label("Recommendations for the Board").fill(
        "The Board is asked to note this paper.\nThe Board is asked to back the youth evenings."
    )
    page.get_by_role("button", name="Save and generate the pack").click()
    expect(page.get_by_role("alert")).to_contain_text("The draft pack is generated")
    expect(page.get_by_role("heading", name="5. Issues in local areas")).to_be_visible()
    page.get_by_role("link", name="Publish the pack").click()
    page.get_by_role("button", name="Publish the pack").click()
    expect(page.get_by_role("alert")).to_contain_text("The pack is published")
    sign_out(page)

    # The board member finds it from the dashboard and from the reports area.
    sign_in(page, server_url, world.people.board.username)
    panel = page.locator("section", has=page.get_by_role("heading", name="Reports to the board"))
    expect(panel).to_contain_text("Partnership and People Zones: report to the Board")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Reports").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reports to the board")
    page.get_by_role(
        "link", name="Partnership and People Zones: report to the Board", exact=True
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Partnership and People Zones: report to the Board"
    )
    expect(page.get_by_role("heading", name="6. Recommendations for the Board")).to_be_visible()
    expect(page.get_by_text("The Board is asked to back the youth evenings.")).to_be_visible()
    expect(page.get_by_role("heading", name="Zone A", exact=True)).to_be_visible()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the PDF").click()
    download = download_info.value
    assert download.suggested_filename.startswith("board-pack-")
    content = Path(download.path()).read_bytes()
    pack = BoardPack.objects.get(status="published")
    assert content.startswith(b"%PDF")
    assert content == bytes(pack.pdf)
