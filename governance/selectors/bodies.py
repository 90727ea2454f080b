"""Reads of the partnership's bodies by area. An area is one police force area: the tree
under one Strategic Partnership Board (its SOG, county boards, CSPs and JAGs). Every read
here names only the areas or bodies a page shows, so its cost does not grow with the
number of areas in the service."""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, Func, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from governance.models import Body, Membership

# Levels run from 5 (SPB) down to 1 (JAG) and a parent always sits higher, so the top of
# any tree is at most four steps up.
STEPS_TO_TOP = 4
# Bodies to a page: whole area trees packed up to this many (an area of England and Wales
# has about 60 bodies), or a flat list of one level or a search by name.
BODIES_PER_PAGE = 100
FLAT_PER_PAGE = 50


def with_area_root(bodies: QuerySet[Body]) -> QuerySet[Body]:
    """Annotate `area_root_id`: the id of the SPB at the top of each body's tree (the
    highest ancestor found within four steps, or the body itself)."""
    paths = ["__".join(["parent"] * n) for n in range(STEPS_TO_TOP, 0, -1)]
    return bodies.annotate(area_root_id=Coalesce(*paths, "pk"))


def area_roots() -> list[Body]:
    """The top of every area's tree, by area name (one query)."""
    return list(Body.objects.filter(parent__isnull=True).order_by("area", "name", "pk"))


def area_label(root: Body) -> str:
    return root.area or root.name


def bodies_in_area(*, root_id: int | None = None, body_slug: str = "") -> list[Body]:
    """The active bodies of one area, highest level first then by name (one query). The
    area is given by its top (`root_id`) or by the slug of any body in it."""
    if root_id is None:
        inner = with_area_root(Body.objects.filter(slug=body_slug)).values("area_root_id")
        root_filter = Subquery(inner[:1])
    else:
        root_filter = root_id
    bodies = with_area_root(Body.objects.filter(is_active=True)).filter(area_root_id=root_filter)
    return list(bodies.order_by("-level", "name", "pk"))


def area_and_bodies(
    roots: list[Body], *, area_slug: str = "", body_slug: str = ""
) -> tuple[Body | None, list[Body]]:
    """For a filter by area then body: the chosen area (or the area of the chosen body, or
    the only area there is) and its active bodies; no bodies while no area is known. One
    query at most."""
    by_slug = {root.slug: root for root in roots}
    if area_slug in by_slug:
        root = by_slug[area_slug]
        return root, bodies_in_area(root_id=root.pk)
    if body_slug:
        bodies = bodies_in_area(body_slug=body_slug)
        top = next((root for root in roots if bodies and root.pk == bodies[0].area_root_id), None)
        return top, bodies
    if len(roots) == 1:
        return roots[0], bodies_in_area(root_id=roots[0].pk)
    return None, []


def in_area(root: Body) -> QuerySet[Body]:
    """Every body of one area, active or not (for use as a subquery)."""
    return with_area_root(Body.objects.all()).filter(area_root_id=root.pk).values("pk")


def descendants(body: Body) -> QuerySet[Body]:
    """Every body under this one, at any depth (one query when read)."""
    below = Q()
    path = "parent"
    for _ in range(STEPS_TO_TOP):
        below |= Q(**{path: body})
        path += "__parent"
    return Body.objects.filter(below)


def tree_order(bodies: list[Body], *, root_id: int | None = None) -> list[Body]:
    """The bodies each before the ones below it, siblings in the order given; from one
    root when given, else from every body whose parent is not in the list."""
    by_pk = {body.pk: body for body in bodies}
    children: dict[int | None, list[Body]] = {}
    for body in bodies:
        parent = body.parent_id if body.parent_id in by_pk else None
        children.setdefault(parent, []).append(body)
    order: list[Body] = []
    stack = [by_pk[root_id]] if root_id in by_pk else list(reversed(children.get(None, [])))
    while stack:
        body = stack.pop()
        order.append(body)
        stack.extend(reversed(children.get(body.pk, [])))
    return order


