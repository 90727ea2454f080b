"""Evaluation in the officers' admin: for corrections. Indicators and packs are kept through
their pages; a published pack's stored documents are shown, never edited."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from evaluation.models import BoardPack, Indicator, Measurement
from evaluation.services.packs import generate


class MeasurementInline(admin.TabularInline):
    model = Measurement
    extra = 0
    fields = ["measured_on", "value", "source", "note", "entered_by"]
    autocomplete_fields = ["entered_by"]


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "ambition_statement", "domain", "unit", "direction"]
    list_filter = ["domain", "direction", "ambition_statement__zone"]
    search_fields = ["name", "source", "ambition_statement__zone__name"]
    list_select_related = ["ambition_statement__zone"]
    autocomplete_fields = ["created_by"]
    raw_id_fields = ["ambition_statement"]
    inlines = [MeasurementInline]


@admin.register(Measurement)
class MeasurementAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "measured_on", "value", "entered_by"]
    list_filter = ["indicator__ambition_statement__zone"]
    search_fields = ["indicator__name", "note"]
    list_select_related = ["indicator", "entered_by"]
    autocomplete_fields = ["entered_by"]
    raw_id_fields = ["indicator"]
    date_hierarchy = "measured_on"


@admin.register(BoardPack)
class BoardPackAdmin(SimpleHistoryAdmin):
    list_display = ["title", "scope", "period_start", "period_end", "status", "published_at"]
    list_filter = ["status", "scope"]
    search_fields = ["title"]
    list_select_related = ["csp", "zone"]
    readonly_fields = [
        "status",
        "generated_at",
        "content_hash",
        "published_by",
        "published_at",
        "withdrawn_by",
        "withdrawn_at",
        "withdrawn_reason",
        "created_by",
    ]
    exclude = ["content_html", "pdf"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("content_html", "pdf")

    def has_change_permission(self, request, obj=None) -> bool:
        # What the board saw never changes: published and withdrawn packs are read-only.
        if obj is not None and not obj.is_draft:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        if obj is not None and not obj.is_draft:
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change) -> None:
        if obj.is_draft:
            if not change:
                obj.created_by = request.user
            generate(obj)
        super().save_model(request, obj, form, change)
