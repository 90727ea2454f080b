"""The evaluation's demo data: the demo indicators for each zone's current ambition
statement with a year of monthly measurements, one published board pack and one draft;
loading twice changes nothing."""

from io import StringIO

from django.core.management import call_command

from evaluation.models import BoardPack, Indicator, Measurement
from evaluation.selectors.indicators import current_statements
from peoplezones.models import Activity, Zone


def counts() -> tuple:
    return tuple(m.objects.count() for m in (Indicator, Measurement, BoardPack, Activity))


def test_demo_indicators_measurements_and_packs_load_once(db):
    call_command("seed_demo", stdout=StringIO())
    loaded = counts()
    call_command("seed_demo", stdout=StringIO())
    assert counts() == loaded

    zones = list(Zone.objects.filter(status="active"))
    statements = current_statements(zones)
    assert len(statements) == 3
    for statement in statements.values():
        indicators = list(statement.indicators.all())
        assert len(indicators) == 9
        assert {i.domain for i in indicators} == {"skills", "resources", "health", "safety"}
        for indicator in indicators:
            months = indicator.measurements.dates("measured_on", "month")
            assert 11 <= len(months) <= 12  # one a month over the last year

    published = BoardPack.objects.get(status="published")
    assert published.is_intact
    for zone in zones:
        assert zone.name in published.content_html
    draft = BoardPack.objects.get(status="draft")
    assert draft.scope == "zone" and draft.content_html
