"""The People Zones API: zones, ambition statement versions, objectives and milestones.

The same rules as the pages: a person reads the zones they may see (others answer 404),
the zone's core team and officers write through the same services, the panel chair or an
officer approves, and a refused change answers 400 naming the problem.
"""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from governance.models import Organisation, User
from peoplezones import permissions
from peoplezones.models import AmbitionStatement, KeyIssue, Milestone, Objective, Zone
from peoplezones.selectors.plans import milestones_shown
from peoplezones.selectors.zones import annotated_coverage, zone_list_for_user
from peoplezones.services import plans as services
from peoplezones.templatetags.zone_people import milestone_owner, person_name

ZONE_PARAMETER = OpenApiParameter(
    "zone", str, description="Only this zone's records: the zone's slug, such as new-parks."
)


def _visible_zones(request) -> QuerySet[Zone]:
    return zone_list_for_user(request.user)


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied("You may not change this zone's plans.")


class CoverageSerializer(serializers.Serializer):
    agencies = serializers.DictField(child=serializers.BooleanField())
    needs_local_area_coordinator = serializers.BooleanField()
    has_local_area_coordinator = serializers.BooleanField()
    gaps = serializers.ListField(child=serializers.CharField())


class ZoneSerializer(serializers.ModelSerializer):
    csp_name = serializers.CharField(source="csp.name", read_only=True)
    jag_name = serializers.CharField(source="jag.name", read_only=True, default=None)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    coverage = serializers.SerializerMethodField()
    late_milestones = serializers.IntegerField(source="late_count", read_only=True)

    class Meta:
        model = Zone
        fields = [
            "id",
            "slug",
            "name",
            "area_type",
            "district",
            "csp",
            "csp_name",
            "jag",
            "jag_name",
            "status",
            "status_label",
            "description",
            "location",
            "latitude",
            "longitude",
            "opened_on",
            "closed_on",
            "coverage",
            "late_milestones",
        ]
        read_only_fields = fields

    @extend_schema(responses=CoverageSerializer)
    def get_coverage(self, zone) -> dict:
        coverage = annotated_coverage(zone)
        return {
            "agencies": dict(coverage.agencies),
            "needs_local_area_coordinator": coverage.needs_lac,
            "has_local_area_coordinator": coverage.has_lac,
            "gaps": coverage.gaps,
        }


class ZoneViewSet(viewsets.ReadOnlyModelViewSet):
    """People Zones this person may see, with their core team coverage and late milestones.
    Officers open and close zones on the zone's page."""

    serializer_class = ZoneSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return zone_list_for_user(self.request.user, with_coverage=True)


class ZoneScopedViewSet(viewsets.GenericViewSet):
    """Records of the zones this person may see, optionally of one zone (`?zone=slug`)."""

    zone_path = "zone"

    def scoped(self, queryset: QuerySet) -> QuerySet:
        queryset = queryset.filter(**{f"{self.zone_path}__in": _visible_zones(self.request)})
        slug = self.request.query_params.get("zone")
        if slug:
            queryset = queryset.filter(**{f"{self.zone_path}__slug": slug})
        return queryset

    def zone_of(self, obj) -> Zone:
        return obj.zone if hasattr(obj, "zone") else obj.objective.zone


class AmbitionStatementSerializer(serializers.ModelSerializer):
    zone = serializers.SlugRelatedField(slug_field="slug", queryset=Zone.objects.all())
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    approved_by = serializers.SerializerMethodField()

    class Meta:
        model = AmbitionStatement
        fields = [
            "id",
            "zone",
            "version",
            "status",
            "status_label",
            "text",
            "measures",
            "created_at",
            "consulted_on",
            "approved_on",
            "approved_by",
            "superseded_on",
        ]
        read_only_fields = [
            "version",
            "status",
            "created_at",
            "consulted_on",
            "approved_on",
            "superseded_on",
        ]
        extra_kwargs = {"text": {"required": False}, "measures": {"required": False}}

    def get_approved_by(self, statement) -> str | None:
        show = permissions.can_see_volunteer_names(self.context["request"].user, statement.zone)
        return person_name(statement.approved_by, show) or None

    def validate_zone(self, zone: Zone) -> Zone:
        if self.instance is not None and zone != self.instance.zone:
            raise serializers.ValidationError("A version stays with its zone.")
        return zone


class DateSerializer(serializers.Serializer):
    on = serializers.DateField(help_text="The date it happened (not in the future).")


