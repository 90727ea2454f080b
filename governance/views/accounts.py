from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse_lazy

from governance.dashboard import panels_for
from governance.forms.accounts import ChangePasswordForm, SignInForm
from governance.selectors import body_counts_by_level, roles_for
from peoplezones.models import Zone
from peoplezones.selectors import zone_list

DASHBOARD_ZONES = 20


def home(request: HttpRequest) -> HttpResponse:
    """The start page for visitors; each signed-in person's dashboard for their roles."""
    if not request.user.is_authenticated:
        return render(request, "governance/start.html")
    roles = roles_for(request.user)
    context = {"roles": roles}
    # The first few zones here, counted in the database; every zone is on the zones page
    # (hundreds across England and Wales).
    if roles.is_officer:
        context["body_counts"] = body_counts_by_level()
        zones = zone_list()
        context["zones"] = list(zones[:DASHBOARD_ZONES])
        context["zone_count"] = zones.count()
    elif roles.is_partner:
        zones = zone_list(statuses=(Zone.Status.ACTIVE,))
        context["open_zones"] = list(zones[:DASHBOARD_ZONES])
        context["open_zone_count"] = zones.count()
    context["panels"] = panels_for(request, roles)
    return render(request, "governance/dashboard.html", context)


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, "You have signed out.")
        return response


class ChangePasswordView(auth_views.PasswordChangeView):
    form_class = ChangePasswordForm
    template_name = "registration/password_change.html"
    success_url = reverse_lazy("password_change_done")
