"""Forms of partner initiatives: offering one, deciding on it, and filtering the list."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fixed, Layout, Size, Submit
from django import forms
from django.db.models import QuerySet

from config.forms import RecordsChoiceField, gds_helper
from peoplezones.forms.activities import _numeric, filter_helper, zone_filter_field
from peoplezones.forms.zones import date_field, example_date
from peoplezones.models import Initiative, Zone
from peoplezones.selectors.zones import zone_list
from peoplezones.services.initiatives import InitiativeDetails, Placement

NEW_MILESTONE = "new"


class InitiativeForm(forms.Form):
    """What a partner agency offers, to which zones, at what cost to them."""

    zones = RecordsChoiceField(
        label="Which People Zones is it for?",
        help_text="Select all that apply. Only active zones take new initiatives.",
        queryset=Zone.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one People Zone"},
    )
    title = forms.CharField(
        label="Name of the initiative",
        max_length=200,
        error_messages={"required": "Enter the name of the initiative"},
    )
    description = forms.CharField(
        label="What it involves",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Say what the initiative involves"},
    )
    audience = forms.CharField(
        label="Who it is for",
        help_text="For example, “young people aged 11 to 16” or “older residents living alone”",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Say who the initiative is for"},
    )
    resources_offered = forms.CharField(
        label="What your organisation offers",
        help_text="Staff time, rooms, equipment, funding or anything else you bring",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what your organisation offers"},
    )
    cost_to_zone = forms.DecimalField(
        label="Cost to the zone, in pounds",
        help_text="Zones run on existing resources: the aim is no additional revenue cost. "
        "Enter 0 if the zone pays nothing.",
        min_value=0,
        max_digits=10,
        decimal_places=2,
        initial=0,
        widget=_numeric(decimal=True),
        error_messages={
            "required": "Enter the cost to the zone, or 0 if there is none",
            "invalid": "Enter the cost in pounds, like 0 or 250.00",
        },
    )
    starts_on = date_field("Start date", help_text=example_date(-30))
    ends_on = date_field("End date", required=False, help_text="Leave empty if it is ongoing.")
    contact_name = forms.CharField(
        label="Contact name", max_length=200, error_messages={"required": "Enter a contact name"}
    )
    contact_email = forms.EmailField(
        label="Contact email address",
        error_messages={
            "required": "Enter a contact email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )
    contact_phone = forms.CharField(
        label="Contact telephone number (optional)", max_length=40, required=False
    )

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault(
            "initial", {"contact_name": user.get_full_name(), "contact_email": user.email}
        )
        super().__init__(*args, **kwargs)
        self.fields["zones"].queryset = zone_list(statuses=(Zone.Status.ACTIVE,))
        self.fields["contact_email"].widget.attrs.update(
            {"autocomplete": "email", "spellcheck": "false"}
        )
        self.fields["contact_phone"].widget.attrs.update({"autocomplete": "tel", "type": "tel"})
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        for name in ("starts_on", "ends_on"):
            for widget in self.fields[name].widget.widgets:
                widget.attrs["inputmode"] = "numeric"
        helper = gds_helper("Submit initiative")
        helper.layout = Layout(
            Field.checkboxes("zones", legend_size=Size.SMALL),
            Field.text("title"),
            Field.textarea("description", rows=5),
            Field.textarea("audience", rows=2),
            Field.textarea("resources_offered", rows=3),
            Field.text("cost_to_zone", field_width=Fixed.TEN),
            Field("starts_on"),
            Field("ends_on"),
            Field.text("contact_name"),
            Field.text("contact_email"),
            Field.text("contact_phone", field_width=Fixed.TWENTY),
        )
        self.helper = helper

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "The end date must be the same as or after the start date")
        return data

    def details(self) -> InitiativeDetails:
        data = self.cleaned_data
        return InitiativeDetails(
            **{name: data[name] for name in InitiativeDetails.__dataclass_fields__}
        )


class AcceptForm(forms.Form):
    """Accept an initiative into each of its zones' delivery plans: an objective, and an
    existing milestone of it or a new one."""

    note = forms.CharField(
        label="Note to the organisation (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, choices, **kwargs):
        """`choices`: for each zone, its objectives with their milestones prefetched."""
        super().__init__(*args, **kwargs)
        self.zones = {}
        layout = []
        for zone, objectives in choices:
            self.zones[zone.pk] = (zone, {o.pk: o for o in objectives})
            self.fields[f"objective_{zone.pk}"] = forms.TypedChoiceField(
                label=f"Which objective of {zone.name}'s delivery plan does it serve?",
                choices=[(o.pk, o.title) for o in objectives],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": f"Choose an objective of {zone.name}'s plan"},
            )
            self.fields[f"milestone_{zone.pk}"] = forms.ChoiceField(
                label=f"Milestone in {zone.name}'s plan",
                help_text="Link it to a milestone already in the plan, or add a new one that "
                "the organisation owns, due on the initiative's end date.",
                choices=[
                    (NEW_MILESTONE, "Add a new milestone for this initiative"),
                    *[
                        (o.title, [(str(m.pk), m.title) for m in o.milestones.all()])
                        for o in objectives
                        if o.milestones.all()
                    ],
                ],
                initial=NEW_MILESTONE,
            )
            layout += [
                Field.radios(f"objective_{zone.pk}", legend_size=Size.SMALL),
                Field.select(f"milestone_{zone.pk}"),
            ]
        helper = gds_helper("Accept initiative")
        helper.layout = Layout(*layout, Field.textarea("note", rows=3))
        self.helper = helper

    def clean(self):
        data = super().clean()
        for zone_pk, (_zone, objectives) in self.zones.items():
            objective = objectives.get(data.get(f"objective_{zone_pk}"))
            choice = data.get(f"milestone_{zone_pk}")
            if objective is None or choice in (None, NEW_MILESTONE):
                continue
            if int(choice) not in {m.pk for m in objective.milestones.all()}:
                self.add_error(
                    f"milestone_{zone_pk}",
                    f"Choose a milestone of “{objective.title}”, or add a new one",
                )
        return data

    def placements(self) -> list[Placement]:
        data, placements = self.cleaned_data, []
        for zone_pk, (zone, objectives) in self.zones.items():
            objective = objectives[data[f"objective_{zone_pk}"]]
            choice = data[f"milestone_{zone_pk}"]
            milestones = {m.pk: m for m in objective.milestones.all()}
            milestone = None if choice == NEW_MILESTONE else milestones[int(choice)]
            placements.append(Placement(zone=zone, objective=objective, milestone=milestone))
        return placements


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label="Why is it declined?",
        help_text="The organisation that offered it will read this.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say why the initiative is declined"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        helper.add_input(Submit("submit", "Decline initiative", css_class="govuk-button--warning"))
        self.helper = helper


class InitiativeFilterForm(forms.Form):
    """Narrow the initiatives by status and zone."""

    status = forms.ChoiceField(label="Status", required=False)

    def __init__(self, *args, zones: QuerySet[Zone], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", "Any status"), *Initiative.Status.choices]
        self.fields["zone"] = zone_filter_field(zones)
        self.helper = filter_helper()

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {"status": data["status"], "zone_search": data["zone"].strip()}
