"""Forms of indicators and their measurements."""

from django import forms

from config.forms import gds_helper
from evaluation.forms import numeric, required
from evaluation.models import Direction
from peoplezones.forms.zones import date_field, example_date
from peoplezones.models import AmbitionStatement, ResilienceDomain, Zone

VALUE_ERRORS = {"invalid": "Enter a number, like 42 or 7.5"}


def value_field(label: str, help_text: str = "") -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        help_text=help_text,
        max_digits=12,
        decimal_places=2,
        widget=numeric(),
        error_messages=VALUE_ERRORS,
    )


class IndicatorForm(forms.Form):
    ambition_statement = forms.ModelChoiceField(
        label="Ambition statement version",
        queryset=AmbitionStatement.objects.none(),
        empty_label=None,
    )
    name = forms.CharField(
        label="Name",
        max_length=200,
        help_text="For example, “Residents feeling safe after dark”",
    )
    domain = forms.ChoiceField(
        label="Resilience domain", choices=ResilienceDomain.choices, widget=forms.RadioSelect
    )
    unit = forms.CharField(
        label="Unit",
        max_length=60,
        help_text="Such as %, people, £ or incidents per 1,000 residents",
    )
    direction = forms.ChoiceField(
        label="Which way is better?", choices=Direction.choices, widget=forms.RadioSelect
    )
    baseline_value = value_field("Baseline", "The value when you started measuring")
    baseline_on = date_field("Baseline date", help_text=example_date(365))
    target_value = value_field("Target", "The value the community wants to reach")
    target_on = date_field("Target date", help_text=example_date(-365))
    source = forms.CharField(
        label="Source",
        max_length=300,
        help_text="Where the figures come from, such as the yearly residents' survey",
    )
    description = forms.CharField(
        label="How it is counted (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, zone: Zone, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        statements = zone.ambition_statements.order_by("-version")
        if not editing:
            statements = statements.exclude(status=AmbitionStatement.Status.SUPERSEDED)
        self.fields["ambition_statement"].queryset = statements
        self.fields["ambition_statement"].label_from_instance = lambda s: (
            f"Version {s.version} ({s.get_status_display().lower()})"
        )
        required(
            self,
            {
                "ambition_statement": "Choose the version of the ambition statement",
                "name": "Enter the name of the indicator",
                "domain": "Choose the resilience domain",
                "unit": "Enter the unit",
                "direction": "Choose whether higher or lower is better",
                "baseline_value": "Enter the baseline",
                "target_value": "Enter the target",
                "source": "Enter where the figures come from",
            },
        )
        self.helper = gds_helper("Save indicator")

    def clean(self):
        data = super().clean()
        start, end = data.get("baseline_on"), data.get("target_on")
        if start and end and end <= start:
            self.add_error("target_on", "The target date must be after the baseline date")
        return data


class MeasurementForm(forms.Form):
    value = value_field("Value")
    measured_on = date_field("Date", help_text=example_date(1))
    source = forms.CharField(
        label="Source (optional)",
        max_length=300,
        required=False,
        help_text="Only if it differs from the indicator's source",
    )
    note = forms.CharField(
        label="Note (optional)", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, unit: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if unit:
            self.fields["value"].label = f"Value ({unit})"
        required(self, {"value": "Enter the value"})
        self.helper = gds_helper("Save measurement")
