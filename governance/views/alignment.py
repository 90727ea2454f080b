"""The alignment view: the officer's main governance screen (seed paragraph 4)."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.html import format_html_join

from governance.models import Body
from governance.permissions import can_view_alignment
from governance.selectors.alignment import Node, alignment_rows

# Bodies per page: one area's whole tree (SPB, SOG, CSPs and their JAGs) fits on a page;
# across England and Wales (thousands of bodies) the page stays small.
PAGE_SIZE = 100


class AlignmentFilterForm(forms.Form):
    # Any body above a JAG can stand for an area. Its choices are kept out of Django's
    # choice field: across England and Wales there are some five hundred, and normalising,
    # validating and rendering them through the field took longer than the rest of the
    # page. An area that is not an active body shows the whole partnership.
    area = forms.IntegerField(required=False)
    level = forms.TypedChoiceField(
        coerce=int,
        required=False,
        empty_value=None,
        choices=[("", "Every level"), *sorted(Body.Level.choices, reverse=True)],
    )

    def __init__(self, *args, areas: list[Node], **kwargs):
        super().__init__(*args, **kwargs)
        self.area_choices = [("", "The whole partnership")] + [
            (body.pk, f"{body.area} ({body.name})") for body in areas
        ]

    def selects(self) -> list[tuple]:
        """Each field with its <option>s, the chosen one selected."""
        choices = {"area": self.area_choices, "level": self.fields["level"].choices}
        return [(self[name], _options(choices[name], self[name].value())) for name in choices]


def _options(choices, chosen) -> str:
    chosen = None if chosen is None else str(chosen)
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((value, " selected" if str(value) == chosen else "", label) for value, label in choices),
    )


@login_required
def alignment_page(request: HttpRequest) -> HttpResponse:
    """The whole tree and, for each body, what waits there and what it waits for."""
    if not can_view_alignment(request.user):
        raise PermissionDenied
    area = _int(request.GET.get("area"))
    level = _int(request.GET.get("level"))
    data = alignment_rows(
        area=area, level=level, per_page=PAGE_SIZE, page_number=request.GET.get("page")
    )
    form = AlignmentFilterForm(request.GET or None, areas=data["areas"])
    form.is_valid()
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "rows": data["rows"],
        "page": data["page"],
        "query": query.urlencode(),
        "totals": data["totals"],
        "filtered": bool(area or level),
    }
    return render(request, "governance/alignment/alignment.html", context)


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None
