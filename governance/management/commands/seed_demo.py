from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

# Each app's demo loader, in the order they build on one another.
LOADERS = [
    "governance.demo.load",
    "peoplezones.demo.load",
    "toolkit.demo.load",
    "peoplezones.demo_activities.load",
    "governance.demo_issues.load",
    "governance.demo_meetings.load",
    "governance.demo_reviews.load",
    "evaluation.demo.load",
]


class Command(BaseCommand):
    help = "Load the Leicester, Leicestershire and Rutland demo data (safe to run again)."

    @transaction.atomic
    def handle(self, *args, **options):
        state: dict = {}
        for loader in LOADERS:
            import_string(loader)(state)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(f"Demo accounts (password: {settings.DEMO_PASSWORD}):")
        for username, description in state["accounts"]:
            self.stdout.write(f"  {username:<16} {description}")
