"""Writes of activities: a panel member logs and corrects them, officers and the zone's
core team verify them. Pages and the API call these alike."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from PIL import Image, ImageOps, UnidentifiedImageError

from config.domain import DomainError
from governance.models import Organisation, User
from peoplezones import permissions
from peoplezones.models import (
    Activity,
    ActivityDomain,
    ActivityPrinciple,
    ApproachPrinciple,
    Objective,
    ResilienceDomain,
    Zone,
)
from toolkit.models import Method

# Pillow format: (content type, file suffix). Checked by content, never by the file's name.
PHOTO_FORMATS = {
    "JPEG": ("image/jpeg", ".jpg"),
    "PNG": ("image/png", ".png"),
    "WEBP": ("image/webp", ".webp"),
}
PHOTO_MAX_SIDE = 2048  # pixels: enough for a report, small enough for a phone's data plan
PHOTO_MAX_PIXELS = 50_000_000  # refuses decompression bombs before they are decoded
PHOTO_NOT_AN_IMAGE = "The photo must be a JPEG, PNG or WebP image"


@dataclass(frozen=True)
class CheckedPhoto:
    """A photo that passed the checks: re-encoded, without its location or camera data."""

    content: bytes
    content_type: str
    suffix: str


def photo_checked(upload) -> CheckedPhoto:
    """Check an uploaded photo by its content and re-encode it; DomainError says why not."""
    limit_mb = settings.ACTIVITY_PHOTO_MAX_MB
    if upload.size > limit_mb * 1024 * 1024:
        raise DomainError(f"The photo must be smaller than {limit_mb} MB", field="photo")
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            if image.format not in PHOTO_FORMATS:
                raise DomainError(PHOTO_NOT_AN_IMAGE, field="photo")
            if image.width * image.height > PHOTO_MAX_PIXELS:
                raise DomainError("The photo has too many pixels: make it smaller", field="photo")
            content_type, suffix = PHOTO_FORMATS[image.format]
            content = _reencoded(image)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError) as error:
        raise DomainError(PHOTO_NOT_AN_IMAGE, field="photo") from error
    finally:
        upload.seek(0)
    return CheckedPhoto(content=content, content_type=content_type, suffix=suffix)


def _reencoded(image: Image.Image) -> bytes:
    # Turning the pixels the way the camera meant and saving them afresh drops EXIF: phone
    # photos carry the place they were taken, which may be a volunteer's home.
    fmt = image.format
    picture = ImageOps.exif_transpose(image)
    picture.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))
    if fmt == "JPEG" and picture.mode not in ("RGB", "L"):
        picture = picture.convert("RGB")
    out = BytesIO()
    options = {"quality": 85} if fmt in ("JPEG", "WEBP") else {"optimize": True}
    picture.save(out, format=fmt, **options)
    return out.getvalue()


@dataclass
class ActivityDetails:
    """What a panel member says about an activity."""

    title: str
    occurred_on: datetime.date
    description: str
    domains: Iterable[str]
    principles: Iterable[str] = ()
    participants: int = 0
    volunteer_hours: Decimal = Decimal(0)
    in_kind_description: str = ""
    in_kind_value: Decimal = Decimal(0)
    organisations: Iterable[Organisation] = ()
    other_organisations: str = ""
    objective: Objective | None = None
    method: Method | None = None

    @classmethod
    def of(cls, activity: Activity) -> "ActivityDetails":
        """What the activity says now."""
        many = {"domains", "principles", "organisations"}
        plain = {name: getattr(activity, name) for name in set(cls.__dataclass_fields__) - many}
        return cls(
            **plain,
            domains=activity.domain_values,
            principles=activity.principle_values,
            organisations=list(activity.organisations.all()),
        )


def _check(details: ActivityDetails, zone: Zone, activity: Activity | None = None) -> None:
    domains = set(details.domains)
    if not domains:
        raise DomainError("Select at least one resilience domain", field="domains")
    if not domains <= set(ResilienceDomain.values):
        raise DomainError("Select resilience domains from the list", field="domains")
    if not set(details.principles) <= set(ApproachPrinciple.values):
        raise DomainError("Select approach principles from the list", field="principles")
    if details.occurred_on > timezone.localdate():
        raise DomainError("The date must be today or in the past", field="occurred_on")
    if details.objective is not None and details.objective.zone_id != zone.pk:
        raise DomainError(f"Choose an objective of {zone.name}'s delivery plan", field="objective")
    if details.in_kind_value and not details.in_kind_description.strip():
        raise DomainError(
            "Say what the in-kind resources were, or leave their value at 0",
            field="in_kind_description",
        )
    _check_method(details.method, activity)


def _check_method(method: Method | None, activity: Activity | None) -> None:
    # A method the toolkit withdrew after the activity chose it stays on the activity when
    # its author corrects something else; choosing one anew needs it published now.
    if method is None or (activity is not None and method.pk == activity.method_id):
        return
    if not Method.objects.published().filter(pk=method.pk).exists():
        raise DomainError("Choose a method that is published in the toolkit.", field="method")


def _apply(activity: Activity, details: ActivityDetails, actor: User) -> None:
    for name in (
        "title",
        "occurred_on",
        "description",
        "participants",
        "volunteer_hours",
        "in_kind_description",
        "in_kind_value",
        "other_organisations",
        "objective",
        "method",
    ):
        setattr(activity, name, getattr(details, name))
    activity._history_user = actor
    # The method was checked against the toolkit as it is now (see _check_method).
    activity.full_clean(exclude=["photo", "method"])
    activity.save()
    activity.organisations.set(list(details.organisations))
    _set_links(activity, ActivityDomain, "domain", set(details.domains))
    _set_links(activity, ActivityPrinciple, "principle", set(details.principles))


def _set_links(activity: Activity, model, field: str, wanted: set[str]) -> None:
    links = model.objects.filter(activity=activity)
    links.exclude(**{f"{field}__in": wanted}).delete()
    have = set(links.values_list(field, flat=True))
    model.objects.bulk_create([model(activity=activity, **{field: v}) for v in wanted - have])


def _attach_photo(activity: Activity, photo) -> None:
    checked = photo if isinstance(photo, CheckedPhoto) else photo_checked(photo)
    old = activity.photo.name if activity.photo else ""
    activity.photo.save(f"photo{checked.suffix}", ContentFile(checked.content), save=False)
    activity.photo_type = checked.content_type
    activity.save(update_fields=["photo", "photo_type", "updated_at"])
    _delete_file_after_commit(activity, old)


def _delete_file_after_commit(activity: Activity, name: str) -> None:
    if name:
        storage = activity.photo.storage
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def activity_log(
    *,
    actor: User,
    zone: Zone,
    details: ActivityDetails,
    photo: CheckedPhoto | None = None,
) -> Activity:
    """Log an activity for the actor's zone; a zone that is not active takes none."""
    if not permissions.can_log_activity_in_zone(actor, zone):
        raise PermissionDenied("Only members of the zone's community panel log its activities.")
    if zone.status != Zone.Status.ACTIVE:
        raise DomainError(
            f"{zone.name} is {zone.get_status_display().lower()}: it takes no new activities."
        )
    _check(details, zone)
    activity = Activity(zone=zone, logged_by=actor, logged_at=timezone.now())
    _apply(activity, details, actor)
    if photo is not None:
        _attach_photo(activity, photo)
    return activity


