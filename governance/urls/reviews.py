"""Governance URLs: the bi-annual review events."""

from django.urls import path

from governance.views import reviews as views

urlpatterns = [
    path("reviews/", views.review_event_list_view, name="review-event-list"),
    path("reviews/new/", views.review_event_create, name="review-event-create"),
    path("reviews/<int:pk>/", views.review_event_detail, name="review-event-detail"),
    path("reviews/<int:pk>/edit/", views.review_event_edit, name="review-event-edit"),
    path(
        "reviews/<int:pk>/status/<slug:transition>/",
        views.review_event_status,
        name="review-event-status",
    ),
    path("reviews/<int:pk>/direction/", views.review_direction_record, name="review-direction"),
    path("reviews/<int:pk>/allocations/new/", views.allocation_add, name="review-allocation-add"),
    path("reviews/allocations/<int:pk>/spend/", views.spend_record, name="review-spend-record"),
    path("reviews/<int:pk>/in-kind/new/", views.in_kind_record, name="review-in-kind-add"),
    path("reviews/<int:pk>/pack/", views.review_pack, name="review-event-pack"),
    path("reviews/<int:pk>/pack.pdf", views.review_pack_pdf, name="review-event-pack-pdf"),
    path("reviews/<int:pk>/pack/compile/", views.review_pack_compile, name="review-pack-compile"),
]
