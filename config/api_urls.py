"""The API under /api/v1/: each app registers its viewsets on the one router."""

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from governance import api as governance_api

router = DefaultRouter()
router.register("organisations", governance_api.OrganisationViewSet, basename="organisation")

urlpatterns = [
    path("auth/token/", governance_api.ObtainTokenView.as_view(), name="api-token"),
    path("me/", governance_api.MeView.as_view(), name="api-me"),
    path("", include(router.urls)),
]
