"""Governance background work. Tasks take ids, call services and are safe to run again."""

import datetime

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import OperationalError, transaction
from django.utils import timezone

from governance.models import Notification
from governance.services.meetings import meeting_reminders_send


@shared_task
def send_notification_emails(notification_ids: list[int]) -> int:
    """E-mail each notification that has not been e-mailed yet; returns how many were sent."""
    sent = 0
    for pk in notification_ids:
        # Lock, send, then mark inside one transaction: a failed send rolls the mark back
        # for a retry, and two workers never send the same notification.
        with transaction.atomic():
            notification = (
                Notification.objects.select_for_update(skip_locked=True)
                .select_related("recipient")
                .filter(pk=pk, emailed_at__isnull=True)
                .first()
            )
            if notification is None or not notification.recipient.email:
                continue
            link = f"{settings.SITE_URL}{notification.url}" if notification.url else ""
            send_mail(
                subject=notification.subject,
                message=f"{notification.message}\n\n{link}".strip(),
                from_email=None,
                recipient_list=[notification.recipient.email],
            )
            notification.emailed_at = timezone.now()
            notification.save(update_fields=["emailed_at"])
            sent += 1
    return sent


# Bi-annual review events ------------------------------------------------------------------
# Beat runs ensure_review_events daily (CELERY_BEAT_SCHEDULE). It creates the next two events
# and queues one review_event_due_work per event still to come; both are safe to run twice,
# or twice at once (see governance.services.reviews).


@shared_task(
    name="governance.tasks.ensure_review_events",
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def ensure_review_events(today: str | None = None) -> list[int]:
    """Make sure the next two review events exist, then queue each upcoming event's due
    invitations, reminders and pack. `today` (ISO date) acts as of another day."""
    from governance.services.reviews import review_events_ensure
    from outbox.services import outbox_enqueue

    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    event_ids = review_events_ensure(today=day)
    for event_id in event_ids:
        outbox_enqueue(review_event_due_work, event_id, day.isoformat())
    return event_ids


@shared_task(
    name="governance.tasks.review_event_due_work",
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def review_event_due_work(event_id: int, today: str) -> list[str]:
    """Send what is due for one review event as of `today`; returns what was done."""
    from governance.services.reviews import review_event_due_work as due_work

    return due_work(event_id=event_id, today=datetime.date.fromisoformat(today))


@shared_task(
    name="governance.tasks.flag_overdue_governance",
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def flag_overdue_governance() -> dict[str, int]:
    """Daily: tell bodies about issues waiting too long and priorities not acknowledged in
    time. Safe to run again: each is told once per issue per stay, once per assignment."""
    from governance.services.issues import issues_flag_stale
    from governance.services.priorities import assignments_flag_overdue

    return {
        "stale_issues": issues_flag_stale(),
        "overdue_acknowledgements": assignments_flag_overdue(),
    }


@shared_task(acks_late=True)
def send_meeting_reminders() -> int:
    """Daily: remind members of each body's meetings due within MEETING_REMINDER_DAYS.
    Safe to run again: each member is reminded of each meeting once."""
    return meeting_reminders_send()
