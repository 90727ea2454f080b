"""Scheduled work of People Zones."""

from celery import shared_task

from peoplezones.services.plans import milestones_flag_late


@shared_task
def flag_late_milestones() -> int:
    """Daily: mark milestones past their due date and not done as late."""
    return milestones_flag_late()
