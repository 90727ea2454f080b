"""`manage.py drain_outbox`: send the background work still waiting in the outbox, for
example at once after the broker comes back instead of at the next minute's job."""

from django.core.management.base import BaseCommand, CommandError

from outbox.models import Message
from outbox.services import outbox_drain


class Command(BaseCommand):
    help = "Send the outbox's waiting messages to the Celery broker."

    def handle(self, *args, **options):
        sent = outbox_drain(limit=100_000)
        waiting = Message.objects.filter(sent_at__isnull=True).count()
        self.stdout.write(f"Sent {sent}; {waiting} still waiting.")
        if waiting:
            raise CommandError("The broker did not take every message; run again later.")
