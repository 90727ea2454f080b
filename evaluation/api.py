"""The evaluation API: indicators and measurements (read by whoever reads the zone's
evaluation, written by officers and the zone's core team through the same services as the
pages), resilience activity summaries and ambition realisation (read), and published
board packs with their PDF (board members and officers).

People without any evaluation get 403; a zone, indicator or measurement they may not see
answers 404; a refused change answers 400 naming the problem.
"""

import django_filters
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from evaluation.forms.indicators import IndicatorForm
from evaluation.forms.packs import PeriodFilterForm
from evaluation.models import BoardPack, Indicator, Measurement
from evaluation.permissions import (
    can_read_board_reports,
    can_use_evaluation,
    evaluation_zone_ids,
)
from evaluation.selectors.activity import activity_summary
from evaluation.selectors.indicators import indicators_in, progress_of, with_latest
from evaluation.selectors.packs import board_pack_list
from evaluation.selectors.realisation import realisation_for_zones
from evaluation.selectors.zones import evaluation_zone, readable_zones
from evaluation.services import indicators as services
from peoplezones.models import AmbitionStatement, ResilienceDomain


class UsesEvaluation(BasePermission):
    message = "Evaluation is for OPCC officers, board members, core teams and community panels."

    def has_permission(self, request, view) -> bool:
        return can_use_evaluation(request.user)


class ReadsBoardReports(BasePermission):
    message = "Board reports are for board members and officers."

    def has_permission(self, request, view) -> bool:
        return can_read_board_reports(request.user)


# Indicators and measurements ----------------------------------------------------------------


class ProgressSerializer(serializers.Serializer):
    latest_value = serializers.DecimalField(
        max_digits=12, decimal_places=2, source="latest", allow_null=True
    )
    latest_on = serializers.DateField(allow_null=True)
    percent = serializers.IntegerField(
        allow_null=True, help_text="Share of the way from baseline to target, 0 to 100."
    )
    time_elapsed_percent = serializers.IntegerField(source="elapsed_percent")
    rag = serializers.CharField(source="rag.key", help_text="met, green, amber, red or none.")
    rag_label = serializers.CharField(source="rag.label")
    note = serializers.CharField()


