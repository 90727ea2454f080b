"""Forms of the toolkit: filtering the library, writing a method, moving it through review,
feedback and its moderation. Forms validate; toolkit/services.py saves."""

from crispy_forms_gds.choices import Choice
from django import forms

from config.forms import RecordsChoiceField, gds_helper
from peoplezones.models import ApproachPrinciple, ResilienceDomain, Zone
from toolkit.models import (
    Cost,
    Effort,
    EvidenceStrength,
    Facet,
    GroupSize,
    Method,
    MethodFeedback,
    ProblemType,
    SaraStage,
)
from toolkit.selectors import EditorFilters, MethodFilters
from toolkit.services import MAX_STEPS, FeedbackDetails, MethodContent

# Query-string name of each facet: short, readable addresses such as ?domain=safety.
FACET_PARAMS = {
    Facet.DOMAIN: "domain",
    Facet.PRINCIPLE: "principle",
    Facet.PROBLEM: "problem",
    Facet.GROUP_SIZE: "group",
    Facet.SARA_STAGE: "stage",
}
SARA_HINTS = {
    SaraStage.SCANNING: "Spotting and defining the problem",
    SaraStage.ANALYSIS: "Understanding why it happens",
    SaraStage.RESPONSE: "Doing something about it",
    SaraStage.ASSESSMENT: "Checking whether it worked",
}


def _checkboxes(label: str, choices, *, hint: str = "") -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        help_text=hint,
        choices=choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class MethodFilterForm(forms.Form):
    """The library's search box and filters, sent by GET so every result list has an
    address that can be bookmarked and shared."""

    q = forms.CharField(label="Search the toolkit", max_length=200, required=False)
    domain = _checkboxes("Resilience domain", ResilienceDomain.choices)
    principle = _checkboxes("Approach principle", ApproachPrinciple.choices)
    problem = _checkboxes("Problem", ProblemType.choices)
    group = _checkboxes("Group size", GroupSize.choices)
    stage = _checkboxes("SARA stage", SaraStage.choices)
    effort = _checkboxes("Effort", Effort.choices)
    cost = _checkboxes("Cost", Cost.choices)

    def filters(self) -> MethodFilters:
        """What was asked for; values that are not choices are ignored, not refused."""
        if not self.is_bound:
            return MethodFilters()
        self.is_valid()
        data = self.cleaned_data
        return MethodFilters(
            text=data.get("q", "").strip(),
            tags={facet: data.get(param, []) for facet, param in FACET_PARAMS.items()},
            effort=data.get("effort", []),
            cost=data.get("cost", []),
        )

    def selected(self) -> list[dict]:
        """Each ticked value with the address of the list without it, to remove it."""
        if not self.is_bound:
            return []
        self.is_valid()
        chosen = []
        for name in ["domain", "principle", "problem", "group", "stage", "effort", "cost"]:
            labels = dict(self.fields[name].choices)
            for value in self.cleaned_data.get(name, []):
                query = self.data.copy()
                query.setlist(name, [v for v in query.getlist(name) if v != value])
                query.pop("page", None)
                chosen.append({"label": labels[value], "query": query.urlencode()})
        return chosen


class EditorFilterForm(forms.Form):
    """The filters of the officers' list of methods, sent by GET; a value that is not a
    choice is ignored, not refused."""

    q = forms.CharField(label="Title contains", max_length=200, required=False)
    status = forms.ChoiceField(
        label="Status",
        choices=[("", "Any status"), *Method.Status.choices],
        required=False,
        help_text="A published method also shows under the status of its revision.",
    )

    def filters(self) -> EditorFilters:
        if not self.is_bound:
            return EditorFilters()
        self.is_valid()
        data = self.cleaned_data
        return EditorFilters(text=data.get("q", "").strip(), status=data.get("status", ""))


