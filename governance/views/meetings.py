"""Pages of bodies and their meetings: the tree of bodies, a body, its meetings with their
agenda, attendance, minutes, decisions and actions, printable agendas and minutes, the
calendar feed, and each person's notifications."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from config.domain import DomainError
from governance import ical
from governance.forms.bodies import BodyFilterForm
from governance.forms.meetings import (
    ActionForm,
    ActionUpdateForm,
    AgendaItemForm,
    AttendanceForm,
    DecisionForm,
    MeetingForm,
    MeetingStatusForm,
    MinutesForm,
)
from governance.models import Action, AgendaItem, Body, Meeting, Notification, User
from governance.permissions import (
    can_manage_meetings_of_body,
    can_raise_issue_at,
    can_see_confidential_of_body,
    can_set_priority_at,
    can_update_action,
    can_view_governance,
)
from governance.selectors import meetings as select
from governance.selectors import roles_for
from governance.selectors.bodies import area_roots, bodies_page
from governance.services import meetings as services
from governance.services.notifications import notification_mark_read


# Who may see what ------------------------------------------------------------------------
def _require_viewer(user) -> None:
    if not can_view_governance(user):
        raise PermissionDenied("Governance pages are for OPCC officers and members of bodies.")


def body_get_for_user(user, slug: str, *, manage: bool = False) -> Body:
    """The body, if the person may read governance (and manage its meetings, if asked)."""
    _require_viewer(user)
    try:
        body = select.body_for_page(slug=slug)
    except Body.DoesNotExist:
        raise Http404("No such body") from None
    if manage and not can_manage_meetings_of_body(user, body):
        raise PermissionDenied("Only officers and the body's chair, vice-chair or secretariat.")
    return body


def meeting_get_for_user(user, pk: int, *, manage: bool = False) -> Meeting:
    """The meeting, if the person may read governance (and manage it, if asked)."""
    _require_viewer(user)
    try:
        meeting = select.meeting_for_page(pk=pk)
    except Meeting.DoesNotExist:
        raise Http404("No such meeting") from None
    if manage and not can_manage_meetings_of_body(user, meeting.body):
        raise PermissionDenied("Only officers and the body's chair, vice-chair or secretariat.")
    return meeting


def _trail(body: Body) -> list[tuple[str, str]]:
    return [("Bodies", reverse("body_list")), (body.name, body.get_absolute_url())]


def _refused(form, error: DomainError) -> None:
    """Show a refused change next to its field, or at the top of the form."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


def _form_page(request, form, *, meeting: Meeting, title: str, intro: str = "", status=200):
    context = {
        "form": form,
        "meeting": meeting,
        "body": meeting.body,
        "page_heading": title,
        "intro": intro,
        "trail": [*_trail(meeting.body), (str(meeting), meeting.get_absolute_url())],
    }
    return render(request, "governance/meetings/form.html", context, status=status)


# Bodies ----------------------------------------------------------------------------------
@login_required
def body_list(request: HttpRequest) -> HttpResponse:
    """The partnership's bodies as a tree, top first, a page of whole areas at a time;
    filtered to one area, one level or a name."""
    _require_viewer(request.user)
    roots = area_roots()
    form = BodyFilterForm(request.GET or None, roots=roots)
    filters = form.cleaned_data if form.is_valid() else {}
    area = next((root for root in roots if root.slug == filters.get("area")), None)
    data = bodies_page(
        roots=roots,
        area=area,
        level=filters.get("level"),
        name=filters.get("name", "").strip(),
        page_number=request.GET.get("page"),
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "tree": data.nodes,
        "data": data,
        "area": area,
        "query": query.urlencode(),
        "filtered": bool(area or filters.get("level") or filters.get("name")),
    }
    return render(request, "governance/bodies/list.html", context)


