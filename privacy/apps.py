from django.apps import AppConfig


def _officers(roles) -> bool:
    return roles.is_officer


class PrivacyConfig(AppConfig):
    """Subject access and erasure requests (UK GDPR articles 15 and 17)."""

    name = "privacy"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from governance.navigation import NAVIGATION, NavItem

        # Officers find a person's data under "Personal data", just before Administration.
        NAVIGATION.insert(-1, NavItem("Personal data", "privacy-people", _officers, "/people/"))
