"""Forms of the evaluation, one module per part. Forms validate; services save."""

from django import forms


def numeric(decimal: bool = True) -> forms.TextInput:
    """GOV.UK asks for text inputs with inputmode rather than type=number."""
    return forms.TextInput(
        attrs={"inputmode": "decimal" if decimal else "numeric", "spellcheck": "false"}
    )


def required(form: forms.Form, messages: dict[str, str]) -> None:
    """Say what to enter when a required field is empty."""
    for name, message in messages.items():
        form.fields[name].error_messages["required"] = message
