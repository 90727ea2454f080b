"""The server-drawn SVG charts: images with a title and a description, scaled to their
figures, escaping what they are given, and never in need of JavaScript or inline styles."""

import re
from decimal import Decimal

from evaluation import charts


def bars(svg: str) -> list[float]:
    return [
        float(w) for w in re.findall(r'<rect x="0" y="[\d.]+" width="([\d.]+)" height="14"', svg)
    ]


def test_a_bar_chart_is_an_image_with_its_title_and_description():
    svg = charts.bar_chart(
        chart_id="c1",
        title="Activities by domain",
        description="Skills: 2; Safety: 4",
        bars=[("Skills", 2), ("Safety", 4)],
    )
    assert 'role="img" aria-labelledby="c1-title c1-desc"' in svg
    assert '<title id="c1-title">Activities by domain</title>' in svg
    assert '<desc id="c1-desc">Skills: 2; Safety: 4</desc>' in svg
    assert "style=" not in svg and "<script" not in svg
    short, long = bars(svg)
    assert long == 2 * short  # bars in proportion to their figures


def test_labels_are_escaped():
    svg = charts.bar_chart(
        chart_id="c2", title="<b>x</b>", description="d", bars=[("<script>alert(1)</script>", 1)]
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_empty_figures_still_draw():
    svg = charts.column_chart(chart_id="c3", title="t", description="d", columns=[("Jan", 0)])
    assert "<svg" in svg
    line = charts.line_chart(chart_id="c4", title="t", description="d", points=[("Jan", 5)])
    assert "<polyline" in line


def test_a_line_chart_marks_the_target():
    svg = charts.line_chart(
        chart_id="c5",
        title="Loneliness",
        description="d",
        points=[("Oct 25", Decimal(28)), ("Nov 25", Decimal("27.5"))],
        target=Decimal(20),
    )
    assert 'stroke-dasharray="5 4"' in svg and "Target 20" in svg
    assert ">28<" in svg and ">27.5<" in svg


def test_a_progress_bar_says_its_figures():
    svg = charts.progress_bar(label="Feeling safe", share=Decimal("0.5"), expected=Decimal("0.25"))
    assert 'aria-label="Feeling safe: 50 %; time elapsed 25 %"' in svg
    assert 'width="100.0"' in svg  # half of 200


def test_figures_read_as_people_write_them():
    assert charts.number(Decimal("1234.50"), money=True) == "£1,234.50"
    assert charts.number(Decimal("1200.00"), money=True) == "£1,200"
    assert charts.number(Decimal("12.50")) == "12.5"
    assert charts.number(12000) == "12,000"
    assert charts.number(42.85) == "42.85"
    assert charts.number(None) == "–"
