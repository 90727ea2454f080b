"""The POST forms a page shows, read from its HTML as a browser would submit them."""

from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from tests.fuzz.html import Node, parse


@dataclass
class Field:
    name: str
    kind: str  # text, textarea, select, checkbox, radio, file, hidden, number, date, ...
    value: str = ""  # what the page puts in it (the checked/selected one for choices)
    options: list = field(default_factory=list)  # the values a choice offers
    multiple: bool = False
    required: bool = False


@dataclass
class Form:
    page: str
    action: str
    fields: dict  # name -> Field, in page order
    enctype: str = ""

    @property
    def csrf(self) -> str:
        token = self.fields.get("csrfmiddlewaretoken")
        return token.value if token else ""

    def valid_values(self) -> dict:
        """What submitting the form as shown would send (checked boxes, selected options)."""
        data = {}
        for f in self.fields.values():
            if f.kind == "file":
                continue
            if f.kind in ("checkbox", "radio") or (f.kind == "select" and f.multiple):
                if f.value:
                    data[f.name] = f.value
            else:
                data[f.name] = f.value
        return data


def forms_on(page: str, html: str) -> list[Form]:
    found = []
    for node in parse(html).find_all("form"):
        if (node.attrs.get("method") or "get").lower() != "post":
            continue
        action = node.attrs.get("action") or page
        action = urlsplit(urljoin("http://testserver" + page, action))
        path = action.path + (f"?{action.query}" if action.query else "")
        found.append(Form(page, path, _fields(node), node.attrs.get("enctype", "")))
    return found


def _fields(form: Node) -> dict:
    fields: dict[str, Field] = {}
    for node in form.iter():
        name = node.attrs.get("name")
        if not name or node.tag not in ("input", "select", "textarea", "button"):
            continue
        if "disabled" in node.attrs or node.tag == "button":
            continue
        required = "required" in node.attrs
        if node.tag == "textarea":
            fields[name] = Field(name, "textarea", node.text.lstrip("\n"), required=required)
        elif node.tag == "select":
            options = [opt for opt in node.find_all("option") if "disabled" not in opt.attrs]
            values = [opt.attrs.get("value", opt.text.strip()) for opt in options]
            chosen = [v for opt, v in zip(options, values, strict=True) if "selected" in opt.attrs]
            multiple = "multiple" in node.attrs
            value = chosen[0] if chosen else ("" if multiple else (values[0] if values else ""))
            fields[name] = Field(name, "select", value, values, multiple, required)
        else:
            kind = (node.attrs.get("type") or "text").lower()
            if kind in ("submit", "reset", "image", "button"):
                continue
            value = node.attrs.get("value", "on" if kind in ("checkbox", "radio") else "")
            if kind in ("checkbox", "radio"):
                existing = fields.get(name)
                if existing is None:
                    existing = fields[name] = Field(name, kind, "", [], kind == "checkbox")
                existing.options.append(value)
                existing.required = existing.required or required
                if "checked" in node.attrs and not existing.value:
                    existing.value = value
            else:
                fields[name] = Field(name, kind, value, required=required)
    return fields
