"""Charts drawn on the server as SVG: no JavaScript, and the same markup prints, goes into
the PDF and scales down to a phone.

Each chart is an image with a title and a description (`role="img"`, `aria-labelledby`),
and every page shows the figures beside it in a table, so nobody depends on the picture.
Colours come from attributes, never inline styles, so the Content Security Policy holds;
bars also differ by pattern-free position and label, never by colour alone.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

BLUE = "#1d70b8"
DARK_BLUE = "#003078"
GREY = "#b1b4b6"
MID_GREY = "#505a5f"
TEXT = "#0b0c0c"
WIDTH = 400
FONT = "Arial, 'Liberation Sans', sans-serif"


def number(value, *, money: bool = False) -> str:
    """A figure as people read it: 1,234, 12.5 or £1,234.50."""
    if value is None:
        return "–"
    value = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if money:
        return f"£{value:,.2f}" if value != value.to_integral() else f"£{value:,.0f}"
    if value == value.to_integral():
        return f"{value:,.0f}"
    return f"{value.normalize():,f}"


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence
    colour: str = BLUE


def _joined(parts) -> SafeString:
    """The pieces one after another; each is escaped again unless it is already safe."""
    return format_html_join("", "{}", ((part,) for part in parts))


def _frame(chart_id: str, title: str, description: str, height: int, body) -> SafeString:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" role="img" '
        'aria-labelledby="{0}-title {0}-desc" viewBox="0 0 {1} {2}" width="{1}" height="{2}" '
        'font-family="{3}" font-size="13" fill="{4}">'
        '<title id="{0}-title">{5}</title><desc id="{0}-desc">{6}</desc>{7}</svg>',
        chart_id,
        WIDTH,
        height,
        FONT,
        TEXT,
        title,
        description,
        body,
    )


def _scale(values, floor: float = 0) -> float:
    top = max([float(v or 0) for v in values] + [floor])
    return top or 1.0


def bar_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    bars: Sequence[tuple[str, object]],
    money: bool = False,
) -> SafeString:
    """Horizontal bars, each label above its bar and the figure at the bar's end."""
    return grouped_bar_chart(
        chart_id=chart_id,
        title=title,
        description=description,
        categories=[label for label, _ in bars],
        series=[Series("", [value for _, value in bars])],
        money=money,
    )


def grouped_bar_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    categories: Sequence[str],
    series: Sequence[Series],
    money: bool = False,
) -> SafeString:
    """Horizontal bars grouped by category: one bar per series, with a legend when there
    is more than one series."""
    top = _scale([v for s in series for v in s.values])
    legend = len(series) > 1
    # Room after the longest bar for its figure (and the series' name, when grouped).
    bar_room = WIDTH - (150 if legend else 80)
    y = 24 if legend else 4
    parts = [_legend(series)] if legend else []
    for index, category in enumerate(categories):
        parts.append(
            format_html('<text x="0" y="{}" font-weight="bold">{}</text>', y + 12, category)
        )
        y += 18
        for s in series:
            value = s.values[index] or 0
            length = round(bar_room * float(value) / top, 1)
            parts.append(
                format_html(
                    '<rect x="0" y="{}" width="{}" height="14" fill="{}"/>'
                    '<text x="{}" y="{}">{}{}</text>',
                    y,
                    max(length, 1),
                    s.colour,
                    max(length, 1) + 6,
                    y + 11,
                    number(value, money=money),
                    f" ({s.name})" if legend else "",
                )
            )
            y += 18
        y += 8
    return _frame(chart_id, title, description, y, _joined(parts))


def _legend(series: Sequence[Series]) -> SafeString:
    items, x = [], 0
    for s in series:
        items.append(
            format_html(
                '<rect x="{}" y="2" width="12" height="12" fill="{}"/>'
                '<text x="{}" y="12">{}</text>',
                x,
                s.colour,
                x + 16,
                s.name,
            )
        )
        x += 24 + 7 * len(s.name)
    return _joined(items)


def column_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    columns: Sequence[tuple[str, object]],
    money: bool = False,
) -> SafeString:
    """Vertical bars over time (a monthly trend), short labels under each column and the
    figure above it."""
    top = _scale([value for _, value in columns])
    n = max(len(columns), 1)
    slot = WIDTH / n
    chart_top, chart_bottom = 18, 150
    room = chart_bottom - chart_top
    parts = [
        format_html(
            '<line x1="0" y1="{0}" x2="{1}" y2="{0}" stroke="{2}" stroke-width="1"/>',
            chart_bottom,
            WIDTH,
            MID_GREY,
        )
    ]
    small = n > 12
    for index, (label, value) in enumerate(columns):
        height = round(room * float(value or 0) / top, 1)
        x = round(index * slot + slot * 0.15, 1)
        centre = round(index * slot + slot / 2, 1)
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>'
                '<text x="{}" y="{}" text-anchor="middle" font-size="{}">{}</text>'
                '<text x="{}" y="{}" text-anchor="middle" font-size="{}">{}</text>',
                x,
                chart_bottom - height,
                round(slot * 0.7, 1),
                height,
                BLUE,
                centre,
                chart_bottom - height - 4,
                9 if small else 11,
                number(value, money=money) if value else "",
                centre,
                chart_bottom + 14,
                9 if small else 11,
                label,
            )
        )
    return _frame(chart_id, title, description, chart_bottom + 20, _joined(parts))


