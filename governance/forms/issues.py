"""Forms of issues and priorities. Forms validate what people type; services decide."""

from crispy_forms_gds.layout import Layout, Submit
from django import forms

from config.forms import gds_helper
from governance.models import Body, Issue, Priority, PriorityAssignment
from governance.models.issues import ISSUE_CATEGORIES
from peoplezones.forms.zones import date_field, example_date


def _required(form: forms.Form, messages: dict[str, str]) -> None:
    for name, message in messages.items():
        form.fields[name].error_messages["required"] = message


class IssueRaiseForm(forms.Form):
    """Raise an issue at a body."""

    title = forms.CharField(
        max_length=200,
        help_text="A short name for the problem, such as “Dumped waste, Tudor Road”.",
    )
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What is happening, what the body has tried, and why it cannot solve it alone.",
    )
    area = forms.CharField(
        label="Area (optional)",
        max_length=200,
        required=False,
        help_text="The place it concerns. Leave empty for the whole area of the body.",
    )
    category = forms.ChoiceField(choices=[("", "Choose a category"), *ISSUE_CATEGORIES])
    urgency = forms.ChoiceField(
        choices=Issue.Urgency.choices, widget=forms.RadioSelect, initial=Issue.Urgency.MEDIUM
    )
    is_confidential = forms.BooleanField(
        label="This issue is confidential",
        required=False,
        help_text="Only OPCC officers, board members and members of the bodies it passes "
        "through will see it.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _required(
            self,
            {
                "title": "Enter a title for the issue",
                "description": "Describe the issue",
                "category": "Choose a category",
                "urgency": "Choose how urgent the issue is",
            },
        )
        self.helper = gds_helper("Raise issue")


class _IssueMoveForm(forms.Form):
    """One move on an issue; each page shows several, so each has its own prefix."""

    label = ""
    submit = ""
    text_field = "decision"
    empty = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = forms.CharField(label=self.label, widget=forms.Textarea(attrs={"rows": 4}))
        field.error_messages["required"] = self.empty
        self.fields[self.text_field] = field
        self.helper = gds_helper(self.submit)

    @property
    def text(self) -> str:
        return self.cleaned_data[self.text_field]


class IssueEscalateForm(_IssueMoveForm):
    prefix = "escalate"
    label = "Why are you escalating it?"
    submit = "Escalate issue"
    text_field = "reason"
    empty = "Enter the reason for escalating"


class IssueResolveForm(_IssueMoveForm):
    prefix = "resolve"
    label = "Decision"
    submit = "Resolve issue"
    empty = "Enter the decision"


class IssueReturnForm(_IssueMoveForm):
    prefix = "return"
    label = "Decision or direction"
    submit = "Return issue"
    empty = "Enter the decision or direction"


class IssueFilterForm(forms.Form):
    """The filters of the issue list (all optional; read from the query string). Bodies
    are offered one area at a time: choose the area, apply, then choose its body. With one
    area only, its bodies are offered straight away and the area is not asked."""

    STATUSES = [("open", "Open"), ("resolved", "Resolved"), ("all", "Any status")]

    status = forms.ChoiceField(choices=STATUSES, required=False)
    area = forms.ChoiceField(
        label="Police force area",
        required=False,
        help_text="To choose a body, choose its area and apply the filters.",
    )
    body = forms.ChoiceField(label="Sitting at", required=False)
    category = forms.ChoiceField(choices=[("", "Any category"), *ISSUE_CATEGORIES], required=False)
    stale = forms.BooleanField(label="Only issues waiting too long", required=False)

    def __init__(self, *args, roots: list[Body], bodies: list[Body], **kwargs):
        super().__init__(*args, **kwargs)
        if len(roots) > 1:
            self.fields["area"].choices = [("", "Every area")] + [
                (root.slug, root.area or root.name) for root in roots
            ]
        else:
            del self.fields["area"]
        if bodies:
            self.fields["body"].choices = [("", "Any body")] + [(b.slug, b.name) for b in bodies]
        else:
            del self.fields["body"]


