from crispy_forms_gds.layout import Submit
from django import forms

from config.forms import gds_helper


class PersonSearchForm(forms.Form):
    q = forms.CharField(
        label="Name, username or email address",
        max_length=200,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper("Search")
        self.helper.form_method = "get"


class ErasureForm(forms.Form):
    reason = forms.CharField(
        label="Why is this person erased?",
        help_text="For example, the reference of their erasure request. Do not repeat their "
        "name or contact details: the reason is kept.",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say why the person is erased"},
    )
    confirm = forms.BooleanField(
        label="I understand that erasure cannot be undone",
        error_messages={"required": "Confirm that you understand erasure cannot be undone"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper("Erase this person")
        # A warning (red) button: erasure cannot be undone.
        warning = Submit("submit", "Erase this person", css_class="govuk-button--warning")
        self.helper.inputs = [warning]
