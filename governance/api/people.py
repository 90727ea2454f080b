from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from governance.models import Membership, Organisation
from governance.selectors import roles_for


class OrganisationSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Organisation
        fields = ["id", "name", "kind", "kind_label"]


class OrganisationViewSet(viewsets.ReadOnlyModelViewSet):
    """The OPCC and its partner organisations."""

    queryset = Organisation.objects.order_by("name")
    serializer_class = OrganisationSerializer
    permission_classes = [IsAuthenticated]


class MembershipSerializer(serializers.ModelSerializer):
    body = serializers.CharField(source="body.name")
    level = serializers.CharField(source="body.short_level")

    class Meta:
        model = Membership
        fields = ["body_id", "body", "level", "role"]


class MeSerializer(serializers.Serializer):
    username = serializers.CharField()
    name = serializers.CharField()
    organisation = OrganisationSerializer(allow_null=True)
    roles = serializers.ListField(child=serializers.CharField())
    memberships = MembershipSerializer(many=True)
    panel_zone_ids = serializers.ListField(child=serializers.IntegerField())


class MeView(APIView):
    """Who the caller is and which roles they hold."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=MeSerializer)
    def get(self, request):
        roles = roles_for(request.user)
        data = {
            "username": request.user.username,
            "name": str(request.user),
            "organisation": roles.organisation,
            "roles": roles.labels,
            "memberships": roles.memberships,
            "panel_zone_ids": sorted(roles.zone_ids),
        }
        return Response(MeSerializer(data).data)


class ObtainTokenView(ObtainAuthToken):
    """Exchange a username and password for an API token (`Authorization: Token …`)."""

    permission_classes = [AllowAny]

    @extend_schema(
        request=inline_serializer(
            "TokenRequest",
            {"username": serializers.CharField(), "password": serializers.CharField()},
        ),
        responses=inline_serializer("TokenResponse", {"token": serializers.CharField()}),
    )
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)
