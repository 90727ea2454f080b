"""Spreadsheet exports of activities, indicators and measurements, as CSV and XLSX.

Rows are read from the database in chunks and written out as they come: CSV is streamed
to the browser line by line, XLSX is written by openpyxl's write-only mode (rows go
straight to a temporary file), so no export ever holds a whole table in memory.

Text a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage
return) is written with a leading apostrophe, so a volunteer's note can never become a
formula on an officer's machine. Figures the service computes are written as numbers.
"""

import csv
import datetime
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from evaluation.models import Indicator, Measurement
from evaluation.periods import Period
from evaluation.selectors.activity import activities_in
from evaluation.selectors.indicators import progress_of, with_latest
from peoplezones.models import ActivityDomain, ActivityPrinciple

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 500


class Text(str):
    """A cell of free text: guarded against formula injection when written."""


def safe_text(value: str) -> str:
    """Text that a spreadsheet shows as text, never runs as a formula."""
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _cell(value):
    if isinstance(value, Text):
        return safe_text(str(value))
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(tzinfo=None)
    return value


def _csv_cell(value) -> str:
    value = _cell(value)
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    header: list[str]
    rows: Callable[[list[int], Period], Iterable[list]]


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_response(dataset: Dataset, zone_ids: list[int], period: Period) -> StreamingHttpResponse:
    """The dataset as a CSV download, streamed a line at a time."""
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff"  # a byte-order mark, so Excel reads the file as UTF-8
        yield writer.writerow(dataset.header)
        for row in dataset.rows(zone_ids, period):
            yield writer.writerow([_csv_cell(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(dataset, "csv")}"'
    return response


def xlsx_response(dataset: Dataset, zone_ids: list[int], period: Period) -> FileResponse:
    """The dataset as an XLSX download, written row by row to a temporary file."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(dataset.title[:31])
    sheet.append(dataset.header)
    for row in dataset.rows(zone_ids, period):
        sheet.append([_cell(value) for value in row])
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it when sent
    book.save(spool)
    spool.seek(0)
    return FileResponse(
        spool,
        as_attachment=True,
        filename=_filename(dataset, "xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def _filename(dataset: Dataset, suffix: str) -> str:
    return f"{dataset.name}-{timezone.localdate():%Y-%m-%d}.{suffix}"


def _chunks(queryset: QuerySet) -> Iterator:
    return queryset.iterator(chunk_size=CHUNK)


def _labels(links) -> Text:
    return Text("; ".join(str(link) for link in links))


def activity_rows(zone_ids: list[int], period: Period) -> Iterator[list]:
    activities = (
        activities_in(zone_ids, period)
        .select_related("zone", "objective")
        .prefetch_related(
            Prefetch("domain_links", queryset=ActivityDomain.objects.order_by("domain")),
            Prefetch("principle_links", queryset=ActivityPrinciple.objects.order_by("principle")),
            "organisations",
        )
        .order_by("occurred_on", "pk")
    )
    for a in _chunks(activities):
        yield [
            Text(a.zone.name),
            a.occurred_on,
            Text(a.title),
            Text("; ".join(a.domain_labels)),
            Text("; ".join(a.principle_labels)),
            a.participants,
            a.volunteer_hours,
            a.in_kind_value,
            Text(a.in_kind_description),
            _labels(o.name for o in a.organisations.all()),
            Text(a.other_organisations),
            Text(a.objective.title if a.objective else ""),
            "yes" if a.is_verified else "no",
        ]


def indicator_rows(zone_ids: list[int], period: Period) -> Iterator[list]:
    indicators = with_latest(
        Indicator.objects.filter(ambition_statement__zone_id__in=zone_ids), on=period.end
    )
    indicators = indicators.select_related("ambition_statement__zone").order_by(
        "ambition_statement__zone__name", "-ambition_statement__version", "name", "pk"
    )
    for i in _chunks(indicators):
        progress = progress_of(i, period.end)
        yield [
            Text(i.ambition_statement.zone.name),
            i.ambition_statement.version,
            Text(i.name),
            i.get_domain_display(),
            Text(i.unit),
            i.get_direction_display(),
            i.baseline_value,
            i.baseline_on,
            i.target_value,
            i.target_on,
            Text(i.source),
            i.latest_value,
            i.latest_on,
            progress.percent,
            progress.rag.label,
        ]


def measurement_rows(zone_ids: list[int], period: Period) -> Iterator[list]:
    measurements = Measurement.objects.filter(
        indicator__ambition_statement__zone_id__in=zone_ids,
        measured_on__gte=period.start,
        measured_on__lte=period.end,
    )
    measurements = measurements.select_related(
        "indicator__ambition_statement__zone", "entered_by"
    ).order_by("indicator__ambition_statement__zone__name", "indicator__name", "measured_on")
    for m in _chunks(measurements):
        yield [
            Text(m.indicator.ambition_statement.zone.name),
            Text(m.indicator.name),
            Text(m.indicator.unit),
            m.measured_on,
            m.value,
            Text(m.shown_source),
            Text(m.note),
            Text(m.entered_by.get_full_name() or m.entered_by.username),
            m.entered_at,
        ]


DATASETS = {
    dataset.name: dataset
    for dataset in (
        Dataset(
            "activities",
            "Activities",
            [
                "Zone",
                "Date",
                "Title",
                "Resilience domains",
                "Principles of the approach",
                "Participants",
                "Volunteer hours",
                "In-kind value (£)",
                "In-kind resources",
                "Organisations",
                "Other groups",
                "Delivery plan objective",
                "Verified",
            ],
            activity_rows,
        ),
        Dataset(
            "indicators",
            "Indicators",
            [
                "Zone",
                "Ambition statement version",
                "Indicator",
                "Resilience domain",
                "Unit",
                "Direction",
                "Baseline",
                "Baseline date",
                "Target",
                "Target date",
                "Source",
                "Latest value",
                "Latest date",
                "Progress (%)",
                "RAG status",
            ],
            indicator_rows,
        ),
        Dataset(
            "measurements",
            "Measurements",
            [
                "Zone",
                "Indicator",
                "Unit",
                "Date",
                "Value",
                "Source",
                "Note",
                "Entered by",
                "Entered at",
            ],
            measurement_rows,
        ),
    )
}
