"""Pages of issues: the list, raising one at a body, and the issue page with its trail
and the moves its body's members may make."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from config.domain import DomainError
from governance.forms.issues import (
    IssueEscalateForm,
    IssueFilterForm,
    IssueRaiseForm,
    IssueResolveForm,
    IssueReturnForm,
)
from governance.models import Body, IssueStep
from governance.permissions import can_act_on_issue, can_raise_issue_at, can_view_governance
from governance.selectors import roles_for
from governance.selectors.bodies import area_and_bodies, area_roots
from governance.selectors.issues import issue_get_for_user, issue_list
from governance.services import issues as services

PAGE_SIZE = 25
Action = IssueStep.Action
MOVE_FORMS = {
    Action.ESCALATED: IssueEscalateForm,
    Action.RESOLVED: IssueResolveForm,
    Action.RETURNED: IssueReturnForm,
}
MOVE_SERVICES = {
    Action.ESCALATED: lambda actor, issue, text: services.issue_escalate(
        actor=actor, issue=issue, reason=text
    ),
    Action.RESOLVED: lambda actor, issue, text: services.issue_resolve(
        actor=actor, issue=issue, decision=text
    ),
    Action.RETURNED: lambda actor, issue, text: services.issue_return(
        actor=actor, issue=issue, decision=text
    ),
}
DONE = {
    Action.ESCALATED: "Issue escalated to {body}.",
    Action.RESOLVED: "Issue resolved. {raised_at} has been told the decision.",
    Action.RETURNED: "Issue returned to {body} with your decision.",
}
URL_NAMES = {
    Action.ESCALATED: "issue_escalate",
    Action.RESOLVED: "issue_resolve",
    Action.RETURNED: "issue_return",
}
ISSUES_TRAIL = [("Issues", "/issues/")]


def governance_required(view):
    """Signed-in governance readers only (officers and members of any body); others 403."""

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not can_view_governance(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@governance_required
def issue_list_page(request: HttpRequest) -> HttpResponse:
    """Issues the person may read, filtered by area, body, status, category and age."""
    roots = area_roots()
    area, bodies = area_and_bodies(
        roots, area_slug=request.GET.get("area", ""), body_slug=request.GET.get("body", "")
    )
    data = request.GET.copy()
    if bodies and data.get("body") not in {body.slug for body in bodies}:
        data.pop("body", None)  # a body of another area: the area was changed
    form = IssueFilterForm(data or None, roots=roots, bodies=bodies)
    filters = form.cleaned_data if form.is_valid() else {}
    by_slug = {body.slug: body for body in bodies}
    roles = roles_for(request.user)
    issues = issue_list(
        roles=roles,
        status=filters.get("status") or "open",
        body=by_slug.get(filters.get("body", "")),
        area=area if filters.get("area") else None,
        category=filters.get("category", ""),
        stale=filters.get("stale", False),
    )
    page = Paginator(issues, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "raise_at": [m.body for m in roles.memberships if m.body.is_active],
        "stale_days": settings.ISSUE_STALE_DAYS,
    }
    return render(request, "governance/issues/list.html", context)


@governance_required
def issue_raise(request: HttpRequest, slug: str) -> HttpResponse:
    """Raise an issue at a body the person sits on."""
    body = get_object_or_404(Body, slug=slug)
    if not can_raise_issue_at(request.user, body):
        raise PermissionDenied
    form = IssueRaiseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            issue = services.issue_raise(actor=request.user, body=body, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, f"Issue raised at {body}.")
            return redirect(issue)
    context = {"form": form, "body": body, "trail": ISSUES_TRAIL}
    return render(request, "governance/issues/raise.html", context)


@governance_required
def issue_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An issue, its whole trail, and the moves the person may make on it."""
    issue = issue_get_for_user(request.user, pk)
    return _render_detail(request, issue, {})


@require_POST
@governance_required
def issue_move(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Escalate, resolve or return an issue (from the forms on its page)."""
    issue = issue_get_for_user(request.user, pk)
    form = MOVE_FORMS[action](request.POST)
    if form.is_valid():
        try:
            moved = MOVE_SERVICES[action](request.user, issue, form.text)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request, DONE[action].format(body=moved.body, raised_at=moved.raised_at)
            )
            return redirect(moved)
    # Refused because of who is asking (not a member where it sits): 403, with the reason.
    refused = 400 if can_act_on_issue(request.user, issue) else 403
    return _render_detail(request, issue, {action: form}, status=refused)


def _render_detail(request, issue, bound: dict, status: int = 200) -> HttpResponse:
    may_act = can_act_on_issue(request.user, issue)
    moves = services.allowed_moves(issue) if may_act else []
    forms = [
        {
            "action": action,
            "form": bound.get(action) or MOVE_FORMS[action](),
            "url": reverse(URL_NAMES[action], args=[issue.pk]),
        }
        for action in moves
    ]
    # A refused move can come from someone who may not act any more: show its error too.
    errors = [form for action, form in bound.items() if action not in moves]
    context = {
        "issue": issue,
        "steps": list(issue.steps.all()),
        "may_act": may_act,
        "move_forms": forms,
        "refused": errors,
        "has_errors": any(form.errors for form in bound.values()),
        "trail": ISSUES_TRAIL,
    }
    return render(request, "governance/issues/detail.html", context, status=status)