class MethodForm(forms.Form):
    """Everything an editor writes about a method, in the order the page shows it."""

    title = forms.CharField(
        label="Title",
        max_length=120,
        error_messages={"required": "Enter a title"},
    )
    summary = forms.CharField(
        label="Summary",
        max_length=300,
        help_text="One or two sentences: what the method is and what it is for. Shown in "
        "search results.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter a summary"},
    )
    when_to_use = forms.CharField(
        label="When to use it",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Say when to use the method"},
    )
    keywords = forms.CharField(
        label="Other words people search for (optional)",
        help_text="Separated by commas, for example “lighting, street lamps, dark alleys”.",
        max_length=300,
        required=False,
    )
    people_needed = forms.CharField(
        label="People",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say who is needed"},
    )
    time_needed = forms.CharField(
        label="Time",
        max_length=300,
        error_messages={"required": "Say how much time it takes"},
    )
    materials = forms.CharField(
        label="Materials (optional)", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    budget = forms.CharField(
        label="Budget",
        max_length=300,
        help_text="Money and in-kind resources, such as a free room.",
        error_messages={"required": "Say what it costs"},
    )
    tips = forms.CharField(
        label="Tips",
        help_text="One tip a line.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter at least one tip"},
    )
    risks = forms.CharField(
        label="Risks and how to avoid them",
        help_text="One risk a line.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter at least one risk"},
    )
    evidence_effect = forms.CharField(
        label="Effect",
        help_text="What difference does it make, and how sure are we?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Describe the effect"},
    )
    evidence_mechanism = forms.CharField(
        label="Mechanism",
        help_text="How does it work?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Describe the mechanism"},
    )
    evidence_moderators = forms.CharField(
        label="Moderators",
        help_text="Where and for whom does it work best, or not at all?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Describe the moderators"},
    )
    evidence_implementation = forms.CharField(
        label="Implementation",
        help_text="What does it take to do it well?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Describe the implementation"},
    )
    evidence_economic_cost = forms.CharField(
        label="Economic cost",
        help_text="What does it cost, in money and in people's time?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Describe the economic cost"},
    )
    evidence_strength = forms.ChoiceField(
        label="Strength of evidence",
        choices=[Choice(s.value, s.label, hint=s.explanation) for s in EvidenceStrength],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the strength of evidence"},
    )
    domains = forms.MultipleChoiceField(
        label="Resilience domains",
        choices=ResilienceDomain.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one resilience domain"},
    )
    principles = _checkboxes("Approach principles", ApproachPrinciple.choices)
    problems = _checkboxes("Problems it helps with", ProblemType.choices)
    group_sizes = _checkboxes("Group sizes it suits", GroupSize.choices)
    sara_stages = _checkboxes(
        "SARA stages it helps with",
        [Choice(s.value, s.label, hint=SARA_HINTS[s]) for s in SaraStage],
    )
    effort = forms.ChoiceField(
        label="Effort",
        choices=Effort.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the effort"},
    )
    cost = forms.ChoiceField(
        label="Cost",
        choices=Cost.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the cost"},
    )
    related = RecordsChoiceField(
        label="Related methods (optional)",
        help_text="Only published ones are shown to the public.",
        queryset=Method.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    TAG_FIELDS = {
        Facet.DOMAIN: "domains",
        Facet.PRINCIPLE: "principles",
        Facet.PROBLEM: "problems",
        Facet.GROUP_SIZE: "group_sizes",
        Facet.SARA_STAGE: "sara_stages",
    }

    def __init__(self, *args, method: Method | None = None, **kwargs):
        if method is not None:
            kwargs.setdefault("initial", self.initial_from(method))
        super().__init__(*args, **kwargs)
        self.helper = gds_helper("Save")
        others = Method.objects.live().only("pk", "title").order_by("title")
        if method is not None:
            others = others.exclude(pk=method.live_method.pk)
        related = self.fields["related"]
        related.queryset = others
        # Read once: the checkboxes would otherwise query the list twice.
        related.choices = [(m.pk, m.title) for m in others]

    @classmethod
    def initial_from(cls, method: Method) -> dict:
        content = MethodContent.of(method)
        initial = {name: getattr(content, name) for name in MethodContent.text_fields()}
        for facet, name in cls.TAG_FIELDS.items():
            initial[name] = content.tags.get(facet, [])
        initial["related"] = [m.pk for m in content.related]
        return initial

    def content(self, steps: list[tuple[str, str]]) -> MethodContent:
        data = self.cleaned_data
        return MethodContent(
            **{name: data[name] for name in MethodContent.text_fields()},
            tags={facet: list(data[name]) for facet, name in self.TAG_FIELDS.items()},
            steps=steps,
            related=list(data["related"]),
        )


class StepForm(forms.Form):
    title = forms.CharField(label="Short title", max_length=200, required=False)
    detail = forms.CharField(
        label="What to do", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("detail", "").strip() and not data.get("title", "").strip():
            self.add_error("title", "Enter a short title for this step")
        return data


class BaseStepFormSet(forms.BaseFormSet):
    def steps(self) -> list[tuple[str, str]]:
        """The filled-in steps, in order; empty rows are left out."""
        return [
            (form.cleaned_data["title"].strip(), form.cleaned_data.get("detail", "").strip())
            for form in self.forms
            if form.cleaned_data.get("title", "").strip()
        ]


StepFormSet = forms.formset_factory(
    StepForm, formset=BaseStepFormSet, extra=3, max_num=MAX_STEPS, validate_max=True
)


def step_formset(data=None, *, method: Method | None = None) -> BaseStepFormSet:
    initial = [{"title": s.title, "detail": s.detail} for s in method.steps.all()] if method else []
    return StepFormSet(data, initial=initial, prefix="steps")


class NoteForm(forms.Form):
    """The note that goes with a workflow action: required to publish, return and unpublish."""

    note = forms.CharField(
        label="Change note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FeedbackForm(forms.Form):
    """Feedback from someone who used a method. `website` is a trap for robots: people
    never see it, so anything in it marks the form as spam."""

    rating = forms.TypedChoiceField(
        label="How well did it work?",
        choices=MethodFeedback.Rating.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how well it worked"},
    )
    how_it_went = forms.CharField(
        label="How did it go?",
        help_text="What you did, with whom, and what happened. Please do not name anyone.",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Say how it went"},
    )
    would_change = forms.CharField(
        label="What would you change? (optional)",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    zone = forms.ModelChoiceField(
        label="Did you use it in a People Zone? (optional)",
        queryset=Zone.objects.none(),
        required=False,
        empty_label="Not in a People Zone",
        to_field_name="slug",
    )
    website = forms.CharField(label="Leave this empty", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper("Send feedback")
        zones = Zone.objects.exclude(status=Zone.Status.PROPOSED).order_by("name")
        self.fields["zone"].queryset = zones
        self.fields["zone"].choices = [("", self.fields["zone"].empty_label)] + [
            (zone.slug, zone.name) for zone in zones
        ]

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def details(self) -> FeedbackDetails:
        data = self.cleaned_data
        return FeedbackDetails(
            rating=data["rating"],
            how_it_went=data["how_it_went"],
            would_change=data["would_change"],
            zone=data["zone"],
        )


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", "Approve"), ("reject", "Reject")])
    note = forms.CharField(
        label="Note for officers (optional)",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