class IndicatorSerializer(serializers.ModelSerializer):
    zone = serializers.CharField(source="ambition_statement.zone.slug", read_only=True)
    ambition_statement = serializers.PrimaryKeyRelatedField(
        queryset=AmbitionStatement.objects.none(),
        help_text="The ambition statement version the indicator measures.",
    )
    progress = serializers.SerializerMethodField()

    class Meta:
        model = Indicator
        fields = [
            "id",
            "zone",
            "ambition_statement",
            "name",
            "domain",
            "unit",
            "direction",
            "baseline_value",
            "baseline_on",
            "target_value",
            "target_on",
            "source",
            "description",
            "progress",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            scope = evaluation_zone_ids(request.user)
            statements = AmbitionStatement.objects.select_related("zone")
            if scope is not None:
                statements = statements.filter(zone_id__in=scope)
            self.fields["ambition_statement"].queryset = statements

    @extend_schema_field(ProgressSerializer)
    def get_progress(self, indicator) -> dict:
        return ProgressSerializer(progress_of(indicator, timezone.localdate())).data


class IndicatorFilter(django_filters.FilterSet):
    zone = django_filters.CharFilter(
        field_name="ambition_statement__zone__slug", help_text="The zone's slug."
    )
    domain = django_filters.ChoiceFilter(choices=ResilienceDomain.choices)

    class Meta:
        model = Indicator
        fields = ["zone", "ambition_statement", "domain"]


def _fields(serializer, instance, names) -> dict:
    data = serializer.validated_data
    return {name: data.get(name, getattr(instance, name, None)) for name in names}


INDICATOR_FIELDS = list(IndicatorForm.base_fields)  # the same fields as the page


class IndicatorViewSet(
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """Indicators of the ambition statements, with their progress and RAG status. Officers
    and the zone's core team add and change them."""

    serializer_class = IndicatorSerializer
    permission_classes = [UsesEvaluation]
    filterset_class = IndicatorFilter
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        indicators = indicators_in(evaluation_zone_ids(self.request.user))
        return with_latest(indicators).order_by("ambition_statement__zone__name", "name", "pk")

    def perform_create(self, serializer):
        values = _fields(serializer, None, INDICATOR_FIELDS)
        values["description"] = values["description"] or ""
        serializer.instance = services.indicator_save(actor=self.request.user, **values)

    def perform_update(self, serializer):
        values = _fields(serializer, serializer.instance, INDICATOR_FIELDS)
        services.indicator_save(actor=self.request.user, indicator=serializer.instance, **values)

    def _fresh(self, pk, status=200) -> Response:
        return Response(self.get_serializer(self.get_queryset().get(pk=pk)).data, status=status)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.perform_create(serializer)
        return self._fresh(serializer.instance.pk, 201)

    def update(self, request, *args, **kwargs):
        indicator = self.get_object()
        serializer = self.get_serializer(indicator, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        self.perform_update(serializer)
        return self._fresh(indicator.pk)


class MeasurementSerializer(serializers.ModelSerializer):
    indicator = serializers.PrimaryKeyRelatedField(queryset=Indicator.objects.none())
    entered_by = serializers.CharField(read_only=True)

    class Meta:
        model = Measurement
        fields = [
            "id",
            "indicator",
            "value",
            "measured_on",
            "source",
            "note",
            "entered_by",
            "entered_at",
        ]
        read_only_fields = ["entered_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            indicators = indicators_in(evaluation_zone_ids(request.user))
            self.fields["indicator"].queryset = indicators
        if self.instance is not None and isinstance(self.instance, Measurement):
            self.fields["indicator"].read_only = True  # a reading stays with its indicator


class MeasurementFilter(django_filters.FilterSet):
    zone = django_filters.CharFilter(
        field_name="indicator__ambition_statement__zone__slug", help_text="The zone's slug."
    )

    class Meta:
        model = Measurement
        fields = ["indicator", "zone"]


class MeasurementViewSet(
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """Measurements of the indicators, oldest first. Officers and the zone's core team
    record, correct and remove them."""

    serializer_class = MeasurementSerializer
    permission_classes = [UsesEvaluation]
    filterset_class = MeasurementFilter
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self):
        measurements = Measurement.objects.select_related(
            "indicator__ambition_statement__zone", "entered_by"
        )
        scope = evaluation_zone_ids(self.request.user)
        if scope is not None:
            measurements = measurements.filter(indicator__ambition_statement__zone_id__in=scope)
        return measurements.order_by("indicator", "measured_on", "pk")

    def perform_create(self, serializer):
        data = serializer.validated_data
        serializer.instance = services.measurement_record(
            actor=self.request.user,
            indicator=data["indicator"],
            value=data["value"],
            measured_on=data["measured_on"],
            source=data.get("source", ""),
            note=data.get("note", ""),
        )

    def perform_update(self, serializer):
        values = _fields(
            serializer, serializer.instance, ["value", "measured_on", "source", "note"]
        )
        serializer.instance = services.measurement_update(
            actor=self.request.user, measurement=serializer.instance, **values
        )

    def perform_destroy(self, instance):
        services.measurement_delete(actor=self.request.user, measurement=instance)


# Summaries ------------------------------------------------------------------------------------


class TotalsSerializer(serializers.Serializer):
    activities = serializers.IntegerField()
    participants = serializers.IntegerField()
    volunteer_hours = serializers.DecimalField(max_digits=14, decimal_places=1)
    in_kind_value = serializers.DecimalField(max_digits=14, decimal_places=2)


class RowSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="The domain, principle, organisation id, month or zone.")
    label = serializers.CharField()
    totals = TotalsSerializer()


class SummarySerializer(serializers.Serializer):
    start = serializers.DateField(source="period.start")
    end = serializers.DateField(source="period.end")
    zones = serializers.ListField(
        child=serializers.CharField(), source="zone_slugs", help_text="The zones, by slug."
    )
    totals = TotalsSerializer()
    verified = serializers.IntegerField()
    without_organisation = serializers.IntegerField()
    by_domain = RowSerializer(
        many=True,
        help_text="An activity counts once in each domain it touched and once in the totals.",
    )
    by_principle = RowSerializer(many=True)
    by_organisation = RowSerializer(many=True)
    by_month = RowSerializer(many=True)
    by_zone = RowSerializer(many=True)


SUMMARY_PARAMETERS = [
    OpenApiParameter("zone", str, description="One zone, by slug (default: every zone)."),
    OpenApiParameter("csp", int, description="Only the zones of this partnership (its id)."),
    OpenApiParameter("start", OpenApiTypes.DATE, description="Default: a year ago."),
    OpenApiParameter("end", OpenApiTypes.DATE, description="Default: today."),
]


def _zones_asked(request) -> list:
    slug = request.query_params.get("zone")
    if slug:
        return [evaluation_zone(request.user, slug)]
    zones = readable_zones(request.user)
    csp = request.query_params.get("csp")
    if csp:
        zones = zones.filter(csp_id=csp) if csp.isdigit() else zones.none()
    return list(zones)


class ActivitySummaryViewSet(viewsets.ViewSet):
    """Resilience activity for the zones a person may read and a period: by domain,
    principle, organisation, month and zone, with totals."""

    permission_classes = [UsesEvaluation]

    @extend_schema(parameters=SUMMARY_PARAMETERS, responses=SummarySerializer)
    def list(self, request, format=None):
        filters = PeriodFilterForm(request.query_params or None)
        if filters.is_bound and not filters.is_valid():
            raise serializers.ValidationError(filters.errors)
        summary = activity_summary(zones=_zones_asked(request), period=filters.period())
        return Response(SummarySerializer(summary).data)


class PartSerializer(serializers.Serializer):
    label = serializers.CharField()
    percent = serializers.IntegerField(allow_null=True)
    detail = serializers.CharField()


class RealisedIndicatorSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="indicator.pk")
    name = serializers.CharField(source="indicator.name")
    domain = serializers.CharField(source="indicator.domain")
    percent = serializers.IntegerField(source="progress.percent", allow_null=True)
    rag = serializers.CharField(source="progress.rag.key")


class RealisationSerializer(serializers.Serializer):
    zone = serializers.CharField(source="zone.slug")
    zone_name = serializers.CharField(source="zone.name")
    ambition_statement = serializers.IntegerField(source="statement.pk", allow_null=True)
    ambition_statement_version = serializers.IntegerField(
        source="statement.version", allow_null=True
    )
    realisation_percent = serializers.IntegerField(source="score_percent", allow_null=True)
    parts = PartSerializer(many=True)
    milestones_total = serializers.IntegerField()
    milestones_done = serializers.IntegerField()
    milestones_late = serializers.IntegerField()
    indicators = RealisedIndicatorSerializer(many=True)


class RealisationViewSet(viewsets.ViewSet):
    """How far each zone's current ambition statement is realised (the method is on the
    realisation page): indicator progress, milestones done and objectives served."""

    permission_classes = [UsesEvaluation]

    @extend_schema(
        parameters=[OpenApiParameter("zone", str, description="One zone, by slug.")],
        responses=RealisationSerializer(many=True),
    )
    def list(self, request, format=None):
        realisations = realisation_for_zones(_zones_asked(request))
        return Response(RealisationSerializer(realisations, many=True).data)


# Published board packs -------------------------------------------------------------------------


class BoardPackSerializer(serializers.ModelSerializer):
    scope_label = serializers.CharField(read_only=True)
    csp = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    zone = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    html_url = serializers.SerializerMethodField()

    class Meta:
        model = BoardPack
        fields = [
            "id",
            "title",
            "scope",
            "scope_label",
            "csp",
            "zone",
            "period_start",
            "period_end",
            "status",
            "generated_at",
            "published_at",
            "withdrawn_at",
            "withdrawn_reason",
            "content_hash",
            "html_url",
        ]
        read_only_fields = fields

    def get_html_url(self, pack) -> str:
        request = self.context.get("request")
        return (
            request.build_absolute_uri(pack.get_report_url()) if request else pack.get_report_url()
        )


class BoardPackViewSet(viewsets.ReadOnlyModelViewSet):
    """Board packs as published (and withdrawn ones, kept with the reason): read-only, for
    board members and officers. `pdf` is the PDF exactly as published."""

    serializer_class = BoardPackSerializer
    permission_classes = [ReadsBoardReports]

    def get_queryset(self):
        if self.action == "pdf":
            return BoardPack.objects.for_board()
        return board_pack_list(drafts=False)

    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def pdf(self, request, pk=None, format=None):
        """The pack's PDF, byte for byte as published."""
        from evaluation.views.packs import pdf_response

        pack = self.get_object()
        return pdf_response(pack, bytes(pack.pdf), download=True)

    def perform_content_negotiation(self, request, force=False):
        # The PDF answers with the document itself, whatever the client says it accepts.
        return super().perform_content_negotiation(request, force=force or self.action == "pdf")


def register(router) -> None:
    """Add the evaluation viewsets to the API router."""
    router.register("indicators", IndicatorViewSet, basename="api-indicator")
    router.register("measurements", MeasurementViewSet, basename="api-measurement")
    router.register("activity-summary", ActivitySummaryViewSet, basename="api-activity-summary")
    router.register("realisation", RealisationViewSet, basename="api-realisation")
    router.register("board-packs", BoardPackViewSet, basename="api-board-pack")


urlpatterns: list = []
