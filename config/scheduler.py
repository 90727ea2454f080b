"""Celery beat's scheduler: the database schedule, with officers' edits kept."""

from django_celery_beat.models import PeriodicTask
from django_celery_beat.schedulers import DatabaseScheduler


class EditableScheduler(DatabaseScheduler):
    """django-celery-beat's database scheduler, except that the entries in the settings
    only install the periodic tasks that are missing. The stock scheduler writes every
    entry back over its row whenever beat starts, so an officer's change to a job's time
    would silently undo itself at the next deployment."""

    def update_from_dict(self, mapping):
        existing = set(
            PeriodicTask.objects.filter(name__in=list(mapping)).values_list("name", flat=True)
        )
        missing = {name: entry for name, entry in mapping.items() if name not in existing}
        super().update_from_dict(missing)
