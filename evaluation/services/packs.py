"""Writes of board packs: officers draft one for a period and a scope, regenerate it from
live data while it is a draft, publish it (which freezes its HTML and PDF, with a hash of
both) and may withdraw it later with a reason. Moves follow `BoardPack.TRANSITIONS`; any
other is refused with the reason and changes nothing."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from config.domain import DomainError
from config.pdf import render_pdf
from evaluation.models import BoardPack
from evaluation.permissions import can_manage_board_packs
from evaluation.selectors.packs import pack_figures
from evaluation.selectors.realisation import METHOD
from evaluation.services import save_checked
from governance.models import Body, User
from peoplezones.models import Zone

Status = BoardPack.Status
DOCUMENT = "evaluation/packs/_document.html"
PDF = "evaluation/packs/pdf.html"

REFUSALS = {
    ("publish", Status.PUBLISHED): "This pack is already published.",
    ("publish", Status.WITHDRAWN): "A withdrawn pack stays withdrawn: draft a new pack instead.",
    ("withdraw", Status.DRAFT): "Only a published pack can be withdrawn: a draft can be "
    "changed or deleted instead.",
    ("withdraw", Status.WITHDRAWN): "This pack is already withdrawn.",
}
FROZEN = "A published pack is frozen: what the board saw never changes. Draft a new pack instead."


def transition_refusal(pack: BoardPack, action: str) -> str:
    """Why the pack may not make this move now ("" when it may)."""
    if pack.allows(action):
        return ""
    return REFUSALS.get(
        (action, pack.status), f"A {pack.get_status_display().lower()} pack cannot be {action}ed."
    )


def _officer(actor: User) -> None:
    if not can_manage_board_packs(actor):
        raise PermissionDenied("Only OPCC officers draft and publish board packs.")


def _draft_only(pack: BoardPack) -> None:
    if not pack.is_draft:
        raise DomainError(FROZEN)


def _locked(pack: BoardPack) -> BoardPack:
    return (
        BoardPack.objects.select_for_update(of=("self",))
        .select_related("csp", "zone")
        .get(pk=pack.pk)
    )


def _scope_fits(scope: str, csp: Body | None, zone: Zone | None) -> tuple:
    """The partnership or zone the scope needs, and nothing else."""
    if scope == BoardPack.Scope.CSP:
        if csp is None or csp.level != Body.Level.CSP:
            raise DomainError("Choose the Community Safety Partnership.", field="csp")
        return csp, None
    if scope == BoardPack.Scope.ZONE:
        if zone is None:
            raise DomainError("Choose the People Zone.", field="zone")
        return None, zone
    return None, None


def generate(pack: BoardPack, *, today: datetime.date | None = None) -> None:
    """Render the pack's document from live data into `content_html` (not saved)."""
    today = today or timezone.localdate()
    figures = pack_figures(pack, today=today)
    pack.generated_at = timezone.now()
    pack.content_html = render_to_string(DOCUMENT, {"pack": pack, "f": figures, **METHOD})


@transaction.atomic
def board_pack_create(
    *,
    actor: User,
    title: str,
    period_start: datetime.date,
    period_end: datetime.date,
    scope: str = BoardPack.Scope.ALL,
    csp: Body | None = None,
    zone: Zone | None = None,
    introduction: str = "",
    recommendations: str = "",
) -> BoardPack:
    """Draft a pack and generate its document from today's data."""
    _officer(actor)
    csp, zone = _scope_fits(scope, csp, zone)
    pack = BoardPack(created_by=actor, title=title, scope=scope, csp=csp, zone=zone)
    return _apply(pack, actor, period_start, period_end, introduction, recommendations)


def _apply(pack, actor, period_start, period_end, introduction, recommendations) -> BoardPack:
    if period_end < period_start:
        raise DomainError(
            "The end of the period must be on or after its start.", field="period_end"
        )
    pack.period_start, pack.period_end = period_start, period_end
    pack.introduction = introduction
    pack.recommendations = recommendations or BoardPack._meta.get_field("recommendations").default
    generate(pack)
    save_checked(pack, actor)
    return pack


@transaction.atomic
def board_pack_update(
    *,
    actor: User,
    pack: BoardPack,
    title: str,
    period_start: datetime.date,
    period_end: datetime.date,
    scope: str = BoardPack.Scope.ALL,
    csp: Body | None = None,
    zone: Zone | None = None,
    introduction: str = "",
    recommendations: str = "",
) -> BoardPack:
    """Change a draft (its recommendations above all) and generate it again."""
    _officer(actor)
    pack = _locked(pack)
    _draft_only(pack)
    pack.csp, pack.zone = _scope_fits(scope, csp, zone)
    pack.title, pack.scope = title, scope
    return _apply(pack, actor, period_start, period_end, introduction, recommendations)


@transaction.atomic
def board_pack_regenerate(*, actor: User, pack: BoardPack) -> BoardPack:
    """Read a draft's figures again from today's data."""
    _officer(actor)
    pack = _locked(pack)
    _draft_only(pack)
    generate(pack)
    save_checked(pack, actor)
    return pack


def pack_pdf(pack: BoardPack) -> bytes:
    """The PDF of the pack's stored document: cover, contents, page numbers and date."""
    context = {
        "pack": pack,
        # content_html is not editable: render_to_string made it, escaping every value.
        "content": mark_safe(pack.content_html),  # noqa: S308  # nosec B308 B703
        "organisation_name": settings.ORGANISATION_NAME,
    }
    return render_pdf(PDF, context)


@transaction.atomic
def board_pack_publish(*, actor: User, pack: BoardPack) -> BoardPack:
    """Publish a draft as last generated: its HTML and PDF are stored with their hash and
    never change again."""
    _officer(actor)
    pack = _locked(pack)
    refusal = transition_refusal(pack, "publish")
    if refusal:
        raise DomainError(refusal)
    if not pack.recommendations.strip():
        raise DomainError("Write the recommendations to the board first.", field="recommendations")
    pack.status = Status.PUBLISHED
    pack.published_by, pack.published_at = actor, timezone.now()
    pack.pdf = pack_pdf(pack)
    pack.content_hash = pack.computed_hash()
    save_checked(pack, actor)
    return pack


@transaction.atomic
def board_pack_withdraw(*, actor: User, pack: BoardPack, reason: str) -> BoardPack:
    """Withdraw a published pack, with the reason; it is kept, marked withdrawn."""
    _officer(actor)
    pack = _locked(pack)
    refusal = transition_refusal(pack, "withdraw")
    if refusal:
        raise DomainError(refusal)
    if not reason.strip():
        raise DomainError("Say why the pack is withdrawn.", field="reason")
    pack.status = Status.WITHDRAWN
    pack.withdrawn_by, pack.withdrawn_at, pack.withdrawn_reason = actor, timezone.now(), reason
    save_checked(pack, actor)
    return pack


@transaction.atomic
def board_pack_delete(*, actor: User, pack: BoardPack) -> None:
    """Delete a draft nobody has seen; a published pack is kept for the record."""
    _officer(actor)
    pack = _locked(pack)
    if not pack.is_draft:
        raise DomainError("A published pack is kept for the record: withdraw it instead.")
    pack._history_user = actor
    pack.delete()
