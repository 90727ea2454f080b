"""Reads of people, organisations and bodies."""

from dataclasses import dataclass, field

from django.db.models import Count

from governance.models import Body, Membership, Organisation


@dataclass(frozen=True)
class Roles:
    """What one person is in the partnership, derived from their relations."""

    is_authenticated: bool = False
    organisation: Organisation | None = None
    memberships: tuple[Membership, ...] = ()
    panel_memberships: tuple = field(default=())

    @property
    def is_officer(self) -> bool:
        return self.organisation is not None and self.organisation.is_opcc

    @property
    def is_partner(self) -> bool:
        return self.organisation is not None and not self.organisation.is_opcc

    @property
    def is_body_member(self) -> bool:
        return bool(self.memberships)

    @property
    def is_board_member(self) -> bool:
        return any(m.body.level == Body.Level.SPB for m in self.memberships)

    @property
    def is_panel_member(self) -> bool:
        return bool(self.panel_memberships)

    @property
    def body_ids(self) -> frozenset[int]:
        return frozenset(m.body_id for m in self.memberships)

    @property
    def zone_ids(self) -> frozenset[int]:
        return frozenset(p.zone_id for p in self.panel_memberships)

    @property
    def labels(self) -> list[str]:
        """Names of the roles, as shown to the person themselves."""
        names = []
        if self.is_officer:
            names.append("OPCC officer")
        if self.is_board_member:
            names.append("Board member")
        if self.is_body_member:
            names.append("Body member")
        if self.is_panel_member:
            names.append("Community panel member")
        if self.is_partner:
            names.append("Partner agency staff")
        return names


ANONYMOUS = Roles()


def roles_for(user) -> Roles:
    """The roles of a user, read once per user object (two queries) and then reused."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, "_partnership_roles", None)
    if cached is None:
        from peoplezones.models import PanelMembership

        memberships = Membership.objects.filter(user=user).select_related(
            "body", "body__parent", "organisation"
        )
        panels = PanelMembership.objects.filter(user=user).select_related(
            "zone", "zone__csp", "zone__jag"
        )
        cached = Roles(
            is_authenticated=True,
            organisation=user.organisation,
            memberships=tuple(memberships),
            panel_memberships=tuple(panels),
        )
        user._partnership_roles = cached
    return cached


def body_counts_by_level() -> list[dict]:
    """How many active bodies stand at each level, highest level first."""
    counts = dict(
        Body.objects.filter(is_active=True)
        .values_list("level")
        .annotate(n=Count("id"))
        .values_list("level", "n")
    )
    return [
        {"level": level, "label": level.label, "count": counts.get(level.value, 0)}
        for level in sorted(Body.Level, reverse=True)
    ]