@login_required
def body_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A body: its place in the tree, members, meetings, actions and what awaits it."""
    body = body_get_for_user(request.user, slug)
    confidential = can_see_confidential_of_body(request.user, body)
    actions = [
        a
        for a in select.outstanding_actions(body_ids=[body.pk])
        if confidential or not a.is_confidential
    ]
    since = select.outcomes_since(body=body)
    awaiting = [
        item
        for item in select.awaiting_body(body=body, since=since, actions=actions)
        if confidential or not item.is_confidential
    ]
    upcoming, past = select.body_meetings(body=body)
    feed_url = reverse("body_calendar", args=[body.slug])
    context = {
        "body": body,
        "children": list(body.children.order_by("name")),
        "members": select.body_members(body=body),
        "upcoming": upcoming,
        "past": past,
        "actions": actions,
        "awaiting": awaiting,
        "can_manage": can_manage_meetings_of_body(request.user, body),
        "can_raise": can_raise_issue_at(request.user, body),
        "can_set_priority": can_set_priority_at(request.user, body),
        "feed_url": feed_url,
        "subscribe_url": request.build_absolute_uri(
            f"{feed_url}?token={ical.feed_token(user=request.user, body=body)}"
        ),
        "trail": [("Bodies", reverse("body_list"))],
    }
    return render(request, "governance/bodies/detail.html", context)


def body_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    """The body's meetings as an iCalendar feed: for a signed-in reader, or for the person
    a subscription link was made for. No confidential item is ever in it."""
    body = get_object_or_404(Body, slug=slug)
    user = request.user
    token = request.GET.get("token")
    if token:
        user_id = ical.feed_token_user_id(token, body=body)
        user = User.objects.filter(pk=user_id, is_active=True).first() if user_id else None
        if user is None:
            raise PermissionDenied("This subscription link is not valid.")
    elif not user.is_authenticated:
        return redirect(f"{reverse('login')}?next={request.path}")
    _require_viewer(user)
    meetings, agendas = select.feed_meetings(body=body)
    response = HttpResponse(
        ical.calendar(body=body, meetings=meetings, agendas=agendas),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{body.slug}-meetings.ics"'
    return response


# Meetings --------------------------------------------------------------------------------
@login_required
def meeting_list(request: HttpRequest) -> HttpResponse:
    """Meetings of every body, upcoming or past; or of one body, or of the person's own."""
    _require_viewer(request.user)
    roles = roles_for(request.user)
    when = "past" if request.GET.get("when") == "past" else "upcoming"
    body = None
    if request.GET.get("body"):
        body = get_object_or_404(Body, slug=request.GET["body"])
    mine = body is None and request.GET.get("mine") == "1" and roles.is_body_member
    body_ids = [body.pk] if body else roles.body_ids if mine else None
    meetings = select.meeting_list(when=when, body_ids=body_ids)
    page = Paginator(meetings, select.MEETINGS_PAGE_SIZE).get_page(request.GET.get("page"))
    keep = {"body": body.slug} if body else {"mine": "1"} if mine else {}
    context = {
        "page": page,
        "when": when,
        "is_past": when == "past",
        "mine": mine,
        "body": body,
        "keep": urlencode(keep),
        "trail": [("Bodies", reverse("body_list")), (body.name, body.get_absolute_url())]
        if body
        else [],
    }
    return render(request, "governance/meetings/list.html", context)


@login_required
def meeting_create(request: HttpRequest, slug: str) -> HttpResponse:
    """Schedule a meeting of a body; its agenda is filled with what awaits the body."""
    body = body_get_for_user(request.user, slug, manage=True)
    form = MeetingForm(request.POST or None, submit="Schedule meeting")
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(actor=request.user, body=body, **form.values())
        except DomainError as error:
            _refused(form, error)
        else:
            messages.success(request, "Meeting scheduled. Its agenda has been filled in.")
            return redirect(meeting)
    context = {
        "form": form,
        "body": body,
        "page_heading": "Schedule a meeting",
        "intro": "The agenda starts with the standing items and what awaits this body: "
        "issues, answers to issues it raised, priorities and overdue actions.",
        "trail": _trail(body),
    }
    return render(request, "governance/meetings/form.html", context)


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A meeting: agenda, attendance and quorum, minutes, decisions and actions."""
    meeting = meeting_get_for_user(request.user, pk)
    context = {
        "meeting": meeting,
        "body": meeting.body,
        "can_manage": can_manage_meetings_of_body(request.user, meeting.body),
        "trail": _trail(meeting.body),
        **select.meeting_record(
            meeting=meeting,
            can_see_confidential=can_see_confidential_of_body(request.user, meeting.body),
        ),
    }
    return render(request, "governance/meetings/detail.html", context)


def _print(request: HttpRequest, pk: int, template: str) -> HttpResponse:
    meeting = meeting_get_for_user(request.user, pk)
    context = {
        "meeting": meeting,
        "body": meeting.body,
        **select.meeting_record(
            meeting=meeting,
            can_see_confidential=can_see_confidential_of_body(request.user, meeting.body),
        ),
    }
    return render(request, template, context)


@login_required
def agenda_print(request: HttpRequest, pk: int) -> HttpResponse:
    """The agenda as a document to print."""
    return _print(request, pk, "governance/meetings/agenda_print.html")


@login_required
def minutes_print(request: HttpRequest, pk: int) -> HttpResponse:
    """The minutes as a document to print."""
    return _print(request, pk, "governance/meetings/minutes_print.html")


@login_required
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change when, where or what a scheduled meeting is."""
    meeting = meeting_get_for_user(request.user, pk, manage=True)
    form = MeetingForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(actor=request.user, meeting=meeting, **form.values())
        except DomainError as error:
            _refused(form, error)
        else:
            messages.success(request, "Meeting details saved.")
            return redirect(meeting)
    return _form_page(request, form, meeting=meeting, title="Change meeting details")


