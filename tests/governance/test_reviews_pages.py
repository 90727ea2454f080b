"""Review event pages: who sees what, the officers' forms, the pre-read pack as HTML and
PDF, the dashboard panel, and pinned query counts that do not grow with data."""

import datetime
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.utils import timezone

from governance.models import Allocation, InKindContribution, ReviewEvent, Spend
from governance.selectors import roles_for
from governance.selectors.reviews import review_dashboard_panel
from governance.services import reviews as services
from tests.factories import OrganisationFactory
from tests.factories_reviews import (
    AllocationFactory,
    InKindFactory,
    ReviewEventFactory,
    SpendFactory,
)

Status = ReviewEvent.Status


def current_date():
    """Today, read when asked: a run that passes midnight must not compare with yesterday."""
    return timezone.localdate()


@pytest.fixture
def held(world):
    """A held event with direction, plans, allocations (one overspent), spend and in kind."""
    event = ReviewEventFactory(date=current_date() + datetime.timedelta(days=20))
    services.review_plans_capture(event=event)
    ReviewEvent.objects.filter(pk=event.pk).update(
        date=current_date() - datetime.timedelta(days=30),
        status=Status.HELD,
        invitations_sent_at=timezone.now(),
        held_at=timezone.now(),
        pack_compiled_at=timezone.now(),
        direction="Put young people first.",
    )
    event.refresh_from_db()
    youth = AllocationFactory(
        event=event, body=world.bodies.csp_a, amount=Decimal("5000.00"), purpose="Youth diversion"
    )
    cafe = AllocationFactory(
        event=event,
        body=None,
        zone=world.zones.a,
        amount=Decimal("800.00"),
        purpose="Community café",
    )
    SpendFactory(allocation=youth, amount=Decimal("1200.00"), description="Summer sports")
    SpendFactory(allocation=cafe, amount=Decimal("950.00"), description="Kitchen kit")
    InKindFactory(
        event=event,
        organisation=world.organisations.x,
        description="Fire station meeting room",
        hours=Decimal("40"),
        estimated_value=Decimal("1200.00"),
    )
    return event


def get(client, path):
    response = client.get(path)
    return response, response.content.decode()


# Who sees what -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["officer", "board", "body_member"])
def test_governance_viewers_read_the_event_page(role, client_as, held):
    response, page = get(client_as(role), f"/reviews/{held.pk}/")
    assert response.status_code == 200
    assert page.count("<h1") == 1
    assert "Put young people first." in page
    assert "Youth diversion" in page and "Community café" in page
    assert "Fire station meeting room" in page
    assert ("Add an allocation" in page) == (role == "officer")