@extend_schema(parameters=[ZONE_PARAMETER])
class AmbitionStatementViewSet(
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    ZoneScopedViewSet,
):
    """Every version of each zone's ambition statement: draft → consulted → approved, and
    superseded once a later version is approved. Creating one starts a new draft version
    (from the approved words unless `text` is given); only a draft's words change."""

    serializer_class = AmbitionStatementSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return self.scoped(
            AmbitionStatement.objects.select_related("zone", "approved_by__organisation")
        ).order_by("zone__name", "-version")

    def perform_create(self, serializer):
        data = serializer.validated_data
        zone = data["zone"]
        if not permissions.can_view_zone(self.request.user, zone):
            raise serializers.ValidationError({"zone": ["No such zone."]})
        _require(permissions.can_edit_zone_content(self.request.user, zone))
        serializer.instance = services.ambition_draft_start(
            actor=self.request.user, zone=zone, text=data.get("text"), measures=data.get("measures")
        )

    def update(self, request, *args, **kwargs):
        # Refuse before reading the body: a 403, not field errors, for who may not edit.
        _require(permissions.can_edit_zone_content(request.user, self.get_object().zone))
        return super().update(request, *args, **kwargs)

    def perform_update(self, serializer):
        statement = serializer.instance
        _require(permissions.can_edit_zone_content(self.request.user, statement.zone))
        data = serializer.validated_data
        serializer.instance = services.ambition_update(
            actor=self.request.user,
            statement=statement,
            text=data.get("text", statement.text),
            measures=data.get("measures", statement.measures),
        )

    def _move(self, request, service, allowed) -> Response:
        statement = self.get_object()
        _require(allowed(request.user, statement.zone))
        dated = DateSerializer(data=request.data)
        dated.is_valid(raise_exception=True)
        moved = service(actor=request.user, statement=statement, **dated.validated_data)
        return Response(self.get_serializer(moved).data)

    @extend_schema(request=DateSerializer, responses=AmbitionStatementSerializer)
    @action(detail=True, methods=["post"])
    def consulted(self, request, pk=None):
        """Mark a draft as consulted on, on the date given."""
        return self._move(
            request, services.ambition_mark_consulted, permissions.can_edit_zone_content
        )

    @extend_schema(request=DateSerializer, responses=AmbitionStatementSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        """Record the community panel's approval of a consulted version, on the date given:
        it becomes current and the version approved before it is superseded."""
        return self._move(request, services.ambition_approve, permissions.can_approve_ambition)

    @extend_schema(request=None, responses=AmbitionStatementSerializer)
    @action(detail=True, methods=["post"])
    def redraft(self, request, pk=None):
        """Take a consulted version back to draft."""
        statement = self.get_object()
        _require(permissions.can_edit_zone_content(request.user, statement.zone))
        moved = services.ambition_return_to_draft(actor=request.user, statement=statement)
        return Response(self.get_serializer(moved).data)


class MilestoneSerializer(serializers.ModelSerializer):
    objective = serializers.PrimaryKeyRelatedField(queryset=Objective.objects.all())
    shown_status = serializers.SerializerMethodField(
        help_text="The status people see: late once past the due date and not done."
    )
    owner = serializers.SerializerMethodField()
    owner_person = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.all(), required=False, allow_null=True
    )
    owner_organisation = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Milestone
        fields = [
            "id",
            "objective",
            "title",
            "due_on",
            "status",
            "shown_status",
            "owner",
            "owner_person",
            "owner_organisation",
            "owner_name",
            "completed_on",
            "notes",
        ]

    def _show_names(self, milestone) -> bool:
        return permissions.can_see_volunteer_names(
            self.context["request"].user, milestone.objective.zone
        )

    def get_shown_status(self, milestone) -> str:
        return milestone.shown_status_value

    def get_owner(self, milestone) -> str:
        return milestone_owner(milestone, self._show_names(milestone))

    def to_representation(self, milestone):
        data = super().to_representation(milestone)
        if not self._show_names(milestone):
            # A volunteer's account and own words stay with those who may see names.
            person = milestone.owner_person
            if person is not None and not person.organisation_id:
                data["owner_person"] = None
            data["owner_name"], data["notes"] = "", ""
        return data

    def validate_objective(self, objective: Objective) -> Objective:
        if self.instance is not None and objective != self.instance.objective:
            raise serializers.ValidationError("A milestone stays with its objective.")
        return objective


