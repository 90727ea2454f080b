"""Full-text search of the toolkit.

On PostgreSQL each method keeps a stored search vector (title weighted A, summary and
keywords B, everything else C, English stemming), refreshed by the services whenever they
save a method and indexed with GIN, so a search reads the index and ranks the hits without
building any vector per row. SQLite has no such thing: there every word of the query must
appear somewhere in the method (roughly stemmed), and hits in the title rank first.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, QuerySet, Value, When

CONFIG = "english"
# Fields searched on SQLite, besides the steps; the same text feeds PostgreSQL's vector.
BODY_FIELDS = [
    "when_to_use",
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
]
SUFFIXES = ("ings", "ing", "ies", "es", "ed", "s")
MAX_TERMS = 8


def on_postgresql() -> bool:
    return connection.vendor == "postgresql"


def body_text(method) -> str:
    """The text of the method outside its title, summary and keywords."""
    steps = [f"{step.title} {step.detail}" for step in method.steps.all()]
    return "\n".join([*(getattr(method, name) for name in BODY_FIELDS), *steps])


def refresh_search_vector(method) -> None:
    """Store the method's search vector (PostgreSQL only; nothing to do on SQLite)."""
    if not on_postgresql():
        return
    vector = (
        SearchVector(Value(method.title), config=CONFIG, weight="A")
        + SearchVector(Value(f"{method.summary} {method.keywords}"), config=CONFIG, weight="B")
        + SearchVector(Value(body_text(method)), config=CONFIG, weight="C")
    )
    type(method).objects.filter(pk=method.pk).update(search_vector=vector)


def search(methods: QuerySet, text: str) -> QuerySet:
    """The methods matching `text`, best match first."""
    text = " ".join(text.split())[:200]
    if not text:
        return methods
    if on_postgresql():
        query = SearchQuery(text, config=CONFIG, search_type="websearch")
        return (
            methods.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "title")
        )
    return _search_sqlite(methods, text)


def stem(word: str) -> str:
    """A rough English stem, enough for "lighting" to find "street light"."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def terms_of(text: str) -> list[str]:
    words = re.findall(r"[\w£']+", text.lower())
    return [stem(word) for word in words if len(word) > 1][:MAX_TERMS]


def _search_sqlite(methods: QuerySet, text: str) -> QuerySet:
    from toolkit.models import MethodStep

    for term in terms_of(text):
        in_steps = MethodStep.objects.filter(
            Q(title__icontains=term) | Q(detail__icontains=term), method=OuterRef("pk")
        )
        anywhere = Q(title__icontains=term) | Q(summary__icontains=term)
        anywhere |= Q(keywords__icontains=term)
        for name in BODY_FIELDS:
            anywhere |= Q(**{f"{name}__icontains": term})
        methods = methods.filter(anywhere | Q(Exists(in_steps)))
    terms = terms_of(text) or [text]
    in_title = Q()
    in_summary = Q()
    for term in terms:
        in_title |= Q(title__icontains=term)
        in_summary |= Q(summary__icontains=term) | Q(keywords__icontains=term)
    rank = Case(
        When(in_title, then=Value(3)),
        When(in_summary, then=Value(2)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return methods.annotate(rank=rank).order_by("-rank", "title")
