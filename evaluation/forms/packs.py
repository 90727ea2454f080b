"""Forms of board packs, and the period filter of the summaries."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.functional import cached_property

from config.forms import gds_helper
from evaluation.forms import required
from evaluation.models import BoardPack
from evaluation.periods import Period, add_months, last_twelve_months
from governance.models import Body
from peoplezones.forms.zones import date_field
from peoplezones.models import Zone

MAX_MONTHS = 36


class BoardPackForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200)
    scope = forms.ChoiceField(
        label="What does the pack cover?",
        choices=BoardPack.Scope.choices,
        widget=forms.RadioSelect,
        initial=BoardPack.Scope.ALL,
    )
    csp = forms.ModelChoiceField(
        label="Community Safety Partnership",
        queryset=Body.objects.none(),
        required=False,
        help_text="Only for a partnership's pack",
        empty_label="Choose a partnership",
    )
    zone = forms.ModelChoiceField(
        label="People Zone",
        queryset=Zone.objects.none(),
        required=False,
        help_text="Only for one zone's pack",
        empty_label="Choose a zone",
    )
    period_start = date_field("Start of the period")
    period_end = date_field("End of the period")
    introduction = forms.CharField(
        label="Introduction (optional)",
        help_text="Your own words, shown after the generated introduction",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    recommendations = forms.CharField(
        label="Recommendations for the board",
        help_text="What the board is asked to do, one paragraph per line",
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["csp"].queryset = Body.objects.filter(level=Body.Level.CSP, is_active=True)
        self.fields["zone"].queryset = Zone.objects.exclude(status=Zone.Status.PROPOSED)
        required(
            self,
            {
                "title": "Enter a title",
                "scope": "Choose what the pack covers",
                "recommendations": "Write the recommendations to the board",
            },
        )
        self.helper = gds_helper("Save and generate the pack")

    def clean(self):
        data = super().clean()
        scope = data.get("scope")
        if scope == BoardPack.Scope.CSP and not data.get("csp"):
            self.add_error("csp", "Choose the Community Safety Partnership")
        if scope == BoardPack.Scope.ZONE and not data.get("zone"):
            self.add_error("zone", "Choose the People Zone")
        if scope != BoardPack.Scope.CSP:
            data["csp"] = None
        if scope != BoardPack.Scope.ZONE:
            data["zone"] = None
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "The end of the period must be on or after its start")
        return data

    @staticmethod
    def initial_for_new(today: datetime.date | None = None) -> dict:
        today = today or timezone.localdate()
        return {
            "title": f"People Zones and partnership working: report to the Board, {today:%B %Y}",
            "scope": BoardPack.Scope.ALL,
            "period_start": add_months(today, -6),
            "period_end": today,
            "recommendations": BoardPack._meta.get_field("recommendations").default,
        }


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why is the pack withdrawn?",
        help_text="Board members see this beside the pack, which is kept",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say why the pack is withdrawn"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper("Withdraw the pack")


class PeriodFilterForm(forms.Form):
    """The period of a summary (default: the last twelve months) and, across zones, a
    Community Safety Partnership to narrow it to."""

    start = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    csp = forms.ModelChoiceField(
        label="Community Safety Partnership",
        queryset=Body.objects.none(),
        required=False,
        empty_label="All partnerships",
    )

    def __init__(self, *args, with_csp: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if with_csp:
            self.fields["csp"].queryset = (
                Body.objects.filter(level=Body.Level.CSP, csp_zones__isnull=False)
                .distinct()
                .order_by("name")
            )
        else:
            del self.fields["csp"]
        for name in ("start", "end"):
            self.fields[name].error_messages["invalid"] = "Enter a real date"

    def clean(self):
        data = super().clean()
        default = last_twelve_months()
        start, end = data.get("start") or default.start, data.get("end") or default.end
        if end < start:
            self.add_error("end", "The end of the period must be on or after its start")
        elif len(Period(start, end).months) > MAX_MONTHS:
            self.add_error("start", f"Choose a period of {MAX_MONTHS} months or less")
        return data

    def period(self) -> Period:
        """The period asked for, or the last twelve months if the form is not valid."""
        if self.is_bound and self.is_valid():
            data = self.cleaned_data
            default = last_twelve_months()
            return Period(data.get("start") or default.start, data.get("end") or default.end)
        return last_twelve_months()

    @cached_property
    def csp_options(self) -> list:
        """The partnership select's options, read in one query (a template looping over
        the field's own iterator counts them in a query first)."""
        return list(iter(self.fields["csp"].choices)) if "csp" in self.fields else []

    def chosen_csp(self):
        if "csp" in self.fields and self.is_bound and self.is_valid():
            return self.cleaned_data.get("csp")
        return None
