"""Template tags that draw the evaluation's charts (see evaluation/charts.py) and format
its figures."""

from django import template
from django.utils.html import format_html, format_html_join

from evaluation import charts
from evaluation.charts import GREY, Series

register = template.Library()

MEASURES = {
    "activities": "Activities",
    "participants": "Participants",
    "volunteer_hours": "Volunteer hours",
    "in_kind_value": "In-kind value (£)",
}


def _value(row, measure: str):
    return getattr(row.totals, measure)


@register.filter
def paragraphs(text: str):
    """Text an officer wrote, one GOV.UK paragraph per line."""
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    return format_html_join("", '<p class="govuk-body">{}</p>', ((line,) for line in lines))


def _figure(title: str, svg):
    # A visible caption for sighted readers; the SVG's own title serves screen readers.
    return format_html(
        '<figure class="app-chart-figure"><figcaption class="app-chart-figure__caption">'
        "{}</figcaption>{}</figure>",
        title,
        svg,
    )


@register.filter
def number(value):
    return charts.number(value)


@register.filter
def money(value):
    return charts.number(value, money=True)


@register.simple_tag
def breakdown_chart(rows, chart_id: str, title: str, measure: str = "activities"):
    """Horizontal bars of a breakdown (by domain, principle, organisation or zone)."""
    rows = list(rows)
    description = "; ".join(
        f"{row.label}: {charts.number(_value(row, measure), money=measure == 'in_kind_value')}"
        for row in rows
    )
    title = f"{title}: {MEASURES[measure].lower()}"
    return _figure(
        title,
        charts.bar_chart(
            chart_id=chart_id,
            title=title,
            description=description or "No activities.",
            bars=[(row.label, _value(row, measure)) for row in rows],
            money=measure == "in_kind_value",
        ),
    )


@register.simple_tag
def trend_chart(rows, chart_id: str, title: str, measure: str = "activities"):
    """Monthly columns of one measure."""
    rows = list(rows)
    description = "; ".join(f"{row.label}: {charts.number(_value(row, measure))}" for row in rows)
    title = f"{title}: {MEASURES[measure].lower()} by month"
    return _figure(
        title,
        charts.column_chart(
            chart_id=chart_id,
            title=title,
            description=description,
            columns=[(row.extra["short"], _value(row, measure)) for row in rows],
            money=measure == "in_kind_value",
        ),
    )


@register.simple_tag
def profile_chart(profile, chart_id: str, title: str, measure: str = "activities"):
    """The four domains side by side, the year before beside the last twelve months."""
    before = [getattr(d.before, measure) for d in profile]
    now = [getattr(d.now, measure) for d in profile]
    description = "; ".join(
        f"{d.label}: {charts.number(b)} the year before, {charts.number(n)} in the last "
        "twelve months"
        for d, b, n in zip(profile, before, now, strict=True)
    )
    title = f"{title}: {MEASURES[measure].lower()} by resilience domain"
    return _figure(
        title,
        charts.grouped_bar_chart(
            chart_id=chart_id,
            title=title,
            description=description,
            categories=[d.label for d in profile],
            series=[Series("year before", before, GREY), Series("last 12 months", now)],
            money=measure == "in_kind_value",
        ),
    )


@register.simple_tag
def progress_chart(progress, label: str):
    """A progress bar of an indicator, marked where time elapsed says it should be."""
    return charts.progress_bar(label=label, share=progress.share, expected=progress.elapsed)


@register.simple_tag
def share_bar(share, label: str):
    """A plain progress bar of any share (realisation and its parts)."""
    return charts.progress_bar(label=label, share=share)


@register.simple_tag
def measurement_chart(indicator, measurements, chart_id: str):
    """An indicator's readings over time as a line from its baseline, with its target."""
    points = [(f"{indicator.baseline_on:%b %y}", indicator.baseline_value)] + [
        (f"{m.measured_on:%b %y}", m.value) for m in measurements
    ]
    description = (
        f"Baseline {charts.number(indicator.baseline_value)} on {indicator.baseline_on:%-d %B %Y}, "
        f"target {charts.number(indicator.target_value)} by {indicator.target_on:%-d %B %Y}. "
        + "; ".join(f"{m.measured_on:%-d %B %Y}: {charts.number(m.value)}" for m in measurements)
    )
    title = f"{indicator.name} ({indicator.unit}) over time"
    return _figure(
        title,
        charts.line_chart(
            chart_id=chart_id,
            title=title,
            description=description,
            points=points[-25:],
            target=indicator.target_value,
        ),
    )
