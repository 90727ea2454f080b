from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from peoplezones.models import PanelMembership, Zone


class PanelMembershipInline(admin.TabularInline):
    model = PanelMembership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Zone)
class ZoneAdmin(SimpleHistoryAdmin):
    list_display = ["name", "district", "area_type", "csp", "jag", "status"]
    list_filter = ["status", "area_type"]
    search_fields = ["name", "district"]
    list_select_related = ["csp", "jag"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PanelMembershipInline]


@admin.register(PanelMembership)
class PanelMembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "zone", "is_chair", "joined_on"]
    list_filter = ["zone", "is_chair"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "zone__name"]
    list_select_related = ["user", "zone"]
    autocomplete_fields = ["user", "zone"]
