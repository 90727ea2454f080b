"""The People Zones API: activities and partner initiatives.

The same rules and services as the pages: a person reads only what they may see (anything
else answers 404), panel members log activities for their own zone, officers and the zone's
core team verify them; partner staff submit initiatives, reviewers decide on them. A
refused change answers 400 naming the problem; `zone`, `status`, `organisation` and
`logged_by` are never taken from the request body once a record exists.
"""

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import FileResponse, Http404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from config.domain import DomainError
from governance.models import Organisation
from peoplezones import permissions
from peoplezones.models import (
    Activity,
    ApproachPrinciple,
    Initiative,
    Milestone,
    Objective,
    ResilienceDomain,
    Zone,
)
from peoplezones.selectors import activities as activity_selectors
from peoplezones.selectors import initiatives as initiative_selectors
from peoplezones.services import activities as activity_services
from peoplezones.services import initiatives as initiative_services
from toolkit.models import Method


def _photo_checked(upload):
    try:
        return activity_services.photo_checked(upload)
    except DomainError as error:
        raise serializers.ValidationError(error.message) from error


class ActivitySerializer(serializers.ModelSerializer):
    zone = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Zone.objects.none(),
        help_text="The zone's slug, such as new-parks. Set when the activity is logged; "
        "never changed afterwards.",
    )
    zone_name = serializers.CharField(source="zone.name", read_only=True)
    domains = serializers.ListField(
        child=serializers.ChoiceField(choices=ResilienceDomain.choices),
        source="domain_values",
        allow_empty=False,
        help_text="One or more resilience domains the activity touched.",
    )
    principles = serializers.ListField(
        child=serializers.ChoiceField(choices=ApproachPrinciple.choices),
        source="principle_values",
        required=False,
    )
    organisations = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(), many=True, required=False
    )
    objective = serializers.PrimaryKeyRelatedField(
        queryset=Objective.objects.all(), allow_null=True, required=False
    )
    method = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Method.objects.published(),
        allow_null=True,
        required=False,
        help_text="The slug of the toolkit method it used, such as street-light-audit "
        "(published methods only); null for none.",
        error_messages={"does_not_exist": "Choose a method that is published in the toolkit."},
    )
    method_title = serializers.CharField(source="method.title", read_only=True, default=None)
    photo = serializers.FileField(
        write_only=True,
        required=False,
        allow_null=True,
        help_text="JPEG, PNG or WebP, sent as multipart/form-data; checked by its content.",
    )
    photo_url = serializers.SerializerMethodField()
    logged_by = serializers.CharField(read_only=True)
    verified = serializers.BooleanField(source="is_verified", read_only=True)
    verified_by = serializers.CharField(read_only=True, default=None)
    editable_until = serializers.DateTimeField(source="edit_deadline", read_only=True)

    class Meta:
        model = Activity
        fields = [
            "id",
            "zone",
            "zone_name",
            "title",
            "occurred_on",
            "description",
            "domains",
            "principles",
            "participants",
            "volunteer_hours",
            "in_kind_description",
            "in_kind_value",
            "organisations",
            "other_organisations",
            "objective",
            "method",
            "method_title",
            "photo",
            "photo_url",
            "logged_by",
            "logged_at",
            "verified",
            "verified_by",
            "verified_at",
            "editable_until",
        ]
        read_only_fields = ["logged_at", "verified_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None and request.user.is_authenticated:
            zones = activity_selectors.zones_for_activities(request.user)
            self.fields["zone"].queryset = zones
        if self.instance is not None and not isinstance(self.instance, list | QuerySet):
            # Once logged, an activity stays in its zone.
            self.fields["zone"].read_only = True
            if self.instance.method_id:
                # Kept when the toolkit withdrew it since, as on the page.
                kept = Method.objects.filter(pk=self.instance.method_id)
                self.fields["method"].queryset = Method.objects.published() | kept

    @extend_schema_field(OpenApiTypes.URI)
    def get_photo_url(self, activity) -> str | None:
        if not activity.photo:
            return None
        path = reverse("api-activity-photo", args=[activity.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    def validate_photo(self, upload):
        return _photo_checked(upload) if upload else None

    def details(self) -> activity_services.ActivityDetails:
        """The activity's details: what was sent, over what it says now (for PATCH)."""
        data = dict(self.validated_data)
        known = activity_services.ActivityDetails.__dataclass_fields__
        values = vars(activity_services.ActivityDetails.of(self.instance)) if self.instance else {}
        values.update({name: value for name, value in data.items() if name in known})
        values["domains"] = data.get("domain_values", values.get("domains", []))
        values["principles"] = data.get("principle_values", values.get("principles", []))
        return activity_services.ActivityDetails(**values)


class ActivityFilter(django_filters.FilterSet):
    zone = django_filters.CharFilter(field_name="zone__slug", help_text="The zone's slug.")
    domain = django_filters.ChoiceFilter(
        field_name="domain_links__domain", choices=ResilienceDomain.choices
    )
    principle = django_filters.ChoiceFilter(
        field_name="principle_links__principle", choices=ApproachPrinciple.choices
    )
    month = django_filters.DateFilter(
        method="in_month", input_formats=["%Y-%m"], help_text="A month as YYYY-MM."
    )
    verified = django_filters.BooleanFilter(method="is_verified")

    class Meta:
        model = Activity
        fields = ["zone", "domain", "principle", "month", "verified"]

    def in_month(self, activities, name, value):
        return activities.in_month(value)

    def is_verified(self, activities, name, value):
        return activities.verified(value)


class ActivityViewSet(
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Activities logged by the community panels. Panel members log and list their own
    zone's; officers and board members read every zone's; the core team reads and
    verifies its zone's. Authors may change an entry for a limited time, until verified."""

    serializer_class = ActivitySerializer
    filterset_class = ActivityFilter
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_queryset(self):
        return (
            activity_selectors.activity_list(user=self.request.user)
            .select_related("verified_by")
            .prefetch_related("principle_links", "organisations")
        )

    def perform_create(self, serializer):
        data = serializer.validated_data
        serializer.instance = activity_services.activity_log(
            actor=self.request.user,
            zone=data["zone"],
            details=serializer.details(),
            photo=data.get("photo"),
        )

    def perform_update(self, serializer):
        activity = serializer.instance
        if not permissions.can_edit_activity(self.request.user, activity):
            raise PermissionDenied("Only the panel member who logged an activity can change it.")
        serializer.instance = activity_services.activity_update(
            actor=self.request.user,
            activity=activity,
            details=serializer.details(),
            photo=serializer.validated_data.get("photo"),
        )

    def update(self, request, *args, **kwargs):
        # Refuse before reading the body: a 403, not field errors, for who may not edit.
        if not permissions.can_edit_activity(request.user, self.get_object()):
            raise PermissionDenied("Only the panel member who logged an activity can change it.")
        response = super().update(request, *args, **kwargs)
        # The service saved fresh rows: read the activity again with its links.
        response.data = self.get_serializer(self.get_object()).data
        return response

    def create(self, request, *args, **kwargs):
        response = super().create(request, *args, **kwargs)
        activity = self.get_queryset().get(pk=response.data["id"])
        response.data = self.get_serializer(activity).data
        return response

    @extend_schema(responses={(200, "image/*"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def photo(self, request, pk=None, format=None):
        """The activity's photo (JPEG, PNG or WebP), for those who may see the activity."""
        activity = self.get_object()
        if not activity.photo:
            raise Http404("This activity has no photo.")
        response = FileResponse(activity.photo.open("rb"), content_type=activity.photo_type)
        response["Cache-Control"] = "private, max-age=3600"
        return response

    def perform_content_negotiation(self, request, force=False):
        # A photo answers with the image itself, whatever the client says it accepts.
        return super().perform_content_negotiation(request, force=force or self.action == "photo")

    @extend_schema(request=None, responses=ActivitySerializer)
    @action(detail=True, methods=["post"])
    def verify(self, request, pk=None, format=None):
        """Confirm the activity took place as logged (officers and the zone's core team)."""
        activity = activity_services.activity_verify(actor=request.user, activity=self.get_object())
        return Response(self.get_serializer(self.get_queryset().get(pk=activity.pk)).data)


class PlacementSerializer(serializers.Serializer):
    zone = serializers.SlugField(help_text="One of the initiative's zones, by slug.")
    objective = serializers.IntegerField(help_text="An objective of that zone's delivery plan.")
    milestone = serializers.IntegerField(
        allow_null=True,
        required=False,
        help_text="An existing milestone of that objective; leave out to add a new one.",
    )


class PlacementOutSerializer(serializers.Serializer):
    zone = serializers.CharField(source="zone.slug")
    zone_name = serializers.CharField(source="zone.name")
    objective = serializers.IntegerField(source="objective_id", allow_null=True)
    milestone = serializers.IntegerField(source="milestone_id", allow_null=True)


class InitiativeZonesField(serializers.ManyRelatedField):
    """The initiative's zones by slug, read from its prefetched zone links."""

    def get_attribute(self, instance):
        return [link.zone for link in instance.zone_links.all()]


class InitiativeSerializer(serializers.ModelSerializer):
    zones = InitiativeZonesField(
        child_relation=serializers.SlugRelatedField(
            slug_field="slug", queryset=Zone.objects.filter(status=Zone.Status.ACTIVE)
        ),
        help_text="The active zones it is offered to, by slug.",
    )
    placements = PlacementOutSerializer(source="zone_links", many=True, read_only=True)
    organisation = serializers.CharField(source="organisation.name", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    submitted_by = serializers.CharField(read_only=True)
    reviewer = serializers.CharField(read_only=True, default=None)
    decided_by = serializers.CharField(read_only=True, default=None)

    class Meta:
        model = Initiative
        fields = [
            "id",
            "title",
            "description",
            "audience",
            "resources_offered",
            "cost_to_zone",
            "starts_on",
            "ends_on",
            "contact_name",
            "contact_email",
            "contact_phone",
            "zones",
            "placements",
            "organisation",
            "status",
            "status_label",
            "submitted_by",
            "submitted_at",
            "reviewer",
            "review_started_at",
            "decided_by",
            "decided_at",
            "decision_reason",
            "withdrawn_at",
        ]
        read_only_fields = [
            "status",
            "submitted_at",
            "review_started_at",
            "decided_at",
            "decision_reason",
            "withdrawn_at",
        ]

    def validate(self, data):
        if data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            raise serializers.ValidationError(
                {"ends_on": "The end date must be the same as or after the start date."}
            )
        return data


class InitiativeFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=Initiative.Status.choices)
    zone = django_filters.CharFilter(
        field_name="zone_links__zone__slug", help_text="The zone's slug."
    )

    class Meta:
        model = Initiative
        fields = ["status", "zone"]


class AcceptSerializer(serializers.Serializer):
    placements = PlacementSerializer(many=True)
    note = serializers.CharField(required=False, allow_blank=True)


class DeclineSerializer(serializers.Serializer):
    reason = serializers.CharField()


class InitiativeViewSet(
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Initiatives partner agencies offer to the zones. Partner staff submit them and see
    their own organisation's; officers and the zones' core teams review them: `review`
    takes one under review, then `accept` (into each zone's delivery plan) or `decline`
    (with a reason); the submitting organisation may `withdraw` it before a decision."""

    serializer_class = InitiativeSerializer
    filterset_class = InitiativeFilter

    def get_queryset(self):
        return initiative_selectors.initiative_list(user=self.request.user).select_related(
            "submitted_by", "reviewer", "decided_by"
        )

    def get_object(self):
        # The detail read, with who reviewed and decided and where it sits in the plans.
        self.get_queryset()
        try:
            pk = int(self.kwargs["pk"])
        except ValueError:
            # Not an initiative's number (e.g. /initiatives/x/accept/): was a server error.
            raise Http404 from None
        return initiative_selectors.initiative_get_for_user(self.request.user, pk)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        zones = data.pop("zones")
        serializer.instance = initiative_services.initiative_submit(
            actor=self.request.user,
            zones=zones,
            details=initiative_services.InitiativeDetails(**data),
        )

    def _answer(self, initiative: Initiative) -> Response:
        fresh = initiative_selectors.initiative_get_for_user(self.request.user, initiative.pk)
        return Response(self.get_serializer(fresh).data)

    def _reviewed(self) -> Initiative:
        initiative = self.get_object()
        if not permissions.can_review_initiative(self.request.user, initiative):
            raise PermissionDenied(
                "Only OPCC officers and the zone's core team review initiatives."
            )
        return initiative

    @extend_schema(request=None, responses=InitiativeSerializer)
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None, format=None):
        """Take a submitted initiative under review."""
        initiative = self._reviewed()
        initiative_services.initiative_start_review(actor=request.user, initiative=initiative)
        return self._answer(initiative)

    @extend_schema(request=AcceptSerializer, responses=InitiativeSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None, format=None):
        """Accept an initiative under review into each zone's delivery plan: for every zone,
        an objective of its plan and, optionally, an existing milestone of that objective."""
        initiative = self._reviewed()
        body = AcceptSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        initiative_services.initiative_accept(
            actor=request.user,
            initiative=initiative,
            placements=self._placements(initiative, body.validated_data["placements"]),
            note=body.validated_data.get("note", ""),
        )
        return self._answer(initiative)

    @staticmethod
    def _placements(initiative: Initiative, wanted: list[dict]):
        zones = {link.zone.slug: link.zone for link in initiative.zone_links.all()}
        placements = []
        for item in wanted:
            zone = zones.get(item["zone"])
            if zone is None:
                raise DomainError(
                    f"{item['zone']} is not one of this initiative's zones.", field="placements"
                )
            objective = Objective.objects.filter(pk=item["objective"], zone=zone).first()
            if objective is None:
                raise DomainError(
                    f"Choose an objective of {zone.name}'s delivery plan.", field="placements"
                )
            milestone = None
            if item.get("milestone") is not None:
                milestone = Milestone.objects.filter(
                    pk=item["milestone"], objective=objective
                ).first()
                if milestone is None:
                    raise DomainError(
                        f"Choose a milestone of “{objective}”, or leave it out to add one.",
                        field="placements",
                    )
            placements.append(initiative_services.Placement(zone, objective, milestone))
        return placements

    @extend_schema(request=DeclineSerializer, responses=InitiativeSerializer)
    @action(detail=True, methods=["post"])
    def decline(self, request, pk=None, format=None):
        """Decline an initiative under review, with the reason its organisation will read."""
        initiative = self._reviewed()
        body = DeclineSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        initiative_services.initiative_decline(
            actor=request.user, initiative=initiative, reason=body.validated_data["reason"]
        )
        return self._answer(initiative)

    @extend_schema(request=None, responses=InitiativeSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None, format=None):
        """Withdraw the initiative before a decision (the submitting organisation only)."""
        initiative = self.get_object()
        initiative_services.initiative_withdraw(actor=request.user, initiative=initiative)
        return self._answer(initiative)


def register(router) -> None:
    """Add this part's viewsets to the API router."""
    router.register("activities", ActivityViewSet, basename="api-activity")
    router.register("initiatives", InitiativeViewSet, basename="api-initiative")


urlpatterns: list = []
