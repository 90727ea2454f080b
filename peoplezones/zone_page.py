"""The zone page is built from sections: each part of People Zones adds its own here.

A section is a template and a function `(request, zone) -> dict | None`; the function
reads what the section shows (with a fixed number of queries, whatever the zone holds) or
returns None when the section has nothing for this person. Sections show in list order.
"""

from dataclasses import dataclass

from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Section:
    template: str
    context: str  # dotted path of the function that reads the section's data


SECTIONS: list[Section] = [
    Section(
        "peoplezones/zones/_section_ambition.html",
        "peoplezones.views.zone_sections.ambition_section",
    ),
    Section("peoplezones/zones/_section_plan.html", "peoplezones.views.zone_sections.plan_section"),
    Section(
        "peoplezones/activities/_zone_section.html", "peoplezones.views.activities.zone_section"
    ),
    Section(
        "peoplezones/zones/_section_core_team.html",
        "peoplezones.views.zone_sections.core_team_section",
    ),
    Section(
        "peoplezones/initiatives/_zone_section.html", "peoplezones.views.initiatives.zone_section"
    ),
    Section(
        "peoplezones/zones/_section_key_issues.html",
        "peoplezones.views.zone_sections.key_issues_section",
    ),
    Section(
        "peoplezones/zones/_section_ingredients.html",
        "peoplezones.views.zone_sections.ingredients_section",
    ),
]

# Evaluation: links to the zone's resilience activity, profile, indicators and realisation.
SECTIONS.append(Section("evaluation/_zone_section.html", "evaluation.views.panels.zone_section"))


def sections_for(request, zone) -> list[dict]:
    """The sections of this zone's page this person sees, each with template and data."""
    shown = []
    for section in SECTIONS:
        data = import_string(section.context)(request, zone)
        if data is not None:
            shown.append({"template": section.template, "data": data})
    return shown
