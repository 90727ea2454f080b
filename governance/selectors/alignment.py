"""Reads for the alignment view: the whole partnership tree and, for each body, what waits
there and what it waits for, in a fixed number of queries however many bodies there are.

The tree is read as light tuples (no model rows); only the bodies on the page are read as
bodies, each with its counts, so a page costs the same whether the partnership has six
bodies or thousands. The totals over every listed body are aggregates in the database."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from typing import NamedTuple

from django.core.paginator import Paginator
from django.db.models import Count, F, Func, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.expressions import Star
from django.utils import timezone

from governance.models import Action, Body, Issue, PriorityAssignment
from governance.models.issues import stale_cutoff


class Node(NamedTuple):
    """One active body's place in the tree, without reading the whole body."""

    pk: int
    parent_id: int | None
    level: int
    name: str
    area: str


def active_bodies() -> dict[int, Node]:
    """Every active body by id, highest level first, then by name (one query)."""
    rows = (
        Body.objects.filter(is_active=True)
        .order_by("-level", "name")
        .values_list("pk", "parent_id", "level", "name", "area")
    )
    return {row[0]: Node(*row) for row in rows}


def tree_order(bodies: dict, *, root_id: int | None = None) -> list[tuple[int, int]]:
    """The bodies in tree order (each body before the bodies below it), each with how far
    below the top of its tree it sits. From the tops (bodies whose parent is not in
    `bodies`), or from one root when given, in one pass."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for pk, body in bodies.items():
        parent = body.parent_id if body.parent_id in bodies else None
        children[parent].append(pk)
    if root_id is None:
        stack = [(pk, 0) for pk in reversed(children[None])]
    else:
        stack = [(root_id, _depth_of(bodies, root_id))] if root_id in bodies else []
    order: list[tuple[int, int]] = []
    while stack:
        pk, depth = stack.pop()
        order.append((pk, depth))
        stack.extend((child, depth + 1) for child in reversed(children[pk]))
    return order


def _depth_of(bodies: dict, pk: int) -> int:
    depth = 0
    while (parent := bodies[pk].parent_id) in bodies:
        depth, pk = depth + 1, parent
    return depth


def walk_tree(bodies: dict, *, root_id: int | None = None) -> list[int]:
    """Ids of the bodies in tree order (see `tree_order`)."""
    return [pk for pk, _ in tree_order(bodies, root_id=root_id)]


def depths(bodies: dict) -> dict[int, int]:
    """How far below the top of its tree each body sits (0 for a top)."""
    return dict(tree_order(bodies))


@dataclass
class AlignmentRow:
    """One body on the alignment view, with what waits there and what it waits for."""

    body: Body
    depth: int
    waiting: int = 0
    stale: int = 0
    raised_open_above: int = 0
    priorities_awaiting: int = 0
    priorities_overdue: int = 0
    overdue_actions: int = 0
    next_meeting: object = None

    @property
    def needs_attention(self) -> bool:
        return bool(self.stale or self.priorities_overdue or self.overdue_actions)


def _count(queryset: QuerySet, by: str = "body_id") -> Subquery:
    """How many rows of `queryset` belong to the outer body: a correlated `COUNT(*)` with
    no grouping, which PostgreSQL answers from an index alone where one covers it."""
    rows = queryset.filter(**{by: OuterRef("pk")}).order_by()
    counted = rows.annotate(n=Func(Star(), function="COUNT", output_field=IntegerField()))
    counted = counted.values("n")
    return Subquery(counted, output_field=IntegerField())


def bodies_with_counts(body_ids: list[int]) -> dict[int, Body]:
    """These bodies, each with what waits there and what it waits for (one query; each
    count is an indexed look-up for that body)."""
    if not body_ids:
        return {}
    # The open statuses named (rather than "not resolved") so each body's count is read
    # from the (body, status) and (raised at, status) indexes, not from all its issues.
    open_statuses = [status for status in Issue.Status.values if status != Issue.Status.RESOLVED]
    today, open_issues = timezone.localdate(), Issue.objects.filter(status__in=open_statuses)
    bodies = Body.objects.filter(pk__in=body_ids).annotate(
        waiting=_count(open_issues),
        stale=_count(open_issues.filter(arrived_at__lt=stale_cutoff())),
        raised_open_above=_count(open_issues.exclude(body_id=F("raised_at_id")), by="raised_at_id"),
        priorities_awaiting=_count(PriorityAssignment.objects.awaiting()),
        priorities_overdue=_count(PriorityAssignment.objects.overdue(today)),
        overdue_actions=_count(Action.objects.overdue(today)),
    )
    return {body.pk: body for body in bodies}


def _scoped(queryset: QuerySet, *, body_ids: list[int] | None, level: int | None) -> QuerySet:
    """The rows at the listed bodies: those ids, or every active body (of one level)."""
    if body_ids is not None:
        return queryset.filter(body_id__in=body_ids)
    queryset = queryset.filter(body__is_active=True)
    return queryset.filter(body__level=level) if level else queryset


def alignment_totals(*, body_ids: list[int] | None, level: int | None) -> dict[int, int]:
    """What waits at the listed bodies, in all (three or four aggregate queries): the
    bodies of `body_ids`, or every active body (of one level) when None."""
    cutoff, today = stale_cutoff(), timezone.localdate()
    counts = {"waiting": Count("pk"), "stale": Count("pk", filter=Q(arrived_at__lt=cutoff))}
    if body_ids is None and not level:
        # Every open issue is counted from its index alone; those at closed bodies (rarely
        # any) are taken off, rather than joining 270,000 issues to their bodies.
        issues = Issue.objects.open().aggregate(**counts)
        closed = Issue.objects.open().filter(body__is_active=False).aggregate(**counts)
        issues = {key: issues[key] - closed[key] for key in counts}
    else:
        issues = _scoped(Issue.objects.open(), body_ids=body_ids, level=level).aggregate(**counts)
    overdue = PriorityAssignment.objects.overdue(today)
    actions = Action.objects.overdue(today)
    return {
        **issues,
        "priorities_overdue": _scoped(overdue, body_ids=body_ids, level=level).count(),
        "overdue_actions": _scoped(actions, body_ids=body_ids, level=level).count(),
    }


def area_choices(bodies: dict[int, Node]) -> list[Node]:
    """Bodies that can stand for an area on the filter: everything above a JAG."""
    return [body for body in bodies.values() if body.level > Body.Level.JAG]


def alignment_rows(
    *,
    area: int | None = None,
    level: int | None = None,
    per_page: int | None = None,
    page_number: str | int | None = None,
) -> dict:
    """The alignment view's rows in tree order, narrowed to one area's subtree and one
    level when asked (seven or eight queries whatever the number of bodies). With
    `per_page`, `rows` are that page's (whole trees to a page where they fit) and `page`
    the page; `totals` always cover every listed body."""
    from governance.selectors.meetings import next_meetings_by_body

    bodies = active_bodies()
    placed = tree_order(bodies, root_id=area if area in bodies else None)
    if level:
        placed = [(pk, 0) for pk, _ in placed if bodies[pk].level == level]
    order = [pk for pk, _ in placed]
    page, shown, first = None, placed, 1
    if per_page:
        chunks = _chunks(placed, per_page)
        page = Paginator(chunks or [[]], 1).get_page(page_number)
        shown = page.object_list[0]
        first = 1 + sum(len(chunk) for chunk in chunks[: page.number - 1])
    ids = [pk for pk, _ in shown]
    counted = bodies_with_counts(ids)
    meetings = next_meetings_by_body(body_ids=ids)
    rows = [_row(counted[pk], indent, meetings.get(pk)) for pk, indent in shown if pk in counted]
    scope = order if area in bodies else None
    totals = {
        "bodies": len(order),
        "first": first,
        "last": first + len(shown) - 1,
        **alignment_totals(body_ids=scope, level=level),
    }
    return {"rows": rows, "page": page, "totals": totals, "areas": area_choices(bodies)}


def _row(body: Body, depth: int, next_meeting) -> AlignmentRow:
    return AlignmentRow(
        body=body,
        depth=depth,
        waiting=body.waiting,
        stale=body.stale,
        raised_open_above=body.raised_open_above,
        priorities_awaiting=body.priorities_awaiting,
        priorities_overdue=body.priorities_overdue,
        overdue_actions=body.overdue_actions,
        next_meeting=next_meeting,
    )


def _chunks(placed: list[tuple[int, int]], per_page: int) -> list[list[tuple[int, int]]]:
    """The (body, depth) pairs in pages: whole trees to a page where they fit, so a page
    never starts halfway down an area's tree (one area's SPB, SOG, CSPs and JAGs are read
    together); a tree too big for a page is cut into pages."""
    chunks: list[list[tuple[int, int]]] = []
    for tree in _trees(placed):
        if len(tree) > per_page:
            chunks += [tree[i : i + per_page] for i in range(0, len(tree), per_page)]
        elif chunks and len(chunks[-1]) + len(tree) <= per_page:
            chunks[-1].extend(tree)
        else:
            chunks.append(list(tree))
    return chunks


def _trees(placed: list[tuple[int, int]]):
    """The (body, depth) pairs split where a tree starts (depth 0)."""
    tree: list[tuple[int, int]] = []
    for pair in placed:
        if pair[1] == 0 and tree:
            yield tree
            tree = []
        tree.append(pair)
    if tree:
        yield tree


PANEL_ROWS = 10
OUTCOME_DAYS = 90


def body_member_panel(request, roles) -> dict | None:
    """Dashboard: what waits at the person's bodies, answers to what they raised, and
    priorities they owe an answer to (three queries)."""
    from governance.selectors.issues import issue_outcomes_for_bodies
    from governance.selectors.priorities import assignments_awaiting_bodies

    if not roles.body_ids:
        return None
    waiting = list(
        Issue.objects.open()
        .filter(body_id__in=roles.body_ids)
        .select_related("body", "raised_at")
        .order_by("arrived_at", "pk")[: PANEL_ROWS + 1]
    )
    since = timezone.now() - timedelta(days=OUTCOME_DAYS)
    return {
        "waiting": waiting[:PANEL_ROWS],
        "more_waiting": len(waiting) > PANEL_ROWS,
        "outcomes": issue_outcomes_for_bodies(
            body_ids=roles.body_ids, since=since, limit=PANEL_ROWS
        ),
        "outcome_days": OUTCOME_DAYS,
        "assignments": assignments_awaiting_bodies(body_ids=roles.body_ids, limit=PANEL_ROWS),
    }


def officer_panel(request, roles) -> dict | None:
    """Dashboard for officers: stale escalations and overdue acknowledgements across the
    partnership (four queries)."""
    from governance.selectors.issues import stale_issues
    from governance.selectors.priorities import overdue_assignments

    if not roles.is_officer:
        return None
    stale, n_stale = stale_issues(limit=PANEL_ROWS)
    overdue, n_overdue = overdue_assignments(limit=PANEL_ROWS)
    return {"stale": stale, "n_stale": n_stale, "overdue": overdue, "n_overdue": n_overdue}
