from django.apps import AppConfig


class OutboxConfig(AppConfig):
    """Background work recorded with the change that asked for it, sent to the broker
    after commit, and sent again later if the broker was down."""

    name = "outbox"
    verbose_name = "Outbox"
