"""Toolkit URLs: readable addresses by slug for the public pages, by number for officers'."""

from django.urls import path

from toolkit.views import manage, public

urlpatterns = [
    path("", public.method_list, name="toolkit"),
    path("methods/<slug:slug>/", public.method_detail, name="toolkit-method"),
    path("methods/<slug:slug>/print/", public.method_print, name="toolkit-method-print"),
    path("methods/<slug:slug>.pdf", public.method_pdf, name="toolkit-method-pdf"),
    path("methods/<slug:slug>/feedback/", public.feedback_create, name="toolkit-feedback"),
    path("methods/<slug:slug>/feedback/sent/", public.feedback_sent, name="toolkit-feedback-sent"),
    path("manage/", manage.manage_list, name="toolkit-manage"),
    path("manage/new/", manage.method_create, name="toolkit-method-create"),
    path("manage/<int:pk>/", manage.manage_method, name="toolkit-manage-method"),
    path("manage/<int:pk>/edit/", manage.method_edit, name="toolkit-method-edit"),
    path("manage/<int:pk>/workflow/", manage.method_workflow, name="toolkit-method-workflow"),
    path("manage/<int:pk>/revise/", manage.method_revise, name="toolkit-method-revise"),
    path("manage/<int:pk>/discard/", manage.method_discard, name="toolkit-method-discard"),
    path(
        "manage/<int:pk>/versions/<int:number>/",
        manage.method_version,
        name="toolkit-method-version",
    ),
    path("manage/feedback/", manage.feedback_queue, name="toolkit-feedback-queue"),
    path("manage/feedback/<int:pk>/", manage.feedback_moderate, name="toolkit-feedback-moderate"),
]