@dataclass
class BodyNode:
    """One body on the bodies page, with its next meeting and the bodies below it."""

    body: Body
    next_meeting: object = None
    children: list = field(default_factory=list)


@dataclass
class BodiesPage:
    """What the bodies page shows: whole area trees (or, for one level or a search, a
    flat list), the page of them, and how many bodies match in all."""

    nodes: list[BodyNode]
    page: Page
    count: int
    roots: list[Body]
    flat: bool
    areas: tuple[int, int, int] | None = None  # the first and last shown, of how many


def _shown(bodies: QuerySet[Body]) -> QuerySet[Body]:
    # A count per shown row, rather than a join and GROUP BY over every seat of the area.
    seats = Membership.objects.filter(body=OuterRef("pk")).order_by()
    count = Func("pk", function="COUNT", output_field=IntegerField())
    members = Subquery(seats.annotate(n=count).values("n")[:1])
    return bodies.select_related("parent").annotate(member_count=members)


def bodies_page(
    *,
    roots: list[Body],
    area: Body | None = None,
    level: int | None = None,
    name: str = "",
    page_number: str | int | None = None,
) -> BodiesPage:
    """The bodies page: with no level or name asked for, a page of whole area trees (the
    chosen area's only, when given); else a page of the matching bodies as a flat list.
    Three queries whatever the number of areas and bodies (`roots`: `area_roots()`)."""
    matching = with_area_root(Body.objects.all())
    if area is not None:
        matching = matching.filter(area_root_id=area.pk)
    if level or name:
        return _flat_page(matching, roots, level=level, name=name, page_number=page_number)
    sizes = dict(
        matching.order_by()
        .values("area_root_id")
        .annotate(n=Count("pk"))
        .values_list("area_root_id", "n")
    )
    tops = [root for root in roots if root.pk in sizes]
    page = Paginator(_pack(tops, sizes) or [[]], 1).get_page(page_number)
    ids = [root.pk for root in page.object_list[0]]
    shown = _shown(matching.filter(area_root_id__in=ids)).order_by("-level", "name", "pk")
    # Each area's tree where the area stands on the page (sorted() keeps the order within a
    # tree: highest level first, then by name).
    place = {pk: i for i, pk in enumerate(ids)}
    bodies = sorted(shown, key=lambda body: place[body.area_root_id])
    first = 1 + sum(len(chunk) for chunk in page.paginator.object_list[: page.number - 1])
    areas = (first, first + len(ids) - 1, len(tops))
    return BodiesPage(_nodes(bodies, flat=False), page, sum(sizes.values()), roots, False, areas)


def _pack(tops: list[Body], sizes: dict[int, int]) -> list[list[Body]]:
    """The areas in pages of whole trees, up to BODIES_PER_PAGE bodies a page where they
    fit (an area bigger than that has a page of its own, never cut in two)."""
    pages: list[list[Body]] = []
    room = 0
    for top in tops:
        if pages and sizes[top.pk] <= room:
            pages[-1].append(top)
            room -= sizes[top.pk]
        else:
            pages.append([top])
            room = BODIES_PER_PAGE - sizes[top.pk]
    return pages


def _flat_page(matching, roots, *, level, name, page_number) -> BodiesPage:
    if level:
        matching = matching.filter(level=level)
    if name:
        matching = matching.filter(name__icontains=name)
    ordered = _shown(matching).order_by("area_root_id", "-level", "name", "pk")
    page = Paginator(ordered, FLAT_PER_PAGE).get_page(page_number)
    bodies = list(page.object_list)
    return BodiesPage(_nodes(bodies, flat=True), page, page.paginator.count, roots, True)


def _nodes(bodies: list[Body], *, flat: bool) -> list[BodyNode]:
    from governance.selectors.meetings import next_meetings_by_body  # it reads issues

    meetings = next_meetings_by_body(body_ids=[body.pk for body in bodies])
    nodes = {body.pk: BodyNode(body, meetings.get(body.pk)) for body in bodies}
    if flat:
        return list(nodes.values())
    tops = []
    for body in bodies:
        parent = nodes.get(body.parent_id)
        (parent.children if parent else tops).append(nodes[body.pk])
    return tops
