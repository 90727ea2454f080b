from django.apps import AppConfig


class PeopleZonesConfig(AppConfig):
    """Community-led programmes in small areas: zones and their community panels."""

    name = "peoplezones"
    verbose_name = "People Zones"