def activity_edit_refusal(actor: User, activity: Activity) -> str:
    """Why the actor may not change this activity now, or "" when they may."""
    if not permissions.can_edit_activity(actor, activity):
        return "Only the panel member who logged an activity can change it."
    if activity.is_verified:
        when = date_format(timezone.localtime(activity.verified_at), "j F Y")
        return (
            f"This activity was verified on {when}, so it can no longer be changed. "
            "Ask an OPCC officer if something in it is wrong."
        )
    if timezone.now() > activity.edit_deadline:
        return (
            f"Activities can be changed for {settings.ACTIVITY_EDIT_HOURS} hours after they "
            "are logged, and that time has passed. Ask an OPCC officer if something is wrong."
        )
    return ""


@transaction.atomic
def activity_update(
    *,
    actor: User,
    activity: Activity,
    details: ActivityDetails,
    photo: CheckedPhoto | None = None,
    remove_photo: bool = False,
) -> Activity:
    """Change an activity: its author only, within the edit window and before verification."""
    activity = (
        Activity.objects.select_for_update(of=("self",)).select_related("zone").get(pk=activity.pk)
    )
    refusal = activity_edit_refusal(actor, activity)
    if refusal:
        raise DomainError(refusal)
    _check(details, activity.zone, activity)
    _apply(activity, details, actor)
    if photo is not None:
        _attach_photo(activity, photo)
    elif remove_photo and activity.photo:
        _delete_file_after_commit(activity, activity.photo.name)
        activity.photo, activity.photo_type = "", ""
        activity.save(update_fields=["photo", "photo_type", "updated_at"])
    return activity


@transaction.atomic
def activity_verify(*, actor: User, activity: Activity) -> Activity:
    """Confirm an activity took place as logged: officers and the zone's core team."""
    activity = (
        Activity.objects.select_for_update(of=("self",)).select_related("zone").get(pk=activity.pk)
    )
    if activity.logged_by_id == actor.pk:
        raise DomainError("You cannot verify an activity you logged yourself.")
    if not permissions.can_verify_activity(actor, activity):
        raise PermissionDenied("Only OPCC officers and the zone's core team verify activities.")
    if activity.is_verified:
        when = date_format(timezone.localtime(activity.verified_at), "j F Y")
        who = activity.verified_by
        raise DomainError(f"This activity was already verified by {who} on {when}.")
    activity.verified_by, activity.verified_at = actor, timezone.now()
    activity._history_user = actor
    activity.save(update_fields=["verified_by", "verified_at", "updated_at"])
    return activity
