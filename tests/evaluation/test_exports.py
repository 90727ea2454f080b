"""Downloads of activities, indicators and measurements: streamed, guarded against
formula injection, and limited to what the person may read."""

import csv
import io
from decimal import Decimal

import pytest
from django.http import StreamingHttpResponse
from openpyxl import load_workbook

from evaluation.exports import safe_text
from tests.factories_activities import ActivityFactory
from tests.factories_evaluation import (
    IndicatorFactory,
    MeasurementFactory,
    approved_statement,
    days,
)


@pytest.fixture
def data(world):
    ActivityFactory(
        zone=world.zones.a,
        title='=HYPERLINK("http://evil")',
        occurred_on=days(-5),
        participants=12,
        volunteer_hours=Decimal("6.5"),
        domains=["safety", "skills"],
    )
    ActivityFactory(zone=world.zones.b, title="Zone B's litter pick", occurred_on=days(-4))
    indicator = IndicatorFactory(
        ambition_statement=approved_statement(world.zones.a), name="+Feeling safe"
    )
    MeasurementFactory(
        indicator=indicator, value=Decimal(-3), measured_on=days(-2), note="@SUM(A1:A9)"
    )
    return world


def csv_rows(response) -> list[list[str]]:
    assert isinstance(response, StreamingHttpResponse)
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body)))


def xlsx_rows(response) -> list[tuple]:
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return list(book.active.iter_rows(values_only=True))


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+2", "'=1+2"),
        ("+44 116", "'+44 116"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tindent", "'\tindent"),
        ("Plain words", "Plain words"),
        ("", ""),
    ],
)
def test_text_a_spreadsheet_would_run_is_written_as_text(value, written):
    assert safe_text(value) == written


def test_the_activities_csv_is_streamed_and_guarded(data, client_as):
    response = client_as("officer").get("/evaluation/export/activities.csv")
    assert response["Content-Disposition"].startswith('attachment; filename="activities-')
    rows = csv_rows(response)
    assert rows[0][:3] == ["Zone", "Date", "Title"]
    titles = {row[2]: row for row in rows[1:]}
    row = titles['\'=HYPERLINK("http://evil")']
    assert row[0] == "Zone A"
    assert row[3] == "Skills; Safety"
    assert (row[5], row[6]) == ("12", "6.5")
    assert "Zone B's litter pick" in titles


def test_figures_stay_numbers_and_notes_are_guarded_in_the_measurements_xlsx(data, client_as):
    response = client_as("officer").get("/evaluation/export/measurements.xlsx")
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    header, row = xlsx_rows(response)
    assert header[:5] == ("Zone", "Indicator", "Unit", "Date", "Value")
    assert row[1] == "'+Feeling safe"
    assert row[4] == -3  # a number, not text: negative figures are not formulas
    assert row[6] == "'@SUM(A1:A9)"


def test_the_indicators_export_shows_progress_and_status(data, client_as):
    rows = csv_rows(client_as("board").get("/evaluation/export/indicators.csv"))
    assert rows[0][-2:] == ["Progress (%)", "RAG status"]
    assert rows[1][2] == "'+Feeling safe"
    assert rows[1][-2:] == ["0", "Red: off track"]  # -3 is worse than the baseline of 40


def test_a_panel_member_downloads_only_their_own_zone(data, client_as):
    client = client_as("panel_a")
    rows = csv_rows(client.get("/evaluation/export/activities.csv"))
    assert {row[0] for row in rows[1:]} == {"Zone A"}
    assert client.get("/evaluation/export/activities.csv?zone=zone-b").status_code == 404


def test_partner_staff_download_nothing(data, client_as):
    assert client_as("partner_x").get("/evaluation/export/activities.csv").status_code == 403
    assert client_as("partner_x").get("/evaluation/export/").status_code == 403


def test_the_period_limits_the_activities(data, client_as):
    since = days(-4).isoformat()
    rows = csv_rows(client_as("officer").get(f"/evaluation/export/activities.csv?start={since}"))
    assert [row[2] for row in rows[1:]] == ["Zone B's litter pick"]


def test_an_unknown_download_is_not_found(data, client_as):
    assert client_as("officer").get("/evaluation/export/people.csv").status_code == 404


def test_the_export_reads_rows_in_chunks_with_a_fixed_number_of_queries(
    data, client_as, django_assert_max_num_queries
):
    for n in range(30):
        ActivityFactory(zone=data.zones.a, occurred_on=days(-6 - n))
    client = client_as("officer")
    response = client.get("/evaluation/export/activities.csv")
    # Streaming reads as the response is consumed: the zones, then one chunk of activities
    # with its three prefetches.
    with django_assert_max_num_queries(6):
        rows = csv_rows(response)
    assert len(rows) == 33


def test_a_partnerships_activities_are_downloaded_as_its_summary_shows_them(data, client_as):
    client = client_as("officer")
    csp = data.bodies.csp_b.pk
    summary = client.get(f"/evaluation/summary/?csp={csp}").content.decode()
    assert f"csp={csp}&amp;start=" in summary
    rows = csv_rows(client.get(f"/evaluation/export/activities.csv?csp={csp}"))
    assert {row[0] for row in rows[1:]} == {"Zone B"}
