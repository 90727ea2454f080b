"""Board pack pages: officers draft, publish and withdraw; board members read the published
packs as published, byte for byte, whatever happened to the data since."""

import pytest

from evaluation.models import BoardPack
from evaluation.services import packs as services
from peoplezones.models import Zone
from tests.factories_activities import ActivityFactory
from tests.factories_evaluation import days, draft_pack, pack_world


def date_fields(name: str, day) -> dict:
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


@pytest.fixture
def full(world):
    return pack_world(world)


@pytest.fixture
def published(full):
    return services.board_pack_publish(actor=full.people.officer, pack=draft_pack(full))


def test_an_officer_drafts_a_pack_for_one_partnership(full, client_as):
    client = client_as("officer")
    form = client.get("/evaluation/packs/new/").content.decode()
    assert "The Board is asked to note this paper." in form  # the default recommendation
    response = client.post(
        "/evaluation/packs/new/",
        {
            "title": "CSP B: report to the Board",
            "scope": "csp",
            "csp": str(full.bodies.csp_b.pk),
            **date_fields("period_start", days(-60)),
            **date_fields("period_end", days(0)),
            "recommendations": "The Board is asked to note this paper.",
        },
    )
    pack = BoardPack.objects.get()
    assert response["Location"] == pack.get_absolute_url()
    page = client.get(pack.get_absolute_url()).content.decode()
    assert "The draft pack is generated from today&#x27;s figures." in page
    assert "Zone B" in page and "Publish the pack" in page


def test_a_partnership_pack_without_its_partnership_is_refused_on_the_form(full, client_as):
    response = client_as("officer").post(
        "/evaluation/packs/new/",
        {
            "title": "No partnership",
            "scope": "csp",
            **date_fields("period_start", days(-60)),
            **date_fields("period_end", days(0)),
            "recommendations": "Note.",
        },
    )
    assert response.content.decode().count("Choose the Community Safety Partnership") == 2
    assert not BoardPack.objects.exists()


def test_the_officer_publishes_and_the_board_reads_it(full, client_as):
    pack = draft_pack(full)
    client = client_as("officer")
    confirm = client.get(f"/evaluation/packs/{pack.pk}/publish/").content.decode()
    assert "Once published it is frozen" in confirm
    client.post(f"/evaluation/packs/{pack.pk}/publish/")
    pack.refresh_from_db()
    assert pack.status == "published"
    board = client_as("board")
    listing = board.get("/evaluation/reports/").content.decode()
    assert pack.title in listing and f"/evaluation/reports/{pack.pk}/pack.pdf" in listing
    page = board.get(f"/evaluation/reports/{pack.pk}/").content.decode()
    assert pack.content_html in page
    pdf = board.get(f"/evaluation/reports/{pack.pk}/pack.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"].startswith("attachment;")
    assert pdf.content == bytes(pack.pdf)


def test_board_members_never_see_a_draft(full, client_as):
    pack = draft_pack(full)
    board = client_as("board")
    assert pack.title not in board.get("/evaluation/reports/").content.decode()
    assert board.get(f"/evaluation/reports/{pack.pk}/").status_code == 404
    assert board.get(f"/evaluation/reports/{pack.pk}/pack.pdf").status_code == 404
    assert board.get(f"/evaluation/packs/{pack.pk}/").status_code == 403


def test_a_published_pack_reads_byte_for_byte_the_same_after_the_data_changes(
    published, full, client_as
):
    board = client_as("board")
    page_before = board.get(f"/evaluation/reports/{published.pk}/").content.decode()
    pdf_before = board.get(f"/evaluation/reports/{published.pk}/pack.pdf").content
    ActivityFactory(zone=full.zones.a, occurred_on=days(-1), participants=4321)
    Zone.objects.filter(pk=full.zones.b.pk).update(name="Zone B renamed")
    pdf_after = board.get(f"/evaluation/reports/{published.pk}/pack.pdf").content
    page_after = board.get(f"/evaluation/reports/{published.pk}/").content.decode()
    assert pdf_after == pdf_before == bytes(published.pdf)
    assert published.content_html in page_after
    assert "Zone B renamed" not in page_after and "4,321" not in page_after
    # The page around the stored document differs only in its per-request parts.
    assert (
        page_after.count(published.content_html) == page_before.count(published.content_html) == 1
    )


