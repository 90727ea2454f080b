"""Reads of People Zones: which zones a person may see, and each zone's agency coverage."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from governance.models import Organisation
from governance.selectors import roles_for
from peoplezones import permissions
from peoplezones.models import CoreTeamMember, Milestone, Zone

# Seed para 8: every zone needs these agencies in its core team; a county zone also needs
# its Local Area Co-ordinator (seed para 5.ii).
AGENCIES = (
    Organisation.Kind.LOCAL_AUTHORITY,
    Organisation.Kind.POLICE,
    Organisation.Kind.FIRE,
    Organisation.Kind.HEALTH,
)
LAC_LABEL = "Local Area Co-ordinator"


@dataclass(frozen=True)
class Coverage:
    """Which of the agencies a zone needs are in its core team."""

    agencies: tuple[tuple[str, bool], ...]  # (label, involved)
    needs_lac: bool
    has_lac: bool

    @property
    def gaps(self) -> list[str]:
        missing = [label for label, involved in self.agencies if not involved]
        if self.needs_lac and not self.has_lac:
            missing.append(LAC_LABEL)
        return missing

    @property
    def rows(self) -> list[tuple[str, bool]]:
        """Each need with whether it is met, the co-ordinator last when the zone needs one."""
        rows = list(self.agencies)
        if self.needs_lac:
            rows.append((LAC_LABEL, self.has_lac))
        return rows


def coverage_of(zone: Zone, members) -> Coverage:
    """The zone's coverage from its core team members (already read)."""
    kinds = {m.organisation.kind for m in members if m.organisation_id}
    return Coverage(
        agencies=tuple((kind.label, kind.value in kinds) for kind in AGENCIES),
        needs_lac=zone.is_county,
        has_lac=any(m.role == CoreTeamMember.Role.LOCAL_AREA_COORDINATOR for m in members),
    )


def _coverage_annotations() -> dict:
    team = CoreTeamMember.objects.filter(zone=OuterRef("pk"))
    annotations = {
        f"has_{kind.value}": Exists(team.filter(organisation__kind=kind)) for kind in AGENCIES
    }
    annotations["has_lac"] = Exists(team.filter(role=CoreTeamMember.Role.LOCAL_AREA_COORDINATOR))
    return annotations


def annotated_coverage(zone: Zone) -> Coverage:
    """The coverage of a zone read by `zone_list(with_coverage=True)`."""
    return Coverage(
        agencies=tuple((kind.label, getattr(zone, f"has_{kind.value}")) for kind in AGENCIES),
        needs_lac=zone.is_county,
        has_lac=zone.has_lac,
    )


def _late_count() -> Coalesce:
    today = timezone.localdate()
    late = (
        Milestone.objects.filter(objective__zone=OuterRef("pk"))
        .overdue(today)
        .order_by()
        .values("objective__zone")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(late, output_field=IntegerField()), 0)


def zone_list(
    *, statuses: tuple[str, ...] | None = None, with_coverage: bool = False
) -> QuerySet[Zone]:
    """Zones with their CSP and JAG, optionally only those in the given statuses; with
    coverage, each also carries its agency flags and its count of late milestones."""
    zones = Zone.objects.select_related("csp", "jag")
    if statuses:
        zones = zones.filter(status__in=statuses)
    if with_coverage:
        zones = zones.annotate(**_coverage_annotations(), late_count=_late_count())
    return zones


def zone_list_for_user(user, *, with_coverage: bool = False) -> QuerySet[Zone]:
    """The zones this person may see (see `permissions.can_view_zone`)."""
    zones = zone_list(with_coverage=with_coverage)
    roles = roles_for(user)
    if roles.is_officer or roles.is_board_member:
        return zones
    own = Q(pk__in=roles.zone_ids | permissions.core_team_zone_ids(user))
    if roles.is_partner:
        own |= Q(status=Zone.Status.ACTIVE)
    return zones.filter(own)


def zone_list_filtered_for_user(user, *, status: str = "", search: str = "") -> QuerySet[Zone]:
    """The zones this person may see with their coverage, by name, in this status (any when
    empty) and whose name, district or partnership holds `search`."""
    zones = zone_list_for_user(user, with_coverage=True)
    if status:
        zones = zones.filter(status=status)
    if search:
        named = Q(name__icontains=search) | Q(district__icontains=search)
        zones = zones.filter(named | Q(csp__name__icontains=search))
    return zones.order_by("name", "pk")


def zones_matching(search: str) -> QuerySet[Zone]:
    """Zones with this slug, or with these words in their name."""
    return Zone.objects.filter(Q(slug=search) | Q(name__icontains=search))


ACTIONS = {
    "view": permissions.can_view_zone,
    "edit": permissions.can_edit_zone_content,
    "manage": lambda user, zone: permissions.can_manage_zones(user),
    "approve": permissions.can_approve_ambition,
}


def zone_get_for_user(user, slug: str, *, action: str = "view") -> Zone:
    """The zone with this slug if the person may see it (else 404) and may do `action`
    on it (else 403)."""
    zone = Zone.objects.select_related("csp", "jag").filter(slug=slug).first()
    if zone is None or not permissions.can_view_zone(user, zone):
        raise Http404("No such zone.")
    if not ACTIONS[action](user, zone):
        raise PermissionDenied
    return zone


def zones_with_coverage_gaps() -> list[tuple[Zone, list[str]]]:
    """Proposed and active zones whose core team misses a needed agency, with the gaps."""
    zones = zone_list(statuses=(Zone.Status.PROPOSED, Zone.Status.ACTIVE), with_coverage=True)
    found = [(zone, annotated_coverage(zone).gaps) for zone in zones]
    return [(zone, gaps) for zone, gaps in found if gaps]
