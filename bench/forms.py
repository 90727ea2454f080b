"""Read the forms of a page as a browser would submit them (for the load test's posts):
each field's current value, and the values a checkbox, radio or select could take."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Form:
    action: str
    method: str
    values: dict[str, list[str]] = field(default_factory=dict)
    choices: dict[str, list[str]] = field(default_factory=dict)

    def data(self, **changes: str | list[str]) -> list[tuple[str, str]]:
        """The form's fields as posted, with changes (a list for several values)."""
        merged = {**self.values}
        for name, value in changes.items():
            merged[name] = value if isinstance(value, list) else [value]
        return [(name, value) for name, values in merged.items() for value in values]


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None
        self._select_first: str | None = None
        self._select_chosen = False
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {name: value or "" for name, value in attrs}
        if tag == "form":
            self._form = Form(action=a.get("action", ""), method=a.get("method", "get").lower())
            self.forms.append(self._form)
            return
        form, name = self._form, a.get("name")
        if form is None:
            return
        if tag == "input" and name and "disabled" not in a:
            kind = a.get("type", "text").lower()
            if kind in ("checkbox", "radio"):
                form.choices.setdefault(name, []).append(a.get("value", "on"))
                form.values.setdefault(name, [])
                if "checked" in a:
                    form.values[name].append(a.get("value", "on"))
            elif kind not in ("submit", "button", "file", "image", "reset"):
                form.values[name] = [a.get("value", "")]
        elif tag == "select" and name:
            self._select, self._select_first, self._select_chosen = name, None, False
            form.values[name] = []
        elif tag == "option" and self._select:
            value = a.get("value", "")
            form.choices.setdefault(self._select, []).append(value)
            if self._select_first is None:
                self._select_first = value
            if "selected" in a:
                form.values[self._select] = [value]
                self._select_chosen = True
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select and self._form is not None:
            if not self._select_chosen and self._select_first is not None:
                self._form.values[self._select] = [self._select_first]
            self._select = None
        elif tag == "textarea" and self._textarea and self._form is not None:
            self._form.values[self._textarea] = ["".join(self._text).lstrip("\n")]
            self._textarea = None


def forms_of(html: str) -> list[Form]:
    parser = _Parser()
    parser.feed(html)
    return parser.forms


def form_with(html: str, field_name: str) -> Form:
    """The page's post form that holds field_name (the sign-out form in the header, say,
    does not)."""
    for form in forms_of(html):
        if form.method == "post" and (field_name in form.values or field_name in form.choices):
            return form
    raise LookupError(f"No form on the page has a field {field_name!r}.")
