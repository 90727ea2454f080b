"""The API under /api/v1/: each part of each app registers its viewsets on the one router."""

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from evaluation import api as evaluation
from governance.api import issues, meetings, people, reviews
from peoplezones.api import activities, zones
from toolkit import api as toolkit

PARTS = [meetings, issues, reviews, zones, activities, toolkit, evaluation]

router = DefaultRouter()
router.register("organisations", people.OrganisationViewSet, basename="organisation")
for part in PARTS:
    part.register(router)

urlpatterns = [
    path("auth/token/", people.ObtainTokenView.as_view(), name="api-token"),
    path("me/", people.MeView.as_view(), name="api-me"),
    *[pattern for part in PARTS for pattern in part.urlpatterns],
    path("", include(router.urls)),
]
