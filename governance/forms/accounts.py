from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm

from config.forms import gds_helper


def no_autofocus(form: forms.Form) -> None:
    # Autofocus skips the skip link and header for screen-reader users and pops up the
    # keyboard on phones; GOV.UK pages leave focus where the page starts.
    for field in form.fields.values():
        field.widget.attrs.pop("autofocus", None)


class SignInForm(AuthenticationForm):
    """Sign in with a username and password, in GOV.UK style."""

    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been closed. Ask an OPCC officer to reopen it.",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.fields["username"].widget.attrs.update(
            {"autocomplete": "username", "spellcheck": "false", "autocapitalize": "none"}
        )
        no_autofocus(self)
        self.helper = gds_helper("Sign in")


class ChangePasswordForm(PasswordChangeForm):
    """Change one's own password, in GOV.UK style."""

    error_messages = {
        "password_incorrect": "Your current password is not right. Enter it again.",
        "password_mismatch": "The new passwords do not match. Enter the same password twice.",
    }

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.fields["old_password"].label = "Current password"
        self.fields["new_password1"].label = "New password"
        self.fields["new_password2"].label = "Confirm new password"
        self.fields["new_password2"].help_text = ""
        self.fields["old_password"].error_messages["required"] = "Enter your current password"
        self.fields["new_password1"].error_messages["required"] = "Enter a new password"
        self.fields["new_password2"].error_messages["required"] = "Confirm your new password"
        for name in ("new_password1", "new_password2"):
            self.fields[name].widget = forms.PasswordInput(attrs={"autocomplete": "new-password"})
        self.fields[
            "new_password1"
        ].help_text = "At least 12 characters, not a common password and not only numbers."
        no_autofocus(self)
        self.helper = gds_helper("Change password")
