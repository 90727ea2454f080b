"""Forms of meetings: scheduling, status, agenda items, attendance, minutes, decisions and
actions. Forms check what was typed; the services decide what is allowed."""

from datetime import datetime, time

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.utils import timezone

from config.forms import RealDateField, gds_helper
from governance.forms.accounts import no_autofocus
from governance.models import Action, AgendaItem, Attendance, Meeting, Organisation, User
from governance.services.meetings import ACTION_TRANSITIONS, MEETING_TRANSITIONS

TIME_HINT = "Use the 24-hour clock, for example 18:30."


def date_field(label: str, hint: str = "For example, 27 3 2026") -> RealDateField:
    field = RealDateField(label=label, help_text=hint, require_all_fields=False)
    field.error_messages.update(
        required=f"Enter the {label.lower()}", incomplete=f"Enter the {label.lower()} in full"
    )
    return field


def time_field(label: str) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        help_text=TIME_HINT,
        input_formats=["%H:%M", "%H.%M"],
        widget=forms.TimeInput(format="%H:%M"),
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"Enter the {label.lower()} as hours and minutes, such as 18:30",
        },
    )


def _aware(day, moment: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, moment))


class MeetingForm(forms.Form):
    """When and where a meeting is."""

    title = forms.CharField(
        label="Title (optional)",
        max_length=200,
        required=False,
        help_text="Leave empty to call it a meeting of the body, or name it, such as "
        "“Extraordinary meeting on knife crime”.",
    )
    date = date_field("Date")
    start_time = time_field("Start time")
    end_time = time_field("End time")
    location = forms.CharField(
        label="Place", max_length=300, required=False, help_text="Room and address."
    )
    online_url = forms.URLField(
        label="Online meeting link",
        max_length=500,
        required=False,
        help_text="Give a place, a link, or both.",
        assume_scheme="https",
        error_messages={"invalid": "Enter the link in full, starting with https://"},
    )

    def __init__(self, *args, meeting: Meeting | None = None, submit="Save meeting", **kwargs):
        if meeting is not None:
            start, end = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
            kwargs.setdefault(
                "initial",
                {
                    "title": meeting.title,
                    "date": start.date(),
                    "start_time": start.time(),
                    "end_time": end.time(),
                    "location": meeting.location,
                    "online_url": meeting.online_url,
                },
            )
        super().__init__(*args, **kwargs)
        no_autofocus(self)
        self.helper = gds_helper(submit)
        self.helper.layout = Layout(
            Field.text("title"),
            Field("date"),
            Field.text("start_time", field_width=5),
            Field.text("end_time", field_width=5),
            Field.text("location"),
            Field.text("online_url"),
        )

    def clean(self):
        data = super().clean()
        day, start, end = data.get("date"), data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", "The end time must be after the start time")
        elif day and start and end:
            data["starts_at"], data["ends_at"] = _aware(day, start), _aware(day, end)
        if (
            not data.get("location")
            and not data.get("online_url")
            and "online_url" not in (self.errors)
        ):
            self.add_error("location", "Enter a place or an online meeting link")
        return data

    def values(self) -> dict:
        """What the services take."""
        names = ("title", "starts_at", "ends_at", "location", "online_url")
        return {name: self.cleaned_data[name] for name in names}


class MeetingStatusForm(forms.Form):
    """Mark a meeting held, cancel it or reinstate it."""

    LABELS = {
        Meeting.Status.HELD: "Held: the meeting took place",
        Meeting.Status.CANCELLED: "Cancelled: the meeting will not take place",
        Meeting.Status.SCHEDULED: "Reinstated: the meeting will take place after all",
    }

    status = forms.ChoiceField(
        label="What happened to the meeting?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what happened to the meeting"},
    )
    reason = forms.CharField(
        label="Reason",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed when you cancel the meeting; members see it on the meeting page.",
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (status, self.LABELS[status])
            for status in Meeting.Status.values
            if status in MEETING_TRANSITIONS[meeting.status]
        ]
        self.helper = gds_helper("Change status")
        self.helper.layout = Layout(
            Field.radios("status", legend_size=Size.MEDIUM), Field.textarea("reason")
        )


class AgendaItemForm(forms.ModelForm):
    """An agenda item written by hand, or one filled in and then edited."""

    class Meta:
        model = AgendaItem
        fields = ["title", "detail", "presenter", "is_confidential"]
        labels = {
            "title": "Title",
            "detail": "Detail (optional)",
            "presenter": "Presenter (optional)",
            "is_confidential": "Confidential item",
        }
        help_texts = {
            "detail": "Papers, background or the question the meeting is asked.",
            "is_confidential": "Only officers, board members and members of this body see "
            "it; it is left out of the calendar feed and of what others see.",
        }
        error_messages = {"title": {"required": "Enter the title of the item"}}

    def __init__(self, *args, submit: str = "Save item", **kwargs):
        super().__init__(*args, **kwargs)
        no_autofocus(self)
        self.helper = gds_helper(submit)
        self.helper.layout = Layout(
            Field.text("title"),
            Field.textarea("detail", rows=4),
            Field.text("presenter"),
            Field.checkbox("is_confidential"),
        )


