"""Officers' pages of the toolkit: write a method, send it for review, publish it with a
change note, unpublish it; change a published method through a revision; read its change
log and past versions; moderate feedback before it is public."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from config.domain import DomainError
from toolkit import permissions, selectors, services
from toolkit.forms import EditorFilterForm, MethodForm, ModerationForm, NoteForm, step_formset
from toolkit.models import Method, MethodFeedback
from toolkit.views.public import method_context, toolkit_trail

NOTE_LABELS = {
    "publish": ("Change note", "What changed and why. It is kept in the change log."),
    "return": ("What needs to change", "The author sees this in the change log."),
    "unpublish": ("Why it is being unpublished", "Kept in the change log."),
}
PER_PAGE = 25
DONE = {
    "submit": "“{}” is sent for review.",
    "return": "“{}” is back in draft.",
    "publish": "“{}” is published.",
    "unpublish": "“{}” is unpublished: the public no longer see it.",
}


def _only(predicate, refusal: str):
    """Signed-in people the predicate allows; anyone else is refused before anything else
    is checked."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not predicate(request.user):
                raise PermissionDenied(refusal)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


editors_only = _only(permissions.can_edit_methods, "Only OPCC officers edit the toolkit.")
moderators_only = _only(permissions.can_moderate_feedback, "Only OPCC officers moderate feedback.")


def manage_trail() -> list[tuple[str, str]]:
    return [*toolkit_trail(), ("Manage the toolkit", reverse("toolkit-manage"))]


def _paginate(request: HttpRequest, items, *, count: int | None = None) -> Page:
    """One page of `items`, by the `page` of the query string (a wrong one gives the
    nearest page); `count`, when already known, saves counting again."""
    paginator = Paginator(items, PER_PAGE)
    if count is not None:
        paginator.count = count  # a cached property: set, it is not queried
    return paginator.get_page(request.GET.get("page"))


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@editors_only
def manage_list(request: HttpRequest) -> HttpResponse:
    """Methods a page at a time, filtered by title and status, each with its revision and
    the feedback waiting for moderation; what waits for review (five queries)."""
    form = EditorFilterForm(request.GET or None)
    filters = form.filters()
    context = {
        "form": form,
        "filters": filters,
        "page": _paginate(request, selectors.methods_for_editors(filters)),
        "query": _query_without_page(request),
        "counts": selectors.editor_counts(),
        "trail": toolkit_trail(),
    }
    return render(request, "toolkit/manage/list.html", context)