@login_required
def meeting_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark a meeting held, cancel it or reinstate it."""
    meeting = meeting_get_for_user(request.user, pk, manage=True)
    form = MeetingStatusForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_transition(
                actor=request.user,
                meeting=meeting,
                to_status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
            )
        except DomainError as error:
            _refused(form, error)
        else:
            messages.success(request, "Meeting status changed.")
            return redirect(meeting)
    intro = f"The meeting is {meeting.get_status_display().lower()}."
    if not form.fields["status"].choices:
        intro += " A meeting that has been held keeps its status: its record stands."
    return _form_page(request, form, meeting=meeting, title="Change meeting status", intro=intro)


# The agenda ------------------------------------------------------------------------------
def _agenda_item(meeting: Meeting, item_pk: int) -> AgendaItem:
    return get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)


def _back_to_agenda(meeting: Meeting):
    return redirect(f"{meeting.get_absolute_url()}#agenda")


@login_required
@require_POST
def agenda_fill(request: HttpRequest, pk: int) -> HttpResponse:
    """Add to the agenda what has come to await the body since it was filled."""
    meeting = meeting_get_for_user(request.user, pk, manage=True)
    try:
        added = services.agenda_fill(actor=request.user, meeting=meeting)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            f"{len(added)} new item{'s' if len(added) != 1 else ''} added to the agenda."
            if added
            else "Nothing new awaits the body: the agenda is up to date.",
        )
    return _back_to_agenda(meeting)


@login_required
def agenda_item_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Add an item to the agenda, before any other business."""
    meeting = meeting_get_for_user(request.user, pk, manage=True)
    form = AgendaItemForm(request.POST or None, submit="Add item")
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_add(actor=request.user, meeting=meeting, **form.cleaned_data)
        except DomainError as error:
            _refused(form, error)
        else:
            messages.success(request, "Item added to the agenda.")
            return _back_to_agenda(meeting)
    return _form_page(request, form, meeting=meeting, title="Add an agenda item")


