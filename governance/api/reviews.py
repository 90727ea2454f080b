"""The governance API: review events with their allocations, spend and in-kind
contributions. Governance viewers read; officers write, through the same services as the
pages, so a refused change answers 400 naming the problem."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.response import Response

from governance.models import (
    Allocation,
    Body,
    InKindContribution,
    Organisation,
    ReviewEvent,
    Spend,
)
from governance.permissions import can_manage_review_events, can_view_review_events
from governance.selectors.reviews import allocations_with_spend, review_events_with_budget
from governance.services import reviews as services
from peoplezones.models import Zone


class ReviewPermission(BasePermission):
    """Read: officers and members of any body. Write: officers."""

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return can_view_review_events(request.user)
        return can_manage_review_events(request.user)


class SpendSerializer(serializers.ModelSerializer):
    class Meta:
        model = Spend
        fields = ["id", "date", "amount", "description"]


class AllocationSerializer(serializers.ModelSerializer):
    recipient = serializers.CharField(read_only=True)
    spent = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True)
    remaining = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True)
    is_overspent = serializers.BooleanField(read_only=True)
    spends = SpendSerializer(many=True, read_only=True)
    body = serializers.PrimaryKeyRelatedField(
        queryset=Body.objects.all(), required=False, allow_null=True
    )
    zone = serializers.PrimaryKeyRelatedField(
        queryset=Zone.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Allocation
        fields = [
            "id",
            "body",
            "zone",
            "recipient",
            "amount",
            "purpose",
            "funding_source",
            "spent",
            "remaining",
            "is_overspent",
            "spends",
        ]


class InKindSerializer(serializers.ModelSerializer):
    organisation = serializers.PrimaryKeyRelatedField(queryset=Organisation.objects.all())
    body = serializers.PrimaryKeyRelatedField(
        queryset=Body.objects.all(), required=False, allow_null=True
    )
    zone = serializers.PrimaryKeyRelatedField(
        queryset=Zone.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = InKindContribution
        fields = ["id", "organisation", "body", "zone", "description", "hours", "estimated_value"]


class ReviewEventSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    allocations = AllocationSerializer(many=True, read_only=True)
    in_kind_contributions = InKindSerializer(many=True, read_only=True)
    budget = serializers.SerializerMethodField()

    class Meta:
        model = ReviewEvent
        fields = [
            "id",
            "period",
            "title",
            "date",
            "venue",
            "status",
            "status_label",
            "direction",
            "invitations_sent_at",
            "pack_compiled_at",
            "budget",
            "allocations",
            "in_kind_contributions",
        ]
        read_only_fields = [
            "period",
            "status",
            "direction",
            "invitations_sent_at",
            "pack_compiled_at",
        ]

    def get_budget(self, event) -> dict:
        from governance.selectors.reviews import review_budget

        budget = review_budget(event)
        return {
            "allocated": f"{budget.allocated:.2f}",
            "spent": f"{budget.spent:.2f}",
            "remaining": f"{budget.remaining:.2f}",
            "in_kind_hours": f"{budget.in_kind_hours:.1f}",
            "in_kind_value": f"{budget.in_kind_value:.2f}",
        }


class StatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=ReviewEvent.Status.choices)
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class ReviewEventViewSet(
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """Bi-annual review events, with their allocations (spend, remaining) and contributions
    in kind. Officers create and change events and add allocations and contributions."""

    serializer_class = ReviewEventSerializer
    permission_classes = [ReviewPermission]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return review_events_with_budget()

    def perform_create(self, serializer):
        data = serializer.validated_data
        serializer.instance = services.review_event_create(
            actor=self.request.user,
            title=data["title"],
            date=data["date"],
            venue=data.get("venue", ""),
        )

    def perform_update(self, serializer):
        event, data = serializer.instance, serializer.validated_data
        services.review_event_update(
            actor=self.request.user,
            event=event,
            title=data.get("title", event.title),
            date=data.get("date", event.date),
            venue=data.get("venue", event.venue),
        )

    def _fresh(self, pk, code=status.HTTP_200_OK) -> Response:
        event = self.get_queryset().get(pk=pk)
        return Response(ReviewEventSerializer(event).data, status=code)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.perform_create(serializer)
        return self._fresh(serializer.instance.pk, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        event = self.get_object()
        serializer = self.get_serializer(event, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        self.perform_update(serializer)
        return self._fresh(event.pk)

    @extend_schema(request=StatusSerializer, responses=ReviewEventSerializer)
    @action(detail=True, methods=["post"], url_path="status")
    def change_status(self, request, pk=None):
        """Move the event: invitations_sent, held, cancelled (with a reason) or planned."""
        event = self.get_object()
        serializer = StatusSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.review_event_transition(
            actor=request.user,
            event=event,
            to=serializer.validated_data["status"],
            reason=serializer.validated_data["reason"],
        )
        return self._fresh(event.pk)

    @extend_schema(request=AllocationSerializer, responses=AllocationSerializer)
    @action(detail=True, methods=["post"])
    def allocations(self, request, pk=None):
        """Add an allocation to a body or a zone (give one of `body` and `zone`)."""
        event = self.get_object()
        serializer = AllocationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        allocation = services.allocation_add(
            actor=request.user, event=event, **serializer.validated_data
        )
        allocation = allocations_with_spend().get(pk=allocation.pk)
        return Response(AllocationSerializer(allocation).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=InKindSerializer, responses=InKindSerializer)
    @action(detail=True, methods=["post"], url_path="in-kind")
    def in_kind(self, request, pk=None):
        """Record a contribution in kind: hours, an estimated value, or both."""
        event = self.get_object()
        serializer = InKindSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        contribution = services.in_kind_record(
            actor=request.user, event=event, **serializer.validated_data
        )
        return Response(InKindSerializer(contribution).data, status=status.HTTP_201_CREATED)


class AllocationViewSet(viewsets.GenericViewSet):
    """Allocations: officers record spend against one."""

    serializer_class = AllocationSerializer
    permission_classes = [ReviewPermission]

    def get_queryset(self):
        return Allocation.objects.all()

    @extend_schema(request=SpendSerializer, responses=SpendSerializer)
    @action(detail=True, methods=["post"])
    def spend(self, request, pk=None):
        """Record spend against the allocation (its event must have been held)."""
        allocation = self.get_object()
        serializer = SpendSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        spend = services.spend_record(
            actor=request.user, allocation=allocation, **serializer.validated_data
        )
        return Response(SpendSerializer(spend).data, status=status.HTTP_201_CREATED)


def register(router) -> None:
    """Add this part's viewsets to the API router."""
    router.register("review-events", ReviewEventViewSet, basename="review-event")
    router.register("review-allocations", AllocationViewSet, basename="review-allocation")


urlpatterns: list = []