def _show_refusal(form, error: DomainError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


def _method_form_page(request, *, method: Method | None, title: str) -> HttpResponse:
    form = MethodForm(request.POST or None, method=method)
    steps = step_formset(request.POST or None, method=method)
    if request.method == "POST" and form.is_valid() and steps.is_valid():
        content = form.content(steps.steps())
        try:
            if method is None:
                method = services.method_create(actor=request.user, content=content)
            else:
                method = services.method_update(actor=request.user, method=method, content=content)
        except DomainError as error:
            _show_refusal(form, error)
        else:
            messages.success(request, f"“{method.title}” is saved.")
            return redirect(method.get_manage_url())
    elif request.method == "POST" and not steps.is_valid():
        form.add_error(None, "Check the steps: each step with details needs a title")
    trail = manage_trail()
    if method is not None:
        trail.append((method.title, method.get_manage_url()))
    context = {"form": form, "steps": steps, "method": method, "title": title, "trail": trail}
    return render(request, "toolkit/manage/form.html", context)


@editors_only
def method_create(request: HttpRequest) -> HttpResponse:
    """Write a new method; it starts as a draft nobody else sees."""
    return _method_form_page(request, method=None, title="Write a new method")


@editors_only
def method_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a draft, a method in review or unpublished, or a revision."""
    method = selectors.method_for_editor(pk)
    refusal = services.method_edit_refusal(method)
    if refusal:
        messages.error(request, refusal)
        return redirect(method.get_manage_url())
    title = f"Change the revision of “{method.title}”" if method.is_revision else "Change method"
    return _method_form_page(request, method=method, title=title)


def _note_forms(method: Method, bound: NoteForm | None = None) -> dict[str, NoteForm]:
    forms = {}
    for action in services.allowed_actions(method):
        form = bound if bound is not None and bound.prefix == action else NoteForm(prefix=action)
        if action in NOTE_LABELS:
            label, hint = NOTE_LABELS[action]
            form.fields["note"].label, form.fields["note"].help_text = label, hint
        forms[action] = form
    return forms


def _manage_page(request, method: Method, *, bound: NoteForm | None = None, status=200):
    actions = _note_forms(method, bound)
    # A refusal of an action the page offers shows beside its note; any other at the top.
    refusals = [] if bound is None or bound.prefix in actions else bound.errors.get("__all__", [])
    context = {
        **method_context(method),
        "actions": actions,
        "refusals": refusals,
        "changes": selectors.method_changes(method),
        "revision": getattr(method, "revision", None) if not method.is_revision else None,
        "edit_refusal": services.method_edit_refusal(method),
        "trail": manage_trail(),
    }
    return render(request, "toolkit/manage/method.html", context, status=status)


@editors_only
def manage_method(request: HttpRequest, pk: int) -> HttpResponse:
    """A method as officers see it: status, what they may do next, a preview, its log."""
    return _manage_page(request, selectors.method_for_editor(pk))


@editors_only
@require_POST
def method_workflow(request: HttpRequest, pk: int) -> HttpResponse:
    """Send for review, return to draft, publish or unpublish (one of the buttons of the
    method's page); a refusal is shown on that page, beside the note it concerns."""
    method = selectors.method_for_editor(pk)
    action = request.POST.get("action", "")
    if action not in services.WORKFLOW:
        messages.error(request, "Choose what to do with the method.")
        return redirect(method.get_manage_url())
    form = NoteForm(request.POST, prefix=action)
    form.is_valid()
    try:
        method = services.WORKFLOW[action](request.user, method, form.cleaned_data["note"])
    except DomainError as error:
        form.add_error("note" if error.field == "note" else None, error.message)
        return _manage_page(request, method, bound=form, status=400)
    messages.success(request, DONE[action].format(method.title))
    return redirect(method.get_manage_url())


@editors_only
@require_POST
def method_revise(request: HttpRequest, pk: int) -> HttpResponse:
    """Start (or go back to) the revision of a published method."""
    method = selectors.method_for_editor(pk)
    try:
        revision = services.method_revision_start(actor=request.user, method=method)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(method.get_manage_url())
    return redirect("toolkit-method-edit", pk=revision.pk)


@editors_only
@require_POST
def method_discard(request: HttpRequest, pk: int) -> HttpResponse:
    """Throw a revision away; the published method stays as it was."""
    method = selectors.method_for_editor(pk)
    try:
        live = services.method_revision_discard(actor=request.user, revision=method)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(method.get_manage_url())
    messages.success(request, f"The revision of “{live.title}” is discarded.")
    return redirect(live.get_manage_url())


@editors_only
def method_version(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """What one published version of a method said."""
    method = selectors.method_for_editor(pk)
    version = selectors.method_version(method, number)
    snapshot = version.snapshot
    context = {
        "method": method,
        "version": version,
        "snapshot": snapshot,
        "text_rows": [
            (services.field_label(name), snapshot.get(name, ""))
            for name in services.MethodContent.text_fields()
        ],
        "trail": [*manage_trail(), (method.title, method.get_manage_url())],
        "current": f"Version {version.version}",
    }
    return render(request, "toolkit/manage/version.html", context)


FEEDBACK_TABS = [
    (MethodFeedback.Status.PENDING, "Waiting"),
    (MethodFeedback.Status.APPROVED, "Approved"),
    (MethodFeedback.Status.REJECTED, "Rejected"),
]


@moderators_only
def feedback_queue(request: HttpRequest) -> HttpResponse:
    """Feedback waiting for moderation (oldest first), and past decisions (newest first), a
    page at a time, with how much is in each status (three queries)."""
    status = request.GET.get("status", MethodFeedback.Status.PENDING)
    if status not in MethodFeedback.Status.values:
        status = MethodFeedback.Status.PENDING
    totals = selectors.feedback_totals()
    page = _paginate(request, selectors.feedback_for_moderation(status), count=totals[status])
    context = {
        "page": page,
        "status": status,
        "tabs": [(value, label, totals[value]) for value, label in FEEDBACK_TABS],
        "form": ModerationForm(),
        "trail": manage_trail(),
    }
    return render(request, "toolkit/manage/feedback.html", context)


def _queue_address(status: str, page: str) -> str:
    """The queue as the moderator left it: the same status, the same page."""
    address = reverse("toolkit-feedback-queue")
    if status not in MethodFeedback.Status.values:
        return address
    return f"{address}?status={status}" + (f"&page={page}" if page.isdigit() else "")


@moderators_only
@require_POST
def feedback_moderate(request: HttpRequest, pk: int) -> HttpResponse:
    """Approve or reject one piece of feedback."""
    feedback = MethodFeedback.objects.filter(pk=pk).select_related("method").first()
    form = ModerationForm(request.POST)
    page = request.POST.get("page", "")[:9]
    if feedback is None or not form.is_valid():
        messages.error(request, "Choose whether to approve or reject the feedback.")
        return redirect(_queue_address(request.POST.get("status", ""), page))
    data = form.cleaned_data
    try:
        services.feedback_moderate(
            actor=request.user, feedback=feedback, decision=data["decision"], note=data["note"]
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        word = "approved: it is now public" if data["decision"] == "approve" else "rejected"
        messages.success(request, f"Feedback on “{feedback.method.title}” is {word}.")
    # Back to the list the feedback was on: the next waiting item takes its place.
    return redirect(_queue_address(request.POST.get("status") or feedback.status, page))


def dashboard_panel(request: HttpRequest, roles) -> dict | None:
    """Dashboard: what waits for officers in the toolkit (two queries)."""
    if not roles.is_officer:
        return None
    return selectors.editor_counts()
