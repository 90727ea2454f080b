from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from governance.permissions import is_opcc_officer


class OfficerAdminSite(admin.AdminSite):
    """Admin for OPCC officers; everyone signs in through the service's own login page."""

    site_header = "Partnerships and People Zones: administration"
    site_title = "Administration"
    index_title = "Manage the partnership"

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return user.is_active and (user.is_superuser or is_opcc_officer(user))

    def login(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        if self.has_permission(request):
            return redirect("admin:index")
        if request.user.is_authenticated:
            raise PermissionDenied("Only OPCC officers may use the administration pages.")
        return redirect_to_login(request.GET.get("next") or request.get_full_path())
