from django.contrib.admin.apps import AdminConfig


class OfficerAdminConfig(AdminConfig):
    """The Django admin, open to OPCC officers (a role that comes from their organisation)."""

    default_site = "config.admin_site.OfficerAdminSite"
