"""The toolkit in the admin: for corrections only. Officers write, review and publish on the
toolkit's own pages (/toolkit/manage/), where the workflow and the change log live; here
the status and versions cannot be changed, and saving keeps the search index up to date."""

from django.contrib import admin, messages
from simple_history.admin import SimpleHistoryAdmin

from config.domain import DomainError
from toolkit.models import Method, MethodChange, MethodFeedback, MethodStep, MethodTag
from toolkit.search import refresh_search_vector
from toolkit.services import feedback_moderate


class MethodStepInline(admin.TabularInline):
    model = MethodStep
    extra = 0


class MethodTagInline(admin.TabularInline):
    model = MethodTag
    extra = 0


class MethodChangeInline(admin.TabularInline):
    """The change log, to read: nobody may write or rewrite it here."""

    model = MethodChange
    fields = ["at", "action", "actor", "version", "note", "changed_fields"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Method)
class MethodAdmin(SimpleHistoryAdmin):
    list_display = ["title", "status", "version", "revision_of", "updated_at"]
    list_filter = ["status", "evidence_strength", "effort", "cost"]
    search_fields = ["title", "summary", "keywords"]
    list_select_related = ["revision_of"]
    readonly_fields = [
        "status",
        "revision_of",
        "version",
        "first_published_at",
        "published_at",
        "created_at",
        "updated_at",
    ]
    raw_id_fields = ["created_by"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [MethodStepInline, MethodTagInline, MethodChangeInline]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("search_vector")

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        # The steps are saved with the inlines, after the method itself.
        refresh_search_vector(form.instance)


def _moderate(decision: str):
    def action(modeladmin, request, queryset) -> None:
        done = 0
        for feedback in queryset:
            try:
                feedback_moderate(actor=request.user, feedback=feedback, decision=decision)
            except DomainError as error:
                modeladmin.message_user(request, error.message, messages.WARNING)
            else:
                done += 1
        modeladmin.message_user(request, f"{done} piece(s) of feedback {decision}d.")

    action.__name__ = f"{decision}_feedback"
    action.short_description = f"{decision.capitalize()} the selected feedback"
    return action


@admin.register(MethodFeedback)
class MethodFeedbackAdmin(SimpleHistoryAdmin):
    list_display = ["method", "rating", "status", "submitted_at", "zone"]
    list_filter = ["status", "rating"]
    search_fields = ["how_it_went", "would_change", "method__title"]
    list_select_related = ["method", "zone"]
    readonly_fields = ["status", "moderated_by", "moderated_at", "submitted_at", "submitted_by"]
    actions = [_moderate("approve"), _moderate("reject")]
