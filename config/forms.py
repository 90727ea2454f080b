"""Forms render in the GOV.UK Design System style through crispy-forms-gds."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Submit


def gds_helper(submit_label: str) -> FormHelper:
    """A form helper that shows errors next to each field and one submit button."""
    helper = FormHelper()
    helper.form_tag = False
    helper.form_show_errors = True
    # Pages write their own <form> tag and CSRF token.
    helper.disable_csrf = True
    helper.add_input(Submit("submit", submit_label))
    return helper
