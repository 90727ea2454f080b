"""Forms of activities: logging one from a phone, and filtering the list. Forms validate;
the services in peoplezones/services/activities.py save."""

import datetime

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Fixed, Layout, Size, Submit
from django import forms
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from config.domain import DomainError
from config.forms import RecordsChoiceField
from governance.models import Organisation
from peoplezones.forms.zones import date_field
from peoplezones.models import Activity, ApproachPrinciple, ResilienceDomain, Zone
from peoplezones.selectors.activities import recent_months
from peoplezones.services.activities import ActivityDetails, photo_checked
from toolkit.models import Method

DOMAIN_HINTS = {
    ResilienceDomain.SKILLS: "Learning, training, leadership, volunteering",
    ResilienceDomain.RESOURCES: "Places, equipment, money or time the community can use",
    ResilienceDomain.HEALTH: "Feeling well, less lonely, more active",
    ResilienceDomain.SAFETY: "Feeling and being safer",
}
PRINCIPLE_HINTS = {
    ApproachPrinciple.COMMUNITY_ENABLED: "Residents led it or shaped it",
    ApproachPrinciple.RESILIENCE_BUILDING: "It helps the whole community, not only those at risk",
    ApproachPrinciple.PROBLEM_SOLVING: "It tackled a problem with what we already have",
    ApproachPrinciple.INTEGRATION: "Agencies worked together on it",
}


def _numeric(decimal: bool = False) -> forms.TextInput:
    # GOV.UK asks for text inputs with inputmode rather than type=number: no spinners, no
    # silent rounding, and the phone shows its number pad.
    return forms.TextInput(
        attrs={"inputmode": "decimal" if decimal else "numeric", "spellcheck": "false"}
    )


def _open_details(summary: str, opened: bool) -> HTML:
    return HTML(
        f'<details class="govuk-details"{" open" if opened else ""}>'
        f'<summary class="govuk-details__summary"><span class="govuk-details__summary-text">'
        f'{summary}</span></summary><div class="govuk-details__text">'
    )


CLOSE_DETAILS = HTML("</div></details>")
MORE_FIELDS = (
    "in_kind_description",
    "in_kind_value",
    "organisations",
    "other_organisations",
    "objective",
)