def test_a_draft_is_regenerated_and_its_pdf_previewed(full, client_as):
    pack = draft_pack(full)
    Zone.objects.filter(pk=full.zones.b.pk).update(name="Zone B renamed")
    client = client_as("officer")
    client.post(f"/evaluation/packs/{pack.pk}/regenerate/")
    pack.refresh_from_db()
    assert "Zone B renamed" in pack.content_html
    preview = client.get(f"/evaluation/packs/{pack.pk}/pack.pdf")
    assert preview.content.startswith(b"%PDF")
    assert preview["Cache-Control"] == "private, no-store"


def test_withdrawing_asks_for_the_reason_and_keeps_the_pack(published, client_as):
    client = client_as("officer")
    empty = client.post(f"/evaluation/packs/{published.pk}/withdraw/", {"reason": ""})
    assert empty.content.decode().count("Say why the pack is withdrawn") == 2
    client.post(f"/evaluation/packs/{published.pk}/withdraw/", {"reason": "Wrong figures."})
    published.refresh_from_db()
    assert published.status == "withdrawn" and published.is_intact
    board = client_as("board")
    assert "Wrong figures." in board.get("/evaluation/reports/").content.decode()
    page = board.get(f"/evaluation/reports/{published.pk}/").content.decode()
    assert "Withdrawn on" in page


def test_an_illegal_move_is_refused_on_the_page_and_changes_nothing(published, client_as):
    client = client_as("officer")
    page = client.get(f"/evaluation/packs/{published.pk}/publish/").content.decode()
    assert "This pack is already published." in page
    response = client.post(f"/evaluation/packs/{published.pk}/publish/", follow=True)
    assert "This pack is already published." in response.content.decode()
    edit = client.get(f"/evaluation/packs/{published.pk}/edit/", follow=True).content.decode()
    assert "A published pack is frozen" in edit
    client.post(f"/evaluation/packs/{published.pk}/delete/")
    assert BoardPack.objects.filter(pk=published.pk, status="published").exists()


def test_a_draft_is_deleted_from_its_page(full, client_as):
    pack = draft_pack(full)
    client = client_as("officer")
    response = client.post(f"/evaluation/packs/{pack.pk}/delete/")
    assert response["Location"] == "/evaluation/packs/"
    assert not BoardPack.objects.exists()


# Reading a pack reads its stored document: the same queries however much data there is.
# Base 7 (see tests/test_page_queries.py), then the pack or the list.
PINNED = {
    ("/evaluation/packs/", "officer"): 8,
    ("/evaluation/packs/{pk}/", "officer"): 8,
    ("/evaluation/reports/", "board"): 8,
    ("/evaluation/reports/{pk}/", "board"): 8,
    ("/evaluation/reports/{pk}/pack.pdf", "board"): 8,
}


@pytest.mark.parametrize(("path", "role"), PINNED)
def test_pack_page_queries_are_pinned_and_do_not_grow(
    path, role, published, full, client_as, django_assert_num_queries
):
    client = client_as(role)
    url = path.format(pk=published.pk)
    with django_assert_num_queries(PINNED[path, role]):
        assert client.get(url).status_code == 200
    for _ in range(3):
        services.board_pack_publish(actor=full.people.officer, pack=draft_pack(full))
        ActivityFactory(zone=full.zones.a, occurred_on=days(-2))
    client = client_as(role)
    with django_assert_num_queries(PINNED[path, role]):
        assert client.get(url).status_code == 200
