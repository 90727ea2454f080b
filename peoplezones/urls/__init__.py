"""People Zones URLs: each part keeps its own list."""

from peoplezones.urls import activities, zones

urlpatterns = zones.urlpatterns + activities.urlpatterns
