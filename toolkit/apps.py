from django.apps import AppConfig


class ToolkitConfig(AppConfig):
    """The public online toolkit of engagement and problem-solving methods."""

    name = "toolkit"