class AttendanceForm(forms.Form):
    """Present, apologies or absent for each member of the body."""

    def __init__(self, *args, people: list[tuple[User, str]], recorded: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        # The page lays the radios out itself; the helper shows errors in the summary.
        self.helper = gds_helper("Save attendance")
        self.rows = []
        for person, description in people:
            name = f"person_{person.pk}"
            self.fields[name] = forms.ChoiceField(
                label=str(person),
                choices=Attendance.Status.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=recorded.get(person.pk),
                help_text=description,
            )
            self.rows.append((person, self[name]))

    def statuses(self) -> dict[int, str]:
        """The status chosen for each person (people left blank are left out)."""
        return {
            person.pk: self.cleaned_data[f"person_{person.pk}"]
            for person, _ in self.rows
            if self.cleaned_data.get(f"person_{person.pk}")
        }


class MinutesForm(forms.Form):
    """The general minutes and the minutes of each agenda item."""

    minutes = forms.CharField(
        label="General minutes",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Who chaired, whether the meeting was quorate, and anything not under an item.",
    )

    def __init__(self, *args, meeting: Meeting, items: list[AgendaItem], **kwargs):
        kwargs.setdefault(
            "initial",
            {"minutes": meeting.minutes, **{f"item_{i.pk}": i.minutes for i in items}},
        )
        super().__init__(*args, **kwargs)
        no_autofocus(self)
        self.items = items
        for number, item in enumerate(items, start=1):
            self.fields[f"item_{item.pk}"] = forms.CharField(
                label=f"Item {number}: {item.title}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text="Confidential item." if item.is_confidential else "",
            )
        self.helper = gds_helper("Save minutes")

    def item_minutes(self) -> dict[int, str]:
        return {item.pk: self.cleaned_data[f"item_{item.pk}"] for item in self.items}


def _item_choices(field: forms.ModelChoiceField, items: list[AgendaItem]) -> None:
    field.queryset = AgendaItem.objects.filter(pk__in=[i.pk for i in items])
    field.choices = [("", "Not on a particular item")] + [
        (item.pk, f"{number}. {item.title}") for number, item in enumerate(items, start=1)
    ]


class DecisionForm(forms.Form):
    """A decision of a held meeting."""

    text = forms.CharField(
        label="Decision",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter what the meeting decided"},
    )
    agenda_item = forms.ModelChoiceField(
        label="Agenda item (optional)", queryset=AgendaItem.objects.none(), required=False
    )
    is_confidential = forms.BooleanField(
        label="Confidential decision",
        required=False,
        help_text="A decision on a confidential item is always confidential.",
    )

    def __init__(self, *args, items: list[AgendaItem], **kwargs):
        super().__init__(*args, **kwargs)
        no_autofocus(self)
        _item_choices(self.fields["agenda_item"], items)
        self.helper = gds_helper("Record decision")


class ActionForm(forms.Form):
    """An action a held meeting agreed."""

    description = forms.CharField(
        label="Action",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what is to be done"},
    )
    owner_person = forms.ModelChoiceField(
        label="Owner (person)",
        queryset=User.objects.none(),
        required=False,
        help_text="A member of the body. Give a person, an organisation or both.",
    )
    owner_organisation = forms.ModelChoiceField(
        label="Owner (organisation)", queryset=Organisation.objects.all(), required=False
    )
    due_date = date_field("Due date")
    agenda_item = forms.ModelChoiceField(
        label="Agenda item (optional)", queryset=AgendaItem.objects.none(), required=False
    )
    is_confidential = forms.BooleanField(
        label="Confidential action",
        required=False,
        help_text="An action on a confidential item is always confidential.",
    )

    def __init__(self, *args, people, items: list[AgendaItem], **kwargs):
        super().__init__(*args, **kwargs)
        no_autofocus(self)
        self.fields["owner_person"].queryset = people
        _item_choices(self.fields["agenda_item"], items)
        self.helper = gds_helper("Record action")
        self.helper.layout = Layout(
            Field.textarea("description"),
            Field.select("owner_person"),
            Field.select("owner_organisation"),
            Field("due_date"),
            Field.select("agenda_item"),
            Field.checkbox("is_confidential"),
        )

    def clean(self):
        data = super().clean()
        if not data.get("owner_person") and not data.get("owner_organisation"):
            self.add_error(
                "owner_person", "Choose who owns the action: a person or an organisation"
            )
        return data


class ActionUpdateForm(forms.Form):
    """Progress on an action."""

    status = forms.ChoiceField(label="Status", widget=forms.RadioSelect)
    progress = forms.CharField(
        label="Progress",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What has been done, and what is left.",
    )

    def __init__(self, *args, action: Action, **kwargs):
        kwargs.setdefault("initial", {"status": action.status, "progress": action.progress})
        super().__init__(*args, **kwargs)
        no_autofocus(self)
        allowed = ACTION_TRANSITIONS[action.status] | {action.status}
        self.fields["status"].choices = [
            (value, label) for value, label in Action.Status.choices if value in allowed
        ]
        self.helper = gds_helper("Save progress")
        self.helper.layout = Layout(
            Field.radios("status", legend_size=Size.MEDIUM), Field.textarea("progress")
        )