class ObjectiveSerializer(serializers.ModelSerializer):
    zone = serializers.SlugRelatedField(slug_field="slug", queryset=Zone.objects.all())
    key_issues = serializers.PrimaryKeyRelatedField(
        queryset=KeyIssue.objects.all(), many=True, required=False
    )
    milestones = MilestoneSerializer(many=True, read_only=True)

    class Meta:
        model = Objective
        fields = [
            "id",
            "zone",
            "title",
            "description",
            "theme",
            "position",
            "key_issues",
            "milestones",
        ]
        extra_kwargs = {"position": {"required": False}}

    def validate_zone(self, zone: Zone) -> Zone:
        if self.instance is not None and zone != self.instance.zone:
            raise serializers.ValidationError("An objective stays with its zone.")
        return zone


class PlanWritesMixin:
    """Create and change through the plan services, for officers and the zone's core team."""

    def perform_create(self, serializer):
        zone = self.zone_for_new(serializer.validated_data)
        if not permissions.can_view_zone(self.request.user, zone):
            raise serializers.ValidationError({self.zone_field: ["No such zone."]})
        _require(permissions.can_edit_zone_content(self.request.user, zone))
        serializer.instance = self.save(serializer.validated_data, None)

    def update(self, request, *args, **kwargs):
        # Refuse before reading the body: a 403, not field errors, for who may not edit.
        zone = self.zone_of(self.get_object())
        _require(permissions.can_edit_zone_content(request.user, zone))
        return super().update(request, *args, **kwargs)

    def perform_update(self, serializer):
        _require(
            permissions.can_edit_zone_content(self.request.user, self.zone_of(serializer.instance))
        )
        serializer.instance = self.save(serializer.validated_data, serializer.instance)


@extend_schema(parameters=[ZONE_PARAMETER])
class ObjectiveViewSet(
    PlanWritesMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    ZoneScopedViewSet,
):
    """Objectives of each zone's delivery plan, with their milestones."""

    serializer_class = ObjectiveSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]
    zone_field = "zone"

    def get_queryset(self):
        milestones = milestones_shown().select_related("objective__zone")
        return self.scoped(
            Objective.objects.select_related("zone").prefetch_related(
                Prefetch("milestones", queryset=milestones), "key_issues"
            )
        ).order_by("zone__name", "position", "pk")

    def zone_for_new(self, data) -> Zone:
        return data["zone"]

    def save(self, data, objective):
        zone = objective.zone if objective else data["zone"]
        keys = ("title", "description", "theme", "position")
        values = {k: data[k] for k in keys if k in data}
        if objective is not None:
            values = {k: values.get(k, getattr(objective, k)) for k in keys}
        key_issues = data.get("key_issues", objective.key_issues.all() if objective else [])
        return services.objective_save(
            actor=self.request.user,
            zone=zone,
            objective=objective,
            key_issues=list(key_issues),
            **values,
        )


@extend_schema(parameters=[ZONE_PARAMETER])
class MilestoneViewSet(
    PlanWritesMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    ZoneScopedViewSet,
):
    """Milestones of the delivery plans, soonest due first. `shown_status` is late once
    past the due date and not done, even before the daily task has marked it."""

    serializer_class = MilestoneSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]
    zone_path = "objective__zone"
    zone_field = "objective"

    def get_queryset(self):
        return self.scoped(
            milestones_shown().select_related("objective__zone").order_by("due_on", "pk")
        )

    def zone_for_new(self, data) -> Zone:
        return data["objective"].zone

    def save(self, data, milestone):
        fields = (
            "title",
            "due_on",
            "status",
            "owner_person",
            "owner_organisation",
            "owner_name",
            "completed_on",
            "notes",
        )
        values = {k: data[k] for k in fields if k in data}
        if milestone is not None:
            values = {k: values.get(k, getattr(milestone, k)) for k in fields}
        objective = milestone.objective if milestone else data["objective"]
        saved = services.milestone_save(
            actor=self.request.user, objective=objective, milestone=milestone, **values
        )
        return get_object_or_404(self.get_queryset(), pk=saved.pk)


def register(router) -> None:
    """Add this part's viewsets to the API router."""
    # Basenames start "api-" so the API's URL names never meet the pages' ones.
    router.register("zones", ZoneViewSet, basename="api-zone")
    router.register(
        "ambition-statements", AmbitionStatementViewSet, basename="api-ambition-statement"
    )
    router.register("objectives", ObjectiveViewSet, basename="api-objective")
    router.register("milestones", MilestoneViewSet, basename="api-milestone")


urlpatterns: list = []
