"""Pages of the bi-annual review events. Officers manage them; members of the SPB and of
any partnership body read them; everyone else is refused."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from config.domain import DomainError
from config.pdf import render_pdf
from governance.forms import reviews as forms
from governance.models import Allocation, ReviewEvent
from governance.permissions import can_manage_review_events, can_view_review_events
from governance.selectors.reviews import review_budget, review_event_get, review_event_list
from governance.services import reviews as services

Status = ReviewEvent.Status

# URL word → (target status, button and heading, what the page says it does).
TRANSITION_PAGES = {
    "send-invitations": (
        Status.INVITATIONS_SENT,
        "Send the invitations",
        "Everyone invited to review events is told the date and venue, in the service and by "
        "e-mail: members of the Strategic Partnership Board and the Senior Officers' Group, "
        "the chairs of every Community Safety Partnership and county board, and OPCC officers.",
    ),
    "hold": (
        Status.HELD,
        "Mark the event as held",
        "Once held, the event's details and plans stay as they were; you can then record the "
        "strategic direction it agreed and the spend against its allocations.",
    ),
    "cancel": (
        Status.CANCELLED,
        "Cancel the event",
        "If the invitations have gone out, the invitees are told it is cancelled and why.",
    ),
    "reinstate": (
        Status.PLANNED,
        "Reinstate the event",
        "The event is planned again. Send the invitations again when you are ready.",
    ),
}


def reviews_page(*, manage: bool = False):
    """Signed-in people who may read review events (or manage them, when `manage`)."""

    def decorate(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            allowed = can_manage_review_events if manage else can_view_review_events
            if not allowed(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


def _trail(event: ReviewEvent | None = None) -> list:
    trail = [("Review events", reverse("review-event-list"))]
    if event is not None:
        trail.append((event.title, event.get_absolute_url()))
    return trail


def _form_page(request, heading: str, form, event=None, **extra) -> HttpResponse:
    context = {"form": form, "event": event, "heading": heading, "trail": _trail(event), **extra}
    return render(request, "governance/reviews/form.html", context)


def _posted(request):
    # An empty POST is still a submission: bind it, so every required field says so.
    return request.POST if request.method == "POST" else None


def _refused(form, error: DomainError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


EVENTS_PER_PAGE = 25


@reviews_page()
def review_event_list_view(request: HttpRequest) -> HttpResponse:
    """Review events, the latest first, a page at a time (two a year add up)."""
    page = Paginator(review_event_list(), EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "events": page.object_list,
        "page": page,
        "query": "",
        "can_manage": can_manage_review_events(request.user),
        "trail": [],
    }
    return render(request, "governance/reviews/event_list.html", context)


@reviews_page()
def review_event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = review_event_get(pk)
    can_manage = can_manage_review_events(request.user)
    actions = []
    if can_manage:
        for word, (target, label, _) in TRANSITION_PAGES.items():
            if target in services.TRANSITIONS[event.status]:
                actions.append(
                    {
                        "url": reverse("review-event-status", args=[pk, word]),
                        "label": label,
                        "warning": word == "cancel",
                    }
                )
    context = {
        "event": event,
        "budget": review_budget(event),
        "can_manage": can_manage,
        "status_actions": actions,
        "pack_days": settings.REVIEW_PACK_DAYS,
        "trail": _trail(),
    }
    return render(request, "governance/reviews/event_detail.html", context)


@reviews_page(manage=True)
def review_event_create(request: HttpRequest) -> HttpResponse:
    form = forms.ReviewEventForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            event = services.review_event_create(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            _refused(form, error)
        else:
            messages.success(request, f"{event.title} is planned.")
            return redirect(event)
    return _form_page(
        request,
        "Plan a review event",
        form,
        intro="The event belongs to the month of its date: one event per month at most. "
        "The service plans the events of the review months by itself; use this for another.",
    )


@reviews_page(manage=True)
def review_event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(ReviewEvent, pk=pk)
    initial = {"title": event.title, "date": event.date, "venue": event.venue}
    form = forms.ReviewEventForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.review_event_update(actor=request.user, event=event, **form.cleaned_data)
        except DomainError as error:
            _refused(form, error)
        else:
            messages.success(request, "The event's details are saved.")
            return redirect(event)
    return _form_page(request, "Change the event", form, event)


@reviews_page(manage=True)
def review_event_status(request: HttpRequest, pk: int, transition: str) -> HttpResponse:
    if transition not in TRANSITION_PAGES:
        raise Http404
    event = get_object_or_404(ReviewEvent, pk=pk)
    target, label, explanation = TRANSITION_PAGES[transition]
    form = forms.CancelForm(_posted(request)) if target == Status.CANCELLED else None
    if request.method == "POST" and (form is None or form.is_valid()):
        reason = form.cleaned_data["reason"] if form else ""
        try:
            services.review_event_transition(
                actor=request.user, event=event, to=target, reason=reason
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, f"{event.title}: {Status(target).label.lower()}.")
        return redirect(event)
    context = {
        "event": event,
        "form": form,
        "label": label,
        "explanation": explanation,
        "refusal": services.transition_refusal(event, target),
        "trail": _trail(event),
    }
    return render(request, "governance/reviews/event_status.html", context)


@reviews_page(manage=True)
def review_pack_compile(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(ReviewEvent, pk=pk)
    if request.method == "POST":
        try:
            services.review_pack_compile(event=event, actor=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "The plans under review are captured; the pack is ready.")
        return redirect(event)
    context = {"event": event, "trail": _trail(event), "pack_days": settings.REVIEW_PACK_DAYS}
    return render(request, "governance/reviews/pack_compile.html", context)


@reviews_page(manage=True)
def review_direction_record(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(ReviewEvent, pk=pk)
    items = list(event.direction_items.all())
    initial = {
        "direction": event.direction,
        "set_titles": "\n".join(i.title for i in items if i.action == "set"),
        "retire": [i.priority_id for i in items if i.action == "retire"],
    }
    form = forms.DirectionForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.review_direction_record(
                actor=request.user,
                event=event,
                direction=form.cleaned_data["direction"],
                set_titles=form.set_title_list(),
                retire=form.cleaned_data["retire"],
            )
        except DomainError as error:
            _refused(form, error)
        else:
            messages.success(request, "The strategic direction is recorded.")
            return redirect(event)
    return _form_page(
        request,
        "Record the strategic direction",
        form,
        event,
        intro="What the event agreed about the partnership's direction for the next period, "
        "and the priorities it agreed to set or to retire.",
    )


@reviews_page(manage=True)
def allocation_add(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(ReviewEvent, pk=pk)
    form = forms.AllocationForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        recipient = forms.split_recipient(data.pop("recipient"))
        try:
            services.allocation_add(actor=request.user, event=event, **data, **recipient)
        except DomainError as error:
            _refused(form, error)
        else:
            messages.success(request, "The allocation is added.")
            return redirect(event)
    return _form_page(
        request,
        "Add an allocation",
        form,
        event,
        intro="Money for a body or a People Zone for the next period: proposed before the "
        "event, agreed at it.",
    )


@reviews_page(manage=True)
def spend_record(request: HttpRequest, pk: int) -> HttpResponse:
    allocation = get_object_or_404(
        Allocation.objects.select_related("event", "body", "zone"), pk=pk
    )
    form = forms.SpendForm(_posted(request), initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.spend_record(actor=request.user, allocation=allocation, **form.cleaned_data)
        except DomainError as error:
            _refused(form, error)
        else:
            messages.success(request, "The spend is recorded.")
            return redirect(allocation.event)
    return _form_page(
        request,
        "Record spend",
        form,
        allocation.event,
        intro=f"Against £{allocation.amount:,.2f} allocated to {allocation.recipient} for "
        f"{allocation.purpose}.",
    )


@reviews_page(manage=True)
def in_kind_record(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(ReviewEvent, pk=pk)
    form = forms.InKindForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        recipient = forms.split_recipient(data.pop("recipient"))
        try:
            services.in_kind_record(actor=request.user, event=event, **data, **recipient)
        except DomainError as error:
            _refused(form, error)
        else:
            messages.success(request, "The contribution in kind is recorded.")
            return redirect(event)
    return _form_page(
        request,
        "Record a contribution in kind",
        form,
        event,
        intro="Staff time, rooms or equipment given without money changing hands. It is kept "
        "apart from the allocations: give the hours, an estimated value, or both.",
    )


def _pack_context(request, pk: int) -> dict:
    event = review_event_get(pk)
    return {
        "event": event,
        "budget": review_budget(event),
        "compiled_on": timezone.localtime(),
        "trail": _trail(event),
    }


@reviews_page()
def review_pack(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "governance/reviews/pack.html", _pack_context(request, pk))


@reviews_page()
def review_pack_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    context = _pack_context(request, pk)
    pdf = render_pdf("governance/reviews/pack_pdf.html", context, request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"review-pack-{context['event'].period}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
