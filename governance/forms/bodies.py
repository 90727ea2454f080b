"""The filters of the bodies page (all optional; read from the query string)."""

from django import forms

from governance.models import Body
from governance.selectors.bodies import area_label


class BodyFilterForm(forms.Form):
    area = forms.ChoiceField(label="Police force area", required=False)
    level = forms.TypedChoiceField(
        coerce=int,
        required=False,
        empty_value=None,
        choices=[("", "Every level"), *sorted(Body.Level.choices, reverse=True)],
    )
    name = forms.CharField(label="Name contains", max_length=100, required=False)

    def __init__(self, *args, roots: list[Body], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", "Every area")] + [
            (root.slug, area_label(root)) for root in roots
        ]
