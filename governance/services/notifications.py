"""Writes of notifications: every part of governance tells people through here."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from governance.models import Body, Membership, Notification, User


@transaction.atomic
def notify_users(
    *,
    users: Iterable[User],
    kind: str,
    subject: str,
    message: str,
    url: str = "",
    body: Body | None = None,
    key: str = "",
) -> list[Notification]:
    """Notify each person once (once per key, when a key is given) and e-mail them after
    the transaction commits. Returns the notifications created now."""
    recipients = {user.pk: user for user in users if user.is_active}
    if key:
        already = set(
            Notification.objects.filter(key=key, recipient__in=recipients).values_list(
                "recipient_id", flat=True
            )
        )
        recipients = {pk: user for pk, user in recipients.items() if pk not in already}
    created = Notification.objects.bulk_create(
        [
            Notification(
                recipient=user,
                body=body,
                kind=kind,
                subject=subject[:200],
                message=message,
                url=url,
                key=key,
            )
            for user in recipients.values()
        ],
        ignore_conflicts=bool(key),
    )
    if key:
        # bulk_create with ignore_conflicts returns no primary keys: read them back.
        created = list(Notification.objects.filter(key=key, recipient__in=recipients))
    _email_after_commit([n.pk for n in created])
    return created


def notify_body_members(
    *,
    body: Body,
    kind: str,
    subject: str,
    message: str,
    url: str = "",
    key: str = "",
    roles: Iterable[str] | None = None,
    exclude: User | None = None,
) -> list[Notification]:
    """Notify the members of a body (only those in `roles`, if given)."""
    seats = Membership.objects.filter(body=body).select_related("user")
    if roles is not None:
        seats = seats.filter(role__in=list(roles))
    users = [seat.user for seat in seats if exclude is None or seat.user_id != exclude.pk]
    return notify_users(
        users=users, kind=kind, subject=subject, message=message, url=url, body=body, key=key
    )


@transaction.atomic
def notification_mark_read(*, actor: User, notification_ids: Iterable[int] | None = None) -> int:
    """Mark the actor's notifications read (all of them, or the ones given)."""
    unread = Notification.objects.filter(recipient=actor, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=list(notification_ids))
    return unread.update(read_at=timezone.now())


def _email_after_commit(notification_ids: list[int]) -> None:
    """Queue the e-mails through the outbox: kept with the notifications if the broker is
    down, never sent if the transaction rolls back."""
    if not notification_ids:
        return
    from outbox.services import outbox_enqueue

    outbox_enqueue("governance.tasks.send_notification_emails", notification_ids)
