"""Governance URLs: issues, priorities and the alignment view."""

from django.urls import path

from governance.models import IssueStep
from governance.views import alignment, priorities
from governance.views import issues as views

Action = IssueStep.Action

urlpatterns = [
    path("issues/", views.issue_list_page, name="issue_list"),
    path("issues/<int:pk>/", views.issue_detail, name="issue_detail"),
    path(
        "issues/<int:pk>/escalate/",
        views.issue_move,
        {"action": Action.ESCALATED},
        name="issue_escalate",
    ),
    path(
        "issues/<int:pk>/resolve/",
        views.issue_move,
        {"action": Action.RESOLVED},
        name="issue_resolve",
    ),
    path(
        "issues/<int:pk>/return/",
        views.issue_move,
        {"action": Action.RETURNED},
        name="issue_return",
    ),
    path("bodies/<slug:slug>/issues/new/", views.issue_raise, name="issue_raise"),
    path("priorities/", priorities.priority_list_page, name="priority_list"),
    path("priorities/new/", priorities.priority_choose_body, name="priority_new"),
    path("priorities/new/<slug:slug>/", priorities.priority_set, name="priority_set"),
    path("priorities/<int:pk>/", priorities.priority_detail, name="priority_detail"),
    path("priorities/<int:pk>/retire/", priorities.priority_retire, name="priority_retire"),
    path(
        "priorities/<int:priority_pk>/assignments/<int:pk>/",
        priorities.assignment_detail,
        name="priority_assignment",
    ),
    path(
        "priorities/<int:priority_pk>/assignments/<int:pk>/acknowledge/",
        priorities.assignment_acknowledge,
        name="priority_acknowledge",
    ),
    path(
        "priorities/<int:priority_pk>/assignments/<int:pk>/report/",
        priorities.assignment_report,
        name="priority_report",
    ),
    path("alignment/", alignment.alignment_page, name="alignment"),
]
