"""Pages of the evaluation, one module per part."""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from config.domain import DomainError
from evaluation.permissions import NO_ACCESS, can_use_evaluation


def evaluation_page(view):
    """Signed-in people with some evaluation to read; everyone else is refused (403)."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_use_evaluation(request.user):
            raise PermissionDenied(NO_ACCESS)
        return view(request, *args, **kwargs)

    return wrapped


def refused(form, error) -> None:
    """Show a refused change beside the field it concerns, or at the top of the form."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


def saved_or_none(
    request, form, save: Callable[[dict], object], done: str, to: Callable[[object], str]
) -> HttpResponse | None:
    """On a valid post, `save(cleaned_data)`, say `done` and redirect `to(saved)`; a refused
    change is shown on the form instead. None when the form is to be shown (again)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        saved = save(form.cleaned_data)
    except DomainError as error:
        refused(form, error)
        return None
    messages.success(request, done)
    return redirect(to(saved))


def posted(request):
    # An empty POST is still a submission: bind it, so every required field says so.
    return request.POST if request.method == "POST" else None


def evaluation_trail(zone=None) -> list[tuple[str, str]]:
    """Breadcrumbs to the evaluation's start, and to the zone's summary when given."""
    trail = [("Evaluation", reverse("evaluation-home"))]
    if zone is not None:
        trail.append((zone.name, reverse("zone-summary", args=[zone.slug])))
    return trail
