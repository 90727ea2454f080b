"""Evaluation URLs, under /evaluation/."""

from django.urls import path

from evaluation.views import exports, indicators, packs, summary

urlpatterns = [
    path("", summary.evaluation_home, name="evaluation-home"),
    # Resilience activity, profiles and realisation
    path("summary/", summary.evaluation_summary, name="evaluation-summary"),
    path("realisation/", summary.realisation_list, name="realisation-list"),
    path("zones/<slug:slug>/summary/", summary.zone_summary, name="zone-summary"),
    path("zones/<slug:slug>/profile/", summary.zone_profile, name="zone-profile"),
    path("zones/<slug:slug>/realisation/", summary.zone_realisation, name="zone-realisation"),
    # Indicators and measurements
    path("zones/<slug:slug>/indicators/", indicators.indicator_list, name="indicator-list"),
    path("zones/<slug:slug>/indicators/new/", indicators.indicator_create, name="indicator-create"),
    path("indicators/<int:pk>/", indicators.indicator_detail, name="indicator-detail"),
    path("indicators/<int:pk>/edit/", indicators.indicator_edit, name="indicator-edit"),
    path(
        "indicators/<int:pk>/measurements/new/",
        indicators.measurement_create,
        name="measurement-create",
    ),
    path("measurements/<int:pk>/edit/", indicators.measurement_edit, name="measurement-edit"),
    path("measurements/<int:pk>/delete/", indicators.measurement_delete, name="measurement-delete"),
    # Downloads
    path("export/", exports.export_page, name="evaluation-export"),
    path("export/<slug:dataset>.csv", exports.export_csv, name="evaluation-export-csv"),
    path("export/<slug:dataset>.xlsx", exports.export_xlsx, name="evaluation-export-xlsx"),
    # Board packs (officers) and the reports area (board members and officers)
    path("packs/", packs.board_pack_list_view, name="board-pack-list"),
    path("packs/new/", packs.board_pack_create, name="board-pack-create"),
    path("packs/<int:pk>/", packs.board_pack_detail, name="board-pack-detail"),
    path("packs/<int:pk>/edit/", packs.board_pack_edit, name="board-pack-edit"),
    path("packs/<int:pk>/regenerate/", packs.board_pack_regenerate, name="board-pack-regenerate"),
    path("packs/<int:pk>/publish/", packs.board_pack_publish, name="board-pack-publish"),
    path("packs/<int:pk>/withdraw/", packs.board_pack_withdraw, name="board-pack-withdraw"),
    path("packs/<int:pk>/delete/", packs.board_pack_delete, name="board-pack-delete"),
    path("packs/<int:pk>/pack.pdf", packs.board_pack_pdf, name="board-pack-pdf"),
    path("reports/", packs.board_report_list, name="board-report-list"),
    path("reports/<int:pk>/", packs.board_report_detail, name="board-report-detail"),
    path("reports/<int:pk>/pack.pdf", packs.board_report_pdf, name="board-report-pdf"),
]
