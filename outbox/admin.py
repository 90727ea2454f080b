"""The outbox in the admin, to read: what background work was asked for, whether it reached
the broker, how often sending failed and why. Rows are written only by outbox.services, so
nothing here adds, changes or deletes one; the one action sends waiting messages now, through
the same drain as the job that runs every minute."""

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.defaultfilters import truncatechars

from outbox.models import Message
from outbox.services import outbox_drain


class StateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("waiting", "Waiting"),
            ("failing", "Waiting, sending failed"),
            ("sent", "Sent"),
        ]

    def queryset(self, request, queryset: QuerySet) -> QuerySet:
        match self.value():
            case "waiting":
                return queryset.filter(sent_at__isnull=True)
            case "failing":
                return queryset.filter(sent_at__isnull=True, attempts__gt=0)
            case "sent":
                return queryset.filter(sent_at__isnull=False)
        return queryset


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["task", "state", "created_at", "sent_at", "attempts", "error"]
    list_filter = [StateFilter, "task"]
    search_fields = ["task", "last_error", "=id"]
    ordering = ["-created_at"]
    fields = ["id", "task", "args", "kwargs", "created_at", "sent_at", "attempts", "last_error"]
    readonly_fields = fields
    actions = ["send_now"]
    # The table keeps a week of sent messages: count the filtered list only.
    show_full_result_count = False

    @admin.display(description="State")
    def state(self, message: Message) -> str:
        return "Sent" if message.sent_at else "Waiting"

    @admin.display(description="Last error")
    def error(self, message: Message) -> str:
        return truncatechars(message.last_error, 80)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_send_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)

    @admin.action(description="Send the selected waiting messages now", permissions=["send"])
    def send_now(self, request: HttpRequest, queryset: QuerySet) -> None:
        chosen = list(queryset.filter(sent_at__isnull=True).values_list("pk", flat=True))
        if not chosen:
            self.message_user(request, "None of the selected messages is waiting.")
            return
        sent = outbox_drain(only=chosen, limit=len(chosen))
        if sent < len(chosen):
            self.message_user(
                request,
                f"Sent {sent} of {len(chosen)}: the broker did not take the rest. They stay "
                "waiting and are sent again by the job that runs every minute.",
                messages.WARNING,
            )
        else:
            self.message_user(request, f"Sent {sent} message{'s' if sent != 1 else ''}.")
