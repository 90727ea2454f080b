"""The governance API: issues with their trail and moves, priorities with their routing,
and each receiving body's acknowledgement and reports. The same services and rules as the
pages: what a person may not see answers 404, a refused change 400 naming the problem."""

from django.db.models import Q
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from governance.models import Body, Issue, IssueStep, Priority, PriorityAssignment, PriorityReport
from governance.models.issues import ISSUE_CATEGORIES
from governance.permissions import (
    can_act_for_assignment,
    can_act_on_issue,
    can_set_priority_at,
    can_view_assignment,
    can_view_governance,
    can_view_priority_rollup,
)
from governance.selectors import roles_for
from governance.selectors.issues import issue_list
from governance.selectors.priorities import priority_list
from governance.services import issues as issue_services
from governance.services import priorities as priority_services


class GovernanceReader(BasePermission):
    """Officers and members of any partnership body."""

    def has_permission(self, request, view) -> bool:
        return can_view_governance(request.user)


class BodyRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Body
        fields = ["id", "slug", "name", "level"]


class IssueSerializer(serializers.ModelSerializer):
    body = BodyRefSerializer(read_only=True)
    raised_at = BodyRefSerializer(read_only=True)
    came_from = BodyRefSerializer(read_only=True)
    decided_by_body = BodyRefSerializer(read_only=True)
    raised_by = serializers.CharField(read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    category_label = serializers.CharField(source="get_category_display", read_only=True)
    is_stale = serializers.BooleanField(read_only=True)

    class Meta:
        model = Issue
        fields = [
            "id",
            "title",
            "description",
            "area",
            "category",
            "category_label",
            "urgency",
            "is_confidential",
            "status",
            "status_label",
            "body",
            "raised_at",
            "raised_by",
            "came_from",
            "arrived_at",
            "is_stale",
            "decision",
            "decided_at",
            "decided_by_body",
            "created_at",
        ]


class IssueCreateSerializer(serializers.Serializer):
    body = serializers.PrimaryKeyRelatedField(
        queryset=Body.objects.all(), help_text="The body raising the issue (you must sit on it)."
    )
    title = serializers.CharField(max_length=200)
    description = serializers.CharField()
    area = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    category = serializers.ChoiceField(choices=ISSUE_CATEGORIES)
    urgency = serializers.ChoiceField(choices=Issue.Urgency.choices, default=Issue.Urgency.MEDIUM)
    is_confidential = serializers.BooleanField(default=False)


class IssueStepSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(read_only=True)
    from_body = BodyRefSerializer(read_only=True)
    to_body = BodyRefSerializer(read_only=True)

    class Meta:
        model = IssueStep
        fields = ["id", "action", "actor", "from_body", "to_body", "text", "created_at"]


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(help_text="Why the issue goes up to the parent body.")


class DecisionSerializer(serializers.Serializer):
    decision = serializers.CharField(help_text="The decision, or the direction sent down.")


ISSUE_FILTERS = [
    OpenApiParameter("status", str, enum=["open", "resolved", "all"], description="Default: open"),
    OpenApiParameter("body", int, description="Only issues sitting at this body (id)."),
    OpenApiParameter("category", str),
    OpenApiParameter("stale", bool, description="Only issues waiting too long at one body."),
]


class IssueViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Issues raised at a body and escalated, returned or resolved up the partnership."""

    serializer_class = IssueSerializer
    permission_classes = [GovernanceReader]
    queryset = Issue.objects.none()

    def get_queryset(self):
        params = self.request.query_params
        body_id = params.get("body", "")
        body = Body.objects.filter(pk=body_id).first() if body_id.isdigit() else None
        issues = issue_list(
            roles=roles_for(self.request.user),
            status=params.get("status", "open" if self.action == "list" else "all"),
            body=body,
            category=params.get("category", ""),
            stale=params.get("stale", "").lower() in ("1", "true", "yes"),
        )
        return issues.select_related("came_from", "decided_by_body", "raised_by")

    @extend_schema(parameters=ISSUE_FILTERS)
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(request=IssueCreateSerializer, responses={201: IssueSerializer})
    def create(self, request, *args, **kwargs):
        data = IssueCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        body = fields.pop("body")
        issue = issue_services.issue_raise(actor=request.user, body=body, **fields)
        return Response(IssueSerializer(issue).data, status=status.HTTP_201_CREATED)

    def _move(self, request, service, serializer_class, text_field):
        issue = self.get_object()
        if not can_act_on_issue(request.user, issue):
            raise PermissionDenied(
                f"This issue is at {issue.body}: only its members can act on it."
            )
        data = serializer_class(data=request.data)
        data.is_valid(raise_exception=True)
        text = {text_field: data.validated_data[text_field]}
        moved = service(actor=request.user, issue=issue, **text)
        return Response(IssueSerializer(moved).data)

    @extend_schema(request=ReasonSerializer, responses=IssueSerializer)
    @action(detail=True, methods=["post"])
    def escalate(self, request, pk=None, **kwargs):
        """Send the issue up to the parent of the body it sits at."""
        return self._move(request, issue_services.issue_escalate, ReasonSerializer, "reason")

    @extend_schema(request=DecisionSerializer, responses=IssueSerializer)
    @action(detail=True, methods=["post"])
    def resolve(self, request, pk=None, **kwargs):
        """Close the issue with a decision; the body that raised it is told."""
        return self._move(request, issue_services.issue_resolve, DecisionSerializer, "decision")

    @extend_schema(request=DecisionSerializer, responses=IssueSerializer)
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_(self, request, pk=None, **kwargs):
        """Send the issue back down to the body it came from, with a decision or direction."""
        return self._move(request, issue_services.issue_return, DecisionSerializer, "decision")

    @extend_schema(responses=IssueStepSerializer(many=True))
    @action(detail=True, methods=["get"])
    def trail(self, request, pk=None, **kwargs):
        """Every step of the issue: who did what, when, from which body to which."""
        issue = self.get_object()
        steps = issue.steps.select_related("actor", "from_body", "to_body").order_by(
            "created_at", "pk"
        )
        return Response(IssueStepSerializer(steps, many=True).data)


class PrioritySerializer(serializers.ModelSerializer):
    setting_body = BodyRefSerializer(read_only=True)
    set_by = serializers.CharField(read_only=True)
    theme_label = serializers.CharField(source="get_theme_display", read_only=True)
    assigned = serializers.IntegerField(source="n_assigned", read_only=True)
    acknowledged = serializers.IntegerField(source="n_acknowledged", read_only=True)
    reporting = serializers.IntegerField(source="n_reporting", read_only=True)
    silent_past_deadline = serializers.IntegerField(source="n_silent", read_only=True)

    class Meta:
        model = Priority
        fields = [
            "id",
            "title",
            "description",
            "rationale",
            "theme",
            "theme_label",
            "period_start",
            "period_end",
            "acknowledge_by",
            "setting_body",
            "set_by",
            "status",
            "retired_at",
            "created_at",
            "assigned",
            "acknowledged",
            "reporting",
            "silent_past_deadline",
        ]


class PriorityCreateSerializer(serializers.Serializer):
    setting_body = serializers.PrimaryKeyRelatedField(queryset=Body.objects.all())
    title = serializers.CharField(max_length=200)
    description = serializers.CharField()
    rationale = serializers.CharField()
    theme = serializers.ChoiceField(choices=Priority.Theme.choices, required=False, default="")
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    acknowledge_by = serializers.DateField()
    route_to = serializers.PrimaryKeyRelatedField(
        queryset=Body.objects.all(),
        many=True,
        required=False,
        help_text="Bodies below the setting body to route to. Leave out for every one.",
    )

    def validate(self, data):
        if data["period_end"] < data["period_start"]:
            raise serializers.ValidationError(
                {"period_end": "The period must end after it starts."}
            )
        return data


class PriorityReportSerializer(serializers.ModelSerializer):
    reported_by = serializers.CharField(read_only=True)

    class Meta:
        model = PriorityReport
        fields = ["id", "rag", "text", "reported_by", "created_at"]


class AssignmentSerializer(serializers.ModelSerializer):
    body = BodyRefSerializer(read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    is_overdue = serializers.BooleanField(read_only=True)
    acknowledged_by = serializers.CharField(read_only=True, allow_null=True)

    class Meta:
        model = PriorityAssignment
        fields = [
            "id",
            "priority",
            "body",
            "status",
            "status_label",
            "is_overdue",
            "acknowledged_at",
            "acknowledged_by",
            "response",
            "last_rag",
            "last_reported_at",
        ]


class AcknowledgeSerializer(serializers.Serializer):
    response = serializers.CharField(help_text="What the body will do about the priority.")


class ReportSerializer(serializers.Serializer):
    rag = serializers.ChoiceField(choices=PriorityAssignment.Rag.choices)
    text = serializers.CharField()


class PriorityViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Priorities set at an SOG or SPB and routed to the bodies below."""

    serializer_class = PrioritySerializer
    permission_classes = [GovernanceReader]
    queryset = Priority.objects.none()

    def get_queryset(self):
        status_filter = self.request.query_params.get("status", "")
        return priority_list(
            status=status_filter if status_filter in Priority.Status.values else None,
            theme=self.request.query_params.get("theme", ""),
        ).select_related("set_by")

    @extend_schema(
        parameters=[
            OpenApiParameter("status", str, enum=Priority.Status.values),
            OpenApiParameter("theme", str, enum=Priority.Theme.values),
        ]
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(request=PriorityCreateSerializer, responses={201: PrioritySerializer})
    def create(self, request, *args, **kwargs):
        data = PriorityCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        route_to = fields.pop("route_to", None)
        priority = priority_services.priority_set(
            actor=request.user, route_to=route_to or None, **fields
        )
        return Response(
            PrioritySerializer(self.get_queryset().get(pk=priority.pk)).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(request=None, responses=PrioritySerializer)
    @action(detail=True, methods=["post"])
    def retire(self, request, pk=None, **kwargs):
        """Retire the priority: no more acknowledgements or reports are expected."""
        priority = self.get_object()
        if not can_set_priority_at(request.user, priority.setting_body):
            raise PermissionDenied(
                f"Only OPCC officers and members of {priority.setting_body} can retire it."
            )
        priority_services.priority_retire(actor=request.user, priority=priority)
        return Response(PrioritySerializer(self.get_queryset().get(pk=pk)).data)

    @extend_schema(responses=AssignmentSerializer(many=True))
    @action(detail=True, methods=["get"])
    def assignments(self, request, pk=None, **kwargs):
        """The bodies the priority went to and their answers (all of them for officers,
        board members and the setting body; one's own bodies' for everyone else)."""
        priority = self.get_object()
        assignments = priority.assignments.select_related("priority", "body", "acknowledged_by")
        if not can_view_priority_rollup(request.user, priority):
            assignments = assignments.filter(body_id__in=roles_for(request.user).body_ids)
        assignments = assignments.order_by("-body__level", "body__name")
        return Response(AssignmentSerializer(assignments, many=True).data)


class AssignmentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """One body's answer to one priority: acknowledgement, response and reports. The list
    holds the answers that concern you; any one of them is open to every reader."""

    serializer_class = AssignmentSerializer
    permission_classes = [GovernanceReader]
    queryset = PriorityAssignment.objects.none()

    def get_queryset(self):
        roles = roles_for(self.request.user)
        assignments = PriorityAssignment.objects.select_related(
            "priority", "body", "acknowledged_by"
        ).order_by("priority__acknowledge_by", "pk")
        if self.action != "list":
            # One assignment is open to every governance reader, as its page is
            # (can_view_assignment); only the receiving body's members act on it.
            return assignments
        if not (roles.is_officer or roles.is_board_member):
            # The list is the person's own: their bodies' answers and the answers to the
            # priorities their bodies set.
            ids = list(roles.body_ids)
            assignments = assignments.filter(
                Q(body_id__in=ids) | Q(priority__setting_body_id__in=ids)
            )
        return assignments

    def get_object(self):
        assignment = super().get_object()
        if not can_view_assignment(self.request.user, assignment):
            raise Http404
        return assignment

    def _assignment_to_act_on(self, request):
        """The assignment, if this person may act for its body (403 before reading the body
        of the request otherwise)."""
        assignment = self.get_object()
        if not can_act_for_assignment(request.user, assignment):
            raise PermissionDenied(f"Only members of {assignment.body} can act on its priorities.")
        return assignment

    @extend_schema(request=AcknowledgeSerializer, responses=AssignmentSerializer)
    @action(detail=True, methods=["post"])
    def acknowledge(self, request, pk=None, **kwargs):
        """The body acknowledges the priority and says what it will do."""
        assignment = self._assignment_to_act_on(request)
        data = AcknowledgeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        assignment = priority_services.assignment_acknowledge(
            actor=request.user, assignment=assignment, **data.validated_data
        )
        return Response(AssignmentSerializer(assignment).data)

    @extend_schema(request=ReportSerializer, responses={201: PriorityReportSerializer})
    @action(detail=True, methods=["post"])
    def report(self, request, pk=None, **kwargs):
        """The body reports progress (a RAG status and what has happened)."""
        assignment = self._assignment_to_act_on(request)
        data = ReportSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = priority_services.assignment_report(
            actor=request.user, assignment=assignment, **data.validated_data
        )
        return Response(PriorityReportSerializer(report).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=PriorityReportSerializer(many=True))
    @action(detail=True, methods=["get"])
    def reports(self, request, pk=None, **kwargs):
        """The body's reports on the priority, newest first."""
        reports = self.get_object().reports.select_related("reported_by")
        return Response(PriorityReportSerializer(reports, many=True).data)


def register(router) -> None:
    """Add this part's viewsets to the API router."""
    router.register("issues", IssueViewSet, basename="issue")
    router.register("priorities", PriorityViewSet, basename="priority")
    router.register("priority-assignments", AssignmentViewSet, basename="priority-assignment")


urlpatterns: list = []
