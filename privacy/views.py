"""Officers' pages for UK GDPR requests about one person: find them, download what the
service holds about them (subject access), erase them."""

import json
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from config.domain import DomainError
from privacy import services
from privacy.forms import ErasureForm, PersonSearchForm
from privacy.permissions import NO_ACCESS, can_handle_privacy_requests
from privacy.selectors import is_erased, person_get, person_search, privacy_requests_for


def officers_only(view):
    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_handle_privacy_requests(request.user):
            raise PermissionDenied(NO_ACCESS)
        return view(request, *args, **kwargs)

    return wrapped


def _trail(person=None) -> list:
    trail = [("People and their data", reverse("privacy-people"))]
    if person is not None:
        trail.append((str(person), reverse("privacy-person", args=[person.pk])))
    return trail


PER_PAGE = 25


@require_GET
@officers_only
def person_search_view(request):
    """Find a person by name, username or e-mail address, a page of matches at a time (two
    queries); nobody is listed until something is searched for."""
    form = PersonSearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    page = None
    if query:
        page = Paginator(person_search(query), PER_PAGE).get_page(request.GET.get("page"))
    keep = request.GET.copy()
    keep.pop("page", None)
    context = {"form": form, "query": query, "page": page, "keep": keep.urlencode(), "trail": []}
    return render(request, "privacy/search.html", context)


@require_GET
@officers_only
def person_detail_view(request, pk: int):
    person = person_get(pk)
    context = {
        "person": person,
        "erased": is_erased(person),
        "requests": privacy_requests_for(person),
        "trail": _trail(),
    }
    return render(request, "privacy/person.html", context)


@officers_only
@require_POST
def person_export_view(request, pk: int):
    person = person_get(pk)
    data = services.subject_access_record(actor=request.user, person=person)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="personal-data-{person.pk}-{stamp}.json"'
    )
    response["Cache-Control"] = "no-store"
    return response


@officers_only
def person_erase_view(request, pk: int):
    person = person_get(pk)
    if is_erased(person):
        messages.info(request, "This person has already been erased.")
        return redirect("privacy-person", pk=person.pk)
    form = ErasureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_erase(
                actor=request.user, person=person, reason=form.cleaned_data["reason"]
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, "The person has been erased.")
            return redirect("privacy-person", pk=person.pk)
    context = {"person": person, "form": form, "trail": _trail(person)}
    return render(request, "privacy/erase.html", context)
