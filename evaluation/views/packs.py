"""Pages of board packs. Officers draft, regenerate, publish and withdraw them; board
members (and officers) read the published ones in the reports area, as stored when they
were published: the HTML page and the PDF never change after publication."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from config.domain import DomainError
from evaluation.forms.packs import BoardPackForm, WithdrawForm
from evaluation.models import BoardPack
from evaluation.permissions import can_manage_board_packs, can_read_board_reports
from evaluation.selectors.packs import board_pack_get, board_pack_list
from evaluation.services import packs as services
from evaluation.views import posted, saved_or_none


def _only(predicate, refusal: str):
    def decorate(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not predicate(request.user):
                raise PermissionDenied(refusal)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


officers_only = _only(can_manage_board_packs, "Only OPCC officers manage board packs.")
readers_only = _only(can_read_board_reports, "Board reports are for board members and officers.")


def _packs_trail(pack: BoardPack | None = None) -> list:
    trail = [("Board packs", reverse("board-pack-list"))]
    if pack is not None:
        trail.append((pack.title, pack.get_absolute_url()))
    return trail


def _reports_trail() -> list:
    return [("Reports", reverse("board-report-list"))]


def _document(pack: BoardPack):
    # Stored HTML rendered by our own template when the pack was generated (autoescaped,
    # and not editable by anyone): safe as it stands.
    return mark_safe(pack.content_html)  # noqa: S308  # nosec B308 B703


def pdf_response(pack: BoardPack, pdf: bytes, *, download: bool) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{pack.filename}"'
    response["Cache-Control"] = "private, no-store" if pack.is_draft else "private, max-age=3600"
    return response


# Officers' pages -----------------------------------------------------------------------------


@officers_only
def board_pack_list_view(request: HttpRequest) -> HttpResponse:
    context = {"packs": list(board_pack_list(drafts=True)), "trail": []}
    return render(request, "evaluation/packs/list.html", context)


@officers_only
def board_pack_create(request: HttpRequest) -> HttpResponse:
    form = BoardPackForm(posted(request), initial=BoardPackForm.initial_for_new())
    done = saved_or_none(
        request,
        form,
        lambda data: services.board_pack_create(actor=request.user, **data),
        "The draft pack is generated from today's figures.",
        _url,
    )
    return done or _form_page(request, form, "Draft a board pack", _packs_trail())


def _url(pack: BoardPack) -> str:
    return pack.get_absolute_url()


def _form_page(request, form, title: str, trail: list) -> HttpResponse:
    context = {
        "form": form,
        "title": title,
        "trail": trail,
        "intro": "Saving generates the pack from today's figures. You can change it and "
        "generate it again as often as you like until you publish it.",
    }
    return render(request, "evaluation/form.html", context)


@officers_only
def board_pack_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pack = board_pack_get(pk, drafts=True)
    context = {
        "pack": pack,
        "document": _document(pack),
        "publish_refusal": services.transition_refusal(pack, "publish"),
        "withdraw_refusal": services.transition_refusal(pack, "withdraw"),
        "trail": _packs_trail(),
    }
    return render(request, "evaluation/packs/detail.html", context)


@officers_only
def board_pack_edit(request: HttpRequest, pk: int) -> HttpResponse:
    pack = board_pack_get(pk, drafts=True)
    if not pack.is_draft:
        messages.error(request, services.FROZEN)
        return redirect(pack)
    initial = {name: getattr(pack, name) for name in BoardPackForm.base_fields}
    form = BoardPackForm(posted(request), initial=initial)
    done = saved_or_none(
        request,
        form,
        lambda data: services.board_pack_update(actor=request.user, pack=pack, **data),
        "The draft is saved and generated again.",
        _url,
    )
    return done or _form_page(request, form, "Change the draft", _packs_trail(pack))


@officers_only
@require_POST
def board_pack_regenerate(request: HttpRequest, pk: int) -> HttpResponse:
    pack = board_pack_get(pk, drafts=True)
    try:
        services.board_pack_regenerate(actor=request.user, pack=pack)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "The draft is generated again from today's figures.")
    return redirect(pack)


def _confirm_page(request, pack, *, action: str, form=None) -> HttpResponse:
    context = {
        "pack": pack,
        "action": action,
        "form": form,
        "refusal": services.transition_refusal(pack, action)
        if action != "delete"
        else (
            "" if pack.is_draft else "A published pack is kept for the record: withdraw it instead."
        ),
        "trail": _packs_trail(pack),
    }
    return render(request, "evaluation/packs/confirm.html", context)


@officers_only
def board_pack_publish(request: HttpRequest, pk: int) -> HttpResponse:
    pack = board_pack_get(pk, drafts=True)
    if request.method == "POST":
        try:
            services.board_pack_publish(actor=request.user, pack=pack)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "The pack is published: board members can read it now.")
        return redirect(pack)
    return _confirm_page(request, pack, action="publish")


@officers_only
def board_pack_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    pack = board_pack_get(pk, drafts=True)
    form = WithdrawForm(posted(request))
    done = saved_or_none(
        request,
        form,
        lambda data: services.board_pack_withdraw(actor=request.user, pack=pack, **data),
        "The pack is withdrawn. It is kept, marked withdrawn.",
        _url,
    )
    return done or _confirm_page(request, pack, action="withdraw", form=form)


@officers_only
def board_pack_delete(request: HttpRequest, pk: int) -> HttpResponse:
    pack = board_pack_get(pk, drafts=True)
    if request.method == "POST":
        try:
            services.board_pack_delete(actor=request.user, pack=pack)
        except DomainError as error:
            messages.error(request, error.message)
            return redirect(pack)
        messages.success(request, f"The draft “{pack.title}” is deleted.")
        return redirect("board-pack-list")
    return _confirm_page(request, pack, action="delete")


@officers_only
def board_pack_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The pack's PDF: as stored once published; a draft's is drawn now, marked draft."""
    pack = board_pack_get(pk, drafts=True)
    pdf = services.pack_pdf(pack) if pack.is_draft else bytes(pack.pdf)
    return pdf_response(pack, pdf, download=False)


# The reports area: board members and officers ------------------------------------------------


@readers_only
def board_report_list(request: HttpRequest) -> HttpResponse:
    packs = list(board_pack_list(drafts=False))
    context = {
        "published": [p for p in packs if p.status == BoardPack.Status.PUBLISHED],
        "withdrawn": [p for p in packs if p.status == BoardPack.Status.WITHDRAWN],
        "trail": [],
    }
    return render(request, "evaluation/reports/list.html", context)


@readers_only
def board_report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pack = board_pack_get(pk, drafts=False)
    context = {"pack": pack, "document": _document(pack), "trail": _reports_trail()}
    return render(request, "evaluation/reports/detail.html", context)


@readers_only
def board_report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The PDF exactly as published."""
    pack = board_pack_get(pk, drafts=False)
    return pdf_response(pack, bytes(pack.pdf), download=True)
