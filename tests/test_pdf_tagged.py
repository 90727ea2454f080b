"""Every PDF the service makes is a tagged PDF/UA-1 document: a structure tree a screen
reader follows (headings, lists, tables with header cells, figures with alternative text),
marked content, the document's language and its title shown in the reader's window."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from evaluation.services import packs as pack_services
from tests.factories_evaluation import draft_pack, pack_world
from tests.factories_reviews import ReviewEventFactory
from tests.factories_toolkit import published_method


def structure(pdf: bytes) -> tuple[PdfReader, dict, list[str], list[str]]:
    """The PDF's reader, catalog, the roles of its structure elements in document order,
    and the alternative text of its figures."""
    reader = PdfReader(BytesIO(pdf))
    catalog = reader.trailer["/Root"]
    roles, alts = [], []

    def walk(node):
        node = node.get_object()
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, dict):
            if "/S" in node:
                roles.append(str(node["/S"]))
            if node.get("/S") == "/Figure":
                alts.append(str(node.get("/Alt", "")))
            if "/K" in node:
                walk(node["/K"])

    walk(catalog["/StructTreeRoot"])
    return reader, catalog, roles, alts


def assert_tagged(pdf: bytes, title: str) -> tuple[list[str], list[str]]:
    """Check the marks of a tagged PDF/UA-1 document; its roles and figures' texts."""
    reader, catalog, roles, alts = structure(pdf)
    assert reader.pdf_header == "%PDF-1.7"
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert catalog["/Lang"] == "en-GB"
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == title
    assert b"pdfuaid:part" in catalog["/Metadata"].get_object().get_data()
    assert roles[0] == "/Document" and roles.count("/H1") == 1
    assert all(alts), "every figure has alternative text"
    return roles, alts


def test_a_board_packs_pdf_is_tagged_with_its_headings_tables_and_charts(world):
    pack = draft_pack(pack_world(world))
    roles, alts = assert_tagged(pack_services.pack_pdf(pack), pack.title)
    for role in ("/H2", "/H3", "/Table", "/TH", "/TD", "/Caption", "/L", "/LI", "/Figure"):
        assert role in roles, role
    assert "Activities by resilience domain: activities" in alts
    assert any(alt.startswith("Feeling safe after dark: ") for alt in alts)  # a progress bar


def test_a_published_packs_stored_pdf_is_tagged(world):
    pack = draft_pack(pack_world(world))
    published = pack_services.board_pack_publish(actor=world.people.officer, pack=pack)
    assert_tagged(bytes(published.pdf), pack.title)


def test_a_toolkit_methods_pdf_is_tagged(client, db):
    method = published_method(title="Community walkabout")
    response = client.get(f"/toolkit/methods/{method.slug}.pdf")
    assert response.status_code == 200
    roles, _ = assert_tagged(response.content, "Community walkabout: toolkit method")
    assert "/H2" in roles and "/L" in roles


@pytest.mark.parametrize("role", ["officer"])
def test_a_review_events_pre_read_pack_pdf_is_tagged(client_as, role):
    event = ReviewEventFactory()
    response = client_as(role).get(f"/reviews/{event.pk}/pack.pdf")
    assert response.status_code == 200
    assert_tagged(response.content, f"Pre-read pack: {event.title}")
