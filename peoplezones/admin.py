from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from peoplezones.models import (
    Activity,
    ActivityDomain,
    ActivityPrinciple,
    AmbitionStatement,
    Consultation,
    CoreTeamMember,
    Ingredient,
    Initiative,
    InitiativeZone,
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


# Activities and initiatives: officers correct entries here once their authors' edit window
# has passed. A photo is shown only through the activity's own permission-checked page, and
# an initiative's status moves only through its review workflow, never by hand.


class ActivityDomainInline(admin.TabularInline):
    model = ActivityDomain
    extra = 0


class ActivityPrincipleInline(admin.TabularInline):
    model = ActivityPrinciple
    extra = 0


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ["title", "zone", "occurred_on", "logged_by", "verified_at"]
    list_filter = ["zone", ("verified_at", admin.EmptyFieldListFilter)]
    list_select_related = ["zone", "logged_by"]
    search_fields = ["title", "description"]
    date_hierarchy = "occurred_on"
    autocomplete_fields = ["organisations", "objective"]
    readonly_fields = ["photo_link", "logged_by", "logged_at", "verified_by", "verified_at"]
    exclude = ["photo", "photo_type"]
    inlines = [ActivityDomainInline, ActivityPrincipleInline]

    @admin.display(description="Photo")
    def photo_link(self, activity):
        if not activity.photo:
            return "None"
        url = reverse("activity-photo", args=[activity.pk])
        return format_html('<a href="{}">View the photo</a>', url)


class InitiativeZoneInline(admin.TabularInline):
    model = InitiativeZone
    extra = 0
    autocomplete_fields = ["zone", "objective", "milestone"]


@admin.register(Initiative)
class InitiativeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "organisation", "status", "cost_to_zone", "submitted_at"]
    list_filter = ["status", "organisation"]
    list_select_related = ["organisation"]
    search_fields = ["title", "description", "organisation__name"]
    autocomplete_fields = ["organisation", "submitted_by"]
    readonly_fields = [
        "status",
        "submitted_at",
        "reviewer",
        "review_started_at",
        "decided_by",
        "decided_at",
        "withdrawn_by",
        "withdrawn_at",
    ]
    inlines = [InitiativeZoneInline]
