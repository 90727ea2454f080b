from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from peoplezones.models import (
    AmbitionStatement,
    Consultation,
    CoreTeamMember,
    Ingredient,
    KeyIssue,
    Milestone,
    Objective,
    PanelMembership,
    Workshop,
    Zone,
    ZoneIngredient,
)


class PanelMembershipInline(admin.TabularInline):
    model = PanelMembership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Zone)
class ZoneAdmin(SimpleHistoryAdmin):
    list_display = ["name", "district", "area_type", "csp", "jag", "status", "location"]
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


# Zones' plans. The pages are where this work is done; the admin is for corrections and
# for the list of Braunstone Blues ingredients itself.


@admin.register(Ingredient)
class IngredientAdmin(SimpleHistoryAdmin):
    list_display = ["name", "position", "is_active"]
    list_editable = ["position", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "description"]


@admin.register(ZoneIngredient)
class ZoneIngredientAdmin(SimpleHistoryAdmin):
    list_display = ["ingredient", "zone", "status", "updated_at"]
    list_filter = ["zone", "status"]
    list_select_related = ["ingredient", "zone"]
    search_fields = ["ingredient__name", "zone__name", "evidence"]


@admin.register(Workshop)
class WorkshopAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "zone", "held_on", "attendees"]
    list_filter = ["zone"]
    list_select_related = ["zone"]
    date_hierarchy = "held_on"
    filter_horizontal = ["organisations"]


@admin.register(KeyIssue)
class KeyIssueAdmin(SimpleHistoryAdmin):
    list_display = ["title", "zone", "theme", "status"]
    list_filter = ["zone", "theme", "status"]
    list_select_related = ["zone"]
    search_fields = ["title", "description"]


@admin.register(Consultation)
class ConsultationAdmin(SimpleHistoryAdmin):
    list_display = ["title", "zone", "method", "starts_on", "ends_on", "respondents"]
    list_filter = ["zone", "method"]
    list_select_related = ["zone"]
    filter_horizontal = ["key_issues"]


@admin.register(AmbitionStatement)
class AmbitionStatementAdmin(SimpleHistoryAdmin):
    list_display = ["zone", "version", "status", "consulted_on", "approved_on"]
    list_filter = ["zone", "status"]
    list_select_related = ["zone"]
    # Versions move through their states on the zone's pages, where the rules are kept.
    readonly_fields = ["status", "consulted_on", "approved_on", "approved_by", "superseded_on"]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0
    fields = ["title", "due_on", "status", "owner_person", "owner_organisation", "owner_name"]
    autocomplete_fields = ["owner_person", "owner_organisation"]


@admin.register(Objective)
class ObjectiveAdmin(SimpleHistoryAdmin):
    list_display = ["title", "zone", "theme", "position"]
    list_filter = ["zone", "theme"]
    list_select_related = ["zone"]
    search_fields = ["title"]
    inlines = [MilestoneInline]


@admin.register(Milestone)
class MilestoneAdmin(SimpleHistoryAdmin):
    list_display = ["title", "objective", "due_on", "status"]
    list_filter = ["status", "objective__zone"]
    list_select_related = ["objective"]
    search_fields = ["title", "objective__title"]
    autocomplete_fields = ["owner_person", "owner_organisation"]


@admin.register(CoreTeamMember)
class CoreTeamMemberAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "zone", "role", "organisation"]
    list_filter = ["zone", "role", "organisation__kind"]
    list_select_related = ["zone", "user", "organisation"]
    autocomplete_fields = ["user", "organisation"]
