"""The PDF of a board pack, read back as text: its cover, contents, sections, every zone's
name, page numbers and the date it was published."""

import re
import shutil
import subprocess
import tempfile

import pytest
from django.utils import timezone

from evaluation.services import packs as services
from tests.factories_evaluation import draft_pack, pack_world


def pdf_text(pdf: bytes) -> str:
    """The text of a PDF, by pypdf or else poppler's pdftotext; skip (never pass) if
    neither is here."""
    try:
        from io import BytesIO

        from pypdf import PdfReader
    except ImportError:
        tool = shutil.which("pdftotext")
        if tool is None:
            pytest.skip("Reading the PDF needs pypdf or pdftotext: neither is installed")
        with tempfile.NamedTemporaryFile(suffix=".pdf") as source:
            source.write(pdf)
            source.flush()
            done = subprocess.run(  # noqa: S603 - a fixed tool on a file we wrote
                [tool, "-layout", source.name, "-"], capture_output=True, check=True
            )
        return done.stdout.decode()
    reader = PdfReader(BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def published(world):
    pack_world(world)
    return services.board_pack_publish(actor=world.people.officer, pack=draft_pack(world))


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_pdf_holds_every_section_and_every_zones_name(published):
    text = flat(pdf_text(bytes(published.pdf)))
    for words in (
        "Report to the Strategic Partnership Board",
        "Contents",
        "1. Introduction",
        "2. Notable developments in the period",
        "3. The coming period",
        "4. Key issues for partnership working",
        "Escalations open at the Senior Officers' Group and the Board",
        "Acknowledgement of the partnership's priorities",
        "Budget allocations and spend",
        "5. Issues in local areas",
        "6. Recommendations for the Board",
        "The Board is asked to note this paper.",
        "Appendix: how the figures are worked out",
    ):
        assert words in text, words
    assert "Zone A" in text and "Zone B" in text


def test_the_pdf_has_page_numbers_and_the_date_it_was_published(published):
    text = flat(pdf_text(bytes(published.pdf)))
    published_on = timezone.localtime(published.published_at)
    assert f"Published {published_on:%-d %B %Y}" in text
    assert "Page 1 of" not in text  # the cover carries no page furniture
    numbers = [(int(n), int(of)) for n, of in re.findall(r"Page (\d+) of (\d+)", text)]
    total = numbers[0][1]
    assert total > 5
    assert [n for n, _ in numbers] == list(range(2, total + 1))  # every page after the cover
    assert {of for _, of in numbers} == {total}


def test_a_drafts_pdf_says_it_is_a_draft(world):
    pack_world(world)
    text = flat(pdf_text(services.pack_pdf(draft_pack(world))))
    assert "Draft, not published" in text
    assert "DRAFT" in text
