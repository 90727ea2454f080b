"""Reads for the alignment view: the whole partnership tree and, for each body, what waits
there and what it waits for, in a fixed number of queries however many bodies there are."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.paginator import Paginator
from django.db.models import Count, F, Q
from django.utils import timezone

from governance.models import Body, Issue, PriorityAssignment
from governance.models.issues import stale_cutoff


def active_bodies() -> dict[int, Body]:
    """Every active body by id, highest level first, then by name (one query)."""
    bodies = Body.objects.filter(is_active=True).order_by("-level", "name")
    return {body.pk: body for body in bodies}


def walk_tree(bodies: dict[int, Body], *, root_id: int | None = None) -> list[int]:
    """Ids of the bodies in tree order (each body before the bodies below it). From the
    tops (bodies whose parent is not in `bodies`), or from one root when given."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for pk, body in bodies.items():
        parent = body.parent_id if body.parent_id in bodies else None
        children[parent].append(pk)
    order: list[int] = []
    stack = [root_id] if root_id is not None else list(reversed(children[None]))
    while stack:
        pk = stack.pop()
        if pk not in bodies:
            continue
        order.append(pk)
        stack.extend(reversed(children[pk]))
    return order


def depths(bodies: dict[int, Body]) -> dict[int, int]:
    """How far below the top of its tree each body sits (0 for a top)."""
    result: dict[int, int] = {}
    for pk in walk_tree(bodies):
        parent = bodies[pk].parent_id
        result[pk] = result[parent] + 1 if parent in result else 0
    return result


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
    children: list = field(default_factory=list)

    @property
    def needs_attention(self) -> bool:
        return bool(self.stale or self.priorities_overdue or self.overdue_actions)


def _issue_counts() -> tuple[dict, dict]:
    cutoff = stale_cutoff()
    waiting = {
        row["body_id"]: row
        for row in Issue.objects.open()
        .values("body_id")
        .annotate(n=Count("pk"), stale=Count("pk", filter=Q(arrived_at__lt=cutoff)))
    }
    above = dict(
        Issue.objects.open()
        .exclude(body_id=F("raised_at_id"))
        .values("raised_at_id")
        .annotate(n=Count("pk"))
        .values_list("raised_at_id", "n")
    )
    return waiting, above


def _assignment_counts() -> dict:
    overdue = Q(
        status=PriorityAssignment.Status.AWAITING,
        priority__acknowledge_by__lt=timezone.localdate(),
    )
    return {
        row["body_id"]: row
        for row in PriorityAssignment.objects.awaiting()
        .values("body_id")
        .annotate(n=Count("pk"), overdue=Count("pk", filter=overdue))
    }


def area_choices(bodies: dict[int, Body]) -> list[Body]:
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
    level when asked (about six queries whatever the number of bodies). With `per_page`,
    `page` is that page of the rows and only its rows get their next meeting; the counts
    and `totals` still cover every row."""
    from governance.selectors.meetings import next_meetings_by_body, overdue_action_counts_by_body

    bodies = active_bodies()
    order = walk_tree(bodies, root_id=area) if area in bodies else walk_tree(bodies)
    if level:
        order = [pk for pk in order if bodies[pk].level == level]
    depth = depths(bodies)
    waiting, above = _issue_counts()
    assignments = _assignment_counts()
    # Every active body listed: count for all of them rather than name thousands of ids.
    everyone = len(order) == len(bodies)
    actions = overdue_action_counts_by_body(body_ids=None if everyone else order)
    rows = []
    for pk in order:
        issues, owed = waiting.get(pk, {}), assignments.get(pk, {})
        rows.append(
            AlignmentRow(
                body=bodies[pk],
                depth=0 if level else depth[pk],
                waiting=issues.get("n", 0),
                stale=issues.get("stale", 0),
                raised_open_above=above.get(pk, 0),
                priorities_awaiting=owed.get("n", 0),
                priorities_overdue=owed.get("overdue", 0),
                overdue_actions=actions.get(pk, 0),
            )
        )
    page, shown, first = None, rows, 1
    if per_page:
        # Whole trees to a page where they fit, so a page never starts halfway down an
        # area's tree: one area's SPB, SOG, CSPs and JAGs are read together.
        chunks: list[list[AlignmentRow]] = []
        for tree in _trees(rows):
            if len(tree) > per_page:  # a tree too big for a page is cut into pages
                chunks += [tree[i : i + per_page] for i in range(0, len(tree), per_page)]
            elif chunks and len(chunks[-1]) + len(tree) <= per_page:
                chunks[-1].extend(tree)
            else:
                chunks.append(list(tree))
        page = Paginator(chunks or [[]], 1).get_page(page_number)
        shown = page.object_list[0]
        first = 1 + sum(len(chunk) for chunk in chunks[: page.number - 1])
    meetings = next_meetings_by_body(body_ids=[row.body.pk for row in shown])
    for row in shown:
        row.next_meeting = meetings.get(row.body.pk)
    totals = {
        "bodies": len(rows),
        "first": first,
        "last": first + len(shown) - 1,
        "waiting": sum(r.waiting for r in rows),
        "stale": sum(r.stale for r in rows),
        "priorities_overdue": sum(r.priorities_overdue for r in rows),
        "overdue_actions": sum(r.overdue_actions for r in rows),
    }
    return {
        "rows": rows,
        "shown": shown,
        "page": page,
        "totals": totals,
        "areas": area_choices(bodies),
    }


def _trees(rows: list[AlignmentRow]):
    """The rows split where a tree starts (a row at depth 0)."""
    tree: list[AlignmentRow] = []
    for row in rows:
        if row.depth == 0 and tree:
            yield tree
            tree = []
        tree.append(row)
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