def line_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    points: Sequence[tuple[str, object]],
    target: object | None = None,
) -> SafeString:
    """Readings over time as a line, scaled to their own range (small changes show), with
    the target as a dashed line; the first and last readings are labelled."""
    values = [float(v) for _, v in points] + ([float(target)] if target is not None else [])
    low, high = min(values), max(values)
    pad = (high - low) * 0.12 or 1.0
    low, high = low - pad, high + pad
    left, right, top, bottom = 44, WIDTH - 12, 18, 150

    def y(value) -> float:
        return round(bottom - (float(value) - low) / (high - low) * (bottom - top), 1)

    step = (right - left) / max(len(points) - 1, 1)
    xs = [round(left + i * step, 1) for i in range(len(points))]
    parts = [
        format_html(
            '<line x1="{0}" y1="{1}" x2="{2}" y2="{1}" stroke="{3}"/>'
            '<text x="{4}" y="{5}" text-anchor="end" font-size="10">{6}</text>'
            '<text x="{4}" y="{1}" text-anchor="end" font-size="10">{7}</text>',
            left,
            bottom,
            right,
            MID_GREY,
            left - 4,
            top + 4,
            number(round(high, 1)),
            number(round(low, 1)),
        )
    ]
    if target is not None:
        parts.append(
            format_html(
                '<line x1="{0}" y1="{1}" x2="{2}" y2="{1}" stroke="{3}" stroke-width="1.5" '
                'stroke-dasharray="5 4"/><text x="{2}" y="{4}" text-anchor="end" '
                'font-size="11">Target {5}</text>',
                left,
                y(target),
                right,
                TEXT,
                y(target) - 4,
                number(target),
            )
        )
    path = " ".join(f"{x},{y(v)}" for x, (_, v) in zip(xs, points, strict=True))
    parts.append(
        format_html(
            '<polyline points="{}" fill="none" stroke="{}" stroke-width="2.5"/>', path, BLUE
        )
    )
    every = max(1, round(len(points) / 6))
    for index, (x, (label, value)) in enumerate(zip(xs, points, strict=True)):
        parts.append(format_html('<circle cx="{}" cy="{}" r="3.5" fill="{}"/>', x, y(value), BLUE))
        last = index == len(points) - 1
        anchor = "end" if last and index else "start" if index == 0 else "middle"
        if index % every == 0 or last:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="{}" font-size="10">{}</text>',
                    x,
                    bottom + 14,
                    anchor,
                    label,
                )
            )
        if index == 0 or last:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="{}" font-size="11" '
                    'font-weight="bold">{}</text>',
                    x + (6 if anchor == "start" else -6),
                    y(value) - 8,
                    anchor,
                    number(value),
                )
            )
    return _frame(chart_id, title, description, bottom + 22, _joined(parts))


def progress_bar(
    *, label: str, share: Decimal | None, expected: Decimal | None = None
) -> SafeString:
    """A bar from 0 % to 100 % filled to `share`, with a mark where time elapsed says it
    should be."""
    width, height = 200, 18
    filled = round(width * float(share or 0), 1)
    mark = ""
    if expected is not None:
        x = round(width * float(expected), 1)
        mark = format_html(
            '<line x1="{0}" y1="0" x2="{0}" y2="{1}" stroke="{2}" stroke-width="2"/>',
            x,
            height,
            TEXT,
        )
    described = (
        f"{label}: {'not measured' if share is None else f'{round(float(share) * 100)} %'}"
        + ("" if expected is None else f"; time elapsed {round(float(expected) * 100)} %")
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="app-progress" role="img" '
        'aria-label="{0}" viewBox="0 0 {1} {2}" width="{1}" height="{2}"><title>{0}</title>'
        '<rect x="0" y="3" width="{1}" height="12" fill="#f3f2f1" stroke="{3}" stroke-width="1"/>'
        '<rect x="0" y="3" width="{4}" height="12" fill="{5}"/>{6}</svg>',
        described,
        width,
        height,
        GREY,
        filled,
        DARK_BLUE,
        mark,
    )
