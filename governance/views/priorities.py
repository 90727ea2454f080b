"""Pages of priorities: the list, setting one at a board, its roll-up, and each receiving
body's page where it acknowledges the priority and reports progress."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from config.domain import DomainError
from governance.forms.issues import AcknowledgeForm, PriorityFilterForm, PrioritySetForm, ReportForm
from governance.models import Body, Priority, PriorityAssignment
from governance.permissions import (
    bodies_setting_priorities,
    can_act_for_assignment,
    can_set_priorities,
    can_set_priority_at,
    can_view_assignment,
    can_view_priority_rollup,
)
from governance.selectors import roles_for
from governance.selectors.priorities import (
    assignment_get,
    assignment_reports,
    bodies_below,
    priority_get,
    priority_list,
    priority_rollup,
)
from governance.services import priorities as services
from governance.views.issues import PAGE_SIZE, governance_required

PRIORITIES_TRAIL = [("Priorities", "/priorities/")]


@governance_required
def priority_list_page(request: HttpRequest) -> HttpResponse:
    """Every priority with how the bodies it went to have answered."""
    form = PriorityFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    status = filters.get("status") or Priority.Status.ACTIVE
    priorities = priority_list(
        status=None if status == "all" else status, theme=filters.get("theme", "")
    )
    page = Paginator(priorities, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "may_set": can_set_priorities(request.user),
    }
    return render(request, "governance/priorities/list.html", context)


@governance_required
def priority_choose_body(request: HttpRequest) -> HttpResponse:
    """Where to set a new priority: straight to the form when there is one choice."""
    bodies = bodies_setting_priorities(request.user)
    if not bodies:
        raise PermissionDenied
    if len(bodies) == 1:
        return redirect("priority_set", slug=bodies[0].slug)
    context = {"bodies": bodies, "trail": PRIORITIES_TRAIL}
    return render(request, "governance/priorities/choose_body.html", context)


@governance_required
def priority_set(request: HttpRequest, slug: str) -> HttpResponse:
    """Set a priority at an SOG or SPB and route it down."""
    body = get_object_or_404(Body, slug=slug, is_active=True)
    if not can_set_priority_at(request.user, body):
        raise PermissionDenied
    below = bodies_below(body)
    form = PrioritySetForm(request.POST or None, below=below)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        route_to = form.chosen_bodies
        for name in ("route", "route_to"):
            data.pop(name)
        try:
            priority = services.priority_set(
                actor=request.user, setting_body=body, route_to=route_to, **data
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            n = priority.assignments.count()
            messages.success(request, f"Priority set and routed to {n} bodies.")
            return redirect(priority)
    context = {"form": form, "body": body, "below": below, "trail": PRIORITIES_TRAIL}
    return render(request, "governance/priorities/set.html", context)


@governance_required
def priority_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A priority; its roll-up for those who follow it, each person's own bodies' answers."""
    try:
        priority = priority_get(pk)
    except Priority.DoesNotExist:
        raise Http404("No such priority") from None
    rollup = priority_rollup(priority)
    sees_all = can_view_priority_rollup(request.user, priority)
    own = roles_for(request.user).body_ids
    context = {
        "priority": priority,
        "rollup": rollup,
        "sees_all": sees_all,
        "own_assignments": [a for a in rollup.assignments if a.body_id in own],
        "may_retire": priority.is_active
        and can_set_priority_at(request.user, priority.setting_body),
        "trail": PRIORITIES_TRAIL,
    }
    return render(request, "governance/priorities/detail.html", context)


@require_POST
@governance_required
def priority_retire(request: HttpRequest, pk: int) -> HttpResponse:
    """Retire a priority: no more acknowledgements or reports are expected."""
    priority = get_object_or_404(Priority.objects.select_related("setting_body"), pk=pk)
    if not can_set_priority_at(request.user, priority.setting_body):
        raise PermissionDenied
    try:
        services.priority_retire(actor=request.user, priority=priority)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Priority retired. Bodies are no longer asked to report on it.")
    return redirect(priority)


def _assignment_for(request, priority_pk: int, pk: int) -> PriorityAssignment:
    try:
        assignment = assignment_get(priority_pk=priority_pk, pk=pk)
    except PriorityAssignment.DoesNotExist:
        raise Http404("No such priority assignment") from None
    if not can_view_assignment(request.user, assignment):
        raise Http404("No such priority assignment")
    return assignment


@governance_required
def assignment_detail(request: HttpRequest, priority_pk: int, pk: int) -> HttpResponse:
    """One body's answer to a priority: acknowledgement, response and reports."""
    assignment = _assignment_for(request, priority_pk, pk)
    return _render_assignment(request, assignment)


@require_POST
@governance_required
def assignment_acknowledge(request: HttpRequest, priority_pk: int, pk: int) -> HttpResponse:
    assignment = _assignment_for(request, priority_pk, pk)
    form = AcknowledgeForm(request.POST)
    if form.is_valid():
        try:
            services.assignment_acknowledge(
                actor=request.user, assignment=assignment, response=form.cleaned_data["response"]
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, "Priority acknowledged. Report progress here when you can.")
            return redirect(assignment)
    return _render_assignment(
        request, assignment, acknowledge_form=form, status=_refusal_status(request, assignment)
    )


@require_POST
@governance_required
def assignment_report(request: HttpRequest, priority_pk: int, pk: int) -> HttpResponse:
    assignment = _assignment_for(request, priority_pk, pk)
    form = ReportForm(request.POST)
    if form.is_valid():
        try:
            services.assignment_report(
                actor=request.user, assignment=assignment, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, "Report sent.")
            return redirect(assignment)
    return _render_assignment(
        request, assignment, report_form=form, status=_refusal_status(request, assignment)
    )


def _refusal_status(request, assignment) -> int:
    """403 when the person may not act for the receiving body at all, else 400 (the form
    or the priority's state refused it)."""
    return 400 if can_act_for_assignment(request.user, assignment) else 403


def _render_assignment(
    request, assignment, acknowledge_form=None, report_form=None, status: int = 200
) -> HttpResponse:
    may_act = can_act_for_assignment(request.user, assignment) and assignment.priority.is_active
    context = {
        "assignment": assignment,
        "priority": assignment.priority,
        "reports": assignment_reports(assignment),
        "may_act": may_act,
        "acknowledge_form": acknowledge_form or AcknowledgeForm(),
        "report_form": report_form or ReportForm(),
        "trail": [
            *PRIORITIES_TRAIL,
            (assignment.priority.title, assignment.priority.get_absolute_url()),
        ],
    }
    return render(request, "governance/priorities/assignment.html", context, status=status)
