"""The alignment view: the officer's main governance screen (seed paragraph 4)."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from governance.models import Body
from governance.permissions import can_view_alignment
from governance.selectors.alignment import alignment_rows

# Bodies per page: one area's whole tree (SPB, SOG, CSPs and their JAGs) fits on a page;
# across England and Wales (thousands of bodies) the page stays small.
PAGE_SIZE = 100


class AlignmentFilterForm(forms.Form):
    area = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)
    level = forms.TypedChoiceField(
        coerce=int,
        required=False,
        empty_value=None,
        choices=[("", "Every level"), *sorted(Body.Level.choices, reverse=True)],
    )

    def __init__(self, *args, areas: list[Body], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", "The whole partnership")] + [
            (body.pk, f"{body.area} ({body.name})") for body in areas
        ]


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
        "rows": data["shown"],
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
