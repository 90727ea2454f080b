"""The toolkit API, under /api/v1/toolkit/.

Anyone, signed in or not, reads the published methods (drafts, methods in review,
unpublished methods and revisions never appear) and may send feedback, which stays hidden
until an officer approves it. OPCC officers create drafts, change them, and move them
through review and publication with the same services as the pages: a refused change
answers 400 naming the problem. A published method is changed through a revision on the
officers' pages, so the API refuses to change it in place.
"""

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

from peoplezones.models import ApproachPrinciple, ResilienceDomain, Zone
from toolkit import selectors, services
from toolkit.forms import MethodFilterForm
from toolkit.models import (
    Cost,
    Effort,
    EvidenceStrength,
    Facet,
    GroupSize,
    Method,
    MethodFeedback,
    ProblemType,
    SaraStage,
)
from toolkit.permissions import can_edit_methods

# Field: (facet, its choices, the Method property it reads and writes under)
TAG_FIELDS = {
    "domains": (Facet.DOMAIN, ResilienceDomain, "domain_values"),
    "principles": (Facet.PRINCIPLE, ApproachPrinciple, "principle_values"),
    "problems": (Facet.PROBLEM, ProblemType, "problem_values"),
    "group_sizes": (Facet.GROUP_SIZE, GroupSize, "group_size_values"),
    "sara_stages": (Facet.SARA_STAGE, SaraStage, "sara_stage_values"),
}


class ReadAnyoneWriteOfficers(permissions.BasePermission):
    """Reading is public; writing is for OPCC officers."""

    def has_permission(self, request, view) -> bool:
        return request.method in permissions.SAFE_METHODS or can_edit_methods(request.user)


class StepSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    detail = serializers.CharField(allow_blank=True, required=False, default="")


def _tags_field(name: str) -> serializers.ListField:
    _facet, choices, source = TAG_FIELDS[name]
    return serializers.ListField(
        child=serializers.ChoiceField(choices=choices.choices), source=source, required=False
    )


class MethodSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    steps = StepSerializer(many=True, source="step_list")
    domains = _tags_field("domains")
    principles = _tags_field("principles")
    problems = _tags_field("problems")
    group_sizes = _tags_field("group_sizes")
    sara_stages = _tags_field("sara_stages")
    related = serializers.ListField(
        child=serializers.SlugField(),
        source="related_slugs",
        required=False,
        help_text="Slugs of related methods. Only published ones are listed when reading.",
    )
    evidence_strength = serializers.ChoiceField(choices=EvidenceStrength.choices)
    effort = serializers.ChoiceField(choices=Effort.choices)
    cost = serializers.ChoiceField(choices=Cost.choices)

    class Meta:
        model = Method
        fields = [
            "slug",
            "url",
            "title",
            "summary",
            "when_to_use",
            "steps",
            "people_needed",
            "time_needed",
            "materials",
            "budget",
            "tips",
            "risks",
            "evidence_effect",
            "evidence_mechanism",
            "evidence_moderators",
            "evidence_implementation",
            "evidence_economic_cost",
            "evidence_strength",
            "effort",
            "cost",
            "keywords",
            "domains",
            "principles",
            "problems",
            "group_sizes",
            "sara_stages",
            "related",
            "status",
            "version",
            "published_at",
        ]
        read_only_fields = ["slug", "status", "version", "published_at"]

    def get_url(self, method: Method) -> str:
        request = self.context.get("request")
        path = method.get_absolute_url()
        return request.build_absolute_uri(path) if request else path

    def validate_related(self, slugs: list[str]) -> list[Method]:
        methods = {m.slug: m for m in Method.objects.live().filter(slug__in=slugs)}
        unknown = [slug for slug in slugs if slug not in methods]
        if unknown:
            raise serializers.ValidationError(f"No method has the slug {', '.join(unknown)}.")
        return [methods[slug] for slug in slugs]

    def content(self) -> services.MethodContent:
        """What was sent, over what the method says now (for PATCH)."""
        current = services.MethodContent.of(self.instance) if self.instance else None
        data = self.validated_data
        values = {}
        for name in services.MethodContent.text_fields():
            values[name] = data.get(name, getattr(current, name, ""))
        tags = dict(current.tags) if current else {}
        for facet, _choices, source in TAG_FIELDS.values():
            if source in data:
                tags[facet] = data[source]
        if "step_list" in data:
            steps = [(step["title"], step.get("detail", "")) for step in data["step_list"]]
        else:
            steps = current.steps if current else []
        related = data.get("related_slugs", current.related if current else [])
        return services.MethodContent(**values, tags=tags, steps=steps, related=related)


NOTE = inline_serializer("WorkflowNote", {"note": serializers.CharField(required=False)})


class MethodViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Toolkit methods: published ones for anyone; officers write drafts and publish them.

    Filter the list like the toolkit's pages: `q` (words), and `domain`, `principle`,
    `problem`, `group`, `stage`, `effort`, `cost`, each repeatable.
    """

    serializer_class = MethodSerializer
    permission_classes = [ReadAnyoneWriteOfficers]
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet:
        if self.action in ("list", "retrieve"):
            filters = MethodFilterForm(self.request.query_params or None).filters()
            methods = selectors.method_list(filters=filters, columns=None)
        else:
            # Officers write to any method (never a revision), whatever its status.
            methods = Method.objects.live().defer("search_vector")
        return methods.prefetch_related("steps", "tags", "relations__related")

    def retrieve(self, request, *args, **kwargs) -> Response:
        method = self.get_object()
        data = self.get_serializer(method).data
        feedback = selectors.approved_feedback(method)
        data["feedback"] = {
            "count": feedback.count,
            "average_rating": feedback.average,
            "latest": FeedbackSerializer(feedback.latest, many=True).data,
        }
        usage = selectors.method_usage(method)
        data["usage"] = [
            {"zone": zone.slug, "month": month.strftime("%Y-%m"), "activities": count}
            for zone in (usage.zones if usage else [])
            for month, count in zone.months
        ]
        return Response(data)

    def perform_create(self, serializer) -> None:
        serializer.instance = services.method_create(
            actor=self.request.user, content=serializer.content()
        )

    def perform_update(self, serializer) -> None:
        serializer.instance = services.method_update(
            actor=self.request.user, method=serializer.instance, content=serializer.content()
        )

    def _workflow(self, request, name: str) -> Response:
        method = self.get_object()
        note = str(request.data.get("note", ""))
        method = services.WORKFLOW[name](request.user, method, note)
        method = self.get_queryset().get(pk=method.pk)
        return Response(self.get_serializer(method).data, status=status.HTTP_200_OK)

    @extend_schema(request=NOTE, responses=MethodSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, slug=None) -> Response:
        """Send a draft or an unpublished method for review."""
        return self._workflow(request, "submit")

    @extend_schema(request=NOTE, responses=MethodSerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def return_to_draft(self, request, slug=None) -> Response:
        """Return a method in review to draft; `note` says what needs to change."""
        return self._workflow(request, "return")

    @extend_schema(request=NOTE, responses=MethodSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request, slug=None) -> Response:
        """Publish a method in review; `note`, the change note, is required."""
        return self._workflow(request, "publish")

    @extend_schema(request=NOTE, responses=MethodSerializer)
    @action(detail=True, methods=["post"])
    def unpublish(self, request, slug=None) -> Response:
        """Take a published method off the toolkit; `note` says why."""
        return self._workflow(request, "unpublish")


class FeedbackThrottle(AnonRateThrottle):
    """Feedback from people who are not signed in: a few an hour from one address."""

    scope = "toolkit-feedback"
    rate = "10/hour"


class FeedbackSerializer(serializers.ModelSerializer):
    method = serializers.SlugRelatedField(
        slug_field="slug", queryset=Method.objects.published(), write_only=True
    )
    zone = serializers.SlugRelatedField(
        slug_field="slug", queryset=Zone.objects.all(), required=False, allow_null=True
    )
    rating_label = serializers.CharField(source="get_rating_display", read_only=True)

    class Meta:
        model = MethodFeedback
        fields = [
            "id",
            "method",
            "rating",
            "rating_label",
            "how_it_went",
            "would_change",
            "zone",
            "submitted_at",
            "status",
        ]
        read_only_fields = ["id", "submitted_at", "status"]


class FeedbackViewSet(mixins.CreateModelMixin, viewsets.GenericViewSet):
    """Send feedback on a published method. It is public only once an officer approves
    it: the answer's `status` says `pending` until then."""

    serializer_class = FeedbackSerializer
    permission_classes = [permissions.AllowAny]
    throttle_classes = [FeedbackThrottle]
    queryset = MethodFeedback.objects.none()

    def perform_create(self, serializer) -> None:
        data = serializer.validated_data
        serializer.instance = services.feedback_submit(
            method=data["method"],
            actor=self.request.user,
            details=services.FeedbackDetails(
                rating=data["rating"],
                how_it_went=data["how_it_went"],
                would_change=data.get("would_change", ""),
                zone=data.get("zone"),
            ),
        )


def register(router) -> None:
    """Add the toolkit's viewsets to the API router."""
    router.register("toolkit/methods", MethodViewSet, basename="api-toolkit-method")
    router.register("toolkit/feedback", FeedbackViewSet, basename="api-toolkit-feedback")


urlpatterns: list = []
