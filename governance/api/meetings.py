"""The governance API: bodies, their meetings and the actions meetings agree. The same
services and rules as the pages: confidential agenda items and actions are left out for
whoever may not see them, managing a body's meetings is for officers and its chair,
vice-chair and secretariat, and a refused change answers 400 naming the problem."""

import django_filters
from django.db.models import Prefetch, Q
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from governance.api.issues import GovernanceReader
from governance.models import Action, AgendaItem, Body, Meeting
from governance.permissions import (
    can_manage_meetings_of_body,
    can_see_confidential_of_body,
    can_update_action,
    can_view_governance,
)
from governance.selectors import roles_for
from governance.services import meetings as services


# Bodies ----------------------------------------------------------------------------------
class BodySerializer(serializers.ModelSerializer):
    level_label = serializers.CharField(source="get_level_display", read_only=True)

    class Meta:
        model = Body
        fields = ["id", "name", "slug", "level", "level_label", "parent", "area", "is_active"]


class BodyViewSet(viewsets.ReadOnlyModelViewSet):
    """The partnership's bodies: JAG (1), CSP (2), county board (3), SOG (4), SPB (5)."""

    queryset = Body.objects.order_by("-level", "name")
    serializer_class = BodySerializer
    permission_classes = [GovernanceReader]
    filterset_fields = ["level", "parent", "is_active"]


# Meetings --------------------------------------------------------------------------------
class AgendaItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = AgendaItem
        fields = [
            "id",
            "position",
            "kind",
            "title",
            "detail",
            "presenter",
            "is_confidential",
            "flag",
            "source_key",
            "source_url",
            "minutes",
        ]


class MeetingSerializer(serializers.ModelSerializer):
    body = serializers.PrimaryKeyRelatedField(queryset=Body.objects.all())
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    agenda_items = serializers.SerializerMethodField()

    class Meta:
        model = Meeting
        fields = [
            "id",
            "body",
            "title",
            "starts_at",
            "ends_at",
            "location",
            "online_url",
            "status",
            "status_label",
            "status_reason",
            "minutes",
            "agenda_items",
        ]
        read_only_fields = ["status", "status_reason", "minutes"]

    @extend_schema_field(AgendaItemSerializer(many=True))
    def get_agenda_items(self, meeting: Meeting) -> list[dict]:
        user = self.context["request"].user
        items = meeting.agenda_items.all()
        if not can_see_confidential_of_body(user, meeting.body):
            items = [item for item in items if not item.is_confidential]
        return AgendaItemSerializer(items, many=True).data

    def validate(self, data):
        if self.instance is not None and data.get("body", self.instance.body) != self.instance.body:
            raise serializers.ValidationError({"body": "A meeting cannot move to another body."})
        return data


class MeetingStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Meeting.Status.choices)
    reason = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Needed to cancel."
    )


class MeetingFilter(django_filters.FilterSet):
    starts_after = django_filters.IsoDateTimeFilter(field_name="starts_at", lookup_expr="gte")
    starts_before = django_filters.IsoDateTimeFilter(field_name="starts_at", lookup_expr="lt")

    class Meta:
        model = Meeting
        fields = ["body", "status"]


MEETING_FIELDS = ("title", "starts_at", "ends_at", "location", "online_url")


class MeetingViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Meetings of the bodies, latest first, with their agenda. Officers and a body's chair,
    vice-chair and secretariat schedule and change its meetings."""

    serializer_class = MeetingSerializer
    permission_classes = [GovernanceReader]
    filterset_class = MeetingFilter
    queryset = Meeting.objects.select_related("body").prefetch_related(
        Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position", "pk"))
    )

    def _check_manager(self, body: Body) -> None:
        if not can_manage_meetings_of_body(self.request.user, body):
            raise PermissionDenied(
                "Only officers and the body's chair, vice-chair or secretariat manage its meetings."
            )

    def perform_create(self, serializer):
        data = serializer.validated_data
        self._check_manager(data["body"])
        values = {name: data[name] for name in MEETING_FIELDS if name in data}
        serializer.instance = services.meeting_create(
            actor=self.request.user, body=data["body"], **values
        )

    def update(self, request, *args, **kwargs):
        # Refuse someone who may not manage the body before reading what they sent: a 403,
        # not the field errors of a change they could never make.
        self._check_manager(self.get_object().body)
        return super().update(request, *args, **kwargs)

    def perform_update(self, serializer):
        meeting = serializer.instance
        self._check_manager(meeting.body)
        changes = {n: v for n, v in serializer.validated_data.items() if n in MEETING_FIELDS}
        serializer.instance = services.meeting_update(
            actor=self.request.user, meeting=meeting, **changes
        )

    @extend_schema(request=MeetingStatusSerializer, responses=MeetingSerializer)
    @action(detail=True, methods=["post"], url_path="status")
    def change_status(self, request, pk=None):
        """Mark the meeting held, cancel it (with a reason) or reinstate it."""
        meeting = self.get_object()
        self._check_manager(meeting.body)
        move = MeetingStatusSerializer(data=request.data)
        move.is_valid(raise_exception=True)
        services.meeting_transition(
            actor=request.user,
            meeting=meeting,
            to_status=move.validated_data["status"],
            reason=move.validated_data["reason"],
        )
        return Response(self.get_serializer(self.get_queryset().get(pk=meeting.pk)).data)


# Actions ---------------------------------------------------------------------------------
class ActionSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    owner_label = serializers.CharField(read_only=True)
    is_overdue = serializers.BooleanField(read_only=True)

    class Meta:
        model = Action
        fields = [
            "id",
            "body",
            "meeting",
            "agenda_item",
            "description",
            "owner_person",
            "owner_organisation",
            "owner_label",
            "due_date",
            "status",
            "status_label",
            "progress",
            "is_confidential",
            "is_overdue",
            "completed_at",
        ]
        read_only_fields = [f for f in fields if f not in ("status", "progress")]


class ActionUpdateSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Action.Status.choices)
    progress = serializers.CharField(required=False, allow_blank=True)


class ActionFilter(django_filters.FilterSet):
    overdue = django_filters.BooleanFilter(method="filter_overdue", label="Only overdue actions")

    class Meta:
        model = Action
        fields = ["body", "meeting", "status", "owner_person", "owner_organisation"]

    def filter_overdue(self, queryset, name, value):
        overdue = Action.objects.overdue().values("pk")
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)


class ActionViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Actions agreed at meetings, soonest due first. Their owner and whoever manages the
    body's meetings update their status and progress (PATCH)."""

    serializer_class = ActionSerializer
    permission_classes = [IsAuthenticated]
    filterset_class = ActionFilter
    http_method_names = ["get", "patch", "head", "options"]
    queryset = Action.objects.none()

    def get_queryset(self):
        user = self.request.user
        actions = Action.objects.select_related("body", "owner_person", "owner_organisation")
        roles = roles_for(user)
        if not can_view_governance(user):
            # Owners without a seat anywhere see only their own actions.
            return actions.filter(owner_person=user).order_by("due_date", "pk")
        if not (roles.is_officer or roles.is_board_member):
            actions = actions.filter(Q(is_confidential=False) | Q(body_id__in=roles.body_ids))
        return actions.order_by("due_date", "pk")

    @extend_schema(request=ActionUpdateSerializer, responses=ActionSerializer)
    def partial_update(self, request, *args, **kwargs):
        """Move the action on (open, in_progress, done, dropped) and note progress."""
        current = self.get_object()
        if not can_update_action(request.user, current):
            raise PermissionDenied("Only the owner and the body's managers update an action.")
        update = ActionUpdateSerializer(data=request.data)
        update.is_valid(raise_exception=True)
        updated = services.action_update(
            actor=request.user,
            action=current,
            status=update.validated_data["status"],
            progress=update.validated_data.get("progress"),
        )
        return Response(self.get_serializer(updated).data)


def register(router) -> None:
    """Add this part's viewsets to the API router."""
    router.register("bodies", BodyViewSet, basename="body")
    router.register("meetings", MeetingViewSet, basename="meeting")
    router.register("actions", ActionViewSet, basename="action")


urlpatterns: list = []
