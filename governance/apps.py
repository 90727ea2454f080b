from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    """The partnership: people, organisations, bodies and their members."""

    name = "governance"
