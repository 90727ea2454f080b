"""The dashboard is built from panels: each part of the service adds its own here.

A panel is a template and a function `(request, roles) -> dict | None`; the function reads
what the panel shows (with a fixed number of queries) or returns None when the panel has
nothing for this person. Panels show in the order listed, after the foundation's sections.
"""

from dataclasses import dataclass

from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Panel:
    template: str
    context: str  # dotted path of the function that reads the panel's data


PANELS: list[Panel] = []
PANELS.append(
    Panel("governance/reviews/_panel.html", "governance.selectors.reviews.review_dashboard_panel")
)
# Meetings: the person's next meetings and open actions; for officers, missing minutes.
PANELS += [
    Panel(
        "governance/meetings/_dashboard_panel.html",
        "governance.selectors.meetings.meetings_dashboard_panel",
    ),
    Panel(
        "governance/meetings/_minutes_panel.html",
        "governance.selectors.meetings.minutes_dashboard_panel",
    ),
]

# People Zones whose core team misses an agency or whose plan has late milestones.
PANELS.append(
    Panel(
        "peoplezones/zones/_dashboard_panel.html",
        "peoplezones.views.zone_sections.officer_panel",
    )
)

PANELS += [
    Panel(
        "governance/alignment/_officer_panel.html", "governance.selectors.alignment.officer_panel"
    ),
    Panel(
        "governance/issues/_dashboard_panel.html",
        "governance.selectors.alignment.body_member_panel",
    ),
]

# People Zones activities and initiatives: the panel member's "Log an activity" and latest
# entries; a partner's initiatives and decisions; what waits for officers and core teams.
PANELS += [
    Panel(
        "peoplezones/activities/_dashboard_panel.html",
        "peoplezones.views.activities.panel_member_panel",
    ),
    Panel(
        "peoplezones/initiatives/_dashboard_partner.html",
        "peoplezones.views.initiatives.partner_panel",
    ),
    Panel(
        "peoplezones/initiatives/_dashboard_review.html",
        "peoplezones.views.initiatives.review_panel",
    ),
]


# Evaluation: the latest published board pack for board members and officers.
PANELS.append(Panel("evaluation/_dashboard_panel.html", "evaluation.views.panels.dashboard_panel"))

# Toolkit: methods waiting for review and feedback waiting for moderation, for officers.
PANELS.append(Panel("toolkit/_dashboard_panel.html", "toolkit.views.manage.dashboard_panel"))


def panels_for(request, roles) -> list[dict]:
    """The panels this person sees, each with its template and data."""
    shown = []
    for panel in PANELS:
        data = import_string(panel.context)(request, roles)
        if data is not None:
            shown.append({"template": panel.template, "data": data})
    return shown
