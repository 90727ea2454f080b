"""Demo data: the toolkit's ten published methods, one draft, and feedback on them.

Safe to run again: a method that exists is left as it is (officers may have changed it),
and feedback already given is not given twice. Adds `methods` (slug → Method) to `state`,
for loaders that link activities to the method they used.
"""

from governance.models import User
from peoplezones.models import Zone
from toolkit.content import DRAFTS, METHODS
from toolkit.models import Method, MethodFeedback
from toolkit.services import (
    FeedbackDetails,
    MethodContent,
    feedback_moderate,
    feedback_submit,
    method_create,
    method_publish,
    method_submit,
    method_update,
)

FIRST_NOTE = "First version for the People Zones toolkit."

# (method slug, zone slug or None, rating, how it went, what they would change, decision)
FEEDBACK = [
    (
        "street-light-audit",
        "new-parks",
        5,
        "Six of us walked the estate on a November evening with the council's lighting "
        "officer. We found eleven lights out and four hidden by trees. Nine were fixed within "
        "a fortnight and the path by the shops feels completely different.",
        "Ask the council for the column numbers before the walk: it made reporting quick.",
        "approve",
    ),
    (
        "street-light-audit",
        "coalville",
        4,
        "Useful and quick. Most faults were fixed within a month, but the dark corner behind "
        "the car park is private land and the owner has not replied yet.",
        "Find out who owns each unlit bit of land before you start.",
        "approve",
    ),
    (
        "community-walkabout",
        "bell-foundry-estate",
        4,
        "Residents led the route and showed the housing officer places he had never seen. The "
        "fly-tipping hotspot was cleared the next week.",
        "Do a second walk in the evening: the problems there are different.",
        "approve",
    ),
    (
        "pact-meeting",
        "new-parks",
        3,
        "Good report back from the police, but only twelve people came and most were the "
        "same people as last time.",
        "Run an online vote on the priorities as well as the meeting.",
        "approve",
    ),
    (
        "asset-mapping",
        None,
        4,
        "We found three groups using the same hall on different days who had never met. They "
        "now run a joint summer event.",
        "",
        None,
    ),
    (
        "sara",
        "coalville",
        2,
        "We jumped to a response before we had looked at the data properly, so this did not "
        "work for us the first time.",
        "Give the analysis stage more time, as the guide says.",
        None,
    ),
]


def _content(data: dict, related: list[Method]) -> MethodContent:
    values = {name: data[name] for name in MethodContent.text_fields()}
    return MethodContent(**values, tags=data["tags"], steps=data["steps"], related=related)


def _related(data: dict, methods: dict[str, Method]) -> list[Method]:
    return [methods[slug] for slug in data["related"] if slug in methods]


def load(state: dict) -> None:
    """Load the toolkit's methods and feedback (safe to run again)."""
    officer = User.objects.get(username="officer")
    methods = {m.slug: m for m in Method.objects.live()}
    new = []
    for data in [*METHODS, *DRAFTS]:
        if data["slug"] not in methods:
            content = _content(data, [])
            method = method_create(actor=officer, content=content, slug=data["slug"])
            methods[method.slug] = method
            new.append((method, data))
    # Related methods can only be set once they all exist.
    for method, data in new:
        content = _content(data, _related(data, methods))
        method = method_update(actor=officer, method=method, content=content)
        if data not in DRAFTS:
            method = method_submit(actor=officer, method=method)
            method = method_publish(actor=officer, method=method, note=FIRST_NOTE)
        methods[method.slug] = method
    _load_feedback(officer, methods)
    state["methods"] = methods


def _load_feedback(officer: User, methods: dict[str, Method]) -> None:
    zones = {zone.slug: zone for zone in Zone.objects.all()}
    for slug, zone, rating, how, change, decision in FEEDBACK:
        method = methods.get(slug)
        if method is None or not method.is_published:
            continue
        if MethodFeedback.objects.filter(method=method, how_it_went=how).exists():
            continue
        details = FeedbackDetails(
            rating=rating, how_it_went=how, would_change=change, zone=zones.get(zone or "")
        )
        feedback = feedback_submit(method=method, details=details)
        if decision:
            feedback_moderate(actor=officer, feedback=feedback, decision=decision)
