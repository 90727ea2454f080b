"""People Zones URLs: zones and their plans."""

from django.urls import path

from peoplezones.views import plans, zones

Z = "zones/<slug:slug>/"

urlpatterns = [
    path("zones/", zones.zone_list, name="zone-list"),
    path("zones/new/", zones.zone_create_view, name="zone-create"),
    path(Z, zones.zone_detail, name="zone-detail"),
    path(Z + "edit/", zones.zone_edit, name="zone-edit"),
    path(Z + "status/", zones.zone_status, name="zone-status"),
    # Workshops, key issues, consultations
    path(Z + "workshops/", plans.workshop_list, name="workshop-list"),
    path(Z + "workshops/new/", plans.workshop_edit, name="workshop-create"),
    path(Z + "workshops/<int:pk>/", plans.workshop_detail, name="workshop-detail"),
    path(Z + "workshops/<int:pk>/edit/", plans.workshop_edit, name="workshop-edit"),
    path(Z + "key-issues/", plans.key_issue_list, name="key-issue-list"),
    path(Z + "key-issues/new/", plans.key_issue_edit, name="key-issue-create"),
    path(Z + "key-issues/<int:pk>/edit/", plans.key_issue_edit, name="key-issue-edit"),
    path(Z + "consultations/", plans.consultation_list, name="consultation-list"),
    path(Z + "consultations/new/", plans.consultation_edit, name="consultation-create"),
    path(Z + "consultations/<int:pk>/", plans.consultation_detail, name="consultation-detail"),
    path(Z + "consultations/<int:pk>/edit/", plans.consultation_edit, name="consultation-edit"),
    # The ambition statement and its versions
    path(Z + "ambition/", plans.ambition_list, name="ambition-list"),
    path(Z + "ambition/new/", plans.ambition_create, name="ambition-create"),
    path(Z + "ambition/<int:version>/", plans.ambition_detail, name="ambition-detail"),
    path(Z + "ambition/<int:version>/edit/", plans.ambition_edit, name="ambition-edit"),
    path(
        Z + "ambition/<int:version>/consulted/",
        plans.ambition_consulted,
        name="ambition-consulted",
    ),
    path(Z + "ambition/<int:version>/approve/", plans.ambition_approve, name="ambition-approve"),
    path(Z + "ambition/<int:version>/redraft/", plans.ambition_redraft, name="ambition-redraft"),
    # The delivery plan
    path(Z + "plan/", plans.plan_detail, name="plan-detail"),
    path(Z + "plan/timeline/", plans.plan_timeline, name="plan-timeline"),
    path(Z + "plan/objectives/new/", plans.objective_edit, name="objective-create"),
    path(Z + "plan/objectives/<int:pk>/", plans.objective_detail, name="objective-detail"),
    path(Z + "plan/objectives/<int:pk>/edit/", plans.objective_edit, name="objective-edit"),
    path(
        Z + "plan/objectives/<int:pk>/milestones/new/",
        plans.milestone_create,
        name="milestone-create",
    ),
    path(Z + "plan/milestones/<int:pk>/edit/", plans.milestone_edit, name="milestone-edit"),
    # The core team and the ingredients
    path(Z + "core-team/", plans.core_team_list, name="core-team-list"),
    path(Z + "core-team/new/", plans.core_team_edit, name="core-team-create"),
    path(Z + "core-team/<int:pk>/edit/", plans.core_team_edit, name="core-team-edit"),
    path(Z + "core-team/<int:pk>/remove/", plans.core_team_remove, name="core-team-remove"),
    path(Z + "ingredients/<int:pk>/", plans.ingredient_edit, name="ingredient-edit"),
]
