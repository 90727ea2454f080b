"""Forms of zones: their details and their status. Forms validate; services save."""

import datetime

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fluid, Layout
from django import forms
from django.utils import timezone

from config.forms import RealDateField, gds_helper
from governance.models import Body
from peoplezones.models import Zone
from peoplezones.services.zones import ZONE_TRANSITIONS


def date_field(label: str, *, required: bool = True, help_text: str = "") -> RealDateField:
    """A GOV.UK date input (day, month, year) with messages that say what to enter. Each of
    day, month and year is required once any is given (require_all_fields must be False
    when the field is made: set later, a date missing its month was taken as no date)."""
    field = RealDateField(
        label=label, required=required, help_text=help_text, require_all_fields=False
    )
    field.error_messages["required"] = f"Enter the {label.lower()}"
    field.error_messages["incomplete"] = f"Enter the {label.lower()} as day, month and year"
    return field


def example_date(days_ago: int = 0) -> str:
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    return f"For example, {day.day} {day.month} {day.year}"


class ZoneForm(forms.ModelForm):
    """A zone's details: what it is called, where it is and which bodies it belongs to."""

    class Meta:
        model = Zone
        fields = [
            "name",
            "area_type",
            "district",
            "csp",
            "jag",
            "description",
            "location",
            "latitude",
            "longitude",
        ]
        labels = {
            "area_type": "City or county area",
            "csp": "Community Safety Partnership",
            "jag": "Joint Action Group",
            "location": "Location (optional)",
            "latitude": "Latitude (optional)",
            "longitude": "Longitude (optional)",
        }
        help_texts = {
            "district": "The district or city, such as Charnwood or Leicester.",
            "jag": "The Joint Action Group the zone works with, if there is one.",
            "latitude": "Decimal degrees, such as 52.6369.",
            "longitude": "Decimal degrees, such as -1.1398.",
        }
        widgets = {"area_type": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["csp"].queryset = Body.objects.filter(level=Body.Level.CSP, is_active=True)
        self.fields["jag"].queryset = Body.objects.filter(level=Body.Level.JAG, is_active=True)
        self.fields["jag"].empty_label = "No Joint Action Group"
        self.fields["name"].error_messages["required"] = "Enter the name of the zone"
        self.fields["district"].error_messages["required"] = "Enter the district"
        self.fields["area_type"].error_messages["required"] = "Choose city or county"
        self.fields["csp"].error_messages["required"] = "Choose the Community Safety Partnership"
        self.helper = gds_helper("Save zone")

    def clean(self):
        data = super().clean()
        latitude, longitude = data.get("latitude"), data.get("longitude")
        if (latitude is None) != (longitude is None):
            missing = "longitude" if longitude is None else "latitude"
            self.add_error(missing, f"Enter the {missing} too, or neither")
        return data


class ZoneStatusForm(forms.Form):
    """Open, close or reopen a zone on a date."""

    status = forms.ChoiceField(label="New status", widget=forms.RadioSelect)
    on = date_field("Date", help_text=example_date())

    def __init__(self, *args, zone: Zone, **kwargs):
        super().__init__(*args, **kwargs)
        moves = ZONE_TRANSITIONS[zone.status]
        self.fields["status"].choices = [(s.value, s.label) for s in Zone.Status if s in moves]
        self.fields["status"].error_messages["required"] = "Choose the new status"
        self.helper = gds_helper("Change status")


class ZoneFilterForm(forms.Form):
    """Narrow the zones list by status, and by a name or place typed in."""

    search = forms.CharField(
        label="Zone name or district",
        help_text="All or part of it",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any status"), *Zone.Status.choices]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field.text("search", field_width=Fluid.TWO_THIRDS), Field.select("status")
        )

    def filters(self) -> dict:
        """The selector's keyword arguments for what was chosen (nothing when invalid)."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {"search": data["search"].strip(), "status": data["status"]}
