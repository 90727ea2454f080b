from django.urls import path

from privacy import views

urlpatterns = [
    path("people/", views.person_search_view, name="privacy-people"),
    path("people/<int:pk>/", views.person_detail_view, name="privacy-person"),
    path("people/<int:pk>/export/", views.person_export_view, name="privacy-person-export"),
    path("people/<int:pk>/erase/", views.person_erase_view, name="privacy-person-erase"),
]
