"""Published toolkit methods, written from the toolkit's own methods with varied titles,
each with its steps, its tags and (on PostgreSQL) its search vector."""

from django.utils import timezone
from django.utils.text import slugify

from governance.models import User
from scale.knobs import PREFIX
from scale.people import UNUSABLE
from scale.writer import Writer
from toolkit.content import METHODS
from toolkit.models import Method, MethodStep, MethodTag
from toolkit.search import refresh_search_vector

SETTINGS = [
    "on an estate", "in a market town", "in a village", "with young people",
    "with older residents", "in the city centre", "after dark", "in schools",
    "with businesses", "online", "in a park", "with faith groups", "at the shops",
    "with tenants", "in winter", "with volunteers", "on a budget", "at scale",
    "with the police", "with the council", "for new arrivals", "in Welsh",
    "with carers", "near a school", "by the river", "in the holidays", "for families",
    "with disabled residents", "with students", "with landlords",
]  # fmt: skip
TEXT_FIELDS = [
    "summary", "when_to_use", "people_needed", "time_needed", "materials", "budget", "tips",
    "risks", "evidence_effect", "evidence_mechanism", "evidence_moderators",
    "evidence_implementation", "evidence_economic_cost", "evidence_strength", "effort",
    "cost", "keywords",
]  # fmt: skip


def build(w: Writer, count: int) -> list[int]:
    """The synthetic methods: made if missing, and their ids."""
    existing = list(
        Method.objects.filter(slug__startswith=PREFIX).order_by("pk").values_list("pk", flat=True)
    )
    if existing:
        return existing
    editor = w.add(
        User, username=f"{PREFIX}toolkit-editor", password=UNUSABLE, first_name="Toolkit",
        last_name="Editor", email="toolkit@example.invalid", is_active=True, is_staff=False,
        is_superuser=False, date_joined=w.now,
    )  # fmt: skip
    now = timezone.now()
    ids = []
    for n in range(count):
        base = METHODS[n % len(METHODS)]
        setting = SETTINGS[(n // len(METHODS)) % len(SETTINGS)]
        round_ = n // (len(METHODS) * len(SETTINGS))
        title = f"{base['title']} {setting}" + (f" ({round_ + 1})" if round_ else "")
        pk = w.add(
            Method, title=title[:120], slug=f"{PREFIX}{slugify(title)}"[:120],
            status="published", version=1, first_published_at=now, published_at=now,
            created_by_id=editor, created_at=now,
            **{name: base.get(name, "") for name in TEXT_FIELDS},
        )  # fmt: skip
        for position, (step_title, detail) in enumerate(base["steps"], start=1):
            w.add(MethodStep, method_id=pk, position=position, title=step_title, detail=detail)
        for facet, values in base["tags"].items():
            for value in values:
                w.add(MethodTag, method_id=pk, facet=facet, value=value)
        ids.append(pk)
    w.flush()
    for method in Method.objects.filter(pk__in=ids).prefetch_related("steps"):
        refresh_search_vector(method)
    return ids
