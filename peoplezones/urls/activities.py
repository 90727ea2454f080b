"""People Zones URLs: activities and partner initiatives."""

from django.urls import path

from peoplezones.views import activities, initiatives

urlpatterns = [
    path("activities/", activities.activity_list, name="activity-list"),
    path(
        "zones/<slug:slug>/activities/",
        activities.zone_activity_list,
        name="zone-activity-list",
    ),
    path("zones/<slug:slug>/activities/new/", activities.activity_create, name="activity-create"),
    path("activities/<int:pk>/", activities.activity_detail, name="activity-detail"),
    path("activities/<int:pk>/edit/", activities.activity_edit, name="activity-edit"),
    path("activities/<int:pk>/verify/", activities.activity_verify_view, name="activity-verify"),
    path("activities/<int:pk>/photo/", activities.activity_photo, name="activity-photo"),
    path("initiatives/", initiatives.initiative_list, name="initiative-list"),
    path("initiatives/new/", initiatives.initiative_create, name="initiative-create"),
    path("initiatives/<int:pk>/", initiatives.initiative_detail, name="initiative-detail"),
    path("initiatives/<int:pk>/review/", initiatives.initiative_review, name="initiative-review"),
    path(
        "initiatives/<int:pk>/accept/",
        initiatives.initiative_accept_view,
        name="initiative-accept",
    ),
    path(
        "initiatives/<int:pk>/decline/",
        initiatives.initiative_decline_view,
        name="initiative-decline",
    ),
    path(
        "initiatives/<int:pk>/withdraw/",
        initiatives.initiative_withdraw_view,
        name="initiative-withdraw",
    ),
]
