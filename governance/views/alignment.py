"""The alignment view: the officer's main governance screen (seed paragraph 4)."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from governance.models import Body
from governance.permissions import can_view_alignment
from governance.selectors.alignment import alignment_rows


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
    data = alignment_rows(area=area, level=level)
    form = AlignmentFilterForm(request.GET or None, areas=data["areas"])
    form.is_valid()
    rows = data["rows"]
    totals = {
        "waiting": sum(r.waiting for r in rows),
        "stale": sum(r.stale for r in rows),
        "priorities_overdue": sum(r.priorities_overdue for r in rows),
        "overdue_actions": sum(r.overdue_actions for r in rows),
    }
    context = {"form": form, "rows": rows, "totals": totals, "filtered": bool(area or level)}
    return render(request, "governance/alignment/alignment.html", context)


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None