class ActivityForm(forms.Form):
    """Log or change an activity: the few things that matter first, the rest folded away."""

    title = forms.CharField(
        label="Title",
        max_length=200,
        help_text="For example, “Litter pick on Aikman Avenue”",
        error_messages={"required": "Enter a title for the activity"},
    )
    occurred_on = date_field("Date")
    description = forms.CharField(
        label="What happened",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say what happened"},
    )
    domains = forms.MultipleChoiceField(
        label="Which resilience domains did it touch?",
        help_text="Select all that apply.",
        choices=[Choice(d.value, d.label, hint=DOMAIN_HINTS[d]) for d in ResilienceDomain],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one resilience domain"},
    )
    principles = forms.MultipleChoiceField(
        label="Which principles of the approach did it apply? (optional)",
        choices=[Choice(p.value, p.label, hint=PRINCIPLE_HINTS[p]) for p in ApproachPrinciple],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    participants = forms.IntegerField(
        label="Number of participants",
        min_value=0,
        max_value=100_000,
        initial=0,
        required=False,
        widget=_numeric(),
        error_messages={"invalid": "Enter the number of participants as a whole number"},
    )
    volunteer_hours = forms.DecimalField(
        label="Volunteer hours",
        help_text="All volunteers together, for example 7.5",
        min_value=0,
        max_digits=7,
        decimal_places=1,
        initial=0,
        required=False,
        widget=_numeric(decimal=True),
        error_messages={"invalid": "Enter the volunteer hours as a number, like 7.5"},
    )
    in_kind_description = forms.CharField(
        label="In-kind resources",
        help_text="Rooms, equipment, staff time or anything else given without charge",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    in_kind_value = forms.DecimalField(
        label="Estimated value of in-kind resources, in pounds",
        min_value=0,
        max_digits=10,
        decimal_places=2,
        initial=0,
        required=False,
        widget=_numeric(decimal=True),
        error_messages={"invalid": "Enter the value in pounds, like 150 or 150.50"},
    )
    organisations = RecordsChoiceField(
        label="Organisations involved",
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    other_organisations = forms.CharField(
        label="Other groups involved",
        help_text="Community groups and others not listed above",
        max_length=500,
        required=False,
    )
    objective = forms.ModelChoiceField(
        label="Delivery plan objective it serves",
        queryset=Zone.objects.none(),
        required=False,
        empty_label="None of them",
    )
    method = forms.ModelChoiceField(
        label="Toolkit method used (optional)",
        queryset=Method.objects.none(),
        required=False,
        empty_label="No toolkit method",
        error_messages={"invalid_choice": "Choose a method that is published in the toolkit."},
    )
    photo = forms.FileField(
        label="Photo (optional)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    photo_consent = forms.BooleanField(
        label="Everyone who can be recognised in the photo agreed to it being shared",
        required=False,
    )

    def __init__(self, *args, zone: Zone, activity: Activity | None = None, **kwargs):
        if activity is not None:
            kwargs.setdefault("initial", self._initial_from(activity))
        super().__init__(*args, **kwargs)
        self.zone, self.activity = zone, activity
        if activity is None:
            self.fields["occurred_on"].initial = timezone.localdate()
        for widget in self.fields["occurred_on"].widget.widgets:
            widget.attrs["inputmode"] = "numeric"
        organisations = self.fields["organisations"]
        organisations.queryset = Organisation.objects.order_by("name")
        # Read once: the checkboxes would otherwise count the organisations, then list them.
        organisations.choices = [(o.pk, o.name) for o in organisations.queryset]
        self.fields["objective"].queryset = zone.objectives.order_by("position", "pk")
        self._method_choices(activity)
        self.fields["photo"].help_text = "A JPEG, PNG or WebP image. " + (
            "Choosing a new one replaces the photo already there."
            if activity is not None and activity.photo
            else "Location and camera details are removed before it is kept."
        )
        if activity is not None and activity.photo:
            self.fields["remove_photo"] = forms.BooleanField(
                label="Remove the photo", required=False
            )
        self.helper = self._helper()

    def _method_choices(self, activity: Activity | None) -> None:
        method = self.fields["method"]
        methods = Method.objects.published()
        if activity is not None and activity.method_id:
            # Kept when the toolkit withdrew it since: the author may correct other things.
            methods = methods | Method.objects.filter(pk=activity.method_id)
        method.queryset = methods.order_by("title")
        # Read once: the select would otherwise read the methods each time it is drawn.
        method.choices = [("", method.empty_label)] + [(m.pk, m.title) for m in method.queryset]
        method.help_text = format_html(
            # A new tab, so what is typed here is not lost (GOV.UK's advice for forms).
            'If you followed a method from the <a class="govuk-link" href="{}" '
            'target="_blank" rel="noopener noreferrer">problem-solving toolkit (opens in new '
            "tab)</a>, choose it: the toolkit shows how often each method is used, by zone "
            "and month.",
            reverse("toolkit"),
        )

    @staticmethod
    def _initial_from(activity: Activity) -> dict:
        return vars(ActivityDetails.of(activity))

    def _helper(self) -> FormHelper:
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        more_open = bool(
            self.activity is not None
            and (self.activity.in_kind_description or self.activity.objective_id)
        ) or any(name in self.errors for name in MORE_FIELDS)
        helper.layout = Layout(
            Field.text("title"),
            Field("occurred_on"),
            Field.textarea("description", rows=4),
            Field.checkboxes("domains", legend_size=Size.SMALL),
            Field.checkboxes("principles", legend_size=Size.SMALL, small=True),
            Field.text("participants", field_width=Fixed.FIVE),
            Field.text("volunteer_hours", field_width=Fixed.FIVE),
            Field.select("method"),
            _open_details("In-kind resources, organisations and delivery plan", more_open),
            Field.textarea("in_kind_description", rows=2),
            Field.text("in_kind_value", field_width=Fixed.TEN),
            Field.checkboxes("organisations", small=True),
            Field.text("other_organisations"),
            Field.select("objective"),
            CLOSE_DETAILS,
            Field("photo"),
            Field.checkbox("photo_consent", small=True),
            *[
                Field.checkbox(name, small=True)
                for name in ("remove_photo",)
                if name in self.fields
            ],
            Submit("submit", "Save activity" if self.activity else "Log activity"),
        )
        return helper

    def clean_occurred_on(self) -> datetime.date:
        day = self.cleaned_data["occurred_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("The date must be today or in the past")
        return day

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        try:
            return photo_checked(upload)
        except DomainError as error:
            raise forms.ValidationError(error.message) from error

    def clean(self):
        data = super().clean()
        if data.get("photo") and not data.get("photo_consent"):
            self.add_error(
                "photo_consent", "Confirm everyone recognisable in the photo agreed to it"
            )
        return data

    def details(self) -> ActivityDetails:
        data = self.cleaned_data
        values = {name: data[name] for name in ActivityDetails.__dataclass_fields__}
        # Left empty, a count means none.
        for name in ("participants", "volunteer_hours", "in_kind_value"):
            values[name] = values[name] or 0
        return ActivityDetails(**values)


def filter_helper() -> FormHelper:
    """A helper for a list's GET filters: the page writes the form tag and its button."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    return helper


# A select of up to this many zones; beyond, a box to type a zone's name in: a select of
# hundreds of zones is slow to send and to use, on a phone above all.
ZONES_LISTED = 30


def zone_filter_field(zones: QuerySet[Zone]) -> forms.Field:
    """A list's zone filter, by slug or name: a select when the person sees a few zones,
    else a name search (one query either way)."""
    few = list(zones.order_by("name").values_list("slug", "name")[: ZONES_LISTED + 1])
    if len(few) <= ZONES_LISTED:
        return forms.ChoiceField(label="Zone", required=False, choices=[("", "All zones"), *few])
    return forms.CharField(
        label="Zone",
        help_text="All or part of its name",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )


class ActivityFilterForm(forms.Form):
    """Narrow an activity list by zone, domain, principle, month and verification."""

    domain = forms.ChoiceField(label="Resilience domain", required=False)
    principle = forms.ChoiceField(label="Approach principle", required=False)
    month = forms.ChoiceField(label="Month", required=False)
    verified = forms.ChoiceField(
        label="Verified",
        required=False,
        choices=[("", "Verified or not"), ("yes", "Verified"), ("no", "Waiting for verification")],
    )

    def __init__(self, *args, zones: QuerySet[Zone] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if zones is not None:
            # First, as it was: the widest filter.
            self.fields = {"zone": zone_filter_field(zones), **self.fields}
        self.fields["domain"].choices = [("", "Any domain"), *ResilienceDomain.choices]
        self.fields["principle"].choices = [("", "Any principle"), *ApproachPrinciple.choices]
        self.fields["month"].choices = [("", "Any month")] + [
            (f"{m:%Y-%m}", f"{m:%B %Y}") for m in recent_months()
        ]
        self.helper = filter_helper()

    def filters(self) -> dict:
        """The selector's keyword arguments for what was chosen (nothing when invalid)."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        month = data.get("month")
        return {
            "zone_search": data.get("zone", "").strip(),
            "domain": data.get("domain", ""),
            "principle": data.get("principle", ""),
            "month": datetime.date.fromisoformat(f"{month}-01") if month else None,
            "verified": {"yes": True, "no": False}.get(data.get("verified", "")),
        }
