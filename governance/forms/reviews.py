"""Forms of the bi-annual review events, in GOV.UK style. Forms validate what was typed;
the services in governance.services.reviews decide what the rules allow."""

from decimal import Decimal

from django import forms

from config.forms import RealDateField, RecordsChoiceField, gds_helper
from governance.forms.accounts import no_autofocus
from governance.models import Allocation, Body, Organisation, Priority
from peoplezones.models import Zone

MONEY_ERRORS = {
    "required": "Enter the amount in pounds",
    "invalid": "Enter the amount in pounds, such as 2500 or 2500.50",
    "min_value": "Enter an amount of at least £0.01",
    "max_decimal_places": "Enter the amount in pounds and pence, with no more than 2 "
    "decimal places",
}


def money_field(label: str, *, required: bool = True, help_text: str = "") -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=required,
        min_value=Decimal("0.01"),
        max_digits=12,
        decimal_places=2,
        help_text=help_text,
        error_messages=MONEY_ERRORS,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
    )


def date_field(label: str, hint: str) -> RealDateField:
    field = RealDateField(label=label, help_text=hint, require_all_fields=False)
    field.error_messages["required"] = f"Enter the {label.lower()}"
    return field


class ReviewForm(forms.Form):
    """Common set-up: GOV.UK helper, no autofocus."""

    submit_label = "Save"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        no_autofocus(self)
        self.helper = gds_helper(self.submit_label)


class ReviewEventForm(ReviewForm):
    title = forms.CharField(
        max_length=200, error_messages={"required": "Enter the title of the event"}
    )
    date = date_field("Date of the event", "For example, 21 1 2027")
    venue = forms.CharField(
        max_length=200,
        required=False,
        help_text="Where it is held, or that it is online.",
    )


class CancelForm(ReviewForm):
    submit_label = "Cancel the event"
    reason = forms.CharField(
        label="Why is the event cancelled?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The invitees are told this.",
        error_messages={"required": "Say why the event is cancelled"},
    )


class DirectionForm(ReviewForm):
    submit_label = "Save the strategic direction"
    direction = forms.CharField(
        label="Strategic direction agreed",
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": "Enter the strategic direction agreed"},
    )
    set_titles = forms.CharField(
        label="Priorities to set",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The title of each new priority the event agreed, one per line.",
    )
    retire = RecordsChoiceField(
        label="Priorities to retire",
        required=False,
        queryset=Priority.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Active priorities the event agreed to retire.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["retire"].queryset = Priority.objects.filter(
            status=Priority.Status.ACTIVE
        ).order_by("title")

    def set_title_list(self) -> list[str]:
        lines = self.cleaned_data["set_titles"].splitlines()
        return [line.strip() for line in lines if line.strip()]


def recipient_choices(*, blank: str | None = None) -> list:
    """Bodies and zones in one list, grouped: `body:<id>` or `zone:<id>`."""
    bodies = Body.objects.filter(is_active=True).order_by("-level", "name")
    zones = Zone.objects.exclude(status=Zone.Status.CLOSED).order_by("name")
    choices = [("", blank)] if blank is not None else [("", "Choose a body or a zone")]
    choices.append(
        ("Partnership bodies", [(f"body:{b.pk}", f"{b.name} ({b.short_level})") for b in bodies])
    )
    choices.append(("People Zones", [(f"zone:{z.pk}", z.name) for z in zones]))
    return choices


def split_recipient(value: str) -> dict:
    """`body:3` → {"body": Body 3}; "" → {}."""
    if not value:
        return {}
    kind, _, pk = value.partition(":")
    model = Body if kind == "body" else Zone
    return {kind: model.objects.get(pk=int(pk))}


class AllocationForm(ReviewForm):
    submit_label = "Add the allocation"
    recipient = forms.ChoiceField(
        label="Who is it for?",
        error_messages={"required": "Choose the body or People Zone the money is for"},
    )
    amount = money_field("Amount (£)")
    purpose = forms.CharField(
        max_length=300, error_messages={"required": "Enter what the money is for"}
    )
    funding_source = forms.ChoiceField(
        label="Funding source",
        choices=Allocation.FundingSource.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose where the money comes from"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].choices = recipient_choices()


class SpendForm(ReviewForm):
    submit_label = "Record the spend"
    date = date_field("Date spent", "For example, 3 4 2027")
    amount = money_field("Amount (£)")
    description = forms.CharField(
        max_length=300, error_messages={"required": "Enter what the money was spent on"}
    )


class InKindForm(ReviewForm):
    submit_label = "Record the contribution"
    organisation = forms.ModelChoiceField(
        label="Organisation giving it",
        queryset=Organisation.objects.order_by("name"),
        empty_label="Choose an organisation",
        error_messages={"required": "Choose the organisation giving the contribution"},
    )
    recipient = forms.ChoiceField(label="Who does it support? (optional)", required=False)
    description = forms.CharField(
        max_length=300,
        help_text="For example, a community room every Tuesday, or two officers' time.",
        error_messages={"required": "Describe the contribution"},
    )
    hours = forms.DecimalField(
        label="Staff hours (optional)",
        required=False,
        min_value=Decimal("0.1"),
        max_digits=8,
        decimal_places=1,
        error_messages={
            "invalid": "Enter the hours as a number, such as 12 or 7.5",
            "min_value": "Enter at least 0.1 hours",
            "max_decimal_places": "Enter the hours to one decimal place at most",
        },
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-5"}),
    )
    estimated_value = money_field(
        "Estimated value (£, optional)",
        required=False,
        help_text="What it would cost to buy. It is shown beside the money, never added to it.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].choices = recipient_choices(blank="The partnership as a whole")

    def clean(self):
        data = super().clean()
        nothing = data.get("hours") is None and data.get("estimated_value") is None
        if nothing and not {"hours", "estimated_value"} & set(self.errors):
            self.add_error("hours", "Enter the staff hours, an estimated value, or both")
        return data
