"""Forms of a zone's plans. Each names its fields as the service takes them."""

from django import forms
from django.db.models import Q
from django.utils import timezone

from config.forms import RecordsChoiceField, gds_helper
from governance.models import Organisation, User
from peoplezones.forms.zones import date_field, example_date
from peoplezones.models import (
    AmbitionStatement,
    Consultation,
    CoreTeamMember,
    KeyIssue,
    Milestone,
    Objective,
    Workshop,
    Zone,
    ZoneIngredient,
)


class ConstraintsLast:
    """Check the model's constraints only once the fields are right: each field's own
    message, beside the field, says more than a constraint's name."""

    def validate_unique(self):
        if not self._errors:
            super().validate_unique()


def _required(form: forms.Form, messages: dict[str, str]) -> None:
    for name, message in messages.items():
        form.fields[name].error_messages["required"] = message


class WorkshopForm(ConstraintsLast, forms.ModelForm):
    held_on = date_field("Date", help_text=example_date(14))

    class Meta:
        model = Workshop
        fields = ["title", "held_on", "attendees", "organisations", "other_organisations", "notes"]
        labels = {"title": "Title (optional)"}
        widgets = {"organisations": forms.CheckboxSelectMultiple}
        field_classes = {"organisations": RecordsChoiceField}

    def __init__(self, *args, zone: Zone, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = Organisation.objects.exclude(
            kind=Organisation.Kind.OPCC
        ).order_by("name")
        _required(self, {"attendees": "Enter how many people attended"})
        self.helper = gds_helper("Save workshop")


class KeyIssueForm(ConstraintsLast, forms.ModelForm):
    class Meta:
        model = KeyIssue
        fields = [
            "title",
            "description",
            "theme",
            "status",
            "source_workshop",
            "source_consultation",
        ]
        widgets = {"theme": forms.RadioSelect, "status": forms.RadioSelect}

    def __init__(self, *args, zone: Zone, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source_workshop"].queryset = zone.workshops.all()
        self.fields["source_consultation"].queryset = zone.consultations.all()
        self.fields["source_workshop"].empty_label = "Not from a workshop"
        self.fields["source_consultation"].empty_label = "Not from a consultation"
        _required(self, {"title": "Enter the issue", "theme": "Choose a theme"})
        self.helper = gds_helper("Save key issue")

    def clean(self):
        data = super().clean()
        if data.get("source_workshop") and data.get("source_consultation"):
            self.add_error(
                "source_consultation",
                "Choose a workshop or a consultation as the source, not both",
            )
        return data


class ConsultationForm(ConstraintsLast, forms.ModelForm):
    starts_on = date_field("Start date", help_text=example_date(60))
    ends_on = date_field("End date", help_text=example_date(30))

    class Meta:
        model = Consultation
        fields = [
            "title",
            "method",
            "starts_on",
            "ends_on",
            "respondents",
            "findings",
            "key_issues",
        ]
        widgets = {"method": forms.RadioSelect, "key_issues": forms.CheckboxSelectMultiple}
        field_classes = {"key_issues": RecordsChoiceField}

    def __init__(self, *args, zone: Zone, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key_issues"].queryset = zone.key_issues.all()
        _required(self, {"title": "Enter a title", "method": "Choose how people were asked"})
        self.helper = gds_helper("Save consultation")

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "The end date must be on or after the start date")
        return data


class AmbitionForm(ConstraintsLast, forms.ModelForm):
    class Meta:
        model = AmbitionStatement
        fields = ["text", "measures"]
        help_texts = {"text": "In the community's own words."}
        widgets = {"text": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, zone: Zone | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        _required(self, {"text": "Write the ambition statement"})
        self.helper = gds_helper("Save draft")


class AmbitionMoveForm(forms.Form):
    """The date a version was consulted on or approved."""

    on = date_field("Date", help_text=example_date())

    def __init__(self, *args, zone: Zone | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper("Save")


class ObjectiveForm(ConstraintsLast, forms.ModelForm):
    class Meta:
        model = Objective
        fields = ["title", "description", "theme", "key_issues"]
        widgets = {"theme": forms.RadioSelect, "key_issues": forms.CheckboxSelectMultiple}
        field_classes = {"key_issues": RecordsChoiceField}

    def __init__(self, *args, zone: Zone, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key_issues"].queryset = zone.key_issues.all()
        _required(self, {"title": "Enter the objective"})
        self.helper = gds_helper("Save objective")


class MilestoneForm(ConstraintsLast, forms.ModelForm):
    due_on = date_field("Due date", help_text=example_date(-30))
    completed_on = date_field(
        "Date done", required=False, help_text="Only when it is done. Leave empty for today."
    )

    class Meta:
        model = Milestone
        fields = [
            "title",
            "due_on",
            "status",
            "owner_person",
            "owner_organisation",
            "owner_name",
            "completed_on",
            "notes",
        ]
        widgets = {"status": forms.RadioSelect}
        help_texts = {"status": "Once the due date has passed, a milestone not done is late."}

    def __init__(self, *args, zone: Zone, **kwargs):
        super().__init__(*args, **kwargs)
        in_zone = Q(core_team_places__zone=zone) | Q(panel_memberships__zone=zone)
        self.fields["owner_person"].queryset = (
            User.objects.filter(in_zone).distinct().order_by("last_name", "first_name")
        )
        self.fields["owner_person"].help_text = "Someone on the zone's core team or panel."
        self.fields["owner_person"].empty_label = "No one in particular"
        self.fields["owner_organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["owner_organisation"].empty_label = "No organisation"
        self.fields["title"].label = "Milestone"
        _required(self, {"title": "Enter the milestone"})
        self.helper = gds_helper("Save milestone")

    def clean(self):
        data = super().clean()
        owners = (data.get("owner_person"), data.get("owner_organisation"), data.get("owner_name"))
        if not any(owners):
            self.add_error("owner_person", "Choose who owns the milestone")
        if data.get("status") == Milestone.Status.DONE and not data.get("completed_on"):
            data["completed_on"] = timezone.localdate()
        return data


class CoreTeamMemberForm(ConstraintsLast, forms.ModelForm):
    class Meta:
        model = CoreTeamMember
        fields = ["user", "name", "organisation", "role"]
        labels = {"user": "Person with an account", "name": "Or their name"}
        help_texts = {
            "organisation": "Leave empty to use the organisation the person works for.",
        }
        widgets = {"role": forms.RadioSelect}

    def __init__(self, *args, zone: Zone, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.filter(is_active=True).order_by(
            "last_name", "first_name"
        )
        self.fields["user"].empty_label = "Someone without an account"
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["organisation"].empty_label = "The organisation they work for"
        _required(self, {"role": "Choose their role"})
        self.helper = gds_helper("Save")

    def clean(self):
        data = super().clean()
        if not data.get("user") and not data.get("name", "").strip():
            self.add_error("user", "Choose a person with an account or give a name")
        return data


class ZoneIngredientForm(ConstraintsLast, forms.ModelForm):
    class Meta:
        model = ZoneIngredient
        fields = ["status", "evidence"]
        widgets = {"status": forms.RadioSelect}
        help_texts = {"evidence": "What shows it: a named officer, an event, a change made."}

    def __init__(self, *args, zone: Zone | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        _required(self, {"status": "Choose how far it is integrated"})
        self.helper = gds_helper("Save")
