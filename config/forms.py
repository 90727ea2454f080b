"""Forms render in the GOV.UK Design System style through crispy-forms-gds."""

import datetime

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Submit
from django import forms
from django.core.exceptions import ValidationError


def gds_helper(submit_label: str) -> FormHelper:
    """A form helper that shows errors next to each field and one submit button."""
    helper = FormHelper()
    helper.form_tag = False
    helper.form_show_errors = True
    # Pages write their own <form> tag and CSRF token.
    helper.disable_csrf = True
    helper.add_input(Submit("submit", submit_label))
    return helper


class RealDateField(DateInputField):
    """The GOV.UK date input (day, month, year), refusing dates that are not real or not
    plausible with a message a person can act on: 'Enter a real date' in place of Python's
    'day is out of range for month', and no server error for a year too large to hold.
    Years outside FIRST_YEAR..LAST_YEAR (e.g. '26' for 2026, or 0001) are refused too."""

    FIRST_YEAR, LAST_YEAR = 1900, 2100

    def compress(self, data_list):
        day, month, year = data_list
        if not (day and month and year):
            return None
        try:
            value = datetime.date(int(year), int(month), int(day))
        except (ValueError, OverflowError):
            raise ValidationError("Enter a real date", code="invalid_date") from None
        if not self.FIRST_YEAR <= value.year <= self.LAST_YEAR:
            raise ValidationError(
                f"Enter a year between {self.FIRST_YEAR} and {self.LAST_YEAR}",
                code="invalid_year",
            )
        return value


class RecordsChoiceField(forms.ModelMultipleChoiceField):
    """A choice of several records that refuses a value too large to be any record's key
    as a choice it does not offer: on SQLite such a key raised OverflowError (a server
    error) before the query ran. Any choice not offered gets the same plain message."""

    default_error_messages = {"invalid_choice": "Choose only from the options listed"}

    def _check_values(self, value):
        try:
            return super()._check_values(value)
        except OverflowError:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from None