class PrioritySetForm(forms.Form):
    """Set a priority at a body and choose where it goes."""

    ROUTE_ALL, ROUTE_CHOSEN = "all", "chosen"

    title = forms.CharField(max_length=200)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}))
    rationale = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Why the partnership makes this a priority: the evidence behind it.",
    )
    theme = forms.ChoiceField(
        label="Police and Crime Plan theme (optional)",
        choices=[("", "No theme"), *Priority.Theme.choices],
        required=False,
    )
    period_start = date_field("Start of the period")
    period_end = date_field("End of the period")
    acknowledge_by = date_field(
        "Acknowledge by", help_text="Each body should acknowledge it and say what it will do."
    )
    route = forms.ChoiceField(
        label="Route it to",
        widget=forms.RadioSelect,
        choices=[
            (ROUTE_ALL, "Every body below"),
            (ROUTE_CHOSEN, "Only the bodies I choose below"),
        ],
        initial=ROUTE_ALL,
    )
    # Shown under the choice at all times rather than revealed by it: GOV.UK Frontend's
    # conditional reveal puts aria-expanded on a radio input, which ARIA does not allow
    # (axe: aria-allowed-attr, critical). The hint says when the ticks count.
    route_to = forms.MultipleChoiceField(
        label="Bodies to route it to",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Only if you chose ‘Only the bodies I choose below’: tick each body.",
    )

    def __init__(self, *args, below: list[Body], **kwargs):
        super().__init__(*args, **kwargs)
        self.below = {str(body.pk): body for body in below}
        self.fields["route_to"].choices = [
            (str(body.pk), f"{body.name} ({body.short_level})") for body in below
        ]
        self.fields["period_start"].help_text = example_date()
        self.fields["acknowledge_by"].error_messages.update(
            required="Enter the date bodies should acknowledge it by",
            incomplete="Enter the acknowledge-by date as day, month and year",
        )
        _required(
            self,
            {
                "title": "Enter a title for the priority",
                "description": "Describe the priority",
                "rationale": "Enter the rationale",
                "route": "Choose where to route the priority",
            },
        )
        self.helper = gds_helper("Set priority")
        # The list of bodies always shows under the choice (no conditional reveal).
        self.helper.inputs = []
        self.helper.layout = Layout(*self.fields, Submit("submit", "Set priority"))

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "The end of the period must be after its start")
        if data.get("route") == self.ROUTE_CHOSEN and not data.get("route_to"):
            self.add_error("route_to", "Choose at least one body to route the priority to")
        if data.get("route") == self.ROUTE_ALL and data.get("route_to"):
            # Ticks with "every body below" would be silently ignored: ask instead.
            self.add_error(
                "route_to",
                "You ticked bodies but chose every body below: choose ‘Only the bodies I "
                "choose below’, or untick them",
            )
        return data

    @property
    def chosen_bodies(self) -> list[Body] | None:
        """The bodies chosen, or None for every body below."""
        if self.cleaned_data["route"] == self.ROUTE_ALL:
            return None
        return [self.below[pk] for pk in self.cleaned_data["route_to"]]


class AcknowledgeForm(forms.Form):
    response = forms.CharField(
        label="What will your body do?",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Your response is shown to the body that set the priority.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _required(self, {"response": "Enter what your body will do about this priority"})
        self.helper = gds_helper("Acknowledge priority")


class ReportForm(forms.Form):
    rag = forms.ChoiceField(
        label="Progress",
        widget=forms.RadioSelect,
        choices=[
            (PriorityAssignment.Rag.GREEN, "Green: on track"),
            (PriorityAssignment.Rag.AMBER, "Amber: some problems"),
            (PriorityAssignment.Rag.RED, "Red: off track, needs help"),
        ],
    )
    text = forms.CharField(
        label="What has happened since the last report?",
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _required(
            self,
            {"rag": "Choose red, amber or green", "text": "Enter what has happened"},
        )
        self.helper = gds_helper("Send report")


class PriorityFilterForm(forms.Form):
    status = forms.ChoiceField(
        choices=[("active", "Active"), ("retired", "Retired"), ("all", "Any status")],
        required=False,
    )
    theme = forms.ChoiceField(
        label="Police and Crime Plan theme",
        choices=[("", "Any theme"), *Priority.Theme.choices],
        required=False,
    )