@login_required
def agenda_item_edit(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Change an agenda item."""
    meeting = meeting_get_for_user(request.user, pk, manage=True)
    item = _agenda_item(meeting, item_pk)
    form = AgendaItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_update(actor=request.user, item=item, **form.cleaned_data)
        except DomainError as error:
            _refused(form, error)
        else:
            messages.success(request, "Agenda item saved.")
            return _back_to_agenda(meeting)
    return _form_page(request, form, meeting=meeting, title="Change an agenda item")


@login_required
@require_POST
def agenda_item_move(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Move an agenda item one place up or down."""
    meeting = meeting_get_for_user(request.user, pk, manage=True)
    item = _agenda_item(meeting, item_pk)
    try:
        services.agenda_item_move(actor=request.user, item=item, up=request.POST.get("up") == "1")
    except DomainError as error:
        messages.error(request, error.message)
    return _back_to_agenda(meeting)


@login_required
def agenda_item_remove(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Ask, then take an item off the agenda."""
    meeting = meeting_get_for_user(request.user, pk, manage=True)
    item = _agenda_item(meeting, item_pk)
    if request.method == "POST":
        try:
            services.agenda_item_remove(actor=request.user, item=item)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, f"“{item.title}” taken off the agenda.")
        return _back_to_agenda(meeting)
    context = {
        "meeting": meeting,
        "item": item,
        "trail": [*_trail(meeting.body), (str(meeting), meeting.get_absolute_url())],
    }
    return render(request, "governance/meetings/agenda_item_remove.html", context)


# The record of a meeting -----------------------------------------------------------------
@login_required
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    """Record who was present, sent apologies or was absent."""
    meeting = meeting_get_for_user(request.user, pk, manage=True)
    seats = select.body_members(body=meeting.body)
    recorded = {a.person_id: a for a in meeting.attendances.select_related("person")}
    people = [(m.user, m.get_role_display()) for m in seats]
    people += [
        (a.person, "No longer a member")
        for pid, a in recorded.items()
        if pid not in {m.user_id for m in seats}
    ]
    form = AttendanceForm(
        request.POST or None,
        people=people,
        recorded={pid: a.status for pid, a in recorded.items()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_record(
                actor=request.user, meeting=meeting, statuses=form.statuses()
            )
        except DomainError as error:
            _refused(form, error)
        else:
            messages.success(request, "Attendance recorded.")
            return redirect(f"{meeting.get_absolute_url()}#attendance")
    context = {
        "form": form,
        "meeting": meeting,
        "quorum": select.quorum_of(
            body=meeting.body, seats=seats, attendances=list(recorded.values())
        ),
        "trail": [*_trail(meeting.body), (str(meeting), meeting.get_absolute_url())],
    }
    return render(request, "governance/meetings/attendance.html", context)


@login_required
def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the minutes, in general and for each agenda item."""
    meeting = meeting_get_for_user(request.user, pk, manage=True)
    items = list(meeting.agenda_items.order_by("position", "pk"))
    form = MinutesForm(request.POST or None, meeting=meeting, items=items)
    if request.method == "POST" and form.is_valid():
        try:
            services.minutes_record(
                actor=request.user,
                meeting=meeting,
                minutes=form.cleaned_data["minutes"],
                item_minutes=form.item_minutes(),
            )
        except DomainError as error:
            _refused(form, error)
        else:
            messages.success(request, "Minutes saved.")
            return redirect(f"{meeting.get_absolute_url()}#minutes")
    return _form_page(request, form, meeting=meeting, title="Record the minutes")


@login_required
def decision_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a decision of the meeting."""
    meeting = meeting_get_for_user(request.user, pk, manage=True)
    items = list(meeting.agenda_items.order_by("position", "pk"))
    form = DecisionForm(request.POST or None, items=items)
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_record(actor=request.user, meeting=meeting, **form.cleaned_data)
        except DomainError as error:
            _refused(form, error)
        else:
            messages.success(request, "Decision recorded.")
            return redirect(f"{meeting.get_absolute_url()}#decisions")
    return _form_page(request, form, meeting=meeting, title="Record a decision")


@login_required
def action_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Record an action the meeting agreed."""
    meeting = meeting_get_for_user(request.user, pk, manage=True)
    items = list(meeting.agenda_items.order_by("position", "pk"))
    people = User.objects.filter(memberships__body=meeting.body).order_by("last_name", "first_name")
    form = ActionForm(request.POST or None, people=people, items=items)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_create(actor=request.user, meeting=meeting, **form.cleaned_data)
        except DomainError as error:
            _refused(form, error)
        else:
            messages.success(request, "Action recorded.")
            return redirect(f"{meeting.get_absolute_url()}#actions")
    return _form_page(
        request,
        form,
        meeting=meeting,
        title="Record an action",
        intro="The action stays on every meeting of the body until it is done or dropped.",
    )


@login_required
def action_update(request: HttpRequest, pk: int) -> HttpResponse:
    """An action and its progress; its owner and the body's managers can update it."""
    action = get_object_or_404(
        Action.objects.select_related(
            "body", "meeting", "meeting__body", "owner_person", "owner_organisation"
        ),
        pk=pk,
    )
    may_update = can_update_action(request.user, action)
    if not may_update:
        _require_viewer(request.user)
        if action.is_confidential and not can_see_confidential_of_body(request.user, action.body):
            raise Http404("No such action")
    form = ActionUpdateForm(request.POST or None, action=action) if may_update else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied("Only the owner and the body's managers update an action.")
        if form.is_valid():
            try:
                services.action_update(actor=request.user, action=action, **form.cleaned_data)
            except DomainError as error:
                _refused(form, error)
            else:
                messages.success(request, "Action updated.")
                return redirect(action.meeting)
    context = {
        "action": action,
        "form": form,
        "trail": [*_trail(action.body), (str(action.meeting), action.meeting.get_absolute_url())],
    }
    return render(request, "governance/meetings/action.html", context)


# Notifications ---------------------------------------------------------------------------
NOTIFICATIONS_PAGE_SIZE = 25


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    """The signed-in person's notifications, newest first."""
    notifications = Notification.objects.filter(recipient=request.user).select_related("body")
    page = Paginator(notifications, NOTIFICATIONS_PAGE_SIZE).get_page(request.GET.get("page"))
    unread = notifications.filter(read_at__isnull=True).count()
    return render(
        request, "governance/meetings/notifications.html", {"page": page, "unread": unread}
    )


@login_required
@require_POST
def notification_read(request: HttpRequest) -> HttpResponse:
    """Mark one notification read (`id`), or all of them."""
    raw = request.POST.get("id")
    ids = [int(raw)] if raw and raw.isdigit() else None
    count = notification_mark_read(actor=request.user, notification_ids=ids)
    if ids is None:
        messages.success(request, f"{count} notification{'s' if count != 1 else ''} marked read.")
    page = request.POST.get("page", "")
    suffix = f"?page={page}" if page.isdigit() else ""
    return redirect(reverse("notification_list") + suffix)