@pytest.mark.parametrize("role", ["panel_a", "partner_x"])
@pytest.mark.parametrize(
    "path", ["/reviews/", "/reviews/{pk}/", "/reviews/{pk}/pack/", "/reviews/{pk}/pack.pdf"]
)
def test_panel_members_and_partners_without_a_seat_are_refused(role, path, client_as, held):
    assert client_as(role).get(path.format(pk=held.pk)).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client, held):
    response = client.get(f"/reviews/{held.pk}/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("role", ["board", "body_member"])
def test_members_cannot_manage(role, client_as, held):
    client = client_as(role)
    for path in (
        f"/reviews/{held.pk}/edit/",
        f"/reviews/{held.pk}/allocations/new/",
        "/reviews/new/",
        f"/reviews/{held.pk}/status/cancel/",
    ):
        assert client.get(path).status_code == 403
        assert client.post(path, {"reason": "x"}).status_code == 403
    assert ReviewEvent.objects.get(pk=held.pk).status == Status.HELD


def test_event_page_shows_totals_with_overspend_flagged_and_in_kind_apart(client_as, held):
    _, page = get(client_as("officer"), f"/reviews/{held.pk}/")
    assert "£5,800.00" in page  # allocated
    assert "£2,150.00" in page  # spent
    assert "£3,650.00" in page  # remaining
    assert "Overspent" in page and "1 allocation overspent: Zone A (£150.00 over)" in page
    assert "40 staff hours; estimated value £1,200.00" in page
    assert "Record spend" in page


def test_the_list_shows_each_event_with_its_totals(client_as, held):
    ReviewEventFactory(title="Next one")
    _, page = get(client_as("board"), "/reviews/")
    assert "Next one" in page and held.title in page
    assert "£5,800.00" in page and "£2,150.00" in page and "£1,200.00" in page
    assert "Plan a review event" not in page


# Officers' forms -----------------------------------------------------------------------------


def date_fields(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def test_officer_plans_an_event_and_a_taken_month_is_refused_beside_the_field(client_as, world):
    client = client_as("officer")
    day = current_date() + datetime.timedelta(days=90)
    data = {"title": "Spring review", "venue": "Online", **date_fields("date", day)}
    response = client.post("/reviews/new/", data)
    event = ReviewEvent.objects.get(title="Spring review")
    assert response["Location"] == f"/reviews/{event.pk}/"
    response, page = client.post("/reviews/new/", data), None
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page and "There is already a review event for" in page
    assert ReviewEvent.objects.count() == 1


def test_empty_form_errors_are_summarised_and_shown_by_each_field(client_as, world):
    page = client_as("officer").post("/reviews/new/", {}).content.decode()
    assert "govuk-error-summary" in page
    assert page.count("Enter the title of the event") == 2
    assert "<title>Error: " in page


def test_officer_moves_an_event_through_its_statuses(
    client_as, world, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_as("officer")
    event = ReviewEventFactory()
    page = client.get(f"/reviews/{event.pk}/status/send-invitations/").content.decode()
    assert "Send the invitations" in page and 'class="govuk-button"' in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/reviews/{event.pk}/status/send-invitations/")
    assert ReviewEvent.objects.get(pk=event.pk).status == Status.INVITATIONS_SENT
    assert len(mailoutbox) == 2
    # Held before the date: the page says why and offers no button; a post changes nothing.
    page = client.get(f"/reviews/{event.pk}/status/hold/").content.decode()
    assert "This cannot be done now" in page and 'class="govuk-button"' not in page
    response = client.post(f"/reviews/{event.pk}/status/hold/", follow=True)
    assert "it can be marked as held from that day" in response.content.decode()
    assert ReviewEvent.objects.get(pk=event.pk).status == Status.INVITATIONS_SENT
    # Cancelling asks for a reason.
    page = client.post(f"/reviews/{event.pk}/status/cancel/", {"reason": ""}).content.decode()
    assert "Say why the event is cancelled" in page
    client.post(f"/reviews/{event.pk}/status/cancel/", {"reason": "Venue flooded"})
    assert ReviewEvent.objects.get(pk=event.pk).status == Status.CANCELLED
    assert client.get(f"/reviews/{event.pk}/status/no-such-move/").status_code == 404


def test_officer_adds_an_allocation_records_spend_and_in_kind(client_as, world, held):
    client = client_as("officer")
    response = client.post(
        f"/reviews/{held.pk}/allocations/new/",
        {
            "recipient": f"body:{world.bodies.csp_b.pk}",
            "amount": "2500.50",
            "purpose": "Street lighting audit",
            "funding_source": "community_safety_fund",
        },
    )
    assert response.status_code == 302
    allocation = Allocation.objects.get(purpose="Street lighting audit")
    assert (allocation.body, allocation.amount) == (world.bodies.csp_b, Decimal("2500.50"))
    response = client.post(
        f"/reviews/allocations/{allocation.pk}/spend/",
        {
            "amount": "99.5",
            "description": "Survey",
            **date_fields("date", current_date()),
        },
    )
    assert response.status_code == 302
    assert Spend.objects.get(description="Survey").amount == Decimal("99.50")
    response = client.post(
        f"/reviews/{held.pk}/in-kind/new/",
        {
            "organisation": world.organisations.y.pk,
            "recipient": f"zone:{world.zones.b.pk}",
            "description": "PCSO time",
            "hours": "12.5",
        },
    )
    assert response.status_code == 302
    assert InKindContribution.objects.get(description="PCSO time").zone == world.zones.b


def test_spend_dated_before_the_event_is_refused_beside_the_date(client_as, held):
    allocation = held.allocations.first()
    page = (
        client_as("officer")
        .post(
            f"/reviews/allocations/{allocation.pk}/spend/",
            {
                "amount": "10",
                "description": "Early",
                **date_fields("date", held.date - datetime.timedelta(days=1)),
            },
        )
        .content.decode()
    )
    assert "Spend cannot be dated before the event" in page and "govuk-error-summary" in page
    assert not Spend.objects.filter(description="Early").exists()


def test_in_kind_without_hours_or_value_is_refused(client_as, world, held):
    page = (
        client_as("officer")
        .post(
            f"/reviews/{held.pk}/in-kind/new/",
            {
                "organisation": world.organisations.y.pk,
                "description": "Room",
            },
        )
        .content.decode()
    )
    assert "Enter the staff hours, an estimated value, or both" in page


def test_officer_records_the_direction(client_as, held):
    client = client_as("officer")
    response = client.post(
        f"/reviews/{held.pk}/direction/",
        {
            "direction": "Focus on the night-time economy.",
            "set_titles": "Safer nights\n",
        },
    )
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.direction == "Focus on the night-time economy."
    assert [i.title for i in held.direction_items.all()] == ["Safer nights"]


# The pre-read pack ----------------------------------------------------------------------------


def test_the_pack_page_has_contents_plans_budget_and_direction(client_as, held):
    _, page = get(client_as("board"), f"/reviews/{held.pk}/pack/")
    for text in (
        "Contents",
        "1. The event",
        "2. Plans under review",
        "3. Budget and contributions in kind",
        "4. Strategic direction",
        "CSP A",
        "Zone A",
        "Youth diversion",
        "Fire station meeting room",
        "Put young people first.",
        "Download the pack as a PDF",
    ):
        assert text in page, text


def test_the_pack_pdf_is_a_real_pdf_with_the_packs_text(client_as, held):
    response = client_as("body_member").get(f"/reviews/{held.pk}/pack.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = response.content
    assert pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-1024:]
    pdftotext, pdfinfo = shutil.which("pdftotext"), shutil.which("pdfinfo")
    if pdftotext is None or pdfinfo is None:
        pytest.skip("pdftotext (Debian's poppler-utils) is not installed to read the PDF's text")
    text = subprocess.run(  # noqa: S603 - a fixed program on our own PDF
        [pdftotext, "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    for expected in (
        "Bi-annual review event: pre-read pack",
        held.title,
        "Contents",
        "Plans under review",
        "CSP A",
        "Youth diversion",
        "£5,800.00",
        "Fire station meeting room",
        "Put young people first.",
        "Page 2 of",
        f"Compiled {timezone.localdate():%-d %B %Y}",
    ):
        assert expected in text, expected
    info = subprocess.run(  # noqa: S603 - a fixed program on our own PDF
        [pdfinfo, "-"], input=pdf, capture_output=True, check=True
    )
    assert f"Pre-read pack: {held.title}" in info.stdout.decode()


def test_officer_compiles_the_pack_for_an_open_event(client_as, world):
    event = ReviewEventFactory()
    client = client_as("officer")
    assert "Compile the pack" in client.get(f"/reviews/{event.pk}/pack/compile/").content.decode()
    client.post(f"/reviews/{event.pk}/pack/compile/")
    assert ReviewEvent.objects.get(pk=event.pk).plans.count() == 4


# Query counts -------------------------------------------------------------------------------


def add_more(world, event):
    for n in range(4):
        allocation = AllocationFactory(event=event, body=world.bodies.csp_b, purpose=f"More {n}")
        SpendFactory(allocation=allocation)
        SpendFactory(allocation=allocation)
        InKindFactory(event=event, organisation=OrganisationFactory())
        ReviewEventFactory()


# Session and user, the person's memberships and panel seats (roles), then the page's own
# reads (the list: count and page), then the session's idle timer pushed on (3).
@pytest.mark.parametrize(
    ("path", "queries"),
    [("/reviews/", 9), ("/reviews/{pk}/", 13), ("/reviews/{pk}/pack/", 13)],
)
def test_page_queries_are_pinned_and_do_not_grow(
    path, queries, client_as, world, held, django_assert_num_queries
):
    client = client_as("officer")
    path = path.format(pk=held.pk)
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200
    add_more(world, held)
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200


def test_dashboard_panel_shows_the_next_event_and_overspends_to_officers(
    world, held, rf, django_assert_num_queries
):
    upcoming = ReviewEventFactory(title="Coming up")
    officer = roles_for(world.people.officer)
    with django_assert_num_queries(2):
        panel = review_dashboard_panel(rf.get("/"), officer)
    assert panel["event"] == upcoming
    assert [a.purpose for a in panel["overspent"]] == ["Community café"]
    add_more(world, held)
    with django_assert_num_queries(2):
        review_dashboard_panel(rf.get("/"), officer)
    board = review_dashboard_panel(rf.get("/"), roles_for(world.people.board))
    assert board["event"] == upcoming and board["overspent"] == []
    assert review_dashboard_panel(rf.get("/"), roles_for(world.people.panel_a)) is None
    assert review_dashboard_panel(rf.get("/"), roles_for(world.people.partner_x)) is None


def test_dashboard_shows_the_panel(client_as, held):
    ReviewEventFactory(title="Coming up")
    page = client_as("officer").get("/").content.decode()
    assert "Next review event" in page and "Coming up" in page and "overspent" in page
    assert 'href="/reviews/"' in page
    assert "Next review event" not in client_as("partner_x").get("/").content.decode()
