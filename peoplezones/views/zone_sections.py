"""The zone page's sections from the plans part: each reads a fixed number of queries."""

from django.http import HttpRequest

from peoplezones import permissions
from peoplezones.models import Zone
from peoplezones.selectors import plans as selectors
from peoplezones.selectors.zones import coverage_of, zone_list


def _rights(request: HttpRequest, zone: Zone) -> dict:
    return {
        "can_edit": permissions.can_edit_zone_content(request.user, zone),
        "show_names": permissions.can_see_volunteer_names(request.user, zone),
    }


def ambition_section(request: HttpRequest, zone: Zone) -> dict:
    """The current approved ambition statement (one query)."""
    return {"statement": selectors.ambition_current(zone), **_rights(request, zone)}


def plan_section(request: HttpRequest, zone: Zone) -> dict:
    """Delivery-plan progress by objective, and the late milestones (two queries)."""
    rows, overall = selectors.plan_progress(zone)
    late = selectors.late_milestones(zone) if overall.late else []
    return {"objectives": rows, "overall": overall, "late": late, **_rights(request, zone)}


def core_team_section(request: HttpRequest, zone: Zone) -> dict:
    """The core team and which agencies it covers (one query)."""
    members = selectors.core_team_list(zone)
    return {"members": members, "coverage": coverage_of(zone, members), **_rights(request, zone)}


def key_issues_section(request: HttpRequest, zone: Zone) -> dict:
    """The key issues still open or in the plan (one query)."""
    issues = list(selectors.key_issue_list(zone, open_only=True))
    return {"issues": issues, **_rights(request, zone)}


def ingredients_section(request: HttpRequest, zone: Zone) -> dict:
    """The Braunstone Blues ingredients checklist (two queries)."""
    checklist = selectors.ingredient_checklist(zone)
    summary = selectors.ingredient_summary(checklist)
    return {"checklist": checklist, "summary": summary, **_rights(request, zone)}


PANEL_ZONES = 10


def officer_panel(request: HttpRequest, roles) -> dict | None:
    """Dashboard panel for officers: open zones with a coverage gap or late milestones, the
    first few of each with how many there are (one query, of the open zones' names and
    flags only: across England and Wales there are hundreds)."""
    from peoplezones.selectors.zones import AGENCIES, Coverage

    if not roles.is_officer:
        return None
    # Sorted out here rather than filtered in SQL: a filter repeats each zone's six
    # subqueries, and PostgreSQL's estimate then passes its JIT threshold, whose
    # compiling took 400 ms at 43 areas for a query that runs in 25.
    flags = [f"has_{kind.value}" for kind in AGENCIES]
    zones = (
        zone_list(statuses=(Zone.Status.PROPOSED, Zone.Status.ACTIVE), with_coverage=True)
        .order_by("name", "pk")
        .values_list("name", "slug", "area_type", "has_lac", "late_count", *flags, named=True)
    )
    gaps, late = [], []
    for zone in zones:
        coverage = Coverage(
            agencies=tuple((kind.label, getattr(zone, f"has_{kind.value}")) for kind in AGENCIES),
            needs_lac=zone.area_type == Zone.AreaType.COUNTY,
            has_lac=zone.has_lac,
        )
        if coverage.gaps:
            gaps.append((zone, coverage.gaps))
        if zone.late_count:
            late.append(zone)
    return {
        "gaps": gaps[:PANEL_ZONES],
        "gap_count": len(gaps),
        "late": late[:PANEL_ZONES],
        "late_count": len(late),
    }
